// Tells the writer once per folder and session that the corpus they asked for (a sources/
// folder, a verbatim.json or a verbatim.corpus setting) was not found, unless they chose "Don't
// Ask Again" for this workspace. A folder that asks for no corpus gets no notification at all:
// its state is in the language status item, which offers the same folder picker. The picker
// stores the choice in the `verbatim.corpus` setting of that workspace folder; the server
// watches its configuration, so it re-indexes as soon as the setting changes.
import * as vscode from 'vscode';
import { COMMANDS } from '../shared/commands';
import { SETTINGS_SECTION } from '../shared/settings';
import { CheckingContext } from './checkingContext';
import { shouldPromptNoCorpus } from './corpusState';
import { corpusSettingValue } from './settingValues';
import { activeDraft } from './drafts';
import { ServerEvents } from './serverEvents';

const PICK = 'Pick Corpus Folder…';
const DONT_ASK = "Don't Ask Again";
/** workspaceState key: true once the writer chose "Don't Ask Again" in this workspace. */
export const NO_CORPUS_DISMISSED_KEY = 'verbatim.noCorpusPrompt.dismissed';

/** Resolves the workspace folder a folder URI string (or the active draft) belongs to. */
function targetFolder(folderUri: string | undefined): vscode.WorkspaceFolder | undefined {
  if (folderUri) {
    try {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri));
      if (folder) return folder;
    } catch {
      // A malformed URI falls through to the active draft's folder.
    }
  }
  const draft = activeDraft();
  if (draft) return vscode.workspace.getWorkspaceFolder(draft.uri);
  return vscode.workspace.workspaceFolders?.[0];
}

/** Asks for a folder and writes it to `verbatim.corpus`; resolves to the stored value. */
export async function pickCorpusFolder(folderUri?: string): Promise<string | undefined> {
  const folder = targetFolder(typeof folderUri === 'string' ? folderUri : undefined);
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: folder?.uri,
    openLabel: 'Use as Corpus',
    title: 'Verbatim: pick the folder that holds your sources',
  });
  if (!chosen || chosen.length === 0) return undefined;
  const value = corpusSettingValue(folder?.uri.fsPath, chosen[0].fsPath);
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri);
  // Without a workspace folder there is nowhere narrower to store it than the user settings.
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  try {
    await config.update('corpus', [value], target);
  } catch (error) {
    void vscode.window.showErrorMessage(`Verbatim could not save the corpus setting: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  return value;
}

/** Shows the no-corpus warning when it is news (see above) and registers the picker command. */
export function registerNoCorpus(events: ServerEvents, context: CheckingContext, workspaceState: vscode.Memento): vscode.Disposable {
  const warned = new Set<string>();
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.pickCorpusFolder, (folderUri?: unknown) =>
      pickCorpusFolder(typeof folderUri === 'string' ? folderUri : undefined)),
    events.onIndexState(async (state) => {
      if (state.state !== 'noCorpus') return;
      const key = state.folder ?? '';
      const expected = await context.expectedFor(state.folder);
      const dismissedForWorkspace = workspaceState.get<boolean>(NO_CORPUS_DISMISSED_KEY, false);
      if (!shouldPromptNoCorpus({ expected, dismissedForWorkspace, alreadyShown: warned.has(key) })) return;
      if (!context.enabled(state.folder ? vscode.Uri.parse(state.folder) : undefined)) return;
      warned.add(key);
      const name = folderName(state.folder);
      const reason = state.message ?? `no corpus found for ${name}.`;
      const answer = await vscode.window.showWarningMessage(`Verbatim: ${reason}`, PICK, DONT_ASK);
      if (answer === PICK) await pickCorpusFolder(state.folder ?? undefined);
      if (answer === DONT_ASK) await workspaceState.update(NO_CORPUS_DISMISSED_KEY, true);
    }),
  );
}

/** A readable name for a folder URI: its workspace folder name, else its last path segment. */
function folderName(folderUri: string | null): string {
  if (!folderUri) return 'this window';
  try {
    const uri = vscode.Uri.parse(folderUri);
    return vscode.workspace.getWorkspaceFolder(uri)?.name ?? (uri.path.split('/').filter(Boolean).pop() || folderUri);
  } catch {
    return folderUri;
  }
}
