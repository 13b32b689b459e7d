// The on-disk form of an indexed corpus, so that a later start of the editor or the CLI is
// ready without reading the sources again. Two files live in the cache folder:
//   index.bin         a small JSON header (the section layout) followed by the document table,
//                     the vocabulary and the index arrays, 8-byte aligned so they load as
//                     typed-array views of the file's bytes;
//   texts-<seg>.bin   documents' matchable text as UTF-8, read only when a result needs it. A
//                     refresh after a few files changed writes their texts to a new, small
//                     segment, and the unchanged texts stay where they are.
// Both are written under temporary names and renamed into place, so a reader never sees half
// of a write, and a process still holding an older texts file keeps reading it undisturbed.

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Postings } from '../match/postings';
import { TokenStream } from '../match/tokenStream';
import type { PackedVocabulary } from '../match/vocabulary';
import { partsFit } from './cacheChecks';
import { DocumentTable } from './documentTable';
import { readChunk, readRange, type Chunk } from './fileRanges';
import { FilePostings } from './filePostings';
import { temporaryPath } from './temporaryFiles';

/** Bump when the layout or the tokenisation changes, so old caches are rebuilt, not misread. */
export const CACHE_VERSION = 8;
export const MAGIC = 0x58494256; // "VBIX"

/**
 * A source file that was read and could not be used (binary, badly encoded, too large, a broken
 * PDF), with the warning it gave. While its size and time hold, it is skipped again unread: a
 * corpus with unreadable files still opens warm, without reading them and rewriting the cache.
 */
export interface SkippedFile {
  path: string;
  size: number;
  mtimeMs: number;
  message: string;
}

/** Everything an index is restored from. */
export interface CacheContents {
  generation: string;
  /** The loading options the cache was built with; a cache built differently is not used. */
  key: string;
  /** Generations of the texts files, by segment number. */
  segments: string[];
  documents: DocumentTable;
  vocabulary: PackedVocabulary;
  tokens: TokenStream;
  docStarts: Int32Array;
  postings: Postings;
  /** Files skipped for their content; absent in caches written before they were kept. */
  skipped?: SkippedFile[];
}

/** How each section's bytes are read. */
const SECTIONS = {
  strings: 'utf8', facts: 'f64', hashes: 'u8', segments: 'u8', flags: 'u8', blockStarts: 'i32', blocks: 'i32',
  vocabulary: 'utf8', wordHashes: 'u32', wordTable: 'i32',
  tokenIds: 'u16', escapedAt: 'i32', escapedIds: 'i32', docStarts: 'i32', postingBytes: 'u8', postingOffsets: 'i32', postingCounts: 'i32',
} as const;
type SectionName = keyof typeof SECTIONS;
const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];

interface Header {
  version: number;
  generation: string;
  key: string;
  segments: string[];
  skipped?: SkippedFile[];
  sections: Record<SectionName, [number, number]>;
}

export const INDEX_FILE = 'index.bin';

/** The texts file name of a segment. */
export function textsFileName(segment: string): string {
  return `texts-${segment}.bin`;
}

/** A fresh generation id for a cache write or a texts file. */
export function newGeneration(): string {
  return `${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`;
}

/** How a cache is read. */
export interface ReadCacheOptions {
  /**
   * Leave the posting bytes in the file and read each word's list when it is first asked for
   * (see FilePostings): for a short run, such as the CLI's, that asks for a few hundred words.
   * A long-lived server reads them with the rest, and holds no file open.
   */
  postingsOnDemand?: boolean;
}

