/**
 * Which notice a document is, from its header, the way notices print it:
 *   - a number line under (or over) the title:        银发〔2026〕42号 / Yinfa [2026] No. 42 alone on its line;
 *   - a title that ends in its number:                关于……的通知（银发〔2021〕237号） / Notice on … (Yinfa [2026] No. 118);
 *   - an order header, the number first:              中国人民银行令〔2003〕第5号（人民币银行结算账户管理办法）;
 *   - a law or regulation known by its title alone:   中华人民共和国证券法 as the first line.
 * A document that merely cites a number in its body (a memo, a checklist, an article quoting a title with its
 * number inside a sentence) is not that notice: only lines of the header count, and only lines that are a number,
 * a title, or a title with its number, never a sentence.
 */
import type { Language, NoticeIdentity, NoticeNumberMention, Span } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { lastAtOrBefore } from '../text/search';
import { CHINESE_DOCUMENT_TYPE, ENGLISH_DOCUMENT_TYPE } from './documentTypes';
import { issuedTitles, normalizeTitle } from './titles';

/** The header is at most this many non-blank lines, and ends at the first clause label. */
const HEADER_LINES = 12;
/** A title with its number is the first thing a notice prints: one of its first few non-blank lines. */
const TITLE_LINES = 3;
/**
 * How many header lines away from a number line its title may stand: an order prints its number, the promulgation
 * paragraph, the signature and the date, then the title of the rules it issues.
 */
const TITLE_REACH = HEADER_LINES;
/** Official titles that name every issuer run long: the English of Yinfa [2026] No. 42 has nearly 400 characters. */
const MAX_TITLE = 600;

