// Opens a corpus for checking: from the on-disk cache when the source files are unchanged, else
// by reading only the files that changed and re-using the cached words of the rest. Sizes, times
// and content hashes decide what changed. This is how both the editor and the CLI start, so a
// newsroom archive is indexed once and then opens in a fraction of a second.

import * as fs from 'fs';
import * as path from 'path';
import type { LoadOptions } from '../corpus/loadCorpus';
import { isCorpusWarning } from '../corpus/readSourceFile';
import { walkCorpus } from '../corpus/walkCorpus';
import { CorpusIndex, IndexBuilder } from '../match/corpusIndex';
import { ownedCopy, Vocabulary } from '../match/vocabulary';
import type { Corpus, CorpusWarning, SourceDocument } from '../types';
import { newGeneration, textsFileName, writeIndexFile, type CacheContents, type SkippedFile } from './cacheFile';
import { isContentWarning, readForCache } from './cachedRead';
import { reusable, rowFinder } from './cachedRows';
import { recordOf } from './documentRecord';
import { DocumentTable } from './documentTable';
import { canRefresh, refreshCorpus } from './refreshCorpus';
import { StoredDocument, TextStore } from './storedDocument';
import { releasePostings } from './filePostings';
import { readCacheInBackground } from './readIndexFile';
import { removeStaleTexts } from './staleTexts';
import { removeOrphanedTemporaries } from './temporaryFiles';
import { cacheWriteFailure, TextsWriter } from './textsWriter';
import { SlicePauser } from '../slicedRun';

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

/** Opens the corpus named by `entries`, using and refreshing the cache in `options.cacheDir`. */
export async function openCorpus(entries: string[], options: OpenOptions): Promise<OpenedCorpus> {
  const began = performance.now();
  // Folder metadata and the file size limit shape what is stored, so they are part of the key.
  const key = JSON.stringify({ folderMeta: options.folderMeta ?? {}, maxFileBytes: options.maxFileBytes ?? null });
  const { files, warnings } = await walkCorpus(entries, { exclude: options.cacheDir ? [options.cacheDir] : [], maxFiles: options.maxCorpusFiles, confineLinksTo: options.confineLinksTo });
  // The index file is read on libuv's threads while the files are stat'ed: a warm start needs
  // both, and they take about as long. Started only now, since reading it alongside the walk
  // slowed the walk by more than it saved.
  const cacheRead = options.cacheDir ? readCacheInBackground(options.cacheDir, key, { postingsOnDemand: options.postingsOnDemand }) : Promise.resolve(null);
  // Writes killed halfway leave temporary files that nothing else would ever remove.
  if (options.cacheDir) removeOrphanedTemporaries(options.cacheDir);

  // First pass: each file's size and time (cheap: one stat each), which decide below whether
  // the cache still holds it.
  const maxCorpusBytes = options.maxCorpusBytes ?? Number.POSITIVE_INFINITY;
  const present: PlannedFile[] = [];
  let totalBytes = 0;
  let skippedForSize = 0;
  for (const { path: file } of files) {
    const full = statOrNull(file);
    if (!full) {
      warnings.push({ path: file, message: 'disappeared while the corpus was being read; skipped' });
    } else if (totalBytes + full.size > maxCorpusBytes) {
      skippedForSize++;
    } else {
      totalBytes += full.size;
      present.push({ file, stat: { size: full.size, mtimeMs: full.mtimeMs }, reuse: -1 });
    }
  }

  let cache = await cacheRead;
  const stores = cache && options.cacheDir ? openStores(options.cacheDir, cache) : null;
  if (!stores) releasePostings(cache?.postings);
  if (!stores) cache = null;
  const cachedRow = cache ? rowFinder(cache.documents) : () => undefined;
  const skippedBefore = new Map<string, SkippedFile>();
  for (const file of cache?.skipped ?? []) skippedBefore.set(file.path, file);
  // Files skipped for their content before and unchanged since: skipped again, unread.
  const skipped: SkippedFile[] = [];
  const plan: PlannedFile[] = [];
  for (const entry of present) {
    const { file, stat } = entry;
    const known = skippedBefore.get(file);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      skipped.push(known);
    } else {
      if (cache) entry.reuse = reusable(cache, cachedRow(file), file, stat);
      plan.push(entry);
    }
  }
  if (skippedForSize) {
    warnings.push({ path: entries.join(', '), message: `the corpus is larger than the limit of ${formatMegabytes(maxCorpusBytes)}; ${skippedForSize} file(s) were not indexed`, limit: true });
  }
  for (const file of skipped) warnings.push({ path: file.path, message: file.message });
  if (cache && stores) {
    try {
      const unchanged = plan.length === cache.documents.count && plan.every((entry, k) => entry.reuse === k);
      if (unchanged) return restore(cache, stores, plan, warnings, began);
      if (canRefresh(cache, plan)) return await refreshCorpus({ dir: options.cacheDir!, cache, stores, plan, skipped, warnings, options, began });
    } catch (error) {
      // The cache passed its checks but still could not be used: read the sources instead.
      warnings.push({ path: options.cacheDir!, message: `the index cache could not be used (${(error as Error).message}); the corpus was read again` });
      for (const store of stores) store.close();
      releasePostings(cache.postings);
      for (const entry of plan) entry.reuse = -1;
      return buildCorpus(entries, plan, skipped, null, null, key, totalBytes, warnings, options, began);
    }
  }
  // A new index is built: the cache lends it words and texts, never postings.
  releasePostings(cache?.postings);
  return buildCorpus(entries, plan, skipped, cache, stores, key, totalBytes, warnings, options, began);
}

