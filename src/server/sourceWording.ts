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

// Fix titles say what a fix will write and on whose word: `Replace with “little ground”
// (Reuters + 1)`. The words shown are the stretch that changes, with a word of context when
// one word alone would say little, so two renderings of one quote never look alike.

/** Longest replacement shown in full in a title; longer ones keep their first and last words. */
const TITLE_WORDS_MAX = 40;
/** Longest source name shown; longer titles are cut between words. */
const SOURCE_NAME_MAX = 40;

/** A short name for a source: its outlet, else the part of its title before a separator, else its title cut short. */
export function shortSourceName(document: { title: string; meta: { source?: string } }): string {
  const outlet = document.meta.source?.trim();
  if (outlet) return clip(oneLine(outlet), SOURCE_NAME_MAX);
  const title = oneLine(document.title);
  const head = /^(.{2,40}?)(?::\s| [—–|-] )/.exec(title)?.[1];
  return clip(head ?? title, SOURCE_NAME_MAX);
}

/** "Reuters", or "Reuters + 2" when two more sources word the passage the same way. */
export function sourceLabel(matches: readonly { document: { title: string; meta: { source?: string } } }[]): string {
  const name = matches.length ? shortSourceName(matches[0].document) : 'source';
  return matches.length > 1 ? `${name} + ${matches.length - 1}` : name;
}

/**
 * The title of the fix that turns the quote's `current` words into `replacement`. With `wide`,
 * the whole replacement is shown (shortened), for when two titles would otherwise be the same.
 */
export function replacementTitle(current: string, replacement: string, label: string, wide = false): string {
  const before = oneLine(current).split(' ');
  const after = oneLine(replacement).split(' ');
  if (wide) return `Replace with “${clip(after.join(' '), TITLE_WORDS_MAX * 2)}” (${label})`;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const added = after.slice(prefix, after.length - suffix);
  const removed = before.slice(prefix, before.length - suffix);
  if (!added.length) return `Remove “${clip(removed.join(' '), TITLE_WORDS_MAX)}” (${label})`;
  if (!removed.length) return `Add “${clip(added.join(' '), TITLE_WORDS_MAX)}” (${label})`;
  // One word alone ("ground") reads better with the word before it ("little ground").
  const shown = added.length > 1 ? added : prefix > 0 ? [after[prefix - 1], ...added] : suffix > 0 ? [...added, after[after.length - suffix]] : added;
  return `Replace with “${clip(shown.join(' '), TITLE_WORDS_MAX)}” (${label})`;
}

/** `text` cut to at most `max` characters: its first and last words around an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const words = text.split(' ');
  const half = Math.floor((max - 3) / 2);
  let head = '';
  for (const word of words) {
    const next = head ? `${head} ${word}` : word;
    if (next.length > half) break;
    head = next;
  }
  let tail = '';
  for (let i = words.length - 1; i >= 0; i--) {
    const next = tail ? `${words[i]} ${tail}` : words[i];
    if (next.length > half) break;
    tail = next;
  }
  // A single word longer than half the room is cut inside it.
  if (!head) head = text.slice(0, half);
  if (!tail) tail = text.slice(text.length - half);
  return `${head} … ${tail}`;
}
