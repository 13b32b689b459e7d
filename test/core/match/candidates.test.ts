// Finding a quote's last, common word pair near the other votes only must give the very regions
// that walking every occurrence of the pair gives.

import { strict as assert } from 'assert';
import { DEFAULT_CANDIDATE_OPTIONS, findRegions, wordOf } from '../../../src/core/match/candidates';
import { CorpusIndex } from '../../../src/core/match/corpusIndex';
import { queryElements } from '../../../src/core/match/queryWords';
import { corpusOf, quoteIn } from './fixtures';

function sequence(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

const EVERY = { ...DEFAULT_CANDIDATE_OPTIONS, deferredPairCost: Infinity };
const NEAR = { ...DEFAULT_CANDIDATE_OPTIONS, deferredPairCost: 1 };

describe('findRegions, last pair looked for near the other votes', () => {
  it('gives the regions of the full walk for a quote whose last pair is common', () => {
    const texts: Record<string, string> = {};
    for (let d = 0; d < 30; d++) texts[`common${d}.txt`] = 'and so on, '.repeat(10);
    texts['source.txt'] = 'the keeper wrote that the harbour lamps and so forth were lit at dusk';
    const index = CorpusIndex.build(corpusOf(texts));
    const draft = '“harbour lamps and so forth were lit”';
    const elements = queryElements(draft, quoteIn(draft));
    const near = findRegions(index, elements, NEAR);
    assert.deepEqual(near, findRegions(index, elements, EVERY));
    assert.equal(index.document(near[0].doc).title, 'source.txt');
    assert.ok(near[0].votes >= 3);
  });

  it('gives the regions of the full walk for random quotes, found or not', () => {
    const pick = sequence(17);
    const vocabulary = ['of', 'the', 'and', 'to', 'a', 'in', 'river', 'mill', 'stone', 'bridge', 'lantern', 'orchard', 'winter', 'keeper'];
    const word = () => vocabulary[Math.min(pick(vocabulary.length), pick(vocabulary.length))];
    const texts: Record<string, string> = {};
    for (let d = 0; d < 60; d++) texts[`d${d}.txt`] = Array.from({ length: 80 + pick(80) }, word).join(' ');
    const index = CorpusIndex.build(corpusOf(texts));
    const docs = Object.values(texts).map((t) => t.split(' '));
    for (let round = 0; round < 300; round++) {
      const doc = docs[pick(docs.length)];
      const length = 3 + pick(8);
      const at = pick(doc.length - length);
      const words = doc.slice(at, at + length);
      if (pick(3) === 0) words[pick(words.length)] = word();
      const draft = `“${words.join(' ')}”`;
      const elements = queryElements(draft, quoteIn(draft));
      assert.deepEqual(findRegions(index, elements, NEAR), findRegions(index, elements, EVERY), draft);
    }
  });
});

/**
 * The regions as first written, for reference: every voting pair's places walked, hits packed
 * and sorted, chained, each cluster a region, the best kept above half the best's votes. Hits
 * before the corpus's first token are unpacked as they always were.
 */
function referenceRegions(index: CorpusIndex, draft: string): { doc: number; start: number; end: number; votes: number }[] {
  const elements = queryElements(draft, quoteIn(draft));
  const words = elements.filter((e) => !e.wildcard);
  const ids = words.map((w) => index.wordId(w.norm));
  const options = DEFAULT_CANDIDATE_OPTIONS;
  const hits: number[] = [];
  // Quotes of up to 12 words also pair words one apart, each such pair a voter of its own
  // (packed with 2048 added to its second word), and may spend eight times the budget.
  const short = ids.length <= 12;
  const gaps = short ? [1, 2] : [1];
  const pairs = gaps.flatMap((gap) => ids.slice(0, -gap).map((id, k) => ({ k, gap, cost: Math.min(index.frequency(id), index.frequency(ids[k + gap])) }))
    .filter(({ k }) => ids[k] >= 0 && ids[k + gap] >= 0)).sort((x, y) => x.cost - y.cost);
  const budget = short ? 8 * options.pairBudget : options.pairBudget;
  let spent = 0;
  let voted = 0;
  for (const { k, gap, cost } of pairs) {
    if (voted >= 3 && (cost > options.commonPairLimit || (spent >= budget && hits.length > 0))) break;
    for (const p of index.positions(ids[k])) {
      if (index.tokens.at(p + gap) === ids[k + gap] && !index.isDocStart(p + 1) && !index.isDocStart(p + gap)) hits.push((p - k) * 4096 + (gap === 1 ? k : 2048 + k + gap));
    }
    spent += cost;
    voted++;
  }
  ids.forEach((id, k) => {
    if (id >= 0 && index.frequency(id) <= options.rareWordLimit) for (const p of index.positions(id)) hits.push((p - k) * 4096 + k);
  });
  if (!hits.length) return [];
  hits.sort((x, y) => x - y);
  const regions: { doc: number; start: number; end: number; votes: number }[] = [];
  const reach = 12;
  const span = 2 * reach + words.length;
  let first = 0;
  const flush = (end: number) => {
    const voters = new Set<number>();
    let votes = 0;
    let low = Infinity;
    let high = -Infinity;
    for (let h = first; h < end; h++) {
      const slot = hits[h] % 4096;
      const word = slot >= 2048 ? slot - 2048 : slot;
      const at = (hits[h] - slot) / 4096 + word;
      // A word index below zero is never remembered as voted, as a typed array ignores it.
      if (!voters.has(slot)) { if (slot >= 0) voters.add(slot); votes++; }
      low = Math.min(low, at - word);
      high = Math.max(high, at + (words.length - word));
    }
    const doc = index.docOf(low + Math.floor((high - low) / 2));
    const start = Math.max(index.docStarts[doc], low - 8);
    const stop = Math.min(index.docStarts[doc + 1], high + 8);
    if (stop > start) regions.push({ doc, start, end: stop, votes });
  };
  let firstAnchor = Math.floor(hits[0] / 4096);
  let lastAnchor = firstAnchor;
  const wordAt = (slot: number): number => (slot >= 2048 ? slot - 2048 : slot);
  let lastDoc = index.docOf(firstAnchor + wordAt(hits[0] % 4096));
  for (let h = 1; h < hits.length; h++) {
    const slot = hits[h] % 4096;
    const anchor = (hits[h] - slot) / 4096;
    const doc = index.docOf(anchor + wordAt(slot));
    if (anchor - lastAnchor > reach || anchor - firstAnchor > span || doc !== lastDoc) {
      flush(h);
      first = h;
      firstAnchor = anchor;
    }
    lastAnchor = anchor;
    lastDoc = doc;
  }
  flush(hits.length);
  regions.sort((x, y) => y.votes - x.votes || x.start - y.start);
  const floor = regions.length ? Math.max(1, Math.ceil(regions[0].votes / 2)) : 1;
  return regions.filter((r) => r.votes >= floor).slice(0, options.maxRegions);
}

describe('findRegions, against the regions as first written', () => {
  it('finds the same regions for random quotes, found, drifted or invented', () => {
    const pick = sequence(29);
    const vocabulary = ['of', 'the', 'and', 'to', 'a', 'in', 'river', 'mill', 'stone', 'bridge', 'lantern', 'orchard', 'winter', 'keeper', 'harbour'];
    const word = () => vocabulary[Math.min(pick(vocabulary.length), pick(vocabulary.length), pick(vocabulary.length))];
    const texts: Record<string, string> = {};
    for (let d = 0; d < 80; d++) texts[`d${d}.txt`] = Array.from({ length: 20 + pick(200) }, word).join(' ');
    const index = CorpusIndex.build(corpusOf(texts));
    const docs = Object.values(texts).map((t) => t.split(' '));
    for (let round = 0; round < 300; round++) {
      const doc = docs[pick(docs.length)];
      const length = Math.min(doc.length, 2 + pick(12));
      const at = pick(doc.length - length + 1);
      const words = round % 5 === 4 ? Array.from({ length }, word) : doc.slice(at, at + length);
      if (pick(3) === 0) words[pick(words.length)] = word();
      const draft = `“${words.join(' ')}”`;
      assert.deepEqual(findRegions(index, queryElements(draft, quoteIn(draft))), referenceRegions(index, draft), draft);
    }
  });

  it('reads the word of a packed hit as the remainder does, before the first token too', () => {
    for (const anchor of [-3, -1, 0, 1, 77, 123456, 8_000_000]) {
      for (const word of [0, 1, 5, 4095]) {
        const hit = anchor * 4096 + word;
        assert.equal(wordOf(hit), hit % 4096, `anchor ${anchor}, word ${word}`);
      }
    }
  });
});
