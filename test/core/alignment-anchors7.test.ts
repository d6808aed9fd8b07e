/**
 * What a translation says alike, a sixth independent test (issue 10): an agency's office named by its parent ("the
 * Shanghai Head Office and all branches of the PBOC" for 人民银行上海总部，各分行) is no other agency; a list run inline,
 * (1) … (2) …, is no number; a translator's note in brackets is not the notice's text. Quiet where the two agree,
 * reported where they do not, in both directions, with the near misses that must stay quiet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from './fixture';
import { align, checksOf } from './alignmentFixture';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';

/** A two-item notice: the original's first item is `zh`, the translation's is `en`. */
function pairOf(zh: string, en: string) {
  return align(
    lines('关于加强客户资金管理的通知', '', zh, '（二）各单位应当于每年年末前报告执行情况。'),
    lines('Notice on Strengthening the Management of Customer Funds', '', en, '(II) Each institution shall report the implementation before the end of each year.'),
  );
}

const quiet: [string, string, string][] = [
  // An office named by its parent.
  ['人民银行上海总部，各分行 = the Shanghai Head Office and all branches of the PBOC', '（一）请人民银行上海总部，各分行将本通知转发至辖区内各有关机构。',
    '(I) The Shanghai Head Office and all branches of the PBOC are requested to forward this Notice to the relevant institutions within their jurisdictions.'],
  ['人民银行 = the Shanghai Head Office of the PBOC (the other way)', '（一）请人民银行将本通知转发至辖区内各有关机构。',
    '(I) The Shanghai Head Office of the PBOC is requested to forward this Notice to the relevant institutions.'],
  ['中国人民银行上海分行 = the PBOC (a local office by its parent)', '（一）中国人民银行上海分行负责辖区内的监督检查。',
    '(I) The PBOC is responsible for supervision and inspection within the jurisdiction.'],
  // Lists run inline.
  ['（一）…（二）… inline = (1) … (2) … inline', '（一）本办法下列用语的含义：（一）服务机构，是指提供服务的机构；（二）重要外包，是指对业务有重大影响的外包。',
    '(I) The following terms in these Measures have the following meanings: (1) service provider means an institution that provides services; (2) material outsourcing means outsourcing that has a significant impact on business.'],
  ['（1）…（2）… inline = (1) … (2) … inline', '（一）申请人应当提交下列材料：（1）申请书；（2）营业执照；（3）章程。',
    '(I) The applicant shall submit the following materials: (1) an application; (2) a business licence; (3) the articles of association.'],
  ['五个工作日 = five (5) working days', '（一）机构应当在五个工作日内报告。', '(I) The institution shall report within five (5) working days.'],
  // Translator's notes.
  ['a translator\'s note with a year and an agency', '（一）本通知自发布之日起施行。',
    '(I) This Notice shall come into force on the date of issuance. [Translator\'s note: the China Banking and Insurance Regulatory Commission was replaced by the NFRA in 2023.]'],
  ['a note in square brackets, hard-wrapped', '（一）本通知自发布之日起施行。',
    lines('(I) This Notice shall come into force on the date of issuance. [Note: this Notice replaced the', 'one issued in 2019 by 3 departments.]')],
  ['a translator\'s note in parentheses (TN: …)', '（一）本通知自发布之日起施行。',
    '(I) This Notice shall come into force on the date of issuance (TN: the notice of 2019 had 12 articles).'],
  // Words in square brackets are the translator's, whatever they begin with (a seventh tester's unofficial translation).
  ['a bracketed insertion: an amount in another currency', '（一）单户贷款余额原则上不超过20万元。',
    '(I) The balance of loans to a single borrower shall in principle not exceed RMB 200,000 [about USD 28,000].'],
  ['a bracketed insertion over two lines, with an agency and a year', '（一）本通知由国家金融监督管理总局负责解释。',
    lines('(I) The National Financial Regulatory Administration [the NFRA, which replaced the former China', 'Banking and Insurance Regulatory Commission in 2023] shall interpret this Notice.')],
  ['a bracketed insertion that says when', '（一）本通知自发布之日起施行。', '(I) This Notice [issued in 2019] shall come into force on the date of issuance.'],
  // "one" is a number before a unit only (an eighth tester's faithful pair).
  ['百分之一 = one percent', '（一）平均担保费率原则上不超过百分之一，担保金额的比例不低于百分之八十。',
    '(I) In principle the average guarantee fee shall be no more than one percent, and the guaranteed amount at least eighty percent.'],
  ['"one of" counts nothing', '（一）银行应当报告。', '(I) Each bank, and any one of its branches, shall report.'],
  // A scale as the unit of a table, and copies in words (a ninth tester's faithful lines).
  ['单位为人民币万元 = in units of RMB 10,000', '（一）金额单位为人民币万元，保留两位小数。', '(I) Amounts are in units of RMB 10,000, to two decimal places.'],
  ['一式两份 = in duplicate', '（一）申请表一式两份。', '(I) The application form shall be made out in duplicate.'],
  ['【译者注】 in a Chinese translation of an English original', '（一）本通知自发布之日起施行。【译者注：2023年由金融监管总局承接。】',
    '(I) This Notice shall come into force on the date of issuance.'],
];

