// Who the draft credits with a quotation: names after the closing mark or before the opening
// mark, with titles left out and pronouns left unresolved.

import * as assert from 'assert';
import { extractQuotes, findSpeaker, proseOf } from '../../../src/core/extract';
import { assertWellFormed } from './expectQuotes';

// Each row: the draft and the speaker of its first quotation (null for none).
const cases: [name: string, draft: string, speaker: string | null][] = [
  ['name then verb after the quotation', '“We are ready,” Peskov said.', 'Peskov'],
  ['verb then name after the quotation', '“We are ready,” said Peskov.', 'Peskov'],
  ['full name with an object', '“We are ready,” Dmitry Peskov told reporters.', 'Dmitry Peskov'],
  ['verb then title and name', '“We are ready,” said Kremlin spokesman Dmitry Peskov.', 'Dmitry Peskov'],
  ['title and name then verb', '“We are ready,” Kremlin spokesman Dmitry Peskov said on Thursday.', 'Dmitry Peskov'],
  ['capitalised title before the name', '“We are ready”, Ukrainian Foreign Minister Dmytro Kuleba said.', 'Dmytro Kuleba'],
  ['title with “of” after the verb', '“Nothing about Ukraine without Ukraine,” said Secretary of State Antony Blinken.', 'Antony Blinken'],
  ['initialisms before the name', '“The council must act,” U.S. Ambassador to the U.N. Linda Thomas-Greenfield said.', 'Linda Thomas-Greenfield'],
  ['organisation and title after the verb', '“Then on February 7,” said Al Jazeera correspondent Alan Fisher, adding more.', 'Alan Fisher'],
  ['an adverb between name and verb', '“No positive response,” Lavrov also stressed.', 'Lavrov'],
  ['tweeted', '“Had a long call,” Zelenskyy tweeted.', 'Zelenskyy'],
  ['wrote with a relative clause', '“No one will force us,” wrote Andrii Levus, who began the campaign.', 'Andrii Levus'],
  ['an institution as speaker', '“He also underscored the commitment,” the White House said.', 'White House'],
  ['a name with a particle', '“Gas supplies matter,” Sheikh Tamim bin Hamad Al Thani said.', 'Tamim bin Hamad Al Thani'],
  ['colon before the quotation', 'Lavrov said: “The document contains no positive response.”', 'Lavrov'],
  ['verb then name before the quotation', 'Asked about the talks, said Lavrov: “We will study it.”', 'Lavrov'],
  ['“said that” before the quotation', 'Lavrov said that “the document contains no positive response”.', 'Lavrov'],
  ['a sentence opener before the name', 'But Lavrov warned that “the main issue remains”.', 'Lavrov'],
  ['reported speech before a partial quotation', 'Russia said there was “little ground for optimism” on Thursday.', 'Russia'],
  ['“According to” before the quotation', 'According to Kuleba, “no objections on the Ukrainian side” were raised.', 'Kuleba'],
  ['“according to” with a title', 'The talks, according to Foreign Minister Dmytro Kuleba, “went well”.', 'Dmytro Kuleba'],
  ['a plain descriptor before the name', '“It feels like home,” said stallholder Priya Natarajan.', 'Priya Natarajan'],
  ['a name after “said that” is not the speaker', 'The report said that Ukraine “must decide”.', null],
  ['“he” is left unresolved', '“This is not a moment to wait,” he said.', null],
  ['“she” with an object is left unresolved', '“We are prepared to listen,” she told reporters.', null],
  ['“they” is left unresolved', '“We hope not,” they added.', null],
  ['no attribution at all', 'The mood was “tense” all day.', null],
  ['an attribution in the next paragraph does not count', '“We are ready.”\n\nPeskov said so later.', null],
  ['a day of the week is not part of a name', 'On Thursday Peskov said: “We are ready.”', 'Peskov'],
  ['a date after the verb is not a name', '“We are ready,” Moscow said on Monday.', 'Moscow'],
  ['a verb too far from the quotation', 'Lavrov said the reply to the many long demands of the alliance was “a serious talk”.', null],
  ['an attribution before an earlier sentence end', '“First,” Peskov said. “Second.”', 'Peskov'],
  ['a name set off by commas before the verb', 'His spokesman, Dmitry Peskov, said the reply was “not encouraging”.', 'Dmitry Peskov'],
  ['a description set off by commas after the name', 'Dmitry Kozak, an aide to the president, said the talks were “useful”.', 'Dmitry Kozak'],
  ['a title set off by commas after the name', 'Konstantin Kosachyov, deputy speaker of the upper house, said there were “topics for conversation”.', 'Konstantin Kosachyov'],
  ['a clause between commas is not a name', 'The talks, said the agency, were “a start”.', null],
  ['“saying” before the quotation', 'In a post, Blinken wrote on Twitter saying “Nothing about Ukraine without Ukraine.”', 'Blinken'],
  ['“described as”', 'What Ambassador Linda Thomas-Greenfield described as “threatening behavior” was discussed.', 'Linda Thomas-Greenfield'],
  ['“called” with the name before it', 'Wang called for talks “in line with the agreement”.', 'Wang'],
  ['a name after a quotation that ends its sentence credits the next one', 'Dunmore was firm: “We will not close it.” Ahmed added that “the pool reopens”.', null],
  ['a question mark inside the marks still takes the attribution', '“Who will pay for it?” Ahmed asked.', 'Ahmed'],
  ['a councillor’s title is dropped', '“We can keep the lights on,” said Councillor Agnes Moreau.', 'Agnes Moreau'],
];

