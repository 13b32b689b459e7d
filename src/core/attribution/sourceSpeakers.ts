// Who a source credits with a matched passage: the speaker of a transcript turn, or of the
// source quotation the passage lies in. Sources are read once per document and only when a
// draft quote matched them, and then only as far as the passages asked about need (see
// sourceReading.ts).

import { isRoleLabel, kindOfSubject } from '../extract/speakerKind';
import type { SourceDocument, Span, SpeakerKind } from '../types';
import { AliasTable, foldName, nameWords } from './sameSpeaker';
import { SourceReading } from './sourceReading';

/** Who a source credits with a passage, and the fullest form of that name in the source. */
export interface PassageSpeaker {
  name: string;
  fullName: string;
  /** What the source's speaker is; a transcript turn of a person is a person. */
  kind: SpeakerKind;
  /** True when the source names the speaker in the passage's own attribution or turn. */
  confident: boolean;
  description?: string;
  /**
   * True when a primary source names the speaker itself, in the passage's own turn label or in
   * its byline, rather than reporting a quotation: such a name outranks what reports say.
   */
  own?: boolean;
}

// Source documents never change once loaded (a changed file is loaded as a new document), so
// their readings are remembered per document object and shared by every checker of a corpus;
// the inner key is the alias table, which can change how a source's descriptions are read.
const READ_SOURCES = new WeakMap<SourceDocument, Map<string, SourceReading>>();

/** Reads sources for their speakers lazily and remembers each document's reading. */
export class SourceSpeakers {
  constructor(private readonly aliases: AliasTable = new AliasTable()) {}

  /** The speaker the source credits with `span` of its text, or null when it credits no one. */
  speakerOf(document: SourceDocument, span: Span): PassageSpeaker | null {
    // A transcript turn names its speaker outright ("MAYOR DUNMORE"); a quotation credits its own.
    // A role label ("QUESTION", "Q") names no one: a reporter quoting a phrase back is not its author.
    const label = document.locate?.(span.start).speaker;
    const turn = label && !isRoleLabel(label) ? label : undefined;
    const source = this.readingOf(document);
    const quoted = turn ? null : source.quoteSpeaker(span);
    const primary = document.meta.kind === 'primary';
    if (!turn && !quoted) return primary ? bylineSpeaker(document) : null;
    const credited = turn ?? quoted?.name;
    if (!credited) return null;
    const words = turn ? nameWords(turn).map(readableCase) : nameWords(credited);
    if (words.length === 0) return null;
    const name = words.join(' ');
    const kind: SpeakerKind = quoted ? quoted.kind : 'person';
    const confident = quoted ? quoted.confident : true;
    const description = quoted?.description;
    const extra = description ? { description } : {};
    if (kind !== 'person') return { name: quoted?.name ?? name, fullName: quoted?.name ?? name, kind, confident, ...extra };
    const fullName = source.names().get(foldName(words[words.length - 1])) ?? name;
    // A turn's own words, not a quotation the speaker reads out within the turn.
    const own = primary && turn !== undefined && !source.quoteSpeaker(span) ? { own: true } : {};
    return { name, fullName: nameWords(fullName).length > words.length ? fullName : name, kind, confident, ...extra, ...own };
  }

  private readingOf(document: SourceDocument): SourceReading {
    let byAliases = READ_SOURCES.get(document);
    if (!byAliases) {
      byAliases = new Map();
      READ_SOURCES.set(document, byAliases);
    }
    let reading = byAliases.get(this.aliases.key);
    if (!reading) {
      reading = new SourceReading(document.text, this.aliases);
      byAliases.set(this.aliases.key, reading);
    }
    return reading;
  }
}

/**
 * The author of a primary source (a statement, a post, a speech text) as the speaker of its own
 * words, when the byline names one person; an office or a desk ("Press Office") credits no one.
 */
function bylineSpeaker(document: SourceDocument): PassageSpeaker | null {
  const words = nameWords(document.meta.author ?? '');
  if (words.length < 2 || words.length > 4 || kindOfSubject(words, '') !== 'person') return null;
  const name = words.join(' ');
  return { name, fullName: name, kind: 'person', confident: true, own: true };
}

/** Transcripts write speakers in capitals ("DUNMORE"); a name is shown as "Dunmore". */
function readableCase(word: string): string {
  if (word.length < 2 || word !== word.toUpperCase() || !/\p{Lu}/u.test(word)) return word;
  return word.charAt(0) + word.slice(1).toLowerCase().replace(/([-’'])(\p{Ll})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase());
}
