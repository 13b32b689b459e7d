// A map that forgets its least recently used entries beyond a limit. The engine remembers
// parsed chunks, document texts, token offsets and paragraph readings this way, each bounded so
// that an archive or a long editing session never grows memory without end.
//
// Recency is kept in a list threaded through the entries, so a hit moves two pointers. Moving
// the entry within the Map instead (delete, then set) leaves a hole per hit, and a map of
// thousands of paragraph readings then stops every so often to rebuild itself: a pause of a
// millisecond or more in the middle of a keystroke's re-check.

interface Entry<K, V> {
  key: K;
  value: V;
  weight: number;
  /** Towards the least recently used end. */
  older: Entry<K, V> | null;
  /** Towards the most recently used end. */
  newer: Entry<K, V> | null;
}

/** A Map with least-recently-used eviction; entries may weigh more than one (e.g. by length). */
export class LruMap<K, V> {
  private readonly entries = new Map<K, Entry<K, V>>();
  private weight = 0;
  private oldest: Entry<K, V> | null = null;
  private newest: Entry<K, V> | null = null;

  /** `limit` bounds the total weight of the entries kept; `weigh` gives one entry's weight. */
  constructor(private readonly limit: number, private readonly weigh: (key: K, value: V) => number = () => 1) {}

  /** The value for `key`, marking it as recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.touch(entry);
    return entry.value;
  }

  /** Remembers `value`, forgetting the least recently used entries beyond the limit. */
  set(key: K, value: V): void {
    const weight = this.weigh(key, value);
    if (weight > this.limit) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.weight += weight - old.weight;
      old.value = value;
      old.weight = weight;
      this.touch(old);
    } else {
      const entry: Entry<K, V> = { key, value, weight, older: this.newest, newer: null };
      if (this.newest) this.newest.newer = entry;
      else this.oldest = entry;
      this.newest = entry;
      this.entries.set(key, entry);
      this.weight += weight;
    }
    while (this.weight > this.limit && this.oldest) this.remove(this.oldest);
  }

  /** Forgets the least recently used entries until the total weight is at most `limit`. */
  trim(limit: number): void {
    while (this.weight > limit && this.oldest) this.remove(this.oldest);
  }

  /** How many entries are remembered. */
  get size(): number {
    return this.entries.size;
  }

  /** Moves `entry` to the most recently used end. */
  private touch(entry: Entry<K, V>): void {
    if (entry === this.newest) return;
    this.unlink(entry);
    entry.older = this.newest;
    entry.newer = null;
    this.newest!.newer = entry;
    this.newest = entry;
  }

  private remove(entry: Entry<K, V>): void {
    this.unlink(entry);
    this.entries.delete(entry.key);
    this.weight -= entry.weight;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
  }
}
