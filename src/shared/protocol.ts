// The custom requests and notifications that the Verbatim client and server exchange on top of
// standard LSP. Both sides import these typed message objects, so a renamed method or a changed
// payload fails the type-check on both ends instead of silently at run time.

import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
// The verdict's names and counts are the engine's own (one summary every view reads); only types cross.
import type { Severity, VerdictCounts, VerdictKind } from '../core/verdicts';

/** The verdicts a quote can get; `misattributed` means the words are a source's but its speaker is not. */
export type QuoteStatusName = 'verbatim' | 'drift' | 'unsupported' | 'misattributed';

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
  /** The source file's URI, or its extracted text's `verbatim-source:` URI for PDF and Word files. */
  uri: string;
  title: string;
  range: Range;
  text: string;
  /** Outlet, date and page or time of the passage ("Reuters, 27 Jan 2022, p. 4"); '' when unknown. */
  citation: string;
  /** The source's web address (http or https only), when its metadata has one. */
  url?: string;
  /** What the source is: "primary", "report" or "unknown" (absent from an older server). */
  kind?: string;
  /** The kind in words for a view ("primary source: transcript", "report"); absent when unknown. */
  kindLabel?: string;
}

/** Who one source credits with the quoted words. */
export interface SourceSpeakerInfo {
  /** The name as the source writes it at the attribution ("Kuleba"). */
  name: string;
  /** The fullest form of the name in that source ("Dmytro Kuleba"). */
  fullName: string;
  /** The source's title. */
  title: string;
  /** The outlet that published the source ("Reuters"); '' when unknown. */
  outlet: string;
  /** The source's outlet, date and location, as in `QuoteSourceInfo.citation`. */
  citation: string;
  /** What kind of speaker the source names ("person", "body", "role"), when the engine says. */
  kind?: string;
  /** How the source describes the speaker ("Kremlin spokesman"), when it does. */
  description?: string;
}

/** Why a quote is misattributed and how to fix it. */
export interface MisattributionInfo {
  /** The speaker the draft gives. */
  draftSpeaker: string;
  /** The speaker the source gives, as that source writes it. */
  sourceSpeaker: string;
  /** The source's speaker written the draft's way: what the fix puts in place of the name. */
  replacement: string;
  /** The title of the source that credits someone else. */
  title: string;
  /** The name (or pronoun) in the draft that the fix replaces. */
  range: Range;
  /** `in "TITLE" these words are Kuleba's, not Lavrov's`. */
  message: string;
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
  /** The titles of the sources with this wording, primary sources first (marked "(primary source)"). */
  titles: string[];
}

/** The kinds of verdict a view shows; `short` is a short quote not found (shown, never flagged). */
export type VerdictKindName = VerdictKind;

/** Diagnostic marks, by name. */
export type SeverityName = Severity;

/** A quote's verdict from the server's one summary of the draft (src/core/verdicts.ts). */
export interface QuoteVerdictInfo {
  kind: VerdictKindName;
  /** The mark of the quote's worst diagnostic, or null when it is not a problem. */
  severity: SeverityName | null;
  /** True when verbatim.json accepts the wording (the quote then counts as verbatim). */
  accepted: boolean;
}

/** A draft's quotes counted by verdict, as the status bar, the report and the CLI show them. */
export type VerdictCountsInfo = VerdictCounts;

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
  /** Who each source with the quote's wording credits with it. */
  sourceSpeakers: SourceSpeakerInfo[];
  /** Set when the status is `misattributed`. */
  misattribution: MisattributionInfo | null;
  /** The verdict every view shows, from the draft's one summary. */
  verdict: QuoteVerdictInfo;
  /** What the verdict rests on when no primary source covers it: "No primary source in the corpus; 3 of 4 reports agree". */
  basisNote?: string;
}

export interface QuotesReport {
  uri: string;
  /** The document version the report describes, or null for a file read from disk. */
  version: number | null;
  quotes: QuoteInfo[];
  /** The same counts the draft's `verbatim/summary` carries. */
  counts: VerdictCountsInfo;
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
  misattributed: number;
  /** Short quotes not found (shown, never flagged). */
  short?: number;
  /** Accepted renderings, counted in `verbatim`. */
  accepted?: number;
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
  misattributed: number;
  /** Short quotes not found (shown, never flagged). */
  short?: number;
  /** Accepted renderings, counted in `verbatim`. */
  accepted?: number;
}

export const SummaryNotification = new NotificationType<SummaryParams>('verbatim/summary');

export interface SourceTextParams {
  /** A `verbatim-source:` URI (see src/shared/sourceText.ts). */
  uri: string;
}

export interface SourceTextResult {
  /** The text extracted from the source file, which source ranges point into. */
  text: string;
}

/** The extracted text of a PDF or Word source, shown in a read-only virtual document. */
export const SourceTextRequest = new RequestType<SourceTextParams, SourceTextResult, void>('verbatim/sourceText');

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

/** Sent by the VS Code client when the user trusts the workspace (Restricted Mode ends). */
export interface WorkspaceTrustParams {
  trusted: boolean;
}

/**
 * The workspace's trust changed. The client also sends `trusted` in initializationOptions; a
 * client that sends neither is treated as trusted.
 */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('verbatim/workspaceTrust');

/** Asks for `verbatim/serverStats`; available only when the server runs with VERBATIM_SERVER_STATS=1. */
export interface ServerStatsParams {
  /** Collect garbage first (needs the server started with --expose-gc). */
  gc?: boolean;
  /** Start measuring event-loop blocks afresh after answering. */
  reset?: boolean;
}

/** The server's memory and event-loop health, for the soak test and the benchmark. */
export interface ServerStats {
  heapUsed: number;
  rss: number;
  external: number;
  /** Whether a collection ran before the heap was read. */
  gcForced: boolean;
  /** The longest event-loop block since the start or the last reset, in ms. */
  longestBlockMs: number;
  checksStarted: number;
  checksDropped: number;
}

/** The server's heap and event-loop figures; a diagnostic aid that is off in normal use. */
export const ServerStatsRequest = new RequestType<ServerStatsParams | null, ServerStats, void>('verbatim/serverStats');

/** Whether the shared archive answered the last check (sent when that changes). */
export interface ArchiveStateParams {
  /** The archive's URL, never with a password. */
  archive: string;
  ok: boolean;
  /** Why the archive was not used, in one word: down, slow, login, not-an-archive, bad-url or error; absent when ok. */
  failure?: string;
  /** One line saying why the archive was not used; absent when ok. */
  message?: string;
}

export const ArchiveStateNotification = new NotificationType<ArchiveStateParams>('verbatim/archiveState');
