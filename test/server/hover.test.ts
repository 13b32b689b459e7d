// The hover's order and length: the verdict and the diff first, at most three sources with short
// titles (the full title on the link) and "and N more", who said it, and a short quote shown as
// every other view shows it.

import * as assert from 'assert';
import type { DraftAnalysis } from '../../src/server/analysis';
import { hoverFor } from '../../src/server/hover';
import { TextPositions } from '../../src/server/positions';
import type { SourceLocator } from '../../src/server/sourceLocator';
import type { QuoteResult, SourceDocument, SourceSpeaker } from '../../src/core/types';
import { entry, matchOf, quoteIn, resultOf, sourceDoc } from './quoteResults';

const DRAFT = 'He said "little room for optimism" on Tuesday.';
const SOURCE = 'little ground for optimism';
const LONG_TITLE = 'Press conference by Foreign Minister Tomas Halvik on the Upper Selva Dam talks (transcript)';

function analysisOf(text: string, accepted = false): DraftAnalysis {
  return { uri: 'file:///draft.md', version: 1, text, format: 'markdown', positions: new TextPositions(text), results: [], corpus: { checker: { isAccepted: () => accepted } } } as unknown as DraftAnalysis;
}

const locator = { lineNumber: () => 3, uri: (document: SourceDocument) => `file://${document.path}` } as unknown as SourceLocator;

function hover(result: QuoteResult, accepted = false): string {
  const contents = hoverFor(analysisOf(DRAFT, accepted), result, locator).contents as { value: string };
  return contents.value;
}

/** A drift found in `count` sources, the first with a long title. */
function driftIn(count: number): QuoteResult {
  const docs = Array.from({ length: count }, (_, i) => ({ ...sourceDoc(SOURCE, i === 0 ? LONG_TITLE : `Wire ${i}`, `/corpus/s${i}.txt`), id: i }));
  const diff = (doc: SourceDocument) => [
    entry('same', DRAFT, doc.text, 'little', 'little'),
    entry('changed', DRAFT, doc.text, 'room', 'ground'),
    entry('same', DRAFT, doc.text, 'for optimism', 'for optimism'),
  ];
  const matches = docs.map((doc) => matchOf(doc, diff(doc)));
  return resultOf(quoteIn(DRAFT), 'drift', matches[0], { sources: matches });
}

describe('hover', function () {
  it('puts the verdict and the word diff first, the draft\'s word struck and the source\'s in bold', function () {
    const lines = hover(driftIn(1)).split('\n').filter((line) => line !== '');
    assert.strictEqual(lines[0], '**Drift: the source words this differently.**');
    assert.strictEqual(lines[1], 'little ~~room~~ **ground** for optimism');
    assert.match(lines[2], /^Source: \[Press conference by Foreign Minister Tomas…\]\(file:\/\/\/corpus\/s0\.txt#L3 "Press conference by Foreign Minister Tomas Halvik on the Upper Selva Dam talks \\\(transcript\\\)"\)$/);
  });

  it('names at most three sources, then says how many more', function () {
    const text = hover(driftIn(5));
    const listed = text.split('\n').filter((line) => line.startsWith('- '));
    assert.deepStrictEqual(listed.map((line) => /^- \[([^\]]*)\]/.exec(line)?.[1] ?? line), ['Press conference by Foreign Minister Tomas…', 'Wire 1', 'Wire 2', '- and 2 more']);
    // The long title appears as the link's text and its title, never again.
    assert.strictEqual(text.split('Upper Selva Dam').length - 1, 1);
  });

  it('shows a short quote not found the way every view does, with no passage', function () {
    const result = resultOf(quoteIn('A "vanity project" indeed.'), 'unsupported', null, { short: true });
    assert.match(hover(result), /^\*\*Short quote, not found in the corpus\. Short quotes are checked for exact presence only, so a miss is not flagged\.\*\*$/);
  });

  it('calls an accepted rendering verbatim, without a diff', function () {
    const text = hover(driftIn(1), true);
    assert.match(text, /^\*\*Verbatim: an accepted rendering \(verbatim\.json\)\.\*\*/);
    assert.doesNotMatch(text, /~~/);
  });

  it('says who said it with the fullest name, the kind and the outlet', function () {
    const result = driftIn(1);
    const doc = result.sources[0].document;
    doc.meta = { source: 'Reuters' };
    const speaker: SourceSpeaker = { name: 'Peskov', fullName: 'Dmitry Peskov', documentTitle: doc.title, path: doc.path, span: { start: 0, end: 5 }, kind: 'unknown', confident: true };
    result.sourceSpeakers = [speaker];
    assert.match(hover(result), /\nSaid by: Dmitry Peskov — Reuters$/);
    speaker.kind = 'person';
    speaker.description = 'Kremlin spokesman';
    assert.match(hover(result), /\nSaid by: Dmitry Peskov, Kremlin spokesman — Reuters$/);
    // A body is named as one: the Kremlin and Peskov can both be right, and the reader sees why.
    result.sourceSpeakers = [{ ...speaker, name: 'the Kremlin', fullName: 'the Kremlin', kind: 'body', description: undefined }];
    assert.match(hover(result), /\nSaid by: the Kremlin \\\(organisation\\\) — Reuters$/);
  });
});
