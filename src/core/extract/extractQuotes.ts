// Finds the quotations of a draft: reads its prose, pairs the quotation marks, splits each
// quotation into words, omissions and insertions, and reads the attribution beside it.

import type { Quote, Span, TextFormat } from '../types';
import { draftProseOf } from './markdownProse';
import { type DraftProse, ignoredBlockIndexes } from './prose';
import { hasWords, quoteParts, quoteText } from './quoteParts';
import { type ScannedQuote, scanQuotes } from './quoteScanner';
import { findSpeaker } from './speaker';

/**
 * Returns every quotation of a Markdown or plain-text draft, in document order. Callers that
 * already read the text's prose pass it in, so it is not read (or remembered) twice.
 */
export function extractQuotes(text: string, format: TextFormat, prose: DraftProse = draftProseOf(text, format)): Quote[] {
  const ignored = ignoredBlockIndexes(prose.blocks, prose.ignoreCommentEnds);
  const quotes: Quote[] = [];
  for (const scanned of scanQuotes(prose.masked, prose.blocks)) {
    if (coversIgnoredBlock(scanned, ignored)) continue;
    const quote = toQuote(text, prose.masked, prose.blocks, scanned);
    if (quote) quotes.push(quote);
  }
  return quotes;
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
