// The hover on a quote: its verdict, the source passage with a link that opens the source at
// the passage's line and its citation (outlet, date, page or time), the source's web address,
// a word diff for drift, who each source credits with the words, and the other renderings in
// the corpus. Every piece of draft or corpus text goes through escapeMarkdown, so a source
// cannot inject links, HTML or `command:` links, and links the server builds itself are
// percent-encoded.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import { describeMisattribution } from '../core/attribution';
import type { DiffEntry, QuoteResult, SourceMatch } from '../core/types';
import type { DraftAnalysis } from './analysis';
import { excerpt } from './diagnostics';
import { matchCitation, safeSourceUrl, speakerSourceLabel } from './sourceCitation';
import type { SourceLocator } from './sourceLocator';
import { escapeMarkdown } from '../shared/markdownText';

export { escapeMarkdown } from '../shared/markdownText';

const STATUS_LINE: Record<QuoteResult['status'], string> = {
  verbatim: 'Verbatim: the quote matches the source word for word.',
  drift: 'Drift: the source words this differently.',
  unsupported: 'Unsupported: not found in the corpus.',
  misattributed: 'Misattributed: the sources credit these words to someone else.',
};

const FLAG_NOTE: Record<string, string> = {
  number: 'a number changed',
  negation: 'a negation changed',
  name: 'a name changed',
};

/** The hover for the quote `result` of a draft. */
export function hoverFor(analysis: DraftAnalysis, result: QuoteResult, locator: SourceLocator): Hover {
  const lines: string[] = [`**${statusLine(result)}**`];
  const match = result.match;
  const drifted = result.status === 'drift' || result.misattribution?.wording === 'drift';
  if (match && drifted) lines.push('', wordDiff(match.diff));
  if (match) {
    const label = result.status === 'unsupported' ? 'Closest passage' : result.sources.length > 1 ? `Source (1 of ${result.sources.length} with this wording)` : 'Source';
    lines.push('', `${label}: ${sourceLink(match, locator)}${citationSuffix(match)}`, '', `> ${escapeMarkdown(excerpt(match.text, 400))}`);
  }
  const saidBy = saidByLine(result);
  if (saidBy) lines.push('', saidBy);
  const others = renderingLines(result);
  if (others.length) lines.push('', 'Renderings in the corpus:', '', ...others);
  if (result.quote.speaker) lines.push('', `Attributed to ${escapeMarkdown(result.quote.speaker.name)}.`);
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: analysis.positions.range(result.quote.outer),
  };
}

function statusLine(result: QuoteResult): string {
  if (result.short && result.status !== 'verbatim') return 'Short quote not found in the corpus (not flagged).';
  if (result.status === 'misattributed' && result.misattribution) {
    // Names and the title come from the draft and the corpus, so they are escaped.
    return `Misattributed: ${escapeMarkdown(describeMisattribution(result.misattribution))}.`;
  }
  const notes = result.flags.map((flag) => FLAG_NOTE[flag]).filter(Boolean);
  const line = STATUS_LINE[result.status];
  return notes.length ? `${line.slice(0, -1)}; ${notes.join(', ')}.` : line;
}

/** The word diff of a drifted quote: draft-only words struck through, source words in bold. */
export function wordDiff(diff: DiffEntry[]): string {
  const parts: string[] = [];
  for (const entry of diff) {
    const draft = escapeMarkdown(entry.draft);
    const source = escapeMarkdown(entry.source);
    if (entry.op === 'same') parts.push(draft);
    else if (entry.op === 'changed') parts.push(`~~${draft}~~ **${source}**`);
    else if (entry.op === 'added') parts.push(`~~${draft}~~`);
    else parts.push(`**${source}**`);
  }
  return parts.filter((part) => part !== '').join(' ');
}

/** A Markdown link to the source file at the passage's first line, titled by the source. */
export function sourceLink(match: SourceMatch, locator: SourceLocator): string {
  const line = locator.lineNumber(match.document, match.span);
  const title = escapeMarkdown(match.document.title) || 'source';
  return `[${title}](${markdownLinkTarget(locator.uri(match.document), line)})`;
}

/** The passage's citation and the source's web address, after the source link. */
function citationSuffix(match: SourceMatch): string {
  const citation = matchCitation(match);
  const url = safeSourceUrl(match.document);
  const parts: string[] = [];
  if (citation) parts.push(` — ${escapeMarkdown(citation)}`);
  if (url) parts.push(` · [${escapeMarkdown(url)}](${markdownLinkTarget(url)})`);
  return parts.join('');
}

/** "Said by: Kuleba — Al Jazeera; Dmytro Kuleba — Reuters", or null when no source names anyone. */
export function saidByLine(result: QuoteResult): string | null {
  const speakers = result.sourceSpeakers ?? [];
  if (!speakers.length) return null;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const speaker of speakers) {
    const part = `${escapeMarkdown(speaker.name)} — ${escapeMarkdown(speakerSourceLabel(result, speaker))}`;
    if (seen.has(part)) continue;
    seen.add(part);
    parts.push(part);
  }
  return `Said by: ${parts.join('; ')}`;
}

/** One line per wording found across sources, with how many sources have it. */
function renderingLines(result: QuoteResult): string[] {
  if (!result.match || (!result.variants.length && result.sources.length < 2)) return [];
  const groups: { text: string; matches: SourceMatch[] }[] = [
    { text: result.match.text, matches: result.sources.length ? result.sources : [result.match] },
    ...result.variants,
  ];
  return groups.map(({ text, matches }) => {
    const titles = [...new Set(matches.map((m) => m.document.title))].map(escapeMarkdown).join(', ');
    const count = `${matches.length} source${matches.length === 1 ? '' : 's'}`;
    return `- "${escapeMarkdown(excerpt(text, 160))}" — ${count}: ${titles}`;
  });
}

/** A file URI safe to put inside a Markdown link target, with an optional `#L<line>` fragment. */
export function markdownLinkTarget(uri: string, line?: number): string {
  const safe = uri.replace(/[()<>\s"'\\[\]`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return line === undefined ? safe : `${safe}#L${line}`;
}
