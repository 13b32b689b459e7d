// Builds engine results by hand for the server's pure unit tests, so they do not depend on how
// the matcher scores: each helper states exactly the quote, source and diff under test.

import type { DiffEntry, Quote, QuoteResult, SourceDocument, SourceMatch, Span } from '../../src/core/types';
import type { DiagnosticContext } from '../../src/server/diagnostics';
import { TextPositions } from '../../src/server/positions';
import { DEFAULT_SETTINGS, type VerbatimSettings } from '../../src/shared/settings';

/** A source document whose text is its file's text (as for .txt sources). */
export function sourceDoc(text: string, title = 'The Source', file = '/corpus/source.txt', shift = 0): SourceDocument {
  return {
    id: 0, path: file, title, meta: {}, text,
    fileOffset: (offset) => offset + shift,
    blocks: [{ start: 0, end: text.length }], size: text.length, mtimeMs: 0,
  };
}

/** The quote of `draft` between the first pair of straight double quotes. */
export function quoteIn(draft: string): Quote {
  const open = draft.indexOf('"');
  const close = draft.indexOf('"', open + 1);
  const inner = { start: open + 1, end: close };
  return { inner, outer: { start: open, end: close + 1 }, text: draft.slice(inner.start, inner.end), parts: [{ ...inner, kind: 'words' }], closed: true, speaker: null };
}

/** The span of the first `needle` in `text` (after `from`). */
export function spanOf(text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not found`);
  return { start, end: start + needle.length };
}

/** A diff entry; spans are found by text, `at` places an empty draft span for dropped words. */
export function entry(op: DiffEntry['op'], draftText: string, sourceText: string, draft: string, source: string, extra: Partial<DiffEntry> = {}): DiffEntry {
  const draftSpan = draft ? spanOf(draftText, draft, draftText.indexOf('"')) : { start: 0, end: 0 };
  const sourceSpan = source ? spanOf(sourceText, source) : { start: 0, end: 0 };
  return { op, draft, source, draftSpan, sourceSpan, flags: [], ...extra };
}

/** A match of the whole source text. */
export function matchOf(doc: SourceDocument, diff: DiffEntry[], score = 0.9): SourceMatch {
  return { document: doc, span: { start: 0, end: doc.text.length }, text: doc.text, score, diff };
}

/** A result with the given status and matches. */
export function resultOf(quote: Quote, status: QuoteResult['status'], match: SourceMatch | null, extra: Partial<QuoteResult> = {}): QuoteResult {
  const flags = [...new Set((match?.diff ?? []).flatMap((e) => e.flags))];
  return { quote, status, short: false, match, sources: match ? [match] : [], variants: [], flags, ...extra };
}

/**
 * What the diagnostics of a draft need from the server, with sources placed on line 0 of their
 * files (a match at its span's characters, a speaker's passage at the file's start).
 */
export function diagnosticContext(draftText: string, settings: Partial<VerbatimSettings> = {}, accepted = false): DiagnosticContext {
  const line0 = (start: number, end: number) => ({ start: { line: 0, character: start }, end: { line: 0, character: end } });
  return {
    draftText,
    positions: new TextPositions(draftText),
    settings: { ...DEFAULT_SETTINGS, ...settings },
    folderUri: 'file:///work',
    isAccepted: () => accepted,
    locate: (match) => ({ uri: `file://${match.document.path}`, range: line0(match.span.start, match.span.end) }),
    locatePassage: (document) => ({ uri: `file://${document.path}`, range: line0(0, 1) }),
  };
}
