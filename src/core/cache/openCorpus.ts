// Opens a corpus for checking: from the on-disk cache when the source files are unchanged, else
// by reading only the files that changed and re-using the cached words of the rest. Sizes, times
// and content hashes decide what changed. This is how both the editor and the CLI start, so a
// newsroom archive is indexed once and then opens in a fraction of a second.

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parseSourceBytes, type LoadOptions } from '../corpus/loadCorpus';
import { isCorpusWarning, readSourceBytes } from '../corpus/readSourceFile';
import { DEFAULT_MAX_FILE_BYTES } from '../config';
import { walkCorpus } from '../corpus/walkCorpus';
import { CorpusIndex, IndexBuilder } from '../match/corpusIndex';
import { Vocabulary } from '../match/vocabulary';
import type { Corpus, CorpusWarning, SourceDocument } from '../types';
import { newGeneration, readCache, removeStaleTexts, textsFileName, writeIndexFile, type CacheContents, type DocumentRecord } from './cacheFile';
import { recordOf } from './documentRecord';
import { StoredDocument, TextStore } from './storedDocument';

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
  onProgress?: (progress: OpenProgress) => void;
}

export interface OpenStats {
  filesRead: number;
  filesReused: number;
  /** True when the whole index came from the cache unchanged. */
  fromCache: boolean;
  /** True when a new cache was written. */
  cacheWritten: boolean;
  milliseconds: number;
}

export interface OpenedCorpus {
  corpus: Corpus;
  index: CorpusIndex;
  stats: OpenStats;
}

/** Yield to the event loop this often while reading, so a server stays responsive. */
const SLICE_MS = 25;

