// Measures the language server as the editor runs it: a new server process (with the Node
// options the extension gives it) on a workspace whose user settings name the benchmark corpus.
// It times the corpus becoming ready, the first diagnostics of the draft, and the diagnostics
// after a one-word edit as a client sends it, and reads the process's peak memory. The first
// start builds the server's cache; the second opens it warm.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient } from '../test/server/lspTestClient';
import { now } from './harness';

/** One start of the server. */
export interface ServerStart {
  /** From spawning the process to the corpus being ready. */
  readyMs: number;
  /** From opening the draft to its diagnostics. */
  diagnosticsMs: number;
  /** From a one-word edit in the draft's prose to the new diagnostics (the server waits for typing to pause). */
  editMs: number;
  diagnostics: number;
  /** Peak resident memory of the server process, where the system reports it (Linux). */
  peakRss: number | null;
}

export interface ServerFigures {
  cold: ServerStart;
  warm: ServerStart;
}

/** The Node options the extension starts the server with (src/extension.ts). */
const SERVER_EXEC_ARGV = ['--max-semi-space-size=4'];

export async function measureServer(serverJs: string, corpusDir: string, draftFile: string): Promise<ServerFigures> {
  if (!fs.existsSync(serverJs)) throw new Error(`n/a (${serverJs} not built)`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-bench-server-'));
  const cacheDir = path.join(root, '.cache');
  try {
    const draft = fs.readFileSync(draftFile, 'utf8');
    const cold = await startOnce(serverJs, root, cacheDir, draft, corpusDir);
    const warm = await startOnce(serverJs, root, cacheDir, draft, corpusDir);
    return { cold, warm };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function startOnce(serverJs: string, root: string, cacheDir: string, draft: string, corpusDir: string): Promise<ServerStart> {
  const started = now();
  const client = await LspTestClient.start({
    rootUri: pathToFileURL(root).href,
    capabilities: { workspace: { configuration: false }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    serverPath: serverJs, execArgv: SERVER_EXEC_ARGV, env: { VERBATIM_CACHE_DIR: cacheDir },
    // The corpus lies outside the workspace folder, so it is named in the user's own settings.
    initializationOptions: { corpus: [corpusDir] },
  });
  try {
    await client.waitFor((m) => m.method === 'verbatim/indexState' && (m.params as { state: string }).state === 'ready', 'the corpus to be ready', 10 * 60 * 1000);
    const readyMs = now() - started;
    const uri = pathToFileURL(path.join(root, 'draft.md')).href;
    const opened = now();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
    const first = await client.diagnostics(uri, (p) => p.version === 1, 'the draft\'s diagnostics', true);
    const diagnosticsMs = now() - opened;
    // One word of the writer's own prose, outside every quotation: the draft's first line.
    const edited = draft.replace(/^(#*\s*)(\S+)/, '$1Edited');
    const changed = now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    await client.diagnostics(uri, (p) => p.version === 2, 'diagnostics after the edit', true);
    const editMs = now() - changed;
    return { readyMs, diagnosticsMs, editMs, diagnostics: first.diagnostics.length, peakRss: peakRssOf(client.pid) };
  } finally {
    await client.stop();
  }
}

/** The peak resident memory of process `pid` in bytes, from /proc (null elsewhere). */
function peakRssOf(pid: number | undefined): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}
