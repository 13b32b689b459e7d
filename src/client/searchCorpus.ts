// Verbatim: Search Corpus — a live picker over the server's `verbatim/search`. Each keystroke
// waits briefly for the next one and cancels the previous request, so only the latest query's
// hits are ever shown. Enter opens the source at the passage; the item button inserts it.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COMMANDS } from '../shared/commands';
import { SearchHitInfo, SearchRequest } from '../shared/protocol';
import { asQuotation, oneLine, searchItemText } from './displayText';
import { errorText } from './workspaceCommands';

const DEBOUNCE_MS = 150;
const LIMIT = 50;

interface HitItem extends vscode.QuickPickItem {
  hit?: SearchHitInfo;
}

const INSERT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert as quote' };

/** Opens the source file with the passage selected. */
async function openHit(client: BaseLanguageClient, hit: SearchHitInfo): Promise<void> {
  const selection = client.protocol2CodeConverter.asRange(hit.range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(hit.uri), { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Inserts the passage as a curly-quoted quotation at every cursor of `editor`. */
async function insertHit(editor: vscode.TextEditor | undefined, hit: SearchHitInfo): Promise<void> {
  if (!editor) {
    void vscode.window.showWarningMessage('Verbatim: open a draft to insert the passage into.');
    return;
  }
  const text = asQuotation(hit.text);
  await editor.edit((edit) => { for (const selection of editor.selections) edit.replace(selection, text); });
}

/** Runs one Search Corpus session. */
export function searchCorpus(client: BaseLanguageClient): void {
  const targetEditor = vscode.window.activeTextEditor;
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.title = 'Verbatim: Search Corpus';
  pick.placeholder = 'Type words from a passage to search the corpus';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;

  let timer: NodeJS.Timeout | undefined;
  let pending: vscode.CancellationTokenSource | undefined;

  // Cancelling only flags the request; the run that owns the token source disposes it.
  const cancelPending = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    pending?.cancel();
    pending = undefined;
  };

  const run = async (query: string) => {
    const source = new vscode.CancellationTokenSource();
    pending = source;
    pick.busy = true;
    try {
      const result = await client.sendRequest(SearchRequest, { query, limit: LIMIT, uri: targetEditor?.document.uri.toString() }, source.token);
      if (source.token.isCancellationRequested) return;
      // The server ranks hits; alwaysShow keeps the picker from hiding those whose label does
      // not contain the typed words literally (matching is fuzzy on the server's side).
      pick.items = result.hits.length > 0
        ? result.hits.map((hit) => ({ ...searchItemText(hit), hit, alwaysShow: true, buttons: [INSERT_BUTTON] }))
        : [{ label: 'No passage in the corpus matches these words', alwaysShow: true }];
    } catch (error) {
      if (source.token.isCancellationRequested) return;
      pick.items = [{ label: '$(error) Search failed', detail: errorText(error), alwaysShow: true }];
    } finally {
      if (pending === source) {
        pick.busy = false;
        pending = undefined;
      }
      source.dispose();
    }
  };

  pick.onDidChangeValue((value) => {
    cancelPending();
    if (value.trim() === '') {
      pick.items = [];
      pick.busy = false;
      return;
    }
    timer = setTimeout(() => { timer = undefined; void run(value); }, DEBOUNCE_MS);
  });
  pick.onDidAccept(() => {
    const hit = pick.selectedItems[0]?.hit;
    if (!hit) return;
    pick.hide();
    openHit(client, hit).catch((error) => vscode.window.showErrorMessage(`Verbatim could not open the source: ${errorText(error)}`));
  });
  pick.onDidTriggerItemButton((event) => {
    const hit = event.item.hit;
    if (!hit) return;
    pick.hide();
    insertHit(targetEditor, hit).catch((error) => vscode.window.showErrorMessage(`Verbatim could not insert the passage: ${errorText(error)}`));
  });
  pick.onDidHide(() => {
    cancelPending();
    pick.dispose();
  });
  pick.show();
  // A short selection is most likely the words the writer wants to look up.
  const selected = targetEditor && !targetEditor.selection.isEmpty ? oneLine(targetEditor.document.getText(targetEditor.selection)) : '';
  if (selected !== '' && selected.length <= 200) {
    pick.value = selected;
    void run(selected);
  }
}

/** Registers Verbatim: Search Corpus. */
export function registerSearchCorpus(client: BaseLanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.searchCorpus, () => searchCorpus(client));
}
