/**
 * Where two versions of a text differ: the first offset that changed and how long a tail they end with alike, found
 * by comparing blocks natively (the common case, a keystroke in a long text, costs a few dozen comparisons).
 */

/** The blocks the texts are compared by to find the first and the last changed offsets: 64 Ki, 8 Ki, 1 Ki code units. */
const LARGEST_BLOCK = 65536;
const SMALLEST_BLOCK = 1024;
const BLOCK_STEP = 3;

/**
 * The first offset at which the two texts differ (the shorter one's length if one starts the other): blocks compared
 * as strings (a native comparison; `startsWith` is ten times slower), smaller ones where a block differs.
 */
export function firstChange(old: string, text: string): number {
  const length = Math.min(old.length, text.length);
  let from = 0;
  for (let size = LARGEST_BLOCK; size >= SMALLEST_BLOCK; size >>= BLOCK_STEP) {
    while (from + size <= length && old.slice(from, from + size) === text.slice(from, from + size)) from += size;
  }
  while (from < length && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  return from;
}

/** How many code units the two texts end with alike (as firstChange, from the ends). */
export function commonTail(old: string, text: string): number {
  const length = Math.min(old.length, text.length);
  let tail = 0;
  for (let size = LARGEST_BLOCK; size >= SMALLEST_BLOCK; size >>= BLOCK_STEP) {
    while (tail + size <= length && old.slice(old.length - tail - size, old.length - tail) === text.slice(text.length - tail - size, text.length - tail)) tail += size;
  }
  while (tail < length && old.charCodeAt(old.length - tail - 1) === text.charCodeAt(text.length - tail - 1)) tail++;
  return tail;
}
