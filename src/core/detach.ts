// Results outlive the draft version they were computed from: a quote that an edit did not touch
// keeps its result, and remembered quotations are reused edit after edit. V8 makes a slice (or
// a concatenation of slices) of a long string a pointer into the whole of it, so a result holding
// `text.slice(…)` of a draft keeps that whole version of the draft alive for as long as the result
// lives. Whatever must outlive an edit is therefore detached: its strings are replaced by copies
// with their own storage, in place, so the objects stay the ones everybody already shares.

import { ownCopy } from './extract/chunkedProse';

/**
 * V8 copies strings shorter than this when slicing or joining them (SlicedString::kMinLength and
 * ConsString::kMinLength are 13), so only longer ones can point into a draft.
 */
const MIN_SHARED_LENGTH = 13;

/** Keys of objects that belong to the corpus, not to a draft: a source document is kept by the index anyway. */
const CORPUS_KEYS = new Set(['document']);

/** Replaces every string reachable from `value` that could point into a larger string by its own copy; returns `value`. */
export function detachStrings<T>(value: T): T {
  if (value !== null && typeof value === 'object') visit(value as Record<string, unknown>, new Set());
  return value;
}

function visit(node: Record<string, unknown> | unknown[], seen: Set<object>): void {
  if (seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item = node[i];
      if (typeof item === 'string') {
        if (item.length >= MIN_SHARED_LENGTH) node[i] = ownCopy(item);
      } else if (item !== null && typeof item === 'object') visit(item as Record<string, unknown>, seen);
    }
    return;
  }
  for (const key of Object.keys(node)) {
    if (CORPUS_KEYS.has(key)) continue;
    const item = node[key];
    if (typeof item === 'string') {
      if (item.length >= MIN_SHARED_LENGTH) node[key] = ownCopy(item);
    } else if (item !== null && typeof item === 'object') visit(item as Record<string, unknown>, seen);
  }
}
