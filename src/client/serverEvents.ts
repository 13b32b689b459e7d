// Fans the server's custom notifications out to every view. The language client keeps only
// one handler per notification method, so the status bar, the Quotes tree, the report and the
// no-corpus prompt subscribe here instead of registering handlers of their own.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ArchiveStateNotification, ArchiveStateParams, IndexStateNotification, IndexStateParams, SummaryNotification, SummaryParams } from '../shared/protocol';

export class ServerEvents implements vscode.Disposable {
  private readonly summaryEmitter = new vscode.EventEmitter<SummaryParams>();
  private readonly indexStateEmitter = new vscode.EventEmitter<IndexStateParams>();
  private readonly archiveStateEmitter = new vscode.EventEmitter<ArchiveStateParams>();
  private readonly registrations: vscode.Disposable[];
  /** The shared archive's latest state, once a check has used one. */
  archiveState: ArchiveStateParams | undefined;
  /** The latest summary per draft URI, so a view opened later can show counts at once. */
  readonly summaries = new Map<string, SummaryParams>();
  /** The latest index state per workspace folder URI ('' for the folder-less case). */
  readonly indexStates = new Map<string, IndexStateParams>();

  /** Fires after every diagnostics publish of a draft. */
  readonly onSummary = this.summaryEmitter.event;
  /** Fires when a workspace folder's corpus index changes state. */
  readonly onIndexState = this.indexStateEmitter.event;
  /** Fires when the shared archive starts or stops answering. */
  readonly onArchiveState = this.archiveStateEmitter.event;

  constructor(client: BaseLanguageClient) {
    // Handlers registered before start survive restarts: the client re-installs them.
    this.registrations = [
      client.onNotification(SummaryNotification, (params) => {
        this.summaries.set(params.uri, params);
        this.summaryEmitter.fire(params);
      }),
      client.onNotification(IndexStateNotification, (params) => {
        this.indexStates.set(params.folder ?? '', params);
        this.indexStateEmitter.fire(params);
      }),
      client.onNotification(ArchiveStateNotification, (params) => {
        this.archiveState = params;
        this.archiveStateEmitter.fire(params);
      }),
    ];
  }

  /** The index state that applies to a document: its workspace folder's, else the folder-less one. */
  indexStateFor(uri: vscode.Uri): IndexStateParams | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) {
      const state = this.indexStates.get(folder.uri.toString());
      if (state) return state;
    }
    // With at most one folder open there is only one corpus, whichever key the server used.
    const single = (vscode.workspace.workspaceFolders?.length ?? 0) <= 1;
    if (single && this.indexStates.size === 1) return [...this.indexStates.values()][0];
    return this.indexStates.get('');
  }

  dispose(): void {
    for (const d of this.registrations) d.dispose();
    this.summaryEmitter.dispose();
    this.indexStateEmitter.dispose();
    this.archiveStateEmitter.dispose();
  }
}
