// A book-length draft is checked in slices: while it is being checked the server still answers
// requests about other documents, and an edit made during the check leads to diagnostics for
// the newest version only. Order is read from the messages themselves, never from timing.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, REPO_ROOT, type Received } from './lspTestClient';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/lsp/workspace');
const CAPABILITIES = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } };
const INVENTED = 'Purple elephants will dance across the harbour wall every single evening.';

/** About 1 MB of Markdown: numbered paragraphs without quotes, with the fixture draft's quotes every hundred paragraphs. */
function largeDraft(small: string): string {
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.join('\n\n').length < 1_000_000; i++) {
    if (i % 100 === 0) paragraphs.push(small.replace(/^# .*\n/, `## Part ${i / 100}\n`).trim());
    paragraphs.push(`Paragraph ${i} describes the harbour, the old wall and the winter storms of year ${1900 + (i % 120)} in some detail, with notes on tides, repairs and costs.`);
  }
  return paragraphs.join('\n\n') + '\n';
}

const logged = (m: Received, start: string) =>
  m.method === 'window/logMessage' && (m.params as { message: string }).message.startsWith(start);

describe('language server with a large draft', function () {
  this.timeout(60000);
  let root: string;
  let client: LspTestClient;

  before(async function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.js` first');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-large-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
    client = await LspTestClient.start({ rootUri: pathToFileURL(root).href, capabilities: CAPABILITIES, configuration: () => ({ debounceMs: 50 }) });
  });

  after(async function () {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers about a small draft while a large one is checked, and publishes only the newest version', async function () {
    const smallUri = pathToFileURL(path.join(root, 'draft.md')).href;
    const small = fs.readFileSync(path.join(root, 'draft.md'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'markdown', version: 1, text: small } });
    await client.diagnostics(smallUri, (p) => p.version === 1, 'diagnostics of the small draft');

    const bigUri = pathToFileURL(path.join(root, 'chapter.md')).href;
    const big = largeDraft(small);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: big } });
    await client.waitFor((m) => logged(m, `Checking ${bigUri}`), 'the large check to start');

    const line = small.split('\n').findIndex((l) => l.includes('little room'));
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: smallUri }, position: { line, character: small.split('\n')[line].indexOf('little room') },
    }) as Hover | null;
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /Drift/);
    const bigNews = (m: Received) => logged(m, `Checked ${bigUri}`) ||
      (m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnosticsParams).uri === bigUri);
    assert.deepStrictEqual(client.received.filter(bigNews), [], 'the hover was answered before the large check ended');

    const lastLine = big.split('\n').length - 1;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: bigUri, version: 2 },
      contentChanges: [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: `A guide claimed: "${INVENTED}"\n` }],
    });
    const published = await client.diagnostics(bigUri, () => true, 'diagnostics of the large draft');
    assert.strictEqual(published.version, 2, 'the first diagnostics published are for the newest version');
    const invented = published.diagnostics.filter((d) => d.range.start.line === lastLine);
    assert.deepStrictEqual(invented.map((d) => d.code), ['unsupported']);
    assert.ok(published.diagnostics.length > 100, `${published.diagnostics.length} diagnostics for the repeated quotes`);
    assert.ok(client.received.some((m) => logged(m, `Stopped checking ${bigUri}`)), 'the check of version 1 was abandoned');
  });
});
