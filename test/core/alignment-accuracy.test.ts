/**
 * Alignment accuracy on texts written apart from the rest of the suite (issue 10): a skipped article number, an extra
 * clause at the end, merges and splits (reported), dates without a year, numbers written differently (ordinals, half a
 * year, number words), a defined term in its singular and "X or Y" form, a long pair with a typo'd article number,
 * Markdown titles as whole labels. Each class with its near misses that must stay quiet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentAlignment } from '../../server/src/core';
import { toChineseNumeral } from '../../server/src/core/text/numerals';
import { lines } from './fixture';
import { align, checksOf, pairsOf } from './alignmentFixture';

/** Measures in articles: each article a line, so that a variant replaces or drops lines. */
const MEASURES_ZH = [
  '上市公司募集资金管理办法',
  '',
  '第一条　为规范上市公司募集资金的使用与管理，保护投资者的合法权益，制定本办法。',
  '第二条　本办法所称募集资金，是指上市公司通过发行股票或者其他具有股权性质的证券向投资者募集并用于特定用途的资金。',
  '第三条　上市公司应当审慎使用募集资金，保证募集资金的使用与招股说明书的承诺相一致，不得随意改变募集资金的投向。',
  '第四条　上市公司应当在募集资金到账后一个月内与保荐机构、存放募集资金的商业银行签订三方监管协议。',
  '第五条　募集资金投资项目年度实际使用金额与预计使用金额差异超过30%的，上市公司应当调整募集资金投资计划。',
  '第六条　上市公司董事会应当每半年全面核查募集资金投资项目的进展情况，并出具专项报告。',
  '第七条　上市公司应当在每年4月30日前披露上一年度募集资金存放与使用情况的专项报告。',
  '第八条　上市公司以闲置募集资金暂时补充流动资金的，单次补充流动资金时间不得超过12个月，并应当经董事会审议通过。',
  '第九条　上市公司变更募集资金投资项目的，应当在董事会审议通过后及时披露。',
  '第十条　上市公司对外担保总额超过最近一期经审计净资产50%的，应当在董事会审议通过后提交股东大会审议。',
  '第十一条　上市公司的信息系统的网络安全等级不得低于第三级。',
  '第十二条　本办法自2026年3月1日起施行。',
];

const MEASURES_EN = [
  'Measures for the Administration of Funds Raised by Listed Companies',
  '',
  'Article 1 These Measures are formulated to regulate the use and management of funds raised by listed companies and to protect the lawful rights and interests of investors.',
  'Article 2 For the purposes of these Measures, raised funds means the funds that a listed company raises from investors for specified purposes by issuing shares or other securities in the nature of equity.',
  'Article 3 A listed company shall use raised funds prudently, ensure that their use is consistent with the commitments in the prospectus, and shall not change the investment of raised funds at will.',
  'Article 4 A listed company shall sign a tripartite supervision agreement with its sponsor and the commercial bank where the raised funds are deposited within one month after the raised funds arrive.',
  'Article 5 Where the actual annual use of a project financed by raised funds differs from the expected use by more than 30%, the listed company shall adjust its investment plan for the raised funds.',
  'Article 6 The board of directors of a listed company shall fully verify the progress of the projects financed by raised funds every six months and issue a special report.',
  'Article 7 A listed company shall disclose a special report on the deposit and use of raised funds in the previous year before April 30 each year.',
  'Article 8 Where a listed company uses idle raised funds to temporarily supplement its working capital, each supplement shall not last longer than 12 months and shall be approved by the board of directors.',
  'Article 9 Where a listed company changes a project financed by raised funds, it shall disclose the change in a timely manner after the board of directors approves it.',
  'Article 10 Where the total amount of external guarantees of a listed company exceeds 50% of its net assets audited for the latest period, it shall be submitted to the shareholders\' meeting for deliberation after the board of directors approves it.',
  'Article 11 The cybersecurity protection level of the information systems of a listed company shall not be lower than Level 3.',
  'Article 12 These Measures shall come into effect on March 1, 2026.',
];

const ZH_LABELS = MEASURES_ZH.slice(2).map((line) => line.split('　')[0]!);
const EN_LABELS = MEASURES_EN.slice(2).map((line) => /^Article \d+/.exec(line)![0]);
const FAITHFUL_MEASURES = ZH_LABELS.map((label, k) => `${label}=${EN_LABELS[k]}`);

