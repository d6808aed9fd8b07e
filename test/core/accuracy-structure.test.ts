/**
 * Structure on drafting regtext had not seen (issue 8): Markdown documents (headings and lists are two numbering
 * sequences, headings nest by level, a heading's title ends at its line, fenced code holds nothing) and references
 * (read in the numbering they are written in, relative references of every width, ranges of every form, decimal
 * numbering as labels and as references, Article 5(2), Part One), in English and Chinese, with near misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationsOf, lines, outlineOf, problemCodesOf, problemsOf, referencesAt, shown, singleDocument, symbolsOf, textIn, withCursor } from './fixture';

const referencesOf = (text: string) => annotationsOf(text, ['clauseRef']);
const r = (text: string, target: string, at: string) => `clauseRef "${text}" → ${target} @${at}`;

/** Every place go-to-definition lands: `line N: "label"`, in order. */
function definitionsAt(fixture: string): string[] {
  const { text, offset } = withCursor(fixture);
  const { service, document, analysis } = singleDocument(text);
  return service.definition(document, analysis.lines.positionAt(offset))
    .map((link) => `line ${link.targetSelectionRange.start.line + 1}: "${shown(textIn(analysis, link.targetSelectionRange))}"`);
}

// [what, text, outline, numbering problems as `line:col code`]
const markdownTrees: [string, string, string, string[]][] = [
  ['a heading after a list is neither a duplicate nor out of order (English board paper)',
    lines('# Board paper', '', '## 1. Background', '', '1. Revenue fell.', '2. Costs rose.', '', '## 2. Proposal', '', '1. Alpha.', '2. Beta.', '3. Gamma.', '', '## 3. Risks'),
    lines('Board paper', '  1.', '    1.', '    2.', '  2.', '    1.', '    2.', '    3.', '  3.'), []],
  ['a list 1. after a heading ## 1. is no duplicate (Chinese)',
    lines('## 1. 背景', '1. 收入下降。', '2. 成本上升。', '## 2. 方案', '1. 甲。'),
    lines('1.', '  1.', '  2.', '2.', '  1.'), []],
  ['## 3. after a list that ran 1. 2. 3. is the third heading', lines('## 2. Scope', '1. a', '2. b', '3. c', '## 3. Next'),
    lines('2.', '  1.', '  2.', '  3.', '3.'), []],
  ['headings still report their own gaps and duplicates', lines('## 1. One', '1. x', '## 3. Three', '## 3. Again'),
    lines('1.', '  1.', '3.', '3.'), ['3:4 numbering-gap', '4:4 numbering-duplicate']],
  ['lists still report their own gaps under a heading', lines('## 1. One', '1. x', '3. z'), lines('1.', '  1.', '  3.'), ['3:1 numbering-gap']],
  ['clause labels in headings nest by heading level, Chinese',
    lines('# 第一章 总则', '## 第一条 目的', '为了规范。', '### （一）适用范围', '1. 银行；', '2. 保险公司。', '### （二）定义', '## 第二条 范围', '# 第二章 附则', '## 第三条 施行'),
    lines('第一章', '  第一条', '    （一）', '      1.', '      2.', '    （二）', '  第二条', '第二章', '  第三条'), []],
  ['clause labels in headings nest by heading level, English',
    lines('# Part One General', '## Article 1 Scope', '### (a) Banks', 'Text.', '### (b) Insurers', '## Article 2 Reporting', '1. Monthly', '2. Quarterly'),
    lines('Part One', '  Article 1', '    (a)', '    (b)', '  Article 2', '    1.', '    2.'), []],
  ['# 一、总则 and ## Article 4 under it', lines('# 一、总则', '## 第一条 甲', '## 第二条 乙', '# 二、分则', '## 第三条 丙'),
    lines('一、', '  第一条', '  第二条', '二、', '  第三条'), []],
  ['one heading level for chapters and articles still nests by rank', lines('## 第一章 总则', '## 第一条 甲', '## 第二条 乙', '## 第二章 附则', '## 第三条 丙'),
    lines('第一章', '  第一条', '  第二条', '第二章', '  第三条'), []],
  ['an unlabelled heading ends the list before it: the next list starts again',
    lines('# Memo', '## What happened', '1. a', '2. b', '## What we do', '1. c', '2. d'),
    lines('Memo', '  What happened', '    1.', '    2.', '  What we do', '    1.', '    2.'), []],
  ['an unlabelled Chinese heading', lines('## 背景', '（一）甲', '（二）乙', '## 建议', '（一）丙'), lines('背景', '  （一）', '  （二）', '建议', '  （一）'), []],
  ['bullets are not clauses', lines('## 1. Scope', '- bullet one', '* bullet two', '+ bullet three', '## 2. Rules'), lines('1.', '2.'), []],
  ['a numbered list inside an article nests under it', lines('**第五条** 有下列情形之一的：', '1. 甲；', '2. 乙。', '**第六条** 施行。'),
    lines('第五条', '  1.', '  2.', '第六条'), []],
  ['Markdown sub-lists nest by indentation', lines('# Memo', '1. Scope', '   1. banks', '   2. insurers', '2. Rules', '   1. capital'),
    lines('Memo', '  1.', '    1.', '    2.', '  2.', '    1.'), []],
  ['a fenced code block holds no clauses', lines('# Memo', '', '```', '1. code', '第五条 x', '```', '', '1. Real item', '2. Next'), lines('Memo', '  1.', '  2.'), []],
  ['a tilde fence too', lines('~~~text', '(1) not a clause', '~~~', '(1) a clause'), lines('(1)'), []],
  ['an unclosed fence is no fence', lines('```', '1. First', '2. Second'), lines('1.', '2.'), []],
  ['text with no heading keeps its old numbering checks', lines('1. a', '2. b', '2. c'), lines('1.', '2.', '2.'), ['3:1 numbering-duplicate']],

  // Decimal numbering in memos and guidelines.
  ['decimal numbering nests 2 → 2.3 → 2.3.1',
    lines('1. Introduction', '1.1 Purpose', '1.2 Scope', '2. Requirements', '2.1 Banks', '2.1.1 Large banks', '2.1.2 Small banks', '2.2 Insurers'),
    lines('1.', '  1.1', '  1.2', '2.', '  2.1', '    2.1.1', '    2.1.2', '  2.2'), []],
  ['decimal numbering in Chinese guidelines', lines('一、总则', '1.1 目的', '1.2 适用范围', '二、要求', '2.1 银行', '2.2 保险'),
    lines('一、', '  1.1', '  1.2', '二、', '  2.1', '  2.2'), []],
  ['decimal headings under bare numbered headings', lines('# Guideline', '## 1 Intro', '### 1.1 Purpose', '### 1.2 Scope', '## 2 Rules', '### 2.1 Banks', '#### 2.1.1 Large'),
    lines('Guideline', '  1', '    1.1', '    1.2', '  2', '    2.1', '      2.1.1'), []],
  ['decimal gaps, duplicates and a late first child', lines('2. Rules', '2.1 Banks', '2.3 Brokers', '2.3 Again', '3. Other', '3.2 Late'),
    lines('2.', '  2.1', '  2.3', '  2.3', '3.', '  3.2'), ['3:1 numbering-gap', '4:1 numbering-duplicate', '6:1 numbering-gap']],
  ['amounts, versions and dates are not decimal labels',
    lines('1.5% of the total', '2.5 million', '2.3 times more', '2026.1.5', '1.5亿元', '2.5倍', 'v2.3 release', '3.5 percent'), '', []],

  // English number words.
  ['Part One, Part Two', lines('Part One General', 'Chapter 1 Scope', 'Part Two Rules', 'Chapter 2 Other'),
    lines('Part One', '  Chapter 1', 'Part Two', '  Chapter 2'), []],
  ['"part one of the plan" in lower case is no label', lines('part one of the plan is done.'), '', []],
];

