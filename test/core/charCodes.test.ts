// The character tests by code must answer exactly as the regular expressions they replace.

import { strict as assert } from 'assert';
import { isSpaceAt, isSpaceCode } from '../../src/core/charCodes';

describe('charCodes', () => {
  it('tells white space by code exactly as /\\s/ does, for every UTF-16 unit', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) wrong.push(code);
    }
    assert.deepEqual(wrong, []);
  });

  it('reads a character of a text, and nothing outside it', () => {
    const text = 'a\u00a0b\n';
    assert.deepEqual([-1, 0, 1, 2, 3, 4].map((i) => isSpaceAt(text, i)), [false, false, true, false, true, false]);
  });
});
