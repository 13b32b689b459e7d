import { strict as assert } from 'assert';
import { attributeQuotes } from '../../../src/core/attribution';

describe('attribution: people named in apposition', () => {
  const rows: [string, string, string[]][] = [
    [
      'a pronoun refers to the person just named after a title and a comma',
      'Its chair, Mara Ellison, said there was “little room for optimism” after the vote.\n\nThe union\'s secretary, Tomas Brandt, was blunt. “We will not unload a single ship until the contracts are signed,” he said.',
      ['Mara Ellison', 'Tomas Brandt'],
    ],
    [
      'a description still refers to the person it titles, past someone named since',
      'Ambassador Rafael Ortiz met the press. His aide, Nina Sato, handed out copies.\n\n“We have nothing to hide,” the ambassador said.',
      ['Rafael Ortiz'],
    ],
  ];
  for (const [name, text, speakers] of rows) {
    it(name, () => assert.deepEqual(attributeQuotes(text, 'plaintext').map((q) => q.speaker?.name ?? null), speakers));
  }
});
