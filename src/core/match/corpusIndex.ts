// The word index of a corpus: every document's words as interned ids in one flat token stream,
// plus, for each distinct word, the sorted positions where it occurs (postings). Word pairs are
// found by walking the postings of the rarer word of the pair, so no pair table is stored.
// Character offsets of tokens are not stored either: they are needed only for the few passages
// a check reports, and re-scanning one document for them costs microseconds, while storing
// them would double the index's memory. The re-scan stops at the last token asked for, so a
// passage near the start of a long document does not cost a scan of all of it.

import type { Corpus, SourceDocument } from '../types';
import { normalizeWord } from '../words';
import { LruMap } from '../lruMap';
import { HASH_SEED, hashStep, isAsciiAlnum, WordScanner } from '../wordScanner';
import { continuesWord, TokenOffsets } from './tokenOffsets';
import { searchCorpus, type SearchHit } from './searchCorpus';
import { buildPostings, decodePositions, type Postings } from './postings';
import { TokenStreamBuilder, type TokenStream } from './tokenStream';
import { Vocabulary } from './vocabulary';
import { lastAtOrBefore } from '../sortedSearch';

/** The arrays an index is made of, as built or as restored from a cache. */
export interface IndexParts {
  vocabulary: Vocabulary;
  tokens: TokenStream;
  docStarts: Int32Array;
  postings?: Postings;
}

/** How many documents keep their token offsets in memory between checks. */
const OFFSET_CACHE_SIZE = 256;

/** Builds an index document by document, from text or from tokens kept in a cache. */
export class IndexBuilder {
  readonly vocabulary: Vocabulary;
  private readonly ids: TokenStreamBuilder;
  private readonly docStarts: number[] = [];

  constructor(vocabulary = new Vocabulary(), expectedTokens = 1024) {
    this.vocabulary = vocabulary;
    this.ids = new TokenStreamBuilder(expectedTokens);
  }

  /** Tokenises `doc` (within its blocks) as the next document. */
  addDocument(doc: SourceDocument): void {
    this.docStarts.push(this.ids.size);
    const text = doc.text;
    for (const block of doc.blocks) this.addWords(text, block.start, block.end);
  }

  /**
   * Adds the words of `text[start, end)`. Plain ASCII words — most of an English archive — are
   * hashed and interned right here; anything the word rules treat specially (an apostrophe or a
   * decimal point inside, a non-ASCII letter, an initialism) goes through WordScanner, so the
   * words are exactly those `tokenize` finds.
   */
  private addWords(text: string, start: number, end: number): void {
    const vocabulary = this.vocabulary;
    const ids = this.ids;
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 128 && !isAsciiAlnum(c)) {
        i++;
        continue;
      }
      let j = i;
      let hash = HASH_SEED;
      if (c < 128) {
        for (; j < end; j++) {
          let d = text.charCodeAt(j);
          if (d >= 128 || !isAsciiAlnum(d)) break;
          if (d >= 65 && d <= 90) d += 32;
          hash = hashStep(hash, d);
        }
      }
      if (j > i && !continuesWord(text, i, j, end)) {
        ids.push(vocabulary.internAscii(text, i, j, hash >>> 0));
        i = j;
        continue;
      }
      const scanner = new WordScanner(text, i, end);
      if (!scanner.next()) break;
      ids.push(scanner.simple
        ? vocabulary.internAscii(text, scanner.start, scanner.end, scanner.hash)
        : vocabulary.intern(normalizeWord(text.slice(scanner.start, scanner.end))));
      // A run of Chinese, Japanese or Thai is split as a whole; a scanner started inside it
      // would split it again, perhaps differently, and once per word.
      while (scanner.inSegmentedRun && scanner.next()) ids.push(vocabulary.intern(normalizeWord(text.slice(scanner.start, scanner.end))));
      i = scanner.end;
    }
  }

  /** The word ids of `doc` alone, interning its new words in `vocabulary`. */
  static tokensOf(vocabulary: Vocabulary, doc: SourceDocument): Int32Array {
    const builder = new IndexBuilder(vocabulary, 256);
    builder.addDocument(doc);
    const tokens = builder.ids.finish();
    return tokens.slice(0, tokens.length);
  }

  /** Adds the next document from tokens [from, to) of a stream made with this vocabulary. */
  addTokens(tokens: TokenStream, from: number, to: number): void {
    this.docStarts.push(this.ids.size);
    this.ids.copy(tokens, from, to);
  }

  /** Finishes the index over `corpus`, whose documents were added in id order. */
  finish(corpus: Corpus): CorpusIndex {
    const docStarts = Int32Array.from([...this.docStarts, this.ids.size]);
    return CorpusIndex.fromParts(corpus, { vocabulary: this.vocabulary, tokens: this.ids.finish(), docStarts });
  }
}

