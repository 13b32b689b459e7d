// The vocabulary of attribution: the verbs that introduce a quotation and the words around a
// speaker's name that are not the name itself (titles, sentence openers, dates, pronouns).

import type { Span } from '../types';
import {
  AUXILIARIES, FOREIGN_NON_NAMES, FOREIGN_SPEECH_VERBS, FOREIGN_TITLES, GERMAN_TITLE_ENDING, OTHER_PRONOUNS, PERSON_PRONOUNS,
} from './cueWords';

/** Verbs of saying that attach a quotation to a speaker. */
export const SPEECH_VERBS = [
  'said', 'says', 'told', 'tells', 'added', 'adds', 'stressed', 'stresses', 'wrote', 'writes',
  'tweeted', 'tweets', 'noted', 'notes', 'warned', 'warns', 'asked', 'asks', 'replied', 'replies',
  'insisted', 'insists', 'explained', 'explains', 'declared', 'declares', 'emphasised', 'emphasized',
  'stated', 'argued', 'argues', 'claimed', 'claims', 'announced', 'continued', 'responded',
  'recalled', 'acknowledged', 'confirmed', 'commented', 'remarked', 'posted', 'answered',
  'admitted', 'conceded', 'urged', 'cautioned', 'observed', 'saying', 'adding', 'described',
  'describes', 'called', 'calls', 'suggested', 'suggests', 'hinted', 'recounted', 'predicted',
  'demanded', 'demands', 'sighed', 'sighs', 'yelled', 'yells', 'shouted', 'shouts', 'interrupted',
  'chanted', 'reads', 'quipped', 'joked', 'cried', 'pleaded', 'vowed', 'vows', 'lamented', 'protested',
  'countered', 'ruled', 'concluded', 'promised', 'pledged', 'complained', 'whispered', 'snapped', 'boasted',
  ...FOREIGN_SPEECH_VERBS,
];

/** Words that may stand between a subject and its verb ("Lavrov also said"). */
export const ADVERBS = new Set([
  'also', 'later', 'then', 'earlier', 'has', 'had', 'have', 'once', 'again', 'further', 'previously',
  'recently', 'subsequently', 'repeatedly', 'reportedly', 'simply', 'just', 'flatly', 'firmly',
  'bluntly', 'privately', 'publicly', 'only', 'would', 'will', 'did', ...AUXILIARIES,
  'auch', 'aussi', 'también', 'também', 'также', 'також', 'ebenfalls', 'zudem', 'encore', 'además', 'ainda',
]);

/** Pronouns: a quotation credited to one is left unattributed here. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'one', ...PERSON_PRONOUNS, ...OTHER_PRONOUNS]);

// Title words, written capitalised or not, that describe a speaker but are not their name.
const TITLES = new Set([
  'president', 'minister', 'secretary', 'ambassador', 'spokesman', 'spokeswoman', 'spokesperson',
  'chancellor', 'senator', 'sen', 'governor', 'gov', 'mayor', 'general', 'gen', 'director',
  'chairman', 'chairwoman', 'chair', 'chief', 'commissioner', 'envoy', 'representative', 'rep',
  'dr', 'mr', 'mrs', 'ms', 'prof', 'professor', 'king', 'queen', 'prince', 'princess', 'pope',
  'emir', 'sheikh', 'correspondent', 'reporter', 'editor', 'leader', 'speaker', 'captain',
  'colonel', 'judge', 'justice', 'officer', 'official', 'adviser', 'advisor', 'aide', 'premier',
  'deputy', 'vice', 'foreign', 'prime', 'state', 'defence', 'defense', 'interior', 'press',
  'lieutenant', 'admiral', 'sergeant', 'bishop', 'archbishop', 'cardinal', 'lord', 'lady', 'sir',
  'dame', 'mp', 'ceo', 'founder', 'head', 'counsel', 'attorney', 'analyst', 'expert', 'diplomat',
  'lawmaker', 'negotiator', 'economist', 'researcher', 'author', 'columnist', 'host', 'anchor',
  'manager', 'executive', 'coach', 'mr.', 'dr.', 'mrs.', 'ms.', 'prof.', 'sen.', 'gov.', 'gen.',
  'councillor', 'councilor', 'councilman', 'councilwoman', 'agent', 'campaigner', 'activist', 'organiser',
  'organizer', 'historian', 'scientist', 'lawyer', 'doctor', 'teacher', 'owner',
  'inspector', 'superintendent', 'detective', 'constable', 'sheriff', 'commander', 'marshal',
  'rev', 'rev.', 'reverend', 'rep.', 'lt', 'lt.', 'col', 'col.', 'capt', 'capt.', 'sgt', 'sgt.', 'mayor',
  'sen', 'senator', 'congressman', 'congresswoman', 'economist', 'master', 'harbour', 'harbor', 'fr', 'fr.',
  'father', 'sister', 'brother', 'rabbi', 'imam', 'pastor', 'chef', 'player', 'striker', 'midfielder',
  ...FOREIGN_TITLES,
]);

// Capitalised words that open sentences or name dates, never part of a speaker's name.
const NON_NAMES = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'yet', 'so', 'in', 'on', 'at', 'for', 'from', 'by', 'with',
  'as', 'then', 'later', 'earlier', 'meanwhile', 'however', 'still', 'also', 'when', 'while',
  'after', 'before', 'since', 'if', 'though', 'although', 'this', 'that', 'there', 'here', 'now',
  'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'all', 'some', 'many', 'most', 'few', 'both', 'each',
  'every', 'several', 'such', 'other', 'another', 'its', 'our', 'their', 'his', 'her', 'my', 'your', 'what',
  'why', 'how', 'where', 'which', 'no', 'not', 'only', 'even', 'just', 'asked', 'speaking', 'according',
  'despite', 'during', 'under', 'over', 'into', 'about', 'against', 'among', 'between', 'through', 'without',
  'within', 'across', 'amid', 'instead', 'indeed', 'nor', 'once', 'last', 'next', 'first', 'former', 'said',
  'well', 'oh', 'ah', 'yes', 'okay', 'please', 'thanks', 'sure', 'perhaps', 'maybe', 'surely',
  ...FOREIGN_NON_NAMES, ...PRONOUNS,
]);

// Lower-case particles that belong inside names ("Tamim bin Hamad", "Ursula von der Leyen").
const PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'del', 'della', 'di', 'da', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'dos', 'das']);

// Words that may join the parts of a title and name after a verb ("said Secretary of State X").
const CONNECTORS = new Set(['of', 'to', 'the', 'for']);

/** One word of the text around a quotation, or one punctuation character. */
export interface Token extends Span {
  text: string;
  isWord: boolean;
}

