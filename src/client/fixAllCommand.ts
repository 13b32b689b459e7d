// "Verbatim: Use the Source Wording for Every Drift in This File": asks the server for the
// file-wide fix of the active draft (the same `source.fixAll.verbatim` action that
// `editor.codeActionsOnSave` runs) and applies it, saying so when there is nothing to fix.
import * as vscode from 'vscode';
import { COMMANDS, FIX_ALL_KIND } from '../shared/commands';

/** Registers the fix-all command. */
export function registerFixAllCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.fixAllDrifts, () => fixAllDrifts(vscode.window.activeTextEditor));
}

async function fixAllDrifts(editor: vscode.TextEditor | undefined): Promise<void> {
  if (!editor) {
    void vscode.window.showInformationMessage('Verbatim: open a draft to use the source wording for its drifted quotes.');
    return;
  }
  const { document } = editor;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, whole, FIX_ALL_KIND);
  const kind = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);
  const fix = actions?.find((action) => action.edit && action.kind && kind.contains(action.kind));
  if (!fix?.edit) {
    void vscode.window.showInformationMessage('Verbatim: no drifted quote to fix in this file.');
    return;
  }
  const quotes = fix.edit.get(document.uri).length;
  // The edit names the version it was made for; an edit made meanwhile makes the editor refuse it.
  if (!(await vscode.workspace.applyEdit(fix.edit))) {
    void vscode.window.showWarningMessage('Verbatim: the draft changed while its drifts were fixed; run the command again.');
    return;
  }
  vscode.window.setStatusBarMessage(`Verbatim: used the source wording for ${quotes} ${quotes === 1 ? 'quote' : 'quotes'}`, 5000);
}
