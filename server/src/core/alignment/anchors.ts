/**
 * What a stretch of text says that both languages write alike, as values: the notices it cites (by key), the agencies
 * it names (by id), its dates (y-m-d, --m-d without a year: 4月30日 = April 30 = 30 April, --m a month alone: 7月底 =
 * the end of July), percentages and other numbers (三十 = 30 = thirty; 5000万 = 50 million). The alignment pairs
 * clauses and sentences on them, and the checks compare them.
 *
 * Notice numbers, clause labels and references, and citations are masked before numbers are read, and dates (a
 * month without a day too: 7月底 = the end of July) before plain numbers, so that the 2021 of Yinfa [2021] No. 237, the
 * 5 of Clause (5) or the 7 of 7月 is no amount.
 *
 * A percentage is written in many units: 百分之三十 = 30%, 千分之三 = 3‰ = 0.3%, 万分之五 = 0.05% = 5 basis points (bps),
 * 零点五个百分点 = 0.5 percentage points; its value is in percent.
 *
 * Some numbers are only implied: ordinals (第三级 = Level 3, the second …, the fifteenth day) and units of time (半年 =
 * six months, 季度 = three months). They are read as weak numbers: one answers the other side's number of its value,
 * but is never reported itself, nor compared by the alignment. A date's month and day are weak dates likewise. So is
 * a numeral inside a word, which counts nothing (双方 = both parties, 三农, 十四五 = the 14th Five-Year Plan, two-way,
 * two-tier; 二次确认 = double-check is none). A count of agencies or parties (三部门, 三个部门, 五方, the three
 * departments) is soft: reported only against another number the other side gives, since a translator may name
 * the agencies instead.
 *
 * An order's or an announcement's number that the notice numbers do not read (第28号令, 令（第28号）, Order No. 18) is
 * a notice number all the same, of an unknown issuer.
 */
import type { AnalysedDocument, Annotation, Span } from '../model';
import { datesIn, MONTHS } from '../scan/dates';
import { chineseNumeralValue } from '../text/numerals';
import { lastAtOrBefore } from '../text/search';

export type AnchorKind = 'notice' | 'agency' | 'date' | 'percent' | 'number';

export const ANCHOR_KINDS: readonly AnchorKind[] = ['notice', 'agency', 'date', 'percent', 'number'];

export interface Anchor extends Span {
  kind: AnchorKind;
  /** What is compared across languages: a notice key, an agency id, an ISO date, a number as text. */
  value: string;
  /** As written. */
  text: string;
  /** Implied (an ordinal, a unit of time): it answers the other side's anchor of its value, and is never reported. */
  weak?: true;
  /**
   * A count of agencies or parties written without a classifier (三部门, 五方, the three departments), weak as well:
   * reported only against another number the other side gives, never alone (a translator writes the agencies' names).
   */
  soft?: true;
  /**
   * A notice number's year and serial (`2026/9`), and whether regtext knows its issuer code: a code it does not know
   * (财预, "Caiyu") cannot be told from the other language's, so the year and serial alone answer for it.
   */
  serial?: { value: string; issuerKnown: boolean };
}

const MASKED: ReadonlySet<Annotation['kind']> = new Set(['noticeNumber', 'clauseRef', 'clauseLabel', 'citation']);

