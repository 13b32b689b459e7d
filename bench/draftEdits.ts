// One-word edits of the benchmark draft, as a writer makes them while the checker is open: a
// word changed inside a quotation (its quote must be matched afresh) or a word changed in the
// writer's own prose around it (every quote keeps its wording and only moves or stays).

import { FILLERS } from './makeDraft';
import { Prng, subSeed } from './prng';
import { tokensOf } from './quoteWindows';
import type { DraftTruth } from './truth';

/** A draft with one word replaced. */
export interface DraftEdit {
  kind: 'quote' | 'prose';
  quoteId: number;
  text: string;
}

const REPLACEMENTS = ['harbour', 'quietly', 'seventeen', 'lantern', 'borrowed', 'orchard', 'patient', 'winter'];

function replaceAt(text: string, start: number, end: number, word: string): string {
  return text.slice(0, start) + word + text.slice(end);
}

/** Up to `count` drafts, each with one word of a different quotation replaced. */
export function quoteEdits(draft: string, truth: DraftTruth, count: number, seed: number): DraftEdit[] {
  const prng = new Prng(subSeed(seed, 'quote edits'));
  const quotes = prng.shuffle(truth.quotes.filter((q) => !q.omission)).slice(0, count);
  return quotes.map((quote) => {
    const tokens = tokensOf(quote.text);
    const token = tokens[prng.int(1, Math.max(1, tokens.length - 2))] ?? tokens[0];
    const word = REPLACEMENTS.find((w) => w !== token.raw.toLowerCase()) ?? 'river';
    const at = quote.innerStart + token.start;
    return { kind: 'quote', quoteId: quote.id, text: replaceAt(draft, at, quote.innerStart + token.end, word) };
  });
}

/** Up to `count` drafts, each with one word of the prose after a different quotation replaced. */
export function proseEdits(draft: string, truth: DraftTruth, count: number, seed: number): DraftEdit[] {
  const prng = new Prng(subSeed(seed, 'prose edits'));
  const quotes = prng.shuffle([...truth.quotes]).slice(0, count);
  const edits: DraftEdit[] = [];
  for (const quote of quotes) {
    // The writer's sentence that closes the quote's paragraph, before the blank line.
    const paragraphEnd = draft.indexOf('\n\n', quote.innerStart + quote.text.length);
    const filler = FILLERS.find((f) => draft.slice(paragraphEnd - f.length, paragraphEnd) === f);
    if (paragraphEnd < 0 || !filler) continue;
    const sentenceStart = paragraphEnd - filler.length;
    const tokens = tokensOf(draft.slice(sentenceStart, paragraphEnd));
    if (tokens.length < 2) continue;
    const token = tokens[prng.int(1, tokens.length - 1)];
    const word = REPLACEMENTS.find((w) => w !== token.raw.toLowerCase()) ?? 'river';
    edits.push({ kind: 'prose', quoteId: quote.id, text: replaceAt(draft, sentenceStart + token.start, sentenceStart + token.end, word) });
  }
  return edits;
}
