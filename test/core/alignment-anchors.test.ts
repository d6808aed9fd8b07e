/**
 * What a translation says alike, read the way texts are really written (issue 10, a second independent test): a
 * number cut by a hard wrap, a Chinese numeral before a counter of its own (三道防线), a scale given as the unit of a
 * field (单位为万元), and a notice number whose issuer code regtext does not know, romanised in the translation
 * (财预〔2026〕9号 = Caiyu [2026] No. 9). Each is quiet where the two agree and reported where they do not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from './fixture';
import { align, checksOf } from './alignmentFixture';

/** A two-item notice: the original's first item is `zh`, the translation's is `en`. */
function pairOf(zh: string[], en: string[]) {
  return align(
    lines('关于加强内部审计的通知', '', ...zh, '（二）各单位应当于每年年末前报告执行情况。'),
    lines('Notice on Strengthening Internal Audit', '', ...en, '(II) Each institution shall report the implementation before the end of each year.'),
  );
}

const cases: [string, string[], string[], string[]][] = [
  ['a percentage cut by a hard wrap', ['（一）银行应当将支付结算业务纳入内部审计范围，年度审计覆盖面不低于百分之三', '十。'],
    ['(I) Banks shall include payment and settlement in internal audits, with annual audit coverage of no less than 30 percent.'], []],
  ['a percentage cut by a hard wrap, translated wrongly', ['（一）银行应当将支付结算业务纳入内部审计范围，年度审计覆盖面不低于百分之三', '　　十。'],
    ['(I) Banks shall include payment and settlement in internal audits, with annual audit coverage of no less than 35 percent.'],
    ['3 translation-mismatch: The translation has 35 percent where the original has 百分之三十.']],
  ['a numeral before its counter (三道防线)', ['（一）银行保险机构应当建立操作风险管理的三道防线。'],
    ['(I) Banking and insurance institutions shall establish three lines of defence for operational risk management.'], []],
  ['a numeral before its counter, translated wrongly', ['（一）银行保险机构应当建立操作风险管理的三道防线。'],
    ['(I) Banking and insurance institutions shall establish four lines of defence for operational risk management.'],
    ['3 translation-mismatch: The translation has the number four; the original\'s （一） does not.']],
  ['a scale as the unit of a field (单位为万元)', ['（一）签约金额以原币填写，单位为万元。'],
    ['(I) The contract amount shall be entered in the original currency, in units of ten thousand.'], []],
  ['a notice number of an issuer regtext does not know, romanised', ['（一）按照《关于加强预算管理的通知》（财预〔2026〕9号）执行。'],
    ['(I) The Notice on Strengthening Budget Management (Caiyu [2026] No. 9) shall be followed.'], []],
  ['the same, with another serial', ['（一）按照《关于加强预算管理的通知》（财预〔2026〕9号）执行。'],
    ['(I) The Notice on Strengthening Budget Management (Caiyu [2026] No. 8) shall be followed.'],
    ['3 translation-mismatch: The translation cites Caiyu [2026] No. 8 where the original cites 财预〔2026〕9号.']],
  ['a known issuer against an unknown one with the same year and serial', ['（一）按照《关于加强管理的通知》（银发〔2026〕9号）执行。'],
    ['(I) The Notice on Strengthening Management (Caiyu [2026] No. 9) shall be followed.'], []],
  ['two known issuers with the same year and serial are two notices', ['（一）按照《关于加强管理的通知》（银发〔2026〕9号）执行。'],
    ['(I) The Notice on Strengthening Management (Yinbaojianfa [2026] No. 9) shall be followed.'],
    ['3 translation-mismatch: The translation cites Yinbaojianfa [2026] No. 9 where the original cites 银发〔2026〕9号.']],
];

for (const [what, zh, en, expected] of cases) {
  test(`translation checks: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), expected);
  });
}
