// The naive peer: what a writer gets from a general string-similarity library without an index,
// `string-similarity`'s findBestMatch of the quote against every sentence of the corpus. It is
// timed on a few quotes only, because each one compares against the whole corpus.

import * as fs from 'fs';
import * as path from 'path';
import { findBestMatch } from 'string-similarity';
import { emitResult, now } from './harness';
import { listCorpusFiles } from './makeCorpus';
import { splitSentences } from './prosePool';
import type { DraftTruth, TruthQuote } from './truth';

/** Time after which no further naive quote is started: the peer is already shown to be slow. */
const BUDGET_MS = 60_000;

/** The quotes both checkers time: long enough to be distinctive, alternating verbatim and drift. */
export function naiveQuotes(truth: DraftTruth, count: number): TruthQuote[] {
  const eligible = truth.quotes.filter((q) => !q.omission && q.status !== 'unsupported' && q.words >= 8);
  const verbatim = eligible.filter((q) => q.status === 'verbatim');
  const drift = eligible.filter((q) => q.status === 'drift');
  const out: TruthQuote[] = [];
  for (let i = 0; out.length < count && (i < verbatim.length || i < drift.length); i++) {
    if (i < verbatim.length) out.push(verbatim[i]);
    if (i < drift.length && out.length < count) out.push(drift[i]);
  }
  return out;
}

/** The figures of the naive peer for one size. */
export interface NaiveFigures {
  sentences: number;
  /** Milliseconds to split the corpus into sentences (not counted per quote). */
  prepareMs: number;
  quotes: { id: number; ms: number; rightSource: boolean }[];
  /** Set when quotes were left out because the budget ran out. */
  note: string;
}

/** Child task: times findBestMatch for `count` quotes of the draft against every corpus sentence. */
export function runNaive(corpusDir: string, truthFile: string, count: number): void {
  const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as DraftTruth;
  const start = now();
  const sentences: string[] = [];
  const owners: string[] = [];
  for (const file of listCorpusFiles(corpusDir)) {
    const relative = file.split(path.sep).join('/');
    const paragraphs = fs.readFileSync(path.join(corpusDir, file), 'utf8').split('\n\n').slice(1);
    for (const paragraph of paragraphs) {
      for (const sentence of splitSentences(paragraph.replace(/\n/g, ' '))) {
        sentences.push(sentence);
        owners.push(relative);
      }
    }
  }
  const prepareMs = now() - start;
  const quotes: NaiveFigures['quotes'] = [];
  let spent = 0;
  let note = '';
  for (const quote of naiveQuotes(truth, count)) {
    if (spent > BUDGET_MS) {
      note = `stopped after ${quotes.length} quotes: over ${BUDGET_MS / 1000} s`;
      break;
    }
    const begin = now();
    const best = findBestMatch(quote.text, sentences);
    const ms = now() - begin;
    spent += ms;
    quotes.push({ id: quote.id, ms, rightSource: quote.sources.includes(owners[best.bestMatchIndex]) });
  }
  emitResult({ sentences: sentences.length, prepareMs, quotes, note } satisfies NaiveFigures);
}