for (const [what, text, outline, problems] of markdownTrees) {
  test(`structure: ${what}`, () => {
    assert.equal(outlineOf(text), outline);
    assert.deepEqual(problemCodesOf(text).filter((problem) => problem.includes('numbering')), problems);
  });
}

test('structure: a heading\'s title ends at its line; its symbol names the heading, not the next line', () => {
  assert.equal(symbolsOf(lines('## 1. Background', 'This paper sets out the proposal for the board.', '## 2. Proposal ##', '- a bullet')),
    lines('1. Background [Item]', '2. Proposal [Item]'));
  assert.equal(symbolsOf(lines('## 第一条 目的', '为了规范支付业务，制定本办法。', '### （一）适用范围', '本办法适用于银行。')),
    lines('第一条 目的 [Article]', '  （一） 适用范围 [Clause]'));
  assert.equal(symbolsOf(lines('## Article 4 **Scope**', 'These Measures apply to banks.')), 'Article 4 Scope [Article]');
});

test('structure: a body label\'s title does not run into a bullet or a heading', () => {
  assert.equal(symbolsOf(lines('(a) Banks', '- bullet one', '(b) Insurers', '## Next')), lines('(a) Banks [Item]', '(b) Insurers [Item]', 'Next [Section]'));
});

test('structure: a decimal gap names the missing number with its prefix', () => {
  assert.deepEqual(problemsOf(lines('2. Rules', '2.1 Banks', '2.3 Brokers')),
    ['3:1 numbering-gap Numbering gap after 2.1 (line 2): expected 2.2, found 2.3 (2.2 missing).']);
});