// Initialisms with points ("U.N.", "J.") are one word; so are hyphenated names and names with
// apostrophes ("Thomas-Greenfield", "O’Brien").
const TOKEN = /(?<tag>\((?:[DRIL]|[DRI]-[\p{L}.]+)\)|,\s*[DRI]-[\p{Lu}][\p{L}.]*,)|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Rev|Prof|Lt|Col|Capt|Sgt|Fr)\.|(?:\p{Lu}\.)+|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
// Tested once per token: a literal written in the functions below would be a new object each time.
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CAPITALISED = /^\p{Lu}/u;
const INITIALISM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,}$/u;

/** Splits `text` between `start` and `end` into word and punctuation tokens. */
export function tokensOf(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    // A party tag ("(D-Ore.)", ", R-Texas,") says where a politician sits, not who speaks.
    if (m.groups?.tag) continue;
    tokens.push({
      text: m[0],
      start: start + m.index,
      end: start + m.index + m[0].length,
      isWord: HAS_LETTER_OR_DIGIT.test(m[0]),
    });
  }
  return tokens;
}

/** True when the token starts with a capital letter. */
export function isCapitalised(token: Token): boolean {
  return token.isWord && CAPITALISED.test(token.text);
}

/** True for a title word such as "Minister" or "spokesman". */
export function isTitle(token: Token): boolean {
  const lower = token.text.toLowerCase();
  return TITLES.has(lower) || (lower.length > 9 && GERMAN_TITLE_ENDING.test(lower));
}

/** True for capitalised words that are never names ("But", "Thursday", "He"). */
export function isNonName(token: Token): boolean {
  return NON_NAMES.has(token.text.toLowerCase());
}

/** True for an initialism such as "NATO" or "U.S.", which names an organisation or country. */
export function isInitialism(token: Token): boolean {
  return INITIALISM.test(token.text);
}

// Particles that are also articles: inside a name only after "von" or "van" ("von der Leyen",
// "van den Berg"); elsewhere they join a noun to its owner ("Sprecher der Regierung").
const ARTICLE_PARTICLES = new Set(['der', 'den', 'das']);
const NAME_PREFIXES = new Set(['von', 'van', 'vom', 'Von', 'Van']);

/** True for a lower-case particle inside a name ("bin", "von"); `previous` is the token before it. */
export function isParticle(token: Token, previous?: Token): boolean {
  if (ARTICLE_PARTICLES.has(token.text)) return previous !== undefined && NAME_PREFIXES.has(previous.text);
  return PARTICLES.has(token.text);
}

/** True for a word that joins title and name ("of", "the"). */
export function isConnector(token: Token): boolean {
  return CONNECTORS.has(token.text.toLowerCase());
}

/** True for a pronoun such as "he" or "They". */
export function isPronoun(token: Token): boolean {
  return PRONOUNS.has(token.text.toLowerCase());
}
