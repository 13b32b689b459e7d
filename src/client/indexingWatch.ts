// Decides when indexing is slow enough to deserve a notification: the status bar spins for every
// build, but a large corpus takes seconds, and a writer who opened a draft should be told why
// its quotes are not checked yet. Pure logic, with the timer and the display injected, so that
// it is tested without VS Code.
import type { IndexStateParams } from '../shared/protocol';

/** A notification being shown; closed when the folder's index is no longer being built. */
export interface ShownNotice {
  close(): void;
}

export interface IndexingWatchHost {
  /** Shows a progress notification for `folder`'s indexing. */
  show(folder: string | null): ShownNotice;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  after(ms: number, callback: () => void): () => void;
}

/** How long an index build runs before the notification appears, in ms. */
export const NOTICE_DELAY_MS = 1500;

interface Watched {
  cancelTimer: (() => void) | null;
  notice: ShownNotice | null;
}

/** Shows a notification for each folder whose index takes longer than NOTICE_DELAY_MS to build. */
export class IndexingWatch {
  private readonly folders = new Map<string, Watched>();

  constructor(private readonly host: IndexingWatchHost) {}

  /** Takes the server's latest index state for a folder. */
  update(params: IndexStateParams): void {
    const key = params.folder ?? '';
    const watched = this.folders.get(key);
    if (params.state === 'indexing') {
      if (watched) return;
      const entry: Watched = { cancelTimer: null, notice: null };
      entry.cancelTimer = this.host.after(NOTICE_DELAY_MS, () => {
        entry.cancelTimer = null;
        entry.notice = this.host.show(params.folder);
      });
      this.folders.set(key, entry);
      return;
    }
    if (!watched) return;
    watched.cancelTimer?.();
    watched.notice?.close();
    this.folders.delete(key);
  }

  /** Closes every notification and cancels every timer. */
  dispose(): void {
    for (const key of [...this.folders.keys()]) this.update({ state: 'ready', folder: key || null, documents: 0 });
  }
}
