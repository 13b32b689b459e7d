// Turns an alignment into the word diff that writers see: runs of equal words, and each run of
// edits as one entry (changed, added or dropped), marked when it touches a number, a negation
// or a name, since those change what was said rather than how.

import type { ChangeFlag, DiffEntry, DiffOp, SourceDocument, Span } from '../types';
import { capitalMarksNames, declaredLanguage, languageAround, primaryLanguage } from '../language';
import { isNegation, isNumber, looksLikeName } from '../words';
import type { Alignment, Step } from './alignWords';
import type { CorpusIndex } from './corpusIndex';
import { passageText } from './passageText';
import type { QueryElement } from './queryWords';

/** Builds the diff entries of `alignment` for a quote whose elements point into `draftText`. */
export function diffEntries(alignment: Alignment, elements: QueryElement[], draftText: string, index: CorpusIndex, doc: SourceDocument): DiffEntry[] {
  const entries: DiffEntry[] = [];
  let edits: Step[] = [];
  const flushEdits = () => {
    if (edits.length) entries.push(editEntry(edits, elements, draftText, index, doc));
    edits = [];
  };
  for (const step of alignment.steps) {
    if (step.kind === 'same' || step.kind === 'wildcard') {
      flushEdits();
      const draftSpan = { start: elements[step.q0].start, end: elements[step.q1 - 1].end };
      const sourceSpan = tokenSpan(index, doc, step.s0, step.s1);
      const prev = entries[entries.length - 1];
      const entry: DiffEntry = {
        op: 'same',
        draft: draftText.slice(draftSpan.start, draftSpan.end),
        source: passageText(doc, sourceSpan.start, sourceSpan.end),
        draftSpan,
        sourceSpan,
        flags: [],
      };
      // Neighbouring equal runs read as one, unless one of them is a wildcard.
      if (prev && prev.op === 'same' && step.kind === 'same' && !isWildcardEntry(prev, elements)) {
        prev.draftSpan.end = draftSpan.end;
        if (sourceSpan.end > sourceSpan.start) prev.sourceSpan.end = sourceSpan.end;
        prev.draft = draftText.slice(prev.draftSpan.start, prev.draftSpan.end);
        prev.source = passageText(doc, prev.sourceSpan.start, prev.sourceSpan.end);
      } else {
        entries.push(entry);
      }
    } else {
      edits.push(step);
    }
  }
  flushEdits();
  return entries;
}

function isWildcardEntry(entry: DiffEntry, elements: QueryElement[]): boolean {
  return elements.some((e) => e.wildcard && e.start === entry.draftSpan.start);
}

/** The span covered by tokens [s0, s1) of `doc`, or an empty span where they would be. */
function tokenSpan(index: CorpusIndex, doc: SourceDocument, s0: number, s1: number): Span {
  if (s1 > s0) return { start: index.tokenStart(s0), end: index.tokenEnd(s1 - 1) };
  // No source words: the empty span sits before the next word, or after the last one.
  const first = index.docStarts[doc.id];
  const end = index.docStarts[doc.id + 1];
  const at = s0 < end ? index.tokenStart(s0) : s0 > first ? index.tokenEnd(s0 - 1) : 0;
  return { start: at, end: at };
}

function editEntry(edits: Step[], elements: QueryElement[], draftText: string, index: CorpusIndex, doc: SourceDocument): DiffEntry {
  const q0 = edits[0].q0;
  const q1 = edits[edits.length - 1].q1;
  const s0 = edits[0].s0;
  const s1 = edits[edits.length - 1].s1;
  const hasDraft = q1 > q0;
  const hasSource = s1 > s0;
  const op: DiffOp = hasDraft && hasSource ? 'changed' : hasDraft ? 'added' : 'dropped';
  // A dropped run has no draft words: its span is empty, at the point where the words are missing.
  const insertAt = q0 < elements.length ? elements[q0].start : elements[elements.length - 1].end;
  const draftSpan = hasDraft ? { start: elements[q0].start, end: elements[q1 - 1].end } : { start: insertAt, end: insertAt };
  const sourceSpan = tokenSpan(index, doc, s0, s1);
  const draftWords = elements.slice(q0, q1);
  const sourcePositions: number[] = [];
  for (let p = s0; p < s1; p++) sourcePositions.push(p);
  return {
    op,
    draft: hasDraft ? draftText.slice(draftSpan.start, draftSpan.end) : '',
    source: hasSource ? passageText(doc, sourceSpan.start, sourceSpan.end) : '',
    draftSpan,
    sourceSpan,
    flags: changeFlags(draftWords, q0 === 0, sourcePositions, draftText, index, doc),
  };
}

/** Why an edit matters: numbers, negations and names always matter. */
function changeFlags(draftWords: QueryElement[], startsQuote: boolean, sourcePositions: number[], draftText: string, index: CorpusIndex, doc: SourceDocument): ChangeFlag[] {
  const draftNorms = draftWords.map((w) => w.norm);
  const sourceNorms = sourcePositions.map((p) => index.word(index.idAt(p)));
  const flags: ChangeFlag[] = [];
  if (draftNorms.some(isNumber) || sourceNorms.some(isNumber)) flags.push('number');
  if (draftNorms.filter(isNegation).length !== sourceNorms.filter(isNegation).length) flags.push('negation');
  // The quote's first word may be capitalised by the writer, so its capital proves nothing; and
  // in German every noun is capitalised, so a capital there proves nothing either.
  const draftName = draftWords.some((w, i) => !(startsQuote && i === 0) && looksLikeName(draftText, w))
    && capitalMarksNames(declaredLanguage(draftText) ?? languageAround(draftText, draftWords[0]));
  const sourceSpans = sourcePositions.map((p) => ({ start: index.tokenStart(p), end: index.tokenEnd(p) }));
  const sourceName = sourceSpans.some((span) => looksLikeName(doc.text, span))
    && capitalMarksNames(primaryLanguage(doc.meta.lang) ?? languageAround(doc.text, sourceSpans[0]));
  if (draftName || sourceName) flags.push('name');
  return flags;
}
