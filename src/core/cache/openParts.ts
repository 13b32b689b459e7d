// What the ways of opening a corpus share: its options and result, the plan of its files, and
// saving the cache. Opening itself is in openCorpus.ts (and openEarly.ts for the CLI); a refresh
// after a few files changed is in refreshCorpus.ts.

import type { LoadOptions } from '../corpus/loadCorpus';
import type { Corpus, CorpusWarning } from '../types';
import { writeIndexFile, type CacheContents, type SkippedFile } from './cacheFile';
import type { CorpusIndex } from '../match/corpusIndex';
import { removeStaleTexts, removeUnnamedTexts } from './staleTexts';
import { cacheWriteFailure } from './textsWriter';

/** Progress of opening a corpus, in files and bytes. */
export interface OpenProgress {
  files: number;
  totalFiles: number;
  bytes: number;
}

export interface OpenOptions extends Omit<LoadOptions, 'onProgress'> {
  /** The cache folder; null to read every file and keep nothing on disk. */
  cacheDir: string | null;
  /** Largest total size of source files indexed, in bytes; the files past it are left out with a warning. */
  maxCorpusBytes?: number;
  /** Most source files indexed; the walk stops there with a warning. */
  maxCorpusFiles?: number;
  /** The folder that links in the corpus may lead into (see `WalkOptions.confineLinksTo`). */
  confineLinksTo?: string;
  onProgress?: (progress: OpenProgress) => void;
  /** Read the cache's postings word by word as a check asks (a short run: the CLI). */
  postingsOnDemand?: boolean;
  /**
   * The worker script that walks and stats the corpus files on a thread of their own
   * (dist/surveyWorker.js), while this thread reads the cache; without it, all on this thread.
   */
  surveyScript?: string;
  /** The size of the cache's index file from which the thread is used (openCorpus.ts says why). */
  surveyThreadFromBytes?: number;
  /**
   * A cache write that follows the opening (a refresh's, or new file times) waits for this. Such
   * a write is synchronous and, for an archive-sized index, takes seconds: the CLI holds it until
   * its report is out, so that it cannot hold up the shared archive's answer past its time limit.
   */
  cacheWriteAfter?: Promise<unknown>;
}

export interface OpenStats {
  filesRead: number;
  filesReused: number;
  /** True when the whole index came from the cache unchanged. */
  fromCache: boolean;
  milliseconds: number;
}

export interface OpenedCorpus {
  corpus: Corpus;
  index: CorpusIndex;
  stats: OpenStats;
  /**
   * Settles once the cache on disk describes this corpus: at once when it already did or was
   * written while opening; after the corpus is ready when only a few files changed, since then
   * the refreshed cache is written afterwards. False when the cache could not be written.
   */
  cacheSaved: Promise<boolean>;
}

/** A source file to index, with what the cache knows of it. */
export interface PlannedFile {
  file: string;
  /** Only the two facts the cache compares, not the whole fs.Stats: archives have many files. */
  stat: { size: number; mtimeMs: number };
  /** The file's row in the cached document table when it is unchanged, else -1. */
  reuse: number;
}

/** Yield to the event loop this often while reading, so a server stays responsive. */
export const SLICE_MS = 25;

/** What the cache keeps of a file skipped for `warning`, with the size and time it was planned with. */
export function skippedFile(file: string, stat: PlannedFile['stat'], warning: CorpusWarning): SkippedFile {
  return { path: file, size: stat.size, mtimeMs: stat.mtimeMs, message: warning.message };
}

/**
 * Runs `write` once the corpus is with the caller (the next turn of the event loop) and, given
 * `options.cacheWriteAfter`, once that has settled too.
 */
export function writeLater(options: OpenOptions, write: () => Promise<boolean>): Promise<boolean> {
  const hold = options.cacheWriteAfter ?? Promise.resolve();
  const go = () => new Promise<void>((resolve) => setImmediate(resolve));
  return hold.then(go, go).then(write);
}

/**
 * Writes the index file next to finished texts files; false (with a warning) when it cannot.
 * A write derived from the cache `basedOn` (a refresh, new times) is dropped when another
 * cache has been written since that one was read (see writeIndexFile), by another process or by
 * another opening in this one (an overlapping build in the server, an earlier group of drafts
 * in the CLI): false too, with no warning, since the newer cache stands and is checked like any
 * other. It may have surveyed the files before this opening did; the next start then reads
 * again the files it does not describe. The texts files this write made are removed, as no
 * index names them.
 */
export function saveCache(dir: string, contents: CacheContents, warnings: CorpusWarning[], basedOn?: Pick<CacheContents, 'generation' | 'segments'>): boolean {
  try {
    if (!writeIndexFile(dir, contents, basedOn?.generation)) {
      removeUnnamedTexts(dir, contents.segments.filter((segment) => !basedOn!.segments.includes(segment)));
      return false;
    }
    removeStaleTexts(dir, contents.segments);
    return true;
  } catch (error) {
    warnings.push({ path: dir, message: cacheWriteFailure(error) });
    return false;
  }
}

