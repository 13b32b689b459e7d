// Keeps speaker attribution from regressing: precision and recall on the hand-labelled snippets
// must stay at or above the figures measured when the resolver was written (42 of 44 credited
// names right, 42 of 44 attributed quotes found), and the scoring itself is checked on pairs.

import * as assert from 'assert';
import * as path from 'path';
import { labelledPairs, precisionOf, readLabelledSnippets, recallOf, scoreSpeakers } from '../../../bench/sections/speakers';
import { AliasTable } from '../../../src/core/attribution';

// The bundled test runs from out/test/core/attribution, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');

const MIN_PRECISION = 42 / 44;
const MIN_RECALL = 42 / 44;

describe('speaker attribution scores', function () {
  it('labels at least 40 snippets with unique ids', function () {
    const snippets = readLabelledSnippets(REPO);
    assert.ok(snippets.length >= 40, `only ${snippets.length} snippets`);
    assert.strictEqual(new Set(snippets.map((s) => s.id)).size, snippets.length);
  });

  it(`keeps precision at or above ${(100 * MIN_PRECISION).toFixed(1)}% and recall at or above ${(100 * MIN_RECALL).toFixed(1)}%`, function () {
    const score = scoreSpeakers(labelledPairs(readLabelledSnippets(REPO)));
    assert.ok(precisionOf(score) >= MIN_PRECISION, `precision ${score.right}/${score.credited}`);
    assert.ok(recallOf(score) >= MIN_RECALL, `recall ${score.right}/${score.attributed}`);
  });

  const table: { name: string; pairs: [string | null, string | null][]; right: number; credited: number; attributed: number }[] = [
    { name: 'the same person in another form is right', pairs: [['Dmitry Peskov', 'Peskov']], right: 1, credited: 1, attributed: 1 },
    { name: 'a wrong name costs precision and recall', pairs: [['Peskov', 'Lavrov']], right: 0, credited: 1, attributed: 1 },
    { name: 'a missed name costs recall only', pairs: [['Peskov', null]], right: 0, credited: 0, attributed: 1 },
    { name: 'a name where none is due costs precision only', pairs: [[null, 'Peskov']], right: 0, credited: 1, attributed: 0 },
    { name: 'no name where none is due costs nothing', pairs: [[null, null]], right: 0, credited: 0, attributed: 0 },
  ];
  for (const row of table) {
    it(row.name, function () {
      const score = scoreSpeakers(row.pairs.map(([expected, found]) => ({ expected, found })));
      assert.deepStrictEqual(score, { right: row.right, credited: row.credited, attributed: row.attributed });
    });
  }

  it('counts an alias as the person it stands for', function () {
    const score = scoreSpeakers([{ expected: 'Joe Biden', found: 'POTUS' }], new AliasTable({ POTUS: 'Joe Biden' }));
    assert.strictEqual(score.right, 1);
  });
});