/** The English measures with the line of `label` replaced (or dropped). */
function measuresEn(changes: Record<string, string | undefined>): string {
  return lines(...MEASURES_EN.flatMap((line) => {
    const label = /^Article \d+/.exec(line)?.[0];
    if (label === undefined || !(label in changes)) return [line];
    const replacement = changes[label];
    return replacement === undefined ? [] : [replacement];
  }));
}

test('measures: the faithful pair pairs every article with its number, with no finding (dates without a year, 第三级, 每半年)', () => {
  const alignment = align(lines(...MEASURES_ZH), lines(...MEASURES_EN));
  assert.deepEqual(pairsOf(alignment), FAITHFUL_MEASURES);
  assert.deepEqual(checksOf(alignment), []);
});

test('class 1: a skipped article is a missing article, not a merge with the next (whose number the translation has)', () => {
  const alignment = align(lines(...MEASURES_ZH), measuresEn({ 'Article 9': undefined }));
  assert.deepEqual(pairsOf(alignment), FAITHFUL_MEASURES.map((pair) => (pair.startsWith('第九条') ? '第九条=' : pair)));
  assert.deepEqual(checksOf(alignment), ['11 translation-missing-clause: Clause 第九条 of the original has no counterpart in the translation.']);
})

/** A notice in numbered items, each a line. */
const NOTICE_ZH = [
  '中国人民银行关于加强银行理财产品销售管理的通知',
  '',
  '各银行：',
  '为规范银行理财产品销售行为，保护金融消费者合法权益，现就有关事项通知如下：',
  '（一）银行应当建立理财产品销售管理制度，明确销售人员的职责和操作流程。',
  '（二）银行销售理财产品，应当对客户进行风险承受能力评估，并将评估结果告知客户。',
  '（三）银行不得通过电话、短信等方式向非本行客户销售理财产品，不得委托第三方机构代为开展风险评估。',
  '（四）银行应当在理财产品销售文件中以显著方式提示产品风险，风险揭示书应当由客户亲笔签署。',
  '（五）单一客户首次购买理财产品的起点金额不得低于1万元。',
  '（六）银行应当对销售过程进行录音录像，相关资料至少保存5年。',
  '（七）银行应当每季度对理财产品销售情况开展自查，发现问题及时整改。',
  '（八）银行应当妥善处理客户投诉，在15个工作日内答复客户。',
  '（九）各分支机构应当将本通知转发至辖区内各城市商业银行、农村商业银行、农村合作银行和村镇银行，并督促其认真贯彻执行。',
];

const NOTICE_EN = [
  'Notice of the People\'s Bank of China on Strengthening the Administration of the Sale of Bank Wealth Management Products',
  '',
  'To all banks:',
  'In order to regulate the sale of bank wealth management products and protect the lawful rights and interests of financial consumers, the relevant matters are hereby notified as follows:',
  '(1) Banks shall establish a system for the administration of the sale of wealth management products, and specify the duties and operating procedures of sales personnel.',
  '(2) Banks that sell wealth management products shall assess the risk tolerance of customers and inform the customers of the results of the assessment.',
  '(3) Banks shall not sell wealth management products to persons who are not their customers by telephone, text messages or other means, and shall not entrust third-party institutions to conduct risk assessments on their behalf.',
  '(4) Banks shall prominently disclose the risks of a product in its sales documents, and the risk disclosure statement shall be signed by the customer in person.',
  '(5) The minimum amount of the first purchase of wealth management products by a single customer shall not be less than RMB 10,000.',
  '(6) Banks shall make audio and video recordings of the sales process and keep the relevant materials for at least five years.',
  '(7) Banks shall conduct a self-inspection of the sale of wealth management products every quarter and rectify any problems found in a timely manner.',
  '(8) Banks shall properly handle customer complaints and reply to customers within 15 working days.',
  '(9) Branches shall forward this Notice to the banks in their jurisdiction and see to its implementation.',
];

const FAITHFUL_NOTICE = NOTICE_ZH.slice(4).map((line, k) => `${line.slice(0, line.indexOf('）') + 1)}=(${k + 1})`);

