// Builders for the protocol payloads the client tests feed to the pure view models.
import { countVerdicts, DEFAULT_SEVERITY_POLICY } from '../../src/core/verdicts';
import type { QuoteInfo, QuoteVerdictInfo, QuotesReport } from '../../src/shared/protocol';

/** The verdict the server gives a quote of this status, shortness and flags under the default severities. */
export function verdictOf(status: QuoteInfo['status'], short = false, flags: string[] = []): QuoteVerdictInfo {
  const policy = DEFAULT_SEVERITY_POLICY;
  if (status === 'verbatim') return { kind: 'verbatim', severity: null, accepted: false };
  if (status === 'misattributed') return { kind: 'misattributed', severity: policy.misattributed, accepted: false };
  if (short) return { kind: 'short', severity: null, accepted: false };
  if (status === 'unsupported') return { kind: 'unsupported', severity: policy.unsupported, accepted: false };
  return { kind: 'drift', severity: flags.length ? policy.critical : policy.drift, accepted: false };
}

/** A quote on `line` with sensible defaults; `overrides` replace any field (the verdict follows the status unless given). */
export function quote(line: number, overrides: Partial<QuoteInfo> = {}): QuoteInfo {
  return {
    verdict: verdictOf(overrides.status ?? 'verbatim', overrides.short, overrides.flags),
    range: { start: { line, character: 4 }, end: { line, character: 30 } },
    text: 'we will not retreat',
    status: 'verbatim',
    short: false,
    speaker: null,
    flags: [],
    score: 1,
    source: {
      uri: 'file:///corpus/wire.md',
      title: 'Wire report',
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 19 } },
      text: 'we will not retreat',
      citation: '',
    },
    diff: [],
    variants: [],
    sourceSpeakers: [],
    misattribution: null,
    ...overrides,
  };
}

/** A report for one draft holding `quotes`. */
export function report(quotes: QuoteInfo[]): QuotesReport {
  return { uri: 'file:///drafts/piece.md', version: 3, quotes, counts: countVerdicts(quotes.map((q) => q.verdict)) };
}
