/**
 * The last accuracy faults of issue 10's alignment, each as a class with its near misses: an extra clause (or a
 * missing one) next to a clause it shares nothing with is not half of a split or a merge, wherever it stands; a real
 * split whose second half takes a new number stays a split; a long pair of renumbered copies re-synchronises on its
 * numbers after a duplicated or missing one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from './fixture';
import { align, checksOf, pairsOf } from './alignmentFixture';

/** A notice on bank card acquiring in nine items, each a line. */
const CARDS_ZH = [
  '中国人民银行关于规范银行卡收单业务的通知',
  '',
  '各银行、支付机构：',
  '为维护银行卡收单市场秩序，防范支付风险，现就有关事项通知如下：',
  '（一）收单机构应当对特约商户实行实名制管理，严格审核特约商户的营业执照和经营场所。',
  '（二）收单机构应当建立特约商户风险评级制度，对高风险商户每年至少开展2次现场检查。',
  '（三）收单机构不得将收单交易资金结算至非特约商户本人的银行账户，不得为特约商户伪造交易信息。',
  '（四）收单机构应当在与特约商户终止协议后的30日内收回受理终端，并在60日内注销其商户编码。',
  '（五）收单机构发现特约商户疑似套现的，应当立即暂停为其提供收单服务，并在5个工作日内向当地人民银行分支机构报告。',
  '（六）收单机构应当妥善保存特约商户资料和交易记录，保存期限至少为10年。',
  '（七）收单机构应当在每年3月31日前完成对外包服务机构的年度检查。',
  '（八）收单机构违反本通知规定的，中国人民银行将依法处以1万元以上3万元以下罚款。',
  '（九）人民银行各分支机构应当将本通知转发至辖区内各城市商业银行、农村商业银行、农村合作银行和村镇银行，并督促其认真贯彻执行。',
];

const CARDS_EN = [
  'Notice of the People\'s Bank of China on Regulating the Bank Card Acquiring Business',
  '',
  'To all banks and payment institutions:',
  'In order to maintain the order of the bank card acquiring market and prevent payment risks, the relevant matters are hereby notified as follows:',
  '(1) Acquirers shall manage merchants under their real names and strictly examine their business licences and business premises.',
  '(2) Acquirers shall establish a risk rating system for merchants and carry out on-site inspections of high-risk merchants at least 2 times a year.',
  '(3) Acquirers shall not settle acquiring funds to a bank account that is not the merchant\'s own, and shall not forge transaction information for merchants.',
  '(4) Acquirers shall recover the acceptance terminals within 30 days after terminating the agreement with a merchant, and cancel its merchant code within 60 days.',
  '(5) Where an acquirer finds that a merchant is suspected of cashing out, it shall immediately suspend its acquiring services and report to the local branch of the People\'s Bank of China within 5 working days.',
  '(6) Acquirers shall properly keep merchant information and transaction records for at least 10 years.',
  '(7) Acquirers shall complete the annual inspection of their outsourcing service providers before March 31 each year.',
  '(8) The People\'s Bank of China will impose a fine of not less than RMB 10,000 but not more than RMB 30,000 on acquirers that violate this Notice according to law.',
  '(9) The branches of the PBOC shall forward this Notice to the banks in their jurisdiction and see to its implementation.',
];

const FAITHFUL_CARDS = CARDS_ZH.slice(4).map((line, k) => `${line.slice(0, line.indexOf('）') + 1)}=(${k + 1})`);

/** The English notice with the line of item `label` ("(3)") replaced by some lines (or dropped: none). */
function cardsEnWith(changes: Record<string, string[]>): string {
  return lines(...CARDS_EN.flatMap((line) => changes[/^\(\d+\)/.exec(line)?.[0] ?? ''] ?? [line]));
}

/** The English notice with its item numbers from `from` on raised by one (after an item split or inserted). */
function renumberedFrom(from: number, text: string[]): string[] {
  return text.map((line) => line.replace(/^\((\d+)\)/, (label, number: string) => (Number(number) >= from ? `(${Number(number) + 1})` : label)));
}

/** "（四）=(5)" … "（九）=(10)": the pairs after a split or an extra item at (n), each item one number on. */
function shiftedFrom(n: number): string[] {
  return FAITHFUL_CARDS.slice(n - 1).map((pair) => pair.replace(/\((\d+)\)$/, (_, number: string) => `(${Number(number) + 1})`));
}

/** The numbering findings of the items renumbered after a split or an extra item at (n): "line: (5) translates （四）…". */
function renumberedFindings(n: number, firstLine: number): string[] {
  return shiftedFrom(n).map((pair, k) => {
    const [zh, en] = pair.split('=');
    return `${firstLine + k} translation-numbering: ${en} translates ${zh} of the original: the numbers disagree.`;
  });
}

const EXTRA_AT_END = '(10) Banks shall report the implementation of this Notice to the local branch of the PBOC by the end of each year.';

