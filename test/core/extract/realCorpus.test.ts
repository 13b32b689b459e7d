// The reports of one day in the shared corpus, read as plain text: real typography, real
// attribution, and the same quotations translated differently by each outlet.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { extractQuotes } from '../../../src/core/extract';
import type { Quote } from '../../../src/core/types';
import { assertWellFormed } from './expectQuotes';

// The shared corpus sits next to the repository, outside it.
const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/ukraine-2022-01-27');

/** Extracts the quotations of the one report whose text contains `marker`. */
function quotesOfReport(marker: string): { text: string; quotes: Quote[] } {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
  const texts = files.map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8')).filter((t) => t.includes(marker));
  assert.strictEqual(texts.length, 1, `exactly one report contains ${marker}`);
  return { text: texts[0], quotes: extractQuotes(texts[0], 'plaintext') };
}

describe('extractQuotes: real corpus', function () {
  before(function () {
    if (!fs.existsSync(CORPUS)) this.skip();
  });

  it('extracts well-formed quotations from every report', () => {
    for (const file of fs.readdirSync(CORPUS)) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const quotes = extractQuotes(text, 'plaintext');
      assert.ok(quotes.length >= 5, `${file} has quotations`);
      for (const quote of quotes) assertWellFormed(text, quote);
    }
  });

  it('finds “little ground for optimism” and credits the first to Russia', () => {
    const { quotes } = quotesOfReport('Al Jazeera');
    const matches = quotes.filter((q) => q.text === 'little ground for optimism');
    assert.strictEqual(matches.length, 2);
    assert.strictEqual(matches[0].speaker?.name, 'Russia');
  });

  it('ends a tweet quoted without a closing mark at its paragraph', () => {
    const { text, quotes } = quotesOfReport('Had a long phone conversation with POTUS,”');
    const tweet = quotes.find((q) => q.text.startsWith('Discussed recent diplomatic efforts'));
    assert.ok(tweet, 'the unclosed second half of the tweet is a quotation');
    assert.strictEqual(tweet.closed, false);
    assert.ok(tweet.text.endsWith('Possibilities for financial support to Ukraine were also discussed.'));
    assert.strictEqual(text.charAt(tweet.outer.end), '\n', 'it ends where its paragraph ends');
    const next = quotes[quotes.indexOf(tweet) + 1];
    assert.strictEqual(next.text, 'exploring additional macroeconomic support to help Ukraine’s economy');
  });

  it('reads a quotation continued into the next paragraph as one quotation', () => {
    const { quotes } = quotesOfReport('to also bolster our NATO allies');
    const kirby = quotes.find((q) => q.text.startsWith('to also bolster our NATO allies'));
    assert.ok(kirby);
    assert.strictEqual(kirby.closed, true);
    assert.ok(kirby.text.includes('if they need that. We continue to see, including in the last 24 hours'));
    assert.ok(kirby.text.endsWith('in Belarus,'));
    assert.strictEqual(kirby.parts.length, 2, 'the reopening mark splits the words');
  });

  it('does not take top-level single quotes for quotations', () => {
    const { quotes } = quotesOfReport('’causes for optimism’');
    assert.ok(!quotes.some((q) => q.text.includes('causes for optimism’')));
    assert.ok(quotes.some((q) => q.text === 'Based on that, of course, there aren’t that many causes for optimism,'));
  });

  it('reads attributions written in news style', () => {
    const { quotes } = quotesOfReport('Linda Thomas-Greenfield said Thursday');
    const speakers = quotes.map((q) => q.speaker?.name ?? null);
    assert.ok(speakers.includes('Linda Thomas-Greenfield'));
    assert.ok(speakers.includes('Dmytro Kuleba'));
    assert.ok(speakers.includes('Antony Blinken'));
  });
});
