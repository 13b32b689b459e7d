// The human-readable report: one line per quote in the `file:line:col` form that terminals and
// editors turn into links, drift shown inline, then a one-line summary.

import { citeSource } from '../core/citation';
import { misattributionReason } from '../core/attribution';
import type { ChangeFlag } from '../core/types';
import { summarize, type CheckReport, type CheckSummary, type DraftReport, type ReportedQuote } from './checkReport';
import { inlineDiff, quoteText, type DiffStyle } from './inlineDiff';

const ESC = '\u001b[';
const RESET = `${ESC}0m`;

/** ANSI decorations; all identity functions when colour is off. */
interface Palette {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

function palette(color: boolean): Palette {
  const wrap = (code: string) => (text: string) => (color ? `${ESC}${code}m${text}${RESET}` : text);
  return { red: wrap('31'), green: wrap('32'), yellow: wrap('33'), dim: wrap('2'), bold: wrap('1') };
}

const FLAG_LABELS: Record<ChangeFlag, string> = {
  number: 'changed number',
  negation: 'negation',
  name: 'name',
};

/** Renders the whole report as text lines, ending with a newline. */
export function formatText(report: CheckReport, color: boolean): string {
  const paint = palette(color);
  const lines: string[] = [];
  for (const draft of report.drafts) {
    for (const quote of draft.quotes) lines.push(...quoteLines(draft, quote, paint));
  }
  lines.push(summaryLine(summarize(report), paint));
  return lines.join('\n') + '\n';
}

function quoteLines(draft: DraftReport, quote: ReportedQuote, paint: Palette): string[] {
  const { result } = quote;
  const position = draft.lines.position(result.quote.inner.start);
  const where = `${draft.displayPath}:${position.line + 1}:${position.character + 1}`;
  const style: DiffStyle = { removed: paint.red, added: paint.green };
  const drifted = result.status === 'drift' || result.misattribution?.wording === 'drift';
  const shown = drifted ? inlineDiff(draft.text, result, style) : quoteText(draft.text, result.quote.inner);
  let line = `${where} ${statusLabel(quote, paint)} "${shown}"`;
  if (result.misattribution) line += ` → ${result.misattribution.source.documentTitle}: ${misattributionReason(result.misattribution)}`;
  else if (result.match) line += ` → ${sourceLabel(quote)}`;
  if (result.flags.length > 0) line += ' ' + paint.bold(paint.red(`[${result.flags.map((f) => FLAG_LABELS[f]).join(', ')}]`));
  const notes = quoteNotes(quote);
  if (notes) line += ` ${paint.dim(`(${notes})`)}`;
  const out = [result.status === 'verbatim' ? paint.dim(line) : line];
  for (const variant of result.variants) {
    const count = variant.matches.length;
    const titles = [...new Set(variant.matches.map((m) => m.document.title))].join('; ');
    out.push(paint.dim(`  also: "${variant.text.replace(/\s+/g, ' ')}" (${count} ${count === 1 ? 'source' : 'sources'}: ${titles})`));
  }
  return out;
}

function statusLabel(quote: ReportedQuote, paint: Palette): string {
  switch (quote.result.status) {
    case 'verbatim':
      return 'verbatim';
    case 'drift':
      return quote.fails ? paint.yellow('drift') : 'drift';
    case 'misattributed':
      return quote.fails ? paint.red('misattributed') : 'misattributed';
    default:
      return quote.fails ? paint.red('unsupported') : 'unsupported';
  }
}

function sourceLabel(quote: ReportedQuote): string {
  const { match, sources } = quote.result;
  if (!match) return '';
  const others = new Set(sources.map((s) => s.document.id));
  others.delete(match.document.id);
  // The citation says which outlet, when and where (page, cue time) the passage stands.
  const citation = citeSource(match.document, match.span, { dateStyle: 'iso' });
  const label = citation ? `${match.document.title} (${citation})` : match.document.title;
  return others.size > 0 ? `${label} (+${others.size} more)` : label;
}

function quoteNotes(quote: ReportedQuote): string {
  const notes: string[] = [];
  if (quote.result.short && quote.result.status !== 'verbatim') notes.push('short quote, not counted');
  if (quote.accepted) notes.push('accepted rendering');
  if (quote.result.quote.speaker) notes.push(`speaker: ${quote.result.quote.speaker.name}`);
  return notes.join('; ');
}

function summaryLine(summary: CheckSummary, paint: Palette): string {
  const quotes = `${summary.quotes} ${summary.quotes === 1 ? 'quote' : 'quotes'}`;
  const counts = [
    `${summary.verbatim} verbatim`,
    summary.drift > 0 ? paint.yellow(`${summary.drift} drift`) : `${summary.drift} drift`,
    summary.unsupported > 0 ? paint.red(`${summary.unsupported} unsupported`) : `${summary.unsupported} unsupported`,
  ];
  if (summary.misattributed > 0) counts.push(paint.red(`${summary.misattributed} misattributed`));
  let line = `${paint.bold(quotes)}: ${counts.join(', ')}`;
  const extras: string[] = [];
  if (summary.shortNotFound > 0) extras.push(`${summary.shortNotFound} short not counted`);
  if (summary.accepted > 0) extras.push(`${summary.accepted} accepted`);
  if (summary.files > 1) extras.push(`${summary.files} files`);
  if (extras.length > 0) line += ` (${extras.join(', ')})`;
  return line;
}
