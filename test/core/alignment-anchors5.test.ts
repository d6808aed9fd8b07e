/**
 * What a translation says alike, a fourth independent test (issue 10): a numeral inside a word is no quantity (双方 =
 * the two parties, 二次确认 = double-check, 十四五 = the 14th Five-Year Plan, two-way, second-hand); agencies and parties
 * counted without a classifier (三部门 = the three departments, 五方) are read on both sides, reported only against
 * another number; an order's or an announcement's number (令（第28号）, 第28号令, Order No. 18) is a notice number; and
 * two definitions in one sentence that the translator reordered pair by what they define. Quiet where the two agree,
 * reported where they do not, in both directions, with the near misses that must stay quiet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from './fixture';
import { align, checksOf } from './alignmentFixture';

/** A two-item notice: the original's first item is `zh`, the translation's is `en`. */
function pairOf(zh: string, en: string) {
  return align(
    lines('关于加强客户资金管理的通知', '', zh, '（二）各单位应当于每年年末前报告执行情况。'),
    lines('Notice on Strengthening the Management of Customer Funds', '', en, '(II) Each institution shall report the implementation before the end of each year.'),
  );
}

const quiet: [string, string, string][] = [
  // Numerals inside words.
  ['双方 = the two parties', '（一）双方应当在三个工作日内完成交割。', '(I) The two parties shall complete the delivery within three working days.'],
  ['双方 = both parties', '（一）双方应当在三个工作日内完成交割。', '(I) Both parties shall complete the delivery within three working days.'],
  ['二次确认 = double-check', '（一）支付机构应当对大额交易进行二次确认。', '(I) Payment institutions shall double-check large transactions.'],
  ['二次确认 = re-confirm, the original also counting days', '（一）支付机构应当在两个工作日内对大额交易进行二次确认。',
    '(I) Payment institutions shall re-confirm large transactions within two working days.'],
  ['两次 = twice', '（一）银行每年应当至少开展两次压力测试。', '(I) Banks shall conduct stress tests at least twice a year.'],
  ['再次 = a second time', '（一）机构再次违反本规定的，从重处理。', '(I) Where an institution violates these provisions a second time, it shall be given a heavier penalty.'],
  ['双向 = two-way', '（一）建立监管信息双向通报机制。', '(I) A two-way mechanism for notifying supervisory information shall be established.'],
  ['相互 = two-way (a number only the translation writes in a word)', '（一）建立监管信息相互通报机制。',
    '(I) A two-way mechanism for notifying supervisory information shall be established.'],
  ['双重 = dual', '（一）对跨境业务实行双重管理，两个部门分别审核。', '(I) Cross-border business is subject to dual management, and two departments review it separately.'],
  ['三方协议 = an agreement among the three parties', '（一）银行、企业和托管机构应当签订三方协议。',
    '(I) The bank, the enterprise and the custodian shall sign an agreement among the three parties.'],
  ['三方协议 = a tripartite agreement', '（一）银行、企业和托管机构应当签订三方协议。', '(I) The bank, the enterprise and the custodian shall sign a tripartite agreement.'],
  ['第三方 = a third party', '（一）机构可以委托第三方机构开展评估。', '(I) An institution may entrust a third-party institution with the assessment.'],
  ['一致、统一、进一步、一体化 = consistent, unified, further, integrated', '（一）各方应当统一标准，保持口径一致，进一步推进一体化建设。',
    '(I) All parties shall unify standards, keep the statistical scope consistent and further advance integrated development.'],
  ['之一 = one of', '（一）有下列情形之一的，应当在十个工作日内报告。', '(I) Where any one of the following circumstances occurs, a report shall be made within ten working days.'],
  ['一线城市 = first-tier cities', '（一）一线城市的首付比例不低于百分之三十。', '(I) The minimum down payment ratio in first-tier cities is 30%.'],
  ['二手房 = second-hand housing', '（一）二手房交易资金应当纳入监管。', '(I) Funds for second-hand housing transactions shall be subject to supervision.'],
  ['两级 = two-tier', '（一）建立总分行两级审批制度。', '(I) A two-tier approval system of head office and branches shall be established.'],
  ['三农 = the three rural issues', '（一）加大对三农领域的信贷支持。', '(I) Credit support for the three rural issues shall be increased.'],
  ['十四五 = the 14th Five-Year Plan', '（一）在十四五期间完成系统改造。', '(I) The system upgrade shall be completed during the 14th Five-Year Plan period.'],
  ['三分之二 = two-thirds', '（一）决议应当经三分之二以上董事同意。', '(I) A resolution shall be approved by more than two-thirds of the directors.'],
  ['三人小组 = a three-member panel (a unit after the hyphen: a count)', '（一）机构应当成立三人小组开展评估。', '(I) The institution shall set up a three-member panel to carry out the assessment.'],
  ['两三个工作日 = two or three working days (an approximate count)', '（一）银行一般在两三个工作日内答复。', '(I) Banks generally reply within two or three working days.'],
  // Hundreds in words (a fifth tester: 二百一十日 = two hundred and ten days read as two and ten).
  ['二百一十日 = two hundred and ten days', '（一）资料应当保存二百一十日。', '(I) The materials shall be kept for two hundred and ten days.'],
  ['一百三十五日 = one hundred thirty-five days', '（一）资料应当保存一百三十五日。', '(I) The materials shall be kept for one hundred thirty-five days.'],
  ['一百个工作日 = a hundred working days', '（一）资料应当保存一百个工作日。', '(I) The materials shall be kept for a hundred working days.'],
  ['三百万元 = RMB three million (a scale after the hundreds)', '（一）罚款三百万元。', '(I) A fine of RMB three million shall be imposed.'],
  // Counts of agencies and parties without a classifier.
  ['三部门 = the three departments', '（一）三部门联合开展专项检查。', '(I) The three departments jointly carry out special inspections.'],
  ['三部门 = the PBOC, the CSRC and the NFRA (the departments named)', '（一）三部门联合开展专项检查。',
    '(I) The PBOC, the CSRC and the NFRA jointly carry out special inspections.'],
  ['人民银行、证监会和金融监管总局 = the three regulators (the other direction)', '（一）人民银行、证监会和金融监管总局联合开展专项检查。',
    '(I) The three regulators jointly carry out special inspections.'],
  ['两部门 = both departments', '（一）两部门应当在五个工作日内互相通报。', '(I) Both departments shall notify each other within five working days.'],
  ['三部委 = the three ministries and commissions', '（一）三部委共同制定实施细则。', '(I) The three ministries and commissions jointly formulate the implementing rules.'],
  ['四部门联合 = jointly by the four financial regulatory authorities', '（一）本通知由四部门联合印发。',
    '(I) This Notice is jointly issued by the four financial regulatory authorities.'],
  ['五方 = the five parties', '（一）五方应当建立联席会议制度。', '(I) The five parties shall establish a joint meeting system.'],
  ['3部门 = three departments', '（一）3部门联合开展专项检查。', '(I) Three departments jointly carry out special inspections.'],
  ['三个部门 = the PBOC, the CSRC and the NFRA', '（一）三个部门联合开展专项检查。', '(I) The PBOC, the CSRC and the NFRA jointly carry out special inspections.'],
  ['三个部门 = the three departments', '（一）三个部门联合开展专项检查。', '(I) The three departments jointly carry out special inspections.'],
  // Orders' and announcements' numbers.
  ['证监会令（第28号） = CSRC Order No. 28', '（一）依据《证券发行管理办法》（中国证券监督管理委员会令（第28号））制定本规定。',
    '(I) These provisions are formulated in accordance with the Measures for Securities Issuance (CSRC Order No. 28).'],
  ['第28号令 = Order No. 28', '（一）依据第28号令制定本规定。', '(I) These provisions are formulated in accordance with Order No. 28.'],
  ['〔2025〕第28号令 = Order No. 28 (a year on one side only)', '（一）依据〔2025〕第28号令制定本规定。',
    '(I) These provisions are formulated in accordance with Order No. 28.'],
  ['第28号令 = CSRC Order (No. 28)', '（一）依据中国证监会第28号令制定本规定。', '(I) These provisions are formulated in accordance with CSRC Order (No. 28).'],
  ['第28号令 = the No. 28 Order', '（一）依据中国证监会第28号令制定本规定。', '(I) These provisions are formulated in accordance with the No. 28 Order of the CSRC.'],
  ['令第28号 = Decree No. 28', '（一）依据令第28号制定本规定。', '(I) These provisions are formulated in accordance with Decree No. 28.'],
  ['公告2025年第3号 = Announcement No. 3 [2025]', '（一）依据国家外汇管理局公告2025年第3号办理。', '(I) It shall be handled in accordance with SAFE Announcement No. 3 [2025].'],
  ['公告（2025年第3号） = Announcement No. 3 [2025]', '（一）依据中国人民银行公告（2025年第3号）办理。', '(I) It shall be handled in accordance with Announcement No. 3 [2025] of the PBOC.'],
  ['2025年第3号公告 = Announcement [2025] No. 3', '（一）依据2025年第3号公告办理。', '(I) It shall be handled in accordance with Announcement [2025] No. 3.'],
];

