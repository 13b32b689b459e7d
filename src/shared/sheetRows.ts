// The rows of a draft's quotes as the quotes report and the fact-check sheet show them: one row
// per quote in draft order, with its verdict and severity from the draft's one summary, the word
// diff (the draft's words struck, the source's as their replacement), the source and its
// citation, and who the sources say said it. No vscode import: the CLI builds the same rows.

import { VERDICT_LABELS, VERDICT_ORDER, SHORT_NOTE } from '../core/verdicts';
import type { MisattributionInfo, QuoteInfo, QuoteSourceInfo, SeverityName, VerdictKindName } from './protocol';
import { diffSegments, FLAG_WORDS, saidByText, type DiffSegment } from './quoteText';

/** One row of the report or the sheet. */
export interface SheetRow {
  /** Index into the draft's quotes, which the report page sends back when the row is clicked. */
  index: number;
  /** 1-based line of the quote in the draft. */
  line: number;
  verdict: VerdictKindName;
  verdictLabel: string;
  /** The mark Problems gives the quote; null when it is not a problem. */
  severity: SeverityName | null;
  quote: string;
  /** The speaker the draft gives. */
  speaker: string | null;
  source: { title: string; text: string; citation: string; url: string | null; kind?: string | null } | null;
  /** For a misattributed quote: whose words they are, e.g. "In "Title" these words are Kuleba's, not Lavrov's". */
  attribution: string | null;
  /** Who each source credits with the words: "Said by: Dmytro Kuleba (person) — Reuters; …", or null. */
  saidBy: string | null;
  /** Similarity as a percentage ("90%"), '' when there is no passage. */
  score: string;
  /** Short remarks: the critical changes, the similarity of a drift, an accepted or short quote. */
  notes: string[];
  diff: DiffSegment[];
}

/**
 * What a row is built from: the parts of the server's QuoteInfo the sheet shows. The CLI, which
 * has no server, builds these from its results directly.
 */
export type SheetQuote = Pick<QuoteInfo, 'text' | 'speaker' | 'flags' | 'score' | 'diff' | 'sourceSpeakers' | 'verdict' | 'basisNote'> & {
  range: { start: { line: number } };
  source: (Pick<QuoteSourceInfo, 'title' | 'text' | 'citation' | 'kindLabel'> & { url?: string | null }) | null;
  misattribution: Pick<MisattributionInfo, 'message'> | null;
};

/** Builds the rows of a draft's quotes, in draft order. */
export function sheetRows(quotes: readonly SheetQuote[]): SheetRow[] {
  return quotes
    .map((q, index): SheetRow => {
      const verdict = q.verdict;
      // A misattributed quote whose words also drifted shows the same diff as a drift.
      const drifted = verdict.kind === 'drift' || (verdict.kind === 'misattributed' && q.diff.some((d) => d.op !== 'same'));
      const score = percent(q.score);
      const notes = q.flags.map((flag) => FLAG_WORDS[flag] ?? flag);
      // Similarity only helps judge a drift; verbatim is always 100% and unsupported has none.
      if (verdict.kind === 'drift' && score) notes.unshift(`${score} similar`);
      if (verdict.accepted) notes.push('accepted rendering (verbatim.json)');
      if (verdict.kind === 'short') notes.push(SHORT_NOTE);
      if (q.basisNote) notes.push(q.basisNote);
      return {
        index,
        line: q.range.start.line + 1,
        verdict: verdict.kind,
        verdictLabel: VERDICT_LABELS[verdict.kind],
        severity: verdict.severity,
        quote: q.text,
        speaker: q.speaker,
        source: q.source ? { title: q.source.title, text: q.source.text, citation: q.source.citation ?? '', url: q.source.url ?? null, ...(q.source.kindLabel ? { kind: q.source.kindLabel } : {}) } : null,
        attribution: q.misattribution ? capitalized(q.misattribution.message) : null,
        saidBy: saidByText(q.sourceSpeakers),
        score,
        notes,
        diff: drifted ? diffSegments(q.diff) : [],
      };
    })
    .sort(byLine);
}

/** Draft order. */
export function byLine(a: SheetRow, b: SheetRow): number {
  return a.line - b.line || a.index - b.index;
}

/** Worst verdict first (as the Quotes view groups them), draft order within a verdict. */
export function byVerdict(a: SheetRow, b: SheetRow): number {
  return VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || byLine(a, b);
}

/** True for the rows "problems only" keeps: the ones with a severity mark. */
export function isProblem(row: Pick<SheetRow, 'severity'>): boolean {
  return row.severity !== null;
}

/** Formats a 0..1 similarity as a whole percentage, or '' when there is none. */
export function percent(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '';
  return `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