test('faithful cards notice: every item with its number, no finding', () => {
  const alignment = align(lines(...CARDS_ZH), lines(...CARDS_EN));
  assert.deepEqual(pairsOf(alignment), FAITHFUL_CARDS);
  assert.deepEqual(checksOf(alignment), []);
});

test('class 1: an extra last item naming only the agency its neighbour already shares is an extra clause, not a split', () => {
  const alignment = align(lines(...CARDS_ZH), lines(...CARDS_EN, EXTRA_AT_END));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_CARDS, '=(10)']);
  assert.deepEqual(checksOf(alignment), ['14 translation-extra-clause: Clause (10) has no counterpart in the original.']);
});

test('class 1, the original\'s direction: a last item the translation lacks is a missing clause, not merged into the item before', () => {
  const tenth = '（十）各银行应当于每年年末前向人民银行当地分支机构报告本通知的执行情况。';
  const ninth = '(9) The branches of the People\'s Bank of China shall forward this Notice to the city commercial banks, rural commercial banks, rural cooperative banks and village banks in their jurisdiction, and urge them to implement it conscientiously.';
  const alignment = align(lines(...CARDS_ZH, tenth), cardsEnWith({ '(9)': [ninth] }));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_CARDS, '（十）=']);
  assert.deepEqual(checksOf(alignment), ['13 translation-missing-clause: Clause （十） of the original has no counterpart in the translation.']);
});

/** Rules of the PBOC in articles, each a line: an excerpt from 第二条 on. */
const RULES_ZH = [
  '中国人民银行征信业务管理办法（节选）',
  '',
  '第二条　征信机构采集个人信息应当经信息主体本人同意，中国人民银行另有规定的除外。',
  '第三条　征信机构应当建立信息安全管理制度，中国人民银行对征信机构的信息安全实施监督管理。',
  '第四条　征信机构应当自收到异议申请之日起20日内进行核查和处理，并将结果书面答复异议人。',
  '第五条　征信机构不得采集个人的宗教信仰、基因、指纹、血型、疾病和病史信息。',
  '第六条　信息主体每年可以免费查询本人的信用报告2次。',
];

const RULES_EN = [
  'Measures of the People\'s Bank of China for the Administration of Credit Reporting Business (Excerpt)',
  '',
  'Article 2 A credit reporting agency that collects personal information shall obtain the consent of the information subject, unless the People\'s Bank of China provides otherwise.',
  'Article 3 Credit reporting agencies shall establish information security management systems, and the People\'s Bank of China supervises and administers their information security.',
  'Article 4 A credit reporting agency shall verify and handle an objection within 20 days after receiving it, and reply to the objector in writing.',
  'Article 5 Credit reporting agencies shall not collect information on an individual\'s religious beliefs, genes, fingerprints, blood type, diseases or medical history.',
  'Article 6 An information subject may inquire about his or her own credit report free of charge 2 times a year.',
];

const FAITHFUL_RULES = ['第二条=Article 2', '第三条=Article 3', '第四条=Article 4', '第五条=Article 5', '第六条=Article 6'];

test('rules: the faithful excerpt pairs every article with its number, no finding', () => {
  const alignment = align(lines(...RULES_ZH), lines(...RULES_EN));
  assert.deepEqual(pairsOf(alignment), FAITHFUL_RULES);
  assert.deepEqual(checksOf(alignment), []);
});

test('class 1 at the start: an extra first article whose number the excerpt lacks is an extra clause, though the article after it is short', () => {
  const first = 'Article 1 These Measures are formulated in accordance with the Law of the People\'s Bank of China to regulate credit reporting business.';
  const second = 'Article 2 Credit reporting agencies need consent to collect personal information, unless the PBOC provides otherwise.';
  const alignment = align(lines(...RULES_ZH), lines(...RULES_EN.slice(0, 2), first, second, ...RULES_EN.slice(3)));
  assert.deepEqual(pairsOf(alignment), ['=Article 1', ...FAITHFUL_RULES]);
  assert.deepEqual(checksOf(alignment), ['3 translation-extra-clause: Clause Article 1 has no counterpart in the original.']);
});

test('class 1 in the middle, the original\'s direction: an inserted 第三条之一 the translation lacks is missing, not merged into a long Article 3', () => {
  const inserted = '第三条之一　中国人民银行分支机构负责辖区内征信机构的日常监督管理。';
  const third = 'Article 3 Credit reporting agencies shall establish information security management systems, and the People\'s Bank of China and its branches supervise and administer their information security and their daily operations.';
  const alignment = align(lines(...RULES_ZH.slice(0, 4), inserted, ...RULES_ZH.slice(4)), lines(...RULES_EN.slice(0, 3), third, ...RULES_EN.slice(4)));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_RULES.slice(0, 2), '第三条之一=', ...FAITHFUL_RULES.slice(2)]);
  assert.deepEqual(checksOf(alignment), ['5 translation-missing-clause: Clause 第三条之一 of the original has no counterpart in the translation.']);
});

