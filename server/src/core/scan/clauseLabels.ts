/**
 * Recognises the clause label at the start of a line: 第一章, 第十三条之一, 一、, （一）, 1., （1）, I., (IX), (5),
 * Article 5, § 1825, and an attachment's heading. Leading spaces of any kind (U+3000, em space, NBSP, tabs) are allowed.
 *
 * An attachment's heading (style `annex`): 附件 附表 附录, Annex Appendix Attachment Schedule (capitalised or in capitals),
 * with or without a number (附件1 附件 1 附件１ 附件一, Annex 1, Annex I, Appendix A; unnumbered: value 0), is
 *  - the label alone on its line ("附件", "附件2", "## Annex 1", "附件：" — the tree then looks at the next line: a list
 *    label there makes it the attachment list's lead-in);
 *  - a numbered label, a colon and a title ("附件2：金融机构名单", "Annex 2: List of Institutions");
 *  - a numbered label, white space and a title ("附件 1 金融机构名单", "Annex 1 List of Institutions": in English the
 *    title begins with a capital or a digit).
 * A title is at most HEADING_MAX code units, holds no sentence punctuation (。；！？ ; ! ?, nor ". "), does not end in a
 * full stop or a file's extension (参数设置.docx), and does not begin with a list label (附件：1.《…》). Not a heading: the
 * attachment list ("附件：XX管理办法" — an unnumbered label with a title is always the list in the corpus, the annex
 * itself following under a bare 附件; "附件1：…" next to another such line, which the tree checks), a sentence
 * ("附件1所列机构应当…", "Annex 2 sets out …", "Annex 1 of this Notice"), and 附件 anywhere but at a line's start.
 */
import type { ClauseKind, LabelStyle } from '../model';
import { HEADING_MAX } from './clauseDescription';
import { isInvisible, isSpace, isWordChar } from '../text/chars';
import {
  arabicOrChineseValue, CHINESE_NUMERAL_PATTERN, chineseNumeralValue, decimalPath, ENGLISH_NUMBER_WORD_PATTERN, englishNumberWordValue,
  romanValue, toChineseNumeral, toRoman,
} from '../text/numerals';

export interface LabelMatch {
  style: LabelStyle;
  kind: ClauseKind;
  value: number;
  /** 第十三条之一 → 1: an article inserted after 第十三条 by an amendment; it shares the value 13. */
  insertion: number | undefined;
  /** Offsets into the line. */
  start: number;
  end: number;
}

/**
 * A label with every field set, in one order: labels are made on every labelled line, and objects of one shape keep
 * the code that reads them fast (no spreads, whose objects come in many shapes).
 */
export function labelMatch(style: LabelStyle, kind: ClauseKind, value: number, insertion: number | undefined, start: number, end: number): LabelMatch {
  return { style, kind, value, insertion, start, end };
}

const ZH_NUMERAL = CHINESE_NUMERAL_PATTERN;

/** What follows a label on its line: [start, end) of `text`. */
interface LineRest {
  text: string;
  start: number;
  end: number;
}

interface LabelPattern {
  regex: RegExp;
  /** The label's style, kind and value; its offsets are set by the caller. */
  classify(match: RegExpExecArray, rest: LineRest): LabelMatch | undefined;
}

const ZH_STRUCTURE: Record<string, [LabelStyle, ClauseKind]> = {
  编: ['zh-part', 'part'],
  章: ['zh-chapter', 'chapter'],
  节: ['zh-section', 'section'],
  条: ['zh-article', 'article'],
};

const EN_STRUCTURE: Record<string, [LabelStyle, ClauseKind]> = {
  part: ['en-part', 'part'],
  chapter: ['en-chapter', 'chapter'],
  section: ['en-section', 'section'],
  article: ['en-article', 'article'],
};

/** Characters after 第X条 that show the line continues a sentence citing an article rather than starting one. */
const ZH_CITATION_CONTINUATION = /(?:规定|的|第|所|中|之外|至|和|或|及|、|，|,)/y;

