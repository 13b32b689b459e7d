// Quotations in the languages newsrooms write in, checked end to end against a small corpus of
// statements written for these tests (test/fixtures/multilingual/corpus): each row is a draft in
// one language, with the quote it holds, the verdict, the changed words and their flags, and
// the draft words the squiggle must sit on.

import { strict as assert } from 'assert';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../src/core/checker';
import { loadCorpus } from '../../src/core/corpus/loadCorpus';
import { DEFAULT_CHECK_OPTIONS, type ChangeFlag, type QuoteResult, type QuoteStatus } from '../../src/core/types';

const REPO = path.resolve(__dirname, '../../..');
const CORPUS = path.join(REPO, 'test/fixtures/multilingual/corpus');

interface Row {
  language: string;
  name: string;
  draft: string;
  quote: string;
  status: QuoteStatus;
  /** [draft words, source words, flags] of each change, in order. */
  changes?: [string, string, ChangeFlag[]][];
  /** The draft text under each changed entry that has draft words (what the squiggle covers). */
  underlined?: string[];
  source?: string;
}

const ROWS: Row[] = [
  // Chinese: no spaces between words, so words come from Intl.Segmenter.
  { language: 'zh', name: 'a verbatim quote', draft: '发言人说：“我们对谈判的前景并不乐观，但对话仍将继续。”', quote: '我们对谈判的前景并不乐观，但对话仍将继续。', status: 'verbatim', source: 'zh-ministry.txt' },
  { language: 'zh', name: 'one character left out is drift, not unsupported', draft: '发言人说：“我们对谈判的前景并不乐观，但对话将继续。”', quote: '我们对谈判的前景并不乐观，但对话将继续。', status: 'drift', changes: [['', '仍', []]] },
  { language: 'zh', name: 'a dropped negation', draft: '他表示：“我们对谈判的前景乐观，但对话仍将继续。”', quote: '我们对谈判的前景乐观，但对话仍将继续。', status: 'drift', changes: [['', '并不', ['negation']]] },
  { language: 'zh', name: 'Chinese numerals compare as numbers', draft: '他说，“双方代表团将于下周在日内瓦再次会面，讨论20项具体建议”。', quote: '双方代表团将于下周在日内瓦再次会面，讨论20项具体建议', status: 'verbatim' },
  { language: 'zh', name: 'a changed Chinese numeral', draft: '他说，“双方代表团将于下周在日内瓦再次会面，讨论三十项具体建议”。', quote: '双方代表团将于下周在日内瓦再次会面，讨论三十项具体建议', status: 'drift', changes: [['三十', '二十', ['number']]], underlined: ['三十'] },
  // Japanese: corner brackets, and words from Intl.Segmenter.
  { language: 'ja', name: 'a verbatim quote in corner brackets', draft: '外相は「交渉の見通しは楽観できないが、対話の扉は開かれている」と述べた。', quote: '交渉の見通しは楽観できないが、対話の扉は開かれている', status: 'verbatim', source: 'ja-minister.txt' },
  { language: 'ja', name: 'a changed word underlined alone', draft: '外相は「交渉の見通しは楽観できないが、対話の窓は開かれている」と語った。', quote: '交渉の見通しは楽観できないが、対話の窓は開かれている', status: 'drift', changes: [['窓', '扉', []]], underlined: ['窓'] },
  { language: 'ja', name: 'a dropped negation', draft: '外相は「交渉の見通しは楽観できるが、対話の扉は開かれている」と述べた。', quote: '交渉の見通しは楽観できるが、対話の扉は開かれている', status: 'drift', changes: [['できる', 'できない', ['negation']]] },
  // German: every noun is capitalised, so a changed noun is no changed name.
  { language: 'de', name: 'a changed noun is drift without a name flag', draft: 'Hebestreit sagte: „Es gibt wenig Anlass für Optimismus, aber die Tür für Gespräche bleibt offen.“', quote: 'Es gibt wenig Anlass für Optimismus, aber die Tür für Gespräche bleibt offen.', status: 'drift', changes: [['gibt', 'gebe', []], ['Anlass', 'Grund', []], ['bleibt', 'bleibe', []]], underlined: ['gibt', 'Anlass', 'bleibt'] },
  { language: 'de', name: 'reversed guillemets and a dropped negation', draft: 'Er sagte, die Bundesregierung »werde Waffen in das Krisengebiet liefern«.', quote: 'werde Waffen in das Krisengebiet liefern', status: 'drift', changes: [['', 'keine', ['negation']]] },
  { language: 'de', name: 'a changed number', draft: 'Man habe „6000 Helme zugesagt“, hieß es.', quote: '6000 Helme zugesagt', status: 'drift', changes: [['6000', '5000', ['number']]] },
  // German with no umlaut and none of the commonest short words: only the detector tells it is German.
  { language: 'de', name: 'a changed noun in German without umlauts is no changed name', draft: 'Scholz sagte: „Wir werden alles tun, um den Buergern in Bayern schnell zu helfen.“', quote: 'Wir werden alles tun, um den Buergern in Bayern schnell zu helfen.', status: 'drift', changes: [['Buergern', 'Menschen', []]], underlined: ['Buergern'], source: 'de-kanzler.txt' },
  // French: guillemets with spaces; "ne … pas" is a negation, carried by "pas".
  { language: 'fr', name: 'a verbatim quote in spaced guillemets', draft: 'Il a ajouté : « Nous ne sommes pas naïfs, mais nous croyons encore à une solution diplomatique ».', quote: 'Nous ne sommes pas naïfs, mais nous croyons encore à une solution diplomatique', status: 'verbatim', source: 'fr-elysee.txt' },
  { language: 'fr', name: 'a dropped ne … pas', draft: 'Il a ajouté : « Nous sommes naïfs, mais nous croyons encore à une solution diplomatique ».', quote: 'Nous sommes naïfs, mais nous croyons encore à une solution diplomatique', status: 'drift', changes: [['', 'ne', []], ['', 'pas', ['negation']]] },
  // Russian and Ukrainian.
  { language: 'ru', name: 'a verbatim quote with a changed first letter case', draft: 'Песков заявил: «Оснований для оптимизма мало, но диалог будет продолжен».', quote: 'Оснований для оптимизма мало, но диалог будет продолжен', status: 'verbatim', source: 'ru-kremlin.txt' },
  { language: 'ru', name: 'a dropped negation', draft: 'Песков сказал, что «Москва собирается вводить войска».', quote: 'Москва собирается вводить войска', status: 'drift', changes: [['', 'не', ['negation']]] },
  { language: 'uk', name: 'a changed number', draft: 'Кулеба додав, що партнери «передали Україні 40 літаків з озброєнням».', quote: 'передали Україні 40 літаків з озброєнням', status: 'drift', changes: [['40', '30', ['number']]], underlined: ['40'] },
  // Spanish and Portuguese.
  { language: 'es', name: 'a changed word', draft: 'El ministro dijo que hay «poco espacio para el optimismo, pero que la puerta al diálogo sigue abierta».', quote: 'poco espacio para el optimismo, pero que la puerta al diálogo sigue abierta', status: 'drift', changes: [['espacio', 'margen', []]], underlined: ['espacio'] },
  { language: 'es', name: 'a dropped negation', draft: 'Según el ministro, «España enviará tropas a la región».', quote: 'España enviará tropas a la región', status: 'drift', changes: [['', 'no', ['negation']]] },
  { language: 'pt', name: 'a dropped negation', draft: 'O ministro disse que «Portugal enviará tropas para a região».', quote: 'Portugal enviará tropas para a região', status: 'drift', changes: [['', 'não', ['negation']]] },
  // Arabic and Hebrew: right to left; offsets are logical, so the squiggle sits on the word.
  { language: 'ar', name: 'Arabic-Indic digits compare as numbers', draft: 'وأضاف أن "40 دبلوماسيا ما زالوا في العاصمة".', quote: '40 دبلوماسيا ما زالوا في العاصمة', status: 'verbatim', source: 'ar-statement.txt' },
  { language: 'ar', name: 'a changed number in Arabic-Indic digits', draft: 'وأضاف أن "٥٠ دبلوماسيا ما زالوا في العاصمة".', quote: '٥٠ دبلوماسيا ما زالوا في العاصمة', status: 'drift', changes: [['٥٠', '٤٠', ['number']]], underlined: ['٥٠'] },
  { language: 'ar', name: 'a dropped negation', draft: 'وأضاف أن "الوزارة تغلق سفارتها وأن ٤٠ دبلوماسيا ما زالوا في العاصمة".', quote: 'الوزارة تغلق سفارتها وأن ٤٠ دبلوماسيا ما زالوا في العاصمة', status: 'drift', changes: [['', 'لن', ['negation']]] },
  { language: 'he', name: 'a changed word', draft: 'הדובר אמר: "אין סיבה לאופטימיות, אך הדלת לשיחות נשארת פתוחה".', quote: 'אין סיבה לאופטימיות, אך הדלת לשיחות נשארת פתוחה', status: 'drift', changes: [['לשיחות', 'לדיאלוג', []]], underlined: ['לשיחות'] },
  // Thai: no spaces between words either.
  { language: 'th', name: 'a verbatim quote that starts inside a word of the source', draft: 'โฆษกกล่าวว่า "การเจรจายังคงดำเนินต่อไปแม้จะมีความเห็นต่างกันมาก"', quote: 'การเจรจายังคงดำเนินต่อไปแม้จะมีความเห็นต่างกันมาก', status: 'verbatim', source: 'th-news.txt' },
  { language: 'th', name: 'a changed word', draft: 'โฆษกกล่าวว่า "การเจรจายังคงดำเนินต่อไปแม้จะมีความเห็นต่างกันน้อย"', quote: 'การเจรจายังคงดำเนินต่อไปแม้จะมีความเห็นต่างกันน้อย', status: 'drift', changes: [['น้อย', 'มาก', []]], underlined: ['น้อย'] },
];

