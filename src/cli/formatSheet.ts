// `--format html` and `--format markdown`: the fact-check sheet the editor's report exports
// (src/shared/factSheet.ts), built from the run's results with the same rows, verdicts and
// counts, so a sheet from CI reads the same as one from the editor.

import { basisNote, sourceKindLabel } from '../core/primarySources';
import { describeMisattribution } from '../core/attribution';
import { citeSource } from '../core/citation';
import { countVerdicts } from '../core/verdicts';
import { safeSourceUrl, sourceSpeakerInfos } from '../server/sourceCitation';
import { factSheetHtml, factSheetMarkdown, sheetTimestamp, type FactSheet } from '../shared/factSheet';
import { sheetRows, type SheetQuote } from '../shared/sheetRows';
import { spanRange, type CheckReport, type DraftReport, type ReportedQuote } from './checkReport';

/** The sheet of every checked draft; `now` is when it was made. */
export function factSheetOf(report: CheckReport, now: Date): FactSheet {
  return {
    generated: sheetTimestamp(now),
    drafts: report.drafts.map((draft) => ({
      name: draft.displayPath,
      counts: countVerdicts(draft.quotes.map((q) => q.verdict)),
      rows: sheetRows(draft.quotes.map((q) => sheetQuote(draft, q))),
    })),
  };
}

/** The sheet as one standalone HTML file. */
export function formatHtml(report: CheckReport, now = new Date()): string {
  return factSheetHtml(factSheetOf(report, now));
}

/** The sheet as Markdown tables, one per draft. */
export function formatMarkdown(report: CheckReport, now = new Date()): string {
  return factSheetMarkdown(factSheetOf(report, now));
}

function sheetQuote(draft: DraftReport, quote: ReportedQuote): SheetQuote {
  const { result, verdict } = quote;
  const match = result.match;
  return {
    range: spanRange(draft.lines, result.quote.inner),
    text: result.quote.text,
    speaker: result.quote.speaker?.name ?? null,
    flags: [...result.flags],
    score: match ? match.score : null,
    source: match ? { title: match.document.title, text: match.text, citation: citeSource(match.document, match.span), url: safeSourceUrl(match.document) ?? null, kindLabel: sourceKindLabel(match.document) ?? undefined } : null,
    diff: match ? match.diff.map((d) => ({ op: d.op, draft: d.draft, source: d.source })) : [],
    sourceSpeakers: sourceSpeakerInfos(result),
    misattribution: result.misattribution ? { message: describeMisattribution(result.misattribution) } : null,
    verdict: { kind: verdict.kind, severity: verdict.severity, accepted: verdict.accepted },
    basisNote: basisNote(result) ?? undefined,
  };
}
