// Aligns a quote's words with a stretch of source words. The alignment is global in the quote
// (every quoted word must be accounted for) and local in the source (the passage may start and
// end anywhere in the stretch), so a quote from the middle of a long paragraph, or one running
// over a sentence break, aligns as well as a quote of a whole sentence.

import type { QueryElement } from './queryWords';
import type { TokenStream } from './tokenStream';

/** What happened to one quote element or source word in the alignment. */
export type StepKind = 'same' | 'changed' | 'added' | 'dropped' | 'wildcard';

/**
 * A run of the alignment: quote elements [q0, q1) against source tokens [s0, s1) (token
 * positions in the index's stream). `same` and `changed` pair words one to one; `added` has
 * no source words, `dropped` no quote words; `wildcard` is one omission or insertion and the
 * source words it stands for.
 */
export interface Step {
  kind: StepKind;
  q0: number;
  q1: number;
  s0: number;
  s1: number;
}

export interface Alignment {
  steps: Step[];
  /** Token positions [start, end) of the aligned source passage. */
  start: number;
  end: number;
  /** The raw alignment score (matches earn, edits cost). */
  score: number;
}

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

// Back-pointers: which move reached a cell.
const FROM_DIAGONAL = 1;
const FROM_UP = 2; // the quote element is not in the source (added)
const FROM_LEFT = 3; // the source word is not in the quote (dropped)
const WILD_CONSUMES = 4; // a wildcard absorbs one more source word
const WILD_SKIPS = 5; // a wildcard stands for nothing here

// One score and one back-pointer matrix, reused by every alignment: allocating them per region
// would make the garbage collector the busiest part of a check.
let scoreBuffer = new Int32Array(4096);
let backBuffer = new Uint8Array(4096);

function scratch(size: number): { score: Int32Array; back: Uint8Array } {
  if (scoreBuffer.length < size) {
    scoreBuffer = new Int32Array(size * 2);
    backBuffer = new Uint8Array(size * 2);
  }
  return { score: scoreBuffer, back: backBuffer };
}

// The stretch's word ids, decoded once into a reused buffer: the matrix reads each many times.
let sourceBuffer = new Int32Array(1024);

/**
 * Aligns `query` (with its word ids, -1 for words the corpus lacks) against the source tokens
 * [from, to) of `tokens`. Returns null when the stretch is empty.
 */
export function alignWords(query: QueryElement[], queryIds: number[], tokens: TokenStream, from: number, to: number): Alignment | null {
  const m = query.length;
  const n = to - from;
  if (m === 0 || n <= 0) return null;
  if (sourceBuffer.length < n) sourceBuffer = new Int32Array(n * 2);
  const source = tokens.copyTo(from, to, sourceBuffer);
  const width = n + 1;
  const { score, back } = scratch((m + 1) * width);
  // Row 0 is all zeros: the passage may start at any source word for free. The buffers are
  // reused, so the row must be cleared; every other cell is written before it is read.
  score.fill(0, 0, width);
  back.fill(0, 0, width);
  for (let i = 1; i <= m; i++) {
    const row = i * width;
    const up = (i - 1) * width;
    const wildcard = query[i - 1].wildcard;
    const qid = queryIds[i - 1];
    score[row] = wildcard ? score[up] : score[up] + GAP;
    back[row] = wildcard ? WILD_SKIPS : FROM_UP;
    for (let j = 1; j <= n; j++) {
      if (wildcard) {
        const skip = score[up + j];
        const consume = score[row + j - 1];
        if (skip >= consume) { score[row + j] = skip; back[row + j] = WILD_SKIPS; }
        else { score[row + j] = consume; back[row + j] = WILD_CONSUMES; }
        continue;
      }
      const sid = source[j - 1];
      let best = score[up + j - 1] + (qid >= 0 && qid === sid ? MATCH : MISMATCH);
      let move = FROM_DIAGONAL;
      const added = score[up + j] + GAP;
      if (added > best) { best = added; move = FROM_UP; }
      const dropped = score[row + j - 1] + GAP;
      if (dropped > best) { best = dropped; move = FROM_LEFT; }
      score[row + j] = best;
      back[row + j] = move;
    }
  }
  // The passage may end at any source word for free: take the best cell of the last row.
  const last = m * width;
  let endJ = 0;
  // On a tie the later end wins: a last word swapped for another reads as a change, not an addition.
  for (let j = 1; j <= n; j++) if (score[last + j] >= score[last + endJ]) endJ = j;
  return traceBack(query, queryIds, source, from, back, width, m, endJ, score[last + endJ]);
}

/** Follows the back-pointers; `source` holds the stretch's ids, the first of which is token `from`. */
function traceBack(query: QueryElement[], queryIds: number[], source: Int32Array, from: number, back: Uint8Array, width: number, m: number, endJ: number, total: number): Alignment {
  const reversed: Step[] = [];
  const push = (kind: StepKind, q0: number, q1: number, s0: number, s1: number) => {
    const prev = reversed[reversed.length - 1];
    // Adjacent steps of the same kind merge, except wildcards, which stay one per wildcard.
    if (prev && prev.kind === kind && kind !== 'wildcard' && prev.q0 === q1 && prev.s0 === s1) {
      prev.q0 = q0;
      prev.s0 = s0;
    } else {
      reversed.push({ kind, q0, q1, s0, s1 });
    }
  };
  let i = m;
  let j = endJ;
  while (i > 0) {
    const move = back[i * width + j];
    if (query[i - 1].wildcard) {
      // Walk left over everything this wildcard absorbed, then step up past it.
      const stop = j;
      while (j > 0 && back[i * width + j] === WILD_CONSUMES) j--;
      push('wildcard', i - 1, i, from + j, from + stop);
      i--;
    } else if (move === FROM_DIAGONAL && j > 0) {
      const same = queryIds[i - 1] >= 0 && queryIds[i - 1] === source[j - 1];
      push(same ? 'same' : 'changed', i - 1, i, from + j - 1, from + j);
      i--;
      j--;
    } else if (move === FROM_LEFT && j > 0) {
      push('dropped', i, i, from + j - 1, from + j);
      j--;
    } else {
      push('added', i - 1, i, from + j, from + j);
      i--;
    }
  }
  const steps = reversed.reverse();
  return { steps, start: from + j, end: from + endJ, score: total };
}
