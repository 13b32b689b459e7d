// Keeps a draft checked as the writer types. Each update extracts the quotes again (cheaply:
// the prose is read chunk by chunk and unchanged chunks are remembered) and then re-matches
// only the quotes that are new or changed. A quote whose text, structure and speaker are
// unchanged keeps its result: the same object when it did not move, a copy shifted by the
// distance it moved when an edit before it moved it. One session belongs to one checker; a
// new checker (rebuilt corpus, changed settings) needs a new session.

import type { Checker } from './checker';
import { fitSpeakerReadings } from './attribution/blockReadings';
import { detachStrings } from './detach';
import { draftProseSteps, fitDraftChunks } from './extract/markdownProse';
import { DRAFT_QUOTES } from './extract/quoteMemo';
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

/** Every session not yet collected: the open drafts, whose texts the shared caches make room for. */
const LIVE_SESSIONS = new Set<WeakRef<DraftSession>>();

/**
 * Sizes the caches the sessions share (the prose chunks, the quotations and the speakers'
 * readings of paragraphs) by the drafts checked now, all of them together.
 */
function fitSharedCaches(): void {
  let chars = 0;
  let blocks = 0;
  for (const ref of LIVE_SESSIONS) {
    const session = ref.deref();
    if (!session) {
      LIVE_SESSIONS.delete(ref);
      continue;
    }
    chars += session.size.chars;
    blocks += session.size.blocks;
  }
  DRAFT_QUOTES.fitTo(chars);
  fitDraftChunks(chars);
  fitSpeakerReadings(blocks);
}

/** The checked quotes of one draft, updated edit by edit. */
export class DraftSession {
  private text: string | null = null;
  private format: TextFormat | null = null;
  private results: QuoteResult[] = [];
  /** The previous results by the characters their quotes cover, in document order, for finding unchanged quotes. */
  private previous = new Map<string, QuoteResult[]>();
  /** The previous results by where their quotes open. */
  private previousAt = new Map<number, QuoteResult>();
  /** What the last completed update did. */
  lastStats: UpdateStats = { checked: 0, kept: 0, shifted: 0 };
  /** The size of the text last checked, which the caches shared by every session make room for. */
  size = { chars: 0, blocks: 0 };

  constructor(readonly checker: Checker) {
    LIVE_SESSIONS.add(new WeakRef(this));
  }

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
    // Reading the prose, the quotations and their speakers, a little per step.
    const prose = yield* draftProseSteps(text, format);
    const quotes = yield* this.checker.quoteSteps(text, prose);
    const stats: UpdateStats = { checked: 0, kept: 0, shifted: 0 };
    const results: QuoteResult[] = [];
    const byCharacters = new Map<string, QuoteResult[]>();
    const byStart = new Map<number, QuoteResult>();
    const finder = new PreviousFinder(this.text === null ? 0 : text.length - this.text.length);
    for (const quote of quotes) {
      // A slice of the text, not a copy: looking it up builds no string.
      const characters = text.slice(quote.outer.start, quote.outer.end);
      let result = this.reuse(text, characters, quote, stats, finder);
      if (!result) {
        // Kept for later versions, so it must hold no slice of this one.
        result = detachStrings(this.checker.checkQuote(text, quote));
        stats.checked++;
      }
      results.push(result);
      byStart.set(quote.outer.start, result);
      const same = byCharacters.get(characters);
      if (same) same.push(result);
      else byCharacters.set(characters, [result]);
      yield;
    }
    this.text = text;
    this.format = format;
    this.results = results;
    this.previous = byCharacters;
    this.previousAt = byStart;
    this.lastStats = stats;
    this.size = { chars: text.length, blocks: prose.blocks.length };
    fitSharedCaches();
    return results;
  }

  /**
   * The previous result for an unchanged quote, moved to where the quote stands now. Quotes
   * before an edit stand where they stood and quotes after it have all moved by the same
   * distance, so the previous result is looked for there first; only a quote an edit touched,
   * or one past a second edit, is looked for among every earlier quote of the same characters,
   * which in a long draft that repeats itself may be hundreds.
   */
  private reuse(text: string, characters: string, quote: Quote, stats: UpdateStats, finder: PreviousFinder): QuoteResult | null {
    const previousText = this.text;
    if (previousText === null) return null;
    const start = quote.outer.start;
    const length = characters.length;
    const fits = (result: QuoteResult | undefined): result is QuoteResult =>
      result !== undefined && result.quote.outer.end - result.quote.outer.start === length &&
      previousText.startsWith(characters, result.quote.outer.start) && sameQuote(text, quote, previousText, result.quote);
    const inPlace = this.previousAt.get(start);
    if (fits(inPlace)) {
      stats.kept++;
      finder.found(start, inPlace);
      return inPlace;
    }
    let found: QuoteResult | undefined = this.previousAt.get(start - finder.delta);
    if (!fits(found)) found = finder.among(this.previous.get(characters), (result) => sameQuote(text, quote, previousText, result.quote));
    if (!found) return null;
    finder.found(start, found);
    if (found.quote.outer.start === start) {
      stats.kept++;
      return found;
    }
    stats.shifted++;
    // The new quote was read from this version of the text.
    return shiftResult(found, detachStrings(quote), start - found.quote.outer.start);
  }
}

/**
 * Follows the distance the quotes of a draft moved, quote by quote in document order. Edits keep
 * the order of the text they do not touch, so the previous result of a quote is looked for after
 * the previous result last reused.
 */
class PreviousFinder {
  /** How far the quotes at this point of the text moved. */
  delta: number;
  private lastStart = -1;

  constructor(initialDelta: number) {
    this.delta = initialDelta;
  }

  found(start: number, result: QuoteResult): void {
    this.delta = start - result.quote.outer.start;
    this.lastStart = result.quote.outer.start;
  }

  /** The first of `group` (in document order) that `alike` accepts, after the last one reused if any is. */
  among(group: QuoteResult[] | undefined, alike: (result: QuoteResult) => boolean): QuoteResult | undefined {
    if (!group) return undefined;
    let lo = 0;
    let hi = group.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (group[mid].quote.outer.start <= this.lastStart) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < group.length; i++) if (alike(group[i])) return group[i];
    for (let i = 0; i < lo; i++) if (alike(group[i])) return group[i];
    return undefined;
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
