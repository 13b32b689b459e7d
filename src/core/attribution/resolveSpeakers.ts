// Credits quotations whose speaker is not named right beside them, the way a reader would: from
// the cue elsewhere in the quote's sentence ("Peskov told reporters that the reply left “little
// ground for optimism”") or the sentence's subject before a colon; through a pronoun or definite
// description that refers back to the subject of the nearest earlier sentence that is a person,
// in the same paragraph first, then the one before ("“…,” he said"); and from the first half of
// a quote split by its attribution ("“…,” he said. “…”"). Each speaker says whether it was read
// with confidence (see `Speaker.confident`); only those can ground a misattribution. A quote's
// speaker depends on its own sentence, the earlier sentences of its paragraph and the paragraph
// before, except that a bare surname counts as a person when the text names them in full.

import { runToEnd } from '../slicedRun';
import type { Quote, Span, Speaker } from '../types';
import { addPeople, blockPeople, blockReading, namedSpeakers, readBlock, type BlockReading, type NamedPerson } from './blockReadings';
import { type Clause, type Mention, knownSurnames } from './clauses';
import { AliasTable } from './sameSpeaker';
import { narrativeSteps, sentenceSpans, spanIndexAt } from './sentences';
import { type Subject, subjectOf } from './subjects';

/** The person a pronoun or description refers to, and whether it was found in the quote's own paragraph. */
interface Antecedent extends Mention {
  confident: boolean;
}

/** Returns `quotes` with speakers filled in where the attribution stands away from the quote. */
export function resolveSpeakers(masked: string, blocks: Span[], quotes: Quote[], aliases: AliasTable = new AliasTable()): Quote[] {
  return runToEnd(resolveSpeakerSteps(masked, blocks, quotes, aliases));
}

/** Quotes resolved between two steps. */
const QUOTES_PER_STEP = 4;
/** Blocks gathered for the known people between two steps. */
const BLOCKS_PER_STEP = 16;

/** `resolveSpeakers` in steps of a few dozen quotes, for a caller that spreads a long draft over several turns. */
export function* resolveSpeakerSteps(masked: string, blocks: Span[], quotes: Quote[], aliases: AliasTable = new AliasTable()): Generator<void, Quote[]> {
  if (quotes.length === 0 || blocks.length === 0) return quotes;
  const narrative = yield* narrativeSteps(masked, quotes);
  return yield* new Resolver(narrative, blocks, quotes, aliases).steps();
}

class Resolver {
  // What is known about each block, worked out when a quote first needs it: most quotes are
  // credited beside them, and only the blocks around the others are read further.
  private readonly sentences: Span[][] = [];
  private readonly readings: BlockReading[] = [];
  /** Speakers credited so far and where their quotes stand, for later pronouns. */
  private readonly credited: { mention: Mention; at: number }[] = [];
  /** The opening subject of each sentence read so far, by the sentence's start. */
  private readonly openings = new Map<number, Subject | null>();
  private people: Map<string, string> | null = null;

  constructor(private readonly narrative: string, private readonly blocks: Span[], private readonly quotes: Quote[], private readonly aliases: AliasTable) {}

  *steps(): Generator<void, Quote[]> {
    const resolved: Quote[] = [];
    for (let q = 0; q < this.quotes.length; q++) {
      const quote = this.quotes[q];
      // The people of the whole text are gathered in steps before a quote first needs them.
      if (!quote.speaker && !this.people) this.people = yield* this.knownPeopleSteps();
      const speaker = quote.speaker ?? this.speakerFor(quote, resolved[q - 1] ?? null);
      const result = speaker === quote.speaker ? quote : { ...quote, speaker };
      resolved.push(result);
      if (speaker && speaker.kind === 'person') this.credit(speaker, quote.outer.start);
      if (q % QUOTES_PER_STEP === QUOTES_PER_STEP - 1) yield;
    }
    return resolved;
  }

