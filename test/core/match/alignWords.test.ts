import { strict as assert } from 'assert';
import { alignWords } from '../../../src/core/match/alignWords';
import { CorpusIndex } from '../../../src/core/match/corpusIndex';
import { findRegions } from '../../../src/core/match/candidates';
import { queryElements } from '../../../src/core/match/queryWords';
import { corpusOf, quoteIn } from './fixtures';

const source = 'In a long statement on Friday the committee said that it would not approve the budget until the audit was complete and every account had been checked twice.';
const index = CorpusIndex.build(corpusOf({ 'statement.txt': source }));

/** Aligns the quoted words of `draft` with the whole source and renders the steps compactly. */
function steps(draft: string): string[] {
  const elements = queryElements(draft, quoteIn(draft));
  const ids = elements.map((e) => (e.wildcard ? -1 : index.wordId(e.norm)));
  const alignment = alignWords(elements, ids, index.tokens, 0, index.tokenCount)!;
  const word = (p: number) => index.word(index.idAt(p));
  return alignment.steps.map((s) => {
    const q = elements.slice(s.q0, s.q1).map((e) => (e.wildcard ? '…' : e.norm)).join(' ');
    const src = Array.from({ length: s.s1 - s.s0 }, (_, k) => word(s.s0 + k)).join(' ');
    return s.kind === 'same' ? `=${q}` : `${s.kind}:${q}|${src}`;
  });
}

describe('alignWords', () => {
  const rows: [string, string, string[]][] = [
    ['a passage from the middle aligns locally', '“it would not approve the budget”', ['=it would not approve the budget']],
    ['a substituted word', '“it would not accept the budget”', ['=it would not', 'changed:accept|approve', '=the budget']],
    ['an added word', '“it would certainly not approve the budget”', ['=it would', 'added:certainly|', '=not approve the budget']],
    ['a dropped word', '“it would approve the budget”', ['=it would', 'dropped:|not', '=approve the budget']],
    ['an omission absorbs the skipped words', '“it would not approve … every account had been checked”', ['=it would not approve', 'wildcard:…|the budget until the audit was complete and', '=every account had been checked']],
    ['an insertion stands for replaced words', '“the committee said that [the panel] would not approve”', ['=the committee said that', 'wildcard:…|it', '=would not approve']],
    ['a leading insertion takes nothing: the passage starts at the first quoted word', '“[The panel] said that it would not”', ['wildcard:…|', '=said that it would not']],
    ['a leading omission takes nothing', '“… the audit was complete”', ['wildcard:…|', '=the audit was complete']],
  ];
  for (const [name, draft, expected] of rows) it(name, () => assert.deepEqual(steps(draft), expected));

  it('returns null for an empty stretch', () => {
    const elements = queryElements('“a b c”', quoteIn('“a b c”'));
    assert.equal(alignWords(elements, [-1, -1, -1], index.tokens, 3, 3), null);
  });
});

describe('findRegions', () => {
  it('finds a quote whose every word pair was reworded through its rare words', () => {
    const elements = queryElements('“committee stated budget”', quoteIn('“committee stated budget”'));
    const regions = findRegions(index, elements);
    assert.equal(regions.length, 1);
    assert.ok(regions[0].start <= index.positions(index.wordId('committee'))[0]);
  });

  it('skips word pairs more common than the limit but keeps the rare words', () => {
    const common = 'of the '.repeat(50);
    const big = CorpusIndex.build(corpusOf({ 'a.txt': `${common} the budget of the audit`, 'b.txt': common }));
    const elements = queryElements('“budget of the audit”', quoteIn('“budget of the audit”'));
    const regions = findRegions(big, elements, { commonPairLimit: 10, pairBudget: 100, rareWordLimit: 5, maxRegions: 5 });
    // The places holding only the common pair "of the" get one vote and are dropped.
    assert.ok(regions.length >= 1);
    assert.deepEqual(regions.map((r) => r.doc), regions.map(() => 0));
    assert.ok(regions[0].votes >= 3, JSON.stringify(regions));
  });

  it('finds a quote made only of common words through its common pairs', () => {
    const texts: Record<string, string> = {};
    // Each other document holds one of the quote's word pairs; only the source holds all three.
    for (let k = 0; k < 10; k++) {
      texts[`nothing${k}.txt`] = 'they knew nothing of it at all';
      texts[`some${k}.txt`] = 'some of them came';
      texts[`both${k}.txt`] = 'both them and us';
    }
    texts['source.txt'] = 'in the end she said nothing of them, and left';
    const big = CorpusIndex.build(corpusOf(texts));
    const elements = queryElements('“nothing of them, and”', quoteIn('“nothing of them, and”'));
    const regions = findRegions(big, elements, { commonPairLimit: 5, pairBudget: 10, rareWordLimit: 1, maxRegions: 3 });
    assert.equal(big.document(regions[0].doc).title, 'source.txt');
  });

  it('finds nothing for words the corpus lacks', () => {
    assert.deepEqual(findRegions(index, queryElements('“zebra quokka yak”', quoteIn('“zebra quokka yak”'))), []);
  });
});

describe('alignWords across calls', () => {
  it('gives the same alignment and score whatever was aligned before', () => {
    const align = (draft: string, from: number, to: number) => {
      const elements = queryElements(draft, quoteIn(draft));
      return alignWords(elements, elements.map((e) => index.wordId(e.norm)), index.tokens, from, to)!;
    };
    const draft = '“the audit was complete”';
    const before = align(draft, 0, index.tokenCount);
    // A long quote against a shorter stretch leaves numbers in the cells that the next, wider
    // alignment uses as its first row.
    align('“In a long statement on Friday the committee said that it would not approve the budget”', 0, 16);
    const after = align(draft, 0, index.tokenCount);
    assert.equal(after.score, 8);
    assert.deepEqual(after, before);
  });
});
