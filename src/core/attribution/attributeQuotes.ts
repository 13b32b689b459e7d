// Quotations with their speakers, for drafts and sources alike: the extractor finds the quotes
// and the attribution written beside them, and the resolver follows sentences, pronouns and
// split quotes to the rest. Sources are read the same way (see sourceSpeakers.ts), once per
// document and only when a draft quote matched them, to learn who each source credits with a
// passage.

import { extractQuoteSteps } from '../extract/extractQuotes';
import { draftProseOf } from '../extract/markdownProse';
import type { DraftProse } from '../extract/prose';
import type { QuoteMemo } from '../extract/quoteMemo';
import type { Quote, TextFormat } from '../types';
import { resolveSpeakerSteps } from './resolveSpeakers';
import { runToEnd } from '../slicedRun';
import { AliasTable } from './sameSpeaker';

/**
 * Extracts the quotations of `text` and credits each to its speaker where the text says who. A
 * draft read again after each edit passes a memo of its quotations (see `extractQuotes`).
 */
export function attributeQuotes(text: string, format: TextFormat, aliases: AliasTable = new AliasTable(), prose: DraftProse = draftProseOf(text, format), memo: QuoteMemo | null = null): Quote[] {
  return runToEnd(attributeQuoteSteps(text, prose, aliases, memo));
}

/** `attributeQuotes` in steps, for a caller that spreads a long draft over several turns of the event loop. */
export function* attributeQuoteSteps(text: string, prose: DraftProse, aliases: AliasTable = new AliasTable(), memo: QuoteMemo | null = null): Generator<void, Quote[]> {
  const quotes = yield* extractQuoteSteps(text, prose, memo);
  if (quotes.every((q) => q.speaker)) return quotes;
  try {
    return yield* resolveSpeakerSteps(prose.masked, prose.blocks, quotes, aliases);
  } catch {
    // Following attributions is an extra: a text it cannot read keeps the speakers named beside
    // its quotes, and its words are still checked.
    return quotes;
  }
}
