// Pairs quotation marks block by block. A quotation may run over line breaks inside its block
// and, by the usual convention for long quotations, over paragraph ends: a paragraph that ends
// inside a quotation leaves it open, and the next paragraph reopens it with an opening mark.

import { isSpaceAt } from '../charCodes';
import { runToEnd } from '../slicedRun';
import type { Span } from '../types';
import { closesMark, nextMark, type OpeningMark, openingMarkAt } from './quoteMarks';

/** A quotation as the marks delimit it, before its words are examined. */
export interface ScannedQuote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or null when the quotation was never closed. */
  close: number | null;
  /** End of the quoted words: the closing mark, or the trimmed end of the last block. */
  innerEnd: number;
  /** Offsets of the marks that reopen the quotation at the start of continued paragraphs. */
  continuations: number[];
  /** Indexes of the first and last block the quotation covers. */
  firstBlock: number;
  lastBlock: number;
}

interface OpenQuote {
  quote: ScannedQuote;
  opener: OpeningMark;
  /** Marks of quotations nested inside this one that are still open. */
  nested: OpeningMark[];
}

/** Returns the offset just after the last non-whitespace character of `span`. */
export function trimmedEnd(masked: string, span: Span): number {
  let end = span.end;
  while (end > span.start && isSpaceAt(masked, end - 1)) end--;
  return end;
}

/** Returns the offset of the first non-whitespace character of `span` (its end if none). */
export function trimmedStart(masked: string, span: Span): number {
  let start = span.start;
  while (start < span.end && isSpaceAt(masked, start)) start++;
  return start;
}

/** True when the mark at `i` closes the innermost nested quotation of `open`. */
function closesNested(open: OpenQuote, masked: string, i: number, blockStart: number): boolean {
  const top = open.nested[open.nested.length - 1];
  if (top === undefined) return false;
  // Nested straight marks are paired blindly: a second level of straight nesting never occurs.
  if (top === '"') return masked.charAt(i) === '"' || masked.charAt(i) === '”';
  return closesMark(top, masked, i, blockStart);
}

/**
 * True when block `index` starts no continuation, whatever precedes it: a quotation left open
 * before it ends there. Scanning from such a block finds what scanning from the start finds
 * for every quotation that opens in it or later.
 */
export function startsAfresh(masked: string, blocks: Span[], index: number): boolean {
  if (index === 0) return true;
  const block = blocks[index];
  const first = trimmedStart(masked, block);
  return first >= block.end || !openingMarkAt(masked, first, block.start);
}

/**
 * Finds every quotation in the blocks of a masked text, in document order. A reader that wants
 * only the quotations around one passage passes `fromBlock`, a block that `startsAfresh`, and
 * `until`: the scan stops at the first block starting at or after it with no quotation open.
 */
export function scanQuotes(masked: string, blocks: Span[], fromBlock = 0, until = Infinity): ScannedQuote[] {
  return runToEnd(scanQuoteSteps(masked, blocks, fromBlock, until));
}

/** Blocks scanned between two steps of `scanQuoteSteps`. */
const BLOCKS_PER_STEP = 64;

/** `scanQuotes` in steps of a few hundred blocks, for a caller that spreads a long draft over several turns. */
export function* scanQuoteSteps(masked: string, blocks: Span[], fromBlock = 0, until = Infinity): Generator<void, ScannedQuote[]> {
  const found: ScannedQuote[] = [];
  let current: OpenQuote | null = null;

  const finishUnclosed = (open: OpenQuote): void => {
    const last = blocks[open.quote.lastBlock];
    open.quote.innerEnd = Math.max(open.quote.open + 1, trimmedEnd(masked, last));
    found.push(open.quote);
  };

  for (let index = fromBlock; index < blocks.length; index++) {
    if ((index - fromBlock) % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const block = blocks[index];
    let i = block.start;
    if (current) {
      const first = trimmedStart(masked, block);
      if (first < block.end && openingMarkAt(masked, first, block.start)) {
        current.quote.continuations.push(first);
        current.quote.lastBlock = index;
        current.nested = [];
        i = first + 1;
      } else {
        finishUnclosed(current);
        current = null;
      }
    }
    if (!current && block.start >= until) break;
    for (i = nextMark(masked, i, block.end); i < block.end; i = nextMark(masked, i + 1, block.end)) {
      if (!current) {
        const opener = openingMarkAt(masked, i, block.start);
        if (opener) {
          current = {
            quote: { open: i, close: null, innerEnd: i + 1, continuations: [], firstBlock: index, lastBlock: index },
            opener,
            nested: [],
          };
        }
      } else if (closesNested(current, masked, i, block.start)) {
        current.nested.pop();
      } else if (current.nested.length === 0 && closesMark(current.opener, masked, i, block.start)) {
        current.quote.close = i;
        current.quote.innerEnd = i;
        found.push(current.quote);
        current = null;
      } else {
        const nestedOpener = openingMarkAt(masked, i, block.start);
        if (nestedOpener) current.nested.push(nestedOpener);
      }
    }
  }
  if (current) finishUnclosed(current);
  return found;
}