/** Reads the cache in `dir` built with options `key`, or returns null when there is none or it cannot be used. */
export function readCache(dir: string, key: string, options: ReadCacheOptions = {}): CacheContents | null {
  let fd: number;
  try {
    fd = fs.openSync(path.join(dir, INDEX_FILE), 'r');
  } catch {
    return null;
  }
  let postings: Postings | null = null;
  try {
    const indexBytes = fs.fstatSync(fd).size;
    const head = readRange(fd, 0, 12);
    if (head.readUInt32LE(0) !== MAGIC || head.readUInt32LE(4) !== CACHE_VERSION) return null;
    const headerLength = head.readUInt32LE(8);
    if (headerLength > indexBytes - 12) return null;
    const header = JSON.parse(readRange(fd, 12, headerLength).toString('utf8')) as Header;
    if (header.key !== key) return null;
    for (const name of SECTION_NAMES) {
      const [offset, length] = header.sections[name];
      if (!(offset >= 0 && length >= 0 && offset + length <= indexBytes)) return null;
    }
    const [postingsAt, postingsLength] = header.sections.postingBytes;
    // Read whole, or all but the posting bytes: the sections before them and those after.
    const chunks = options.postingsOnDemand
      ? [readChunk(fd, 0, postingsAt), readChunk(fd, Math.min(indexBytes, align8(postingsAt + postingsLength)), indexBytes)]
      : [readChunk(fd, 0, indexBytes)];
    const sections = readSections(chunks, header, options.postingsOnDemand ? 'postingBytes' : null);
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
    postings = options.postingsOnDemand
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
    // A truncated or foreign file is treated as no cache: the corpus is simply read again.
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

type SectionValue = string | Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

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

/** Writes the index file for `contents` (whose texts files must already be in place). */
export function writeIndexFile(dir: string, contents: CacheContents): void {
  const table = contents.documents.save();
  const values: Record<SectionName, SectionValue> = {
    ...table,
    vocabulary: contents.vocabulary.text, wordHashes: contents.vocabulary.hashes, wordTable: contents.vocabulary.table,
    tokenIds: contents.tokens.low, escapedAt: contents.tokens.escapedAt, escapedIds: contents.tokens.escapedIds, docStarts: contents.docStarts,
    postingBytes: contents.postings.bytes, postingOffsets: contents.postings.offsets, postingCounts: contents.postings.counts,
  };
  const chunks = SECTION_NAMES.map((name) => {
    const value = values[name];
    return typeof value === 'string' ? Buffer.from(value, 'utf8') : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  });
  // The header holds the section offsets, which depend on the header's own length: lay the
  // sections out after a header measured with placeholder offsets of the final width.
  const header: Header = { version: CACHE_VERSION, generation: contents.generation, key: contents.key, segments: contents.segments, skipped: contents.skipped ?? [], sections: {} as Header['sections'] };
  const placeholder = 1e12;
  SECTION_NAMES.forEach((name) => { header.sections[name] = [placeholder, placeholder]; });
  const headerLength = Buffer.byteLength(JSON.stringify(header), 'utf8');
  let offset = align8(12 + headerLength);
  SECTION_NAMES.forEach((name, k) => {
    header.sections[name] = [offset, chunks[k].byteLength];
    offset = align8(offset + chunks[k].byteLength);
  });
  // Real offsets are never longer than the placeholders, so spaces fill the header to its length.
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(align8(12 + headerLength), 0x20);
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(CACHE_VERSION, 4);
  prefix.writeUInt32LE(headerLength, 8);
  json.copy(prefix, 12);
  // The sections are written where they are, with padding between: never copied into one
  // archive-sized buffer.
  const parts: Uint8Array[] = [prefix];
  chunks.forEach((chunk) => {
    parts.push(chunk);
    const pad = align8(chunk.byteLength) - chunk.byteLength;
    if (pad) parts.push(Buffer.alloc(pad));
  });
  writeAtomically(path.join(dir, INDEX_FILE), parts);
}

/** Writes `data` to `file` through a temporary file and a rename. */
export function writeAtomically(file: string, data: Uint8Array | Uint8Array[]): void {
  const temporary = temporaryPath(file);
  const fd = fs.openSync(temporary, 'w');
  try {
    for (const chunk of Array.isArray(data) ? data : [data]) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** The size of `file` in bytes, or -1 when it cannot be read. */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
