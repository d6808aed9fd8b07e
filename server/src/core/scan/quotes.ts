import { isHan, isWordChar } from '../text/chars';
import { lastStartAtOrBefore } from '../text/search';
import { CHINESE_DOCUMENT_TYPE, CHINESE_DOCUMENT_TYPE_ENDINGS, ENGLISH_DOCUMENT_TYPE } from './documentTypes';

/**
 * Finds quoted spans in folded text — 《titles》, “quotes”, "quotes", ‘quotes’, 'quotes', 「quotes」 — in one pass, and says whether a
 * quote is an official title (a citation) or a bare term in quotes (a mention).
 */
export interface QuoteSpan {
  /** Folded offsets of the quote marks themselves: [start, end) includes both marks. */
  start: number;
  end: number;
  kind: 'book-title' | 'quote';
}

const MAX_QUOTE_LENGTH = 1000;

/**
 * `isLineBreak(i)` says whether the original had a line break just before folded offset i: straight quotes, which
 * open and close alike, do not pair across lines, so one stray quote cannot mis-pair the rest of the document. A
 * line that ends in a hyphen ("virtual as-⏎set") goes on with the same word: a quote open there stays open.
 */
export function scanQuotes(text: string, isLineBreak: (foldedOffset: number) => boolean): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const openTitles: number[] = [];
  let openCurly = -1;
  let openSingleCurly = -1;
  let openCorner = -1;
  let openStraight = -1;
  let openStraightSingle = -1;
  for (let i = 0; i < text.length; i++) {
    // Most characters are none of the marks below: with no straight quote open, the search skips them.
    if (openStraight < 0 && openStraightSingle < 0) {
      QUOTE_MARK.lastIndex = i;
      if (!QUOTE_MARK.test(text)) break;
      i = QUOTE_MARK.lastIndex - 1;
    }
    const code = text.charCodeAt(i);
    if (openStraightSingle >= 0 && i - openStraightSingle > MAX_SINGLE_QUOTE) openStraightSingle = -1;
    if (QUOTE_MARKS[code] === 0 && openStraight < 0 && openStraightSingle < 0) continue;
    if (code === 0x0a) {
      openTitles.length = 0;
      openCurly = openSingleCurly = openCorner = openStraight = openStraightSingle = -1;
    } else if ((openStraight >= 0 || openStraightSingle >= 0) && text.charCodeAt(i - 1) !== 0x2d && isLineBreak(i)) {
      openStraight = openStraightSingle = -1;
      i--; // look at this character again, with no quote open
    } else if (code === 0x300a) { // 《
      openTitles.push(i);
    } else if (code === 0x300b) { // 》
      const start = openTitles.pop();
      if (start !== undefined) push(spans, start, i + 1, 'book-title');
    } else if (code === 0x201c) { // “
      openCurly = i;
    } else if (code === 0x201d && openCurly >= 0) { // ”
      push(spans, openCurly, i + 1, 'quote');
      openCurly = -1;
    } else if (code === 0x2018) { // ‘
      openSingleCurly = i;
    } else if (code === 0x27) {
      // ' is also ’ (folded) and the apostrophe of People's and banks': one between Latin letters is an apostrophe;
      // one after a word closes a quote ‘ or ' opened before it on the line; one before a word opens a quote. Han
      // characters are words too, but a quote may touch them on both sides (使用'稳定币'字样).
      const latinBefore = isWordChar(text.charCodeAt(i - 1));
      const latinAfter = isWordChar(text.charCodeAt(i + 1));
      if (latinBefore && latinAfter) continue;
      const wordBefore = latinBefore || isHan(text.charCodeAt(i - 1));
      const wordAfter = latinAfter || isHan(text.charCodeAt(i + 1));
      if (openSingleCurly >= 0 && !isAsciiLetter(text.charCodeAt(i + 1))) {
        push(spans, openSingleCurly, i + 1, 'quote');
        openSingleCurly = -1;
      } else if (openStraightSingle >= 0 && !latinAfter && (wordBefore || !wordAfter)) {
        push(spans, openStraightSingle, i + 1, 'quote');
        openStraightSingle = -1;
      } else if (!latinBefore && (wordAfter || text.charCodeAt(i + 1) > 0x2e7f)) {
        openStraightSingle = i;
      }
    } else if (code === 0x300c) { // 「
      openCorner = i;
    } else if (code === 0x300d && openCorner >= 0) { // 」
      push(spans, openCorner, i + 1, 'quote');
      openCorner = -1;
    } else if (code === 0x22) {
      if (openStraight >= 0 && i - openStraight <= MAX_QUOTE_LENGTH) {
        push(spans, openStraight, i + 1, 'quote');
        openStraight = -1;
      } else {
        openStraight = i;
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The characters scanQuotes acts on: line feed, 《 》 “ ” ‘ ' 「 」 and ". */
const QUOTE_MARK = /[\n《》“”‘'「」"]/g;
/** QUOTE_MARK as a table. */
const QUOTE_MARKS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const code of [0x0a, 0x300a, 0x300b, 0x201c, 0x201d, 0x2018, 0x27, 0x300c, 0x300d, 0x22]) table[code] = 1;
  return table;
})();

/** A quote in straight single quotes is a word or a short phrase ('stablecoin', 'real-world asset'), never a passage. */
const MAX_SINGLE_QUOTE = 100;

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

function push(spans: QuoteSpan[], start: number, end: number, kind: QuoteSpan['kind']): void {
  if (end - start <= MAX_QUOTE_LENGTH) spans.push({ start, end, kind });
}

/** The innermost quote containing folded range [start, end), if any. */
export function enclosingQuote(spans: readonly QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  const last = lastStartAtOrBefore(spans, start);
  let best: QuoteSpan | undefined;
  // Quotes nest only a few deep; look back over the few that start before the range.
  for (let i = last; i >= 0 && i > last - 8; i--) {
    const span = spans[i]!;
    if (span.start < start && span.end > end && (!best || span.end - span.start < best.end - best.start)) best = span;
  }
  return best;
}

const TITLE_WORDS = ENGLISH_DOCUMENT_TYPE;
const ENGLISH_TITLE_START = new RegExp(`^(?:the\\s+)?${TITLE_WORDS}\\b`, 'i');
const ENGLISH_TITLE_END = new RegExp(`\\b${TITLE_WORDS}(?:\\s*\\([^)]*\\))?\\W*$`, 'i');
const ENGLISH_LAW_NAME = /\bLaw of the People's Republic of China\b|\bof the People's Republic of China\b/i;
const CHINESE_TITLE_END = new RegExp(`${CHINESE_DOCUMENT_TYPE}[^\\u4e00-\\u9fff]*$`);

/** The last characters of the Chinese document types, by code unit. */
const CHINESE_TYPE_LAST: ReadonlySet<number> = new Set(CHINESE_DOCUMENT_TYPE_ENDINGS.map((char) => char.charCodeAt(0)));

/**
 * Whether the text inside a quote reads as the title of an official document. Most quotes are a term (“稳定币”): the
 * English patterns need a Latin letter, and the Chinese one a document type as the last Han character.
 */
export function isTitleQuote(inner: string): boolean {
  const trimmed = inner.trim();
  if (LATIN_LETTER.test(trimmed) && (ENGLISH_TITLE_START.test(trimmed) || ENGLISH_TITLE_END.test(trimmed) || ENGLISH_LAW_NAME.test(trimmed))) return true;
  return CHINESE_TYPE_LAST.has(lastHan(trimmed)) && CHINESE_TITLE_END.test(trimmed);
}

const LATIN_LETTER = /[A-Za-z]/;

/** The last code unit of `text` in U+4E00–U+9FFF (what CHINESE_TITLE_END counts as Han), or -1. */
function lastHan(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) return code;
  }
  return -1;
}
