import { strict as assert } from 'assert';
import { isNegation, isNumber, looksLikeName, normalizeWord, tokenize } from '../../src/core/words';

describe('tokenize and normalizeWord', () => {
  const rows: [string, string, string[]][] = [
    ['curly and straight apostrophes compare equal', 'Russia’s and Russia\'s', ['russia\'s', 'and', 'russia\'s']],
    ['contractions stay one word', 'don’t can\'t', ['don\'t', 'can\'t']],
    ['leading and trailing apostrophes are not part of a word', "the '90s students' fees", ['the', '90s', 'students', 'fees']],
    ['hyphens and dashes split words', 'long-term long–term long—term', ['long', 'term', 'long', 'term', 'long', 'term']],
    ['case folds', 'Kremlin KREMLIN', ['kremlin', 'kremlin']],
    ['NFKC folds ligatures and full-width letters', 'ﬁnal ＡＢＣ', ['final', 'abc']],
    ['thousands separators and decimals stay in numbers', '10,000 troops and 3.5 per cent', ['10000', 'troops', 'and', '3.5', 'per', 'cent']],
    ['initialisms with points equal those without', 'the U.S. and the US', ['the', 'us', 'and', 'the', 'us']],
    ['handles lose their @', '@kremlin said', ['kremlin', 'said']],
    ['punctuation and quote marks are not words', '“Yes!” — (no) «oui»', ['yes', 'no', 'oui']],
    ['line breaks are just spaces', 'little\nground', ['little', 'ground']],
    ['accented letters stay', 'Zelenskyy café', ['zelenskyy', 'café']],
    ['digits of every script compare as ASCII digits', '٤٠ ۴۰ ४० ４０ 40', ['40', '40', '40', '40', '40']],
    ['Chinese numerals compare as their value', '二十 三千五百 两万 二〇二二 十', ['20', '3500', '20000', '2022', '10']],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => assert.deepEqual(tokenize(text).map((w) => w.norm), expected));
  }

  it('keeps offsets of the original characters', () => {
    const text = 'said “Russia’s” plan';
    for (const word of tokenize(text)) assert.equal(normalizeWord(text.slice(word.start, word.end)), word.norm);
    assert.deepEqual(tokenize(text).map((w) => text.slice(w.start, w.end)), ['said', 'Russia’s', 'plan']);
  });

  it('tokenizes only inside the given range', () => {
    assert.deepEqual(tokenize('one two three four', 4, 13).map((w) => w.norm), ['two', 'three']);
  });
});

describe('word classes', () => {
  const negations: [string, boolean][] = [
    ['not', true], ['never', true], ["isn't", true], ['no', true], ['cannot', true], ['note', false], ['know', false],
    ['nicht', true], ['keine', true], ['pas', true], ['jamais', true], ['nunca', true], ['não', true], ['не', true], ['ніколи', true],
    ['لا', true], ['לא', true], ['不', true], ['并不', true], ['没有', true], ['ない', true], ['ません', true],
    // "ne" is dropped in speech without changing the sense; "不过" is "but".
    ['ne', false], ['nicht-', false], ['不过', false], ['personne', false],
  ];
  for (const [word, expected] of negations) it(`isNegation(${word}) is ${expected}`, () => assert.equal(isNegation(word), expected));

  const numbers: [string, boolean][] = [['40', true], ['3.5', true], ['forty', true], ['thousands', true], ['for', false], ['often', false], ['٤٠', true], ['二十', true], ['前景', false]];
  for (const [word, expected] of numbers) it(`isNumber(${word}) is ${expected}`, () => assert.equal(isNumber(word), expected));

  const names: [string, string, boolean][] = [
    ['a capitalised word mid-sentence', 'said Peskov today', true],
    ['a sentence-initial capital', 'It ended. Peskov left', false],
    ['a lower-case word', 'said peskov', false],
  ];
  for (const [label, text, expected] of names) {
    it(`looksLikeName: ${label}`, () => {
      const word = tokenize(text).find((w) => w.norm === 'peskov')!;
      assert.equal(looksLikeName(text, word), expected);
    });
  }
});
