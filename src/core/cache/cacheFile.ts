// The on-disk form of an indexed corpus, so that a later start of the editor or the CLI is
// ready without reading the sources again. Two files live in the cache folder:
//   index.bin         a JSON header (documents, their file facts and layout) followed by the
//                     index arrays, 4-byte aligned so they load as typed-array views;
//   texts-<gen>.bin   every document's matchable text as UTF-8, read only when a result needs it.
// Both are written under temporary names and renamed into place, so a reader never sees half
// of a write, and a process still holding an older texts file keeps reading it undisturbed.

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Postings } from '../match/postings';
import type { SourceLocation, SourceMeta } from '../types';

/** Bump when the layout or the tokenisation changes, so old caches are rebuilt, not misread. */
export const CACHE_VERSION = 4;
const MAGIC = 0x58494256; // "VBIX"

/** What the cache keeps of one source document. */
export interface DocumentRecord {
  path: string;
  size: number;
  mtimeMs: number;
  /** SHA-1 of the file's bytes, so a touched but unchanged file is not re-read. */
  hash: string;
  title: string;
  meta: SourceMeta;
  display?: 'file' | 'extracted';
  /** Block spans as [start, end, start, end, …]. */
  blocks: number[];
  /** Text-to-file offset runs as [textStart, textLength, fileStart, fileLength, …]; absent means identity. */
  runs?: number[];
  /** Location marks as [start, location] pairs in ascending order. */
  marks?: [number, SourceLocation][];
  /** Set when the document cannot be restored from the cache and must be read again. */
  reread?: boolean;
  /** Where the document's UTF-8 text sits in the texts file. */
  textStart: number;
  textBytes: number;
}

/** Everything an index is restored from. */
export interface CacheContents {
  generation: string;
  /** The loading options the cache was built with; a cache built differently is not used. */
  key: string;
  documents: DocumentRecord[];
  vocabulary: string[];
  ids: Int32Array;
  docStarts: Int32Array;
  postings: Postings;
  /** Absolute path of the texts file of this generation. */
  textsFile: string;
}

interface Header {
  version: number;
  generation: string;
  key: string;
  documents: DocumentRecord[];
  sections: Record<SectionName, [number, number]>;
}

type SectionName = 'vocabulary' | 'ids' | 'docStarts' | 'postingBytes' | 'postingOffsets' | 'postingCounts';
const SECTIONS: readonly SectionName[] = ['vocabulary', 'ids', 'docStarts', 'postingBytes', 'postingOffsets', 'postingCounts'];

export const INDEX_FILE = 'index.bin';

/** The texts file name of a generation. */
export function textsFileName(generation: string): string {
  return `texts-${generation}.bin`;
}

/** A fresh generation id for a cache write. */
export function newGeneration(): string {
  return `${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`;
}

/** Reads the cache in `dir` built with options `key`, or returns null when there is none or it cannot be used. */
export function readCache(dir: string, key: string): CacheContents | null {
  let data: Buffer;
  try {
    data = fs.readFileSync(path.join(dir, INDEX_FILE));
  } catch {
    return null;
  }
  try {
    if (data.length < 12 || data.readUInt32LE(0) !== MAGIC || data.readUInt32LE(4) !== CACHE_VERSION) return null;
    const headerLength = data.readUInt32LE(8);
    const header = JSON.parse(data.toString('utf8', 12, 12 + headerLength)) as Header;
    if (header.key !== key) return null;
    const textsFile = path.join(dir, textsFileName(header.generation));
    if (!fs.existsSync(textsFile)) return null;
    const section = (name: SectionName): Int32Array => {
      const [offset, length] = header.sections[name];
      const start = data.byteOffset + offset;
      // Views need 4-byte alignment; a pooled buffer may not give it, so copy in that case.
      return start % 4 === 0
        ? new Int32Array(data.buffer, start, length / 4)
        : new Int32Array(data.buffer.slice(start, start + length));
    };
    const [vocabularyOffset, vocabularyLength] = header.sections.vocabulary;
    const vocabularyText = data.toString('utf8', vocabularyOffset, vocabularyOffset + vocabularyLength);
    return {
      generation: header.generation,
      key: header.key,
      documents: header.documents,
      vocabulary: vocabularyText ? vocabularyText.split('\n') : [],
      ids: section('ids'),
      docStarts: section('docStarts'),
      postings: {
        bytes: data.subarray(header.sections.postingBytes[0], header.sections.postingBytes[0] + header.sections.postingBytes[1]),
        offsets: section('postingOffsets'),
        counts: section('postingCounts'),
      },
      textsFile,
    };
  } catch {
    // A truncated or foreign file is treated as no cache: the corpus is simply read again.
    return null;
  }
}

/** Writes the index file for `contents` (whose texts file must already be in place). */
export function writeIndexFile(dir: string, contents: Omit<CacheContents, 'textsFile'>): void {
  const vocabulary = Buffer.from(contents.vocabulary.join('\n'), 'utf8');
  const { postings } = contents;
  const sections: Uint8Array[] = [vocabulary, ...[contents.ids, contents.docStarts, postings.bytes, postings.offsets, postings.counts].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength))];
  // The header holds the section offsets, which depend on the header's own length: lay the
  // sections out after a header measured with placeholder offsets of the final width.
  const names = SECTIONS;
  const lengths = sections.map((a) => a.byteLength);
  const header: Header = { version: CACHE_VERSION, generation: contents.generation, key: contents.key, documents: contents.documents, sections: {} as Header['sections'] };
  const placeholder = 1e12;
  names.forEach((name) => { header.sections[name] = [placeholder, placeholder]; });
  const headerLength = Buffer.byteLength(JSON.stringify(header), 'utf8');
  let offset = align4(12 + headerLength);
  names.forEach((name, k) => {
    header.sections[name] = [offset, lengths[k]];
    offset = align4(offset + lengths[k]);
  });
  // Real offsets are never longer than the placeholders, so spaces fill the header to its length.
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = Buffer.concat([json, Buffer.alloc(headerLength - json.length, 0x20)]);
  const out = Buffer.alloc(offset);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(CACHE_VERSION, 4);
  out.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(out, 12);
  sections.forEach((bytes, k) => out.set(bytes, header.sections[names[k]][0]));
  writeAtomically(path.join(dir, INDEX_FILE), out);
}

/** Writes `data` to `file` through a temporary file and a rename. */
export function writeAtomically(file: string, data: Uint8Array | Uint8Array[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    for (const chunk of Array.isArray(data) ? data : [data]) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}

/** Removes texts files of other generations; files still open elsewhere stay readable there. */
export function removeStaleTexts(dir: string, keep: string): void {
  for (const name of safeReaddir(dir)) {
    if (/^texts-.*\.bin$/.test(name) && name !== textsFileName(keep)) {
      try {
        fs.unlinkSync(path.join(dir, name));
      } catch {
        // Another process may hold it open on a system that forbids deleting open files.
      }
    }
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
