// The drafts' verdicts from the local corpus. A warm run checks them against the cache while the
// corpus files are still being stat'ed (see core/cache/openEarly.ts); that check gives way as
// soon as the files turn out to have changed, and the drafts are checked again.

import { Checker } from '../core/checker';
import { SLICE_MS } from '../core/cache/openParts';
import { SlicePauser } from '../core/slicedRun';
import type { Quote, QuoteResult } from '../core/types';

/** A draft's quotations and their local verdicts, in order. */
export interface LocalCheck {
  quotes: Quote[];
  results: QuoteResult[];
}

/** A draft's text and its quotations, found before the corpus is open (they need none). */
export interface DraftQuotes {
  text: string;
  quotes: Quote[];
}

export function checkLocally(checker: Checker, draft: DraftQuotes): LocalCheck {
  return { quotes: draft.quotes, results: draft.quotes.map((quote) => checker.checkQuote(draft.text, quote)) };
}

/**
 * Checks `drafts` against a corpus not yet confirmed; null once `confirmed` says it was not the
 * corpus. Other events get their turn between quotes, so the survey's answer is heard.
 */
export async function checkBeforeConfirmed(checker: Checker, drafts: DraftQuotes[], confirmed: Promise<boolean>): Promise<LocalCheck[] | null> {
  let dropped = false;
  void confirmed.then((ok) => {
    dropped = !ok;
  });
  const pauser = new SlicePauser(SLICE_MS);
  const checks: LocalCheck[] = [];
  for (const { text, quotes } of drafts) {
    const results: QuoteResult[] = [];
    for (const quote of quotes) {
      if (dropped) return null;
      results.push(checker.checkQuote(text, quote));
      await pauser.pauseIfDue();
    }
    checks.push({ quotes, results });
  }
  return dropped ? null : checks;
}
