// Sends a draft's diagnostics and its `verbatim/summary` counts. The caller says whether the
// analysis is still current right before sending, so an old version is never published.

import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { QuoteResult } from '../core/types';
import { summarizeVerdicts } from '../core/verdicts';
import type { FileCounts, SummaryParams } from '../shared/protocol';
import type { DraftAnalysis } from './analysis';
import { SlicePauser } from '../core/slicedRun';
import { quoteDiagnostics, type DiagnosticContext } from './diagnostics';
import { draftVerdicts } from './draftVerdicts';
import type { SettingsStore } from './settingsStore';
import type { SourceLocator } from './sourceLocator';

/** How long building diagnostics works before it lets other requests in, in ms. */
const SLICE_MS = 10;
/** Quotes turned into diagnostics between two looks at the clock. */
const QUOTES_PER_BATCH = 25;

/** The connection calls the publisher makes. */
export interface PublishTarget {
  sendDiagnostics(params: PublishDiagnosticsParams): void;
  sendSummary(params: SummaryParams): void;
}

/**
 * Counts a draft's quotes by verdict (src/core/verdicts.ts): accepted renderings count as
 * verbatim, short quotes not found as short. Accepting a rendering accepts its wording, not its
 * speaker, so misattributions still count.
 */
export function countResults(results: QuoteResult[], isAccepted: (result: QuoteResult) => boolean): Omit<FileCounts, 'uri'> {
  return summarizeVerdicts(results, isAccepted).counts;
}

/** Builds and sends diagnostics for analysed drafts. */
export class Publisher {
  constructor(
    private readonly target: PublishTarget,
    private readonly settings: SettingsStore,
    private readonly locator: SourceLocator,
  ) {}

  /**
   * The diagnostics of an analysis under the document's settings, built a batch of quotes at a
   * time with other events let in between; null as soon as `isCurrent` says a newer version exists.
   */
  async diagnostics(analysis: DraftAnalysis, isCurrent: () => boolean = () => true): Promise<Diagnostic[] | null> {
    const context = await this.context(analysis);
    const diagnostics: Diagnostic[] = [];
    const pauser = new SlicePauser(SLICE_MS);
    for (let i = 0; i < analysis.results.length; i += QUOTES_PER_BATCH) {
      diagnostics.push(...quoteDiagnostics(analysis.results.slice(i, i + QUOTES_PER_BATCH), context));
      await pauser.pauseIfDue();
      if (!isCurrent()) return null;
    }
    return diagnostics;
  }

  /** The diagnostics of some of an analysis's results, as `diagnostics` builds them for the whole draft. */
  async diagnosticsOf(analysis: DraftAnalysis, results: QuoteResult[]): Promise<Diagnostic[]> {
    return quoteDiagnostics(results, await this.context(analysis));
  }

  private async context(analysis: DraftAnalysis): Promise<DiagnosticContext> {
    const resolved = await this.settings.get(analysis.uri);
    const checker = analysis.corpus.checker;
    return {
      draftText: analysis.text,
      positions: analysis.positions,
      settings: resolved.settings,
      folderUri: analysis.corpus.folder.uri,
      isAccepted: (quote) => checker?.isAccepted(quote) ?? false,
      locate: (match) => this.locator.locateMatch(match),
      locatePassage: (document, span) => this.locator.locate(document, span),
    };
  }

  /** Publishes an analysis unless `isCurrent` says a newer version exists; returns its counts. */
  async publish(analysis: DraftAnalysis, isCurrent: () => boolean): Promise<FileCounts | null> {
    const resolved = await this.settings.get(analysis.uri);
    const diagnostics = await this.diagnostics(analysis, isCurrent);
    if (!diagnostics || !isCurrent()) return null;
    // The same summary the diagnostics were marked from, so the counts match Problems.
    const counts = { uri: analysis.uri, ...draftVerdicts(analysis, resolved.settings.severity).counts };
    const params: PublishDiagnosticsParams = { uri: analysis.uri, diagnostics };
    if (analysis.version !== null) params.version = analysis.version;
    this.target.sendDiagnostics(params);
    this.target.sendSummary({ ...counts, version: analysis.version });
    return counts;
  }

  /** Removes a document's diagnostics (when it is closed or no longer a draft). */
  clear(uri: string): void {
    this.target.sendDiagnostics({ uri, diagnostics: [] });
  }
}
