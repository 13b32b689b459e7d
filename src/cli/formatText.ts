// The human-readable report: one line per quote in the `file:line:col` form that terminals and
// editors turn into links, drift shown inline, then a one-line summary.

import { citeSource } from '../core/citation';
import { misattributionReason } from '../core/attribution';
import { kindLabel, rankSources, sourceKindOf } from '../core/primarySources';
import type { ChangeFlag, SourceKind } from '../core/types';
import { countsInWords, type Severity, type VerdictKind } from '../core/verdicts';
import { summarize, type CheckReport, type CheckSummary, type DraftReport, type ReportedQuote } from './checkReport';
import { inlineDiff, quoteText, type DiffStyle } from './inlineDiff';

const ESC = '\u001b[';
const RESET = `${ESC}0m`;

/** ANSI decorations; all identity functions when colour is off. */
interface Palette {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  strike(text: string): string;
}

function palette(color: boolean): Palette {
  const wrap = (code: string) => (text: string) => (color ? `${ESC}${code}m${text}${RESET}` : text);
  return { red: wrap('31'), green: wrap('32'), yellow: wrap('33'), blue: wrap('34'), dim: wrap('2'), bold: wrap('1'), strike: wrap('9') };
}

/** The severity word in the colour Problems gives it, so a terminal and the editor mark alike. */
function severityMark(severity: Severity | null, paint: Palette): string {
  switch (severity) {
    case 'error':
      return paint.red('error');
    case 'warning':
      return paint.yellow('warning');
    case 'information':
      return paint.blue('info');
    case 'hint':
      return paint.dim('hint');
    default:
      return '';
  }
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
  const style: DiffStyle = { removed: (t) => paint.red(paint.strike(t)), added: paint.green };
  const drifted = result.status === 'drift' || result.misattribution?.wording === 'drift';
  const shown = drifted ? inlineDiff(draft.text, result, style) : quoteText(draft.text, result.quote.inner);
  const mark = severityMark(quote.verdict.severity, paint);
  let line = `${where} ${mark ? `${mark} ` : ''}${VERDICT_WORDS[quote.verdict.kind]} "${shown}"`;
  if (result.misattribution) line += ` → ${result.misattribution.source.documentTitle}: ${misattributionReason(result.misattribution)}`;
  else if (result.match) line += ` → ${sourceLabel(quote)}`;
  if (result.flags.length > 0) line += ' ' + paint.bold(paint.red(`[${result.flags.map((f) => FLAG_LABELS[f]).join(', ')}]`));
  const notes = quoteNotes(quote);
  if (notes) line += ` ${paint.dim(`(${notes})`)}`;
  const out = [quote.verdict.severity === null ? paint.dim(line) : line];
  for (const variant of result.variants) {
    const count = variant.matches.length;
    const titles = [...new Set(rankSources(variant.matches).map((m) => `${m.document.title}${kindTag(sourceKindOf(m.document))}`))].join('; ');
    out.push(paint.dim(`  also: "${variant.text.replace(/\s+/g, ' ')}" (${count} ${count === 1 ? 'source' : 'sources'}: ${titles})`));
  }
  return out;
}

/** The verdict as the line names it; a short quote not found is named for what it is. */
const VERDICT_WORDS: Record<VerdictKind, string> = {
  misattributed: 'misattributed',
  drift: 'drift',
  unsupported: 'unsupported',
  short: 'short, not found',
  verbatim: 'verbatim',
};

function sourceLabel(quote: ReportedQuote): string {
  const { match, sources } = quote.result;
  if (!match) return '';
  const others = new Set(sources.map((s) => s.document.id));
  others.delete(match.document.id);
  // The citation says which outlet, when and where (page, cue time) the passage stands.
  const citation = citeSource(match.document, match.span, { dateStyle: 'iso' });
  const label = `${citation ? `${match.document.title} (${citation})` : match.document.title}${kindTag(sourceKindOf(match.document))}`;
  return others.size > 0 ? `${label} (+${others.size} more)` : label;
}

/** " [primary source]" or " [report]" after a source's title; nothing for a source of unknown kind. */
function kindTag(kind: SourceKind): string {
  const label = kindLabel(kind);
  return label ? ` [${label}]` : '';
}

function quoteNotes(quote: ReportedQuote): string {
  const notes: string[] = [];
  if (quote.verdict.kind === 'short') notes.push('checked for exact presence only; not flagged');
  if (quote.accepted) notes.push('accepted rendering');
  if (quote.result.quote.speaker) notes.push(`speaker: ${quote.result.quote.speaker.name}`);
  return notes.join('; ');
}

function summaryLine(summary: CheckSummary, paint: Palette): string {
  const quotes = `${summary.quotes} ${summary.quotes === 1 ? 'quote' : 'quotes'}`;
  // The same words as the editor's status bar tooltip and the report's totals.
  let line = `${paint.bold(quotes)}: ${countsInWords(summary)}`;
  if (summary.files > 1) line += ` in ${summary.files} files`;
  return line;
}
