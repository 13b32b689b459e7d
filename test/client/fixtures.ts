// Builders for the protocol payloads the client tests feed to the pure view models.
import type { QuoteInfo, QuotesReport } from '../../src/shared/protocol';

/** A quote on `line` with sensible defaults; `overrides` replace any field. */
export function quote(line: number, overrides: Partial<QuoteInfo> = {}): QuoteInfo {
  return {
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
  return { uri: 'file:///drafts/piece.md', version: 3, quotes };
}
