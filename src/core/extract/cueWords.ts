// The words of attribution in German, French, Spanish, Portuguese, Russian and Ukrainian, merged
// into the English vocabulary of speakerWords.ts. Only the forms news copy credits a single
// speaker with: a verb of saying in the third person singular (past, present, and the participle
// of a compound past: "hat … gesagt", "a déclaré", "ha dicho"), never a plural, which credits a
// group. Each verb carries its language, since a few rules depend on it: German capitalises
// every noun, and Spanish and Portuguese leave the subject pronoun out ("«…», dijo.").

/** Verbs of saying by language (ISO 639-1). */
const VERBS_BY_LANGUAGE: Record<string, string[]> = {
  de: [
    'sagte', 'sagt', 'gesagt', 'erklärte', 'erklärt', 'betonte', 'betont', 'fügte', 'ergänzte', 'ergänzt',
    'meinte', 'warnte', 'schrieb', 'geschrieben', 'erläuterte', 'versicherte', 'bekräftigte', 'unterstrich',
    'mahnte', 'kritisierte', 'antwortete', 'beteuerte', 'bekräftigt', 'warnt', 'schreibt',
  ],
  fr: [
    'déclaré', 'affirmé', 'ajouté', 'souligné', 'expliqué', 'estimé', 'assuré', 'indiqué', 'précisé', 'averti',
    'martelé', 'insisté', 'prévenu', 'répondu', 'écrit', 'déclare', 'affirme', 'ajoute', 'souligne', 'explique',
    'estime', 'assure', 'indique', 'précise', 'dit', 'déclarait', 'affirmait', 'confié', 'reconnu',
  ],
  es: [
    'dijo', 'afirmó', 'declaró', 'aseguró', 'señaló', 'explicó', 'añadió', 'agregó', 'subrayó', 'advirtió', 'indicó',
    'sostuvo', 'manifestó', 'insistió', 'destacó', 'apuntó', 'precisó', 'respondió', 'escribió', 'dicho', 'afirmado',
    'declarado', 'asegurado', 'afirma', 'asegura', 'señala', 'explica', 'añade', 'subraya', 'advierte', 'declara', 'sostiene',
  ],
  pt: [
    'disse', 'afirmou', 'declarou', 'garantiu', 'sublinhou', 'acrescentou', 'explicou', 'referiu', 'salientou',
    'destacou', 'frisou', 'assegurou', 'advertiu', 'sustentou', 'respondeu', 'escreveu', 'diz', 'afirma', 'garante',
    'sublinha', 'acrescenta', 'dito', 'afirmado', 'declarado',
  ],
  ru: [
    'сказал', 'сказала', 'заявил', 'заявила', 'отметил', 'отметила', 'подчеркнул', 'подчеркнула', 'добавил', 'добавила',
    'сообщил', 'сообщила', 'пояснил', 'пояснила', 'признал', 'признала', 'заверил', 'заверила', 'предупредил',
    'предупредила', 'написал', 'написала', 'ответил', 'ответила', 'уточнил', 'уточнила', 'говорит', 'заявляет', 'указал',
  ],
  uk: [
    'сказав', 'заявив', 'зазначив', 'зазначила', 'наголосив', 'наголосила', 'додав', 'додала', 'повідомив', 'повідомила',
    'пояснив', 'пояснила', 'підкреслив', 'підкреслила', 'написав', 'написала', 'відповів', 'відповіла', 'уточнив',
    'уточнила', 'визнав', 'визнала', 'запевнив', 'запевнила', 'попередив', 'попередила', 'каже', 'заявляє',
  ],
};

const LANGUAGE_OF_VERB = new Map<string, string>();
for (const [language, verbs] of Object.entries(VERBS_BY_LANGUAGE)) {
  for (const verb of verbs) if (!LANGUAGE_OF_VERB.has(verb)) LANGUAGE_OF_VERB.set(verb, language);
}

/** Every verb of saying above, in all six languages. */
export const FOREIGN_SPEECH_VERBS = [...LANGUAGE_OF_VERB.keys()];

/** The language of a verb of saying ("sagte" → "de"), or undefined for English and unknown words. */
export function languageOfVerb(verb: string): string | undefined {
  return LANGUAGE_OF_VERB.get(verb.toLowerCase());
}

/** Languages whose verbs of saying stand without a subject pronoun ("«…», dijo."). */
const PRO_DROP = new Set(['es', 'pt']);

