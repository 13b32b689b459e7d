// Runs the engine end to end (load corpus, index, extract, check) on hand-labelled quotes: each
// case in test/fixtures/labelled/cases.json states how a careful editor would judge one quote,
// and the engine has to agree on the status, the source, the changed words and the flags.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import { DEFAULT_CHECK_OPTIONS, type ChangeFlag, type QuoteResult, type QuoteStatus, type TextFormat } from '../../src/core/types';

interface LabelledCase {
  id: string;
  draft: string;
  format: TextFormat;
  expect: {
    status: QuoteStatus;
    source?: string;
    /** [draft words, source words] of every change, in order; '' for an added or dropped side. */
    changed?: [string, string][];
    flags?: ChangeFlag[];
    short?: boolean;
  };
}

// The bundled test runs from out/test/core, three levels below the repository root.
const REPO = path.resolve(__dirname, '../../..');
const LABELLED = path.join(REPO, 'test/fixtures/labelled');
const REAL_CORPUS = path.resolve(REPO, '../shared/corpus/ukraine-2022-01-27');

const cases: LabelledCase[] = JSON.parse(fs.readFileSync(path.join(LABELLED, 'cases.json'), 'utf8'));

/** Compares words the way an editor reads them: case, curly apostrophes and edge marks aside. */
function words(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function changes(result: QuoteResult): [string, string][] {
  return (result.match?.diff ?? []).filter((d) => d.op !== 'same').map((d) => [words(d.draft), words(d.source)]);
}

function checkOne(checker: Checker, c: LabelledCase): QuoteResult {
  const results = checker.checkText(c.draft, c.format);
  assert.strictEqual(results.length, 1, `expected one quote in ${JSON.stringify(c.draft)}, found ${results.map((r) => JSON.stringify(r.quote.text)).join(', ') || 'none'}`);
  return results[0];
}

describe('labelled quotes', function () {
  let checker: Checker;

  before(async function () {
    const corpus = await loadCorpus([path.join(LABELLED, 'corpus')]);
    assert.deepStrictEqual(corpus.warnings, []);
    checker = new Checker(CorpusIndex.build(corpus), DEFAULT_CHECK_OPTIONS);
  });

  it('has at least 40 cases with unique ids', function () {
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
    assert.strictEqual(new Set(cases.map((c) => c.id)).size, cases.length);
  });

  for (const c of cases) {
    it(`${c.id}: ${c.expect.status}`, function () {
      const result = checkOne(checker, c);
      const summary = `${JSON.stringify(result.quote.text)} → ${result.status}, score ${result.match?.score.toFixed(2) ?? '-'}, diff ${JSON.stringify(changes(result))}`;
      assert.strictEqual(result.status, c.expect.status, summary);
      assert.strictEqual(result.short, c.expect.short ?? false, `short: ${summary}`);
      if (c.expect.source !== undefined) {
        assert.ok(result.match, `no match: ${summary}`);
        assert.strictEqual(path.basename(result.match.document.path), c.expect.source, summary);
      }
      if (c.expect.changed !== undefined) {
        assert.deepStrictEqual(changes(result), c.expect.changed.map(([draft, source]) => [words(draft), words(source)]), summary);
      }
      if (result.status === 'verbatim' && result.match) {
        assert.strictEqual(result.match.score, 1, `a verbatim match scores 1: ${summary}`);
      }
      assert.deepStrictEqual([...result.flags].sort(), [...(c.expect.flags ?? [])].sort(), `flags: ${summary}`);
    });
  }
});

describe('labelled quotes against the real corpus (ukraine-2022-01-27)', function () {
  let checker: Checker;

  before(async function () {
    if (!fs.existsSync(REAL_CORPUS)) this.skip();
    const corpus = await loadCorpus([REAL_CORPUS]);
    checker = new Checker(CorpusIndex.build(corpus), DEFAULT_CHECK_OPTIONS);
  });

  const realCases: { id: string; draft: string; status: QuoteStatus; flags: ChangeFlag[] }[] = [
    { id: 'envoy quote verbatim', draft: 'The envoy said: “This is not a moment to wait and see.”\n', status: 'verbatim', flags: [] },
    { id: 'envoy quote with its negation dropped', draft: 'The envoy said: “This is a moment to wait and see.”\n', status: 'drift', flags: ['negation'] },
    { id: 'invented quote', draft: 'The envoy said: “The ambassadors agreed to meet again in Vienna after the harvest.”\n', status: 'unsupported', flags: [] },
  ];

  for (const c of realCases) {
    it(c.id, function () {
      const result = checker.checkText(c.draft, 'markdown');
      assert.strictEqual(result.length, 1);
      assert.strictEqual(result[0].status, c.status, JSON.stringify(result[0].match?.text ?? null));
      assert.deepStrictEqual([...result[0].flags].sort(), c.flags);
    });
  }

  it('lists the other outlets’ renderings of the Kremlin’s “little ground for optimism”', function () {
    const [result] = checker.checkText('The Kremlin saw “little ground for optimism” on Thursday.\n', 'markdown');
    assert.strictEqual(result.status, 'verbatim');
    const variants = result.variants.map((v) => words(v.text));
    assert.ok(variants.some((v) => /little (room|cause) for optimism/.test(v)), `variants: ${JSON.stringify(variants)}`);
  });
});