/** Markdown and list decoration around a header line: "# ", "**…**", "> ". */
const DECORATION = /^(?:#{1,6}\s+|>\s*|\*\*|__)+|(?:\*\*|__)+$/g;
/** The names of the field that gives a document's own number. */
const NUMBER_FIELD_NAME = '文号|发文字号|Document No\\.?|Doc\\. No\\.?';
/** A label before a number line: "文号：", "Document No.:". */
const NUMBER_LABEL = new RegExp(`^(?:${NUMBER_FIELD_NAME}|No\\.)\\s*[:：]?\\s*`, 'i');
/** What may follow a number in a title line: the closing bracket, 发布 (promulgated by). */
const AFTER_NUMBER_IN_TITLE = /^\s*(?:发布|公布|印发)?\s*[）)]\s*$/;
const BEFORE_NUMBER_IN_TITLE = /[（(]\s*$/;
/** A parenthesised title after a number (one parenthesis inside it allowed), and editions in parentheses after it. */
const PARENTHESISED_TITLE = /^[（(]((?:[^（）()]|[（(][^（）()]*[）)])+)[）)](?:\s*[（(][^（）()]{1,12}[）)])*$/;
/** What marks a draft in its title. */
const DRAFT = /征求意见稿|草案|送审稿|讨论稿|\b(?:exposure |consultation |public comment )?draft\b/i;
/** Issuer codes of orders (令) and announcements (公告), which are titled by their numbers. */
const ORDER_OR_ANNOUNCEMENT = /(?:令|公告)$/;
const SENTENCE_PUNCTUATION = /[。；;!?！？]|[.:：](?=\s|$)/;
/** Ends in a kind of document, perhaps followed by an edition or a date: 解释（一）(2009-09-21), 办法（试行）. */
const CHINESE_TITLE = new RegExp(`(?:${CHINESE_DOCUMENT_TYPE})(?:\\s*[（(][^（）()]{1,12}[）)]){0,2}$`);
const ENGLISH_TITLE = new RegExp(`^(?:The\\s+)?(?:(?:Administrative|Interim|Provisional|Guiding|Implementing)\\s+)?${ENGLISH_DOCUMENT_TYPE}\\b|\\b(?:${ENGLISH_DOCUMENT_TYPE}|Law of the People's Republic of China)(?:\\s*\\([^()]{1,20}\\))?$`);

interface HeaderLine {
  line: number;
  /** The line without decoration, and where that starts in the document. */
  text: string;
  start: number;
}

export interface FoundIdentity {
  identity: NoticeIdentity;
  /** Index in the document's notice numbers of the header's own number, if any. */
  ownNumber: number | undefined;
}

export function findIdentity(
  lines: LineIndex, numbers: readonly NoticeNumberMention[], firstLabelLine: number, language: Language,
): FoundIdentity | undefined {
  const header = headerLines(lines, firstLabelLine);
  for (const [index, line] of header.entries()) {
    const found = numberLine(line, numbers) ?? (index < TITLE_LINES ? titleWithNumber(line, numbers) : undefined) ?? labelledNumber(line, numbers);
    if (!found) continue;
    const number = numbers[found.number]!;
    const title = found.title ?? nearestTitle(header, index);
    // A number line is a header's when a title stands by it: a lone number is no notice (a list, a note); but
    // orders and announcements are titled by their numbers (中国人民银行公告〔2025〕第21号).
    if (!title && !ORDER_OR_ANNOUNCEMENT.test(number.issuer)) continue;
    return {
      identity: {
        number: { key: number.key, issuer: number.issuer, year: number.year, serial: number.serial },
        numberSpan: { start: number.start, end: number.end },
        ...describeTitle(title),
        language,
      },
      ownNumber: found.number,
    };
  }
  const first = header[0];
  // A draft with no number yet is no notice anyone can cite.
  if (first && isTitle(first.text) && isStandaloneTitle(first.text) && !DRAFT.test(first.text)) {
    const described = describeTitle({ text: first.text, span: { start: first.start, end: first.start + first.text.length } });
    if (described.title) return { identity: { ...described, language }, ownNumber: undefined };
  }
  return undefined;
}

function headerLines(lines: LineIndex, firstLabelLine: number): HeaderLine[] {
  const header: HeaderLine[] = [];
  for (let line = 0; line < lines.lineCount && line < firstLabelLine && header.length < HEADER_LINES; line++) {
    const raw = lines.lineText(line);
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const bare = trimmed.replace(DECORATION, '').trim();
    const start = lines.lineStart(line) + raw.indexOf(bare);
    header.push({ line, text: bare, start });
  }
  return header;
}

/**
 * A number a label declares as the document's own, anywhere in a header line: the metadata a government site prints
 * above a notice ("标题：…索引号：…文号：银发〔2021〕245号发文机关：…").
 */
function labelledNumber(line: HeaderLine, numbers: readonly NoticeNumberMention[]): { number: number; title: undefined } | undefined {
  for (const match of line.text.matchAll(NUMBER_FIELD)) {
    const index = numberStartingAt(numbers, line.start + match.index! + match[0].length);
    if (index !== undefined) return { number: index, title: undefined };
  }
  return undefined;
}

/** The field that names the document's own number, anywhere in a line of metadata (its colon required). */
const NUMBER_FIELD = new RegExp(`(?:${NUMBER_FIELD_NAME})\\s*[:：]\\s*`, 'gi');

/** 银发〔2026〕42号 alone on its line (a "文号：" label before it is fine). */
function numberLine(line: HeaderLine, numbers: readonly NoticeNumberMention[]) {
  const bare = line.text.replace(NUMBER_LABEL, '');
  const start = line.start + line.text.length - bare.length;
  const index = numberStartingAt(numbers, start);
  if (index === undefined) return undefined;
  const number = numbers[index]!;
  const after = line.text.slice(number.end - line.start);
  const rest = after.trim();
  // 中国人民银行令〔2003〕第5号（人民币银行结算账户管理办法）, …（系统重要性银行附加监管规定（试行））（2019年版）: an order
  // header, its title in the first parenthesis after the number (which may hold one of its own), editions after that.
  const parenthesised = PARENTHESISED_TITLE.exec(rest);
  if (rest.length > 0 && !parenthesised) return undefined;
  if (!parenthesised || !isTitle(parenthesised[1]!)) return { number: index, title: undefined };
  const titleStart = number.end + after.indexOf(parenthesised[1]!);
  return { number: index, title: { text: parenthesised[1]!, span: { start: titleStart, end: titleStart + parenthesised[1]!.length } } };
}

/** 关于……的通知（银发〔2021〕237号）: a title line that ends in its number. */
function titleWithNumber(line: HeaderLine, numbers: readonly NoticeNumberMention[]) {
  const lineEnd = line.start + line.text.length;
  const last = lastAtOrBefore(numbers, lineEnd, (number) => number.start);
  const number = numbers[last];
  if (!number || number.start < line.start || number.end > lineEnd) return undefined;
  if (!AFTER_NUMBER_IN_TITLE.test(line.text.slice(number.end - line.start))) return undefined;
  const before = line.text.slice(0, number.start - line.start);
  if (!BEFORE_NUMBER_IN_TITLE.test(before)) return undefined;
  const titleText = before.replace(BEFORE_NUMBER_IN_TITLE, '').trim();
  if (!isTitle(titleText)) return undefined;
  return { number: last, title: { text: titleText, span: { start: line.start, end: line.start + titleText.length } } };
}

function numberStartingAt(numbers: readonly NoticeNumberMention[], start: number): number | undefined {
  const index = lastAtOrBefore(numbers, start, (number) => number.start);
  return index >= 0 && numbers[index]!.start === start ? index : undefined;
}

/** The title line nearest a number line: the lines before it first (a number under its title), then after. */
function nearestTitle(header: HeaderLine[], index: number): { text: string; span: Span } | undefined {
  for (let distance = 1; distance <= TITLE_REACH; distance++) {
    for (const candidate of [header[index - distance], header[index + distance]]) {
      if (candidate && isTitle(candidate.text)) {
        return { text: candidate.text, span: { start: candidate.start, end: candidate.start + candidate.text.length } };
      }
    }
  }
  return undefined;
}

/** A line that reads as the title of a document: ends in a kind of document (zh), or starts or ends with one (en). */
export function isTitle(text: string): boolean {
  if (text.length < 2 || text.length > MAX_TITLE) return false;
  const inner = text.replace(/^[《“"]|[》”"]$/g, '');
  if (SENTENCE_PUNCTUATION.test(inner.replace(/No\.\s*\d/g, ''))) return false;
  return CHINESE_TITLE.test(inner) || ENGLISH_TITLE.test(inner);
}

/**
 * A first line known by its title alone must look like a law's or a regulation's title, not a memo's heading:
 * Chinese ending in a kind of document, or English starting with one (Measures for …) or naming the country.
 */
function isStandaloneTitle(text: string): boolean {
  return CHINESE_TITLE.test(text) || /^(?:The\s+)?[A-Z]/.test(text) && new RegExp(`^(?:The\\s+)?${ENGLISH_DOCUMENT_TYPE}\\b|People's Republic of China`).test(text);
}

function describeTitle(title: { text: string; span: Span } | undefined): Pick<NoticeIdentity, 'title' | 'alsoTitled' | 'draft'> {
  if (!title) return { alsoTitled: [] };
  const normalized = normalizeTitle(title.text);
  const alsoTitled = issuedTitles(title.text).flatMap((issued) => normalizeTitle(issued) ?? []);
  const draft = DRAFT.test(title.text) ? { draft: true as const } : {};
  return normalized ? { title: { text: title.text, normalized, span: title.span }, alsoTitled, ...draft } : { alsoTitled, ...draft };
}