/** True when `verb` belongs to a language that drops the subject pronoun. */
export function dropsPronoun(verb: string): boolean {
  const language = languageOfVerb(verb);
  return language !== undefined && PRO_DROP.has(language);
}

/**
 * Auxiliaries of a compound past, which stand between subject and participle ("Macron a
 * déclaré", "Scholz hat gesagt", "Sánchez ha dicho") or before an inverted subject ("«…», a
 * déclaré Macron").
 */
export const AUXILIARIES = ['hat', 'habe', 'a', 'ha', 'tem', 'havia', 'hatte', 'avait', 'había'];

/** "According to" in each language, followed by the speaker's name. */
export const ACCORDING_TO_FORMS = [
  'according to', 'laut', 'selon', 'd’après', "d'après", 'según', 'de acuerdo con', 'segundo', 'de acordo com',
  'по словам', 'за словами',
];

/**
 * The forms above as a regular expression source, matching a capital or small first letter.
 * Case-sensitive on purpose: a case-insensitive Unicode alternation scans text several times slower.
 */
export const ACCORDING_TO_PATTERN = ACCORDING_TO_FORMS.map(firstLetterEitherCase).join('|');

/** "по его словам", "selon lui", "according to her": a pronoun in place of the speaker's name. */
export const ACCORDING_TO_PRONOUN_PATTERN = [
  'по его словам', 'по ее словам', 'по её словам', 'за його словами', 'за її словами', 'selon lui', 'selon elle',
  'según él', 'según ella', 'segundo ele', 'segundo ela', 'according to him', 'according to her',
].map(firstLetterEitherCase).join('|');

function firstLetterEitherCase(form: string): string {
  return `[${form.charAt(0).toUpperCase()}${form.charAt(0)}]${form.slice(1)}`;
}

/** The language an "according to" form belongs to, where a rule depends on it ("laut" → "de"). */
export function languageOfAccording(form: string): string | undefined {
  return form.trim().toLowerCase() === 'laut' ? 'de' : undefined;
}

/** Subject pronouns of one person, which refer back to a person named before. */
export const PERSON_PRONOUNS = ['he', 'she', 'er', 'sie', 'il', 'elle', 'él', 'ella', 'ele', 'ela', 'он', 'она', 'він', 'вона'];

/** Other pronouns, which are never a speaker's name. */
export const OTHER_PRONOUNS = ['es', 'wir', 'ich', 'ils', 'elles', 'nous', 'ellos', 'ellas', 'nosotros', 'eles', 'elas', 'nós', 'они', 'мы', 'вони', 'ми'];

/** Titles that describe a speaker but are not their name. */
export const FOREIGN_TITLES = [
  // German (compounds such as "Regierungssprecher" are recognised by their ending, see isTitle).
  'präsident', 'präsidentin', 'kanzler', 'kanzlerin', 'ministerin', 'sprecher', 'sprecherin', 'botschafter',
  'botschafterin', 'chefin', 'vorsitzende', 'vorsitzender', 'bürgermeister', 'bürgermeisterin', 'abgeordnete',
  'abgeordneter', 'herr', 'frau', 'staatssekretär', 'staatssekretärin',
  // French.
  'président', 'présidente', 'ministre', 'porte-parole', 'secrétaire', 'ambassadeur', 'ambassadrice', 'chancelier',
  'chancelière', 'conseiller', 'conseillère', 'directeur', 'directrice', 'maire', 'député', 'députée', 'sénateur',
  'sénatrice', 'général', 'premier', 'première', 'm.', 'mme',
  // Spanish and Portuguese.
  'presidente', 'presidenta', 'ministro', 'ministra', 'portavoz', 'canciller', 'embajador', 'embajadora', 'secretario',
  'secretaria', 'jefe', 'jefa', 'directora', 'alcalde', 'alcaldesa', 'diputado', 'diputada', 'senadora',
  'vicepresidente', 'vicepresidenta', 'porta-voz', 'chanceler', 'embaixador', 'embaixadora', 'secretário', 'secretária',
  'chefe', 'diretor', 'diretora', 'prefeito', 'prefeita', 'deputado', 'deputada', 'primeiro-ministro', 'primeira-ministra',
  // Russian.
  'президент', 'президента', 'министр', 'министра', 'пресс-секретарь', 'пресс-секретаря', 'глава', 'главы', 'посол',
  'посла', 'представитель', 'представителя', 'спикер', 'спикера', 'премьер-министр', 'премьер-министра', 'замминистра',
  'помощник', 'помощника', 'советник', 'советника', 'канцлер', 'канцлера', 'официальный',
  // Ukrainian.
  'міністр', 'міністра', 'речник', 'речниця', 'речника', 'голова', 'посла', 'представник', 'представника',
  'прем’єр-міністр', "прем'єр-міністр", 'помічник', 'помічника', 'радник', 'радника', 'очільник', 'очільниця',
  'президента', 'секретар', 'секретаря', 'пресс-секретар', 'пресссекретар',
];

