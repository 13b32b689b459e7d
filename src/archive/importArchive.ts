// `verbatim archive import`: reads the corpora with the same readers as a local corpus and
// mirrors them into the archive in one transaction. Files whose size and time (or, failing that,
// content hash) are unchanged are not written again; documents no longer found are deleted. Until
// the commit, writers keep reading the archive as it was, and a failed or interrupted import
// changes nothing.

import * as fs from 'fs';
import type { Client } from 'pg';
import { hashFile } from '../core/cache/cachedRead';
import { isCorpusWarning } from '../core/corpus/readSourceFile';
import { walkCorpus } from '../core/corpus/walkCorpus';
import type { CorpusWarning, SourceMeta } from '../core/types';
import { pairBucketsFor } from './archiveText';
import { ImportBatch, Writer } from './importBatch';
import type { ImportedFile } from './importRead';
import { defaultReaderCount, defaultWorkerScript, ImportReaders } from './importReaders';
import { needsRebuild, rebuildPostings, writePart, type PostingsState } from './importPostings';
import { MAX_PART_ENTRIES, PostingsBuilder } from './postings';
import { ensureSchema, FREQUENT_PAIRS_SQL } from './schema';

export interface ImportOptions {
  maxFileBytes?: number;
  folderMeta?: Record<string, SourceMeta>;
  onProgress?: (progress: ImportProgress) => void;
  /** Called when a file is skipped, as the local corpus would skip it. */
  onWarning?: (warning: CorpusWarning) => void;
  /** The reader threads' script (default: importWorker.js beside this bundle, if there). */
  workerScript?: string;
  /** How many reader threads (default: one per core, up to four); 0 reads on this thread. */
  readers?: number;
  /** The threads start when more than this many bytes of files are to be read (default THREADS_AFTER_BYTES). */
  threadsAfterBytes?: number;
  /** Posting entries held in memory before they are written out as a part (default MAX_PART_ENTRIES). */
  partEntries?: number;
  /** A pair held by at least this many chunks is frequent, and lookups avoid it (default FREQUENT_PAIR_CHUNKS). */
  frequentPairChunks?: number;
}

/**
 * Reading a posting list of this many chunks costs about a millisecond, as much as the rest of
 * a quote's lookup; a typical pair's list holds twenty to forty.
 */
export const FREQUENT_PAIR_CHUNKS = 2000;

export interface ImportProgress {
  files: number;
  totalFiles: number;
  bytes: number;
}

export interface ImportSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Bytes of source files read and written. */
  bytes: number;
  milliseconds: number;
  /** Of those, the time spent rebuilding the postings from the stored chunks (0 unless they were; see needsRebuild). */
  rebuildMilliseconds: number;
  /** Reader threads used (0: files were read on the main thread). */
  readers: number;
}

