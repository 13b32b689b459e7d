// Finds who a draft credits with a quotation by reading the attribution next to it, in the
// forms news writing uses: after the quotation (`,” Peskov said`, `,” said Kremlin spokesman
// Dmitry Peskov`) or before it (`Lavrov said: “`, `According to Kuleba, “`), including a name
// set off by commas (`His spokesman, Dmitry Peskov, said`). The same shapes are read with the
// cue words of German, French, Spanish, Portuguese, Russian and Ukrainian (cueWords.ts), and
// Chinese and Japanese have their own (speakerCjk.ts). Pronouns are not resolved here: a
// quotation credited to "he" has no speaker until src/core/attribution follows it back.

import { capitalMarksNames } from '../language';
import type { Span, Speaker } from '../types';
import { ACCORDING_TO_PATTERN, FOREIGN_ARTICLES, OF_PREPOSITIONS, isGermanNoun, languageOfAccording, languageOfVerb } from './cueWords';
import { cjkSpeaker } from './speakerCjk';
import { isBodyHead, isGroupNoun, isPlaceOrBody, kindOfSubject } from './speakerKind';
import {
  ADVERBS, SPEECH_VERBS, type Token, isCapitalised, isConnector, isInitialism, isNonName,
  isParticle, isPronoun, isTitle, tokensOf,
} from './speakerWords';

// "Said Moreno: “…”" opens a sentence with the verb.
const VERBS = SPEECH_VERBS.flatMap((verb) => [verb, verb.charAt(0).toUpperCase() + verb.slice(1)]).join('|');
const WORD = String.raw`[\p{L}\p{M}\p{N}'’.\-]+`;

// After the closing mark: optional punctuation, a subject of a few words (or none), a verb.
const AFTER_QUOTE = new RegExp(String.raw`^[\s,;:—–-]*((?:${WORD}\s+){0,8}?)(${VERBS})(?![\p{L}\p{M}\p{N}])`, 'u');
// Before the opening mark: a verb, at most six more words, then optionally a colon or comma.
const BEFORE_QUOTE = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])(${VERBS})((?:\s+${WORD}){0,6}?)\s*[:,]?\s*$`, 'u');
// A dash byline after the quotation: "“…” ― Ana Lind" or "— Ilse Brandt, union organiser".
const DASH_BYLINE = /^\s*[―—–]\s*/u;
const SO_NAME = /^\s*,\s*so\s+(?=\p{Lu})/u;
const ACCORDING_TO = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])(${ACCORDING_TO_PATTERN})\s+((?:${WORD}\s+){0,7}?${WORD})\s*,?\s*$`, 'u');

// Attribution phrases are short; looking further than this only finds unrelated words.
const MAX_PHRASE_TOKENS = 12;
const MAX_DESCRIPTORS = 3;
// How far from the quotation marks an attribution is looked for, in characters. It keeps the
// search cheap in very long paragraphs; attributions are always within a sentence of the mark.
const WINDOW = 300;
const VERB_WINDOW = 160;
/**
 * How far before and after a quotation's own blocks `findSpeaker` may look: a few characters
 * after the closing mark tell whether a new sentence starts there, and the characters just
 * before a short quotation's marks whether it ends a sentence.
 */
export const SPEAKER_CONTEXT = 20;

/** Returns the speaker named next to the quotation at `outer` within `block`, or null. */
export function findSpeaker(masked: string, outer: Span, block: Span): Speaker | null {
  return speakerAfter(masked, outer, block) ?? speakerBefore(masked, outer, block) ?? cjkSpeaker(masked, outer, block);
}