/** Words after "Article 5" that show a sentence cites the article rather than heading it. */
const EN_CITATION_CONTINUATION = /[^\S\r\n]*(?:of|shall|is|are|was|and|or|to|in|as|under|provides|states|applies)\b/y;

const PATTERNS: LabelPattern[] = [
  {
    regex: new RegExp(`第\\s*(${ZH_NUMERAL}|\\d+)\\s*([编章节条])(之[一二三四五六七八九十]+)?`, 'y'),
    classify(match, rest) {
      const [style, kind] = ZH_STRUCTURE[match[2]!]!;
      if (kind === 'article' && restStartsWith(rest, ZH_CITATION_CONTINUATION)) return undefined;
      const value = arabicOrChineseValue(match[1]!);
      if (!value) return undefined;
      return labelMatch(style, kind, value, match[3] ? chineseNumeralValue(match[3].slice(1)) ?? 1 : undefined, 0, 0);
    },
  },
  {
    regex: new RegExp(`(${ZH_NUMERAL})、`, 'y'),
    classify: (match) => valued('zh-dot', 'part', chineseNumeralValue(match[1]!)),
  },
  {
    regex: new RegExp(`[（(]\\s*(${ZH_NUMERAL})\\s*[）)]`, 'y'),
    classify: (match) => valued('zh-paren', 'clause', chineseNumeralValue(match[1]!)),
  },
  {
    regex: /[（(]\s*([\d０-９]{1,3})\s*[）)]/y,
    classify: (match) => valued('paren-arabic', 'item', digitsValue(match[1]!)),
  },
  {
    regex: /\(([IVXLC]+|[ivxlc]+|[A-Za-z])\)/y,
    classify: (match) => classifyParenthesisedLetters(match[1]!),
  },
  {
    // A lone C. or L. is a letter in an A. B. C. list, not 100 or 50.
    regex: /([IVX]|[IVXLC]{2,})\.(?=[\s\u3000]|$)/y,
    classify: (match) => valued('roman-dot', 'part', shortRomanValue(match[1]!)),
  },
  {
    // 2.3 and 2.3.1 in memos and guidelines; not 2026.1.5 (a date), 1.5% nor "2.5 million" (amounts).
    regex: /(\d{1,2}(?:\.\d{1,3}){1,4})(?:\.(?!\d))?/y,
    classify: (match, rest) => restStartsWith(rest, DECIMAL_QUANTITY) ? undefined : valued('decimal', 'section', decimalPath(match[1]!).pop()),
  },
  {
    // Full-width digits too: １．合作机构的经营情况 (a Chinese text typed with a full-width keyboard).
    regex: /([\d０-９]{1,3})(?:[.．](?![\d０-９])|、)/y,
    classify: (match) => valued('arabic-dot', 'item', digitsValue(match[1]!)),
  },
  {
    // D and M only in numerals of two letters or more (Chapter CD is the 400th): "Part D" of a plan is a letter.
    regex: new RegExp(`(Part|Chapter|Section|Article)\\s+(\\d+|[IVXLC]+|[IVXLCDM]{2,}|${ENGLISH_NUMBER_WORD_PATTERN})\\b\\.?`, 'iy'),
    classify(match, rest) {
      if (!/^[A-Z]/.test(match[1]!) || restStartsWith(rest, EN_CITATION_CONTINUATION)) return undefined;
      const [style, kind] = EN_STRUCTURE[match[1]!.toLowerCase()]!;
      return valued(style, kind, englishNumeralValue(match[2]!));
    },
  },
  {
    regex: /§\s*(\d+)([a-z]?)(?:-\d+)?\.(?=\s|$)/y,
    classify: (match) => valued('section-sign', 'section', Number(match[1])),
  },
  {
    regex: new RegExp(`(?:附件|附表|附录|(?:Annex|Appendix|Attachment|Schedule|ANNEX|APPENDIX|ATTACHMENT|SCHEDULE)(?![A-Za-z]))` +
      `(?:[^\\S\\r\\n]*(${ZH_NUMERAL}|[\\d０-９]{1,3}|[IVXLC]+|[A-Z])(?![A-Za-z\\d０-９]))?`, 'y'),
    classify: (match, rest) => classifyAnnex(match[1], rest),
  },
];

