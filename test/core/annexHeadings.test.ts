/**
 * Attachments' headings (issue 10): 附件1, 附件, Annex 2: …, `## Annex 1` are clauses above parts; the labels after
 * one nest under it and number afresh; numbered headings of one word are a sequence. The attachment list, sentences
 * and references that mention an annex stay prose. References into an annex, the outline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationsOf, hoverAt, lines, outlineOf, problemCodesOf, symbolsOf } from './fixture';

const NOTICE_WITH_MEASURES = lines(
  '关于印发《支付业务管理办法》的通知',
  '',
  '一、各机构应当遵照执行。',
  '二、本通知自印发之日起施行。',
  '',
  '附件：支付业务管理办法',
  '',
  '中国人民银行',
  '2026年1月5日',
  '',
  '附件',
  '',
  '《支付业务管理办法》',
  '第一章 总则',
  '第一条 为了规范支付业务，制定本办法。',
  '第二条 本办法适用于支付机构。',
  '第二章 附则',
  '第三条 本办法自印发之日起施行。',
);

// [what, text, outline (labels, two spaces per level), numbering problems as `line:col code`]
const trees: [string, string, string, string[]][] = [
  ['a bare 附件 heads the measures a notice publishes: their chapters and articles nest under it', NOTICE_WITH_MEASURES,
    lines('一、', '二、', '附件', '  第一章', '    第一条', '    第二条', '  第二章', '    第三条'), []],
  ['an annex\'s 第一条 after the body\'s 第十二条 is no problem', lines('第十一条 甲。', '第十二条 乙。', '附件1', '第一条 丙。', '第二条 丁。'),
    lines('第十一条', '第十二条', '附件1', '  第一条', '  第二条'), []],
  ['附件1, 附件 2, 附件３ are one sequence, each closing the one before', lines('一、甲。', '附件1', '一、乙。', '附件 2', '1. 丙。', '附件３', '（一）丁。'),
    lines('一、', '附件1', '  一、', '附件 2', '  1.', '附件３', '  （一）'), []],
  ['a gap and a duplicate among numbered annexes are reported', lines('附件1', '一、甲。', '附件3', '一、乙。', '附件3', '一、丙。'),
    lines('附件1', '  一、', '附件3', '  一、', '附件3', '  一、'), ['3:1 numbering-gap', '5:1 numbering-duplicate']],
  ['附件一 附件二, 附表1 numbered apart from 附件', lines('附件一', '一、甲。', '附件二', '附表1', '1. 乙。'),
    lines('附件一', '  一、', '附件二', '附表1', '  1.'), []],
  ['a heading with its title after a colon or a space', lines('一、甲。', '附件2：金融机构名单', '1. 乙银行。', '附件3 报告模板', '一、基本情况'),
    lines('一、', '附件2', '  1.', '附件3', '  一、'), []],
  ['English: Annex 1, Annex II, Appendix, Attachment 2: title, Schedule A', lines('I. General', '(I) Scope.', 'Annex 1', 'Article 1 Purpose.', 'Annex II',
    '1. First.', 'Appendix', '(a) Forms.', 'Attachment 2: List of Institutions', '1. Banks.', 'Schedule A', '1. Fees.'),
  lines('I.', '  (I)', 'Annex 1', '  Article 1', 'Annex II', '  1.', 'Appendix', '  (a)', 'Attachment 2', '  1.', 'Schedule A', '  1.'), []],
  ['Markdown: ## Annex 1 closes the body and the sections before', lines('# Notice', '## 1. Scope', 'Text.', '## Annex 1', '1. First.', '## Annex 2', '1. Second.'),
    lines('Notice', '  1.', '  Annex 1', '    1.', '  Annex 2', '    1.'), []],
  // Not headings.
  ['the attachment list on one line, and "附件：" before list lines, are no headings: the list\'s items stay the body\'s',
    lines('一、甲。', '二、乙。', '附件：1.《甲办法》2.《乙办法》', '', '附件：', '  1.《甲办法》', '  2.《乙办法》'), lines('一、', '二、', '  1.', '  2.'), []],
  ['"附件：" before a part 一、 heads an attachment', lines('一、甲。', '附件：', '一、总则'), lines('一、', '附件', '  一、'), []],
  ['an unnumbered label with a title is the list; the annex is the bare heading after it', lines('一、甲。', '附件：跨境融资风险加权余额计算方法', '', '附件', '1. 计算公式。'),
    lines('一、', '附件', '  1.'), []],
  ['titled lines one after another are the list, not headings', lines('一、甲。', '附件1：募集说明书编制要求', '附件2：定期报告编制要求', '附件1', '一、总则', '附件2', '一、总则'),
    lines('一、', '附件1', '  一、', '附件2', '  一、'), []],
  ['a file name is no title', lines('一、甲。', '附件1： 参数设置.docx', '二、乙。'), lines('一、', '二、'), []],
  ['sentences that begin with an annex stay prose', lines('一、甲。', '附件1所列机构应当报告。', '附件规定的方法适用于试点。', 'Annex 2 sets out the list.', 'Annex 1 of this Notice applies.',
    'Annex 2, paragraph (a) applies.', 'Annexes: 1. Forms', '二、乙。'), lines('一、', '二、'), []],
  ['a reference or a mention inside a line is no heading', lines('一、见附件3。', '二、按照附件2规定的方法计算。', 'I. As set out in Annex 2, the banks report.'), lines('一、', '二、', 'I.'), []],
  ['"附件：" alone before the measures\' title is their heading', lines('一、甲。', '附件：', '境内外汇帐户管理规定', '第一章 总则', '第一条 乙。'),
    lines('一、', '附件', '  第一章', '    第一条'), []],
  ['"附件：" before the signature is a heading with nothing numbered under it', lines('一、甲。', '附件：', '中国人民银行', '2026年1月5日'),
    lines('一、', '附件'), []],
];

for (const [what, text, outline, problems] of trees) {
  test(`annex heading: ${what}`, () => {
    assert.equal(outlineOf(text), outline);
    assert.deepEqual(problemCodesOf(text).filter((problem) => problem.includes('numbering')), problems);
  });
}

const referencesOf = (text: string) => annotationsOf(text, ['clauseRef']);
const r = (text: string, target: string, at: string) => `clauseRef "${text}" → ${target} @${at}`;

const NOTICE_WITH_TWO_ANNEXES = lines(
  '第一条 甲。',
  '第二条 乙。',
  '第三条 丙。',
  '附件1',
  '第一条 丁。',
  '第二条 戊：',
  '（一）己；',
  '（二）庚。',
  '第三条 辛。',
  '附件2',
  '第一条 壬。',
  '第二条 癸：',
  '（一）子；',
  '（二）丑。',
  '第三条 寅。',
);

const ENGLISH_WITH_ANNEXES = lines(
  'Article 1 Scope.',
  'Article 2 Duties:',
  '(a) report;',
  '(b) disclose.',
  'Article 3 Effect.',
  'Annex 1',
  'Article 1 Forms.',
  'Article 2 Filing.',
  'Article 3 Deadlines.',
  'Annex 2: List of Institutions',
  'Article 1 Banks:',
  '(a) policy banks;',
  '(b) commercial banks.',
);

// [what, text, references found with their targets (label@line)]
const references: [string, string, string[]][] = [
  ['附件1第三条 and 附件2第二条第（一）项 resolve in their annex', lines(NOTICE_WITH_TWO_ANNEXES, '依照附件1第三条和附件2第二条第（一）项办理。'),
    [r('附件1第三条', '第三条@9', '16:3'), r('附件2第二条第（一）项', '（一）@13', '16:10')]],
  ['附件 2第二条第（二）项, a space after 附件', lines(NOTICE_WITH_TWO_ANNEXES, '见附件 2第二条第（二）项。'), [r('附件 2第二条第（二）项', '（二）@14', '16:2')]],
  ['第三条 alone in an annex resolves as it did: the first 第三条', lines(NOTICE_WITH_TWO_ANNEXES, '第四条 依照第三条办理。'),
    [r('第三条', '第三条@3', '16:7')]],
  ['附件第一条: the unnumbered annex', lines('第一条 甲。', '附件', '第一条 乙。', '第二条 依照附件第一条。'), [r('附件第一条', '第一条@3', '4:7')]],
  ['Article 3 of Annex 1, and Annex 2, paragraph (a)', lines(ENGLISH_WITH_ANNEXES, 'See Article 3 of Annex 1 and Annex 2, paragraph (a).'),
    [r('Article 3 of Annex 1', 'Article 3@9', '14:5'), r('Annex 2, paragraph (a)', '(a)@12', '14:30')]],
  ['附件２ alone names the attachment, as "Attachment 2" does', lines(NOTICE_WITH_TWO_ANNEXES, '按照附件２的要求和附件1报送。'),
    [r('附件２', '附件2@10', '16:3'), r('附件1', '附件1@4', '16:10')]],
  ['附件一并报送 and 附件三份 name no attachment', lines('第一条 连同附件一并报送，附件三份。', '附件一', '第一条 乙。'), []],
  ['《办法》（附件1）: the title\'s document is the attachment, not a part of it', lines('第一条 遵循《企业银行结算账户管理办法》（附件1）执行。', '附件1', '第一条 乙。'),
    [r('附件1', '附件1@2', '1:22')]],
];

for (const [what, text, expected] of references) {
  test(`annex reference: ${what}`, () => {
    assert.deepEqual(referencesOf(text), expected);
  });
}

// The outline: an attachment is a top-level symbol, named by its label and title (the next line's when it stands alone).
const outlines: [string, string, string][] = [
  ['the measures a notice publishes, under 附件 named by their title', NOTICE_WITH_MEASURES,
    lines('一、 各机构应当遵照执行 [Part]', '二、 本通知自印发之日起施行 [Part]', '附件 《支付业务管理办法》 [Annex]', '  第一章 总则 [Chapter]', '    第一条 为了规范支付业务，制定本办法 [Article]',
      '    第二条 本办法适用于支付机构 [Article]', '  第二章 附则 [Chapter]', '    第三条 本办法自印发之日起施行 [Article]')],
  ['a titled heading and an English one', lines('一、甲。', '附件2：金融机构名单', '1. 乙银行。', 'Annex 3: Forms', '1. Forms of banks.'),
    lines('一、 甲 [Part]', '附件2 金融机构名单 [Annex]', '  1. 乙银行 [Item]', 'Annex 3 Forms [Annex]', '  1. Forms of banks [Item]')],
];

for (const [what, text, expected] of outlines) {
  test(`annex outline: ${what}`, () => {
    assert.equal(symbolsOf(text), expected);
  });
}

test('annex headings: the hover on an attachment\'s heading names it an attachment, not a part', () => {
  assert.match(hoverAt(lines('关于开展试点的通知', '', '一、总则', '', '附$0件１', '', '《试点办法》', '', '第一条 目的。')) ?? '', /attachment ·/);
  assert.match(hoverAt(lines('Notice on the Pilot', '', 'I. General', '', 'Annex$0 1', '', 'Article 1 Purpose.')) ?? '', /attachment ·/);
});

// A list begun after a colon on the line before: its next item is no gap (附件：1．… then 2．…).
const listsAfterColon: [string, string, string[]][] = [
  ['the attachment list, its first item after 附件：', lines('一、甲。', '二、乙。', '附件：1．试点办法', '      2．报送说明'), []],
  ['materials listed after a colon, in brackets', lines('第一条 申请人应当提交材料：（1）申请书；', '（2）营业执照。'), []],
  ['附：1. then 2. (full-width digits)', lines('一、甲。', '二、乙。', '附：１.审批表', '２.通知书'), []],
  ['a list that skips its first item is still a gap', lines('一、甲。', '二、乙：', '2．报送说明'), ['3:1 numbering-gap']],
  ['the item before is not the one after the colon', lines('一、甲。', '二、乙：1．试点办法', '4．报送说明'), ['3:1 numbering-gap']],
];

for (const [what, text, problems] of listsAfterColon) {
  test(`lists begun after a colon: ${what}`, () => {
    assert.deepEqual(problemCodesOf(text).filter((problem) => problem.includes('numbering')), problems);
  });
}
