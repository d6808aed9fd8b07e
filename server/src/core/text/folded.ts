/**
 * A folded view of a document's text, for recognisers that must see through layout:
 * - a run of white space (any kind, line breaks included) becomes one space, or nothing when it touches
 *   a wide (CJK) character, so "virtual\ncurrency" reads "virtual currency" and "中国人民\n银行" reads "中国人民银行";
 * - a run containing a blank line (a paragraph break) becomes "\n": phrases never run across paragraphs;
 * - a hyphen at a line break joins the two halves ("crypto-\nasset" reads "crypto-asset") and stays: "risk-\nweighted"
 *   reads "risk-weighted". Whether one is a word's hyphenation ("virtual cur-\nrency") is for the reader to decide:
 *   the dictionary pass reads such a hyphen both ways (phraseMatcher.ts, with lineBreakBefore);
 * - full-width letters and digits become ASCII, curly apostrophes become "'", hyphen look-alikes become "-";
 * - invisible characters (zero-width spaces, BOM, soft hyphen) disappear.
 * Every folded code unit maps back to the offset it came from (through the few segments where the distance between the
 * two changes), so matches map back to exact UTF-16 ranges.
 */
import { isInvisible, isLineBreak, isSpace, isWide } from './chars';

/** Where a pattern matched in the folded text, with its groups. */
export interface FoldedMatch {
  start: number;
  end: number;
  /** The pattern's groups, 1 on (undefined where a group took no part). */
  groups: readonly (string | undefined)[];
}

export interface OriginalRange {
  start: number;
  end: number;
}

export class FoldedText {
  /** The segment originOf found last: look-ups near each other stay in one segment. */
  private segment = 0;

  private constructor(
    readonly text: string,
    /** The original text. */
    readonly source: string,
    /**
     * Where the distance between folded and original offsets changes: the folded offset each segment starts at (the
     * first is 0) and, for each, original − folded offset. A document has a few per line at most.
     */
    private readonly segmentStarts: Int32Array,
    private readonly segmentShifts: Int32Array,
    /** One bit per folded code unit: the original had a line break just before it (made by `fold`, read by `lineBreakBefore`). */
    private readonly breaksBefore: Uint32Array,
    /** A line break stands before the text's first code unit: a paragraph of a document, folded on its own. */
    private readonly breakBeforeStart = false,
  ) {}

  /**
   * Folds in one pass. The stretches that fold to themselves (most of any text: words, and single spaces between
   * narrow characters) are checked with one table look-up per code unit and copied whole, as slices of the original.
   */
  static fold(original: string, options: { afterParagraphBreak?: boolean } = {}): FoldedText {
    const out = new FoldedWriter(original);
    const length = original.length;
    let i = 0;
    while (i < length) {
      const code = original.charCodeAt(i);
      const kind = LAYOUT[code];
      if (kind === PLAIN) {
        i = out.stretchFrom(out.plain(i));
      } else if (kind === INVISIBLE) {
        i++;
      } else if (code === 0x20 && out.length > 0 && i + 1 < length && LAYOUT[original.charCodeAt(i + 1)] === PLAIN &&
        WIDE[out.last] === 0 && WIDE[FOLDED[original.charCodeAt(i + 1)]!] === 0) {
        // One space between two narrow characters (English text, between every two words): one space.
        out.same(i++, 1);
      } else {
        i = out.layoutRun(i);
      }
    }
    const folded = out.finish();
    return new FoldedText(folded.text, original, folded.segmentStarts, folded.segmentShifts, folded.breaksBefore, options.afterParagraphBreak);
  }

