// The word index of a corpus: every document's words as interned ids in one flat token stream,
// plus, for each distinct word, the sorted positions where it occurs (postings). Word pairs are
// found by walking the postings of the rarer word of the pair, so no pair table is stored.

import type { Corpus, SourceDocument } from '../types';
import { normalizeWord } from '../words';
import { WordScanner } from '../wordScanner';
import { Vocabulary } from './vocabulary';
import { searchCorpus, type SearchHit } from './searchCorpus';

/** A growable Int32Array, so building the token stream does not allocate an object per word. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** The tokens of all documents and the positions of each word. */
export class CorpusIndex {
  /** Word id per token, documents back to back. */
  readonly ids: Int32Array;
  /** Start and end offset of each token in its document's `text`. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** `docStarts[d]` is the first token of document d; `docStarts[n]` is the token count. */
  readonly docStarts: Int32Array;
  /** Postings in CSR form: token positions of word w are `postings[postingStarts[w] .. postingStarts[w+1])`. */
  private readonly postings: Int32Array;
  private readonly postingStarts: Int32Array;
  private readonly vocabulary = new Vocabulary();

  private constructor(readonly corpus: Corpus) {
    const ids = new IntList();
    const starts = new IntList();
    const ends = new IntList();
    const docStarts = new Int32Array(corpus.documents.length + 1);
    corpus.documents.forEach((doc, d) => {
      docStarts[d] = ids.length;
      const text = doc.text;
      for (const block of doc.blocks) {
        const scanner = new WordScanner(text, block.start, block.end);
        while (scanner.next()) {
          ids.push(scanner.simple
            ? this.vocabulary.internAscii(text, scanner.start, scanner.end, scanner.hash)
            : this.vocabulary.intern(normalizeWord(text.slice(scanner.start, scanner.end))));
          starts.push(scanner.start);
          ends.push(scanner.end);
        }
      }
    });
    docStarts[corpus.documents.length] = ids.length;
    this.ids = ids.toArray();
    this.starts = starts.toArray();
    this.ends = ends.toArray();
    this.docStarts = docStarts;

    // Counting sort of token positions by word id gives every word's postings in order.
    const vocabularySize = this.vocabulary.size;
    const counts = new Int32Array(vocabularySize + 1);
    for (let p = 0; p < this.ids.length; p++) counts[this.ids[p] + 1]++;
    for (let w = 1; w <= vocabularySize; w++) counts[w] += counts[w - 1];
    this.postingStarts = counts.slice();
    const fill = counts.slice(0, vocabularySize);
    this.postings = new Int32Array(this.ids.length);
    for (let p = 0; p < this.ids.length; p++) this.postings[fill[this.ids[p]]++] = p;
  }

  /** Indexes every document of `corpus`. */
  static build(corpus: Corpus): CorpusIndex {
    return new CorpusIndex(corpus);
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

  /** How many tokens of the corpus are word `id` (its document frequency in tokens). */
  frequency(id: number): number {
    return id < 0 ? 0 : this.postingStarts[id + 1] - this.postingStarts[id];
  }

  /** Token positions of word `id`, ascending. */
  positions(id: number): Int32Array {
    return id < 0 ? new Int32Array(0) : this.postings.subarray(this.postingStarts[id], this.postingStarts[id + 1]);
  }

  /** The document that holds token position `p`. */
  docOf(p: number): number {
    let low = 0;
    let high = this.docStarts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.docStarts[mid] <= p) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The source document with id `d`. */
  document(d: number): SourceDocument {
    return this.corpus.documents[d];
  }

  /** Passages that best match free text typed by the user, best first. */
  search(query: string, limit = 20): SearchHit[] {
    return searchCorpus(this, query, limit);
  }

  /** The total number of tokens. */
  get tokenCount(): number {
    return this.ids.length;
  }
}
