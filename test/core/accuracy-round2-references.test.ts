/**
 * References and numbering on drafting regtext had not seen (issue 8, round 2): units documents name themselves
 * (Rule 2.1.2, Recital (C), resolutions 1 to 3, steps 1.1 to 2.2, Annex 1, 第（二）项第2目), relative references in memos
 * and lists (the preceding paragraph as a block of text, 前两项 in the nearest list), references into a part of this
 * document (本判决第二项, 本意见第二项), laws' chapter numbers (香港法例第571章, Cap. 571) as other documents, and the outline
 * (unnumbered headings, lists that restart after a lead-in, articles quoted inside a list item). Both languages, with
 * near misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationsOf, lines, outlineOf, problemCodesOf, referencesAt, shown, singleDocument, symbolsOf, textIn, withCursor } from './fixture';

const r = (text: string, target: string, at: string) => `clauseRef "${text}" → ${target} @${at}`;

/** The references of a text, `"text" → label@line`, in order; only those whose words contain `only`, if given. */
function referencesOf(text: string, only?: string): string[] {
  return annotationsOf(text, ['clauseRef']).filter((line) => only === undefined || line.split('"')[1]!.includes(only));
}

/** Every place go-to-definition lands: `line N: "label"`, in order. */
function definitionsAt(fixture: string): string[] {
  const { text, offset } = withCursor(fixture);
  const { service, document, analysis } = singleDocument(text);
  return service.definition(document, analysis.lines.positionAt(offset))
    .map((link) => `line ${link.targetSelectionRange.start.line + 1}: "${shown(textIn(analysis, link.targetSelectionRange))}"`);
}

const referenceProblems = (text: string) => problemCodesOf(text).filter((problem) => problem.endsWith('unresolved-reference'));
const numberingProblems = (text: string) => problemCodesOf(text).filter((problem) => problem.includes('numbering'));

// ---------------------------------------------------------------------------------------------------------------
// 1. Units a document names itself, English.

const RULE_BOOK = lines(
  'Chapter 2 Admission',
  '2.1 General',
  '2.1.1 An applicant shall satisfy the following conditions:',
  '(1) it is duly incorporated;',
  '(2) it has a trading record;',
  '(3) it has working capital.',
  '2.1.2 An applicant that fails any of conditions (1) to (3) of Rule 2.1.1 is not admitted.',
  '2.1.3 Rules 2.1.1 to 2.1.3 apply to every applicant. The preceding Rule does not apply to banks. See Rule 2.1.1(2).',
  '2.2 Continuing obligations',
  '2.2.1 An issuer shall comply with Rule 2.1.2 and Rule 11 of the Federal Rules of Civil Procedure.',
);

const referenceCases: [string, string, string[]][] = [
  ['conditions (1) to (3) of Rule 2.1.1: every condition, inside the rule', RULE_BOOK.split('\n').slice(0, 7).join('\n'), [
    r('conditions (1)', '(1)@4', '7:38'), r('conditions (1) to (3) of Rule 2.1.1', '(2)@5', '7:38'), r('(3) of Rule 2.1.1', '(3)@6', '7:56')]],
  ['Rules 2.1.1 to 2.1.3, the preceding Rule, Rule 2.1.1(2)', RULE_BOOK.split('\n').slice(0, 8).join('\n').replace(/^2\.1\.2 .*$/m, '2.1.2 Other.'), [
    r('Rules 2.1.1', '2.1.1@3', '8:7'), r('Rules 2.1.1 to 2.1.3', '2.1.2@7', '8:7'), r('2.1.3', '2.1.3@8', '8:22'),
    r('The preceding Rule', '2.1.2@7', '8:54'), r('Rule 2.1.1(2)', '(2)@5', '8:102')]],
  ['Rule 2.1.2 names the decimal; Rule 11 of another rule book is no item (11)', RULE_BOOK.split('\n').slice(9).join('\n'), [
    r('Rule 2.1.2', 'unresolved', '1:35'), r('Rule 11', 'external (unnamed)', '1:50')]],
  ['steps 1.1 to 2.2 cross their parents', lines('1. Prepare', '1.1 Draft', '1.2 Approve', '2. Meet', '2.1 Count', '2.2 Record', 'Steps 1.1 to 2.2 finish in June.'), [
    r('Steps 1.1', '1.1@2', '7:1'), r('Steps 1.1 to 2.2', '1.2@3', '7:1'), r('Steps 1.1 to 2.2', '2.1@5', '7:1'), r('2.2', '2.2@6', '7:14')]],
  ['sections of a memo numbered 1. 2. 3. 4., and (III) below', lines(
    '1. Background', 'Text.', '2. Analysis', 'See sections 2 and 3 and section 4 below.', '3. Conclusion', 'As in section 2 above (see Section 3).',
    '4. Next steps', '(I) Review.', '(II) Sign.', '(III) File.', 'Items (I) and (II) are urgent; item (III) below is not.'), [
    r('sections 2', '2.@3', '4:5'), r('3', '3.@5', '4:20'), r('section 4', '4.@7', '4:26'),
    r('section 2', '2.@3', '6:7'), r('Section 3', '3.@5', '6:28'),
    r('Items (I)', '(I)@8', '11:1'), r('(II)', '(II)@9', '11:15'), r('item (III)', '(III)@10', '11:32')]],
  ['"Article 4" in a memo numbered 1. to 4. is still no item 4.', lines('1. A', '2. B', '3. C', '4. D', 'Article 4 of the Company Law applies.'), [
    r('Article 4', 'external (unnamed)', '5:1')]],
];

