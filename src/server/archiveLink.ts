// The language server's use of the shared archive: one session per verbatim.json that names an
// archive (or per VERBATIM_ARCHIVE_URL), checks merged with the local corpus's verdicts, and a
// `verbatim/archiveState` notification whenever the archive starts or stops answering. An
// untrusted workspace's verbatim.json could point the server at any host, so its archive is
// never contacted.

import { ArchiveSession } from '../archive/archiveSession';
import { archiveSettings } from '../archive/archiveSettings';
import type { Checker } from '../core/checker';
import type { QuoteResult } from '../core/types';
import { parseArchiveDocumentUri } from '../shared/archiveUri';
import type { ArchiveStateParams } from '../shared/protocol';

export interface ArchiveHost {
  /** False while the client says the workspace is not trusted; read at each use, so granting trust takes effect at once. */
  trusted(): boolean;
  sendState(params: ArchiveStateParams): void;
  warn(message: string): void;
  log(message: string): void;
}

export class ArchiveLink {
  private readonly sessions = new Map<string, ArchiveSession | null>();
  private readonly lastState = new Map<string, string>();
  private shutDown = false;

  constructor(private readonly host: ArchiveHost, private readonly env: Record<string, string | undefined> = process.env) {}

  /** True when drafts under `configFile` are to be checked against an archive (and may contact it). */
  names(configFile: string | null): boolean {
    return this.host.trusted() && this.sessionFor(configFile) !== null;
  }

  /** The draft's verdicts with the archive's merged in, or `local` when there is no usable archive. */
  async merge(configFile: string | null, text: string, local: QuoteResult[], checker: Checker): Promise<QuoteResult[]> {
    if (!this.host.trusted() || local.length === 0) return local;
    const session = this.sessionFor(configFile);
    if (!session) return local;
    const merged = await session.check(text, local.map((r) => r.quote), local, checker.options);
    this.report(session);
    return merged;
  }

  /**
   * Opens the archive's connection for drafts under `configFile` (see ArchiveSession.warm),
   * when drafts there are checked against an archive; called as a check starts, so the archive's
   * part of it does not wait for a new connection.
   */
  warm(configFile: string | null): void {
    if (this.names(configFile)) void this.sessionFor(configFile)?.warm();
  }

  /** The text of the archived document a `verbatim-archive:` URI names; throws with a one-line message. */
  async documentText(uri: string): Promise<string> {
    const named = parseArchiveDocumentUri(uri);
    if (!named) throw new Error(`not an archived document: ${uri}`);
    if (!this.host.trusted()) throw new Error('the archive of an untrusted workspace is not contacted; trust the workspace to read archived sources');
    const open = [...this.sessions.values()].filter((session): session is ArchiveSession => session !== null);
    // A URI that names its archive is read only from that archive: a document id of one archive is another document in any other.
    const session = named.archive !== null ? open.find((s) => s.settings.target.display === named.archive) : open.length === 1 ? open[0] : undefined;
    if (!session) throw new Error(`the archive ${named.archive ?? ''} is not named by any open project; open a draft of the project that names it`);
    const text = await session.documentText(named.id);
    if (text === null) throw new Error(`the archive ${session.settings.target.display} no longer holds this document (it was removed by a later import)`);
    return text;
  }

  private sessionFor(configFile: string | null): ArchiveSession | null {
    // After shutdown a check still finishing must not open a new connection for the process to drop.
    if (this.shutDown) return null;
    const key = configFile ?? '';
    if (!this.sessions.has(key)) {
      const settings = archiveSettings(configFile, this.env, (message) => this.host.warn(message));
      this.sessions.set(key, settings ? new ArchiveSession(settings) : null);
      if (settings) this.host.log(`Archive: ${settings.target.display} (from ${settings.from}, time limit ${settings.timeoutMs} ms)`);
    }
    return this.sessions.get(key) ?? null;
  }

  /** Tells the client when the archive's state changed, in one line. */
  private report(session: ArchiveSession): void {
    const state = session.state;
    const params: ArchiveStateParams = state.kind === 'ok'
      ? { archive: state.display, ok: true }
      : { archive: state.display, ok: false, failure: state.failure, message: `${state.message}; showing verdicts from the local corpus only` };
    const key = JSON.stringify(params);
    if (this.lastState.get(state.display) === key) return;
    this.lastState.set(state.display, key);
    if (!params.ok) this.host.log(`Archive: ${params.message}`);
    this.host.sendState(params);
  }

  /**
   * Ends every session as the server shuts down, and opens none after. Checks still running
   * against a slow archive are not waited for past `graceMs`: nobody is left to see their
   * verdicts, and a client gives a server about two seconds to answer its shutdown.
   */
  async shutdown(graceMs: number): Promise<void> {
    this.shutDown = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.reset(), deadline]);
    clearTimeout(timer);
  }

  /** Forgets sessions, e.g. after verbatim.json changed. */
  async reset(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((session) => session?.close()));
  }
}
