/**
 * Cross-references to clauses of the same document (the forms in server/src/core/scan/references.ts): what is a
 * reference, what it resolves to, where go-to-definition lands, when an unresolved one is a problem, and the
 * references into other documents that are not this document's clauses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationsOf, definitionAt, lines, problemCodesOf } from './fixture';

const referencesOf = (text: string) => annotationsOf(text, ['clauseRef']);
const r = (text: string, target: string, at: string) => `clauseRef "${text}" → ${target} @${at}`;

const ENGLISH_NOTICE = lines(
  'I. General',
  '(I) Scope. Providers shall comply.',
  '(II) Wallets. Providers shall verify identity.',
  'The verification shall be completed before the first payment.',
  'II. Risks',
  '(III) Monitoring.',
  '(IV) Sharing.',
  '(5) No services.',
  '(6) Stablecoins.',
);

const CHINESE_NOTICE = lines(
  '一、总体要求',
  '（一）服务范围。支付机构应当合规经营。',
  '（二）钱包管理。支付机构应当核验身份。',
  '前款规定的身份核验应当在首笔支付前完成。',
  '二、风险防范',
  '（三）风险监测。',
  '（四）信息共享。',
);

const CHINESE_RULES = lines(
  '第一条 为了规范支付业务，制定本办法。',
  '第二条 本办法适用于支付机构。',
  '支付机构应当遵守本办法。',
  '第三条 支付机构应当核验客户身份。',
);

/** The 前款 on line 4 of CHINESE_NOTICE. */
const PRECEDING = r('前款', '（二）@3', '4:1');