for (const [what, text, expected] of referenceCases) {
  test(`round 2 reference: ${what}`, () => {
    assert.deepEqual(referencesOf(text), expected);
  });
}

const BOARD_PAPER = lines(
  '# Board paper',
  '',
  '## Recitals',
  '',
  '(A) The Company was incorporated in 2010.',
  '(B) The Board proposes to amend the Articles.',
  '(C) The shareholders must approve.',
  '',
  '## Resolutions',
  '',
  'Resolved as follows:',
  '',
  '1. to approve the amendment described in Recital (C);',
  '2. to authorise the Secretary to file the Articles;',
  '3. to adopt the amended articles below:',
  '',
  '   Article 4 The registered capital is RMB 100 million.',
  '',
  '   Article 5 The Board has nine directors.',
  '',
  '4. that resolutions 1 to 3 above take effect at once.',
  '',
  '## Schedule',
  '',
  '(A) Form of notice.',
  '(B) Form of proxy.',
  '(C) Form of minutes.',
  '',
  'Items 1 and 2 of the Resolutions are urgent; Recital (C) explains why.',
  '',
  '## Annex 1 Amended Articles',
  '',
  'See Annex 1. Annex 2 is to follow.',
);

test('round 2 board paper: the outline has its unnumbered headings, with their labelled items under them', () => {
  assert.equal(outlineOf(BOARD_PAPER), lines(
    'Board paper', '  Recitals', '    (A)', '    (B)', '    (C)', '  Resolutions', '    1.', '    2.', '    3.', '      Article 4', '      Article 5',
    '    4.', '  Schedule', '    (A)', '    (B)', '    (C)', '  Annex 1 Amended Articles'));
  assert.deepEqual(numberingProblems(BOARD_PAPER), []);
});

test('round 2 board paper: Recital (C), resolutions 1 to 3 above, Items 1 and 2 of the Resolutions, Annex 1', () => {
  assert.deepEqual(referencesOf(BOARD_PAPER), [
    r('Recital (C)', '(C)@7', '13:42'),
    r('resolutions 1', '1.@13', '21:9'), r('resolutions 1 to 3', '2.@14', '21:9'), r('3', '3.@15', '21:26'),
    // The Schedule's (C) stands nearer, but a recital is under the heading "Recitals".
    r('Items 1', '1.@13', '29:1'), r('2', '2.@14', '29:13'), r('Recital (C)', '(C)@7', '29:46'),
    r('Annex 1', 'Annex 1 Amended Articles@31', '33:5'), r('Annex 2', 'unresolved', '33:14')]);
  // "Annex 2" may be a document to come: not reported.
  assert.deepEqual(referenceProblems(BOARD_PAPER), []);
});

test('round 2 reference: resolutions 1 and 2 after quoted articles are the resolutions, not items of Article 5', () => {
  const text = lines('Resolved as follows:', '1. to approve the amendment;', '2. to adopt the amended articles below:', 'Article 4 The capital is RMB 100 million.',
    'Article 5 The Board has nine directors.', '3. that resolutions 1 and 2 take effect.');
  assert.deepEqual(referencesOf(text), [r('resolutions 1', '1.@2', '6:9'), r('2', '2.@3', '6:27')]);
  assert.deepEqual(referenceProblems(text), []);
});

