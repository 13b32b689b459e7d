// Updates compressed postings for a few changed documents without re-reading the whole token
// stream. When one article of an archive changes, every position after it moves by the same
// amount, so each word's gaps stay the same except the first one that crosses the change:
// a word's gaps are decoded only up to the last change and the rest are copied as bytes.
// Building the postings afresh would instead touch every token of the archive.

import type { Postings } from './postings';
import { TokenStreamBuilder, type TokenStream } from './tokenStream';

/** One change to a token stream: the old tokens [start, end) are replaced by `tokens`. */
export interface TokenEdit {
  start: number;
  end: number;
  tokens: Int32Array;
}

/**
 * The postings of the token stream after `edits` (ascending and apart, in old positions) are
 * applied to the stream that `old` indexes. Words from `old`'s vocabulary size up to
 * `vocabularySize` are new ones, occurring only in the edits' tokens.
 */
export function splicePostings(old: Postings, edits: TokenEdit[], vocabularySize: number): Postings {
  const oldWords = old.counts.length;
  const added = addedPositions(edits, vocabularySize);
  const offsets = new Int32Array(vocabularySize + 1);
  const counts = new Int32Array(vocabularySize);
  let out = new Uint8Array(old.bytes.length + 5 * added.positions.length + 1024);
  let at = 0;
  const oldBytes = old.bytes;
  const firstStart = edits.length ? edits[0].start : Number.POSITIVE_INFINITY;

  for (let w = 0; w < vocabularySize; w++) {
    offsets[w] = at;
    const addFrom = added.starts[w];
    const addTo = added.starts[w + 1];
    const from = w < oldWords ? old.offsets[w] : 0;
    const to = w < oldWords ? old.offsets[w + 1] : 0;
    const need = at + (to - from) + 5 * (addTo - addFrom) + 5 * (edits.length + 1);
    if (need > out.length) {
      const bigger = new Uint8Array(Math.max(need, Math.ceil(out.length * 1.5)));
      bigger.set(out.subarray(0, at));
      out = bigger;
    }
    let a = addFrom;
    let count = 0;
    let last = -1; // the last position written, in new coordinates
    let read = from;
    let remaining = w < oldWords ? old.counts[w] : 0;
    let p = -1; // the old position just decoded
    // Gaps before the first edit are unchanged: find where they end and copy them as bytes.
    let copyFrom = read;
    while (remaining > 0) {
      const gap = readVarint(oldBytes, read);
      if (p + gap >= firstStart) break;
      read = varintEnd;
      p += gap;
      remaining--;
      count++;
    }
    out.set(oldBytes.subarray(copyFrom, read), at);
    at += read - copyFrom;
    last = p;
    // From the first edit on, positions move, vanish, or make room for the edits' positions.
    let e = 0;
    let moved = 0; // how far old positions past edit e - 1 have moved
    while (remaining > 0) {
      p += readVarint(oldBytes, read);
      read = varintEnd;
      remaining--;
      while (e < edits.length && p >= edits[e].end) {
        moved += edits[e].tokens.length - (edits[e].end - edits[e].start);
        e++;
      }
      if (e < edits.length && p >= edits[e].start) continue;
      const position = p + moved;
      while (a < addTo && added.positions[a] < position) {
        at = writeVarint(out, at, added.positions[a] - last);
        last = added.positions[a++];
        count++;
      }
      at = writeVarint(out, at, position - last);
      last = position;
      count++;
      if (e === edits.length) {
        // Past the last edit every gap is as it was: copy the rest.
        copyFrom = read;
        read = to;
        out.set(oldBytes.subarray(copyFrom, read), at);
        at += read - copyFrom;
        count += remaining;
        remaining = 0;
      }
    }
    while (a < addTo) {
      at = writeVarint(out, at, added.positions[a] - last);
      last = added.positions[a++];
      count++;
    }
    counts[w] = count;
  }
  offsets[vocabularySize] = at;
  return { bytes: out.subarray(0, at), offsets, counts };
}

/** The new positions of the edits' tokens, grouped by word (positions ascending within a word). */
function addedPositions(edits: TokenEdit[], vocabularySize: number): { starts: Int32Array; positions: Int32Array } {
  const starts = new Int32Array(vocabularySize + 1);
  let total = 0;
  for (const edit of edits) {
    for (let j = 0; j < edit.tokens.length; j++) starts[edit.tokens[j] + 1]++;
    total += edit.tokens.length;
  }
  for (let w = 1; w <= vocabularySize; w++) starts[w] += starts[w - 1];
  const cursor = starts.slice(0, vocabularySize);
  const positions = new Int32Array(total);
  let moved = 0;
  for (const edit of edits) {
    const newStart = edit.start + moved;
    for (let j = 0; j < edit.tokens.length; j++) positions[cursor[edit.tokens[j]]++] = newStart + j;
    moved += edit.tokens.length - (edit.end - edit.start);
  }
  return { starts, positions };
}

/** Where the varint last read by `readVarint` ends (a second result, without allocating). */
let varintEnd = 0;

/** The variable-length integer at `bytes[at]`; sets `varintEnd` to the byte after it. */
function readVarint(bytes: Uint8Array, at: number): number {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  varintEnd = at;
  return value;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

/** The token stream after `edits` are applied to `stream`. */
export function spliceTokens(stream: TokenStream, edits: TokenEdit[]): TokenStream {
  let length = stream.length;
  for (const edit of edits) length += edit.tokens.length - (edit.end - edit.start);
  const builder = new TokenStreamBuilder(length);
  let read = 0;
  for (const edit of edits) {
    builder.copy(stream, read, edit.start);
    builder.pushAll(edit.tokens);
    read = edit.end;
  }
  builder.copy(stream, read, stream.length);
  return builder.finish();
}
