// The Verbatim extension client: starts the language server (dist/server.js) over IPC and
// registers the views and commands in src/client/. All checking happens in the server; this
// side only displays what the server reports and forwards the writer's commands.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { WorkspaceTrustNotification } from './shared/protocol';
import { SETTINGS_SECTION } from './shared/settings';
import { corpusOriginMiddleware } from './client/corpusOrigin';
import { draftSelector } from './client/settingValues';
import { DraftTracker, draftLanguages } from './client/drafts';
import { CheckingContext } from './client/checkingContext';
import { registerFixAllCommand } from './client/fixAllCommand';
import { registerIndexingNotice } from './client/indexingNotice';
import { registerLanguageStatus } from './client/languageStatus';
import { registerNoCorpus } from './client/noCorpus';
import { registerQuotesReport } from './client/quotesReport';
import { registerQuotesTree } from './client/quotesTree';
import { registerSearchCorpus } from './client/searchCorpus';
import { registerSourceText, sourceLinkMiddleware } from './client/sourceText';
import { ServerEvents } from './client/serverEvents';
import { registerStatusBar } from './client/statusBar';
import { registerWorkspaceCommands } from './client/workspaceCommands';

let client: LanguageClient | undefined;

/** Starts the language client and registers every view and command. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    // A young generation of at most 4 MB per semi-space keeps the server's memory near its
    // index (a 50 MB archive: about 140 MB instead of 165 MB, measured on the CLI, which runs
    // the same engine) without slowing checks. Over stdio the server encodes a long draft's
    // diagnostics in slices (src/server/transport.ts); IPC would encode them in one piece.
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--max-semi-space-size=4'] } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Verbatim', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: draftSelector(draftLanguages()),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel,
    middleware: { ...sourceLinkMiddleware, workspace: corpusOriginMiddleware },
    // A function, so a restart reports the trust of that moment. In Restricted Mode the server
    // reads only the corpus entries inside the workspace folder (src/server/workspaceTrust.ts).
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
  };
  // The id 'verbatim' makes the client read its trace level from `verbatim.trace.server`.
  client = new LanguageClient('verbatim', 'Verbatim', serverOptions, clientOptions);
  const started = client;

  const events = new ServerEvents(started);
  const drafts = new DraftTracker();
  const checking = new CheckingContext(events);
  context.subscriptions.push(
    outputChannel,
    events,
    drafts,
    checking,
    registerWorkspaceCommands(started),
    registerFixAllCommand(),
    registerSearchCorpus(started),
    registerSourceText(started),
    registerStatusBar(events, drafts, checking),
    registerQuotesTree(started, events, drafts, checking),
    registerQuotesReport(context, started, events, drafts),
    registerNoCorpus(events, checking, context.workspaceState),
    registerLanguageStatus(events, drafts, checking),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (started.isRunning()) void started.sendNotification(WorkspaceTrustNotification, { trusted: true });
    }),
    registerIndexingNotice(events),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(`${SETTINGS_SECTION}.languages`)) return;
      // The document selector is fixed for a running client, so a new language list needs a
      // restart for the server to receive (or stop receiving) those documents.
      started.clientOptions.documentSelector = draftSelector(draftLanguages());
      try {
        await started.restart();
      } catch (error) {
        outputChannel.error(`Restart after a change of verbatim.languages failed: ${String(error)}`);
      }
    }),
  );

  try {
    await started.start();
  } catch (error) {
    // The views stay registered so a later Restart Server can still bring the server up.
    void vscode.window.showErrorMessage(`Verbatim could not start its language server: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Stops the language server when the extension is unloaded. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop()) await running.stop();
}