/**
 * The patterns a label may match, by the code unit it starts with, in PATTERNS order: one look-up per line instead
 * of trying every pattern. Built from the characters each pattern can begin with.
 */
const PATTERNS_BY_FIRST_CHAR: ReadonlyMap<number, readonly LabelPattern[]> = (() => {
  const [structure, zhDot, zhParen, arabicParen, letterParen, romanDot, decimal, arabicDot, english, sectionSign, annex] = PATTERNS;
  const starts: [string, LabelPattern[]][] = [
    ['第', [structure!]],
    ['零〇○一二三四五六七八九十百千两', [zhDot!]],
    ['（', [zhParen!, arabicParen!]],
    ['(', [zhParen!, arabicParen!, letterParen!]],
    ['IVXLC', [romanDot!]],
    ['0123456789', [decimal!, arabicDot!]],
    ['０１２３４５６７８９', [arabicDot!]],
    ['PCSApcsa', [english!]],
    ['§', [sectionSign!]],
    ['附AS', [annex!]],
  ];
  const table = new Map<number, LabelPattern[]>();
  for (const [chars, patterns] of starts) {
    for (const char of chars) table.set(char.charCodeAt(0), [...(table.get(char.charCodeAt(0)) ?? []), ...patterns]);
  }
  for (const [code, patterns] of table) table.set(code, PATTERNS.filter((pattern) => patterns.includes(pattern)));
  return table;
})();

/**
 * The patterns a label opening with a bracket may match, by what follows it: a Chinese numeral or a digit (after any
 * white space), or a Latin letter right after it. Each pattern needs its own, so the others are not tried.
 */
function parenthesisedCandidates(text: string, bracket: number): readonly LabelPattern[] | undefined {
  const next = text.charCodeAt(bracket + 1);
  if (isAsciiLetter(next)) return text.charCodeAt(bracket) === 0x28 ? LETTER_PARENTHESIS : undefined;
  let at = bracket + 1;
  while (at < text.length && (isSpace(text.charCodeAt(at)) || text.charCodeAt(at) === 0xfeff)) at++;
  const code = text.charCodeAt(at);
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return ARABIC_PARENTHESIS;
  return CHINESE_NUMERALS.has(code) ? CHINESE_PARENTHESIS : undefined;
}

const [, , CHINESE_PARENTHESIS, ARABIC_PARENTHESIS, LETTER_PARENTHESIS] = PATTERNS.map((pattern) => [pattern]);
const CHINESE_NUMERALS: ReadonlySet<number> = new Set([...'零〇○一二三四五六七八九十百千两'].map((char) => char.charCodeAt(0)));

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

/** Whether a line whose first character (after spaces) is `code` can hold a label: a label's first, or Markdown's. */
export function mayStartLabel(code: number): boolean {
  return PATTERNS_BY_FIRST_CHAR.has(code) || isMarkdownLead(code);
}

/** The value of ASCII or full-width digits (１２ → 12). */
export function digitsValue(digits: string): number {
  let value = 0;
  for (const char of digits) value = value * 10 + (char.charCodeAt(0) >= 0xff10 ? char.charCodeAt(0) - 0xff10 : char.charCodeAt(0) - 0x30);
  return value;
}

/** 5, V, Five (capitalised: "Part One", not "part one of the plan") as a number. */
function englishNumeralValue(numeral: string): number | undefined {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  return romanValue(numeral) ?? (/^[A-Z]/.test(numeral) ? englishNumberWordValue(numeral) : undefined);
}

/**
 * An attachment's heading, by what follows its label on the line (see the header): its number's value, or 0 when
 * unnumbered; undefined when the line is a sentence or the attachment list.
 */
