// A draft session must give exactly what a fresh check of the whole text gives, after any
// edit, while sending only new or changed quotes to the matcher; and its sliced form must let
// other events run between slices and give up when a newer edit arrives.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import { DraftSession, sameQuote, shiftResult } from '../../src/core/draftSession';
import { chunkStartSteps } from '../../src/core/extract/markdownChunks';
import { draftProseSteps } from '../../src/core/extract/markdownProse';
import { plainTextProseSteps } from '../../src/core/extract/prose';
import { scanQuoteSteps } from '../../src/core/extract/quoteScanner';
import { runToEnd } from '../../src/core/slicedRun';
import type { Quote, QuoteResult, TextFormat } from '../../src/core/types';

const REPO = path.resolve(__dirname, '../../..');
const DRAFT = fs.readFileSync(path.join(REPO, 'example/draft.md'), 'utf8');

/** A checker that counts the quotes sent to it. */
class CountingChecker extends Checker {
  calls: string[] = [];

  checkQuote(draftText: string, quote: Quote): QuoteResult {
    this.calls.push(quote.text);
    return super.checkQuote(draftText, quote);
  }
}

/** A fixed pseudo-random sequence, so every run makes the same edits. */
function sequence(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

type Edit = (text: string, quotes: Quote[], pick: (n: number) => number) => string;

/** The offset of a space inside a quote's inner span, or the inner start. */
function spaceInside(text: string, quote: Quote, pick: (n: number) => number): number {
  const spaces: number[] = [];
  for (let i = quote.inner.start; i < quote.inner.end; i++) if (text.charAt(i) === ' ') spaces.push(i);
  return spaces.length ? spaces[pick(spaces.length)] : quote.inner.start;
}

const edits: [name: string, edit: Edit][] = [
  ['insert a word inside a quote', (text, quotes, pick) => {
    const at = spaceInside(text, quotes[pick(quotes.length)], pick);
    return `${text.slice(0, at)} truly${text.slice(at)}`;
  }],
  ['delete a word inside a quote', (text, quotes, pick) => {
    const quote = quotes[pick(quotes.length)];
    const at = spaceInside(text, quote, pick);
    const next = text.indexOf(' ', at + 1);
    return next > 0 && next < quote.inner.end ? text.slice(0, at) + text.slice(next) : text;
  }],
  ['insert a word before a quote', (text, quotes, pick) => {
    const at = quotes[pick(quotes.length)].outer.start;
    return `${text.slice(0, at)}plainly ${text.slice(at)}`;
  }],
  ['insert a sentence between quotes', (text, quotes, pick) => {
    const at = quotes[pick(quotes.length)].outer.end;
    return `${text.slice(0, at)} The hall was quiet.${text.slice(at)}`;
  }],
  ['add a quote', (text, _quotes, pick) => {
    const breaks = [...text.matchAll(/\n\n/g)].map((m) => m.index);
    const at = breaks[pick(breaks.length)] ?? text.length;
    return `${text.slice(0, at)}\n\nHalvik said: “We came to these talks in good faith.”${text.slice(at)}`;
  }],
  ['remove a quote', (text, quotes, pick) => {
    const quote = quotes[pick(quotes.length)];
    return text.slice(0, quote.outer.start) + text.slice(quote.outer.end);
  }],
  ['split a paragraph', (text, _quotes, pick) => {
    const stops = [...text.matchAll(/\. (?=[A-Z])/g)].map((m) => m.index);
    if (!stops.length) return text;
    const at = stops[pick(stops.length)];
    return `${text.slice(0, at + 1)}\n\n${text.slice(at + 2)}`;
  }],
];

describe('DraftSession', function () {
  let checker: Checker;
  let index: CorpusIndex;

  before(async function () {
    index = CorpusIndex.build(await loadCorpus([path.join(REPO, 'example/sources')]));
    checker = new Checker(index);
  });

  for (const format of ['markdown', 'plaintext'] as TextFormat[]) {
    it(`matches a fresh check after random edits (${format})`, function () {
      const pick = sequence(format === 'markdown' ? 11 : 29);
      const session = new DraftSession(new Checker(index));
      let text = DRAFT;
      assert.deepStrictEqual(session.update(text, format), checker.checkText(text, format));
      for (let round = 0; round < 40; round++) {
        const [name, edit] = edits[round % edits.length];
        const quotes = session.current.map((r) => r.quote);
        if (quotes.length === 0) break;
        text = edit(text, quotes, pick);
        const fresh = new Checker(index).checkText(text, format);
        assert.deepStrictEqual(session.update(text, format), fresh, `round ${round}: ${name}`);
      }
    });
  }

  it('re-matches only the edited quote after a one-word edit, keeping or shifting the rest', function () {
    const counting = new CountingChecker(index);
    const session = new DraftSession(counting);
    const before = session.update(DRAFT, 'markdown');
    assert.ok(before.length >= 10, `the example draft has ${before.length} quotes`);
    counting.calls = [];
    const target = before[4].quote;
    const at = DRAFT.indexOf(' ', target.inner.start);
    const edited = `${DRAFT.slice(0, at)} truly${DRAFT.slice(at)}`;
    const after = session.update(edited, 'markdown');
    assert.deepStrictEqual(counting.calls, [new Checker(index).checkText(edited, 'markdown')[4].quote.text]);
    assert.deepStrictEqual(session.lastStats, { checked: 1, kept: 4, shifted: before.length - 5 });
    for (let i = 0; i < 4; i++) assert.strictEqual(after[i], before[i], `quote ${i} keeps its result object`);
    for (let i = 5; i < before.length; i++) {
      assert.notStrictEqual(after[i], before[i]);
      assert.strictEqual(after[i].quote.outer.start, before[i].quote.outer.start + ' truly'.length);
    }
    assert.deepStrictEqual(after, new Checker(index).checkText(edited, 'markdown'));
  });

  it('shifts a result without touching the original, keeping the best match as the first source', function () {
    const results = checker.checkText(DRAFT, 'markdown');
    const result = results.find((r) => r.match && r.match.diff.length > 0)!;
    const before = JSON.stringify(result);
    const moved = { ...result.quote, outer: { start: result.quote.outer.start + 7, end: result.quote.outer.end + 7 } };
    const copy = shiftResult(result, moved, 7);
    assert.strictEqual(JSON.stringify(result), before, 'the original is unchanged');
    assert.strictEqual(copy.quote, moved);
    assert.strictEqual(copy.match, copy.sources[0], 'the best match is still the first source');
    assert.notStrictEqual(copy.match, result.match);
    copy.match!.diff.forEach((entry, i) => {
      const original = result.match!.diff[i];
      assert.deepStrictEqual(entry.draftSpan, { start: original.draftSpan.start + 7, end: original.draftSpan.end + 7 });
      assert.deepStrictEqual({ ...entry, draftSpan: original.draftSpan }, original);
    });
  });

  it('sends nothing to the matcher when the text is unchanged or an edit is outside every quote', function () {
    const counting = new CountingChecker(index);
    const session = new DraftSession(counting);
    session.update(DRAFT, 'markdown');
    counting.calls = [];
    session.update(DRAFT, 'markdown');
    const heading = DRAFT.indexOf('# Downstream');
    session.update(`${DRAFT.slice(0, heading)}# Very${DRAFT.slice(heading + 1)}`, 'markdown');
    assert.deepStrictEqual(counting.calls, []);
  });

  it('checks in slices, letting other events run between them', async function () {
    const big = Array.from({ length: 60 }, (_, i) => DRAFT.replace(/\n\n/g, ` (${i})\n\n`)).join('\n\n');
    const session = new DraftSession(new Checker(index));
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const stats = { slices: 0, longestMs: 0 };
    const results = await session.updateInSlices(big, 'markdown', () => false, 1, stats);
    done = true;
    assert.ok(stats.slices > 1, `ran in ${stats.slices} slices`);
    assert.ok(ticks > 1, `other events ran ${ticks} times during the check`);
    assert.deepStrictEqual(results, new Checker(index).checkText(big, 'markdown'));
  });

  it('finds every unchanged quote of a draft that repeats itself where two edits moved it', function () {
    // The same paragraphs forty times over: each quote has forty twins, and only the right one may be reused.
    const big = Array.from({ length: 40 }, (_, i) => DRAFT.replace(/\n\n/g, ` (${i})\n\n`)).join('\n\n');
    const counting = new CountingChecker(index);
    const session = new DraftSession(counting);
    const before = session.update(big, 'markdown');
    const first = before[Math.floor(before.length / 4)].quote;
    const second = before[Math.floor((3 * before.length) / 4)].quote;
    const insertAt = (text: string, at: number, words: string) => `${text.slice(0, at)}${words}${text.slice(at)}`;
    // The later edit first, so that the earlier one's offset still holds.
    let edited = insertAt(big, big.indexOf(' ', second.inner.start), ' truly');
    edited = insertAt(edited, big.indexOf(' ', first.inner.start), ' really and');
    counting.calls = [];
    const after = session.update(edited, 'markdown');
    // The two edited quotes, and at most a neighbour whose speaker is read across an edited one.
    assert.ok(counting.calls.some((text) => text.includes('truly')) && counting.calls.some((text) => text.includes('really and')), JSON.stringify(counting.calls));
    assert.ok(counting.calls.length <= 4, `checked ${JSON.stringify(counting.calls)}`);
    assert.strictEqual(session.lastStats.kept + session.lastStats.shifted, after.length - counting.calls.length);
    const firstIndex = before.findIndex((r) => r.quote === first);
    for (let i = 0; i < firstIndex; i++) assert.strictEqual(after[i], before[i], `quote ${i} keeps its result object`);
    assert.deepStrictEqual(after, new Checker(index).checkText(edited, 'markdown'));
  });

  it('reads a long draft a few paragraphs and quotations per step, never the whole draft in one', function () {
    const big = Array.from({ length: 40 }, (_, i) => DRAFT.replace(/\n\n/g, ` (${i})\n\n`)).join('\n\n');
    const prose = runToEnd(draftProseSteps(big, 'markdown'));
    const count = (steps: Generator<void, unknown>) => {
      let n = 0;
      while (!steps.next().done) n++;
      return n;
    };
    const quotes = new Checker(index).quotesOf(big, 'markdown', prose);
    assert.ok(quotes.length >= 400, `${quotes.length} quotes`);
    // Marks, quotations and speakers are each read a few at a time, so there are many steps.
    assert.ok(count(new Checker(index).quoteSteps(big, prose)) >= quotes.length / 8 + quotes.length / 4, 'quotation and speaker steps');
    assert.ok(count(scanQuoteSteps(prose.masked, prose.blocks)) >= prose.blocks.length / 64 - 1, 'scanning steps');
    assert.ok(count(chunkStartSteps(big, 0)) >= big.split('\n').length / 256 - 1, 'chunking steps');
    assert.ok(count(plainTextProseSteps(big)) >= big.split('\n').length / 512 - 1, 'plain-text steps');
    assert.deepStrictEqual(runToEnd(new Checker(index).quoteSteps(big, prose)), quotes);
  });

  it('gives up, leaving its results as they were, when a newer edit arrives', async function () {
    const session = new DraftSession(new Checker(index));
    const first = session.update(DRAFT, 'markdown');
    const edited = DRAFT.replace('good faith', 'bad faith');
    let asked = 0;
    const stopped = await session.updateInSlices(edited, 'markdown', () => ++asked > 2, 0);
    assert.strictEqual(stopped, null);
    assert.strictEqual(session.current, first);
    assert.deepStrictEqual(session.update(edited, 'markdown'), new Checker(index).checkText(edited, 'markdown'));
  });
});

describe('sameQuote', () => {
  const quote = (text: string, speaker: Quote['speaker'] = null): [string, Quote] => {
    const open = text.indexOf('“');
    const close = text.indexOf('”');
    const inner = { start: open + 1, end: close };
    return [text, { inner, outer: { start: open, end: close + 1 }, text: text.slice(inner.start, inner.end), parts: [{ kind: 'words', ...inner }], closed: true, speaker }];
  };
  const named = (text: string, name: string, mention?: string) => {
    const at = text.indexOf(name);
    const speaker = { name, span: { start: at, end: at + name.length }, kind: 'person' as const, confident: true };
    if (!mention) return speaker;
    const m = text.indexOf(mention);
    return { ...speaker, via: 'pronoun' as const, mention: { start: m, end: m + mention.length } };
  };

  it('is true for the same quote and speaker standing elsewhere', () => {
    const a = 'Okoro said “we stay”.';
    const b = 'Later, Okoro said “we stay”.';
    assert.ok(sameQuote(...quote(a, named(a, 'Okoro')), ...quote(b, named(b, 'Okoro'))));
    assert.ok(sameQuote(...quote(a), ...quote(b)));
  });

  it('is false when the speaker, its place, its mention, the parts or the closing differ', () => {
    const a = 'Okoro said “we stay”.';
    const [textA, quoteA] = quote(a, named(a, 'Okoro'));
    const b = 'Okoro said “we stay”. He';
    const others: [string, Quote][] = [
      quote(a),
      quote('Osei, said “we stay”.', named('Osei, said “we stay”.', 'Osei')),
      [a, { ...quoteA, speaker: named(b, 'Okoro', 'He') }],
      [a, { ...quoteA, closed: false }],
      [a, { ...quoteA, parts: [{ kind: 'words', start: quoteA.inner.start, end: quoteA.inner.end - 1 }] }],
    ];
    for (const [text, other] of others) assert.ok(!sameQuote(textA, quoteA, text, other), JSON.stringify(other));
  });
});
