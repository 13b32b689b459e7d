// Interns normalised words as dense ids. An open-addressing table keyed by the scanner's hash
// lets the index look up an ASCII word straight from the text, comparing characters in place,
// so indexing an archive creates a string only for each new distinct word, not per occurrence.

import { hashWord } from '../wordScanner';

export class Vocabulary {
  private words: string[] = [];
  private hashes = new Uint32Array(1024);
  private table = new Int32Array(2048); // id + 1, 0 = empty
  private mask = 2047;

  /** The number of distinct words. */
  get size(): number {
    return this.words.length;
  }

  /** The word with id `id`. */
  word(id: number): string {
    return this.words[id];
  }

  /** The id of `norm`, or -1 when it is unknown. */
  find(norm: string): number {
    const hash = hashWord(norm);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === hash && this.words[entry - 1] === norm) return entry - 1;
    }
  }

  /** The id of `norm`, adding it when new. */
  intern(norm: string): number {
    const hash = hashWord(norm);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) return this.add(norm, hash, slot);
      if (this.hashes[entry - 1] === hash && this.words[entry - 1] === norm) return entry - 1;
    }
  }

  /**
   * The id of the lower case of `text[start, end)`, which must be ASCII letters and digits
   * hashing to `hash`, adding it when new.
   */
  internAscii(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      if (this.hashes[entry - 1] !== hash) continue;
      const word = this.words[entry - 1];
      if (word.length !== length) continue;
      let k = 0;
      while (k < length) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== word.charCodeAt(k)) break;
        k++;
      }
      if (k === length) return entry - 1;
    }
  }

  /** All words in id order, for saving. */
  allWords(): readonly string[] {
    return this.words;
  }

  /** Rebuilds a vocabulary from words saved in id order. */
  static from(words: string[]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const word of words) vocabulary.intern(word);
    return vocabulary;
  }

  private add(norm: string, hash: number, slot: number): number {
    const id = this.words.length;
    this.words.push(norm);
    if (id >= this.hashes.length) {
      const bigger = new Uint32Array(this.hashes.length * 2);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[id] = hash;
    this.table[slot] = id + 1;
    // Keep the table at most half full so probe runs stay short.
    if (this.words.length * 2 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}
