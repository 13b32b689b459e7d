// Attribution in five real reports of one day, in which the same Kremlin and Kyiv statements are
// credited in many ways: full names with titles, surnames, "he said" a paragraph later, split
// quotes, appositives. Runs where the shared corpus folder exists.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { attributeQuotes, misattributionReason, sameSpeaker } from '../../../src/core/attribution';
import { Checker, CorpusIndex } from '../../../src/core/checker';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';

// The bundled test runs from out/test/core/attribution, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');
const CORPUS = path.resolve(REPO, '../shared/corpus/ukraine-2022-01-27');

/** The start of every quote each report credits to Peskov, by file name prefix. */
const PESKOV_QUOTES: Record<string, string[]> = {
  '000': ['little ground for optimism', 'there always are prospects'],
  '001': ['little room for optimism', 'there are always prospects'],
  '002': [],
  '003': ['there always are prospects'],
  '004': ['unequivocally', 'the main concerns conveyed', 'Based on that, of course'],
};

/** Quotes whose speaker is named only through a pronoun, an appositive or a split, with the person. */
const FOLLOWED: [file: string, quoteStart: string, speaker: string][] = [
  ['000', 'Russia is engaging in other', 'Linda Thomas-Greenfield'],
  ['000', 'This is not a moment to wait', 'Linda Thomas-Greenfield'],
  ['000', 'military-technical measures', 'Vladimir Putin'],
  ['000', 'important that the US remains', 'Dmytro Kuleba'],
  ['000', 'This is why we speak about economic', 'Kuleba'],
  ['001', 'a clear threat to international', 'Linda Thomas-Greenfield'],
  ['001', 'military-technical measures', 'Putin'],
  ['002', 'We also do lay out areas', 'Blinken'],
  ['002', 'There have been many initiatives', 'Dmitry Kozak'],
  ['002', 'The danger is that part', 'Olga Rebro'],
  ['003', 'We need a supplementary pause', 'Dmitry Kozak'],
  ['003', 'We are just at the beginning', 'Kirby'],
  ['004', 'We had seen the written response', 'Dmytro Kuleba'],
  ['004', 'squarely examine the facts', 'Linda Thomas-Greenfield'],
];

describe('attribution in the real corpus', function () {
  let texts: Map<string, string>;

  before(function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    texts = new Map(fs.readdirSync(CORPUS).map((name) => [name.slice(0, 3), fs.readFileSync(path.join(CORPUS, name), 'utf8')]));
  });

  for (const [file, expected] of Object.entries(PESKOV_QUOTES)) {
    it(`credits Peskov with exactly his quotes in report ${file}`, function () {
      const quotes = attributeQuotes(texts.get(file)!, 'plaintext');
      const peskov = quotes.filter((q) => q.speaker && sameSpeaker(q.speaker.name, 'Dmitry Peskov')).map((q) => q.text);
      assert.strictEqual(peskov.length, expected.length, `credited to Peskov: ${peskov.join(' | ')}`);
      expected.forEach((start, i) => assert.ok(peskov[i].startsWith(start), `${peskov[i]} should start with ${start}`));
    });
  }

  for (const [file, start, speaker] of FOLLOWED) {
    it(`follows the attribution of “${start}…” in report ${file} to ${speaker}`, function () {
      const quote = attributeQuotes(texts.get(file)!, 'plaintext').find((q) => q.text.startsWith(start));
      assert.ok(quote, 'the quote is extracted');
      assert.strictEqual(quote.speaker?.name, speaker);
    });
  }
});

describe('misattribution against the real corpus', function () {
  let checker: Checker;

  before(async function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    checker = new Checker(CorpusIndex.build(await loadCorpus([CORPUS])), { aliases: { POTUS: 'Joe Biden', 'the top Kremlin diplomat': 'Sergey Lavrov' } });
  });

  const PESKOV = '“There always are prospects for continuing a dialogue, it’s in the interests of both us and the Americans,”';
  const KULEBA = '“This crisis is a moment of truth, and this is why we speak about weapons,”';
  const rows: [name: string, draft: string, status: string, reason?: string][] = [
    ['a Peskov quote given to Lavrov', `${PESKOV} Lavrov said.`, 'misattributed', "these words are Peskov's, not Lavrov's"],
    ['a Peskov quote given to Dmitry Peskov', `${PESKOV} Dmitry Peskov said.`, 'verbatim'],
    ['a Peskov quote given to the Kremlin spokesman by title', `${PESKOV} said Kremlin spokesman Peskov.`, 'verbatim'],
    ['a Kuleba quote given to Sergei Lavrov', `${KULEBA} Foreign Minister Sergei Lavrov said.`, 'misattributed', "these words are Dmytro Kuleba's, not Sergei Lavrov's"],
    ['a Kuleba quote given to Lavrov by description', `${KULEBA} the top Kremlin diplomat said.`, 'misattributed', "these words are Dmytro Kuleba's, not the top Kremlin diplomat's"],
    ['a Kuleba quote given to Kuleba', `${KULEBA} Kuleba said.`, 'verbatim'],
    ['a tweet credited in another transliteration', '“Had a long phone conversation with POTUS,” Zelensky tweeted.', 'verbatim'],
    ['a tweet credited to the president it names', '“Had a long phone conversation with POTUS,” Joe Biden tweeted.', 'misattributed'],
  ];
  it('names who each outlet credits, for the best wording and the other wordings', function () {
    const [result] = checker.checkText('Peskov said there was “little hope for optimism”.', 'plaintext');
    assert.strictEqual(result.status, 'drift', 'one outlet credits Peskov, so the claim is not made');
    assert.deepStrictEqual(result.sources.map((s) => s.speaker).sort(), ['Dmitry Peskov', 'Russia', 'Russia']);
    const others = result.variants.flatMap((v) => v.matches.filter((m) => m.speaker).map((m) => `${m.text}: ${m.speaker}`)).sort();
    assert.deepStrictEqual(others, ['little cause for optimism: Kremlin', 'little room for optimism: Dmitry Peskov']);
  });

  for (const [name, draft, status, reason] of rows) {
    it(name, function () {
      const [result] = checker.checkText(draft, 'plaintext');
      assert.strictEqual(result.status, status, `sources credit: ${(result.sourceSpeakers ?? []).map((s) => s.name).join(', ')}`);
      if (reason) assert.strictEqual(misattributionReason(result.misattribution!), reason);
    });
  }
});

