// The language server on a corpus with more files than a call takes arguments. As in the CLI's
// test, the server runs with a tenth of Node's default stack, where about 13,000 spread
// arguments overflow it; its corpus has 30,000 files, 15,000 of them unreadable (one warning
// each). Any per-file spread or recursion as deep as the file count in the corpus manager, the
// walk, the cache or the watcher fails here as it would on a million files at the default stack.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from './lspTestClient';

const SMALL_STACK = 100;
const FOLDERS = 60;
const FILES_PER_FOLDER = 500;
const DRAFT = 'The harbour master said that "the northern pier would reopen in the spring after the repairs".\n';

describe('language server on a corpus with more files than a call takes arguments', function () {
  this.timeout(240_000);
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-scale-'));
    for (let f = 0; f < FOLDERS; f++) {
      const folder = path.join(root, 'sources', `part-${String(f).padStart(3, '0')}`);
      fs.mkdirSync(folder, { recursive: true });
      for (let k = 0; k < FILES_PER_FOLDER; k++) {
        fs.writeFileSync(path.join(folder, `${String(k).padStart(3, '0')}.txt`), k % 2 ? `Notice ${f}-${k}.\n` : 'binary\0data');
      }
    }
    fs.writeFileSync(path.join(root, 'sources', 'part-000', 'harbour.txt'), 'The harbour master said the northern pier would reopen in the spring after the repairs.\n');
    fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify({ corpus: ['sources'] }));
    fs.writeFileSync(path.join(root, 'draft.md'), DRAFT);
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('indexes the corpus, finds the quote, and opens it again from the cache', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-scale-cache-'));
    const draftUri = pathToFileURL(path.join(root, 'draft.md')).href;
    try {
      // The second server opens what the first one indexed and cached.
      for (const run of ['cold', 'warm']) {
        const client = await LspTestClient.start({
          rootUri: pathToFileURL(root).href,
          capabilities: { workspace: { configuration: false }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
          execArgv: [`--stack-size=${SMALL_STACK}`],
          env: { VERBATIM_CACHE_DIR: cacheDir },
        });
        try {
          await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
          const published = await client.diagnostics(draftUri, (p) => p.version === 1, `${run} diagnostics of draft.md`);
          // A verbatim quote gets no diagnostic; the server must still be alive to answer.
          assert.deepStrictEqual(published.diagnostics, [], `${run}: ${JSON.stringify(published.diagnostics)}`);
          const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position: { line: 0, character: 40 } }) as { contents: { value: string } } | null;
          assert.match(hover?.contents.value ?? '', /harbour\.txt/, `${run}: the hover does not cite the source`);
          assert.ok(!client.serverErrors.join('').includes('Maximum call stack'), client.serverErrors.join(''));
        } finally {
          await client.stop();
        }
      }
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
