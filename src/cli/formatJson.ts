// The machine-readable report. Ranges are 0-based UTF-16 line/character pairs like LSP's, so a
// script can feed them straight to an editor; draft ranges cover the quote's words without the
// marks, and source ranges point into the source file as it is on disk.

import type { SourceMatch } from '../core/types';
import { displayPath, spanRange, summarize, type CheckReport, type CheckSummary, type DraftReport, type LineRange, type ReportedQuote } from './checkReport';
import type { SourceLocator } from './sourceLocations';

export interface JsonMatch {
  source: string;
  title: string;
  range: LineRange;
  text: string;
  score: number;
  diff: { op: string; draft: string; source: string }[];
}

export interface JsonQuote {
  text: string;
  range: LineRange;
  status: 'verbatim' | 'drift' | 'unsupported';
  short: boolean;
  /** True when verbatim.json accepts this wording, so it does not fail the run. */
  accepted: boolean;
  speaker: string | null;
  flags: string[];
  match: JsonMatch | null;
  sources: { source: string; title: string }[];
  variants: { source: string; title: string; text: string }[];
}

export interface JsonReport {
  files: { path: string; quotes: JsonQuote[] }[];
  summary: CheckSummary;
  warnings: { path: string; message: string }[];
}

/** Builds the JSON report object (every quote, verbatim ones included). */
export function jsonReport(report: CheckReport, locator: SourceLocator): JsonReport {
  return {
    files: report.drafts.map((draft) => ({
      path: draft.displayPath,
      quotes: draft.quotes.map((quote) => jsonQuote(draft, quote, locator)),
    })),
    summary: summarize(report),
    warnings: report.warnings.map((w) => ({ path: displayPath(report.cwd, w.path), message: w.message })),
  };
}

/** Renders the JSON report as text, ending with a newline. */
export function formatJson(report: CheckReport, locator: SourceLocator): string {
  return JSON.stringify(jsonReport(report, locator), null, 2) + '\n';
}

function jsonQuote(draft: DraftReport, quote: ReportedQuote, locator: SourceLocator): JsonQuote {
  const { result } = quote;
  return {
    text: result.quote.text,
    range: spanRange(draft.lines, result.quote.inner),
    status: result.status,
    short: result.short,
    accepted: quote.accepted,
    speaker: result.quote.speaker?.name ?? null,
    flags: [...result.flags],
    match: result.match ? jsonMatch(result.match, locator) : null,
    sources: result.sources.map((s) => ({ source: locator.displayPath(s.document), title: s.document.title })),
    variants: result.variants.flatMap((variant) =>
      variant.matches.map((m) => ({ source: locator.displayPath(m.document), title: m.document.title, text: variant.text })),
    ),
  };
}

function jsonMatch(match: SourceMatch, locator: SourceLocator): JsonMatch {
  const location = locator.locate(match.document, match.span);
  return {
    source: location.path,
    title: location.title,
    range: location.range,
    text: match.text,
    score: Math.round(match.score * 1000) / 1000,
    diff: match.diff.map((d) => ({ op: d.op, draft: d.draft, source: d.source })),
  };
}