const ENGLISH_RULES = lines(
  'Article 1 Purpose.',
  'Article 2 Scope.',
  'Article 3 Banks.',
  'Article 4 Insurers.',
  'Article 5 Reporting.',
  '(1) Banks shall report:',
  '(a) monthly;',
  '(b) quarterly.',
  '(2) Insurers shall report.',
  'Article 6 Sanctions.',
);

const CHINESE_RULES = lines(
  '第一条 为了规范，制定本办法。',
  '第二条 本办法适用于银行。',
  '第三条 银行应当报告。',
  '第四条 保险公司应当报告。',
  '第五条 有下列情形之一的，予以处罚：',
  '（一）未报告的；',
  '（二）迟报的；',
  '（三）有前项行为且拒不改正的；有前两项情形的。',
  '第六条 施行。',
);

// [what, text, references with their targets (label@line)]
const referenceCases: [string, string, string[]][] = [
  // The numbering a reference is written in.
  ['Clause (II) is Roman two, never the letter (b)', lines('(a) Alpha.', '(b) Beta.', 'See Clause (II).'), [r('Clause (II)', 'unresolved', '3:5')]],
  ['Clause (II) finds (2) written in Arabic', lines('(1) Alpha.', '(2) Beta.', 'See Clause (II).'), [r('Clause (II)', '(2)@2', '3:5')]],
  ['item (b) is a letter, never (2)', lines('(1) Alpha.', '(2) Beta.', 'See item (b).'), [r('item (b)', 'unresolved', '3:5')]],
  ['(ii) is the second item of a lower-case Roman list', lines('(a) Alpha:', '(i) one;', '(ii) two.', '(b) Beta.', 'See item (ii) and item (b).'),
    [r('item (ii)', '(ii)@3', '5:5'), r('item (b)', '(b)@4', '5:19')]],
  ['(i) is the Roman item where the document has one', lines('(a) Alpha:', '(i) one;', '(ii) two.', '(b) Beta.', 'See item (i).'), [r('item (i)', '(i)@2', '5:5')]],
  ['(i) is the letter in a list a to i without Roman items',
    lines('(a) a;', '(b) b;', '(c) c;', '(d) d;', '(e) e;', '(f) f;', '(g) g;', '(h) h;', '(i) i.', 'See item (i).'), [r('item (i)', '(i)@9', '10:5')]],
  ['Clause (V) is the letter (V) after (U) when there is no Roman five', lines('(T) t;', '(U) u;', '(V) v.', 'See Clause (V).'), [r('Clause (V)', '(V)@3', '4:5')]],
  ['第（二）项 finds (II) in a translation, and （二）', lines('（一）甲。', '（二）乙。', '违反第（二）项的。'), [r('第（二）项', '（二）@2', '3:3')]],

  // Relative references, Chinese.
  ['前两条, 前三条, 上一条 and 下一条', lines(CHINESE_RULES.split('\n').slice(0, 4).join('\n'), '第五条 违反前两条的；依照上一条；下一条另有规定。', '第六条 施行。'), [
    r('前两条', '第三条@3', '5:7'), r('前两条', '第四条@4', '5:7'), r('上一条', '第四条@4', '5:14'), r('下一条', '第六条@6', '5:18')]],
  ['前三条 names three articles', lines('第一条 甲。', '第二条 乙。', '第三条 丙。', '第四条 违反前三条的。'),
    [r('前三条', '第一条@1', '4:7'), r('前三条', '第二条@2', '4:7'), r('前三条', '第三条@3', '4:7')]],
  ['前项, 前两项 and 下列', CHINESE_RULES, [
    r('下列', '（一）@6', '5:6'), r('下列', '（二）@7', '5:6'), r('下列', '（三）@8', '5:6'),
    r('前项', '（二）@7', '8:5'), r('前两项', '（一）@6', '8:17'), r('前两项', '（二）@7', '8:17')]],
  ['前款 in the second paragraph, 下一款 in the first', lines('第一条 银行应当报告。下一款另有规定的除外。', '前款规定的报告应当按月报送。', '第二条 施行。'),
    [r('下一款', '第一条@1', '1:12'), r('前款', '第一条@1', '2:1')]],
  ['下列 with no list after it names nothing and is not kept', lines('第一条 下列机构另行规定。', '第二条 施行。'), []],
  ['前款项 (money paid before) and 前项目 (a previous project) are no references', lines('第一条 甲。', '第二条 退还提前款项；前项目已结项。'), []],
  ['目前, 以前 are words: 目前款 is not 前款', lines('第一条 甲。', '乙。', '第二条 目前款式繁多。'), []],

  // Relative references, English.
  ['the preceding two Articles, the preceding Article, the next Article', lines(
    'Article 1 A.', 'Article 2 B.', 'Article 3 C.', 'Article 4 The preceding two Articles apply. The preceding Article applies. The next Article does not.', 'Article 5 E.'), [
    r('The preceding two Articles', 'Article 2@2', '4:11'), r('The preceding two Articles', 'Article 3@3', '4:11'),
    r('The preceding Article', 'Article 3@3', '4:45'), r('The next Article', 'Article 5@5', '4:76')]],
  ['the two preceding items, the preceding subparagraph', lines('Article 1 Penalties apply where:', '(1) no report is filed;', '(2) a report is late;',
    '(3) the two preceding items recur, or the preceding subparagraph applies twice.'), [
    r('the two preceding items', '(1)@2', '4:5'), r('the two preceding items', '(2)@3', '4:5'), r('the preceding subparagraph', '(2)@3', '4:39')]],
  ['the preceding paragraph', lines('Article 1 Banks shall report.', 'The report under the preceding paragraph is monthly.'), [r('the preceding paragraph', 'Article 1@1', '2:18')]],
  ['"the following items:" without a number is a lead-in, and "the foregoing provisions" names no unit',
    lines('Article 1 Banks shall report the following items:', '(1) loans;', '(2) deposits.', 'Article 2 The foregoing provisions apply.'), []],

  // Ranges name every member.
  ['第五条至第八条, 第五条到第八条, 第五至八条, 第五至第八条', lines(
    '第五条 甲。', '第六条 乙。', '第七条 丙。', '第八条 丁。', '第九条 依照第五至八条。'), [
    r('第五', '第五条@1', '5:7'), r('第五至八条', '第六条@2', '5:7'), r('第五至八条', '第七条@3', '5:7'), r('八条', '第八条@4', '5:10')]],
  ['第（一）项至第（四）项 and 第（一）至（四）项', lines('第一条 有下列情形的：', '（一）甲；', '（二）乙；', '（三）丙；', '（四）丁。', '第二条 违反第一条第（一）至（四）项的。'), [
    r('下列', '（一）@2', '1:6'), r('下列', '（二）@3', '1:6'), r('下列', '（三）@4', '1:6'), r('下列', '（四）@5', '1:6'),
    r('第一条', '第一条@1', '6:7'), r('第（一）', '（一）@2', '6:10'), r('第（一）至（四）项', '（二）@3', '6:10'),
    r('第（一）至（四）项', '（三）@4', '6:10'), r('（四）项', '（四）@5', '6:15')]],
  ['第一条第一至三项 is inside 第一条', lines('第一条 有下列情形的：', '（一）甲；', '（二）乙；', '（三）丙。', '第二条 违反本办法第一条第一至三项的。').replace('有下列情形的', '情形如次'), [
    r('本办法第一条', '第一条@1', '5:7'), r('第一', '（一）@2', '5:13'), r('第一至三项', '（二）@3', '5:13'), r('三项', '（三）@4', '5:16')]],
  ['Articles 5-8 and Articles 5–7 with a dash', lines('Article 5 A.', 'Article 6 B.', 'Article 7 C.', 'Article 8 D.', 'Article 9 See Articles 5-8.'), [
    r('Articles 5', 'Article 5@1', '5:15'), r('Articles 5-8', 'Article 6@2', '5:15'), r('Articles 5-8', 'Article 7@3', '5:15'), r('8', 'Article 8@4', '5:26')]],
  ['Clauses (1)-(3)', lines('(1) a.', '(2) b.', '(3) c.', 'Under Clauses (1)-(3).'), [
    r('Clauses (1)', '(1)@1', '4:7'), r('Clauses (1)-(3)', '(2)@2', '4:7'), r('(3)', '(3)@3', '4:19')]],
  // (Its first number is read as section 248, as before: the hyphenated number is not taken apart.)
  ['"sections 248-1" is a section number, not a range to 1', 'under sections 248-1 of this title', [r('sections 248', 'unresolved', '1:7')]],

  // Article 5(2), Article 5(2)(a), Part One, Chapter II, 第二章第三节.
  ['Article 5(2) is the sub-clause labelled (2) where the article has one', lines(ENGLISH_RULES, 'Article 7 See Article 5(2) and Article 5(1)(b).'), [
    r('Article 5(2)', '(2)@9', '11:15'), r('Article 5(1)(b)', '(b)@8', '11:32')]],
  ['Article 1(2) is paragraph 2 where the article has no (2)', lines('Article 1 Banks shall report.', 'Insurers shall report.', 'Article 2 See Article 1(2).'),
    [r('Article 1(2)', 'Article 1@1', '3:15')]],
  ['Part One, Part I, Chapter II, Section 3', lines('Part One General', 'Chapter I Scope', 'Section 1 Banks', 'Article 1 A.', 'Chapter II Rules', 'Section 3 Other',
    'Article 2 See Part One, Part I, Chapter II and Section 3.'), [
    r('Part One', 'Part One@1', '7:15'), r('Part I', 'Part One@1', '7:25'), r('Chapter II', 'Chapter II@5', '7:33'), r('Section 3', 'Section 3@6', '7:48')]],
  ['第一编, 第二章第二节', lines('第一编 总则', '第一章 一般规定', '第一条 甲', '第二章 分则', '第一节 乙', '第二条 乙', '第二节 丙', '第三条 丙', '第四条 见第一编、第二章第二节。'), [
    r('第一编', '第一编@1', '9:6'), r('第二章第二节', '第二节@7', '9:10')]],
  ['paragraphs (1) and (2) of Article 5: both inside Article 5', lines(ENGLISH_RULES, 'Article 7 See paragraphs (1) and (2) of Article 5.'), [
    r('paragraphs (1)', '(1)@6', '11:15'), r('(2) of Article 5', '(2)@9', '11:34')]],

  // Decimal numbers as references.
  ['section 2.3, see 2.3.1, paragraph 1.2 above', lines('1. General', '1.1 Purpose', '1.2 Scope', '2. Rules', '2.1 Banks', '2.2 Insurers', '2.3 Brokers', '2.3.1 Dealers',
    'Subject to section 2.3 and paragraph 1.2 above (see 2.3.1), brokers report.'), [
    r('section 2.3', '2.3@7', '9:12'), r('paragraph 1.2', '1.2@3', '9:28'), r('2.3.1', '2.3.1@8', '9:53')]],
  ['第2.3条 and 第1.2节', lines('1.1 目的', '1.2 范围', '2.3 要求', '依照第2.3条和第1.2节执行。'), [r('第2.3条', '2.3@3', '4:3'), r('第1.2节', '1.2@2', '4:9')]],
  ['amounts, versions and dates are not references', lines('1.1 Purpose', '1.2 Scope', 'Fees rose in 1.5% steps, see 2.5 million, in 2.3 times, under v1.2 and on 2026.1.2.'), []],
  ['see 2.4 that names no clause is not a reference', lines('1.1 Purpose', '2.3 Scope', 'Growth was seen in 2.4 of the cases.'), []],
  ['a decimal in a document not numbered in decimals is not a reference', lines('Article 1 A.', 'See paragraph 2.1 above.'), []],

  // A number on the next line's label is that label, not the end of a reference.
  ['"… item⏎2. Next" is no reference', lines('1. Real item', '2. Next'), []],
];

