// Recognises plain-text interview and briefing transcripts, where most paragraphs open with
// the speaker's name ("PESKOV: ...", "Dmitry Peskov: ...", "[00:12:31] Peskov: ..."), so that a
// quote found in one is cited with who said it and when. The text itself is matched as it
// stands; only the locations are added. Ordinary articles must never be taken for transcripts.

import type { SourceLocation, Span } from '../types';
import { locatorFromMarks, type LocationMark } from './locationIndex';
import { readTurnLabel, readTurnTime } from './speakerTurns';
import { textBlocks } from './textSource';

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
const POSSIBLE_TURN = /^[ \t]*[\[(\p{Lu}\d][^\n]{0,100}?:[ \t]/gmu;

function mayBeTranscript(text: string): boolean {
  POSSIBLE_TURN.lastIndex = 0;
  return POSSIBLE_TURN.test(text) && POSSIBLE_TURN.test(text);
}

/** Returns the turn marks of a text whose paragraphs are speaker turns, or null when it is not a transcript. */
export function transcriptMarks(text: string, blocks: Span[] = textBlocks(text)): LocationMark[] | null {
  if (!mayBeTranscript(text)) return null;
  const lines = nonEmptyLines(text);
  const paragraphStarts = new Set(blocks.map((block) => block.start));
  const marks: LocationMark[] = [];
  let labelledParagraphs = 0;
  let labelledLines = 0;
  let speaker: string | undefined;
  const turnsBySpeaker = new Map<string, number>();
  for (const line of lines) {
    const label = readTurnLabel(line.text);
    const opensParagraph = paragraphStarts.has(line.start);
    if (label) {
      labelledLines++;
      if (opensParagraph) labelledParagraphs++;
      speaker = label.speaker;
      if (opensParagraph) turnsBySpeaker.set(speaker, (turnsBySpeaker.get(speaker) ?? 0) + 1);
      const location: SourceLocation = { speaker };
      if (label.timestamp) location.timestamp = label.timestamp;
      marks.push({ start: line.start, location });
      continue;
    }
    // A timed paragraph without a name ("[00:14:02] And we said no.") goes on with the last speaker.
    const time = opensParagraph ? readTurnTime(line.text) : null;
    if (time) {
      const location: SourceLocation = { timestamp: time.timestamp };
      if (speaker) location.speaker = speaker;
      marks.push({ start: line.start, location });
    }
  }
  // Turns are paragraphs in most transcripts and lines in some; either way they must be most of them.
  const byParagraph = labelledParagraphs >= MIN_TURNS && labelledParagraphs * 2 > paragraphStarts.size;
  const byLine = labelledLines >= MIN_TURNS + 1 && labelledLines * 2 > lines.length;
  const dialogue = labelledParagraphs >= MIN_DIALOGUE_TURNS && labelledParagraphs * 4 >= paragraphStarts.size &&
    turnsBySpeaker.size >= 2 && [...turnsBySpeaker.values()].some((count) => count >= 2);
  return byParagraph || byLine || dialogue ? marks : null;
}

/** The non-blank lines of `text` with the offset of their first non-blank character. */
function nonEmptyLines(text: string): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    const indent = match[0].search(/\S/);
    if (indent >= 0) lines.push({ text: match[0].slice(indent).replace(/\r$/, ''), start: match.index + indent });
  }
  return lines;
}
