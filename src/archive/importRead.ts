// One source file made ready for the archive: read and parsed with the local corpus's readers,
// its document row and its chunks already encoded as binary COPY rows, and its chunks' pair
// buckets listed for the postings. This is the import's CPU work, and it needs nothing but the
// file, so it runs in worker threads (see importReaders.ts) while the main thread talks to the
// database. Files are read in batches into one ImportSink, whose buffers a batch's files share:
// a reader thread hands over four buffers per batch rather than objects per file.

import { readForCache, type ReadDocument } from '../core/cache/cachedRead';
import { isCorpusWarning } from '../core/corpus/readSourceFile';
import { sourceFormatOf } from '../core/corpus/sourceFormats';
import type { CorpusWarning, SourceMeta } from '../core/types';
import { forEachChunk } from './archiveText';
import { CopyRows } from './copyBinary';

/** What a file read for the archive needs to be written there. */
export interface ImportRequest {
  file: string;
  /** The document id its rows are written with. */
  id: number;
  buckets: number;
  maxFileBytes?: number;
  folderMeta?: Record<string, SourceMeta>;
}

/** A file read for the archive: its hash and time, its verbatim_documents row and its chunks as COPY rows. */
export interface ImportedFile {
  hash: string;
  mtimeMs: number;
  /** Its verbatim_documents row (DOCUMENT_COLUMNS) in binary COPY format, without header or trailer. */
  documentRow: Uint8Array;
  /** verbatim_chunks rows (CHUNK_COLUMNS) in binary COPY format, without header or trailer. */
  chunkRows: Uint8Array;
  /** Characters of text in the chunks. */
  chars: number;
  /** Every chunk's distinct pair buckets, one chunk after another: chunk k has pairCounts[k] of them. */
  pairs: Int32Array;
  pairCounts: Int32Array;
}

export const DOCUMENT_COLUMNS = 'id, path, size, mtime_ms, hash, format, title, meta, display, blocks, runs, marks, text_length';
export const CHUNK_COLUMNS = 'doc_id, seq, start_offset, start_line, start_character, text';

/** A file written into a sink: where its rows and pairs lie there. */
interface Written {
  hash: string;
  mtimeMs: number;
  chars: number;
  /** Byte ends of its document row and its chunk rows, and element ends of its pairs and counts. */
  ends: [number, number, number, number];
}

/** A failure to read one file that is no corpus warning (a defect): it fails the import. */
export interface ReadFailure {
  error: string;
}

/**
 * Rows and pairs of a batch of files, written one after another into growing buffers that are
 * reused from batch to batch; `take` copies a batch out at its exact size.
 */
export class ImportSink {
  private readonly documents = new CopyRows(1 << 16);
  private readonly chunks = new CopyRows(1 << 18);
  private pairs: Int32Array = new Int32Array(1 << 14);
  private counts: Int32Array = new Int32Array(1 << 10);
  private pairCount = 0;
  private countCount = 0;
  private written: (Written | CorpusWarning | ReadFailure)[] = [];

  /** Writes `read`, the file `request` names, as the next file of the batch; on failure, writes nothing. */
  write(request: ImportRequest, read: ReadDocument): void {
    const marks = [this.documents.byteLength, this.chunks.byteLength, this.pairCount, this.countCount];
    try {
      this.encode(request, read);
    } catch (error) {
      this.documents.truncate(marks[0]);
      this.chunks.truncate(marks[1]);
      [this.pairCount, this.countCount] = [marks[2], marks[3]];
      throw error;
    }
  }