function speakerAfter(masked: string, outer: Span, block: Span): Speaker | null {
  const dash = DASH_BYLINE.exec(masked.slice(outer.end, Math.min(block.end, outer.end + 4)));
  if (dash) {
    const named = nameInPhrase(masked, outer.end + dash[0].length, block.end, false);
    if (named && /^\s*(?:[,;(]|$)/u.test(masked.slice(named.span.end, Math.min(block.end, named.span.end + 3)))) return named;
  }
  // German "„…“, so Scholz.": "so" and a name that closes the sentence.
  const so = SO_NAME.exec(masked.slice(outer.end, Math.min(block.end, outer.end + 8)));
  if (so) {
    const named = nameInPhrase(masked, outer.end + so[0].length, block.end, false, 'de');
    if (named && /^\s*(?:[.,;]|$)/u.test(masked.slice(named.span.end, Math.min(block.end, named.span.end + 3)))) return named;
  }
  if (endsSentence(masked, outer) && /^\s*\p{Lu}/u.test(masked.slice(outer.end, outer.end + SPEAKER_CONTEXT))) return null;
  const m = AFTER_QUOTE.exec(masked.slice(outer.end, Math.min(block.end, outer.end + WINDOW)));
  if (!m) return null;
  const verbStart = outer.end + m[0].length - m[2].length;
  const language = languageOfVerb(m[2]);
  // "«…», a déclaré Macron": an auxiliary alone before the verb leaves the subject after it.
  if (m[1].trim() !== '' && !onlyAuxiliaries(m[1])) return nameBeforeVerb(masked, verbStart - m[1].length, verbStart, language);
  return nameInPhrase(masked, verbStart + m[2].length, block.end, true, language);
}

function onlyAuxiliaries(words: string): boolean {
  return words.trim().split(/\s+/u).every((word) => ADVERBS.has(word));
}

/**
 * True when the quotation closes its sentence with a full stop inside the marks. News style puts a
 * comma there when an attribution follows, so a capitalised word after such a quotation starts
 * the next sentence ("…library.” Ahmed added that “…”) and credits the next quotation instead.
 */
function endsSentence(masked: string, outer: Span): boolean {
  if (!/[”"’'»]/u.test(masked.charAt(outer.end - 1))) return false;
  return masked.charAt(outer.end - 2) === '.' && masked.charAt(outer.end - 3) !== '.';
}

function speakerBefore(masked: string, outer: Span, block: Span): Speaker | null {
  const windowStart = Math.max(block.start, outer.start - WINDOW);
  const before = masked.slice(windowStart, outer.start);
  const according = ACCORDING_TO.exec(before);
  if (according) {
    const phraseStart = windowStart + according.index + according[0].indexOf(according[2], according[1].length);
    return nameInPhrase(masked, phraseStart, phraseStart + according[2].length, true, languageOfAccording(according[1]));
  }
  // A verb and six words fit in the last characters; the verbs of every language are not tried
  // at each character of the whole window.
  let verbWindow = Math.max(0, before.length - VERB_WINDOW);
  // Cut at a space, so that the end of a longer word never reads as a verb.
  while (verbWindow > 0 && verbWindow < before.length && !/\s/u.test(before.charAt(verbWindow - 1))) verbWindow++;
  const m = BEFORE_QUOTE.exec(before.slice(verbWindow));
  if (!m) return null;
  const verbStart = windowStart + verbWindow + m.index;
  const language = languageOfVerb(m[1]);
  const subject = nameBeforeVerb(masked, windowStart, verbStart, language);
  if (subject) return subject;
  // "said Lavrov: “" — the name follows the verb and must be all the verb's tail.
  const tailEnd = verbStart + m[1].length + m[2].length;
  const named = nameInPhrase(masked, verbStart + m[1].length, tailEnd, false, language);
  return named && named.span.end === tailEnd ? named : null;
}

/**
 * Reads the subject that ends just before a verb: the capitalised words right before it.
 * `language` is the verb's language where it is not English (see cueWords.ts).
 */
export function nameBeforeVerb(masked: string, from: number, verbStart: number, language?: string): Speaker | null {
  const tokens = tokensOf(masked, Math.max(from, verbStart - WINDOW), verbStart);
  let i = tokens.length - 1;
  // "Lavrov also said", "Peskov had earlier said".
  for (let skipped = 0; i >= 0 && skipped < 2 && ADVERBS.has(tokens[i].text); skipped++) i--;
  if (i < 0 || isPronoun(tokens[i])) return null;
  if (tokens[i].text === ',') return appositiveName(masked, tokens, i, language);
  return runBefore(masked, tokens, i, language);
}

/** The name made of the capitalised words that end at token `last`. */
function runBefore(masked: string, tokens: Token[], last: number, language?: string): Speaker | null {
  let i = last;
  const run: Token[] = [];
  for (; i >= 0; i--) {
    const token = tokens[i];
    const insideName = isParticle(token, tokens[i - 1]) && run.length > 0 && i > 0 && isCapitalised(tokens[i - 1]);
    if (!isCapitalised(token) && !insideName) break;
    run.unshift(token);
  }
  // "Sara Lind of the Bergen Institute said", "Sen. Dale Hutch of Ohio said": the place or body
  // after "of" or "at" qualifies the person before it, who is the subject.
  let j = i;
  if (j >= 0 && tokens[j].text === 'the') j--;
  if (run.length > 0 && j >= 1 && (tokens[j].text === 'of' || tokens[j].text === 'at') && isCapitalised(tokens[j - 1])) {
    const owner = runBefore(masked, tokens, j - 1, language);
    if (owner && owner.kind === 'person') return owner;
  }
  // "Der Sprecher der Regierung sagte", "le ministère des Affaires étrangères a déclaré": a
  // capitalised word after an article or "of" is a noun or a body, not the subject's name.
  if (run.length > 0 && i >= 0 && (FOREIGN_ARTICLES.has(tokens[i].text) || OF_PREPOSITIONS.has(tokens[i].text))) return null;
  return nameOfRun(masked, run, language);
}

// An appositive is short: "Dmitry Kozak, an aide to Putin and a key negotiator on Ukraine, said".
const MAX_APPOSITIVE_TOKENS = 16;

/**
 * Reads a subject set off by commas just before its verb: either the name is the part between
 * the commas ("His spokesman, Dmitry Peskov, said") or it stands before a lower-case
 * description there ("Dmitry Kozak, an aide to Putin, said").
 */
function appositiveName(masked: string, tokens: Token[], comma: number, language?: string): Speaker | null {
  let open = comma - 1;
  while (open >= 0 && comma - open <= MAX_APPOSITIVE_TOKENS && tokens[open].text !== ',') {
    if (!tokens[open].isWord && !/^[’'\-]$/u.test(tokens[open].text)) return null;
    if (SPEECH_VERBS.includes(tokens[open].text)) return null;
    open--;
  }
  if (open < 0 || tokens[open].text !== ',' || open === comma - 1) return null;
  const inner = tokens.slice(open + 1, comma);
  if (inner.every((t, k) => isCapitalised(t) || isParticle(t, inner[k - 1]))) return nameOfRun(masked, inner, language);
  if (/^\p{Lu}/u.test(inner[0].text) && !isNonName(inner[0])) return null;
  return runBefore(masked, tokens, open - 1, language);
}

/**
 * Reads a name from a phrase that follows a verb or "according to": titles and organisations
 * may come first ("Kremlin spokesman Dmitry Peskov", "Secretary of State Antony Blinken"); the
 * name is the first run of capitalised words that is not itself part of a title.
 */
export function nameInPhrase(masked: string, start: number, end: number, allowDescriptors = true, language?: string): Speaker | null {
  const tokens = tokensOf(masked, start, Math.min(end, start + WINDOW)).slice(0, MAX_PHRASE_TOKENS);
  if (tokens.length > 0 && isPronoun(tokens[0])) return null;
  let run: Token[] = [];
  let runStart = 0;
  let seenCapitalised = false;
  let descriptors = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const token: Token | undefined = tokens[i];
    const next: Token | undefined = tokens[i + 1];
    if (token && (isCapitalised(token) || (run.length > 0 && isParticle(token, tokens[i - 1]) && next && isCapitalised(next)))) {
      if (run.length === 0) runStart = i;
      run.push(token);
      continue;
    }
    // A capitalised run followed by a lower-case title ("Kremlin spokesman") qualifies the title.
    const qualifiesTitle = token !== undefined && token.isWord && isTitle(token);
    // "ministro de Exteriores", "porte-parole du Kremlin Dmitri Peskov": the body a title serves.
    const owner = run.length > 0 && runStart > 0 && OF_PREPOSITIONS.has(tokens[runStart - 1].text);
    if (owner) {
      const from = run.findIndex((t) => !isPlaceOrBody(t.text) && !isNonName(t));
      if (from > 0) return nameOfRun(masked, run.slice(from), language);
    } else if (run.length > 0 && !qualifiesTitle) {
      const name = nameOfRun(masked, run, language);
      if (name) return name;
    }
    // A title and the body it serves name no one ("el ministro de Exteriores", "o Presidente da
    // República"); the name may follow after a comma.
    if (run.length > 0 && (owner || run.some(isTitle)) && token?.text === ',' && next && isCapitalised(next)) {
      run = [];
      continue;
    }
    if (run.length > 0) seenCapitalised = true;
    run = [];
    // Before any capitalised word, a few plain descriptors may precede the name ("said
    // stallholder Priya Natarajan"); after one, only titles and joining words may follow.
    const descriptor = allowDescriptors && !seenCapitalised && token !== undefined && /^\p{Ll}+$/u.test(token.text) && ++descriptors <= MAX_DESCRIPTORS;
    const continues = token && token.isWord && (isTitle(token) || isConnector(token) || isParticle(token, tokens[i - 1]) || descriptor);
    if (!continues) break;
  }
  return null;
}

/**
 * Strips titles, sentence openers and leading initialisms from a run of capitalised words. In a
 * language that capitalises every noun, a lone word shaped like a noun ("laut Angaben") is none.
 */
function nameOfRun(masked: string, run: Token[], language?: string, articleBefore = false): Speaker | null {
  let first = 0;
  run.forEach((token, i) => {
    const notLast = i < run.length - 1;
    // "глава МИД России Сергей Лавров": a body or a place before the name says whose title it is.
    const owner = notLast && i === first && first > 0 && isPlaceOrBody(token.text) && isCapitalised(run[i + 1]);
    if (isTitle(token) || isNonName(token) || (isInitialism(token) && notLast) || owner) first = i + 1;
  });
  // "Presidente da República": what follows a title and "of" is the body it serves.
  if (first > 0 && first < run.length && isTitle(run[first - 1]) && OF_PREPOSITIONS.has(run[first].text)) return null;
  while (first < run.length && isParticle(run[first], run[first - 1])) first++;
  const name = run.slice(first);
  // "Officials said", "Critics called": a group noun opening a sentence is no name.
  if (name.length === 0 || (name.length === 1 && isGroupNoun(name[0].text))) return null;
  if (name.length === 1 && first === 0 && !capitalMarksNames(language) && isGermanNoun(name[0].text)) return null;
  const span = { start: name[0].start, end: name[name.length - 1].end };
  // "The Kremlin", "the White House", "Die Bundesregierung": an article before a capitalised
  // name makes it a body.
  // "Der Kreml", "Le Kremlin": a capitalised article opening the run is no part of the name.
  if (first === 0 && name.length > 1 && LEADING_ARTICLES.has(name[0].text) && (GERMAN_ARTICLES.has(name[0].text) || isPlaceOrBody(name[1].text) || isBodyHead(name[name.length - 1].text))) {
    return nameOfRun(masked, name.slice(1), language, true);
  }
  const stripped = run.slice(0, first).map((t) => t.text.toLowerCase());
  const before = masked.slice(Math.max(0, span.start - 5), span.start);
  const leadingArticle = first > 0 && FOREIGN_ARTICLES.has(stripped[first - 1]) && !isInitialism(run[first - 1]);
  const article = articleBefore || stripped.includes('the') || leadingArticle || /(?:^|[^\p{L}])the\s+$/iu.test(before) ? 'the' : '';
  const kind = kindOfSubject(name.map((t) => t.text), article);
  const speaker: Speaker = { name: masked.slice(span.start, span.end).replace(/\s+/g, ' '), span, kind, confident: true };
  const description = kind === 'person' ? titleBefore(masked, span.start) : null;
  if (description) speaker.description = description;
  return speaker;
}

// Articles written capitalised at a sentence start that are also particles of names: taken as
// articles before German nouns, and before bodies and places in the other languages ("Le
// Kremlin"), but not before a surname ("Le Pen", "El Baradei").
const LEADING_ARTICLES = new Set(['Der', 'Das', 'Den', 'Dem', 'Le', 'La', 'El']);
const GERMAN_ARTICLES = new Set(['Der', 'Das', 'Den', 'Dem']);

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady']);

// How far back a title before a name is read ("Secretary of State", "Kremlin spokesman").
const MAX_TITLE_TOKENS = 5;

/**
 * The title written just before a name ("Kremlin spokesman" in "Kremlin spokesman Dmitry
 * Peskov", "Foreign Minister"), for views to show beside the name; null when there is none.
 */
function titleBefore(masked: string, nameStart: number): string | null {
  const tokens = tokensOf(masked, Math.max(0, nameStart - 80), nameStart);
  let first = tokens.length;
  let titled = false;
  for (let i = tokens.length - 1; i >= 0 && tokens.length - i <= MAX_TITLE_TOKENS; i--) {
    const token = tokens[i];
    const joins = (token.text === 'of' || token.text === 'to') && i < tokens.length - 1;
    if (!token.isWord || (!isTitle(token) && !joins && !(isCapitalised(token) && !isNonName(token)))) break;
    if (isTitle(token)) titled = true;
    first = i;
  }
  // The title ends in a title word ("Foreign Minister"), not in a joining word or an organisation.
  if (!titled || first === tokens.length || !isTitle(tokens[tokens.length - 1])) return null;
  // An honorific alone ("Mr.", "Ms") describes no one.
  if (tokens.slice(first).every((t) => HONORIFICS.has(t.text.toLowerCase().replace(/\.$/u, '')))) return null;
  while (first < tokens.length && (tokens[first].text === 'of' || tokens[first].text === 'to')) first++;
  return masked.slice(tokens[first].start, tokens[tokens.length - 1].end).replace(/\s+/g, ' ').replace(/\.$/u, '');
}
