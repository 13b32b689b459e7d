// The benchmark prints the titles of the five shared reports and checks each against its headline.

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SHARED_HEADLINES, titlesSection } from '../../bench/sections/titles';
import { repoRoot } from '../../bench/benchPaths';

describe('benchmark titles section', () => {
  it('titles every shared report by its headline', function () {
    if (!fs.existsSync(path.resolve(repoRoot(), '../shared/corpus/ukraine-2022-01-27'))) this.skip();
    const input = { draft: '', truth: { generatorVersion: 0, seed: 0, corpusDir: '', quotes: [] }, corpusDir: '', results: [] };
    const figures = titlesSection.measure(input);
    assert.deepEqual(figures, SHARED_HEADLINES);
    assert.deepEqual(titlesSection.rows.map((row) => [row.value(figures), row.ok?.(figures)]), Object.values(SHARED_HEADLINES).map((h) => [h, true]));
    // A title that is not the headline is marked as missing its target.
    assert.equal(titlesSection.rows[2].ok?.({ ...figures, '002_e5edd54b057312d5.txt': 'Change Edition' }), false);
  });
});
