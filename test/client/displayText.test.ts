import * as assert from 'assert';
import { asQuotation, oneLine, percent, plural, searchItemText, truncate } from '../../src/client/displayText';

describe('display text', () => {
  const oneLineCases: [string, string][] = [
    ['  spaced   out  ', 'spaced out'],
    ['wrapped\nover\r\nlines', 'wrapped over lines'],
    ['tabs\tand\u00a0nbsp', 'tabs and nbsp'],
  ];
  for (const [input, expected] of oneLineCases) {
    it(`collapses whitespace in ${JSON.stringify(input)}`, () => assert.strictEqual(oneLine(input), expected));
  }

  const truncateCases: { text: string; max: number; expected: string }[] = [
    { text: 'short', max: 10, expected: 'short' },
    { text: 'exactly ten', max: 11, expected: 'exactly ten' },
    { text: 'the talks in Paris were useful', max: 20, expected: 'the talks in Paris…' },
    { text: 'unbreakablewordwithoutspaces', max: 10, expected: 'unbreakab…' },
    { text: 'ends with a comma, then more', max: 19, expected: 'ends with a comma…' },
  ];
  for (const c of truncateCases) {
    it(`truncates ${JSON.stringify(c.text)} to ${c.max}`, () => {
      const result = truncate(c.text, c.max);
      assert.strictEqual(result, c.expected);
      assert.ok(result.length <= c.max);
    });
  }

  const quotationCases: [string, string][] = [
    ['we will not retreat', '“we will not retreat”'],
    ['he called it “useful”', '“he called it ‘useful’”'],
    ['he called it "useful" and "long"', '“he called it ‘useful’ and ‘long’”'],
    ['a passage\nthat wraps', '“a passage that wraps”'],
  ];
  for (const [passage, expected] of quotationCases) {
    it(`quotes ${JSON.stringify(passage)}`, () => assert.strictEqual(asQuotation(passage), expected));
  }

  const percentCases: [number | null, string][] = [[1, '100%'], [0.834, '83%'], [0, '0%'], [null, ''], [Number.NaN, ''], [1.7, '100%']];
  for (const [score, expected] of percentCases) {
    it(`formats score ${score} as ${JSON.stringify(expected)}`, () => assert.strictEqual(percent(score), expected));
  }

  it('pluralises counts', () => {
    assert.deepStrictEqual([plural(0, 'draft'), plural(1, 'draft'), plural(2, 'draft')], ['0 drafts', '1 draft', '2 drafts']);
  });

  describe('search picker rows', () => {
    const hit = {
      uri: 'file:///corpus/wire.md',
      title: 'Wire report',
      range: { start: { line: 41, character: 0 }, end: { line: 42, character: 10 } },
      text: 'The talks were\nuseful, the minister said.',
      excerpt: '…talks were useful, the minister…',
      score: 0.914,
    };

    it('shows the excerpt around the match, then the title and the 1-based line with the score', () => {
      assert.deepStrictEqual(searchItemText(hit), {
        label: '…talks were useful, the minister…',
        description: '',
        detail: 'Wire report · line 42 · 91% match',
      });
    });

    it('falls back to the passage on one line without an excerpt', () => {
      assert.equal(searchItemText({ ...hit, excerpt: '' }).label, 'The talks were useful, the minister said.');
    });

    it('shortens long passages', () => {
      const label = searchItemText({ ...hit, excerpt: '', text: 'word '.repeat(100) }).label;
      assert.ok(label.length <= 160 && label.endsWith('…'));
    });
  });
});
