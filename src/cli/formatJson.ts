// The machine-readable report. Ranges are 0-based UTF-16 line/character pairs like LSP's, so a
// script can feed them straight to an editor; draft ranges cover the quote's words without the
// marks, and source ranges point into the source file as it is on disk.

import { sourceLocationOf } from '../core/citation';
import { describeMisattribution } from '../core/attribution';
import { sourceKindOf } from '../core/primarySources';
import type { QuoteStatus, SourceKind, SourceMatch, VerdictBasis } from '../core/types';
import type { Severity, VerdictKind } from '../core/verdicts';
import { displayPath, spanRange, summarize, type CheckReport, type CheckSummary, type DraftReport, type LineRange, type ReportedQuote } from './checkReport';
import type { SourceLocator } from './sourceLocations';

/**
 * Where a source came from and where in it a passage stands; null when the source does not say.
 * `page` is set for PDFs, `timestamp` and `speaker` for subtitles and transcripts.
 */
export interface JsonSourceFacts {
  /** What the source is: `primary` (transcript, statement…), `report` or `unknown`. */
  kind: SourceKind;
  outlet: string | null;
  date: string | null;
  url: string | null;
  page: number | null;
  timestamp: string | null;
  speaker: string | null;
}

export interface JsonMatch extends JsonSourceFacts {
  source: string;
  title: string;
  /**
   * The passage's range in the source file, or in its extracted text for sources that are not
   * text files (PDF, Word; `extracted` is then true).
   */
  range: LineRange;
  extracted: boolean;
  text: string;
  score: number;
  diff: { op: string; draft: string; source: string }[];
}

export interface JsonQuote {
  text: string;
  range: LineRange;
  status: QuoteStatus;
  /** The verdict the editor shows (a short quote not found is `short`, an accepted rendering `verbatim`). */
  verdict: VerdictKind;
  /** The mark the editor's Problems view gives the quote, or null when it is not a problem. */
  severity: Severity | null;
  short: boolean;
  /** True when verbatim.json accepts this wording, so it does not fail the run. */
  accepted: boolean;
  speaker: string | null;
  /** Who the sources holding the words credit with them, one entry per source that names someone. */
  sourceSpeakers: JsonSourceSpeaker[];
  /** For a misattributed quote: the name to put in the draft and why, else null. */
  misattribution: { replacement: string; range: LineRange; message: string } | null;
  flags: string[];
  /** What the verdict rests on: a primary source that covers the passage, the reports, or null when nothing was found or primary sources are not preferred. */
  basis: VerdictBasis | null;
  match: JsonMatch | null;
  sources: ({ source: string; title: string } & JsonSourceFacts)[];
  variants: ({ source: string; title: string; text: string } & JsonSourceFacts)[];
}

/** A speaker one source gives for the quoted words. */
export interface JsonSourceSpeaker {
  name: string;
  /** The fullest form of the name found in that source. */
  fullName: string;
  title: string;
  source: string;
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
    verdict: quote.verdict.kind,
    severity: quote.verdict.severity,
    short: result.short,
    accepted: quote.accepted,
    speaker: result.quote.speaker?.name ?? null,
    sourceSpeakers: (result.sourceSpeakers ?? []).flatMap((s) => {
      const document = result.sources.find((m) => m.document.path === s.path)?.document;
      return document ? [{ name: s.name, fullName: s.fullName, title: s.documentTitle, source: locator.displayPath(document) }] : [];
    }),
    misattribution: result.misattribution
      ? { replacement: result.misattribution.replacement, range: spanRange(draft.lines, result.misattribution.span), message: describeMisattribution(result.misattribution) }
      : null,
    flags: [...result.flags],
    basis: result.match ? result.basis ?? null : null,
    match: result.match ? jsonMatch(result.match, locator) : null,
    sources: result.sources.map((s) => ({ source: locator.displayPath(s.document), title: s.document.title, ...sourceFacts(s) })),
    variants: result.variants.flatMap((variant) =>
      variant.matches.map((m) => ({ source: locator.displayPath(m.document), title: m.document.title, text: variant.text, ...sourceFacts(m) })),
    ),
  };
}

function jsonMatch(match: SourceMatch, locator: SourceLocator): JsonMatch {
  const location = locator.locate(match.document, match.span);
  return {
    source: location.path,
    title: location.title,
    range: location.range,
    extracted: match.document.display === 'extracted',
    ...sourceFacts(match),
    text: match.text,
    score: Math.round(match.score * 1000) / 1000,
    diff: match.diff.map((d) => ({ op: d.op, draft: d.draft, source: d.source })),
  };
}

/** The source's provenance and the passage's page, time and speaker, null where unknown. */
export function sourceFacts(match: SourceMatch): JsonSourceFacts {
  const { meta } = match.document;
  const location = sourceLocationOf(match.document, match.span);
  return {
    kind: sourceKindOf(match.document),
    outlet: meta.source ?? null,
    date: meta.date ?? null,
    url: meta.url ?? null,
    page: location.page ?? null,
    timestamp: location.timestamp ?? null,
    speaker: location.speaker ?? null,
  };
}
