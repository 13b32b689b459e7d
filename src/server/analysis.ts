// Checks drafts and remembers the latest result per document, so hover, definition, code
// actions and the custom requests answer from the same analysis the diagnostics came from.

import { performance } from 'perf_hooks';
import { DraftSession } from '../core/draftSession';
import type { SliceStats } from '../core/slicedRun';
import { formatOfFile } from '../core/draftFormats';
import type { QuoteResult, TextFormat } from '../core/types';
import type { CorpusManager, FolderCorpus } from './corpusManager';
import { localResultAt } from './localAnalysis';
import type { ArchiveLink } from './archiveLink';
import { TextPositions } from './positions';
import { uriToPath, type WorkspaceFolders } from './workspaceFolders';

/** A draft's text and version as the server knows it. */
export interface DraftText {
  uri: string;
  /** The editor's version, or null for a file read from disk. */
  version: number | null;
  text: string;
  languageId?: string;
}

/** The checked quotes of one draft version. */
export interface DraftAnalysis {
  uri: string;
  version: number | null;
  text: string;
  format: TextFormat;
  corpus: FolderCorpus;
  results: QuoteResult[];
  positions: TextPositions;
}

/** How long a check works before it lets other requests in, in ms. */
const SLICE_MS = 10;

/** The draft format for a language id, falling back to the file extension. */
export function draftFormat(uri: string, languageId?: string): TextFormat {
  if (languageId === 'markdown') return 'markdown';
  if (languageId && languageId !== 'plaintext' && languageId !== 'text') return 'plaintext';
  return formatOfFile(uriToPath(uri) ?? uri);
}

/** True when a document with `languageId` is a draft under the `languages` setting. */
export function isDraftLanguage(languageId: string, languages: string[]): boolean {
  // Neovim and other editors call plain text "text"; treat it as VS Code's "plaintext".
  const id = languageId === 'text' ? 'plaintext' : languageId;
  return languages.includes(id);
}

/** Drafts at least this long are announced in the log when checked, with how long it took. */
const LARGE_DRAFT_CHARS = 200_000;

/** An analysis under way, shared by every caller that asks for the same text meanwhile. */
interface RunningAnalysis {
  text: string;
  corpus: FolderCorpus;
  /** Each caller's staleness test; the work stops when all of them say stale. */
  waiters: (() => boolean)[];
  /** Set when a newer text of the same document is being analysed. */
  superseded: boolean;
  done: Promise<DraftAnalysis | null>;
}

/**
 * Runs the checker for drafts and caches the newest analysis per URI. Each document keeps a
 * `DraftSession`, so that a re-check after an edit re-matches only the quotes that changed, and
 * checks run in slices, so that a long draft never holds up requests about other documents.
 */
