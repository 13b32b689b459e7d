// A minimal LSP client for tests: spawns the bundled server over stdio, answers the requests a
// server makes of its client, and lets tests wait for notifications as events (never by time).

import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, WorkDoneProgress,
  type ClientCapabilities, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** The repository root, from the bundled test file in out/test/server. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** A notification the server sent. */
export interface Received {
  method: string;
  params: unknown;
}

export interface StartOptions {
  rootUri: string;
  capabilities: ClientCapabilities;
  initializationOptions?: unknown;
  /** Answers `workspace/configuration`; only called when the capabilities claim support. */
  configuration?: (section: string | undefined) => unknown;
  /** The server to run (default: this repository's dist/server.js), with Node options and environment. */
  serverPath?: string;
  execArgv?: string[];
  env?: Record<string, string>;
}

interface Waiter {
  test: (message: Received) => boolean;
  resolve: (message: Received) => void;
}

/** A running server and the client end of its connection. */
export class LspTestClient {
  readonly received: Received[] = [];
  readonly registrations: { method: string; registerOptions: unknown }[] = [];
  readonly serverErrors: string[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly listeners = new Set<(message: Received) => void>();

  private constructor(readonly connection: ProtocolConnection, private readonly child: ChildProcess) {}

  /** The server's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Spawns `dist/server.js --stdio` and completes the initialize handshake. */
  static async start(options: StartOptions): Promise<LspTestClient> {
    // Each server gets its own cache folder, so tests neither share indexes nor touch the home folder.
    const env = { ...process.env, VERBATIM_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-lsp-cache-')), ...options.env };
    const server = options.serverPath ?? path.join(REPO_ROOT, 'dist/server.js');
    const child = spawn(process.execPath, [...(options.execArgv ?? []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(connection, child);
    child.stderr!.on('data', (chunk: Buffer) => client.serverErrors.push(chunk.toString()));
    connection.onUnhandledNotification((message) => client.record({ method: message.method, params: message.params }));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    // Progress arrives on tokens the server creates first; listen on each one.
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      connection.onProgress(WorkDoneProgress.type, params.token, (value) => client.record({ method: '$/progress', params: { token: params.token, value } }));
      return null;
    });
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (options.configuration ? options.configuration(item.section) : null)));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri,
      workspaceFolders: [{ uri: options.rootUri, name: path.basename(options.rootUri) }],
      capabilities: options.capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the first notification (already received or future) that passes `test`. */
  waitFor(test: (message: Received) => boolean, description: string, timeoutMs = 10000): Promise<Received> {
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen);
    return this.waitForNext(test, description, timeoutMs);
  }

  /** Resolves with the next notification from now on that passes `test`. */
  waitForNext(test: (message: Received) => boolean, description: string, timeoutMs = 10000): Promise<Received> {
    return new Promise((resolve, reject) => {
      // The timer only turns a hang into a readable failure; tests never wait on time itself.
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${description}; last messages: ${JSON.stringify(this.received.slice(-3))}`)), timeoutMs);
      this.waiters.push({ test, resolve: (message) => { clearTimeout(timer); resolve(message); } });
    });
  }

  /** Waits for diagnostics of `uri` that pass `test` (for example, for one version). */
  async diagnostics(uri: string, test: (params: PublishDiagnosticsParams) => boolean, description: string, fresh = false): Promise<PublishDiagnosticsParams> {
    const matches = (message: Received) => message.method === 'textDocument/publishDiagnostics' &&
      (message.params as PublishDiagnosticsParams).uri === uri && test(message.params as PublishDiagnosticsParams);
    const message = fresh ? await this.waitForNext(matches, description) : await this.waitFor(matches, description);
    return message.params as PublishDiagnosticsParams;
  }

  /** Calls `listener` with every notification from now on, until the returned function is called. */
  listen(listener: (message: Received) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Shuts the server down and waits for its process to end. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }

  private record(message: Received): void {
    this.received.push(message);
    for (const listener of this.listeners) listener(message);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(message)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }
}

/** A server started on a workspace with one open draft, and the draft's first diagnostics. */
export interface OpenedDraft {
  client: LspTestClient;
  draftUri: string;
  first: PublishDiagnosticsParams;
}

/**
 * Starts a server on `root` as a client without `workspace/configuration` (settings come from
 * verbatim.json), opens `root/draft.md` with `text`, and waits for its first diagnostics.
 */
export async function openDraft(root: string, text: string): Promise<OpenedDraft> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.js` first');
  const client = await LspTestClient.start({
    rootUri: pathToFileURL(root).href,
    capabilities: { workspace: { configuration: false }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
  });
  const draftUri = pathToFileURL(path.join(root, 'draft.md')).href;
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text } });
  const first = await client.diagnostics(draftUri, (p) => p.version === 1, 'diagnostics of draft.md');
  return { client, draftUri, first };
}

/** The 0-based position of the `nth` occurrence of `needle` in `text` (and of its end). */
export function rangeOf(text: string, needle: string, nth = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not in text`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
