// Reads the narrative for who speaks and who is named: attribution clauses (a verb of saying
// with its subject: a name, a pronoun or a description such as "the top Kremlin diplomat"),
// and mentions of people that a later "he" or "she" can refer back to.

import { nameBeforeVerb, nameInPhrase } from '../extract/speaker';
import {
  ADVERBS, SPEECH_VERBS, type Token, isCapitalised, isInitialism, isNonName, isParticle, isTitle, tokensOf,
} from '../extract/speakerWords';
import type { Span } from '../types';
import { foldName, nameWords } from './sameSpeaker';

/** What stands as the subject of a verb of saying. */
export type ClauseSubject = 'name' | 'pronoun' | 'description' | 'none';

/** A verb of saying in the narrative and whom it credits. */
export interface Clause {
  verb: Span;
  subject: ClauseSubject;
  /** The name, pronoun or description as written ('' when the verb has no subject of its own). */
  text: string;
  span: Span;
  /** False for institutions ("the White House said") and initialisms ("NATO said"). */
  person: boolean;
}

/** A person named in the narrative, whom a later pronoun may refer to. */
export interface Mention {
  name: string;
  span: Span;
}

const VERB = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}’'-])(?:${SPEECH_VERBS.join('|')})(?![\p{L}\p{M}\p{N}])`, 'gu');
const ACCORDING_TO = /(?<![\p{L}\p{M}\p{N}])according to\s+/giu;
const SUBJECT_PRONOUNS = new Set(['he', 'she']);
const DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their']);
const MAX_DESCRIPTION_TOKENS = 6;

/** Finds every attribution clause of one block's narrative, in order. */
export function clausesOf(narrative: string, block: Span): Clause[] {
  const clauses: Clause[] = [];
  const text = narrative.slice(block.start, block.end);
  VERB.lastIndex = 0;
  for (let m = VERB.exec(text); m; m = VERB.exec(text)) {
    const verb = { start: block.start + m.index, end: block.start + m.index + m[0].length };
    clauses.push(clauseAt(narrative, block, verb));
  }
  ACCORDING_TO.lastIndex = 0;
  for (let m = ACCORDING_TO.exec(text); m; m = ACCORDING_TO.exec(text)) {
    const at = block.start + m.index;
    const named = nameInPhrase(narrative, at + m[0].length, block.end);
    if (named) clauses.push({ verb: { start: at, end: at + m[0].length }, subject: 'name', text: named.name, span: named.span, person: isPerson(narrative, block, named.span) });
  }
  return clauses.sort((a, b) => a.verb.start - b.verb.start);
}

function clauseAt(narrative: string, block: Span, verb: Span): Clause {
  const named = nameBeforeVerb(narrative, block.start, verb.start);
  if (named) return { verb, subject: 'name', text: named.name, span: named.span, person: isPerson(narrative, block, named.span) };
  const before = tokensOf(narrative, Math.max(block.start, verb.start - 120), verb.start);
  let i = before.length - 1;
  for (let skipped = 0; i >= 0 && skipped < 2 && ADVERBS.has(before[i].text); skipped++) i--;
  if (i >= 0 && SUBJECT_PRONOUNS.has(before[i].text.toLowerCase())) {
    return { verb, subject: 'pronoun', text: before[i].text, span: { start: before[i].start, end: before[i].end }, person: true };
  }
  const description = descriptionEndingAt(before, i);
  if (description) return { verb, subject: 'description', text: narrative.slice(description.start, description.end), span: description, person: true };
  // "…,” said Kremlin spokesman Dmitry Peskov." — a name after the verb must close its clause.
  const after = nameInPhrase(narrative, verb.end, block.end, false);
  if (after && closesClause(narrative, after.span.end, block.end)) {
    return { verb, subject: 'name', text: after.name, span: after.span, person: isPerson(narrative, block, after.span) };
  }
  return { verb, subject: 'none', text: '', span: verb, person: false };
}

/** A definite description ending at token `last`: "the top Kremlin diplomat", "the minister". */
function descriptionEndingAt(tokens: Token[], last: number): Span | null {
  if (last < 0 || !isTitle(tokens[last])) return null;
  for (let i = last - 1; i >= 0 && last - i < MAX_DESCRIPTION_TOKENS; i--) {
    const token = tokens[i];
    if (!token.isWord) return null;
    if (DETERMINERS.has(token.text.toLowerCase())) return { start: token.start, end: tokens[last].end };
  }
  return null;
}

function closesClause(text: string, end: number, blockEnd: number): boolean {
  const rest = text.slice(end, Math.min(blockEnd, end + 3));
  return rest.trim() === '' || /^\s*[,.;:!?—–)]/u.test(rest);
}

/** Institutions come with an article ("the Kremlin"); initialisms name organisations. */
function isPerson(text: string, block: Span, span: Span): boolean {
  const before = tokensOf(text, Math.max(block.start, span.start - 12), span.start);
  const previous = before[before.length - 1];
  if (previous && previous.text.toLowerCase() === 'the') return false;
  const words = tokensOf(text, span.start, span.end);
  return !words.every((w) => isInitialism(w));
}

/**
 * Finds the people named in one block's narrative: names after a title ("President Vladimir
 * Putin", "spokesman Dmitry Peskov") and later surnames of people already named in full.
 */
export function titledNames(narrative: string, block: Span): Mention[] {
  const tokens = tokensOf(narrative, block.start, block.end);
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isTitle(tokens[i])) continue;
    let j = i + 1;
    while (j < tokens.length && (isTitle(tokens[j]) || (tokens[j].text === 'of' && j + 1 < tokens.length && isCapitalised(tokens[j + 1])))) j++;
    // An appositive names the person after a comma: "the union's secretary, Tomas Brandt, was blunt".
    if (j + 1 < tokens.length && tokens[j].text === ',' && isCapitalised(tokens[j + 1])) j++;
    const run: Token[] = [];
    for (; j < tokens.length && (isCapitalised(tokens[j]) || (run.length > 0 && isParticle(tokens[j]))); j++) run.push(tokens[j]);
    while (run.length > 0 && (isNonName(run[0]) || isInitialism(run[0]) || isTitle(run[0]))) run.shift();
    if (run.length === 0 || isTitle(run[run.length - 1])) continue;
    const span = { start: run[0].start, end: run[run.length - 1].end };
    found.push({ name: narrative.slice(span.start, span.end).replace(/\s+/g, ' '), span });
    i = j - 1;
  }
  return found;
}

/** The folded surnames of people named with at least two words, mapped to the fullest name seen. */
export function knownPeople(mentions: Mention[]): Map<string, string> {
  const people = new Map<string, string>();
  for (const mention of mentions) {
    const words = nameWords(mention.name);
    if (words.length < 2) continue;
    const key = foldName(words[words.length - 1]);
    const seen = people.get(key);
    if (!seen || nameWords(seen).length < words.length) people.set(key, words.join(' '));
  }
  return people;
}

/** Occurrences in one block of the surnames of known people ("Putin alone will decide"). */
export function knownSurnames(narrative: string, block: Span, people: Map<string, string>): Mention[] {
  const found: Mention[] = [];
  for (const token of tokensOf(narrative, block.start, block.end)) {
    if (!isCapitalised(token) || isNonName(token)) continue;
    const word = token.text.replace(/[’']s$/u, '');
    if (people.has(foldName(word))) found.push({ name: word, span: { start: token.start, end: token.start + word.length } });
  }
  return found;
}