/** The English notice with the line of item `label` ("(3)") replaced by some lines (or dropped: none). */
function noticeEn(changes: Record<string, string[]>): string {
  return lines(...NOTICE_EN.flatMap((line) => changes[/^\(\d+\)/.exec(line)?.[0] ?? ''] ?? [line]));
}

test('notice: the faithful pair pairs every item with its number, with no finding', () => {
  const alignment = align(lines(...NOTICE_ZH), lines(...NOTICE_EN));
  assert.deepEqual(pairsOf(alignment), FAITHFUL_NOTICE);
  assert.deepEqual(checksOf(alignment), []);
});

test('class 2: an extra item at the end is an extra clause, not part of the last one', () => {
  const extra = '(10) Banks shall report the implementation of this Notice to the local branch of the PBOC by the end of each year.';
  const alignment = align(lines(...NOTICE_ZH), lines(...NOTICE_EN, extra));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_NOTICE, '=(10)']);
  assert.deepEqual(checksOf(alignment), ['14 translation-extra-clause: Clause (10) has no counterpart in the original.']);
});

test('class 2, near miss: a last item the translator made long is still the last item, quietly', () => {
  const longer = `${NOTICE_EN.at(-1)!.slice(0, -1)}, and the notices on the sale of wealth management products issued before it shall be read together with it.`;
  const alignment = align(lines(...NOTICE_ZH), lines(...NOTICE_EN.slice(0, -1), longer));
  assert.deepEqual(pairsOf(alignment), FAITHFUL_NOTICE);
  assert.deepEqual(checksOf(alignment), []);
});

test('class 3: two articles merged into one are aligned as a merge and reported', () => {
  const merged = `${MEASURES_EN[9]!.slice(0, -1)}; where a listed company changes a project financed by raised funds, it shall disclose the change in a timely manner after the board of directors approves it.`;
  const alignment = align(lines(...MEASURES_ZH), measuresEn({ 'Article 8': merged, 'Article 9': undefined }));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_MEASURES.slice(0, 7), '第八条+第九条=Article 8', ...FAITHFUL_MEASURES.slice(9)]);
  assert.deepEqual(checksOf(alignment), ['10 translation-numbering: Article 8 translates both 第八条 and 第九条 of the original: they are merged.']);
});

test('class 3: an item split in two is aligned as a split and reported, and the item after it as renumbered', () => {
  const split = ['(8) Banks shall properly handle customer complaints.', '(9) Banks shall reply to customers within 15 working days after receiving a complaint.'];
  const alignment = align(lines(...NOTICE_ZH), noticeEn({ '(8)': split, '(9)': [NOTICE_EN.at(-1)!.replace('(9)', '(10)')] }));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_NOTICE.slice(0, 7), '（八）=(8)+(9)', '（九）=(10)']);
  assert.deepEqual(checksOf(alignment), [
    '13 translation-numbering: (8) and (9) both translate （八） of the original: it is split. The numbering after it is shifted: (10) translates （九）.',
  ]);
});

/** The measures with one Chinese article's text and one English article's text replaced: [article, from, to]. */
function measuresVariant(zh: [string, string, string] | undefined, en: [string, string, string] | undefined): DocumentAlignment {
  const replace = (text: string[], [label, from, to]: [string, string, string]) => text.map((line) => (line.startsWith(label) ? line.replace(from, to) : line));
  const original = zh ? replace(MEASURES_ZH, zh) : MEASURES_ZH;
  const translation = en ? replace(MEASURES_EN, en) : MEASURES_EN;
  assert.ok(!zh || original.join() !== MEASURES_ZH.join(), `the fixture has ${zh?.[1]}`);
  assert.ok(!en || translation.join() !== MEASURES_EN.join(), `the fixture has ${en?.[1]}`);
  return align(lines(...original), lines(...translation));
}

