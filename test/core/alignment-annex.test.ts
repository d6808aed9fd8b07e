/**
 * Attachments in translation (issue 10): 附件1 ↔ Annex 1 / Appendix 1 / Attachment 1, 附件 ↔ Annex, 附件一 ↔ Annex I pair
 * by number like other structural labels, and the articles of an annex pair with the articles of its counterpart,
 * not with the body's of the same number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { align, assertFaithful, pairsOf } from './alignmentFixture';
import { lines } from './fixture';

const HEADER_ZH = lines('关于印发《支付业务管理办法》的通知', '银发〔2026〕12号', '');
const HEADER_EN = lines('Notice on Issuing the Measures for the Administration of Payment Business', 'Yinfa [2026] No. 12', '');

/** A notice of three articles and two attachments of three articles each, the English heading them with `word`. */
function noticeWithAnnexes(zhAnnex: (n: number) => string, enAnnex: (n: number) => string): { zh: string; en: string } {
  const zh = [HEADER_ZH, '第一条 支付机构应当于每年3月31日前报送年度报告。', '第二条 支付机构应当保存交易记录5年。', '第三条 本通知自2026年1月1日起施行。', ''];
  const en = [HEADER_EN, 'Article 1 A payment institution shall submit its annual report by 31 March each year.',
    'Article 2 A payment institution shall keep its transaction records for 5 years.', 'Article 3 This Notice shall take effect on 1 January 2026.', ''];
  for (const n of [1, 2]) {
    zh.push(zhAnnex(n), '', `第一条 备付金账户应当开立在${n + 1}家以内的商业银行。`, `第二条 支付机构应当在${n * 10}个工作日内报告。`, '第三条 本附件自印发之日起施行。', '');
    en.push(enAnnex(n), '', `Article 1 Reserve accounts shall be opened with no more than ${n + 1} commercial banks.`,
      `Article 2 A payment institution shall report within ${n * 10} working days.`, 'Article 3 This attachment shall take effect upon issuance.', '');
  }
  return { zh: lines(...zh), en: lines(...en) };
}

const BODY = ['第一条=Article 1', '第二条=Article 2', '第三条=Article 3'];

const styles: [string, (n: number) => string, (n: number) => string, (n: number) => string, (n: number) => string][] = [
  ['附件1 ↔ Annex 1', (n) => `附件${n}`, (n) => `Annex ${n}`, (n) => `附件${n}`, (n) => `Annex ${n}`],
  ['附件 1 ↔ Appendix 1', (n) => `附件 ${n}`, (n) => `Appendix ${n}`, (n) => `附件 ${n}`, (n) => `Appendix ${n}`],
  ['附件１ ↔ Attachment 1', (n) => `附件${String.fromCharCode(0xff10 + n)}`, (n) => `Attachment ${n}`, (n) => `附件${String.fromCharCode(0xff10 + n)}`, (n) => `Attachment ${n}`],
  ['附件一 ↔ Annex I', (n) => `附件${'一二'[n - 1]}`, (n) => `Annex ${'I'.repeat(n)}`, (n) => `附件${'一二'[n - 1]}`, (n) => `Annex ${'I'.repeat(n)}`],
  ['附件2：名单 ↔ Annex 2: List', (n) => `附件${n}：金融机构名单`, (n) => `Annex ${n}: List of Financial Institutions`, (n) => `附件${n}`, (n) => `Annex ${n}`],
];

for (const [what, zhAnnex, enAnnex, zhLabel, enLabel] of styles) {
  test(`alignment of annexes: ${what}, each annex's articles with its counterpart's`, () => {
    const annexPairs = [1, 2].flatMap((n) => [`${zhLabel(n)}=${enLabel(n)}`, '第一条=Article 1', '第二条=Article 2', '第三条=Article 3']);
    assertFaithful({ ...noticeWithAnnexes(zhAnnex, enAnnex), pairs: [...BODY, ...annexPairs] });
  });
}

test('alignment of annexes: a bare 附件 ↔ Annex, after the attachment list of each side', () => {
  const zh = lines(HEADER_ZH, '一、支付机构应当于每年3月31日前报送年度报告。', '二、本通知自2026年1月1日起施行。', '', '附件：备付金管理办法', '',
    '附件', '', '备付金管理办法', '第一条 备付金账户应当开立在2家以内的商业银行。', '第二条 支付机构应当在10个工作日内报告。');
  const en = lines(HEADER_EN, 'I. A payment institution shall submit its annual report by 31 March each year.', 'II. This Notice shall take effect on 1 January 2026.', '',
    'Annex: Measures for the Administration of Reserve Funds', '', 'Annex', '', 'Measures for the Administration of Reserve Funds',
    'Article 1 Reserve accounts shall be opened with no more than 2 commercial banks.', 'Article 2 A payment institution shall report within 10 working days.');
  assertFaithful({ zh, en, pairs: ['一、=I.', '二、=II.', '附件=Annex', '第一条=Article 1', '第二条=Article 2'] });
});

test('alignment of annexes: a translation that drops an annex\'s heading leaves it without counterpart, not its articles', () => {
  const { zh, en } = noticeWithAnnexes((n) => `附件${n}`, (n) => `Annex ${n}`);
  const pairs = pairsOf(align(zh, en.replace('Annex 2\n', 'Second attachment\n')));
  assert.ok(pairs.includes('附件2='), pairs.join('\n'));
  assert.equal(pairs.filter((pair) => pair === '第一条=Article 1').length, 3, pairs.join('\n'));
});
