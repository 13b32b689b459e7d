// Reads one source file for the cache: the bytes are read once, hashed (so a later start can
// tell a touched file from a changed one) and parsed into a document.

import * as crypto from 'crypto';
import * as fs from 'fs';
import { parseSourceBytes, type LoadOptions } from '../corpus/loadCorpus';
import { isCorpusWarning, readSourceBytes } from '../corpus/readSourceFile';
import { DEFAULT_MAX_FILE_BYTES } from '../config';
import type { CorpusWarning, SourceDocument } from '../types';

/** A document just read, with the hash of its bytes. */
export interface ReadDocument {
  doc: SourceDocument;
  hash: string;
}

/**
 * Warnings about what a file holds (or its size), not about reaching it: the cache may skip
 * such a file unread while its size and time are unchanged. A file that could not be opened is
 * tried again on every start, since its permissions can change without its time.
 */
const contentWarnings = new WeakSet<CorpusWarning>();

export function isContentWarning(warning: CorpusWarning): boolean {
  return contentWarnings.has(warning);
}

/** Reads and parses `file` as document `id`, or says why it cannot be used. */
export async function readForCache(file: string, id: number, options: Pick<LoadOptions, 'maxFileBytes' | 'folderMeta'>): Promise<ReadDocument | CorpusWarning> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const read = await readSourceBytes(file, maxFileBytes);
  if (isCorpusWarning(read)) {
    // Too large is decided by the size alone; other failures here are failures to reach the file.
    if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxFileBytes) contentWarnings.add(read);
    return read;
  }
  const loaded = await parseSourceBytes(file, read, id, { folderMeta: options.folderMeta });
  if (isCorpusWarning(loaded)) {
    contentWarnings.add(loaded);
    return loaded;
  }
  return { doc: loaded, hash: hashBytes(read.bytes) };
}

export function hashFile(file: string): string {
  try {
    return hashBytes(fs.readFileSync(file));
  } catch {
    return '';
  }
}

export function hashBytes(bytes: Uint8Array): string {
  return crypto.createHash('sha1').update(bytes).digest('hex');
}
