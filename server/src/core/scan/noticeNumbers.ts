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
import { CHINESE_DOCUMENT_TYPE } from './documentTypes';
import { isHan } from '../text/chars';

const OPEN = '〔\\[［（(【﹝〖';
const CLOSE = '〕\\]］）)】﹞〗';
const CHINESE_NUMBER = new RegExp(
  `[${OPEN}]((?:19|20)\\d{2})[${CLOSE}] ?第? ?(\\d{1,6}) ?号|((?:19|20)\\d{2})年第(\\d{1,6})号|第(\\d{1,6})号`, 'g');
const ENGLISH_NUMBER = new RegExp(
  `[${OPEN}] ?((?:19|20)\\d{2}) ?[${CLOSE}] ?(No\\. ?)?(\\d{1,6})(?!\\d|\\.\\d)|\\b((?:19|20)\\d{2}) No\\. ?(\\d{1,6})(?![\\d])|\\bNo\\. ?(\\d{1,6})(?![\\d])`, 'g');
/** After "No. 5": the year, when it comes last ("No. 5 [2003]", "No. 5 of 2023"). */
const TRAILING_YEAR = new RegExp(`^(?: ?[${OPEN}] ?((?:19|20)\\d{2}) ?[${CLOSE}]| of ((?:19|20)\\d{2})\\b)`);
/** After "Order No. 752": who issued it ("of the State Council"). */
const TRAILING_ISSUER = /^ of ((?:the )?[A-Z][\w'’-]*(?: (?:of|and|for|the|[A-Z][\w'’-]*))*)/;

/**
 * Words that lead into a number in Chinese text and are not part of its issuer code; with the particles and
 * prepositions that never begin one (印发了银发〔2027〕9号 is 银发, not a local code 了银发).
 */
// A word stands before the one-character word it begins with (或者 before 或): an alternation takes the first that matches.
// 人行, 总行, 总局 name the issuer itself (转发人行银发〔2026〕3号).
const LEAD_IN_WORDS = `或者|或是|以及|并且|而且|经过|关于|学习|贯彻|遵守|废止|废除|修订|修改|取代|替代|停止|撤销|抄送|上述|前述|人行|总行|总局|总部|总署|` +
  `根据|依据|按照|依照|参照|对照|执行|落实|印发|转发|下发|发布|制定|重申|要求|通过|明确|参见|详见|见|即|如|和|及|与|或|的|以|经|由|对|在|将|并|按|号|文件|了|是|为|向|于|自|从|据|就|至|给|同|把|被|引用|援引|引|参考|遵照|遵循|比照|` +
  `附|暨|等|原|该|本|此|各|日|${CHINESE_DOCUMENT_TYPE}`;
/** Words before a code that are not part of it, up to the last of them. */
const CHINESE_LEAD_IN = new RegExp(`^.*(?:${LEAD_IN_WORDS})`);
/** The same, but leaving at least one character: 中国人民银行公告 is a code, not 公告 after a lead-in. */
const CHINESE_LEAD_IN_BEFORE_CODE = new RegExp(`^.*(?:${LEAD_IN_WORDS})(?=.)`);
/**
 * Local and internal codes put a place, an office or a bank before a national code: 京银发, 沪银发, 浙银保监发, 工银发
 * (listed), 华银发, 上海银发 (not listed, but standing alone before the code after a lead-in or punctuation).
 */
const MAX_LOCAL_PREFIX = 3;
/** Capitalised words that start an English sentence rather than an issuer code. */
const ENGLISH_LEAD_IN = new Set(['in', 'the', 'see', 'under', 'per', 'according', 'pursuant', 'by', 'as', 'and', 'of', 'for', 'with', 'from', 'this', 'that', 'its', 'their', 'notice', 'cf']);
/** Codes of orders (令) and announcements (公告): numbered without a year, and naming joint issuers. */
const ORDER_OR_ANNOUNCEMENT = /(?:令|公告)$/;
const MAX_ISSUER_HAN = 80;
const MAX_ISSUER_WORDS = 8;
/** An issuer code regtext does not know is taken to be at most this long. */
const MAX_UNKNOWN_ISSUER = 8;

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
  const issuer = chineseIssuerBefore(folded, index, knowledge);
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
 * The issuer code written just before `end`. The longest known code that ends there wins, and what stands before
 * it decides the rest: lead-in words (根据, 按照, 的通知 on the line before) are not part of the code; co-issuing
 * agencies are, for joint orders and announcements (中国人民银行 海关总署令); an agency named before an ordinary code
 * is not (人民银行银发〔2021〕237号); one to three other characters make a local code (京银发, 浙银保监发), which
 * regtext does not know. With no known code, the code is the run of Han characters after any lead-in words, or
 * the agency names before a trailing 令 or 公告.
 */
