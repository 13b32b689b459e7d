// The server soak: a language server kept open through a long editing session, as a writer keeps
// a chapter open all day. A 384 KB draft (the benchmark draft, lengthened) gets thousands of
// random edits typed in bursts, with hovers, code actions and cancelled requests in between. It
// reports the server's memory before and after, how long a hover waits while the writer types,
// and how soon the final diagnostics follow the last key; then a fresh server opens a 5 MB draft
// and is edited a few times, and the longest event-loop block is read from inside the server.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../test/server/lspTestClient';
import { diagnosticsOf, lengthenDraft, randomEdit, runSoak, serverStats } from '../test/server/soakDriver';
import { Prng } from './prng';
import { now, percentile } from './harness';

export interface SoakFigures {
  draftKB: number;
  edits: number;
  debounceMs: number;
  rssStartMB: number;
  rssEndMB: number;
  heapStartMB: number;
  heapEndMB: number;
  hovers: number;
  hoverP50: number;
  hoverP95: number;
  hoverP99: number;
  lastKeyToDiagnosticsMs: number;
  outdatedPublications: number;
  bigDraftMB: number;
  bigFirstDiagnosticsMs: number;
  longestBlockMs: number;
}

/** The extension's Node options, plus a collector the stats request can call. */
const EXEC_ARGV = ['--max-semi-space-size=4', '--expose-gc'];
/** The default `debounceMs`, which the soak leaves as it is. */
const DEBOUNCE_MS = 300;
const MB = 1024 * 1024;
const WAIT_MS = 10 * 60 * 1000;

async function startServer(serverJs: string, root: string, corpusDir: string): Promise<LspTestClient> {
  const client = await LspTestClient.start({
    rootUri: pathToFileURL(root).href,
    // The benchmark corpus lies outside the project folder, so it is named in the person's own
    // settings: a project's verbatim.json cannot reach outside its folder.
    initializationOptions: { verbatim: { corpus: [corpusDir] } },
    capabilities: { workspace: { configuration: false }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    serverPath: serverJs, execArgv: EXEC_ARGV, env: { VERBATIM_CACHE_DIR: path.join(root, '.cache'), VERBATIM_SERVER_STATS: '1' },
  });
  await client.waitFor((m) => m.method === 'verbatim/indexState' && (m.params as { state: string }).state === 'ready', 'the corpus to be ready', WAIT_MS);
  return client;
}

export async function measureSoak(serverJs: string, corpusDir: string, draftFile: string, edits: number, seed: number): Promise<SoakFigures> {
  if (!fs.existsSync(serverJs)) throw new Error(`n/a (${serverJs} not built)`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-soak-'));
  try {
    const body = fs.readFileSync(draftFile, 'utf8').replace(/^# .*\n/, '');
    const draft = lengthenDraft(body, 384 * 1024);
    const uri = pathToFileURL(path.join(root, 'chapter.md')).href;

    const client = await startServer(serverJs, root, corpusDir);
    let soak;
    let start;
    let end;
    try {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
      await diagnosticsOf(client, uri, 1, WAIT_MS);
      start = await serverStats(client);
      console.error(`  soak: ${edits} edits of a ${Math.round(draft.length / 1024)} KB draft …`);
      soak = await runSoak({
        client, uri, text: draft, edits, seed, pasteSource: draft,
        pace: { burst: [5, 60], keyMs: 8, pauseMs: [20, 1200] },
        hoverEvery: 5, codeActionEvery: 13, cancelEvery: 9, settleEvery: 0, waitMs: WAIT_MS,
      });
      end = await serverStats(client);
    } finally {
      await client.stop();
    }

    console.error('  soak: the longest event-loop block with a 5 MB draft …');
    const big = await bigDraftBlock(serverJs, root, corpusDir, lengthenDraft(body, 5 * MB), seed);
    return {
      draftKB: Math.round(draft.length / 1024), edits, debounceMs: DEBOUNCE_MS,
      rssStartMB: start.rss / MB, rssEndMB: end.rss / MB, heapStartMB: start.heapUsed / MB, heapEndMB: end.heapUsed / MB,
      hovers: soak.hoverMs.length, hoverP50: percentile(soak.hoverMs, 50), hoverP95: percentile(soak.hoverMs, 95), hoverP99: percentile(soak.hoverMs, 99),
      lastKeyToDiagnosticsMs: soak.lastKeyToDiagnosticsMs, outdatedPublications: soak.outdated.length,
      bigDraftMB: big.sizeMB, bigFirstDiagnosticsMs: big.firstMs, longestBlockMs: big.longestBlockMs,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Opens a 5 MB draft in a fresh server, edits it a few times, and reads the longest block from the opening on. */
async function bigDraftBlock(serverJs: string, root: string, corpusDir: string, text: string, seed: number): Promise<{ sizeMB: number; firstMs: number; longestBlockMs: number }> {
  const client = await startServer(serverJs, root, corpusDir);
  try {
    const uri = pathToFileURL(path.join(root, 'book.md')).href;
    // Building the corpus index is not this measurement's business; the draft's checks are.
    await serverStats(client, true);
    const opened = now();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await diagnosticsOf(client, uri, 1, WAIT_MS);
    const firstMs = now() - opened;
    const random = new Prng(seed);
    let current = text;
    for (let version = 2; version <= 6; version++) {
      const edit = randomEdit(random, current, '', current.length);
      current = current.slice(0, edit.start) + edit.insert + current.slice(edit.end);
      // Whole-text changes keep the client's arithmetic out of the way; the server's work is the same.
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: current }] });
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: version * 100, character: 3 } });
      await diagnosticsOf(client, uri, version, WAIT_MS);
    }
    const stats = await serverStats(client);
    return { sizeMB: text.length / MB, firstMs, longestBlockMs: stats.longestBlockMs };
  } finally {
    await client.stop();
  }
}

