// The archive's tables. Documents keep what a citation needs (path, title, metadata, format,
// the offset and location mappings); chunks keep the text in word-count pieces with their pair
// hashes under a GIN index, and where each starts (offset, line and character), so a passage
// found in a chunk has its place in the whole document without reading the rest of it. Everything a writer reads is in these two tables, each keyed by the
// document id, so both can be distributed by it (see the README's "Scaling out").

import type { ClientBase } from 'pg';

export const SCHEMA_VERSION = 3;

export const SCHEMA_SQL = `
CREATE EXTENSION IF NOT EXISTS intarray;
CREATE TABLE IF NOT EXISTS verbatim_archive (
  version integer NOT NULL,
  pair_buckets integer NOT NULL,
  frequent_pairs integer[] NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS verbatim_imports (
  id bigserial PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  added integer NOT NULL,
  updated integer NOT NULL,
  removed integer NOT NULL,
  unchanged integer NOT NULL,
  bytes bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS verbatim_documents (
  id bigserial PRIMARY KEY,
  path text NOT NULL UNIQUE,
  size bigint NOT NULL,
  mtime_ms double precision NOT NULL,
  hash text NOT NULL,
  format text NOT NULL,
  title text NOT NULL,
  meta jsonb NOT NULL,
  display text,
  blocks integer[] NOT NULL,
  runs integer[],
  marks jsonb,
  text_length integer NOT NULL
);
CREATE TABLE IF NOT EXISTS verbatim_chunks (
  doc_id bigint NOT NULL,
  seq integer NOT NULL,
  start_offset integer NOT NULL,
  start_line integer NOT NULL,
  start_character integer NOT NULL,
  text text COMPRESSION lz4 NOT NULL,
  pairs integer[] COMPRESSION lz4 NOT NULL,
  PRIMARY KEY (doc_id, seq)
) WITH (toast_tuple_target = 256);
`;

/**
 * The text goes to TOAST compressed; the pairs (which hardly compress) stay in the row, so the
 * index build and the candidate ranking read them without a TOAST lookup. Run only when the
 * table is created: ALTER TABLE would lock writers' reads out for the whole import.
 */
const NEW_CHUNKS_SQL = 'ALTER TABLE verbatim_chunks ALTER COLUMN pairs SET STORAGE MAIN';

/**
 * The pair index. A first import loads the chunks before creating it: built in one pass it is
 * about a third the size of one grown row by row, and the load is several times faster.
 */
export const PAIR_INDEX_SQL = 'CREATE INDEX IF NOT EXISTS verbatim_chunks_pairs ON verbatim_chunks USING gin (pairs gin__int_ops) WITH (fastupdate = off)';

/**
 * The pair buckets held by at least `$2` chunks, estimated from a sample of `$1` percent of the
 * chunks' pages (every import refreshes them). Their posting lists are what makes a lookup slow
 * ("United States" is in 160,000 chunks of the 1 GB bench archive, a typical pair in 30), so a
 * writer's lookup leaves them out whenever the quote has other pairs to be found by.
 */
export const FREQUENT_PAIRS_SQL = `
UPDATE verbatim_archive SET frequent_pairs = (
  SELECT coalesce(array_agg(b ORDER BY b), '{}') FROM (
    SELECT b FROM verbatim_chunks TABLESAMPLE SYSTEM ($1) REPEATABLE (1), unnest(pairs) AS b
    GROUP BY b HAVING count(*) * 100.0 / $1 >= $2
  ) AS f
)`;

/**
 * Creates the tables when missing (an import does this; a writer's check never does), with
 * `pairBuckets` for a new archive; returns the archive's bucket count.
 */
export async function ensureSchema(client: ClientBase, pairBuckets: () => number): Promise<number> {
  const { rows: existing } = await client.query(`SELECT to_regclass('verbatim_chunks') IS NOT NULL AS present`);
  await client.query(SCHEMA_SQL);
  if (!existing[0].present) await client.query(NEW_CHUNKS_SQL);
  const { rows } = await client.query('SELECT version, pair_buckets FROM verbatim_archive');
  if (rows.length === 0) {
    const buckets = pairBuckets();
    await client.query('INSERT INTO verbatim_archive (version, pair_buckets) VALUES ($1, $2)', [SCHEMA_VERSION, buckets]);
    return buckets;
  }
  if (rows[0].version !== SCHEMA_VERSION) throw new Error(`the archive has schema version ${rows[0].version}; this Verbatim reads version ${SCHEMA_VERSION} (import the sources into a new database)`);
  return rows[0].pair_buckets;
}
