/**
 * Recognises document numbers (发文字号) in folded text, Chinese and English:
 *   银发〔2021〕237号, 中国人民银行令〔2003〕第5号, 汇发[1998]11号, 国家金融监督管理总局令2023年第5号, 国务院令第752号,
 *   Yinfa [2021] No. 237, NDRC Energy-saving Building [2021] No. 1283, FGYX 2021 No.1283.
 * One regular expression per language finds the year-and-serial part; the issuer code is then read backwards from it.
 * Each number gets a canonical key shared by its Chinese and English forms.
 */
import { noticeKey, normalizeEnglishIssuer, type Knowledge } from '../knowledge/compile';
import type { NoticeNumberMention } from '../model';
import type { FoldedText } from '../text/folded';
import { isHan } from '../text/chars';

const OPEN = '〔\\[［（(【﹝〖';
const CLOSE = '〕\\]］）)】﹞〗';
const CHINESE_NUMBER = new RegExp(
  `[${OPEN}]((?:19|20)\\d{2})[${CLOSE}] ?第? ?(\\d{1,6}) ?号|((?:19|20)\\d{2})年第(\\d{1,6})号|第(\\d{1,6})号`, 'g');
const ENGLISH_NUMBER = new RegExp(
  `[${OPEN}] ?((?:19|20)\\d{2}) ?[${CLOSE}] ?No\\. ?(\\d{1,6})(?![\\d])|\\b((?:19|20)\\d{2}) No\\. ?(\\d{1,6})(?![\\d])|\\bNo\\. ?(\\d{1,6})(?![\\d])`, 'g');

/** Words that lead into a number in Chinese text and are not part of its issuer code. */
const CHINESE_LEAD_IN = /^(?:.*(?:根据|依据|按照|依照|参照|对照|执行|落实|印发|转发|见|即|和|及|与|或|的|以|经|由|对|在|将|并|按))/;
/** Capitalised words that start an English sentence rather than an issuer code. */
const ENGLISH_LEAD_IN = new Set(['in', 'the', 'see', 'under', 'per', 'according', 'pursuant', 'by', 'as', 'and', 'of', 'for', 'with', 'from', 'this', 'that', 'its', 'their', 'notice', 'cf']);
/** Codes of orders (令) and announcements (公告): numbered without a year, and naming joint issuers. */
const ORDER_OR_ANNOUNCEMENT = /(?:令|公告)$/;
const MAX_ISSUER_HAN = 40;
const MAX_ISSUER_WORDS = 8;
/** An issuer code regtext does not know is taken to be at most this long. */
const MAX_UNKNOWN_ISSUER = 20;

export function scanNoticeNumbers(folded: FoldedText, knowledge: Knowledge): NoticeNumberMention[] {
  const found: NoticeNumberMention[] = [];
  const text = folded.text;
  for (const match of text.matchAll(CHINESE_NUMBER)) {
    const mention = chineseMention(folded, knowledge, match);
    if (mention) found.push(mention);
  }
  for (const match of text.matchAll(ENGLISH_NUMBER)) {
    const mention = englishMention(folded, knowledge, match);
    if (mention) found.push(mention);
  }
  return found.sort((a, b) => a.start - b.start);
}

function chineseMention(folded: FoldedText, knowledge: Knowledge, match: RegExpMatchArray): NoticeNumberMention | undefined {
  const index = match.index!;
  const year = match[1] ?? match[3];
  const serial = Number(match[2] ?? match[4] ?? match[5]);
  const issuer = chineseIssuerBefore(folded.text, index, knowledge);
  if (!issuer) return undefined;
  // Without a bracketed year the issuer must name an order or announcement: 国务院令第752号, …总局令2023年第5号.
  if (match[1] === undefined && !ORDER_OR_ANNOUNCEMENT.test(issuer.code)) return undefined;
  const start = index - issuer.length;
  const end = index + match[0].length;
  return mention(folded, start, end, issuer.code, issuer.known, year === undefined ? undefined : Number(year), serial, 'zh');
}

interface IssuerFound {
  code: string;
  known: boolean;
  /** How many folded code units the issuer text takes before the number. */
  length: number;
}

/**
 * The issuer code written just before `end`: the longest known code that ends there, widened over co-issuing
 * agency names written before it (中国人民银行 海关总署令); failing that, the run of Han characters after any
 * lead-in words (根据, 按照, …).
 */
