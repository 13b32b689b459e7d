// Reads subtitle files (.srt, .vtt) as transcripts. Each cue's text becomes one line of the
// matched text, consecutive cues of one speaker form a paragraph block so that a quote running
// across cues still matches, and every offset knows its cue's start time and speaker. Offsets
// map back to the cue text in the file, so an editor can open the subtitle file at the line.

import type { SourceLocation, Span } from '../types';
import { locatorFromMarks, markPairs, type LocationMark } from './locationIndex';
import { OffsetMapBuilder } from './offsetMap';
import { readTurnLabel } from './speakerTurns';
import type { ParsedSource } from './textSource';

/** A cue timing line: start, arrow, end, then optional VTT cue settings. */
const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

/** A pause between cues this long (in seconds) starts a new paragraph. */
const PARAGRAPH_PAUSE = 8;

/** One cue's text, stripped of markup, with where each kept character stands in the file. */
interface Cue {
  start: number;
  end: number;
  speaker: string | null;
  /** Pieces of cue text and their file offsets, in order. */
  pieces: Piece[];
}

/** Reads an .srt or .vtt file's cues into text with timestamps and speakers. */
export function parseSubtitleSource(file: string): ParsedSource {
  const cues = readCues(file);
  const offsets = new OffsetMapBuilder();
  const marks: LocationMark[] = [];
  const blocks: Span[] = [];
  let text = '';
  let blockStart = -1;
  let speaker: string | null = null;
  let previousEnd = -Infinity;
  for (const cue of cues) {
    // A cue without a label goes on with the speaker of the cue before it.
    const newSpeaker = cue.speaker !== null && cue.speaker !== speaker;
    if (cue.speaker !== null) speaker = cue.speaker;
    if (blockStart >= 0 && (newSpeaker || cue.start - previousEnd >= PARAGRAPH_PAUSE)) {
      blocks.push({ start: blockStart, end: text.length });
      blockStart = -1;
    }
    if (text) text += blockStart < 0 ? '\n\n' : '\n';
    if (blockStart < 0) blockStart = text.length;
    const location: SourceLocation = { timestamp: secondsToClock(cue.start) };
    if (speaker) location.speaker = speaker;
    marks.push({ start: text.length, location });
    for (const piece of cue.pieces) {
      offsets.add(text.length, piece.text.length, piece.fileStart, piece.fileLength);
      text += piece.text;
    }
    previousEnd = cue.end;
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: text.length });
  return {
    text, blocks, title: vttTitle(file), meta: {},
    fileOffset: offsets.build(),
    locate: locatorFromMarks(marks),
    mapping: { runs: offsets.runs(), marks: markPairs(marks) },
  };
}

/** The title a WebVTT file may give after its header ("WEBVTT - Briefing, 27 January"), or null. */
function vttTitle(file: string): string | null {
  const header = /^\uFEFF?WEBVTT[ \t]+(?:-[ \t]*)?([^\r\n]+)/.exec(file);
  return header ? header[1].trim() || null : null;
}

/** Splits the file into cues, skipping the WEBVTT header, notes, styles and regions. */
function readCues(file: string): Cue[] {
  const cues: Cue[] = [];
  const lines = [...file.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)]
    .filter((m) => m[0] !== '' || m.index < file.length)
    .map((m) => ({ text: m[0].replace(/[\r\n]+$/, ''), start: m.index }));
  let current: Cue | null = null;
  lines.forEach((line, index) => {
    if (!line.text.trim()) { current = null; return; }
    const timing = TIMING.exec(line.text);
    // An SRT cue number right before a timing line is a header even without a blank line above.
    if (/^\s*\d+\s*$/.test(line.text) && TIMING.test(lines[index + 1]?.text ?? '')) { current = null; return; }
    if (timing) {
      current = { start: seconds(timing[1]), end: seconds(timing[2]), speaker: null, pieces: [] };
      cues.push(current);
    } else if (current) {
      addCueLine(current, line.text, line.start);
    }
  });
  return cues.filter((cue) => cue.pieces.length > 0);
}

/** Adds one line of cue text: voice tags name the speaker, other tags are dropped. */
function addCueLine(cue: Cue, line: string, lineStart: number): void {
  // Dialogue dashes, caption chevrons (">>"), a voice tag and a leading "NAME:" belong to the
  // subtitle layout, not to the words, in whichever order they come.
  let position = (/^\s*(?:(?:-|>>)\s*)?/.exec(line) as RegExpExecArray)[0].length;
  const voice = /^<v(?:\.[^\s>]+)*\s+([^>]+)>\s*/.exec(line.slice(position));
  if (voice) {
    cue.speaker = voice[1].trim();
    position += voice[0].length;
    position += (/^(?:-\s*)?/.exec(line.slice(position)) as RegExpExecArray)[0].length;
  }
  const label = readTurnLabel(line.slice(position));
  if (label) {
    cue.speaker = label.speaker;
    position += label.length;
  }
  const pieces: Piece[] = [];
  const markup = /<[^>]*>|&(?:amp|lt|gt|nbsp|lrm|rlm);/g;
  markup.lastIndex = position;
  for (let match = markup.exec(line); ; match = markup.exec(line)) {
    const end = match ? match.index : line.length;
    if (end > position) pieces.push({ text: line.slice(position, end), fileStart: lineStart + position, fileLength: end - position });
    if (!match) break;
    const entity = ENTITIES[match[0]];
    if (entity) pieces.push({ text: entity, fileStart: lineStart + match.index, fileLength: match[0].length });
    position = match.index + match[0].length;
  }
  const words = pieces.filter((piece) => piece.text.trim());
  if (words.length === 0) return;
  // Lines of one cue are joined by a space that stands for the line break before them.
  if (cue.pieces.length > 0) cue.pieces.push({ text: ' ', fileStart: lineStart - 1, fileLength: 1 });
  trimPieces(pieces);
  cue.pieces.push(...pieces);
}

/**
 * A stretch of a cue's text and where it stands in the file. A decoded entity ("&amp;" → "&")
 * is longer in the file than in the text, so each piece keeps its own file length.
 */
interface Piece {
  text: string;
  fileStart: number;
  fileLength: number;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': ' ', '&lrm;': '', '&rlm;': '' };

/** Drops the whitespace at both ends of a line's pieces, keeping their file offsets right. */
function trimPieces(pieces: Piece[]): void {
  while (pieces.length > 0 && !pieces[0].text.trim()) pieces.shift();
  while (pieces.length > 0 && !pieces[pieces.length - 1].text.trim()) pieces.pop();
  const first = pieces[0];
  const lead = first.text.length - first.text.trimStart().length;
  first.text = first.text.slice(lead);
  first.fileStart += lead;
  first.fileLength -= lead;
  const last = pieces[pieces.length - 1];
  const trail = last.text.length - last.text.trimEnd().length;
  last.text = last.text.slice(0, last.text.length - trail);
  last.fileLength -= trail;
}

function seconds(time: string): number {
  const [clock, fraction = '0'] = time.split(/[.,]/);
  const parts = clock.split(':').map(Number);
  while (parts.length < 3) parts.unshift(0);
  return parts[0] * 3600 + parts[1] * 60 + parts[2] + Number(`0.${fraction}`);
}

function secondsToClock(total: number): string {
  const whole = Math.floor(total);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}
