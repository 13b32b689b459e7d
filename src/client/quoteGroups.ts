// The Quotes tree's content, computed without the `vscode` module: which groups exist, in
// what order, and the label, description and tooltip of each quote row.
import type { QuoteInfo, QuoteStatusName } from '../shared/protocol';
import { escapeMarkdown } from '../shared/markdownText';
import { oneLine, percent, truncate } from './displayText';

export { escapeMarkdown } from '../shared/markdownText';

/**
 * Problems first, worst first: words given to the wrong person, then drift to fix, then
 * missing sources.
 */
export const STATUS_ORDER: readonly QuoteStatusName[] = ['misattributed', 'drift', 'unsupported', 'verbatim'];

export const STATUS_LABELS: Record<QuoteStatusName, string> = {
  misattributed: 'Misattributed',
  drift: 'Drift',
  unsupported: 'Unsupported',
  verbatim: 'Verbatim',
};

/** Codicon and theme colour per status, shared by the tree and the report legend. */
export const STATUS_ICONS: Record<QuoteStatusName, { icon: string; color: string }> = {
  misattributed: { icon: 'person', color: 'charts.purple' },
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

/** The row description: line number, source title or "no source", who said it when misattributed, and any critical change. */
export function quoteDescription(quote: QuoteInfo): string {
  const parts = [`line ${quote.range.start.line + 1}`];
  if (quote.source) parts.push(quote.source.title);
  else if (quote.status === 'unsupported') parts.push('no source');
  if (quote.misattribution) parts.push(`said by ${quote.misattribution.sourceSpeaker}, not ${quote.misattribution.draftSpeaker}`);
  for (const flag of quote.flags) parts.push(FLAG_WORDS[flag] ?? flag);
  if (quote.short) parts.push('short: exact match only');
  return parts.join(' · ');
}

/** The row tooltip, as Markdown: status, speaker, the source passage with its citation, who said it and other renderings. */
export function quoteTooltip(quote: QuoteInfo): string {
  const lines = [`**${STATUS_LABELS[quote.status]}**${quote.score !== null ? ` · ${percent(quote.score)} similar` : ''}`];
  if (quote.misattribution) lines.push(`${escapeMarkdown(capitalize(quote.misattribution.message))}.`);
  if (quote.speaker) lines.push(`Speaker: ${escapeMarkdown(quote.speaker)}`);
  lines.push('', `Draft: “${escapeMarkdown(oneLine(quote.text))}”`);
  if (quote.source) {
    const citation = quote.source.citation ? ` (${escapeMarkdown(quote.source.citation)})` : '';
    lines.push('', `Source — *${escapeMarkdown(quote.source.title)}*${citation}:`, '', `> ${escapeMarkdown(oneLine(quote.source.text))}`);
  } else {
    lines.push('', 'No source passage comes close to this quote.');
  }
  const saidBy = saidByText(quote);
  // The label is ours; only the names and outlets come from the sources.
  if (saidBy) lines.push('', `Said by: ${escapeMarkdown(saidBy.slice('Said by: '.length))}`);
  if (quote.variants.length > 0) {
    lines.push('', 'Other renderings:');
    for (const v of quote.variants) {
      lines.push(`- “${escapeMarkdown(truncate(oneLine(v.text), 160))}” (${v.count}: ${escapeMarkdown(v.titles.join(', '))})`);
    }
  }
  return lines.join('\n');
}

/** "Said by: Kuleba — Al Jazeera; Dmytro Kuleba — Reuters" (outlet from the citation, else the title), or null. */
export function saidByText(quote: QuoteInfo): string | null {
  const sourceSpeakers = quote.sourceSpeakers ?? [];
  if (sourceSpeakers.length === 0) return null;
  const parts = [...new Set(sourceSpeakers.map((s) => `${s.name} — ${s.outlet || s.title}`))];
  return `Said by: ${parts.join('; ')}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
