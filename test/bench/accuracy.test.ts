// Checks that the benchmark's accuracy section scores verdicts the way its rows claim: a right
// verdict counts, a wrong status, a wrong source or a wrongly recorded change does not.

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { accuracySection, shortDriftAccuracySection } from '../../bench/sections/accuracy';
import type { DraftTruth, TruthQuote } from '../../bench/truth';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import type { QuoteResult } from '../../src/core/types';

const SOURCES: Record<string, string> = {
  'harbour.txt': 'Harbour report\n\nThe harbour master said the new pier would open to ships in the spring of next year.\n',
  'mill.txt': 'Mill report\n\nThe old mill by the river has ground flour for the village since the winter of 1850.\n',
};

const DRAFT = [
  'Ana said: “the new pier would open to ships in the spring” today.',
  'Ben said: “has ground flour for the town since the winter of 1850” then.',
  'Cy said: “purple engines whistle across seven quiet mountains of glass” once.',
].join('\n\n');

/** A truth quote for the quote whose text is `text` in DRAFT. */
function quote(id: number, text: string, rest: Partial<TruthQuote>): TruthQuote {
  return { id, text, innerStart: DRAFT.indexOf(text), status: 'verbatim', sources: [], changes: [], omission: false,
    speaker: '', words: text.split(' ').length, ...rest };
}

const RIGHT: TruthQuote[] = [
  quote(0, 'the new pier would open to ships in the spring', { status: 'verbatim', sources: ['harbour.txt'] }),
  quote(1, 'has ground flour for the town since the winter of 1850', { status: 'drift', sources: ['mill.txt'],
    changes: [{ op: 'changed', draft: 'town', source: 'village' }] }),
  quote(2, 'purple engines whistle across seven quiet mountains of glass', { status: 'unsupported' }),
];

describe('benchmark accuracy section', () => {
  let root: string;
  let measure: (quotes: TruthQuote[]) => Record<string, number | string | null>;
  let checkedResults: QuoteResult[];

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-accuracy-'));
    for (const [name, text] of Object.entries(SOURCES)) fs.writeFileSync(path.join(root, name), text);
    const results = new Checker(CorpusIndex.build(await loadCorpus([root]))).checkText(DRAFT, 'markdown');
    checkedResults = results;
    measure = (quotes) => {
      const truth: DraftTruth = { generatorVersion: 0, seed: 0, corpusDir: root, quotes };
      // The accuracy section measures synchronously; only sections that read fixtures return a promise.
      return accuracySection.measure({ draft: DRAFT, truth, corpusDir: root, results }) as Record<string, number | string | null>;
    };
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('scores the short-drift draft when it was checked, and says so when it was not', () => {
    const truth: DraftTruth = { generatorVersion: 0, seed: 0, corpusDir: root, quotes: RIGHT };
    const base = { draft: '', truth: { ...truth, quotes: [] }, corpusDir: root, results: [] };
    assert.deepEqual(shortDriftAccuracySection.measure(base), { error: 'the short-drift draft was not checked' });
    const results = accuracySection.measure({ draft: DRAFT, truth, corpusDir: root, results: checkedResults });
    assert.deepEqual(shortDriftAccuracySection.measure({ ...base, shortDrift: { draft: DRAFT, truth, results: checkedResults } }), results);
    assert.equal((results as { correct?: number }).correct, 3);
  });

  it('counts every right verdict as right', () => {
    const figures = measure(RIGHT);
    assert.deepEqual([figures.extracted, figures.verbatimRightSource, figures.driftRightWords, figures.driftExact, figures.inventedUnsupported, figures.correct],
      [3, 1, 1, 1, 1, 3]);
    assert.equal(figures.failed, '');
  });

  // Each row spoils one truth quote and names the count that must show it: [count, found, of].
  const wrong: [string, (quotes: TruthQuote[]) => TruthQuote[], [string, number, string, number], string][] = [
    ['a verbatim quote credited to the wrong file', (q) => [{ ...q[0], sources: ['mill.txt'] }, q[1], q[2]],
      ['verbatimRightSource', 0, 'verbatim', 1], '0:verbatim->verbatim'],
    ['a drift whose recorded change the engine did not mark', (q) => [q[0], { ...q[1], changes: [{ op: 'changed', draft: 'flour', source: 'corn' }] }, q[2]],
      ['driftRightWords', 0, 'drift', 1], '1:drift->drift'],
    ['a quote expected verbatim that the engine calls drift', (q) => [q[0], { ...q[1], status: 'verbatim', changes: [] }, q[2]],
      ['verbatimFound', 1, 'verbatim', 2], '1:verbatim->drift'],
    ['a quote expected in the draft that is not there', (q) => [q[0], q[1], { ...q[2], innerStart: 1 }],
      ['extracted', 2, 'quotes', 3], '2:unsupported->not extracted'],
  ];
  for (const [name, spoil, [found, foundCount, whole, wholeCount], failure] of wrong) {
    it(`does not count ${name}`, () => {
      const figures = measure(spoil(RIGHT));
      assert.deepEqual([figures[found], figures[whole]], [foundCount, wholeCount]);
      assert.equal(figures.correct, 2);
      assert.equal(figures.failed, failure);
    });
  }
});
