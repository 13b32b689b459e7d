// The Quotes tree's content, computed without the `vscode` module: which groups exist, in
// what order, and the label, icon, description and tooltip of each quote row. Groups and marks
// come from each quote's verdict in the draft's one summary, so they match Problems and the report.
import { SHORT_NOTE, VERDICT_LABELS, VERDICT_ORDER } from '../core/verdicts';
import type { QuoteInfo, QuoteVerdictInfo, SeverityName, VerdictKindName } from '../shared/protocol';
import { escapeMarkdown } from '../shared/markdownText';
import { FLAG_WORDS, markdownDiff, saidByText, shortTitle } from '../shared/quoteText';
import { oneLine, percent, truncate } from './displayText';

export { escapeMarkdown } from '../shared/markdownText';

/** Problems first, worst first, as every view orders verdicts (src/core/verdicts.ts). */
export const STATUS_ORDER: readonly VerdictKindName[] = VERDICT_ORDER;

export const STATUS_LABELS: Record<VerdictKindName, string> = VERDICT_LABELS;

/**
 * The mark of a quote: the codicon and colour Problems uses for its severity (so a changed number
 * is the same red error in both), a green tick for verbatim and a grey ring for a short quote
 * not found. Shared by the tree's rows and groups.
 */
export function verdictIcon(verdict: Pick<QuoteVerdictInfo, 'kind' | 'severity'>): { icon: string; color: string } {
  switch (verdict.severity) {
    case 'error':
      return { icon: 'error', color: 'problemsErrorIcon.foreground' };
    case 'warning':
      return { icon: 'warning', color: 'problemsWarningIcon.foreground' };
    case 'information':
      return { icon: 'info', color: 'problemsInfoIcon.foreground' };
    case 'hint':
      return { icon: 'lightbulb', color: 'descriptionForeground' };
    default:
      return verdict.kind === 'short' ? { icon: 'circle-large-outline', color: 'descriptionForeground' } : { icon: 'pass', color: 'charts.green' };
  }
}

const SEVERITY_RANK: Record<SeverityName, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface QuoteGroup {
  status: VerdictKindName;
  /** The worst severity among the group's quotes, which the group's icon shows. */
  severity: SeverityName | null;
  /** E.g. "Drift (2)". */
  label: string;
  /** The group's quotes in draft order. */
  quotes: QuoteInfo[];
}

/** Groups quotes by verdict in STATUS_ORDER, leaving out empty groups, keeping draft order inside. */
export function groupQuotes(quotes: readonly QuoteInfo[]): QuoteGroup[] {
  const sorted = [...quotes].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return STATUS_ORDER.map((status) => {
    const members = sorted.filter((q) => q.verdict.kind === status);
    const severities = members.map((q) => q.verdict.severity).filter((s): s is SeverityName => s !== null);
    const severity = severities.sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0] ?? null;
    return { status, severity, label: `${STATUS_LABELS[status]} (${members.length})`, quotes: members };
  }).filter((g) => g.quotes.length > 0);
}

/** The row label: the quote itself, on one line and shortened. */
export function quoteLabel(quote: QuoteInfo): string {
  return `“${truncate(oneLine(quote.text), 70)}”`;
}

/** The row description: line number, source title or "no source", who said it when misattributed, and any critical change. */
export function quoteDescription(quote: QuoteInfo): string {
  const parts = [`line ${quote.range.start.line + 1}`];
  if (quote.source) parts.push(quote.source.title);
  else if (quote.verdict.kind === 'unsupported' || quote.verdict.kind === 'short') parts.push('no source');
  if (quote.misattribution) parts.push(`said by ${quote.misattribution.sourceSpeaker}, not ${quote.misattribution.draftSpeaker}`);
  for (const flag of quote.flags) parts.push(FLAG_WORDS[flag] ?? flag);
  if (quote.verdict.accepted) parts.push('accepted rendering');
  if (quote.short) parts.push('short: exact match only');
  return parts.join(' · ');
}

/**
 * The row tooltip, as Markdown: the verdict, the word diff (the draft's words struck, the
 * source's in bold, as in the hover), the source passage with its citation, who said it and
 * other renderings.
 */
export function quoteTooltip(quote: QuoteInfo): string {
  const { verdict } = quote;
  const similarity = verdict.kind === 'drift' && quote.score !== null ? ` · ${percent(quote.score)} similar` : '';
  const lines = [`**${STATUS_LABELS[verdict.kind]}**${verdict.severity ? ` (${verdict.severity})` : ''}${similarity}`];
  if (quote.misattribution) lines.push(`${escapeMarkdown(capitalize(quote.misattribution.message))}.`);
  if (verdict.accepted) lines.push('An accepted rendering (verbatim.json).');
  if (verdict.kind === 'short') lines.push(SHORT_NOTE);
  if (quote.speaker) lines.push(`Speaker: ${escapeMarkdown(quote.speaker)}`);
  const drifted = quote.diff.some((d) => d.op !== 'same') && (verdict.kind === 'drift' || verdict.kind === 'misattributed');
  lines.push('', drifted ? markdownDiff(quote.diff) : `“${escapeMarkdown(oneLine(quote.text))}”`);
  if (quote.source) {
    const citation = quote.source.citation ? ` (${escapeMarkdown(quote.source.citation)})` : '';
    const kind = quote.source.kindLabel ? ` — ${quote.source.kind === 'primary' ? `**${escapeMarkdown(quote.source.kindLabel)}**` : escapeMarkdown(quote.source.kindLabel)}` : '';
    lines.push('', `Source — *${escapeMarkdown(shortTitle(quote.source.title))}*${citation}${kind}:`, '', `> ${escapeMarkdown(oneLine(quote.source.text))}`);
    if (quote.basisNote) lines.push('', `_${escapeMarkdown(quote.basisNote)}._`);
  } else {
    lines.push('', 'No source passage comes close to this quote.');
  }
  const saidBy = saidByText(quote.sourceSpeakers);
  // The label is ours; only the names and outlets come from the sources.
  if (saidBy) lines.push('', `Said by: ${escapeMarkdown(saidBy.slice('Said by: '.length))}`);
  if (quote.variants.length > 0) {
    lines.push('', 'Other renderings:');
    for (const v of quote.variants) {
      lines.push(`- “${escapeMarkdown(truncate(oneLine(v.text), 160))}” (${v.count}: ${escapeMarkdown(v.titles.map((t) => shortTitle(t, 40)).join(', '))})`);
    }
  }
  return lines.join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