  private speakerFor(quote: Quote, previous: Quote | null): Speaker | null {
    const first = this.blockAt(quote.outer.start);
    const last = this.blockAt(Math.max(quote.outer.start, quote.outer.end - 1));
    const opening = this.sentenceAt(first, quote.outer.start);
    const closing = this.sentenceAt(last, Math.max(quote.outer.start, quote.outer.end - 1));
    const before = this.clausesOf(first).filter((c) => c.verb.start >= opening.start && c.verb.end <= quote.outer.start);
    const after = this.clausesOf(last).filter((c) => c.verb.start >= quote.outer.end && c.verb.start < closing.end);
    const chosen = [...before].reverse().find(credits) ?? after.find(credits);
    if (chosen) return this.fromClause(chosen, first, Math.min(chosen.span.start, quote.outer.start));
    // A verb without a subject of its own ("…, saying, “…”") or a colon introduction ("X struck
    // the same note: “…”") credits the subject of the quote's sentence.
    const colon = this.introducedByColon(opening, quote);
    if (before.length + after.length > 0 || colon) {
      const subject = this.sentenceSubject(first, opening, quote.outer.start);
      // Only a colon introduces a quote for a description ("The premier … struck the same note:");
      // a verb without a subject of its own ("…, saying") is read with a named subject only.
      if (subject && (colon || subject.kind === 'person')) return subject;
    }
    return this.continuation(quote, previous, first, opening);
  }

  /** True when the quote follows a colon that closes the narrative of its sentence. */
  private introducedByColon(sentence: Span, quote: Quote): boolean {
    const before = this.narrative.slice(sentence.start, quote.outer.start);
    return /:\s*$/u.test(before) && /\p{L}/u.test(before);
  }

  /** The speaker a clause credits; pronouns and person descriptions are followed back to a name. */
  private fromClause(clause: Clause, block: number, at: number): Speaker | null {
    if (clause.subject === 'name') return { name: clause.text, span: clause.span, kind: clause.kind, confident: true, via: 'sentence' };
    if (clause.subject === 'description' && this.aliases.has(clause.text)) {
      return { name: clause.text, span: clause.span, kind: 'person', confident: true, via: 'description' };
    }
    // Only "he", "she" and a definite description of a person ("the veteran diplomat") refer back;
    // "a spokeswoman" is someone new, and "the law firm" is a body speaking for itself.
    const definite = clause.subject === 'pronoun' || (clause.person && !/^(?:a|an|one)\s/iu.test(clause.text));
    if (definite) {
      const antecedent = clause.subject === 'pronoun' ? this.antecedent(block, at) : this.describedPerson(block, at, clause.text);
      if (antecedent) {
        return {
          name: antecedent.name, span: antecedent.span, kind: 'person', confident: antecedent.confident,
          via: clause.subject === 'pronoun' ? 'pronoun' : 'description', mention: clause.span,
          ...(clause.subject === 'description' ? { description: clause.text } : {}),
        };
      }
    }
    if (clause.subject !== 'description') return null;
    return { name: clause.text, span: clause.span, kind: clause.kind, confident: false, via: 'description' };
  }

  /**
   * The person a definite description refers to. Its head word used as a title ("Ambassador
   * Rafael Ortiz" … "the ambassador") ties it with confidence; otherwise it is taken as the
   * nearest earlier person subject ("the veteran diplomat"), a guess that is shown but never
   * grounds for a misattribution. A description that names a relation ("the union's secretary",
   * "its chair") is someone else, not the person before.
   */
  private describedPerson(block: number, at: number, description: string): Antecedent | null {
    const titled = this.titledAntecedent(block, at, description);
    if (titled) return titled;
    if (/[’']s\s|^(?:his|her|its|their|our)\s/iu.test(description)) return null;
    const guessed = this.antecedent(block, at);
    return guessed && { ...guessed, confident: false };
  }

  /**
   * For a description ("the ambassador said"), the latest person in reach introduced with its
   * head word as a title ("Ambassador Rafael Ortiz"), which beats anyone named since.
   */
  private titledAntecedent(block: number, at: number, description: string): Antecedent | null {
    const head = description.trim().split(/\s+/).pop()?.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!head) return null;
    const title = new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'u');
    let best: Mention | null = null;
    let bestBlock = -1;
    for (let b = Math.max(0, block - 1); b <= block; b++) {
      for (const mention of this.titledOf(b)) {
        if (mention.span.start >= at) continue;
        const before = this.narrative.slice(Math.max(this.blocks[b].start, mention.span.start - 40), mention.span.start).toLowerCase();
        if (title.test(before) && (!best || mention.span.start > best.span.start)) {
          best = mention;
          bestBlock = b;
        }
      }
    }
    return best ? { ...best, confident: bestBlock === block } : null;
  }