describe('findSpeaker', () => {
  for (const [name, draft, speaker] of cases) {
    it(name, () => {
      const quotes = extractQuotes(draft, 'plaintext');
      assert.ok(quotes.length > 0, 'the draft has a quotation');
      for (const quote of quotes) assertWellFormed(draft, quote);
      assert.strictEqual(quotes[0].speaker?.name ?? null, speaker);
    });
  }

  it('does not carry an attribution to the next quotation after a sentence end', () => {
    const quotes = extractQuotes('“First,” Peskov said. “Second.”', 'plaintext');
    assert.deepStrictEqual(quotes.map((q) => q.speaker?.name ?? null), ['Peskov', null]);
  });

  it('credits the sentence after a closed quotation to the quotation it introduces', () => {
    const quotes = extractQuotes('Dunmore was firm: “We will not close it.” Ahmed added that “the pool reopens”.', 'plaintext');
    assert.deepStrictEqual(quotes.map((q) => q.speaker?.name ?? null), [null, 'Ahmed']);
  });

  it('prefers an attribution before the quotation over a pronoun after it', () => {
    const quotes = extractQuotes('Lavrov said: “We will study it,” he added.', 'plaintext');
    assert.strictEqual(quotes[0].speaker?.name, 'Lavrov');
  });

  it('gives the span of the name in the draft', () => {
    const draft = '“We are ready,” said Kremlin spokesman Dmitry Peskov.';
    const [quote] = extractQuotes(draft, 'plaintext');
    assert.deepStrictEqual(quote.speaker?.span, { start: draft.indexOf('Dmitry'), end: draft.indexOf('.', draft.indexOf('Dmitry')) });
  });

  it('reads names through Markdown emphasis', () => {
    const draft = '“We are ready,” **Dmitry Peskov** said.\n';
    const [quote] = extractQuotes(draft, 'markdown');
    assert.strictEqual(quote.speaker?.name, 'Dmitry Peskov');
    assert.strictEqual(draft.slice(quote.speaker!.span.start, quote.speaker!.span.end), 'Dmitry Peskov');
  });

  it('works on a masked text with explicit spans', () => {
    const { masked, blocks } = proseOf('> “We are ready,” Kuleba\n> said.\n', 'markdown');
    const open = masked.indexOf('“');
    const close = masked.indexOf('”');
    const speaker = findSpeaker(masked, { start: open, end: close + 1 }, blocks[0]);
    assert.strictEqual(speaker?.name, 'Kuleba');
    assert.strictEqual(findSpeaker(masked, { start: open, end: close + 1 }, { start: blocks[0].start, end: close + 1 }), null);
  });
});
