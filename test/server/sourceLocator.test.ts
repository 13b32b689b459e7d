// Where the editor is sent for a passage: in particular, windows of one archived document (which
// share its path, size and time) each keep their own positions.

import * as assert from 'assert';
import { SourceLocator } from '../../src/server/sourceLocator';
import type { SourceDocument } from '../../src/core/types';

function window(text: string, line: number, character: number): SourceDocument {
  return {
    id: 0, path: '/archive/hearing.txt', title: 'Hearing', text, size: 5000, mtimeMs: 1, blocks: [{ start: 0, end: text.length }], meta: {},
    display: 'extracted', shownIn: { uri: 'verbatim-archive:/db/1', line, character },
  } as unknown as SourceDocument;
}

describe('source locations', () => {
  it('places each window of an archived document by its own text, whichever was located first', () => {
    const first = window('one\ntwo\nthree quoted words', 10, 4);
    const second = window('a single line with quoted words', 40, 0);
    const locator = new SourceLocator();
    const at = (doc: SourceDocument, words: string) => locator.locate(doc, { start: doc.text.indexOf(words), end: doc.text.indexOf(words) + words.length }).range;
    assert.deepStrictEqual(at(first, 'quoted words'), { start: { line: 12, character: 6 }, end: { line: 12, character: 18 } });
    assert.deepStrictEqual(at(second, 'quoted words'), { start: { line: 40, character: 19 }, end: { line: 40, character: 31 } });
    // And again in the other order, from the cache.
    assert.deepStrictEqual(at(first, 'quoted words'), { start: { line: 12, character: 6 }, end: { line: 12, character: 18 } });
    assert.deepStrictEqual(at(first, 'one'), { start: { line: 10, character: 4 }, end: { line: 10, character: 7 } });
  });
});
