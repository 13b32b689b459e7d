// Candidate retrieval: the chunks sharing the most word pairs with each quote, with their
// neighbours. The posting lists (see postings.ts) say which chunks hold each of the draft's
// pairs; the engine counts and ranks, and only the chunks kept have their text sent.

import type { Pool } from 'pg';
import type { QuoteKeys } from './archiveText';
import { decodePostings, maxPostingKeys } from './postings';
import { ascending, CHUNKS_PER_QUOTE, rankChunks, type RankedHit } from './rankChunks';


/**
 * Of those, only chunks sharing at least 1/KEEP_FRACTION of the best chunk's pairs are aligned:
 * the quote's passage (and every other source that words it, which attribution compares) shares
 * most of its pairs, a chunk that shares a few by chance does not, and each window kept costs
 * an alignment.
 */
export const KEEP_FRACTION = 2;

export interface ArchivedDocument {
  id: string;
  path: string;
  format: string;
  title: string;
  meta: Record<string, string>;
  display: 'file' | 'extracted' | null;
  blocks: number[];
  runs: number[] | null;
  marks: [number, Record<string, string>][] | null;
}

const POSTINGS_SQL = 'SELECT bucket, chunks FROM verbatim_postings WHERE bucket = ANY($1::integer[])';

// The hits' chunks and their neighbours, each once however many quotes it serves. A hit whose
// document was removed since its part was written has no row, and is dropped.
const TEXTS_SQL = `
SELECT DISTINCT ON (c.doc_id, c.seq) c.doc_id, c.seq, c.start_offset, c.start_line, c.start_character, c.text
FROM unnest($1::bigint[], $2::integer[]) AS h(doc_id, seq)
JOIN verbatim_chunks c ON c.doc_id = h.doc_id AND c.seq BETWEEN h.seq - 1 AND h.seq + 1
ORDER BY c.doc_id, c.seq`;

/** Fewer quotes than this are not worth a connection of their own. */
const MIN_QUOTES_PER_PART = 10;

/** A chunk's text, by document id and sequence number. */
export interface ChunkText {
  docId: string;
  seq: number;
  start: number;
  /** Where the chunk starts in the whole document: 0-based line and UTF-16 character. */
  line: number;
  character: number;
  text: string;
}

/** What the archive holds for a draft's quotes: each quote's best chunks and the chunks' text. */
export interface Candidates {
  /** Per quote (in the order given): the hits, as document id and sequence number. */
  hits: { docId: string; seq: number }[][];
  /** Every hit's chunk and its neighbours, keyed by `${docId}:${seq}`. */
  chunks: Map<string, ChunkText>;
}

/**
 * The candidate chunks of each quote (see QuoteKeys): the chunks holding two of its `find` pairs
 * (or its only one), ranked by how many of its `rank` pairs they hold. Two round trips for the
 * whole draft: the posting lists of every quote's pairs, then the text of the hits kept.
 */
export async function fetchCandidates(pool: Pool, keys: QuoteKeys[], parts = 1): Promise<Candidates> {
  const found: Candidates = { hits: keys.map(() => []), chunks: new Map() };
  if (!keys.some((k) => k.find.length)) return found;
  // A long draft is split over several connections, so several server processes look it up at once.
  const size = Math.max(MIN_QUOTES_PER_PART, Math.ceil(keys.length / parts));
  if (keys.length > size) {
    const starts: number[] = [];
    for (let from = 0; from < keys.length; from += size) starts.push(from);
    const answers = await Promise.all(starts.map((from) => fetchCandidates(pool, keys.slice(from, from + size))));
    answers.forEach((answer, k) => {
      answer.hits.forEach((hits, q) => (found.hits[starts[k] + q] = hits));
      for (const [key, chunk] of answer.chunks) found.chunks.set(key, chunk);
    });
    return found;
  }
  // `rank` holds every pair of `find` (see quoteKeys).
  const wanted = new Set<number>();
  for (const k of keys) for (const pair of k.rank) wanted.add(pair);
  const { rows: lists } = await pool.query({ name: 'verbatim-postings', text: POSTINGS_SQL, values: [[...wanted]] });
  const postings = new Map<number, Float64Array[]>();
  // One array holds every list's keys: an array per list made hundreds of allocations a lookup,
  // which with sixteen drafts at once kept the garbage collector busy.
  let room = 0;
  for (const row of lists) room += maxPostingKeys(row.chunks);
  const decoded = new Float64Array(room);
  let used = 0;
  for (const row of lists) {
    const list = ascending(decodePostings(row.chunks, decoded, used));
    used += list.length;
    const held = postings.get(row.bucket);
    if (held) held.push(list);
    else postings.set(row.bucket, [list]);
  }
  const ranked = keys.map((k) => rankChunks(k, postings));
  // The best CHUNKS_PER_QUOTE hits' text first; spare hits only for quotes that lost some to
  // removed documents, which is rare between rebuilds.
  await fetchTexts(pool, ranked.flatMap((hits) => hits.slice(0, CHUNKS_PER_QUOTE)), found.chunks);
  const short = ranked.filter((hits) => hits.slice(0, CHUNKS_PER_QUOTE).some((hit) => !found.chunks.has(`${hit.doc}:${hit.seq}`)));
  await fetchTexts(pool, short.flatMap((hits) => hits.slice(CHUNKS_PER_QUOTE)), found.chunks);
  const kept = new Map<string, ChunkText>();
  ranked.forEach((hits, q) => {
    const alive = hits.filter((hit) => found.chunks.has(`${hit.doc}:${hit.seq}`)).slice(0, CHUNKS_PER_QUOTE);
    const best = alive.length ? alive[0].shared : 0;
    found.hits[q] = alive.filter((hit) => hit.shared * KEEP_FRACTION >= best).map((hit) => ({ docId: hit.doc, seq: hit.seq }));
    for (const hit of found.hits[q]) {
      for (const seq of [hit.seq - 1, hit.seq, hit.seq + 1]) {
        const chunk = found.chunks.get(`${hit.docId}:${seq}`);
        if (chunk) kept.set(`${hit.docId}:${seq}`, chunk);
      }
    }
  });
  found.chunks = kept;
  return found;
}

/** Adds the text of `hits` and their neighbours to `chunks`, each chunk asked for once. */
async function fetchTexts(pool: Pool, hits: RankedHit[], chunks: Map<string, ChunkText>): Promise<void> {
  const asked = new Map<string, RankedHit>();
  for (const hit of hits) asked.set(`${hit.doc}:${hit.seq}`, hit);
  if (!asked.size) return;
  const { rows } = await pool.query({
    name: 'verbatim-texts',
    text: TEXTS_SQL,
    values: [[...asked.values()].map((hit) => hit.doc), [...asked.values()].map((hit) => hit.seq)],
  });
  for (const row of rows) {
    const docId = String(row.doc_id);
    chunks.set(`${docId}:${row.seq}`, { docId, seq: row.seq, start: row.start_offset, line: row.start_line, character: row.start_character, text: row.text });
  }
}

/** The citation data of the documents named. */
export async function fetchDocuments(pool: Pool, ids: string[]): Promise<Map<string, ArchivedDocument>> {
  const found = new Map<string, ArchivedDocument>();
  if (!ids.length) return found;
  const { rows } = await pool.query({
    name: 'verbatim-documents',
    text: 'SELECT id, path, format, title, meta, display, blocks, runs, marks FROM verbatim_documents WHERE id = ANY($1::bigint[])',
    values: [ids],
  });
  for (const row of rows) found.set(String(row.id), { ...row, id: String(row.id) });
  return found;
}