  /**
   * The person a pronoun or description at `at` refers to: the subject of the nearest earlier
   * sentence whose subject is a person, in this paragraph first and then in the one before. A
   * sentence about a thing or a group ("The gallery was silent") is passed over; one whose
   * subject is another unnamed person ("The minister spoke next") stops the search, since the
   * pronoun may be theirs. A sentence that opens with a quote has its cue's subject as subject.
   */
  private antecedent(block: number, at: number): Antecedent | null {
    // A pronoun that opens its paragraph ("“…,” she said." right after the paragraph naming
    // her) reads as surely as one in the same paragraph; one that passed over sentences of its
    // own paragraph to reach the paragraph before is a guess.
    let passedOver = false;
    for (let b = block; b >= Math.max(0, block - 1); b--) {
      const sentences = this.sentencesOf(b);
      for (let s = sentences.length - 1; s >= 0; s--) {
        const sentence = sentences[s];
        if (sentence.start >= at || this.isHeadline(sentence, at)) continue;
        const subject = this.subjectIn(b, sentence, at);
        if (b === block && sentence.end <= at && this.narrative.slice(sentence.start, Math.min(sentence.end, at)).match(/\p{L}/u)) passedOver ||= !subject || subject.form !== 'name';
        if (subject?.form === 'name' && subject.kind === 'person') return { name: subject.name, span: subject.span, confident: b === block || !passedOver };
        // "The mayor added that …": a definite description of a person refers back in turn.
        if (subject?.form === 'description' && subject.personal) {
          if (/^(?:a|an|one)\s/iu.test(subject.name)) return null;
          const chained = this.describedPerson(b, subject.span.start, subject.name);
          return chained && { ...chained, confident: chained.confident && (b === block || !passedOver) };
        }
        // A sentence about a thing or a group ("All eyes are now on President Vladimir Putin")
        // leaves the first person it names; a guess, so never grounds for a misattribution.
        const named = this.personNamedIn(b, sentence, at);
        if (named) return { ...named, confident: false };
      }
    }
    return null;
  }

