// The narrative around quotations: quoted words blanked, line breaks and the quotation's closing
// punctuation kept, so that offsets still point into the text.

import { strict as assert } from 'assert';
import { blanked, narrativeOf } from '../../../src/core/attribution/sentences';
import type { Quote } from '../../../src/core/types';

function quoteAt(text: string, words: string): Quote {
  const start = text.indexOf(words);
  const inner = { start, end: start + words.length };
  return { inner, outer: { start: start - 1, end: inner.end + 1 }, text: words, parts: [{ kind: 'words', ...inner }], closed: true, speaker: null };
}

describe('narrative', () => {
  it('blanks every character but line breaks, at any length', () => {
    const text = `x${'a'.repeat(3000)}b\nc y`;
    assert.equal(blanked(text, 1, 3002), ' '.repeat(3001));
    assert.equal(blanked(text, 3001, 3004), ' \n ');
    assert.equal(blanked(text, 5, 5), '');
  });

  it('blanks quoted words but keeps the closing punctuation and the length', () => {
    const text = 'Okoro said “We stay,\nall of us.” and left.';
    const narrative = narrativeOf(text, [quoteAt(text, 'We stay,\nall of us.')]);
    assert.equal(narrative, `Okoro said “${' '.repeat('We stay,'.length)}\n${' '.repeat('all of us'.length)}.” and left.`);
    assert.equal(narrative.length, text.length);
  });
});
