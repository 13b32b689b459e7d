// `verbatim archive import`: reads the corpora with the same readers as a local corpus and
// mirrors them into the archive in one transaction. Files whose size and time (or, failing that,
// content hash) are unchanged are not written again; documents no longer found are deleted. Until
// the commit, writers keep reading the archive as it was, and a failed or interrupted import
// changes nothing.

import * as fs from 'fs';
import type { Client } from 'pg';
import { hashFile, readForCache } from '../core/cache/cachedRead';
import { isCorpusWarning } from '../core/corpus/readSourceFile';
import { sourceFormatOf } from '../core/corpus/sourceFormats';
import { walkCorpus } from '../core/corpus/walkCorpus';
import type { CorpusWarning, SourceDocument, SourceMeta } from '../core/types';
import { chunkDocument, intArrayLiteral, pairBucketsFor } from './archiveText';
import { ensureSchema, PAIR_INDEX_SQL } from './schema';

export interface ImportOptions {
  maxFileBytes?: number;
  folderMeta?: Record<string, SourceMeta>;
  onProgress?: (progress: ImportProgress) => void;
  /** Called when a file is skipped, as the local corpus would skip it. */
  onWarning?: (warning: CorpusWarning) => void;
}

export interface ImportProgress {
  files: number;
  totalFiles: number;
  bytes: number;
}

export interface ImportSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Bytes of source files read and written. */
  bytes: number;
  milliseconds: number;
}

interface KnownDocument {
  id: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** Chunks are sent in batches of about this many characters, one statement each. */
const BATCH_CHARS = 4_000_000;

/** Only one import writes at a time; the key is arbitrary but fixed. */
const IMPORT_LOCK = 0x76657262;

/** Imports the sources named by `entries` into the archive `client` is connected to. */
export async function importArchive(client: Client, entries: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const began = performance.now();
  const startedAt = new Date();
  const { files, warnings } = await walkCorpus(entries);
  for (const warning of warnings) options.onWarning?.(warning);
  await client.query('BEGIN');
  const writer = new Writer(client);
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    // A new archive's bucket count follows the size of what is imported first.
    const buckets = await ensureSchema(client, () => pairBucketsFor(files.reduce((sum, file) => sum + (fs.statSync(file.path, { throwIfNoEntry: false })?.size ?? 0), 0)));
    // The GIN build sorts its entries in this much memory before writing them out.
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const known = new Map<string, KnownDocument>();
    const { rows } = await client.query('SELECT id, path, size, mtime_ms, hash FROM verbatim_documents');
    for (const row of rows) known.set(row.path, { id: String(row.id), size: Number(row.size), mtimeMs: Number(row.mtime_ms), hash: row.hash });
    // Into an empty archive the chunks load first and the pair index is built once at the end.
    if (known.size === 0) await client.query('DROP INDEX IF EXISTS verbatim_chunks_pairs');
    const summary: ImportSummary = { added: 0, updated: 0, removed: 0, unchanged: 0, bytes: 0, milliseconds: 0 };
    const batch = new ImportBatch(writer, await firstFreeId(client), buckets);
    const seen = new Set<string>();
    let done = 0;
    for (const { path: file } of files) {
      seen.add(file);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      const old = known.get(file);
      if (stat && old && old.size === stat.size && (old.mtimeMs === stat.mtimeMs || hashFile(file) === old.hash)) {
        if (old.mtimeMs !== stat.mtimeMs) batch.touch(old.id, stat.mtimeMs);
        summary.unchanged++;
      } else if (stat) {
        const read = await readForCache(file, 0, options);
        if (isCorpusWarning(read)) {
          options.onWarning?.(read);
          seen.delete(file);
        } else if (old && old.hash === read.hash) {
          batch.touch(old.id, read.doc.mtimeMs);
          summary.unchanged++;
        } else {
          await batch.add(read.doc, read.hash, old?.id);
          if (old) summary.updated++;
          else summary.added++;
          summary.bytes += stat.size;
        }
      }
      options.onProgress?.({ files: ++done, totalFiles: files.length, bytes: summary.bytes });
    }
    const gone = [...known.entries()].filter(([file]) => !seen.has(file)).map(([, doc]) => doc.id);
    for (let k = 0; k < gone.length; k += 10_000) batch.remove(gone.slice(k, k + 10_000));
    summary.removed = gone.length;
    await batch.flush();
    await writer.drain();
    await client.query(PAIR_INDEX_SQL);
    await client.query(`SELECT setval(pg_get_serial_sequence('verbatim_documents', 'id'), greatest($1::bigint, 1), $1::bigint >= 1)`, [batch.lastId]);
    await client.query(
      'INSERT INTO verbatim_imports (started_at, finished_at, added, updated, removed, unchanged, bytes) VALUES ($1, now(), $2, $3, $4, $5, $6)',
      [startedAt, summary.added, summary.updated, summary.removed, summary.unchanged, summary.bytes],
    );
    await client.query('COMMIT');
    summary.milliseconds = performance.now() - began;
    return summary;
  } catch (error) {
    await writer.drain().catch(() => undefined);
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The first id a new document may take. Only the import writes documents, and only one import
 * runs at a time (the advisory lock), so ids are handed out here without a round trip each and
 * the sequence is moved past them at the end.
 */
async function firstFreeId(client: Client): Promise<number> {
  const { rows } = await client.query(
    `SELECT greatest((SELECT coalesce(max(id), 0) FROM verbatim_documents), (SELECT last_value FROM verbatim_documents_id_seq)) + 1 AS id`,
  );
  return Number(rows[0].id);
}

/**
 * Sends statements in order with one in flight: the next batch is read and cut into chunks
 * while the database writes the last one, and at most two batches are held in memory.
 */
class Writer {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: Client) {}

  async send(sql: string, params: unknown[]): Promise<void> {
    await this.pending;
    const sent = this.client.query(sql, params);
    // Awaited by the next send or by drain; until then a failure must not count as unhandled.
    sent.catch(() => undefined);
    this.pending = sent;
  }

  async drain(): Promise<void> {
    await this.pending;
  }
}

/**
 * Documents and their chunks, gathered across files and written with one statement per table
 * per batch (unnest of parameter arrays: parameterised, and a few round trips per megabytes).
 */
class ImportBatch {
  private documents: unknown[][] = [];
  private replaced: string[] = [];
  private touched: { ids: string[]; mtimes: number[] } = { ids: [], mtimes: [] };
  private chunks = { docIds: [] as number[], seqs: [] as number[], starts: [] as number[], lines: [] as number[], characters: [] as number[], texts: [] as string[], pairs: [] as string[] };
  private chars = 0;
  private nextId: number;

