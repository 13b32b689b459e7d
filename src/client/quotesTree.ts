// The Explorer's "Quotes" view: the active draft's quotes grouped by verdict, problems first.
// It asks the server for `verbatim/quotes` whenever the active draft changes or the server
// publishes a new summary for it; clicking a quote selects it in the draft.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COMMANDS } from '../shared/commands';
import { QuoteInfo, QuotesRequest } from '../shared/protocol';
import { CheckingContext } from './checkingContext';
import { quotesNotice } from './corpusState';
import { DraftTracker } from './drafts';
import { QuoteGroup, groupQuotes, quoteDescription, quoteLabel, quoteTooltip, verdictIcon } from './quoteGroups';
import { ServerEvents } from './serverEvents';
import { errorText } from './workspaceCommands';

type Node = { kind: 'group'; group: QuoteGroup } | { kind: 'quote'; quote: QuoteInfo; uri: string };

class QuotesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: QuoteGroup[] = [];
  private uri: string | undefined;
  /** Increases with every request, so a slow answer for an older draft is dropped. */
  private generation = 0;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly drafts: DraftTracker,
    private readonly view: () => vscode.TreeView<Node> | undefined,
    private readonly events: ServerEvents,
    private readonly checking: CheckingContext,
  ) {}

  async refresh(): Promise<void> {
    const draft = this.drafts.document;
    const generation = ++this.generation;
    const view = this.view();
    if (!draft) {
      void vscode.commands.executeCommand('setContext', 'verbatim.quotesNotice', '');
      this.uri = undefined;
      this.groups = [];
      if (view) { view.description = undefined; view.message = undefined; }
      this.changed.fire();
      return;
    }
    const uri = draft.uri.toString();
    // With no corpus or checking turned off there are no verdicts to list; the view says why
    // (its welcome text, chosen by these context keys) instead of "no quotations".
    const notice = quotesNotice({ enabled: this.checking.enabled(draft.uri), index: this.events.indexStateFor(draft.uri) });
    void vscode.commands.executeCommand('setContext', 'verbatim.quotesNotice', notice === undefined ? '' : this.checking.enabled(draft.uri) ? 'noCorpus' : 'disabled');
    if (notice) {
      this.uri = uri;
      this.groups = [];
      if (view) { view.description = undefined; view.message = undefined; }
      this.changed.fire();
      return;
    }
    try {
      const report = await this.client.sendRequest(QuotesRequest, { uri });
      if (generation !== this.generation) return;
      this.uri = uri;
      this.groups = groupQuotes(report.quotes);
      if (view) {
        view.description = draft.isUntitled ? draft.uri.path : vscode.workspace.asRelativePath(draft.uri);
        view.message = report.quotes.length === 0 ? 'No quotations in this draft.' : undefined;
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.uri = uri;
      this.groups = [];
      if (view) view.message = `Verbatim could not list the quotes: ${errorText(error)}`;
    }
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      const icon = verdictIcon({ kind: node.group.status, severity: node.group.severity });
      item.iconPath = new vscode.ThemeIcon(icon.icon, new vscode.ThemeColor(icon.color));
      item.id = `group:${node.group.status}`;
      item.contextValue = 'verbatim.group';
      return item;
    }
    const { quote } = node;
    const item = new vscode.TreeItem(quoteLabel(quote), vscode.TreeItemCollapsibleState.None);
    const icon = verdictIcon(quote.verdict);
    item.iconPath = new vscode.ThemeIcon(icon.icon, new vscode.ThemeColor(icon.color));
    item.description = quoteDescription(quote);
    item.tooltip = new vscode.MarkdownString(quoteTooltip(quote));
    item.contextValue = `verbatim.quote.${quote.verdict.kind}`;
    item.command = { command: COMMANDS.revealQuote, title: 'Reveal Quote', arguments: [node.uri, quote.range] };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') {
      const uri = this.uri ?? '';
      return node.group.quotes.map((quote) => ({ kind: 'quote', quote, uri }));
    }
    return [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Creates the Quotes view and keeps it following the active draft. */
export function registerQuotesTree(client: BaseLanguageClient, events: ServerEvents, drafts: DraftTracker, checking: CheckingContext): vscode.Disposable {
  let view: vscode.TreeView<Node> | undefined;
  const provider = new QuotesProvider(client, drafts, () => view, events, checking);
  view = vscode.window.createTreeView('verbatim.quotes', { treeDataProvider: provider, showCollapseAll: true });
  const refresh = () => { if (view?.visible) void provider.refresh(); };
  refresh();
  return vscode.Disposable.from(
    view,
    provider,
    // A hidden view is not worth a request; it catches up when it becomes visible.
    view.onDidChangeVisibility(refresh),
    drafts.onDidChange(refresh),
    events.onSummary((summary) => {
      if (summary.uri === drafts.document?.uri.toString()) refresh();
    }),
    events.onIndexState(refresh),
    checking.onDidChange(refresh),
  );
}
