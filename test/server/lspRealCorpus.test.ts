// The server against the real news corpus shipped next to the repository (five reports of one
// day). The draft is built at run time from a passage of the corpus, so no corpus text is copied
// into the project; the suite skips when the corpus folder is absent.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient, rangeOf, REPO_ROOT } from './lspTestClient';

const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/ukraine-2022-01-27');

/** The first curly-quoted passage of 8 to 30 words in the corpus, with its file. */
function pickPassage(): { file: string; passage: string } {
  for (const name of fs.readdirSync(CORPUS).sort()) {
    const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
    for (const m of text.matchAll(/“([^”\n]+)”/g)) {
      const words = m[1].split(/\s+/);
      if (words.length >= 8 && words.length <= 30 && !/\d/.test(m[1])) return { file: name, passage: m[1] };
    }
  }
  throw new Error('no quoted passage in the corpus');
}

describe('language server on the real corpus', function () {
  let root: string | null = null;
  let client: LspTestClient | null = null;

  before(function () {
    if (!fs.existsSync(CORPUS)) this.skip();
  });

  after(async function () {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('finds a quoted passage verbatim and underlines the one word changed in a copy', async function () {
    const { passage } = pickPassage();
    const words = passage.split(' ');
    // The longest word in the middle is replaced by a word no report uses.
    const middle = words.slice(2, -2);
    const target = middle.reduce((a, b) => (b.replace(/\W/g, '').length > a.replace(/\W/g, '').length ? b : a));
    const changed = passage.replace(target, 'zebras');
    const draft = `# Notes\n\nOne report quoted: "${passage}"\n\nAnother draft has: "${changed}"\n`;
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-real-'));
    fs.writeFileSync(path.join(root, 'draft.md'), draft);
    // The corpus lies outside the workspace folder, so it comes from the user's own settings.
    client = await LspTestClient.start({ rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { corpus: [CORPUS] } });
    const uri = pathToFileURL(path.join(root, 'draft.md')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
    const params = await client.diagnostics(uri, (p) => p.version === 1, 'diagnostics on the real corpus');
    assert.strictEqual(params.diagnostics.length, 1, JSON.stringify(params.diagnostics));
    const zebras = rangeOf(draft, 'zebras');
    assert.deepStrictEqual(params.diagnostics[0].range, zebras);
    assert.match(params.diagnostics[0].message as string, new RegExp(`^Drift: sources say "${target.replace(/\W+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}", not "zebras"`));
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: zebras.start }) as Hover;
    assert.match((hover.contents as MarkupContent).value, /~~zebras~~/);
  });
});
