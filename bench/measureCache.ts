// Measures the on-disk corpus cache: opening a corpus with no cache (build and write), a later
// start with the cache present, and later starts after one source file was touched (same bytes)
// and after one was edited. Each open runs in a fresh process, as a real later start does. The
// cache module is bundled separately (bench/build.js) and loaded at run time, so the benchmark
// still runs, and says so, where the engine has no cache yet.

import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import type { Corpus } from '../src/core/types';
import { emitResult, peakRssBytes, runChild, timedAsync } from './harness';
import { listCorpusFiles } from './makeCorpus';

/** The part of the engine's cache module (src/core/cache) that the benchmark uses. */
interface CacheModule {
  openCorpus(entries: string[], options: { cacheDir: string; maxFileBytes?: number }): Promise<{
    corpus: Corpus;
    index: unknown;
    stats: { filesRead: number; filesReused: number; fromCache: boolean };
    /** Settles once the cache on disk is up to date (after the corpus is ready, for a refresh). */
    cacheSaved?: Promise<boolean>;
  }>;
}

/** One open of the corpus through the cache. */
export interface CacheOpen {
  ms: number;
  filesRead: number;
  filesReused: number;
  fromCache: boolean;
  /** How long after the corpus was ready the cache on disk was up to date. */
  saveMs: number;
  peakRss: number;
}

/** The cache figures of one size, or why there are none. */
export type CacheFigures =
  | { available: true; cold: CacheOpen; warm: CacheOpen; touched: CacheOpen; edited: CacheOpen; afterEdit: CacheOpen; cacheBytes: number }
  | { available: false; reason: string };

/** Where bench/build.js puts the bundled cache module, next to the bundled runner. */
export function cacheModulePath(): string {
  return path.join(__dirname, 'corpusCache.js');
}

function loadCacheModule(): CacheModule | null {
  const file = cacheModulePath();
  if (!fs.existsSync(file)) return null;
  const loaded = createRequire(__filename)(file) as Partial<CacheModule>;
  return typeof loaded.openCorpus === 'function' ? (loaded as CacheModule) : null;
}

/** Child task: opens the corpus once through the cache and prints the figures. */
export async function runCacheOpen(corpusDir: string, cacheDir: string): Promise<void> {
  const cache = loadCacheModule();
  if (!cache) throw new Error('no cache module');
  const open = await timedAsync(() => cache.openCorpus([corpusDir], { cacheDir }));
  const { stats } = open.value;
  const saved = await timedAsync(async () => open.value.cacheSaved);
  if (saved.value === false) throw new Error('the cache could not be written');
  emitResult({ ms: open.ms, filesRead: stats.filesRead, filesReused: stats.filesReused, fromCache: stats.fromCache, saveMs: saved.ms, peakRss: peakRssBytes() } satisfies CacheOpen);
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/** Runs the cold, warm, touched and edited opens for one corpus, in a fresh cache folder. */
export async function measureCache(script: string, corpusDir: string, cacheDir: string): Promise<CacheFigures> {
  if (!loadCacheModule()) return { available: false, reason: 'n/a (no cache module)' };
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const open = (): Promise<CacheOpen> => runChild<CacheOpen>(script, ['cache', '--corpus', corpusDir, '--cache-dir', cacheDir]);
  const cold = await open();
  const cacheBytes = folderBytes(cacheDir);
  const warm = await open();
  const files = listCorpusFiles(corpusDir);
  const file = path.join(corpusDir, files[Math.floor(files.length / 2)]);
  const original = fs.readFileSync(file);
  const { atime, mtime } = fs.statSync(file);
  let touched: CacheOpen;
  let edited: CacheOpen;
  let afterEdit: CacheOpen;
  try {
    // A new modification time with the same bytes (a checkout, a copy): nothing needs indexing.
    const later = new Date(Date.now() + 2000);
    fs.utimesSync(file, later, later);
    touched = await open();
    // One word added to one article: that file, and only that one, must be read again.
    fs.writeFileSync(file, Buffer.concat([original.subarray(0, original.length - 1), Buffer.from(' Indeed.\n')]));
    edited = await open();
    // The next start after the edit finds the refreshed cache complete.
    afterEdit = await open();
  } finally {
    // The generated corpus is left exactly as generated, times included, for the next run.
    fs.writeFileSync(file, original);
    fs.utimesSync(file, atime, mtime);
  }
  return { available: true, cold, warm, touched, edited, afterEdit, cacheBytes };
}