test('round 2 board paper: the symbol of an unnumbered heading is its text', () => {
  assert.equal(symbolsOf(lines('## Recitals', '(A) The Company.', '(B) The Board.', '## 背景', '（一）市场变化。')),
    lines('Recitals [Section]', '  (A) The Company [Item]', '  (B) The Board [Item]', '背景 [Section]', '  （一） 市场变化 [Clause]'));
});

test('round 2 definition: a range of decimals lists every member, across parents', () => {
  assert.deepEqual(definitionsAt(lines('1. Prepare', '1.1 Draft', '1.2 Approve', '2. Meet', '2.1 Count', '2.2 Record', 'Steps 1.1 t$0o 2.2 finish in June.')),
    ['line 2: "1.1"', 'line 3: "1.2"', 'line 5: "2.1"', 'line 6: "2.2"']);
});

test('round 2 find references on a rule finds the range that names it', () => {
  assert.deepEqual(referencesAt(lines('2.1.1 A.', '2.1.$02 B.', '2.1.3 C.', '2.2 Rules 2.1.1 to 2.1.3 apply.'), false), ['4:5 "Rules 2.1.1 to 2.1.3"']);
});

// ---------------------------------------------------------------------------------------------------------------
// 1. Units a document names itself, Chinese.

const EXPLANATION = lines(
  '关于修订《上市规则》的说明',
  '一、修订背景',
  '（一）市场变化。',
  '（二）监管要求。',
  '（三）投资者保护。',
  '二、主要内容',
  '（一）完善上市条件。',
  '1. 提高财务指标；',
  '2. 增加合规要求；',
  '3. 明确持续经营要求。前两目适用于主板。',
  '（二）优化审核程序。',
  '（三）加强信息披露。本说明第二部分第（一）项第2目另有规定的，从其规定。',
  '三、其他事项',
  '本说明第一部分第（三）项所述投资者保护，另行规定。前条所述事项同样适用。',
);

test('round 2 reference: 前两目, 第二部分第（一）项第2目, 第一部分第（三）项, 前条 in an explanation numbered 一、二、', () => {
  assert.deepEqual(referencesOf(EXPLANATION), [
    r('前两目', '1.@8', '10:13'), r('前两目', '2.@9', '10:13'),
    r('本说明第二部分第（一）项第2目', '2.@9', '12:11'),
    r('本说明第一部分第（三）项', '（三）@5', '14:1'), r('前条', '二、@6', '14:26')]);
});

test('round 2 reference: 第2.1.1条第（一）项至第（三）项 in guidelines numbered in decimals (the items nest under 2.1.1)', () => {
  const text = lines('2.1 总则', '2.1.1 申请人应当符合下列条件：', '（一）依法设立；', '（二）持续经营；', '（三）资本充足。', '2.1.2 不符合第2.1.1条第（一）项至第（三）项的，不予受理。');
  assert.equal(outlineOf(text), lines('2.1', '  2.1.1', '    （一）', '    （二）', '    （三）', '  2.1.2'));
  assert.deepEqual(referencesOf(text, '第'), [
    r('第2.1.1条第（一）项', '（一）@3', '6:10'), r('第2.1.1条第（一）项至第（三）项', '（二）@4', '6:10'),
    r('第（三）项', '（三）@5', '6:23')]);
});

test('round 2 reference: 本意见第（二）项第2目 is under the opinion\'s own （二）; 前目标 is a word', () => {
  const text = lines('一、总体要求', '（一）坚持依法合规。', '（二）坚持风险为本。', '1. 健全内控；', '2. 强化问责。', '二、工作建议', '本意见第（二）项第2目所述问责，由各单位落实。前目标已完成。');
  assert.deepEqual(referencesOf(text), [r('本意见第（二）项第2目', '2.@5', '7:1')]);
});

// ---------------------------------------------------------------------------------------------------------------
// 2. Relative references in prose and lists.

test('round 2 relative: the preceding paragraph of a memo is the block of text before, not the heading line', () => {
  const memo = lines(
    'MEMORANDUM', '', '1. Background', '', 'The Company is listed in Hong Kong.', 'It has two subsidiaries.', '', '2. Analysis', '',
    'The preceding paragraph describes the facts.', '', 'The preceding two paragraphs set out the law.');
  const { analysis } = singleDocument(memo);
  const spans = analysis.references.map((reference) => `${reference.text} → ${shown(analysis.text.slice(reference.targetSpan!.start, reference.targetSpan!.end))}`);
  assert.deepEqual(spans, [
    'The preceding paragraph → The Company is listed in Hong Kong.⏎It has two subsidiaries.',
    'The preceding two paragraphs → The Company is listed in Hong Kong.⏎It has two subsidiaries.⏎⏎2. Analysis⏎⏎The preceding paragraph describes the facts.']);
});

