// Whether two written names are one speaker: surnames and full names, titles and possessives,
// transliterations, and the alias table from verbatim.json.

import * as assert from 'assert';
import { AliasTable, foldName, nameInDraftForm, nameParts, sameSpeaker, surnameOf } from '../../../src/core/attribution';

describe('sameSpeaker', () => {
  const table: [a: string, b: string, same: boolean][] = [
    ['Dmitry Peskov', 'Peskov', true],
    ['Kremlin spokesman Dmitry Peskov', 'Peskov', true],
    ['Peskov’s', 'Dmitry Peskov', true],
    ["Peskov's", 'Peskov', true],
    ['Sergey Lavrov', 'Sergei Lavrov', true],
    ['Foreign Minister Sergei Lavrov', 'Lavrov', true],
    ['Volodymyr Zelensky', 'Zelenskyy', true],
    ['Zelenskiy', 'Zelensky', true],
    ['Volodymyr Zelenskyy', 'Vladimir Zelensky', true],
    ['Dmitri Peskov', 'Dmitry Peskov', true],
    ['Andrii Levus', 'Andriy Levus', true],
    ['Linda Thomas-Greenfield', 'Thomas-Greenfield', true],
    ['PSAki', 'Jen Psaki', true],
    ['Aleksei Navalny', 'Alexei Navalnyi', true],
    ['Müller', 'Muller', true],
    ['Volodymyr Zelensky', 'Vladimir Putin', false],
    ['Dmitry Peskov', 'Dmitry Kozak', false],
    ['Joe Biden', 'Hunter Biden', false],
    ['Lavrov', 'Kuleba', false],
    ['Olena Zelenska', 'Volodymyr Zelensky', false],
    ['Sergey', 'Sergey Lavrov', false],
    ['', 'Lavrov', false],
    // Particles make a surname alone; capitalised, some of them are given names instead.
    ['Le Drian', 'Jean-Yves Le Drian', true],
    ['von der Leyen', 'Ursula von der Leyen', true],
    ['della Rovere', 'Giuliano della Rovere', true],
    ['van der Vaart', 'Rafael van der Vaart', true],
    ['Al Gore', 'Tipper Gore', false],
    ['Van Jones', 'Alex Jones', false],
    ['Da Silva', 'Marina Silva', false],
  ];
  for (const [a, b, same] of table) {
    it(`${JSON.stringify(a)} and ${JSON.stringify(b)} are ${same ? '' : 'not '}the same speaker`, () => {
      assert.strictEqual(sameSpeaker(a, b), same);
      assert.strictEqual(sameSpeaker(b, a), same, 'the relation is symmetric');
    });
  }

  it('applies the alias table to both names', () => {
    const aliases = new AliasTable({ POTUS: 'Joe Biden', 'the top Kremlin diplomat': 'Sergey Lavrov' });
    assert.strictEqual(sameSpeaker('POTUS', 'Biden', aliases), true);
    assert.strictEqual(sameSpeaker('Joe Biden', 'potus', aliases), true, 'aliases are matched without regard to case');
    assert.strictEqual(sameSpeaker('The top Kremlin diplomat', 'Sergei Lavrov', aliases), true, 'a leading article is optional');
    assert.strictEqual(sameSpeaker('top Kremlin diplomat', 'Lavrov', aliases), true);
    assert.strictEqual(sameSpeaker('POTUS', 'Lavrov', aliases), false);
    assert.strictEqual(sameSpeaker('POTUS', 'Biden'), false, 'without the table an alias is just another name');
  });
});

describe('foldName', () => {
  const table: [written: string, folded: string][] = [
    ['Zelenskyy', 'zelensky'],
    ['Zelenskiy', 'zelensky'],
    ['Zelenskyi', 'zelensky'],
    ['Zelenskij', 'zelensky'],
    ['Sergei', 'sergey'],
    ['Dmitri', 'dmitry'],
    ['Andrii', 'andry'],
    ['Alexei', 'aleksey'],
    ['Kosachyov', 'kosachev'],
    ['Wolodymyr', 'volodymyr'],
    ['O’Brien', 'obrien'],
    ['Sjöberg', 'sjoberg'],
  ];
  for (const [written, folded] of table) {
    it(`folds ${written} to ${folded}`, () => assert.strictEqual(foldName(written), folded));
  }
});

describe('name forms', () => {
  it('drops titles and possessives from the parts of a name', () => {
    assert.deepStrictEqual(nameParts('Ukrainian Foreign Minister Dmytro Kuleba’s'), ['dmytro', 'kuleba']);
    assert.deepStrictEqual(nameParts('Secretary of State Antony Blinken'), ['antony', 'blinken']);
  });

  it('keeps a name that is itself a title word', () => {
    assert.strictEqual(surnameOf('Speaker'), 'Speaker');
  });

  const forms: [source: string, draft: string, written: string][] = [
    ['Dmytro Kuleba', 'Lavrov', 'Kuleba'],
    ['Dmytro Kuleba', 'Sergey Lavrov', 'Dmytro Kuleba'],
    ['Foreign Minister Dmytro Kuleba', 'Foreign Minister Sergey Lavrov', 'Dmytro Kuleba'],
    ['Kuleba', 'Sergey Lavrov', 'Kuleba'],
  ];
  for (const [source, draft, written] of forms) {
    it(`writes ${source} the way the draft wrote ${draft}: ${written}`, () => assert.strictEqual(nameInDraftForm(source, draft), written));
  }
});
