// Over stdio against the built server: corpus paths outside the workspace folder come only
// from the user's own settings, never from verbatim.json or workspace settings; each path left
// out is named in a warning; wrong setting values and the corpus file limit are reported.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, type Received } from './lspTestClient';

const SECRET = 'The vault code is seven four one and nobody must ever know it.';
const DRAFT = 'The memo said “the vault code is seven four one”.\n';

const uriOf = (file: string) => pathToFileURL(file).href;
const messageOf = (m: Received) => (m.params as { message: string }).message;
const isWarning = (m: Received) => m.method === 'window/showMessage';

describe('language server: corpus paths outside the workspace folder', function () {
  this.timeout(60_000);
  let top: string;
  let project: string;
  let client: LspTestClient | null = null;

  beforeEach(() => {
    top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-scope-')));
    project = path.join(top, 'project');
    fs.mkdirSync(path.join(project, 'sources'), { recursive: true });
    fs.mkdirSync(path.join(top, 'outside'));
    fs.writeFileSync(path.join(project, 'sources/notes.txt'), 'Nothing of interest was said at the meeting on Tuesday.');
    fs.writeFileSync(path.join(top, 'outside/secret.txt'), SECRET);
    fs.writeFileSync(path.join(project, 'draft.md'), DRAFT);
  });

  afterEach(async () => {
    await client?.stop();
    client = null;
    fs.rmSync(top, { recursive: true, force: true });
  });

  /** Starts a server on the project, opens the draft and returns its first diagnostics. */
  async function check(configuration?: Record<string, unknown>): Promise<PublishDiagnosticsParams> {
    client = await LspTestClient.start({
      rootUri: uriOf(project),
      capabilities: { workspace: { configuration: configuration !== undefined } },
      configuration: configuration && ((section) => (section === 'verbatim' ? configuration : null)),
    });
    const uri = uriOf(path.join(project, 'draft.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
    return client.diagnostics(uri, (p) => p.version === 1, 'diagnostics of draft.md');
  }

  const leftOut = (shown: string, why: 'project' | 'person') =>
    `Verbatim: ${shown} lies outside ${project} and was left out of the corpus (${why === 'project' ? 'the project\'s own settings cannot reach outside it' : 'reaching outside it was not allowed'}). ` +
    'Folders outside the workspace folder can only be named in your user settings ("verbatim.corpus"), never in verbatim.json or the workspace settings.';

  it('leaves out verbatim.json paths outside the folder, naming each: a parent folder, /etc, /', async () => {
    fs.writeFileSync(path.join(project, 'verbatim.json'), JSON.stringify({ corpus: ['sources', '../outside', '/etc', '/'] }));
    const diagnostics = await check();
    assert.deepStrictEqual(diagnostics.diagnostics.map((d) => d.code), ['unsupported']);
    const warnings = client!.received.filter(isWarning).map(messageOf);
    assert.deepStrictEqual(warnings, [leftOut(path.join(top, 'outside'), 'project'), leftOut('/etc', 'project'), leftOut('/', 'project')]);
  });

  it('says in the index state why a corpus wholly outside the folder is empty', async () => {
    fs.writeFileSync(path.join(project, 'verbatim.json'), JSON.stringify({ corpus: ['../outside'] }));
    const diagnostics = await check();
    assert.deepStrictEqual(diagnostics.diagnostics, []);
    const state = await client!.waitFor((m) => m.method === 'verbatim/indexState' && (m.params as { state: string }).state === 'noCorpus', 'the no-corpus state');
    assert.match((state.params as { message: string }).message, /^The corpus of project \(\.\.\/outside\) lies outside the workspace folder and was left out\. Folders outside/);
  });

  it('leaves out outside paths from the workspace settings', async () => {
    const diagnostics = await check({ corpus: ['sources', '../outside'], corpusOrigin: 'workspace' });
    assert.deepStrictEqual(diagnostics.diagnostics.map((d) => d.code), ['unsupported']);
    assert.deepStrictEqual(client!.received.filter(isWarning).map(messageOf), [leftOut(path.join(top, 'outside'), 'project')]);
  });

  it('reads outside paths from the user settings', async () => {
    const diagnostics = await check({ corpus: ['sources', path.join(top, 'outside')], corpusOrigin: 'user' });
    assert.deepStrictEqual(diagnostics.diagnostics, []);
    assert.deepStrictEqual(client!.received.filter(isWarning), []);
  });

  it('lets verbatim.json win over the user settings, and keeps it inside', async () => {
    fs.writeFileSync(path.join(project, 'verbatim.json'), JSON.stringify({ corpus: ['sources', '../outside'] }));
    const diagnostics = await check({ corpus: [path.join(top, 'outside')], corpusOrigin: 'user' });
    assert.deepStrictEqual(diagnostics.diagnostics.map((d) => d.code), ['unsupported']);
    assert.deepStrictEqual(client!.received.filter(isWarning).map(messageOf), [leftOut(path.join(top, 'outside'), 'project')]);
  });

  it('warns of a fractional minWords in the settings as of any wrong value', async () => {
    await check({ corpus: ['sources'], minWords: 1.5, driftThreshold: 'high' });
    assert.deepStrictEqual(client!.received.filter(isWarning).map(messageOf), [
      'Verbatim: "verbatim.minWords" must be a whole number from 1 to 1000, not 1.5 (using the default instead)',
      'Verbatim: "verbatim.driftThreshold" must be a number from 0 to 1, not "high" (using the default instead)',
    ]);
  });

  it('does not rebuild on its own cache writes when the cache folder lies inside the corpus', async () => {
    const cacheBase = path.join(project, 'sources', 'index-cache');
    fs.mkdirSync(cacheBase);
    client = await LspTestClient.start({ rootUri: uriOf(project), capabilities: {}, env: { VERBATIM_CACHE_DIR: cacheBase } });
    const states = () => client!.received.filter((m) => m.method === 'verbatim/indexState').map((m) => (m.params as { state: string }).state);
    const draftUri = uriOf(path.join(project, 'draft.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
    const first = await client.diagnostics(draftUri, (p) => p.version === 1, 'diagnostics of draft.md');
    assert.strictEqual(first.diagnostics.length, 1);
    const [cacheDir] = fs.readdirSync(cacheBase);
    assert.ok(fs.existsSync(path.join(cacheBase, cacheDir, 'index.bin')), 'the cache was written inside the corpus');
    // A change in the cache folder comes with a settings change that needs no rebuild: the
    // draft is checked again with the new settings, and no build may have started meanwhile.
    fs.writeFileSync(path.join(project, 'verbatim.json'), JSON.stringify({ corpus: ['sources'], accepted: [{ quote: 'the vault code is seven four one' }] }));
    const next = client.diagnostics(draftUri, (p) => p.diagnostics.length === 0, 'diagnostics with the quote accepted', true);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [
      { uri: uriOf(path.join(cacheBase, cacheDir, 'index.bin')), type: 2 },
      { uri: uriOf(path.join(project, 'verbatim.json')), type: 1 },
    ] });
    await next;
    assert.deepStrictEqual(states(), ['indexing', 'ready']);
  });

  it('stops at the corpus file limit with a warning', async () => {
    for (let i = 0; i < 4; i++) fs.writeFileSync(path.join(project, `sources/extra-${i}.txt`), `Extra ${i}.`);
    fs.writeFileSync(path.join(project, 'sources/vault.txt'), SECRET);
    fs.writeFileSync(path.join(project, 'verbatim.json'), JSON.stringify({ corpus: ['sources'], maxCorpusFiles: 2 }));
    await check();
    const warning = await client!.waitFor((m) => isWarning(m) && /file limit/.test(messageOf(m)), 'the file limit warning');
    assert.strictEqual(messageOf(warning), `Verbatim: ${path.join(project, 'sources')} has more than 2 source files, the corpus file limit; the walk stopped there and the rest were not indexed (raise maxCorpusFiles to index more)`);
  });
});
