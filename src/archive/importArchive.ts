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
import { chunkDocument, intArrayLiteral, type ArchiveChunk } from './archiveText';
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
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    await ensureSchema(client);
    const known = new Map<string, KnownDocument>();
    const { rows } = await client.query('SELECT id, path, size, mtime_ms, hash FROM verbatim_documents');
    for (const row of rows) known.set(row.path, { id: String(row.id), size: Number(row.size), mtimeMs: Number(row.mtime_ms), hash: row.hash });
    // Into an empty archive the chunks load first and the pair index is built once at the end.
    if (known.size === 0) await client.query('DROP INDEX IF EXISTS verbatim_chunks_pairs');
    const summary: ImportSummary = { added: 0, updated: 0, removed: 0, unchanged: 0, bytes: 0, milliseconds: 0 };
    const documents = new DocumentBatch(client);
    const batch = new ChunkBatch(client, documents);
    const seen = new Set<string>();
    let done = 0;
    for (const { path: file } of files) {
      seen.add(file);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      const old = known.get(file);
      if (stat && old && old.size === stat.size && (old.mtimeMs === stat.mtimeMs || hashFile(file) === old.hash)) {
        summary.unchanged++;
      } else if (stat) {
        const read = await readForCache(file, 0, options);
        if (isCorpusWarning(read)) {
          options.onWarning?.(read);
          seen.delete(file);
        } else if (old && old.hash === read.hash) {
          await client.query('UPDATE verbatim_documents SET mtime_ms = $1 WHERE id = $2', [read.doc.mtimeMs, old.id]);
          summary.unchanged++;
        } else {
          if (old) await deleteDocument(client, batch, old.id);
          const id = await documents.add(read.doc, read.hash);
          await batch.add(id, chunkDocument(read.doc));
          if (old) summary.updated++;
          else summary.added++;
          summary.bytes += stat.size;
        }
      }
      options.onProgress?.({ files: ++done, totalFiles: files.length, bytes: summary.bytes });
    }
    await batch.flush();
    const gone = [...known.entries()].filter(([file]) => !seen.has(file)).map(([, doc]) => doc.id);
    for (let k = 0; k < gone.length; k += 1000) {
      const ids = gone.slice(k, k + 1000);
      await client.query('DELETE FROM verbatim_chunks WHERE doc_id = ANY($1::bigint[])', [ids]);
      await client.query('DELETE FROM verbatim_documents WHERE id = ANY($1::bigint[])', [ids]);
    }
    summary.removed = gone.length;
    await client.query(PAIR_INDEX_SQL);
    await client.query(
      'INSERT INTO verbatim_imports (started_at, finished_at, added, updated, removed, unchanged, bytes) VALUES ($1, now(), $2, $3, $4, $5, $6)',
      [startedAt, summary.added, summary.updated, summary.removed, summary.unchanged, summary.bytes],
    );
    await client.query('COMMIT');
    summary.milliseconds = performance.now() - began;
    return summary;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Document rows gathered and written with one parameterised statement per batch; ids are taken ahead. */
class DocumentBatch {
  private rows: unknown[][] = [];
  private ids: string[] = [];

  constructor(private readonly client: Client) {}

  /** Queues `doc` and returns the id it will have. */
  async add(doc: SourceDocument, hash: string): Promise<string> {
    if (!this.ids.length) {
      const { rows } = await this.client.query("SELECT nextval(pg_get_serial_sequence('verbatim_documents', 'id'))::text AS id FROM generate_series(1, $1)", [500]);
      this.ids = rows.map((r) => r.id as string).reverse();
    }
    const id = this.ids.pop()!;
    const blocks: number[] = [];
    for (const block of doc.blocks) blocks.push(block.start, block.end);
    this.rows.push([id, doc.path, doc.size, doc.mtimeMs, hash, sourceFormatOf(doc.path) ?? 'text', doc.title, JSON.stringify(doc.meta), doc.display ?? null,
      intArrayLiteral(blocks), doc.mapping?.runs ? intArrayLiteral(doc.mapping.runs) : null,
      doc.mapping?.marks ? JSON.stringify(doc.mapping.marks) : null, doc.text.length]);
    return id;
  }

  async flush(): Promise<void> {
    if (!this.rows.length) return;
    const columns = this.rows[0].map((_, k) => this.rows.map((row) => row[k]));
    await this.client.query(
      `INSERT INTO verbatim_documents (id, path, size, mtime_ms, hash, format, title, meta, display, blocks, runs, marks, text_length)
       SELECT id, path, size, mtime, hash, format, title, meta::jsonb, display, blocks::integer[], runs::integer[], marks::jsonb, len
       FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::integer[])
         AS d(id, path, size, mtime, hash, format, title, meta, display, blocks, runs, marks, len)`,
      columns,
    );
    this.rows = [];
  }
}

async function deleteDocument(client: Client, batch: ChunkBatch, id: string): Promise<void> {
  // Chunks of this document may still wait in the batch only if it was inserted in this run,
  // which a path never is twice; the batch is flushed anyway to keep the order of writes plain.
  await batch.flush();
  await client.query('DELETE FROM verbatim_chunks WHERE doc_id = $1', [id]);
  await client.query('DELETE FROM verbatim_documents WHERE id = $1', [id]);
}

/** Chunks gathered across documents and written with one parameterised statement per batch. */
class ChunkBatch {
  private docIds: string[] = [];
  private seqs: number[] = [];
  private starts: number[] = [];
  private texts: string[] = [];
  private pairs: string[] = [];
  private chars = 0;

  constructor(private readonly client: Client, private readonly documents: DocumentBatch) {}

  async add(docId: string, chunks: ArchiveChunk[]): Promise<void> {
    chunks.forEach((chunk, seq) => {
      this.docIds.push(docId);
      this.seqs.push(seq);
      this.starts.push(chunk.start);
      this.texts.push(chunk.text);
      this.pairs.push(intArrayLiteral(chunk.pairs));
      this.chars += chunk.text.length;
    });
    if (this.chars >= BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    await this.documents.flush();
    if (!this.docIds.length) return;
    await this.client.query(
      `INSERT INTO verbatim_chunks (doc_id, seq, start_offset, text, pairs)
       SELECT d, s, o, t, p::integer[] FROM unnest($1::bigint[], $2::integer[], $3::integer[], $4::text[], $5::text[]) AS c(d, s, o, t, p)`,
      [this.docIds, this.seqs, this.starts, this.texts, this.pairs],
    );
    this.docIds = [];
    this.seqs = [];
    this.starts = [];
    this.texts = [];
    this.pairs = [];
    this.chars = 0;
  }
}
