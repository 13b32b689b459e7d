// Drives a language server through a long editing session, as a writer and an editor make one:
// thousands of small incremental edits (words, quote marks, emoji, lone surrogate halves, CR,
// LF and CRLF line ends, large pastes and cuts), with hovers, code actions and cancelled
// requests interleaved. The soak test and the benchmark share it. It keeps the client's own copy
// of the document with the same text-document library as the server, so every range it sends
// means what the server will take it to mean.

import { CancellationTokenSource, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerStatsRequest, type ServerStats } from '../../src/shared/protocol';
import type { LspTestClient, Received } from './lspTestClient';
import { Prng } from '../../bench/prng';

/** How the edits are paced. */
export interface SoakPace {
  /** Edits sent back to back before a pause. */
  burst: [number, number];
  /** Milliseconds between the edits of a burst (0: as fast as the pipe takes them). */
  keyMs: number;
  /** Milliseconds of a pause between bursts. */
  pauseMs: [number, number];
}

export interface SoakOptions {
  client: LspTestClient;
  uri: string;
  /** The document as opened (version 1 must already be open on the server). */
  text: string;
  edits: number;
  seed: number;
  /** Where pasted text is copied from. */
  pasteSource: string;
  pace: SoakPace;
  /** One edit in this many is followed by a timed hover. */
  hoverEvery: number;
  /** One edit in this many is followed by a code action request. */
  codeActionEvery: number;
  /** One edit in this many is followed by a hover that the client cancels with the next edit. */
  cancelEvery: number;
  /** Once in this many bursts the driver waits for the current version's diagnostics. */
  settleEvery: number;
  /** How long to wait for one version's diagnostics before failing (a hang becomes an error). */
  waitMs: number;
  /** Keeps the text near this length: past 1.3 times it, cuts are more likely than pastes. */
  targetLength?: number;
}

export interface SoakOutcome {
  text: string;
  version: number;
  /** Milliseconds from sending each timed hover to its answer, in the order sent. */
  hoverMs: number[];
  /** From the last edit to the diagnostics of the final version. */
  lastKeyToDiagnosticsMs: number;
  finalDiagnostics: Diagnostic[];
  /** Publications of a version older than one the server had already answered a later request about. */
  outdated: { version: number; known: number }[];
  /** Publications whose version was lower than an earlier publication's. */
  backwards: number;
  publications: number;
  /** Requests answered, and the requests (never cancelled) that failed. */
  answered: number;
  failures: string[];
}

const WORDS = [' harbour', ' quietly', 'seventeen ', ' not', ' never', 'Mayor ', ' said', ' 1,200', ' the'];
const MARKS = ['“', '”', '"', "'", '‘', '’', '«', '»', '„', '“Well,” she said. “'];
const EMOJI = ['😀', '👩‍👩‍👧', '🇺🇦', 'é', '\u0301'];
const HALVES = ['\uD83D', '\uDE00', '\uDBFF', '\uDC00'];
const BREAKS = ['\r', '\r\n', '\n', '\n\n', '\r\n\r\n', '\r\r'];