test('class 1 in the middle: an item the original lacks (its numbering skips it) is an extra clause, not part of a short item before', () => {
  const withoutSix = CARDS_ZH.filter((line) => !line.startsWith('（六）'));
  const fifth = '(5) Acquirers shall suspend services to merchants suspected of cashing out and report to the PBOC within 5 working days.';
  const sixth = '(6) Acquirers shall report their merchant management to the local branch of the People\'s Bank of China.';
  const alignment = align(lines(...withoutSix), cardsEnWith({ '(5)': [fifth], '(6)': [sixth] }));
  assert.deepEqual(pairsOf(alignment), FAITHFUL_CARDS.map((pair) => (pair.startsWith('（六）') ? '=(6)' : pair)));
  assert.deepEqual(checksOf(alignment), ['10 translation-extra-clause: Clause (6) has no counterpart in the original.']);
});

test('class 1, near miss: a last item split in two stays a split though the original has no （十） (its sentence divides where the halves do)', () => {
  const ninth = '(9) The branches of the People\'s Bank of China shall forward this Notice to the city commercial banks, rural commercial banks, rural cooperative banks and village banks in their jurisdiction.';
  const tenth = '(10) They shall see that it is implemented.';
  const alignment = align(lines(...CARDS_ZH), cardsEnWith({ '(9)': [ninth, tenth] }));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_CARDS.slice(0, -1), '（九）=(9)+(10)']);
  assert.deepEqual(checksOf(alignment), ['14 translation-numbering: (9) and (10) both translate （九） of the original: it is split.']);
});

/** （三） split in two: as two sentences, and as one sentence whose second half goes on under a new number. */
const SPLITS_OF_THE_THIRD: [string, string[]][] = [
  ['two sentences', [
    '(3) Acquirers shall not settle acquiring funds to a bank account that is not the merchant\'s own.',
    '(4) Acquirers shall not forge transaction information for merchants.',
  ]],
  ['a sentence going on', [
    '(3) Acquirers shall not settle acquiring funds to a bank account that is not the merchant\'s own, and',
    '(4) shall not forge transaction information for merchants.',
  ]],
];

for (const [how, split] of SPLITS_OF_THE_THIRD) {
  test(`class 3: an item split in two (${how}) whose second half takes a new number is a split, reported once, and the items after it renumbered`, () => {
    const alignment = align(lines(...CARDS_ZH), lines(...renumberedFrom(4, CARDS_EN).flatMap((line) => (line.startsWith('(3)') ? split : [line]))));
    assert.deepEqual(pairsOf(alignment), [...FAITHFUL_CARDS.slice(0, 2), '（三）=(3)+(4)', ...shiftedFrom(4)]);
    assert.deepEqual(checksOf(alignment), [
      '8 translation-numbering: (3) and (4) both translate （三） of the original: it is split.',
      ...renumberedFindings(4, 9),
    ]);
  });
}

test('class 3, the original\'s direction: two items the translation merges into one, the items after it renumbered', () => {
  const original = CARDS_ZH.map((line) => line.replace(/^（([四五六七八九])）/, (_, numeral: string) => `（${'四五六七八九十'['四五六七八九'.indexOf(numeral) + 1]}）`))
    .flatMap((line) => (line.startsWith('（三）') ? ['（三）收单机构不得将收单交易资金结算至非特约商户本人的银行账户。', '（四）收单机构不得为特约商户伪造交易信息。'] : [line]));
  const alignment = align(lines(...original), lines(...CARDS_EN));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_CARDS.slice(0, 2), '（三）+（四）=(3)',
    ...FAITHFUL_CARDS.slice(3).map((pair) => pair.replace(/^（(.)）/, (_, numeral: string) => `（${'四五六七八九十'['四五六七八九'.indexOf(numeral) + 1]}）`))]);
  assert.deepEqual(checksOf(alignment), [
    '7 translation-numbering: (3) translates both （三） and （四） of the original: they are merged.',
    ...[4, 5, 6, 7, 8, 9].map((n, k) => `${8 + k} translation-numbering: (${n}) translates （${'五六七八九十'[k]}） of the original: the numbers disagree.`),
  ]);
});

test('class 3, near miss: an extra item after an item translated whole is an extra clause, and the items after it renumbered', () => {
  const extra = '(4) Acquirers shall designate a person in charge of merchant management.';
  const alignment = align(lines(...CARDS_ZH), lines(...renumberedFrom(4, CARDS_EN).flatMap((line) => (line.startsWith('(3)') ? [line, extra] : [line]))));
  assert.deepEqual(pairsOf(alignment), [...FAITHFUL_CARDS.slice(0, 3), '=(4)', ...shiftedFrom(4)]);
  assert.deepEqual(checksOf(alignment), ['8 translation-extra-clause: Clause (4) has no counterpart in the original.', ...renumberedFindings(4, 9)]);
});