// Near misses: a month and a day without a year, an ordinal, a unit of time, written the other language's way.
const quiet: [string, [string, string, string] | undefined, [string, string, string] | undefined][] = [
  ['full-width 每年４月３０日前', ['第七条', '4月30日', '４月３０日'], undefined],
  ['30 April', undefined, ['Article 7', 'April 30', '30 April']],
  ['the 30th of April', undefined, ['Article 7', 'before April 30', 'before the 30th of April']],
  ['四月三十日', ['第七条', '4月30日', '四月三十日'], undefined],
  ['every half year', undefined, ['Article 6', 'every six months', 'every half year']],
  ['semi-annually', undefined, ['Article 6', 'every six months', 'semi-annually']],
  ['每六个月 = every half-year', ['第六条', '每半年', '每六个月'], ['Article 6', 'every six months', 'every half-year']],
  ['每季度 = every three months', ['第六条', '每半年', '每季度'], ['Article 6', 'every six months', 'every three months']],
  ['第三级 = the third level', undefined, ['Article 11', 'Level 3', 'the third level']],
  ['第3级 = Level 3', ['第十一条', '第三级', '第3级'], undefined],
  ['第三方 = third-party (both implied)', ['第四条', '保荐机构、', '保荐机构、第三方机构、'], ['Article 4', 'its sponsor and', 'its sponsor, third-party institutions and']],
];

for (const [what, zh, en] of quiet) {
  test(`classes 5 and 6, near miss: ${what} is no finding`, () => {
    const alignment = measuresVariant(zh, en);
    assert.deepEqual(pairsOf(alignment), FAITHFUL_MEASURES);
    assert.deepEqual(checksOf(alignment), []);
  });
}

// Faults of the same kinds, which must be found.
const found: [string, [string, string, string] | undefined, [string, string, string], string][] = [
  ['another day of the month', undefined, ['Article 7', 'April 30', 'April 3'],
    '9 translation-mismatch: The translation has the date April 3 where the original has the date 4月30日.'],
  ['another month, day first', undefined, ['Article 7', 'before April 30', 'before 30 June'],
    '9 translation-mismatch: The translation has the date 30 June where the original has the date 4月30日.'],
  ['another level', undefined, ['Article 11', 'Level 3', 'Level 2'],
    '13 translation-mismatch: The translation has the number 2; the original\'s 第十一条 does not.'],
  ['every three months for 每半年', undefined, ['Article 6', 'every six months', 'every three months'],
    '8 translation-mismatch: The translation has the number three; the original\'s 第六条 does not.'],
  ['每六个月 left out', ['第六条', '每半年', '每六个月'], ['Article 6', ' every six months', ''],
    '8 translation-mismatch: The original has the number 六; this clause does not.'],
];

for (const [what, zh, en, finding] of found) {
  test(`classes 5 and 6, a fault: ${what}`, () => {
    const alignment = measuresVariant(zh, en);
    assert.deepEqual(pairsOf(alignment), FAITHFUL_MEASURES);
    assert.deepEqual(checksOf(alignment), [finding]);
  });
}

const GOVERNANCE_ZH = [
  '银行保险机构公司治理准则',
  '',
  '第一条　本准则所称银行保险机构，是指在中华人民共和国境内依法设立的商业银行和保险公司。',
  '第二条　银行保险机构董事会对公司治理承担最终责任。',
  '第三条　银行保险机构应当建立健全内部控制制度，并定期评估其有效性。',
];

const GOVERNANCE_EN = [
  'Corporate Governance Standards for Banking and Insurance Institutions',
  '',
  'Article 1 For the purposes of these Standards, "banking and insurance institutions" refers to commercial banks and insurance companies legally established within the territory of the People\'s Republic of China.',
  'Article 2 The board of directors of a banking or insurance institution shall bear the ultimate responsibility for its corporate governance.',
  'Article 3 Banking and insurance institutions shall establish and improve their internal control systems and assess their effectiveness regularly.',
];

const termForms: [string, string, string[]][] = [
  ['the singular, "X or Y" for "X and Y"', GOVERNANCE_EN[3]!, []],
  ['the singular', GOVERNANCE_EN[3]!.replace('banking or insurance institution', 'banking and insurance institution'), []],
  ['"X and Y" for "X or Y", hyphens and a line break', GOVERNANCE_EN[3]!.replace('a banking or insurance institution', 'each banking-and\ninsurance institution'), []],
  ['another rendering: reported', GOVERNANCE_EN[3]!.replace('a banking or insurance institution', 'a financial institution'),
    ['4 translation-term: The original uses the defined term 银行保险机构 here; this clause never uses its translation "banking and insurance institutions".']],
  ['only a part of the term: reported', GOVERNANCE_EN[3]!.replace('a banking or insurance institution', 'an insurance institution'),
    ['4 translation-term: The original uses the defined term 银行保险机构 here; this clause never uses its translation "banking and insurance institutions".']],
];

