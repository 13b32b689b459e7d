// Holds the attribution targets on the checked-in sets (see bench/attributionSets.ts): speaker
// precision and recall on the labelled shapes, misattribution precision and recall on the wire
// draft, and no misattributed claim when each shared report is checked against the others.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { leaveOneOutClaims, parseSpeakerShapes, scoreShapes, scoreWireDraft, sharedReports } from '../../../bench/attributionSets';
import { ATTRIBUTION_TARGETS } from '../../../bench/sections/attribution';

// The bundled test runs from out/test/core/attribution, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');

describe('attribution targets on the checked-in sets', function () {
  it('labels at least 150 speaker shapes', function () {
    const shapes = parseSpeakerShapes(path.join(REPO, 'test', 'fixtures', 'attribution', 'speaker-shapes.txt'));
    assert.ok(shapes.length >= 150, `only ${shapes.length} shapes`);
  });

  it(`credits speakers with precision ≥ ${100 * ATTRIBUTION_TARGETS.speakerPrecision}% and recall ≥ ${100 * ATTRIBUTION_TARGETS.speakerRecall}%`, function () {
    const score = scoreShapes(parseSpeakerShapes(path.join(REPO, 'test', 'fixtures', 'attribution', 'speaker-shapes.txt')));
    assert.ok(score.right >= ATTRIBUTION_TARGETS.speakerPrecision * score.credited, `precision ${score.right}/${score.credited}:\n${score.misses.join('\n')}`);
    assert.ok(score.right >= ATTRIBUTION_TARGETS.speakerRecall * score.attributed, `recall ${score.right}/${score.attributed}:\n${score.misses.join('\n')}`);
  });

  it(`claims misattribution in the wire draft with precision ≥ ${100 * ATTRIBUTION_TARGETS.misattributionPrecision}% and recall ≥ ${100 * ATTRIBUTION_TARGETS.misattributionRecall}%`, async function () {
    const score = await scoreWireDraft(REPO);
    assert.ok(score.quotes - score.labelled >= 40 && score.labelled >= 10, `the draft labels ${score.quotes - score.labelled} right and ${score.labelled} misattributed quotes`);
    assert.ok(score.truePositives >= ATTRIBUTION_TARGETS.misattributionPrecision * score.claims, `precision ${score.truePositives}/${score.claims}:\n${score.misses.join('\n')}`);
    assert.ok(score.truePositives >= ATTRIBUTION_TARGETS.misattributionRecall * score.labelled, `recall ${score.truePositives}/${score.labelled}:\n${score.misses.join('\n')}`);
  });

  it('claims no misattribution when each shared report is checked against the other four', async function () {
    const reports = sharedReports(REPO);
    if (!fs.existsSync(reports)) this.skip();
    assert.deepStrictEqual(await leaveOneOutClaims(reports), []);
  });
});
