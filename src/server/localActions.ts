// Quick fixes computed from the paragraphs around each quote. Finding where an "ignore" comment
// goes needs the prose around the quote, and reading a whole draft's prose on every cursor move
// of a writer who is typing would mean re-reading the whole draft for each request. The fixes
// only ever edit the quote's own paragraph, so they are computed on a window of whole lines and
// their ranges moved back by the lines before it.

import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { ownCopy } from '../core/extract/chunkedProse';
import type { Span, TextFormat } from '../core/types';
import { codeActionsFor } from './codeActions';
import type { QuoteDiagnosticData } from './diagnostics';
import { neighbourhood } from './localAnalysis';
import { TextPositions } from './positions';

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * The quick fixes for `diagnostics`, each quote's read from the whole lines around that quote
 * (wherever the request's range began: a selection may start paragraphs before it). `fixAll`,
 * when given, is offered once, beside the first drifted quote's fixes.
 */
export function localCodeActions(uri: string, text: string, format: TextFormat, positions: TextPositions, diagnostics: Diagnostic[], fixAll: CodeAction | null = null): CodeAction[] {
  const byQuote = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const inner = (diagnostic.data as Partial<QuoteDiagnosticData> | undefined)?.inner;
    const at = inner?.start ?? diagnostic.range.start;
    const key = `${at.line}:${at.character}`;
    const group = byQuote.get(key);
    if (group) group.push(diagnostic);
    else byQuote.set(key, [diagnostic]);
  }
  const actions: CodeAction[] = [];
  let offered = false;
  for (const group of byQuote.values()) {
    const inner = (group[0].data as Partial<QuoteDiagnosticData> | undefined)?.inner ?? group[0].range;
    const quoteActions = windowActions(uri, text, format, positions, positions.span(inner), group, offered ? null : fixAll);
    offered ||= fixAll !== null && quoteActions.some((action) => isFixAll(action, fixAll));
    actions.push(...quoteActions);
  }
  return actions;
}

function isFixAll(action: CodeAction, fixAll: CodeAction): boolean {
  return action.title === fixAll.title && action.kind === fixAll.kind;
}

/** The quick fixes for the diagnostics of the quote at `quote`, computed on the whole lines around it. */
function windowActions(uri: string, text: string, format: TextFormat, positions: TextPositions, quote: Span, diagnostics: Diagnostic[], fixAll: CodeAction | null): CodeAction[] {
  const offset = quote.start;
  const around = neighbourhood(text, offset);
  let start = around.start;
  // The ignore switches go around the quote and its paragraph, which end at the quote's last line.
  const end = Math.max(around.end, neighbourhood(text, quote.end).end);
  // The window starts at a line start, so that moving a range is a matter of lines alone.
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') {
    LINE_BREAK.lastIndex = start;
    const next = LINE_BREAK.exec(text);
    start = next && next.index + next[0].length <= offset ? next.index + next[0].length : 0;
  }
  if (start === 0 && end === text.length) return codeActionsFor({ uri, text, format, positions }, diagnostics, fixAll);
  // A copy: the window's prose is remembered, and a slice would keep this version of the draft alive.
  const window = ownCopy(text.slice(start, end));
  const lines = positions.position(start).line;
  const inside = diagnostics.filter((d) => d.range.start.line >= lines);
  // The file-wide fix edits the whole draft, so its edit is kept out of the window's line shift.
  const placed = fixAll && { ...fixAll, edit: undefined };
  const actions = shiftLines(codeActionsFor({ uri, text: window, format, positions: new TextPositions(window) }, shiftLines(inside, -lines), placed), lines);
  return fixAll ? actions.map((action) => (isFixAll(action, fixAll) ? { ...action, edit: fixAll.edit } : action)) : actions;
}

/** A deep copy of `value` with every LSP range (and position) moved by `lines` lines. */
function shiftLines<T>(value: T, lines: number): T {
  if (Array.isArray(value)) return value.map((item) => shiftLines(item, lines)) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.line === 'number' && typeof record.character === 'number' && Object.keys(record).length === 2) {
    return { line: Math.max(0, record.line + lines), character: record.character } as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) copy[key] = shiftLines(record[key], lines);
  return copy as T;
}
