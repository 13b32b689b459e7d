// Reads one source file's bytes and turns them into text, refusing anything that would make
// matching meaningless (binary data, another encoding) or too slow (huge files). Every refusal
// is a CorpusWarning with a message a writer can act on; nothing here throws.

import * as fs from 'fs';
import type { CorpusWarning } from '../types';

/** The decoded contents of a source file and the facts used to notice later changes. */
export interface SourceFileContent {
  /** The file's characters, without a UTF-8 byte order mark. */
  text: string;
  size: number;
  mtimeMs: number;
}

/** Binary files are recognised by a NUL byte this early in the file. */
const SNIFF_BYTES = 8192;

/** The raw bytes of a binary source file (PDF, Word) and the facts used to notice later changes. */
export interface SourceFileBytes {
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
}

/** Reads `file`'s bytes within the size limit, or returns a warning saying why it was skipped. */
export async function readSourceBytes(file: string, maxFileBytes: number): Promise<SourceFileBytes | CorpusWarning> {
  const skip = (message: string): CorpusWarning => ({ path: file, message });
  let bytes: Buffer;
  let stat;
  try {
    // Synchronous calls: a corpus is thousands of small files, and a trip through the thread
    // pool per call costs more than the read itself. Callers yield between files.
    stat = fs.statSync(file);
    if (stat.isDirectory()) return skip('is a folder, not a file; skipped');
    if (!stat.isFile()) return skip('is not a regular file; skipped');
    if (stat.size > maxFileBytes) return skip(tooLarge(stat.size, maxFileBytes));
    bytes = fs.readFileSync(file);
  } catch (error) {
    return skip(describeFsError(error));
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxFileBytes) return skip(tooLarge(bytes.length, maxFileBytes));
  return { bytes, size: stat.size, mtimeMs: stat.mtimeMs };
}

/** Reads `file` as UTF-8 text, or returns a warning saying why it was skipped. */
export async function readSourceFile(file: string, maxFileBytes: number): Promise<SourceFileContent | CorpusWarning> {
  const read = await readSourceBytes(file, maxFileBytes);
  return isCorpusWarning(read) ? read : decodeSourceText(file, read);
}

/** Decodes a source file's bytes as UTF-8 text, or returns a warning saying why it cannot be. */
export function decodeSourceText(file: string, read: SourceFileBytes): SourceFileContent | CorpusWarning {
  const skip = (message: string): CorpusWarning => ({ path: file, message });
  const bytes = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  const stat = read;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return skip('is UTF-16 text; save it as UTF-8 to use it as a source');
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return skip('looks like a binary file (it contains NUL bytes); skipped');
  let text: string;
  try {
    // The decoder drops a leading byte order mark, so offsets count the characters an editor shows.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return skip(`is not valid UTF-8 (first bad byte on line ${lineAt(bytes, bad)}); save it as UTF-8 to use it as a source`);
  }
  return { text, size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * A source file's characters as editors count them, for turning source offsets into lines:
 * like the loader, it drops a UTF-8 byte order mark, which editors do not show either.
 */
export function readFileCharacters(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True for the warnings that readSourceFile and loadSourceFile return instead of content. */
export function isCorpusWarning(value: object): value is CorpusWarning {
  return 'message' in value && 'path' in value && !('text' in value) && !('bytes' in value);
}

/** Describes a file-system error in a short phrase that follows the file's path. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT': return 'was not found';
    case 'EACCES':
    case 'EPERM': return 'cannot be read: permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ELOOP': return 'is a symbolic link that loops back on itself; skipped';
    case 'ENOTDIR': return 'was not found (a part of its path is a file, not a folder)';
    default: return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Formats a byte count the way people read file sizes ("512 bytes", "3.4 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(size: number, limit: number): string {
  return `is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for source files (maxFileBytes); skipped`;
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Returns the index of the first byte that breaks UTF-8, for a message that points at it. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1
      : lead >= 0xc2 && lead < 0xe0 ? 2
      : lead >= 0xe0 && lead < 0xf0 ? 3
      : lead >= 0xf0 && lead < 0xf5 ? 4
      : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF have valid shapes but are errors.
    const second = bytes[i + 1];
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second >= 0xa0)) return i;
    if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second >= 0x90)) return i;
    i += length;
  }
  return i;
}

function lineAt(bytes: Buffer, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
