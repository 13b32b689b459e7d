// Decides where a quote comes from: aligns it with every candidate region, ranks the passages,
// and groups them by wording, so that the best passage, every source sharing its wording, and the
// other renderings found across sources (variants) can be reported. The plan it returns refers to
// quote elements by index, not by offset, so one plan serves every quote with the same words.

import stringSimilarity from 'string-similarity';
import type { CheckOptions, VerdictBasis } from '../types';
import { alignWords, type Alignment } from './alignWords';
import { findRegions } from './candidates';
import type { CorpusIndex } from './corpusIndex';
import { wordCount, type QueryElement } from './queryWords';
import { choosePrimary } from './primaryRule';
import { absorbResegmentation } from './segmentation';

/** One aligned passage of one document. */
export interface Candidate {
  doc: number;
  alignment: Alignment;
  /** Character-bigram (Dice) similarity of the quote's words and the passage's words, 0..1. */
  score: number;
  verbatim: boolean;
  /** The passage's normalised words, for grouping passages worded alike. */
  wording: string;
}

export interface MatchPlan {
  status: 'verbatim' | 'drift' | 'unsupported';
  short: boolean;
  /** Passages with the best match's wording, best first; empty when unsupported. */
  sources: Candidate[];
  /** Other wordings, each a list of passages, most sources first. */
  variants: Candidate[][];
  /** What the verdict rests on when primary sources are preferred (see primaryRule.ts). */
  basis?: VerdictBasis;
  /** The plan resting on a close primary passage, if its own speaker is who the draft or the reports credit (see primaryRule.ts). */
  spoken?: MatchPlan;
}

/** Finds and ranks the passages for a quote given as aligner elements. */
export function planQuote(index: CorpusIndex, elements: QueryElement[], options: CheckOptions): MatchPlan {
  const short = wordCount(elements) < options.minWords;
  if (wordCount(elements) === 0) return { status: 'unsupported', short: true, sources: [], variants: [] };
  const queryIds = elements.map((e) => (e.wildcard ? -1 : index.wordId(e.norm)));
  const candidates = short && !elements.some((e) => e.wildcard)
    ? exactCandidates(index, elements, queryIds)
    : alignedCandidates(index, elements, queryIds, options.driftThreshold);
  const eligible = candidates.filter((c) => c.verbatim || (!short && c.score >= options.driftThreshold));
  if (!eligible.length) return { status: 'unsupported', short, sources: [], variants: [] };
  eligible.sort(compareCandidates);
  const groups = new Map<string, Candidate[]>();
  for (const c of eligible) {
    const group = groups.get(c.wording);
    if (group) group.push(c);
    else groups.set(c.wording, [c]);
  }
  // Among equally close wordings, the one most sources share is the one to report.
  const ranked = [...groups.values()].sort(compareGroups);
  if (options.preferPrimarySources !== false) {
    const choice = choosePrimary(ranked, (doc) => index.document(doc).meta.kind === 'primary', wordCount(elements));
    const [sources, ...variants] = choice.groups;
    const plan: MatchPlan = { status: sources[0].verbatim ? 'verbatim' : 'drift', short, sources, variants, basis: choice.basis };
    if (choice.spoken) {
      const [spokenSources, ...spokenVariants] = choice.spoken;
      plan.spoken = { status: spokenSources[0].verbatim ? 'verbatim' : 'drift', short, sources: spokenSources, variants: spokenVariants, basis: 'primary' };
    }
    return plan;
  }
  const sources = ranked[0];
  const variants = ranked.slice(1);
  const best = sources[0];
  return { status: best.verbatim ? 'verbatim' : 'drift', short, sources, variants };
}

/** Orders passages: verbatim first, then by word alignment, then by character similarity. */
function compareCandidates(x: Candidate, y: Candidate): number {
  return Number(y.verbatim) - Number(x.verbatim) || y.alignment.score - x.alignment.score || y.score - x.score || x.doc - y.doc || x.alignment.start - y.alignment.start;
}

/** Orders groups of passages worded alike by their best passage, then by how many share it. */
function compareGroups(x: Candidate[], y: Candidate[]): number {
  const a = x[0];
  const b = y[0];
  return Number(b.verbatim) - Number(a.verbatim) || b.alignment.score - a.alignment.score || y.length - x.length || compareCandidates(a, b);
}

/**
 * Aligns the quote with each candidate region and keeps one passage per place. A passage whose
 * share of common words is under its floor (see `shareFloor`) is dropped before its words are
 * compared letter by letter: under half, it could not score above the threshold anyway (see
 * `similarity`).
 */
