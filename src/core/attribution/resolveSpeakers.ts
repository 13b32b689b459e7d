// Credits quotations whose speaker is not named right beside them, the way a reader would: from
// the attribution elsewhere in the quote's sentence ("Peskov told reporters that the reply left
// “little ground for optimism”"), through a pronoun or description that refers back to the
// last person named in the same or the preceding paragraph ("“…,” he said"), and from the first
// half of a quote split by its attribution ("“…,” he said. “…”").

import { isCapitalised, isNonName, isPronoun, tokensOf } from '../extract/speakerWords';
import { ownCopy } from '../extract/chunkedProse';
import { LruMap } from '../lruMap';
import type { Quote, Span, Speaker } from '../types';
import { type Clause, type Mention, clausesOf, knownPeople, knownSurnames, titledNames } from './clauses';
import { AliasTable, nameWords } from './sameSpeaker';
import { narrativeOf, sentenceSpans, spanIndexAt } from './sentences';

/** A name a later pronoun may refer to, and where it counts as said: its block and sentence. */
interface Candidate extends Mention {
  at: number;
  block: number;
  sentence: number;
}

/** What one block says about people, with offsets relative to the block's start. */
interface BlockReading {
  clauses: Clause[];
  titled: Mention[];
}

// Readings are remembered by the block's text: a writer's edit changes one paragraph, and the
// others, read again on every check, would otherwise cost most of the re-check. Clauses and
// titled names depend only on the block's own characters, so the text is the whole key.
const READINGS = new LruMap<string, BlockReading>(20000);

function readBlock(narrative: string, block: Span): BlockReading {
  let text = narrative.slice(block.start, block.end);
  let reading = READINGS.get(text);
  if (!reading) {
    // Read from a copy: a slice, and every name cut from it, would keep this version of the draft alive.
    text = ownCopy(text);
    const whole = { start: 0, end: text.length };
    reading = { clauses: clausesOf(text, whole), titled: titledNames(text, whole) };
    READINGS.set(text, reading);
  }
  return shiftReading(reading, block.start);
}

function shiftReading(reading: BlockReading, by: number): BlockReading {
  const shift = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  return {
    clauses: reading.clauses.map((c) => ({ ...c, verb: shift(c.verb), span: shift(c.span) })),
    titled: reading.titled.map((m) => ({ ...m, span: shift(m.span) })),
  };
}

/** Returns `quotes` with speakers filled in where the attribution stands away from the quote. */
export function resolveSpeakers(masked: string, blocks: Span[], quotes: Quote[], aliases: AliasTable = new AliasTable()): Quote[] {
  if (quotes.length === 0 || blocks.length === 0) return quotes;
  return new Resolver(masked, blocks, quotes, aliases).run();
}

class Resolver {
  private readonly narrative: string;
  // What is known about each block, worked out when a quote first needs it: most quotes are
  // credited beside them, and only the blocks around the others are read further.
  private readonly sentences: Span[][] = [];
  private readonly readings: BlockReading[] = [];
  private readonly mentions: Mention[][] = [];
  private people: Map<string, string> | null = null;
  /** Speakers credited so far and where their quotes stand, for later pronouns. */
  private readonly credited: { mention: Mention; at: number }[] = [];

  constructor(masked: string, private readonly blocks: Span[], private readonly quotes: Quote[], private readonly aliases: AliasTable) {
    this.narrative = narrativeOf(masked, quotes);
  }

  run(): Quote[] {
    const resolved: Quote[] = [];
    this.quotes.forEach((quote, q) => {
      const speaker = quote.speaker ?? this.speakerFor(quote, resolved[q - 1] ?? null);
      const result = speaker === quote.speaker ? quote : { ...quote, speaker };
      resolved.push(result);
      if (speaker) this.credit(speaker, speaker.mention?.start ?? quote.outer.start);
    });
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
    if (before.length + after.length > 0) {
      const subject = this.sentenceSubject(first, opening, quote.outer.start);
      if (subject) return subject;
    }
    return this.continuation(quote, previous, first, opening);
  }

  /** The speaker a clause credits; pronouns and descriptions are followed back to a name. */
  private fromClause(clause: Clause, block: number, at: number): Speaker | null {
    if (clause.subject === 'name') return { name: clause.text, span: clause.span, via: 'sentence' };
    if (clause.subject === 'description' && this.aliases.has(clause.text)) {
      return { name: clause.text, span: clause.span, via: 'description' };
    }
    const antecedent = (clause.subject === 'description' && this.titledAntecedent(block, at, clause.text)) || this.antecedent(block, at);
    if (!antecedent) return null;
    return { name: antecedent.name, span: antecedent.span, via: clause.subject === 'pronoun' ? 'pronoun' : 'description', mention: clause.span };
  }

