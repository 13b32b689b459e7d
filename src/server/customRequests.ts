// The `verbatim/*` requests the client's commands use: corpus search, a draft's quote report,
// a workspace-wide check and an index rebuild. Each handler logs its failures and answers with
// an empty result, so a broken file never breaks a command.

import { basisNote, isPrimary, rankSources, sourceKindLabel, sourceKindOf } from '../core/primarySources';
import * as fs from 'fs';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeMisattribution } from '../core/attribution';
import type { QuoteResult, SourceMatch } from '../core/types';
import { SlicePauser } from '../core/slicedRun';
import { NO_COUNTS, type QuoteVerdict } from '../core/verdicts';
import {
  CheckWorkspaceRequest, QuotesRequest, RebuildIndexRequest, SearchRequest, SourceTextRequest,
  type FileCounts, type MisattributionInfo, type QuoteInfo, type QuoteSourceInfo, type QuotesReport, type SearchHitInfo,
} from '../shared/protocol';
import { findSourceText } from './sourceTextRequest';
import { matchCitation, safeSourceUrl, sourceSpeakerInfos } from './sourceCitation';
import type { DraftAnalysis, DraftAnalyzer } from './analysis';
import type { CorpusManager } from './corpusManager';
import { findDrafts } from './draftFiles';
import { draftVerdicts } from './draftVerdicts';
import type { Publisher } from './publisher';
import type { SettingsStore } from './settingsStore';
import type { SourceLocator } from './sourceLocator';
import { pathToUri, uriToPath, type Folder, type WorkspaceFolders } from './workspaceFolders';

/** The server parts the requests use. */
export interface RequestServices {
  folders: WorkspaceFolders;
  corpora: CorpusManager;
  analyzer: DraftAnalyzer;
  publisher: Publisher;
  settings: SettingsStore;
  locator: SourceLocator;
  /** The open document with this URI, if any. */
  openDocument(uri: string): TextDocument | undefined;
  /** Every open document. */
  openDocuments(): TextDocument[];
  log(message: string): void;
}

const DEFAULT_SEARCH_LIMIT = 20;
/** How long the quotes report works before it lets other requests in, in ms. */
const SLICE_MS = 10;

/** Registers the `verbatim/*` request handlers. */
export function registerCustomRequests(connection: Connection, services: RequestServices): void {
  connection.onRequest(SearchRequest, (params, token) =>
    guarded(services, 'verbatim/search', () => search(services, params.query, params.limit, params.uri, token), { hits: [] }));
  connection.onRequest(QuotesRequest, (params) =>
    guarded(services, 'verbatim/quotes', () => quotesReport(services, params.uri), { uri: params.uri, version: null, quotes: [], counts: { ...NO_COUNTS } }));
  connection.onRequest(CheckWorkspaceRequest, () =>
    guarded(services, 'verbatim/checkWorkspace', () => checkWorkspace(services), { files: [] }));
  connection.onRequest(RebuildIndexRequest, () =>
    guarded(services, 'verbatim/rebuildIndex', () => rebuildIndex(services), { documents: 0, warnings: [] }));
  // Unlike the others, a source that cannot be found is an error the editor shows in place of the text.
  connection.onRequest(SourceTextRequest, (params) => findSourceText(services, params.uri));
}

async function guarded<T>(services: RequestServices, name: string, handler: () => Promise<T>, empty: T): Promise<T> {
  try {
    return await handler();
  } catch (error) {
    services.log(`${name} failed: ${(error as Error).stack ?? String(error)}`);
    return empty;
  }
}

/** The folders a request without a document applies to. */
function targetFolders(services: RequestServices, uri?: string): Folder[] {
  if (uri) {
    const folder = services.folders.folderFor(uri);
    return folder ? [folder] : [];
  }
  const explicit = services.folders.explicit();
  return explicit.length ? explicit : services.corpora.loaded().map((corpus) => corpus.folder);
}

async function search(services: RequestServices, query: string, limit: number | undefined, uri: string | undefined, token: CancellationToken): Promise<{ hits: SearchHitInfo[] }> {
  const max = typeof limit === 'number' && limit > 0 ? Math.min(limit, 200) : DEFAULT_SEARCH_LIMIT;
  if (typeof query !== 'string' || !query.trim()) return { hits: [] };
  const hits: SearchHitInfo[] = [];
  for (const folder of targetFolders(services, uri)) {
    const corpus = await services.corpora.get(folder);
    // A cancelled search (the user typed on) answers empty; the protocol's result is never null.
    if (token.isCancellationRequested) return { hits: [] };
    if (!corpus.index) continue;
    for (const hit of corpus.index.search(query, max)) {
      const location = services.locator.locate(hit.document, hit.span);
      hits.push({ uri: location.uri, title: hit.document.title, range: location.range, text: hit.text, excerpt: hit.excerpt, score: hit.score });
    }
  }
  hits.sort((a, b) => b.score - a.score);
  return { hits: hits.slice(0, max) };
}

/** The analysis of a draft: its open text, or the file on disk when it is not open. */
export async function analyzeUri(services: RequestServices, uri: string): Promise<DraftAnalysis | null> {
  const open = services.openDocument(uri);
  if (open) return services.analyzer.settled({ uri, version: open.version, text: open.getText(), languageId: open.languageId });
  const file = uriToPath(uri);
  if (!file) return null;
  const text = await fs.promises.readFile(file, 'utf8');
  return services.analyzer.analyze({ uri, version: null, text });
}

