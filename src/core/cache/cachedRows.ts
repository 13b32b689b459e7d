// Which row of a cached document table holds each file of the corpus, and whether that row still
// describes the file: asked for every file at each start that finds a cache.

import type { CacheContents } from './cacheFile';
import { hashFile } from './cachedRead';
import type { DocumentTable } from './documentTable';

/**
 * Finds the cached row of each file, asked in the walk's order. The cache keeps its documents in
 * the order of the walk that wrote it, so the next row is nearly always the one: the two lists
 * are walked together, and a map of every cached path is built only when a file is out of step.
 */
export function rowFinder(table: DocumentTable): (file: string) => number | undefined {
  let next = 0;
  let byPath: Map<string, number> | null = null;
  return (file) => {
    if (next < table.count && table.path(next) === file) return next++;
    if (!byPath) {
      byPath = new Map();
      for (let k = 0; k < table.count; k++) byPath.set(table.path(k), k);
    }
    const k = byPath.get(file);
    if (k !== undefined) next = k + 1;
    return k;
  };
}

/** The cached row for `file` when its size and time (or, failing that, its hash) still match. */
export function reusable(cache: CacheContents, k: number | undefined, file: string, stat: { size: number; mtimeMs: number }): number {
  if (k === undefined) return -1;
  const table = cache.documents;
  if (table.reread(k) || table.size(k) !== stat.size) return -1;
  if (table.mtimeMs(k) === stat.mtimeMs) return k;
  // Touched but possibly unchanged (a checkout, a copy): the content decides.
  return hashFile(file) === table.hash(k) ? k : -1;
}
