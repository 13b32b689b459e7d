// Who each quote of a text is credited to once sentences, pronouns, descriptions and split
// quotes are followed: one row of test/fixtures/attribution/extraction.json per shape of
// attribution that news copy uses.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AliasTable, attributeQuotes } from '../../../src/core/attribution';
import type { Quote, SpeakerLink, TextFormat } from '../../../src/core/types';

interface Row {
  name: string;
  text: string;
  format?: TextFormat;
  /** The speaker of each quote in order: the name, how it was linked, and the pronoun or description next to it. */
  speakers: ([name: string, via?: SpeakerLink, mention?: string] | null)[];
}

// The bundled test runs from out/test/core/attribution, four levels below the repository root.
const REPO = path.resolve(__dirname, '../../../..');
const rows: Row[] = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/attribution/extraction.json'), 'utf8'));

function described(quote: Quote, text: string): [string, SpeakerLink?, string?] | null {
  const speaker = quote.speaker;
  if (!speaker) return null;
  const row: [string, SpeakerLink?, string?] = [speaker.name];
  if (speaker.via) row.push(speaker.via);
  if (speaker.mention) row.push(text.slice(speaker.mention.start, speaker.mention.end));
  return row;
}

describe('attributeQuotes', () => {
  for (const row of rows) {
    it(row.name, () => {
      const quotes = attributeQuotes(row.text, row.format ?? 'plaintext');
      assert.strictEqual(quotes.length, row.speakers.length, `quotes found: ${quotes.map((q) => q.text).join(' | ')}`);
      const expected = row.speakers.map((s) => (s && s.length === 1 ? [s[0]] : s));
      const actual = quotes.map((q, i) => {
        const found = described(q, row.text);
        // A row naming only the speaker does not care how it was linked.
        return found && row.speakers[i]?.length === 1 ? [found[0]] : found;
      });
      assert.deepStrictEqual(actual, expected);
    });
  }

  it('has a row for every shape of attribution listed', () => assert.ok(rows.length >= 25));

  it('points the speaker’s span at the name where it is written', () => {
    const text = 'Judge Amara Osei closed the file. “Enough,” she said.';
    const [quote] = attributeQuotes(text, 'plaintext');
    assert.strictEqual(text.slice(quote.speaker!.span.start, quote.speaker!.span.end), 'Amara Osei');
    assert.strictEqual(text.slice(quote.speaker!.mention!.start, quote.speaker!.mention!.end), 'she');
  });

  it('points speakers found in later paragraphs at their own words, past quotations before them', () => {
    // Each paragraph is read on its own; the offsets it reports must still be the text's.
    const text = [
      '“It was never about the money, and it never will be,” Okafor said in March.',
      'Ambassador Rafael Ortiz spoke next. “We hide nothing,” he told the committee.',
      'Blinken agreed on Twitter, saying, “the talks went well.”',
      '“And they will go on.”',
    ].join('\n\n');
    const quotes = attributeQuotes(text, 'plaintext');
    const credited = quotes.map((q) => [q.speaker?.name, q.speaker?.via, q.speaker && text.slice(q.speaker.span.start, q.speaker.span.end), q.speaker?.mention && text.slice(q.speaker.mention.start, q.speaker.mention.end)]);
    assert.deepStrictEqual(credited, [
      ['Okafor', undefined, 'Okafor', undefined],
      ['Rafael Ortiz', 'pronoun', 'Rafael Ortiz', 'he'],
      ['Blinken', 'sentence', 'Blinken', undefined],
      ['Blinken', 'continuation', 'Blinken', undefined],
    ]);
  });

  it('credits a description listed as an alias to the description itself', () => {
    const text = 'Rafael Ortiz arrived late. “We hide nothing,” the veteran diplomat said.';
    const [quote] = attributeQuotes(text, 'plaintext', new AliasTable({ 'the veteran diplomat': 'Tomas Berg' }));
    assert.strictEqual(quote.speaker?.name, 'the veteran diplomat');
    assert.strictEqual(quote.speaker?.via, 'description');
    assert.strictEqual(quote.speaker?.mention, undefined);
  });

  it('leaves speakers named beside their quotes as the extractor found them', () => {
    const text = '“One,” Okafor said. “Two,” said Strand.';
    const quotes = attributeQuotes(text, 'plaintext');
    assert.deepStrictEqual(quotes.map((q) => [q.speaker?.name, q.speaker?.via]), [['Okafor', undefined], ['Strand', undefined]]);
  });

  it('returns no quotes for a text without any', () => {
    assert.deepStrictEqual(attributeQuotes('Nothing was said.', 'plaintext'), []);
    assert.deepStrictEqual(attributeQuotes('', 'markdown'), []);
  });
});
