// What a credited speaker is: a person, a body (a government, ministry, company, party, court, or
// a capital or country standing for its government), a transcript role label, or unknown (a
// description with no name: "a spokeswoman", "the letter"). Decided from the words of the
// subject itself and the article before it, never from the quote: "the Kremlin" and "Moscow"
// are bodies wherever they stand, "Peskov" is a person. A body is never a contradiction of a
// person, so a word this module does not know is a person only when it reads as a name.

import type { SpeakerKind } from '../types';

// Head words of bodies. A subject ending in one of them ("the Foreign Ministry", "Nordlink AG",
// "the law firm", "City Hall") is a body, whatever precedes it.
const BODY_HEADS = new Set([
  'ministry', 'department', 'office', 'government', 'administration', 'cabinet', 'commission', 'council',
  'parliament', 'congress', 'senate', 'assembly', 'agency', 'authority', 'authorities', 'court', 'tribunal',
  'police', 'army', 'military', 'navy', 'forces', 'embassy', 'consulate', 'mission', 'union', 'party',
  'company', 'firm', 'bank', 'group', 'institute', 'university', 'committee', 'board', 'service', 'services',
  'corporation', 'corp', 'inc', 'ltd', 'plc', 'llc', 'ag', 'sa', 'gmbh', 'co', 'rail', 'railways', 'airlines',
  'airline', 'foundation', 'federation', 'organisation', 'organization', 'association', 'league', 'network',
  'regulator', 'operator', 'club', 'team', 'hospital', 'school', 'council', 'secretariat', 'presidency',
  'kremlin', 'pentagon', 'hall', 'house', 'street', 'palace', 'command', 'coalition', 'alliance', 'bloc',
  'chamber', 'prosecutors', 'prosecutor’s', 'campaign', 'opposition', 'junta', 'regime', 'state',
  'unit', 'station', 'newspaper', 'agency', 'channel', 'broadcaster', 'watchdog', 'charity', 'borders',
  'international', 'nations', 'fund', 'program', 'programme', 'centre', 'center', 'trust', 'exchange',
  // The same heads in the other languages attribution is read in.
  'regierung', 'bundesregierung', 'ministerium', 'amt', 'behörde', 'polizei', 'partei', 'gericht', 'kommission',
  'gouvernement', 'ministère', 'présidence', 'élysée', 'parti', 'gobierno', 'ministerio', 'policía', 'partido',
  'governo', 'ministério', 'polícia', 'правительство', 'министерство', 'мид', 'кремль', 'уряд', 'міністерство',
  'мзс', 'офіс', 'полиция', 'поліція', 'партия', 'партія', 'администрация', 'пресс-служба', 'пресслужба',
]);

// Bodies known by a single name, and political parties.
const BODY_NAMES = new Set([
  'kremlin', 'pentagon', 'nato', 'eu', 'un', 'uefa', 'fifa', 'opec', 'imf', 'interpol', 'europol',
  'labour', 'tories', 'conservatives', 'democrats', 'republicans', 'hamas', 'hezbollah', 'taliban',
  'whitehall', 'westminster', 'brussels', 'downing', 'élysée', 'elysee', 'quai', 'kremlin’s',
  'kreml', 'matignon', 'moncloa', 'planalto', 'кремль', 'кремля', 'нато', 'оон', 'ес', 'мид', 'мзс', 'зсу', 'рф', 'сша',
]);