  /**
   * The folded text of a document made of `parts` (the folded texts of its stretches, in order), each part after the
   * first preceded by a paragraph break: `breaks[i]` is the original range [start, end) of the break before
   * `parts[i + 1]`, which folds to one "\n". Equal to `fold` of the whole, since a paragraph break folds to "\n" whatever
   * stands around it (see `paragraphBreaks`); a part may so be folded once and kept while the text around it changes.
   */
  static concat(source: string, parts: readonly FoldedText[], breaks: readonly OriginalRange[]): FoldedText {
    if (parts.length === 1) return parts[0]!;
    const texts: string[] = [];
    const starts: number[] = [];
    const shifts: number[] = [];
    const length = parts.reduce((sum, part) => sum + part.text.length, parts.length - 1);
    const breaksBefore = new Uint32Array((length >>> 5) + 1);
    let foldedStart = 0;
    let originalStart = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i > 0) {
        const paragraphBreak = breaks[i - 1]!;
        texts.push('\n');
        starts.push(foldedStart);
        shifts.push(paragraphBreak.start - foldedStart);
        foldedStart++;
        originalStart = paragraphBreak.end;
        breaksBefore[foldedStart >>> 5]! |= 1 << (foldedStart & 31);
      }
      texts.push(part.text);
      for (let k = 0; k < part.segmentStarts.length; k++) {
        starts.push(part.segmentStarts[k]! + foldedStart);
        shifts.push(part.segmentShifts[k]! + originalStart - foldedStart);
      }
      part.copyBreaksInto(breaksBefore, foldedStart);
      foldedStart += part.text.length;
    }
    return new FoldedText(texts.join(''), source, Int32Array.from(starts), Int32Array.from(shifts), breaksBefore);
  }

  /** Sets, in `bits`, this text's line-break bits moved `by` code units on. */
  private copyBreaksInto(bits: Uint32Array, by: number): void {
    const own = this.breaksBefore;
    const words = Math.min(own.length, (this.text.length >>> 5) + 1);
    for (let word = 0; word < words; word++) {
      let set = own[word]!;
      while (set !== 0) {
        const bit = 31 - Math.clz32(set);
        set &= ~(1 << bit);
        const at = (word << 5) + bit + by;
        bits[at >>> 5]! |= 1 << (at & 31);
      }
    }
  }

  /** The original offset of a folded offset; the end of the text maps to the end of the original. */
  originOf(foldedOffset: number): number {
    if (foldedOffset >= this.text.length) return this.source.length;
    const starts = this.segmentStarts;
    let segment = this.segment;
    if (starts[segment]! > foldedOffset || (segment + 1 < starts.length && starts[segment + 1]! <= foldedOffset)) {
      segment = lastAtOrBeforeIn(starts, foldedOffset);
      this.segment = segment;
    }
    return foldedOffset + this.segmentShifts[segment]!;
  }

  /** The first folded offset whose original offset is at or after `originalOffset` (the text's length if none). */
  foldedAtOrAfter(originalOffset: number): number {
    let low = 0;
    let high = this.text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.originOf(middle) < originalOffset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Whether the original text had a line break between folded offsets `foldedOffset - 1` and `foldedOffset`:
   * either the folded space before it stood for one, or one was dropped between two CJK characters.
   */
  lineBreakBefore(foldedOffset: number): boolean {
    if (foldedOffset <= 0 || foldedOffset >= this.text.length) return foldedOffset === 0 && this.breakBeforeStart && this.text.length > 0;
    return (this.breaksBefore[foldedOffset >>> 5]! & (1 << (foldedOffset & 31))) !== 0;
  }

  /** The original range covered by folded range [start, end). */
  originalRange(start: number, end: number): OriginalRange {
    if (end <= start) return { start: this.originOf(start), end: this.originOf(start) };
    return { start: this.originOf(start), end: this.originOf(end - 1) + 1 };
  }
}

/**
 * The paragraph breaks of a text, as `fold` makes them: each run of white space and invisible characters that holds
 * two line breaks or more (a blank line), from its first character that is not invisible to its end. Each folds to
 * "\n" whatever stands around it, and no recogniser reads across one: the stretches between are folded and scanned
 * on their own. One pass: a native search for each line break, each run read once. From `from` on, if given.
 */
