/**
 * The line starts of an edited text from those of the text before the edit: the starts before the change are the
 * same, those in the unchanged tail move by the change in length, and only the changed part is read. A start at `s`
 * depends on the code units at s - 1 and s alone (\n, \r\n or a lone \r before it), so a start is taken from the last
 * text only where both are unchanged.
 */
import { lastAtOrBefore } from './search';

/**
 * `first`: the first changed offset; `tailStart`: where the unchanged tail starts in `text` (at or after `first`);
 * `delta`: the change in length.
 */
export function editedLineStarts(previous: Uint32Array, text: string, first: number, tailStart: number, delta: number): Uint32Array {
  const before = countBelow(previous, first);
  const after = countBelow(previous, tailStart + 1 - delta);
  const middle: number[] = [];
  for (let start = first; start <= tailStart; start++) if (isLineStart(text, start)) middle.push(start);
  const starts = new Uint32Array(before + middle.length + previous.length - after);
  starts.set(previous.subarray(0, before));
  starts.set(middle, before);
  let at = before + middle.length;
  for (let i = after; i < previous.length; i++) starts[at++] = previous[i]! + delta;
  return starts;
}

function isLineStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const code = text.charCodeAt(offset - 1);
  return code === 10 || (code === 13 && text.charCodeAt(offset) !== 10);
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: Uint32Array, limit: number): number {
  return lastAtOrBefore(values, limit - 1, (value) => value) + 1;
}
