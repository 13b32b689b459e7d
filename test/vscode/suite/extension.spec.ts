// Runs inside a real VS Code with the workspace copied from test/fixtures/lsp/workspace: the
// extension must start its server, publish diagnostics for the draft and serve its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/shared/commands';

/** The diagnostic's code as a plain string. */
function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

/** Resolves with the draft's Verbatim diagnostics once the server has published a set that `accept`s. */
function verbatimDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'verbatim');
  return new Promise((resolve) => {
    if (accept(current())) {
      resolve(current());
      return;
    }
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString()) || !accept(current())) return;
      subscription.dispose();
      resolve(current());
    });
  });
}

describe('Verbatim in VS Code', () => {
  let draft: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace was not opened');
    draft = vscode.Uri.joinPath(folder.uri, 'draft.md');
    await vscode.window.showTextDocument(draft);
  });

  it('reports drift and unsupported quotes of the draft, each on its own words', async () => {
    // Mocha's timeout turns a server that never publishes both kinds into a failure.
    const diagnostics = await verbatimDiagnostics(draft, (ds) => ds.some((d) => codeOf(d) === 'drift') && ds.some((d) => codeOf(d) === 'unsupported'));
    const document = await vscode.workspace.openTextDocument(draft);
    for (const d of diagnostics) assert.notStrictEqual(document.getText(d.range).trim(), '', `empty range for ${d.message}`);
  });

  it('contributes every command it registers', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(COMMANDS)) assert.ok(registered.has(id), `${id} is not registered`);
  });

  it('opens the quotes report and reveals a quote in the draft', async () => {
    await vscode.commands.executeCommand(COMMANDS.showReport);
    const range = { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } };
    await vscode.commands.executeCommand(COMMANDS.revealQuote, draft.toString(), range);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), draft.toString());
    assert.deepStrictEqual([editor.selection.start.line, editor.selection.end.character], [4, 3]);
  });
});
