// One source file made ready for the archive: read and parsed with the local corpus's readers,
// its document row prepared and its chunks already encoded as binary COPY rows. This is the
// import's CPU work, and it needs nothing but the file, so it runs in worker threads (see
// importReaders.ts) while the main thread talks to the database.

import { readForCache } from '../core/cache/cachedRead';
import { isCorpusWarning } from '../core/corpus/readSourceFile';
import { sourceFormatOf } from '../core/corpus/sourceFormats';
import type { CorpusWarning, SourceMeta } from '../core/types';
import { forEachChunk, intArrayLiteral } from './archiveText';
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
  /** The columns of DOCUMENT_COLUMNS, in that order. */
  row: unknown[];
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

/** Reads `request.file` for the archive, or says why it cannot be used (as the local corpus would). */
export async function readForImport(request: ImportRequest): Promise<ImportedFile | CorpusWarning> {
  const read = await readForCache(request.file, 0, request);
  if (isCorpusWarning(read)) return { path: read.path, message: read.message, limit: read.limit };
  const { doc, hash } = read;
  const blocks: number[] = [];
  for (const block of doc.blocks) blocks.push(block.start, block.end);
  const row = [request.id, doc.path, doc.size, doc.mtimeMs, hash, sourceFormatOf(doc.path) ?? 'text', doc.title, JSON.stringify(doc.meta), doc.display ?? null,
    intArrayLiteral(blocks), doc.mapping?.runs ? intArrayLiteral(doc.mapping.runs) : null,
    doc.mapping?.marks ? JSON.stringify(doc.mapping.marks) : null, doc.text.length];
  const rows = new CopyRows(2 * doc.text.length + 4096);
  let seq = 0;
  let chars = 0;
  let pairs: Int32Array = new Int32Array(1024);
  let pairCounts: Int32Array = new Int32Array(64);
  let pairCount = 0;
  forEachChunk(doc, request.buckets, (start, stop, line, character, found, count) => {
    if (pairCount + count > pairs.length) pairs = grown(pairs, Math.max(2 * pairs.length, pairCount + count));
    if (seq === pairCounts.length) pairCounts = grown(pairCounts, 2 * seq);
    pairs.set(found.subarray(0, count), pairCount);
    pairCount += count;
    pairCounts[seq] = count;
    rows.row(6);
    rows.int8(request.id);
    rows.int4(seq++);
    rows.int4(start);
    rows.int4(line);
    rows.int4(character);
    rows.text(doc.text.slice(start, stop));
    chars += stop - start;
  });
  return { hash, mtimeMs: doc.mtimeMs, row, chunkRows: rows.written(), chars, pairs: pairs.slice(0, pairCount), pairCounts: pairCounts.slice(0, seq) };
}

function grown(from: Int32Array, length: number): Int32Array {
  const to = new Int32Array(length);
  to.set(from);
  return to;
}
