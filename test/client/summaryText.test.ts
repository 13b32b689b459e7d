import * as assert from 'assert';
import { COMMANDS } from '../../src/shared/commands';
import type { IndexStateParams } from '../../src/shared/protocol';
import { checkWorkspaceMessage, countsInWords, countsText, rebuildMessage, statusBarView, totalCounts } from '../../src/client/summaryText';

const READY: IndexStateParams = { state: 'ready', folder: 'file:///book', documents: 5 };
const COUNTS = { verbatim: 12, drift: 2, unsupported: 1 };

describe('status bar text', () => {
  it('formats counts as check, tilde and cross', () => {
    assert.strictEqual(countsText(COUNTS), '✓ 12  ~ 2  ✗ 1');
    assert.strictEqual(countsText({ verbatim: 0, drift: 0, unsupported: 0 }), '✓ 0  ~ 0  ✗ 0');
  });

  const misattributedCases: { counts: Parameters<typeof countsText>[0]; text: string; words: string }[] = [
    { counts: { ...COUNTS, misattributed: 1 }, text: '✓ 12  ~ 2  ✗ 1  ⚠ 1', words: '12 verbatim, 2 drifted, 1 unsupported, 1 misattributed' },
    { counts: { ...COUNTS, misattributed: 0 }, text: '✓ 12  ~ 2  ✗ 1', words: '12 verbatim, 2 drifted, 1 unsupported' },
    { counts: COUNTS, text: '✓ 12  ~ 2  ✗ 1', words: '12 verbatim, 2 drifted, 1 unsupported' },
  ];
  for (const c of misattributedCases) {
    it(`adds misattributed quotes only when there are some: ${c.counts.misattributed ?? 'absent'}`, () => {
      assert.strictEqual(countsText(c.counts), c.text);
      assert.strictEqual(countsInWords(c.counts), c.words);
    });
  }

  it('names misattributed quotes in the tooltip of a checked draft', () => {
    const view = statusBarView({ isDraft: true, index: READY, summary: { ...COUNTS, misattributed: 2 } });
    assert.strictEqual(view.text, '✓ 12  ~ 2  ✗ 1  ⚠ 2');
    assert.strictEqual(view.tooltip, 'Quotes checked against 5 sources: 12 verbatim, 2 drifted, 1 unsupported, 2 misattributed. Click for the quotes report.');
  });

  const cases: {
    name: string;
    isDraft: boolean;
    index: IndexStateParams | undefined;
    summary: typeof COUNTS | undefined;
    visible: boolean;
    text?: string;
    command?: string;
    tone?: string;
  }[] = [
    { name: 'a non-draft editor', isDraft: false, index: READY, summary: COUNTS, visible: false },
    { name: 'a checked draft', isDraft: true, index: READY, summary: COUNTS, visible: true, text: '✓ 12  ~ 2  ✗ 1', command: COMMANDS.showReport, tone: 'normal' },
    { name: 'indexing', isDraft: true, index: { ...READY, state: 'indexing' }, summary: COUNTS, visible: true, text: '$(sync~spin) Verbatim: indexing…', command: COMMANDS.showReport },
    { name: 'no corpus', isDraft: true, index: { ...READY, state: 'noCorpus', documents: 0 }, summary: undefined, visible: true, text: '$(warning) Verbatim: no corpus', command: COMMANDS.pickCorpusFolder, tone: 'warning' },
    { name: 'an index error', isDraft: true, index: { ...READY, state: 'error', message: 'EACCES' }, summary: undefined, visible: true, text: '$(error) Verbatim', command: COMMANDS.rebuildIndex, tone: 'error' },
    { name: 'a draft not yet summarised', isDraft: true, index: undefined, summary: undefined, visible: true, text: '$(quote) Verbatim', command: COMMANDS.showReport },
  ];
  for (const c of cases) {
    it(`shows ${c.name}`, () => {
      const view = statusBarView({ isDraft: c.isDraft, index: c.index, summary: c.summary });
      assert.strictEqual(view.visible, c.visible);
      if (c.text !== undefined) assert.strictEqual(view.text, c.text);
      if (c.command !== undefined) assert.strictEqual(view.command, c.command);
      if (c.tone !== undefined) assert.strictEqual(view.tone, c.tone);
    });
  }

  it('names the source count and the verdicts in the tooltip', () => {
    const view = statusBarView({ isDraft: true, index: READY, summary: COUNTS });
    assert.strictEqual(view.tooltip, 'Quotes checked against 5 sources: 12 verbatim, 2 drifted, 1 unsupported. Click for the quotes report.');
  });

  it('passes the server\'s error message into the tooltip', () => {
    const view = statusBarView({ isDraft: true, index: { ...READY, state: 'error', message: 'EACCES' }, summary: undefined });
    assert.match(view.tooltip, /EACCES/);
  });
});

describe('command messages', () => {
  const files = [
    { uri: 'file:///a.md', verbatim: 3, drift: 1, unsupported: 0, misattributed: 0 },
    { uri: 'file:///b.txt', verbatim: 2, drift: 0, unsupported: 4, misattributed: 0 },
  ];

  it('adds up per-file counts', () => {
    assert.deepStrictEqual(totalCounts(files), { verbatim: 5, drift: 1, unsupported: 4, misattributed: 0, short: 0, accepted: 0 });
  });

  it('adds up misattributed quotes, counting a file without them as zero', () => {
    const mixed = [{ ...files[0], misattributed: 2 }, { verbatim: 1, drift: 0, unsupported: 0 }];
    assert.deepStrictEqual(totalCounts(mixed), { verbatim: 4, drift: 1, unsupported: 0, misattributed: 2, short: 0, accepted: 0 });
    assert.strictEqual(checkWorkspaceMessage([{ ...files[0], misattributed: 2 }]), 'Verbatim checked 1 draft: 3 verbatim, 1 drifted, 0 unsupported, 2 misattributed.');
  });

  const checkCases: [typeof files, string][] = [
    [files, 'Verbatim checked 2 drafts: 5 verbatim, 1 drifted, 4 unsupported.'],
    [files.slice(0, 1), 'Verbatim checked 1 draft: 3 verbatim, 1 drifted, 0 unsupported.'],
    [[], 'Verbatim found no drafts to check in this workspace.'],
  ];
  for (const [input, expected] of checkCases) {
    it(`reports a check of ${input.length} drafts`, () => assert.strictEqual(checkWorkspaceMessage(input), expected));
  }

  const rebuildCases: { documents: number; warnings: string[]; expected: string }[] = [
    { documents: 5, warnings: [], expected: 'Verbatim indexed 5 sources.' },
    { documents: 1, warnings: ['a.pdf: unsupported'], expected: 'Verbatim indexed 1 source. 1 file could not be read.' },
    { documents: 0, warnings: ['x', 'y'], expected: 'Verbatim indexed 0 sources. 2 files could not be read.' },
  ];
  for (const c of rebuildCases) {
    it(`reports a rebuild of ${c.documents} sources with ${c.warnings.length} warnings`, () => {
      assert.strictEqual(rebuildMessage({ documents: c.documents, warnings: c.warnings }), c.expected);
    });
  }
});
