// Finds the quotations of a draft: reads its prose, pairs the quotation marks, splits each
// quotation into words, omissions and insertions, and reads the attribution beside it.

import type { Quote, Span, TextFormat } from '../types';
import { disabledSpans, ignoreNextEnds, inSpans } from './directives';
import { draftProseOf } from './markdownProse';
import { type DraftProse, ignoredBlockIndexes } from './prose';
import type { QuoteMemo } from './quoteMemo';
import { hasWords, quoteParts, quoteText } from './quoteParts';
import { type ScannedQuote, scanQuoteSteps } from './quoteScanner';
import { runToEnd } from '../slicedRun';
import { findSpeaker } from './speaker';

/**
 * Returns every quotation of a Markdown or plain-text draft, in document order. Callers that
 * already read the text's prose pass it in, so it is not read (or remembered) twice; callers
 * that read the same draft edit after edit pass a memo, so unchanged quotations are not read again.
 */
export function extractQuotes(text: string, format: TextFormat, prose: DraftProse = draftProseOf(text, format), memo: QuoteMemo | null = null): Quote[] {
  return runToEnd(extractQuoteSteps(text, prose, memo));
}

/** Quotations read between two steps of `extractQuoteSteps`. */
const QUOTES_PER_STEP = 8;

/** `extractQuotes` in steps: the marks a few hundred blocks at a time, then the quotations a few at a time. */
export function* extractQuoteSteps(text: string, prose: DraftProse, memo: QuoteMemo | null = null): Generator<void, Quote[]> {
  const found = new ScannedQuotes(text, prose, memo, yield* scanSteps(text, prose, 0, Infinity));
  const quotes: Quote[] = [];
  for (let i = 0; i < found.count; i++) {
    const quote = found.quote(i);
    if (quote) quotes.push(quote);
    if (i % QUOTES_PER_STEP === QUOTES_PER_STEP - 1) yield;
  }
  return quotes;
}

/**
 * The quotations the marks delimit from block `fromBlock` on, less those the writer's switches
 * leave out: a quotation is left out when it touches a paragraph an ignore switch names, or
 * when its opening mark stands where a disable switch is in force.
 */
function* scanSteps(text: string, prose: DraftProse, fromBlock: number, until: number): Generator<void, ScannedQuote[]> {
  const ignored = ignoredBlockIndexes(prose.blocks, ignoreNextEnds(prose.directives));
  const disabled = disabledSpans(prose.directives, text.length);
  const scanned = yield* scanQuoteSteps(prose.masked, prose.blocks, fromBlock, until);
  if (ignored.size === 0 && disabled.length === 0) return scanned;
  return scanned.filter((quote) => !coversIgnoredBlock(quote, ignored) && !inSpans(disabled, quote.open));
}

/**
 * The quotations of a text as their marks delimit them, each read (words, parts, the speaker
 * beside it) only when asked for. Pairing the marks is cheap; reading a quotation is not, and a
 * reader that needs the quotation around one passage of a long source needs only that one.
 * Unlimited, `quote(i)` for every i gives what `extractQuotes` gives, with nulls for wordless
 * quotations.
 */
export class ScannedQuotes {
  private readonly scanned: ScannedQuote[];
  private readonly read: (Quote | null | undefined)[] = [];

  /**
   * `fromBlock` and `until` limit the scan to the quotations around a passage (see `scanQuotes`);
   * `scanned` is the scan when the caller made it already (in steps).
   */
  constructor(private readonly text: string, private readonly prose: DraftProse, private readonly memo: QuoteMemo | null = null, fromBlock: number | ScannedQuote[] = 0, until = Infinity) {
    this.scanned = typeof fromBlock === 'number' ? runToEnd(scanSteps(text, prose, fromBlock, until)) : fromBlock;
  }

/** How many quotations the marks delimit, in document order. */
  get count(): number {
    return this.scanned.length;
  }

  /** The span of quotation i's words, without its marks (the `inner` of its Quote). */
  inner(i: number): Span {
    return { start: this.scanned[i].open + 1, end: this.scanned[i].innerEnd };
  }

  /** Quotation i, read once; null when it holds no words. */
  quote(i: number): Quote | null {
    let quote = this.read[i];
    if (quote === undefined) {
      const { text, prose, memo } = this;
      const scanned = this.scanned[i];
      quote = memo ? memo.quote(text, prose.masked, prose.blocks, scanned, () => toQuote(text, prose.masked, prose.blocks, scanned)) : toQuote(text, prose.masked, prose.blocks, scanned);
      this.read[i] = quote;
    }
    return quote;
  }
}

function coversIgnoredBlock(scanned: ScannedQuote, ignored: Set<number>): boolean {
  for (let b = scanned.firstBlock; b <= scanned.lastBlock; b++) if (ignored.has(b)) return true;
  return false;
}

/** Builds a Quote from scanned marks; null when the quotation holds no words. */
function toQuote(text: string, masked: string, blocks: Span[], scanned: ScannedQuote): Quote | null {
  const inner = { start: scanned.open + 1, end: scanned.innerEnd };
  const outer = { start: scanned.open, end: scanned.close === null ? scanned.innerEnd : scanned.close + 1 };
  // The marks that reopen a continued quotation are not quoted words.
  const segments: Span[] = [];
  let segmentStart = inner.start;
  for (const mark of scanned.continuations) {
    segments.push({ start: segmentStart, end: mark });
    segmentStart = mark + 1;
  }
  segments.push({ start: segmentStart, end: inner.end });
  const quoted = quoteText(text, masked, segments);
  if (!hasWords(quoted)) return null;
  const block = { start: blocks[scanned.firstBlock].start, end: blocks[scanned.lastBlock].end };
  return {
    inner,
    outer,
    text: quoted,
    parts: quoteParts(text, masked, segments),
    closed: scanned.close !== null,
    speaker: findSpeaker(masked, outer, block),
  };
}
