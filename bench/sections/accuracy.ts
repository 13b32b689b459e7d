// Scores the engine's verdicts on the benchmark draft against its ground truth: verbatim quotes
// must be found verbatim in a file that holds them, drifted quotes must be drift with exactly the
// words that were changed, and invented quotes must be unsupported. The draft credits every
// quote to an invented person, so a source that names the real speaker rightly makes a quote
// misattributed; such quotes are scored on how their words compare, and counted apart.

import * as path from 'path';
import type { DiffEntry, QuoteResult } from '../../src/core/types';
import { normWords, type TruthChange, type TruthQuote } from '../truth';
import { ratio, type BenchSection, type SectionFigures, type SectionInput } from './section';

/** True when some changed entry of the diff covers the recorded change. */
function covers(diff: DiffEntry[], change: TruthChange): boolean {
  return diff.some((entry) => entry.op !== 'same'
    && normWords(entry.source).includes(change.source)
    && (change.op === 'dropped' || normWords(entry.draft).includes(change.draft)));
}

/** Changed draft or source words of the diff that no recorded change explains. */
function unexplained(diff: DiffEntry[], changes: TruthChange[]): number {
  let extra = 0;
  for (const entry of diff) {
    if (entry.op === 'same') continue;
    const recordedDraft = new Set(changes.map((c) => c.draft));
    const recordedSource = new Set(changes.map((c) => c.source));
    extra += normWords(entry.draft).filter((w) => !recordedDraft.has(w)).length;
    extra += normWords(entry.source).filter((w) => !recordedSource.has(w)).length;
  }
  return extra;
}

/** The verdict on a quote's words alone, whatever the verdict on its speaker. */
function wording(result: QuoteResult): QuoteResult['status'] {
  return result.status === 'misattributed' ? result.misattribution?.wording ?? 'drift' : result.status;
}

/** Scores every truth quote; the figures are counts, plus the ids that failed for inspection. */
function measure({ truth, corpusDir, results }: SectionInput): SectionFigures {
  const byStart = new Map(results.map((r) => [r.quote.inner.start, r]));
  const relative = (file: string): string => path.relative(corpusDir, file).split(path.sep).join('/');
  const count = { extracted: 0, verbatim: 0, verbatimFound: 0, verbatimRightSource: 0, omission: 0, omissionFound: 0,
    drift: 0, driftFound: 0, driftRightSource: 0, driftRightWords: 0, driftExact: 0, invented: 0, inventedUnsupported: 0,
    misattributed: 0 };
  const failed: string[] = [];
  const check = (quote: TruthQuote, result: QuoteResult | undefined): boolean => {
    if (!result) return false;
    if (result.status === 'misattributed') count.misattributed++;
    const status = wording(result);
    const sources = new Set(quote.sources);
    if (quote.status === 'verbatim') {
      count.verbatim++;
      if (quote.omission) count.omission++;
      if (status !== 'verbatim') return false;
      count.verbatimFound++;
      if (quote.omission) count.omissionFound++;
      const right = result.sources.some((s) => sources.has(relative(s.document.path)));
      if (right) count.verbatimRightSource++;
      return right;
    }
    if (quote.status === 'drift') {
      count.drift++;
      if (status !== 'drift' || !result.match) return false;
      count.driftFound++;
      const rightSource = result.sources.some((s) => sources.has(relative(s.document.path)));
      if (rightSource) count.driftRightSource++;
      const rightWords = quote.changes.every((c) => covers(result.match!.diff, c));
      if (rightWords) count.driftRightWords++;
      const exact = rightWords && unexplained(result.match.diff, quote.changes) === 0;
      if (exact) count.driftExact++;
      return rightSource && rightWords;
    }
    count.invented++;
    if (status !== 'unsupported') return false;
    count.inventedUnsupported++;
    return true;
  };
  for (const quote of truth.quotes) {
    const result = byStart.get(quote.innerStart);
    if (result) count.extracted++;
    if (!check(quote, result)) failed.push(`${quote.id}:${quote.status}->${result?.status ?? 'not extracted'}`);
  }
  return { ...count, quotes: truth.quotes.length, correct: truth.quotes.length - failed.length, failed: failed.join(' ') };
}

const n = (f: SectionFigures, key: string): number => Number(f[key] ?? 0);
const all = (part: string, whole: string) => (f: SectionFigures): boolean => n(f, part) === n(f, whole);

/** Recall and correctness of the verdicts on the draft's known quotes. */
export const accuracySection: BenchSection = {
  name: 'accuracy',
  title: 'Accuracy on the draft’s 100 known quotes',
  measure,
  rows: accuracyRows(),
};

/** The same scores on the short-drift draft: its 30 drifted quotes are 6 to 9 words with two substituted. */
export const shortDriftAccuracySection: BenchSection = {
  name: 'accuracyShortDrift',
  title: 'Accuracy on the short-drift draft’s 100 known quotes (drift: 6–9 words, two substituted)',
  measure: (input) => (input.shortDrift ? measure({ ...input, ...input.shortDrift }) : { error: 'the short-drift draft was not checked' }),
  rows: accuracyRows(),
};

function accuracyRows(): BenchSection['rows'] {
  return [
    { label: 'quotes extracted', target: 'all', value: (f) => ratio(n(f, 'extracted'), n(f, 'quotes')), ok: all('extracted', 'quotes') },
    { label: 'verbatim found verbatim', target: 'all', value: (f) => ratio(n(f, 'verbatimFound'), n(f, 'verbatim')), ok: all('verbatimFound', 'verbatim') },
    { label: '  … in the right source', target: 'all', value: (f) => ratio(n(f, 'verbatimRightSource'), n(f, 'verbatim')), ok: all('verbatimRightSource', 'verbatim') },
    { label: '  … of which with omissions', target: '', value: (f) => ratio(n(f, 'omissionFound'), n(f, 'omission')) },
    { label: 'drift reported as drift', target: 'all', value: (f) => ratio(n(f, 'driftFound'), n(f, 'drift')), ok: all('driftFound', 'drift') },
    { label: '  … with the right changed words', target: 'all', value: (f) => ratio(n(f, 'driftRightWords'), n(f, 'drift')), ok: all('driftRightWords', 'drift') },
    { label: '  … and no other words marked', target: '', value: (f) => ratio(n(f, 'driftExact'), n(f, 'drift')) },
    { label: 'invented reported unsupported', target: 'all', value: (f) => ratio(n(f, 'inventedUnsupported'), n(f, 'invented')), ok: all('inventedUnsupported', 'invented') },
    { label: 'misattributed (a source names the speaker)', target: '', value: (f) => ratio(n(f, 'misattributed'), n(f, 'quotes')) },
    { label: 'all verdicts on the words right', target: 'all', value: (f) => ratio(n(f, 'correct'), n(f, 'quotes')), ok: all('correct', 'quotes') },
  ];
}
