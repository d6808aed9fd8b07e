/** Values of the numerals clause labels are written in: Chinese, Roman, Arabic, Latin letters. */

/**
 * 十三 → 13, 一百零五 → 105, 二十 → 20, and digit by digit without 十 百 千 (二〇二六 → 2026); undefined when it is not a
 * Chinese numeral. Read by code unit, nothing allocated.
 */
export function chineseNumeralValue(numeral: string): number | undefined {
  if (numeral.length === 0) return undefined;
  let total = 0;
  let digit = -1;
  let digits = 0;
  let positional = false;
  for (let i = 0; i < numeral.length; i++) {
    const code = numeral.charCodeAt(i);
    const value = chineseDigit(code);
    if (value >= 0) {
      digit = value;
      digits = digits * 10 + value;
      continue;
    }
    const unit = chineseUnit(code);
    if (unit === 0) return undefined;
    positional = true;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  return positional ? total + Math.max(digit, 0) : digits;
}

/** 零 〇 ○ 一 二 两 三 … 九 as a digit; -1 for any other code unit. */
function chineseDigit(code: number): number {
  switch (code) {
    case 0x96f6: case 0x3007: case 0x25cb: return 0; // 零 〇 ○
    case 0x4e00: return 1; // 一
    case 0x4e8c: case 0x4e24: return 2; // 二 两
    case 0x4e09: return 3; // 三
    case 0x56db: return 4; // 四
    case 0x4e94: return 5; // 五
    case 0x516d: return 6; // 六
    case 0x4e03: return 7; // 七
    case 0x516b: return 8; // 八
    case 0x4e5d: return 9; // 九
    default: return -1;
  }
}

/** 十 百 千 as a multiplier; 0 for any other code unit. */
function chineseUnit(code: number): number {
  return code === 0x5341 ? 10 : code === 0x767e ? 100 : code === 0x5343 ? 1000 : 0;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** XIV → 14 (either case); undefined when it is not a well-formed Roman numeral. */
export function romanValue(numeral: string): number | undefined {
  const upper = numeral.toUpperCase();
  if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(upper) || upper.length === 0) return undefined;
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const value = ROMAN[upper[i]!]!;
    const next = ROMAN[upper[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export function toRoman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let result = '';
  let rest = value;
  for (const [amount, numeral] of table) {
    while (rest >= amount) {
      result += numeral;
      rest -= amount;
    }
  }
  return result;
}

export function toChineseNumeral(value: number): string {
  const digits = '零一二三四五六七八九';
  if (value < 10) return digits[value] ?? String(value);
  if (value < 20) return '十' + (value % 10 === 0 ? '' : digits[value % 10]);
  if (value < 100) return digits[Math.floor(value / 10)] + '十' + (value % 10 === 0 ? '' : digits[value % 10]);
  if (value < 1000) {
    const rest = value % 100;
    const restText = rest === 0 ? '' : rest < 10 ? '零' + digits[rest] : rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest);
    return digits[Math.floor(value / 100)] + '百' + restText;
  }
  return String(value);
}

/** A Chinese numeral in a regular expression: 十三, 一百零五, 二〇. */
export const CHINESE_NUMERAL_PATTERN = '[零〇○一二三四五六七八九十百千两]+';

/** Value of an Arabic or Chinese numeral (第13条, 第十三条), or undefined. */
export function arabicOrChineseValue(numeral: string): number | undefined {
  return isAsciiDigits(numeral) ? Number(numeral) : chineseNumeralValue(numeral);
}

/** Whether a string is one or more ASCII digits (what /^\d+$/ says), read by code unit. */
function isAsciiDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

const ENGLISH_NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** The English number words a drafter numbers parts and chapters with ("Part One"), in a regular expression. */
export const ENGLISH_NUMBER_WORD_PATTERN = [...ENGLISH_NUMBER_WORDS].reverse().join('|');

/** One → 1, Twenty → 20 (any case); undefined when it is not one of those words. */
export function englishNumberWordValue(word: string): number | undefined {
  const index = ENGLISH_NUMBER_WORDS.indexOf(word.toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/** "2.3.1" → [2, 3, 1]. */
export function decimalPath(numeral: string): number[] {
  return numeral.split('.').map(Number);
}