/** The tokens of all documents and the positions of each word. */
export class CorpusIndex {
  /** Word id per token, documents back to back. */
  readonly tokens: TokenStream;
  /** `docStarts[d]` is the first token of document d; `docStarts[n]` is the token count. */
  readonly docStarts: Int32Array;
  /** Where each word occurs, compressed. */
  readonly postings: Postings;
  readonly vocabulary: Vocabulary;
  private readonly offsets = new LruMap<number, TokenOffsets>(OFFSET_CACHE_SIZE);

  private constructor(readonly corpus: Corpus, parts: Required<IndexParts>) {
    this.vocabulary = parts.vocabulary;
    this.tokens = parts.tokens;
    this.docStarts = parts.docStarts;
    this.postings = parts.postings;
  }

  /** Indexes every document of `corpus`. */
  static build(corpus: Corpus): CorpusIndex {
    const builder = new IndexBuilder();
    for (const doc of corpus.documents) builder.addDocument(doc);
    return builder.finish(corpus);
  }

  /** Assembles an index from its arrays, computing the postings when they are not given. */
  static fromParts(corpus: Corpus, parts: IndexParts): CorpusIndex {
    const postings = parts.postings ?? buildPostings(parts.tokens, parts.vocabulary.size);
    return new CorpusIndex(corpus, { ...parts, postings });
  }

  /** The id of a normalised word, or -1 when the corpus never uses it. */
  wordId(norm: string): number {
    return this.vocabulary.find(norm);
  }

  /** The normalised word with id `id`. */
  word(id: number): string {
    return this.vocabulary.word(id);
  }

  /** Ids of corpus words that start with `prefix` (for search-as-you-type), at most `limit`. */
  wordsWithPrefix(prefix: string, limit: number): number[] {
    const found: number[] = [];
    for (let id = 0; id < this.vocabulary.size && found.length < limit; id++) {
      if (this.vocabulary.word(id).startsWith(prefix)) found.push(id);
    }
    return found;
  }

  /** How many tokens of the corpus are word `id`. */
  frequency(id: number): number {
    return id < 0 ? 0 : this.postings.counts[id];
  }

  /** Token positions of word `id`, ascending. */
  positions(id: number): Int32Array {
    return id < 0 ? new Int32Array(0) : decodePositions(this.postings, id);
  }

  /** The document that holds token position `p`. */
  docOf(p: number): number {
    return Math.max(0, lastAtOrBefore(this.docStarts, p, 0, this.docStarts.length - 2));
  }

  /** True when token `p` is the first of its document (so no word pair runs into it). */
  isDocStart(p: number): boolean {
    return this.docStarts[this.docOf(p)] === p;
  }

  /** The source document with id `d`. */
  document(d: number): SourceDocument {
    return this.corpus.documents[d];
  }

  /** The total number of tokens. */
  get tokenCount(): number {
    return this.tokens.length;
  }

  /** The word id of token `p`. */
  idAt(p: number): number {
    return this.tokens.at(p);
  }

  /** The offset in its document's text where token `p` starts. */
  tokenStart(p: number): number {
    const doc = this.docOf(p);
    const k = p - this.docStarts[doc];
    return this.tokenOffsets(doc).reach(k).starts[k];
  }

  /** The offset in its document's text where token `p` ends. */
  tokenEnd(p: number): number {
    const doc = this.docOf(p);
    const k = p - this.docStarts[doc];
    return this.tokenOffsets(doc).reach(k).ends[k];
  }

  /** Passages that best match free text typed by the user, best first. */
  search(query: string, limit = 20): SearchHit[] {
    return searchCorpus(this, query, limit);
  }

  /** The token offsets of document `d`, as far as scanned; recently used documents are remembered. */
  private tokenOffsets(d: number): TokenOffsets {
    const cached = this.offsets.get(d);
    if (cached) return cached;
    const found = new TokenOffsets(this.corpus.documents[d], this.docStarts[d + 1] - this.docStarts[d]);
    this.offsets.set(d, found);
    return found;
  }
}
