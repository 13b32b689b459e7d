// What one block (a paragraph) of a draft says about people: its clauses of saying, its titled
// names and the people it names in full, read once per block text and remembered across checks,
// for resolveSpeakers.ts.

import { ownCopy } from '../extract/chunkedProse';
import { LruMap } from '../lruMap';
import type { Span } from '../types';
import { type Clause, type Mention, clausesOf, titledNames } from './clauses';
import { foldName, nameWords } from './sameSpeaker';

/** What one block says about people, with offsets relative to the block's start. */
export interface BlockReading {
  clauses: Clause[];
  titled: Mention[];
  /** The people the block names in full, from its titled names and from its named speakers (see `knownPeople`). */
  people?: { titled: NamedPerson[]; speakers: NamedPerson[] };
}

// Readings are remembered by the block's text: a writer's edit changes one paragraph, and the
// others, read again on every check, would otherwise cost most of the re-check. Clauses and
// titled names depend only on the block's own characters, so the text is the whole key.
const MIN_READINGS = 1_000;
const READINGS = new LruMap<string, BlockReading>(400_000);

/**
 * Keeps room for the readings of the open drafts, `draftBlocks` blocks together, and a quarter
 * more for the versions of the blocks being edited: a long draft's check never pushes out its own
 * first blocks before reading its last, and the thousands of older versions a day of typing
 * leaves are not kept.
 */
export function fitSpeakerReadings(draftBlocks: number): void {
  READINGS.trim(Math.max(MIN_READINGS, Math.ceil(1.25 * draftBlocks) + 256));
}

/** The reading of one block, with offsets relative to its start. */
export function blockReading(narrative: string, block: Span): BlockReading {
  let text = narrative.slice(block.start, block.end);
  let reading = READINGS.get(text);
  if (!reading) {
    // Read from a copy: a slice, and every name cut from it, would keep this version of the draft alive.
    text = ownCopy(text);
    const whole = { start: 0, end: text.length };
    reading = { clauses: clausesOf(text, whole), titled: titledNames(text, whole) };
    READINGS.set(text, reading);
  }
  return reading;
}

export function readBlock(narrative: string, block: Span): BlockReading {
  return shiftReading(blockReading(narrative, block), block.start);
}

/** A person named in full, for `knownPeople`: the folded surname, the name and how many words each has. */
export interface NamedPerson {
  key: string;
  name: string;
  /** Words of the name as written. */
  words: number;
  /** Words of `name` read again, as `knownPeople` counts a name it has kept. */
  keptWords: number;
}

/** The people a block names in full (titled names, then named speakers), worked out once per reading. */
export function blockPeople(reading: BlockReading): { titled: NamedPerson[]; speakers: NamedPerson[] } {
  return (reading.people ??= { titled: namedPeople(reading.titled), speakers: namedPeople(namedSpeakers(reading.clauses)) });
}

function namedPeople(mentions: Mention[]): NamedPerson[] {
  const people: NamedPerson[] = [];
  for (const mention of mentions) {
    const words = nameWords(mention.name);
    if (words.length < 2) continue;
    const name = words.join(' ');
    people.push({ key: foldName(words[words.length - 1]), name, words: words.length, keptWords: nameWords(name).length });
  }
  return people;
}

/** The people named as the subject of a speech verb. */
export function namedSpeakers(clauses: Clause[]): Mention[] {
  return clauses.filter((c) => c.subject === 'name' && c.kind === 'person').map((c) => ({ name: c.text, span: c.span }));
}

/** Adds one block's people to the whole text's as `knownPeople` does: for each surname, the first of the names with the most words. */
export function addPeople(people: Map<string, NamedPerson>, named: NamedPerson[]): void {
  for (const person of named) {
    const seen = people.get(person.key);
    if (!seen || seen.keptWords < person.words) people.set(person.key, person);
  }
}

function shiftReading(reading: BlockReading, by: number): BlockReading {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  return {
    clauses: reading.clauses.map((c) => ({ ...c, verb: shift(c.verb), span: shift(c.span) })),
    titled: reading.titled.map((m) => ({ ...m, span: shift(m.span) })),
  };
}
