/**
 * What a translation says alike, a third independent test (issue 10): a percentage in any of its units (万分之五 =
 * 0.05% = 5 basis points, 千分之三 = 0.3%, 百分之零点五 = 0.5%, 零点五个百分点 = 0.5 percentage points), a month or a day of
 * a date (7月底 = the end of July: a date, not the number 7), and the closing block under the text (its issuing
 * agencies and date), compared as a clause's anchors are. Each class in both directions — quiet where the two agree,
 * reported where they do not — with the near misses that must stay quiet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from './fixture';
import { align, checksOf } from './alignmentFixture';

/** A two-item notice: the original's first item is `zh`, the translation's is `en`. */
function pairOf(zh: string[], en: string[]) {
  return align(
    lines('关于加强基金估值管理的通知', '', ...zh, '（二）各单位应当于每年年末前报告执行情况。'),
    lines('Notice on Strengthening Fund Valuation', '', ...en, '(II) Each institution shall report the implementation before the end of each year.'),
  );
}

const quiet: [string, string[], string[]][] = [
  // Percentages in their units.
  ['万分之五 = 0.05%', ['（一）估值出现错误且偏差达到资产净值万分之五的，基金管理人应当公告。'],
    ['(I) Where a valuation error reaches 0.05% of the net asset value, the fund manager shall make an announcement.']],
  ['万分之五 = 0.05% per day', ['（一）逾期未还的，按日加收逾期本金的万分之五。'],
    ['(I) Where it is overdue, a surcharge shall be added daily, which shall not exceed 0.05% of the overdue principal per day.']],
  ['万分之五 = 5 basis points', ['（一）利率上限为基准利率加万分之五。'], ['(I) The interest rate cap is the benchmark rate plus 5 basis points.']],
  ['万分之五 cut by a hard wrap', ['（一）估值出现错误且偏差达到资产净值万分', '　　之五的，基金管理人应当公告。'],
    ['(I) Where a valuation error reaches 0.05% of the net asset value, the fund manager shall make an announcement.']],
  ['千分之三 = 0.3%', ['（一）手续费率不得超过交易金额的千分之三。'], ['(I) The fee rate shall not exceed 0.3% of the transaction amount.']],
  ['千分之三 = 0.3 percent', ['（一）手续费率不得超过交易金额的千分之三。'], ['(I) The fee rate shall not exceed 0.3 percent of the transaction amount.']],
  ['百分之零点五 = 0.5%', ['（一）估值偏差达到资产净值百分之零点五的，基金管理人应当公告。'],
    ['(I) Where the valuation deviation reaches 0.5% of the net asset value, the fund manager shall make an announcement.']],
  ['百分之十二点五 = 12.5%', ['（一）资本充足率不得低于百分之十二点五。'], ['(I) The capital adequacy ratio shall not be lower than 12.5%.']],
  ['零点五个百分点 = 0.5 percentage points', ['（一）存款准备金率下调零点五个百分点。'], ['(I) The reserve requirement ratio is lowered by 0.5 percentage points.']],
  ['0.5‰ = 0.05%', ['（一）违约金按日计算，不超过逾期本金的0.5‰。'], ['(I) The penalty is calculated daily and shall not exceed 0.05% of the overdue principal.']],
  ['5个基点 = 5 bps', ['（一）利率上限为基准利率加5个基点。'], ['(I) The interest rate cap is the benchmark rate plus 5 bps.']],
  ['两个百分点 = two percentage points', ['（一）风险权重上调两个百分点。'], ['(I) The risk weight is raised by two percentage points.']],
  ['百分之0.5 = 0.5%', ['（一）偏差不得超过百分之0.5。'], ['(I) The deviation shall not exceed 0.5%.']],
  // Months and days of dates.
  ['1月底和7月底 = the end of January and the end of July', ['（一）企业应当在每年1月底和7月底前报送报表。'],
    ['(I) Enterprises shall submit the statements before the end of January and the end of July each year.']],
  ['七月底 = the end of July', ['（一）企业应当在每年七月底前报送报表。'], ['(I) Enterprises shall submit the statements before the end of July each year.']],
  ['4-6月 = April to June', ['（一）企业应当报送4-6月的交易数据。'], ['(I) Enterprises shall submit the transaction data from April to June.']],
  ['四至六月 = April to June', ['（一）企业应当报送四至六月的交易数据。'], ['(I) Enterprises shall submit the transaction data from April to June.']],
  ['2026年3月 = March 2026', ['（一）本通知自2026年3月起执行。'], ['(I) This Notice applies from March 2026.']],
  ['2026年3月 = March 2026, the year in Chinese digits', ['（一）本通知自二〇二六年三月起执行。'], ['(I) This Notice applies from March 2026.']],
  ['3月31日前 = by the end of March (the translation\'s month is the original\'s)', ['（一）企业应当在3月31日前报送年报。'],
    ['(I) Enterprises shall submit the annual report by 31 March, that is by the end of March.']],
  ['每月15日前 = by the 15th of each month', ['（一）企业应当在每月15日前报送报表。'], ['(I) Enterprises shall submit the statements by the 15th of each month.']],
  ['3月31日 = 31 March', ['（一）企业应当在每年3月31日前报送年报。'], ['(I) Enterprises shall submit the annual report before 31 March each year.']],
  ['3月31日 = March 31', ['（一）企业应当在每年3月31日前报送年报。'], ['(I) Enterprises shall submit the annual report before March 31 each year.']],
  ['每月十五日 = the fifteenth day of each month', ['（一）企业应当在每月十五日前报送报表。'], ['(I) Enterprises shall submit the statements before the fifteenth day of each month.']],
  ['每月二十五日 = the twenty-fifth of each month', ['（一）企业应当在每月二十五日前报送报表。'], ['(I) Enterprises shall submit the statements before the twenty-fifth of each month.']],
  ['12月31日 = the 31st day of December', ['（一）企业应当在每年12月31日前报送年报。'], ['(I) Enterprises shall submit the annual report before the 31st day of December each year.']],
  ['上一月 is the month before, not January', ['（一）支付机构应当每月提交上一月的业务数据。'], ['(I) Payment institutions shall submit the business data of the previous month every month.']],
  ['3月期 is a tenor, not March', ['（一）参考3月期上海银行间同业拆放利率定价。'], ['(I) Prices shall refer to the 3-month Shanghai Interbank Offered Rate.']],
  ['"May" opening a sentence is no month', ['（一）银行应当报告。银行可以延期。'], ['(I) Banks shall report. May a bank defer? It may.']],
  // Near misses that were quiet before.
  ['百分之三十 = 30 percent', ['（一）年度审计覆盖面不低于百分之三十。'], ['(I) Annual audit coverage shall be no less than 30 percent.']],
  ['三十日 = 30 days', ['（一）银行应当在三十日内报告。'], ['(I) Banks shall report within 30 days.']],
  ['2026年2月6日 = 6 February 2026', ['（一）本通知自2026年2月6日起施行。'], ['(I) This Notice shall come into force on 6 February 2026.']],
  ['5000万元 = RMB 50 million', ['（一）注册资本不低于5000万元。'], ['(I) The registered capital shall be no less than RMB 50 million.']],
  ['十五个工作日 = fifteen working days', ['（一）银行应当在十五个工作日内答复。'], ['(I) Banks shall reply within fifteen working days.']],
  ['每半年 = every six months', ['（一）银行应当每半年报告一次。'], ['(I) Banks shall report once every six months.']],
  ['第三级 = Level 3', ['（一）达到第三级的，应当报告。'], ['(I) Where Level 3 is reached, a report shall be made.']],
  ['二〇二六年 = 2026', ['（一）二〇二六年起执行。'], ['(I) It applies from 2026.']],
  ['两个 = two', ['（一）银行应当设立两个部门。'], ['(I) Banks shall set up two departments.']],
];

