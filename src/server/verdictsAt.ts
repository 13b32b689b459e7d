// The Verbatim diagnostics under a range of an open draft, from the server's own verdicts. Quick
// fixes are made from these, not from the diagnostics a code-action request carries: an editor
// sends the ones it holds at that moment, which may be none yet, or those of an older text whose
// positions the writer's edits have moved (VS Code keeps a diagnostic's data as published while
// its underline moves with the text).

import type { Diagnostic, Range } from 'vscode-languageserver';
import type { QuoteResult, Span } from '../core/types';
import type { DraftAnalysis, DraftAnalyzer, DraftText } from './analysis';
import type { Publisher } from './publisher';

/** Whether two spans overlap or touch: a cursor at either end of an underline is on it, as editors match them. */
function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Whether a result's quote, or the speaker's name its misattribution is marked on, touches `span`. */
function reaches(result: QuoteResult, span: Span): boolean {
  if (touches(result.quote.outer, span)) return true;
  const name = result.status === 'misattributed' ? result.misattribution?.span : undefined;
  return name !== undefined && name.end > name.start && touches(name, span);
}

/**
 * The diagnostics the server publishes under `range` of `draft`, built as the published ones
 * are: from the latest check when it is of this very text, else (the writer has typed since,
 * and the check waits for quiet) from the quote at the range checked from its paragraphs, as
 * hover does. Null when the server has no verdict about that place of this text: no check of
 * it yet and no quote there.
 */
export async function diagnosticsUnder(analyzer: DraftAnalyzer, publisher: Pick<Publisher, 'diagnosticsOf'>, draft: DraftText, range: Range): Promise<Diagnostic[] | null> {
  const positions = analyzer.positions(draft.text);
  const span = positions.span(range);
  let analysis: DraftAnalysis | null = analyzer.cached(draft.uri, draft.text);
  let results: QuoteResult[];
  if (analysis) {
    results = analysis.results.filter((result) => reaches(result, span));
  } else {
    const found = await analyzer.resultAt(draft, span.start) ?? (span.end > span.start ? await analyzer.resultAt(draft, span.end) : null);
    if (!found) return null;
    analysis = found.analysis;
    results = [found.result];
  }
  if (!results.length) return [];
  const diagnostics = await publisher.diagnosticsOf(analysis, results);
  return diagnostics.filter((diagnostic) => touches(positions.span(diagnostic.range), span));
}