for (const [what, zh, en] of quiet) {
  test(`translation checks, quiet: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), []);
  });
}

const faults: [string, string, string, string[]][] = [
  ['三个工作日 translated as five working days', '（一）双方应当在三个工作日内完成交割。', '(I) The two parties shall complete the delivery within five working days.',
    ['3 translation-mismatch: The translation has the number five where the original has the number 三.']],
  ['五个工作日 translated as three working days (the other direction)', '（一）双方应当在五个工作日内完成交割。',
    '(I) The two parties shall complete the delivery within three working days.',
    ['3 translation-mismatch: The translation has the number three where the original has the number 五.']],
  ['两名董事 translated as three directors', '（一）公司应当至少有两名独立董事。', '(I) The company shall have at least three independent directors.',
    ['3 translation-mismatch: The translation has the number three where the original has the number 两.']],
  ['two working days where the original double-checks within three', '（一）支付机构应当在三个工作日内进行二次确认。',
    '(I) Payment institutions shall double-check within two working days.',
    ['3 translation-mismatch: The translation has the number two where the original has the number 三.']],
  ['二百一十日 translated as two hundred and twenty days', '（一）资料应当保存二百一十日。', '(I) The materials shall be kept for two hundred and twenty days.',
    ['3 translation-mismatch: The translation has the number two hundred and twenty where the original has the number 二百一十.']],
  ['三部门 translated as the four departments', '（一）三部门联合开展专项检查。', '(I) The four departments jointly carry out special inspections.',
    ['3 translation-mismatch: The translation has the number four where the original has the number 三.']],
  ['三个部门 translated as the two departments', '（一）三个部门联合开展专项检查。', '(I) The two departments jointly carry out special inspections.',
    ['3 translation-mismatch: The translation has the number two where the original has the number 三.']],
  ['三家银行 translated as four banks (a count of banks is no count of agencies)', '（一）三家银行联合开展专项检查。', '(I) Four banks jointly carry out special inspections.',
    ['3 translation-mismatch: The translation has the number Four where the original has the number 三.']],
  ['五人小组 translated as a three-member panel', '（一）机构应当成立五人小组开展评估。', '(I) The institution shall set up a three-member panel to carry out the assessment.',
    ['3 translation-mismatch: The translation has the number three where the original has the number 五.']],
  ['a two-way mechanism where the original counts three working days', '（一）建立双向通报机制，并在三个工作日内通报。',
    '(I) A two-way notification mechanism shall be established, and notice shall be given within two working days.',
    ['3 translation-mismatch: The original has the number 三; this clause does not.']],
  ['三方 translated as the two parties', '（一）银行、企业和托管机构三方应当签订协议。', '(I) The two parties shall sign an agreement.',
    ['3 translation-mismatch: The translation has the number two where the original has the number 三.']],
  ['a count of days the translation leaves out, next to a count of departments', '（一）三部门应当在十个工作日内联合开展专项检查。',
    '(I) The three departments shall jointly carry out special inspections promptly.',
    ['3 translation-mismatch: The original has the number 十; this clause does not.']],
  ['证监会令（第28号） translated as CSRC Order No. 18', '（一）依据《证券发行管理办法》（中国证券监督管理委员会令（第28号））制定本规定。',
    '(I) These provisions are formulated in accordance with the Measures for Securities Issuance (CSRC Order No. 18).',
    ['3 translation-mismatch: The translation cites CSRC Order No. 18 where the original cites 令（第28号）.']],
  ['令第28号 translated as Order No. 18', '（一）依据令第28号制定本规定。', '(I) These provisions are formulated in accordance with Order No. 18.',
    ['3 translation-mismatch: The translation cites Order No. 18 where the original cites 令第28号.']],
  ['〔2025〕第28号令 translated as Order [2024] No. 28', '（一）依据〔2025〕第28号令制定本规定。',
    '(I) These provisions are formulated in accordance with Order [2024] No. 28.',
    ['3 translation-mismatch: The translation cites Order [2024] No. 28 where the original cites 依据〔2025〕第28号.']],
  ['公告2025年第3号 translated as Announcement No. 4 [2025]', '（一）依据国家外汇管理局公告2025年第3号办理。',
    '(I) It shall be handled in accordance with SAFE Announcement No. 4 [2025].',
    ['3 translation-mismatch: The translation cites SAFE Announcement No. 4 [2025] where the original cites 国家外汇管理局公告2025年第3号.']],
  ['公告（2025年第3号） translated as Announcement No. 3 [2024]', '（一）依据中国人民银行公告（2025年第3号）办理。',
    '(I) It shall be handled in accordance with Announcement No. 3 [2024] of the PBOC.',
    ['3 translation-mismatch: The translation cites Announcement No. 3 [2024] where the original cites 公告（2025年第3号）.']],
];

for (const [what, zh, en, expected] of faults) {
  test(`translation checks, reported: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), expected);
  });
}

