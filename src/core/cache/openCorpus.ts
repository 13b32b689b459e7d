// Opens a corpus for checking: from the on-disk cache when the source files are unchanged, else
// by reading only the files that changed and re-using the cached words of the rest. Sizes, times
// and content hashes decide what changed. This is how both the editor and the CLI start, so a
// newsroom archive is indexed once and then opens in a fraction of a second.

import * as fs from 'fs';
import * as path from 'path';
import { isCorpusWarning } from '../corpus/readSourceFile';
import { surveyCorpus, type Survey } from '../corpus/surveyCorpus';
import { surveyOnThread } from '../corpus/surveyThread';
import { CorpusIndex, IndexBuilder } from '../match/corpusIndex';
import { ownedCopy, Vocabulary } from '../match/vocabulary';
import type { Corpus, CorpusWarning, SourceDocument } from '../types';
import { INDEX_FILE, newGeneration, textsFileName, type CacheContents, type SkippedFile } from './cacheFile';
import { isContentWarning, readForCache } from './cachedRead';
import { recordOf } from './documentRecord';
import { DocumentTable } from './documentTable';
import { canRefresh, refreshCorpus } from './refreshCorpus';
import { StoredDocument, TextStore } from './storedDocument';
import { releasePostings } from './filePostings';
import { readCacheInBackground } from './readIndexFile';
import { planFiles, type PlannedFiles } from './planFiles';
import { TextsWriter } from './textsWriter';
import { saveCache, skippedFile, SLICE_MS, writeLater, type OpenedCorpus, type OpenOptions, type PlannedFile } from './openParts';
import { SlicePauser } from '../slicedRun';

// The options and result types live in openParts.ts (refreshCorpus.ts needs them without
// importing this module); callers of openCorpus get them here, with the function.
export type { OpenedCorpus, OpenOptions, OpenProgress, OpenStats, PlannedFile } from './openParts';

/** Opens the corpus named by `entries`, using and refreshing the cache in `options.cacheDir`. */
export async function openCorpus(entries: string[], options: OpenOptions): Promise<OpenedCorpus> {
  const began = performance.now();
  const opening = startOpening(entries, options);
  const survey = await surveyed(opening);
  const read = usableCache(await opening.cacheRead, options);
  return finishOpening(entries, planFiles(entries, survey, read.cache, options), read, opening.key, options, began);
}

/**
 * A thread's start costs tens of milliseconds of processor time, and with two cores the second
 * one is not idle either (V8 compiles and collects there, libuv reads the cache there): at 50 MB
 * of sources (a 39 MB index file, 11,500 files) a survey on a thread gained nothing on a quiet
 * machine and cost 10% on a busy one, at 500 MB (358 MB, 112,600 files) it saved 9–13%. The
 * index file's size, known before anything is read, stands for the number of files to stat.
 */
export const SURVEY_THREAD_FROM_BYTES = 128 * 1024 * 1024;

