// The status bar item for the active draft: counts from `verbatim/summary`, a spinner while the
// corpus is indexed, a warning when there is none. The server's `$/progress` reports (files and
// megabytes done) appear in the status bar through the language client, and a slow build also
// gets a notification (indexingNotice.ts); this item only shows the state.
import * as vscode from 'vscode';
import { CheckingContext } from './checkingContext';
import { DraftTracker, activeDraft } from './drafts';
import { ServerEvents } from './serverEvents';
import { statusBarView } from './summaryText';

const TONE_COLORS = {
  normal: undefined,
  warning: new vscode.ThemeColor('statusBarItem.warningBackground'),
  error: new vscode.ThemeColor('statusBarItem.errorBackground'),
} as const;

/** Creates the status bar item and keeps it in step with the active editor and the server. */
export function registerStatusBar(events: ServerEvents, drafts: DraftTracker, checking: CheckingContext): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('verbatim.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Verbatim';

  const update = () => {
    // Focus in a webview or panel leaves no active text editor; the item then keeps showing the
    // draft the writer was in instead of flickering away. A non-draft text editor hides it.
    const draft = activeDraft() ?? (vscode.window.activeTextEditor === undefined ? drafts.document : undefined);
    const view = statusBarView({
      isDraft: draft !== undefined,
      summary: draft ? events.summaries.get(draft.uri.toString()) : undefined,
      index: draft ? events.indexStateFor(draft.uri) : undefined,
      enabled: checking.enabled(draft?.uri),
      corpusExpected: draft ? checking.expectedForDraft(draft.uri) : false,
    });
    if (!view.visible) {
      item.hide();
      return;
    }
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.command = view.command;
    item.backgroundColor = TONE_COLORS[view.tone];
    item.show();
  };

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    // A draft whose language changes (e.g. plain text to Markdown) may start or stop counting.
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('verbatim.languages')) update(); }),
    drafts.onDidChange(update),
    events.onSummary(update),
    events.onIndexState(update),
    checking.onDidChange(update),
  );
}
