// A fact-checker's rule: when the words were said in a transcript or a statement in the corpus,
// the quote is checked against that, not against a report that retells it. Among the wordings
// of a passage (each a group of passages worded alike), the one to report is the primary
// source's when a primary source really has the passage; the reports' wordings become variants.
//
// "Really has the passage" is what keeps this from doing harm: a primary source that shares a
// few words with a quote found word for word in a report must not turn the quote into drift.
// So a primary passage that is not word for word must align with the quote as closely as a
// one-word change in a five-word quote does, and the quote must be long enough for one changed
// word to be a rendering rather than another sentence. A four-word quote one word off ("little
// room for optimism" against "little ground for optimism") is too short to tell a rendering from
// another sentence by its words alone; it is covered only when the primary source's own speaker
// (its turn label or byline) is the person the draft or the reports credit with the words, which
// the checker decides once it has read who says what (see `spoken`).

import type { VerdictBasis } from '../types';

/** What the rule reads of an aligned passage (matchQuote's Candidate). */
export interface RankedPassage {
  doc: number;
  /** Similarity of quote and passage, 0..1. */
  score: number;
  verbatim: boolean;
  alignment: { score: number };
}

/** The similarity at or above which a primary passage that differs from the quote covers it. */
export const PRIMARY_COVER = 0.8;

/** Quotes with fewer words are never overruled by a primary passage that words them differently on words alone. */
export const PRIMARY_COVER_WORDS = 5;

/** With the speaker confirmed, the similarity a primary passage needs: one word in four changed. */
export const SPOKEN_COVER = 0.75;

/** With the speaker confirmed, the fewest words a quote needs to be overruled. */
export const SPOKEN_COVER_WORDS = 4;

/** The wording groups reordered so that the one the verdict rests on comes first, and the basis. */
export interface PrimaryChoice<Candidate extends RankedPassage = RankedPassage> {
  groups: Candidate[][];
  basis: VerdictBasis;
  /**
   * When the words alone do not settle it: the groups with a close primary passage first, to be
   * used if that passage's own speaker is who the draft or the reports credit.
   */
  spoken?: Candidate[][];
}

/**
 * Chooses the wording the verdict rests on. `ranked` is ordered best first as the plain rule
 * ranks it; `isPrimary` tells primary documents. A primary passage word for word with the quote
 * settles it as verbatim; else the closest primary passage that covers the quote makes it drift
 * against that passage; else the reports decide as before. Within each group primary passages
 * come first, so every list of sources starts with them.
 */
export function choosePrimary<Candidate extends RankedPassage>(ranked: Candidate[][], isPrimary: (doc: number) => boolean, quoteWords: number): PrimaryChoice<Candidate> {
  const groups = ranked.map((group) => primaryFirst(group, isPrimary));
  const first = (i: number) => [groups[i], ...groups.filter((_, k) => k !== i)];
  const verbatim = groups.findIndex((group) => group.some((c) => c.verbatim && isPrimary(c.doc)));
  if (verbatim >= 0) return { groups: first(verbatim), basis: 'primary' };
  if (quoteWords >= PRIMARY_COVER_WORDS) {
    const covering = closestPrimary(groups, isPrimary, PRIMARY_COVER);
    if (covering >= 0) return { groups: first(covering), basis: 'primary' };
  }
  if (quoteWords >= SPOKEN_COVER_WORDS) {
    const close = closestPrimary(groups, isPrimary, SPOKEN_COVER);
    if (close >= 0) return { groups, basis: 'reports', spoken: first(close) };
  }
  return { groups, basis: 'reports' };
}

/** The group holding the best aligned primary passage at or above `floor`, or -1. */
function closestPrimary(groups: RankedPassage[][], isPrimary: (doc: number) => boolean, floor: number): number {
  let best: RankedPassage | null = null;
  let at = -1;
  groups.forEach((group, i) => {
    for (const c of group) {
      if (!isPrimary(c.doc) || c.score < floor) continue;
      if (!best || c.alignment.score > best.alignment.score || (c.alignment.score === best.alignment.score && c.score > best.score)) {
        best = c;
        at = i;
      }
    }
  });
  return at;
}

/** The group with its primary passages first, each part in its own order. */
function primaryFirst<Candidate extends RankedPassage>(group: Candidate[], isPrimary: (doc: number) => boolean): Candidate[] {
  const primary = group.filter((c) => isPrimary(c.doc));
  return primary.length && primary.length < group.length ? [...primary, ...group.filter((c) => !isPrimary(c.doc))] : group;
}
