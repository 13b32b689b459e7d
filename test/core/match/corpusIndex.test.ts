import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../../src/core/match/corpusIndex';
import { tokenize } from '../../../src/core/words';
import { corpusOf } from './fixtures';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/ukraine-2022-01-27');

/** The words the index stored for each document, as normalised strings. */
function indexedWords(index: CorpusIndex): string[][] {
  return index.corpus.documents.map((_, d) => Array.from(index.tokens.slice(index.docStarts[d], index.docStarts[d + 1]), (id) => index.word(id)));
}

describe('CorpusIndex.build', () => {
  it('stores exactly the words tokenize finds, on tricky text', () => {
    const texts = {
      a: "Russia’s U.S. e.g. 3.5% 10,000 don't students' rock ’n’ roll A. Smith Mr. Brown end. Next",
      b: 'café naïve Зеленський ﬁnal ＡＢＣ１２ 𝐀𝐁 long-term — @kremlin 5.5 a,b 7,x x.y',
    };
    const index = CorpusIndex.build(corpusOf(texts));
    assert.deepEqual(indexedWords(index), Object.values(texts).map((t) => tokenize(t).map((w) => w.norm)));
  });

  it('stores exactly the words tokenize finds, on random character soup', () => {
    const alphabet = ['a', 'B', '7', '.', ',', "'", '’', ' ', '-', 'é', 'U', '.', '5', '\n'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts: Record<string, string> = {};
    for (let k = 0; k < 300; k++) texts[`doc${k}`] = Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const index = CorpusIndex.build(corpusOf(texts));
    assert.deepEqual(indexedWords(index), Object.values(texts).map((t) => tokenize(t).map((w) => w.norm)));
  });

  it('stores exactly the words tokenize finds, on the real corpus', function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    const texts = Object.fromEntries(fs.readdirSync(CORPUS).map((name) => [name, fs.readFileSync(path.join(CORPUS, name), 'utf8')]));
    const index = CorpusIndex.build(corpusOf(texts));
    assert.deepEqual(indexedWords(index), Object.values(texts).map((t) => tokenize(t).map((w) => w.norm)));
  });

  it('recomputes token offsets that point at the words', () => {
    const text = 'The “little ground for optimism” line.';
    const index = CorpusIndex.build(corpusOf({ a: text }));
    const words = tokenize(text);
    for (let p = 0; p < index.tokenCount; p++) {
      assert.deepEqual([index.tokenStart(p), index.tokenEnd(p)], [words[p].start, words[p].end]);
    }
  });
});

describe('an index whose vocabulary outgrows 16-bit ids', () => {
  it('finds quotes made of words first met past the 65,535th', () => {
    // 70,000 distinct words in one document, then a sentence that reuses late ones.
    const filler = Array.from({ length: 70000 }, (_, n) => `w${n.toString(36)}`).join(' ');
    const late = [65600, 65601, 65602].map((n) => `w${n.toString(36)}`);
    const index = CorpusIndex.build(corpusOf({ filler, quoted: `The minister said ${late.join(' ')} would hold and ${late[0]} again.` }));
    assert.ok(index.vocabulary.size > 65536);
    assert.ok(index.tokens.escapedAt.length >= 4, 'the late words are stored as escapes');
    assert.ok(index.wordId(late[2]) > 65535);
    const words = indexedWords(index)[1];
    assert.deepEqual(words, ['the', 'minister', 'said', ...late, 'would', 'hold', 'and', late[0], 'again']);
    assert.equal(index.positions(index.wordId(late[0])).length, 3);
    const hits = index.search(`said ${late.join(' ')} would`, 3);
    assert.equal(hits[0]?.document.title, 'quoted');
  });
});
