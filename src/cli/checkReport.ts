// The result of one `verbatim check` run, shared by the output formats. It decides once, from
// the editor's verdicts (src/core/verdicts.ts), which quotes fail the run, so that text, JSON,
// SARIF and the fact-check sheet never disagree about it, and keeps each draft's text and line
// index so that every format reports the same positions.

import * as path from 'path';
import { LineIndex } from '../core/lineIndex';
import type { LineCharacter } from '../core/lineIndex';
import type { CorpusWarning, Quote, QuoteResult, Span } from '../core/types';
import { countVerdicts, quoteVerdict, type QuoteVerdict, type VerdictCounts } from '../core/verdicts';

/** One quote's result with the run's verdict on it. */
export interface ReportedQuote {
  result: QuoteResult;
  /** The verdict every format shows (src/core/verdicts.ts), as the editor shows it. */
  verdict: QuoteVerdict;
  /** True when verbatim.json lists this wording as an accepted rendering. */
  accepted: boolean;
  /** True when this quote makes the run exit 1: it is a problem (drift, unsupported, misattributed). */
  fails: boolean;
}

/** One checked draft. */
export interface DraftReport {
  /** The path as shown to the user: relative to the working folder, with forward slashes. */
  displayPath: string;
  absolutePath: string;
  text: string;
  lines: LineIndex;
  quotes: ReportedQuote[];
}

/**
 * The run's counts: the editor's verdict counts (accepted renderings count as verbatim, short
 * quotes not found as `short`) over every draft, with the files, quotes and failing quotes.
 */
export interface CheckSummary extends VerdictCounts {
  files: number;
  quotes: number;
  /** The same as `short`, under the name earlier versions of the JSON report used. */
  shortNotFound: number;
  /** Quotes that fail the run. */
  failing: number;
}

export interface CheckReport {
  /** The folder relative paths are shown against. */
  cwd: string;
  drafts: DraftReport[];
  warnings: CorpusWarning[];
}

/**
 * Builds a draft's report entry, deciding which of its quotes fail the run; `isAccepted` says
 * whether verbatim.json accepts a quote's wording.
 */
export function reportDraft(cwd: string, absolutePath: string, text: string, results: QuoteResult[], isAccepted: (quote: Quote) => boolean): DraftReport {
  const quotes = results.map((result): ReportedQuote => {
    // An accepted wording settles the words, not who said them; a short quote is only looked up
    // for exact presence, so a miss is too weak to fail on. The verdict decides both.
    const verdict = quoteVerdict(result, result.status !== 'verbatim' && isAccepted(result.quote));
    return { result, verdict, accepted: verdict.accepted, fails: verdict.severity !== null };
  });
  return { displayPath: displayPath(cwd, absolutePath), absolutePath, text, lines: new LineIndex(text), quotes };
}

/** Counts the quotes of every draft by verdict, as the editor's status bar and report count them. */
export function summarize(report: CheckReport): CheckSummary {
  const quotes = report.drafts.flatMap((draft) => draft.quotes);
  const counts = countVerdicts(quotes.map((q) => q.verdict));
  return { files: report.drafts.length, quotes: quotes.length, ...counts, shortNotFound: counts.short, failing: quotes.filter((q) => q.fails).length };
}

/** A path relative to `cwd` with forward slashes, or the absolute path when it lies elsewhere on Windows. */
export function displayPath(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  if (relative === '' || path.isAbsolute(relative)) return absolutePath.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** A 0-based range, as LSP and the JSON report write it. */
export interface LineRange {
  start: LineCharacter;
  end: LineCharacter;
}

/** Converts a span of `lines`' text to a 0-based line/character range. */
export function spanRange(lines: LineIndex, span: Span): LineRange {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}
