// Finds the few places in the corpus worth aligning a quote against. Each word pair of the quote
// that also occurs in the corpus votes for the position where the quote would start there; votes
// that land close together form a region. Rare single words vote too, so a short quote whose
// every pair was reworded can still be found. Very common pairs ("of the") are left out: they
// would flood the votes without telling places apart, and the rarer words around them suffice.
// The last and costliest pair to vote is first looked for only near the other votes, where
// alone its occurrences can change the regions kept.

import type { CorpusIndex } from './corpusIndex';
import { forEachPosition } from './postings';
import { DocFinder } from './docFinder';
import { pairAnchorsNear } from './nearbyPairs';
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
  /**
   * A last voting pair occurring at least this often is first looked for near the other votes
   * only (see `lastPairHits`); Infinity walks every occurrence, which the search near must
   * equal. Absent, the default's.
   */
  deferredPairCost?: number;
}

/**
 * Pairs that vote whatever the budget, when the quote has them: a quote of common words only
 * ("nothing of them, and") is found by its common pairs, costly as they are, up to this ceiling.
 */
const MIN_VOTING_PAIRS = 3;
const COMMON_PAIR_CEILING = 400000;
/**
 * Reading the tokens around one vote costs about this many occurrences of a pair walked: the
 * stretch is short, but lies apart from the rest.
 */
const NEAR_SEARCH_COST = 3;
/** Quotes of at most this many words also pair words one apart (see `findRegions`). */
const SKIP_PAIR_MAX_WORDS = 12;
/** How many times the pair budget such a short quote may spend. */
const SHORT_QUOTE_BUDGET = 8;
/** Votes whose anchors lie at most this far apart join one region (when the quote has no omission). */
const NEAR = 12;

export const DEFAULT_CANDIDATE_OPTIONS: Required<CandidateOptions> = {
  commonPairLimit: 20000,
  pairBudget: 1500,
  rareWordLimit: 100,
  maxRegions: 24,
  deferredPairCost: 2000,
};

// A hit is packed into one number, anchor * WORD_SLOTS + word, so that the hits of a quote sort
// as a plain typed array: `anchor` is where the quote would start if the hit belongs to it,
// `word` the index of the voting word among the quote's words, and the hit itself stands at
// token anchor + word.
const WORD_SLOTS = 4096;
/**
 * A hit of a pair of words one apart is packed with its word index plus this, so that it counts
 * as a voter of its own: its second word's adjacent pair may vote at the same place.
 */
const SKIP_SLOT = 2048;

/** The quote word a packed hit's slot stands for (the word whose position the hit is). */
function slotWord(slot: number): number {
  return slot >= SKIP_SLOT ? slot - SKIP_SLOT : slot;
}

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

/**
 * The quote word of a packed hit, as `hit % WORD_SLOTS`: `%` on a non-integer-typed number is a
 * library call in V8, while division and rounding are single instructions.
 */
export function wordOf(hit: number): number {
  return hit >= 0 ? hit - Math.floor(hit / WORD_SLOTS) * WORD_SLOTS : hit % WORD_SLOTS;
}