for (const [what, zh, en] of quiet) {
  test(`translation checks, quiet: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), []);
  });
}

const faults: [string, string, string, string[]][] = [
  ['财政部 translated as the Ministry of Commerce (two agencies, neither an office of the other)', '（一）财政部负责资金拨付。',
    '(I) The Ministry of Commerce is responsible for allocating the funds.',
    ['3 translation-mismatch: The translation names Ministry of Commerce where the original names 财政部.']],
  ['人民银行上海总部 translated as the CSRC Shanghai Bureau', '（一）请人民银行上海总部将本通知转发至辖区内各有关机构。',
    '(I) The CSRC Shanghai Bureau is requested to forward this Notice to the relevant institutions.',
    ['3 translation-mismatch: The translation names CSRC Shanghai Bureau where the original names 人民银行上海总部.']],
  ['a number inside an inline list still compared', '（一）申请人应当提交下列材料：（1）申请书；（2）近三年的财务报告。',
    '(I) The applicant shall submit the following materials: (1) an application; (2) the financial reports of the last five years.',
    ['3 translation-mismatch: The translation has the number five where the original has the number 三.']],
  ['a notice number\'s year in square brackets still compared', '（一）依据《关于规范金融机构资产管理业务的指导意见》（银发〔2018〕106号）执行。',
    '(I) This shall be implemented under the Guiding Opinions on Regulating the Asset Management Business of Financial Institutions (Yinfa [2018] No. 160).',
    ['3 translation-mismatch: The translation cites Yinfa [2018] No. 160 where the original cites 银发〔2018〕106号.']],
  ['one percent where the original has 百分之二', '（一）平均担保费率原则上不超过百分之二。', '(I) In principle the average guarantee fee shall be no more than one percent.',
    ['3 translation-mismatch: The translation has one percent where the original has 百分之二.']],
  ['a year outside the note still compared', '（一）本通知自2026年1月1日起施行。',
    '(I) This Notice shall come into force on 1 January 2027. [Translator\'s note: it replaced the notice of 2019.]',
    ['3 translation-mismatch: The translation has the date 1 January 2027 where the original has the date 2026年1月1日.']],
];

for (const [what, zh, en, expected] of faults) {
  test(`translation checks, reported: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), expected);
  });
}

test('agencies: an id that starts with another agency\'s id and a hyphen is an office of that agency (the checks rely on it)', () => {
  const { agencies } = builtinKnowledgeData.agencies;
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  for (const agency of agencies) {
    for (let cut = agency.id.indexOf('-'); cut > 0; cut = agency.id.indexOf('-', cut + 1)) {
      const prefix = byId.get(agency.id.slice(0, cut));
      if (prefix) assert.equal(agency.parent, prefix.id, `${agency.id} reads as an office of ${prefix.id}`);
    }
  }
});

// A number in a short quoted name names a policy, counting nothing.
const names: [string, string, string, string[]][] = [
  ['金融“五篇大文章” = the “Five Priorities” in finance', '（一）做好金融“五篇大文章”。', '(I) Deliver on the "Five Priorities" in finance.', []],
  ['“两会” = the “Two Sessions”', '（一）“两会”期间加强值守。', '(I) Duty shall be strengthened during the “Two Sessions”.', []],
  ['“三农” = the “three rural issues”, with a count outside the quotes', '（一）加大对“三农”的支持，在三个月内完成。',
    '(I) Support for the “three rural issues” shall be increased and completed within three months.', []],
  ['《…“五篇大文章”…》 (a cited title, masked) = the Guiding Opinions … on the "Five Priorities" in Finance (a title unmarked)',
    '（一）按照《国务院办公厅关于做好金融“五篇大文章”的指导意见》的要求，将优化支付服务纳入重要工作日程。',
    '(I) Payment services shall be put high on the agenda as required by the Guiding Opinions of the General Office of the State Council on the "Five Priorities" in Finance.', []],
  ['a count outside the quotes still compared', '（一）做好金融“五篇大文章”，在三个月内完成。', '(I) Deliver on the “Five Priorities” in finance within six months.',
    ['3 translation-mismatch: The translation has the number six where the original has the number 三.']],
];

for (const [what, zh, en, expected] of names) {
  test(`translation checks, numbers in quoted names: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), expected);
  });
}

// A value one side gives more often than the other, while the other side gives a value it lacks: a mismatch.
const surplus: [string, string, string, string[]][] = [
  ['a table row with 0.5% twice where the original has 万分之五 and 千分之五', '（一）费率如下：第三级｜万分之五｜千分之五。',
    '(I) The rates are as follows: Level 3 | 0.5% | 0.5%.',
    ['3 translation-mismatch: The translation has 0.5% where the original has 万分之五.']],
  ['10% twice in the original where the translation gives 10% and 20%', '（一）（1）个人为10%；（2）机构为10%。',
    '(I) (1) 10% for individuals; (2) 20% for institutions.',
    ['3 translation-mismatch: The translation has 20% where the original has 10%.']],
  ['a number repeated in the translation, nothing lacking: quiet', '（一）应当在30日内报告，逾期未报告的，责令改正。',
    '(I) A report shall be made within 30 days; where no report is made within the 30 days, correction shall be ordered.', []],
  ['an agency named twice in the translation: quiet', '（一）人民银行负责监督，财政部予以配合。',
    '(I) The PBOC is responsible for supervision, and the Ministry of Finance shall cooperate with the PBOC.', []],
];

for (const [what, zh, en, expected] of surplus) {
  test(`translation checks, a value given more often: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), expected);
  });
}

// An attachment named by its number is a name on both sides, whether or not the references read it.
const annexNames: [string, string, string][] = [
  ['按照附件２的要求 = as required by Attachment 2', '（一）试点银行应当按照附件２的要求报送数据。', '(I) The pilot bank shall submit data as required by Attachment 2.'],
  ['附表3 = Schedule 3', '（一）按照附表3填报。', '(I) Fill in the form in Schedule 3.'],
  ['附件二 = Annex II', '（一）按照附件二的格式报送。', '(I) Report in the format of Annex II.'],
];

for (const [what, zh, en] of annexNames) {
  test(`translation checks, quiet: ${what}`, () => {
    assert.deepEqual(checksOf(pairOf(zh, en)), []);
  });
}
