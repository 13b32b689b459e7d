// Candidate retrieval: the chunks sharing the most word pairs with each quote, with their
// neighbours, for every quote of a draft in one round trip. The GIN index answers "which chunks
// hold any of these pairs"; the count of shared pairs ranks them. Only these chunks' text leaves
// the database.

import type { Pool } from 'pg';
import { intArrayLiteral, pairQuery } from './archiveText';

/** Chunks ranked per quote (by shared pairs); each brings its two neighbours, so a quote across a border is whole. */
export const CHUNKS_PER_QUOTE = 6;

export interface CandidateChunk {
  quote: number;
  docId: string;
  seq: number;
  start: number;
  text: string;
}

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

const CANDIDATES_SQL = `
SELECT h.quote, c.doc_id, c.seq, c.start_offset, c.text
FROM unnest($1::text[], $3::text[]) WITH ORDINALITY AS q(pairs, query, quote)
CROSS JOIN LATERAL (
  SELECT q.quote, k.doc_id, k.seq
  FROM verbatim_chunks k
  WHERE q.query IS NOT NULL AND k.pairs @@ q.query::query_int
  ORDER BY icount(k.pairs & q.pairs::integer[]) DESC, k.doc_id, k.seq
  LIMIT $2
) AS h
JOIN verbatim_chunks c ON c.doc_id = h.doc_id AND c.seq BETWEEN h.seq - 1 AND h.seq + 1`;

/** The candidate chunks of each quote (numbered from 1 in the order given). Quotes without pairs get none. */
export async function fetchCandidates(pool: Pool, quotePairs: number[][]): Promise<CandidateChunk[]> {
  if (!quotePairs.some((p) => p.length)) return [];
  const { rows } = await pool.query(CANDIDATES_SQL, [quotePairs.map(intArrayLiteral), CHUNKS_PER_QUOTE, quotePairs.map(pairQuery)]);
  return rows.map((row) => ({ quote: Number(row.quote), docId: String(row.doc_id), seq: row.seq, start: row.start_offset, text: row.text }));
}

/** The citation data of the documents named. */
export async function fetchDocuments(pool: Pool, ids: string[]): Promise<Map<string, ArchivedDocument>> {
  const found = new Map<string, ArchivedDocument>();
  if (!ids.length) return found;
  const { rows } = await pool.query(
    'SELECT id, path, format, title, meta, display, blocks, runs, marks FROM verbatim_documents WHERE id = ANY($1::bigint[])',
    [ids],
  );
  for (const row of rows) found.set(String(row.id), { ...row, id: String(row.id) });
  return found;
}
