// The custom requests and notifications that the Verbatim client and server exchange on top of
// standard LSP. Both sides import these typed message objects, so a renamed method or a changed
// payload fails the type-check on both ends instead of silently at run time.

import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';

/** The three verdicts a quote can get. */
export type QuoteStatusName = 'verbatim' | 'drift' | 'unsupported';

export interface SearchParams {
  /** Free text typed by the user. */
  query: string;
  /** Most hits wanted; the server picks a default when absent. */
  limit?: number;
  /** A draft or folder URI that selects the workspace folder whose corpus is searched. */
  uri?: string;
}

/** One corpus passage that matches a search. */
export interface SearchHitInfo {
  /** The source file's URI. */
  uri: string;
  title: string;
  /** Where the passage stands in the source file. */
  range: Range;
  /** The sentence holding the match (what "insert as quote" inserts). */
  text: string;
  /** A one-line view centred on the matched words, for the result list. */
  excerpt: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHitInfo[];
}

/** Searches the corpus for passages matching free text. */
export const SearchRequest = new RequestType<SearchParams, SearchResult, void>('verbatim/search');

export interface QuotesParams {
  uri: string;
}

/** The source passage a quote was matched with. */
export interface QuoteSourceInfo {
  uri: string;
  title: string;
  range: Range;
  text: string;
}

/** One step of the word diff between a quote and its source. */
export interface QuoteDiffInfo {
  op: string;
  draft: string;
  source: string;
}

/** Another wording of the passage and the sources that have it. */
export interface QuoteVariantInfo {
  text: string;
  count: number;
  titles: string[];
}

/** Everything the client shows about one quote of a draft. */
export interface QuoteInfo {
  /** The quote's inner words in the draft. */
  range: Range;
  text: string;
  status: QuoteStatusName;
  short: boolean;
  speaker: string | null;
  flags: string[];
  score: number | null;
  source: QuoteSourceInfo | null;
  diff: QuoteDiffInfo[];
  variants: QuoteVariantInfo[];
}

export interface QuotesReport {
  uri: string;
  /** The document version the report describes, or null for a file read from disk. */
  version: number | null;
  quotes: QuoteInfo[];
}

/** Lists every quote of a draft with its verdict. */
export const QuotesRequest = new RequestType<QuotesParams, QuotesReport, void>('verbatim/quotes');

// Requests without payload still take an (empty) object, which every LSP client can send.
export type CheckWorkspaceParams = Record<string, never>;

export interface FileCounts {
  uri: string;
  verbatim: number;
  drift: number;
  unsupported: number;
}

export interface CheckWorkspaceResult {
  files: FileCounts[];
}

/** Checks every draft in the workspace folders and publishes their diagnostics. */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>('verbatim/checkWorkspace');

export type RebuildIndexParams = Record<string, never>;

export interface RebuildIndexResult {
  documents: number;
  warnings: string[];
}

/** Re-reads every corpus and rebuilds its index. */
export const RebuildIndexRequest = new RequestType<RebuildIndexParams, RebuildIndexResult, void>('verbatim/rebuildIndex');

/** Counts for one draft, sent after every diagnostics publish of that draft. */
export interface SummaryParams {
  uri: string;
  version: number | null;
  verbatim: number;
  drift: number;
  unsupported: number;
}

export const SummaryNotification = new NotificationType<SummaryParams>('verbatim/summary');

export type IndexStateName = 'indexing' | 'ready' | 'noCorpus' | 'error';

/** The state of a workspace folder's corpus index. */
export interface IndexStateParams {
  state: IndexStateName;
  /** The workspace folder URI, or null when the server has no folder. */
  folder: string | null;
  documents: number;
  message?: string;
}

export const IndexStateNotification = new NotificationType<IndexStateParams>('verbatim/indexState');

/** Server-side command (workspace/executeCommand) that accepts a rendering in verbatim.json. */
export const ACCEPT_RENDERING_COMMAND = 'verbatim.acceptRendering';

/** The single argument of `verbatim.acceptRendering`. */
export interface AcceptRenderingArgs {
  /** The workspace folder whose verbatim.json receives the rendering. */
  folderUri: string;
  /** The quote as the draft words it. */
  quote: string;
}