  constructor(private readonly writer: Writer, firstId: number, private readonly buckets: number) {
    this.nextId = firstId;
  }

  /** The highest id handed out (or the one before the first). */
  get lastId(): number {
    return this.nextId - 1;
  }

  /** Queues `doc` (replacing document `oldId` when given). */
  async add(doc: SourceDocument, hash: string, oldId?: string): Promise<void> {
    if (oldId) this.replaced.push(oldId);
    const id = this.nextId++;
    const blocks: number[] = [];
    for (const block of doc.blocks) blocks.push(block.start, block.end);
    this.documents.push([id, doc.path, doc.size, doc.mtimeMs, hash, sourceFormatOf(doc.path) ?? 'text', doc.title, JSON.stringify(doc.meta), doc.display ?? null,
      intArrayLiteral(blocks), doc.mapping?.runs ? intArrayLiteral(doc.mapping.runs) : null,
      doc.mapping?.marks ? JSON.stringify(doc.mapping.marks) : null, doc.text.length]);
    const chunks = chunkDocument(doc, this.buckets);
    const c = this.chunks;
    for (let seq = 0; seq < chunks.length; seq++) {
      c.docIds.push(id);
      c.seqs.push(seq);
      c.starts.push(chunks[seq].start);
      c.lines.push(chunks[seq].line);
      c.characters.push(chunks[seq].character);
      c.texts.push(chunks[seq].text);
      c.pairs.push(intArrayLiteral(chunks[seq].pairs));
      this.chars += chunks[seq].text.length;
    }
    if (this.chars >= BATCH_CHARS) await this.flush();
  }

  /** Records a new file time for a document whose content is unchanged. */
  touch(id: string, mtimeMs: number): void {
    this.touched.ids.push(id);
    this.touched.mtimes.push(mtimeMs);
  }

  /** Queues the deletion of documents no longer found. */
  remove(ids: string[]): void {
    this.replaced.push(...ids);
  }

  async flush(): Promise<void> {
    // A replaced document goes before its new row, which has the same path.
    if (this.replaced.length) {
      await this.writer.send('DELETE FROM verbatim_chunks WHERE doc_id = ANY($1::bigint[])', [this.replaced]);
      await this.writer.send('DELETE FROM verbatim_documents WHERE id = ANY($1::bigint[])', [this.replaced]);
      this.replaced = [];
    }
    if (this.touched.ids.length) {
      await this.writer.send('UPDATE verbatim_documents d SET mtime_ms = t.mtime FROM unnest($1::bigint[], $2::float8[]) AS t(id, mtime) WHERE d.id = t.id', [this.touched.ids, this.touched.mtimes]);
      this.touched = { ids: [], mtimes: [] };
    }
    if (this.documents.length) {
      const columns = this.documents[0].map((_, k) => this.documents.map((row) => row[k]));
      await this.writer.send(
        `INSERT INTO verbatim_documents (id, path, size, mtime_ms, hash, format, title, meta, display, blocks, runs, marks, text_length)
         SELECT id, path, size, mtime, hash, format, title, meta::jsonb, display, blocks::integer[], runs::integer[], marks::jsonb, len
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::integer[])
           AS d(id, path, size, mtime, hash, format, title, meta, display, blocks, runs, marks, len)`,
        columns,
      );
      this.documents = [];
    }
    const c = this.chunks;
    if (c.docIds.length) {
      await this.writer.send(
        `INSERT INTO verbatim_chunks (doc_id, seq, start_offset, start_line, start_character, text, pairs)
         SELECT d, s, o, l, ch, t, p::integer[] FROM unnest($1::bigint[], $2::integer[], $3::integer[], $4::integer[], $5::integer[], $6::text[], $7::text[]) AS c(d, s, o, l, ch, t, p)`,
        [c.docIds, c.seqs, c.starts, c.lines, c.characters, c.texts, c.pairs],
      );
      this.chunks = { docIds: [], seqs: [], starts: [], lines: [], characters: [], texts: [], pairs: [] };
      this.chars = 0;
    }
  }
}