function alignedCandidates(index: CorpusIndex, elements: QueryElement[], queryIds: number[], threshold: number): Candidate[] {
  const quoteWords = elements.filter((e) => !e.wildcard).map((e) => e.norm).join(' ');
  const queryWordCount = wordCount(elements);
  const found: Candidate[] = [];
  for (const region of findRegions(index, elements)) {
    const aligned = alignWords(elements, queryIds, index.tokens, region.start, region.end);
    if (!aligned || aligned.end <= aligned.start) continue;
    const alignment = absorbResegmentation(aligned, elements, index);
    const verbatim = alignment.steps.every((s) => s.kind === 'same' || s.kind === 'wildcard');
    const share = verbatim ? 1 : wordShare(alignment, queryWordCount);
    if (share < shareFloor(threshold, queryWordCount)) continue;
    const wording = passageWords(index, alignment);
    const score = verbatim ? 1 : substitutedOnly(alignment, queryWordCount) ? Math.max(share, similarity(quoteWords, wording, share)) : similarity(quoteWords, wording, share);
    const candidate: Candidate = { doc: region.doc, alignment, score, verbatim, wording };
    // Two regions can settle on overlapping passages; keep the better one.
    const overlap = found.findIndex((c) => c.doc === region.doc && c.alignment.start < alignment.end && alignment.start < c.alignment.end);
    if (overlap < 0) found.push(candidate);
    else if (compareCandidates(candidate, found[overlap]) < 0) found[overlap] = candidate;
  }
  return found;
}

/**
 * Quotes of at least this many words are compared letter by letter with passages that share
 * half their words; shorter ones need the threshold's share of words first. Over a long quote,
 * character pairs tell a reworded rendering of one statement (a translation) from a different
 * sentence; over a short one, a passage sharing half the words is as often a chance splice.
 */
const LONG_QUOTE_WORDS = 15;

/** The share of common words under which a passage cannot be drift. */
function shareFloor(threshold: number, queryWordCount: number): number {
  return queryWordCount >= LONG_QUOTE_WORDS ? Math.min(threshold, 0.5) : threshold;
}

/** The share of words quote and passage have in common (Dice over words, wildcards left out). */
function wordShare(alignment: Alignment, queryWordCount: number): number {
  let same = 0;
  let passage = 0;
  for (const step of alignment.steps) {
    if (step.kind === 'wildcard') continue;
    passage += step.s1 - step.s0;
    if (step.kind === 'same') same += step.q1 - step.q0;
  }
  return (2 * same) / (queryWordCount + passage);
}

/** At most this many of a quote's words may be substituted for `substitutedOnly` to hold. */
const MAX_SUBSTITUTIONS = 3;

/**
 * True when the passage is the quote with a few words swapped one for one, and nothing else:
 * same first and last words, the same words in between in the same order, at most a third of
 * the words (and at most three) replaced. Such a passage is the quote's source misquoted however
 * little the letters of the swapped words have in common, which a character similarity misses
 * for a short quote: two long words swapped in seven sink its score. An invented sentence does
 * not line up with a passage word for word at both ends and in between like this.
 */
function substitutedOnly(alignment: Alignment, queryWordCount: number): boolean {
  const steps = alignment.steps.filter((step) => step.kind !== 'wildcard');
  if (steps.length < 3 || steps[0].kind !== 'same' || steps[steps.length - 1].kind !== 'same') return false;
  let changed = 0;
  for (const step of steps) {
    if (step.kind === 'changed') changed += step.q1 - step.q0;
    else if (step.kind !== 'same') return false;
  }
  return changed > 0 && changed <= Math.min(MAX_SUBSTITUTIONS, Math.floor(queryWordCount / 3));
}

/**
 * The character-bigram similarity of quote and passage, never above their word share when that
 * is under one half: character bigrams forgive inflections ("cause"/"causes"), but a passage
 * that shares under half its words with the quote is a different sentence, however alike its
 * letters. Under a third, the word share alone is the score.
 */
function similarity(quoteWords: string, wording: string, share: number): number {
  if (share < 1 / 3) return share;
  const characters = stringSimilarity.compareTwoStrings(quoteWords, wording);
  return share < 0.5 ? Math.min(characters, share) : characters;
}

/** The normalised words of a passage, leaving out words that a wildcard stands for. */
function passageWords(index: CorpusIndex, alignment: Alignment): string {
  const words: string[] = [];
  for (const step of alignment.steps) {
    if (step.kind === 'wildcard') continue;
    for (let p = step.s0; p < step.s1; p++) words.push(index.word(index.idAt(p)));
  }
  return words.join(' ');
}

/**
 * Finds exact occurrences of a short quote (no drift is looked for): the positions of its
 * rarest word are checked for the whole word sequence.
 */
function exactCandidates(index: CorpusIndex, elements: QueryElement[], queryIds: number[]): Candidate[] {
  if (queryIds.some((id) => id < 0)) return [];
  let rarest = 0;
  for (let k = 1; k < queryIds.length; k++) if (index.frequency(queryIds[k]) < index.frequency(queryIds[rarest])) rarest = k;
  const found: Candidate[] = [];
  const wording = elements.map((e) => e.norm).join(' ');
  for (const p of index.positions(queryIds[rarest])) {
    const start = p - rarest;
    const end = start + queryIds.length;
    if (start < 0 || end > index.tokenCount) continue;
    const doc = index.docOf(start);
    if (index.docOf(end - 1) !== doc) continue;
    let equal = true;
    for (let k = 0; k < queryIds.length && equal; k++) equal = index.idAt(start + k) === queryIds[k];
    if (!equal) continue;
    const alignment: Alignment = { steps: [{ kind: 'same', q0: 0, q1: queryIds.length, s0: start, s1: end }], start, end, score: 2 * queryIds.length };
    found.push({ doc, alignment, score: 1, verbatim: true, wording });
    // A scare quote may be a common word; a few dozen places are plenty to list.
    if (found.length >= 50) break;
  }
  return found;
}