// [what, text, references found with their targets (label@line)]
const cases: [string, string, string[]][] = [
  // English.
  ['Clause (II)', lines(ENGLISH_NOTICE, 'See Clause (II).'), [r('Clause (II)', '(II)@3', '10:5')]],
  ['Clause (I) of this Notice', lines(ENGLISH_NOTICE, 'See Clause (I) of this Notice.'), [r('Clause (I) of this Notice', '(I)@2', '10:5')]],
  ['Clause (5), written after a style switch', lines(ENGLISH_NOTICE, 'under Clause (5),'), [r('Clause (5)', '(5)@8', '10:7')]],
  ['Clause (V) finds the clause written (5)', lines(ENGLISH_NOTICE, 'under Clause (V),'), [r('Clause (V)', '(5)@8', '10:7')]],
  ['Clause (VIII) names a missing clause', lines(ENGLISH_NOTICE, 'under Clause (VIII).'), [r('Clause (VIII)', 'unresolved', '10:7')]],
  ['Part II of this Notice', lines(ENGLISH_NOTICE, 'See Part II of this Notice.'), [r('Part II of this Notice', 'II.@5', '10:5')]],
  ['paragraph 2 of Clause (II)', lines(ENGLISH_NOTICE, 'in violation of paragraph 2 of Clause (II),'), [r('paragraph 2 of Clause (II)', '(II)@3', '10:17')]],
  ['lower-case clause', lines(ENGLISH_NOTICE, 'see clause (III).'), [r('clause (III)', '(III)@6', '10:5')]],
  ['reference broken across a line', lines(ENGLISH_NOTICE, 'as required by Clause', '(IV) of this Notice.'), [r('Clause⏎(IV) of this Notice', '(IV)@7', '10:16')]],
  ['a list: Clauses (5) and (6)', lines(ENGLISH_NOTICE, 'under Clauses (5) and (6) of this Notice;'),
    [r('Clauses (5)', '(5)@8', '10:7'), r('(6) of this Notice', '(6)@9', '10:23')]],
  ['a decimal paragraph number is no reference to paragraph 2', lines(ENGLISH_NOTICE, 'see paragraph 2.1 above.'), []],
  ['第（二）项 in an article without items is not another article\'s item', lines('第一条 甲：', '（一）子；', '（二）丑。', '第二条 违反第（二）项的。'), [r('第（二）项', 'unresolved', '4:7')]],
  ['a list into another document is that document\'s', lines(ENGLISH_NOTICE, 'under Articles 3 and 4 of the Securities Law;'),
    [r('Articles 3', 'external (unnamed)', '10:7'), r('4', 'external (unnamed)', '10:22')]],
  ['Article 2 of these Measures', lines('Article 1 Purpose.', 'Article 2 Scope.', 'Article 3 Penalties under Article 2 of these Measures.'),
    [r('Article 2 of these Measures', 'Article 2@2', '3:27')]],
  ['paragraph 2 of Article 1', lines('Article 1 Purpose.', 'The second paragraph.', 'Article 2 As in paragraph 2 of Article 1.'),
    [r('paragraph 2 of Article 1', 'Article 1@1', '3:17')]],
  ['Article 9 names a missing article', lines('Article 1 Purpose.', 'Article 2 See Article 9.'), [r('Article 9', 'unresolved', '2:15')]],
  ['a clause label at line start is not a reference to itself', lines('(I) a', '(II) b'), []],

  // Chinese.
  ['第（二）项', lines(CHINESE_NOTICE, '依照第（二）项执行。'), [PRECEDING, r('第（二）项', '（二）@3', '8:3')]],
  ['本通知第（三）项', lines(CHINESE_NOTICE, '依托本通知第（三）项建立的机制。'), [PRECEDING, r('本通知第（三）项', '（三）@6', '8:3')]],
  ['本通知第（一）项 and 第（四）项', lines(CHINESE_NOTICE, '本通知第（一）项、第（四）项'), [PRECEDING, r('本通知第（一）项', '（一）@2', '8:1'), r('第（四）项', '（四）@7', '8:10')]],
  ['第（二）项第二款', lines(CHINESE_NOTICE, '违反本通知第（二）项第二款规定的。'), [PRECEDING, r('本通知第（二）项第二款', '（二）@3', '8:3')]],
  ['前款', CHINESE_NOTICE, [PRECEDING]],
  ['本通知第五条 in a notice numbered 一、二、', lines(CHINESE_NOTICE, '三、其他', '四、其他', '五、组织实施', '按照本通知第五条要求。'),
    [PRECEDING, r('本通知第五条', '五、@10', '11:3')]],
  ['第二条', lines(CHINESE_RULES, '第四条 违反第二条规定的，予以处罚。'), [r('第二条', '第二条@2', '5:7')]],
  ['本办法第二条', lines(CHINESE_RULES, '第四条 违反本办法第二条的，予以处罚。'), [r('本办法第二条', '第二条@2', '5:7')]],
  ['第二条第二款', lines(CHINESE_RULES, '第四条 违反第二条第二款的，予以处罚。'), [r('第二条第二款', '第二条@2', '5:7')]],
  ['第二条第二款 with CRLF line ends', lines(CHINESE_RULES, '第四条 违反第二条第二款的。').replace(/\n/g, '\r\n'), [r('第二条第二款', '第二条@2', '5:7')]],
  ['第二条第二款 with lone CR line ends', lines(CHINESE_RULES, '第四条 违反第二条第二款的。').replace(/\n/g, '\r'), [r('第二条第二款', '第二条@2', '5:7')]],
  ['paragraph 2 of Clause (II) with lone CR line ends', lines(ENGLISH_NOTICE, 'under paragraph 2 of Clause (II).').replace(/\n/g, '\r'),
    [r('paragraph 2 of Clause (II)', '(II)@3', '10:7')]],
  ['本法第一条', lines(CHINESE_RULES, '第四条 依照本法第一条处理。'), [r('本法第一条', '第一条@1', '5:7')]],
  ['第十三条之一', lines('第十三条 甲。', '第十三条之一 乙。', '第十四条 见第十三条之一。'), [r('第十三条之一', '第十三条之一@2', '3:7')]],
  ['第一章', lines('第一章 总则', '第一条 甲', '第二章 附则', '第二条 适用第一章的规定。'), [r('第一章', '第一章@1', '4:7')]],
  ['Arabic article numbers', lines('第1条 甲', '第2条 见第1条。'), [r('第1条', '第1条@1', '2:6')]],
  ['a label at line start is not a reference', lines('第一条 甲', '第二条 乙'), []],

  // Into other documents: references into that document, never resolved here. Named by a title, a number, a short
  // name or "the same notice" when regtext can tell which (the workspace resolves it); unnamed when it cannot.
  ['Article 5 of the Securities Law', lines('Article 1 A.', 'Article 2 See Article 5 of the Securities Law.'), [r('Article 5', 'external (unnamed)', '2:15')]],
  ['section 5 of this title', 'under section 5 of this title', [r('section 5', 'external (unnamed)', '1:7')]],
  ['Clause (IV) of a quoted notice', lines(ENGLISH_NOTICE, 'see Clause (IV) of the "Notice on Payments".'), [r('Clause (IV)', 'external 《Notice on Payments》', '10:5')]],
  ['《证券法》第十条', lines(CHINESE_RULES, '第四条 依照《证券法》第十条处理。'), [r('第十条', 'external 《证券法》', '5:12')]],
  ['《证券法》第十条和第十二条', lines(CHINESE_RULES, '第四条 依照《中华人民共和国证券法》第十条和第十二条处理。'),
    [r('第十条', 'external 《中华人民共和国证券法》', '5:19'), r('第十二条', 'external 《中华人民共和国证券法》', '5:23')]],
  ['刑法第一百九十一条', lines(CHINESE_RULES, '第四条 依照刑法第一百九十一条处理。'), [r('第一百九十一条', 'external (unnamed)', '5:9')]],
  ['证券法第十条第二款', lines(CHINESE_RULES, '第四条 依照证券法第十条第二款处理。'), [r('第十条第二款', 'external (unnamed)', '5:10')]],
  ['Clause (5) of a notice by number', lines(ENGLISH_NOTICE, 'as required by Clause (5) of Yinfa [2026] No. 42,'), [r('Clause (5)', 'external 银发〔2026〕42号', '10:16')]],
  ['a list of clauses of a notice by number', lines(ENGLISH_NOTICE, 'see Clauses (5) and (8) of Yinfa [2026] No. 42.'),
    [r('Clauses (5)', 'external 银发〔2026〕42号', '10:5'), r('(8)', 'external 银发〔2026〕42号', '10:21')]],
  ['第（八）项 of a notice by number and 文', lines(CHINESE_NOTICE, '依照银发〔2026〕42号文第（八）项执行。'), [PRECEDING, r('第（八）项', 'external 银发〔2026〕42号', '8:15')]],
  ['a title with its number, then the article', lines(CHINESE_RULES, '依照《人民币银行结算账户管理办法》（中国人民银行令〔2003〕第5号）第十条处理。'),
    [r('第十条', 'external 中国人民银行令〔2003〕5号', '5:36')]],
  ['a customary short name', lines(CHINESE_NOTICE, '按照237号文第（三）项执行。'), [PRECEDING, r('第（三）项', 'external 《237号文》', '8:8')]],
  ['the same notice, English', lines(ENGLISH_NOTICE, 'See Yinfa [2026] No. 42 and Clause (6) of the same notice.'),
    [r('Clause (6)', 'external 银发〔2026〕42号', '10:29')]],
  ['该通知, Chinese', lines(CHINESE_NOTICE, '银发〔2026〕42号已作规定，该通知第（五）项同样适用。'), [PRECEDING, r('第（五）项', 'external 银发〔2026〕42号', '8:20')]],
  ['a short name the document defines', lines(ENGLISH_NOTICE, 'The Notice (Yinfa [2026] No. 42, hereinafter the "2026 Notice") applies.', 'See Clause (II) of the 2026 Notice.'),
    [r('Clause (II)', 'external 银发〔2026〕42号', '11:5')]],
  ['the document\'s own number points into itself', lines('Notice on Payments', 'Yinfa [2026] No. 118', ENGLISH_NOTICE, 'See Clause (II) of Yinfa [2026] No. 118.'),
    [r('Clause (II)', '(II)@5', '12:5')]],
];

