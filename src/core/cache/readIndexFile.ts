// Reading a cache's index file (its layout is in cacheFile.ts). Everything in it is checked
// before any of it is used; a file that does not fit is no cache, and the corpus is read again.
// The bulk of the file (tens of megabytes for a large archive) is read on libuv's threads
// while the caller stats the corpus files: a warm start needs both before it can check anything.

import * as fs from 'fs';
import * as path from 'path';
import type { Postings } from '../match/postings';
import { TokenStream } from '../match/tokenStream';
import { partsFit } from './cacheChecks';
import { align8, CACHE_VERSION, INDEX_FILE, readHeaderOf, SECTION_NAMES, SECTIONS, textsFileName, type CacheContents, type Header, type SectionName, type SectionValue, type SkippedFile } from './cacheFile';
import { DocumentTable } from './documentTable';
import { readChunkInBackground, type Chunk } from './fileRanges';
import { FilePostings } from './filePostings';

/** How a cache is read. */
export interface ReadCacheOptions {
  /**
   * Leave the posting bytes in the file and read each word's list when it is first asked for
   * (see FilePostings): for a short run, such as the CLI's, that asks for a few hundred words.
   * A long-lived server reads them with the rest, and holds no file open.
   */
  postingsOnDemand?: boolean;
}

/** An index file whose header was read and fits the file, with the byte ranges still to read. */
interface OpenedIndex {
  dir: string;
  fd: number;
  header: Header;
  ranges: [number, number][];
  postingsOnDemand: boolean;
}

/**
 * Reads the cache in `dir` built with options `key`, or resolves to null when there is none or it
 * cannot be used. The header is read at once, the rest of the file on libuv's threads while the
 * caller goes on, and the sections are checked when the promise is awaited.
 */
export async function readCacheInBackground(dir: string, key: string, options: ReadCacheOptions = {}): Promise<CacheContents | null> {
  const opened = openIndex(dir, key, options);
  if (!opened) return null;
  // Every read ends before the file is closed, even when another has failed: a descriptor
  // closed under a running read may be reused by the next file opened, and read from there.
  const reads = await Promise.allSettled(opened.ranges.map(([start, end]) => readChunkInBackground(opened.fd, start, end)));
  const chunks: Chunk[] = [];
  for (const read of reads) {
    if (read.status === 'rejected') {
      fs.closeSync(opened.fd);
      return null;
    }
    chunks.push(read.value);
  }
  return finishRead(opened, chunks);
}

/** Opens the index file and reads its header; null (with the file closed) when it is not this cache. */
function openIndex(dir: string, key: string, options: ReadCacheOptions): OpenedIndex | null {
  let fd: number;
  try {
    fd = fs.openSync(path.join(dir, INDEX_FILE), 'r');
  } catch {
    return null;
  }
  try {
    const indexBytes = fs.fstatSync(fd).size;
    const read = readHeaderOf(fd, indexBytes);
    if (!read || read.version !== CACHE_VERSION) throw new Error('not this version, or truncated');
    const header = read.header as Header;
    if (header.key !== key) throw new Error('another key');
    for (const name of SECTION_NAMES) {
      const [offset, length] = header.sections[name];
      if (!(offset >= 0 && length >= 0 && offset + length <= indexBytes)) throw new Error('truncated');
    }
    const [postingsAt, postingsLength] = header.sections.postingBytes;
    const postingsOnDemand = options.postingsOnDemand === true;
    // Read whole, or all but the posting bytes: the sections before them and those after.
    const ranges: [number, number][] = postingsOnDemand ? [[0, postingsAt], [Math.min(indexBytes, align8(postingsAt + postingsLength)), indexBytes]] : [[0, indexBytes]];
    return { dir, fd, header, ranges, postingsOnDemand };
  } catch {
    // A truncated or foreign file is treated as no cache: the corpus is simply read again.
    fs.closeSync(fd);
    return null;
  }
}

