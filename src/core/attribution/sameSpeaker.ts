// Decides whether two written names are the same person. News copy names one speaker in many
// forms: full name or surname ("Dmitry Peskov", "Peskov"), with or without a title, with a
// possessive ("Peskov's"), and in several transliterations ("Zelensky", "Zelenskyy",
// "Zelenskiy"; "Sergey", "Sergei"). Names are compared by surname first, because first names
// transliterate most freely, and first names only need to agree on their initial.

import { isTitle, tokensOf } from '../extract/speakerWords';

/** Maps a written name or description ("POTUS") to the person it stands for ("Joe Biden"). */
export class AliasTable {
  private readonly byKey = new Map<string, string>();
  /** A string that is equal for tables with the same entries, for caching what depends on them. */
  readonly key: string;

  constructor(aliases: Record<string, string> = {}) {
    for (const [alias, name] of Object.entries(aliases)) this.byKey.set(aliasKey(alias), name);
    this.key = JSON.stringify([...this.byKey].sort());
  }

  /** The person `name` stands for: the alias target, or `name` itself. */
  resolve(name: string): string {
    return this.byKey.get(aliasKey(name)) ?? name;
  }

  /** True when `phrase` ("the top Kremlin diplomat") is listed in the table. */
  has(phrase: string): boolean {
    return this.byKey.has(aliasKey(phrase));
  }
}

/** The lookup form of an alias: lower case, no diacritics, no leading article, single spaces. */
function aliasKey(text: string): string {
  return stripDiacritics(text.toLowerCase()).replace(/[’']s$/u, '').replace(/^the\s+/u, '').replace(/\s+/g, ' ').trim();
}

/** True when `a` and `b` name the same speaker, after applying the alias table to both. */
export function sameSpeaker(a: string, b: string, aliases: AliasTable = new AliasTable()): boolean {
  const wx = foldableWords(aliases.resolve(a));
  const wy = foldableWords(aliases.resolve(b));
  if (wx.length === 0 || wy.length === 0) return false;
  const x = wx.map(foldName);
  const y = wy.map(foldName);
  if (x[x.length - 1] !== y[y.length - 1]) return false;
  // With one name given as a surname only, the surname decides; otherwise the first names must
  // start alike ("Dmytro"/"Dmitry" agree, "Joe"/"Hunter" do not).
  if (surnameOnly(wx) || surnameOnly(wy)) return true;
  return x[0].charAt(0) === y[0].charAt(0);
}

/** The words of a name as written that fold to something: what `nameParts` folds. */
function foldableWords(name: string): string[] {
  return nameWords(name).filter((w) => foldName(w).length > 0);
}

// Particles that belong to a surname: "Le Drian" and "von der Leyen" are surnames alone.
const SURNAME_PARTICLES = new Set(['le', 'la', 'de', 'du', 'des', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'della', 'dos', 'das', 'al', 'el', 'bin', 'ibn']);
// Of those, the ones that are also given names when capitalised ("Al Gore", "Van Jones"): they
// are particles only as written in lower case ("Bashar al-Assad" aside, "Rafael van der Vaart").
const GIVEN_NAMES_TOO = new Set(['al', 'van', 'da', 'el']);

/** True for a name given as a surname only, particles included; `words` as written. */
function surnameOnly(words: string[]): boolean {
  return words.slice(0, -1).every((word) => {
    const lower = stripDiacritics(word.toLowerCase());
    return SURNAME_PARTICLES.has(lower) && !(GIVEN_NAMES_TOO.has(lower) && word !== word.toLowerCase());
  });
}

/** The folded words of a name without titles or possessive: "Kremlin spokesman Dmitry Peskov's" → ["dmitry", "peskov"]. */
export function nameParts(name: string): string[] {
  return nameWords(name).map(foldName).filter((w) => w.length > 0);
}

/** The words of a name as written, titles and a possessive ending removed. */
export function nameWords(name: string): string[] {
  const words = tokensOf(name, 0, name.length).filter((t) => t.isWord).map((t) => t.text.replace(/[’']s$/u, ''));
  let first = 0;
  words.forEach((word, i) => {
    // Titles lead a name ("Foreign Minister Sergey Lavrov"); one standing last is the name itself.
    if (i < words.length - 1 && isTitle({ text: word, start: 0, end: 0, isWord: true })) first = i + 1;
  });
  return words.slice(first);
}

/** The surname of a written name: its last word, with a possessive ending removed. */
export function surnameOf(name: string): string {
  const words = nameWords(name);
  return words[words.length - 1] ?? name;
}

/**
 * Folds one word of a name to a transliteration-neutral key: lower case, no diacritics or
 * apostrophes, "x" as "ks", "w" as "v", the Slavic endings -iy/-yy/-yi/-ij/-i as -y, "ei" as
 * "ey", "yo" as "e", and doubled letters single.
 */
export function foldName(word: string): string {
  // Russian and Ukrainian decline names ("по словам Пескова", "за словами Кулеби"): the case
  // ending goes, so a declined name is the same person as its nominative ("Песков", "Кулеба").
  if (CYRILLIC.test(word)) return word.toLowerCase().replace(/[’'`ʼ.]/gu, '').replace(CYRILLIC_ENDING, '');
  let w = stripDiacritics(word.toLowerCase()).replace(/[’'`ʼ.]/gu, '');
  w = w.replace(/x/g, 'ks').replace(/w/g, 'v');
  w = w.replace(/(?:iy|yy|yi|ij|ii|yj)$/u, 'y');
  w = w.replace(/ii/g, 'i').replace(/ei/g, 'ey').replace(/yo/g, 'e');
  w = w.replace(/(\p{L})\1+/gu, '$1');
  w = w.replace(/i$/u, 'y');
  return w;
}

const CYRILLIC = /^\p{Script=Cyrillic}/u;
// Case endings of declined names, longest first; at least three letters of stem are kept.
const CYRILLIC_ENDING = /(?<=\p{L}{3})(?:ого|его|ому|ему|ими|ыми|ий|ій|ый|ой|ей|ом|ем|ым|им|ою|ею|а|я|у|ю|ы|и|е|і|ї)$/u;

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Writes `sourceName` the way the draft wrote its speaker: the surname alone when the draft
 * used one word ("Lavrov" → "Kuleba"), else the source's full name without titles.
 */
export function nameInDraftForm(sourceName: string, draftName: string): string {
  const draftWords = nameWords(draftName);
  const sourceWords = nameWords(sourceName);
  if (sourceWords.length === 0) return sourceName;
  return draftWords.length <= 1 ? sourceWords[sourceWords.length - 1] : sourceWords.join(' ');
}
