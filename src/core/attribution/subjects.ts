// The subject of a sentence of narrative, read the way a reader finds who a sentence is about:
// past an opening adverbial ("On Thursday,", "Standing at the gate,"), through the title before a
// name ("Health secretary Omar Lindqvist"), through an appositive ("Their leader, Abena Owusu,")
// and past a relative clause ("The premier, who met the chancellor later in the day, …"), which
// never replaces the subject. A pronoun later refers to the subject of the nearest earlier
// sentence that is a person; a capitalised word elsewhere in a sentence is no subject.

import { PERSON_PRONOUNS, isGermanNoun } from '../extract/cueWords';
import { isPlaceOrBody, kindOfSubject } from '../extract/speakerKind';
import { capitalMarksNames, languageAround } from '../language';
import { SPEECH_VERBS, type Token, isCapitalised, isNonName, isParticle, isPronoun, isTitle, tokensOf } from '../extract/speakerWords';
import type { Span, SpeakerKind } from '../types';

/** What a sentence's subject is, as far as crediting quotes goes. */
export interface Subject {
  /** The name ("Omar Lindqvist") or description ("the premier") as written. */
  name: string;
  span: Span;
  kind: SpeakerKind;
  /** 'name' for a name, 'pronoun' for he/she, 'description' for a phrase with an article. */
  form: 'name' | 'pronoun' | 'description';
  /** For a description: true when its head is a person ("the minister"), false for things and groups. */
  personal: boolean;
}

// Words that open a sentence with an adverbial phrase that ends at a comma.
const OPENERS = new Set([
  'in', 'on', 'at', 'after', 'before', 'during', 'since', 'with', 'for', 'from', 'under', 'despite',
  'following', 'outside', 'inside', 'across', 'over', 'earlier', 'later', 'last', 'asked', 'speaking',
  'standing', 'writing', 'addressing', 'as', 'when', 'while', 'although', 'though', 'if', 'once', 'by',
  'amid', 'throughout', 'within', 'without', 'unlike', 'like', 'according', 'back', 'elsewhere',
  'nach', 'bei', 'während', 'laut', 'selon', 'après', 'avant', 'lors', 'dans', 'en', 'según', 'tras', 'durante',
  'segundo', 'após', 'после', 'по', 'на', 'во', 'після', 'за', 'під',
]);
const LINKS = new Set([
  'but', 'and', 'then', 'however', 'meanwhile', 'still', 'yet', 'so', 'also', 'now', 'instead', 'indeed', 'separately',
  'aber', 'doch', 'und', 'mais', 'et', 'pero', 'y', 'mas', 'e', 'но', 'и', 'а', 'однако', 'але', 'і', 'та', 'проте',
]);
const DETERMINERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'one', 'this', 'that',
  'der', 'die', 'das', 'ein', 'eine', 'le', 'la', 'les', 'un', 'une', 'el', 'los', 'las', 'o', 'os', 'um', 'uma',
]);
const PERSON_SUBJECT_PRONOUNS = new Set(PERSON_PRONOUNS);
// Lower-case words that end a title rather than qualify it ("President of the …", "Minister said").
const QUALIFIER_STOPS = new Set(['of', 'the', 'to', 'for', 'and', 'at', 'in', 'on', 'who', 'is', 'was', 'has', 'had', 'will', 'would', 'said', 'says', 'told']);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'where']);
// Person nouns beyond the titles: a description headed by one is a person whose name may be known.
const PERSON_NOUNS = new Set([
  'man', 'woman', 'boy', 'girl', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'leader', 'veteran',
  'farmer', 'worker', 'nurse', 'resident', 'guard', 'official', 'spokesman', 'spokeswoman', 'spokesperson',
  'driver', 'witness', 'student', 'neighbour', 'neighbor', 'friend', 'victim', 'owner', 'baker', 'pilot',
]);
// Words that follow a subject and so end a described one ("Brennan’s plan was called …").
const VERBS_AFTER_SUBJECT = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'said', 'says', 'told', 'did', 'does', 'may', 'might', 'must', 'should']);
const MAX_TOKENS = 40;
const MAX_OPENER_TOKENS = 14;

