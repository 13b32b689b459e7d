// Keeps a draft checked as the writer types. Each update extracts the quotes again (cheaply:
// the prose is read chunk by chunk and unchanged chunks are remembered) and then re-matches
// only the quotes that are new or changed. A quote whose text, structure and speaker are
// unchanged keeps its result: the same object when it did not move, a copy shifted by the
// distance it moved when an edit before it moved it. One session belongs to one checker; a
// new checker (rebuilt corpus, changed settings) needs a new session.

import type { Checker } from './checker';
import { detachStrings } from './detach';
import { draftProseSteps } from './extract/markdownProse';
import { DRAFT_QUOTES } from './extract/quoteMemo';
import { warmQuoteSteps } from './extract/warmQuotes';
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
  /** The previous results by the characters their quotes cover, for finding unchanged quotes. */
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
    const prose = yield* draftProseSteps(text, format);
    // Reading the quotations ahead, a few per step, leaves the extractor only memo hits.
    yield* warmQuoteSteps(text, prose, DRAFT_QUOTES);
    DRAFT_QUOTES.fitTo(text.length);
    // The same extraction and speaker resolution as `Checker.checkText`.
    // The prose read above, not looked up again: requests in between may have read other texts.
    const quotes = this.checker.quotesOf(text, format, prose);
    yield;
    const stats: UpdateStats = { checked: 0, kept: 0, shifted: 0 };
    const results: QuoteResult[] = [];
    const byCharacters = new Map<string, QuoteResult[]>();
    for (const quote of quotes) {
      // A slice of the text, not a copy: looking it up builds no string.
      const characters = text.slice(quote.outer.start, quote.outer.end);
      let result = this.reuse(text, characters, quote, stats);
      if (!result) {
        // Kept for later versions, so it must hold no slice of this one.
        result = detachStrings(this.checker.checkQuote(text, quote));
        stats.checked++;
      }
      results.push(result);
      const same = byCharacters.get(characters);
      if (same) same.push(result);
      else byCharacters.set(characters, [result]);
      yield;
    }
    this.text = text;
    this.format = format;
    this.results = results;
    this.previous = byCharacters;
    this.lastStats = stats;
    return results;
  }

  /** The previous result for an unchanged quote, moved to where the quote stands now. */
  private reuse(text: string, characters: string, quote: Quote, stats: UpdateStats): QuoteResult | null {
    const previousText = this.text;
    const group = previousText === null ? undefined : this.previous.get(characters);
    if (!group) return null;
    // The result of the same quote in the same place is kept; failing that, the first like it is moved.
    let first: QuoteResult | null = null;
    for (const result of group) {
      if (!sameQuote(text, quote, previousText!, result.quote)) continue;
      if (result.quote.outer.start === quote.outer.start) {
        stats.kept++;
        return result;
      }
      first ??= result;
    }
    if (!first) return null;
    stats.shifted++;
    // The new quote was read from this version of the text.
    return shiftResult(first, detachStrings(quote), quote.outer.start - first.quote.outer.start);
  }
}

/**
 * True when checking `a` in `aText` and `b` in `bText` gives the same result up to their
 * positions: the quotes cover the same characters (the caller has compared those) and have the
 * same words, parts and speaker, each at the same place relative to the quote's start.
 */
export function sameQuote(aText: string, a: Quote, bText: string, b: Quote): boolean {
  const aBase = a.outer.start;
  const bBase = b.outer.start;
  if (a.text !== b.text || a.closed !== b.closed || !sameSpan(a.inner, aBase, b.inner, bBase) || !sameSpan(a.outer, aBase, b.outer, bBase)) return false;
  if (a.parts.length !== b.parts.length) return false;
  for (let i = 0; i < a.parts.length; i++) if (a.parts[i].kind !== b.parts[i].kind || !sameSpan(a.parts[i], aBase, b.parts[i], bBase)) return false;
  const x = a.speaker;
  const y = b.speaker;
  if (!x || !y) return !x && !y;
  if (x.name !== y.name || (x.via ?? '') !== (y.via ?? '') || !sameWords(aText, x.span, aBase, bText, y.span, bBase)) return false;
  if (!x.mention || !y.mention) return !x.mention && !y.mention;
  return sameWords(aText, x.mention, aBase, bText, y.mention, bBase);
}

/** True when span `x`, relative to `xBase`, and span `y`, relative to `yBase`, are alike. */
function sameSpan(x: Span, xBase: number, y: Span, yBase: number): boolean {
  return x.start - xBase === y.start - yBase && x.end - xBase === y.end - yBase;
}

/** True when the spans are alike and cover the same characters of their texts. */
function sameWords(xText: string, x: Span, xBase: number, yText: string, y: Span, yBase: number): boolean {
  return sameSpan(x, xBase, y, yBase) && xText.slice(x.start, x.end) === yText.slice(y.start, y.end);
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