interface KnownDocument {
  id: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** Only one import writes at a time; the key is arbitrary but fixed. */
const IMPORT_LOCK = 0x76657262;

/** Imports the sources named by `entries` into the archive `client` is connected to. */
export async function importArchive(client: Client, entries: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const began = performance.now();
  const startedAt = new Date();
  const { files, warnings } = await walkCorpus(entries);
  for (const warning of warnings) options.onWarning?.(warning);
  await client.query('BEGIN');
  const writer = new Writer(client);
  const readers = new ImportReaders(options.workerScript ?? defaultWorkerScript(), options.readers ?? defaultReaderCount(), options.threadsAfterBytes);
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    // Every file is stat'ed before any is read: a new archive's bucket count follows the size of
    // what is imported first, and the reader threads start at once when the files to read are many.
    const sizes = new Float64Array(files.length).fill(-1);
    const mtimes = new Float64Array(files.length);
    files.forEach(({ path: file }, k) => {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat) [sizes[k], mtimes[k]] = [stat.size, stat.mtimeMs];
    });
    const buckets = await ensureSchema(client, () => pairBucketsFor(sizes.reduce((sum, size) => sum + Math.max(0, size), 0)));
    const state: PostingsState = (await client.query('SELECT parts, whole_parts AS whole, posted_chunks::float8 AS posted FROM verbatim_archive')).rows[0];
    const firstLists = state.parts === 0;
    const postings = new PostingsBuilder(buckets);
    const known = new Map<string, KnownDocument>();
    const { rows } = await client.query('SELECT id, path, size, mtime_ms, hash FROM verbatim_documents');
    for (const row of rows) known.set(row.path, { id: String(row.id), size: Number(row.size), mtimeMs: Number(row.mtime_ms), hash: row.hash });
    // New files and files of another size are read for sure. One of the same size with a new
    // time (a checkout, a copy) is hashed here first and is usually unchanged: it is counted
    // when it is asked for, so such an import does not start the threads for nothing.
    let toRead = 0;
    files.forEach(({ path: file }, k) => {
      const old = known.get(file);
      if (sizes[k] >= 0 && !(old && old.size === sizes[k])) toRead += sizes[k];
    });
    readers.expect(toRead);
    const summary: ImportSummary = { added: 0, updated: 0, removed: 0, unchanged: 0, bytes: 0, milliseconds: 0, rebuildMilliseconds: 0, readers: 0 };
    const batch = new ImportBatch(writer);
    let nextId = await firstFreeId(client);
    const seen = new Set<string>();
    let done = 0;
    // Files are read ahead on the reader threads and settled here in walk order.
    const ahead: { file: string; id: number; old?: KnownDocument; size: number; read: Promise<ImportedFile | CorpusWarning> }[] = [];
    const settle = async (next: (typeof ahead)[number]): Promise<void> => {
      const read = await next.read;
      if (isCorpusWarning(read)) {
        options.onWarning?.(read);
        seen.delete(next.file);
      } else if (next.old && next.old.hash === read.hash) {
        batch.touch(next.old.id, read.mtimeMs);
        summary.unchanged++;
      } else {
        await batch.add(read, next.old?.id);
        let from = 0;
        read.pairCounts.forEach((count, seq) => {
          postings.add(next.id, seq, read.pairs, count, from);
          from += count;
        });
        if (postings.entries >= (options.partEntries ?? MAX_PART_ENTRIES)) await writePart(writer, postings, state);
        if (next.old) summary.updated++;
        else summary.added++;
        summary.bytes += next.size;
      }
      options.onProgress?.({ files: ++done, totalFiles: files.length, bytes: summary.bytes });
    };
    for (const [k, { path: file }] of files.entries()) {
      seen.add(file);
      const stat = sizes[k] >= 0 ? { size: sizes[k], mtimeMs: mtimes[k] } : undefined;
      const old = known.get(file);
      if (stat && old && old.size === stat.size && (old.mtimeMs === stat.mtimeMs || hashFile(file) === old.hash)) {
        if (old.mtimeMs !== stat.mtimeMs) batch.touch(old.id, stat.mtimeMs);
        summary.unchanged++;
        options.onProgress?.({ files: ++done, totalFiles: files.length, bytes: summary.bytes });
      } else if (stat) {
        // Ids are handed out as files are sent to be read; a file that turns out unusable leaves a gap.
        const id = nextId++;
        const read = readers.read({ file, id, buckets, maxFileBytes: options.maxFileBytes, folderMeta: options.folderMeta }, stat.size);
        read.catch(() => undefined);
        ahead.push({ file, id, old, size: stat.size, read });
        if (ahead.length >= readers.window) await settle(ahead.shift()!);
      } else {
        seen.delete(file);
      }
    }
    while (ahead.length) await settle(ahead.shift()!);
    const gone = [...known.entries()].filter(([file]) => !seen.has(file)).map(([, doc]) => doc.id);
    for (let k = 0; k < gone.length; k += 10_000) batch.remove(gone.slice(k, k + 10_000));
    summary.removed = gone.length;
    await batch.flush();
    await writePart(writer, postings, state);
    await writer.drain();
    // The first lists of an archive are written whole, in as many parts as they take.
    if (firstLists) state.whole = state.parts;
    if (summary.added + summary.updated + summary.removed > 0) {
      // Only removals make chunks dead, and a first import has none to count.
      const live = summary.updated + summary.removed > 0 ? Number((await client.query('SELECT count(*) AS n FROM verbatim_chunks')).rows[0].n) : state.posted;
      if (needsRebuild(state, live)) {
        const rebuilding = performance.now();
        await rebuildPostings(client, writer, buckets, state, options.partEntries ?? MAX_PART_ENTRIES);
        summary.rebuildMilliseconds = performance.now() - rebuilding;
      }
      await client.query('UPDATE verbatim_archive SET parts = $1, whole_parts = $2, posted_chunks = $3', [state.parts, state.whole, state.posted]);
      await client.query(FREQUENT_PAIRS_SQL, [options.frequentPairChunks ?? FREQUENT_PAIR_CHUNKS, Math.max(1, state.parts)]);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('verbatim_documents', 'id'), greatest($1::bigint, 1), $1::bigint >= 1)`, [nextId - 1]);
    await client.query(
      'INSERT INTO verbatim_imports (started_at, finished_at, added, updated, removed, unchanged, bytes) VALUES ($1, now(), $2, $3, $4, $5, $6)',
      [startedAt, summary.added, summary.updated, summary.removed, summary.unchanged, summary.bytes],
    );
    summary.readers = readers.threads;
    await client.query('COMMIT');
    summary.milliseconds = performance.now() - began;
    return summary;
  } catch (error) {
    await writer.drain().catch(() => undefined);
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await readers.close();
  }
}

/**
 * The first id a new document may take. Only the import writes documents, and only one import
 * runs at a time (the advisory lock), so ids are handed out here without a round trip each and
 * the sequence is moved past them at the end.
 */
async function firstFreeId(client: Client): Promise<number> {
  const { rows } = await client.query(
    `SELECT greatest((SELECT coalesce(max(id), 0) FROM verbatim_documents), (SELECT last_value FROM verbatim_documents_id_seq)) + 1 AS id`,
  );
  return Number(rows[0].id);
}