/** One random edit of `text`: the range it replaces and its new text. */
export function randomEdit(random: Prng, text: string, pasteSource: string, targetLength: number): { start: number; end: number; insert: string } {
  const at = random.int(0, text.length);
  const roll = random.next();
  const long = text.length > 1.3 * targetLength;
  if (roll < 0.01 || (long && roll < 0.03)) {
    if (long || random.next() < 0.5) {
      // A cut of a few kilobytes.
      const length = random.int(2000, 20000);
      return { start: at, end: Math.min(text.length, at + length), insert: '' };
    }
    const length = random.int(2000, 20000);
    const from = random.int(0, Math.max(0, pasteSource.length - length));
    return { start: at, end: at, insert: pasteSource.slice(from, from + length) };
  }
  if (roll < 0.25) return { start: at, end: at, insert: random.pick(WORDS) };
  if (roll < 0.45) return { start: at, end: Math.min(text.length, at + random.int(1, 12)), insert: '' };
  if (roll < 0.65) return { start: at, end: at, insert: random.pick(MARKS) };
  if (roll < 0.75) return { start: at, end: at, insert: random.pick(EMOJI) };
  if (roll < 0.8) return { start: at, end: Math.min(text.length, at + random.int(0, 1)), insert: random.pick(HALVES) };
  if (roll < 0.9) return { start: at, end: at, insert: random.pick(BREAKS) };
  // Retyping a word in place.
  return { start: at, end: Math.min(text.length, at + random.int(1, 8)), insert: random.pick(WORDS).trim() };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the session; the document must be open at version 1 with `options.text`. */
export async function runSoak(options: SoakOptions): Promise<SoakOutcome> {
  const { client, uri, pace } = options;
  const random = new Prng(options.seed);
  let doc = TextDocument.create(uri, 'markdown', 1, options.text);
  const targetLength = options.targetLength ?? options.text.length;
  const hoverMs: number[] = [];
  const pending: Promise<unknown>[] = [];
  let cancelLater: CancellationTokenSource[] = [];
  // The highest version the server had surely received: a request sent after its change was answered.
  let known = 1;
  let lastPublished = 0;
  const outcome = { outdated: [] as { version: number; known: number }[], backwards: 0, publications: 0 };
  let lastDiagnostics: Diagnostic[] = [];
  let answered = 0;
  const failures: string[] = [];
  const onPublish = (message: Received) => {
    if (message.method !== 'textDocument/publishDiagnostics') return;
    const params = message.params as PublishDiagnosticsParams;
    if (params.uri !== uri || params.version === undefined) return;
    outcome.publications++;
    publishedAt.set(params.version, performance.now());
    if (params.version < known) outcome.outdated.push({ version: params.version, known });
    if (params.version < lastPublished) outcome.backwards++;
    lastPublished = Math.max(lastPublished, params.version);
    if (params.diagnostics.length) lastDiagnostics = params.diagnostics;
  };
  /** When each version's diagnostics arrived. */
  const publishedAt = new Map<number, number>();
  const stopListening = client.listen(onPublish);

  const request = <T>(method: string, params: unknown, timed: boolean, cancel: boolean): void => {
    const sentAt = performance.now();
    const sentVersion = doc.version;
    const source = cancel ? new CancellationTokenSource() : null;
    // Passing an undefined token would send it as a second parameter.
    const sent = source ? client.connection.sendRequest<T>(method, params, source.token) : client.connection.sendRequest<T>(method, params);
    const answer = sent.then(() => {
      known = Math.max(known, sentVersion);
      answered++;
      if (timed) hoverMs.push(performance.now() - sentAt);
    }, (error: { code?: number }) => {
      // Only a cancelled request may fail.
      if (!source) failures.push(`${method}: ${JSON.stringify(error)}`);
    });
    if (source) cancelLater.push(source);
    pending.push(answer);
  };

  let sent = 0;
  let bursts = 0;
  // When the last edit was sent: the final diagnostics are timed from there, not from the pause after it.
  let lastKey = performance.now();
  while (sent < options.edits) {
    const burst = random.int(pace.burst[0], pace.burst[1]);
    for (let i = 0; i < burst && sent < options.edits; i++) {
      const text = doc.getText();
      const edit = randomEdit(random, text, options.pasteSource, targetLength);
      const range = { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) };
      const version = doc.version + 1;
      doc = TextDocument.update(doc, [{ range, text: edit.insert }], version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: edit.insert }] });
      lastKey = performance.now();
      for (const source of cancelLater) source.cancel();
      cancelLater = [];
      sent++;
      const position = doc.positionAt(random.int(0, doc.getText().length));
      if (sent % options.hoverEvery === 0) request('textDocument/hover', { textDocument: { uri }, position }, true, false);
      if (sent % options.cancelEvery === 0) request('textDocument/hover', { textDocument: { uri }, position }, false, true);
      if (sent % options.codeActionEvery === 0) {
        const diagnostics = lastDiagnostics.slice(0, 1);
        const range = diagnostics[0]?.range ?? { start: position, end: position };
        request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }, false, random.next() < 0.3);
      }
      if (pace.keyMs > 0) await delay(pace.keyMs);
    }
    bursts++;
    if (options.settleEvery > 0 && bursts % options.settleEvery === 0) {
      const version = doc.version;
      await diagnosticsOf(client, uri, version, options.waitMs);
    } else {
      await delay(random.int(pace.pauseMs[0], pace.pauseMs[1]));
    }
  }
  for (const source of cancelLater) source.cancel();
  const finalVersion = doc.version;
  const final = await diagnosticsOf(client, uri, finalVersion, options.waitMs);
  const lastKeyToDiagnosticsMs = (publishedAt.get(finalVersion) ?? performance.now()) - lastKey;
  await Promise.all(pending);
  stopListening();
  return { text: doc.getText(), version: finalVersion, hoverMs, lastKeyToDiagnosticsMs, finalDiagnostics: final.diagnostics, answered, failures, ...outcome };
}

/** The diagnostics of `version` of `uri`, already received or to come. */
export async function diagnosticsOf(client: LspTestClient, uri: string, version: number, waitMs: number): Promise<PublishDiagnosticsParams> {
  const message = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics'
    && (m.params as PublishDiagnosticsParams).uri === uri && (m.params as PublishDiagnosticsParams).version === version, `diagnostics of version ${version}`, waitMs);
  return message.params as PublishDiagnosticsParams;
}

/** The server's stats after a forced collection (the server needs --expose-gc and VERBATIM_SERVER_STATS=1). */
export function serverStats(client: LspTestClient, reset = false): Promise<ServerStats> {
  return client.connection.sendRequest(ServerStatsRequest, { gc: true, reset });
}

/** Diagnostics in a comparable form: sorted, without the fields that name nothing about the draft. */
export function comparable(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify([d.range, d.severity, d.code, d.message, d.tags ?? [], d.relatedInformation ?? []])).sort();
}

/**
 * About `size` characters of Markdown made of copies of `body`, each under its own heading and
 * with every paragraph made distinct, so no copy is read as a repeat of another.
 */
export function lengthenDraft(body: string, size: number, title = '# A long chapter\n'): string {
  const parts: string[] = [title];
  let length = title.length;
  for (let i = 0; length < size; i++) {
    const section = body.replace(/^(#+) (.*)$/gm, `$1 $2 (${i})`).replace(/\n\n/g, ` Note ${i}.\n\n`);
    parts.push(`## Part ${i}\n`, section);
    length += section.length + 12;
  }
  return parts.join('\n');
}
