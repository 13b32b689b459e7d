// Recognises the label that opens a speaker's turn in a transcript or a subtitle cue:
// "SPEAKER NAME:", "Speaker Name:", "[00:12:31] Name:", "00:12:31 Name:", "Q:", and the caption
// style ">> SPEAKER NAME:" that marks a change of speaker with chevrons. Kept strict on
// purpose: a sentence that merely contains a colon ("Update: talks resume") must not make an
// ordinary article look like a transcript.

/** A turn label found at the start of a line. */
export interface TurnLabel {
  speaker: string;
  /** The turn's time as HH:MM:SS when the label carries one. */
  timestamp?: string;
  /** Characters of the line taken by the label and the spaces after it. */
  length: number;
}

// An optional time in brackets or bare, then a name of one to four words, then a colon. A name
// word is capitalised or in capitals; joining particles (de, van, al-) may stand between words.
const TIME = String.raw`(?:[\[(](\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[\])]|(\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?))\s*(?:[-–—]\s*)?`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PARTICLE = String.raw`(?:de|da|del|der|van|von|bin|al|el|la|le|di|du)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+){0,2}${NAME_WORD}){0,3}`;
const LABEL = new RegExp(String.raw`^(?:>>[ \t]*)?(?:${TIME})?(${NAME})(?:\s*\([^)\r\n]{1,40}\))?:[ \t]+(?=\S)`, 'u');
const TIME_ONLY = new RegExp(String.raw`^${TIME}(?=\S)`, 'u');

/** Capitalised words that end in a colon in ordinary prose but never name a speaker. */
const NOT_NAMES = new Set([
  'note', 'notes', 'update', 'updated', 'editor', 'correction', 'source', 'sources', 'photo', 'video',
  'related', 'read', 'see', 'watch', 'listen', 'background', 'analysis', 'opinion', 'comment', 'warning',
  'breaking', 'live', 'exclusive', 'explainer', 'factbox', 'timeline', 'key', 'points', 'summary',
  'context', 'why', 'what', 'how', 'when', 'where', 'who', 'this', 'the', 'it', 'in', 'on', 'at', 'and',
  'but', 'for', 'with', 'by', 'from', 'as', 'his', 'her', 'their', 'our', 'my', 'a', 'an', 'yes', 'no',
  'kyiv', 'moscow', 'washington', 'london', 'brussels', 'paris', 'berlin', 'reporting', 'writing', 'editing',
  'additional', 'credit', 'credits', 'tags', 'topics', 'share', 'posted', 'published', 'date', 'time',
  'present', 'absent', 'apologies', 'attendees', 'agenda', 'subject', 're', 'to', 'cc', 'from', 'tel', 'email',
]);

/** Reads a turn label at the start of `line`, or null when the line does not open a turn. */
export function readTurnLabel(line: string): TurnLabel | null {
  const match = LABEL.exec(line);
  if (!match) return null;
  const speaker = match[3].replace(/[.]+$/, '');
  // Q and A are the interviewer and the interviewee; any other lone capital is a list marker.
  if (speaker.length === 1 && speaker !== 'Q' && speaker !== 'A') return null;
  const words = speaker.split(/\s+/);
  if (speaker.length > 1 && words.some((word) => NOT_NAMES.has(word.toLowerCase()))) return null;
  const time = match[1] ?? match[2];
  const label: TurnLabel = { speaker, length: match[0].length };
  if (time) label.timestamp = clockTime(time);
  return label;
}

/** Reads a bare time at the start of a line ("[00:12:31] text"), for turns that name no one. */
export function readTurnTime(line: string): { timestamp: string; length: number } | null {
  const match = TIME_ONLY.exec(line);
  if (!match) return null;
  return { timestamp: clockTime(match[1] ?? match[2]), length: match[0].length };
}

/** Normalises a time ("1:02", "01:02.500", "00:01:02,500") to HH:MM:SS. */
export function clockTime(time: string): string {
  const parts = time.split(/[.,]/)[0].split(':').map((part) => part.padStart(2, '0'));
  while (parts.length < 3) parts.unshift('00');
  return parts.join(':');
}