for (const [what, text, expected] of cases) {
  test(`reference: ${what}`, () => {
    assert.deepEqual(referencesOf(text), expected);
  });
}

// Go to definition on a reference: the target line and the text selected there.
const definitions: [string, string, string | undefined][] = [
  ['Clause (II) → the label (II)', lines(ENGLISH_NOTICE, 'See Clause (I$0I).'), 'line 3: "(II)"'],
  ['Clause (V) → the label (5)', lines(ENGLISH_NOTICE, 'See Clause $0(V).'), 'line 8: "(5)"'],
  ['paragraph 2 of Clause (II) → the paragraph', lines(ENGLISH_NOTICE, 'under paragraph$0 2 of Clause (II)'),
    'line 4: "The verification shall be completed before the first payment."'],
  ['前款 → the paragraph before', lines(CHINESE_NOTICE.replace('前款', '前$0款')), 'line 3: "（二）钱包管理。支付机构应当核验身份。"'],
  ['第二条第二款 → the second paragraph', lines(CHINESE_RULES, '第四条 违反第二条第二$0款的。'), 'line 3: "支付机构应当遵守本办法。"'],
  ['第三条第二款 whose paragraph has its own list → the paragraph', lines('第三条 有下列情形之一的，属于情节严重：', '（一）数额较大的；', '（二）次数较多的。',
    '具有下列情形之一的，属于情节特别严重：', '（一）数额巨大的；', '（二）造成严重后果的。', '第四条 具有本解释第三条第二$0款规定情形的，从重处罚。'),
  'line 4: "具有下列情形之一的，属于情节特别严重："'],
  ['第（三）项 → the label', lines(CHINESE_NOTICE, '依照第（三$0）项。'), 'line 6: "（三）"'],
  ['a list member inherits the article and paragraph: 第二条第一款第（一）项至第（二）项', lines('第一条 甲：', '（一）子；', '（二）丑。', '第二条 乙：', '（一）寅；', '（二）卯。', '第三条 违反本办法第二条第一款第（一）项至第（二$0）项的。'), 'line 6: "（二）"'],
  ['本条 → the article it stands in', lines('第一条 甲。', '第二条 乙。', '违反本$0条规定的，予以处罚。'), 'line 2: "第二条"'],
  ['前条 → the article before', lines('第一条 甲。', '第二条 违反前$0条的，予以处罚。'), 'line 1: "第一条"'],
  ['the preceding paragraph → the paragraph before', lines('Article 1 Scope.', 'Firms shall report.', 'The report under the preceding para$0graph is due in May.'), 'line 2: "Firms shall report."'],
  ['this Article → the article it stands in', lines('Article 1 Scope.', 'Article 2 Reports.', 'A breach of this Art$0icle is fined.'), 'line 2: "Article 2"'],
  ['前两款 → the two paragraphs before', lines('第一条 甲。', '乙。', '丙。', '违反前两$0款的，予以处罚。'), 'line 2: "乙。⏎丙。"'],
  ['前三款 → the three paragraphs before', lines('第一条 甲。', '乙。', '丙。', '违反前三$0款的，予以处罚。'), 'line 1: "第一条 甲。⏎乙。⏎丙。"'],
  ['cursor just after the reference', lines(ENGLISH_NOTICE, 'See Clause (II)$0.'), 'line 3: "(II)"'],
  ['an unresolved reference goes nowhere', lines(ENGLISH_NOTICE, 'See Clause (VI$0II).'), undefined],
  ['plain text goes nowhere', lines(ENGLISH_NOTICE, 'S$0ee.'), undefined],
];