// Countries and capitals that stand for their governments in news copy ("Moscow said", "Ukraine
// said"). A place that is also a surname is left out.
const PLACES = new Set([
  'afghanistan', 'albania', 'algeria', 'argentina', 'armenia', 'australia', 'austria', 'azerbaijan', 'belarus',
  'belgium', 'bosnia', 'brazil', 'britain', 'bulgaria', 'canada', 'chile', 'china', 'colombia', 'croatia',
  'cuba', 'cyprus', 'czechia', 'denmark', 'egypt', 'estonia', 'ethiopia', 'finland', 'france', 'georgia',
  'germany', 'greece', 'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq', 'ireland', 'israel', 'italy',
  'japan', 'jordan', 'kazakhstan', 'kenya', 'kosovo', 'kuwait', 'latvia', 'lebanon', 'libya', 'lithuania',
  'luxembourg', 'mexico', 'moldova', 'mongolia', 'montenegro', 'morocco', 'netherlands', 'nigeria', 'norway',
  'pakistan', 'palestine', 'poland', 'portugal', 'qatar', 'romania', 'russia', 'serbia', 'slovakia', 'slovenia',
  'somalia', 'spain', 'sudan', 'sweden', 'switzerland', 'syria', 'taiwan', 'tehran', 'turkey', 'türkiye',
  'ukraine', 'venezuela', 'vietnam', 'yemen', 'america', 'europe',
  'moscow', 'kyiv', 'kiev', 'washington', 'beijing', 'berlin', 'london', 'paris', 'tokyo', 'warsaw', 'rome',
  'madrid', 'ankara', 'minsk', 'tbilisi', 'baghdad', 'damascus', 'cairo', 'riyadh', 'seoul', 'pyongyang',
  'delhi', 'islamabad', 'kabul', 'ottawa', 'canberra', 'vienna', 'budapest', 'prague', 'bucharest', 'sofia',
  'athens', 'helsinki', 'stockholm', 'oslo', 'copenhagen', 'dublin', 'lisbon', 'vilnius', 'riga', 'tallinn',
  'chisinau', 'belgrade', 'zagreb', 'bratislava', 'ljubljana', 'tirana', 'skopje', 'doha', 'abuja', 'nairobi',
  'taipei', 'havana', 'caracas', 'brasilia', 'jerusalem', 'beirut', 'amman', 'baku', 'yerevan', 'astana',
  // As the other languages write the places most often quoted as speakers, with the Russian
  // and Ukrainian genitive that stands before a name ("глава МИД России Сергей Лавров").
  'russland', 'deutschland', 'frankreich', 'moskau', 'kiew', 'kyjiw', 'peking', 'russie', 'allemagne', 'moscou',
  'pékin', 'londres', 'rusia', 'alemania', 'francia', 'ucrania', 'moscú', 'pekín', 'rússia', 'alemanha', 'frança',
  'ucrânia', 'moscovo', 'pequim', 'estados', 'россия', 'россии', 'украина', 'украины', 'москва', 'киев', 'вашингтон',
  'берлин', 'германия', 'германии', 'франция', 'франции', 'китай', 'китая', 'росія', 'росії', 'україна', 'україни',
  'київ', 'москва', 'німеччина', 'німеччини', 'франція', 'франції', 'берлін', 'америка', 'европа', 'європа',
]);

// Nouns for unnamed people and for documents: a subject made of them is a speaker of unknown
// kind until a name is found for it ("a spokeswoman", "the official", "the letter").
const UNNAMED_HEADS = new Set([
  'official', 'officials', 'source', 'sources', 'spokesman', 'spokeswoman', 'spokesperson', 'statement',
  'letter', 'report', 'memo', 'note', 'document', 'filing', 'crowd', 'protesters', 'residents', 'witnesses',
  'placard', 'sign', 'banner', 'diplomat', 'diplomats', 'aide', 'aides', 'interviewer', 'guard', 'driver',
]);

// Plural nouns for groups of unnamed people; capitalised at a sentence start they are no name.
const GROUP_NOUNS = new Set([
  'officials', 'sources', 'critics', 'analysts', 'witnesses', 'residents', 'protesters', 'diplomats', 'aides',
  'experts', 'observers', 'officers', 'troops', 'voters', 'investors', 'traders', 'economists', 'lawmakers',
  'opponents', 'supporters', 'activists', 'doctors', 'teachers', 'workers', 'farmers', 'parents', 'students',
]);

/** True for a plural noun naming a group of unnamed people ("Officials", "critics"). */
export function isGroupNoun(word: string): boolean {
  return GROUP_NOUNS.has(word.toLowerCase());
}


