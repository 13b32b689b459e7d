// The hover on a quote, answer first: the verdict (from the draft's one summary,
// src/core/verdicts.ts) and the word diff, then at most three sources with short titles (the
// full title on the link) and "and N more", then who the sources say said it and the other
// renderings in the corpus. Every piece of draft or corpus text goes through escapeMarkdown, so
// a source cannot inject links, HTML or `command:` links, and links the server builds itself
// are percent-encoded.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import { describeMisattribution } from '../core/attribution';
import type { DiffEntry, QuoteResult, SourceMatch } from '../core/types';
import { basisNote, isPrimary, primaryNoun, rankSources, sourceKindOf } from '../core/primarySources';
import { quoteVerdict, SHORT_NOTE, type QuoteVerdict } from '../core/verdicts';
import type { DraftAnalysis } from './analysis';
import { excerpt } from './diagnostics';
import { acceptedIn } from './draftVerdicts';
import { matchCitation, safeSourceUrl, sourceSpeakerInfos } from './sourceCitation';
import type { SourceLocator } from './sourceLocator';
import { escapeMarkdown } from '../shared/markdownText';
import { markdownDiff, saidByText, shortTitle } from '../shared/quoteText';

export { escapeMarkdown } from '../shared/markdownText';

/** How many sources the hover names before "and N more". */
const MAX_SOURCES = 3;

/** The verdict line of a drifted quote whose verdict rests on a primary source, which it names. */
const PRIMARY_VERDICT_LINE: Partial<Record<QuoteVerdict['kind'], (noun: string) => string>> = {
  drift: (noun) => `Drift: the ${noun} ${noun === 'subtitles' ? 'word' : 'words'} this differently.`,
};

const VERDICT_LINE: Record<QuoteVerdict['kind'], string> = {
  verbatim: 'Verbatim: the quote matches the source word for word.',
  drift: 'Drift: the source words this differently.',
  unsupported: 'Unsupported: not found in the corpus.',
  misattributed: 'Misattributed: the sources credit these words to someone else.',
  short: `Short quote, not found in the corpus. ${SHORT_NOTE}`,
};

const FLAG_NOTE: Record<string, string> = {
  number: 'a number changed',
  negation: 'a negation changed',
  name: 'a name changed',
};

/** The hover for the quote `result` of a draft. */
export function hoverFor(analysis: DraftAnalysis, result: QuoteResult, locator: SourceLocator): Hover {
  const verdict = quoteVerdict(result, result.status !== 'verbatim' && acceptedIn(analysis)(result));
  const lines: string[] = [`**${verdictLine(result, verdict)}**`];
  const match = result.match;
  const drifted = verdict.kind === 'drift' || (verdict.kind === 'misattributed' && result.misattribution?.wording === 'drift');
  if (match && drifted) lines.push('', wordDiff(match.diff));
  if (match && verdict.kind === 'unsupported') {
    lines.push('', `Closest passage: ${sourceLink(match, locator)}${citationSuffix(match)}`, '', `> ${escapeMarkdown(excerpt(match.text, 300))}`);
  } else if (match && verdict.kind !== 'short') {
    lines.push('', ...sourceLines(result, match, locator));
    const basis = basisNote(result);
    if (basis) lines.push('', `_${escapeMarkdown(basis)}._`);
  }
  const saidBy = saidByLine(result);
  if (saidBy) lines.push('', saidBy);
  const others = renderingLines(result);
  if (others.length) lines.push('', 'Other renderings in the corpus:', '', ...others);
  if (result.quote.speaker) lines.push('', `The draft credits ${escapeMarkdown(result.quote.speaker.name)}.`);
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: analysis.positions.range(result.quote.outer),
  };
}

function verdictLine(result: QuoteResult, verdict: QuoteVerdict): string {
  if (verdict.accepted) return 'Verbatim: an accepted rendering (verbatim.json).';
  if (verdict.kind === 'misattributed' && result.misattribution) {
    // Names and the title come from the draft and the corpus, so they are escaped.
    return `Misattributed: ${escapeMarkdown(describeMisattribution(result.misattribution))}.`;
  }
  const notes = verdict.flags.map((flag) => FLAG_NOTE[flag]).filter(Boolean);
  const primary = result.basis === 'primary' && result.match && isPrimary(result.match.document) ? result.match.document : null;
  const primaryLine = primary ? PRIMARY_VERDICT_LINE[verdict.kind] : undefined;
  const line = primary && primaryLine ? primaryLine(primaryNoun(primary)) : VERDICT_LINE[verdict.kind];
  return notes.length ? `${line.slice(0, -1)}; ${notes.join(', ')}.` : line;
}

