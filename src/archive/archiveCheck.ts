// Checks a draft's quotes against the archive and merges the verdicts with the local corpus's.
// The archive sends the candidate chunks of each quote; they become small documents (windows)
// that the engine indexes and aligns exactly as it does a local corpus, so the verdict rules are
// the same. A quote keeps its local verdict unless the archive has a closer passage.

import type { Pool } from 'pg';
import { Checker } from '../core/checker';
import { locatorFromMarks } from '../core/corpus/locationIndex';
import { CorpusIndex } from '../core/match/corpusIndex';
import { queryElements } from '../core/match/queryWords';
import type { CheckOptions, Quote, QuoteResult, SourceDocument, SourceLocation, Span } from '../core/types';
import { fetchCandidates, fetchDocuments, type ArchivedDocument, type CandidateChunk } from './archiveCandidates';
import { quotePairs } from './archiveText';

/**
 * Archive windows get ids from here up, so they never collide with a local document's id in
 * anything that remembers documents by id.
 */
export const ARCHIVE_ID_BASE = 1 << 30;

/** The verdicts for `quotes` from the archive alone, in order. */
export async function checkAgainstArchive(pool: Pool, draftText: string, quotes: Quote[], options: Partial<CheckOptions>, accepted: string[] = []): Promise<QuoteResult[]> {
  const pairs = quotes.map((quote) => quotePairs(queryElements(draftText, quote)));
  const chunks = await fetchCandidates(pool, pairs);
  const documents = await fetchDocuments(pool, [...new Set(chunks.map((c) => c.docId))]);
  const windows = buildWindows(chunks, documents);
  const checker = new Checker(CorpusIndex.build({ documents: windows, warnings: [] }), options, accepted);
  return quotes.map((quote) => checker.checkQuote(draftText, quote));
}

/** Keeps the local verdict unless the archive's passage is closer. */
export function mergeResults(local: QuoteResult, archived: QuoteResult): QuoteResult {
  return strength(archived) > strength(local) ? archived : local;
}

/** How strongly a result ties the quote to a source: verbatim beats any drift, closer drift beats farther. */
function strength(result: QuoteResult): number {
  if (result.status === 'unsupported' || !result.match) return 0;
  const verbatim = result.match.diff.every((entry) => entry.op === 'same');
  return (verbatim ? 2 : 1) + result.match.score;
}

/** One window per run of neighbouring chunks of a document, numbered in a fixed order. */
function buildWindows(chunks: CandidateChunk[], documents: Map<string, ArchivedDocument>): SourceDocument[] {
  const byDoc = new Map<string, Map<number, CandidateChunk>>();
  for (const chunk of chunks) {
    let seqs = byDoc.get(chunk.docId);
    if (!seqs) byDoc.set(chunk.docId, (seqs = new Map()));
    seqs.set(chunk.seq, chunk);
  }
  const windows: SourceDocument[] = [];
  const docIds = [...byDoc.keys()].sort((a, b) => Number(a) - Number(b));
  for (const docId of docIds) {
    const doc = documents.get(docId);
    if (!doc) continue;
    const seqs = byDoc.get(docId)!;
    const ordered = [...seqs.keys()].sort((a, b) => a - b);
    let run: CandidateChunk[] = [];
    for (const seq of ordered) {
      if (run.length && run[run.length - 1].seq + 1 !== seq) {
        windows.push(windowDocument(doc, run, ARCHIVE_ID_BASE + windows.length));
        run = [];
      }
      run.push(seqs.get(seq)!);
    }
    if (run.length) windows.push(windowDocument(doc, run, ARCHIVE_ID_BASE + windows.length));
  }
  // The index numbers documents by position; the ids stay apart from local ones.
  return windows;
}

/** A window of an archived document: the text of consecutive chunks, cited as the document. */
function windowDocument(doc: ArchivedDocument, run: CandidateChunk[], id: number): SourceDocument {
  const start = run[0].start;
  const text = run.map((c) => c.text).join('');
  const end = start + text.length;
  const blocks: Span[] = [];
  for (let k = 0; k + 1 < doc.blocks.length; k += 2) {
    const s = Math.max(doc.blocks[k], start);
    const e = Math.min(doc.blocks[k + 1], end);
    if (s < e) blocks.push({ start: s - start, end: e - start });
  }
  const locateWhole = doc.marks?.length ? locatorFromMarks(doc.marks.map(([at, location]) => ({ start: at, location: location as SourceLocation }))) : null;
  const window: SourceDocument = {
    id,
    path: doc.path,
    title: doc.title,
    meta: doc.meta,
    text,
    // The archived file is not on the writer's disk: positions are in the archived text.
    fileOffset: (offset: number) => offset,
    blocks,
    size: text.length,
    // Never a file's time: with the size it tells windows of one document apart in caches keyed by path, size and time.
    mtimeMs: -1 - start,
    display: 'extracted',
  };
  if (locateWhole) window.locate = (offset: number) => locateWhole(offset + start);
  return window;
}