/** The soak's rows as printed under the main table. */
export function formatSoak(f: SoakFigures): string {
  const mark = (pass: boolean) => (pass ? '✓' : '✗');
  const growth = f.heapEndMB - f.heapStartMB;
  const rows: [string, string, string, string][] = [
    [`RSS at start → after ${f.edits} edits`, '', `${f.rssStartMB.toFixed(0)} → ${f.rssEndMB.toFixed(0)} MB`, ''],
    ['Heap after GC: start → end (growth)', '< 20 MB growth', `${f.heapStartMB.toFixed(1)} → ${f.heapEndMB.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)})`, mark(growth < 20)],
    [`Hover while typing p50 / p95 (${f.hovers} hovers)`, '', `${f.hoverP50.toFixed(0)} / ${f.hoverP95.toFixed(0)} ms`, ''],
    ['Hover while typing p99', '< 200 ms', `${f.hoverP99.toFixed(0)} ms`, mark(f.hoverP99 < 200)],
    ['Last key → final diagnostics', `< debounce ${f.debounceMs} ms + 1 s`, `${f.lastKeyToDiagnosticsMs.toFixed(0)} ms`, mark(f.lastKeyToDiagnosticsMs < f.debounceMs + 1000)],
    ['Diagnostics published for an outdated version', '0', String(f.outdatedPublications), mark(f.outdatedPublications === 0)],
    [`First diagnostics of a ${f.bigDraftMB.toFixed(1)} MB draft`, '', `${(f.bigFirstDiagnosticsMs / 1000).toFixed(2)} s`, ''],
    [`Longest event-loop block, ${f.bigDraftMB.toFixed(1)} MB draft open and edited`, '< 100 ms', `${f.longestBlockMs.toFixed(0)} ms`, mark(f.longestBlockMs < 100)],
  ];
  const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length)), Math.max(...rows.map((r) => r[2].length))];
  const lines = rows.map((r) => `${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3]}`.trimEnd());
  return [`\nServer soak (${f.draftKB} KB draft, ${f.edits} random edits, hovers and code actions between)`, ...lines].join('\n');
}
