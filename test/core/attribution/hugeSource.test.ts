// A source of one enormous paragraph (a 10 MB single line) must not be scanned from its start
// for every passage asked about: the quotations of the paragraph are found once and every
// later passage is looked up among them.

import { strict as assert } from 'assert';
import { AliasTable } from '../../../src/core/attribution/sameSpeaker';
import { SourceReading } from '../../../src/core/attribution/sourceReading';
import type { Span } from '../../../src/core/types';

describe('SourceReading of a 10 MB one-line source', () => {
  const speakers = ['Ann Lee', 'Bo Park', 'Cy Diaz'];
  const pieces: string[] = [];
  const quoted: { span: Span; speaker: string }[] = [];
  let length = 0;
  for (let i = 0; length < 10_000_000; i++) {
    const filler = `Filler words number ${i} run on without a break in this line. `;
    const words = `the harbour plan ${i} will open next spring`;
    const speaker = speakers[i % speakers.length];
    const open = length + filler.length;
    const piece = `${filler}“${words},” said ${speaker}. `;
    quoted.push({ span: { start: open + 1, end: open + 1 + words.length }, speaker });
    pieces.push(piece);
    length += piece.length;
  }
  const text = pieces.join('');

  it('credits passages anywhere in the line after scanning it once', () => {
    assert.ok(text.length >= 10_000_000 && !text.includes('\n'));
    const reading = new SourceReading(text, new AliasTable());
    // From the end backwards and then scattered: no order of questions may cost a rescan.
    const picks = [quoted.length - 1, Math.floor(quoted.length / 2), 0, 17, quoted.length - 2, 4_000, 99];
    for (let k = 0; k < 200; k++) picks.push((k * 7919) % quoted.length);
    for (const p of picks) {
      const { span, speaker } = quoted[p];
      assert.equal(reading.quoteSpeaker(span)?.name, speaker, `quotation ${p}`);
    }
    assert.equal(reading.scanCount, 1);
    // A passage outside every quotation is credited to no one, still without another scan.
    const between = quoted[10].span.end + 5;
    assert.equal(reading.quoteSpeaker({ start: between, end: between + 20 }), null);
    assert.equal(reading.scanCount, 1);
  });
});
