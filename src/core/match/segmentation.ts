// Words of Chinese, Japanese, Thai and the other scripts written without spaces come from a
// dictionary segmenter (see wordScanner.ts), which splits a run of characters by its context:
// the same characters may split as "ว่า|การ" inside a source sentence and as "การ" at the start
// of a quote, or as "でき|ない" in one text and "できない" in another. Where quote and passage
// hold the same characters and differ only in where the words break, nothing was changed, so
// such edits are read as the same words before any verdict is drawn from them.

import { isSpacelessCodePoint } from '../wordScanner';
import type { Alignment, Step } from './alignWords';
import type { CorpusIndex } from './corpusIndex';
import type { QueryElement } from './queryWords';

function isSpacelessWord(word: string): boolean {
  return word.length > 0 && isSpacelessCodePoint(word.codePointAt(0)!);
}

/** Returns `alignment` with the edits that only re-split spaceless-script words turned into equal runs. */
export function absorbResegmentation(alignment: Alignment, elements: QueryElement[], index: CorpusIndex): Alignment {
  const steps = alignment.steps;
  if (!steps.some((s) => s.kind !== 'same' && s.kind !== 'wildcard')) return alignment;
  const out: Step[] = [];
  let changed = false;
  for (let i = 0; i < steps.length; ) {
    if (steps[i].kind === 'same' || steps[i].kind === 'wildcard') {
      out.push(steps[i++]);
      continue;
    }
    let j = i;
    while (j < steps.length && steps[j].kind !== 'same' && steps[j].kind !== 'wildcard') j++;
    const run = { kind: 'same' as const, q0: steps[i].q0, q1: steps[j - 1].q1, s0: steps[i].s0, s1: steps[j - 1].s1 };
    if (isResegmented(run, elements, index, i === 0, j === steps.length)) {
      out.push(run);
      changed = true;
    } else {
      out.push(...steps.slice(i, j));
    }
    i = j;
  }
  if (!changed) return alignment;
  // Neighbouring equal runs read as one.
  const merged: Step[] = [];
  for (const step of out) {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === 'same' && step.kind === 'same' && prev.q1 === step.q0 && prev.s1 === step.s0) merged[merged.length - 1] = { ...prev, q1: step.q1, s1: step.s1 };
    else merged.push(step);
  }
  return { ...alignment, steps: merged };
}

/**
 * True when the quote words and source words of an edit run spell the same characters, all in
 * spaceless scripts. At the passage's edges the quote may start or end inside a source word,
 * since a quote's first characters need not start a word of the source's segmentation.
 */
function isResegmented(run: Step, elements: QueryElement[], index: CorpusIndex, atStart: boolean, atEnd: boolean): boolean {
  if (run.q1 <= run.q0 || run.s1 <= run.s0) return false;
  const draftWords = elements.slice(run.q0, run.q1).map((e) => e.norm);
  const sourceWords: string[] = [];
  for (let p = run.s0; p < run.s1; p++) sourceWords.push(index.word(index.idAt(p)));
  if (!draftWords.every(isSpacelessWord) || !sourceWords.every(isSpacelessWord)) return false;
  const draft = draftWords.join('');
  const source = sourceWords.join('');
  if (draft === source) return true;
  // Only one source word may reach past the quote's edge, and only by its own characters.
  if (atStart && !atEnd && source.endsWith(draft) && source.length - draft.length < sourceWords[0].length) return true;
  if (atEnd && !atStart && source.startsWith(draft) && source.length - draft.length < sourceWords[sourceWords.length - 1].length) return true;
  return false;
}