  /** True for a line without a closing stop ("Border talks"), a title rather than a sentence about someone. */
  private isHeadline(sentence: Span, at: number): boolean {
    if (sentence.end > at) return false;
    return !/[.!?:;,”"’')\]]\s*$/u.test(this.narrative.slice(sentence.start, sentence.end));
  }

  /** The first person a sentence names before `at`: a speaker, a titled name or the surname of someone named in full. */
  private personNamedIn(block: number, sentence: Span, at: number): Mention | null {
    const end = Math.min(at, sentence.end);
    const inSentence = (m: Mention) => m.span.start >= sentence.start && m.span.end <= end;
    const speakers = namedSpeakers(this.clausesOf(block));
    const found = [...speakers, ...this.titledOf(block), ...knownSurnames(this.narrative, { start: sentence.start, end }, this.knownPeople())].filter(inSentence);
    found.sort((x, y) => x.span.start - y.span.start);
    return found[0] ?? null;
  }

  /** People the whole text names in full, by folded surname, so that a bare surname is known to be a person. */
  private knownPeople(): Map<string, string> {
    return (this.people ??= runToEnd(this.knownPeopleSteps()));
  }

  /**
   * `knownPeople` of the titled names of every block and then of every named speaker, gathered
   * block by block from the blocks' remembered readings, so that a re-check after an edit reads
   * only the blocks that changed.
   */
  private *knownPeopleSteps(): Generator<void, Map<string, string>> {
    const speakers: NamedPerson[][] = [];
    const people = new Map<string, NamedPerson>();
    for (let b = 0; b < this.blocks.length; b++) {
      const named = blockPeople(blockReading(this.narrative, this.blocks[b]));
      addPeople(people, named.titled);
      if (named.speakers.length) speakers.push(named.speakers);
      if (b % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    }
    // Titled names come first, as `knownPeople` is given them.
    for (const named of speakers) addPeople(people, named);
    yield;
    const names = new Map<string, string>();
    for (const [key, person] of people) names.set(key, person.name);
    return names;
  }

  private openingOf(sentence: Span): Subject | null {
    let subject = this.openings.get(sentence.start);
    if (subject === undefined) {
      subject = subjectOf(this.narrative, sentence);
      this.openings.set(sentence.start, subject);
    }
    return subject;
  }

  /** The subject of a sentence before `at`: its opening noun phrase, else the subject of its first naming cue. */
  private subjectIn(block: number, sentence: Span, at: number): Subject | null {
    const opening = this.openingOf(sentence);
    if (opening && opening.span.start < at && opening.form !== 'pronoun') return opening;
    const clause = this.clausesOf(block).find((c) => c.verb.start >= sentence.start && c.verb.end <= Math.min(at, sentence.end) && c.subject === 'name');
    if (clause) return { name: clause.text, span: clause.span, kind: clause.kind, form: 'name', personal: clause.person };
    // A quote credited by continuation or through its own pronoun names its speaker too.
    let credited = this.creditedFrom(sentence.start);
    if (credited && credited.at >= Math.min(at, sentence.end)) credited = undefined;
    if (credited) return { name: credited.mention.name, span: credited.mention.span, kind: 'person', form: 'name', personal: true };
    return opening && opening.form === 'pronoun' ? null : opening;
  }

  /** "Blinken agreed on Twitter, saying, “…”": the subject of the quote's sentence. */
  private sentenceSubject(block: number, sentence: Span, end: number): Speaker | null {
    const subject = this.openingOf(sentence);
    if (!subject || subject.span.start >= end) return null;
    if (subject.form === 'pronoun') {
      const antecedent = this.antecedent(block, subject.span.start);
      return antecedent ? { name: antecedent.name, span: antecedent.span, kind: 'person', confident: antecedent.confident, via: 'pronoun', mention: subject.span } : null;
    }
    if (subject.form === 'description' && subject.personal && !/^(?:a|an|one)\s/iu.test(subject.name)) {
      const antecedent = this.describedPerson(block, subject.span.start, subject.name);
      if (antecedent) return { name: antecedent.name, span: antecedent.span, kind: 'person', confident: antecedent.confident, via: 'description', mention: subject.span, description: subject.name };
    }
    return { name: subject.name, span: subject.span, kind: subject.kind, confident: subject.form === 'name', via: 'sentence' };
  }

  /** A quote that opens its sentence right after another quote shares that quote's speaker. */
  private continuation(quote: Quote, previous: Quote | null, block: number, sentence: Span): Speaker | null {
    if (!previous?.speaker) return null;
    const previousBlock = this.blockAt(Math.max(previous.outer.start, previous.outer.end - 1));
    const { name, span, kind, confident } = previous.speaker;
    const shared: Speaker = { name, span, kind, confident, via: 'continuation' };
    if (previousBlock === block && sentence.start === quote.outer.start) return shared;
    // A paragraph that is one quotation continues the quotation of the paragraph before.
    const own = this.blocks[block];
    const wholeBlock = this.narrative.slice(own.start, quote.outer.start).trim() === '' && /^[\s.,;:!?)]*$/u.test(this.narrative.slice(quote.outer.end, own.end));
    return wholeBlock && previousBlock === block - 1 ? shared : null;
  }

  private credit(speaker: Speaker, at: number): void {
    this.credited.push({ mention: { name: speaker.name, span: speaker.span }, at });
  }

  /** The first quote credited at or after `offset`; quotes are credited in document order. */
  private creditedFrom(offset: number): { mention: Mention; at: number } | undefined {
    let lo = 0;
    let hi = this.credited.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.credited[mid].at < offset) lo = mid + 1;
      else hi = mid;
    }
    return this.credited[lo];
  }

  private sentencesOf(block: number): Span[] {
    return (this.sentences[block] ??= sentenceSpans(this.narrative, this.blocks[block]));
  }

  private clausesOf(block: number): Clause[] {
    return (this.readings[block] ??= readBlock(this.narrative, this.blocks[block])).clauses;
  }

  private titledOf(block: number): Mention[] {
    return (this.readings[block] ??= readBlock(this.narrative, this.blocks[block])).titled;
  }

  private blockAt(offset: number): number {
    return spanIndexAt(this.blocks, offset);
  }

  private sentenceAt(block: number, offset: number): Span {
    const sentences = this.sentencesOf(block);
    return sentences[spanIndexAt(sentences, offset)] ?? this.blocks[block];
  }
}

function credits(clause: Clause): boolean {
  return clause.subject !== 'none';
}
