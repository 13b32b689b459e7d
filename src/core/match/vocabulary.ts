// Interns normalised words as dense ids. An open-addressing table keyed by the scanner's hash
// lets the index look up an ASCII word straight from the text, comparing characters in place,
// so indexing an archive creates a string only for each new distinct word, not per occurrence.
// A vocabulary restored from the cache keeps its words as one packed string with their start
// offsets, and its hash table as stored: an archive has a hundred thousand distinct words, and
// rebuilding a string and a table entry for each would cost a start time and memory that the
// few words a check looks up never repay.

import { hashWord } from '../wordScanner';

/** A vocabulary as saved: its words joined by newlines in id order, their hashes and the table. */
export interface PackedVocabulary {
  text: string;
  hashes: Uint32Array;
  table: Int32Array;
}

/**
 * A copy of `packed` that owns its arrays. A vocabulary restored from a cache file views the
 * file's bytes; one that outlives that file's index (a refreshed or rebuilt index) must not keep
 * the whole file alive through those views.
 */
export function ownedCopy(packed: PackedVocabulary): PackedVocabulary {
  return { text: packed.text, hashes: packed.hashes.slice(), table: packed.table.slice() };
}

/**
 * The word starts found for each packed vocabulary checked: a cache is checked before it is
 * unpacked, and a second pass over an archive's hundred thousand words would cost a start time.
 */
const checkedStarts = new WeakMap<PackedVocabulary, Int32Array | null>();

/** Where each packed word starts (and, last, where the text ends); null when the parts disagree. */
function wordStarts(packed: PackedVocabulary): Int32Array | null {
  if (checkedStarts.has(packed)) return checkedStarts.get(packed)!;
  const starts = findWordStarts(packed);
  checkedStarts.set(packed, starts);
  return starts;
}

function findWordStarts(packed: PackedVocabulary): Int32Array | null {
  const count = packed.hashes.length;
  const size = packed.table.length;
  if (size < 2 * count || (size & (size - 1)) !== 0) return null;
  const starts = new Int32Array(count + 1);
  let k = 0;
  for (let at = packed.text.indexOf('\n'); at >= 0 && k < count; at = packed.text.indexOf('\n', at + 1)) starts[++k] = at + 1;
  if (k !== count || starts[count] !== packed.text.length) return null;
  // Every table entry is empty or names a word.
  for (let slot = 0; slot < size; slot++) {
    const entry = packed.table[slot];
    if (entry < 0 || entry > count) return null;
  }
  return starts;
}

/** True when a saved vocabulary's text, hashes and table agree. */
export function isConsistentPacked(packed: PackedVocabulary): boolean {
  return wordStarts(packed) !== null;
}

export class Vocabulary {
  /** Words restored from a cache, back to back in id order (ids below `packedCount`). */
  private packedText = '';
  private packedStarts: Int32Array = new Int32Array(1);
  private packedCount = 0;
  /** Words added since (ids from `packedCount` on). */
  private words: string[] = [];
  private hashes: Uint32Array = new Uint32Array(1024);
  private table: Int32Array = new Int32Array(2048); // id + 1, 0 = empty
  private mask = 2047;

  /** The number of distinct words. */
  get size(): number {
    return this.packedCount + this.words.length;
  }

  /** The word with id `id`. */
  word(id: number): string {
    if (id >= this.packedCount) return this.words[id - this.packedCount];
    return this.packedText.slice(this.packedStarts[id], this.packedStarts[id + 1] - 1);
  }

  /** The id of `norm`, or -1 when it is unknown. */
  find(norm: string): number {
    const hash = hashWord(norm);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === hash && this.equals(entry - 1, norm)) return entry - 1;
    }
  }

  /** The id of `norm`, adding it when new. */
  intern(norm: string): number {
    const hash = hashWord(norm);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) return this.add(norm, hash, slot);
      if (this.hashes[entry - 1] === hash && this.equals(entry - 1, norm)) return entry - 1;
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
      const id = entry - 1;
      // The stored word's characters live either in the packed text or in their own string.
      let word: string;
      let from: number;
      if (id < this.packedCount) {
        word = this.packedText;
        from = this.packedStarts[id];
        if (this.packedStarts[id + 1] - 1 - from !== length) continue;
      } else {
        word = this.words[id - this.packedCount];
        from = 0;
        if (word.length !== length) continue;
      }
      let k = 0;
      while (k < length) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== word.charCodeAt(from + k)) break;
        k++;
      }
      if (k === length) return id;
    }
  }

  /** The vocabulary in the form the cache saves. */
  pack(): PackedVocabulary {
    let text = this.packedText;
    if (this.words.length) text += `${this.words.join('\n')}\n`;
    return { text, hashes: this.hashes.subarray(0, this.size), table: this.table };
  }

  /** Restores a vocabulary saved by `pack`. The arrays become the vocabulary's own. */
  static unpack(packed: PackedVocabulary): Vocabulary {
    const vocabulary = new Vocabulary();
    const count = packed.hashes.length;
    const starts = wordStarts(packed);
    if (!starts) throw new Error('the saved vocabulary is inconsistent');
    vocabulary.packedText = packed.text;
    vocabulary.packedStarts = starts;
    vocabulary.packedCount = count;
    vocabulary.hashes = packed.hashes;
    vocabulary.table = packed.table;
    vocabulary.mask = packed.table.length - 1;
    return vocabulary;
  }

  /** Rebuilds a vocabulary from words in id order. */
  static from(words: string[]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const word of words) vocabulary.intern(word);
    return vocabulary;
  }

  private equals(id: number, norm: string): boolean {
    if (id >= this.packedCount) return this.words[id - this.packedCount] === norm;
    const start = this.packedStarts[id];
    return this.packedStarts[id + 1] - 1 - start === norm.length && this.packedText.startsWith(norm, start);
  }

  private add(norm: string, hash: number, slot: number): number {
    const id = this.size;
    this.words.push(norm);
    if (id >= this.hashes.length) {
      const bigger = new Uint32Array(Math.max(1024, this.hashes.length * 2));
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[id] = hash;
    this.table[slot] = id + 1;
    // Keep the table at most half full so probe runs stay short.
    if (this.size * 2 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}
