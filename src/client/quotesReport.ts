// Verbatim: Show Quotes Report — a webview table of every quote in the followed draft, opened
// across the whole editor area. The page (media/report.js) renders rows from posted JSON with
// textContent, so draft and corpus text never become markup; it filters and sorts them itself;
// clicking a row posts its index back and the quote is revealed. "Export…" (and Verbatim: Export
// Fact-Check Sheet) saves the same rows as a standalone HTML sheet (src/shared/factSheet.ts).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COMMANDS } from '../shared/commands';
import { factSheetHtml, sheetTimestamp } from '../shared/factSheet';
import { QuotesReport, QuotesRequest } from '../shared/protocol';
import { quotesNoticeFor } from './checkingContext';
import { sheetRows } from '../shared/sheetRows';
import type { Range } from 'vscode-languageclient';
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
    if (message.type === 'export') {
      void exportFactSheet(this.client, this.drafts);
      return;
    }
    const quote = this.report?.quotes[message.index];
    if (quote && this.report) void this.reveal(this.report.uri, quote.range);
  }

  /**
   * Shows the quote in the draft: where the draft is visible, there; otherwise beside the report,
   * so the report stays open next to it.
   */
  private async reveal(uri: string, range: Range): Promise<void> {
    const target = vscode.Uri.parse(uri);
    if (vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === target.toString())) {
      await revealQuote(this.client, uri, range);
      return;
    }
    const selection = this.client.protocol2CodeConverter.asRange(range);
    const editor = await vscode.window.showTextDocument(target, { selection, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
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
    vscode.commands.registerCommand(COMMANDS.showReport, async () => {
      if (current) {
        current.panel.reveal(undefined, true);
        void current.refresh();
        return;
      }
      // A draft opened with a single click is a preview tab, which the report would replace; kept,
      // it stays open in a tab beside the report.
      if (vscode.window.activeTextEditor && drafts.document && vscode.window.activeTextEditor.document === drafts.document) {
        await vscode.commands.executeCommand('workbench.action.keepEditor');
        // A second click while the tab was kept has opened the panel already.
        if (current) return;
      }
      const panel = vscode.window.createWebviewPanel(
        'verbatim.report',
        'Quotes',
        // The report's five columns need the editor's whole width; a half column shows two quotes a screen.
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
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
    vscode.commands.registerCommand(COMMANDS.exportReport, (target?: unknown) => exportFactSheet(client, drafts, target)),
    { dispose: () => current?.panel.dispose() },
  );
}

/**
 * Saves the followed draft's fact-check sheet as one HTML file: at `target` (a URI string, for
 * scripts) or where the writer picks. Resolves to the file written, or undefined.
 */
export async function exportFactSheet(client: BaseLanguageClient, drafts: DraftTracker, target?: unknown): Promise<vscode.Uri | undefined> {
  const draft = drafts.document;
  if (!draft) {
    void vscode.window.showWarningMessage('Verbatim: open a Markdown or plain-text draft to export its fact-check sheet.');
    return undefined;
  }
  try {
    const report = await client.sendRequest(QuotesRequest, { uri: draft.uri.toString() });
    const name = draftTitle(draft);
    const html = factSheetHtml({ generated: sheetTimestamp(new Date()), drafts: [{ name, counts: report.counts, rows: sheetRows(report.quotes) }] });
    const base = draft.uri.path.split('/').pop()?.replace(/\.[^.]*$/, '') || 'draft';
    const file = typeof target === 'string'
      ? vscode.Uri.parse(target)
      : await vscode.window.showSaveDialog({
        defaultUri: draft.isUntitled ? undefined : vscode.Uri.joinPath(draft.uri, '..', `${base}-fact-check.html`),
        filters: { 'HTML page': ['html'] },
        saveLabel: 'Export',
        title: 'Export Fact-Check Sheet',
      });
    if (!file) return undefined;
    await vscode.workspace.fs.writeFile(file, Buffer.from(html, 'utf8'));
    if (typeof target !== 'string') {
      void vscode.window.showInformationMessage(`Verbatim saved the fact-check sheet of ${name} (${report.quotes.length} quotes).`, 'Open in Browser').then((choice) => {
        if (choice) void vscode.env.openExternal(file);
      });
    }
    return file;
  } catch (error) {
    void vscode.window.showErrorMessage(`Verbatim could not export the fact-check sheet: ${errorText(error)}`);
    return undefined;
  }
}