function chineseIssuerBefore(folded: FoldedText, end: number, knowledge: Knowledge): IssuerFound | undefined {
  const text = folded.text;
  let runStart = end;
  // The code may stand on the line before its bracket, but never runs over a line break itself…
  while (runStart > 0 && end - runStart < MAX_ISSUER_HAN && isHan(text.charCodeAt(runStart - 1)) &&
    (runStart === end || !folded.lineBreakBefore(runStart))) runStart--;
  // …unless a parenthesis after a title holds nothing but the number, wrapped inside its code: （银⏎发〔2026〕42号）.
  const wrappedStart = parenthesisBefore(folded, runStart, end);
  if (wrappedStart !== undefined) {
    const wrapped = issuerOfRun(text.slice(wrappedStart, end), knowledge);
    if (wrapped?.length === end - wrappedStart) return wrapped;
  }
  return issuerOfRun(text.slice(runStart, end), knowledge);
}

function issuerOfRun(run: string, knowledge: Knowledge): IssuerFound | undefined {
  if (run.length === 0) return undefined;
  const known = longestKnownCodeAtEnd(run, knowledge);
  return known ? issuerAroundKnownCode(run, known, knowledge) : unknownIssuer(run, knowledge);
}

/**
 * Where the Han characters on the line before `runStart` begin, when a line break stands just before it and an
 * opening parenthesis just before them: （银⏎发. The code is then all the parenthesis holds (the caller checks).
 * A code at the start of a line without one (a title line, then 财金〔2024〕12号) is never joined to the line before.
 */
function parenthesisBefore(folded: FoldedText, runStart: number, end: number): number | undefined {
  const text = folded.text;
  if (runStart === end || !isHan(text.charCodeAt(runStart - 1)) || !folded.lineBreakBefore(runStart)) return undefined;
  let start = runStart;
  while (start > 0 && end - start < MAX_ISSUER_HAN && isHan(text.charCodeAt(start - 1))) start--;
  return OPENING_PARENTHESES.has(text[start - 1] ?? '') ? start : undefined;
}

const OPENING_PARENTHESES = new Set(['（', '(']);

/**
 * What the look-ups at a number need of the knowledge, made once per knowledge: the longest code in either language
 * (no longer candidate is looked up), and the agency names by their last character (a name ending a run is found
 * among the few that end so, in the order of the list).
 */
interface IssuerLookups {
  longestCode: number;
  longestEnglishCode: number;
  agencyNamesByLast: Map<number, string[]>;
}

const lookupsByKnowledge = new WeakMap<Knowledge, IssuerLookups>();

function lookupsOf(knowledge: Knowledge): IssuerLookups {
  let lookups = lookupsByKnowledge.get(knowledge);
  if (!lookups) {
    const agencyNamesByLast = new Map<number, string[]>();
    for (const name of knowledge.chineseAgencyNames) {
      if (name.length === 0) continue;
      const last = name.charCodeAt(name.length - 1);
      agencyNamesByLast.set(last, [...(agencyNamesByLast.get(last) ?? []), name]);
    }
    const longest = (keys: Iterable<string>) => Math.max(0, ...[...keys].map((key) => key.length));
    lookups = { longestCode: longest(knowledge.issuerCodes.keys()), longestEnglishCode: longest(knowledge.issuerCodesByEnglish.keys()), agencyNamesByLast };
    lookupsByKnowledge.set(knowledge, lookups);
  }
  return lookups;
}

function longestKnownCodeAtEnd(run: string, knowledge: Knowledge): string | undefined {
  for (let length = Math.min(run.length, lookupsOf(knowledge).longestCode); length >= 1; length--) {
    const candidate = run.slice(run.length - length);
    if (knowledge.issuerCodes.has(candidate)) return candidate;
  }
  return undefined;
}

function issuerAroundKnownCode(run: string, written: string, knowledge: Knowledge): IssuerFound {
  const canonical = knowledge.issuerCodes.get(written)!.code;
  // 中华人民共和国国务院令 is how 国务院令 is printed: the country's name is no part of the code.
  const prefix = run.slice(0, run.length - written.length).replace(/中华人民共和国$/, '');
  // Agency names first: 国家发展和改革委员会 contains 和, which is also a lead-in word.
  const agencies = coIssuersAtEnd(prefix, knowledge);
  const rest = prefix.slice(0, prefix.length - agencies.length).replace(CHINESE_LEAD_IN, '');
  if (ORDER_OR_ANNOUNCEMENT.test(written) && agencies.length > 0) {
    return { code: agencies + written, known: false, length: agencies.length + written.length };
  }
  const local = ORDER_OR_ANNOUNCEMENT.test(written) || agencies.length > 0 ? undefined : localPrefixAtEnd(rest, knowledge);
  if (!local) return { code: canonical, known: true, length: written.length };
  return { code: local + written, known: false, length: local.length + written.length };
}

