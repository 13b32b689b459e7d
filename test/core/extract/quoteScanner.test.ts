// Scanning from a block where no quotation can continue must find what scanning from the start
// finds there, and a scan told where to stop must stop only once no quotation is open.

import { strict as assert } from 'assert';
import { draftProseOf } from '../../../src/core/extract/markdownProse';
import { scanQuotes, startsAfresh } from '../../../src/core/extract/quoteScanner';
import { sampleTexts } from './sampleTexts';

describe('scanQuotes from a block', () => {
  it('finds from any fresh block what the whole scan finds from it on', () => {
    let continued = 0;
    for (const sample of sampleTexts()) {
      const { masked, blocks } = draftProseOf(sample.text, sample.format);
      const whole = scanQuotes(masked, blocks);
      for (let b = 0; b < blocks.length; b++) {
        if (!startsAfresh(masked, blocks, b)) {
          // A block that may continue a quotation is one that opens with a quotation mark.
          continued++;
          assert.ok(/^\s*["“«]/.test(masked.slice(blocks[b].start, blocks[b].end)), sample.name);
          continue;
        }
        assert.deepStrictEqual(scanQuotes(masked, blocks, b), whole.filter((q) => q.firstBlock >= b), `${sample.name}, block ${b}`);
      }
    }
    assert.ok(continued > 3);
  });

  it('stops at the first block past the limit with no quotation open', () => {
    const text = '“One opens.\n\n“And goes on.\n\n“And closes.”\n\nThen “another”.';
    const { masked, blocks } = draftProseOf(text, 'plaintext');
    const limit = blocks[1].start;
    const scanned = scanQuotes(masked, blocks, 0, limit);
    // The first quotation runs on past the limit to its close; the one after is not scanned.
    assert.equal(scanned.length, 1);
    assert.equal(scanned[0].close, text.indexOf('”'));
    assert.deepStrictEqual(scanned, scanQuotes(masked, blocks).slice(0, 1));
  });
});
