// Rewrites a drifted quote with the source's words. Only the drifted words change: the
// writer's own punctuation, ellipses and [insertions] between them stay as typed, so the quick
// fix restores the wording without undoing the writer's conventions.

import type { DiffEntry, Span } from '../core/types';
import { oneLine } from '../core/oneLine';
export { oneLine } from '../core/oneLine';

/** Splits a diff into runs of consecutive entries that are not `same`, in diff order. */
export function driftRuns(diff: DiffEntry[]): DiffEntry[][] {
  const runs: DiffEntry[][] = [];
  let run: DiffEntry[] = [];
  for (const entry of diff) {
    if (entry.op === 'same') {
      if (run.length) runs.push(run);
      run = [];
    } else {
      run.push(entry);
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The quote's inner text (the `inner` span of `draftText`) with the source wording of `diff` put back. */
export function rewordQuote(draftText: string, inner: Span, diff: DiffEntry[]): string {
  const edits: Edit[] = [];
  for (const entry of diff) {
    const start = clamp(entry.draftSpan.start, inner);
    const end = clamp(entry.draftSpan.end, inner);
    if (entry.op === 'changed') edits.push({ start, end, text: oneLine(entry.source) });
    else if (entry.op === 'added') edits.push(removal(draftText, inner, start, end));
    else if (entry.op === 'dropped') edits.push(insertion(draftText, inner, start, oneLine(entry.source)));
  }
  // Applied back to front so earlier offsets stay valid; ties keep diff order.
  edits.sort((a, b) => a.start - b.start);
  let text = draftText.slice(inner.start, inner.end);
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit = edits[i];
    const from = edit.start - inner.start;
    const to = edit.end - inner.start;
    text = text.slice(0, from) + edit.text + text.slice(to);
  }
  return text;
}

function clamp(offset: number, inner: Span): number {
  return Math.max(inner.start, Math.min(offset, inner.end));
}

/** Deletes draft-only words together with the space that separated them from their neighbour. */
function removal(text: string, inner: Span, start: number, end: number): Edit {
  let after = end;
  while (after < inner.end && /\s/.test(text.charAt(after))) after++;
  if (after > end && start > inner.start) return { start, end: after, text: '' };
  let before = start;
  while (before > inner.start && /\s/.test(text.charAt(before - 1))) before--;
  return { start: before, end: after, text: '' };
}

/** Inserts missing source words at a point, adding the spaces that separate them from neighbours. */
function insertion(text: string, inner: Span, at: number, words: string): Edit {
  const left = at > inner.start && !/\s/.test(text.charAt(at - 1)) ? ' ' : '';
  const right = at < inner.end && !/\s/.test(text.charAt(at)) ? ' ' : '';
  return { start: at, end: at, text: `${left}${words}${right}` };
}
