// Hover, Go to Definition, code actions and the accept-rendering command. Each handler catches
// its own errors, logs them and answers with an empty result, and gives up (null) when the
// client cancels the request.

import { CodeActionKind, MessageType, ShowMessageNotification, type CancellationToken, type CodeAction, type Connection, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError } from '../core/config';
import type { QuoteResult } from '../core/types';
import { ACCEPT_RENDERING_COMMAND, type AcceptRenderingArgs } from '../shared/protocol';
import { draftFormat, isDraftLanguage, type DraftAnalysis, type DraftAnalyzer } from './analysis';
import { appendAccepted } from './codeActions';
import type { CorpusManager } from './corpusManager';
import { definitionFor } from './definition';
import { FIX_ALL_KIND, fixAllAction, fixAllEdits, wantsKind } from './fixAll';
import { hoverFor } from './hover';
import { localCodeActions } from './localActions';
import type { Publisher } from './publisher';
import type { SettingsStore } from './settingsStore';
import type { SourceLocator } from './sourceLocator';
import { diagnosticsUnder } from './verdictsAt';
import { uriToPath, type WorkspaceFolders } from './workspaceFolders';

/** The server parts the handlers use. */
export interface FeatureServices {
  analyzer: DraftAnalyzer;
  /** Builds the diagnostics of some results, as they are published. */
  publisher: Pick<Publisher, 'diagnosticsOf'>;
  settings: SettingsStore;
  corpora: CorpusManager;
  folders: WorkspaceFolders;
  locator: SourceLocator;
  openDocument(uri: string): TextDocument | undefined;
  log(message: string): void;
  /** True when the client takes edits tied to a document version (`documentChanges`). */
  supportsDocumentChanges?(): boolean;
}

/** Whether the team accepted a result's wording, by the analysis's checker. */
function acceptedIn(analysis: DraftAnalysis): (result: QuoteResult) => boolean {
  const checker = analysis.corpus.checker;
  return (result) => checker?.isAccepted(result.quote) ?? false;
}

/**
 * The open document at `uri` when it is a draft Verbatim checks: checking is on, its language is
 * a draft language, and it is not one of the corpus's own sources (which would only find itself).
 */
async function openDraft(services: FeatureServices, uri: string): Promise<TextDocument | null> {
  const doc = services.openDocument(uri);
  if (!doc) return null;
  const resolved = await services.settings.get(uri);
  if (!resolved.settings.enable || !isDraftLanguage(doc.languageId, resolved.settings.languages)) return null;
  const file = uriToPath(uri);
  return file && services.corpora.isCorpusFile(file) ? null : doc;
}

/**
 * The whole analysis of an open draft, for the one request that needs every quote (the
 * file-wide fix asked for by kind): the server's own check of this text when one is running or
 * done, else a check of its own. Null when the document is no draft or the request was cancelled.
 */
async function openAnalysis(services: FeatureServices, uri: string, token: CancellationToken): Promise<DraftAnalysis | null> {
  const doc = await openDraft(services, uri);
  if (!doc || token.isCancellationRequested) return null;
  const analysis = await services.analyzer.settled({ uri, version: doc.version, text: doc.getText(), languageId: doc.languageId }, () => token.isCancellationRequested);
  return token.isCancellationRequested ? null : analysis;
}

/**
 * The checked quote at `position` of an open draft, from the latest finished analysis of its text
 * or from the paragraphs around the position; null when the document is not a draft, there is
 * no quote there, or the request was cancelled.
 */
async function quoteAt(services: FeatureServices, uri: string, position: Position, token: CancellationToken): Promise<{ analysis: DraftAnalysis; result: QuoteResult } | null> {
  const doc = await openDraft(services, uri);
  if (!doc || token.isCancellationRequested) return null;
  const text = doc.getText();
  const found = await services.analyzer.resultAt({ uri, version: doc.version, text, languageId: doc.languageId }, services.analyzer.positions(text).offset(position));
  return token.isCancellationRequested ? null : found;
}

/**
 * The file-wide fix's edits of a finished analysis, worked out once: the light bulb asks on every
 * cursor move, and a long draft has thousands of quotes to go through.
 */
const fixAllMemo = new WeakMap<DraftAnalysis, ReturnType<typeof fixAllEdits>>();

