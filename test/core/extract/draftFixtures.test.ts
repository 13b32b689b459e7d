// Whole drafts written the way writers write: every convention at once, in Markdown and in
// plain text, read from test/fixtures/drafts.

import * as fs from 'fs';
import * as path from 'path';
import { type QuoteCase, expectQuotes } from './expectQuotes';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/drafts');

const fixtures: Omit<QuoteCase, 'draft'>[] = [
  {
    name: 'harbour-feature.md',
    format: 'markdown',
    quotes: [
      { text: 'stronger wall', closed: true, speaker: null },
      { text: 'We have to be very careful with the timing, because the autumn gales arrive without warning.', closed: true },
      { text: 'Nobody here wants another winter like 2019,', speaker: 'Tom Reyes' },
      { text: 'older than anyone in this room', speaker: null },
      { text: 'The sea does not wait for committees. It comes when it comes, and it takes what it finds,', closed: true, speaker: 'Okafor' },
      {
        text: 'the footings are sound […] but the coping stones need replacing',
        parts: [['words', 'the footings are sound'], ['ellipsis', '[…]'], ['words', 'but the coping stones\nneed replacing']],
      },
      { text: '£1.2 million [in 2024 prices]', parts: [['words', '£1.2 million'], ['insertion', '[in 2024 prices]']] },
      { text: 'Work starts in May,', speaker: null },
      { text: 'full minutes' },
      { text: 'If it fails . . . we lose the quay.', closed: false },
    ],
  },
  {
    name: 'market-column.txt',
    format: 'plaintext',
    quotes: [
      { text: 'It feels like coming home,', speaker: 'Priya Natarajan' },
      { text: 'We\'ve spent 3.5 million on this building,', speaker: null },
      { text: 'It has to pay its way.', speaker: null },
      { text: 'On est prêts', closed: true },
      { text: 'The first year will be hard. The second year will tell us whether it works,', closed: true, speaker: 'Natarajan' },
      { text: 'the roof alone cost more than the whole 1987 refit', speaker: 'Whitfield' },
      { text: 'eine Frechheit', closed: true, speaker: null },
    ],
  },
];

describe('extractQuotes: draft fixtures', () => {
  for (const fixture of fixtures) {
    it(`finds every quotation of ${fixture.name}`, () => {
      const draft = fs.readFileSync(path.join(FIXTURES, fixture.name), 'utf8');
      expectQuotes({ ...fixture, draft });
    });
  }
});
