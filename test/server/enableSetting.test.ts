// verbatim.enable: turned off for a draft, its diagnostics go and hovers say nothing; turned on
// again, the draft is checked again. Runs the built server over stdio.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspTestClient, rangeOf } from './lspTestClient';

describe('language server with verbatim.enable', function () {
  let root: string;
  let client: LspTestClient;
  let enable = true;
  const text = 'The mayor said “the harbour will reopen in the autumn after the repairs”.\n';

  before(async function () {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-enable-')));
    fs.mkdirSync(path.join(root, 'sources'));
    fs.writeFileSync(path.join(root, 'sources', 'harbour.txt'), 'The mayor said the harbour will reopen in the spring after the repairs.');
    client = await LspTestClient.start({
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } },
      configuration: () => ({ enable }),
    });
  });

  after(async function () {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('clears the diagnostics and answers no hover when turned off, and checks again when turned on', async function () {
    const uri = pathToFileURL(path.join(root, 'draft.md')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const first = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, 'the drift');
    assert.strictEqual(first.diagnostics[0].code, 'drift');

    enable = false;
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0, 'cleared diagnostics', true);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await cleared;
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: rangeOf(text, 'autumn').start });
    assert.strictEqual(hover, null);

    enable = true;
    const again = client.diagnostics(uri, (p) => p.diagnostics.length > 0, 'the drift again', true);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual((await again).diagnostics[0].code, 'drift');
  });
});
