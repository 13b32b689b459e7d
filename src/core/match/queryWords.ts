// Turns a quote into the sequence the aligner compares: its words, plus one wildcard for each
// omission (`…`) or insertion (`[words]`), which by the writer's conventions may stand for any
// run of source words, or none.

import type { Quote, Span } from '../types';
import { tokenize } from '../words';

/** One element of a quote as the aligner sees it. */
export interface QueryElement extends Span {
  /** The normalised word, or '' for a wildcard. */
  norm: string;
  wildcard: boolean;
}

/** The elements of `quote`, whose spans point into `text` (the draft, or its prose mask). */
export function queryElements(text: string, quote: Quote): QueryElement[] {
  const elements: QueryElement[] = [];
  for (const part of quote.parts) {
    if (part.kind === 'words') {
      for (const word of tokenize(text, part.start, part.end)) elements.push({ ...word, wildcard: false });
    } else if (!elements.length || !elements[elements.length - 1].wildcard) {
      // Two wildcards in a row mean the same as one.
      elements.push({ start: part.start, end: part.end, norm: '', wildcard: true });
    } else {
      elements[elements.length - 1].end = part.end;
    }
  }
  return elements;
}

/** A key that is equal for two quotes exactly when they compare the same way. */
export function queryKey(elements: QueryElement[]): string {
  return elements.map((e) => (e.wildcard ? '\u2026' : e.norm)).join(' ');
}

/** The number of real words (not wildcards) in a quote. */
export function wordCount(elements: QueryElement[]): number {
  let count = 0;
  for (const e of elements) if (!e.wildcard) count++;
  return count;
}
