/** Binary search over arrays sorted by a numeric key (offsets, mostly). */

/** The index of the last item whose key is at most `value`, or -1 when there is none. */
export function lastAtOrBefore<T>(items: ArrayLike<T>, value: number, keyOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (keyOf(items[mid]!) <= value) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** lastAtOrBefore by `start`, read directly: for the look-ups made at every hit. */
export function lastStartAtOrBefore(items: ArrayLike<{ readonly start: number }>, value: number): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.start <= value) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}

/**
 * lastStartAtOrBefore for values asked in non-decreasing order (the hits of one pass, in text order): a cursor that
 * only moves forward, so each look-up costs nothing but the items passed since the last.
 */
export class ForwardStarts {
  private index = -1;

  constructor(private readonly items: ArrayLike<{ readonly start: number }>) {}

  lastAtOrBefore(value: number): number {
    while (this.index + 1 < this.items.length && this.items[this.index + 1]!.start <= value) this.index++;
    return this.index;
  }
}
