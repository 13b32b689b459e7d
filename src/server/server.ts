// The Verbatim language server: wiring only. It connects the LSP connection and the open
// documents to the settings, corpus, check scheduling and feature modules, which hold the logic.

import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType,
  ProposedFeatures, ShowMessageNotification, TextDocuments, TextDocumentSyncKind, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../core/config';
import { ACCEPT_RENDERING_COMMAND, ArchiveStateNotification, IndexStateNotification, SummaryNotification, WorkspaceTrustNotification } from '../shared/protocol';
import { ArchiveLink } from './archiveLink';
import { SETTINGS_SECTION } from '../shared/settings';
import { DraftAnalyzer, isDraftLanguage } from './analysis';
import { CheckScheduler, type CheckToken } from './checkScheduler';
import { CorpusManager, startProgress } from './corpusManager';
import { CorpusWatcher } from './corpusWatcher';
import { registerCustomRequests } from './customRequests';
import { registerFeatures } from './featureHandlers';
import { FIX_ALL_KIND } from './fixAll';
import { Publisher } from './publisher';
import { registerServerStats } from './serverStats';
import { SettingsStore } from './settingsStore';
import { SourceLocator } from './sourceLocator';
import { adoptStdio, stdioTransport } from './transport';
import { pathToUri, uriToPath, WorkspaceFolders, type Folder } from './workspaceFolders';
import { trustedFromInit } from './workspaceTrust';

// Over stdio, long messages are encoded in slices (see transport.ts); other transports as the library makes them.
const stdio = process.argv.includes('--stdio') ? stdioTransport() : null;
const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);
let shutdownReceived = false;
if (stdio) adoptStdio(connection, () => shutdownReceived);
const documents = new TextDocuments(TextDocument);
const folders = new WorkspaceFolders();
const locator = new SourceLocator();
const log = (message: string) => connection.console.log(message);

let settings!: SettingsStore;
let corpora!: CorpusManager;
let analyzer!: DraftAnalyzer;
let publisher!: Publisher;
let scheduler!: CheckScheduler;
/** False in VS Code's Restricted Mode (see workspaceTrust.ts). */
let trusted = true;
let archive: ArchiveLink;
const client = { configuration: false, dynamicWatch: false, relativePatterns: false, progress: false, folderEvents: false, configRegistration: false };
/** True when the client takes edits tied to a document version; the fix-all edit is tied to one. */
let documentChanges = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  client.configuration = caps.workspace?.configuration === true;
  documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  client.dynamicWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  client.relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  client.progress = caps.window?.workDoneProgress === true;
  client.folderEvents = caps.workspace?.workspaceFolders === true;
  client.configRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  trusted = trustedFromInit(params.initializationOptions);
  const rootUri = params.rootUri ?? (params.rootPath ? pathToUri(params.rootPath) : null);
  folders.set(params.workspaceFolders ?? (rootUri ? [{ uri: rootUri }] : []));

  settings = new SettingsStore({
    supportsConfiguration: client.configuration,
    fetch: (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }),
    folderOf: (uri) => folders.folderFor(uri)?.path ?? null,
    log,
  }, params.initializationOptions);

  const watcher = new CorpusWatcher({
    registerWithClient: async (_folderUri, patterns) => {
      if (!client.dynamicWatch) return null;
      const watchers = patterns.map(({ base, pattern }) => ({
        globPattern: client.relativePatterns ? { baseUri: pathToUri(base), pattern } : `${base.replace(/\\/g, '/')}/${pattern}`,
      }));
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    },
    onChange: (paths) => filesChanged(paths),
    log,
  });
  corpora = new CorpusManager({
    settingsFor: (folder) => settings.get(folder.uri),
    sendState: (state) => void connection.sendNotification(IndexStateNotification, state),
    startProgress: (title) => startProgress(connection, client.progress, title),
    trusted: () => trusted,
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Verbatim: ${message}` }),
    onChanged: (folder) => recheckFolder(folder),
    log,
  }, watcher);
  const stats = registerServerStats(connection);
  // Workspace trust: a client that says the workspace is untrusted never has its archive contacted.
  archive = new ArchiveLink({
    trusted: () => trusted,
    sendState: (state) => void connection.sendNotification(ArchiveStateNotification, state),
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Verbatim: ${message}` }),
    log,
  });
  analyzer = new DraftAnalyzer(folders, corpora, log, (uri) => scheduler.has(uri), stats, archive);
  publisher = new Publisher({
    sendDiagnostics: (p) => void connection.sendDiagnostics(p),
    sendSummary: (p) => void connection.sendNotification(SummaryNotification, p),
  }, settings, locator);
  scheduler = new CheckScheduler(runCheck, (uri, error) => log(`Checking ${uri} failed: ${error.stack ?? error.message}`), (uri) => analyzer.checkEnded(uri));

  const services = { folders, corpora, analyzer, publisher, settings, locator, log, archive, openDocument: (uri: string) => documents.get(uri), openDocuments: () => documents.all(), supportsDocumentChanges: () => documentChanges };
  registerFeatures(connection, services);
  registerCustomRequests(connection, services);

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [ACCEPT_RENDERING_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'verbatim' },
  };
});

