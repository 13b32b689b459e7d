// How every view words a quote's diff and who said it. The hover, the tree tooltips, the report,
// the fact-check sheet and its Markdown table all build from these, so the diff always runs the
// same way (the draft's own words struck, the source's words as their replacement) and a
// speaker is always named the same way. No vscode import: the CLI uses it too.

import { isSpacelessCodePoint } from '../core/wordScanner';
import { escapeMarkdown } from './markdownText';
import type { QuoteDiffInfo, SourceSpeakerInfo } from './protocol';

/** One stretch of a rendered diff: unchanged words, the draft's words to strike, or the source's words that replace them. */
export interface DiffSegment {
  kind: 'same' | 'del' | 'ins';
  text: string;
  /** True when no space goes before this segment: both sides are words of a script written without spaces. */
  tight?: true;
}

/**
 * Turns a word diff into segments: `del` marks the draft's words the source does not have, `ins`
 * the source's words the draft lacks, so a `changed` step shows both, struck then inserted.
 */
export function diffSegments(diff: readonly Pick<QuoteDiffInfo, 'op' | 'draft' | 'source'>[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    // Merging neighbours of one kind keeps a view from splitting a phrase into many pieces.
    if (last && last.kind === kind) last.text += gap(last.text, text) + text;
    else if (last && gap(last.text, text) === '') segments.push({ kind, text, tight: true });
    else segments.push({ kind, text });
  };
  for (const step of diff) {
    if (step.op === 'same') push('same', step.draft);
    else if (step.op === 'added') push('del', step.draft);
    else if (step.op === 'dropped') push('ins', step.source);
    else {
      push('del', step.draft);
      push('ins', step.source);
    }
  }
  return segments;
}

/** The diff as Markdown: the draft's words ~~struck~~, the source's in **bold**; every word escaped. */
export function markdownDiff(diff: readonly Pick<QuoteDiffInfo, 'op' | 'draft' | 'source'>[]): string {
  return markdownSegments(diffSegments(diff));
}

/** Diff segments as Markdown, as `markdownDiff` writes them. */
export function markdownSegments(segments: readonly DiffSegment[]): string {
  let out = '';
  let previous = '';
  for (const segment of segments) {
    const text = escapeMarkdown(segment.text);
    if (text === '') continue;
    if (out) out += segment.tight ? '' : gap(previous, segment.text);
    out += segment.kind === 'del' ? `~~${text}~~` : segment.kind === 'ins' ? `**${text}**` : text;
    previous = segment.text;
  }
  return out;
}

/**
 * The space between two pieces of a diff: none between words of a script written without spaces
 * (対話の窓は, not 対話の 窓 は), one elsewhere.
 */
export function gap(before: string, after: string): string {
  const last = before.codePointAt(before.length - 1 - (before.length > 1 && /[\udc00-\udfff]/.test(before.charAt(before.length - 1)) ? 1 : 0));
  const first = after.codePointAt(0);
  return last !== undefined && first !== undefined && isSpacelessCodePoint(last) && isSpacelessCodePoint(first) ? '' : ' ';
}

/**
 * Speaker kinds as a reader says them. A person is what a reader takes a speaker to be, so only
 * the other kinds are named; an unknown kind is left out rather than guessed.
 */
const KIND_WORDS: Record<string, string> = { body: 'organisation', role: 'role label', institution: 'organisation' };

/**
 * One source's speaker: "Dmitry Peskov, Kremlin spokesman — Reuters", "the Kremlin
 * (organisation) — TASS". The fullest form of the name, the source's description when it gives
 * one, the kind when it is not a person, and the outlet (else the source's title, shortened: the
 * full title is in the source list above).
 */
export function speakerText(speaker: SourceSpeakerInfo): string {
  const name = speaker.fullName?.trim() || speaker.name;
  const description = speaker.description?.trim() ? `, ${speaker.description.trim()}` : '';
  const kind = speaker.kind ? KIND_WORDS[speaker.kind] : undefined;
  return `${name}${description}${kind ? ` (${kind})` : ''} — ${speaker.outlet || titleHead(speaker.title)}`;
}

/** A source named by its title alone, briefly: the part before a separator ("Coastal Courier: …"), else the title cut short. */
function titleHead(title: string): string {
  const line = title.replace(/\s+/g, ' ').trim();
  return /^(.{2,40}?)(?::\s| [—–|-] )/.exec(line)?.[1] ?? shortTitle(line, 40);
}

/** "Said by: Dmitry Peskov — Reuters; …", each speaker once, or null when no source names anyone. */
export function saidByText(speakers: readonly SourceSpeakerInfo[] | undefined): string | null {
  if (!speakers || speakers.length === 0) return null;
  return `Said by: ${[...new Set(speakers.map(speakerText))].join('; ')}`;
}

/** The words for the changes that make a drift critical. */
export const FLAG_WORDS: Record<string, string> = { number: 'number changed', negation: 'negation changed', name: 'name changed' };

/** A source title short enough for a hover line or a table cell, cut at a word: "Press conference by Foreign Minister…". */
export function shortTitle(title: string, max = 48): string {
  const line = title.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.(–—-]+$/, '')}…`;
}