for (const [what, zh, en] of quiet) {
  test(`translation checks, quiet: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), []);
  });
}

const faults: [string, string[], string[], string[]][] = [
  ['万分之五 translated as 0.5%', ['（一）估值出现错误且偏差达到资产净值万分之五的，基金管理人应当公告。'],
    ['(I) Where a valuation error reaches 0.5% of the net asset value, the fund manager shall make an announcement.'],
    ['3 translation-mismatch: The translation has 0.5% where the original has 万分之五.']],
  ['百分之五 translated as 0.05% (the other direction)', ['（一）估值出现错误且偏差达到资产净值百分之五的，基金管理人应当公告。'],
    ['(I) Where a valuation error reaches 0.05% of the net asset value, the fund manager shall make an announcement.'],
    ['3 translation-mismatch: The translation has 0.05% where the original has 百分之五.']],
  ['千分之三 translated as 3%', ['（一）手续费率不得超过交易金额的千分之三。'], ['(I) The fee rate shall not exceed 3% of the transaction amount.'],
    ['3 translation-mismatch: The translation has 3% where the original has 千分之三.']],
  ['万分之五 translated as 50 basis points', ['（一）利率上限为基准利率加万分之五。'], ['(I) The interest rate cap is the benchmark rate plus 50 basis points.'],
    ['3 translation-mismatch: The translation has 50 basis points where the original has 万分之五.']],
  ['百分之零点五 translated as 5%', ['（一）估值偏差达到资产净值百分之零点五的，基金管理人应当公告。'],
    ['(I) Where the valuation deviation reaches 5% of the net asset value, the fund manager shall make an announcement.'],
    ['3 translation-mismatch: The translation has 5% where the original has 百分之零点五.']],
  ['百分之十二点五 translated as 12%', ['（一）资本充足率不得低于百分之十二点五。'], ['(I) The capital adequacy ratio shall not be lower than 12%.'],
    ['3 translation-mismatch: The translation has 12% where the original has 百分之十二点五.']],
  ['零点五个百分点 translated as 5 percentage points', ['（一）存款准备金率下调零点五个百分点。'], ['(I) The reserve requirement ratio is lowered by 5 percentage points.'],
    ['3 translation-mismatch: The translation has 5 percentage points where the original has 零点五个百分点.']],
  ['7月底 translated as the end of June', ['（一）企业应当在每年1月底和7月底前报送报表。'],
    ['(I) Enterprises shall submit the statements before the end of January and the end of June each year.'],
    ['3 translation-mismatch: The translation has the date June where the original has the date 7月.']],
  ['the end of July where the original has 6月底 (the other direction)', ['（一）企业应当在每年6月底前报送报表。'],
    ['(I) Enterprises shall submit the statements before the end of July each year.'],
    ['3 translation-mismatch: The translation has the date July where the original has the date 6月.']],
  ['4-6月 translated as April to July', ['（一）企业应当报送4-6月的交易数据。'], ['(I) Enterprises shall submit the transaction data from April to July.'],
    ['3 translation-mismatch: The translation has the date July where the original has the date 4-6月.']],
  ['a month the translation leaves out', ['（一）企业应当在每年7月底前报送报表。'], ['(I) Enterprises shall submit the statements before the end of each half year.'],
    ['3 translation-mismatch: The original has the date 7月; this clause does not.']],
  ['a year the translation leaves out is information, not a date that disagrees', ['（一）本通知自2026年12月31日起施行。'], ['(I) This Notice shall come into force on December 31.'],
    ['3 translation-mismatch: The original has the date 2026年12月31日; this clause does not.']],
  ['二十五日 translated as the twentieth (an ordinal answers, but is never reported itself)', ['（一）企业应当在每月二十五日前报送报表。'],
    ['(I) Enterprises shall submit the statements before the twentieth of each month.'],
    ['3 translation-mismatch: The original has the number 二十五; this clause does not.']],
  ['3月31日 translated as 30 March', ['（一）企业应当在每年3月31日前报送年报。'], ['(I) Enterprises shall submit the annual report before 30 March each year.'],
    ['3 translation-mismatch: The translation has the date 30 March where the original has the date 3月31日.']],
];

for (const [what, zh, en, expected] of faults) {
  test(`translation checks, reported: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), expected);
  });
}

