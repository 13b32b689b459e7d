// The word diff as every view writes it: one space between words, none between the words of a
// script written without spaces, so a Japanese diff reads 対話の~~窓~~**扉**は, not 対話の ~~窓~~ **扉** は.

import { strict as assert } from 'assert';
import { diffSegments, gap, markdownDiff } from '../../src/shared/quoteText';

describe('diff text', () => {
  const japanese = [
    { op: 'same' as const, draft: '対話の', source: '対話の' },
    { op: 'changed' as const, draft: '窓', source: '扉' },
    { op: 'same' as const, draft: 'は開かれている', source: 'は開かれている' },
  ];

  it('puts no space between words of a script written without spaces', () => {
    assert.equal(markdownDiff(japanese), '対話の~~窓~~**扉**は開かれている');
    assert.deepEqual(diffSegments(japanese).map((s) => s.tight === true), [false, true, true, true]);
  });

  it('keeps one space between words elsewhere, and between Latin and Chinese', () => {
    assert.equal(markdownDiff([
      { op: 'same', draft: 'little', source: 'little' },
      { op: 'changed', draft: 'room', source: 'ground' },
      { op: 'same', draft: 'for optimism', source: 'for optimism' },
    ]), 'little ~~room~~ **ground** for optimism');
    assert.equal(gap('iPhone', '手机'), ' ');
    assert.equal(gap('前景', '乐观'), '');
    assert.equal(gap('𠀀', '乐'), '');
  });
});