function indexFileBytes(dir: string): number {
  try {
    return fs.statSync(path.join(dir, INDEX_FILE), { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

/** An opening under way: the files being surveyed and the cache being read. */
export interface Opening {
  /** Folder metadata and the file size limit shape what is stored, so they are the cache's key. */
  key: string;
  survey: Promise<Survey>;
  cacheRead: Promise<CacheContents | null>;
}

/** Starts surveying the files and reading the cache. */
export function startOpening(entries: string[], options: OpenOptions): Opening {
  const key = JSON.stringify({ folderMeta: options.folderMeta ?? {}, maxFileBytes: options.maxFileBytes ?? null });
  const walkOptions = { exclude: options.cacheDir ? [options.cacheDir] : [], maxFiles: options.maxCorpusFiles, confineLinksTo: options.confineLinksTo };
  const readCache = () => options.cacheDir ? readCacheInBackground(options.cacheDir, key, { postingsOnDemand: options.postingsOnDemand }) : Promise.resolve(null);
  if (options.surveyScript && options.cacheDir && indexFileBytes(options.cacheDir) >= (options.surveyThreadFromBytes ?? SURVEY_THREAD_FROM_BYTES)) {
    // The files are walked and stat'ed on a thread of their own while this one reads the
    // cache's index file and checks its sections (and, in the CLI, checks the draft against it).
    return { key, survey: surveyOnThread(options.surveyScript, entries, walkOptions), cacheRead: readCache() };
  }
  // On one thread the index file is read on libuv's threads while the files are stat'ed,
  // started only after the walk, since reading it alongside the walk slowed the walk by more
  // than it saved.
  let cacheRead: Promise<CacheContents | null> = Promise.resolve(null);
  const survey = surveyCorpus(entries, walkOptions, () => {
    cacheRead = readCache();
  });
  return { key, survey, cacheRead: survey.then(() => cacheRead, () => cacheRead) };
}

/** The survey; when it fails, the cache read beside it is let go before the error is passed on. */
export async function surveyed(opening: Opening): Promise<Survey> {
  try {
    return await opening.survey;
  } catch (error) {
    // Postings read on demand hold the index file open.
    releasePostings((await opening.cacheRead)?.postings);
    throw error;
  }
}

/** A cache read, with its texts files open; both null when there is none or a texts file is missing. */
export interface UsableCache {
  cache: CacheContents | null;
  stores: TextStore[] | null;
}

export function usableCache(cache: CacheContents | null, options: OpenOptions): UsableCache {
  const stores = cache && options.cacheDir ? openStores(options.cacheDir, cache) : null;
  if (stores) return { cache, stores };
  releasePostings(cache?.postings);
  return { cache: null, stores: null };
}

/** Opens the planned files: restored from the cache, refreshed, or read and built anew. */
export async function finishOpening(entries: string[], planned: PlannedFiles, read: UsableCache, key: string, options: OpenOptions, began: number): Promise<OpenedCorpus> {
  const { plan, skipped, totalBytes, warnings } = planned;
  const { cache, stores } = read;
  if (cache && stores) {
    try {
      if (planned.unchanged) {
        const opened = restore(cache, stores, (id) => plan[id].stat.mtimeMs, warnings, began);
        // Only when some time moved: a corpus of no bytes would otherwise pass the share test at every start.
        if (options.cacheDir && !timesKept(plan, cache) && touchedBytes(plan, cache) * TOUCHED_SHARE >= planned.totalBytes) opened.cacheSaved = saveNewTimes(options.cacheDir, cache, plan, planned.skipped, warnings, options);
        return opened;
      }
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

/** True when every planned file that keeps its cached row has the time that row holds. */
export function timesKept(plan: PlannedFile[], cache: CacheContents): boolean {
  return plan.every((entry, k) => entry.reuse !== k || entry.stat.mtimeMs === cache.documents.mtimeMs(k));
}

/**
 * Files touched but unchanged (a checkout, a copy, a restore) are told apart from changed ones
 * by their hash, which reads them: until the cache holds their new times, every start reads
 * them again. When they are a sixteenth of the corpus or more, the index file is written again
 * with their times once the caller has the corpus (the texts files stay as they are): a write
 * of the whole index that about sixteen starts' reading pays for. A few touched files are
 * cheaper to hash at each start than the index is to write.
 */
const TOUCHED_SHARE = 16;

/** The bytes of the files whose cached row holds and whose time does not. */
function touchedBytes(plan: PlannedFile[], cache: CacheContents): number {
  let bytes = 0;
  for (let k = 0; k < plan.length; k++) if (plan[k].stat.mtimeMs !== cache.documents.mtimeMs(k)) bytes += plan[k].stat.size;
  return bytes;
}

/** Writes the index file again with the files' new times (see TOUCHED_SHARE). */
function saveNewTimes(dir: string, cache: CacheContents, plan: PlannedFile[], skipped: SkippedFile[], warnings: CorpusWarning[], options: OpenOptions): Promise<boolean> {
  return writeLater(options, async () => {
    const table = DocumentTable.builder();
    for (let k = 0; k < plan.length; k++) table.copy(cache.documents, k, plan[k].stat.mtimeMs, cache.documents.place(k));
    const contents: CacheContents = {
      generation: newGeneration(), key: cache.key, segments: cache.segments, documents: table.finish(),
      vocabulary: cache.vocabulary, tokens: cache.tokens, docStarts: cache.docStarts, postings: cache.postings, skipped,
    };
    return saveCache(dir, contents, warnings, cache);
  });
}

/** The corpus and index exactly as cached, with each file's time as `mtimeOf` gives it. */
export function restore(cache: CacheContents, stores: TextStore[], mtimeOf: (id: number) => number, warnings: CorpusWarning[], began: number): OpenedCorpus {
  const documents: SourceDocument[] = [];
  for (let id = 0; id < cache.documents.count; id++) documents.push(new StoredDocument(id, cache.documents, id, mtimeOf(id), stores));
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
