// The fixes over stdio, as an editor gets them from the bundled server: quick-fix titles that
// show the words they write, the file-wide fix (on request by kind, as codeActionsOnSave asks),
// ignoring in a plain-text draft, the ignore list of verbatim.json, and quick fixes made from the
// server's own verdicts whatever diagnostics the request carries.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, rangeOf, REPO_ROOT } from './lspTestClient';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/lsp/workspace');

// Two drifted quotes on one line (the second a changed number), one verbatim, one unsupported.
const DRAFT = [
  '# The wall',
  '',
  'After the vote, Mayor Ines Calder said: "It will not survive another winter storm."',
  '',
  'She admitted: "We have little room for optimism about the old wall." Reyes warned that "the repairs will cost 14 million euros and take three years to finish."',
  '',
  'A fisherman added: "The fish market will move to the southern pier next spring."',
  '',
].join('\n');

const FIXED = DRAFT
  .replace('little room for', 'little ground for')
  .replace('14 million', '40 million');

const PLAIN = [
  'Notes from the quay.',
  '',
  'The mayor said:',
  '"We have little room for optimism about the old wall."',
  'Reyes warned that "the repairs will cost 14 million euros and take three years to finish."',
  '',
].join('\n');

function copyWorkspace(config?: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-fixes-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  if (config) fs.writeFileSync(path.join(dir, 'verbatim.json'), JSON.stringify(config));
  return dir;
}

