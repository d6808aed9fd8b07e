/** Values of the numerals clause labels are written in: Chinese, Roman, Arabic, Latin letters. */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十三 → 13, 一百零五 → 105, 二十 → 20; undefined when it is not a Chinese numeral. */
export function chineseNumeralValue(numeral: string): number | undefined {
  if (numeral.length === 0) return undefined;
  let total = 0;
  let digit = -1;
  for (const char of numeral) {
    const value = CHINESE_DIGITS[char];
    if (value !== undefined) {
      digit = value;
      continue;
    }
    const unit = CHINESE_UNITS[char];
    if (unit === undefined) return undefined;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  return total + Math.max(digit, 0);
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
  return /^\d+$/.test(numeral) ? Number(numeral) : chineseNumeralValue(numeral);
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