function classifyAnnex(numeral: string | undefined, rest: LineRest): LabelMatch | undefined {
  const value = numeral === undefined ? 0 : annexNumberValue(numeral);
  if (value === undefined) return undefined;
  let at = rest.start;
  while (at < rest.end && isSpace(rest.text.charCodeAt(at))) at++;
  if (at === rest.end) return annexLabel(value);
  const code = rest.text.charCodeAt(at);
  const colon = code === 0x3a || code === 0xff1a;
  if (!colon && at === rest.start) return undefined; // 附件1所列机构, 附件规定的方法: a sentence
  if (colon) while (++at < rest.end && isSpace(rest.text.charCodeAt(at)));
  if (colon && at === rest.end) return annexLabel(value);
  if (value === 0 || !isAnnexTitle(rest.text, at, rest.end, colon)) return undefined;
  return annexLabel(value);
}

function annexLabel(value: number): LabelMatch {
  return labelMatch('annex', 'part', value, undefined, 0, 0);
}

/** 1, １, 一, I (Roman), A (a letter): I, V and X alone are Roman (Annex I ↔ 附件一), other letters count A = 1. */
function annexNumberValue(numeral: string): number | undefined {
  const first = numeral.charCodeAt(0);
  if ((first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19)) return digitsValue(numeral);
  if (first >= 0x41 && first <= 0x5a) return numeral.length > 1 || /[IVX]/.test(numeral) ? romanValue(numeral) : first - 0x40;
  return chineseNumeralValue(numeral);
}

/** Sentence punctuation, a full stop before a space or at the end, or a file's extension at the end: no title. */
const NOT_A_TITLE = /[。；！？;!?]|\.(?:\s|$)|\.(?:docx?|xlsx?|pdf|wps|et|zip|rar)\s*$/i;
/** A list label at a title's start: 附件：1.《…》 is the attachment list. */
const LIST_LABEL_START = /^(?:[\d０-９]{1,3}|[一二三四五六七八九十]{1,3})[.．、]|^[（(][\d０-９一二三四五六七八九十]{1,3}[）)]/;

/** Whether text[start, end) can be an attachment's title; after white space (`colon` false) an English one begins with a capital. */
function isAnnexTitle(text: string, start: number, end: number, colon: boolean): boolean {
  if (end - start > HEADING_MAX) return false;
  const code = text.charCodeAt(start);
  if (!colon && code < 0x80 && !(code >= 0x41 && code <= 0x5a) && !isDigit(code)) return false;
  const title = text.slice(start, end);
  return !NOT_A_TITLE.test(title) && !LIST_LABEL_START.test(title);
}

/** What makes a decimal at a line start an amount, not a label: a unit or a multiplier after it. */
const DECIMAL_QUANTITY = /[^\S\r\n]*(?:%|‰|％|倍|亿|万|元|千|百|个|年|月|日|times\b|million\b|billion\b|trillion\b|per\s*cent|percent|x\b|fold\b|bn\b|m\b)/iy;

function valued(style: LabelStyle, kind: ClauseKind, value: number | undefined): LabelMatch | undefined {
  return value && value > 0 ? labelMatch(style, kind, value, undefined, 0, 0) : undefined;
}

/** (IX) is Roman, (A) and (a) are letters, (iv) is lower-case Roman; single I, V, X are taken as Roman. */
function classifyParenthesisedLetters(inner: string): LabelMatch | undefined {
  // One case throughout: [IVXLC]+, [ivxlc]+ or a single letter.
  const isUpper = inner.charCodeAt(0) < 0x61;
  const roman = shortRomanValue(inner);
  if (roman !== undefined && (inner.length > 1 || /[IVXivx]/.test(inner))) {
    return isUpper ? valued('paren-roman', 'clause', roman) : valued('paren-lower-roman', 'item', roman);
  }
  if (inner.length !== 1) return undefined;
  const letterValue = inner.toLowerCase().charCodeAt(0) - 96;
  return valued(isUpper ? 'paren-upper-alpha' : 'paren-lower-alpha', 'item', letterValue);
}