/** The subject of the sentence `sentence` of `narrative`, or null when it cannot be read. */
export function subjectOf(narrative: string, sentence: Span): Subject | null {
  const tokens = tokensOf(narrative, sentence.start, Math.min(sentence.end, sentence.start + 400)).slice(0, MAX_TOKENS);
  let i = 0;
  while (i < tokens.length && tokens[i].isWord && LINKS.has(tokens[i].text.toLowerCase())) i++;
  if (tokens[i]?.text === ',') i++;
  const first = tokens[i];
  if (!first || !first.isWord) return null;
  if (OPENERS.has(first.text.toLowerCase()) || /^\p{Lu}\p{Ll}+ing$/u.test(first.text)) {
    let j = i;
    while (j < tokens.length && j - i < MAX_OPENER_TOKENS && tokens[j].text !== ',') j++;
    if (tokens[j]?.text !== ',') return null;
    i = j + 1;
  }
  return subjectAt(narrative, tokens, i);
}

/** Reads the noun phrase starting at token `i` as a subject. */
export function subjectAt(narrative: string, tokens: Token[], i: number): Subject | null {
  const token = tokens[i];
  if (!token || !token.isWord) return null;
  const lower = token.text.toLowerCase();
  if (isPronoun(token)) {
    if (!PERSON_SUBJECT_PRONOUNS.has(lower)) return null;
    return { name: token.text, span: { start: token.start, end: token.end }, kind: 'unknown', form: 'pronoun', personal: true };
  }
  // "Ukraine’s Foreign Minister Dmytro Kuleba": an owner before a titled name.
  if (/[’']s$/u.test(token.text) && isCapitalised(token)) {
    const owned = subjectAt(narrative, tokens, i + 1);
    if (owned && owned.form === 'name' && owned.kind === 'person' && isTitle(tokens[i + 1])) return owned;
  }
  if (DETERMINERS.has(lower) || /[’']s$/u.test(token.text)) return describedSubject(narrative, tokens, i);
  if (!isCapitalised(token) && !isTitle(token)) return null;
  // A run of capitalised words and titles: "Health secretary Omar Lindqvist", "Prince Khalid bin Saud".
  let j = i;
  while (j < tokens.length && (isCapitalised(tokens[j]) || isTitle(tokens[j]) || (j > i && isParticle(tokens[j], tokens[j - 1]) && isCapitalised(tokens[j + 1] ?? tokens[j])))) {
    if (/[’']s$/u.test(tokens[j].text)) return describedSubject(narrative, tokens, i);
    j++;
  }
  // "Polish climate minister Adam Nowicki": lower-case words before a title belong to the title.
  // "Міністр закордонних справ Дмитро Кулеба": lower-case words after a title qualify it.
  const titled = j > i && isTitle(tokens[j - 1]);
  for (let k = j; k < tokens.length && k - j < 3 && tokens[k].isWord && /^\p{Ll}/u.test(tokens[k].text); k++) {
    if (titled && (QUALIFIER_STOPS.has(tokens[k].text) || SPEECH_VERBS.includes(tokens[k].text))) break;
    if ((isTitle(tokens[k]) || titled) && tokens[k + 1] && isCapitalised(tokens[k + 1]) && !isNonName(tokens[k + 1])) {
      j = k + 1;
      while (j < tokens.length && (isCapitalised(tokens[j]) || (isParticle(tokens[j], tokens[j - 1]) && isCapitalised(tokens[j + 1] ?? tokens[j])))) j++;
      break;
    }
  }
  const run = tokens.slice(i, j);
  let from = 0;
  run.forEach((t, k) => {
    if (k < run.length - 1 && (isTitle(t) || isNonName(t) || /^\p{Ll}/u.test(t.text))) from = k + 1;
  });
  const words = run.slice(from);
  if (words.length === 0 || isNonName(words[0]) || isTitle(words[words.length - 1])) {
    return run.length > 0 && isTitle(run[run.length - 1]) ? appositiveOr(narrative, tokens, j, null) : null;
  }
  // A subject is followed by its verb, an appositive or a relative clause, not by more name.
  const next = tokens[j];
  if (!next || (next.isWord && /^\p{Lu}/u.test(next.text))) return null;
  const span = { start: words[0].start, end: words[words.length - 1].end };
  const text = narrative.slice(span.start, span.end).replace(/\s+/g, ' ');
  const kind = kindOfSubject(words.map((w) => w.text), '');
  // A lone sentence-opening word is a name only when it reads as one ("Whitlock", not "Officials";
  // in German, not "Optimismus", since every noun is capitalised there).
  if (words.length === 1 && run.length === 1 && kind === 'person' && isPlaceOrBody(words[0].text)) return null;
  if (words.length === 1 && run.length === 1 && kind === 'person' && isGermanNoun(words[0].text) && mayBeGerman(narrative, spanOfTokens(tokens)) && !capitalMarksNames(languageAround(narrative, span))) return null;
  return { name: text, span, kind, form: 'name', personal: kind === 'person' };
}

// Letters and words that German text has and English text lacks: only a sentence with one is
// worth asking the language detector about (most English "Biden" or "Allen" never are).
const GERMAN_HINT = /[äöüß]|(?<![\p{L}])(?:der|die|das|und|nicht|ist|sei|sich|es|ein|eine|mit|auf|von)(?![\p{L}])/u;

function mayBeGerman(narrative: string, span: Span): boolean {
  return GERMAN_HINT.test(narrative.slice(span.start, span.end));
}

function spanOfTokens(tokens: Token[]): Span {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end };
}

/** "The premier", "Their leader, Abena Owusu,", "Saleh’s sister, Hana,": a described subject. */
function describedSubject(narrative: string, tokens: Token[], i: number): Subject | null {
  let j = i + 1;
  let personal = false;
  let body = false;
  while (j < tokens.length && j - i <= 5 && tokens[j].isWord && !RELATIVES.has(tokens[j].text.toLowerCase()) && !VERBS_AFTER_SUBJECT.has(tokens[j].text.toLowerCase())) {
    const word = tokens[j].text.toLowerCase();
    j++;
    // A possessive ("the union’s secretary") names an owner, not the head.
    if (/[’']s$/u.test(word)) continue;
    // A person noun is the head only where the phrase ends ("the veteran diplomat said"), not
    // as a modifier ("the official comments reflect").
    if ((isTitle(tokens[j - 1]) || PERSON_NOUNS.has(word)) && endsPhrase(tokens[j])) personal = true;
    if (kindOfSubject([tokens[j - 1].text], 'the') === 'body' && !isCapitalised(tokens[j - 1])) body = true;
    if (personal || body) break;
  }
  // "Le président Emmanuel Macron", "El presidente Pedro Sánchez": the name after the title is the subject.
  if (personal && isTitle(tokens[j - 1]) && tokens[j] && isCapitalised(tokens[j]) && !isNonName(tokens[j])) {
    let k = j;
    while (k < tokens.length && (isCapitalised(tokens[k]) || (isParticle(tokens[k], tokens[k - 1]) && isCapitalised(tokens[k + 1] ?? tokens[k])))) k++;
    const name = tokens.slice(j, k);
    const kind = kindOfSubject(name.map((t) => t.text), '');
    if (kind === 'person') {
      const span = { start: name[0].start, end: name[name.length - 1].end };
      return { name: narrative.slice(span.start, span.end).replace(/\s+/g, ' '), span, kind, form: 'name', personal: true };
    }
  }
  const span = { start: tokens[i].start, end: tokens[j - 1].end };
  const description: Subject = {
    name: narrative.slice(span.start, span.end).replace(/\s+/g, ' '), span,
    kind: body && !personal ? 'body' : 'unknown', form: 'description', personal,
  };
  return appositiveOr(narrative, tokens, j, description);
}

/** True when `next` can follow the end of a noun phrase: punctuation, a capitalised name, an auxiliary, a preposition or a past tense. */
function endsPhrase(next: Token | undefined): boolean {
  if (!next || !next.isWord || isCapitalised(next)) return true;
  const word = next.text.toLowerCase();
  return VERBS_AFTER_SUBJECT.has(word) || RELATIVES.has(word) || /ed$/u.test(word) || ['to', 'of', 'at', 'for', 'in', 'on', 'from', 'with'].includes(word);
}

/** The name set off by commas after a description ("Their leader, Abena Owusu, was"), or the description. */
function appositiveOr(narrative: string, tokens: Token[], j: number, description: Subject | null): Subject | null {
  // "The US envoy to the UN, Linda Thomas-Greenfield, said": a short qualifier may come first.
  for (let k = j; k < tokens.length && k - j < 6 && tokens[k].text !== ','; k++) {
    if (!tokens[k].isWord || VERBS_AFTER_SUBJECT.has(tokens[k].text.toLowerCase()) || RELATIVES.has(tokens[k].text.toLowerCase())) break;
    if (tokens[k + 1]?.text === ',') j = k + 1;
  }
  if (tokens[j]?.text !== ',') return description;
  let k = j + 1;
  const run: Token[] = [];
  while (k < tokens.length && (isCapitalised(tokens[k]) || (run.length > 0 && isParticle(tokens[k], tokens[k - 1])))) run.push(tokens[k++]);
  if (run.length === 0 || tokens[k]?.text !== ',' || run.some((t) => isNonName(t))) return description;
  const span = { start: run[0].start, end: run[run.length - 1].end };
  const kind = kindOfSubject(run.map((t) => t.text), '');
  return { name: narrative.slice(span.start, span.end).replace(/\s+/g, ' '), span, kind, form: 'name', personal: kind === 'person' };
}