for (const [what, article2, findings] of termForms) {
  test(`class 7: a defined term in ${what}`, () => {
    const alignment = align(lines(...GOVERNANCE_ZH), lines(...GOVERNANCE_EN.slice(0, 3), article2, ...GOVERNANCE_EN.slice(4)));
    assert.deepEqual(alignment.terms.map((term) => `${term.original.term} = ${term.translation.term}`), ['银行保险机构 = banking and insurance institutions']);
    assert.deepEqual(pairsOf(alignment), ['第一条=Article 1', '第二条=Article 2', '第三条=Article 3']);
    assert.deepEqual(checksOf(alignment), findings);
  });
}

test('class 10: a Markdown title is paired under its whole text, never a cut of it', () => {
  const title = 'Notice of the People\'s Bank of China and the National Financial Regulatory Administration on Regulating the Management of Cross-border Wealth Management Connect Business';
  const alignment = align(
    lines('# 中国人民银行 国家金融监督管理总局关于规范跨境理财通业务管理的通知', '', '（一）银行应当建立跨境理财通业务管理制度。', '（二）本通知自发布之日起施行。'),
    lines(`# **${title}** #`, '', '(1) Banks shall establish a system for the administration of the Cross-border Wealth Management Connect business.', '(2) This Notice shall come into effect on the date of its issuance.'),
  );
  assert.ok(title.length > 120);
  assert.deepEqual(pairsOf(alignment), [`中国人民银行 国家金融监督管理总局关于规范跨境理财通业务管理的通知=${title}`, '（一）=(1)', '（二）=(2)']);
  assert.deepEqual(checksOf(alignment), []);
});

/**
 * Long measures: a regulation of 28 articles repeated `copies` times, numbered straight through (so only the numbers
 * tell the copies apart), the translation without articles [dropFrom, dropFrom + dropped) and with `typo` written as
 * the number of an article two copies later.
 */
function repeatedMeasures(copies: number, dropFrom: number, dropped: number, typo: number): { zh: string; en: string } {
  const zh = ['中国人民银行合成测试办法', ''];
  const en = ['Measures of the People\'s Bank of China for a Synthetic Test', ''];
  const zhText = ['商业银行应当在15个工作日内报送业务情况。', '资本充足率不得低于8%。', '大额交易是指单笔金额超过50万元的交易。'];
  const enText = ['Commercial banks shall report their business within 15 working days.', 'The capital adequacy ratio shall not be lower than 8%.', 'Large transactions are transactions of more than RMB 500,000 each.'];
  for (let n = 1; n <= copies * 28; n++) {
    zh.push(`第${toChineseNumeral(n)}条\u3000${zhText.slice(0, 1 + (n % 3)).join('')}`);
    if (n < dropFrom || n >= dropFrom + dropped) en.push(`Article ${n === typo ? n + 56 : n} ${enText.slice(0, 1 + (n % 3)).join(' ')}`);
  }
  return { zh: lines(...zh), en: lines(...en) };
}

test('class 8: a long pair whose copies only numbers tell apart follows its numbers past a block of missing articles and a typo', () => {
  const { zh, en } = repeatedMeasures(24, 150, 84, 40);
  const alignment = align(zh, en);
  assert.equal(alignment.banded, true);
  const counts = new Map<string, number>();
  for (const check of alignment.checks) counts.set(check.code, (counts.get(check.code) ?? 0) + 1);
  assert.deepEqual([...counts], [['translation-numbering', 1], ['translation-missing-clause', 84]]);
  assert.equal(checksOf(alignment)[0], '42 translation-numbering: Article 96 translates 第四十条 of the original: the numbers disagree.');
  const paired = alignment.pairs.filter((pair) => pair.original.length === 1 && pair.translation.length === 1);
  assert.equal(paired.length, 1 + 24 * 28 - 84, 'the preamble and every article left with its number');
});

test('class 8: the same with the block missing from the original: extra clauses, and every other article with its number', () => {
  const { zh, en } = repeatedMeasures(24, 0, 0, 0);
  const withoutBlock = zh.split('\n').filter((_, line) => line < 400 || line >= 484).join('\n');
  const alignment = align(withoutBlock, en);
  assert.deepEqual(checksOf(alignment).filter((check) => !check.includes('extra-clause')), []);
  assert.equal(alignment.checks.length, 84);
});
