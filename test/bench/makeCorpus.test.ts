// Checks the benchmark's generator: the same seed writes the same corpus, and the draft's ground
// truth agrees with the corpus it was drawn from, so accuracy figures measure the engine and not
// a flawed answer key.

import { strict as assert } from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listCorpusFiles, wrapParagraph, writeCorpus } from '../../bench/makeCorpus';
import { DRAFT_MIX, writeDraft } from '../../bench/makeDraft';
import { Prng } from '../../bench/prng';
import { untagBrown } from '../../bench/proseSources';
import { normWords, type DraftTruth, type TruthQuote } from '../../bench/truth';
import { extractQuotes } from '../../src/core/extract/extractQuotes';

const TINY_MB = 0.05;

/** Hashes a folder's relative paths and contents independently of the generator's own hash. */
function folderHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of listCorpusFiles(dir)) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex');
}

/** True when `needle` occurs as a consecutive run of `haystack`. */
function containsRun(haystack: string[], needle: string[]): boolean {
  return ` ${haystack.join(' ')} `.includes(` ${needle.join(' ')} `);
}

/** Every wording the source could have had, undoing the recorded changes on the draft's words. */
function undoChanges(words: string[], quote: TruthQuote): string[][] {
  let candidates = [words];
  for (const change of quote.changes) {
    const next: string[][] = [];
    for (const candidate of candidates) {
      if (change.op === 'changed') {
        candidate.forEach((w, i) => { if (w === change.draft) next.push([...candidate.slice(0, i), change.source, ...candidate.slice(i + 1)]); });
      } else {
        for (let i = 0; i <= candidate.length; i++) next.push([...candidate.slice(0, i), change.source, ...candidate.slice(i)]);
      }
    }
    candidates = next;
  }
  return candidates;
}