/** `text` with LSP edits applied, as an editor applies them: all ranges refer to the text before. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (let i = 1; i < sorted.length; i++) assert.ok(offset(sorted[i].range.end) <= offset(sorted[i - 1].range.start), 'edits do not overlap');
  let out = text;
  for (const edit of sorted) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

describe('language server: fixes', function () {
  let root: string;
  let client: LspTestClient;
  let draftUri: string;
  let first: PublishDiagnosticsParams;
  let version = 1;

  before(async function () {
    root = copyWorkspace();
    client = await LspTestClient.start({
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: false, workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    draftUri = pathToFileURL(path.join(root, 'draft.md')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version, text: DRAFT } });
    first = await client.diagnostics(draftUri, (p) => p.version === 1, 'diagnostics of the draft');
  });

  after(async function () {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const fixAll = (only: string[]) => client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: draftUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only },
  }) as Promise<CodeAction[]>;

  it('titles each wording fix with the words it writes and its sources', async function () {
    const drift = first.diagnostics.find((d) => d.code === 'drift')!;
    const number = first.diagnostics.find((d) => d.code === 'number')!;
    const titles = async (diagnostic: Diagnostic) => ((await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draftUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    })) as CodeAction[]).map((a) => a.title);
    assert.deepStrictEqual((await titles(drift)).slice(0, 3), [
      'Replace with “little ground” (Coastal Courier + 1)',
      'Replace with “little cause” (Tidewater Post)',
      'Use the source wording for every drift in this file',
    ]);
    assert.strictEqual((await titles(number))[0], 'Replace with “cost 40” (Harbour Gazette)');
  });

  it('rewrites every drift of the file with one source.fixAll.verbatim action, verbatim quotes untouched', async function () {
    for (const only of [['source.fixAll.verbatim'], ['source.fixAll'], ['source']]) {
      const actions = await fixAll(only);
      assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [['Use the source wording for every drift in this file', 'source.fixAll.verbatim']], `only ${only}`);
      const [change] = actions[0].edit!.documentChanges as { textDocument: { uri: string; version: number }; edits: TextEdit[] }[];
      assert.deepStrictEqual(change.textDocument, { uri: draftUri, version: 1 });
      assert.deepStrictEqual(change.edits.map((e) => e.range), [
        rangeOf(DRAFT, 'We have little room for optimism about the old wall.'),
        rangeOf(DRAFT, 'the repairs will cost 14 million euros and take three years to finish.'),
      ]);
      assert.strictEqual(applyEdits(DRAFT, change.edits), FIXED);
    }
    assert.deepStrictEqual(await fixAll(['quickfix']), [], 'a quick-fix request where no drift is gets nothing');
  });

  it('leaves no drift once applied, and then offers nothing more', async function () {
    const [action] = await fixAll(['source.fixAll.verbatim']);
    const [change] = action.edit!.documentChanges as { edits: TextEdit[] }[];
    version++;
    const next = client.diagnostics(draftUri, (p) => p.version === version, 'diagnostics after the fix', true);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version }, contentChanges: [{ text: applyEdits(DRAFT, change.edits) }] });
    assert.deepStrictEqual((await next).diagnostics.map((d) => d.code), ['unsupported']);
    assert.deepStrictEqual(await fixAll(['source.fixAll.verbatim']), []);
  });

  it('works on the newest text when asked right after an edit, before any check was published', async function () {
    version++;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version }, contentChanges: [{ text: DRAFT }] });
    const [action] = await fixAll(['source.fixAll.verbatim']);
    const [change] = action.edit!.documentChanges as { textDocument: { version: number }; edits: TextEdit[] }[];
    assert.strictEqual(change.textDocument.version, version, 'the edit names the version it was made for');
    assert.strictEqual(applyEdits(DRAFT, change.edits), FIXED);
  });

  it('offers ignoring one quote or its paragraph in a plain-text draft, and each silences what it says', async function () {
    const notesUri = pathToFileURL(path.join(root, 'quay.txt')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: notesUri, languageId: 'plaintext', version: 1, text: PLAIN } });
    const opened = await client.diagnostics(notesUri, (p) => p.version === 1, 'diagnostics of the plain-text draft');
    assert.deepStrictEqual(opened.diagnostics.map((d) => d.code), ['drift', 'number']);
    const drift = opened.diagnostics[0];
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: notesUri }, range: drift.range, context: { diagnostics: [drift] },
    }) as CodeAction[];
    const byTitle = new Map(actions.map((a) => [a.title, a]));
    const one = applyEdits(PLAIN, byTitle.get('Ignore this quote')!.edit!.changes![notesUri]);
    assert.strictEqual(one, PLAIN.replace('"We have', 'verbatim-disable\n"We have').replace('old wall."\n', 'old wall."\nverbatim-enable\n'));
    const paragraph = applyEdits(PLAIN, byTitle.get('Ignore quotes in this paragraph')!.edit!.changes![notesUri]);
    assert.strictEqual(paragraph, PLAIN.replace('The mayor said:', 'verbatim-ignore-next\nThe mayor said:'));
    const check = async (text: string, v: number) => {
      const next = client.diagnostics(notesUri, (p) => p.version === v, `diagnostics of version ${v}`, true);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: notesUri, version: v }, contentChanges: [{ text }] });
      return (await next).diagnostics.map(messageOf);
    };
    assert.deepStrictEqual(await check(one, 2), ['Changed number: sources say "40", not "14"']);
    assert.deepStrictEqual(await check(paragraph, 3), []);
  });
});

describe('language server: the ignore list of verbatim.json', function () {
  it('publishes nothing for the quotations on the list', async function () {
    const root = copyWorkspace({ corpus: ['sources'], ignore: ['the fish market will move to the southern pier next spring', '/^the repairs/'] });
    const client = await LspTestClient.start({ rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: false } } });
    try {
      const uri = pathToFileURL(path.join(root, 'draft.md')).href;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
      const params = await client.diagnostics(uri, (p) => p.version === 1, 'diagnostics of the draft');
      assert.deepStrictEqual(params.diagnostics.map((d) => d.code), ['drift']);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

const WORDING_FIX = 'Replace with “little ground” (Coastal Courier + 1)';
const OTHER_WORDING_FIX = 'Replace with “little cause” (Tidewater Post)';
const FIX_ALL = 'Use the source wording for every drift in this file';

/** The empty range in the middle of the first occurrence of `word` in `text`: where a click on it puts the cursor. */
function cursorIn(text: string, word: string): Range {
  const { start } = rangeOf(text, word);
  const at = { line: start.line, character: start.character + Math.floor(word.length / 2) };
  return { start: at, end: at };
}

