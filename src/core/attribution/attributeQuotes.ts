// Quotations with their speakers, for drafts and sources alike: the extractor finds the quotes
// and the attribution written beside them, and the resolver follows sentences, pronouns and
// split quotes to the rest. Sources are read the same way, once per document and only when a
// draft quote matched them, to learn who each source credits with a passage.

import { extractQuotes } from '../extract/extractQuotes';
import { draftProseOf } from '../extract/markdownProse';
import { type DraftProse, plainTextProse } from '../extract/prose';
import type { Quote, SourceDocument, Span, Speaker, TextFormat } from '../types';
import { knownPeople, titledNames } from './clauses';
import { resolveSpeakers } from './resolveSpeakers';
import { AliasTable, foldName, nameWords } from './sameSpeaker';

/** Extracts the quotations of `text` and credits each to its speaker where the text says who. */
export function attributeQuotes(text: string, format: TextFormat, aliases: AliasTable = new AliasTable(), prose: DraftProse = draftProseOf(text, format)): Quote[] {
  const quotes = extractQuotes(text, format, prose);
  if (quotes.every((q) => q.speaker)) return quotes;
  try {
    return resolveSpeakers(prose.masked, prose.blocks, quotes, aliases);
  } catch {
    // Following attributions is an extra: a text it cannot read keeps the speakers named beside
    // its quotes, and its words are still checked.
    return quotes;
  }
}

/** Who a source credits with a passage, and the fullest form of that name in the source. */
export interface PassageSpeaker {
  name: string;
  fullName: string;
  /** True for a body the source names with an article ("the White House said"). */
  institution: boolean;
}

/** The attributed quotations of one source, with the names it uses for each person. */
interface SourceQuotes {
  quotes: Quote[];
  /** Folded surname → fullest name written in the source. */
  fullNames: Map<string, string>;
}

// A passage counts as a source quotation's words when at least this share of it lies inside one.
const MIN_INSIDE_SHARE = 0.5;

// Source documents never change once loaded (a changed file is loaded as a new document), so
// their quotations are remembered per document object and shared by every checker of a corpus;
// the inner key is the alias table, which can change how a source's descriptions are read.
const READ_SOURCES = new WeakMap<SourceDocument, Map<string, SourceQuotes>>();

/** Reads sources for their speakers lazily and remembers each document's quotations. */
export class SourceSpeakers {
  constructor(private readonly aliases: AliasTable = new AliasTable()) {}

  /** The speaker the source credits with `span` of its text, or null when it credits no one. */
  speakerOf(document: SourceDocument, span: Span): PassageSpeaker | null {
    const source = this.quotesOf(document);
    // A transcript turn names its speaker outright ("MAYOR DUNMORE"); a quotation credits its own.
    // A role label ("QUESTION", "Q") names no one: a reporter quoting a phrase back is not its author.
    const label = document.locate?.(span.start).speaker;
    const turn = label && !isRoleLabel(label) ? label : undefined;
    const quoted = turn ? null : quoteSpeaker(source.quotes, span);
    const credited = turn ?? quoted?.name;
    if (!credited) return null;
    const words = turn ? nameWords(turn).map(readableCase) : nameWords(credited);
    if (words.length === 0) return null;
    const name = words.join(' ');
    const institution = quoted !== null && /(?:^|[^\p{L}])the\s+$/iu.test(document.text.slice(Math.max(0, quoted.span.start - 5), quoted.span.start));
    if (institution) return { name, fullName: name, institution };
    const fullName = source.fullNames.get(foldName(words[words.length - 1])) ?? name;
    return { name, fullName: nameWords(fullName).length > words.length ? fullName : name, institution };
  }

  private quotesOf(document: SourceDocument): SourceQuotes {
    let byAliases = READ_SOURCES.get(document);
    if (!byAliases) {
      byAliases = new Map();
      READ_SOURCES.set(document, byAliases);
    }
    let found = byAliases.get(this.aliases.key);
    if (!found) {
      found = readSource(document.text, this.aliases);
      byAliases.set(this.aliases.key, found);
    }
    return found;
  }
}

/** Transcript labels for a role rather than a person. */
const ROLE_LABELS = new Set(['q', 'a', 'question', 'questions', 'answer', 'reporter', 'reporters', 'journalist', 'moderator', 'interviewer', 'host', 'audience', 'voice', 'unidentified', 'unknown', 'participant', 'operator', 'crosstalk']);

function isRoleLabel(label: string): boolean {
  const first = label.toLowerCase().replace(/\s*\(.*$/, '').trim();
  return ROLE_LABELS.has(first) || /^(?:unidentified|unknown)\b/.test(first);
}

/** The speaker of the source quotation holding most of `span`, when it holds at least half of it. */
function quoteSpeaker(quotes: Quote[], span: Span): Speaker | null {
  let best: Quote | null = null;
  let bestInside = 0;
  for (const quote of quotes) {
    if (quote.inner.start >= span.end) break;
    const inside = Math.min(quote.inner.end, span.end) - Math.max(quote.inner.start, span.start);
    if (inside > bestInside) {
      best = quote;
      bestInside = inside;
    }
  }
  if (!best?.speaker || bestInside < MIN_INSIDE_SHARE * (span.end - span.start)) return null;
  return best.speaker;
}

/** Transcripts write speakers in capitals ("DUNMORE"); a name is shown as "Dunmore". */
function readableCase(word: string): string {
  if (word.length < 2 || word !== word.toUpperCase() || !/\p{Lu}/u.test(word)) return word;
  return word.charAt(0) + word.slice(1).toLowerCase().replace(/([-’'])(\p{Ll})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase());
}

function readSource(text: string, aliases: AliasTable): SourceQuotes {
  let quotes: Quote[];
  try {
    // A source's prose is read here directly: the draft prose cache is for drafts, which a run
    // of source documents would otherwise push out.
    quotes = attributeQuotes(text, 'plaintext', aliases, plainTextProse(text));
  } catch {
    // A source the extractor cannot read credits no one; the match itself still stands.
    quotes = [];
  }
  const speakers = quotes.flatMap((quote) => (quote.speaker ? [{ name: quote.speaker.name, span: quote.speaker.span }] : []));
  const fullNames = knownPeople([...speakers, ...titledNames(text, { start: 0, end: text.length })]);
  return { quotes, fullNames };
}
