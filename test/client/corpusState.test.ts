// The words and rules for the corpus, checking and trust state: when the no-corpus prompt is
// news, what the language status items say, and what the Quotes view and the report say instead
// of listing quotes. Plain Node: these are decided without VS Code.
import * as assert from 'assert';
import {
  corpusExpected, corpusStatusView, DISABLED_TEXT, MANAGE_TRUST_COMMAND, NO_CORPUS_TEXT, quotesNotice, shouldPromptNoCorpus, trustStatusView,
} from '../../src/client/corpusState';
import { statusBarView } from '../../src/client/summaryText';
import { COMMANDS } from '../../src/shared/commands';
import type { IndexStateParams } from '../../src/shared/protocol';

const NO_CORPUS: IndexStateParams = { state: 'noCorpus', folder: 'file:///repo', documents: 0, message: 'No corpus found in repo: sources. Create the folder or set "corpus" in verbatim.json or the verbatim.corpus setting.' };
const READY: IndexStateParams = { state: 'ready', folder: 'file:///book', documents: 12 };

describe('no-corpus state', () => {
  it('expects a corpus only where a sources/ folder, a verbatim.json or a corpus setting asks for one', () => {
    const none = { hasSourcesFolder: false, hasConfigFile: false, corpusSettingSet: false };
    assert.strictEqual(corpusExpected(none), false, 'a code repository with a README');
    assert.strictEqual(corpusExpected({ ...none, hasSourcesFolder: true }), true);
    assert.strictEqual(corpusExpected({ ...none, hasConfigFile: true }), true);
    assert.strictEqual(corpusExpected({ ...none, corpusSettingSet: true }), true);
  });

  it('prompts once, only where a corpus was expected and the workspace did not say "Don\'t Ask Again"', () => {
    const base = { expected: true, dismissedForWorkspace: false, alreadyShown: false };
    assert.strictEqual(shouldPromptNoCorpus(base), true);
    assert.strictEqual(shouldPromptNoCorpus({ ...base, expected: false }), false);
    assert.strictEqual(shouldPromptNoCorpus({ ...base, dismissedForWorkspace: true }), false);
    assert.strictEqual(shouldPromptNoCorpus({ ...base, alreadyShown: true }), false);
  });

  it('keeps the status bar free of a missing corpus nobody asked for, and warns of one that was', () => {
    const input = { isDraft: true, summary: undefined, index: NO_CORPUS };
    assert.strictEqual(statusBarView({ ...input, corpusExpected: false }).visible, false);
    const expected = statusBarView({ ...input, corpusExpected: true });
    assert.deepStrictEqual([expected.visible, expected.tone, expected.command], [true, 'warning', COMMANDS.pickCorpusFolder]);
  });

  it('hides the status bar item while checking is off', () => {
    assert.strictEqual(statusBarView({ isDraft: true, summary: { verbatim: 1, drift: 0, unsupported: 0 }, index: READY, enabled: false }).visible, false);
  });
});

describe('the Verbatim language status item', () => {
  it('says quietly that there is no corpus, and offers the folder picker', () => {
    const view = corpusStatusView({ enabled: true, index: NO_CORPUS, expected: false });
    assert.deepStrictEqual(view, {
      text: 'Verbatim: no corpus',
      detail: 'no sources/ or verbatim.json',
      severity: 0,
      busy: false,
      command: { title: 'Pick Corpus Folder…', command: COMMANDS.pickCorpusFolder },
    });
  });

  it('warns when the corpus asked for is missing', () => {
    const view = corpusStatusView({ enabled: true, index: NO_CORPUS, expected: true });
    assert.strictEqual(view.severity, 1);
    assert.strictEqual(view.detail, 'corpus not found');
  });

  it('counts the sources of a ready corpus and offers a search', () => {
    const view = corpusStatusView({ enabled: true, index: READY, expected: true });
    assert.deepStrictEqual([view.text, view.command?.command], ['Verbatim: 12 sources', COMMANDS.searchCorpus]);
  });

  it('is busy while indexing or before the server answered', () => {
    assert.strictEqual(corpusStatusView({ enabled: true, index: { ...READY, state: 'indexing' }, expected: true }).busy, true);
    assert.strictEqual(corpusStatusView({ enabled: true, index: undefined, expected: false }).busy, true);
  });

  it('offers to turn checking back on when it is off, whatever the corpus', () => {
    const view = corpusStatusView({ enabled: false, index: NO_CORPUS, expected: true });
    assert.deepStrictEqual([view.text, view.command], ['Verbatim: off', { title: 'Turn On', command: COMMANDS.toggleChecking }]);
  });

  it('offers a rebuild when indexing failed', () => {
    const view = corpusStatusView({ enabled: true, index: { ...READY, state: 'error', message: 'disk full' }, expected: true });
    assert.deepStrictEqual([view.severity, view.detail, view.command?.command], [2, 'disk full', COMMANDS.rebuildIndex]);
  });
});

describe('the Restricted Mode language status item', () => {
  it('appears only in an untrusted workspace, says what is limited and offers Manage Workspace Trust', () => {
    assert.strictEqual(trustStatusView(true), undefined);
    const view = trustStatusView(false);
    assert.ok(view);
    assert.strictEqual(view.text, 'Verbatim: Restricted Mode');
    assert.strictEqual(view.detail, 'outside sources left out');
    assert.deepStrictEqual(view.command, { title: 'Manage Workspace Trust', command: MANAGE_TRUST_COMMAND });
  });
});

describe('what the Quotes view and the report say instead of quotes', () => {
  it('says plainly that there is no corpus, never "no quotations"', () => {
    assert.strictEqual(quotesNotice({ enabled: true, index: NO_CORPUS }), NO_CORPUS_TEXT);
    assert.match(NO_CORPUS_TEXT, /^No corpus: /);
    assert.doesNotMatch(NO_CORPUS_TEXT, /No quotations/);
  });

  it('says checking is off, and how to turn it on', () => {
    assert.strictEqual(quotesNotice({ enabled: false, index: READY }), DISABLED_TEXT);
    assert.match(DISABLED_TEXT, /Toggle Checking/);
  });

  it('says nothing when quotes can be listed', () => {
    assert.strictEqual(quotesNotice({ enabled: true, index: READY }), undefined);
    assert.strictEqual(quotesNotice({ enabled: true, index: undefined }), undefined);
  });
});