describe('benchmark corpus generator', function () {
  // Building the prose pool reads about 30 MB of installed text once per process.
  this.timeout(60000);
  let root: string;
  let corpusA: string;
  let truth: DraftTruth;
  let draft: string;
  const wordsOf = (file: string) => normWords(fs.readFileSync(path.join(corpusA, file), 'utf8'));

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-test-'));
    corpusA = path.join(root, 'a');
    writeCorpus(corpusA, TINY_MB, 7);
    writeDraft(corpusA, path.join(root, 'draft.md'), path.join(root, 'truth.json'), 7);
    truth = JSON.parse(fs.readFileSync(path.join(root, 'truth.json'), 'utf8')) as DraftTruth;
    draft = fs.readFileSync(path.join(root, 'draft.md'), 'utf8');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes the same files for the same seed and different ones for another seed', () => {
    const again = writeCorpus(path.join(root, 'b'), TINY_MB, 7);
    const other = writeCorpus(path.join(root, 'c'), TINY_MB, 8);
    assert.equal(folderHash(path.join(root, 'b')), folderHash(corpusA));
    assert.notEqual(folderHash(path.join(root, 'c')), folderHash(corpusA));
    assert.notEqual(other.hash, again.hash);
  });

  it('writes about the asked size in article-sized files of distinct text', () => {
    const files = listCorpusFiles(corpusA);
    const sizes = files.map((f) => fs.statSync(path.join(corpusA, f)).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    assert.ok(total >= TINY_MB * 1e6 && total < TINY_MB * 1e6 + 12000, `total ${total}`);
    assert.ok(sizes.every((s) => s > 1000 && s < 12000), `sizes ${sizes.join(',')}`);
    assert.equal(writeCorpus(path.join(root, 'd'), TINY_MB, 7).duplicationFactor, 1);
  });

  it('writes the drafted mix of quotes, each where the truth says', () => {
    const count = (status: string) => truth.quotes.filter((q) => q.status === status).length;
    assert.deepEqual([count('verbatim'), count('drift'), count('unsupported')],
      [DRAFT_MIX.verbatim + DRAFT_MIX.omission, DRAFT_MIX.drift, DRAFT_MIX.invented]);
    assert.equal(truth.quotes.filter((q) => q.omission).length, DRAFT_MIX.omission);
    for (const quote of truth.quotes) assert.equal(draft.slice(quote.innerStart, quote.innerStart + quote.text.length), quote.text);
    // The engine's extractor finds exactly these quotations, so no quote is lost to the draft's markup.
    assert.deepEqual(extractQuotes(draft, 'markdown').map((q) => q.inner.start), truth.quotes.map((q) => q.innerStart));
  });

  it('names source files that hold every verbatim quote', () => {
    for (const quote of truth.quotes.filter((q) => q.status === 'verbatim')) {
      assert.ok(quote.sources.length > 0, `quote ${quote.id} has no source`);
      const parts = quote.text.split(/\s*(?:…|\.\.\.)\s*/).map(normWords);
      assert.equal(parts.length, quote.omission ? 2 : 1, quote.text);
      for (const file of quote.sources) {
        const words = wordsOf(file);
        assert.ok(parts.every((part) => containsRun(words, part)), `quote ${quote.id} not in ${file}`);
      }
    }
  });

  it('records exactly the words by which each drifted quote differs from its source', () => {
    for (const quote of truth.quotes.filter((q) => q.status === 'drift')) {
      assert.ok(quote.changes.length >= 1 && quote.changes.length <= 2, `quote ${quote.id}`);
      const drafted = normWords(quote.text);
      for (const file of quote.sources) {
        const words = wordsOf(file);
        assert.ok(!containsRun(words, drafted), `drifted quote ${quote.id} is verbatim in ${file}`);
        assert.ok(undoChanges(drafted, quote).some((original) => containsRun(words, original)), `quote ${quote.id} does not undo to ${file}`);
      }
    }
  });

  it('writes a short-drift variant whose drifted quotes are 6 to 9 words with two substituted', () => {
    writeDraft(corpusA, path.join(root, 'short.md'), path.join(root, 'short.json'), 7, 'short-drift');
    const short = JSON.parse(fs.readFileSync(path.join(root, 'short.json'), 'utf8')) as DraftTruth;
    const text = fs.readFileSync(path.join(root, 'short.md'), 'utf8');
    const drifted = short.quotes.filter((q) => q.status === 'drift');
    assert.equal(drifted.length, DRAFT_MIX.drift);
    assert.equal(short.quotes.length, truth.quotes.length);
    for (const quote of drifted) {
      assert.ok(quote.words >= 6 && quote.words <= 9, `quote ${quote.id} has ${quote.words} words`);
      assert.deepEqual(quote.changes.map((c) => c.op), ['changed', 'changed'], `quote ${quote.id}`);
      assert.equal(text.slice(quote.innerStart, quote.innerStart + quote.text.length), quote.text);
      const drafted = normWords(quote.text);
      for (const file of quote.sources) {
        assert.ok(undoChanges(drafted, quote).some((original) => containsRun(wordsOf(file), original)), `quote ${quote.id} does not undo to ${file}`);
      }
    }
    assert.deepEqual(extractQuotes(text, 'markdown').map((q) => q.inner.start), short.quotes.map((q) => q.innerStart));
  });

  it('invents quotes that no corpus file holds', () => {
    const files = listCorpusFiles(corpusA).map(wordsOf);
    for (const quote of truth.quotes.filter((q) => q.status === 'unsupported')) {
      assert.deepEqual(quote.sources, []);
      assert.ok(files.every((words) => !containsRun(words, normWords(quote.text))), `quote ${quote.id} exists`);
    }
  });
});

describe('benchmark generator helpers', () => {
  const brown: [string, string][] = [
    ['The/at jury/nn said/vbd ./.', 'The jury said.'],
    ["``/`` no/at evidence/nn ''/'' ,/, he/pps said/vbd", '“no evidence”, he said'],
    ['(/( see/vb above/rb )/) ;/. 1/1/cd', '(see above); 1/1'],
  ];
  for (const [tagged, plain] of brown) it(`untags ${JSON.stringify(tagged)}`, () => assert.equal(untagBrown(tagged), plain));

  it('wraps paragraphs at the column without losing a word', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const wrapped = wrapParagraph(text, 15);
    assert.ok(wrapped.split('\n').every((line) => line.length <= 15));
    assert.equal(wrapped.replace(/\n/g, ' '), text);
  });

  it('draws the same numbers from the same seed', () => {
    const draw = (seed: number) => { const p = new Prng(seed); return Array.from({ length: 5 }, () => p.int(0, 1000)); };
    assert.deepEqual(draw(3), draw(3));
    assert.notDeepEqual(draw(3), draw(4));
  });
});