/** The values of short Roman numerals, remembered: a list repeats (I) … (XX) over and over. */
const ROMAN_VALUES = new Map<string, number | undefined>();
const REMEMBERED_ROMAN = 6;

function shortRomanValue(numeral: string): number | undefined {
  if (numeral.length > REMEMBERED_ROMAN) return romanValue(numeral);
  if (!ROMAN_VALUES.has(numeral)) ROMAN_VALUES.set(numeral, romanValue(numeral));
  return ROMAN_VALUES.get(numeral);
}

/**
 * The clause label at the start of the line [lineStart, lineEnd) of `text`, after any leading spaces, or undefined.
 * Offsets in the match are relative to the line start. The patterns run sticky at the label's offset in the whole
 * text and the rest of the line is read in place: nothing is sliced, so a line costs the same however long it is.
 */
export function matchClauseLabel(text: string, lineStart: number, lineEnd: number): LabelMatch | undefined {
  let start = lineStart;
  while (start < lineEnd && (isSpace(text.charCodeAt(start)) || isInvisible(text.charCodeAt(start)))) start++;
  const code = text.charCodeAt(start);
  if (isMarkdownLead(code)) {
    MARKDOWN_LEAD.lastIndex = start;
    if (MARKDOWN_LEAD.test(text)) start = MARKDOWN_LEAD.lastIndex;
  }
  if (start >= lineEnd) return undefined;
  const first = text.charCodeAt(start);
  const candidates = first === 0x28 || first === 0xff08 ? parenthesisedCandidates(text, start) : PATTERNS_BY_FIRST_CHAR.get(first);
  if (!candidates) return undefined;
  for (const pattern of candidates) {
    pattern.regex.lastIndex = start;
    const match = pattern.regex.exec(text);
    if (!match) continue;
    const end = start + match[0].length;
    if (end > lineEnd) continue;
    const rest = { text, start: afterMarkdownClose(text, end, lineEnd), end: lineEnd };
    if (!isPlausibleLabelEnd(rest, endsInStop(match[0]))) continue;
    const classified = pattern.classify(match, rest);
    if (!classified) continue;
    classified.start = start - lineStart;
    classified.end = end - lineStart;
    return classified;
  }
  return undefined;
}

/** Markdown around a label: headings (# 第一章), quotes, list items (- (I), * 1.), bold (**第一条**, - **(5)**). */
const MARKDOWN_LEAD = /(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+|\*\*|__)*/y;

/** # > * _ - +: what Markdown before a label starts with. */
function isMarkdownLead(code: number): boolean {
  return code === 0x23 || code === 0x3e || code === 0x2a || code === 0x5f || code === 0x2d || code === 0x2b;
}

/** Past the ** or __ that closes a bold label. */
function afterMarkdownClose(text: string, offset: number, lineEnd: number): number {
  const code = text.charCodeAt(offset);
  return offset + 1 < lineEnd && (code === 0x2a || code === 0x5f) && text.charCodeAt(offset + 1) === code ? offset + 2 : offset;
}

/** Whether a sticky pattern matches at the start of the rest of a line. Its spaces never cross a line break. */
function restStartsWith(rest: LineRest, pattern: RegExp): boolean {
  if (rest.start >= rest.end) return false;
  pattern.lastIndex = rest.start;
  return pattern.test(rest.text);
}

/**
 * A label is followed by its text, a space, or the end of the line, never by more of a word or number; nor by
 * words that continue a citation ("(III) of this Notice" on a wrapped line) or a number ("1. 5 per cent"). A label
 * that ends in a full stop ends a number, not a sentence: "3. to refer the matter" is an item of a resolution.
 */
