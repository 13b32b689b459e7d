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
import { fetchCandidates, fetchDocuments, type ArchivedDocument, type ChunkText } from './archiveCandidates';
import { archiveDocumentUri } from '../shared/archiveUri';
import { quoteKeys, type ArchiveLayout } from './archiveText';

/**
 * Archive windows get ids from here up, so they never collide with a local document's id in
 * anything that remembers documents by id.
 */
export const ARCHIVE_ID_BASE = 1 << 30;

/**
 * The verdicts for `quotes` from the archive alone, in order. Each quote is aligned with its own
 * candidates' windows only: the others' windows could not be its closest passage (they share
 * fewer of its pairs), and aligning every quote with every window grows with the square of the draft.
 */
export async function checkAgainstArchive(pool: Pool, archive: string, layout: ArchiveLayout, draftText: string, quotes: Quote[], options: Partial<CheckOptions>, accepted: string[] = []): Promise<QuoteResult[]> {
  const elements = quotes.map((quote) => queryElements(draftText, quote));
  // The lookup is split over the connections already open and idle, never over new ones: a
  // connection's first lookup costs its PostgreSQL server process several times what a repeated
  // one does (it reads the catalogs and maps each shared buffer it touches for the first time:
  // about 0.1 s of processor time for the bench's 100-quote draft at 1 GB, against 0.02 s), more
  // than splitting saves, and a server shared by many writers pays it for every one of them. A
  // CLI run, which starts with no connection, looks the draft up on one.
  const candidates = await fetchCandidates(pool, elements.map((e) => quoteKeys(e, layout)), Math.max(1, pool.idleCount));
  const documents = await fetchDocuments(pool, [...new Set([...candidates.chunks.values()].map((c) => c.docId))]);
  const windows = new WindowCache(archive, candidates.chunks, documents);
  const empty = new Checker(CorpusIndex.build({ documents: [], warnings: [] }), options, accepted);
  return quotes.map((quote, k) => {
    const own = windows.forHits(candidates.hits[k]);
    const checker = own.length ? new Checker(CorpusIndex.build({ documents: own, warnings: [] }), options, accepted) : empty;
    return checker.checkQuote(draftText, quote);
  });
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

/**
 * Windows of archived documents: one per run of neighbouring chunks (a hit with its neighbours,
 * merged with overlapping runs of the same quote). A window two quotes share is made once and
 * keeps one id, so anything that remembers documents by id sees one document.
 */
class WindowCache {
  private readonly made = new Map<string, SourceDocument>();

  constructor(private readonly archive: string, private readonly chunks: Map<string, ChunkText>, private readonly documents: Map<string, ArchivedDocument>) {}

  /** The windows around `hits`, in a fixed order (document id, then position). */
  forHits(hits: { docId: string; seq: number }[]): SourceDocument[] {
    const byDoc = new Map<string, Set<number>>();
    for (const hit of hits) {
      let seqs = byDoc.get(hit.docId);
      if (!seqs) byDoc.set(hit.docId, (seqs = new Set()));
      for (const seq of [hit.seq - 1, hit.seq, hit.seq + 1]) if (this.chunks.has(`${hit.docId}:${seq}`)) seqs.add(seq);
    }
    const windows: SourceDocument[] = [];
    for (const docId of [...byDoc.keys()].sort((a, b) => Number(a) - Number(b))) {
      const doc = this.documents.get(docId);
      if (!doc) continue;
      const ordered = [...byDoc.get(docId)!].sort((a, b) => a - b);
      let run: number[] = [];
      for (const seq of ordered) {
        if (run.length && run[run.length - 1] + 1 !== seq) {
          windows.push(this.window(doc, run));
          run = [];
        }
        run.push(seq);
      }
      if (run.length) windows.push(this.window(doc, run));
    }
    return windows;
  }

  private window(doc: ArchivedDocument, seqs: number[]): SourceDocument {
    const key = `${doc.id}:${seqs[0]}-${seqs[seqs.length - 1]}`;
    let window = this.made.get(key);
    if (!window) {
      window = windowDocument(this.archive, doc, seqs.map((seq) => this.chunks.get(`${doc.id}:${seq}`)!), ARCHIVE_ID_BASE + this.made.size);
      this.made.set(key, window);
    }
    return window;
  }
}

/** A window of an archived document: the text of consecutive chunks, cited as the document. */
function windowDocument(archive: string, doc: ArchivedDocument, run: ChunkText[], id: number): SourceDocument {
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
    shownIn: { uri: archiveDocumentUri(archive, doc.id, doc.path), line: run[0].line, character: run[0].character },
  };
  if (locateWhole) window.locate = (offset: number) => locateWhole(offset + start);
  return window;
}
