// Token offsets are found by scanning a document only as far as the last token asked for, and
// resuming there for a later token. Whatever the order of the requests, every offset must be the
// one a scan of the whole document gives, including inside runs of a script without spaces,
// which are split as a whole.

import * as assert from 'assert';
import { CorpusIndex } from '../../../src/core/match/corpusIndex';
import { parseTextSource } from '../../../src/core/corpus/textSource';
import type { Corpus, SourceDocument } from '../../../src/core/types';
import { WordScanner } from '../../../src/core/wordScanner';

const TEXTS = [
  'The minister said the U.S. talks would resume in 2.5 weeks.\n\nShe didn’t say more.',
  '东京的会议将于明天继续。The delegates said 两万 people attended.\n\nภาษาไทยไม่มีช่องว่าง and then English again, 10,000 times.',
  '',
  'One more short document.',
  // Words the plain ASCII path must hand to the scanner: an apostrophe or a point inside, a
  // non-ASCII letter after ASCII ones, initialisms, numbers, a word at a block's very end.
  "Rock'n'roll isn't dead, said Dr. O'Neil at 3.14 p.m. in the U.K. on 1,000 naïve cafés e.g. this.\n\nEnd.",
  'Zürich\u2019s mayor said “no” — twice… 東京 then ASCII3 x.y 4.5.6 a. b.c.',
];

function corpusOf(texts: string[]): Corpus {
  const documents: SourceDocument[] = texts.map((text, id) => {
    const parsed = parseTextSource(text);
    return { id, path: `/doc${id}.txt`, title: `doc ${id}`, meta: {}, text, fileOffset: (o: number) => o, blocks: parsed.blocks, size: text.length, mtimeMs: 0 };
  });
  return { documents, warnings: [] };
}

/** Every token's [start, end] by scanning each document whole, in index order. */
function wholeScans(corpus: Corpus): [number, number][] {
  const out: [number, number][] = [];
  for (const doc of corpus.documents) {
    for (const block of doc.blocks) {
      const scanner = new WordScanner(doc.text, block.start, block.end);
      while (scanner.next()) out.push([scanner.start, scanner.end]);
    }
  }
  return out;
}

describe('token offsets scanned on demand', () => {
  const corpus = corpusOf(TEXTS);
  const expected = wholeScans(corpus);

  it('the index holds as many tokens as a whole scan finds', () => {
    assert.strictEqual(CorpusIndex.build(corpus).tokenCount, expected.length);
  });

  for (const [name, order] of [
    ['in order', (n: number) => Array.from({ length: n }, (_, p) => p)],
    ['backwards', (n: number) => Array.from({ length: n }, (_, p) => n - 1 - p)],
    ['leaping about', (n: number) => Array.from({ length: n }, (_, p) => (p * 7919) % n)],
  ] as const) {
    it(`gives the offsets of a whole scan when asked ${name}`, () => {
      const index = CorpusIndex.build(corpus);
      const seen = order(index.tokenCount).map((p) => [p, index.tokenStart(p), index.tokenEnd(p)]);
      for (const [p, start, end] of seen) assert.deepStrictEqual([start, end], expected[p], `token ${p}`);
    });
  }
});
