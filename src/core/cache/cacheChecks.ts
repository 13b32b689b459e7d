// Checks that the parts of a cache file fit together before any of it is used. A cache can be
// cut short by a power loss or a full disk, and a file that parses is not yet one that can be
// trusted: an id past the vocabulary or a text past its file's end would fail later, in the
// middle of a check. A cache that does not fit is treated as no cache, and the corpus is read.

import type { Postings } from '../match/postings';
import { ESCAPE, type TokenStream } from '../match/tokenStream';
import { isConsistentPacked, type PackedVocabulary } from '../match/vocabulary';
import type { DocumentTable } from './documentTable';
import { postingByteLength } from './filePostings';

export interface CheckedParts {
  documents: DocumentTable;
  vocabulary: PackedVocabulary;
  tokens: TokenStream;
  docStarts: Int32Array;
  postings: Postings;
}

/** True when every part agrees with the others and texts lie within files of `segmentSizes`. */
export function partsFit(parts: CheckedParts, segmentSizes: number[]): boolean {
  const words = parts.vocabulary.hashes.length;
  return isConsistentPacked(parts.vocabulary)
    && parts.documents.placesFit(segmentSizes)
    && docStartsFit(parts.docStarts, parts.documents.count, parts.tokens.length)
    && tokensFit(parts.tokens, words)
    && postingsFit(parts.postings, words);
}

function docStartsFit(docStarts: Int32Array, documents: number, tokens: number): boolean {
  if (docStarts.length !== documents + 1 || docStarts[0] !== 0 || docStarts[documents] !== tokens) return false;
  for (let d = 1; d <= documents; d++) if (docStarts[d] < docStarts[d - 1]) return false;
  return true;
}

/** Every id is a word of the vocabulary, and every escape has its id in the side table. */
function tokensFit(tokens: TokenStream, words: number): boolean {
  const { low, escapedAt, escapedIds } = tokens;
  if (escapedAt.length !== escapedIds.length || countEscapes(low) !== escapedAt.length) return false;
  for (let e = 0; e < escapedAt.length; e++) {
    const at = escapedAt[e];
    if (at < 0 || at >= low.length || low[at] !== ESCAPE || (e > 0 && at <= escapedAt[e - 1])) return false;
    if (escapedIds[e] < ESCAPE || escapedIds[e] >= words) return false;
  }
  // With 65,535 words or more every two-byte id is a word; a smaller vocabulary needs a look.
  if (words < ESCAPE) {
    for (let p = 0; p < low.length; p++) if (low[p] >= words && low[p] !== ESCAPE) return false;
  }
  return true;
}

/**
 * How many tokens hold the escape. The bytes are searched natively for 0xFFFF, which is many
 * times quicker than a loop over an archive's millions of tokens; a match at an odd byte
 * straddles two tokens and does not count.
 */
function countEscapes(low: Uint16Array): number {
  const bytes = Buffer.from(low.buffer, low.byteOffset, low.byteLength);
  let count = 0;
  for (let at = bytes.indexOf(ESCAPE_BYTES); at >= 0; at = bytes.indexOf(ESCAPE_BYTES, at + 1)) {
    if (at % 2 === 0) count++;
  }
  return count;
}

const ESCAPE_BYTES = Buffer.from([0xff, 0xff]);

function postingsFit(postings: Postings, words: number): boolean {
  const { offsets, counts } = postings;
  // The byte count, not the bytes: postings read on demand are not read to be checked.
  if (offsets.length !== words + 1 || counts.length !== words || offsets[0] !== 0 || offsets[words] !== postingByteLength(postings)) return false;
  for (let w = 0; w < words; w++) {
    // Each position takes one byte at least.
    if (offsets[w + 1] < offsets[w] || counts[w] < 0 || counts[w] > offsets[w + 1] - offsets[w]) return false;
  }
  return true;
}
