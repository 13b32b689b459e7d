// Finds the few places in the corpus worth aligning a quote against. Each word pair of the quote
// that also occurs in the corpus votes for the position where the quote would start there; votes
// that land close together form a region. Rare single words vote too, so a short quote whose
// every pair was reworded can still be found. Very common pairs ("of the") are left out: they
// would flood the votes without telling places apart, and the rarer words around them suffice.

import type { CorpusIndex } from './corpusIndex';
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

export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = {
  commonPairLimit: 20000,
  pairBudget: 4000,
  rareWordLimit: 100,
  maxRegions: 24,
};

interface Hit {
  /** Where the quote would start if this hit is part of it. */
  anchor: number;
  /** The token position of the hit itself. */
  at: number;
  /** Index of the voting word among the quote's words. */
  word: number;
}

/** Regions of the corpus that share word pairs or rare words with the quote, best first. */
export function findRegions(index: CorpusIndex, elements: QueryElement[], options = DEFAULT_CANDIDATE_OPTIONS): Region[] {
  const words = elements.filter((e) => !e.wildcard);
  const ids = words.map((w) => index.wordId(w.norm));
  const joined: boolean[] = []; // joined[k]: words k and k+1 are adjacent in the quote (no wildcard between)
  for (let e = 0, k = -1; e < elements.length; e++) {
    if (elements[e].wildcard) continue;
    k++;
    joined[k] = e + 1 < elements.length && !elements[e + 1].wildcard;
  }

  const hits: Hit[] = [];
  // Rarest pairs first: they are the cheapest to check and the most telling.
  const pairs: { k: number; cost: number }[] = [];
  for (let k = 0; k + 1 < words.length; k++) {
    if (!joined[k] || ids[k] < 0 || ids[k + 1] < 0) continue;
    const cost = Math.min(index.frequency(ids[k]), index.frequency(ids[k + 1]));
    if (cost <= options.commonPairLimit) pairs.push({ k, cost });
  }
  pairs.sort((x, y) => x.cost - y.cost);
  let spent = 0;
  for (const { k, cost } of pairs) {
    if (spent >= options.pairBudget && hits.length > 0) break;
    collectPairHits(index, ids[k], ids[k + 1], k, hits);
    spent += cost;
  }
  for (let k = 0; k < words.length; k++) {
    if (ids[k] < 0 || index.frequency(ids[k]) > options.rareWordLimit) continue;
    for (const p of index.positions(ids[k])) hits.push({ anchor: p - k, at: p, word: k });
  }
  return groupHits(index, hits, words.length, elements.length !== words.length, options.maxRegions);
}

/** Adds a hit for every place where word `a` is directly followed by word `b`. */
function collectPairHits(index: CorpusIndex, a: number, b: number, k: number, hits: Hit[]): void {
  const ids = index.ids;
  // Only the rarer word's positions are walked (decoded in place, without allocating); its
  // neighbour is looked up in the token stream.
  const forward = index.frequency(a) <= index.frequency(b);
  const { bytes, offsets, counts } = index.postings;
  const word = forward ? a : b;
  let at = offsets[word];
  let p = -1;
  for (let n = counts[word]; n > 0; n--) {
    let gap = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    p += gap;
    if (forward) {
      if (ids[p + 1] === b && !index.isDocStart(p + 1)) hits.push({ anchor: p - k, at: p, word: k });
    } else if (p > 0 && ids[p - 1] === a && !index.isDocStart(p)) {
      hits.push({ anchor: p - 1 - k, at: p - 1, word: k });
    }
  }
}

/**
 * Clusters hits whose anchors are close into regions and keeps the best. Quotes with omissions
 * may spread over a longer stretch of the source, so their hits may lie further apart.
 */
function groupHits(index: CorpusIndex, hits: Hit[], wordTotal: number, hasWildcards: boolean, maxRegions: number): Region[] {
  if (!hits.length) return [];
  hits.sort((x, y) => x.anchor - y.anchor || x.at - y.at);
  const reach = hasWildcards ? 400 : 12;
  // A chain of nearby anchors may not grow without bound (a phrase repeated down a page).
  const span = hasWildcards ? 2000 : 2 * reach + wordTotal;
  const margin = 8;
  const regions: Region[] = [];
  let group: Hit[] = [];
  const flush = () => {
    if (!group.length) return;
    const doc = index.docOf(group[0].at);
    const voters = new Set(group.map((h) => h.word));
    let low = Infinity;
    let high = -Infinity;
    for (const h of group) {
      low = Math.min(low, h.at - h.word);
      high = Math.max(high, h.at + (wordTotal - h.word));
    }
    const start = Math.max(index.docStarts[doc], low - margin);
    const end = Math.min(index.docStarts[doc + 1], high + margin);
    regions.push({ doc, start, end, votes: voters.size });
    group = [];
  };
  for (const hit of hits) {
    const last = group[group.length - 1];
    if (last && (hit.anchor - last.anchor > reach || hit.anchor - group[0].anchor > span || index.docOf(hit.at) !== index.docOf(last.at))) flush();
    group.push(hit);
  }
  flush();
  regions.sort((x, y) => y.votes - x.votes || x.start - y.start);
  // A region that shares far fewer words with the quote than the best one cannot be its source.
  const floor = Math.max(1, Math.floor(regions[0].votes / 3));
  return regions.filter((r) => r.votes >= floor).slice(0, maxRegions);
}
