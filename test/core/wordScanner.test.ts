import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/match/corpusIndex';
import type { SourceDocument } from '../../src/core/types';
import { tokenize } from '../../src/core/words';
import { hashWord, isSpacelessCodePoint, WordScanner } from '../../src/core/wordScanner';

// The word rules written as one regular expression: simple to read, too slow for an archive.
// The scanner must find exactly the same words, outside the scripts written without spaces
// (tested on their own below).
const REFERENCE = /(?:\p{L}\.){2,}(?!\p{L})|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*(?:[.,]\p{N}+)*/gu;

function referenceWords(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => `${m.index}:${m[0]}`);
}

function scannedWords(text: string): string[] {
  const found: string[] = [];
  const scanner = new WordScanner(text);
  while (scanner.next()) found.push(`${scanner.start}:${text.slice(scanner.start, scanner.end)}`);
  return found;
}

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/ukraine-2022-01-27');

describe('WordScanner', () => {
  const rows: [string, string][] = [
    ['apostrophes inside and around words', "Russia’s don't 'quoted' students' rock ’n’ roll the '90s"],
    ['numbers with separators', '10,000 troops, 3.5%, 1,000,000. 2021,2022 and 5.'],
    ['initialisms', 'U.S. U.N. e.g. i.e.x A.B Mr.Smith U.S.A.'],
    ['dashes, hyphens and handles', 'long-term — @kremlin #tag a–b'],
    ['non-Latin scripts and marks', 'Зеленський café naïve ﬁnal ＡＢＣ１２ 서울 עברית'],
    ['astral characters', '𝐀𝐁 𝟏𝟐 😀 text'],
    ['edges of the text', "'a' b. c,"],
  ];
  for (const [name, text] of rows) it(`agrees with the reference rules: ${name}`, () => assert.deepEqual(scannedWords(text), referenceWords(text)));

  it('agrees with the reference rules on random character soup', () => {
    const alphabet = ['a', 'B', '7', '.', ',', "'", '’', ' ', '-', 'é', 'ʼ', '\n', 'U', '.', '5', '“'];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      assert.deepEqual(scannedWords(text), referenceWords(text), JSON.stringify(text));
    }
  });

  it('agrees with the reference rules on the real corpus', function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    for (const name of fs.readdirSync(CORPUS)) {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      assert.deepEqual(scannedWords(text), referenceWords(text), name);
    }
  });

  it('hashes simple words as hashWord hashes their lower case', () => {
    const scanner = new WordScanner('Kremlin said 2022');
    const seen: [boolean, boolean][] = [];
    while (scanner.next()) seen.push([scanner.simple, scanner.hash === hashWord('Kremlin said 2022'.slice(scanner.start, scanner.end).toLowerCase())]);
    assert.deepEqual(seen, [[true, true], [true, true], [true, true]]);
  });

  it('stays inside the given range', () => {
    assert.deepEqual(scannedWords('abc def ghi').length, 3);
    const scanner = new WordScanner('abc def ghi', 2, 6);
    const found: string[] = [];
    while (scanner.next()) found.push('abc def ghi'.slice(scanner.start, scanner.end));
    assert.deepEqual(found, ['c', 'de']);
  });

  const segmented: [string, string, string[]][] = [
    ['Chinese', '我们对谈判的前景并不乐观，但对话仍将继续。', ['我们', '对', '谈判', '的', '前景', '并不', '乐观', '但', '对话', '仍', '将', '继续']],
    ['Japanese', '交渉の見通しは楽観できない', ['交渉', 'の', '見通し', 'は', '楽観', 'でき', 'ない']],
    ['Thai', 'ภาษาไทยง่ายนิดเดียว', ['ภาษา', 'ไทย', 'ง่าย', 'นิด', 'เดียว']],
    ['Latin words and digits beside Chinese', 'iPhone手机在2022年卖了', ['iPhone', '手机', '在', '2022', '年', '卖', '了']],
    ['Japanese with a long-vowel mark and katakana', 'コーヒーを飲む', ['コーヒー', 'を', '飲む']],
  ];
  for (const [name, text, expected] of segmented) {
    it(`splits a script written without spaces into words: ${name}`, () => {
      assert.deepEqual(scannedWords(text).map((w) => w.slice(w.indexOf(':') + 1)), expected);
    });
  }

  it('tells the scripts written without spaces by code point', () => {
    const spaceless = [...'中日ひカタｶ々〇ไทยລາວមြ𠀀'].map((c) => isSpacelessCodePoint(c.codePointAt(0)!));
    assert.deepEqual(spaceless, spaceless.map(() => true));
    const spaced = [...'aéЖאع한・、。「」１'].map((c) => isSpacelessCodePoint(c.codePointAt(0)!));
    assert.deepEqual(spaced, spaced.map(() => false));
  });

  it('gives the index the words tokenize finds, in mixed Chinese, Japanese, Thai and Latin text', () => {
    const text = '外交部说：“我们对谈判的前景并不乐观”。 The talks (会谈) go on; 交渉の見通しは楽観できない。 ภาษาไทยง่ายนิดเดียว U.S. 2022年';
    const doc = { id: 0, path: '/mixed.txt', title: 'mixed', meta: {}, text, fileOffset: (o: number) => o, blocks: [{ start: 0, end: text.length }], size: text.length, mtimeMs: 0 } as SourceDocument;
    const index = CorpusIndex.build({ documents: [doc], warnings: [] });
    const indexed: string[] = [];
    for (let p = 0; p < index.tokenCount; p++) indexed.push(`${index.tokenStart(p)}:${index.word(index.idAt(p))}`);
    assert.deepEqual(indexed, tokenize(text).map((w) => `${w.start}:${w.norm}`));
  });
});
