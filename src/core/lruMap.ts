// A map that forgets its least recently used entries beyond a limit. The engine remembers
// parsed chunks, document texts, token offsets and paragraph readings this way, each bounded so
// that an archive or a long editing session never grows memory without end.

/** A Map with least-recently-used eviction; entries may weigh more than one (e.g. by length). */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  /** `limit` bounds the total weight of the entries kept; `weigh` gives one entry's weight. */
  constructor(private readonly limit: number, private readonly weigh: (key: K, value: V) => number = () => 1) {}

  /** The value for `key`, marking it as recently used. */
  get(key: K): V | undefined {
    const found = this.entries.get(key);
    if (found !== undefined) {
      // Re-inserting moves the entry to the young end of the map's order.
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  /** Remembers `value`, forgetting the least recently used entries beyond the limit. */
  set(key: K, value: V): void {
    const weight = this.weigh(key, value);
    if (weight > this.limit) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.weight -= this.weigh(key, old);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.weight += weight;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.weight <= this.limit) break;
      this.entries.delete(oldKey);
      this.weight -= this.weigh(oldKey, oldValue);
    }
  }

  /** How many entries are remembered. */
  get size(): number {
    return this.entries.size;
  }
}
