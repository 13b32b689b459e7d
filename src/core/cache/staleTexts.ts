// Texts files that no index names any more: a refresh writes a new segment, and the ones it
// replaced are removed once no process can still be about to use them.

import * as fs from 'fs';
import * as path from 'path';
import { INDEX_FILE, MAGIC, textsFileName } from './cacheFile';
import { readRange } from './fileRanges';

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

/** The texts files the index file in `dir` names, whatever its options; none when it cannot be read. */
function segmentsOnDisk(dir: string): string[] {
  try {
    const fd = fs.openSync(path.join(dir, INDEX_FILE), 'r');
    try {
      const head = readRange(fd, 0, 12);
      if (head.readUInt32LE(0) !== MAGIC) return [];
      const header = JSON.parse(readRange(fd, 12, head.readUInt32LE(8)).toString('utf8')) as { segments?: unknown };
      return Array.isArray(header.segments) ? header.segments.filter((s): s is string => typeof s === 'string') : [];
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
