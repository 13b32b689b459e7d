import * as assert from 'assert';
import { escapeMarkdown, groupQuotes, quoteDescription, quoteLabel, quoteTooltip } from '../../src/client/quoteGroups';
import { quote } from './fixtures';

describe('quotes tree grouping', () => {
  it('orders groups drift, unsupported, verbatim and keeps draft order inside each', () => {
    const groups = groupQuotes([
      quote(9, { status: 'verbatim', text: 'late verbatim' }),
      quote(1, { status: 'verbatim', text: 'early verbatim' }),
      quote(5, { status: 'unsupported', source: null }),
      quote(7, { status: 'drift' }),
      quote(3, { status: 'drift' }),
    ]);
    assert.deepStrictEqual(groups.map((g) => g.label), ['Drift (2)', 'Unsupported (1)', 'Verbatim (2)']);
    assert.deepStrictEqual(groups[0].quotes.map((q) => q.range.start.line), [3, 7]);
    assert.deepStrictEqual(groups[2].quotes.map((q) => q.text), ['early verbatim', 'late verbatim']);
  });

  it('leaves out empty groups', () => {
    assert.deepStrictEqual(groupQuotes([quote(0)]).map((g) => g.status), ['verbatim']);
    assert.deepStrictEqual(groupQuotes([]), []);
  });

  it('labels a quote on one line, shortened', () => {
    assert.strictEqual(quoteLabel(quote(0, { text: 'we will\nnot retreat' })), '“we will not retreat”');
    const long = quoteLabel(quote(0, { text: 'word '.repeat(40) }));
    assert.ok(long.length <= 72 && long.endsWith('…”'), long);
  });

  const descriptionCases: { name: string; overrides: Parameters<typeof quote>[1]; expected: string }[] = [
    { name: 'a verbatim quote', overrides: {}, expected: 'line 3 · Wire report' },
    { name: 'an unsupported quote', overrides: { status: 'unsupported', source: null }, expected: 'line 3 · no source' },
    { name: 'a drift with a changed number', overrides: { status: 'drift', flags: ['number'] }, expected: 'line 3 · Wire report · number changed' },
    { name: 'a short quote', overrides: { short: true }, expected: 'line 3 · Wire report · short: exact match only' },
  ];
  for (const c of descriptionCases) {
    it(`describes ${c.name}`, () => assert.strictEqual(quoteDescription(quote(2, c.overrides)), c.expected));
  }

  it('escapes Markdown in tooltips so quote text cannot format or link', () => {
    assert.strictEqual(escapeMarkdown('*bold* [link](http://x) <b>'), '\\*bold\\* \\[link\\]\\(http://x\\) \\<b\\>');
    const tooltip = quoteTooltip(quote(0, { text: 'see [here](command:evil)', speaker: 'A_B' }));
    assert.ok(!tooltip.includes('[here](command:evil)'), tooltip);
    assert.ok(tooltip.includes('Speaker: A\\_B'), tooltip);
  });

  it('shows the source passage, score and other renderings in the tooltip', () => {
    const tooltip = quoteTooltip(quote(0, {
      status: 'drift',
      score: 0.82,
      variants: [{ text: 'we shall not withdraw', count: 2, titles: ['Agency', 'Daily'] }],
    }));
    assert.ok(tooltip.startsWith('**Drift** · 82% similar'), tooltip);
    assert.ok(tooltip.includes('Source — *Wire report*:'), tooltip);
    assert.ok(tooltip.includes('- “we shall not withdraw” (2: Agency, Daily)'), tooltip);
  });

  it('says when no source comes close', () => {
    assert.ok(quoteTooltip(quote(0, { status: 'unsupported', source: null, score: null })).includes('No source passage comes close'));
  });
});
