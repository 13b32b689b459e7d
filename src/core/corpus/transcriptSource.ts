// Recognises interview and briefing transcripts, where most paragraphs open with the speaker's
// name ("PESKOV: ...", "Dmitry Peskov: ...", "[00:12:31] Peskov: ..."), so that a quote found in
// one is cited with who said it and when. A turn's label and time are metadata, not words anyone
// said: they are cut out of the blocks of matchable prose, so they are never matched, diffed or
// offered in a fix, while `locate` still gives them. Ordinary articles must never be taken for
// transcripts. Every text format is read this way (plain text, Markdown, HTML, PDF, Word);
// subtitle cues carry their labels apart and are read in subtitleSource.

import type { SourceLocation, Span } from '../types';
import { locatorFromMarks, markPairs, type LocationMark } from './locationIndex';
import { readTurnLabel, readTurnTime } from './speakerTurns';
import { blocksWithout, textBlocks, type ParsedSource } from './textSource';

/** Fewer labelled turns than this never make a transcript. */
const MIN_TURNS = 2;

/**
 * Turn-taking: this many labelled paragraphs, by at least two speakers one of whom speaks
 * again, make a transcript even when long answers run over unlabelled paragraphs, as long as
 * they are at least a quarter of all paragraphs.
 */
const MIN_DIALOGUE_TURNS = 4;

/** Returns `locate` for a text whose paragraphs are speaker turns, or null when it is not a transcript. */
export function transcriptLocator(text: string): ((textOffset: number) => SourceLocation) | null {
  const marks = transcriptMarks(text);
  return marks ? locatorFromMarks(marks) : null;
}

/**
 * A line that could open a turn: a name, a capitalised label or a time, then a colon. Every
 * plain-text source is tested, so texts with fewer than two such lines are ruled out by this one
 * scan before the full reading of their lines.
 */
const POSSIBLE_TURN = /^[ \t]*[\[(\p{Lu}\d][^\r\n]{0,100}?:[ \t]/gmu;

function mayBeTranscript(text: string, paragraphs: number): boolean {
  POSSIBLE_TURN.lastIndex = 0;
  return POSSIBLE_TURN.test(text) && (paragraphs === 1 || POSSIBLE_TURN.test(text));
}

/** What a transcript's turns add to its text: where each turn starts, and the labels to leave out of matching. */
export interface TranscriptTurns {
  marks: LocationMark[];
  /** The spans of turn labels and times ("MAYOR: ", "[00:12:31] "), in order. */
  labels: Span[];
}

/** Returns the turn marks of a text whose paragraphs are speaker turns, or null when it is not a transcript. */
export function transcriptMarks(text: string, blocks: Span[] = textBlocks(text)): LocationMark[] | null {
  return readTranscript(text, blocks)?.marks ?? null;
}

/**
 * A parsed source with its transcript turns read: labels cut out of its blocks, and turn
 * locations added to (and merged with) the locations it has, such as a PDF's pages. A source
 * that is not a transcript comes back as it was.
 */
export function withTranscriptTurns(parsed: ParsedSource): ParsedSource {
  // A reader whose locations cannot be merged (none today) keeps them rather than lose them.
  if (parsed.locate && !parsed.mapping?.marks) return parsed;
  const turns = readTranscript(parsed.text, parsed.blocks);
  if (!turns) return parsed;
  const own = parsed.mapping?.marks?.map(([start, location]) => ({ start, location })) ?? [];
  const marks = own.length ? mergeMarks(own, turns.marks) : turns.marks;
  return {
    ...parsed,
    blocks: blocksWithout(parsed.text, parsed.blocks, turns.labels),
    locate: locatorFromMarks(marks),
    mapping: { ...parsed.mapping, marks: markPairs(marks) },
  };
}

/** Both lists of marks as one: from each start on, the latest location of each list holds. */
function mergeMarks(a: LocationMark[], b: LocationMark[]): LocationMark[] {
  const merged: LocationMark[] = [];
  let fromA: SourceLocation = {};
  let fromB: SourceLocation = {};
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    const start = Math.min(a[i]?.start ?? Infinity, b[j]?.start ?? Infinity);
    while (i < a.length && a[i].start === start) fromA = a[i++].location;
    while (j < b.length && b[j].start === start) fromB = b[j++].location;
    merged.push({ start, location: { ...fromA, ...fromB } });
  }
  return merged;
}

/** Reads a text's speaker turns, or returns null when it is not a transcript. */
export function readTranscript(text: string, blocks: Span[] = textBlocks(text)): TranscriptTurns | null {
  if (!mayBeTranscript(text, blocks.length)) return null;
  const lines = nonEmptyLines(text);
  // A block may start on markup blanked out of the text ("**MAYOR:**" in Markdown); its words start after it.
  const paragraphStarts = new Set(blocks.map((block) => firstWordAt(text, block)));
  const marks: LocationMark[] = [];
  const labels: Span[] = [];
  let labelledParagraphs = 0;
  let labelledLines = 0;
  let capitalTurns = 0;
  let speaker: string | undefined;
  const turnsBySpeaker = new Map<string, number>();
  for (const line of lines) {
    const label = readTurnLabel(line.text);
    const opensParagraph = paragraphStarts.has(line.start);
    if (label) {
      labelledLines++;
      if (opensParagraph) labelledParagraphs++;
      if (opensParagraph && !/\p{Ll}/u.test(label.speaker)) capitalTurns++;
      speaker = label.speaker;
      if (opensParagraph) turnsBySpeaker.set(speaker, (turnsBySpeaker.get(speaker) ?? 0) + 1);
      const location: SourceLocation = { speaker };
      if (label.timestamp) location.timestamp = label.timestamp;
      marks.push({ start: line.start, location });
      labels.push({ start: line.start, end: line.start + label.length });
      continue;
    }
    // A timed paragraph without a name ("[00:14:02] And we said no.") goes on with the last speaker.
    const time = opensParagraph ? readTurnTime(line.text) : null;
    if (time) {
      const location: SourceLocation = { timestamp: time.timestamp };
      if (speaker) location.speaker = speaker;
      marks.push({ start: line.start, location });
      labels.push({ start: line.start, end: line.start + time.length });
    }
  }
  // Turns are paragraphs in most transcripts and lines in some; either way they must be most of them.
  const byParagraph = labelledParagraphs >= MIN_TURNS && labelledParagraphs * 2 > paragraphStarts.size;
  const byLine = labelledLines >= MIN_TURNS + 1 && labelledLines * 2 > lines.length;
  const dialogue = labelledParagraphs >= MIN_DIALOGUE_TURNS && labelledParagraphs * 4 >= paragraphStarts.size &&
    turnsBySpeaker.size >= 2 && [...turnsBySpeaker.values()].some((count) => count >= 2);
  // A clipping of one or two turns ("MAYOR: For the first time…") is a transcript when every
  // paragraph opens with a label in capitals, the way transcripts and nothing else write them.
  const clipping = capitalTurns > 0 && capitalTurns === paragraphStarts.size;
  return byParagraph || byLine || dialogue || clipping ? { marks, labels } : null;
}

function firstWordAt(text: string, block: Span): number {
  let at = block.start;
  while (at < block.end && /\s/.test(text.charAt(at))) at++;
  return at;
}

/** The non-blank lines of `text` (ended by CR, LF or CRLF) with the offset of their first non-blank character. */
function nonEmptyLines(text: string): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  for (const match of text.matchAll(/[^\r\n]+/g)) {
    const indent = match[0].search(/\S/);
    if (indent >= 0) lines.push({ text: match[0].slice(indent), start: match.index + indent });
  }
  return lines;
}
