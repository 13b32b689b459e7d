// Who a draft credits with a quotation in German, French, Spanish, Portuguese, Russian,
// Ukrainian, Japanese and Chinese: the cue verbs and "according to" forms of each language,
// the inverted order and the dash they use, and pronouns followed back to a name. Precision
// first: rows with no speaker are sentences that must credit no one, and capitalised German
// nouns must never be read as names.

import * as assert from 'assert';
import { attributeQuotes } from '../../../src/core/attribution';
import type { Quote, SpeakerKind } from '../../../src/core/types';

interface Row {
  language: string;
  name: string;
  text: string;
  /** Per quote: the speaker's name, or null when the text credits no one. */
  speakers: (string | null)[];
  /** The kind of the first quote's speaker, where the row is about it. */
  kind?: SpeakerKind;
  /** Whether the first quote's speaker is named with confidence, where the row is about it. */
  confident?: boolean;
}

const ROWS: Row[] = [
  // German: „…“ and »…«, inverted order after the quote, "hat … gesagt", "laut".
  { language: 'de', name: 'inverted order after the quote', text: '„Wir werden die Ukraine nicht im Stich lassen“, sagte Scholz am Donnerstag in Berlin.', speakers: ['Scholz'], kind: 'person', confident: true },
  { language: 'de', name: 'a compound title before the name', text: '„Die Tür für Gespräche bleibt offen“, sagte Regierungssprecher Steffen Hebestreit.', speakers: ['Steffen Hebestreit'], kind: 'person' },
  { language: 'de', name: 'name, verb and colon before the quote', text: 'Baerbock betonte: „Wir stehen fest an der Seite der Ukraine.“', speakers: ['Baerbock'] },
  { language: 'de', name: '“hat … gesagt” after the quote', text: '»Es gibt wenig Grund für Optimismus«, hat Scholz gesagt.', speakers: ['Scholz'] },
  { language: 'de', name: 'laut with a name', text: 'Laut Habeck ist die Versorgung „für diesen Winter gesichert“.', speakers: ['Habeck'] },
  { language: 'de', name: 'laut with a capitalised noun credits no one', text: 'Laut Angaben ist die Versorgung „für diesen Winter gesichert“.', speakers: [null] },
  { language: 'de', name: 'a noun after an article is no name', text: '„Die Lage ist ernst“, sagte der Sprecher der Regierung.', speakers: [null] },
  { language: 'de', name: '“so” and a name after the quote', text: '„Wir handeln gemeinsam mit unseren Partnern“, so Scholz.', speakers: ['Scholz'] },
  { language: 'de', name: 'the Kremlin with its article is a body', text: 'Der Kreml erklärte: „Nichts ist entschieden.“', speakers: ['Kreml'], kind: 'body' },
  { language: 'de', name: 'the government is a body', text: 'Die Bundesregierung erklärte: „Die Lieferungen gehen weiter.“', speakers: ['Bundesregierung'], kind: 'body' },
  { language: 'de', name: 'a pronoun after its verb refers back', text: 'Bundeskanzler Olaf Scholz äußerte sich am Abend. „Wir handeln gemeinsam mit unseren Partnern“, sagte er.', speakers: ['Olaf Scholz'] },
  { language: 'de', name: 'a noun opening the sentence before “sagte er” is nobody', text: 'Optimismus herrsche in der Delegation derzeit nicht, hieß es am Donnerstag aus Verhandlungskreisen in Genf. „Wir warten ab“, sagte er.', speakers: [null] },
  { language: 'de', name: 'a quote without a cue credits no one', text: 'Die Stimmung war „angespannt“, hieß es aus Kreisen der Delegation.', speakers: [null] },
  // French: « … » with spaces, "a déclaré", inversion, "selon".
  { language: 'fr', name: '“a déclaré” with the name after it', text: '« Nous ne sommes pas naïfs », a déclaré Emmanuel Macron jeudi soir.', speakers: ['Emmanuel Macron'], kind: 'person', confident: true },
  { language: 'fr', name: 'name, compound past and colon', text: 'Macron a affirmé : « La diplomatie reste la priorité. »', speakers: ['Macron'] },
  { language: 'fr', name: '“selon” before the quote', text: 'Selon Jean-Yves Le Drian, la réponse américaine est « un geste de fermeté ».', speakers: ['Jean-Yves Le Drian'] },
  { language: 'fr', name: 'the spokesman of the Kremlin, named after a comma', text: '« Il y a peu de raisons d’être optimiste », a déclaré le porte-parole du Kremlin, Dmitri Peskov.', speakers: ['Dmitri Peskov'] },
  { language: 'fr', name: 'a ministry is no person', text: '« La situation est préoccupante », a indiqué le ministère des Affaires étrangères.', speakers: [null] },
  { language: 'fr', name: '“a-t-il ajouté” refers back', text: 'Le président Emmanuel Macron a reçu le chancelier à l’Élysée. « Nous parlons d’une seule voix », a-t-il ajouté.', speakers: ['Emmanuel Macron'] },
  { language: 'fr', name: 'a quote without a cue credits no one', text: 'Le climat reste « tendu » à Genève.', speakers: [null] },
  // Spanish: «…», "dijo", "según", the dropped pronoun.
  { language: 'es', name: '“dijo” with the name after it', text: '«España no enviará tropas a la región», dijo Pedro Sánchez en Madrid.', speakers: ['Pedro Sánchez'], kind: 'person', confident: true },
  { language: 'es', name: 'name and verb before the quote', text: 'Albares afirmó que «la puerta al diálogo sigue abierta».', speakers: ['Albares'] },
  { language: 'es', name: '“según” before the quote', text: 'Según Josep Borrell, la respuesta es «un paso en la buena dirección».', speakers: ['Josep Borrell'] },
  { language: 'es', name: 'a title and its ministry, named after a comma', text: '«No hay margen para el optimismo», declaró el ministro de Exteriores, José Manuel Albares.', speakers: ['José Manuel Albares'] },
  { language: 'es', name: 'a ministry without a name is nobody', text: '«No hay margen para el optimismo», declaró el ministro de Exteriores.', speakers: [null] },
  { language: 'es', name: 'a verb without a subject refers back', text: 'El presidente Pedro Sánchez habló con la prensa. «Seguiremos trabajando por la paz», aseguró.', speakers: ['Pedro Sánchez'] },
  // Portuguese.
  { language: 'pt', name: '“disse” with the name after it', text: '«Portugal não enviará tropas para a região», disse António Costa.', speakers: ['António Costa'], kind: 'person', confident: true },
  { language: 'pt', name: 'name, verb and colon before the quote', text: 'Lula afirmou: «O diálogo é o único caminho.»', speakers: ['Lula'] },
  { language: 'pt', name: '“segundo” before the quote', text: 'Segundo Augusto Santos Silva, a resposta foi «clara e firme».', speakers: ['Augusto Santos Silva'] },
  { language: 'pt', name: 'a pronoun before its verb refers back', text: 'O primeiro-ministro António Costa falou aos jornalistas. Ele declarou que «a solução passa pela diplomacia».', speakers: ['António Costa'] },
  { language: 'pt', name: 'a capitalised title and its office, named after a comma', text: '«O diálogo é o único caminho», disse o Presidente da República, Marcelo Rebelo de Sousa.', speakers: ['Marcelo Rebelo de Sousa'] },
  { language: 'pt', name: 'a capitalised title and its office alone name no one', text: '«O diálogo é o único caminho», disse o Presidente da República.', speakers: [null] },
  { language: 'es', name: 'a spokesman of a ministry names no one', text: '«No habrá cambios», dijo un portavoz del Ministerio de Defensa.', speakers: [null] },
  { language: 'de', name: 'a spokesman of the foreign office names no one', text: '„Wir prüfen das“, sagte ein Sprecher des Auswärtigen Amts.', speakers: [null] },
  { language: 'ru', name: 'a plural verb credits no one', text: '«Решение не принято», — заявили в Кремле.', speakers: [null] },
  // Russian: «…», the dash after the quote, "по словам".
  { language: 'ru', name: 'the dash and the verb after the quote', text: '«Оснований для оптимизма мало», — заявил Песков журналистам.', speakers: ['Песков'], kind: 'person', confident: true },
  { language: 'ru', name: 'title and full name after the verb', text: '«Диалог будет продолжен», — сказал пресс-секретарь президента Дмитрий Песков.', speakers: ['Дмитрий Песков'] },
  { language: 'ru', name: 'a ministry and a country before the name', text: '«Мы изучим ответ», — заявил глава МИД России Сергей Лавров.', speakers: ['Сергей Лавров'] },
  { language: 'ru', name: 'name and verb before the quote', text: 'Лавров заявил, что «ответ не содержит позитивной реакции».', speakers: ['Лавров'] },
  { language: 'ru', name: '“по словам” before the quote', text: 'По словам Пескова, «пространство для диалога сохраняется».', speakers: ['Пескова'] },
  { language: 'ru', name: '“как заявила” before the name', text: 'Как заявила Захарова, «Москва не будет молчать».', speakers: ['Захарова'] },
  { language: 'ru', name: 'the Kremlin is a body', text: 'Кремль заявил: «Решение за Вашингтоном».', speakers: ['Кремль'], kind: 'body' },
  { language: 'ru', name: 'a pronoun after its verb refers back', text: 'Дмитрий Песков провёл брифинг в Москве. «Мы не теряем надежды», — сказал он.', speakers: ['Дмитрий Песков'] },
  { language: 'ru', name: '“по его словам” refers back', text: 'Сергей Лавров выступил в Госдуме. По его словам, «ответ не содержит позитивной реакции».', speakers: ['Сергей Лавров'] },
  { language: 'ru', name: 'a quote without a cue credits no one', text: 'Обстановка на границе остаётся «напряжённой».', speakers: [null] },
  // Ukrainian.
  { language: 'uk', name: 'the dash and the verb after the quote', text: '«Ми готові до будь-якого сценарію», — заявив Кулеба.', speakers: ['Кулеба'], kind: 'person', confident: true },
  { language: 'uk', name: 'a feminine verb after the quote', text: '«Партнери передали Україні 30 літаків», — зазначила Маляр.', speakers: ['Маляр'] },
  { language: 'uk', name: '“за словами” before the quote', text: 'За словами Зеленського, «паніка — найкращий друг ворога».', speakers: ['Зеленського'] },
  { language: 'uk', name: 'a pronoun after its verb refers back', text: 'Міністр закордонних справ Дмитро Кулеба прибув до Брюсселя. «Ми не поступимося жодним сантиметром», — сказав він.', speakers: ['Дмитро Кулеба'] },
  // Japanese: 「…」と述べた credits the topic before the quote.
  { language: 'ja', name: 'a title alone as the topic', text: '首相は「対話の扉は開かれている」と述べた。', speakers: ['首相'], kind: 'unknown', confident: false },
  { language: 'ja', name: 'a name with its title', text: 'ペスコフ報道官は記者団に「楽観できる根拠は少ない」と語った。', speakers: ['ペスコフ'], kind: 'person', confident: true },
  { language: 'ja', name: 'a ministry', text: '外務省は「深刻な懸念」を表明し、「対話を続ける」と話した。', speakers: [null, '外務省'], },
  { language: 'ja', name: 'a quote without a cue credits no one', text: '会場は「緊張した雰囲気」に包まれた。', speakers: [null] },
  { language: 'ja', name: 'a time word as topic is nobody', text: '今日は「特別な日だ」と述べた。', speakers: [null] },
  // Chinese: 说：“…” and 表示：“…” credit the noun phrase before the verb.
  { language: 'zh', name: 'a bare name before 说', text: '佩斯科夫说：“我们对谈判的前景并不乐观。”', speakers: ['佩斯科夫'], kind: 'person', confident: false },
  { language: 'zh', name: 'a title, then a name, then a time word', text: '外交部发言人汪文斌周四表示：“对话仍将继续。”', speakers: ['汪文斌'], kind: 'person', confident: true },
  { language: 'zh', name: 'a country, a title, a name and a weekday', text: '俄罗斯总统新闻秘书佩斯科夫周四表示：“对话仍将继续。”', speakers: ['佩斯科夫'], kind: 'person', confident: true },
  { language: 'zh', name: 'a place phrase between name and verb', text: '佩斯科夫27日在记者会上表示：“对话仍将继续。”', speakers: ['佩斯科夫'] },
  { language: 'zh', name: 'a place phrase with no name before it credits no one', text: '在记者会上表示：“对话仍将继续。”', speakers: [null] },
  { language: 'zh', name: 'the name after the quote', text: '“对话仍将继续，”佩斯科夫说。', speakers: ['佩斯科夫'] },
  { language: 'zh', name: 'a pronoun credits no one here', text: '他说：“对话仍将继续。”', speakers: [null] },
  { language: 'zh', name: 'a ministry is a body', text: '俄罗斯外交部表示：“对话仍将继续。”', speakers: ['俄罗斯外交部'], kind: 'body' },
  { language: 'zh', name: 'a quote without a cue credits no one', text: '会谈气氛“紧张”。', speakers: [null] },
  // English reads as it did: the other languages' words change nothing here.
  { language: 'en', name: 'a first name that is also a place', text: '“We will see,” Jordan Peterson said.', speakers: ['Jordan Peterson'] },
  { language: 'en', name: 'a French particle inside an English sentence', text: '“We hope so,” Marine Le Pen said on Monday.', speakers: ['Marine Le Pen'] },
  { language: 'en', name: 'a first name that is also a French article', text: '“Not now,” said Les Moonves.', speakers: ['Les Moonves'] },
  { language: 'en', name: 'the UN before a name is no article', text: 'UN envoy Linda Thomas-Greenfield said the council was “united”.', speakers: ['Linda Thomas-Greenfield'], kind: 'person' },
  { language: 'en', name: 'a first name that is a French word', text: '“We won it fairly,” Lance Armstrong said.', speakers: ['Lance Armstrong'] },
  { language: 'en', name: 'an unnamed spokesman is a description', text: '“It is over,” a spokesman said.', speakers: ['a spokesman'], kind: 'unknown', confident: false },
];

function names(quotes: Quote[]): (string | null)[] {
  return quotes.map((q) => q.speaker?.name ?? null);
}

describe('speakers in many languages', () => {
  for (const row of ROWS) {
    it(`${row.language}: ${row.name}`, () => {
      const quotes = attributeQuotes(row.text, 'plaintext');
      assert.deepStrictEqual(names(quotes), row.speakers, `quotes: ${quotes.map((q) => q.text).join(' | ')}`);
      const speaker = quotes[0].speaker;
      if (row.kind) assert.strictEqual(speaker?.kind, row.kind);
      if (row.confident !== undefined) assert.strictEqual(speaker?.confident, row.confident);
      if (speaker) assert.strictEqual(row.text.slice(speaker.span.start, speaker.span.end), speaker.name, 'the span points at the name');
    });
  }

  it('has rows that credit no one in every language with cue verbs', () => {
    for (const language of ['de', 'fr', 'es', 'ru', 'ja', 'zh']) {
      assert.ok(ROWS.some((row) => row.language === language && row.speakers.includes(null)), language);
    }
  });
});