/** Regions of the corpus that share word pairs or rare words with the quote, best first. */
export function findRegions(index: CorpusIndex, elements: QueryElement[], options: CandidateOptions = DEFAULT_CANDIDATE_OPTIONS): Region[] {
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
  WALKED.reset();
  // Rarest pairs first: they are the cheapest to check and the most telling. A short quote's
  // words one apart pair up too ("the … to"): two words substituted in seven leave few
  // neighbours together, but most words one apart still are.
  const pairs: { k: number; gap: number; cost: number }[] = [];
  const gaps = words.length <= SKIP_PAIR_MAX_WORDS ? 2 : 1;
  for (let gap = 1; gap <= gaps; gap++) {
    for (let k = 0; k + gap < words.length; k++) {
      if (!joined[k] || (gap === 2 && !joined[k + 1]) || ids[k] < 0 || ids[k + gap] < 0) continue;
      const cost = Math.min(index.frequency(ids[k]), index.frequency(ids[k + gap]));
      if (cost <= COMMON_PAIR_CEILING) pairs.push({ k, gap, cost });
    }
  }
  pairs.sort((x, y) => x.cost - y.cost);
  // At least a few pairs vote even when all are common: one common pair alone gives every one of
  // its places a single vote, and cannot tell the quote's source from the rest.
  // A short quote has few pairs, and a substitution or two leaves fewer still: more of its common
  // ones may vote, which costs little for so few.
  const budget = gaps === 2 ? SHORT_QUOTE_BUDGET * options.pairBudget : options.pairBudget;
  const votes = (j: number, voted: number, spent: number, haveHits: boolean) =>
    j < pairs.length && !(voted >= MIN_VOTING_PAIRS && (pairs[j].cost > options.commonPairLimit || (spent >= budget && haveHits)));
  const hasWildcards = elements.length !== words.length;
  const deferredPairCost = options.deferredPairCost ?? DEFAULT_CANDIDATE_OPTIONS.deferredPairCost;
  let spent = 0;
  let voted = 0;
  let deferred = -1;
  for (let j = 0; votes(j, voted, spent, hits.length > 0); j++) {
    const { k, gap, cost } = pairs[j];
    // The last and costliest pair to vote, once others have voted, may be looked for only near
    // their votes (see `lastPairHits`); whether a later pair votes does not depend on its hits.
    const last = !votes(j + 1, voted + 1, spent + cost, true);
    if (last && gap === 1 && !hasWildcards && hits.length > 0 && cost >= deferredPairCost) deferred = k;
    else collectPairHits(index, ids[k], ids[k + gap], k, hits, gap);
    spent += cost;
    voted++;
  }
  for (let k = 0; k < words.length; k++) {
    if (ids[k] < 0 || index.frequency(ids[k]) > options.rareWordLimit) continue;
    forEachPosition(index.postings, ids[k], (p) => hits.push(p - k, k));
  }
  if (deferred >= 0) {
    const near = lastPairHits(index, ids[deferred], ids[deferred + 1], deferred, hits, words.length, options.maxRegions);
    if (near) return near;
    collectPairHits(index, ids[deferred], ids[deferred + 1], deferred, hits);
  }
  return groupHits(index, hits, words.length, hasWildcards, options.maxRegions);
}

/**
 * The regions when the pair of words k, k + 1 votes too, found by reading the tokens near the
 * other votes only; null, leaving `hits` as it was, when that cannot be known to be the same.
 * An occurrence of the pair far from every other vote forms a region with one voter, and such a
 * region is dropped once the best has three voters or more (its floor is then two). The search
 * near the votes is tried only when the votes are much fewer than the pair's occurrences.
 */
function lastPairHits(index: CorpusIndex, a: number, b: number, k: number, hits: HitList, wordTotal: number, maxRegions: number): Region[] | null {
  const known = hits.length;
  if (known * NEAR_SEARCH_COST > Math.min(index.frequency(a), index.frequency(b))) return null;
  // The hits so far are kept aside, to be put back if the search near them does not settle it.
  if (SAVED_HITS.length < known) {
    SAVED_HITS = new Float64Array(2 * known);
    ANCHORS = new Float64Array(2 * known);
  }
  const before = SAVED_HITS;
  before.set(hits.data.subarray(0, known));
  const anchors = ANCHORS.subarray(0, known);
  for (let h = 0; h < known; h++) anchors[h] = Math.floor(before[h] / WORD_SLOTS);
  // One more than the reach: a hit before the corpus's first token is placed one anchor over.
  for (const anchor of pairAnchorsNear(index, a, b, k, anchors, NEAR + 1)) hits.push(anchor, k);
  const regions = groupHits(index, hits, wordTotal, false, maxRegions);
  // With three voters or more at the best region, regions of one voter fall below the floor.
  if (regions.length > 0 && Math.ceil(regions[0].votes / 2) >= 2) return regions;
  hits.data.set(before.subarray(0, known));
  hits.length = known;
  return null;
}

/** Where `lastPairHits` keeps the hits aside and their anchors; one buffer of each serves every search. */
let SAVED_HITS = new Float64Array(256);
let ANCHORS = new Float64Array(256);

/**
 * The positions of the word walked last, decoded into a buffer that every search reuses. A word
 * rarer than both its neighbours in the quote is walked for both pairs, which follow each other
 * (they cost the same); the second walk then reuses the positions, and finds the tokens it looks
 * at next to the ones the first looked at, still in the processor's cache.
 */
class WalkedPositions {
  private data = new Int32Array(4096);
  private word = -1;
  length = 0;

  /** Forgets the last word: a new search may use another index. */
  reset(): void {
    this.word = -1;
  }

  /** The positions of `word`, ascending, in the first `length` entries. */
  of(index: CorpusIndex, word: number): Int32Array {
    if (word === this.word) return this.data;
    const count = index.frequency(word);
    if (this.data.length < count) this.data = new Int32Array(Math.max(count, 2 * this.data.length));
    const data = this.data;
    let n = 0;
    forEachPosition(index.postings, word, (p) => { data[n++] = p; });
    this.word = word;
    this.length = n;
    return data;
  }
}

