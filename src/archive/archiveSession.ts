// A writer's connection to the archive, shared by the CLI and the language server: checks go
// through a small pool under the time limit; after a failure the archive is left alone for a
// while that doubles with each further failure (from 1 s up to a minute), so a database that is
// down is not hammered and a check never waits on it twice in a row.

import type { Pool, PoolClient } from 'pg';
import type { CheckOptions, Quote, QuoteResult } from '../core/types';
import { checkAgainstArchive, mergeResults } from './archiveCheck';
import { ArchiveError, describeArchiveError, openPool, type ArchiveFailure } from './archiveConnection';
import type { ArchiveSettings } from './archiveSettings';
import type { ArchiveLayout } from './archiveText';
import { SCHEMA_VERSION } from './schema';

const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60_000;

/** What the archive did on the last check, for the status item and the CLI's one line. */
export type ArchiveState =
  | { kind: 'ok'; display: string }
  | { kind: 'failed'; display: string; failure: ArchiveFailure; message: string; retryAt: number };

/** The archive's layout, once its schema version is known to be this Verbatim's. */
async function archiveLayout(pool: Pool | PoolClient, display: string): Promise<ArchiveLayout> {
  const { rows } = await pool.query('SELECT * FROM verbatim_archive');
  if (!rows.length) throw new ArchiveError('not-an-archive', `the archive ${display} holds no Verbatim archive yet (run "verbatim archive import" first)`);
  if (rows[0].version !== SCHEMA_VERSION) {
    throw new ArchiveError('not-an-archive', `the archive ${display} has schema version ${rows[0].version}, and this Verbatim reads version ${SCHEMA_VERSION} (import the sources again into a new database)`);
  }
  return { buckets: rows[0].pair_buckets, frequent: new Set<number>(rows[0].frequent_pairs) };
}

export class ArchiveSession {
  private readonly pool: Pool;
  private backoffMs = 0;
  /** The archive's bucket count and frequent pairs, read on the first check that reaches it. */
  private layout: ArchiveLayout | null = null;
  private retryAt = 0;
  /** Checks and reads still running: closing waits for them, so a settings change never cuts one off. */
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;
  /** A connection being opened ahead of a check (see warm); it never rejects. */
  private warming: Promise<void> | null = null;
  state: ArchiveState;

  constructor(readonly settings: ArchiveSettings, private readonly now: () => number = Date.now) {
    this.pool = openPool(settings.target, settings.timeoutMs);
    this.state = { kind: 'ok', display: settings.target.display };
  }

  /**
   * The quotes' verdicts from the local corpus merged with the archive's. When the archive fails
   * (or is still backing off) the local verdicts come back unchanged and `state` says why.
   */
  async check(draftText: string, quotes: Quote[], local: QuoteResult[], options: Partial<CheckOptions>, accepted: string[] = []): Promise<QuoteResult[]> {
    if (this.closed || (this.state.kind === 'failed' && this.now() < this.retryAt)) return local;
    // A check that comes while a connection is being opened waits for it rather than opening a
    // second one: that connection is further along than a new one would be.
    if (this.warming) {
      await this.warming;
      if (this.closed || (this.state.kind === 'failed' && this.now() < this.retryAt)) return local;
    }
    return this.tracked(this.checkNow(draftText, quotes, local, options, accepted));
  }

  /**
   * Opens a connection and reads the archive's layout, in the background, when the pool has no
   * connection: the language server calls it as it starts checking a draft, so the archive's
   * part of that check does not wait for the connection, the login and the layout's round trip,
   * which overlap the local check instead. Preparing the lookup statements here too was measured
   * and left out: it saved the server process a few milliseconds of reading its catalogs, and
   * cost a check that comes at once three more round trips. A failure counts as a check's would
   * (the archive is left alone for a while), so the check that follows reports it at once rather
   * than waiting on the archive again. Resolves when the connection is ready or has failed;
   * never rejects.
   */
  warm(): Promise<void> {
    if (this.warming) return this.warming;
    if (this.closed || this.pool.totalCount > 0 || (this.state.kind === 'failed' && this.now() < this.retryAt)) return Promise.resolve();
    const warming: Promise<void> = this.tracked(this.warmNow()).finally(() => {
      if (this.warming === warming) this.warming = null;
    });
    this.warming = warming;
    return warming;
  }

  private async warmNow(): Promise<void> {
    let client: PoolClient | null = null;
    try {
      client = await this.pool.connect();
      this.layout ??= await archiveLayout(client, this.settings.target.display);
      client.release();
    } catch (error) {
      // A connection that failed is not put back in the pool.
      client?.release(error instanceof Error ? error : true);
      this.failed(error);
    }
  }

  private async tracked<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  private async checkNow(draftText: string, quotes: Quote[], local: QuoteResult[], options: Partial<CheckOptions>, accepted: string[]): Promise<QuoteResult[]> {
    try {
      this.layout ??= await archiveLayout(this.pool, this.settings.target.display);
      const archived = await checkAgainstArchive(this.pool, this.settings.target.display, this.layout, draftText, quotes, options, accepted);
      this.backoffMs = 0;
      this.state = { kind: 'ok', display: this.settings.target.display };
      return local.map((result, k) => mergeResults(result, archived[k]));
    } catch (error) {
      this.failed(error);
      return local;
    }
  }

  /** Records a failure: the archive is left alone for a while that doubles with each one. */
  private failed(error: unknown): void {
    const failure = describeArchiveError(error, this.settings.target, this.settings.timeoutMs);
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs ? this.backoffMs * 2 : FIRST_BACKOFF_MS);
    this.retryAt = this.now() + this.backoffMs;
    this.state = { kind: 'failed', display: this.settings.target.display, failure: failure.failure, message: failure.message, retryAt: this.retryAt };
  }

  /**
   * The whole text of archived document `id` (its chunks put back together), for the editor's
   * read-only view; null when the archive no longer holds it. Throws a one-line ArchiveError.
   */
  async documentText(id: string): Promise<string | null> {
    if (this.closed) throw new ArchiveError('error', `the connection to ${this.settings.target.display} was closed; open the document again`);
    return this.tracked(this.readDocument(id));
  }

  private async readDocument(id: string): Promise<string | null> {
    try {
      const { rows } = await this.pool.query({
        name: 'verbatim-document-text',
        text: `SELECT coalesce(string_agg(c.text, '' ORDER BY c.seq), '') AS text
               FROM verbatim_documents d LEFT JOIN verbatim_chunks c ON c.doc_id = d.id WHERE d.id = $1 GROUP BY d.id`,
        values: [id],
      });
      return rows.length ? rows[0].text : null;
    } catch (error) {
      throw describeArchiveError(error, this.settings.target, this.settings.timeoutMs);
    }
  }

  /** The last failure as an error, or null when the archive answered. */
  get failure(): ArchiveError | null {
    return this.state.kind === 'failed' ? new ArchiveError(this.state.failure, this.state.message) : null;
  }

  /** Ends the pool once the checks and reads already running have finished; later checks return the local verdicts. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running]);
    await this.pool.end().catch(() => undefined);
  }
}
