// The state every view needs besides the server's results: whether checking is on for a
// draft (`verbatim.enable`), whether the workspace is trusted, and whether the writer asked for
// a corpus in a folder at all (a sources/ folder, a verbatim.json or a verbatim.corpus setting).
// Without that last one, a folder with no corpus is an ordinary code repository and Verbatim
// stays quiet in it.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core/config';
import { SETTINGS_SECTION } from '../shared/settings';
import { corpusExpected, quotesNotice, type CorpusHints } from './corpusState';
import { ServerEvents } from './serverEvents';

export class CheckingContext implements vscode.Disposable {
  private readonly expected = new Map<string, Promise<boolean>>();
  private readonly settled = new Map<string, boolean>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  /** Fires when checking is turned on or off, trust is granted, or a folder's corpus hints change. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly events: ServerEvents) {
    this.subscriptions = [
      // The server re-sends a folder's state after verbatim.json or the corpus changed on disk,
      // which is exactly when a sources/ folder or a verbatim.json may have appeared.
      events.onIndexState((state) => void this.expectedFor(state.folder, true).then(() => this.emitter.fire())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
        this.expected.clear();
        for (const folder of this.settled.keys()) void this.expectedFor(folder || null, true);
        this.emitter.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire()),
    ];
  }

  /** Whether `verbatim.enable` is on for a resource (the whole workspace without one). */
  enabled(uri?: vscode.Uri): boolean {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<boolean>('enable', true) !== false;
  }

  /** Whether the workspace is trusted (always true outside Restricted Mode). */
  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** The last known answer for a draft's folder; false until the first index state arrived. */
  expectedForDraft(uri: vscode.Uri): boolean {
    const folder = this.events.indexStateFor(uri)?.folder ?? null;
    return this.settled.get(folder ?? '') ?? false;
  }

  /** Whether the folder (a URI string, or null for none) asks for a corpus; `fresh` looks again. */
  expectedFor(folder: string | null, fresh = false): Promise<boolean> {
    const key = folder ?? '';
    let pending = fresh ? undefined : this.expected.get(key);
    if (!pending) {
      pending = corpusHints(folder).then((hints) => {
        const answer = corpusExpected(hints);
        this.settled.set(key, answer);
        return answer;
      });
      this.expected.set(key, pending);
    }
    return pending;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}

/** Looks for the three things that ask for a corpus in a folder. */
async function corpusHints(folder: string | null): Promise<CorpusHints> {
  let uri: vscode.Uri | undefined;
  try {
    uri = folder ? vscode.Uri.parse(folder) : vscode.workspace.workspaceFolders?.[0]?.uri;
  } catch {
    uri = undefined;
  }
  const inspected = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).inspect<string[]>('corpus');
  const corpusSettingSet = [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].some((value) => value !== undefined);
  if (!uri) return { hasSourcesFolder: false, hasConfigFile: false, corpusSettingSet };
  const [hasSourcesFolder, hasConfigFile] = await Promise.all([
    isType(vscode.Uri.joinPath(uri, 'sources'), vscode.FileType.Directory),
    isType(vscode.Uri.joinPath(uri, CONFIG_FILE_NAME), vscode.FileType.File),
  ]);
  return { hasSourcesFolder, hasConfigFile, corpusSettingSet };
}

async function isType(uri: vscode.Uri, type: vscode.FileType): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & type) !== 0;
  } catch {
    return false;
  }
}

/** What the Quotes view and the report say instead of listing quotes, if anything (see corpusState.ts). */
export function quotesNoticeFor(events: ServerEvents, uri: vscode.Uri): string | undefined {
  const enabled = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<boolean>('enable', true) !== false;
  return quotesNotice({ enabled, index: events.indexStateFor(uri) });
}
