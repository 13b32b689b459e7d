// Refreshes a cached corpus after a few of its files changed, were added or were removed: only
// those files are read, the cached token stream and postings are spliced rather than rebuilt,
// and the corpus is ready as soon as that is done. The refreshed cache is written afterwards,
// with the changed texts in a new, small texts file beside the old ones, so a one-word edit to
// one article of an archive never costs a rewrite of the archive's text.

import * as fs from 'fs';
import * as path from 'path';
import { isCorpusWarning } from '../corpus/readSourceFile';
import { CorpusIndex, IndexBuilder } from '../match/corpusIndex';
import { splicePostings, spliceTokens, type TokenEdit } from '../match/postingsSplice';
import { ownedCopy, Vocabulary } from '../match/vocabulary';
import type { Corpus, CorpusWarning, SourceDocument } from '../types';
import { newGeneration, textsFileName, type CacheContents, type SkippedFile } from './cacheFile';
import { isContentWarning, readForCache } from './cachedRead';
import { recordOf } from './documentRecord';
import { DocumentTable, type DocumentRecord, type TextPlace } from './documentTable';
import { saveCache, skippedFile, SLICE_MS, writeLater, type OpenedCorpus, type OpenOptions, type PlannedFile } from './openParts';
import { StoredDocument, type TextStore } from './storedDocument';
import { cacheWriteFailure, TextsWriter } from './textsWriter';
import { SlicePauser } from '../slicedRun';

/** Past this many texts files, a refresh writes all texts into one file again. */
const MAX_SEGMENTS = 8;
/** When more than this share of the files changed, a whole rebuild is about as quick. */
const REFRESH_SHARE = 0.25;

/** True when the cache can be refreshed for `plan`: few files changed and the order is the cached one. */
export function canRefresh(cache: CacheContents, plan: PlannedFile[]): boolean {
  let last = -1;
  let toRead = 0;
  for (const { reuse } of plan) {
    if (reuse < 0) toRead++;
    else if (reuse <= last) return false;
    else last = reuse;
  }
  return last >= 0 && toRead <= Math.max(16, plan.length * REFRESH_SHARE) && cache.documents.count > 0;
}

export interface RefreshInput {
  dir: string;
  cache: CacheContents;
  stores: TextStore[];
  plan: PlannedFile[];
  /** Files skipped for their content, unchanged since; those this refresh skips are added. */
  skipped: SkippedFile[];
  warnings: CorpusWarning[];
  options: OpenOptions;
  began: number;
}

/** One document of the refreshed corpus: a cached row, or a document just read. */
type Row = { reuse: number; mtimeMs: number } | { record: DocumentRecord; doc: SourceDocument };

