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
 * Every folded code unit remembers the offset it came from, so matches map back to exact UTF-16 ranges.
 */
import { isInvisible, isLineBreak, isSpace, isWide } from './chars';

export interface OriginalRange {
  start: number;
  end: number;
}

export class FoldedText {
  private constructor(
    readonly text: string,
    /** The original text. */
    readonly source: string,
    /** For each folded code unit, the offset of the original code unit it stands for. */
    private readonly origins: Uint32Array,
    /** One bit per folded code unit: the original had a line break just before it (made by `fold`, read by `lineBreakBefore`). */
    private readonly breaksBefore: Uint32Array,
  ) {}

  static fold(original: string): FoldedText {
    const codes = new Uint16Array(original.length);
    const origins = new Uint32Array(original.length);
    const breaksBefore = new Uint32Array((original.length >>> 5) + 1);
    let length = 0;
    let i = 0;
    while (i < original.length) {
      const code = original.charCodeAt(i);
      const kind = LAYOUT[code];
      if (kind === PLAIN) {
        codes[length] = FOLDED[code]!;
        origins[length++] = i++;
        continue;
      }
      if (kind === INVISIBLE) {
        i++;
        continue;
      }
      // One space between two narrow characters (English text, between every two words): one space.
      if (code === 0x20 && length > 0 && i + 1 < original.length && LAYOUT[original.charCodeAt(i + 1)] === PLAIN &&
        WIDE[codes[length - 1]!] === 0 && WIDE[FOLDED[original.charCodeAt(i + 1)]!] === 0) {
        codes[length] = 0x20;
        origins[length++] = i++;
        continue;
      }
      const runStart = i;
      let lineBreaks = 0;
      while (i < original.length && LAYOUT[original.charCodeAt(i)] !== PLAIN) {
        const c = original.charCodeAt(i);
        if (c === 13 && original.charCodeAt(i + 1) === 10) i++;
        if (isLineBreak(c)) lineBreaks++;
        i++;
      }
      const before = length > 0 ? codes[length - 1]! : 0;
      const after = i < original.length ? FOLDED[original.charCodeAt(i)]! : 0;
      if (lineBreaks >= 2) {
        codes[length] = 10;
        origins[length++] = runStart;
      } else if (length === 0 || i >= original.length) {
        continue;
      } else if (!(isWide(before) || isWide(after) || (before === 0x2d && lineBreaks === 1))) {
        codes[length] = 0x20;
        origins[length++] = runStart;
      }
      // The next folded code unit (the run's last invisible characters aside) follows the run's line breaks.
      if (lineBreaks > 0 && length > 0) breaksBefore[length >>> 5]! |= 1 << (length & 31);
    }
    return new FoldedText(decode(codes, length), original, origins.subarray(0, length), breaksBefore);
  }

  /** The original offset of a folded offset; the end of the text maps to the end of the original. */
  originOf(foldedOffset: number): number {
    return foldedOffset < this.origins.length ? this.origins[foldedOffset]! : this.source.length;
  }

  /** The first folded offset whose original offset is at or after `originalOffset` (the text's length if none). */
  foldedAtOrAfter(originalOffset: number): number {
    let low = 0;
    let high = this.origins.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.origins[middle]! < originalOffset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Whether the original text had a line break between folded offsets `foldedOffset - 1` and `foldedOffset`:
   * either the folded space before it stood for one, or one was dropped between two CJK characters.
   */
  lineBreakBefore(foldedOffset: number): boolean {
    if (foldedOffset <= 0 || foldedOffset >= this.origins.length) return false;
    return (this.breaksBefore[foldedOffset >>> 5]! & (1 << (foldedOffset & 31))) !== 0;
  }

  /** The original range covered by folded range [start, end). */
  originalRange(start: number, end: number): OriginalRange {
    if (end <= start) return { start: this.originOf(start), end: this.originOf(start) };
    return { start: this.originOf(start), end: this.originOf(end - 1) + 1 };
  }
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

/**
 * The folded code units as a string, decoded natively. A lone surrogate becomes U+FFFD: one code unit for one, so
 * offsets are unchanged, and no recogniser looks for one.
 */
function decode(codes: Uint16Array, length: number): string {
  return UTF16.decode(codes.subarray(0, length));
}

const UTF16 = new TextDecoder('utf-16le');