async function quotesReport(services: RequestServices, uri: string): Promise<QuotesReport> {
  const analysis = await analyzeUri(services, uri);
  if (!analysis) return { uri, version: null, quotes: [], counts: { ...NO_COUNTS } };
  // The summary the diagnostics and the status bar's counts come from.
  const { verdicts, counts } = draftVerdicts(analysis, (await services.settings.get(uri)).settings.severity);
  // A long draft has thousands of quotes, each placed in its source: other requests go on meanwhile.
  const quotes: QuoteInfo[] = [];
  const pauser = new SlicePauser(SLICE_MS);
  for (let i = 0; i < analysis.results.length; i++) {
    quotes.push(quoteInfo(services, analysis, analysis.results[i], verdicts[i]));
    await pauser.pauseIfDue();
  }
  return { uri, version: analysis.version, quotes, counts };
}

/** The client's view of one checked quote, with its verdict from the draft's summary. */
export function quoteInfo(services: Pick<RequestServices, 'locator'>, analysis: DraftAnalysis, result: QuoteResult, verdict: QuoteVerdict): QuoteInfo {
  const { match } = result;
  const basis = basisNote(result);
  return {
    range: analysis.positions.range(result.quote.inner),
    text: result.quote.text,
    // Accepting a rendering accepts its wording, not its speaker.
    status: verdict.accepted ? 'verbatim' : result.status,
    short: result.short,
    speaker: result.quote.speaker?.name ?? null,
    flags: [...result.flags],
    score: match ? match.score : null,
    source: match ? sourceInfo(services, match) : null,
    diff: match ? match.diff.map((entry) => ({ op: entry.op, draft: entry.draft, source: entry.source })) : [],
    variants: result.variants.map((variant) => ({
      text: variant.text,
      count: variant.matches.length,
      titles: [...new Set(rankSources(variant.matches).map((m) => `${m.document.title}${isPrimary(m.document) ? ' (primary source)' : ''}`))],
    })),
    sourceSpeakers: sourceSpeakerInfos(result),
    misattribution: misattributionInfo(analysis, result),
    verdict: { kind: verdict.kind, severity: verdict.severity, accepted: verdict.accepted },
    ...(basis ? { basisNote: basis } : {}),
  };
}

function sourceInfo(services: Pick<RequestServices, 'locator'>, match: SourceMatch): QuoteSourceInfo {
  const info: QuoteSourceInfo = { ...services.locator.locateMatch(match), title: match.document.title, text: match.text, citation: matchCitation(match) };
  const url = safeSourceUrl(match.document);
  if (url) info.url = url;
  info.kind = sourceKindOf(match.document);
  const label = sourceKindLabel(match.document);
  if (label) info.kindLabel = label;
  return info;
}

function misattributionInfo(analysis: DraftAnalysis, result: QuoteResult): MisattributionInfo | null {
  const misattribution = result.status === 'misattributed' ? result.misattribution : undefined;
  if (!misattribution) return null;
  return {
    draftSpeaker: misattribution.draftSpeaker,
    sourceSpeaker: misattribution.source.name,
    replacement: misattribution.replacement,
    title: misattribution.source.documentTitle,
    range: analysis.positions.range(misattribution.span),
    message: describeMisattribution(misattribution),
  };
}

async function checkWorkspace(services: RequestServices): Promise<{ files: FileCounts[] }> {
  const files: FileCounts[] = [];
  const openByPath = new Map<string, TextDocument>();
  for (const doc of services.openDocuments()) {
    const file = uriToPath(doc.uri);
    if (file) openByPath.set(file, doc);
  }
  for (const folder of services.folders.explicit()) {
    const resolved = await services.settings.get(folder.uri);
    await services.corpora.get(folder);
    const drafts = await findDrafts(folder.path, resolved.settings.languages, (file) => services.corpora.isCorpusFile(file));
    for (const file of drafts) {
      const open = openByPath.get(file);
      const uri = open?.uri ?? pathToUri(file);
      let analysis: DraftAnalysis | null;
      try {
        analysis = await analyzeUri(services, uri);
      } catch (error) {
        services.log(`Cannot check ${file}: ${(error as Error).message}`);
        continue;
      }
      if (!analysis) continue;
      const version = analysis.version;
      const counts = await services.publisher.publish(analysis, () => (services.openDocument(uri)?.version ?? null) === version);
      if (counts) files.push(counts);
    }
  }
  return { files };
}

async function rebuildIndex(services: RequestServices): Promise<{ documents: number; warnings: string[] }> {
  const folders = targetFolders(services);
  // Folders never used yet are built by `get`; the others are rebuilt from scratch.
  const loaded = new Set(services.corpora.loaded().map((corpus) => corpus.folder.path));
  await Promise.all(folders.map((folder) => loaded.has(folder.path) ? services.corpora.refresh(folder, true) : services.corpora.get(folder)));
  let documents = 0;
  const warnings: string[] = [];
  for (const folder of folders) {
    const corpus = await services.corpora.get(folder);
    documents += corpus.documents;
    for (const warning of corpus.warnings) warnings.push(`${warning.path}: ${warning.message}`);
    if (corpus.state !== 'ready' && corpus.message) warnings.push(corpus.message);
  }
  return { documents, warnings };
}
