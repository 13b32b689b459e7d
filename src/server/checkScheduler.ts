// Debounces checks per document. A newer change cancels the pending or running check of the
// same document, and the check itself is handed a token to test before publishing, so results
// computed for an old version are never shown.

/** Tells a running check whether a newer change has superseded it. */
export interface CheckToken {
  readonly cancelled: boolean;
}

/** Runs one check of `uri`; must test `token.cancelled` before publishing. */
export type CheckRunner = (uri: string, token: CheckToken) => Promise<void>;

interface Pending {
  token: { cancelled: boolean };
  timer: NodeJS.Timeout | null;
}

/** Per-document debouncing of checks. */
export class CheckScheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly run: CheckRunner,
    private readonly onError: (uri: string, error: Error) => void,
    /** Called once a check has ended and is no longer pending. */
    private readonly onEnded: (uri: string) => void = () => {},
  ) {}

  /**
   * Checks `uri` after `delay` ms of quiet (a promise when the delay comes from settings),
   * cancelling any earlier check of it that has not published yet.
   */
  schedule(uri: string, delay: number | Promise<number>): void {
    this.cancel(uri);
    const entry: Pending = { token: { cancelled: false }, timer: null };
    this.pending.set(uri, entry);
    void Promise.resolve(delay).catch(() => 0).then((ms) => {
      if (entry.token.cancelled) return;
      entry.timer = setTimeout(() => this.start(uri, entry), Math.max(0, ms));
    });
  }

  /** Cancels the pending or running check of `uri`. */
  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    entry.token.cancelled = true;
    if (entry.timer) clearTimeout(entry.timer);
    this.pending.delete(uri);
  }

  /** True while a check of `uri` waits for quiet or runs. */
  has(uri: string): boolean {
    return this.pending.has(uri);
  }

  /** A promise that settles when the check of `uri` that is running now (if any) ends. */
  idle(uri: string): Promise<void> {
    return this.running.get(uri) ?? Promise.resolve();
  }

  /** Cancels everything. */
  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  private start(uri: string, entry: Pending): void {
    entry.timer = null;
    const done = this.run(uri, entry.token)
      .catch((error: Error) => this.onError(uri, error))
      .finally(() => {
        // The entry stays registered while it runs so that a newer change can cancel it.
        if (this.pending.get(uri) === entry) this.pending.delete(uri);
        if (this.running.get(uri) === done) this.running.delete(uri);
        this.onEnded(uri);
      });
    this.running.set(uri, done);
  }
}
