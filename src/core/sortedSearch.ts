// One binary search, for the many sorted tables of starts the engine keeps: line starts, document
// starts, location marks, escaped token positions. Each asks the same question — which entry is
// the last to start at or before this offset — and each had its own copy of the loop.

/**
 * The index of the last value in `sorted[low..high]` (ascending) that is at most `target`, or
 * `low - 1` when none is.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, target: number, low = 0, high = sorted.length - 1): number {
  let found = low - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= target) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