for (const [what, fixture, expected] of definitions) {
  test(`reference definition: ${what}`, () => {
    assert.equal(definitionAt(fixture), expected);
  });
}

// Unresolved references are problems only when they should be.
const unresolved: [string, string, string[]][] = [
  ['explicitly internal, English', lines(ENGLISH_NOTICE, 'See Clause (XXI) of this Notice.'), ['10:5 unresolved-reference']],
  ['explicitly internal, Chinese', lines(CHINESE_NOTICE, '本通知第（十一）项规定的。'), ['8:1 unresolved-reference']],
  ['explicitly internal, no clauses at all', 'Text citing Article 9 of this Notice.', ['1:13 unresolved-reference']],
  ['just past the numbering', lines(ENGLISH_NOTICE, 'under Clause (VIII).'), ['10:7 unresolved-reference']],
  ['far beyond the numbering: another law\'s article', lines(CHINESE_RULES, '依照第一百七十三条处理。'), []],
  ['no clauses of that kind at all', 'Text with Clause (IX) only.', []],
  ['resolved', lines(ENGLISH_NOTICE, 'See Clause (II).'), []],
  ['into another document', lines(CHINESE_RULES, '依照《证券法》第十条处理。'), []],
];

for (const [what, text, expected] of unresolved) {
  test(`unresolved reference: ${what}`, () => {
    assert.deepEqual(problemCodesOf(text).filter((problem) => problem.includes('unresolved')), expected);
  });
}
