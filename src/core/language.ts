// The language of a stretch of text, where a check depends on it. Today one rule does: a
// capitalised word marks a name only in languages that capitalise names and not every noun, so
// a German drift ("Anlass" for "Grund") is no changed name. The language comes from what the
// writer or the page declared (front matter `lang:`, the HTML `lang` attribute, a folder's
// metadata) and otherwise from the text around the words, read by franc's trigram models.

import { franc } from 'franc-min';
import { LruMap } from './lruMap';
import type { Span } from './types';
import { hashWord } from './wordScanner';

/** ISO 639-3 codes that franc reports, for the languages whose rules differ, as ISO 639-1. */
const TWO_LETTER: Record<string, string> = {
  deu: 'de', ltz: 'lb', eng: 'en', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl',
  rus: 'ru', ukr: 'uk', pol: 'pl', ces: 'cs', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi',
  arb: 'ar', heb: 'he', cmn: 'zh', jpn: 'ja', kor: 'ko', tha: 'th', tur: 'tr', ron: 'ro',
};

/** Languages that capitalise every noun, where a capital says nothing about a name. */
const NOUNS_CAPITALISED = new Set(['de', 'lb', 'gsw', 'bar']);

// Around the words rather than the words alone: a few words are too few to tell German from
// Dutch, a paragraph is plenty. The memo keeps a long draft from paying for each of its quotes;
// it is keyed by a hash of the sample, since a sample is a slice that would keep its whole
// draft alive, and a rare collision costs no more than a wrong guess.
const CONTEXT = 600;
const detected = new LruMap<number, string>(256);

/** The primary language subtag of a declared tag ("de-CH" → "de"), lower-cased. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/** The language declared in a draft's front matter (`lang: de`), if any. */
export function declaredLanguage(text: string): string | undefined {
  if (!text.startsWith('---')) return undefined;
  const head = text.slice(0, 4096);
  const end = head.search(/\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  if (end < 0) return undefined;
  const found = /^(?:lang|language):[ \t]*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)/m.exec(head.slice(0, end));
  return primaryLanguage(found?.[1]);
}

/** The language of the text around `span`, as an ISO 639-1 code where there is one; undefined when unsure. */
export function languageAround(text: string, span: Span): string | undefined {
  let from = Math.max(0, span.start - CONTEXT);
  let to = Math.min(text.length, span.end + CONTEXT);
  // Whole words only, so the same paragraph gives the same sample whichever quote asks.
  while (from > 0 && from < span.start && !/\s/.test(text.charAt(from - 1))) from++;
  while (to < text.length && to > span.end && !/\s/.test(text.charAt(to))) to--;
  const sample = text.slice(from, to);
  const key = hashWord(sample) ^ sample.length;
  const known = detected.get(key);
  if (known !== undefined) return known || undefined;
  const code = franc(sample, { minLength: 20 });
  const language = code === 'und' ? '' : (TWO_LETTER[code] ?? code);
  detected.set(key, language);
  return language || undefined;
}

/** True when a capital letter can mark a name in `language` (unknown languages are taken to). */
export function capitalMarksNames(language: string | undefined): boolean {
  return !language || !NOUNS_CAPITALISED.has(language);
}
