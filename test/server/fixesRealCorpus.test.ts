// The fixes on real copy: each of five reports of one day checked against the other four. Every
// drifted quote's fix titles must differ from each other and show words the fix writes, and
// fix-all must leave no quote drifted that it rewrote. Runs where the shared corpus folder exists.

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import type { SourceDocument } from '../../src/core/types';
import type { DraftAnalysis } from '../../src/server/analysis';
import { wordingTitles } from '../../src/server/codeActions';
import { renderings } from '../../src/server/diagnostics';
import { fixAllEdits } from '../../src/server/fixAll';
import { TextPositions } from '../../src/server/positions';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/ukraine-2022-01-27');

/** `text` with the edits of `fixAllEdits` applied. */
function applyEdits(text: string, positions: TextPositions, edits: ReturnType<typeof fixAllEdits>): string {
  let out = text;
  for (const edit of [...edits].reverse()) out = out.slice(0, positions.offset(edit.range.start)) + edit.newText + out.slice(positions.offset(edit.range.end));
  return out;
}

describe('real corpus: fixes on five reports of 27 January 2022', function () {
  let documents: SourceDocument[] = [];

  before(async function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    documents = (await loadCorpus([CORPUS])).documents;
    assert.equal(documents.length, 5);
  });

  it('gives every drifted quote fix titles that differ and show the words they write, and fix-all leaves no drift it rewrote', function () {
    let drifted = 0;
    let withTwoWordings = 0;
    let rewritten = 0;
    for (const draftDoc of documents) {
      const others = documents.filter((d) => d !== draftDoc).map((d, id) => ({ ...d, id }));
      const checker = new Checker(CorpusIndex.build({ documents: others, warnings: [] }));
      const text = draftDoc.text;
      const results = checker.checkText(text, 'plaintext');
      // A misattributed quote whose words drifted too has its wording fixed (never its speaker).
      const wordingDrift = (r: (typeof results)[number]) => !r.short && (r.status === 'drift' || (r.status === 'misattributed' && r.misattribution?.wording === 'drift'));
      for (const result of results.filter(wordingDrift)) {
        drifted++;
        const wordings = renderings(result, text);
        if (wordings.length > 1) withTwoWordings++;
        const current = text.slice(result.quote.inner.start, result.quote.inner.end);
        const titles = wordingTitles(current, wordings);
        assert.equal(new Set(titles).size, titles.length, `titles differ: ${JSON.stringify(titles)}`);
        titles.forEach((title, i) => {
          const shown = /^(?:Replace with|Add|Remove) “(.*)” \(.+\)$/.exec(title)?.[1];
          assert.ok(shown, `title shape: ${title}`);
          const words = shown.split(' … ');
          const source = /^Remove/.test(title) ? current : wordings[i].text;
          for (const part of words) assert.ok(source.replace(/\s+/g, ' ').includes(part), `"${part}" is in ${JSON.stringify(source)} (${title})`);
        });
      }
      const positions = new TextPositions(text);
      const analysis = { uri: 'file:///draft.txt', version: 1, text, format: 'plaintext', results, positions } as unknown as DraftAnalysis;
      const edits = fixAllEdits(analysis, () => false);
      rewritten += edits.length;
      const fixed = applyEdits(text, positions, edits);
      const after = checker.checkText(fixed, 'plaintext');
      const stillDrifted = after.filter(wordingDrift);
      assert.deepEqual(stillDrifted.map((r) => r.quote.text), [], `${path.basename(draftDoc.path)}: no drift left after fix-all`);
      assert.equal(after.length, results.length, 'fix-all keeps every quotation');
    }
    assert.ok(drifted > 0 && withTwoWordings > 0, `the real copy has drifts (${drifted}) and quotes with two wordings (${withTwoWordings})`);
    assert.equal(rewritten, drifted, 'fix-all rewrites every drifted quote');
    console.log(`      ${drifted} drifted quotes, ${withTwoWordings} with two or more source wordings; fix-all rewrote ${rewritten}`);
  });
});
