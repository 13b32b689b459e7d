// Misattribution in the languages attribution is read in: sources written for these tests
// (test/fixtures/multilingual/speakers) credit each quotation to a named person, and a draft
// that gives the words to someone else is misattributed only when both sides name a person with
// confidence. A declined Russian or Ukrainian name ("по словам Пескова") is the same person as
// its nominative; a bare Chinese name or a Japanese title alone makes no claim.

import * as assert from 'assert';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../../src/core/checker';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import type { QuoteStatus } from '../../../src/core/types';

// The bundled test runs from out/test/core/attribution, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');
const SOURCES = path.join(REPO, 'test/fixtures/multilingual/speakers');

interface Row {
  language: string;
  name: string;
  draft: string;
  status: QuoteStatus;
  /** For a misattributed quote: the draft's words the fix replaces and the source's speaker. */
  fix?: [replaced: string, replacement: string];
}

const ROWS: Row[] = [
  { language: 'de', name: 'the words given to another minister', draft: '„Die Versorgung mit Gas ist für diesen Winter gesichert“, sagte Scholz.', status: 'misattributed', fix: ['Scholz', 'Habeck'] },
  { language: 'de', name: 'the right speaker', draft: '„Die Versorgung mit Gas ist für diesen Winter gesichert“, sagte Habeck am Mittwoch.', status: 'verbatim' },
  { language: 'de', name: 'a capitalised noun after “laut” makes no claim', draft: 'Laut Angaben des Ministeriums gilt: „Die Versorgung mit Gas ist für diesen Winter gesichert.“', status: 'verbatim' },
  { language: 'de', name: 'a noun after an article makes no claim', draft: '„Die Versorgung mit Gas ist für diesen Winter gesichert“, sagte der Sprecher des Ministeriums.', status: 'verbatim' },
  { language: 'fr', name: 'the words given to the president', draft: '« La porte du dialogue avec Moscou reste grande ouverte », a déclaré Emmanuel Macron.', status: 'misattributed', fix: ['Emmanuel Macron', 'Jean-Yves Le Drian'] },
  { language: 'fr', name: 'the right speaker after “selon”', draft: 'Selon Le Drian, « la porte du dialogue avec Moscou reste grande ouverte ».', status: 'verbatim' },
  { language: 'es', name: 'the words given to the foreign minister', draft: '«No habrá tropas españolas combatiendo en la región», afirmó José Manuel Albares.', status: 'misattributed', fix: ['José Manuel Albares', 'Pedro Sánchez'] },
  { language: 'es', name: 'the right speaker', draft: '«No habrá tropas españolas combatiendo en la región», dijo Sánchez.', status: 'verbatim' },
  { language: 'pt', name: 'the words given to the president', draft: '«A solução passa sempre pela diplomacia e pelo diálogo», disse Marcelo Rebelo de Sousa.', status: 'misattributed', fix: ['Marcelo Rebelo de Sousa', 'António Costa'] },
  { language: 'pt', name: 'the right speaker', draft: 'Segundo António Costa, «a solução passa sempre pela diplomacia e pelo diálogo».', status: 'verbatim' },
  { language: 'ru', name: 'the words given to the foreign minister', draft: '«Пространство для диалога по-прежнему сохраняется», — заявил Сергей Лавров.', status: 'misattributed', fix: ['Сергей Лавров', 'Дмитрий Песков'] },
  { language: 'ru', name: 'the right speaker in the genitive', draft: 'По словам Дмитрия Пескова, «пространство для диалога по-прежнему сохраняется».', status: 'verbatim' },
  { language: 'uk', name: 'the words given to the president', draft: '«Ми не поступимося жодним сантиметром нашої землі», — заявив Зеленський.', status: 'misattributed', fix: ['Зеленський', 'Кулеба'] },
  { language: 'uk', name: 'the right speaker in the genitive', draft: 'За словами Кулеби, «ми не поступимося жодним сантиметром нашої землі».', status: 'verbatim' },
  { language: 'ja', name: 'the words given to a named prime minister', draft: '岸田首相は「楽観できる根拠は少ないが対話は続く」と述べた。', status: 'misattributed', fix: ['岸田', 'ペスコフ'] },
  { language: 'ja', name: 'a title alone makes no claim', draft: '首相は「楽観できる根拠は少ないが対話は続く」と述べた。', status: 'verbatim' },
  { language: 'zh', name: 'a bare name makes no claim', draft: '佩斯科夫说：“中方在这个问题上的立场没有任何改变。”', status: 'verbatim' },
  { language: 'zh', name: 'the right speaker with a title', draft: '外交部发言人汪文斌表示：“中方在这个问题上的立场没有任何改变。”', status: 'verbatim' },
];

describe('misattribution in many languages', function () {
  let checker: Checker;

  before(async function () {
    const corpus = await loadCorpus([SOURCES]);
    assert.deepStrictEqual(corpus.warnings, []);
    checker = new Checker(CorpusIndex.build(corpus));
  });

  for (const row of ROWS) {
    it(`${row.language}: ${row.name}`, function () {
      const results = checker.checkText(row.draft, 'plaintext');
      assert.deepStrictEqual(results.map((r) => r.status), [row.status]);
      if (!row.fix) return;
      const m = results[0].misattribution!;
      assert.deepStrictEqual([row.draft.slice(m.span.start, m.span.end), m.replacement], row.fix);
    });
  }
});
