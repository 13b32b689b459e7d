// Finds the few places in the corpus worth aligning a quote against. Each word pair of the quote
// that also occurs in the corpus votes for the position where the quote would start there; votes
// that land close together form a region. Rare single words vote too, so a short quote whose
// every pair was reworded can still be found. Very common pairs ("of the") are left out: they
// would flood the votes without telling places apart, and the rarer words around them suffice.

import type { CorpusIndex } from './corpusIndex';
import { forEachPosition } from './postings';
import type { QueryElement } from './queryWords';

/** A stretch of one document's tokens to align against. */
export interface Region {
  doc: number;
  /** Token positions [start, end) in the index's token stream, inside `doc`. */
  start: number;
  end: number;
  /** How many distinct quote words voted for this region. */
  votes: number;
}

export interface CandidateOptions {
  /** Pairs whose rarer word occurs more often than this are skipped. */
  commonPairLimit: number;
  /**
   * Once the rarest pairs have had this many occurrences of their rarer words checked, more
   * common pairs are skipped: by then the rare pairs have found the places worth aligning.
   */
  pairBudget: number;
  /** Single words occurring at most this often vote on their own. */
  rareWordLimit: number;
  /** At most this many regions are returned. */
  maxRegions: number;
}

/**
 * Pairs that vote whatever the budget, when the quote has them: a quote of common words only
 * ("nothing of them, and") is found by its common pairs, costly as they are, up to this ceiling.
 */
const MIN_VOTING_PAIRS = 3;
const COMMON_PAIR_CEILING = 400000;

export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = {
  commonPairLimit: 20000,
  pairBudget: 1500,
  rareWordLimit: 100,
  maxRegions: 24,
};

// A hit is packed into one number, anchor * WORD_SLOTS + word, so that the hits of a quote sort
// as a plain typed array: `anchor` is where the quote would start if the hit belongs to it,
// `word` the index of the voting word among the quote's words, and the hit itself stands at
// token anchor + word.
const WORD_SLOTS = 4096;

/** A growable list of packed hits. */
class HitList {
  data = new Float64Array(256);
  length = 0;
  push(anchor: number, word: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = anchor * WORD_SLOTS + word;
  }
}

const SHARED_HITS = new HitList();

/** Regions of the corpus that share word pairs or rare words with the quote, best first. */
export function findRegions(index: CorpusIndex, elements: QueryElement[], options = DEFAULT_CANDIDATE_OPTIONS): Region[] {
  const words = elements.filter((e) => !e.wildcard).slice(0, WORD_SLOTS);
  const ids = words.map((w) => index.wordId(w.norm));
  const joined: boolean[] = []; // joined[k]: words k and k+1 are adjacent in the quote (no wildcard between)
  for (let e = 0, k = -1; e < elements.length && k + 1 < words.length; e++) {
    if (elements[e].wildcard) continue;
    k++;
    joined[k] = e + 1 < elements.length && !elements[e + 1].wildcard;
  }

  // One list serves every search: a check runs thousands of them, and allocating a list for
  // each would keep the garbage collector busy.
  const hits = SHARED_HITS;
  hits.length = 0;
  // Rarest pairs first: they are the cheapest to check and the most telling.
  const pairs: { k: number; cost: number }[] = [];
  for (let k = 0; k + 1 < words.length; k++) {
    if (!joined[k] || ids[k] < 0 || ids[k + 1] < 0) continue;
    const cost = Math.min(index.frequency(ids[k]), index.frequency(ids[k + 1]));
    if (cost <= COMMON_PAIR_CEILING) pairs.push({ k, cost });
  }
  pairs.sort((x, y) => x.cost - y.cost);
  // At least a few pairs vote even when all are common: one common pair alone gives every one of
  // its places a single vote, and cannot tell the quote's source from the rest.
  let spent = 0;
  let voted = 0;
  for (const { k, cost } of pairs) {
    if (voted >= MIN_VOTING_PAIRS && (cost > options.commonPairLimit || (spent >= options.pairBudget && hits.length > 0))) break;
    collectPairHits(index, ids[k], ids[k + 1], k, hits);
    spent += cost;
    voted++;
  }
  for (let k = 0; k < words.length; k++) {
    if (ids[k] < 0 || index.frequency(ids[k]) > options.rareWordLimit) continue;
    forEachPosition(index.postings, ids[k], (p) => hits.push(p - k, k));
  }
  return groupHits(index, hits, words.length, elements.length !== words.length, options.maxRegions);
}

/** Adds a hit for every place where word `a` is directly followed by word `b`. */
function collectPairHits(index: CorpusIndex, a: number, b: number, k: number, hits: HitList): void {
  const tokens = index.tokens;
  // Only the rarer word's positions are walked (decoded in place, without allocating); its
  // neighbour is looked up in the token stream.
  if (index.frequency(a) <= index.frequency(b)) {
    forEachPosition(index.postings, a, (p) => {
      if (tokens.at(p + 1) === b && !index.isDocStart(p + 1)) hits.push(p - k, k);
    });
  } else {
    forEachPosition(index.postings, b, (p) => {
      if (p > 0 && tokens.at(p - 1) === a && !index.isDocStart(p)) hits.push(p - 1 - k, k);
    });
  }
}

/**
 * Clusters hits whose anchors are close into regions and keeps the best. Quotes with omissions
 * may spread over a longer stretch of the source, so their hits may lie further apart.
 */
function groupHits(index: CorpusIndex, list: HitList, wordTotal: number, hasWildcards: boolean, maxRegions: number): Region[] {
  if (!list.length) return [];
  const hits = list.data.subarray(0, list.length).sort();
  const reach = hasWildcards ? 400 : 12;
  // A chain of nearby anchors may not grow without bound (a phrase repeated down a page).
  const span = hasWildcards ? 2000 : 2 * reach + wordTotal;
  const margin = 8;
  const regions: Region[] = [];
  const voters = new Uint8Array(wordTotal);
  let first = 0;
  const flush = (end: number) => {
    voters.fill(0);
    let votes = 0;
    let low = Infinity;
    let high = -Infinity;
    for (let h = first; h < end; h++) {
      const word = hits[h] % WORD_SLOTS;
      const at = (hits[h] - word) / WORD_SLOTS + word;
      if (!voters[word]) { voters[word] = 1; votes++; }
      low = Math.min(low, at - word);
      high = Math.max(high, at + (wordTotal - word));
    }
    const doc = index.docOf(low + Math.floor((high - low) / 2));
    const start = Math.max(index.docStarts[doc], low - margin);
    const stop = Math.min(index.docStarts[doc + 1], high + margin);
    if (stop > start) regions.push({ doc, start, end: stop, votes });
  };
  let firstAnchor = Math.floor(hits[0] / WORD_SLOTS);
  let lastAnchor = firstAnchor;
  let lastDoc = index.docOf(firstAnchor + (hits[0] % WORD_SLOTS));
  for (let h = 1; h < hits.length; h++) {
    const word = hits[h] % WORD_SLOTS;
    const anchor = (hits[h] - word) / WORD_SLOTS;
    const doc = index.docOf(anchor + word);
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
  // A region that shares far fewer words with the quote than the best one cannot be its source.
  const floor = regions.length ? Math.max(1, Math.ceil(regions[0].votes / 2)) : 1;
  return regions.filter((r) => r.votes >= floor).slice(0, maxRegions);
}