connection.onInitialized(() => {
  if (client.configRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  if (client.folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) {
        const folder = folders.lookup(uriToPath(removed.uri) ?? '');
        if (folder) corpora.remove(folder);
      }
      folders.set([...folders.explicit().filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added]);
      startIndexing();
    });
  }
  startIndexing();
});

/** Starts building every workspace folder's corpus right away, so the first check is fast. */
function startIndexing(): void {
  for (const folder of folders.explicit()) void corpora.get(folder);
}

connection.onDidChangeConfiguration((change) => {
  settings.clear(change.settings ?? undefined);
  void corpora.refreshAll(false);
});

connection.onNotification(WorkspaceTrustNotification, (params) => {
  if (params.trusted === trusted) return;
  trusted = params.trusted;
  // Entries and links left out in Restricted Mode change the corpus: it is opened again (from its
  // cache), even where the list of entries itself stays the same.
  void corpora.refreshAll(true);
  // An archive named by the workspace may be contacted from now on: open drafts are checked again.
  if (trusted) for (const doc of documents.all()) scheduler.schedule(doc.uri, 0);
});

connection.onDidChangeWatchedFiles((params) => {
  filesChanged(params.changes.map((change) => uriToPath(change.uri)).filter((file): file is string => file !== null));
});

function filesChanged(paths: string[]): void {
  if (paths.some((file) => file.endsWith(CONFIG_FILE_NAME))) {
    settings.clear();
    // The archive named there may have changed; sessions open again on the next check.
    void archive.reset();
  }
  corpora.filesChanged(paths);
}

// Opening a draft checks it at once; typing waits for `debounceMs` of quiet.
const opened = new Set<string>();
const published = new Set<string>();
documents.onDidOpen((event) => opened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  const { uri } = event.document;
  const immediate = opened.delete(uri);
  scheduler.schedule(uri, immediate ? 0 : settings.get(uri).then((s) => s.settings.debounceMs));
});
documents.onDidClose((event) => {
  const { uri } = event.document;
  scheduler.cancel(uri);
  analyzer.forget(uri);
  published.delete(uri);
  publisher.clear(uri);
});

/** Checks an open draft and publishes unless a newer version arrived meanwhile. */
async function runCheck(uri: string, token: CheckToken): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const resolved = await settings.get(uri);
  const file = uriToPath(uri);
  if (!resolved.settings.enable || !isDraftLanguage(doc.languageId, resolved.settings.languages)) {
    // A document that stopped being a draft (the languages setting changed, or verbatim.enable
    // was turned off) loses its diagnostics.
    if (published.delete(uri)) publisher.clear(uri);
    return;
  }
  // A source file opened in the editor is not a draft: checking it would only find itself.
  if (file && corpora.isCorpusFile(file)) return;
  // The check stops at its next slice once a newer change cancels it, and publishes nothing.
  const analysis = await analyzer.analyze({ uri, version: doc.version, text: doc.getText(), languageId: doc.languageId }, () => token.cancelled);
  if (!analysis || token.cancelled) return;
  // The folder's corpus may have been loaded by this very check.
  if (file && corpora.isCorpusFile(file)) return;
  const counts = await publisher.publish(analysis, () => !token.cancelled && documents.get(uri)?.version === analysis.version);
  if (counts) published.add(uri);
}

/** Re-checks the open drafts of a folder whose corpus or settings changed. */
function recheckFolder(folder: Folder): void {
  // The source locator needs no reset: it re-reads a file whose size or time changed.
  for (const doc of documents.all()) {
    if (folders.folderFor(doc.uri)?.path === folder.path) scheduler.schedule(doc.uri, 0);
  }
}

/** How long a shutdown waits for archive checks still running (see ArchiveLink.shutdown). */
const SHUTDOWN_GRACE_MS = 1000;

connection.onShutdown(async () => {
  shutdownReceived = true;
  scheduler?.dispose();
  corpora?.dispose();
  // The process exits on the client's "exit" without ending its pools: an archive connection
  // still open would end in the database's log as a client that vanished mid-session.
  await archive?.shutdown(SHUTDOWN_GRACE_MS);
});

process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
