// The language server with primary sources in the corpus (test/fixtures/primary): a quote
// copied from a report is drift against the transcript, the hover lists the primary sources
// first and marked, then the reports; a quote only the reports have says so; and
// "preferPrimarySources": false in verbatim.json brings back the plain rule.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'url';
import { LspTestClient, openDraft, rangeOf, REPO_ROOT, type OpenedDraft } from './lspTestClient';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/primary');

const DRAFT = [
  '# Harbor Bridge',
  '',
  'Mayor Elena Marsh said there was "little room for optimism about the bridge reopening before spring".',
  '',
  'Tom Reyes, a commuter, said: "We have waited long enough for this bridge to be fixed."',
  '',
].join('\n');

const hoverText = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

/** A workspace with the fixture sources and `config` as its verbatim.json. */
function workspace(config: object): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-primary-'));
  fs.cpSync(path.join(FIXTURES, 'sources'), path.join(root, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(root, 'verbatim.json'), JSON.stringify(config));
  return root;
}

describe('LSP: primary sources first', function () {
  this.timeout(60000);
  const opened: OpenedDraft[] = [];
  const roots: string[] = [];

  after(async function () {
    for (const { client } of opened) await client.stop();
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  async function open(config: object): Promise<OpenedDraft> {
    const root = workspace(config);
    roots.push(root);
    const draft = await openDraft(root, DRAFT);
    opened.push(draft);
    return draft;
  }

  async function hoverAt(draft: OpenedDraft, needle: string): Promise<string> {
    const position = rangeOf(DRAFT, needle).start;
    return hoverText(await draft.client.connection.sendRequest('textDocument/hover', { textDocument: { uri: draft.draftUri }, position }));
  }

  it('flags the report\'s rendering as drift against the transcript and lists the primary sources first', async function () {
    const draft = await open({ corpus: ['sources'] });
    const messages = draft.first.diagnostics.map((d) => d.message);
    assert.deepStrictEqual(messages, ['Drift: the transcript says "ground", not "room"; 2 reports say "room"']);
    const text = await hoverAt(draft, 'little room');
    const lines = text.split('\n').filter((line) => line !== '');
    assert.strictEqual(lines[0], '**Drift: the transcript words this differently.**');
    const listed = lines.filter((line) => line.startsWith('- '));
    // Both primary sources (the transcript and its subtitles), marked, before the report that agrees with them.
    assert.match(listed[0], /^- \*\*Primary source \((transcript|subtitles)\):\*\* \[/);
    assert.match(listed[1], /^- \*\*Primary source \((transcript|subtitles)\):\*\* \[/);
    assert.match(listed[2], /^- Report: \[Harbor Bridge to stay shut/);
    // The reports' own rendering is listed as another wording, with how many reports have it.
    assert.match(text, /Other renderings in the corpus:\n\n- "little room for optimism about the bridge reopening before spring" — 2 reports: /);
  });

  it('says when no primary source has the passage and how many reports agree', async function () {
    const draft = opened[0] ?? (await open({ corpus: ['sources'] }));
    const text = await hoverAt(draft, 'We have waited');
    assert.match(text, /^\*\*Verbatim: the quote matches the source word for word\.\*\*/);
    assert.match(text, /\n_No primary source in the corpus; 2 of 3 reports agree\._\n/);
  });

  it('follows the verbatim.preferPrimarySources editor setting as it changes', async function () {
    const root = workspace({ corpus: ['sources'] });
    fs.rmSync(path.join(root, 'verbatim.json'));
    roots.push(root);
    let prefer = false;
    const client = await LspTestClient.start({
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } },
      configuration: () => ({ preferPrimarySources: prefer }),
    });
    opened.push({ client, draftUri: '', first: { uri: '', diagnostics: [] } });
    const uri = pathToFileURL(path.join(root, 'draft.md')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
    const off = await client.diagnostics(uri, (p) => p.version === 1, 'diagnostics with the rule off');
    assert.deepStrictEqual(off.diagnostics, []);
    prefer = true;
    const on = client.diagnostics(uri, (p) => p.diagnostics.length > 0, 'the drift against the transcript', true);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual((await on).diagnostics.map((d) => d.message), ['Drift: the transcript says "ground", not "room"; 2 reports say "room"']);
  });

  it('checks against every source alike with "preferPrimarySources": false', async function () {
    const draft = await open({ corpus: ['sources'], preferPrimarySources: false });
    assert.deepStrictEqual(draft.first.diagnostics, []);
    const text = await hoverAt(draft, 'little room');
    assert.match(text, /^\*\*Verbatim: the quote matches the source word for word\.\*\*/);
  });
});