test('translation checks: an order\'s number in the header, on two lines, is compared with the translation\'s', () => {
  const original = lines('中国证券监督管理委员会令', '第 28 号', '', '《证券发行管理办法》已经中国证券监督管理委员会审议通过，现予公布。', '',
    '第一条 为了规范证券发行行为，制定本办法。', '第二条 发行人应当在五个工作日内公告。');
  const translation = (number: number) => lines(`CSRC Order No. ${number}`, '', 'The Measures for Securities Issuance, deliberated and adopted by the CSRC, are hereby promulgated.', '',
    'Article 1 These Measures are formulated to regulate securities issuance.', 'Article 2 The issuer shall make an announcement within five working days.');
  assert.deepEqual(checksOf(align(original, translation(28))), []);
  assert.deepEqual(checksOf(align(original, translation(18))), ['1 translation-mismatch: The translation cites CSRC Order No. 18 where the original cites 中国证券监督管理委员会令第 28 号.']);
});

/** A notice that defines two terms in its first article, in the original's order and in the translation's reversed one. */
function reserveFunds(articles: { zh: string[]; en: string[] }) {
  return align(
    lines('非银行支付机构客户备付金存管办法', '', '第一条　为规范非银行支付机构（以下简称支付机构）接收的客户备付金（以下简称“备付金”）的存管，制定本办法。', ...articles.zh),
    lines('Measures for the Depository of Customer Reserve Funds of Non-bank Payment Institutions', '',
      'Article 1 These Measures are formulated to regulate the depository of customer reserve funds ("Reserve Funds") received by non-bank payment institutions ("payment institutions").',
      ...articles.en),
  );
}

