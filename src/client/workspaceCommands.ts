// The commands that talk to the server without a view of their own: checking every draft,
// rebuilding the corpus index, restarting the server and revealing a quote in its draft.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Range } from 'vscode-languageserver-protocol';
import { COMMANDS } from '../shared/commands';
import { CheckWorkspaceRequest, RebuildIndexRequest } from '../shared/protocol';
import { checkWorkspaceMessage, rebuildMessage } from './summaryText';

/** Formats any thrown value for a message box. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens `uri` and selects `range` (an LSP range), reusing a visible editor of that document. */
export async function revealQuote(client: BaseLanguageClient, uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isRange(range)) {
    void vscode.window.showErrorMessage('Verbatim: revealQuote needs a document URI and a range.');
    return;
  }
  const target = vscode.Uri.parse(uri);
  const selection = client.protocol2CodeConverter.asRange(range);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  const editor = await vscode.window.showTextDocument(target, { selection, viewColumn: visible?.viewColumn, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  return typeof r?.start?.line === 'number' && typeof r.start.character === 'number'
    && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}

async function checkWorkspace(client: BaseLanguageClient): Promise<void> {
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Verbatim: checking drafts…' },
      () => client.sendRequest(CheckWorkspaceRequest, {}),
    );
    void vscode.window.showInformationMessage(checkWorkspaceMessage(result.files));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  } catch (error) {
    void vscode.window.showErrorMessage(`Verbatim could not check the workspace: ${errorText(error)}`);
  }
}

async function rebuildIndex(client: BaseLanguageClient): Promise<void> {
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Verbatim: rebuilding the corpus index…' },
      () => client.sendRequest(RebuildIndexRequest, {}),
    );
    if (result.warnings.length === 0) {
      void vscode.window.showInformationMessage(rebuildMessage(result));
      return;
    }
    const show = 'Show Details';
    const answer = await vscode.window.showWarningMessage(rebuildMessage(result), show);
    if (answer === show) {
      for (const warning of result.warnings) client.outputChannel.warn(warning);
      client.outputChannel.show(true);
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`Verbatim could not rebuild the corpus index: ${errorText(error)}`);
  }
}

async function restartServer(client: LanguageClient): Promise<void> {
  try {
    await client.restart();
  } catch (error) {
    void vscode.window.showErrorMessage(`Verbatim could not restart its server: ${errorText(error)}`);
  }
}

/** Registers the server-backed commands that have no view of their own. */
export function registerWorkspaceCommands(client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => checkWorkspace(client)),
    vscode.commands.registerCommand(COMMANDS.rebuildIndex, () => rebuildIndex(client)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => restartServer(client)),
    vscode.commands.registerCommand(COMMANDS.revealQuote, (uri: unknown, range: unknown) => revealQuote(client, uri, range)),
  );
}