const ROLE_LABELS = new Set([
  'q', 'a', 'question', 'questions', 'answer', 'reporter', 'reporters', 'journalist', 'moderator', 'interviewer',
  'host', 'audience', 'voice', 'unidentified', 'unknown', 'participant', 'operator', 'crosstalk', 'announcer',
]);

/** True for a transcript label that names a role rather than a person ("QUESTION", "Q", "MODERATOR"). */
export function isRoleLabel(label: string): boolean {
  const first = label.toLowerCase().replace(/\s*\(.*$/, '').trim();
  return ROLE_LABELS.has(first) || /^(?:unidentified|unknown)\b/.test(first);
}

const fold = (word: string) => word.toLowerCase().replace(/[’']s$/u, '');

const LEADING_HEADS = new Set([
  'ministère', 'gouvernement', 'ministerio', 'gobierno', 'ministério', 'governo', 'министерство', 'правительство',
  'міністерство', 'уряд', 'офіс', 'администрация', 'партия', 'партія', 'partido', 'parti',
]);
const GERMAN_BODY_ENDING = /^\p{L}{3,}(?:regierung|ministerium|behörde|kommission|gericht|partei|verband|polizei|kanzleramt)$/u;

/**
 * The kind of a subject as written: `words` are its words without the article, `article` the
 * determiner before it ('' when none). Capitalised words read as a name are a person unless
 * they end in a body word or name a place or a known body.
 */
export function kindOfSubject(words: string[], article: string): SpeakerKind {
  if (words.length === 0) return 'unknown';
  const last = fold(words[words.length - 1]);
  const lowered = words.map(fold);
  if (lowered.some((w) => BODY_HEADS.has(w)) && BODY_HEADS.has(last)) return 'body';
  // German compounds end in their head ("Bundesregierung", "Außenministerium", "Kanzleramt").
  if (GERMAN_BODY_ENDING.test(last)) return 'body';
  // Romance and Slavic bodies lead with their head ("Ministerio de Defensa", "Министерство обороны").
  if (words.length > 1 && LEADING_HEADS.has(lowered[0])) return 'body';
  if (words.length === 1 && (BODY_NAMES.has(last) || PLACES.has(last))) return 'body';
  if (words.every(isInitialismWord)) return 'body';
  const capitalised = words.every((w) => /^\p{Lu}/u.test(w) || /^(?:bin|al|el|de|del|van|von|der|da|di|du|la|le)$/u.test(w));
  if (!capitalised || article !== '') {
    // "the Kremlin", "the White House": a capitalised name after an article is a body.
    if (capitalised && article.toLowerCase() === 'the') return 'body';
    if (BODY_HEADS.has(last)) return 'body';
    return 'unknown';
  }
  if (UNNAMED_HEADS.has(last) || GROUP_NOUNS.has(last)) return 'unknown';
  if (words.length === 1 && KNOWN_DEMONYMS.has(last)) return 'unknown';
  return 'person';
}

// Adjectives of nationality: "Polish" before "climate minister Adam Nowicki" is no name.
const KNOWN_DEMONYMS = new Set([
  'polish', 'russian', 'ukrainian', 'german', 'british', 'french', 'american', 'chinese', 'japanese', 'italian',
  'spanish', 'turkish', 'iranian', 'israeli', 'european', 'belarusian', 'lithuanian', 'latvian', 'estonian',
  'finnish', 'swedish', 'danish', 'dutch', 'belgian', 'austrian', 'hungarian', 'czech', 'slovak', 'romanian',
  'georgian', 'armenian', 'canadian', 'australian', 'indian', 'pakistani', 'syrian', 'egyptian', 'saudi', 'korean',
]);

function isInitialismWord(word: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,}$/u.test(word);
}

/** True when `word` names a place or body on its own ("Moscow", "NATO", "Labour"). */
export function isPlaceOrBody(word: string): boolean {
  const w = fold(word);
  return PLACES.has(w) || BODY_NAMES.has(w) || isInitialismWord(word);
}

/** True when the head noun of a lower-case subject names a body ("the law firm", "police"). */
export function isBodyHead(word: string): boolean {
  return BODY_HEADS.has(fold(word));
}