export async function refreshCorpus(input: RefreshInput): Promise<OpenedCorpus> {
  const { cache, stores, plan, warnings, options } = input;
  // The refreshed index owns copies of what it keeps from the cache file, so the file's bytes
  // (the old token stream and postings) can be freed once they are spliced.
  const table = cache.documents.detached();
  const vocabulary = Vocabulary.unpack(ownedCopy(cache.vocabulary));
  const documents: SourceDocument[] = [];
  const rows: Row[] = [];
  const edits: TokenEdit[] = [];
  const lengths: number[] = [];
  let nextOld = 0;
  let inserted: Int32Array[] = [];
  // Old documents [nextOld, upTo) are gone; the tokens read since take their place.
  const flush = (upTo: number) => {
    if (upTo > nextOld || inserted.length) edits.push({ start: cache.docStarts[nextOld], end: cache.docStarts[upTo], tokens: concat(inserted) });
    inserted = [];
  };
  let filesRead = 0;
  let bytes = 0;
  const pauser = new SlicePauser(SLICE_MS);
  for (let k = 0; k < plan.length; k++) {
    const { file, stat, reuse } = plan[k];
    if (reuse >= 0) {
      flush(reuse);
      nextOld = reuse + 1;
      documents.push(new StoredDocument(documents.length, table, reuse, stat.mtimeMs, stores));
      rows.push({ reuse, mtimeMs: stat.mtimeMs });
      lengths.push(cache.docStarts[reuse + 1] - cache.docStarts[reuse]);
    } else {
      const read = await readForCache(file, documents.length, options);
      if (isCorpusWarning(read)) {
        warnings.push(read);
        if (isContentWarning(read)) input.skipped.push(skippedFile(file, stat, read));
      } else {
        const tokens = IndexBuilder.tokensOf(vocabulary, read.doc);
        inserted.push(tokens);
        documents.push(read.doc);
        rows.push({ record: recordOf(read.doc, read.hash), doc: read.doc });
        lengths.push(tokens.length);
        filesRead++;
      }
    }
    bytes += stat.size;
    options.onProgress?.({ files: k + 1, totalFiles: plan.length, bytes });
    await pauser.pauseIfDue();
  }
  flush(cache.documents.count);
  const tokens = spliceTokens(cache.tokens, edits);
  const postings = splicePostings(cache.postings, edits, vocabulary.size);
  const docStarts = new Int32Array(lengths.length + 1);
  for (let d = 0; d < lengths.length; d++) docStarts[d + 1] = docStarts[d] + lengths[d];
  const corpus: Corpus = { documents, warnings };
  const index = CorpusIndex.fromParts(corpus, { vocabulary, tokens, docStarts, postings });
  const stats = { filesRead, filesReused: documents.length - filesRead, fromCache: false, milliseconds: performance.now() - input.began };
  // The corpus is ready now; the cache is brought up to date once the caller has it.
  const cacheSaved = writeLater(options, () => saveRefresh(input, table, rows, index).catch((error: unknown) => {
    // Nothing of a failed write is used: the next start reads the changed files again.
    warnings.push({ path: input.dir, message: cacheWriteFailure(error) });
    return false;
  }));
  return { corpus, index, stats, cacheSaved };
}

/**
 * Writes the refreshed cache: the new texts in a new texts file, then the index file. Copying
 * every text into one file again pauses for other events as it goes: it reads the whole archive.
 */
async function saveRefresh(input: RefreshInput, oldTable: DocumentTable, rows: Row[], index: CorpusIndex): Promise<boolean> {
  const { dir, cache, stores, warnings } = input;
  const fresh = rows.filter((row) => 'record' in row).length;
  // Too many texts files, or one that another process has removed since (its text is still
  // readable through the open store): this refresh writes every text into one file again.
  const gone = cache.segments.some((name) => !fs.existsSync(path.join(dir, textsFileName(name))));
  const compact = gone || cache.segments.length + (fresh ? 1 : 0) > MAX_SEGMENTS;
  const pauser = new SlicePauser(SLICE_MS);
  const writer = fresh || compact ? TextsWriter.open(dir, warnings) : null;
  const segment = compact ? 0 : cache.segments.length;
  const builder = DocumentTable.builder();
  for (const row of rows) {
    if ('record' in row) {
      builder.add(row.record, { segment, ...writer!.append(row.doc.text) });
    } else {
      let place: TextPlace = oldTable.place(row.reuse);
      if (compact) place = { segment, ...writer!.appendBytes(stores[place.segment].readBytes(place.textStart, place.textBytes)) };
      builder.copy(oldTable, row.reuse, row.mtimeMs, place);
    }
    if (compact) await pauser.pauseIfDue();
  }
  if (writer && !writer.finish()) return false;
  const segments = compact ? [writer!.segment] : writer ? [...cache.segments, writer.segment] : cache.segments;
  const contents: CacheContents = {
    generation: newGeneration(), key: cache.key, segments, documents: builder.finish(),
    vocabulary: index.vocabulary.pack(), tokens: index.tokens, docStarts: index.docStarts, postings: index.postings, skipped: input.skipped,
  };
  return saveCache(dir, contents, warnings, cache);
}

function concat(parts: Int32Array[]): Int32Array {
  if (parts.length === 1) return parts[0];
  const out = new Int32Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
