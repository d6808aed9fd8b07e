/**
 * Issue 10, a fifth tester's class: a clause without numbers added (or dropped) in the middle, the rest renumbered,
 * and another clause added (or dropped) at the end, so that the two runs neither end together nor on the same number.
 * The anchors of the clauses after the one added (amounts, days, dates) show the shift: content, not the numbers,
 * places it. Both directions, two styles; near misses stay quiet (the faithful notice, a clause added at the end only,
 * figures that disagree in place).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { lines } from './fixture';
import { align, assertFaithful, checksOf, NUMBERING_STYLES, pairsOf, type NumberingStyle } from './alignmentFixture';

/** The clauses of a notice on payment institutions, [original, translation]: most with a figure of their own. */
const CLAUSES: [string, string][] = [
  ['本办法所称支付机构，是指依法取得支付业务许可证的非银行机构。', 'For the purposes of these Measures, "payment institutions" means non-bank institutions that hold a payment business licence.'],
  ['支付机构的注册资本不得低于1亿元。', 'The registered capital of a payment institution shall not be less than RMB 100 million.'],
  ['支付机构应当在收到客户投诉之日起七个工作日内答复。', 'A payment institution shall reply to a customer complaint within seven working days of receiving it.'],
  ['支付机构应当在每季度结束后二十日内报送备付金报表。', 'A payment institution shall submit its reserve fund statements within twenty days after the end of each quarter.'],
  ['支付机构单日交易限额不得超过5万元。', 'The daily transaction limit of a payment institution shall not exceed RMB 50,000.'],
  ['本办法自2026年9月1日起施行。', 'These Measures shall take effect on 1 September 2026.'],
];
/** A clause without figures, for one side to add after clause 2. */
const WITHOUT_FIGURES: [string, string] = ['支付机构应当保持良好的公司治理结构和健全的内部控制制度。',
  'Payment institutions shall maintain a sound corporate governance structure and a robust internal control system.'];
/** A last clause, for one side to add. */
const LAST: [string, string] = ['本办法由中国人民银行负责解释。', 'The People\'s Bank of China is responsible for interpreting these Measures.'];

/** 第一条 and 一、 as the notice writes them, each label followed by its separator. */
const STYLES = [separated(NUMBERING_STYLES[3]!, '\u3000', ' '), separated(NUMBERING_STYLES[0]!, '', ' ')];

/** A style whose labels are followed by a separator on each side ('第一条\u3000', 'Article 1 '). */
function separated(style: NumberingStyle, zh: string, en: string): NumberingStyle {
  return { name: style.name, zh: (n) => style.zh(n) + zh, en: (n) => style.en(n) + en };
}

/** Rows of [original, translation] clause (undefined: that side has none), numbered 1, 2, 3 … on each side. */
type Row = [string | undefined, string | undefined];

interface Fixture {
  zh: string;
  en: string;
  pairs: string[];
}

function notice(style: NumberingStyle, rows: readonly Row[]): Fixture {
  let [zhCount, enCount] = [0, 0];
  const labels = rows.map(([zh, en]) => [zh === undefined ? '' : style.zh(++zhCount), en === undefined ? '' : style.en(++enCount)]);
  return {
    zh: lines('中国人民银行关于支付机构管理的办法', '', ...rows.flatMap(([zh], k) => (zh === undefined ? [] : [labels[k]![0] + zh]))),
    en: lines('Measures of the People\'s Bank of China on the Administration of Payment Institutions', '', ...rows.flatMap(([, en], k) => (en === undefined ? [] : [labels[k]![1] + en]))),
    pairs: labels.map(([zh, en]) => `${zh!.trim()}=${en!.trim()}`),
  };
}

const faithful = (): Row[] => CLAUSES.map(([zh, en]) => [zh, en]);

/** The notice with a clause without figures after clause 2 and a last clause, on the translation's side or the original's. */
function addedInMiddleAndAtEnd(style: NumberingStyle, side: 'translation' | 'original'): Fixture {
  const only = ([zh, en]: [string, string]): Row => (side === 'translation' ? [undefined, en] : [zh, undefined]);
  const rows = faithful();
  rows.splice(2, 0, only(WITHOUT_FIGURES));
  rows.push(only(LAST));
  return notice(style, rows);
}

for (const style of STYLES) {
  test(`${style.name}: the faithful notice pairs every clause with its number, quietly`, () => assertFaithful(notice(style, faithful())));

  test(`${style.name}: a clause without figures added in the middle and another at the end: placed by the figures after it`, () => {
    const fixture = addedInMiddleAndAtEnd(style, 'translation');
    const alignment = align(fixture.zh, fixture.en);
    assert.deepEqual(pairsOf(alignment), fixture.pairs);
    const checks = checksOf(alignment);
    assert.ok(checks.every((check) => check.includes('translation-extra-clause')), checks.join('\n'));
  });

  test(`${style.name}, the other direction: a clause without figures dropped in the middle and the last one dropped`, () => {
    const fixture = addedInMiddleAndAtEnd(style, 'original');
    const alignment = align(fixture.zh, fixture.en);
    assert.deepEqual(pairsOf(alignment), fixture.pairs);
    const checks = checksOf(alignment);
    assert.ok(checks.every((check) => check.includes('translation-missing-clause')), checks.join('\n'));
  });

  test(`${style.name}, near miss: a clause added at the end only leaves the numbers paired`, () => {
    const rows = faithful();
    rows.push([undefined, LAST[1]]);
    const fixture = notice(style, rows);
    const alignment = align(fixture.zh, fixture.en);
    assert.deepEqual(pairsOf(alignment), fixture.pairs);
    assert.equal(checksOf(alignment).length, 1);
  });

  test(`${style.name}, near miss: figures that disagree in place, a clause added at the end, are mismatches, not a shift`, () => {
    const rows = faithful().map(([zh, en], k): Row => [zh, k === 3 ? en!.replace('twenty days', 'seven working days') : en]);
    rows.push([undefined, LAST[1]]);
    const fixture = notice(style, rows);
    const alignment = align(fixture.zh, fixture.en);
    assert.deepEqual(pairsOf(alignment), fixture.pairs);
  });
}
