// A fact-checker's rule: when the words were said in a transcript or a statement in the corpus,
// the quote is checked against that, not against a report that retells it. Among the wordings
// of a passage (each a group of passages worded alike), the one to report is the primary
// source's when a primary source really has the passage; the reports' wordings become variants.
//
// "Really has the passage" is what keeps this from doing harm: a primary source that shares a
// few words with a quote found word for word in a report must not turn the quote into drift.
// So a primary passage that is not word for word must align with the quote as closely as a
// one-word change in a five-word quote does, and the quote must be long enough for one changed
// word to be a rendering rather than another sentence.

import type { Candidate } from './matchQuote';

/** What a quote's verdict rests on. */
export type VerdictBasis = 'primary' | 'reports';

/** The similarity at or above which a primary passage that differs from the quote covers it. */
export const PRIMARY_COVER = 0.8;

/** Quotes with fewer words are never overruled by a primary passage that words them differently. */
export const PRIMARY_COVER_WORDS = 5;

/** The wording groups reordered so that the one the verdict rests on comes first, and the basis. */
export interface PrimaryChoice {
  groups: Candidate[][];
  basis: VerdictBasis;
}

/**
 * Chooses the wording the verdict rests on. `ranked` is ordered best first as the plain rule
 * ranks it; `isPrimary` tells primary documents. A primary passage word for word with the quote
 * settles it as verbatim; else the closest primary passage that covers the quote makes it drift
 * against that passage; else the reports decide as before. Within each group primary passages
 * come first, so every list of sources starts with them.
 */
export function choosePrimary(ranked: Candidate[][], isPrimary: (doc: number) => boolean, quoteWords: number): PrimaryChoice {
  const groups = ranked.map((group) => primaryFirst(group, isPrimary));
  let chosen = groups.findIndex((group) => group.some((c) => c.verbatim && isPrimary(c.doc)));
  if (chosen < 0 && quoteWords >= PRIMARY_COVER_WORDS) {
    let best: Candidate | null = null;
    groups.forEach((group, i) => {
      for (const c of group) {
        if (!isPrimary(c.doc) || c.score < PRIMARY_COVER) continue;
        if (!best || c.alignment.score > best.alignment.score || (c.alignment.score === best.alignment.score && c.score > best.score)) {
          best = c;
          chosen = i;
        }
      }
    });
  }
  if (chosen < 0) return { groups, basis: 'reports' };
  return { groups: [groups[chosen], ...groups.filter((_, i) => i !== chosen)], basis: 'primary' };
}

/** The group with its primary passages first, each part in its own order. */
function primaryFirst(group: Candidate[], isPrimary: (doc: number) => boolean): Candidate[] {
  const primary = group.filter((c) => isPrimary(c.doc));
  return primary.length && primary.length < group.length ? [...primary, ...group.filter((c) => !isPrimary(c.doc))] : group;
}
