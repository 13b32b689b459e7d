// The import's side of the postings: each import that adds chunks writes their lists as a new
// part, and the parts are rebuilt into one from the stored chunks when they grow too many or
// hold too many removed chunks (a replaced or removed document's entries stay in its part until
// then; lookups skip them, but they cost reading).

import type { Client } from 'pg';
import { forEachChunk } from './archiveText';
import type { Writer } from './importBatch';
import { POSTING_COLUMNS, PostingsBuilder } from './postings';

/**
 * More parts than this, added since the lists were last written whole, make each lookup read
 * that many rows per pair: they are merged. (Written whole, an archive past MAX_PART_ENTRIES
 * already takes several parts, which a rebuild would only write again.)
 */
export const MAX_PARTS = 8;

/** When more than this share of the posted chunks has been removed, the postings are rebuilt. */
export const MAX_DEAD_SHARE = 0.25;

/** Documents read per round trip while rebuilding. */
const REBUILD_PAGE = 500;

const COPY_SQL = `COPY verbatim_postings (${POSTING_COLUMNS}) FROM STDIN (FORMAT binary)`;

/** The archive's parts so far, how many of them were written whole, and the chunks posted in them (removed ones included). */
export interface PostingsState {
  parts: number;
  whole: number;
  posted: number;
}

/** Writes what `builder` holds as the archive's next part. */
export async function writePart(writer: Writer, builder: PostingsBuilder, state: PostingsState): Promise<void> {
  if (!builder.chunks) return;
  state.posted += builder.chunks;
  await builder.writeRows(state.parts++, (rows) => writer.copy(COPY_SQL, [rows]));
}

/** Whether the postings should be rebuilt, now that `live` chunks remain. */
export function needsRebuild(state: PostingsState, live: number): boolean {
  return state.parts - state.whole >= MAX_PARTS || state.posted - live > state.posted * MAX_DEAD_SHARE;
}

/**
 * Replaces every part with lists of the chunks stored now, cut again from their documents'
 * text (the chunks put back together) and prose blocks, as the import cut them; a part is
 * written each time `partEntries` entries are held.
 */
export async function rebuildPostings(client: Client, writer: Writer, buckets: number, state: PostingsState, partEntries: number): Promise<void> {
  await writer.send('DELETE FROM verbatim_postings', []);
  await writer.drain();
  Object.assign(state, { parts: 0, whole: 0, posted: 0 });
  const builder = new PostingsBuilder(buckets);
  let after = '0';
  for (;;) {
    const { rows } = await client.query(
      `SELECT d.id, d.blocks, string_agg(c.text, '' ORDER BY c.seq) AS text
       FROM verbatim_documents d JOIN verbatim_chunks c ON c.doc_id = d.id
       WHERE d.id > $1::bigint GROUP BY d.id ORDER BY d.id LIMIT ${REBUILD_PAGE}`,
      [after],
    );
    for (const row of rows) {
      const blocks: { start: number; end: number }[] = [];
      for (let k = 0; k + 1 < row.blocks.length; k += 2) blocks.push({ start: row.blocks[k], end: row.blocks[k + 1] });
      const doc = Number(row.id);
      let seq = 0;
      forEachChunk({ text: row.text, blocks }, buckets, (_start, _stop, _line, _character, pairs, count) => builder.add(doc, seq++, pairs, count));
      if (builder.entries >= partEntries) await writePart(writer, builder, state);
    }
    if (rows.length < REBUILD_PAGE) break;
    after = String(rows[rows.length - 1].id);
  }
  await writePart(writer, builder, state);
  await writer.drain();
  state.whole = state.parts;
}
