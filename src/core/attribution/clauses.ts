// Reads the narrative for who speaks and who is named: attribution clauses (a verb of saying
// with its subject: a name, a pronoun or a description such as "the top Kremlin diplomat"),
// and mentions of people that a later "he" or "she" can refer back to.

import { nameBeforeVerb, nameInPhrase } from '../extract/speaker';
import {
  ADVERBS, SPEECH_VERBS, type Token, isCapitalised, isInitialism, isNonName, isParticle, isTitle, tokensOf,
} from '../extract/speakerWords';
import { ACCORDING_TO_FORMS, ACCORDING_TO_PATTERN, ACCORDING_TO_PRONOUN_PATTERN, PERSON_PRONOUNS, dropsPronoun, languageOfAccording, languageOfVerb } from '../extract/cueWords';
import { isBodyHead, kindOfSubject } from '../extract/speakerKind';
import type { Span, SpeakerKind } from '../types';
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
  /** What the subject is: a body ("the White House said", "NATO said"), a person, or unknown (a description). */
  kind: SpeakerKind;
  /** False for bodies and for descriptions whose head is no person ("the letter"). */
  person: boolean;
}

/** A person named in the narrative, whom a later pronoun may refer to. */
export interface Mention {
  name: string;
  span: Span;
}

// One pass over the words of a block finds every cue: a verb of saying, or the first word of an
// "according to" form, whose whole form is then tested where it stands. A pass over the words
// costs the same however many verbs the languages bring, where one regular expression of all of
// them would try each at every character.
const WORD = /[\p{L}\p{M}]+/gu;
const VERB_WORDS = new Set(SPEECH_VERBS);
const ACCORDING_FIRST_WORDS = new Set(ACCORDING_TO_FORMS.flatMap((form) => {
  const first = /^[\p{L}\p{M}]+/u.exec(form)![0];
  return [first, first.charAt(0).toUpperCase() + first.slice(1)];
}));
const ACCORDING_TO_AT = new RegExp(String.raw`(?:${ACCORDING_TO_PATTERN})\s+`, 'uy');
const ACCORDING_TO_PRONOUN_AT = new RegExp(String.raw`(?:${ACCORDING_TO_PRONOUN_PATTERN})(?![\p{L}\p{M}\p{N}])`, 'uy');
const DIGIT = /\p{N}/u;

/** True when the character at `i` is a digit in any script; ASCII is told without a regular expression. */
function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return DIGIT.test(text.charAt(i));
}

/** True for the codes of ’ ' and -, after which a word is part of a longer one ("co-said", "dit-il"). */
function joinsWord(code: number): boolean {
  return code === 0x2019 || code === 0x27 || code === 0x2d;
}
const SUBJECT_PRONOUNS = new Set(PERSON_PRONOUNS);
// A pronoun after its verb: "sagte er", "dit-il", "заявил он", "— сказала вона".
const INVERTED_PRONOUN = new RegExp(String.raw`^(?:-t)?-(il|elle)(?![\p{L}])|^\s+(${PERSON_PRONOUNS.filter((p) => p !== 'he' && p !== 'she').join('|')})(?![\p{L}\p{M}\p{N}])`, 'u');
// What may follow a verb that stands without a subject ("«…», dijo."): the clause ends there.
const CLAUSE_END = /^\s*(?:[.,;:!?)—–]|$)/u;
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'one', 'our']);
const MAX_DESCRIPTION_TOKENS = 6;