/**
 * Reads what changed, re-uses the cached words of the rest, and writes a whole new cache. With a
 * cache folder, texts stream to the new texts file as they are read, so the archive is never in
 * memory at once.
 */
async function buildCorpus(entries: string[], plan: PlannedFile[], skipped: SkippedFile[], cache: CacheContents | null, stores: TextStore[] | null, key: string,
  totalBytes: number, warnings: CorpusWarning[], options: OpenOptions, began: number): Promise<OpenedCorpus> {
  const writer = options.cacheDir ? TextsWriter.open(options.cacheDir, warnings) : null;
  const builder = new IndexBuilder(cache ? Vocabulary.unpack(ownedCopy(cache.vocabulary)) : new Vocabulary(), Math.ceil(totalBytes / 5));
  const table = DocumentTable.builder();
  const inMemory: SourceDocument[] = [];
  // Documents the cache cannot restore faithfully stay as read, by row.
  const keptAsRead = new Map<number, SourceDocument>();
  let filesRead = 0;
  let filesReused = 0;
  let bytes = 0;
  const pauser = new SlicePauser(SLICE_MS);
  for (let k = 0; k < plan.length; k++) {
    const { file, stat, reuse } = plan[k];
    if (reuse >= 0 && cache && stores && writer) {
      const place = cache.documents.place(reuse);
      builder.addTokens(cache.tokens, cache.docStarts[reuse], cache.docStarts[reuse + 1]);
      table.copy(cache.documents, reuse, stat.mtimeMs, { segment: 0, ...writer.appendBytes(stores[place.segment].readBytes(place.textStart, place.textBytes)) });
      filesReused++;
    } else {
      const read = await readForCache(file, table.count + inMemory.length, options);
      if (isCorpusWarning(read)) {
        warnings.push(read);
        if (isContentWarning(read)) skipped.push(skippedFile(file, stat, read));
      } else {
        builder.addDocument(read.doc);
        if (writer) {
          const record = recordOf(read.doc, read.hash);
          if (record.reread) keptAsRead.set(table.count, read.doc);
          table.add(record, { segment: 0, ...writer.append(read.doc.text) });
        } else {
          inMemory.push(read.doc);
        }
        filesRead++;
      }
    }
    bytes += stat.size;
    options.onProgress?.({ files: k + 1, totalFiles: plan.length, bytes });
    await pauser.pauseIfDue();
  }
  const corpus: Corpus = { documents: inMemory, warnings };
  const index = builder.finish(corpus);
  let cacheSaved = false;
  if (writer) {
    const textsFile = writer.finish();
    const documents = table.finish();
    const contents = { generation: newGeneration(), key, segments: [writer.segment], documents, vocabulary: index.vocabulary.pack(), tokens: index.tokens, docStarts: index.docStarts, postings: index.postings, skipped };
    // The texts file is opened before the index is written: from then on another process may
    // replace the cache, and an open file stays readable.
    const store = textsFile ? openStore(textsFile) : null;
    if (store && saveCache(options.cacheDir!, contents, warnings)) {
      cacheSaved = true;
      // The old texts files were needed only for copying from; their space can go now.
      for (const old of stores ?? []) old.close();
      const texts = [store];
      corpus.documents = [];
      for (let id = 0; id < documents.count; id++) {
        const kept = keptAsRead.get(id);
        if (kept) kept.id = id;
        corpus.documents.push(kept ?? new StoredDocument(id, documents, id, documents.mtimeMs(id), texts));
      }
    } else {
      store?.close();
      // The cache could not be written; read everything again, keeping it in memory this time.
      const retry = await openCorpus(entries, { ...options, cacheDir: null });
      retry.corpus.warnings.unshift(...warnings.filter((w) => w.path === options.cacheDir));
      return { ...retry, cacheSaved: Promise.resolve(false) };
    }
  }
  const stats = { filesRead, filesReused, fromCache: false, milliseconds: performance.now() - began };
  return { corpus, index, stats, cacheSaved: Promise.resolve(cacheSaved) };
}

