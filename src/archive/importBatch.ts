// How the import writes: statements sent in order with one in flight, and documents and chunks
// gathered into batches, the documents written with one statement per batch and the chunks with
// one binary COPY.

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
 * Documents and their chunks, gathered across files: the documents are written with one
 * statement per batch (unnest of parameter arrays), the chunks with one binary COPY.
 */
export class ImportBatch {
  private documents: unknown[][] = [];
  private replaced: string[] = [];
  private touched: { ids: string[]; mtimes: number[] } = { ids: [], mtimes: [] };
  private chunkRows: Uint8Array[] = [];
  private chars = 0;

  constructor(private readonly writer: Writer) {}

  /** Queues a document read for the archive (replacing document `oldId` when given). */
  async add(read: ImportedFile, oldId?: string): Promise<void> {
    if (oldId) this.replaced.push(oldId);
    this.documents.push(read.row);
    this.chunkRows.push(read.chunkRows);
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
      const columns = this.documents[0].map((_, k) => this.documents.map((row) => row[k]));
      await this.writer.send(
        `INSERT INTO verbatim_documents (${DOCUMENT_COLUMNS})
         SELECT id, path, size, mtime, hash, format, title, meta::jsonb, display, blocks::integer[], runs::integer[], marks::jsonb, len
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::integer[])
           AS d(id, path, size, mtime, hash, format, title, meta, display, blocks, runs, marks, len)`,
        columns,
      );
      this.documents = [];
    }
    if (this.chunkRows.length) {
      await this.writer.copy(`COPY verbatim_chunks (${CHUNK_COLUMNS}) FROM STDIN (FORMAT binary)`, this.chunkRows);
      this.chunkRows = [];
      this.chars = 0;
    }
  }
}