/** Finds every attribution clause of one block's narrative, in order. */
export function clausesOf(narrative: string, block: Span): Clause[] {
  const clauses: Clause[] = [];
  const text = narrative.slice(block.start, block.end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    const at = m.index;
    if ((at > 0 && isDigitAt(text, at - 1)) || isDigitAt(text, at + word.length)) continue;
    if (VERB_WORDS.has(word) && !joinsWord(text.charCodeAt(at - 1))) {
      clauses.push(clauseAt(narrative, block, { start: block.start + at, end: block.start + at + word.length }));
      continue;
    }
    if (!ACCORDING_FIRST_WORDS.has(word)) continue;
    ACCORDING_TO_PRONOUN_AT.lastIndex = at;
    const pronoun = ACCORDING_TO_PRONOUN_AT.exec(text);
    if (pronoun) {
      // "По его словам", "selon lui": a pronoun in place of the name.
      const span = { start: block.start + at, end: block.start + at + pronoun[0].length };
      clauses.push({ verb: span, subject: 'pronoun', text: pronoun[0], span, kind: 'unknown', person: true });
      continue;
    }
    ACCORDING_TO_AT.lastIndex = at;
    const according = ACCORDING_TO_AT.exec(text);
    if (!according) continue;
    const start = block.start + at;
    const named = nameInPhrase(narrative, start + according[0].length, block.end, true, languageOfAccording(according[0]));
    if (named) clauses.push({ verb: { start, end: start + according[0].length }, subject: 'name', text: named.name, span: named.span, kind: named.kind, person: named.kind === 'person' });
  }
  return clauses.sort((a, b) => a.verb.start - b.verb.start);
}

function clauseAt(narrative: string, block: Span, verb: Span): Clause {
  const language = languageOfVerb(narrative.slice(verb.start, verb.end));
  const named = nameBeforeVerb(narrative, block.start, verb.start, language);
  if (named) return { verb, subject: 'name', text: named.name, span: named.span, kind: named.kind, person: named.kind === 'person' };
  const before = tokensOf(narrative, Math.max(block.start, verb.start - 120), verb.start);
  let i = before.length - 1;
  for (let skipped = 0; i >= 0 && skipped < 2 && ADVERBS.has(before[i].text); skipped++) i--;
  // "Interfax quoted Ushakov as saying": the person quoted is the one saying.
  if (i >= 1 && before[i].text === 'as' && narrative.slice(verb.start, verb.end) === 'saying') {
    const quoted = nameBeforeVerb(narrative, block.start, before[i].start);
    if (quoted) return { verb, subject: 'name', text: quoted.name, span: quoted.span, kind: quoted.kind, person: quoted.kind === 'person' };
  }
  if (i >= 0 && SUBJECT_PRONOUNS.has(before[i].text.toLowerCase())) {
    return { verb, subject: 'pronoun', text: before[i].text, span: { start: before[i].start, end: before[i].end }, kind: 'unknown', person: true };
  }
  // "a-t-il déclaré", "sagte er", "dit-il": the pronoun stands inside or after the verb.
  const inverted = i >= 0 ? /-(il|elle)$/u.exec(before[i].text) : null;
  if (inverted) {
    const start = before[i].end - inverted[1].length;
    return { verb, subject: 'pronoun', text: inverted[1], span: { start, end: before[i].end }, kind: 'unknown', person: true };
  }
  const following = INVERTED_PRONOUN.exec(narrative.slice(verb.end, Math.min(block.end, verb.end + 12)));
  if (following) {
    const pronoun = following[1] ?? following[2];
    const start = verb.end + following[0].length - pronoun.length;
    return { verb, subject: 'pronoun', text: pronoun, span: { start, end: start + pronoun.length }, kind: 'unknown', person: true };
  }
  // "«…», dijo.": Spanish and Portuguese leave the pronoun out; the verb stands for it.
  const afterVerb = narrative.slice(verb.end, Math.min(block.end, verb.end + 3));
  if (dropsPronoun(narrative.slice(verb.start, verb.end)) && CLAUSE_END.test(afterVerb) && (i < 0 || !before[i].isWord)) {
    return { verb, subject: 'pronoun', text: narrative.slice(verb.start, verb.end), span: verb, kind: 'unknown', person: true };
  }
  const description = descriptionEndingAt(before, i, Math.max(block.start, verb.start - 120) === block.start);
  if (description) {
    const words = tokensOf(narrative, description.start, description.end).filter((t) => t.isWord).map((t) => t.text);
    const article = DETERMINERS.has(words[0]?.toLowerCase() ?? '') ? words.shift()!.toLowerCase() : '';
    const kind = kindOfSubject(words, article);
    return { verb, subject: 'description', text: narrative.slice(description.start, description.end), span: description, kind, person: kind !== 'body' && isTitle(before[i]) };
  }
  // "…,” said Kremlin spokesman Dmitry Peskov." — a name after the verb must close its clause.
  const after = nameInPhrase(narrative, verb.end, block.end, false, language);
  if (after && closesClause(narrative, after.span.end, block.end)) {
    return { verb, subject: 'name', text: after.name, span: after.span, kind: after.kind, person: after.kind === 'person' };
  }
  return { verb, subject: 'none', text: '', span: verb, kind: 'unknown', person: false };
}

