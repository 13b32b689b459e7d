// Answers "where in the original is this offset" for sources whose text runs through pages,
// subtitle cues or speaker turns. Readers record a mark wherever the location changes; a
// lookup finds the last mark at or before the offset, so a passage is cited by where it starts.

import type { SourceLocation } from '../types';
import { lastAtOrBefore } from '../sortedSearch';

/** The location that holds from `start` in a source's text until the next mark. */
export interface LocationMark {
  start: number;
  location: SourceLocation;
}

/** The marks as [start, location] pairs, the form a cache stores (see DocumentMapping). */
export function markPairs(marks: readonly LocationMark[]): [number, SourceLocation][] {
  return marks.map((mark) => [mark.start, { ...mark.location }]);
}

/** Builds a `locate` function from marks in ascending order of `start`. */
export function locatorFromMarks(marks: readonly LocationMark[]): (textOffset: number) => SourceLocation {
  const starts = Int32Array.from(marks, (mark) => mark.start);
  const locations = marks.map((mark) => Object.freeze({ ...mark.location }));
  return (textOffset: number): SourceLocation => {
    const found = lastAtOrBefore(starts, textOffset);
    // Text before the first mark (a title line above a transcript's first turn) has no location.
    return found >= 0 ? { ...locations[found] } : {};
  };
}
