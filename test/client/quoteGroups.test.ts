import * as assert from 'assert';
import { escapeMarkdown, groupQuotes, quoteDescription, quoteLabel, quoteTooltip, verdictIcon } from '../../src/client/quoteGroups';
import { quote } from './fixtures';
import type { MisattributionInfo } from '../../src/shared/protocol';

const MISATTRIBUTION: MisattributionInfo = {
  draftSpeaker: 'Lavrov',
  sourceSpeaker: 'Kuleba',
  replacement: 'Kuleba',
  title: 'Wire report',
  range: { start: { line: 2, character: 40 }, end: { line: 2, character: 46 } },
  message: 'in "Wire report" these words are Kuleba\'s, not Lavrov\'s',
};

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

  it('puts misattributed quotes first, in their own group', () => {
    const groups = groupQuotes([
      quote(1, { status: 'drift' }),
      quote(4, { status: 'misattributed', misattribution: MISATTRIBUTION }),
      quote(2, { status: 'verbatim' }),
    ]);
    assert.deepStrictEqual(groups.map((g) => g.label), ['Misattributed (1)', 'Drift (1)', 'Verbatim (1)']);
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
    { name: 'a misattributed quote', overrides: { status: 'misattributed', misattribution: MISATTRIBUTION }, expected: 'line 3 · Wire report · said by Kuleba, not Lavrov' },
  ];
  for (const c of descriptionCases) {
    it(`describes ${c.name}`, () => assert.strictEqual(quoteDescription(quote(2, c.overrides)), c.expected));
  }

  it('escapes Markdown in tooltips so quote text cannot format or link', () => {
    assert.strictEqual(escapeMarkdown('*bold* [link](http://x) <b>'), '\\*bold\\* \\[link\\]\\(http\\://x\\) \\<b\\>');
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
    assert.ok(tooltip.startsWith('**Drift** (warning) · 82% similar'), tooltip);
    assert.ok(tooltip.includes('Source — *Wire report*:'), tooltip);
    assert.ok(tooltip.includes('- “we shall not withdraw” (2: Agency, Daily)'), tooltip);
  });

  it('marks a primary source in the tooltip, and says when the verdict rests on reports alone', () => {
    const primary = quoteTooltip(quote(0, {
      status: 'drift',
      source: { ...quote(0).source!, title: 'Briefing transcript', kind: 'primary', kindLabel: 'primary source: transcript' },
      variants: [{ text: 'we shall not withdraw', count: 2, titles: ['Agency', 'Daily'] }],
    }));
    assert.ok(primary.includes('Source — *Briefing transcript* — **primary source\\: transcript**:'), primary);
    const reports = quoteTooltip(quote(0, {
      source: { ...quote(0).source!, kind: 'report', kindLabel: 'report' },
      basisNote: 'No primary source in the corpus; 3 of 4 reports agree',
    }));
    assert.ok(reports.includes('Source — *Wire report* — report:'), reports);
    assert.ok(reports.includes('_No primary source in the corpus; 3 of 4 reports agree._'), reports);
  });

  it('explains a misattribution and says who said it per source, with citations', () => {
    const tooltip = quoteTooltip(quote(0, {
      status: 'misattributed',
      misattribution: MISATTRIBUTION,
      source: { ...quote(0).source!, citation: 'Reuters, 27 Jan 2022, p. 4' },
      sourceSpeakers: [
        { name: 'Kuleba', fullName: 'Dmytro Kuleba', title: 'Talks in Geneva', outlet: 'Al Jazeera', citation: 'Al Jazeera' },
        { name: 'Dmytro Kuleba', fullName: 'Dmytro Kuleba', title: 'Wire report', outlet: '', citation: '' },
      ],
    }));
    const lines = tooltip.split('\n');
    assert.strictEqual(lines[0], '**Misattributed** (error)');
    assert.strictEqual(lines[1], 'In "Wire report" these words are Kuleba\'s, not Lavrov\'s.');
    assert.ok(tooltip.includes('Source — *Wire report* (Reuters, 27 Jan 2022, p. 4):'), tooltip);
    // One speaker, named once per outlet, the fullest form of the name.
    assert.ok(tooltip.includes('Said by: Dmytro Kuleba — Al Jazeera; Dmytro Kuleba — Wire report'), tooltip);
  });

  it('names the speaker kind and description when the engine gives them', () => {
    const tooltip = quoteTooltip(quote(0, {
      sourceSpeakers: [{ name: 'Peskov', fullName: 'Dmitry Peskov', title: 'Wire', outlet: 'Reuters', citation: '', kind: 'person', description: 'Kremlin spokesman' }],
    }));
    assert.ok(tooltip.includes('Said by: Dmitry Peskov, Kremlin spokesman — Reuters'), tooltip);
  });

  it('shows the diff the hover\'s way: the draft\'s words struck, the source\'s in bold', () => {
    const tooltip = quoteTooltip(quote(0, { status: 'drift', text: 'little room', diff: [{ op: 'same', draft: 'little', source: 'little' }, { op: 'changed', draft: 'room', source: 'ground' }] }));
    assert.ok(tooltip.includes('\nlittle ~~room~~ **ground**\n'), tooltip);
  });

  const iconCases: [string, Parameters<typeof quote>[1], string][] = [
    ['a changed number as the error Problems shows', { status: 'drift', flags: ['number'] }, 'error problemsErrorIcon.foreground'],
    ['a plain drift as a warning', { status: 'drift' }, 'warning problemsWarningIcon.foreground'],
    ['a misattribution as an error', { status: 'misattributed', misattribution: MISATTRIBUTION }, 'error problemsErrorIcon.foreground'],
    ['an unsupported quote as a warning', { status: 'unsupported', source: null }, 'warning problemsWarningIcon.foreground'],
    ['information when the writer chose it', { status: 'unsupported', verdict: { kind: 'unsupported', severity: 'information', accepted: false } }, 'info problemsInfoIcon.foreground'],
    ['a short quote not found as a grey ring', { status: 'unsupported', short: true, source: null }, 'circle-large-outline descriptionForeground'],
    ['verbatim as a green tick', {}, 'pass charts.green'],
  ];
  for (const [name, overrides, expected] of iconCases) {
    it(`marks ${name}`, () => {
      const icon = verdictIcon(quote(0, overrides).verdict);
      assert.strictEqual(`${icon.icon} ${icon.color}`, expected);
    });
  }

  it('groups a short quote not found on its own, after the problems, with the worst severity on each group', () => {
    const groups = groupQuotes([
      quote(1, { status: 'unsupported', short: true, source: null }),
      quote(2, { status: 'drift' }),
      quote(3, { status: 'drift', flags: ['negation'] }),
      quote(4),
    ]);
    assert.deepStrictEqual(groups.map((g) => [g.label, g.severity]), [['Drift (2)', 'error'], ['Short, not found (1)', null], ['Verbatim (1)', null]]);
    assert.strictEqual(quoteDescription(groups[1].quotes[0]), 'line 2 · no source · short: exact match only');
  });

  it('says when no source comes close', () => {
    assert.ok(quoteTooltip(quote(0, { status: 'unsupported', source: null, score: null })).includes('No source passage comes close'));
  });
});
