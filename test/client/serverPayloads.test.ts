// Feeds the client's view models with what the real language server (dist/server.js) sends for
// a small workspace, so a change in the server's payloads that the views cannot show fails here
// rather than only in an editor.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { IndexStateParams, QuotesReport, SearchResult, SummaryParams } from '../../src/shared/protocol';
import { groupQuotes, quoteDescription } from '../../src/client/quoteGroups';
import { reportUpdate } from '../../src/client/reportModel';
import { searchItemText } from '../../src/client/displayText';
import { statusBarView } from '../../src/client/summaryText';
import { LspTestClient, REPO_ROOT, type Received } from '../server/lspTestClient';

const FIXTURE = path.join(REPO_ROOT, 'test/client/fixtures/workspace');
const uriOf = (file: string) => pathToFileURL(file).href;

describe('client views over real server payloads', function () {
  let root: string;
  let client: LspTestClient;
  let draftUri: string;
  let summary: SummaryParams;
  let ready: IndexStateParams;

  before(async function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.js` first');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-client-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
    client = await LspTestClient.start({ rootUri: uriOf(root), capabilities: { window: { workDoneProgress: true } } });
    draftUri = uriOf(path.join(root, 'draft.md'));
    const text = fs.readFileSync(path.join(root, 'draft.md'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text } });
    // The counts to test are those published once the corpus is indexed, so the summary is
    // taken from the messages that followed the ready state.
    const isReady = (m: Received) => m.method === 'verbatim/indexState' && (m.params as IndexStateParams).state === 'ready';
    const isSummary = (m: Received) => m.method === 'verbatim/summary' && (m.params as SummaryParams).uri === draftUri;
    ready = (await client.waitFor(isReady, 'the ready index state')).params as IndexStateParams;
    const afterReady = client.received.slice(client.received.findIndex(isReady)).find(isSummary);
    summary = (afterReady ?? await client.waitForNext(isSummary, 'the summary of draft.md')).params as SummaryParams;
  });

  after(async function () {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('shows the summary counts in the status bar once the index is ready', () => {
    const view = statusBarView({ isDraft: true, summary, index: ready });
    assert.strictEqual(view.text, '✓ 1  ~ 1  ✗ 1');
    assert.match(view.tooltip, /against 1 source: 1 verbatim, 1 drifted, 1 unsupported, 1 short not found\./);
  });

  it('gives the report the very counts of the status bar, the short scare quote counted as short in both', async () => {
    const report = await client.connection.sendRequest('verbatim/quotes', { uri: draftUri }) as QuotesReport;
    const { uri: _uri, version: _version, ...counts } = summary;
    assert.deepStrictEqual(report.counts, counts);
    assert.deepStrictEqual(report.counts, { verbatim: 1, drift: 1, unsupported: 1, misattributed: 0, short: 1, accepted: 0 });
    const update = reportUpdate('draft.md', report);
    assert.strictEqual(update.totalsText, statusBarView({ isDraft: true, summary, index: ready }).tooltip.match(/source: (.*)\. Click/)?.[1]);
    // Every view marks the scare quote the same way: grey, not a problem, no diagnostic.
    const scare = report.quotes.find((q) => q.text === 'vanity project');
    assert.deepStrictEqual(scare?.verdict, { kind: 'short', severity: null, accepted: false });
    assert.deepStrictEqual(groupQuotes(report.quotes).map((g) => g.label), ['Drift (1)', 'Unsupported (1)', 'Short, not found (1)', 'Verbatim (1)']);
    const published = client.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === draftUri).pop();
    const lines = ((published?.params as { diagnostics: { range: { start: { line: number } }; severity: number }[] }).diagnostics).map((d) => d.range.start.line);
    assert.ok(!lines.includes(8), `no diagnostic on the scare quote's line: ${JSON.stringify(lines)}`);
  });

  it('marks each quote with the severity of its diagnostic', async () => {
    const report = await client.connection.sendRequest('verbatim/quotes', { uri: draftUri }) as QuotesReport;
    const published = client.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === draftUri).pop();
    const diagnostics = (published?.params as { diagnostics: { range: { start: { line: number } }; severity: number }[] }).diagnostics;
    const NAMES = ['', 'error', 'warning', 'information', 'hint'];
    for (const q of report.quotes) {
      const marks = diagnostics.filter((d) => d.range.start.line === q.range.start.line).map((d) => NAMES[d.severity]);
      // The number change in the drift is an error in Problems, so the quote is an error everywhere.
      assert.deepStrictEqual(marks, q.verdict.severity ? [q.verdict.severity] : [], `line ${q.range.start.line + 1}: ${q.text}`);
    }
    assert.strictEqual(report.quotes.find((q) => q.verdict.kind === 'drift')?.verdict.severity, 'error');
  });

  it('groups the draft\'s quotes for the tree, drift first', async () => {
    const report = await client.connection.sendRequest('verbatim/quotes', { uri: draftUri }) as QuotesReport;
    const groups = groupQuotes(report.quotes);
    assert.deepStrictEqual(groups.map((g) => g.label), ['Drift (1)', 'Unsupported (1)', 'Short, not found (1)', 'Verbatim (1)']);
    const drift = groups[0].quotes[0];
    assert.strictEqual(quoteDescription(drift), 'line 5 · County Gazette, library reopening · number changed');
  });

  it('builds report rows whose diff strikes the draft\'s number and inserts the source\'s', async () => {
    const report = await client.connection.sendRequest('verbatim/quotes', { uri: draftUri }) as QuotesReport;
    const update = reportUpdate('draft.md', report);
    assert.deepStrictEqual(update.totals, { verbatim: 1, drift: 1, unsupported: 1, misattributed: 0, short: 1, accepted: 0 });
    const drift = update.rows.find((r) => r.verdict === 'drift');
    assert.ok(drift, 'no drift row');
    assert.ok(drift.diff.some((s) => s.kind === 'del' && s.text.includes('340,000')), JSON.stringify(drift.diff));
    assert.ok(drift.diff.some((s) => s.kind === 'ins' && s.text.includes('240,000')), JSON.stringify(drift.diff));
    assert.strictEqual(update.rows.find((r) => r.verdict === 'unsupported')?.source, null);
  });

  it('labels search hits with the passage, the source title and its line', async () => {
    const result = await client.connection.sendRequest('verbatim/search', { query: 'reading room weekday', uri: draftUri }) as SearchResult;
    assert.ok(result.hits.length > 0, 'no hits');
    const item = searchItemText(result.hits[0]);
    assert.match(item.label, /reading room/);
    assert.match(item.detail, /^County Gazette, library reopening · line 1[12]\b/);
  });
});