const WALKED = new WalkedPositions();

/**
 * Adds a hit for every place where word `a` is followed by word `b`, `gap` tokens on (1: next
 * to it). A pair one apart is a voter of its own (see SKIP_SLOT).
 */
function collectPairHits(index: CorpusIndex, a: number, b: number, k: number, hits: HitList, gap = 1): void {
  const tokens = index.tokens;
  const rarerIsFirst = index.frequency(a) <= index.frequency(b);
  const positions = WALKED.of(index, rarerIsFirst ? a : b);
  const n = WALKED.length;
  const docs = new DocFinder(index.docStarts);
  const voter = gap === 1 ? k : SKIP_SLOT + k + gap;
  // No document starts within the pair: the tokens after its first word are the same document's.
  const within = (p: number): boolean => !docs.isStart(p + 1) && (gap === 1 || !docs.isStart(p + gap));
  if (rarerIsFirst) {
    for (let i = 0; i < n; i++) {
      const p = positions[i];
      if (p + gap < tokens.length && tokens.at(p + gap) === b && within(p)) hits.push(p - k, voter);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const p = positions[i] - gap;
      if (p >= 0 && tokens.at(p) === a && within(p)) hits.push(p - k, voter);
    }
  }
}

/**
 * Clusters hits whose anchors are close into regions and keeps the best. Quotes with omissions
 * may spread over a longer stretch of the source, so their hits may lie further apart.
 */
function groupHits(index: CorpusIndex, list: HitList, wordTotal: number, hasWildcards: boolean, maxRegions: number): Region[] {
  if (!list.length) return [];
  const hits = list.data.subarray(0, list.length).sort();
  const reach = hasWildcards ? 400 : NEAR;
  // A chain of nearby anchors may not grow without bound (a phrase repeated down a page).
  const span = hasWildcards ? 2000 : 2 * reach + wordTotal;
  const margin = 8;
  const finder = new DocFinder(index.docStarts);
  const regions: Region[] = [];
  // The best region's votes so far: a region with under half as many can never pass the floor
  // applied at the end, so it is not built at all (most clusters are single stray hits).
  let mostVotes = 0;
  // One voter per quote word, and one more per word for the pairs one apart ending on it.
  const voters = new Uint8Array(2 * wordTotal);
  let first = 0;
  const flush = (end: number) => {
    voters.fill(0);
    let votes = 0;
    let low = Infinity;
    let high = -Infinity;
    for (let h = first; h < end; h++) {
      const slot = wordOf(hits[h]);
      const word = slotWord(slot);
      const at = (hits[h] - slot) / WORD_SLOTS + word;
      const voter = slot >= SKIP_SLOT ? wordTotal + word : word;
      if (!voters[voter]) { voters[voter] = 1; votes++; }
      low = Math.min(low, at - word);
      high = Math.max(high, at + (wordTotal - word));
    }
    if (votes < Math.ceil(mostVotes / 2)) return;
    const doc = finder.docOf(low + Math.floor((high - low) / 2));
    const start = Math.max(index.docStarts[doc], low - margin);
    const stop = Math.min(index.docStarts[doc + 1], high + margin);
    if (stop > start) {
      regions.push({ doc, start, end: stop, votes });
      if (votes > mostVotes) mostVotes = votes;
    }
  };
  let firstAnchor = Math.floor(hits[0] / WORD_SLOTS);
  let lastAnchor = firstAnchor;
  let lastDoc = finder.docOf(firstAnchor + slotWord(wordOf(hits[0])));
  for (let h = 1; h < hits.length; h++) {
    const slot = wordOf(hits[h]);
    const anchor = (hits[h] - slot) / WORD_SLOTS;
    const doc = finder.docOf(anchor + slotWord(slot));
    if (anchor - lastAnchor > reach || anchor - firstAnchor > span || doc !== lastDoc) {
      flush(h);
      first = h;
      firstAnchor = anchor;
    }
    lastAnchor = anchor;
    lastDoc = doc;
  }
  flush(hits.length);
  // A region that shares far fewer words with the quote than the best one cannot be its source.
  const floor = Math.max(1, Math.ceil(mostVotes / 2));
  const kept = regions.filter((r) => r.votes >= floor);
  kept.sort((x, y) => y.votes - x.votes || x.start - y.start);
  return kept.slice(0, maxRegions);
}