  /**
   * The person a pronoun at `at` refers to: in the latest sentence of this or the preceding
   * block that names someone, the first person named (the subject, in news copy).
   */
  /**
   * For a description ("the ambassador said"), the latest person in reach introduced with its
   * head word as a title ("Ambassador Rafael Ortiz"), which beats anyone named since.
   */
  private titledAntecedent(block: number, at: number, description: string): Mention | null {
    const head = description.trim().split(/\s+/).pop()?.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!head) return null;
    const title = new RegExp(`(?<![\\p{L}])${head}(?![\\p{L}])`, 'u');
    let best: Mention | null = null;
    for (let b = Math.max(0, block - 1); b <= block; b++) {
      for (const mention of this.titledOf(b)) {
        if (mention.span.start >= at) continue;
        const before = this.narrative.slice(Math.max(this.blocks[b].start, mention.span.start - 40), mention.span.start).toLowerCase();
        if (title.test(before) && (!best || mention.span.start > best.span.start)) best = mention;
      }
    }
    return best;
  }

  private antecedent(block: number, at: number): Mention | null {
    let best: Candidate | null = null;
    const consider = (c: Candidate) => {
      if (c.at >= at || c.block < block - 1 || c.block > block) return;
      if (!best || c.block > best.block || (c.block === best.block && (c.sentence > best.sentence || (c.sentence === best.sentence && c.at < best.at)))) best = c;
    };
    for (let b = Math.max(0, block - 1); b <= block; b++) {
      for (const mention of this.mentionsOf(b)) consider(this.candidate(mention, mention.span.start));
    }
    for (const { mention, at: place } of this.credited) {
      if (place < at && place >= this.blocks[Math.max(0, block - 1)].start) consider(this.candidate(mention, place));
    }
    return best;
  }

  /** "Blinken agreed on Twitter, saying, “…”": the name that opens the quote's sentence. */
  private sentenceSubject(block: number, sentence: Span, end: number): Speaker | null {
    const tokens = tokensOf(this.narrative, sentence.start, Math.min(end, sentence.start + 200));
    let i = 0;
    if (tokens[i] && isNonName(tokens[i]) && !isPronoun(tokens[i])) i++;
    if (tokens[i] && tokens[i].text === ',') i++;
    if (!tokens[i] || !isCapitalised(tokens[i])) return null;
    if (isPronoun(tokens[i])) {
      if (!/^(?:he|she)$/iu.test(tokens[i].text)) return null;
      const antecedent = this.antecedent(block, tokens[i].start);
      const mention = { start: tokens[i].start, end: tokens[i].end };
      return antecedent ? { name: antecedent.name, span: antecedent.span, via: 'pronoun', mention } : null;
    }
    let j = i;
    while (j < tokens.length && isCapitalised(tokens[j])) j++;
    // The name must be followed by a verb, not be the start of a longer noun phrase.
    if (j >= tokens.length || !/^\p{Ll}/u.test(tokens[j].text)) return null;
    const words = nameWords(this.narrative.slice(tokens[i].start, tokens[j - 1].end));
    // "Brennan’s plan was called…": a possessive names the owner of the subject, not the subject.
    if (words.length === 0 || isNonName(tokens[j - 1]) || /[’']s$/u.test(tokens[j - 1].text)) return null;
    // Titles lead the run ("Foreign Minister Sergey Lavrov"); the name is its last words.
    const span = { start: tokens[j - words.length].start, end: tokens[j - 1].end };
    return { name: this.narrative.slice(span.start, span.end), span, via: 'sentence' };
  }

  /** A quote that opens its sentence right after another quote shares that quote's speaker. */
  private continuation(quote: Quote, previous: Quote | null, block: number, sentence: Span): Speaker | null {
    if (!previous?.speaker) return null;
    const previousBlock = this.blockAt(Math.max(previous.outer.start, previous.outer.end - 1));
    const shared = { name: previous.speaker.name, span: previous.speaker.span, via: 'continuation' as const };
    if (previousBlock === block && sentence.start === quote.outer.start) return shared;
    // A paragraph that is one quotation continues the quotation of the paragraph before.
    const own = this.blocks[block];
    const wholeBlock = this.narrative.slice(own.start, quote.outer.start).trim() === '' && /^[\s.,;:!?)]*$/u.test(this.narrative.slice(quote.outer.end, own.end));
    return wholeBlock && previousBlock === block - 1 ? shared : null;
  }

  private credit(speaker: Speaker, at: number): void {
    this.credited.push({ mention: { name: speaker.name, span: speaker.span }, at });
  }

  private candidate(mention: Mention, at: number): Candidate {
    const block = this.blockAt(at);
    return { ...mention, at, block, sentence: spanIndexAt(this.sentencesOf(block), at) };
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

  /** People named in a block, by position: speakers, titled names and known surnames. */
  private mentionsOf(block: number): Mention[] {
    let found = this.mentions[block];
    if (!found) {
      const span = this.blocks[block];
      const named = this.clausesOf(block).filter((c) => c.subject === 'name' && c.person).map((c) => ({ name: c.text, span: c.span }));
      found = [...named, ...this.titledOf(block), ...knownSurnames(this.narrative, span, this.knownPeople())];
      found.sort((x, y) => x.span.start - y.span.start);
      this.mentions[block] = found;
    }
    return found;
  }

  /** People the whole text names in full, by folded surname, so that a bare surname is known to be a person. */
  private knownPeople(): Map<string, string> {
    if (!this.people) {
      const titled = this.blocks.flatMap((_, b) => this.titledOf(b));
      const speakers = this.blocks.flatMap((_, b) => this.clausesOf(b)).filter((c) => c.subject === 'name' && c.person).map((c) => ({ name: c.text, span: c.span }));
      this.people = knownPeople([...titled, ...speakers]);
    }
    return this.people;
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
