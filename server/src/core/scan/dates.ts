/**
 * Dates a document states about itself, as ISO dates:
 *   - the date it bears: a line that is a date (2026年2月6日, 二〇二六年二月六日, February 6, 2026, 6 February 2026),
 *     perhaps after the issuing agency, in its signature block at the end or in its header;
 *   - when it takes effect: 自2026年3月1日起施行, "shall come into effect on March 1, 2026", or on the date it bears
 *     (自发布之日起施行, "upon the date of its issuance").
 */
import type { DocumentDates, Span } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { chineseNumeralValue } from '../text/numerals';

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.map((month) => month[0]!.toUpperCase() + month.slice(1)).join('|')})`;
const ZH_DIGITS = '[〇○零一二三四五六七八九]';
const ZH_SMALL = '[一二三四五六七八九十]{1,3}';
const CHINESE_DATE = `(\\d{4}|${ZH_DIGITS}{4})\\s*年\\s*(\\d{1,2}|${ZH_SMALL})\\s*月\\s*(\\d{1,2}|${ZH_SMALL})\\s*日`;
const ENGLISH_DATE = `${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})`;
const DATE = new RegExp(`${CHINESE_DATE}|${ENGLISH_DATE}`);
const ALL_DATES = new RegExp(DATE.source, 'g');
const DATE_LINE = new RegExp(`^[^。.;；]{0,40}?(?:${CHINESE_DATE}|${ENGLISH_DATE})\\s*(?:印发|发布)?\\s*$`);
/** What a line DATE_LINE matches ends in: 日 or a year's digit, or 发 布 of 印发 发布. */
const DATE_LINE_LAST: ReadonlySet<number> = new Set([...'日0123456789发布'].map((char) => char.charCodeAt(0)));
/**
 * Where a statement of effect is: found by its rarer words first, then read around them. One search per language, so
 * that each begins with a literal (起, or effect / force and a look back at "into" or "take"), which the native search
 * jumps to.
 */
const CHINESE_EFFECT_WORDS = /起(?:施行|实施|执行|生效)/g;
const ENGLISH_EFFECT_WORDS = /(?:effect|force)\b/g;
const WHITE_SPACE = /\s/;
const WORD_CHARACTER = /\w/;
const CHINESE_EFFECTIVE_ON = new RegExp(`自\\s*(?:${CHINESE_DATE})\\s*$`);
const ENGLISH_EFFECTIVE_ON = new RegExp(`^\\s+(?:on|from|as of)\\s+(?:${ENGLISH_DATE})`);
/** How far a date may stand from the words of effect: 自2026年12月31日起 is 15 characters. */
const DATE_REACH = 40;
/**
 * "In effect from the date it bears": 自发布之日起施行, "shall come into effect upon the date of its issuance". Found
 * by the words that end it (rare), then read backwards over a bounded stretch.
 */
const ON_ISSUE_WORDS = /之日起(?:施行|实施|执行|生效)|\b(?:issuance|issue|promulgation|publication)\b/gi;
const CHINESE_ON_ISSUE_LEAD = /自(?:印发|发布|公布|发文)$/;
const COMES_INTO_EFFECT_ON_LEAD = /(?:come|enter|go)s?\s+into\s+(?:effect|force)\s+(?:up)?on\s+(?:the\s+date\s+of\s+)?(?:its\s+)?$/i;
/** "effective upon its issuance" (not "publication": "effective on publication of …" speaks of something else). */
const EFFECTIVE_UPON_LEAD = /effective\s+(?:up)?on\s+(?:the\s+date\s+of\s+)?(?:its\s+)?$/i;
/** The longest lead ENGLISH_ON_ISSUE_LEAD reads: "comes into effect upon the date of its " with its spaces. */
const ON_ISSUE_REACH = 80;
/** Where a signature block's date may stand: within the last lines, or in the header. */
const EDGE_LINES = 15;

export function findDates(text: string, lines: LineIndex): DocumentDates {
  const issued = lastDateLine(lines, Math.max(0, lines.lineCount - EDGE_LINES), lines.lineCount) ??
    lastDateLine(lines, 0, Math.min(lines.lineCount, EDGE_LINES));
  // The first statement of effect is the document's own; later ones are of single clauses (数据报送要求自…起执行).
  const onDate = firstEffectiveDate(text);
  const onIssue = firstEffectiveOnIssue(text);
  const effectiveDate = onDate && (!onIssue || onDate.index < onIssue.index) ? onDate.date : onIssue ? issued : undefined;
  return { ...(issued ? { issued } : {}), ...(effectiveDate ? { effective: effectiveDate } : {}) };
}

/** The first "自2026年3月1日起施行" / "shall come into effect on March 1, 2026" in the text: its date and where it is. */
function firstEffectiveDate(text: string): { date: string; index: number } | undefined {
  const chinese = firstChineseEffectiveDate(text);
  const english = firstEnglishEffectiveDate(text, chinese?.index ?? text.length);
  return english ?? chinese;
}

function firstChineseEffectiveDate(text: string): { date: string; index: number } | undefined {
  for (const match of text.matchAll(CHINESE_EFFECT_WORDS)) {
    const index = match.index!;
    const around = CHINESE_EFFECTIVE_ON.exec(text.slice(Math.max(0, index - DATE_REACH), index));
    const date = around ? firstDate(around[0]) : undefined;
    if (date) return { date, index };
  }
  return undefined;
}

/** The first English statement of effect with its date that starts before `before`. */
function firstEnglishEffectiveDate(text: string, before: number): { date: string; index: number } | undefined {
  for (const match of text.matchAll(ENGLISH_EFFECT_WORDS)) {
    const index = effectLeadStart(text, match.index!, match[0]);
    if (index < 0) continue;
    if (index >= before) return undefined;
    const end = match.index! + match[0].length;
    const around = ENGLISH_EFFECTIVE_ON.exec(text.slice(end, end + DATE_REACH));
    const date = around ? firstDate(around[0]) : undefined;
    if (date) return { date, index };
  }
  return undefined;
}

/** Where "into" stands before "effect" or "force" at `at`, or "take" before "effect" (white space between); else -1. */
function effectLeadStart(text: string, at: number, word: string): number {
  let leadEnd = at;
  while (leadEnd > 0 && WHITE_SPACE.test(text[leadEnd - 1]!)) leadEnd--;
  const lead = text.slice(leadEnd - 4, leadEnd);
  if (leadEnd === at || leadEnd < 4 || (lead !== 'into' && (lead !== 'take' || word !== 'effect'))) return -1;
  return WORD_CHARACTER.test(text[leadEnd - 5] ?? '') ? -1 : leadEnd - 4;
}

/** Where the first statement that the document takes effect on the date it bears begins. */
function firstEffectiveOnIssue(text: string): { index: number } | undefined {
  for (const match of text.matchAll(ON_ISSUE_WORDS)) {
    const index = match.index!;
    const lead = leadBefore(match[0], text.slice(Math.max(0, index - ON_ISSUE_REACH), index));
    if (lead) return { index: index - lead[0].length };
  }
  return undefined;
}

function leadBefore(word: string, before: string): RegExpExecArray | null {
  if (word.startsWith('之')) return CHINESE_ON_ISSUE_LEAD.exec(before);
  return COMES_INTO_EFFECT_ON_LEAD.exec(before) ?? (/^publication$/i.test(word) ? null : EFFECTIVE_UPON_LEAD.exec(before));
}

/** The first date written in `text`, as an ISO date. */
export function firstDate(text: string): string | undefined {
  const match = DATE.exec(text);
  return match ? isoDate(match.slice(1)) : undefined;
}

/** Every full date written in `text`, as ISO dates with where they stand (partial dates, "February 2026", are not). */
export function datesIn(text: string): (Span & { date: string })[] {
  return [...text.matchAll(ALL_DATES)].flatMap((match) => {
    const date = isoDate(match.slice(1));
    return date ? [{ date, start: match.index!, end: match.index! + match[0].length }] : [];
  });
}

function lastDateLine(lines: LineIndex, from: number, to: number): string | undefined {
  for (let line = to - 1; line >= from; line--) {
    const text = lines.lineText(line).trim();
    // Most lines end in a character no date line ends with: one look-up says so.
    if (!DATE_LINE_LAST.has(text.charCodeAt(text.length - 1))) continue;
    const match = DATE_LINE.exec(text);
    if (match) {
      const date = isoDate(match.slice(1));
      if (date) return date;
    }
  }
  return undefined;
}

/** From the groups of CHINESE_DATE then ENGLISH_DATE (in that order, as in DATE), whichever matched. */
function isoDate(groups: (string | undefined)[]): string | undefined {
  const [zhYear, zhMonth, zhDay, enMonth1, enDay1, enYear1, enDay2, enMonth2, enYear2] = groups;
  if (zhYear) return format(chineseNumber(zhYear), chineseNumber(zhMonth!), chineseNumber(zhDay!));
  if (enMonth1) return format(Number(enYear1), MONTHS.indexOf(enMonth1.toLowerCase()) + 1, Number(enDay1));
  if (enMonth2) return format(Number(enYear2), MONTHS.indexOf(enMonth2.toLowerCase()) + 1, Number(enDay2));
  return undefined;
}

/** 2026, 二〇二六 (digit by digit), 十二 (a number). */
function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (new RegExp(`^${ZH_DIGITS}{4}$`).test(text)) {
    return Number([...text].map((char) => '〇○零一二三四五六七八九'.indexOf(char)).map((index) => (index <= 2 ? 0 : index - 2)).join(''));
  }
  return chineseNumeralValue(text) ?? 0;
}

function format(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1949 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