/** A signed two-item notice: the original's closing block is `zh`, the translation's is `en` (after a blank line). */
function signedPairOf(zh: string[], en: string[]) {
  return align(
    lines('关于加强基金估值管理的通知', '', '（一）估值出现错误的，基金管理人应当公告。', '（二）各单位应当于每年年末前报告执行情况。', '', ...zh),
    lines('Notice on Strengthening Fund Valuation', '', '(I) Where a valuation error occurs, the fund manager shall make an announcement.',
      '(II) Each institution shall report the implementation before the end of each year.', '', ...en),
  );
}

const NFRA_SIGNED = ['国家金融监督管理总局', '2026年2月6日'];

const closing: [string, string[], string[], string[]][] = [
  ['the same agency and date', NFRA_SIGNED, ['National Financial Regulatory Administration', 'February 6, 2026'], []],
  ['two agencies and the date in one line each, in another order of date', ['中国人民银行　　国家外汇管理局', '2026年1月8日'],
    ['People\'s Bank of China    State Administration of Foreign Exchange', '8 January 2026'], []],
  ['an agency the translation adds is no finding (as in a clause)', NFRA_SIGNED,
    ['National Financial Regulatory Administration', 'People\'s Bank of China', 'February 6, 2026'], []],
  ['another agency', NFRA_SIGNED, ['China Banking and Insurance Regulatory Commission', 'February 6, 2026'],
    ['6 translation-mismatch: The translation names China Banking and Insurance Regulatory Commission where the original names 国家金融监督管理总局.']],
  ['another date', NFRA_SIGNED, ['National Financial Regulatory Administration', 'February 16, 2026'],
    ['7 translation-mismatch: The translation has the date February 16, 2026 where the original has the date 2026年2月6日.']],
  ['a date the translation leaves out', NFRA_SIGNED, ['National Financial Regulatory Administration'],
    ['6 translation-mismatch: The original has the date 2026年2月6日 in its closing block; the translation\'s does not.']],
  ['a date the original does not have (the other direction)', ['国家金融监督管理总局'], ['National Financial Regulatory Administration', 'February 6, 2026'],
    ['7 translation-mismatch: The translation has the date February 6, 2026; the original\'s closing block does not.']],
];