/**
 * A description ending at token `last`: "the top Kremlin diplomat", "a spokeswoman", "the law
 * firm", "police", "Sources close to the minister". It runs back to its article, or over a
 * plural or body noun standing alone; a prepositional phrase ("close to the minister") belongs
 * to the noun before it.
 */
function descriptionEndingAt(tokens: Token[], last: number, fromBlockStart: boolean): Span | null {
  if (last < 0 || !tokens[last].isWord || !/^\p{L}/u.test(tokens[last].text)) return null;
  const head = tokens[last];
  const headLower = head.text.toLowerCase();
  for (let i = last - 1; i >= 0 && last - i < MAX_DESCRIPTION_TOKENS; i--) {
    const token = tokens[i];
    if (!token.isWord) break;
    const lower = token.text.toLowerCase();
    if (DETERMINERS.has(lower)) {
      if (i > 0 && PREPOSITIONS.has(tokens[i - 1].text.toLowerCase())) continue;
      return { start: token.start, end: head.end };
    }
  }
  // Without an article: a group or body ("police said", "Officials told") or a noun with a
  // prepositional phrase ("Sources close to the minister said").
  let start = last;
  while (start > 0 && last - start < MAX_DESCRIPTION_TOKENS && tokens[start - 1].isWord && !/^\p{Lu}/u.test(tokens[start].text)) start--;
  const first = tokens[start];
  const opensSentence = start === 0 ? fromBlockStart : /^[.!?;:”"]$/u.test(tokens[start - 1].text);
  if (!opensSentence) return null;
  const bare = isBodyHead(headLower) || UNNAMED_GROUPS.has(headLower) || UNNAMED_GROUPS.has(first.text.toLowerCase());
  return bare && first.isWord && !isTitle(first) ? { start: first.start, end: head.end } : null;
}

const PREPOSITIONS = new Set(['to', 'of', 'for', 'with', 'at', 'in', 'from', 'by', 'near', 'inside']);
// Groups of unnamed people that stand as subjects without an article.
// "Critics" is left out: critics calling a thing a name are no speakers of a statement.
const UNNAMED_GROUPS = new Set(['officials', 'sources', 'police', 'witnesses', 'residents', 'protesters', 'analysts', 'diplomats', 'aides']);

function closesClause(text: string, end: number, blockEnd: number): boolean {
  const rest = text.slice(end, Math.min(blockEnd, end + 3));
  return rest.trim() === '' || /^\s*[,.;:!?—–)]/u.test(rest);
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
    for (; j < tokens.length && (isCapitalised(tokens[j]) || (run.length > 0 && isParticle(tokens[j], tokens[j - 1]))); j++) run.push(tokens[j]);
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

/** Occurrences in one span of the surnames of known people ("Putin alone will decide"). */
export function knownSurnames(narrative: string, span: Span, people: Map<string, string>): Mention[] {
  const found: Mention[] = [];
  for (const token of tokensOf(narrative, span.start, span.end)) {
    if (!isCapitalised(token) || isNonName(token)) continue;
    const word = token.text.replace(/[’']s$/u, '');
    if (people.has(foldName(word))) found.push({ name: word, span: { start: token.start, end: token.start + word.length } });
  }
  return found;
}
