// Reading a long draft's quotations is the costly part of extracting them, and it cannot be
// split without changing what the extractor sees. So it is done ahead, in steps, into the
// memo the extractor reads from: afterwards the extractor (and the speaker resolution around
// it) runs on the whole draft as ever, and finds every quotation already read.

import type { DraftProse } from './prose';
import type { QuoteMemo } from './quoteMemo';
import { ScannedQuotes } from './extractQuotes';

/** Quotations read between two steps. */
const QUOTES_PER_STEP = 24;

/** Reads every quotation of `text` into `memo`, a few per step. */
export function* warmQuoteSteps(text: string, prose: DraftProse, memo: QuoteMemo): Generator<void, void> {
  const scanned = new ScannedQuotes(text, prose, memo);
  yield;
  for (let i = 0; i < scanned.count; i++) {
    scanned.quote(i);
    if (i % QUOTES_PER_STEP === QUOTES_PER_STEP - 1) yield;
  }
}