test('translation checks, closing block: a block that follows the last sentence without a blank line is one too, on either side', () => {
  const body = { zh: ['关于加强基金估值管理的通知', '', '（一）估值出现错误的，基金管理人应当公告。', '（二）各单位应当于每年年末前报告执行情况。'],
    en: ['Notice on Strengthening Fund Valuation', '', '(I) Where a valuation error occurs, the fund manager shall make an announcement.',
      '(II) Each institution shall report the implementation before the end of each year.'] };
  const expected = ['5 translation-mismatch: The translation names China Banking and Insurance Regulatory Commission where the original names 国家金融监督管理总局.'];
  const cbirc = ['China Banking and Insurance Regulatory Commission', 'February 6, 2026'];
  assert.deepEqual(checksOf(align(lines(...body.zh, ...NFRA_SIGNED), lines(...body.en, ...cbirc))), expected);
  assert.deepEqual(checksOf(align(lines(...body.zh, '', ...NFRA_SIGNED), lines(...body.en, ...cbirc))), expected);
  assert.deepEqual(checksOf(align(lines(...body.zh, ...NFRA_SIGNED), lines(...body.en, '', ...cbirc))), [expected[0]!.replace(/^5/, '6')]);
});

test('translation checks, closing block: the printing office\'s footer (…印发) is not compared, and its date is not the last clause\'s', () => {
  const alignment = signedPairOf(['中国人民银行办公厅　　　　2026年2月9日印发'], ['National Financial Regulatory Administration', 'February 6, 2026']);
  assert.deepEqual(checksOf(alignment), []);
});

for (const [what, zh, en, expected] of closing) {
  test(`translation checks, closing block: ${what}`, () => {
    assert.deepEqual(checksOf(signedPairOf(zh, en)), expected);
  });
}

test('translation checks, closing block: a mismatch is a warning placed on the translation\'s agency, related to the original\'s', () => {
  const alignment = signedPairOf(NFRA_SIGNED, ['China Banking and Insurance Regulatory Commission', 'February 6, 2026']);
  const [check] = alignment.checks;
  assert.equal(check?.severity, 'warning');
  assert.equal(alignment.translation.text.slice(check.span.start, check.span.end), 'China Banking and Insurance Regulatory Commission');
  assert.deepEqual(check.related.map((item) => [alignment.original.text.slice(item.span.start, item.span.end), item.message]),
    [['国家金融监督管理总局', 'the original\'s closing block: 国家金融监督管理总局']]);
});

test('translation checks, closing block: a date only the original has is information on the translation\'s first line, related to the original\'s date', () => {
  const alignment = signedPairOf(NFRA_SIGNED, ['National Financial Regulatory Administration']);
  const [check] = alignment.checks;
  assert.equal(check?.severity, 'information');
  assert.equal(alignment.translation.text.slice(check.span.start, check.span.end), 'National Financial Regulatory Administration');
  assert.deepEqual(check.related.map((item) => alignment.original.text.slice(item.span.start, item.span.end)), ['2026年2月6日']);
});

test('translation checks: the tester\'s articles, percentages in units of ten thousand and of a hundred with decimals, quiet', () => {
  const alignment = align(
    lines('基金估值管理办法', '', '第五十六条 估值出现错误且偏差达到资产净值万分之五的，基金管理人应当及时公告。',
      '第五十七条 估值偏差达到资产净值百分之零点五的，基金管理人应当报告中国证监会。',
      '第五十八条 逾期未缴纳的，每日加收逾期本金的万分之五。'),
    lines('Measures for Fund Valuation', '', 'Article 56 Where a valuation error reaches 0.05% of the net asset value, the fund manager shall make a timely announcement.',
      'Article 57 Where a valuation deviation reaches 0.5% of the net asset value, the fund manager shall report to the CSRC.',
      'Article 58 Where it is overdue, a surcharge shall be added which shall not exceed 0.05% of the overdue principal per day.'),
  );
  assert.deepEqual(checksOf(alignment), []);
});
