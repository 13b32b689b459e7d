// Words and counts the client shows outside the editor: the status bar item and the messages
// after a workspace check or an index rebuild. Kept free of the `vscode` module so the exact
// wording can be tested in plain Node.
import type { FileCounts, IndexStateParams, RebuildIndexResult, SummaryParams } from '../shared/protocol';
import { COMMANDS } from '../shared/commands';
import { plural } from './displayText';
import { addCounts, countsInWords as verdictCountsInWords, type VerdictCounts } from '../core/verdicts';

/**
 * The counts a draft summary carries: the server's one summary of the draft's verdicts
 * (src/core/verdicts.ts), which the report and the CLI count with too. `misattributed`, `short`
 * and `accepted` may be missing from a server that predates them, and then count as zero.
 */
export type Counts = Pick<SummaryParams, 'verbatim' | 'drift' | 'unsupported'> & Partial<Pick<SummaryParams, 'misattributed' | 'short' | 'accepted'>>;

/** What the status bar item should display; `visible: false` hides it. */
export interface StatusBarView {
  visible: boolean;
  text: string;
  tooltip: string;
  command: string | undefined;
  /** Which theme background the item uses: none, warning or error. */
  tone: 'normal' | 'warning' | 'error';
}

/** Everything the status bar depends on for the active editor. */
export interface StatusInput {
  /** Whether the active editor holds a draft. */
  isDraft: boolean;
  /** The latest summary for the active draft, if one arrived. */
  summary: Counts | undefined;
  /** The latest index state of the draft's workspace folder, if one arrived. */
  index: IndexStateParams | undefined;
  /** False when `verbatim.enable` turned checking off for the draft (missing means on). */
  enabled?: boolean;
  /**
   * Whether the writer asked for a corpus (sources/, verbatim.json or verbatim.corpus). Without
   * that, a missing corpus is not shown here: the language status item carries it quietly.
   */
  corpusExpected?: boolean;
}

const HIDDEN: StatusBarView = { visible: false, text: '', tooltip: '', command: undefined, tone: 'normal' };

/**
 * Formats counts the way the status bar shows them: `✓ 12  ~ 2  ✗ 1`, with `⚠ 1` added only
 * when some quote is misattributed, so the usual item stays short.
 */
export function countsText(counts: Counts): string {
  const misattributed = counts.misattributed ?? 0;
  return `✓ ${counts.verbatim}  ~ ${counts.drift}  ✗ ${counts.unsupported}${misattributed ? `  ⚠ ${misattributed}` : ''}`;
}

/** Spells the counts out in words, as the report and the CLI do: "12 verbatim, 2 drifted, 1 unsupported, 1 short not found". */
export function countsInWords(counts: Counts): string {
  return verdictCountsInWords(counts);
}

/** Decides the status bar item's text, tooltip, click command and colour. */
export function statusBarView(input: StatusInput): StatusBarView {
  if (!input.isDraft || input.enabled === false) return HIDDEN;
  const index = input.index;
  if (index?.state === 'indexing') {
    return {
      visible: true,
      text: '$(sync~spin) Verbatim: indexing…',
      tooltip: 'Verbatim is reading the corpus; quotes are checked once it is ready.',
      command: COMMANDS.showReport,
      tone: 'normal',
    };
  }
  if (index?.state === 'noCorpus') {
    if (input.corpusExpected === false) return HIDDEN;
    return {
      visible: true,
      text: '$(warning) Verbatim: no corpus',
      tooltip: 'No source folder was found. Click to pick the folder that holds your sources.',
      command: COMMANDS.pickCorpusFolder,
      tone: 'warning',
    };
  }
  if (index?.state === 'error') {
    return {
      visible: true,
      text: '$(error) Verbatim',
      tooltip: `The corpus could not be indexed: ${index.message ?? 'unknown error'}. Click to rebuild the index.`,
      command: COMMANDS.rebuildIndex,
      tone: 'error',
    };
  }
  if (!input.summary) {
    return { visible: true, text: '$(quote) Verbatim', tooltip: 'Checking the quotes of this draft…', command: COMMANDS.showReport, tone: 'normal' };
  }
  const sources = index ? ` against ${plural(index.documents, 'source')}` : '';
  return {
    visible: true,
    text: countsText(input.summary),
    tooltip: `Quotes checked${sources}: ${countsInWords(input.summary)}. Click for the quotes report.`,
    command: COMMANDS.showReport,
    tone: 'normal',
  };
}

/** Adds up the per-file counts of a workspace check. */
export function totalCounts(files: readonly Counts[]): VerdictCounts {
  return addCounts(files);
}

/** The message shown after "Check All Drafts in Workspace". */
export function checkWorkspaceMessage(files: readonly FileCounts[]): string {
  if (files.length === 0) return 'Verbatim found no drafts to check in this workspace.';
  return `Verbatim checked ${plural(files.length, 'draft')}: ${countsInWords(totalCounts(files))}.`;
}

/** The message shown after "Rebuild Corpus Index". */
export function rebuildMessage(result: RebuildIndexResult): string {
  const warnings = result.warnings.length > 0 ? ` ${plural(result.warnings.length, 'file')} could not be read.` : '';
  return `Verbatim indexed ${plural(result.documents, 'source')}.${warnings}`;
}