export function* paragraphBreaks(text: string, from = 0): Generator<OriginalRange> {
  const lineBreak = /[\n\r\u2028\u2029]/g;
  // `from` is 0 or follows a paragraph break (a character no run goes back over).
  let readUpTo = from;
  lineBreak.lastIndex = from;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    let start = match.index;
    while (start > readUpTo && LAYOUT[text.charCodeAt(start - 1)] !== PLAIN) start--;
    let end = match.index;
    let lineBreaks = 0;
    while (end < text.length && LAYOUT[text.charCodeAt(end)] !== PLAIN) {
      const code = text.charCodeAt(end);
      if (code === 13 && text.charCodeAt(end + 1) === 10) end++;
      if (isLineBreak(code)) lineBreaks++;
      end++;
    }
    readUpTo = lineBreak.lastIndex = end;
    while (LAYOUT[text.charCodeAt(start)] === INVISIBLE) start++;
    if (lineBreaks >= 2) yield { start, end };
  }
}

/** The index of the last of `sorted` (ascending, the first at most `value`) at or before `value`. */
function lastAtOrBeforeIn(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (sorted[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The folded text as it is written: stretches of the original copied whole (one slice each, joined once at the end),
 * the segments where the distance to the original changes, and the line-break bits.
 */
class FoldedWriter {
  /** Folded code units written. */
  length = 0;
  /** The last folded code unit written (0 before the first). */
  last = 0;
  private readonly pieces: string[] = [];
  /** The run of the original written as it is and not yet pushed to `pieces`: [copyStart, copyEnd). */
  private copyStart = 0;
  private copyEnd = 0;
  private readonly segmentStarts: number[] = [0];
  private readonly segmentShifts: number[] = [0];
  private readonly breaksBefore: Uint32Array;

  constructor(private readonly original: string) {
    this.breaksBefore = new Uint32Array((original.length >>> 5) + 1);
  }

  /** Writes the plain code unit at `i` folded (a surrogate pair as it is, a lone surrogate as U+FFFD); returns the offset after it. */
  plain(i: number): number {
    const code = this.original.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) {
      const folded = FOLDED[code]!;
      if (folded === code) this.same(i, 1);
      else this.other(i, folded);
      return i + 1;
    }
    if (code <= 0xdbff && isLowSurrogate(this.original.charCodeAt(i + 1))) {
      this.same(i, 2);
      return i + 2;
    }
    this.other(i, 0xfffd);
    return i + 1;
  }

  /**
   * Writes, as it is, the stretch from `i` that folds to itself (plain characters that fold to themselves, and single
   * spaces between two narrow ones), and returns where it ends.
   */
  stretchFrom(i: number): number {
    const original = this.original;
    const length = original.length;
    let end = i;
    for (let previous = this.last; end < length; end++) {
      const code = original.charCodeAt(end);
      const kind = STRETCH[code];
      if (kind === SPACE_IN_STRETCH) {
        const next = original.charCodeAt(end + 1);
        if (WIDE[previous] === 1 || end + 1 >= length || STRETCH[next] !== SAME || WIDE[next] === 1) break;
      } else if (kind !== SAME) {
        break;
      }
      previous = code;
    }
    if (end > i) this.same(i, end - i);
    return end;
  }

  /** A run of white space and invisible characters from `i`: one space, a line break, or nothing. Returns its end. */
  layoutRun(i: number): number {
    const original = this.original;
    const runStart = i;
    let lineBreaks = 0;
    while (i < original.length && LAYOUT[original.charCodeAt(i)] !== PLAIN) {
      const c = original.charCodeAt(i);
      if (c === 13 && original.charCodeAt(i + 1) === 10) i++;
      if (isLineBreak(c)) lineBreaks++;
      i++;
    }
    const before = this.last;
    const after = i < original.length ? FOLDED[original.charCodeAt(i)]! : 0;
    if (lineBreaks >= 2) {
      this.write(runStart, i - runStart, 10);
    } else if (this.length === 0 || i >= original.length) {
      return i;
    } else if (!(isWide(before) || isWide(after) || (before === 0x2d && lineBreaks === 1))) {
      this.write(runStart, i - runStart, 0x20);
    }
    // The next folded code unit (the run's last invisible characters aside) follows the run's line breaks.
    if (lineBreaks > 0 && this.length > 0) this.breaksBefore[this.length >>> 5]! |= 1 << (this.length & 31);
    return i;
  }

  /** `count` code units of the original from `at`, folded as they are. */
  same(at: number, count: number): void {
    this.shiftTo(at);
    if (at !== this.copyEnd) {
      this.pushCopy();
      this.copyStart = at;
    }
    this.copyEnd = at + count;
    this.length += count;
    this.last = this.original.charCodeAt(at + count - 1);
  }

  /** One folded code unit that stands for the original's at `at`, and is another. */
  other(at: number, code: number): void {
    this.shiftTo(at);
    this.pushCopy();
    this.pieces.push(String.fromCharCode(code));
    this.copyStart = this.copyEnd = at + 1;
    this.length++;
    this.last = code;
  }

  finish(): { text: string; segmentStarts: Int32Array; segmentShifts: Int32Array; breaksBefore: Uint32Array } {
    this.pushCopy();
    return {
      text: this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join(''),
      segmentStarts: Int32Array.from(this.segmentStarts),
      segmentShifts: Int32Array.from(this.segmentShifts),
      breaksBefore: this.breaksBefore,
    };
  }

  /** One folded code unit for `count` of the original from `at` (a run of white space). */
  private write(at: number, count: number, code: number): void {
    if (count === 1 && this.original.charCodeAt(at) === code) this.same(at, 1);
    else this.other(at, code);
  }

  /** The next folded code unit stands for the original's at `at`: a new segment when the distance changes. */
  private shiftTo(at: number): void {
    const shift = at - this.length;
    if (shift === this.segmentShifts[this.segmentShifts.length - 1]) return;
    if (this.segmentStarts[this.segmentStarts.length - 1] === this.length) {
      this.segmentShifts[this.segmentShifts.length - 1] = shift;
      return;
    }
    this.segmentStarts.push(this.length);
    this.segmentShifts.push(shift);
  }

  private pushCopy(): void {
    if (this.copyEnd > this.copyStart) this.pieces.push(this.original.slice(this.copyStart, this.copyEnd));
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const PLAIN = 0;
const SPACE = 1;
const INVISIBLE = 2;
/** What each code unit is to the layout: plain text, white space, or invisible. One look-up per character. */
const LAYOUT: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < table.length; code++) table[code] = isInvisible(code) ? INVISIBLE : isSpace(code) ? SPACE : PLAIN;
  return table;
})();

/** isWide as a table. */
const WIDE: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < table.length; code++) table[code] = isWide(code) ? 1 : 0;
  return table;
})();

/** foldCode as a table: one look-up per character of the text. */
const FOLDED: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < table.length; code++) table[code] = foldCode(code);
  return table;
})();

/** Full-width forms and look-alikes become ASCII. */
function foldCode(code: number): number {
  if (code >= 0xff10 && code <= 0xff19) return code - 0xfee0; // full-width digits
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return code - 0xfee0; // full-width letters
  if (code === 0x2019 || code === 0xff07) return 0x27; // ’ ＇ → ' (‘ stays: it only ever opens a quote)
  if (code === 0x2010 || code === 0x2011) return 0x2d; // hyphen look-alikes → -
  return code;
}

const SAME = 0;
const SPACE_IN_STRETCH = 1;
const CHANGED = 2;
/**
 * What each code unit is to a stretch that folds to itself: a code unit that folds to itself, a space (one between
 * two narrow characters stays), or one that changes (white space, invisible, folding to another, a surrogate).
 */
const STRETCH: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < table.length; code++) {
    const same = LAYOUT[code] === PLAIN && FOLDED[code] === code && (code < 0xd800 || code > 0xdfff);
    table[code] = code === 0x20 ? SPACE_IN_STRETCH : same ? SAME : CHANGED;
  }
  return table;
})();
