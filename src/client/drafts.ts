// Which editors hold drafts, as the `verbatim.languages` setting says right now, and which
// draft the views follow. Every view asks here so that all of them hide and switch alike.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../shared/settings';
import { isDraft, languagesSetting } from './settingValues';

/** The language ids currently checked as drafts. */
export function draftLanguages(): string[] {
  return languagesSetting(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('languages'));
}

/** True when the document is checked as a draft. */
export function isDraftDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && isDraft(document.uri.scheme, document.languageId, draftLanguages());
}

/** The active editor's document when it is a draft. */
export function activeDraft(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return isDraftDocument(document) ? document : undefined;
}

/**
 * Remembers the draft the writer last worked in. Views that sit beside the editor (the Quotes
 * tree, the report) follow it, so focusing the report, a terminal or a source file opened from
 * a quote does not blank them; they switch only when another draft becomes active.
 */
export class DraftTracker implements vscode.Disposable {
  private current: vscode.TextDocument | undefined = activeDraft();
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  private readonly subscriptions: vscode.Disposable[];
  /** Fires when the followed draft changes (undefined when none is left open). */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isDraftDocument(editor?.document) && editor.document !== this.current) this.set(editor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.current) this.set(activeDraft());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.languages`) && !isDraftDocument(this.current)) this.set(activeDraft());
      }),
    ];
  }

  /** The draft views should show, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.current;
  }

  private set(document: vscode.TextDocument | undefined): void {
    this.current = document;
    this.emitter.fire(document);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
