// The archive's tables. Documents keep what a citation needs (path, title, metadata, format,
// the offset and location mappings); chunks keep the text in word-count pieces, and where each
// starts (offset, line and character), so a passage found in a chunk has its place in the whole
// document without reading the rest of it. Both are keyed by the document id, so both can be
// distributed by it. The postings (see postings.ts) say which chunks hold each pair bucket; they
// are keyed by the bucket (see the README's "Scaling out").

import type { ClientBase } from 'pg';

export const SCHEMA_VERSION = 4;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS verbatim_archive (
  version integer NOT NULL,
  pair_buckets integer NOT NULL,
  frequent_pairs integer[] NOT NULL DEFAULT '{}',
  parts integer NOT NULL DEFAULT 0,
  whole_parts integer NOT NULL DEFAULT 0,
  posted_chunks bigint NOT NULL DEFAULT 0
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
  text text NOT NULL,
  PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS verbatim_postings (
  bucket integer NOT NULL,
  part integer NOT NULL,
  entries integer NOT NULL,
  chunks bytea NOT NULL,
  PRIMARY KEY (bucket, part)
);
`;

/**
 * The pair buckets held by at least `$1` chunks, over all parts (every import that changes
 * anything refreshes them; a part's removed chunks still count, which errs on the side of
 * leaving a pair out). Their lists are what makes a lookup slow ("United States" is in 160,000
 * chunks of the 1 GB bench archive, a typical pair in 30), so a writer's lookup leaves them out
 * whenever the quote has other pairs to be found by. A bucket reaching `$1` over `$2` parts has
 * a row holding at least `$1 / $2` of them, which is what the scan looks for first.
 */
export const FREQUENT_PAIRS_SQL = `
UPDATE verbatim_archive SET frequent_pairs = (
  SELECT coalesce(array_agg(bucket ORDER BY bucket), '{}') FROM (
    SELECT bucket FROM verbatim_postings
    WHERE bucket IN (SELECT bucket FROM verbatim_postings WHERE entries * $2::integer >= $1::integer)
    GROUP BY bucket HAVING sum(entries) >= $1::integer
  ) AS f
)`;

/**
 * Creates the tables when missing (an import does this; a writer's check never does), with
 * `pairBuckets` for a new archive; returns the archive's bucket count.
 */
export async function ensureSchema(client: ClientBase, pairBuckets: () => number): Promise<number> {
  await client.query(SCHEMA_SQL);
  const { rows } = await client.query('SELECT version, pair_buckets FROM verbatim_archive');
  if (rows.length === 0) {
    const buckets = pairBuckets();
    await client.query('INSERT INTO verbatim_archive (version, pair_buckets) VALUES ($1, $2)', [SCHEMA_VERSION, buckets]);
    return buckets;
  }
  if (rows[0].version !== SCHEMA_VERSION) throw new Error(`the archive has schema version ${rows[0].version}; this Verbatim reads version ${SCHEMA_VERSION} (import the sources into a new database)`);
  return rows[0].pair_buckets;
}