for (const [what, text, expected] of referenceCases) {
  test(`reference: ${what}`, () => {
    assert.deepEqual(referencesOf(text), expected);
  });
}

test('reference: code in a fenced block is not a reference', () => {
  assert.deepEqual(referencesOf(lines('第一条 甲。', '```', '第一条 见第一条', '```')), []);
});

test('definition: a relative reference of width two lists both articles', () => {
  assert.deepEqual(definitionsAt(lines('第一条 甲。', '第二条 乙。', '第三条 违反前$0两条的。')), ['line 1: "第一条"', 'line 2: "第二条"']);
  assert.deepEqual(definitionsAt(lines('Article 1 A.', 'Article 2 B.', 'Article 3 The preceding two Art$0icles apply.')), ['line 1: "Article 1"', 'line 2: "Article 2"']);
});

test('definition: a range lists every member, from any part of it', () => {
  const rules = lines('第五条 甲。', '第六条 乙。', '第七条 丙。', '第八条 丁。', '第九条 依照第五条至第$0八条。');
  assert.deepEqual(definitionsAt(rules), ['line 1: "第五条"', 'line 2: "第六条"', 'line 3: "第七条"', 'line 4: "第八条"']);
  assert.deepEqual(definitionsAt(lines('(5) a.', '(6) b.', '(7) c.', 'Under Clauses (5) t$0o (7).')), ['line 1: "(5)"', 'line 2: "(6)"', 'line 3: "(7)"']);
});

