/**
 * Converts between UTF-16 offsets (what JavaScript strings and LSP count) and line/character positions.
 * Lines end at \n, \r\n or a lone \r, as LSP defines them.
 */
import { lastAtOrBefore } from './search';

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: Uint32Array;

  /** `lineStarts`: the text's line starts, when they are known (an edited text's: text/editedLines.ts). */
  constructor(private readonly text: string, lineStarts?: Uint32Array) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] ?? 0;
  }

  /** Offset just past the last character of the line, before its line break. */
  lineEnd(line: number): number {
    const start = this.lineStart(line);
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  lineOf(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.lineStarts, offset, (start) => start));
  }

  positionAt(offset: number): Position {
    return positionIn(this.lineStarts, Math.max(0, Math.min(offset, this.text.length)));
  }

  /** The offset of a position; characters past the end of a line clamp to the line's end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/**
 * The position of an offset, from the line starts alone: what a workspace summary keeps of a file instead of its
 * text (4 bytes a line).
 */
export function positionIn(lineStarts: Uint32Array, offset: number): Position {
  const line = Math.max(0, lastAtOrBefore(lineStarts, offset, (start) => start));
  return { line, character: offset - lineStarts[line]! };
}

function computeLineStarts(text: string): Uint32Array {
  const starts = new GrowingOffsets();
  starts.push(0);
  if (text.indexOf('\r') < 0) {
    // No carriage return (most files): the native search finds each line feed.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts.toArray();
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    starts.push(i + 1);
  }
  return starts.toArray();
}

/** A list of offsets in a typed array that doubles as it fills. */
class GrowingOffsets {
  private values = new Uint32Array(1024);
  private count = 0;

  push(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }

  toArray(): Uint32Array {
    return this.values.slice(0, this.count);
  }
}
