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
import type { TokenStream } from '../match/tokenStream';
import type { PackedVocabulary } from '../match/vocabulary';
import type { DocumentTable } from './documentTable';
import { readRange } from './fileRanges';
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
export const SECTIONS = {
  strings: 'utf8', facts: 'f64', hashes: 'u8', segments: 'u8', flags: 'u8', blockStarts: 'i32', blocks: 'i32',
  vocabulary: 'utf8', wordHashes: 'u32', wordTable: 'i32',
  tokenIds: 'u16', escapedAt: 'i32', escapedIds: 'i32', docStarts: 'i32', postingBytes: 'u8', postingOffsets: 'i32', postingCounts: 'i32',
} as const;
export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];

export interface Header {
  version: number;
  generation: string;
  key: string;
  segments: string[];
  skipped?: SkippedFile[];
  sections: Record<SectionName, [number, number]>;
}

/** What a section holds once read: its text, or a typed-array view of its bytes. */
export type SectionValue = string | Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

export const INDEX_FILE = 'index.bin';

/** The texts file name of a segment. */
export function textsFileName(segment: string): string {
  return `texts-${segment}.bin`;
}

/** A fresh generation id for a cache write or a texts file. */
export function newGeneration(): string {
  return `${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * Writes the index file for `contents` (whose texts files must already be in place). A write
 * derived from the cache of generation `basedOn` replaces only that cache: when the index file
 * is of another generation by the time this one is ready, nothing is written and the result is
 * false (see `stillGeneration`).
 */
export function writeIndexFile(dir: string, contents: CacheContents, basedOn?: string): boolean {
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
  return writeAtomically(path.join(dir, INDEX_FILE), parts, basedOn === undefined ? undefined : () => stillGeneration(dir, basedOn));
}

/**
 * True when the index file in `dir` is still of generation `generation`. Another process (a
 * second CLI run, the editor's server) may have written a newer cache since this one read
 * `generation`; a refresh derived from the older one would put back an index without that
 * process's work, and name texts files its clean-up may remove. An index file that is gone or
 * cannot be read is not this generation either: the write is dropped, and the next start reads
 * the corpus. Checked just before the rename, with a read of the header only. The check and the
 * rename are not atomic across processes: a write renamed between them is still replaced, and
 * its clean-up may remove texts files this index names. That costs at worst a reading of the
 * corpus at the next start, never a wrong answer: every reader checks the cache it opens (the
 * texts files' presence and sizes, each file's size, time and hash), and no lock is worth
 * holding across processes for that.
 */
function stillGeneration(dir: string, generation: string): boolean {
  return indexHeaderOnDisk(dir)?.generation === generation;
}

/**
 * The layout version and the parsed JSON header of the open index file `fd`, of `fileBytes`
 * bytes, whatever the version; null when it is no index file or is cut short within its header.
 * Throws when the header is not JSON.
 */
export function readHeaderOf(fd: number, fileBytes: number): { version: number; header: unknown } | null {
  const head = readRange(fd, 0, 12);
  if (head.length < 12 || head.readUInt32LE(0) !== MAGIC) return null;
  const headerLength = head.readUInt32LE(8);
  if (headerLength > fileBytes - 12) return null;
  return { version: head.readUInt32LE(4), header: JSON.parse(readRange(fd, 12, headerLength).toString('utf8')) };
}

/** The generation and texts files of the index file in `dir`, whatever its options; null when it cannot be read. */
export function indexHeaderOnDisk(dir: string): { generation: unknown; segments: string[] } | null {
  try {
    const fd = fs.openSync(path.join(dir, INDEX_FILE), 'r');
    try {
      const read = readHeaderOf(fd, fs.fstatSync(fd).size);
      if (!read) return null;
      const header = read.header as { generation?: unknown; segments?: unknown };
      const segments = Array.isArray(header.segments) ? header.segments.filter((s): s is string => typeof s === 'string') : [];
      return { generation: header.generation, segments };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * Writes `data` to `file` through a temporary file and a rename. When `mayReplace` says no just
 * before the rename, the temporary file is removed instead and the result is false.
 */
export function writeAtomically(file: string, data: Uint8Array | Uint8Array[], mayReplace?: () => boolean): boolean {
  const temporary = temporaryPath(file);
  const fd = fs.openSync(temporary, 'w');
  try {
    for (const chunk of Array.isArray(data) ? data : [data]) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  // Nothing runs between the check and the rename: the window another process's rename can
  // fall into is one header read long.
  if (mayReplace && !mayReplace()) {
    fs.rmSync(temporary, { force: true });
    return false;
  }
  fs.renameSync(temporary, file);
  return true;
}

export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