test('definition: 下列 lists the items that follow', () => {
  assert.deepEqual(definitionsAt(CHINESE_RULES.replace('下列', '下$0列')), ['line 6: "（一）"', 'line 7: "（二）"', 'line 8: "（三）"']);
});

test('find references on a member of a range finds the range', () => {
  assert.deepEqual(referencesAt(lines('第五条 甲。', '第六$0条 乙。', '第七条 丙。', '第八条 丁。', '第九条 依照第五至八条、第五条到第八条。'), false),
    ['5:7 "第五至八条"', '5:13 "第五条到第八条"']);
  assert.deepEqual(referencesAt(lines('(5) a.', '(6$0) b.', '(7) c.', '(8) d.', 'Under Clauses (5) to (8) and Clauses (5)-(8).'), false),
    ['5:7 "Clauses (5) to (8)"', '5:30 "Clauses (5)-(8)"']);
});

test('find references on an article finds 前两条 and 上一条 that name it', () => {
  assert.deepEqual(referencesAt(lines('第一条 甲。', '第二$0条 乙。', '第三条 违反前两条的；依照上一条。'), false), ['3:7 "前两条"', '3:14 "上一条"']);
});

test('an unresolved range is one problem, not one per member', () => {
  const problems = problemCodesOf(lines('第一条 甲。', '第二条 乙。', '第三条 丙。', '第四条 依照本办法第十条至第十五条。'));
  // The first end, and the range's members over the whole range's words; the last end is not said to be internal.
  assert.deepEqual(problems, ['4:7 unresolved-reference', '4:7 unresolved-reference']);
});