function chineseIssuerBefore(text: string, end: number, knowledge: Knowledge): IssuerFound | undefined {
  let runStart = end;
  while (runStart > 0 && end - runStart < MAX_ISSUER_HAN && isHan(text.charCodeAt(runStart - 1))) runStart--;
  const run = text.slice(runStart, end);
  if (run.length === 0) return undefined;
  for (let length = run.length; length >= 1; length--) {
    const candidate = run.slice(run.length - length);
    if (!knowledge.issuerCodes.has(candidate)) continue;
    const prefix = run.slice(0, run.length - length);
    // Only joint orders and announcements name their issuers in the number: 中国人民银行 海关总署令〔2015〕第1号.
    const coIssuers = ORDER_OR_ANNOUNCEMENT.test(candidate) ? coIssuersAtEnd(prefix, knowledge) : '';
    const code = coIssuers + candidate;
    return { code, known: coIssuers.length === 0, length: code.length };
  }
  const unknown = run.replace(CHINESE_LEAD_IN, '').slice(-MAX_UNKNOWN_ISSUER);
  if (unknown.length === 0) return undefined;
  return { code: unknown, known: false, length: unknown.length };
}

/** The agency names that `prefix` ends with, back to back: "中国人民银行海关总署" → whole. */
function coIssuersAtEnd(prefix: string, knowledge: Knowledge): string {
  let rest = prefix;
  let names = '';
  for (;;) {
    const name = knowledge.chineseAgencyNames.find((candidate) => candidate.length > 0 && rest.endsWith(candidate));
    if (!name) return names;
    names = name + names;
    rest = rest.slice(0, rest.length - name.length);
  }
}

function englishMention(folded: FoldedText, knowledge: Knowledge, match: RegExpMatchArray): NoticeNumberMention | undefined {
  const index = match.index!;
  const yearText = match[1] ?? match[3];
  const year = yearText === undefined ? undefined : Number(yearText);
  const serial = Number(match[2] ?? match[4] ?? match[5]);
  const words = englishIssuerWordsBefore(folded.text, index);
  if (words.length === 0) return undefined;
  for (let count = words.length; count >= 1; count--) {
    const candidate = words.slice(words.length - count);
    const record = knowledge.issuerCodesByEnglish.get(normalizeEnglishIssuer(candidate.map((word) => word.text).join(' ')));
    // Without a year, only orders and announcements are numbered: "Order of the State Council No. 768".
    if (record && (year !== undefined || ORDER_OR_ANNOUNCEMENT.test(record.code))) {
      return mention(folded, candidate[0]!.start, index + match[0].length, record.code, true, year, serial, 'en');
    }
  }
  if (year === undefined) return undefined;
  const firstKept = words.findIndex((word) => !ENGLISH_LEAD_IN.has(word.text.toLowerCase()));
  if (firstKept < 0) return undefined;
  const kept = words.slice(firstKept);
  const issuer = kept.map((word) => word.text).join(' ');
  return mention(folded, kept[0]!.start, index + match[0].length, issuer, false, year, serial, 'en');
}

const CONNECTORS = /^(?:and|of|for|the)$/;

interface Word {
  text: string;
  start: number;
}

/** Up to eight capitalised words (with "and", "of", "for", "the" between them) written just before `end`. */
function englishIssuerWordsBefore(text: string, end: number): Word[] {
  const words: Word[] = [];
  let position = end;
  while (words.length < MAX_ISSUER_WORDS) {
    while (position > 0 && text[position - 1] === ' ') position--;
    let start = position;
    while (start > 0 && /[A-Za-z'\-.]/.test(text[start - 1]!)) start--;
    const word = text.slice(start, position).replace(/\.$/, '');
    if (word.length === 0 || !(/^[A-Z]/.test(word) || CONNECTORS.test(word))) break;
    words.unshift({ text: word, start });
    position = start;
  }
  while (words.length > 0 && CONNECTORS.test(words[0]!.text)) words.shift();
  return words;
}

function mention(
  folded: FoldedText, start: number, end: number, issuer: string, issuerKnown: boolean,
  year: number | undefined, serial: number, language: 'zh' | 'en',
): NoticeNumberMention {
  const range = folded.originalRange(start, end);
  return {
    kind: 'noticeNumber',
    start: range.start,
    end: range.end,
    text: folded.source.slice(range.start, range.end),
    key: noticeKey(issuer, year, serial),
    issuer,
    issuerKnown,
    year,
    serial,
    language,
  };
}
