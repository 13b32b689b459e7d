// Restricted Mode: an untrusted workspace's corpus keeps only entries inside the workspace folder,
// and no link inside it that leads outside; names every entry it leaves out, and takes them back
// once the workspace is trusted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { scopeCorpusPaths } from '../../src/core/corpus/corpusScope';
import { trustedFromInit } from '../../src/server/workspaceTrust';
import { LspTestClient } from './lspTestClient';

const uriOf = (file: string) => pathToFileURL(file).href;

function tempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

describe('workspace trust: which corpus entries are read', () => {
  const root = '/work/book';
  const HINT = 'Restricted Mode: Trust the workspace to read it.';
  // The editor's one containment rule (corpusScope.ts), fed with the workspace's trust.
  const scope = (entries: string[], folder: string, trusted: boolean) =>
    scopeCorpusPaths(entries.map((entry) => ({ entry, origin: 'person' as const })), { root: folder, allowOutside: trusted, hint: HINT });

  it("keeps the person's own outside entries in a trusted workspace", () => {
    assert.deepStrictEqual(scope(['/etc', '/work/book/sources'], root, true).kept, ['/etc', '/work/book/sources']);
  });

  it('leaves out absolute paths, paths above the folder and globs rooted outside when untrusted, and names each', () => {
    const entries = ['/work/book/sources', '/work/book/notes/*.md', '/work/other', '/etc', '/work/*/secrets', '/work/book'];
    const scoped = scope(entries, root, false);
    assert.deepStrictEqual(scoped.kept, ['/work/book/sources', '/work/book/notes/*.md', '/work/book']);
    assert.deepStrictEqual(scoped.warnings.map((w) => w.path), ['/work/other', '/etc', '/work/*/secrets']);
    for (const warning of scoped.warnings) assert.match(warning.message, /Restricted Mode: Trust the workspace to read it\.$/);
  });

  it('leaves out a link inside the folder that leads outside', () => {
    const folder = tempDir('verbatim-trust-link-');
    const outside = tempDir('verbatim-trust-outside-');
    try {
      fs.symlinkSync(outside, path.join(folder, 'linked'));
      fs.mkdirSync(path.join(folder, 'sources'));
      const scoped = scope([path.join(folder, 'linked'), path.join(folder, 'sources')], folder, false);
      assert.deepStrictEqual(scoped.kept, [path.join(folder, 'sources')]);
      assert.deepStrictEqual(scoped.warnings.map((w) => w.path), [path.join(folder, 'linked')]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('trusts clients that say nothing about trust', () => {
    assert.strictEqual(trustedFromInit(undefined), true);
    assert.strictEqual(trustedFromInit({ verbatim: { minWords: 2 } }), true);
    assert.strictEqual(trustedFromInit({ trusted: true }), true);
    assert.strictEqual(trustedFromInit({ trusted: false }), false);
  });
});

describe('language server in Restricted Mode', function () {
  let root: string;
  let outside: string;
  let client: LspTestClient;
  const draftText = 'The mayor said “the harbour will reopen in the spring after the repairs” and “the budget stays balanced this year”. '
    + 'The auditor added “the accounts were closed on time for once”.\n';

  before(async function () {
    root = tempDir('verbatim-trust-ws-');
    outside = tempDir('verbatim-trust-out-');
    fs.mkdirSync(path.join(root, 'sources'));
    fs.writeFileSync(path.join(root, 'sources', 'harbour.txt'), 'The mayor said the harbour will reopen in the spring after the repairs.');
    fs.writeFileSync(path.join(outside, 'budget.txt'), 'The treasurer said the budget stays balanced this year.');
    // A link committed into the workspace's sources that leads outside it.
    fs.writeFileSync(path.join(outside, 'audit.txt'), 'The auditor said the accounts were closed on time for once.');
    fs.symlinkSync(path.join(outside, 'audit.txt'), path.join(root, 'sources', 'audit.txt'));
    client = await LspTestClient.start({
      rootUri: uriOf(root),
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { trusted: false },
      configuration: () => ({ corpus: ['sources', outside] }),
    });
  });

  after(async function () {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('checks against the sources inside the workspace and names the entry left out', async function () {
    const uri = uriOf(path.join(root, 'draft.md'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draftText } });
    const params = await client.diagnostics(uri, (p) => p.version === 1, 'diagnostics');
    assert.deepStrictEqual(params.diagnostics.map((d) => d.code), ['unsupported', 'unsupported'], 'the budget and audit quotes have no source inside the workspace');
    const warning = await client.waitFor((m) => m.method === 'window/showMessage', 'the Restricted Mode warning');
    const message = (warning.params as { message: string }).message;
    assert.ok(message.includes(outside), message);
    assert.match(message, /Restricted Mode.*Trust the workspace/);
  });

  it('reads the entry once the workspace is trusted', async function () {
    const uri = uriOf(path.join(root, 'draft.md'));
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0, 'diagnostics without problems', true);
    await client.connection.sendNotification('verbatim/workspaceTrust', { trusted: true });
    await cleared;
    const ready = client.received.filter((m) => m.method === 'verbatim/indexState' && (m.params as { state: string }).state === 'ready');
    assert.strictEqual((ready[ready.length - 1].params as { documents: number }).documents, 3);
  });
});