  private encode(request: ImportRequest, read: ReadDocument): void {
    const { doc, hash } = read;
    const blocks = new Int32Array(2 * doc.blocks.length);
    doc.blocks.forEach((block, k) => {
      blocks[2 * k] = block.start;
      blocks[2 * k + 1] = block.end;
    });
    const row = this.documents;
    row.row(13);
    row.int8(request.id);
    row.text(doc.path);
    row.int8(doc.size);
    row.float8(doc.mtimeMs);
    row.text(hash);
    row.text(sourceFormatOf(doc.path) ?? 'text');
    row.text(doc.title);
    row.jsonb(JSON.stringify(doc.meta));
    if (doc.display === undefined || doc.display === null) row.null();
    else row.text(doc.display);
    row.int4Array(blocks);
    if (doc.mapping?.runs) row.int4Array(doc.mapping.runs);
    else row.null();
    if (doc.mapping?.marks) row.jsonb(JSON.stringify(doc.mapping.marks));
    else row.null();
    row.int4(doc.text.length);
    const rows = this.chunks;
    let seq = 0;
    let chars = 0;
    forEachChunk(doc, request.buckets, (start, stop, line, character, found, count) => {
      if (this.pairCount + count > this.pairs.length) this.pairs = grown(this.pairs, Math.max(2 * this.pairs.length, this.pairCount + count));
      if (this.countCount === this.counts.length) this.counts = grown(this.counts, 2 * this.countCount);
      this.pairs.set(found.subarray(0, count), this.pairCount);
      this.pairCount += count;
      this.counts[this.countCount++] = count;
      rows.row(6);
      rows.int8(request.id);
      rows.int4(seq++);
      rows.int4(start);
      rows.int4(line);
      rows.int4(character);
      rows.text(doc.text.slice(start, stop));
      chars += stop - start;
    });
    this.written.push({ hash, mtimeMs: doc.mtimeMs, chars, ends: [this.documents.byteLength, this.chunks.byteLength, this.pairCount, this.countCount] });
  }

  /** Records that the next file of the batch could not be used, or failed to be read. */
  skip(outcome: CorpusWarning | ReadFailure): void {
    this.written.push(outcome);
  }

  /**
   * The files written since the last take, in order, each with views of four buffers made for
   * this batch alone (`buffers`, to be handed to another thread whole); then starts a new batch.
   */
  take(): { files: (ImportedFile | CorpusWarning | ReadFailure)[]; buffers: ArrayBuffer[] } {
    const documents = new Uint8Array(this.documents.written());
    const chunks = new Uint8Array(this.chunks.written());
    const pairs = this.pairs.slice(0, this.pairCount);
    const counts = this.counts.slice(0, this.countCount);
    let from = [0, 0, 0, 0];
    const files = this.written.map((outcome) => {
      if (!('ends' in outcome)) return outcome;
      const [d, c, p, n] = outcome.ends;
      const file: ImportedFile = {
        hash: outcome.hash,
        mtimeMs: outcome.mtimeMs,
        chars: outcome.chars,
        documentRow: documents.subarray(from[0], d),
        chunkRows: chunks.subarray(from[1], c),
        pairs: pairs.subarray(from[2], p),
        pairCounts: counts.subarray(from[3], n),
      };
      from = outcome.ends;
      return file;
    });
    this.documents.truncate(0);
    this.chunks.truncate(0);
    this.pairCount = 0;
    this.countCount = 0;
    this.written = [];
    return { files, buffers: [documents.buffer, chunks.buffer, pairs.buffer, counts.buffer] };
  }
}

/** Reads `request.file` for the archive, or says why it cannot be used (as the local corpus would). */
export async function readForImport(request: ImportRequest): Promise<ImportedFile | CorpusWarning> {
  const read = await readForCache(request.file, 0, request);
  if (isCorpusWarning(read)) return { path: read.path, message: read.message, limit: read.limit };
  // Written and taken with no await between, so reads in flight together never share a batch.
  const sink = (mainSink ??= new ImportSink());
  sink.write(request, read);
  return sink.take().files[0] as ImportedFile;
}

let mainSink: ImportSink | undefined;

/**
 * Reads `requests` for the archive, one after another, into `sink`, and takes them as one
 * batch. A file that fails for want of a reader's support is a warning, as in readForImport; any
 * other failure is that file's ReadFailure.
 */
export async function readBatchForImport(requests: ImportRequest[], sink: ImportSink): Promise<ReturnType<ImportSink['take']>> {
  for (const request of requests) {
    try {
      const read = await readForCache(request.file, 0, request);
      if (isCorpusWarning(read)) sink.skip({ path: read.path, message: read.message, limit: read.limit });
      else sink.write(request, read);
    } catch (error) {
      sink.skip({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return sink.take();
}

export function isReadFailure(outcome: object): outcome is ReadFailure {
  return 'error' in outcome;
}

function grown(from: Int32Array, length: number): Int32Array {
  const to = new Int32Array(length);
  to.set(from);
  return to;
}
