// Every reader whose offsets are not the file's own, or that knows locations, must hand the
// same answers over as data (SourceDocument.mapping), so that a cached corpus cites pages,
// times and speakers and maps offsets exactly as a freshly read one does.

import * as assert from 'assert';
import * as path from 'path';
import { mapThroughRuns } from '../../../src/core/corpus/offsetMap';
import { isCorpusWarning, loadSourceFile } from '../../../src/core/corpus/loadCorpus';
import type { SourceDocument, SourceLocation } from '../../../src/core/types';
import { makeTree, removeTree } from './fixtureTree';
import { buildPdf } from './pdfFixture';

/** The location the mapping's marks give for `offset`, as a restored document would answer. */
function locateByMarks(marks: [number, SourceLocation][], offset: number): SourceLocation {
  let found: SourceLocation = {};
  for (const [start, location] of marks) if (start <= offset) found = location;
  return { ...found };
}

describe('corpus: offset and location mappings as data', () => {
  let root = '';
  afterEach(() => { if (root) removeTree(root); root = ''; });

  const files: { name: string; contents: () => string | Uint8Array; runs: boolean; marks: boolean }[] = [
    { name: 'page.html', contents: () => '<html><body><nav>Menu</nav><article><p>Talks &ldquo;will resume&rdquo;\n soon.</p><p>Second &amp; last.</p></article></body></html>', runs: true, marks: false },
    { name: 'talk.srt', contents: () => '1\n00:00:01,000 --> 00:00:02,000\nLIND: We <i>will</i> stay.\n\n2\n00:01:05,000 --> 00:01:06,000\nHOST: Why?\n', runs: true, marks: true },
    { name: 'report.pdf', contents: () => buildPdf([['Page one text.'], ['Page two text.']]), runs: false, marks: true },
    { name: 'interview.txt', contents: () => 'HOST: Hello.\n\nLIND: We will stay.\n\nHOST: Thanks.\n', runs: false, marks: true },
  ];
  for (const { name, contents, runs, marks } of files) {
    it(`gives ${name} a mapping that answers like the document`, async () => {
      root = makeTree({ [name]: contents() });
      const doc = await loadSourceFile(path.join(root, name), 0);
      if (isCorpusWarning(doc)) assert.fail(doc.message);
      const loaded: SourceDocument = doc;
      assert.strictEqual(loaded.mapping?.runs !== undefined, runs, 'has runs');
      assert.strictEqual(loaded.mapping?.marks !== undefined, marks, 'has marks');
      for (let offset = 0; offset <= loaded.text.length; offset++) {
        if (loaded.mapping?.runs) assert.strictEqual(mapThroughRuns(loaded.mapping.runs, offset), loaded.fileOffset(offset), `fileOffset(${offset})`);
        if (loaded.mapping?.marks) assert.deepStrictEqual(locateByMarks(loaded.mapping.marks, offset), loaded.locate?.(offset), `locate(${offset})`);
      }
    });
  }
});