/** The word diff of a drifted quote: the draft's own words struck through, the source's words in bold. */
export function wordDiff(diff: DiffEntry[]): string {
  return markdownDiff(diff);
}

/** "Source: [title](…) — citation" for up to three sources with the quote's wording, then "and N more". */
function sourceLines(result: QuoteResult, match: SourceMatch, locator: SourceLocator): string[] {
  const seen = new Set<number>();
  const matches: SourceMatch[] = [];
  // A primary source first and marked; then the reports, those that agree most first.
  for (const m of rankSources([match, ...result.sources])) {
    if (seen.has(m.document.id)) continue;
    seen.add(m.document.id);
    matches.push(m);
  }
  const shown = matches.slice(0, MAX_SOURCES).map((m) => `${kindMark(m)}${sourceLink(m, locator)}${citationSuffix(m)}`);
  // A single source is introduced by its kind alone: "Primary source (subtitles): [title]".
  if (shown.length === 1) return [kindMark(matches[0]) ? shown[0] : `Source: ${shown[0]}`];
  const more = matches.length - shown.length;
  return ['Sources:', '', ...shown.map((line) => `- ${line}`), ...(more > 0 ? [`- and ${more} more`] : [])];
}

/** "**Primary source (transcript):** " before a primary source, "Report: " before a report, in a list of sources. */
function kindMark(match: SourceMatch): string {
  const kind = sourceKindOf(match.document);
  if (kind === 'primary') return `**Primary source (${primaryNoun(match.document)}):** `;
  return kind === 'report' ? 'Report: ' : '';
}

/**
 * A Markdown link to the source file at the passage's first line, with the short title shown. A
 * shortened title puts the full one on the link of a file; the editor does not render a link of
 * its own `verbatim-source:` scheme that carries a title, so those show the short title alone.
 */
export function sourceLink(match: SourceMatch, locator: SourceLocator): string {
  const line = locator.lineNumber(match.document, match.span);
  const full = match.document.title || 'source';
  const short = shortTitle(full);
  const text = escapeMarkdown(short) || 'source';
  const uri = locator.uri(match.document);
  // The link's title is Markdown too: escaped like the rest, quotes included, so it cannot close early.
  const tooltip = short !== full.replace(/\s+/g, ' ').trim() && /^(file|https?):/.test(uri) ? ` "${escapeMarkdown(full).replace(/"/g, '\\"')}"` : '';
  return `[${text}](${markdownLinkTarget(uri, line)}${tooltip})`;
}

/** The passage's citation and the source's web address, after the source link. */
function citationSuffix(match: SourceMatch): string {
  const citation = matchCitation(match);
  const url = safeSourceUrl(match.document);
  const parts: string[] = [];
  if (citation) parts.push(` — ${escapeMarkdown(citation)}`);
  if (url) parts.push(` · [${escapeMarkdown(shortUrl(url))}](${markdownLinkTarget(url)})`);
  return parts.join('');
}

/** The host and path of a web address, without the scheme or a long tail. */
function shortUrl(url: string): string {
  const bare = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return bare.length > 40 ? `${bare.slice(0, 39)}…` : bare;
}

/** "Said by: Kuleba — Al Jazeera; Dmytro Kuleba — Reuters", or null when no source names anyone. */
export function saidByLine(result: QuoteResult): string | null {
  const text = saidByText(sourceSpeakerInfos(result));
  return text ? `Said by: ${escapeMarkdown(text.slice('Said by: '.length))}` : null;
}

/** One line per other wording found across sources: the wording, how many sources, up to three short titles. */
function renderingLines(result: QuoteResult): string[] {
  if (!result.match || !result.variants.length) return [];
  return result.variants.map(({ text, matches }) => {
    const titles = [...new Set(rankSources(matches).map((m) => `${shortTitle(m.document.title, 40)}${isPrimary(m.document) ? ' (primary source)' : ''}`))];
    const named = titles.slice(0, MAX_SOURCES).map(escapeMarkdown).join(', ');
    const more = titles.length > MAX_SOURCES ? ` and ${titles.length - MAX_SOURCES} more` : '';
    const noun = matches.every((m) => sourceKindOf(m.document) === 'report') ? 'report' : 'source';
    const count = `${matches.length} ${noun}${matches.length === 1 ? '' : 's'}`;
    return `- "${escapeMarkdown(excerpt(text, 160))}" — ${count}: ${named}${more}`;
  });
}

/** A file URI safe to put inside a Markdown link target, with an optional `#L<line>` fragment. */
export function markdownLinkTarget(uri: string, line?: number): string {
  const safe = uri.replace(/[()<>\s"'\\[\]`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return line === undefined ? safe : `${safe}#L${line}`;
}