function words(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

describe('quotations in many languages', function () {
  let checker: Checker;

  before(async function () {
    const corpus = await loadCorpus([CORPUS]);
    assert.deepEqual(corpus.warnings, []);
    checker = new Checker(CorpusIndex.build(corpus), DEFAULT_CHECK_OPTIONS);
  });

  for (const row of ROWS) {
    it(`${row.language}: ${row.name}`, function () {
      const results: QuoteResult[] = checker.checkText(row.draft, 'plaintext');
      assert.deepEqual(results.map((r) => r.quote.text), [row.quote]);
      const [result] = results;
      assert.equal(result.status, row.status, JSON.stringify(result.match?.diff.filter((d) => d.op !== 'same')));
      if (row.source) assert.equal(path.basename(result.match!.document.path), row.source);
      if (row.changes) {
        const changes = result.match!.diff.filter((d) => d.op !== 'same').map((d) => [words(d.draft), words(d.source), d.flags]);
        assert.deepEqual(changes, row.changes.map(([draft, source, flags]) => [words(draft), words(source), flags]));
      }
      if (row.underlined) {
        const under = result.match!.diff.filter((d) => d.op !== 'same' && d.draftSpan.end > d.draftSpan.start).map((d) => row.draft.slice(d.draftSpan.start, d.draftSpan.end));
        assert.deepEqual(under, row.underlined);
      }
    });
  }
});
