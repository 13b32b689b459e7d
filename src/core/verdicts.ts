// The one summary of a draft's verdicts. Every view (diagnostics, hover, status bar, Quotes view,
// report, CLI text, SARIF, fact-check sheet) reads a quote's verdict, severity and the draft's
// counts from here, so no view can count a scare quote or rank a changed number differently
// from another. Pure: results in, verdicts out.

import type { ChangeFlag, QuoteResult } from './types';

/**
 * What a view shows for a quote. `short` is a quote under the minimum length that was looked up
 * for exact presence only and not found: too weak a miss to flag, so it is never a problem, but
 * it is shown (in grey) rather than hidden or called unsupported.
 */
export type VerdictKind = 'misattributed' | 'drift' | 'unsupported' | 'short' | 'verbatim';

/** The marks Problems uses; `hint` is what a writer may choose to quieten a kind of problem. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The severity of each kind of problem (the `verbatim.severity.*` settings; the CLI uses the defaults). */
export interface SeverityPolicy {
  drift: Severity;
  unsupported: Severity;
  /** Drift that changes a number, a negation or a name. */
  critical: Severity;
  misattributed: Severity;
}

export const DEFAULT_SEVERITY_POLICY: SeverityPolicy = { drift: 'warning', unsupported: 'warning', critical: 'error', misattributed: 'error' };

/** Problems first, worst first; the order of the Quotes view's groups and of "sort by verdict". */
export const VERDICT_ORDER: readonly VerdictKind[] = ['misattributed', 'drift', 'unsupported', 'short', 'verbatim'];

export const VERDICT_LABELS: Record<VerdictKind, string> = {
  misattributed: 'Misattributed',
  drift: 'Drift',
  unsupported: 'Unsupported',
  short: 'Short, not found',
  verbatim: 'Verbatim',
};

/** One quote's verdict as every view shows it. */
export interface QuoteVerdict {
  kind: VerdictKind;
  /** The mark of the quote's worst diagnostic; null when the quote is not a problem. */
  severity: Severity | null;
  /** True when verbatim.json accepts the quote's wording, which then counts as verbatim. */
  accepted: boolean;
  /** The changes that make a drift critical (number, negation, name). */
  flags: ChangeFlag[];
}

/** A draft's (or a run's) quotes counted by verdict. */
export interface VerdictCounts {
  verbatim: number;
  drift: number;
  unsupported: number;
  misattributed: number;
  /** Short quotes not found; shown, never flagged. */
  short: number;
  /** Accepted renderings, already counted in `verbatim`. */
  accepted: number;
}

export interface VerdictSummary {
  /** One verdict per result, in the results' order. */
  verdicts: QuoteVerdict[];
  counts: VerdictCounts;
}

export const NO_COUNTS: Readonly<VerdictCounts> = { verbatim: 0, drift: 0, unsupported: 0, misattributed: 0, short: 0, accepted: 0 };

/**
 * The verdict of one checked quote. An accepted rendering settles the words, never who said
 * them, so a misattribution stays one whatever verbatim.json accepts.
 */
export function quoteVerdict(result: QuoteResult, accepted: boolean, policy: SeverityPolicy = DEFAULT_SEVERITY_POLICY): QuoteVerdict {
  const flags = [...result.flags];
  if (result.status === 'misattributed') return { kind: 'misattributed', severity: policy.misattributed, accepted: false, flags };
  if (result.status === 'verbatim') return { kind: 'verbatim', severity: null, accepted: false, flags: [] };
  if (accepted) return { kind: 'verbatim', severity: null, accepted: true, flags: [] };
  if (result.short) return { kind: 'short', severity: null, accepted: false, flags: [] };
  if (result.status === 'unsupported') return { kind: 'unsupported', severity: policy.unsupported, accepted: false, flags: [] };
  return { kind: 'drift', severity: driftSeverity(flags, policy), accepted: false, flags };
}

/** The severity of drifted words: critical when they change a number, a negation or a name. */
export function driftSeverity(flags: readonly ChangeFlag[], policy: SeverityPolicy = DEFAULT_SEVERITY_POLICY): Severity {
  return flags.length > 0 ? policy.critical : policy.drift;
}

/** The verdicts of a draft's checked quotes and their counts. */
export function summarizeVerdicts(results: readonly QuoteResult[], isAccepted: (result: QuoteResult) => boolean, policy: SeverityPolicy = DEFAULT_SEVERITY_POLICY): VerdictSummary {
  const verdicts = results.map((result) => quoteVerdict(result, result.status !== 'verbatim' && isAccepted(result), policy));
  return { verdicts, counts: countVerdicts(verdicts) };
}

/** Counts verdicts by kind. */
export function countVerdicts(verdicts: readonly Pick<QuoteVerdict, 'kind' | 'accepted'>[]): VerdictCounts {
  const counts = { ...NO_COUNTS };
  for (const verdict of verdicts) {
    counts[verdict.kind]++;
    if (verdict.accepted) counts.accepted++;
  }
  return counts;
}

/** Adds up counts (of several drafts); missing fields, from an older server, count as zero. */
export function addCounts(list: readonly Partial<VerdictCounts>[]): VerdictCounts {
  const sum = { ...NO_COUNTS };
  for (const counts of list) for (const key of Object.keys(sum) as (keyof VerdictCounts)[]) sum[key] += counts[key] ?? 0;
  return sum;
}

/** The number of quotes a writer has to look at: drift, unsupported and misattributed. */
export function problemCount(counts: Partial<VerdictCounts>): number {
  return (counts.drift ?? 0) + (counts.unsupported ?? 0) + (counts.misattributed ?? 0);
}

/**
 * The counts in words, as the status bar tooltip, the report, the sheet and the CLI all say them:
 * "9 verbatim, 3 drifted, 1 unsupported, 1 short not found". Misattributed, short and accepted
 * are named only when there are some, so the usual line stays short.
 */
export function countsInWords(counts: Partial<VerdictCounts>): string {
  const accepted = counts.accepted ? ` (${counts.accepted} accepted)` : '';
  const parts = [`${counts.verbatim ?? 0} verbatim${accepted}`, `${counts.drift ?? 0} drifted`, `${counts.unsupported ?? 0} unsupported`];
  if (counts.misattributed) parts.push(`${counts.misattributed} misattributed`);
  if (counts.short) parts.push(`${counts.short} short not found`);
  return parts.join(', ');
}

/** Why a short quote is shown but not flagged, in the words every view uses. */
export const SHORT_NOTE = 'Short quotes are checked for exact presence only, so a miss is not flagged.';