/** Opens the corpus named by `entries`, using and refreshing the cache in `options.cacheDir`. */
export async function openCorpus(entries: string[], options: OpenOptions): Promise<OpenedCorpus> {
  const began = performance.now();
  const { files, warnings } = await walkCorpus(entries);
  // Folder metadata and the file size limit shape what is stored, so they are part of the key.
  const key = JSON.stringify({ folderMeta: options.folderMeta ?? {}, maxFileBytes: options.maxFileBytes ?? null });
  const cache = options.cacheDir ? readCache(options.cacheDir, key) : null;
  const cachedPaths = new Map<string, number>();
  cache?.documents.forEach((record, k) => cachedPaths.set(record.path, k));

  // First pass: which files are unchanged since the cache was written (cheap: one stat each).
  const maxCorpusBytes = options.maxCorpusBytes ?? Number.POSITIVE_INFINITY;
  const plan: { file: string; stat: fs.Stats; reuse: number }[] = [];
  let totalBytes = 0;
  let skippedForSize = 0;
  for (const { path: file } of files) {
    const stat = statOrNull(file);
    if (!stat) {
      warnings.push({ path: file, message: 'disappeared while the corpus was being read; skipped' });
    } else if (totalBytes + stat.size > maxCorpusBytes) {
      skippedForSize++;
    } else {
      totalBytes += stat.size;
      plan.push({ file, stat, reuse: cache ? reusable(cache, cachedPaths.get(file), file, stat) : -1 });
    }
  }
  if (skippedForSize) {
    warnings.push({ path: entries.join(', '), message: `the corpus is larger than the limit of ${formatMegabytes(maxCorpusBytes)}; ${skippedForSize} file(s) were not indexed` });
  }
  const unchanged = cache !== null && plan.length === cache.documents.length && plan.every((entry, k) => entry.reuse === k);
  if (cache && unchanged) return restore(cache, plan, warnings, began);

  // Second pass: read what changed, re-use the cached words of the rest. With a cache folder,
  // texts stream to the new texts file as they are read, so the archive is never in memory at once.
  const writer = options.cacheDir ? TextsWriter.open(options.cacheDir, warnings) : null;
  const builder = new IndexBuilder(cache ? Vocabulary.from(cache.vocabulary) : new Vocabulary(), Math.ceil(totalBytes / 5));
  const oldTexts = cache ? new TextStore(cache.textsFile) : null;
  const inMemory: SourceDocument[] = [];
  const records: DocumentRecord[] = [];
  // Documents the cache cannot restore faithfully stay as read, by record number.
  const keptAsRead = new Map<number, SourceDocument>();
  let filesRead = 0;
  let filesReused = 0;
  let bytes = 0;
  let sliceStart = performance.now();
  for (let k = 0; k < plan.length; k++) {
    const { file, stat, reuse } = plan[k];
    if (reuse >= 0 && cache && oldTexts && writer) {
      const record = cache.documents[reuse];
      builder.addTokens(cache.ids.subarray(cache.docStarts[reuse], cache.docStarts[reuse + 1]));
      records.push({ ...record, mtimeMs: stat.mtimeMs, ...writer.appendBytes(oldTexts.readBytes(record.textStart, record.textBytes)) });
      filesReused++;
    } else {
      // The bytes are read once: hashed for the cache, then parsed.
      const read = await readSourceBytes(file, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
      const loaded = isCorpusWarning(read) ? read : await parseSourceBytes(file, read, records.length + inMemory.length, { folderMeta: options.folderMeta });
      if (isCorpusWarning(loaded)) {
        warnings.push(loaded);
      } else {
        builder.addDocument(loaded);
        if (writer && !isCorpusWarning(read)) {
          const record = { ...recordOf(loaded, hashBytes(read.bytes)), ...writer.append(loaded.text) };
          if (record.reread) keptAsRead.set(records.length, loaded);
          records.push(record);
        } else {
          inMemory.push(loaded);
        }
        filesRead++;
      }
    }
    bytes += stat.size;
    options.onProgress?.({ files: k + 1, totalFiles: plan.length, bytes });
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  const corpus: Corpus = { documents: inMemory, warnings };
  const index = builder.finish(corpus);
  let cacheWritten = false;
  if (writer) {
    const textsFile = writer.finish();
    if (textsFile && saveIndex(options.cacheDir!, writer.generation, key, records, index, warnings)) {
      cacheWritten = true;
      const texts = new TextStore(textsFile);
      corpus.documents = records.map((record, id) => {
        const kept = keptAsRead.get(id);
        if (kept) kept.id = id;
        return kept ?? new StoredDocument(id, record, texts);
      });
    } else {
      // The cache could not be written; read everything again, keeping it in memory this time.
      const retry = await openCorpus(entries, { ...options, cacheDir: null });
      retry.corpus.warnings.unshift(...warnings.filter((w) => w.path === options.cacheDir));
      return retry;
    }
  }
  return { corpus, index, stats: { filesRead, filesReused, fromCache: false, cacheWritten, milliseconds: performance.now() - began } };
}

/** The corpus and index exactly as cached, with the files' current times. */
function restore(cache: CacheContents, plan: { stat: fs.Stats }[], warnings: CorpusWarning[], began: number): OpenedCorpus {
  const texts = new TextStore(cache.textsFile);
  const documents = cache.documents.map((record, id) => new StoredDocument(id, { ...record, mtimeMs: plan[id].stat.mtimeMs }, texts));
  const corpus: Corpus = { documents, warnings };
  const index = CorpusIndex.fromParts(corpus, { vocabulary: Vocabulary.from(cache.vocabulary), ids: cache.ids, docStarts: cache.docStarts, postings: cache.postings });
  return { corpus, index, stats: { filesRead: 0, filesReused: documents.length, fromCache: true, cacheWritten: false, milliseconds: performance.now() - began } };
}

/** The cached record index for `file` when its size and time (or, failing that, its hash) still match. */
function reusable(cache: CacheContents, k: number | undefined, file: string, stat: fs.Stats): number {
  if (k === undefined) return -1;
  const record = cache.documents[k];
  if (record.reread || record.size !== stat.size) return -1;
  if (record.mtimeMs === stat.mtimeMs) return k;
  // Touched but possibly unchanged (a checkout, a copy): the content decides.
  return hashFile(file) === record.hash ? k : -1;
}

/** Writes the index file next to a finished texts file; false (with a warning) when it cannot. */
function saveIndex(dir: string, generation: string, key: string, records: DocumentRecord[], index: CorpusIndex, warnings: CorpusWarning[]): boolean {
  try {
    writeIndexFile(dir, { generation, key, documents: records, vocabulary: index.vocabulary.allWords() as string[], ids: index.ids, docStarts: index.docStarts, postings: index.postings });
    removeStaleTexts(dir, generation);
    return true;
  } catch (error) {
    warnings.push({ path: dir, message: `the index cache could not be written (${(error as Error).message}); the corpus will be read again next time` });
    return false;
  }
}

/** Texts are gathered into writes of about this many bytes: one write per small file is slow. */
const WRITE_BATCH_BYTES = 1 << 20;

/** Appends document texts to a new texts file, reporting a failure once as a warning. */
class TextsWriter {
  readonly generation = newGeneration();
  private offset = 0;
  private failed = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  private constructor(private readonly dir: string, private fd: number | null, private readonly warnings: CorpusWarning[]) {}

  static open(dir: string, warnings: CorpusWarning[]): TextsWriter {
    const writer = new TextsWriter(dir, null, warnings);
    try {
      fs.mkdirSync(dir, { recursive: true });
      writer.fd = fs.openSync(writer.temporary, 'w');
    } catch (error) {
      writer.fail(error);
    }
    return writer;
  }

  private get temporary(): string {
    return path.join(this.dir, `${textsFileName(this.generation)}.${process.pid}.tmp`);
  }

  /** Writes `text` and returns where it landed. */
  append(text: string): { textStart: number; textBytes: number } {
    return this.appendBytes(Buffer.from(text, 'utf8'));
  }

  /** Writes a text already encoded as UTF-8 and returns where it landed. */
  appendBytes(bytes: Buffer): { textStart: number; textBytes: number } {
    const textStart = this.offset;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_BATCH_BYTES) this.flush();
    this.offset += bytes.length;
    return { textStart, textBytes: bytes.length };
  }

  private flush(): void {
    if (this.fd !== null && !this.failed && this.pending.length) {
      try {
        fs.writeSync(this.fd, Buffer.concat(this.pending, this.pendingBytes));
      } catch (error) {
        this.fail(error);
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Closes and renames the file into place; returns its path, or null when writing failed. */
  finish(): string | null {
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    if (this.failed) return null;
    const file = path.join(this.dir, textsFileName(this.generation));
    try {
      fs.renameSync(this.temporary, file);
      return file;
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  private fail(error: unknown): void {
    if (!this.failed) this.warnings.push({ path: this.dir, message: `the index cache could not be written (${(error as Error).message}); the corpus will be read again next time` });
    this.failed = true;
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function hashFile(file: string): string {
  try {
    return hashBytes(fs.readFileSync(file));
  } catch {
    return '';
  }
}

function hashBytes(bytes: Uint8Array): string {
  return crypto.createHash('sha1').update(bytes).digest('hex');
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1e5) / 10} MB`;
}
