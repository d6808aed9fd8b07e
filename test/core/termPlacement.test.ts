/**
 * Where a banned term stands decides how loudly the built-in list reports it (scan/termPlacement.ts): entity names
 * and business scopes are errors, other drafting warnings, the prose of a regulatory text is not reported (annotated,
 * with its hover saying so). Both languages, with traps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, hoverAt, lines, problemsOf } from './fixture';

/** "placement severity" for each banned-term use, in order. */
function placed(text: string): string[] {
  const analysis = analyse(text);
  const severities = new Map(analysis.problems.filter((problem) => problem.code === 'banned-term').map((problem) => [problem.start, problem.severity]));
  return analysis.bannedTerms.filter((hit) => hit.context === 'use').map((hit) => `${hit.placement} ${severities.get(hit.start) ?? 'off'}`);
}

const NOTICE_HEADER_ZH = ['中国人民银行关于规范数字支付业务的通知', '银发〔2027〕12号', ''];
const NOTICE_HEADER_EN = ['Notice of the PBOC on Digital Payment Services', 'Yinfa [2027] No. 12', ''];

// [what, text, expected placements with severities]
const cases: [string, string, string[]][] = [
  ['a Chinese company name', '申请人：深圳稳定币科技有限公司', ['entityName error']],
  ['an English company name', 'Applicant: Stablecoin Tech Co., Ltd. of Shenzhen', ['entityName error']],
  ['a name field', lines('企业名称：虚拟货币交易中心', 'Proposed name: Virtual Currency Hub'), ['entityName error', 'entityName error']],
  ['a business scope on its line', '经营范围：软件开发；稳定币技术服务；数据处理。', ['businessScope error']],
  ['an English business scope', 'Business scope: software development; stablecoin custody.', ['businessScope error']],
  ['a business scope wrapped onto the next line', lines('经营范围：软件开发；信息技术咨询；', '虚拟货币钱包开发。'), ['businessScope error']],
  ['marketing copy is drafting: a warning', 'Our app lets you buy stablecoins in seconds.', ['drafting warning']],
  ['a particle ends a name: prose, not a name', '不得登记名称含有虚拟货币的有限公司。', ['drafting warning']],
  ['the prose of a notice: not reported', lines(...NOTICE_HEADER_ZH, '一、虚拟货币交易炒作活动扰乱经济金融秩序。'), ['regulatoryText off']],
  ['the prose of an English notice: not reported', lines(...NOTICE_HEADER_EN, '(I) Stablecoin speculation disrupts the financial order.'), ['regulatoryText off']],
  ['a business scope quoted inside a notice is still a scope', lines(...NOTICE_HEADER_ZH, '例如，经营范围：虚拟货币兑换。'), ['businessScope error']],
  ['a notice quoted in full in an article: its body is regulatory text, the article around it drafting', lines(
    'Crypto Weekly: the regulators act on stablecoins',
    'Foreword: the central bank published its notice today. The following is the full text:',
    'To the people\'s governments of all provinces, autonomous regions and municipalities:',
    '(I) Virtual currency does not have the legal status of fiat currency.',
    '',
    '(II) Stablecoins pegged to fiat currency are banned.',
    'This notice shall enter into force upon the date of its issuance.',
    '',
    'Buy stablecoins on our exchange today!',
  ), ['drafting warning', 'regulatoryText off', 'regulatoryText off', 'drafting warning']],
  ['a Chinese notice quoted in full', lines(
    '新闻：监管部门发布通知，全文如下：', '各省、自治区、直辖市人民政府，各银行：', '一、虚拟货币不具有法定货币地位。', '', '二、稳定币业务属于非法金融活动。', '', '本平台可交易稳定币。',
  ), ['regulatoryText off', 'regulatoryText off', 'drafting warning']],
  ['a blank line ends a scope', lines('经营范围：软件开发。', '', '虚拟货币市场波动。'), ['drafting warning']],
];

for (const [what, text, expected] of cases) {
  test(`placement: ${what}`, () => {
    assert.deepEqual(placed(text), expected);
  });
}

test('placement: the hover says where the term stands and what the list makes of it there', () => {
  assert.match(hoverAt('经营范围：稳定$0币技术服务。') ?? '', /Seen in a business scope: reported as an error/);
  assert.match(hoverAt(lines(...NOTICE_HEADER_EN, '(I) Stable$0coin speculation is banned.')) ?? '', /Seen in the prose of a regulatory text .*not reported there/);
  assert.match(hoverAt('Buy stable$0coins now.') ?? '', /Seen in drafting .*reported as a warning/);
});

test('placement: a notice quiet, a business-scope draft loud (the seed notice\'s own case)', () => {
  assert.deepEqual(problemsOf(lines(...NOTICE_HEADER_EN, '(I) Virtual currency and stablecoin activities are illegal financial activities.')).filter((problem) => problem.includes('banned-term')), []);
  assert.equal(problemsOf('经营范围：虚拟货币交易；稳定币发行。').filter((problem) => problem.includes('banned-term')).length, 2);
});

test('placement: a company\'s own numbered document is drafting, not regulation', () => {
  assert.deepEqual(placed(lines('华捷支付科技股份有限公司第三届董事会第十二次会议决议公告', '公告编号：2026-018', '', '公司拟申请稳定币发行人牌照。')), ['drafting warning']);
});

test('placement: a text titled as measures, a draft included, is regulatory text; a memo titled 看法 is not', () => {
  assert.deepEqual(placed(lines('数字钱包业务管理办法（征求意见稿）', '', '第六条　数字钱包不得用于虚拟货币交易。')), ['regulatoryText off']);
  assert.deepEqual(placed(lines('Measures for the Administration of Digital Wallets (Draft for Comments)', '', 'Article 6 Wallets shall not be used for stablecoin trading.')), ['regulatoryText off']);
  assert.deepEqual(placed(lines('我们对稳定币市场的看法', '', '稳定币市场发展迅速。')), ['drafting warning', 'drafting warning']);
});
