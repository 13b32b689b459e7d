// Shows "Verbatim: indexing the corpus of FOLDER…" as a progress notification when a build is
// slow (see IndexingWatch), alongside the spinning status bar item.
import * as vscode from 'vscode';
import { IndexingWatch } from './indexingWatch';
import type { ServerEvents } from './serverEvents';

/** Watches index states and shows the notification for slow builds. */
export function registerIndexingNotice(events: ServerEvents): vscode.Disposable {
  const watch = new IndexingWatch({
    after: (ms, callback) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
    show: (folder) => {
      let close: () => void = () => undefined;
      const done = new Promise<void>((resolve) => { close = resolve; });
      const name = folderName(folder);
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Verbatim: indexing the corpus${name ? ` of ${name}` : ''}…` },
        () => done,
      );
      return { close };
    },
  });
  const subscription = events.onIndexState((params) => watch.update(params));
  return { dispose: () => { subscription.dispose(); watch.dispose(); } };
}

function folderName(folder: string | null): string {
  if (!folder) return '';
  try {
    return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folder))?.name ?? '';
  } catch {
    return '';
  }
}