export class DraftAnalyzer {
  private readonly cache = new Map<string, DraftAnalysis>();
  private readonly sessions = new Map<string, DraftSession>();
  private readonly running = new Map<string, RunningAnalysis>();
  /** Requests waiting for the next analysis of a document to finish (or for its check to end). */
  private readonly waiting = new Map<string, Set<() => void>>();
  private positionsCache: TextPositions | null = null;

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly corpora: CorpusManager,
    private readonly log: (message: string) => void,
    /** True while the server has a check of the document scheduled or running, which requests wait for. */
    private readonly checkPending: (uri: string) => boolean = () => false,
    private readonly counters: { checksStarted: number; checksDropped: number } | null = null,
    private readonly archive: ArchiveLink | null = null,
  ) {}

  /**
   * What hover and Go to Definition read about the place `offset` of `draft`: the quote there in
   * the latest finished analysis when that analysis is of this very text, or else the quote
   * checked from the paragraphs around it. Never checks the whole draft. Null when the draft is
   * outside every folder, has no corpus, or has no quote there.
   */
  async resultAt(draft: DraftText, offset: number): Promise<{ analysis: DraftAnalysis; result: QuoteResult } | null> {
    const folder = this.folders.folderFor(draft.uri);
    if (!folder) return null;
    const corpus = await this.corpora.get(folder);
    const cached = this.cache.get(draft.uri);
    if (cached && cached.text === draft.text && cached.corpus === corpus) {
      const result = resultAt(cached, offset);
      return result && { analysis: { ...cached, version: draft.version }, result };
    }
    if (!corpus.checker) return null;
    const format = draftFormat(draft.uri, draft.languageId);
    const result = localResultAt(corpus.checker, draft.text, format, offset);
    if (!result) return null;
    return { analysis: { ...draft, format, corpus, results: [result], positions: this.positions(draft.text) }, result };
  }

  /**
   * The analysis a whole-draft request (the quotes report, the workspace check) reads: the
   * latest finished one of `draft`'s text, or the one the server's own check is working towards.
   * While a check of the document is scheduled or running the request waits for it instead of
   * starting another; if the document moves on meanwhile, the latest finished analysis answers,
   * with its own version. Only a document nobody is checking is analysed here.
   */
  async settled(draft: DraftText, isStale: () => boolean = () => false): Promise<DraftAnalysis | null> {
    for (;;) {
      const cached = this.cache.get(draft.uri);
      if (cached && cached.text === draft.text) return this.analyze(draft, isStale);
      const running = this.running.get(draft.uri);
      if (running?.text === draft.text) return this.analyze(draft, isStale);
      if (!running && !this.checkPending(draft.uri)) return this.analyze(draft, isStale);
      await new Promise<void>((resolve) => {
        const set = this.waiting.get(draft.uri) ?? new Set();
        set.add(resolve);
        this.waiting.set(draft.uri, set);
      });
      if (isStale()) return null;
      const latest = this.cache.get(draft.uri);
      if (latest && latest.text !== draft.text && !this.checkPending(draft.uri)) return latest;
    }
  }

  /** Tells waiting requests that a check of `uri` ended, with or without an analysis. */
  checkEnded(uri: string): void {
    const set = this.waiting.get(uri);
    if (!set) return;
    this.waiting.delete(uri);
    for (const resolve of set) resolve();
  }

  /** Offsets and positions of `text`, built once for the newest text asked about. */
  positions(text: string): TextPositions {
    if (this.positionsCache?.text !== text) this.positionsCache = new TextPositions(text);
    return this.positionsCache;
  }

  /**
   * The analysis of `draft`, re-using the cached one when text and corpus are unchanged.
   * Resolves to null when the draft is outside every folder, or when the check was abandoned:
   * `isStale` said so for every caller waiting on it, or a newer text of the document arrived.
   */
  async analyze(draft: DraftText, isStale: () => boolean = () => false): Promise<DraftAnalysis | null> {
    const folder = this.folders.folderFor(draft.uri);
    if (!folder) return null;
    const corpus = await this.corpora.get(folder);
    const cached = this.cache.get(draft.uri);
    // Each caller gets its own version on a copy: callers share the cached analysis, and one
    // caller's version must never make another's result look current or stale.
    if (cached && cached.text === draft.text && cached.corpus === corpus) return { ...cached, version: draft.version };
    let running = this.running.get(draft.uri);
    if (running && (running.text !== draft.text || running.corpus !== corpus)) {
      running.superseded = true;
      running = undefined;
    }
    if (!running) running = this.start(draft, corpus);
    running.waiters.push(isStale);
    const analysis = await running.done;
    return analysis && { ...analysis, version: draft.version };
  }

  /** The cached analysis of a URI when it describes exactly `text`. */
  cached(uri: string, text: string): DraftAnalysis | null {
    const cached = this.cache.get(uri);
    return cached && cached.text === text ? cached : null;
  }

  /** Drops the cached analysis and session of a closed document, and stops its check. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.sessions.delete(uri);
    this.positionsCache = null;
    this.checkEnded(uri);
    const running = this.running.get(uri);
    if (running) running.superseded = true;
    this.running.delete(uri);
  }

  private start(draft: DraftText, corpus: FolderCorpus): RunningAnalysis {
    const running: RunningAnalysis = { text: draft.text, corpus, waiters: [], superseded: false, done: Promise.resolve(null) };
    const shouldStop = () => running.superseded || (running.waiters.length > 0 && running.waiters.every((stale) => stale()));
    if (this.counters) this.counters.checksStarted++;
    running.done = this.run(draft, corpus, shouldStop).finally(() => {
      if (this.running.get(draft.uri) === running) this.running.delete(draft.uri);
    });
    this.running.set(draft.uri, running);
    return running;
  }

  private async run(draft: DraftText, corpus: FolderCorpus, shouldStop: () => boolean): Promise<DraftAnalysis | null> {
    const format = draftFormat(draft.uri, draft.languageId);
    let results: QuoteResult[] = [];
    const checker = corpus.checker;
    if (checker) {
      // The archive's connection is opened (and its layout read) while the local corpus is checked.
      this.archive?.warm(corpus.resolved.configFile);
      let session = this.sessions.get(draft.uri);
      // A session belongs to one checker: a rebuilt corpus or new settings start afresh.
      if (!session || session.checker !== checker) {
        session = new DraftSession(checker);
        this.sessions.set(draft.uri, session);
      }
      const large = draft.text.length >= LARGE_DRAFT_CHARS;
      const started = performance.now();
      const slices: SliceStats = { slices: 0, longestMs: 0 };
      if (large) this.log(`Checking ${draft.uri} (${Math.round(draft.text.length / 1024)} KB) in slices`);
      try {
        const checked = await session.updateInSlices(draft.text, format, shouldStop, SLICE_MS, slices);
        if (!checked) {
          if (large) this.log(`Stopped checking ${draft.uri}: a newer version arrived`);
          if (this.counters) this.counters.checksDropped++;
          return null;
        }
        results = checked;
        // The archive adds its passages to the local verdicts; when it fails, these stay as they are.
        if (this.archive?.names(corpus.resolved.configFile)) results = await this.archive.merge(corpus.resolved.configFile, draft.text, results, checker);
      } catch (error) {
        this.log(`Checking ${draft.uri} failed: ${(error as Error).stack ?? String(error)}`);
      }
      if (large) {
        const ms = Math.round(performance.now() - started);
        this.log(`Checked ${draft.uri}: ${results.length} quotes in ${ms} ms, ${slices.slices} slices, longest ${Math.round(slices.longestMs)} ms`);
      }
    }
    const analysis: DraftAnalysis = { ...draft, format, corpus, results, positions: this.positions(draft.text) };
    this.cache.set(draft.uri, analysis);
    this.checkEnded(draft.uri);
    return analysis;
  }
}

/** The checked quote whose marks or words contain `offset`, if any. */
export function resultAt(analysis: DraftAnalysis, offset: number): QuoteResult | null {
  let best: QuoteResult | null = null;
  for (const result of analysis.results) {
    const { outer } = result.quote;
    if (offset >= outer.start && offset <= outer.end) {
      // Nested quotes: the innermost (shortest) one is what the cursor is on.
      if (!best || outer.end - outer.start < best.quote.outer.end - best.quote.outer.start) best = result;
    }
  }
  return best;
}