test('round 2 relative: where the paragraphs are numbered, the preceding paragraph is the previous item', () => {
  const memo = lines('1. The Company is listed in Hong Kong.', '', '2. The Company has two subsidiaries.', '', '3. The preceding paragraph is not disputed.');
  assert.deepEqual(definitionsAt(memo.replace('preceding paragraph', 'preceding para$0graph')), ['line 3: "2. The Company has two subsidiaries."']);
});

test('round 2 relative: 前款 in an explanation without articles is the line before', () => {
  const text = lines('一、适用范围', '本说明适用于银行。', '前款所称银行包括外资银行。', '二、施行');
  assert.deepEqual(definitionsAt(text.replace('前款', '前$0款')), ['line 2: "本说明适用于银行。"']);
});

test('round 2 relative: 前两项建议 in item 3. names items 1. and 2. of its own list, not the first list', () => {
  const text = lines('一、总体要求', '（一）坚持依法合规。', '（二）坚持风险为本。', '二、工作建议', '1. 加快制度建设；', '2. 强化科技支撑；', '3. 落实前两项建议。');
  assert.deepEqual(referencesOf(text), [r('前两项', '1.@5', '7:6'), r('前两项', '2.@6', '7:6')]);
});

test('round 2 relative: the preceding item, the preceding two items, the preceding step', () => {
  const text = lines('1. Draft the notice.', '2. Approve the notice.', '3. Send it once the preceding two items are done; the preceding step is the approval.');
  assert.deepEqual(referencesOf(text), [
    r('the preceding two items', '1.@1', '3:17'), r('the preceding two items', '2.@2', '3:17'), r('the preceding step', '2.@2', '3:51')]);
});

// ---------------------------------------------------------------------------------------------------------------
// 3. References into a part of this document.

const JUDGMENT = lines(
  '本院认为：',
  '一、关于合同效力',
  '原告与被告签订的合同合法有效。',
  '二、关于违约责任',
  '被告应承担违约责任。',
  '三、关于损失',
  '综上，依照《中华人民共和国民法典》第五百七十七条之规定，判决如下：',
  '一、被告于本判决生效之日起十日内向原告支付货款；',
  '二、被告于本判决生效之日起十日内向原告支付违约金；',
  '三、驳回原告的其他诉讼请求。',
  '如被告未按本判决第一项、第二项指定的期间履行，应当加倍支付迟延履行期间的债务利息。',
);

test('round 2 part: 本判决第一项、第二项 are the judgment\'s operative items, and the restart after 判决如下 is in order', () => {
  assert.deepEqual(referencesOf(JUDGMENT, '项'), [r('本判决第一项', '一、@8', '11:6'), r('第二项', '二、@9', '11:13')]);
  assert.deepEqual(numberingProblems(JUDGMENT), []);
});

test('round 2 part: 本意见第二项 and 本通知第三项 are the parts 二、 三、, not the nearest （二） （三）', () => {
  const text = lines('一、总体要求', '（一）甲。', '二、工作建议', '（一）乙。', '三、保障措施', '（一）丙。', '（二）落实本意见第二项。', '（三）依照本通知第三项执行。');
  assert.deepEqual(referencesOf(text), [r('本意见第二项', '二、@3', '7:6'), r('本通知第三项', '三、@5', '8:6')]);
  // Near miss: with its parentheses, 第（二）项 is the item.
  assert.deepEqual(referencesOf(text.replace('本意见第二项', '本意见第（二）项'), '（二）'), [r('本意见第（二）项', '（二）@7', '7:6')]);
});

// ---------------------------------------------------------------------------------------------------------------
// 4. Chapters of laws are other documents.

test('round 2 external: 香港法例第571章, 《证券及期货条例》（第571章）, Chapter 571 of the Laws of Hong Kong, the Ordinance (Chapter 622)', () => {
  const chinese = lines('第一章 总则', '第一条 依照香港法例第571章及《证券及期货条例》（第571章）。', '第二章 附则', '第二条 施行。');
  assert.deepEqual(referencesOf(chinese), [r('第571章', 'external (unnamed)', '2:11'), r('第571章', 'external 《证券及期货条例》', '2:27')]);
  const english = lines('Chapter 1 General', 'Article 1 Chapter 571 of the Laws of Hong Kong and the Companies Ordinance (Chapter 622) apply; so does Cap. 32.', 'Chapter 2 Other');
  assert.deepEqual(referencesOf(english), [r('Chapter 571', 'external (unnamed)', '2:11'), r('Chapter 622', 'external (unnamed)', '2:77')]);
  assert.deepEqual(referenceProblems(chinese), []);
  assert.deepEqual(referenceProblems(english), []);
});

