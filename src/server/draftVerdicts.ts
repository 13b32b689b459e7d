// A draft analysis's one verdict summary (src/core/verdicts.ts), worked out once per analysis
// and severity setting. The diagnostics, the `verbatim/summary` counts, the quotes report and the
// hover all read it, so the status bar, Problems, the Quotes view and the report agree.

import { summarizeVerdicts, type SeverityPolicy, type VerdictSummary } from '../core/verdicts';
import type { QuoteResult } from '../core/types';
import type { DraftAnalysis } from './analysis';

const summaries = new WeakMap<DraftAnalysis, { policy: string; summary: VerdictSummary }>();

/** Whether verbatim.json (through the analysis's checker) accepts a result's wording. */
export function acceptedIn(analysis: DraftAnalysis): (result: QuoteResult) => boolean {
  const checker = analysis.corpus.checker;
  return (result) => checker?.isAccepted(result.quote) ?? false;
}

/** The verdicts of the analysis's results, in their order, and their counts. */
export function draftVerdicts(analysis: DraftAnalysis, policy: SeverityPolicy): VerdictSummary {
  const key = `${policy.drift} ${policy.unsupported} ${policy.critical} ${policy.misattributed}`;
  const known = summaries.get(analysis);
  if (known && known.policy === key) return known.summary;
  const summary = summarizeVerdicts(analysis.results, acceptedIn(analysis), policy);
  summaries.set(analysis, { policy: key, summary });
  return summary;
}
