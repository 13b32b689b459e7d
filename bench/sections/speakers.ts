// Scores speaker attribution: precision (of the names the engine credits, how many are right)
// and recall (of the quotes that have a speaker, how many get the right one). Measured twice:
// on the benchmark draft, whose truth names every quote's speaker, and on the hand-labelled
// snippets in test/fixtures/attribution/labelled.json, which hold the harder shapes (pronouns,
// split quotes, appositives, descriptions) and quotes that have no speaker at all.

import * as fs from 'fs';
import * as path from 'path';
import { AliasTable, attributeQuotes, sameSpeaker } from '../../src/core/attribution';
import type { TextFormat } from '../../src/core/types';
import { repoRoot } from '../benchPaths';
import type { BenchSection, SectionFigures, SectionInput } from './section';

/** One labelled snippet: a draft or source text and the speaker of each of its quotes, in order. */
export interface LabelledSnippet {
  id: string;
  format: TextFormat;
  text: string;
  speakers: (string | null)[];
}

/** The speaker expected for one quote and the one credited (null for none). */
export interface SpeakerPair {
  expected: string | null;
  found: string | null;
}

/** Counts behind precision and recall. */
export interface SpeakerScore {
  /** Names credited that are right. */
  right: number;
  /** Names credited at all. */
  credited: number;
  /** Quotes that have a speaker. */
  attributed: number;
}

/** Scores credited names against expected ones; the same person in another form counts as right. */
export function scoreSpeakers(pairs: SpeakerPair[], aliases = new AliasTable()): SpeakerScore {
  const score: SpeakerScore = { right: 0, credited: 0, attributed: 0 };
  for (const { expected, found } of pairs) {
    if (found) score.credited++;
    if (expected) score.attributed++;
    if (found && expected && sameSpeaker(found, expected, aliases)) score.right++;
  }
  return score;
}

/** Precision as a fraction, 1 when nothing was credited. */
export function precisionOf(score: SpeakerScore): number {
  return score.credited === 0 ? 1 : score.right / score.credited;
}

/** Recall as a fraction, 1 when no quote has a speaker. */
export function recallOf(score: SpeakerScore): number {
  return score.attributed === 0 ? 1 : score.right / score.attributed;
}

/** Pairs each labelled quote with the speaker the engine credits; a snippet whose quotes were not all found pairs the missing ones with null. */
export function labelledPairs(snippets: LabelledSnippet[]): SpeakerPair[] {
  return snippets.flatMap((snippet) => {
    const quotes = attributeQuotes(snippet.text, snippet.format);
    return snippet.speakers.map((expected, i) => ({ expected, found: quotes[i]?.speaker?.name ?? null }));
  });
}

/** Reads the labelled snippets from the repository's fixtures. */
export function readLabelledSnippets(root: string = repoRoot()): LabelledSnippet[] {
  return JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'attribution', 'labelled.json'), 'utf8')) as LabelledSnippet[];
}

function measure({ truth, results }: SectionInput): SectionFigures {
  const byStart = new Map(results.map((r) => [r.quote.inner.start, r]));
  const draft = scoreSpeakers(truth.quotes.map((q) => ({ expected: q.speaker || null, found: byStart.get(q.innerStart)?.quote.speaker?.name ?? null })));
  const labelled = scoreSpeakers(labelledPairs(readLabelledSnippets()));
  return {
    draftRight: draft.right, draftCredited: draft.credited, draftAttributed: draft.attributed,
    labelledRight: labelled.right, labelledCredited: labelled.credited, labelledAttributed: labelled.attributed,
  };
}

const n = (f: SectionFigures, key: string): number => Number(f[key] ?? 0);
const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${part}/${whole} (${Math.round((100 * part) / whole)}%)`);

/** Precision and recall of the speakers credited, on the draft and on the labelled snippets. */
export const speakersSection: BenchSection = {
  name: 'speakers',
  title: 'Speaker attribution',
  measure,
  rows: [
    { label: 'draft: precision', target: '≥ 95%', value: (f) => percent(n(f, 'draftRight'), n(f, 'draftCredited')), ok: (f) => n(f, 'draftRight') >= 0.95 * n(f, 'draftCredited') },
    { label: 'draft: recall', target: '≥ 95%', value: (f) => percent(n(f, 'draftRight'), n(f, 'draftAttributed')), ok: (f) => n(f, 'draftRight') >= 0.95 * n(f, 'draftAttributed') },
    { label: 'labelled snippets: precision', target: '≥ 90%', value: (f) => percent(n(f, 'labelledRight'), n(f, 'labelledCredited')), ok: (f) => n(f, 'labelledRight') >= 0.9 * n(f, 'labelledCredited') },
    { label: 'labelled snippets: recall', target: '≥ 85%', value: (f) => percent(n(f, 'labelledRight'), n(f, 'labelledAttributed')), ok: (f) => n(f, 'labelledRight') >= 0.85 * n(f, 'labelledAttributed') },
  ],
};
