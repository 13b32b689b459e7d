// Verbatim: Show Quotes Report — a webview table of every quote in the followed draft. The
// page (media/report.js) renders rows from posted JSON with textContent, so draft and corpus
// text never become markup; clicking a row posts its index back and the quote is revealed.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COMMANDS } from '../shared/commands';
import { QuotesReport, QuotesRequest } from '../shared/protocol';
import { quotesNoticeFor } from './checkingContext';
import { DraftTracker } from './drafts';
import { ReportNotice, ReportUpdate, parsePageMessage, reportShell, reportUpdate } from './reportModel';
import { ServerEvents } from './serverEvents';
import { errorText, revealQuote } from './workspaceCommands';

/** A short, readable name for a draft: its workspace-relative path or untitled name. */
function draftTitle(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri);
}

class ReportPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private report: QuotesReport | undefined;
  private generation = 0;
  private ready = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly client: BaseLanguageClient,
    private readonly drafts: DraftTracker,
    private readonly events: ServerEvents,
    media: vscode.Uri,
  ) {
    const webview = panel.webview;
    webview.html = reportShell({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js')).toString(),
      title: 'Quotes report',
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw) => this.onPageMessage(raw)),
      // A panel in the background is brought up to date when it is shown, not on every check.
      drafts.onDidChange(() => { if (panel.visible) void this.refresh(); }),
      events.onSummary((summary) => { if (panel.visible && summary.uri === this.drafts.document?.uri.toString()) void this.refresh(); }),
      panel.onDidChangeViewState(() => { if (panel.visible) void this.refresh(); }),
      events.onIndexState(() => { if (panel.visible) void this.refresh(); }),
    );
  }

  /** Asks the server for the followed draft's quotes and posts them to the page. */
  async refresh(): Promise<void> {
    const draft = this.drafts.document;
    const generation = ++this.generation;
    if (!draft) {
      this.report = undefined;
      this.panel.title = 'Quotes';
      this.post(null, 'Open a Markdown or plain-text draft to see its quotes.');
      return;
    }
    const title = draftTitle(draft);
    this.panel.title = `Quotes: ${title.split('/').pop()}`;
    const notice = quotesNoticeFor(this.events, draft.uri);
    if (notice) {
      this.report = undefined;
      this.post(null, notice);
      return;
    }
    try {
      const report = await this.client.sendRequest(QuotesRequest, { uri: draft.uri.toString() });
      if (generation !== this.generation) return;
      this.report = report;
      this.post(title, null);
    } catch (error) {
      if (generation !== this.generation) return;
      this.report = undefined;
      this.post(null, `Verbatim could not list the quotes: ${errorText(error)}`);
    }
  }

  private post(title: string | null, error: string | null): void {
    // Messages sent before the page's script runs are lost; the page asks again when ready.
    if (!this.ready) return;
    const message: ReportUpdate | ReportNotice = this.report && title !== null
      ? reportUpdate(title, this.report)
      : { type: 'notice', text: error ?? '' };
    void this.panel.webview.postMessage(message);
  }

  private onPageMessage(raw: unknown): void {
    const message = parsePageMessage(raw);
    if (!message) return;
    if (message.type === 'ready') {
      this.ready = true;
      void this.refresh();
      return;
    }
    const quote = this.report?.quotes[message.index];
    if (quote && this.report) void revealQuote(this.client, this.report.uri, quote.range);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Registers Verbatim: Show Quotes Report, which opens or focuses the single report panel. */
export function registerQuotesReport(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  events: ServerEvents,
  drafts: DraftTracker,
): vscode.Disposable {
  let current: ReportPanel | undefined;
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.showReport, () => {
      if (current) {
        current.panel.reveal(undefined, true);
        void current.refresh();
        return;
      }
      const panel = vscode.window.createWebviewPanel(
        'verbatim.report',
        'Quotes',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [media] },
      );
      panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
      const report = new ReportPanel(panel, client, drafts, events, media);
      current = report;
      panel.onDidDispose(() => {
        report.dispose();
        if (current === report) current = undefined;
      });
    }),
    { dispose: () => current?.panel.dispose() },
  );
}
