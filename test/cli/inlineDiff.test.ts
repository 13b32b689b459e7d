// The wdiff-style rendering of a drifted quote: changes marked where they happen, the writer's
// own ellipses and brackets kept, and spacing that reads naturally around dropped words.

import * as assert from 'assert';
import { inlineDiff, quoteText, type DiffStyle } from '../../src/cli/inlineDiff';
import type { DiffEntry, DiffOp, QuoteResult, SourceDocument } from '../../src/core/types';

const SOURCE: SourceDocument = {
  id: 0,
  path: '/corpus/source.txt',
  title: 'Source',
  meta: {},
  text: '',
  fileOffset: (offset) => offset,
  blocks: [],
  size: 0,
  mtimeMs: 0,
};

/**
 * Builds a result for the quote between the first pair of curly marks in `draft`. Each step names
 * draft words by their text (found left to right inside the quote); a dropped step names the draft
 * word it stands before, or '' for the quote's end.
 */
function result(draft: string, steps: [DiffOp, string, string][]): QuoteResult {
  const start = draft.indexOf('“') + 1;
  const end = draft.indexOf('”');
  let cursor = start;
  const diff: DiffEntry[] = steps.map(([op, draftWords, source]) => {
    const at = draftWords === '' ? end : draft.indexOf(draftWords, cursor);
    assert.ok(at >= 0, `"${draftWords}" is not in the draft`);
    const span = op === 'dropped' ? { start: at, end: at } : { start: at, end: at + draftWords.length };
    cursor = span.end;
    return { op, draft: op === 'dropped' ? '' : draftWords, source, draftSpan: span, sourceSpan: { start: 0, end: 0 }, flags: [] };
  });
  const text = draft.slice(start, end);
  return {
    quote: { inner: { start, end }, outer: { start: start - 1, end: end + 1 }, text, parts: [{ kind: 'words', start, end }], closed: true, speaker: null },
    status: 'drift',
    short: false,
    match: { document: SOURCE, span: { start: 0, end: 0 }, text: '', score: 0.8, diff },
    sources: [],
    variants: [],
    flags: [],
  };
}

describe('inlineDiff', function () {
  const table: { name: string; draft: string; steps: [DiffOp, string, string][]; expected: string }[] = [
    {
      name: 'a changed word',
      draft: 'He saw “little room for optimism” there.',
      steps: [['same', 'little', 'little'], ['changed', 'room', 'ground'], ['same', 'for optimism', 'for optimism']],
      expected: 'little [-room-]{+ground+} for optimism',
    },
    {
      name: 'a dropped word before the next word',
      draft: 'She said “we will close the library”.',
      steps: [['same', 'we will', 'we will'], ['dropped', 'close', 'not'], ['same', 'close the library', 'close the library']],
      expected: 'we will {+not+} close the library',
    },
    {
      name: 'a dropped word at the end of the quote',
      draft: 'She said “it was a hard”.',
      steps: [['same', 'it was a hard', 'it was a hard'], ['dropped', '', 'compromise']],
      expected: 'it was a hard {+compromise+}',
    },
    {
      name: 'an added word',
      draft: '“The wall will be rebuilt well before winter,” he said.',
      steps: [['same', 'The wall will be rebuilt', 'The wall will be rebuilt'], ['added', 'well', ''], ['same', 'before winter', 'before winter']],
      expected: 'The wall will be rebuilt [-well-] before winter,',
    },
    {
      name: 'a change before a comma',
      draft: '“another eight weeks, and more”',
      steps: [['same', 'another', 'another'], ['changed', 'eight', 'six'], ['same', 'weeks', 'weeks'], ['same', 'and more', 'and more']],
      expected: 'another [-eight-]{+six+} weeks, and more',
    },
    {
      name: 'the writer’s ellipsis and brackets kept between changes',
      draft: '“The reservoir … must [never] be emptied until spring”',
      steps: [['same', 'The reservoir', 'The reservoir'], ['same', 'must', 'must'], ['changed', 'emptied', 'filled'], ['same', 'until', 'until'], ['changed', 'spring', 'summer']],
      expected: 'The reservoir … must [never] be [-emptied-]{+filled+} until [-spring-]{+summer+}',
    },
    {
      name: 'line breaks and blockquote markers collapsed',
      draft: '> “The harbour wall will be\n> rebuilt after winter”',
      steps: [['same', 'The harbour wall will be', 'The harbour wall will be'], ['same', 'rebuilt', 'rebuilt'], ['changed', 'after', 'before'], ['same', 'winter', 'winter']],
      expected: 'The harbour wall will be rebuilt [-after-]{+before+} winter',
    },
    {
      name: 'two adjacent changes',
      draft: '“on Sunday afternoons”',
      steps: [['same', 'on', 'on'], ['changed', 'Sunday', 'Saturday'], ['changed', 'afternoons', 'mornings']],
      expected: 'on [-Sunday-]{+Saturday+} [-afternoons-]{+mornings+}',
    },
  ];
  for (const row of table) {
    it(`marks ${row.name}`, function () {
      assert.strictEqual(inlineDiff(row.draft, result(row.draft, row.steps)), row.expected);
    });
  }

  it('returns the plain quote when nothing changed', function () {
    const draft = 'He said “we came in good\nfaith” today.';
    assert.strictEqual(inlineDiff(draft, result(draft, [['same', 'we came in good\nfaith', 'we came in good faith']])), 'we came in good faith');
  });

  it('applies the style to the marks only', function () {
    const draft = '“little room for optimism”';
    const style: DiffStyle = { removed: (t) => `<del>${t}</del>`, added: (t) => `<ins>${t}</ins>` };
    const steps: [DiffOp, string, string][] = [['same', 'little', 'little'], ['changed', 'room', 'ground'], ['same', 'for optimism', 'for optimism']];
    assert.strictEqual(inlineDiff(draft, result(draft, steps), style), 'little <del>[-room-]</del><ins>{+ground+}</ins> for optimism');
  });

  it('writes a quote on one line', function () {
    const draft = '> “one\n> two\r\n> three”';
    assert.strictEqual(quoteText(draft, { start: 3, end: draft.length - 1 }), 'one two three');
  });
});
