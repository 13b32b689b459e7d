// The language status items (the `{}` in the status bar, as Code Spell Checker and LTeX+ use):
// one carries the corpus state with its action ("Pick Corpus Folder…" when there is none), one
// appears only in Restricted Mode and says what is limited, one says whether the shared archive answers. Also the "Toggle Checking" command.
import * as vscode from 'vscode';
import { COMMANDS } from '../shared/commands';
import { SETTINGS_SECTION } from '../shared/settings';
import { archiveStatusView } from './archiveStatus';
import { CheckingContext } from './checkingContext';
import { corpusStatusView, trustStatusView, type LanguageStatusView } from './corpusState';
import { DraftTracker, draftLanguages } from './drafts';
import { ServerEvents } from './serverEvents';
import { draftSelector } from './settingValues';

const SEVERITIES = [vscode.LanguageStatusSeverity.Information, vscode.LanguageStatusSeverity.Warning, vscode.LanguageStatusSeverity.Error];

function apply(item: vscode.LanguageStatusItem, view: LanguageStatusView): void {
  item.text = view.text;
  item.detail = view.detail;
  item.severity = SEVERITIES[view.severity];
  item.busy = view.busy;
  item.command = view.command;
}

/** Creates the language status items and keeps them in step with the followed draft. */
export function registerLanguageStatus(events: ServerEvents, drafts: DraftTracker, context: CheckingContext): vscode.Disposable {
  const selector = () => draftSelector(draftLanguages());
  const corpus = vscode.languages.createLanguageStatusItem('verbatim.corpus', selector());
  corpus.name = 'Verbatim';
  let trust: vscode.LanguageStatusItem | undefined;
  let archive: vscode.LanguageStatusItem | undefined;

  const update = () => {
    const draft = drafts.document;
    apply(corpus, corpusStatusView({
      enabled: context.enabled(draft?.uri),
      index: draft ? events.indexStateFor(draft.uri) : undefined,
      expected: draft ? context.expectedForDraft(draft.uri) : false,
    }));
    const view = trustStatusView(context.trusted);
    if (view && !trust) {
      trust = vscode.languages.createLanguageStatusItem('verbatim.trust', selector());
      trust.name = 'Verbatim: Restricted Mode';
    }
    if (view && trust) apply(trust, view);
    if (!view && trust) {
      trust.dispose();
      trust = undefined;
    }
    // The archive's item appears once a check has used an archive, and says whether it answered.
    if (events.archiveState && !archive) {
      archive = vscode.languages.createLanguageStatusItem('verbatim.archive', selector());
      archive.name = 'Verbatim: Archive';
    }
    if (events.archiveState && archive) apply(archive, archiveStatusView(events.archiveState));
  };

  update();
  return vscode.Disposable.from(
    corpus,
    { dispose: () => trust?.dispose() },
    { dispose: () => archive?.dispose() },
    events.onArchiveState(update),
    drafts.onDidChange(update),
    events.onIndexState(update),
    context.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`${SETTINGS_SECTION}.languages`)) return;
      corpus.selector = selector();
      if (trust) trust.selector = selector();
      if (archive) archive.selector = selector();
    }),
    vscode.commands.registerCommand(COMMANDS.toggleChecking, () => toggleChecking(drafts.document?.uri)),
  );
}

/**
 * Flips `verbatim.enable` where it is decided for the draft: its workspace folder's settings
 * when that level sets it, else the workspace's, else (no folder open) the user's.
 */
export async function toggleChecking(resource: vscode.Uri | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
  const next = config.get<boolean>('enable', true) === false;
  const inspected = config.inspect<boolean>('enable');
  const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  try {
    await config.update('enable', next, target);
  } catch (error) {
    void vscode.window.showErrorMessage(`Verbatim could not change verbatim.enable: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  vscode.window.setStatusBarMessage(next ? 'Verbatim: checking turned on' : 'Verbatim: checking turned off', 4000);
}
