// The result of one `verbatim check` run, shared by the three output formats. It decides once
// which quotes fail the run (so that text, JSON and SARIF can never disagree about it) and keeps
// each draft's text and line index so that every format reports the same positions.

import * as path from 'path';
import { LineIndex } from '../core/lineIndex';
import type { LineCharacter } from '../core/lineIndex';
import type { CorpusWarning, Quote, QuoteResult, QuoteStatus, Span } from '../core/types';

/** One quote's result with the run's verdict on it. */
export interface ReportedQuote {
  result: QuoteResult;
  /** True when verbatim.json lists this wording as an accepted rendering. */
  accepted: boolean;
  /** True when this quote makes the run exit 1. */
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

export interface CheckSummary {
  files: number;
  quotes: number;
  verbatim: number;
  drift: number;
  unsupported: number;
  /** Quotes whose words the sources credit to someone else; they always fail the run. */
  misattributed: number;
  /** Short quotes that were not found; reported, but they do not fail the run. */
  shortNotFound: number;
  /** Drifted or unsupported quotes whose wording verbatim.json accepts. */
  accepted: number;
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
    // An accepted wording settles the words, not who said them.
    const accepted = result.status !== 'verbatim' && result.status !== 'misattributed' && isAccepted(result.quote);
    // Short quotes are only looked up for exact presence, so a miss is too weak to fail on.
    const fails = result.status !== 'verbatim' && !result.short && !accepted;
    return { result, accepted, fails };
  });
  return { displayPath: displayPath(cwd, absolutePath), absolutePath, text, lines: new LineIndex(text), quotes };
}

/** Counts the quotes of every draft by status and verdict. */
export function summarize(report: CheckReport): CheckSummary {
  const summary: CheckSummary = { files: report.drafts.length, quotes: 0, verbatim: 0, drift: 0, unsupported: 0, misattributed: 0, shortNotFound: 0, accepted: 0, failing: 0 };
  for (const draft of report.drafts) {
    for (const quote of draft.quotes) {
      const status: QuoteStatus = quote.result.status;
      summary.quotes++;
      summary[status]++;
      if (quote.result.short && status !== 'verbatim') summary.shortNotFound++;
      if (quote.accepted) summary.accepted++;
      if (quote.fails) summary.failing++;
    }
  }
  return summary;
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