/**
 * The local or internal issuer's prefix that `rest` (what stands before a known code, lead-in words and co-issuers
 * taken off) ends with: a listed one (京 in 根据京银发), or all of a short rest, which no lead-in word explains (华 in
 * 华银发, 上海 in 上海银发). A longer rest is prose before the code (请各单位认真学习银发…): no prefix.
 */
function localPrefixAtEnd(rest: string, knowledge: Knowledge): string | undefined {
  for (let length = Math.min(MAX_LOCAL_PREFIX, rest.length); length >= 1; length--) {
    const candidate = rest.slice(rest.length - length);
    if (knowledge.localIssuerPrefixes.has(candidate)) return candidate;
  }
  return rest.length > 0 && rest.length <= MAX_LOCAL_PREFIX ? rest : undefined;
}

function unknownIssuer(run: string, knowledge: Knowledge): IssuerFound | undefined {
  const suffix = /(?:令|公告)$/.exec(run)?.[0];
  const agencies = suffix ? coIssuersAtEnd(run.slice(0, run.length - suffix.length), knowledge) : '';
  const code = agencies ? agencies + suffix : run.replace(CHINESE_LEAD_IN_BEFORE_CODE, '').slice(-MAX_UNKNOWN_ISSUER);
  return code.length > 0 ? { code, known: false, length: code.length } : undefined;
}

/** The agency names that `prefix` ends with, back to back: "中国人民银行海关总署" → whole. */
function coIssuersAtEnd(prefix: string, knowledge: Knowledge): string {
  let rest = prefix;
  let names = '';
  const byLast = lookupsOf(knowledge).agencyNamesByLast;
  for (;;) {
    const name = byLast.get(rest.charCodeAt(rest.length - 1))?.find((candidate) => rest.endsWith(candidate));
    if (!name) return names;
    names = name + names;
    rest = rest.slice(0, rest.length - name.length);
  }
}

function englishMention(folded: FoldedText, knowledge: Knowledge, match: RegExpMatchArray): NoticeNumberMention | undefined {
  const index = match.index!;
  let end = index + match[0].length;
  let year = yearOf(match[1] ?? match[4]);
  const serial = Number(match[3] ?? match[5] ?? match[6]);
  const bracketWithoutNo = match[1] !== undefined && match[2] === undefined;
  if (match[6] !== undefined) {
    const trailing = TRAILING_YEAR.exec(folded.text.slice(end, end + 16));
    if (trailing) {
      year = yearOf(trailing[1] ?? trailing[2]);
      end += trailing[0].length;
    }
  }
  const words = englishIssuerWordsBefore(folded, index);
  const known = knownWrappedIssuer(folded, words, end, knowledge) ?? knownEnglishIssuer(folded.text, end, words, knowledge);
  // Without a year, only orders and announcements are numbered: "Order of the State Council No. 768".
  if (known && (year !== undefined || ORDER_OR_ANNOUNCEMENT.test(known.record.code))) {
    const place = year === undefined ? undefined : placeBefore(words, known.start, knowledge);
    // "Shanghai Yinfa [2026] No. 21" is a local office's code, 上海银发, as in Chinese.
    if (place) return mention(folded, place.start, end, place.zh + known.record.code, false, year, serial, 'en');
    return mention(folded, known.start, Math.max(end, known.end), known.record.code, true, year, serial, 'en');
  }
  // "Xyz [2021] 12" with no "No." is a number only when regtext knows the issuer.
  if (year === undefined || bracketWithoutNo) return undefined;
  // An unknown code is the capitalised words before the number ("the Zhejin", not "issued by the Bank Zhejin").
  const code = words.slice(lastUncapitalised(words) + 1);
  const firstKept = code.findIndex((word) => !ENGLISH_LEAD_IN.has(word.text.toLowerCase()));
  if (firstKept < 0) return undefined;
  const kept = code.slice(firstKept);
  const issuer = kept.map((word) => word.text).join(' ');
  return mention(folded, kept[0]!.start, end, issuer, false, year, serial, 'en');
}

/** The place named by the word right before a code's first word at `codeStart`, with its short Chinese name. */
function placeBefore(words: readonly Word[], codeStart: number, knowledge: Knowledge): { start: number; zh: string } | undefined {
  const index = words.findIndex((word) => word.start === codeStart);
  const word = index > 0 ? words[index - 1]! : undefined;
  const zh = word && knowledge.placesByEnglish.get(word.text.toLowerCase());
  return word && zh ? { start: word.start, zh } : undefined;
}