const ARTICLES = {
  zh: ['第二条　支付机构应当在一家存管银行开立备付金集中存管账户。', '第三条　支付机构应当建立健全内部控制制度。', '第四条　备付金不得被挪用。'],
  en: ['Article 2 Payment institutions shall open a centralized depository account for Reserve Funds with one depository bank.',
    'Article 3 Payment institutions shall establish sound internal control systems.', 'Article 4 Reserve Funds shall not be misappropriated.'],
};

function termsOf(alignment: ReturnType<typeof align>): string[] {
  return alignment.terms.map((term) => `${term.original.term} = ${term.translation.term}`);
}

test('defined terms: two definitions the translator reordered pair by the sentences that use them, quiet', () => {
  const alignment = reserveFunds(ARTICLES);
  assert.deepEqual(termsOf(alignment), ['支付机构 = payment institutions', '备付金 = Reserve Funds']);
  assert.deepEqual(checksOf(alignment), []);
});

test('defined terms: a term the translation drops in one article is found once the reordered pair is right', () => {
  const alignment = reserveFunds({ zh: ARTICLES.zh, en: [...ARTICLES.en.slice(0, 2), 'Article 4 Customer funds shall not be misappropriated.'] });
  assert.deepEqual(termsOf(alignment), ['支付机构 = payment institutions', '备付金 = Reserve Funds']);
  assert.deepEqual(checksOf(alignment), ['6 translation-term: The original uses the defined term 备付金 here; this clause never uses its translation "Reserve Funds".']);
});

test('defined terms: reordered definitions that no later sentence tells apart are left unpaired, not paired in order', () => {
  const alignment = reserveFunds({ zh: [ARTICLES.zh[0]!], en: [ARTICLES.en[0]!] });
  assert.deepEqual(termsOf(alignment), []);
  assert.deepEqual(checksOf(alignment), []);
});

test('defined terms: agencies reordered by the translator pair by the agency each abbreviates', () => {
  const alignment = align(
    lines('关于跨境支付的通知', '', '一、中国人民银行（以下简称人民银行）和国家外汇管理局（以下简称外汇局）共同监督。'),
    lines('Notice on Cross-border Payments', '',
      'I. The State Administration of Foreign Exchange (hereinafter referred to as the "SAFE") and the People\'s Bank of China (the "PBOC") jointly supervise.'),
  );
  assert.deepEqual(termsOf(alignment), ['人民银行 = PBOC', '外汇局 = SAFE']);
});

test('defined terms: a single definition on each side of a sentence pair still pairs', () => {
  const alignment = align(
    lines('关于存款代币的通知', '', '一、商业银行发行的存款代币（以下简称代币）应当足额兑付。', '二、代币不得用于投机。'),
    lines('Notice on Deposit Tokens', '', 'I. Deposit tokens issued by commercial banks (the "Tokens") shall be redeemed in full.', 'II. Tokens shall not be used for speculation.'),
  );
  assert.deepEqual(termsOf(alignment), ['代币 = Tokens']);
});
