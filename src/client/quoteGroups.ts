// The Quotes tree's content, computed without the `vscode` module: which groups exist, in
// what order, and the label, description and tooltip of each quote row.
import type { QuoteInfo, QuoteStatusName } from '../shared/protocol';
import { oneLine, percent, truncate } from './displayText';

/** Problems first: the writer opens the tree to fix drift, then to find missing sources. */
export const STATUS_ORDER: readonly QuoteStatusName[] = ['drift', 'unsupported', 'verbatim'];

export const STATUS_LABELS: Record<QuoteStatusName, string> = {
  drift: 'Drift',
  unsupported: 'Unsupported',
  verbatim: 'Verbatim',
};

/** Codicon and theme colour per status, shared by the tree and the report legend. */
export const STATUS_ICONS: Record<QuoteStatusName, { icon: string; color: string }> = {
  drift: { icon: 'warning', color: 'list.warningForeground' },
  unsupported: { icon: 'circle-slash', color: 'list.errorForeground' },
  verbatim: { icon: 'pass', color: 'charts.green' },
};

export interface QuoteGroup {
  status: QuoteStatusName;
  /** E.g. "Drift (2)". */
  label: string;
  /** The group's quotes in draft order. */
  quotes: QuoteInfo[];
}

/** Groups quotes by status in STATUS_ORDER, leaving out empty groups, keeping draft order inside. */
export function groupQuotes(quotes: readonly QuoteInfo[]): QuoteGroup[] {
  const sorted = [...quotes].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return STATUS_ORDER.map((status) => {
    const members = sorted.filter((q) => q.status === status);
    return { status, label: `${STATUS_LABELS[status]} (${members.length})`, quotes: members };
  }).filter((g) => g.quotes.length > 0);
}

/** The row label: the quote itself, on one line and shortened. */
export function quoteLabel(quote: QuoteInfo): string {
  return `“${truncate(oneLine(quote.text), 70)}”`;
}

const FLAG_WORDS: Record<string, string> = { number: 'number changed', negation: 'negation changed', name: 'name changed' };

/** The row description: line number, source title or "no source", and any critical change. */
export function quoteDescription(quote: QuoteInfo): string {
  const parts = [`line ${quote.range.start.line + 1}`];
  if (quote.source) parts.push(quote.source.title);
  else if (quote.status === 'unsupported') parts.push('no source');
  for (const flag of quote.flags) parts.push(FLAG_WORDS[flag] ?? flag);
  if (quote.short) parts.push('short: exact match only');
  return parts.join(' · ');
}

/** Escapes the characters Markdown would treat as formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** The row tooltip, as Markdown: status, speaker, the source passage and other renderings. */
export function quoteTooltip(quote: QuoteInfo): string {
  const lines = [`**${STATUS_LABELS[quote.status]}**${quote.score !== null ? ` · ${percent(quote.score)} similar` : ''}`];
  if (quote.speaker) lines.push(`Speaker: ${escapeMarkdown(quote.speaker)}`);
  lines.push('', `Draft: “${escapeMarkdown(oneLine(quote.text))}”`);
  if (quote.source) {
    lines.push('', `Source — *${escapeMarkdown(quote.source.title)}*:`, '', `> ${escapeMarkdown(oneLine(quote.source.text))}`);
  } else {
    lines.push('', 'No source passage comes close to this quote.');
  }
  if (quote.variants.length > 0) {
    lines.push('', 'Other renderings:');
    for (const v of quote.variants) {
      lines.push(`- “${escapeMarkdown(truncate(oneLine(v.text), 160))}” (${v.count}: ${escapeMarkdown(v.titles.join(', '))})`);
    }
  }
  return lines.join('\n');
}