test('round 2 external near miss: 本办法第二章 is still this document\'s chapter', () => {
  assert.deepEqual(referencesOf(lines('第一章 总则', '第一条 甲。', '第二章 附则', '第二条 本办法第二章另有规定。')), [r('本办法第二章', '第二章@3', '4:5')]);
});

// ---------------------------------------------------------------------------------------------------------------
// 5. Numbering and outline.

// [what, text, outline, numbering problems]
const numberingCases: [string, string, string, string[]][] = [
  ['"Resolved as follows:" after a heading-like label starts the list again',
    lines('1. Background', 'The board met.', '2. Conclusion', 'Resolved as follows:', '1. to approve the accounts;', '2. to refer the matter to the committee.'),
    lines('1.', '2.', '1.', '2.'), []],
  ['判决如下： after a reasoning item whose line closes no sentence',
    lines('本院认为：', '一、关于合同效力', '二、关于违约责任', '三、关于损失', '综上，判决如下：', '一、被告支付货款；', '二、驳回其他诉讼请求。'),
    lines('一、', '二、', '三、', '一、', '二、'), []],
  ['near miss: without a lead-in, a list that starts again is still out of order', lines('1. a.', '2. b.', '1. c.'), lines('1.', '2.', '1.'), ['3:1 numbering-order']],
  ['"3. to refer …" is an item of part II. of a decision',
    lines('I. Facts', 'The applicant appealed.', 'II. Reasons', '1. The appeal is allowed.', '2. to remit the case;', '3. to refer the question to the court.'),
    lines('I.', 'II.', '  1.', '  2.', '  3.'), []],
  ['near miss: "(3) to (5) apply" wrapped at a line start is no label', lines('(1) a;', '(2) b; Clauses', '(3) to (5) apply.'), lines('(1)', '(2)'), []],
  ['articles quoted inside a list item keep their numbers (Chinese)',
    lines('# 议案', '1. 同意修改章程；', '2. 将章程修改为：', '   第四条 公司注册资本为一亿元。', '   第五条 董事会由九名董事组成。', '3. 授权董事会办理。'),
    lines('议案', '  1.', '  2.', '    第四条', '    第五条', '  3.'), []],
  ['articles after a list item that ends in a colon are the text it quotes (plain text)',
    lines('Resolved as follows:', '1. to approve the amendment;', '2. to adopt the amended articles below:', 'Article 4 The capital is RMB 100 million.',
      'Article 5 The Board has nine directors.', '3. that resolutions 1 and 2 take effect.'),
    lines('1.', '2.', '  Article 4', '  Article 5', '3.'), []],
  ['二、将第五条修改为： quotes the article that follows', lines('一、删除第四条。', '二、将第五条修改为：', '第五条 公司注册资本为一亿元。', '三、本决定自公布之日起施行。'),
    lines('一、', '二、', '  第五条', '三、'), []],
  ['near miss: a law\'s own articles still start at 第一条', lines('第一章 总则', '第三条 甲。', '第四条 乙。'), lines('第一章', '  第三条', '  第四条'), ['2:1 numbering-gap']],
];

for (const [what, text, outline, problems] of numberingCases) {
  test(`round 2 numbering: ${what}`, () => {
    assert.equal(outlineOf(text), outline);
    assert.deepEqual(numberingProblems(text), problems);
  });
}

test('round 2 outline: a Markdown notice keeps its identity though its title is a heading', () => {
  const { analysis } = singleDocument(lines('# 中国人民银行关于加强支付管理的通知', '银发〔2026〕42号', '', '## 一、总体要求', '（一）甲。'));
  assert.equal(analysis.identity?.number?.key, '银发〔2026〕42号');
});

test('round 2 external near miss: another judgment\'s item (原判决第一项, …民事判决第二项) is not this judgment\'s', () => {
  const text = lines('判决如下：', '一、撤销（2023）京01民初1号民事判决第二项；', '二、维持原判决第一项；', '三、驳回其他诉讼请求。', '如未按本判决第一项履行，加倍支付利息。');
  assert.deepEqual(referencesOf(text), [
    r('第二项', 'external (unnamed)', '2:22'), r('第一项', 'external (unnamed)', '3:8'), r('本判决第一项', '一、@2', '5:4')]);
});