/** German compound titles by their last part ("Außenminister", "Regierungssprecher"). */
export const GERMAN_TITLE_ENDING = /^\p{L}{3,}(?:minister|ministerin|sprecher|sprecherin|kanzler|kanzlerin|präsident|präsidentin|chef|chefin|vorsitzende|vorsitzender|botschafter|botschafterin|sekretär|sekretärin|berater|beraterin)$/u;

/**
 * Capitalised words that open sentences, name dates or are articles: never part of a name. The
 * articles that are also particles of names ("Le Pen", "von der Leyen", "El Baradei") are not
 * listed; a subject they open is read by its head word instead ("Le Kremlin", "Der Kreml").
 */
export const FOREIGN_NON_NAMES = [
  // German.
  'am', 'im', 'auch', 'aber', 'doch', 'und', 'dann', 'nun', 'heute', 'gestern', 'die', 'dem', 'ein', 'eine', 'einer', 'laut', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag',
  'sonntag', 'januar', 'februar', 'märz', 'juni', 'juli', 'oktober', 'dezember', 'zudem', 'später',
  // French.
  'un', 'une', 'mais', 'et', 'puis', 'selon', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi',
  'samedi', 'dimanche', 'janvier', 'février', 'avril', 'juin', 'juillet', 'août', 'octobre', 'décembre', 'ainsi',
  // Spanish and Portuguese.
  'los', 'las', 'pero', 'según', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
  'enero', 'febrero', 'marzo', 'abril', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'diciembre', 'además',
  'o', 'os', 'as', 'mas', 'segundo', 'também', 'ontem', 'hoje', 'segunda-feira', 'terça-feira', 'quarta-feira',
  'quinta-feira', 'sexta-feira',
  // Russian and Ukrainian ("Как заявил Лавров", "Як зазначив Кулеба": "as … said").
  'как', 'як', 'так', 'это', 'ранее', 'позже', 'затем', 'раніше', 'пізніше', 'згодом', 'після', 'при', 'кроме',
  'в', 'во', 'но', 'и', 'а', 'однако', 'также', 'по', 'понедельник', 'вторник', 'среду', 'среда', 'четверг',
  'пятницу', 'пятница', 'субботу', 'воскресенье', 'у', 'але', 'і', 'й', 'та', 'також', 'за', 'понеділок',
  'вівторок', 'середу', 'четвер', 'пʼятницю', "п'ятницю", 'п’ятницю', 'суботу', 'неділю', 'вчера', 'сегодня', 'вчора', 'сьогодні',
];

/** Articles and prepositions before a capitalised word: what follows is a noun or a body, not a person's name. */
export const FOREIGN_ARTICLES = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'le', 'la', 'les', 'l', 'un', 'une', 'el',
  'los', 'las', 'o', 'os', 'um', 'uma',
]);

/** Prepositions that join a title to the body it serves ("ministro de Exteriores", "porte-parole du Kremlin"). */
export const OF_PREPOSITIONS = new Set(['de', 'des', 'du', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'der', 'den', 'von', 'vom']);

// German nouns by their endings: a lone capitalised word ending so after "laut" or before "sagte"
// is a noun ("laut Angaben", "laut Polizei", "die Regierung"), since German capitalises all nouns.
const GERMAN_NOUN_ENDING = /(?:ung|ungen|heit|keit|schaft|tion|tionen|tät|nis|ium|ismus|ei|angaben|bericht|berichten|berichts|amt|ministerium|regierung|en)$/u;

/** True when a lone capitalised German word reads as a noun rather than a surname. */
export function isGermanNoun(word: string): boolean {
  return GERMAN_NOUN_ENDING.test(word.toLowerCase());
}