/** The cache from the bytes read, once its parts are checked to fit together. */
function finishRead(opened: OpenedIndex, chunks: Chunk[]): CacheContents | null {
  const { dir, fd, header, postingsOnDemand } = opened;
  let postings: Postings | null = null;
  try {
    const sections = readSections(chunks, header, postingsOnDemand ? 'postingBytes' : null);
    const documents = DocumentTable.load({
      strings: sections.strings as string, facts: sections.facts as Float64Array, hashes: sections.hashes as Uint8Array,
      segments: sections.segments as Uint8Array, flags: sections.flags as Uint8Array,
      blockStarts: sections.blockStarts as Int32Array, blocks: sections.blocks as Int32Array,
    });
    // A texts file that is missing makes the cache unusable; one that is too short, untrustworthy.
    const segmentSizes = header.segments.map((segment) => fileSize(path.join(dir, textsFileName(segment))));
    for (const segment of documents.segmentsInUse()) {
      if (segment >= header.segments.length || segmentSizes[segment] < 0) return null;
    }
    const offsets = sections.postingOffsets as Int32Array;
    const counts = sections.postingCounts as Int32Array;
    const [postingsAt, postingsLength] = header.sections.postingBytes;
    postings = postingsOnDemand
      ? new FilePostings(fd, postingsAt, postingsLength, offsets, counts)
      : { bytes: sections.postingBytes as Uint8Array, offsets, counts };
    const contents: CacheContents = {
      generation: header.generation,
      key: header.key,
      segments: header.segments,
      documents,
      vocabulary: { text: sections.vocabulary as string, hashes: sections.wordHashes as Uint32Array, table: sections.wordTable as Int32Array },
      tokens: new TokenStream(sections.tokenIds as Uint16Array, sections.escapedAt as Int32Array, sections.escapedIds as Int32Array),
      docStarts: sections.docStarts as Int32Array,
      postings,
      skipped: Array.isArray(header.skipped) ? header.skipped.filter(isSkippedFile) : [],
    };
    if (partsFit(contents, segmentSizes)) return contents;
    if (postings instanceof FilePostings) postings.close();
    return null;
  } catch {
    if (postings instanceof FilePostings) postings.close();
    return null;
  } finally {
    // The postings read on demand keep the file open; nothing else does.
    if (!(postings instanceof FilePostings)) fs.closeSync(fd);
  }
}

function isSkippedFile(value: unknown): value is SkippedFile {
  const v = value as Partial<SkippedFile> | null;
  return typeof v?.path === 'string' && typeof v.size === 'number' && typeof v.mtimeMs === 'number' && typeof v.message === 'string';
}

/** Every section of the file but `skip`, as a string or a typed-array view of the bytes read. */
function readSections(chunks: Chunk[], header: Header, skip: SectionName | null): Record<SectionName, SectionValue> {
  const out = {} as Record<SectionName, SectionValue>;
  for (const name of SECTION_NAMES) {
    if (name === skip) continue;
    const [offset, length] = header.sections[name];
    const chunk = chunks.find((c) => offset >= c.start && offset + length <= c.start + c.data.length);
    if (!chunk) throw new Error('truncated');
    const data = chunk.data;
    const at = offset - chunk.start;
    const kind = SECTIONS[name];
    if (kind === 'utf8') {
      out[name] = data.toString('utf8', at, at + length);
      continue;
    }
    const start = data.byteOffset + at;
    const width = kind === 'f64' ? 8 : kind === 'u8' ? 1 : kind === 'u16' ? 2 : 4;
    // Views need aligned offsets; the sections are aligned in the file, but copy if one is not.
    const buffer = start % width === 0 ? data.buffer : data.buffer.slice(start, start + length);
    const from = start % width === 0 ? start : 0;
    out[name] = kind === 'f64' ? new Float64Array(buffer, from, length / 8)
      : kind === 'i32' ? new Int32Array(buffer, from, length / 4)
      : kind === 'u32' ? new Uint32Array(buffer, from, length / 4)
      : kind === 'u16' ? new Uint16Array(buffer, from, length / 2)
      : new Uint8Array(buffer, from, length);
  }
  return out;
}

/** The size of `file` in bytes, or -1 when it cannot be read. */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}
