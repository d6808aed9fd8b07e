/**
 * Merges of streams already in order, for the recognisers that gather spans from several scanners: a merge reads
 * each item once, where a sort of the concatenation compares them again.
 */

/**
 * The items of several streams in order of their start, ties in the order of the streams (then of each stream): what
 * a stable sort of their concatenation gives, by a merge when each stream is in order, else by that sort.
 */
export function mergeByStart<T extends { start: number }>(streams: readonly (readonly T[])[]): T[] {
  const nonEmpty = streams.filter((stream) => stream.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0]?.slice() ?? [];
  if (!nonEmpty.every(isInOrder)) return nonEmpty.flat().sort((a, b) => a.start - b.start);
  const merged: T[] = [];
  const next = nonEmpty.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < nonEmpty.length; i++) {
      const candidate = nonEmpty[i]![next[i]!];
      if (candidate && (best < 0 || candidate.start < nonEmpty[best]![next[best]!]!.start)) best = i;
    }
    if (best < 0) return merged;
    merged.push(nonEmpty[best]![next[best]!++]!);
  }
}

function isInOrder(items: readonly { start: number }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i]!.start < items[i - 1]!.start) return false;
  return true;
}