function isPlausibleLabelEnd(rest: LineRest, endsInStop: boolean): boolean {
  if (rest.start >= rest.end) return true;
  const code = rest.text.charCodeAt(rest.start);
  // Both continuations begin with white space (\s is isSpace and U+FEFF): most labels are followed by their text.
  if (isSpace(code) || code === 0xfeff) {
    if (restStartsWith(rest, LABEL_CONTINUES_SENTENCE) || (endsInStop && restStartsWith(rest, DECIMAL_CONTINUES))) return false;
    if (!endsInStop && restStartsWith(rest, LABEL_CONTINUES_LIST)) return false;
  }
  return !isWordChar(code) || code >= 0x80 || (code >= 0x41 && code <= 0x5a) || (isDigit(code) && endsInParenthesis(rest));
}

/** （1）10万人以上: a digit may follow a label in parentheses directly (not one like "1." or "I.", where it makes a number). */
function endsInParenthesis(rest: LineRest): boolean {
  const last = rest.text.charCodeAt(rest.start - 1);
  return last === 0x29 || last === 0xff09; // ) ）
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** "(III) of this Notice", "(5) per cent": a reference or a number wrapped at a line start, the sentence going on. */
const LABEL_CONTINUES_SENTENCE = /[^\S\r\n]+(?:of|through|above|below|hereof|herein|per\s+cent|percent)\b/y;
/**
 * "1. 5 per cent", "2. 5%": a number broken after its point, not an item, when a decimal or a unit follows. Not after a
 * label in brackets, whose item may well open with a quantity: "(2) 20 percent, where the balance …".
 */
const DECIMAL_CONTINUES = /[^\S\r\n]+\d+(?:[.,]\d+|\s*(?:%|‰|(?:per\s*cent|percent)\b))/y;
/** "Clauses⏎(3) and (4) apply", "(5) to (8)": a list or range of references wrapped at a line start. */
const LABEL_CONTINUES_LIST = /[^\S\r\n]+(?:and|or|to)\b/y;

function endsInStop(label: string): boolean {
  const last = label.charCodeAt(label.length - 1);
  return last === 0x2e || last === 0xff0e || last === 0x3001; // . ． 、
}

/**
 * The labels of a style for a value, as a reader expects them: used in messages ("expected (V)"). A decimal's
 * `prefix` is its parent's numbers and a dot ("2.3." for 2.3.1); an attachment's, its word (附件, Annex).
 */
export function formatLabel(style: LabelStyle, value: number, prefix = ''): string {
  const romanize = toRoman;
  const chinese = toChineseNumeral;
  switch (style) {
    case 'zh-part': return `第${chinese(value)}编`;
    case 'zh-chapter': return `第${chinese(value)}章`;
    case 'zh-section': return `第${chinese(value)}节`;
    case 'zh-article': return `第${chinese(value)}条`;
    case 'zh-dot': return `${chinese(value)}、`;
    case 'zh-paren': return `（${chinese(value)}）`;
    case 'en-part': return `Part ${value}`;
    case 'en-chapter': return `Chapter ${value}`;
    case 'en-section': return `Section ${value}`;
    case 'en-article': return `Article ${value}`;
    case 'section-sign': return `§ ${value}`;
    case 'roman-dot': return `${romanize(value)}.`;
    case 'arabic-dot': return `${value}.`;
    case 'paren-roman': return `(${romanize(value)})`;
    case 'paren-arabic': return `(${value})`;
    case 'paren-lower-alpha': return `(${String.fromCharCode(96 + Math.min(value, 26))})`;
    case 'paren-upper-alpha': return `(${String.fromCharCode(64 + Math.min(value, 26))})`;
    case 'paren-lower-roman': return `(${romanize(value).toLowerCase()})`;
    case 'decimal': return `${prefix}${value}`;
    // Headings have no number, and are never in a sequence a message counts.
    case 'heading': return '';
    // An attachment's `prefix` is its word: 附件3, Annex 3.
    case 'annex': return prefix.charCodeAt(0) >= 0x80 ? `${prefix}${value}` : `${prefix} ${value}`;
  }
}