/** The index of the last word that neither starts with a capital nor is a connector ("of", "and"), or -1. */
function lastUncapitalised(words: Word[]): number {
  for (let i = words.length - 1; i >= 0; i--) if (!isCapitalisedOrConnector(words[i]!.text)) return i;
  return -1;
}

function isCapitalisedOrConnector(word: string): boolean {
  return /^[A-Z]/.test(word) || CONNECTORS.test(word);
}

function yearOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

/**
 * The issuer code whose English rendering the words before the number end with ("Yinfa", "NDRC Energy-saving
 * Building"), or that the words before and after make together ("Order No. 752 of the State Council").
 */
function knownEnglishIssuer(text: string, numberEnd: number, words: Word[], knowledge: Knowledge) {
  // Words whose letters alone are longer than every code's cannot be one: they are not joined nor looked up.
  const longest = lookupsOf(knowledge).longestEnglishCode;
  let letters = 0;
  let longestCount = 0;
  while (longestCount < words.length && (letters += letterCount(words[words.length - 1 - longestCount]!.text)) <= longest) longestCount++;
  // The keys of the last 1, 2, … words: normalising drops the spaces between words, so each word is normalised once.
  const keys: string[] = [];
  for (let count = 1, key = ''; count <= longestCount; count++) keys.push((key = normalizeEnglishIssuer(words[words.length - count]!.text) + key));
  for (let count = longestCount; count >= 1; count--) {
    const record = knowledge.issuerCodesByEnglish.get(keys[count - 1]!);
    if (record) return { record, start: words[words.length - count]!.start, end: numberEnd };
  }
  const after = TRAILING_ISSUER.exec(text.slice(numberEnd, numberEnd + 80));
  const last = words[words.length - 1];
  if (!after || !last) return undefined;
  const trailingWords = after[1]!.split(' ');
  for (let count = trailingWords.length; count >= 1; count--) {
    const issuedBy = trailingWords.slice(0, count).join(' ');
    const record = knowledge.issuerCodesByEnglish.get(normalizeEnglishIssuer(`${last.text} of ${issuedBy}`));
    if (record) return { record, start: last.start, end: numberEnd + ' of '.length + issuedBy.length };
  }
  return undefined;
}

/**
 * A known code wrapped inside a parenthesis after a title, (Yin⏎fa [2026] No. 42): the words from the parenthesis on
 * the line before to the number, when together they are the code and nothing else.
 */
function knownWrappedIssuer(folded: FoldedText, words: Word[], numberEnd: number, knowledge: Knowledge) {
  const first = words[0];
  if (!first || !folded.lineBreakBefore(first.start)) return undefined;
  const before = englishIssuerWordsBefore(folded, first.start);
  if (before.length === 0 || !OPENING_PARENTHESES.has(folded.text[before[0]!.start - 1] ?? '')) return undefined;
  const record = knowledge.issuerCodesByEnglish.get(normalizeEnglishIssuer([...before, ...words].map((word) => word.text).join(' ')));
  return record && { record, start: before[0]!.start, end: numberEnd };
}

/** The code units of a word that normalizeEnglishIssuer keeps: all but hyphens. */
function letterCount(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== 0x2d) count++;
  return count;
}

const CONNECTORS = /^(?:and|of|for|the)$/;

interface Word {
  text: string;
  start: number;
}

/**
 * Up to eight words written just before `end`, on the same line: "China Construction Bank⏎Jianyinfa [2026] No. 18"
 * is issued by Jianyinfa, the bank is the line above. Any case, so that "yinfa" and "YINFA" are read as Yinfa; only a
 * known code is taken from words that do not start with a capital.
 */
function englishIssuerWordsBefore(folded: FoldedText, end: number): Word[] {
  const text = folded.text;
  const words: Word[] = [];
  let position = end;
  while (words.length < MAX_ISSUER_WORDS) {
    if (words.length > 0 && folded.lineBreakBefore(position)) break;
    while (position > 0 && text[position - 1] === ' ') position--;
    let start = position;
    while (start > 0 && isIssuerWordChar(text.charCodeAt(start - 1))) start--;
    const word = text.slice(start, position).replace(/\.$/, '');
    if (word.length === 0 || !/^[A-Za-z]/.test(word)) break;
    words.unshift({ text: word, start });
    position = start;
  }
  while (words.length > 0 && CONNECTORS.test(words[0]!.text)) words.shift();
  return words;
}

/** A letter, an apostrophe, a hyphen or a full stop: what an issuer's word is written with ("Yin-fa", "Gov't."). */
function isIssuerWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x27 || code === 0x2d || code === 0x2e;
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
