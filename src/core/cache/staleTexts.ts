// Texts files that no index names any more: a refresh writes a new segment, and the ones it
// replaced are removed once no process can still be about to use them.

import * as fs from 'fs';
import * as path from 'path';
import { indexHeaderOnDisk, textsFileName } from './cacheFile';

/**
 * A texts file this recent may belong to another process's write that has not yet put its
 * index in place (the editor's server and the CLI can refresh one cache at the same time).
 */
const STALE_AFTER_MS = 60_000;

/**
 * Removes texts files that neither `keep` nor the index file now on disk names, once they are a
 * minute old; files still open elsewhere stay readable there. A later write removes the rest.
 */
export function removeStaleTexts(dir: string, keep: string[]): void {
  const kept = new Set([...keep, ...segmentsOnDisk(dir)].map(textsFileName));
  const now = Date.now();
  for (const name of safeReaddir(dir)) {
    if (!/^texts-.*\.bin$/.test(name) || kept.has(name)) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs < STALE_AFTER_MS) continue;
      fs.unlinkSync(file);
    } catch {
      // Gone already, or held open on a system that forbids deleting open files.
    }
  }
}

/**
 * Removes the texts files of `segments` that the index file now in `dir` does not name: those a
 * write made for an index it then did not put in place. Nothing else can use them, since no
 * two writes name a texts file alike.
 */
export function removeUnnamedTexts(dir: string, segments: string[]): void {
  const named = new Set(segmentsOnDisk(dir));
  for (const segment of segments) {
    if (named.has(segment)) continue;
    try {
      fs.unlinkSync(path.join(dir, textsFileName(segment)));
    } catch {
      // Gone already, or held open on a system that forbids deleting open files: a later
      // write's clean-up removes it.
    }
  }
}

/** The texts files the index file in `dir` names, whatever its options; none when it cannot be read. */
function segmentsOnDisk(dir: string): string[] {
  return indexHeaderOnDisk(dir)?.segments ?? [];
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
