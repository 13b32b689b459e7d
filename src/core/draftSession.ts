// Keeps a draft checked as the writer types. Each update extracts the quotes again (cheaply:
// the prose is read chunk by chunk and unchanged chunks are remembered) and then re-matches
// only the quotes that are new or changed. A quote whose text, structure and speaker are
// unchanged keeps its result: the same object when it did not move, a copy shifted by the
// distance it moved when an edit before it moved it. One session belongs to one checker; a
// new checker (rebuilt corpus, changed settings) needs a new session.

import type { Checker } from './checker';
import { draftProseSteps } from './extract/markdownProse';
import { runInSlices, runToEnd, type SliceStats } from './slicedRun';
import type { Quote, QuoteResult, SourceMatch, Span, TextFormat } from './types';

/** What the last update did, for tests and measurements. */
export interface UpdateStats {
  /** Quotes sent to the checker. */
  checked: number;
  /** Results kept as they were (same object). */
  kept: number;
  /** Results copied with their draft offsets shifted. */
  shifted: number;
}

/** The checked quotes of one draft, updated edit by edit. */
export class DraftSession {
  private text: string | null = null;
  private format: TextFormat | null = null;
  private results: QuoteResult[] = [];
  /** The previous results by quote signature, for finding unchanged quotes. */
  private previous = new Map<string, QuoteResult[]>();
  /** What the last completed update did. */
  lastStats: UpdateStats = { checked: 0, kept: 0, shifted: 0 };

  constructor(readonly checker: Checker) {}

  /** Checks `text`, re-matching only the quotes that changed since the last update. */
  update(text: string, format: TextFormat): QuoteResult[] {
    return runToEnd(this.steps(text, format));
  }

  /**
   * Like `update`, but in slices of about `yieldEvery` ms with other events let in between;
   * resolves to null, leaving the session as it was, as soon as `shouldStop()` is true.
   */
  updateInSlices(text: string, format: TextFormat, shouldStop: () => boolean, yieldEvery = 10, stats?: SliceStats): Promise<QuoteResult[] | null> {
    return runInSlices(this.steps(text, format), shouldStop, yieldEvery, stats);
  }

  /** The results of the last completed update. */
  get current(): QuoteResult[] {
    return this.results;
  }

  private *steps(text: string, format: TextFormat): Generator<void, QuoteResult[]> {
    if (text === this.text && format === this.format) return this.results;
    // Reading the prose first, a chunk per step, leaves it remembered for the extractor.
    yield* draftProseSteps(text, format);
    // The same extraction and speaker resolution as `Checker.checkText`.
    const quotes = this.checker.quotesOf(text, format);
    yield;
    const stats: UpdateStats = { checked: 0, kept: 0, shifted: 0 };
    const results: QuoteResult[] = [];
    const signatures = new Map<string, QuoteResult[]>();
    for (const quote of quotes) {
      const signature = signatureOf(text, quote);
      let result = this.reuse(signature, quote, stats);
      if (!result) {
        result = this.checker.checkQuote(text, quote);
        stats.checked++;
      }
      results.push(result);
      const same = signatures.get(signature);
      if (same) same.push(result);
      else signatures.set(signature, [result]);
      yield;
    }
    this.text = text;
    this.format = format;
    this.results = results;
    this.previous = signatures;
    this.lastStats = stats;
    return results;
  }

  /** The previous result for an unchanged quote, moved to where the quote stands now. */
  private reuse(signature: string, quote: Quote, stats: UpdateStats): QuoteResult | null {
    const candidates = this.previous.get(signature);
    if (!candidates) return null;
    const inPlace = candidates.find((r) => r.quote.outer.start === quote.outer.start);
    if (inPlace) {
      stats.kept++;
      return inPlace;
    }
    stats.shifted++;
    return shiftResult(candidates[0], quote, quote.outer.start - candidates[0].quote.outer.start);
  }
}

/**
 * A key equal for two quotes exactly when checking them gives the same result up to their
 * position: the characters the quote covers, its parts and speaker relative to its start.
 */
export function signatureOf(text: string, quote: Quote): string {
  const base = quote.outer.start;
  const at = (span: Span) => `${span.start - base}:${span.end - base}`;
  const fields = [text.slice(quote.outer.start, quote.outer.end), quote.text, at(quote.inner), at(quote.outer), String(quote.closed)];
  for (const part of quote.parts) fields.push(`${part.kind}@${at(part)}`);
  const { speaker } = quote;
  if (speaker) {
    fields.push(speaker.name, speaker.via ?? '', at(speaker.span), text.slice(speaker.span.start, speaker.span.end));
    if (speaker.mention) fields.push(at(speaker.mention), text.slice(speaker.mention.start, speaker.mention.end));
  }
  return fields.join('\u0000');
}

/** Shifts a draft span by `delta` characters. */
function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** A copy of `result` for `quote`, which stands `delta` characters from where the result's quote stood. */
export function shiftResult(result: QuoteResult, quote: Quote, delta: number): QuoteResult {
  const copies = new Map<SourceMatch, SourceMatch>();
  const shiftMatch = (match: SourceMatch): SourceMatch => {
    let copy = copies.get(match);
    if (!copy) {
      copy = { ...match, diff: match.diff.map((entry) => ({ ...entry, draftSpan: shiftSpan(entry.draftSpan, delta) })) };
      copies.set(match, copy);
    }
    return copy;
  };
  const shifted: QuoteResult = {
    ...result,
    quote,
    match: result.match && shiftMatch(result.match),
    sources: result.sources.map(shiftMatch),
    variants: result.variants.map((variant) => ({ ...variant, matches: variant.matches.map(shiftMatch) })),
    flags: [...result.flags],
  };
  if (result.misattribution) shifted.misattribution = { ...result.misattribution, span: shiftSpan(result.misattribution.span, delta) };
  return shifted;
}
