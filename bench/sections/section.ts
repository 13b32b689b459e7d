// The contract of a benchmark section: a set of figures measured on the engine's results for
// the benchmark draft, and the table rows that show them. A new kind of score (speaker
// attribution, for instance) is one more file in this folder, listed in ./index.ts.

import type { QuoteResult } from '../../src/core/types';
import type { DraftTruth } from '../truth';

/** What a section measures from, inside the measuring child process. */
export interface SectionInput {
  /** The draft's text. */
  draft: string;
  truth: DraftTruth;
  /** Absolute folder of the corpus, to turn result paths into the truth's relative paths. */
  corpusDir: string;
  /** The engine's results for the whole draft, in document order. */
  results: QuoteResult[];
  /** The short-drift variant of the draft (its drifted quotes are short), when it was checked too. */
  shortDrift?: { draft: string; truth: DraftTruth; results: QuoteResult[] };
}

/** Figures a section hands back: plain numbers and short strings, written to results.json. */
export type SectionFigures = Record<string, number | string | null>;

/** One row of the printed table: a label, its target, and how to show one size's figures. */
export interface SectionRow {
  label: string;
  /** The target as printed ("≥ 95%"), or '' when the row is informational. */
  target: string;
  /** The cell of one size. */
  value(figures: SectionFigures): string;
  /** Whether one size meets the target; undefined when the row has no target. */
  ok?(figures: SectionFigures): boolean | undefined;
}

/** A named group of rows in the benchmark table. */
export interface BenchSection {
  /** Key in results.json. */
  name: string;
  /** Heading printed above the rows. */
  title: string;
  /** May be async: a section that reads its own fixtures from disk returns a promise. */
  measure(input: SectionInput): SectionFigures | Promise<SectionFigures>;
  rows: SectionRow[];
}

/** Formats `part` of `whole` as "n/m (p%)". */
export function ratio(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${part}/${whole} (${Math.round((100 * part) / whole)}%)`;
}
