// "Use the source wording for every drift in this file": one edit per drifted quote, each the
// wording its best-matching sources give (what the first quick fix of that quote writes). It is
// offered as a `source.fixAll.verbatim` action, which `editor.codeActionsOnSave` can run, and
// beside each quote's own fixes. The edit names the document version it was computed for, so an
// editor refuses it once the text changed rather than writing words into the wrong places.

import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { QuoteResult } from '../core/types';
import type { DraftAnalysis } from './analysis';
import { renderings } from './diagnostics';

// `source.fixAll` and `source` requests include the file-wide fix's kind.
export { FIX_ALL_KIND } from '../shared/commands';

export const FIX_ALL_TITLE = 'Use the source wording for every drift in this file';

/** True when a request limited to `only` kinds wants actions of `kind` (LSP: equal or a sub-kind). */
export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/** True when the quote's words drifted from its sources and the team has not accepted them. */
function drifted(result: QuoteResult, isAccepted: (result: QuoteResult) => boolean): boolean {
  if (result.short || !result.match || isAccepted(result)) return false;
  return result.status === 'drift' || (result.status === 'misattributed' && result.misattribution?.wording === 'drift');
}

/**
 * The edits that give every drifted quote of `analysis` its source wording, in document order.
 * A quote nested in another that is rewritten already is left alone: two edits may not overlap.
 */
export function fixAllEdits(analysis: DraftAnalysis, isAccepted: (result: QuoteResult) => boolean): TextEdit[] {
  const edits: TextEdit[] = [];
  let end = -1;
  const results = [...analysis.results].sort((a, b) => a.quote.inner.start - b.quote.inner.start);
  for (const result of results) {
    if (!drifted(result, isAccepted) || result.quote.inner.start < end) continue;
    const [best] = renderings(result, analysis.text);
    if (!best) continue;
    edits.push({ range: analysis.positions.range(result.quote.inner), newText: best.text });
    end = result.quote.inner.end;
  }
  return edits;
}

/**
 * The file-wide fix as a code action of `kind`, or null when nothing drifted. With
 * `versioned`, the edit is tied to the analysed version of the document.
 */
export function fixAllAction(analysis: DraftAnalysis, edits: TextEdit[], kind: string, versioned: boolean): CodeAction | null {
  if (!edits.length) return null;
  const edit: WorkspaceEdit = versioned && analysis.version !== null
    ? { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits }] }
    : { changes: { [analysis.uri]: edits } };
  return { title: FIX_ALL_TITLE, kind, edit };
}