/** The corpus and index exactly as cached, with the files' current times. */
function restore(cache: CacheContents, stores: TextStore[], plan: PlannedFile[], warnings: CorpusWarning[], began: number): OpenedCorpus {
  const documents: SourceDocument[] = [];
  for (let id = 0; id < plan.length; id++) documents.push(new StoredDocument(id, cache.documents, id, plan[id].stat.mtimeMs, stores));
  const corpus: Corpus = { documents, warnings };
  const index = CorpusIndex.fromParts(corpus, { vocabulary: Vocabulary.unpack(cache.vocabulary), tokens: cache.tokens, docStarts: cache.docStarts, postings: cache.postings });
  const stats = { filesRead: 0, filesReused: documents.length, fromCache: true, milliseconds: performance.now() - began };
  return { corpus, index, stats, cacheSaved: Promise.resolve(true) };
}

/** Opens every texts file of the cache; null when one is missing, so the cache is not used. */
function openStores(dir: string, cache: CacheContents): TextStore[] | null {
  const stores: TextStore[] = [];
  for (const segment of cache.segments) {
    const store = openStore(path.join(dir, textsFileName(segment)));
    if (!store) {
      for (const opened of stores) opened.close();
      return null;
    }
    stores.push(store);
  }
  return stores;
}

/** The store of one texts file, or null when it cannot be opened. */
function openStore(file: string): TextStore | null {
  try {
    return new TextStore(file);
  } catch {
    return null;
  }
}

/** What the cache keeps of a file skipped for `warning`, with the size and time it was planned with. */
export function skippedFile(file: string, stat: PlannedFile['stat'], warning: CorpusWarning): SkippedFile {
  return { path: file, size: stat.size, mtimeMs: stat.mtimeMs, message: warning.message };
}

/** Writes the index file next to finished texts files; false (with a warning) when it cannot. */
export function saveCache(dir: string, contents: CacheContents, warnings: CorpusWarning[]): boolean {
  try {
    writeIndexFile(dir, contents);
    removeStaleTexts(dir, contents.segments);
    return true;
  } catch (error) {
    warnings.push({ path: dir, message: cacheWriteFailure(error) });
    return false;
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    // A missing file is told by the result rather than an exception, which is much cheaper.
    return fs.statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1e5) / 10} MB`;
}
