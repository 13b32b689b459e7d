// End-to-end tests of the bundled language server (dist/server.js, built by `node esbuild.js`):
// a real server process over stdio, a copy of the fixture workspace, and assertions on what an
// editor would receive.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, Hover, Location, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, rangeOf, REPO_ROOT, type Received } from './lspTestClient';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/lsp/workspace');

const FULL_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceEdit: { documentChanges: true },
  },
  window: { workDoneProgress: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
};

/** Copies the fixture workspace into a fresh temporary folder. */
function copyWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const uriOf = (file: string) => pathToFileURL(file).href;
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const messages = (params: PublishDiagnosticsParams) => params.diagnostics.map(messageOf);
const hoverText = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('language server over stdio', function () {
  let root: string;
  let client: LspTestClient;
  let draftUri: string;
  let draft: string;
  let first: PublishDiagnosticsParams;

  before(async function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.js` first');
    root = copyWorkspace();
    client = await LspTestClient.start({
      rootUri: uriOf(root),
      capabilities: FULL_CAPABILITIES,
      configuration: () => ({ corpus: ['ignored-because-verbatim-json-wins'], debounceMs: 300, severity: { drift: 'warning', unsupported: 'warning', critical: 'error' } }),
    });
    draftUri = uriOf(path.join(root, 'draft.md'));
    draft = fs.readFileSync(path.join(root, 'draft.md'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: draft } });
    first = await client.diagnostics(draftUri, (p) => p.version === 1, 'diagnostics of draft.md version 1');
  });

  after(async function () {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const find = (params: PublishDiagnosticsParams, start: string): Diagnostic => {
    const found = params.diagnostics.find((d) => messageOf(d).startsWith(start));
    assert.ok(found, `no diagnostic starting "${start}" in ${JSON.stringify(messages(params))}`);
    return found;
  };

  it('reports exactly the drifted words, changed numbers and unsupported quotes', function () {
    const expected = [
      { message: 'Drift: sources say "ground", not "room" (2 of 3 sources)', range: rangeOf(draft, 'room'), severity: 2, code: 'drift' },
      { message: 'Changed number: sources say "40", not "14"', range: rangeOf(draft, '14'), severity: 1, code: 'number' },
      { message: 'Unsupported: not found in the corpus', range: rangeOf(draft, 'The fish market will move to the southern pier next spring.'), severity: 2, code: 'unsupported' },
    ];
    assert.deepStrictEqual(first.diagnostics.map((d) => ({ message: d.message, range: d.range, severity: d.severity, code: d.code })), expected);
    assert.ok(first.diagnostics.every((d) => d.source === 'verbatim'));
  });

  it('points related information at the source passages in their files', function () {
    const drift = find(first, 'Drift');
    const uris = (drift.relatedInformation ?? []).map((info) => path.basename(new URL(info.location.uri).pathname)).sort();
    assert.deepStrictEqual(uris, ['coastal-courier.txt', 'harbour-gazette.md']);
    const gazette = drift.relatedInformation!.find((info) => info.location.uri.endsWith('harbour-gazette.md'))!;
    const gazetteText = fs.readFileSync(path.join(root, 'sources/harbour-gazette.md'), 'utf8');
    assert.deepStrictEqual(gazette.location.range.start, rangeOf(gazetteText, 'We have little ground').start);
  });

  it('announces the index and reports a summary for the draft', async function () {
    const ready = await client.waitFor((m) => m.method === 'verbatim/indexState' && (m.params as { state: string }).state === 'ready', 'index ready');
    assert.strictEqual((ready.params as { documents: number }).documents, 4);
    const summary = await client.waitFor((m) => m.method === 'verbatim/summary' && (m.params as { version: number }).version === 1, 'summary');
    assert.deepStrictEqual(summary.params, { uri: draftUri, version: 1, verbatim: 1, drift: 2, unsupported: 1, misattributed: 0, short: 0, accepted: 0 });
    const progress = client.received.filter((m) => m.method === '$/progress').map((m) => (m.params as { value: { kind: string; message?: string } }).value);
    assert.strictEqual(progress[0]?.kind, 'begin');
    assert.ok(progress.some((v) => v.kind === 'report' && /^4 \/ 4 files, [0-9.]+ MB$/.test(v.message ?? '')), JSON.stringify(progress));
    assert.strictEqual(progress[progress.length - 1]?.kind, 'end');
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'file watching was registered');
  });

  it('shows the verdict, the linked source and the word diff on hover', async function () {
    const position = rangeOf(draft, 'little room').start;
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position }) as Hover;
    const text = hoverText(hover);
    assert.match(text, /Drift: the source words this differently/);
    assert.match(text, /We have little ~~room~~ \*\*ground\*\* for optimism about the old wall/);
    assert.match(text, /\[Coastal Courier\\: Sea wall vote passes\]\(file:\/\/\/[^)]*coastal-courier\.txt#L5\)/);
    // A shortened title carries the full one on its link.
    assert.match(text, /\[Harbour Gazette — Council approves the new sea…\]\(file:\/\/\/[^)]*harbour-gazette\.md#L11 "Harbour Gazette — Council approves the new sea wall"\)/);
    assert.match(text, /"We have little cause for optimism about the old wall" — 1 source: Tidewater Post\\: Town backs costly sea…/);
    // Answer first: the verdict, then the diff, then the sources; each title once.
    assert.ok(text.indexOf('~~room~~') < text.indexOf('Sources:'), text);
    assert.strictEqual(text.split('Coastal Courier\\: Sea wall vote passes').length - 1, 1, `the title once: ${text}`);
  });

  it('goes to every source passage, other renderings included', async function () {
    const position = rangeOf(draft, 'optimism').start;
    const locations = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: draftUri }, position }) as Location[];
    const byFile = new Map(locations.map((l) => [path.basename(new URL(l.uri).pathname), l.range.start.line]));
    assert.deepStrictEqual([...byFile.keys()].sort(), ['coastal-courier.txt', 'harbour-gazette.md', 'tidewater-post.txt']);
    assert.strictEqual(byFile.get('harbour-gazette.md'), 10);
    assert.strictEqual(byFile.get('tidewater-post.txt'), 2);
  });

  it('offers the source wordings, accepting and ignoring as quick fixes', async function () {
    const drift = find(first, 'Drift');
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: draftUri }, range: drift.range, context: { diagnostics: [drift] },
    }) as CodeAction[];
    const inner = rangeOf(draft, 'We have little room for optimism about the old wall.');
    const summary = actions.map((a) => ({ title: a.title, edit: a.edit?.changes?.[draftUri]?.[0], command: a.command?.command }));
    const lineStart = { line: inner.start.line, character: 0 };
    assert.deepStrictEqual(summary, [
      { title: 'Replace with “little ground” (Coastal Courier + 1)', edit: { range: inner, newText: 'We have little ground for optimism about the old wall.' }, command: undefined },
      { title: 'Replace with “little cause” (Tidewater Post)', edit: { range: inner, newText: 'We have little cause for optimism about the old wall.' }, command: undefined },
      { title: 'Use the source wording for every drift in this file', edit: undefined, command: undefined },
      { title: 'Accept this rendering', edit: undefined, command: 'verbatim.acceptRendering' },
      { title: 'Ignore this quote', edit: { range: { start: inner.start, end: inner.start }, newText: '<!-- verbatim-disable -->' }, command: undefined },
      { title: 'Ignore quotes in this paragraph', edit: { range: { start: lineStart, end: lineStart }, newText: '<!-- verbatim-ignore-next -->\n' }, command: undefined },
    ].map((a) => (a.title === 'Ignore this quote' ? { ...a, edit: { ...a.edit!, range: { start: { ...inner.start, character: inner.start.character - 1 }, end: { ...inner.start, character: inner.start.character - 1 } } } } : a)));
    // The client takes versioned edits, so the file-wide fix names the version it was made for.
    assert.strictEqual(actions[2].edit?.documentChanges?.length, 1);
  });

  it('finds corpus passages with verbatim/search', async function () {
    const result = await client.connection.sendRequest('verbatim/search', { query: 'little cause for optimism', uri: draftUri }) as { hits: { title: string; text: string; uri: string; range: { start: { line: number } } }[] };
    assert.ok(result.hits.length > 0, 'search found something');
    assert.strictEqual(result.hits[0].title, 'Tidewater Post: Town backs costly sea wall');
    assert.match(result.hits[0].text, /little cause for optimism/);
    assert.strictEqual(result.hits[0].range.start.line, 2);
  });

  it('lists the quotes of a draft with verbatim/quotes', async function () {
    const report = await client.connection.sendRequest('verbatim/quotes', { uri: draftUri }) as { version: number; quotes: { status: string; source: { title: string } | null; variants: { count: number }[] }[] };
    assert.strictEqual(report.version, 1);
    assert.deepStrictEqual(report.quotes.map((q) => q.status), ['verbatim', 'drift', 'drift', 'unsupported']);
    assert.deepStrictEqual(report.quotes[1].variants.map((v) => v.count), [1]);
    assert.strictEqual(report.quotes[3].source, null);
  });

  it('clears the drift once the draft is fixed, publishing for the new version only', async function () {
    const at = rangeOf(draft, 'room');
    const next = client.diagnostics(draftUri, (p) => p.version === 3, 'diagnostics of version 3', true);
    // Two quick edits: the first version must never be published once the second arrived.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ range: at, text: 'space' }] });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: draftUri, version: 3 }, contentChanges: [{ range: { start: at.start, end: { line: at.end.line, character: at.start.character + 5 } }, text: 'ground' }],
    });
    const params = await next;
    assert.deepStrictEqual(messages(params), ['Changed number: sources say "40", not "14"', 'Unsupported: not found in the corpus']);
    assert.ok(!client.received.some((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnosticsParams).version === 2), 'version 2 was never published');
    draft = draft.replace('room', 'ground');
  });

  it('re-checks open drafts when a corpus file is added', async function () {
    const next = client.diagnostics(draftUri, (p) => !messages(p).includes('Unsupported: not found in the corpus'), 'diagnostics without the unsupported quote', true);
    const file = path.join(root, 'sources/fish-market.txt');
    fs.writeFileSync(file, 'Market news\n\n"The fish market will move to the southern pier next spring," the harbour master said.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 1 }] });
    const params = await next;
    assert.deepStrictEqual(messages(params), ['Changed number: sources say "40", not "14"']);
  });

  it('escapes Markdown, HTML and command links from the corpus in hovers', async function () {
    const notesUri = uriOf(path.join(root, 'notes.txt'));
    const notes = fs.readFileSync(path.join(root, 'notes.txt'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: notesUri, languageId: 'plaintext', version: 1, text: notes } });
    await client.diagnostics(notesUri, (p) => p.version === 1, 'diagnostics of notes.txt');
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: notesUri }, position: rangeOf(notes, 'full plan').start }) as Hover;
    const text = hoverText(hover);
    assert.match(text, /Verbatim: the quote matches the source word for word/);
    // A verbatim quote's passage is the quote itself, so the hover names the source without repeating it.
    assert.ok(!text.includes('command\\:foo'), text);
    assert.ok(text.includes('[\\[Official notice\\]\\(command\\:bar\\) \\<b\\>from the…](file:'), text);
    assert.ok(text.includes(' "\\[Official notice\\]\\(command\\:bar\\) \\<b\\>from the library\\</b\\>")'), text);
    assert.ok(!/[^\\][[(<]command:|[^\\]<img|[^\\]<b>/.test(text), 'no unescaped link or tag');
  });

  it('accepts a rendering into verbatim.json and stops flagging it', async function () {
    const next = client.diagnostics(draftUri, (p) => p.diagnostics.length === 0, 'diagnostics after accepting', true);
    const quote = 'the repairs will cost 14 million euros and take three years to finish.';
    const outcome = await client.connection.sendRequest('workspace/executeCommand', { command: 'verbatim.acceptRendering', arguments: [{ folderUri: uriOf(root), quote }] });
    assert.deepStrictEqual(outcome, { file: path.join(root, 'verbatim.json'), added: true });
    const config = JSON.parse(fs.readFileSync(path.join(root, 'verbatim.json'), 'utf8'));
    assert.deepStrictEqual(config, { corpus: ['sources'], minWords: 3, driftThreshold: 0.6, accepted: [{ quote }] });
    await next;
  });

  it('checks every draft of the workspace, but not the sources', async function () {
    const result = await client.connection.sendRequest('verbatim/checkWorkspace', {}) as { files: { uri: string; verbatim: number; drift: number; unsupported: number }[] };
    const byName = Object.fromEntries(result.files.map((f) => [path.basename(new URL(f.uri).pathname), { verbatim: f.verbatim, drift: f.drift, unsupported: f.unsupported }]));
    assert.deepStrictEqual(byName, {
      'draft.md': { verbatim: 4, drift: 0, unsupported: 0 },
      'notes.txt': { verbatim: 1, drift: 0, unsupported: 0 },
    });
  });

  it('rebuilds the index on request', async function () {
    const result = await client.connection.sendRequest('verbatim/rebuildIndex', {}) as { documents: number; warnings: string[] };
    assert.deepStrictEqual(result, { documents: 5, warnings: [] });
  });
});

describe('language server without workspace/configuration (as in Neovim)', function () {
  let root: string;
  let client: LspTestClient;

  before(async function () {
    root = copyWorkspace();
    client = await LspTestClient.start({ rootUri: uriOf(root), capabilities: {}, initializationOptions: { verbatim: { showVerbatim: true } } });
  });

  after(async function () {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('takes settings from initializationOptions and works without client features', async function () {
    const uri = uriOf(path.join(root, 'draft.md'));
    const text = fs.readFileSync(path.join(root, 'draft.md'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 7, text } });
    const params = await client.diagnostics(uri, (p) => p.version === 7, 'diagnostics');
    const hint = params.diagnostics.find((d) => d.severity === 4);
    assert.ok(hint, 'verbatim quote shown as a hint');
    assert.deepStrictEqual(hint.range, rangeOf(text, 'It will not survive another winter storm.'));
    assert.strictEqual(hint.message, 'Verbatim: found in Coastal Courier: Sea wall vote passes and 1 more');
    assert.strictEqual(params.diagnostics.length, 4);
    assert.deepStrictEqual(client.registrations, []);
    assert.ok(!client.received.some((m) => m.method === '$/progress'));
  });

  it('notices a new source file by itself when the client does not watch files', async function () {
    const uri = uriOf(path.join(root, 'draft.md'));
    const next = client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unsupported'), 'diagnostics after the file appeared', true);
    fs.writeFileSync(path.join(root, 'sources/fish-market.txt'), '"The fish market will move to the southern pier next spring," she said.\n');
    await next;
  });
});

describe('language server without a corpus', function () {
  let root: string;
  let client: LspTestClient;

  before(async function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-empty-'));
    fs.writeFileSync(path.join(root, 'draft.md'), 'She said: "nothing to compare this with at all."\n');
    client = await LspTestClient.start({ rootUri: uriOf(root), capabilities: FULL_CAPABILITIES, configuration: () => null });
  });

  after(async function () {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('says there is no corpus and publishes no diagnostics', async function () {
    const state: Received = await client.waitFor((m) => m.method === 'verbatim/indexState' && (m.params as { state: string }).state === 'noCorpus', 'noCorpus state');
    assert.match((state.params as { message: string }).message, /No corpus found/);
    const uri = uriOf(path.join(root, 'draft.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(path.join(root, 'draft.md'), 'utf8') } });
    const params = await client.diagnostics(uri, (p) => p.version === 1, 'diagnostics');
    assert.deepStrictEqual(params.diagnostics, []);
    const search = await client.connection.sendRequest('verbatim/search', { query: 'anything' });
    assert.deepStrictEqual(search, { hits: [] });
  });

  it('picks the corpus up once its folder is created', async function () {
    const ready = client.waitForNext((m) => m.method === 'verbatim/indexState' && (m.params as { state: string }).state === 'ready', 'ready state');
    const uri = uriOf(path.join(root, 'draft.md'));
    const next = client.diagnostics(uri, (p) => p.diagnostics.length === 1, 'diagnostics against the new corpus', true);
    fs.mkdirSync(path.join(root, 'sources'));
    fs.writeFileSync(path.join(root, 'sources/notes.txt'), 'There is nothing to compare this with, she said.\n');
    assert.strictEqual(((await ready).params as { documents: number }).documents, 1);
    const params = await next;
    assert.strictEqual(params.diagnostics[0].code, 'drift');
  });
});

describe('language server with a broken verbatim.json', function () {
  let root: string;
  let client: LspTestClient;

  before(async function () {
    root = copyWorkspace();
    fs.writeFileSync(path.join(root, 'verbatim.json'), '{ "corpus": 42 }');
    client = await LspTestClient.start({ rootUri: uriOf(root), capabilities: {} });
  });

  after(async function () {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('warns once and keeps checking with the editor settings', async function () {
    const warning = await client.waitFor((m) => m.method === 'window/showMessage', 'a warning');
    assert.match((warning.params as { message: string }).message, /"corpus" must be a path or a list of paths/);
    const uri = uriOf(path.join(root, 'draft.md'));
    const text = fs.readFileSync(path.join(root, 'draft.md'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const params = await client.diagnostics(uri, (p) => p.version === 1, 'diagnostics');
    assert.strictEqual(params.diagnostics.length, 3);
    assert.strictEqual(client.received.filter((m) => m.method === 'window/showMessage').length, 1);
  });
});
