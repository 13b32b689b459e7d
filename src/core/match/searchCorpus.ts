// Free-text search over the corpus for the editor's Search Corpus command: the words typed so far
// are aligned like a quote would be, and each hit is widened to its sentence so that the writer
// sees the passage in context. The last word may be unfinished, so it also matches as a prefix.

import { oneLine } from '../oneLine';
import type { SourceDocument, Span } from '../types';
import { tokenize } from '../words';
import { alignWords } from './alignWords';
import { findRegions } from './candidates';
import type { CorpusIndex } from './corpusIndex';
import { blockOf, passageText } from './passageText';
import type { QueryElement } from './queryWords';

/** A passage found by a free-text corpus search. */
export interface SearchHit {
  document: SourceDocument;
  /** The sentence (or sentences) holding the matched words, in `document.text`. */
  span: Span;
  text: string;
  /** A one-line view of the passage centred on the matched words, for a list of results. */
  excerpt: string;
  /** The share of the typed words found in the passage, 0..1. */
  score: number;
}

const SENTENCE_REACH = 300;
/** Characters of context shown on each side of the matched words in an excerpt. */
const EXCERPT_CONTEXT = 40;

/** Passages that best match free text typed by the user, best first. */
export function searchCorpus(index: CorpusIndex, query: string, limit = 20): SearchHit[] {
  const typed: QueryElement[] = tokenize(query).map((w) => ({ ...w, wildcard: false }));
  if (!typed.length) return [];
  const last = typed[typed.length - 1];
  const variants: QueryElement[][] = [typed];
  if (index.wordId(last.norm) < 0) {
    // An unfinished last word: try the corpus words it could become.
    for (const id of index.wordsWithPrefix(last.norm, 5)) variants.push([...typed.slice(0, -1), { ...last, norm: index.word(id) }]);
  }
  const hits: (SearchHit & { doc: number; at: number })[] = [];
  for (const elements of variants) {
    const ids = elements.map((e) => index.wordId(e.norm));
    for (const region of findRegions(index, elements, { commonPairLimit: 50000, pairBudget: 50000, rareWordLimit: 2000, maxRegions: limit * 2 })) {
      const alignment = alignWords(elements, ids, index.tokens, region.start, region.end);
      if (!alignment || alignment.end <= alignment.start) continue;
      let same = 0;
      for (const step of alignment.steps) if (step.kind === 'same') same += step.q1 - step.q0;
      if (same === 0) continue;
      const doc = index.document(region.doc);
      const matched = { start: index.tokenStart(alignment.start), end: index.tokenEnd(alignment.end - 1) };
      const span = sentenceAround(doc, matched.start, matched.end);
      if (hits.some((h) => h.doc === region.doc && h.span.start < span.end && span.start < h.span.end)) continue;
      hits.push({ document: doc, span, text: oneLine(passageText(doc, span.start, span.end)), excerpt: excerptOf(doc, span, matched), score: same / elements.length, doc: region.doc, at: span.start });
    }
  }
  hits.sort((x, y) => y.score - x.score || x.doc - y.doc || x.at - y.at);
  return hits.slice(0, limit).map(({ document, span, text, excerpt, score }) => ({ document, span, text, excerpt, score }));
}

/** The matched words with a little of their sentence on each side, cut at word boundaries. */
function excerptOf(doc: SourceDocument, sentence: Span, matched: Span): string {
  const text = doc.text;
  let from = Math.max(sentence.start, matched.start - EXCERPT_CONTEXT);
  let to = Math.min(sentence.end, matched.end + EXCERPT_CONTEXT);
  while (from > sentence.start && from < matched.start && !/\s/.test(text.charAt(from - 1))) from++;
  while (to < sentence.end && to > matched.end && !/\s/.test(text.charAt(to))) to--;
  return `${from > sentence.start ? '…' : ''}${oneLine(passageText(doc, from, to))}${to < sentence.end ? '…' : ''}`;
}

/**
 * Widens [start, end) to the sentence boundaries around it, within a few hundred characters and
 * within the prose blocks it runs through (a transcript turn's label is outside them).
 */
function sentenceAround(doc: SourceDocument, start: number, end: number): Span {
  const text = doc.text;
  let from = start;
  const floor = Math.max(blockOf(doc, start)?.start ?? 0, start - SENTENCE_REACH);
  while (from > floor && !/[.!?\r\n]/.test(text.charAt(from - 1))) from--;
  while (from < start && /\s/.test(text.charAt(from))) from++;
  let to = end;
  const ceiling = Math.min(blockOf(doc, end)?.end ?? text.length, end + SENTENCE_REACH);
  while (to < ceiling && !/[.!?\r\n]/.test(text.charAt(to))) to++;
  if (to < text.length && /[.!?]/.test(text.charAt(to))) to++;
  // Closing quotation marks after the full stop belong to the sentence.
  while (to < text.length && /[”"’'»]/.test(text.charAt(to))) to++;
  return { start: from, end: to };
}