const SCALES: Record<string, number> = { 万: 1e4, 亿: 1e8, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** A line break inside a word of a hard-wrapped Chinese text (百分之三 / 十), with the indentation of the next line. */
const WRAP = '(?:[ \\t\\u3000]*\\r?\\n[ \\t\\u3000]*)?';
/** Spaces, perhaps a line break: between the parts of an order's number (令 / 第 28 号). */
const GAP = '[ \\t\\u3000]*(?:\\r?\\n[ \\t\\u3000]*)?';
/**
 * The number of an order, a decree or an announcement that the notice numbers do not read: 令（第28号）, 令 / 第 28 号
 * on two lines, 第28号令, 〔2025〕第28号令, 公告（2025年第3号）, 2025年第3号公告; Order No. 18, Order (No. 18), the No. 18
 * Decree, Announcement No. 3 (2025), an order's title line and its number alone on the next (Order of the People's
 * Bank of China / No. 18). Its issuer is not known: the year and serial answer for it (Anchor.serial).
 */
const ORDER = new RegExp(`(?:令|公告)${GAP}[（(]?${GAP}(?:〔(\\d{4})〕|(\\d{4})${GAP}年)?${GAP}第${GAP}(\\d+)${GAP}号[）)]?` +
  `|(?:〔(\\d{4})〕${GAP}|(\\d{4})${GAP}年${GAP})?第${GAP}(\\d+)${GAP}号${GAP}(?:令|公告)` +
  '|\\b(?:Order|Decree|Announcement)\\s+\\(?(?:\\[(\\d{4})\\]\\s*)?No\\.\\s*(\\d+)\\)?(?:\\s*[[(](\\d{4})[\\])])?|\\bNo\\.\\s*(\\d+)\\s+(?:Order|Decree|Announcement)\\b' +
  '|\\b(?:Order|Decree) of [^\\r\\n]*\\r?\\n[ \\t]*No\\.\\s*(\\d+)\\b', 'g');
/** The groups of ORDER that hold a year, and those that hold a serial. */
const ORDER_YEARS = [1, 2, 4, 5, 7, 9];
const ORDER_SERIALS = [3, 6, 8, 10, 11];
/** The group of ORDER that holds the serial of an order's title line followed by its number alone (Order of …, No. 18 on the next line): the number alone is its anchor. */
const TITLE_SERIAL = 11;
/** What opens a note the translator or an editor adds: [Translator's note: …], (TN: …), 【译者注：…】, [Note: …] in square brackets. */
const NOTE_WORDS = String.raw`(?:(?:translator|translation|editor)['’]?s?\s*notes?|notes? (?:by|of) the (?:translator|editor)|t\.?n\.?(?=\s*[:：])|译者注|译注|编者注|译者按|编者按)`;
/**
 * A note the translator or an editor adds, in brackets: not the notice's text, so not compared with the original
 * ("[Translator's note: the CBIRC was replaced by the NFRA in 2023.]"). Its closing bracket is the first of its kind,
 * with no opening one of its kind before it: a stray bracket masks nothing, and no search runs on past one.
 * Words in square brackets are an insertion whatever they begin with ("RMB 200,000 [about USD 28,000]", "[i.e. …]"):
 * regulation has no square brackets of its own but a notice number's year ([2021]) and a Markdown link's text.
 */
const TRANSLATORS_NOTE = new RegExp([
  `\\[(?=\\s*(?:[a-z]|${NOTE_WORDS}))[^[\\]]{1,1000}\\](?!\\()`, `［\\s*${NOTE_WORDS}[^［］]{0,1000}］`, `【\\s*${NOTE_WORDS}[^【】]{0,1000}】`,
  `〔\\s*${NOTE_WORDS}[^〔〕]{0,1000}〕`, `\\(\\s*${NOTE_WORDS}[^()]{0,1000}\\)`, `（\\s*${NOTE_WORDS}[^（）]{0,1000}）`,
].join('|'), 'gi');
/** A fraction written before its numeral: 百分之三十, 千分之三, 万分之五. */
const FRACTION = `([百千万]${WRAP}分${WRAP}之${WRAP})`;
/** Units of a percentage written after the number; PERCENT_AFTER reads the Chinese ones after a Chinese numeral. */
const PERCENT_UNITS = '%|‰|‱|percent\\b|per\\s+cent\\b|percentage\\s+points?\\b|basis\\s+points?\\b|bps?\\b|个?百分点|个?基点';
const PERCENT_AFTER = /^个?(?:百分点|基点)/;
/** How many of a unit (after a number, or a fraction before it) make one percent. */
const PER_PERCENT: readonly (readonly [RegExp, number])[] = [
  [/^(?:%|per|个?百分)/i, 1], [/^(?:千分|‰)/, 10], [/^(?:basis|bp|万分|个?基点|‱)/i, 100],
];
/** A fraction before Arabic digits (百分之0.5), read by a look back from each number: a regex that began with it would be slow. */
const FRACTION_BEFORE = /[百千万]分之$/;
const ARABIC = new RegExp(`(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(${PERCENT_UNITS}|万|亿|thousand\\b|million\\b|billion\\b|trillion\\b)?`, 'gi');
const CHINESE_DIGIT = '[零〇一二三四五六七八九十百千两]';
const DECIMAL_DIGIT = '[零〇一二三四五六七八九]';
/**
 * A Chinese numeral, perhaps with decimals (十二点五): read as a number only before a counter or a scale, or when it
 * is two characters or more with a 十 百 千 in it, or has decimals. A hard wrap may fall anywhere in it.
 */
const CHINESE = new RegExp(
  `${FRACTION}?((?:${CHINESE_DIGIT}${WRAP})*${CHINESE_DIGIT})(?:${WRAP}点${WRAP}((?:${DECIMAL_DIGIT}${WRAP})*${DECIMAL_DIGIT}))?(${WRAP}[万亿])?`, 'g');
const COUNTERS = /^[个日天年元家笔倍人次月周项名份种小]/;
/**
 * Counters a translation renders many ways (三道防线 three lines of defence, 三类 three kinds, 三级 three-tier): the
 * number before one is implied, answering the other side's but never reported (三方 is "tripartite").
 */
const LOOSE_COUNTERS = /^[道类级批层段位台张所户件套期轮步]/;
/** Agencies and parties counted (三部门, 三个部门, 两部委, 五方; 3部门): a soft count (Anchor.soft), sticky after the number. */
const AGENCY_COUNT = /个?(?:部门|部委)|[部委方]/y;
/** A numeral inside a word (三农, 两岸, 二手): implied, as the other side may count it ("three rural issues") or not. */
const HAN = /^[\u3400-\u9fff]/;
/** Two digits that follow each other (两三个, 三四天): an approximate count, "two or three", each a number; 一两 is "one or two". */
const APPROXIMATE = /^[一二两三四五六七八][二两三四五六七八九]$/;
/** Where a positional numeral has two digits in a row (十四五, the 14th Five-Year Plan; not 一百零五): a word of numerals, not a number. */
const DIGITS_IN_A_ROW = /[十百千].*[一二两三四五六七八九][一二两三四五六七八九]|^[一二两三四五六七八九][一二两三四五六七八九].*[十百千]/;
/** A scale written as the unit of a table or a field (单位为万元, 单位为人民币万元, 以亿元为单位): the number it stands for, implied. */
const SCALE_AS_UNIT = /(?:单位(?:为|是)|以)(?:人民币)?([万亿])元/g;
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const ORDINAL_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORDINAL_TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
/** Ordinals up to the days of a month: the second, the fifteenth, the twenty-fifth, the thirtieth. */
const ORDINAL = `(?:(?:twenty|thirty)[- ])?(?:${ORDINAL_UNITS.join('|')})|${ORDINAL_TEENS.join('|')}|twentieth|thirtieth`;
/** Words that imply two or three, whether or not they count (double-check, both parties, tripartite, in duplicate; 双方, 双向). */
const PAIR_WORDS = 'twice|double|dual|both|bilateral|duplicate';
const TRIPLE_WORDS = 'thrice|triple|treble|tripartite|trilateral|triplicate';
/** Ordinals, units of time as months, and words that imply a number: read as weak numbers. */
const IMPLIED = new RegExp(`\\b(?:(${ORDINAL})|(half[- ](?:a[- ])?year(?:ly)?|semi-?annual(?:ly)?|bi-?annual(?:ly)?)|(quarter(?:s|ly)?)|(${PAIR_WORDS})|(${TRIPLE_WORDS}))\\b|(半年)|(季度)|(双)`, 'gi');
const HALF_YEAR = 6;
const QUARTER = 3;
/**
 * After an English number: a word it is joined to by a hyphen (two-way, two-tier, 2-step: implied, not a count),
 * unless the word is a unit it counts (three-year, 3-month, five-working-day, three-member), sticky at the number's end.
 */
const HYPHENATED_WORD = /-(?!(?:years?|months?|days?|weeks?|hours?|minutes?|business|working|trading|calendar|natural|percent|fold|members?|persons?|people)\b)[a-z]/iy;
/** After an English number: agencies or parties it counts, perhaps after two words (the three financial regulators): a soft count. */
const AGENCIES_COUNTED = /\s+(?:[a-z-]+\s+){0,2}?(?:departments|ministries|commissions|agencies|authorities|regulators|bureaus|parties|sides)\b/iy;
const ZH_DAY = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const MONTH_NAME = `(${MONTHS.map((month) => month[0]!.toUpperCase() + month.slice(1)).join('|')})`;
/**
 * A date without a year (full dates are read first): a month and a day (4月30日, April 30, 30 April, the 30th (day) of
 * April), else a month alone (7月底, 3月份, the end of July; not 3月期, a tenor of three months, nor 上一月, the month before)
 * or two (4-6月 = April to June).
 */
const MONTH_DATE = new RegExp(`${ZH_DAY}\\s*(?:[-－—~～至到]\\s*${ZH_DAY}\\s*)?月(?:\\s*${ZH_DAY}\\s*[日号]|(?!期))` +
  `|\\b${MONTH_NAME}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:(?:day\\s+)?of\\s+)?${MONTH_NAME}\\b`, 'g');
/** What ends a sentence: "May" after one is the verb, not the month. */
const SENTENCE_END = /[.!?;:。；：！？]/;
/** What a number in words may count or scale: a percentage, thousands, millions, billions. */
const ENGLISH_UNIT = `${PERCENT_UNITS}|thousand\\b|million\\b|billion\\b`;
/**
 * A number in words (not the twenty of twenty-fifth, an ordinal); "one" only before a unit ("one percent", "one
 * million": "one of the banks" counts nothing).
 */
const ENGLISH = new RegExp(`\\b(?:(${TENS.join('|')})(?:[- ](${UNITS.join('|')}))?(?![- ](?:${ORDINAL_UNITS.join('|')})\\b)|(${[...TEENS, ...UNITS.slice(1)].join('|')}|one(?=\\s+(?:${ENGLISH_UNIT}))))\\b(?:\\s+(${ENGLISH_UNIT}))?`, 'gi');

/** What a number in words is below a hundred: tens and a unit (twenty-five), a teen, or a unit. */
const BELOW_HUNDRED = `(${TENS.join('|')})(?:[- ](${UNITS.join('|')}))?|(${[...TEENS, ...UNITS].join('|')})`;
/** A number of hundreds in words: two hundred and ten (二百一十), a hundred, one hundred thirty-five; read before ENGLISH. */
const HUNDREDS = new RegExp(`\\b(a|${UNITS.join('|')}) hundred(?:(?: and)? (?:${BELOW_HUNDRED}))?\\b(?:\\s+(${ENGLISH_UNIT}))?`, 'gi');

/** The anchors in `span` of a document, in document order within each kind. */
export function anchorsIn(document: AnalysedDocument, span: Span): Anchor[] {
  return readAnchors(document, span).anchors;
}

/**
 * The anchors of `span`, and those each of `parts` (spans inside it, in order, apart, with only white space between
 * them) has as anchorsIn reads it. Read once for the whole span, each anchor then given to the part it starts in,
 * unless an anchor or a masked annotation reaches from outside a part into it, or from one part into the next: then
 * part by part.
 */
export function anchorsInParts(document: AnalysedDocument, span: Span, parts: readonly Span[]): { anchors: Anchor[]; parts: Anchor[][] } {
  const { anchors, masked } = readAnchors(document, span);
  if (anchors.some((item) => crossesParts(parts, item)) || masked.some((item) => crossesParts(parts, item))) {
    return { anchors, parts: parts.map((part) => anchorsIn(document, part)) };
  }
  const byPart = parts.map((): Anchor[] => []);
  for (const anchor of anchors) byPart[lastAtOrBefore(parts, anchor.start, (part) => part.start)]?.push(anchor);
  return { anchors, parts: byPart };
}

/** Whether `item` reaches into the first part that starts after it does: from a part into the next, or from outside into one. */
function crossesParts(parts: readonly Span[], item: Span): boolean {
  const next = parts[lastAtOrBefore(parts, item.start, (part) => part.start) + 1];
  return next !== undefined && item.end > next.start;
}

/** The anchors of `span`, and the annotations masked in it (offsets in the document). */
function readAnchors(document: AnalysedDocument, span: Span): { anchors: Anchor[]; masked: Span[] } {
  const anchors: Anchor[] = [];
  const masked: Span[] = [];
  const notices: Span[] = [];
  const folded = foldDigits(document.text.slice(span.start, span.end));
  const notes = translatorsNotesIn(folded);
  for (const annotation of annotationsIn(document, span)) {
    if (notes.length > 0 && isInside(notes, annotation.start - span.start)) continue;
    if (annotation.kind === 'agency') anchors.push(anchor('agency', annotation.agencyId, annotation.text, annotation));
    if (annotation.kind === 'noticeNumber') {
      const serial = { value: `${annotation.year ?? ''}/${annotation.serial}`, issuerKnown: annotation.issuerKnown };
      anchors.push({ ...anchor('notice', annotation.key, annotation.text, annotation), serial });
      notices.push(shift(annotation, -span.start));
    }
    if (MASKED.has(annotation.kind)) masked.push(annotation);
  }
  const orders = ordersIn(folded, notices);
  for (const order of orders) anchors.push({ ...anchor('notice', `order:${order.serial}`, folded.slice(order.start, order.end), shift(order, span.start)), serial: { value: order.serial, issuerKnown: false } });
  const hidden = [...masked.map((item) => shift(item, -span.start)), ...orders, ...notes].sort((a, b) => a.start - b.start);
  const withoutLabels = blanked(folded, hidden);
  const dates = datesIn(withoutLabels);
  for (const date of dates) anchors.push(anchor('date', date.date, withoutLabels.slice(date.start, date.end), shift(date, span.start)));
  const withoutDates = blanked(withoutLabels, dates);
  const monthDates = monthDatesIn(withoutDates);
  for (const date of monthDates) anchors.push(anchor('date', date.date, withoutDates.slice(date.start, date.end), shift(date, span.start)));
  for (const date of [...dates, ...monthDates]) addPartsOf(anchors, date, withoutLabels.slice(date.start, date.end), span.start);
  const counted = anchors.length;
  numbersIn(blanked(withoutDates, monthDates), span.start, anchors);
  impliedInNames(anchors, counted, folded, span.start);
  return { anchors, masked };
}

/**
 * A number in a short name in quotation marks — the “Five Priorities”, “两会” (the Two Sessions), “三农” — names a policy;
 * it counts nothing the other side must give: implied (the numbers from `from` on; offsets in the document from `offset`).
 */
function impliedInNames(anchors: Anchor[], from: number, text: string, offset: number): void {
  if (anchors.length === from || !/[“"「]/.test(text)) return;
  const names = [...text.matchAll(QUOTED_NAME)].map((match) => shift({ start: match.index!, end: match.index! + match[0].length }, offset));
  for (let i = from; i < anchors.length; i++) {
    const number = anchors[i]!;
    if (number.kind === 'number' && names.some((name) => name.start < number.start && number.end < name.end)) anchors[i] = { ...number, weak: true };
  }
}

/** A short name in quotation marks, on one line. */
const QUOTED_NAME = /“[^“”\n]{1,24}”|"[^"\n]{1,24}"|「[^「」\n]{1,24}」/g;

/** The translator's and editor's notes of `text` (TRANSLATORS_NOTE), in order. */
function translatorsNotesIn(text: string): Span[] {
  // Every note opens with a bracket: most texts are passed over at the cost of a search.
  if (!/[[［【〔(（]/.test(text)) return [];
  return [...text.matchAll(TRANSLATORS_NOTE)].map((match) => ({ start: match.index!, end: match.index! + match[0].length }));
}

function isInside(spans: readonly Span[], offset: number): boolean {
  const span = spans[lastAtOrBefore(spans, offset, (item) => item.start)];
  return span !== undefined && offset < span.end;
}

/** The orders' numbers of `text` (ORDER) that no notice number holds, with their years and serials (`2025/28`, `/28`). */
function ordersIn(text: string, notices: readonly Span[]): (Span & { serial: string })[] {
  const found: (Span & { serial: string })[] = [];
  // Every order's number has a 号 or a "No.": most texts are passed over at the cost of a search for a literal.
  if (!text.includes('号') && !text.includes('No.')) return found;
  for (const match of text.matchAll(ORDER)) {
    const start = match.index! + (match[TITLE_SERIAL] === undefined ? 0 : match[0].lastIndexOf('No.'));
    const where = { start, end: match.index! + match[0].length };
    if (notices.some((notice) => notice.start < where.end && where.start < notice.end)) continue;
    const [year, serial] = [ORDER_YEARS, ORDER_SERIALS].map((groups) => groups.map((group) => match[group]).find((value) => value !== undefined) ?? '');
    found.push({ ...where, serial: `${year}/${serial}` });
  }
  return found;
}

function anchor(kind: AnchorKind, value: string, text: string, where: Span): Anchor {
  return { kind, value, text: /\s/.test(text) ? asOneLine(text) : text, start: where.start, end: where.end };
}

/** Text cut by line breaks as one line: Chinese joined where it was wrapped (百分之三 / 十 → 百分之三十), other words by a space. */
function asOneLine(text: string): string {
  return text.replace(/([\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])/g, '$1').replace(/\s+/g, ' ').trim();
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** `text` with the code units of `spans` (sorted by start, perhaps overlapping or running past its end) as spaces. */
function blanked(text: string, spans: readonly Span[]): string {
  let result = '';
  let done = 0;
  for (const span of spans) {
    const from = Math.max(done, span.start);
    const to = Math.min(span.end, text.length);
    if (to <= from) continue;
    result += text.slice(done, from) + ' '.repeat(to - from);
    done = to;
  }
  return done === 0 ? text : result + text.slice(done);
}

/** Full-width digits, percent sign and comma as ASCII (one code unit for one: offsets stay). */
function foldDigits(text: string): string {
  return text.replace(/[０-９％，．]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** The annotations that start inside `span` (binary search, then a walk). */
function annotationsIn(document: AnalysedDocument, span: Span): Annotation[] {
  const { annotations } = document;
  const found: Annotation[] = [];
  for (let i = lastAtOrBefore(annotations, span.start - 1, (item) => item.start) + 1; i < annotations.length && annotations[i]!.start < span.end; i++) {
    found.push(annotations[i]!);
  }
  return found;
}

/** Dates without a year in text whose full dates are blanked: month-days (--04-30) and months (--07). */
function monthDatesIn(text: string): (Span & { date: string })[] {
  const found: (Span & { date: string })[] = [];
  for (const match of text.matchAll(MONTH_DATE)) {
    const [written, zhMonth, zhLastMonth, zhDay, enMonth1, enDay1, enDay2, enMonth2] = match as unknown as [string, ...(string | undefined)[]];
    if (/[\d.第上下]/.test(text[match.index! - 1] ?? '') || (enMonth1 === 'May' && !enDay1 && afterSentenceEnd(text, match.index!))) continue;
    const zh = zhLastMonth ?? zhMonth;
    const month = zh ? arabicOrChinese(zh) : MONTHS.indexOf((enMonth1 ?? enMonth2)!.toLowerCase()) + 1;
    const dayWritten = zhDay ?? enDay1 ?? enDay2;
    const day = dayWritten === undefined ? undefined : arabicOrChinese(dayWritten);
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
    const where = { start: match.index!, end: match.index! + written.length };
    const firstMonth = zhLastMonth === undefined ? 0 : arabicOrChinese(zhMonth!);
    if (firstMonth >= 1 && firstMonth < month) found.push({ date: `--${twoDigits(firstMonth)}`, ...where });
    found.push({ date: `--${twoDigits(month)}${day === undefined ? '' : `-${twoDigits(day)}`}`, ...where });
  }
  return found;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Whether only white space stands between the start of `text`, or the end of a sentence, and `index`. */
function afterSentenceEnd(text: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && /\s/.test(text[at]!)) at--;
  return at < 0 || SENTENCE_END.test(text[at]!);
}

/**
 * The month and day of a full date, and the month of a date with a day, as weak anchors: they answer the other side's
 * date written with less (2026年12月31日 = December 31; 3月31日前 = by the end of March; 2026年3月1日 = March 2026).
 */
function addPartsOf(anchors: Anchor[], date: Span & { date: string }, written: string, offset: number): void {
  const [, month, day] = /(\d\d)-(\d\d)$/.exec(date.date) ?? [];
  if (!month) return;
  const parts = date.date.startsWith('--') ? [`--${month}`] : [`--${month}-${day}`, `--${month}`];
  for (const part of parts) anchors.push({ ...anchor('date', part, written, shift(date, offset)), weak: true });
}

function arabicOrChinese(numeral: string): number {
  return /^\d/.test(numeral) ? Number(numeral) : chineseNumeralValue(numeral) ?? 0;
}

function numbersIn(text: string, offset: number, anchors: Anchor[]): void {
  /** `unit`: a scale, or a unit of percentage after the number or a fraction before it. */
  const add = (value: number, unit: string | undefined, start: number, written: string) => {
    const where = { start: offset + start, end: offset + start + written.length };
    const perPercent = unit === undefined ? undefined : PER_PERCENT.find(([pattern]) => pattern.test(unit))?.[1];
    // Rounded to 12 digits: 千分之三 is 0.3, not 0.30000000000000004.
    if (perPercent !== undefined) anchors.push(anchor('percent', String(Number((value / perPercent).toPrecision(12))), written, where));
    const scaled = unit === undefined ? value : value * (SCALES[unit.toLowerCase()] ?? 1);
    if (perPercent === undefined && scaled > 1) anchors.push(anchor('number', String(scaled), written, where));
  };
  /** A number without a unit: implied when joined to a word by a hyphen (two-way), soft when it counts agencies or parties. */
  const addCount = (value: number, start: number, written: string) => {
    const end = start + written.trimEnd().length;
    if (followedBy(HYPHENATED_WORD, text, end)) addImplied(anchors, value, offset + start, written);
    else if (followedBy(AGENCIES_COUNTED, text, end) || followedBy(AGENCY_COUNT, text, end)) addImplied(anchors, value, offset + start, written, true);
    else add(value, undefined, start, written);
  };
  for (const match of text.matchAll(ARABIC)) {
    const [written, digits, suffix] = match as unknown as [string, string, string | undefined];
    if (/\w/.test(text[match.index! - 1] ?? '') || isEnumerator(text, match.index!, digits, suffix)) continue;
    const value = Number(digits.replace(/,/g, ''));
    const fraction = FRACTION_BEFORE.exec(text.slice(Math.max(0, match.index! - 3), match.index!))?.[0];
    if (fraction) add(value, fraction, match.index! - fraction.length, fraction + written);
    else if (suffix) add(value, suffix, match.index!, written);
    else addCount(value, match.index!, written);
  }
  for (const match of text.matchAll(CHINESE)) {
    const [written, fraction, wrappedNumeral, wrappedDecimals, wrappedScale] = match as unknown as [string, string | undefined, string, string | undefined, string | undefined];
    const numeral = withoutWraps(wrappedNumeral);
    // 二次 is "double" or "re-" (二次确认, double-check; 二次开发): twice is 两次.
    if (numeral === '二' && text[match.index! + written.length] === '次') continue;
    const whole = chineseNumeralValue(numeral);
    if (whole === undefined) continue;
    const value = wrappedDecimals ? Number(`${whole}.${decimalDigits(withoutWraps(wrappedDecimals))}`) : whole;
    const after = text.slice(match.index! + written.length);
    const percentAfter = fraction || wrappedScale ? undefined : PERCENT_AFTER.exec(after)?.[0];
    const unit = fraction ?? wrappedScale ?? percentAfter;
    const counted = unit || wrappedDecimals || (numeral.length > 1 && /[十百千]/.test(numeral)) || COUNTERS.test(after);
    const start = offset + match.index!;
    if (text[match.index! - 1] === '第') addImplied(anchors, value, start - 1, `第${written}`);
    else if (!unit && !wrappedDecimals && (isApproximate(numeral) || !isWellFormed(numeral))) {
      // 两三个 counts two or three; 十四五 is a word.
      const counts = counted && isApproximate(numeral);
      for (const piece of piecesOf(numeral)) {
        if (counts) add(piece, undefined, match.index!, written);
        else addImplied(anchors, piece, start, written);
      }
    } else if (!unit && !wrappedDecimals && followedBy(AGENCY_COUNT, text, match.index! + written.length)) addImplied(anchors, value, start, written, true);
    else if (counted) add(value, unit && withoutWraps(unit), match.index!, written + (percentAfter ?? ''));
    else if (LOOSE_COUNTERS.test(after) || HAN.test(after)) addImplied(anchors, value, start, written);
  }
  for (const match of text.matchAll(SCALE_AS_UNIT)) addImplied(anchors, SCALES[match[1]!]!, offset + match.index!, match[0]);
  for (const match of text.matchAll(IMPLIED)) {
    const [written, ordinal, halfYear, quarter, pair, , zhHalfYear, zhQuarter, zhPair] = match as unknown as [string, ...(string | undefined)[]];
    const value = ordinal ? ordinalValue(ordinal) : halfYear || zhHalfYear ? HALF_YEAR : quarter || zhQuarter ? QUARTER : pair || zhPair ? 2 : 3;
    addImplied(anchors, value, offset + match.index!, written);
  }
  const hundreds: Span[] = [];
  for (const match of text.matchAll(HUNDREDS)) {
    const [written, count, tens, unit, single, suffix] = match as unknown as [string, string, ...(string | undefined)[]];
    const value = (count.toLowerCase() === 'a' ? 1 : englishSingle(count)) * 100 + belowHundred(tens, unit, single);
    if (suffix) add(value, suffix, match.index!, written);
    else addCount(value, match.index!, written);
    hundreds.push({ start: match.index!, end: match.index! + written.length });
  }
  for (const match of (hundreds.length > 0 ? blanked(text, hundreds) : text).matchAll(ENGLISH)) {
    const [written, tens, unit, single, suffix] = match as unknown as [string, ...(string | undefined)[]];
    const value = belowHundred(tens, unit, single);
    if (suffix) add(value, suffix, match.index!, written);
    else addCount(value, match.index!, written);
  }
}

/**
 * A number alone in brackets, (2) or （2）: an item of a list run inline ("…: (1) service provider means …; (2) …"),
 * or a number in words restated ("five (5) days"), never an amount of its own.
 */
function isEnumerator(text: string, at: number, digits: string, unit: string | undefined): boolean {
  return unit === undefined && OPENING_BRACKETS.includes(text[at - 1] ?? '') && CLOSING_BRACKETS.includes(text[at + digits.length] ?? '');
}

const OPENING_BRACKETS = '(（';
const CLOSING_BRACKETS = ')）';

/** The value of a number in words below a hundred, from its parts (BELOW_HUNDRED's groups); 0 for none. */
function belowHundred(tens: string | undefined, unit: string | undefined, single: string | undefined): number {
  if (tens) return (TENS.indexOf(tens.toLowerCase()) + 2) * 10 + (unit ? UNITS.indexOf(unit.toLowerCase()) + 1 : 0);
  return single ? englishSingle(single) : 0;
}

/** Two digits that follow each other (APPROXIMATE). */
function isApproximate(numeral: string): boolean {
  return APPROXIMATE.test(numeral) && chineseNumeralValue(numeral[1]!)! === chineseNumeralValue(numeral[0]!)! + 1;
}

/** Whether a Chinese numeral is one number: digit by digit (二〇二六), or positional without two digits in a row (一百零五). */
function isWellFormed(numeral: string): boolean {
  return !DIGITS_IN_A_ROW.test(numeral);
}

/** The values of the numbers a word of numerals is made of, cut between two digits in a row: 十四五 → 14, 5; 两三 → 2, 3. */
function piecesOf(numeral: string): number[] {
  const pieces: number[] = [];
  let start = 0;
  for (let at = 1; at <= numeral.length; at++) {
    if (at === numeral.length || (isDigitOf(numeral[at - 1]!) && isDigitOf(numeral[at]!))) {
      pieces.push(chineseNumeralValue(numeral.slice(start, at)) ?? 0);
      start = at;
    }
  }
  return pieces;
}

/** A Chinese digit other than zero. */
function isDigitOf(char: string): boolean {
  return '一二两三四五六七八九'.includes(char);
}

/** Whether a sticky `pattern` matches at `at`. */
function followedBy(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/** 五 → 5, 二五 → 25: the digits after a Chinese decimal point. */
function decimalDigits(numeral: string): string {
  return [...numeral].map((char) => chineseNumeralValue(char) ?? 0).join('');
}

function withoutWraps(written: string): string {
  return written.replace(/[\s\u3000]+/g, '');
}

/** A weak number: an ordinal, a unit of time, a scale as a unit, a numeral inside a word; `soft` for a count of agencies (Anchor.soft). */
function addImplied(anchors: Anchor[], value: number, start: number, written: string, soft = false): void {
  if (value <= 1) return;
  const implied: Anchor = { ...anchor('number', String(value), written, { start, end: start + written.length }), weak: true };
  anchors.push(soft ? { ...implied, soft } : implied);
}

function ordinalValue(written: string): number {
  const [first, second] = written.toLowerCase().split(/[- ]/) as [string, string | undefined];
  if (second !== undefined) return (TENS.indexOf(first) + 2) * 10 + ORDINAL_UNITS.indexOf(second) + 1;
  if (first.endsWith('ieth')) return (TENS.indexOf(first.replace(/ieth$/, 'y')) + 2) * 10;
  const teen = ORDINAL_TEENS.indexOf(first);
  return teen >= 0 ? teen + 10 : ORDINAL_UNITS.indexOf(first) + 1;
}

function englishSingle(word: string): number {
  const lower = word.toLowerCase();
  const teen = TEENS.indexOf(lower);
  return teen >= 0 ? teen + 10 : UNITS.indexOf(lower) + 1;
}