// The quick fixes of a drift come from the server's own verdicts. An editor's request carries the
// diagnostics the editor happens to hold at that moment: none at all (a client that does not echo
// them, or one that has not received the latest yet), or those of an older text (VS Code keeps a
// diagnostic's data as published while the text moves under it). Whatever it carries, the writer
// whose cursor stands on a drift gets that drift's fixes, for the text as it is now; and a range
// that starts outside the quote (a selection) still finds it.
describe('language server: quick fixes from its own verdicts', function () {
  let root: string;
  let client: LspTestClient;
  let draftUri: string;
  let published: PublishDiagnosticsParams;

  before(async function () {
    root = copyWorkspace();
    client = await LspTestClient.start({
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: true } },
      // No re-check while a test asks about an edited text: the edit's check waits for quiet.
      configuration: () => ({ debounceMs: 3_600_000 }),
    });
    draftUri = pathToFileURL(path.join(root, 'draft.md')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
    published = await client.diagnostics(draftUri, (p) => p.diagnostics.length > 0, 'diagnostics of the draft');
  });

  after(async function () {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const codeActions = (range: Range, diagnostics: Diagnostic[]) => client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: draftUri }, range, context: { diagnostics },
  }) as Promise<CodeAction[]>;

  it('offers the fixes of the drift under the cursor when the request carries no diagnostics', async function () {
    const drift = published.diagnostics.find((d) => d.code === 'drift' && (d.data as { quote: string }).quote.includes('little room'));
    assert.ok(drift, `a drift on "room": ${JSON.stringify(published.diagnostics.map((d) => d.message))}`);
    const actions = await codeActions(cursorIn(DRAFT, 'room'), []);
    assert.deepStrictEqual(actions.map((a) => a.title).slice(0, 3), [WORDING_FIX, OTHER_WORDING_FIX, FIX_ALL]);
    // The fixes name the diagnostic the editor shows, as published.
    assert.deepStrictEqual(actions[0].diagnostics, [drift]);
    assert.strictEqual(applyEdits(DRAFT, actions[0].edit!.changes![draftUri]), DRAFT.replace('little room', 'little ground'));
  });

  it('offers nothing where no drift is under the cursor', async function () {
    // Inside the quote but beside its drifted word, in the verbatim quote, in plain prose.
    for (const word of ['optimism', 'survive', 'Mayor']) assert.deepStrictEqual(await codeActions(cursorIn(DRAFT, word), []), [], word);
  });

  it('finds the quote when the range is a selection that starts paragraphs before it', async function () {
    const drift = published.diagnostics.find((d) => d.code === 'drift')!;
    const range = { start: { line: 2, character: 0 }, end: cursorIn(DRAFT, 'room').end };
    const titles = (await codeActions(range, [drift])).map((a) => a.title);
    assert.deepStrictEqual(titles.slice(0, 3), [WORDING_FIX, OTHER_WORDING_FIX, FIX_ALL]);
    // The whole line holds both drifts: each quote's fixes, and the file-wide fix once.
    const line = { start: { line: 4, character: 0 }, end: { line: 4, character: DRAFT.split('\n')[4].length } };
    const both = (await codeActions(line, [])).map((a) => a.title);
    assert.ok(both.includes(WORDING_FIX) && both.includes('Replace with “cost 40” (Harbour Gazette)'), JSON.stringify(both));
    assert.strictEqual(both.filter((title) => title === FIX_ALL).length, 1, JSON.stringify(both));
  });

  it('offers fixes for the text as it is now when the request carries the diagnostics of an older text', async function () {
    const stale = published.diagnostics.find((d) => d.code === 'drift')!;
    // Words added before the quote on its line move it; the diagnostic the editor holds does not.
    const edited = DRAFT.replace('She admitted:', 'She admitted, after a long pause:');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text: edited }] });
    const actions = await codeActions(cursorIn(edited, 'room'), [stale]);
    const fix = actions.find((a) => a.title === WORDING_FIX);
    assert.ok(fix, `the wording fix: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.strictEqual(applyEdits(edited, fix.edit!.changes![draftUri]), edited.replace('little room', 'little ground'));
    assert.deepStrictEqual(fix.diagnostics?.map((d) => d.range), [rangeOf(edited, 'room')]);
    const ignore = actions.find((a) => a.title === 'Ignore this quote');
    assert.ok(ignore);
    assert.strictEqual(applyEdits(edited, ignore.edit!.changes![draftUri]),
      edited.replace('"We have', '<!-- verbatim-disable -->"We have').replace('old wall."', 'old wall."<!-- verbatim-enable -->'));
  });
});