function cachedFixAllEdits(analysis: DraftAnalysis): ReturnType<typeof fixAllEdits> {
  let edits = fixAllMemo.get(analysis);
  if (!edits) {
    edits = fixAllEdits(analysis, acceptedIn(analysis));
    fixAllMemo.set(analysis, edits);
  }
  return edits;
}

/** Registers hover, definition, code action and command handlers. */
export function registerFeatures(connection: Connection, services: FeatureServices): void {
  const fail = (name: string, error: unknown) => services.log(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);

  connection.onHover(async (params, token) => {
    try {
      const found = await quoteAt(services, params.textDocument.uri, params.position, token);
      return found ? hoverFor(found.analysis, found.result, services.locator) : null;
    } catch (error) {
      fail('Hover', error);
      return null;
    }
  });

  connection.onDefinition(async (params, token) => {
    try {
      const found = await quoteAt(services, params.textDocument.uri, params.position, token);
      const locations = found ? definitionFor(found.result, services.locator) : [];
      return locations.length ? locations : null;
    } catch (error) {
      fail('Go to Definition', error);
      return null;
    }
  });

  connection.onCodeAction(async (params, token) => {
    try {
      const { only, diagnostics } = params.context;
      // The file-wide fix checks the whole draft, so it is only made when asked for by kind
      // (on save, or by the Verbatim command); the light bulb gets it from the last check.
      const fileWide = only !== undefined && wantsKind(only, FIX_ALL_KIND);
      const quickFixes = wantsKind(only, CodeActionKind.QuickFix);
      if (!fileWide && !quickFixes) return [];
      const doc = services.openDocument(params.textDocument.uri);
      if (!doc || token.isCancellationRequested) return null;
      const text = doc.getText();
      const versioned = services.supportsDocumentChanges?.() ?? false;
      const actions: CodeAction[] = [];
      if (fileWide) {
        const analysis = await openAnalysis(services, doc.uri, token);
        if (!analysis) return null;
        const action = fixAllAction(analysis, fixAllEdits(analysis, acceptedIn(analysis)), FIX_ALL_KIND, versioned);
        if (action) actions.push(action);
      }
      if (quickFixes) {
        // The fixes are for the drifts the server's own verdicts put under the range, whatever
        // diagnostics the editor sent along (see verdictsAt.ts). Those stand in only where the
        // server has no verdict about that place of this text yet.
        const draft = await openDraft(services, doc.uri);
        const own = draft && await diagnosticsUnder(services.analyzer, services.publisher, { uri: doc.uri, version: doc.version, text, languageId: doc.languageId }, params.range);
        if (token.isCancellationRequested) return null;
        // Edits made for a text the writer has changed meanwhile would land in the wrong place.
        if (services.openDocument(doc.uri)?.version !== doc.version) return actions;
        // The light bulb never starts a check of the whole draft: the file-wide fix comes from
        // the last finished check of this very text, the quote's own fixes from the lines around it.
        const cached = services.analyzer.cached(doc.uri, text);
        const analysis = cached && { ...cached, version: doc.version };
        const edits = cached ? cachedFixAllEdits(cached) : [];
        // With one drift in the file, the quote's own fix does the same.
        const fixAll = analysis && edits.length > 1 ? fixAllAction(analysis, edits, CodeActionKind.QuickFix, versioned) : null;
        const relevant = draft ? own ?? diagnostics : [];
        actions.push(...localCodeActions(doc.uri, text, draftFormat(doc.uri, doc.languageId), services.analyzer.positions(text), relevant, fixAll));
      }
      return actions;
    } catch (error) {
      fail('Code actions', error);
      return [];
    }
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== ACCEPT_RENDERING_COMMAND) return null;
    try {
      const args = params.arguments?.[0] as Partial<AcceptRenderingArgs> | undefined;
      const folderPath = typeof args?.folderUri === 'string' ? uriToPath(args.folderUri) : null;
      if (!folderPath || typeof args?.quote !== 'string' || !args.quote.trim()) {
        throw new ConfigError(`${ACCEPT_RENDERING_COMMAND} needs { folderUri, quote } with a file folder URI and a quote`);
      }
      const outcome = appendAccepted(folderPath, args.quote);
      services.settings.clear();
      const folder = services.folders.lookup(folderPath);
      if (folder) await services.corpora.refresh(folder, false);
      return outcome;
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : `Could not accept the rendering: ${(error as Error).message}`;
      services.log(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Verbatim: ${message}` });
      return null;
    }
  });
}
