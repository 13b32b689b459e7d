// Candidate retrieval: the chunks sharing the most word pairs with each quote, with their
// neighbours, for every quote of a draft in one round trip. The GIN index answers "which chunks
// hold any of these pairs"; the count of shared pairs ranks them. Only these chunks' text leaves
// the database.

import type { Pool } from 'pg';
import { intArrayLiteral, pairQuery } from './archiveText';

/** Chunks ranked per quote (by shared pairs); each brings its two neighbours, so a quote across a border is whole. */
export const CHUNKS_PER_QUOTE = 6;

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

// The hits are ranked per quote in the database; each chunk's text is sent once, however many
// quotes it serves. Rows with quote 0 carry a chunk's text, the others name a quote's hit.
const CANDIDATES_SQL = `
WITH ranked AS MATERIALIZED (
  SELECT q.quote, h.doc_id, h.seq, h.shared, max(h.shared) OVER (PARTITION BY q.quote) AS best
  FROM unnest($1::text[], $3::text[]) WITH ORDINALITY AS q(pairs, query, quote)
  CROSS JOIN LATERAL (
    SELECT k.doc_id, k.seq, icount(k.pairs & q.pairs::integer[]) AS shared
    FROM verbatim_chunks k
    WHERE q.query IS NOT NULL AND k.pairs @@ q.query::query_int
    ORDER BY shared DESC, k.doc_id, k.seq
    LIMIT $2
  ) AS h
), hits AS MATERIALIZED (
  SELECT quote, doc_id, seq FROM ranked WHERE shared * $4::integer >= best
)
SELECT quote, doc_id, seq, NULL::integer AS start_offset, NULL::integer AS start_line, NULL::integer AS start_character, NULL::text AS text FROM hits
UNION ALL
SELECT * FROM (
  SELECT DISTINCT ON (c.doc_id, c.seq) 0, c.doc_id, c.seq, c.start_offset, c.start_line, c.start_character, c.text
  FROM hits h JOIN verbatim_chunks c ON c.doc_id = h.doc_id AND c.seq BETWEEN h.seq - 1 AND h.seq + 1
  ORDER BY c.doc_id, c.seq
) AS texts`;

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
 * The candidate chunks of each quote: found by `lookup` (see lookupPairs), ranked by how many of
 * `quotePairs` they share. Quotes without pairs get none. Prepared once per connection.
 */
export async function fetchCandidates(pool: Pool, quotePairs: number[][], lookup: number[][] = quotePairs, parts = 1): Promise<Candidates> {
  const found: Candidates = { hits: quotePairs.map(() => []), chunks: new Map() };
  if (!quotePairs.some((p) => p.length)) return found;
  // A long draft is split over several connections, so several server processes look it up at once.
  const size = Math.max(MIN_QUOTES_PER_PART, Math.ceil(quotePairs.length / parts));
  if (quotePairs.length > size) {
    const starts: number[] = [];
    for (let from = 0; from < quotePairs.length; from += size) starts.push(from);
    const answers = await Promise.all(starts.map((from) => fetchCandidates(pool, quotePairs.slice(from, from + size), lookup.slice(from, from + size))));
    answers.forEach((answer, k) => {
      answer.hits.forEach((hits, q) => (found.hits[starts[k] + q] = hits));
      for (const [key, chunk] of answer.chunks) found.chunks.set(key, chunk);
    });
    return found;
  }
  const { rows } = await pool.query({
    name: 'verbatim-candidates',
    text: CANDIDATES_SQL,
    values: [quotePairs.map(intArrayLiteral), CHUNKS_PER_QUOTE, lookup.map(pairQuery), KEEP_FRACTION],
  });
  for (const row of rows) {
    const docId = String(row.doc_id);
    if (Number(row.quote) === 0) found.chunks.set(`${docId}:${row.seq}`, { docId, seq: row.seq, start: row.start_offset, line: row.start_line, character: row.start_character, text: row.text });
    else found.hits[Number(row.quote) - 1].push({ docId, seq: row.seq });
  }
  return found;
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
