// How views speak of primary sources and reports: what a primary source is called in a message
// ("the transcript says …"), the order sources are listed in (primary first, then the reports
// that agree most), and what the verdict rests on ("No primary source in the corpus; 3 of 4
// reports agree"). Pure: results in, words out, so the hover, the diagnostics, the report and
// the CLI say the same.

import { sourceFormatOf } from './corpus/sourceFormats';
import type { QuoteResult, SourceDocument, SourceKind, SourceMatch } from './types';

/** A document's kind; documents loaded before kinds existed count as unknown. */
export function sourceKindOf(document: Pick<SourceDocument, 'meta'>): SourceKind {
  return document.meta.kind ?? 'unknown';
}

export function isPrimary(document: Pick<SourceDocument, 'meta'>): boolean {
  return sourceKindOf(document) === 'primary';
}

/** The label views put beside a source's title: "primary source", "report", or null when unknown. */
export function kindLabel(kind: SourceKind): string | null {
  return kind === 'primary' ? 'primary source' : kind === 'report' ? 'report' : null;
}

/** A source's kind in words for a view: "primary source: transcript", "report", or null when unknown. */
export function sourceKindLabel(document: Pick<SourceDocument, 'meta' | 'path' | 'title' | 'mapping'>): string | null {
  const kind = sourceKindOf(document);
  return kind === 'primary' ? `primary source: ${primaryNoun(document)}` : kindLabel(kind);
}

const STATEMENT = /\b(statement|press release|communiqu[eé]|readout|declaration|speech|remarks)\b/i;
const TRANSCRIPT = /\b(transcript|interview|briefing|hearing|minutes)\b/i;

/**
 * What a primary source is, for a message: "subtitles" for cue files, "transcript" for a text
 * read as speaker turns (or titled one), "statement" for a statement or press release, else
 * "primary source".
 */
export function primaryNoun(document: Pick<SourceDocument, 'path' | 'title' | 'mapping'>): string {
  const format = sourceFormatOf(document.path);
  if (format === 'srt' || format === 'vtt') return 'subtitles';
  const named = `${document.title} ${document.path.split(/[\\/]/).pop() ?? ''}`;
  if (STATEMENT.test(named)) return 'statement';
  if (TRANSCRIPT.test(named) || document.mapping?.marks?.some(([, location]) => location.speaker)) return 'transcript';
  return 'primary source';
}

/** "the transcript says" or "the subtitles say". */
export function primarySays(document: Pick<SourceDocument, 'path' | 'title' | 'mapping'>): string {
  const noun = primaryNoun(document);
  return `the ${noun} ${noun === 'subtitles' ? 'say' : 'says'}`;
}

/** Every passage a result lists, its own wording's first and then the variants', without repeating a document. */
export function listedMatches(result: Pick<QuoteResult, 'sources' | 'variants'>): SourceMatch[] {
  const seen = new Set<string>();
  const list: SourceMatch[] = [];
  for (const match of [...result.sources, ...result.variants.flatMap((variant) => variant.matches)]) {
    if (seen.has(match.document.path)) continue;
    seen.add(match.document.path);
    list.push(match);
  }
  return list;
}

/**
 * Sources in the order every view lists them: primary sources first, then the rest by how
 * closely they agree with the quote (their passage's similarity), each tie in the given order.
 */
export function rankSources<T extends SourceMatch>(matches: readonly T[]): T[] {
  return matches
    .map((match, i) => ({ match, i }))
    .sort((a, b) => Number(isPrimary(b.match.document)) - Number(isPrimary(a.match.document)) || b.match.score - a.match.score || a.i - b.i)
    .map(({ match }) => match);
}

/** The reports (non-primary sources) that have the quote's words exactly, among a result's other wordings. */
export function reportsWithDraftWording(result: Pick<QuoteResult, 'variants'>): SourceMatch[] {
  return result.variants.flatMap((variant) => variant.matches).filter((match) => !isPrimary(match.document) && match.score === 1);
}

/** How many reports (each file once) have the quote's words exactly, among a result's other wordings. */
export function countReportsWithDraftWording(result: Pick<QuoteResult, 'variants'>): number {
  return new Set(reportsWithDraftWording(result).map((match) => match.document.path)).size;
}

/** "; 2 reports say "room"" after a drift message resting on a primary source, or '' when no report has the draft's words. */
export function reportsSayNote(result: Pick<QuoteResult, 'variants' | 'basis'>, draftWords: string): string {
  if (result.basis !== 'primary' || !draftWords) return '';
  const count = countReportsWithDraftWording(result);
  if (!count) return '';
  return `; ${count} ${count === 1 ? 'report says' : 'reports say'} "${draftWords}"`;
}

/**
 * What the verdict rests on, in one line for the hover: null when it rests on a primary source
 * (the sources list marks it) or when nothing was found; else "No primary source in the corpus;
 * 3 of 4 reports agree" (or "sources" when some are of unknown kind).
 */
export function basisNote(result: Pick<QuoteResult, 'basis' | 'match' | 'sources' | 'variants'>): string | null {
  if (result.basis !== 'reports' || !result.match) return null;
  const listed = listedMatches(result);
  const agreeing = new Set(result.sources.map((match) => match.document.path)).size;
  const noun = listed.every((match) => sourceKindOf(match.document) === 'report') ? 'report' : 'source';
  const total = listed.length;
  const agree = total === 1 ? `1 ${noun} has it` : `${agreeing} of ${total} ${noun}s agree`;
  // A primary source with a looser passage is in the list, but too far from the quote to decide.
  const opening = listed.some((match) => isPrimary(match.document)) ? 'No primary source has this passage closely' : 'No primary source in the corpus';
  return `${opening}; ${agree}`;
}
