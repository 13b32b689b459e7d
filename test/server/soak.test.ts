// A long editing session against a real server: a few thousand random edits of a long draft
// (quote marks, emoji, surrogate halves, CR and CRLF, large pastes and cuts) with hovers, code
// actions and cancelled requests in between. Afterwards the server must hold about as much
// memory as a fresh server given the final text, publish exactly the fresh server's diagnostics,
// and never have published diagnostics for a version it already knew to be outdated.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient, REPO_ROOT } from './lspTestClient';
import { comparable, diagnosticsOf, lengthenDraft, runSoak, serverStats } from './soakDriver';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/lsp/workspace');
const FEATURE = path.join(REPO_ROOT, 'test/fixtures/drafts/harbour-feature.md');
const CAPABILITIES = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } };
const SERVER = { execArgv: ['--expose-gc'], env: { VERBATIM_SERVER_STATS: '1' } };
const MB = 1024 * 1024;
/** How much more a soaked server may hold than a fresh one: its bounded caches, never old drafts. */
const HEAP_BOUND = 16 * MB;
const WAIT_MS = 60000;

/** About `size` characters of Markdown: sections of the fixture drafts. */
function longDraft(size: number): string {
  const small = fs.readFileSync(path.join(FIXTURE, 'draft.md'), 'utf8').replace(/^# .*\n/, '');
  const feature = fs.readFileSync(FEATURE, 'utf8').replace(/^---[\s\S]*?---\n/, '');
  return lengthenDraft(`${small}\n${feature}`, size);
}

async function start(root: string): Promise<LspTestClient> {
  return LspTestClient.start({ rootUri: pathToFileURL(root).href, capabilities: CAPABILITIES, configuration: () => ({ debounceMs: 50 }), ...SERVER });
}

describe('language server soak', function () {
  this.timeout(300000);
  let root: string;
  const clients: LspTestClient[] = [];

  before(function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.js` first');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-soak-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
  });

  after(async function () {
    for (const client of clients) await client.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('stays small and right through 1,500 random edits with requests in between', async function () {
    const uri = pathToFileURL(path.join(root, 'chapter.md')).href;
    const text = longDraft(50_000);
    const soaked = await start(root);
    clients.push(soaked);
    await soaked.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await diagnosticsOf(soaked, uri, 1, WAIT_MS);

    const outcome = await runSoak({
      client: soaked, uri, text, edits: 1500, seed: 11, pasteSource: text,
      // Pauses longer than the 50 ms debounce let checks start between bursts (and be dropped by
      // the next one), so publishing while the writer types is exercised, not only at the settles.
      pace: { burst: [1, 40], keyMs: 0, pauseMs: [0, 150] },
      hoverEvery: 7, codeActionEvery: 11, cancelEvery: 5, settleEvery: 8, waitMs: WAIT_MS,
    });
    assert.deepStrictEqual(outcome.outdated, [], 'diagnostics were published for versions the server knew to be outdated');
    assert.strictEqual(outcome.backwards, 0, 'a publication went back to an older version');
    assert.deepStrictEqual(outcome.failures, [], 'requests failed');
    assert.ok(outcome.hoverMs.length > 150, `only ${outcome.hoverMs.length} hovers were answered`);
    assert.ok(outcome.publications > 20, `only ${outcome.publications} publications: the soak did not exercise the checks`);
    const soakedStats = await serverStats(soaked);

    // A fresh server given the final text.
    const fresh = await start(root);
    clients.push(fresh);
    await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: outcome.text } });
    const freshDiagnostics = await diagnosticsOf(fresh, uri, 1, WAIT_MS);
    const freshStats = await serverStats(fresh);

    assert.deepStrictEqual(comparable(outcome.finalDiagnostics), comparable(freshDiagnostics.diagnostics));
    assert.ok(soakedStats.gcForced && freshStats.gcForced, 'the servers ran without --expose-gc');
    const growth = soakedStats.heapUsed - freshStats.heapUsed;
    assert.ok(growth < HEAP_BOUND,
      `the soaked server holds ${(soakedStats.heapUsed / MB).toFixed(1)} MB of heap, a fresh one ${(freshStats.heapUsed / MB).toFixed(1)} MB`);
  });
});
