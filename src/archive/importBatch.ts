// How the import writes: statements sent in order with one in flight, and documents and chunks
// gathered into batches, each batch written with two binary COPYs (documents, then chunks) of
// rows the readers already encoded.

import type { Client } from 'pg';
import { COPY_HEADER, COPY_TRAILER } from './copyBinary';
import { CHUNK_COLUMNS, DOCUMENT_COLUMNS, type ImportedFile } from './importRead';

/** Chunks are sent in batches of about this many characters, one COPY each. */
const BATCH_CHARS = 4_000_000;

/**
 * Sends statements in order with one in flight: the next batch is read and cut into chunks
 * while the database writes the last one, and at most two batches are held in memory.
 */
export class Writer {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: Client) {}

  async send(sql: string, params: unknown[]): Promise<void> {
    await this.pending;
    const sent = this.client.query(sql, params);
    // Awaited by the next send or by drain; until then a failure must not count as unhandled.
    sent.catch(() => undefined);
    this.pending = sent;
  }

  /** Streams `parts` (binary COPY rows) through `sql`, a COPY … FROM STDIN (FORMAT binary). */
  async copy(sql: string, parts: Uint8Array[]): Promise<void> {
    await this.pending;
    const stream = this.client.query(copyFrom()(sql));
    const sent = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    sent.catch(() => undefined);
    this.pending = sent;
    stream.write(COPY_HEADER);
    for (const part of parts) stream.write(part);
    stream.end(COPY_TRAILER);
  }

  async drain(): Promise<void> {
    await this.pending;
  }
}

/** pg-copy-streams, loaded with the import (like pg itself, never by a check). */
export function copyFrom(): typeof import('pg-copy-streams').from {
  return (require('pg-copy-streams') as typeof import('pg-copy-streams')).from;
}

/**
 * Appends `part` to `parts`, as a longer view of the last part when it follows that part in the
 * same buffer: a reader's batch of files lies in one buffer, and each write to the database's
 * stream has a cost of its own.
 */
export function appendPart(parts: Uint8Array[], part: Uint8Array): void {
  const last = parts[parts.length - 1];
  if (last && last.buffer === part.buffer && last.byteOffset + last.byteLength === part.byteOffset) {
    parts[parts.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.byteLength + part.byteLength);
  } else if (part.byteLength) {
    parts.push(part);
  }
}

/**
 * Documents and their chunks, gathered across files, written with one binary COPY each a batch.
 * Before the readers encoded the document rows, an INSERT of unnest()ed parameter arrays cost
 * the main thread about 4% of a 100 MB import to build, and PostgreSQL as much to read back.
 */
export class ImportBatch {
  private documents: Uint8Array[] = [];
  private replaced: string[] = [];
  private touched: { ids: string[]; mtimes: number[] } = { ids: [], mtimes: [] };
  private chunkRows: Uint8Array[] = [];
  private chars = 0;

  constructor(private readonly writer: Writer) {}

  /** Queues a document read for the archive (replacing document `oldId` when given). */
  async add(read: ImportedFile, oldId?: string): Promise<void> {
    if (oldId) this.replaced.push(oldId);
    appendPart(this.documents, read.documentRow);
    appendPart(this.chunkRows, read.chunkRows);
    this.chars += read.chars;
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
      await this.writer.copy(`COPY verbatim_documents (${DOCUMENT_COLUMNS}) FROM STDIN (FORMAT binary)`, this.documents);
      this.documents = [];
    }
    if (this.chunkRows.length) {
      await this.writer.copy(`COPY verbatim_chunks (${CHUNK_COLUMNS}) FROM STDIN (FORMAT binary)`, this.chunkRows);
      this.chunkRows = [];
      this.chars = 0;
    }
  }
}
