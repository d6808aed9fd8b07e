/**
 * The clause tree: labels at line starts in English and Chinese, nesting, the seed's (IV) → (5) style switch,
 * headings vs sentences that start with a citation, odd leading spaces and line ends, clause titles, and the
 * numbering problems (gap, duplicate, order, style) with the labels they name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, lines, outlineOf, problemCodesOf, problemsOf, symbolsOf } from './fixture';

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];

/** A notice in the Chinese style: parts 一、…五、, clauses （一）…（十六） numbered straight through the parts. */
function chineseNoticeNumberedThrough(): { text: string; outline: string } {
  const parts: [string, number[]][] = [['一', [1, 2, 3, 4]], ['二', [5, 6, 7, 8]], ['三', [9, 10, 11, 12]], ['四', [13, 14]], ['五', [15, 16]]];
  const text: string[] = ['关于加强管理的通知', ''];
  const outline: string[] = [];
  for (const [part, clauses] of parts) {
    text.push(`\u3000\u3000${part}、总体要求`);
    outline.push(`${part}、`);
    for (const clause of clauses) {
      text.push(`\u3000\u3000（${CHINESE_DIGITS[clause]}）措施。各单位应当落实。`);
      outline.push(`  （${CHINESE_DIGITS[clause]}）`);
    }
  }
  return { text: lines(...text), outline: lines(...outline) };
}

const throughParts = chineseNoticeNumberedThrough();

// [what, text, outline (labels, two spaces per level), problems as `line:col code`]
const trees: [string, string, string, string[]][] = [
  // English.
  ['English parts and clauses, the seed\'s (IV) → (5) switch',
    lines('I. General', '(I) Scope.', '(II) Wallets.', 'II. Risks', '(III) Monitoring.', '(IV) Sharing.', '(5) No services.', '(6) Stablecoins.'),
    lines('I.', '  (I)', '  (II)', 'II.', '  (III)', '  (IV)', '  (5)', '  (6)'),
    ['7:1 numbering-style']],
  ['a heading that ends in 基本规则 or 法律适用 does not swallow the next article', lines('第三条 甲。', '第四章 基本规则', '第四条 乙。', '第五章 法律适用', '第五条 丙。'),
    lines('第三条', '第四章', '  第四条', '第五章', '  第五条'), []],
  ['an item that begins "is …" is an item', lines('(1) Scope', '(i) is registered;', '(ii) is listed.'), lines('(1)', '  (i)', '  (ii)'), []],
  ['a label continuing a citation from the line before is no label', lines('(I) Scope.', '(II) Under the requirements of Clause', '(III) of this Notice, firms report.', '(III) Reports.'),
    lines('(I)', '(II)', '(III)'), []],
  ['a list item whose text begins with a number is still an item', lines('1. 甲事项。', '2. 2026年起乙事项。', '3. 丙事项。', '4. 18号文第（七）项。'), lines('1.', '2.', '3.', '4.'), []],
  ['an English list item beginning with a year', lines('1. First.', '2. 2026 brings change.', '3. Third.'), lines('1.', '2.', '3.'), []],
  ['Markdown lazy numbering 1. 1. 1. is no duplicate', lines('1. One', '1. Two', '1. Three'), lines('1.', '1.', '1.'), []],
  ['a lone C. in an A. B. C. list is not Roman 100', lines('I. Scope', 'A. Banks', 'B. Insurers', 'C. Brokers', 'II. Rules'),
    lines('I.', 'II.'), []],
  ['§ headings, one alone on its line', lines('§ 1811.', 'Text.', '§ 1812. Definitions', 'Text.'), lines('§ 1811.', '§ 1812.'), []],
  ['English (15)-style numbers run on without problems',
    lines('(13) Supervision.', '(14) Liability.', '(15) Education.', '(16) Entry into force.'),
    lines('(13)', '(14)', '(15)', '(16)'), []],
  ['English clause with sub-items 1. and (1)',
    lines('I. General', '(I) Reporting.', '1. Content.', '(1) the number;', '(2) the list.', '2. Frequency.', '(II) Other.'),
    lines('I.', '  (I)', '    1.', '      (1)', '      (2)', '    2.', '  (II)'), []],
  ['English Part / Chapter / Article',
    lines('Chapter 1 General Provisions', 'Article 1 Purpose.', 'Article 2 Scope.', 'Chapter 2 Supervision', 'Article 3 Duties.'),
    lines('Chapter 1', '  Article 1', '  Article 2', 'Chapter 2', '  Article 3'), []],
  ['Part I / Part II', lines('Part I General', 'Part II Special'), lines('Part I', 'Part II'), []],
  ['a label in parentheses followed directly by a digit (（1）10万人), in either width; not a number after 1. or I.',
    lines('1．自当年1月1日起累计提供下列个人信息的：', '（1）10万人以上个人信息；', '(2)1万人以上敏感个人信息。', '2．其他情形。'),
    lines('1．', '  （1）', '  (2)', '2．'), []],
  ['Roman numbers past 399 (D and M in numerals of two letters or more), not a lone D or M',
    lines('Chapter CCCXCIX Scope', 'Chapter CD Disclosure', 'Chapter CDI Duties', 'Part D Benefits', 'Part M Members'),
    lines('Chapter CCCXCIX', 'Chapter CD', 'Chapter CDI'), []],
  ['Article headings vs sentences citing an article at line start',
    lines('Article 1 Purpose.', 'Article 2 Scope.', 'Article 2 of this Notice shall apply to banks.', 'Article 1 shall not apply to insurers.',
      'Article 2 is amended as follows.', 'Article 3 Definitions.'),
    lines('Article 1', 'Article 2', 'Article 3'), []],
  ['Article heading alone on its line', lines('Article 1', 'The purpose.', 'Article 2', 'The scope.'), lines('Article 1', 'Article 2'), []],
  ['US Code section with (a) (1) (A) (i)',
    lines('§ 1825. Definitions', '(a) In general', '(1) Bank', '(A) a national bank;', '(i) one;', '(ii) two;', '(B) a state bank;', '(2) Other', '(b) Exceptions'),
    lines('§ 1825.', '  (a)', '    (1)', '      (A)', '        (i)', '        (ii)', '      (B)', '    (2)', '  (b)'), []],
  ['(I) after (H) is the letter I, not Roman one',
    lines('(F) six;', '(G) seven;', '(H) eight;', '(I) nine;', '(J) ten.'),
    lines('(F)', '(G)', '(H)', '(I)', '(J)'), []],
  ['lower-case Roman items', lines('(i) one;', '(ii) two;', '(iii) three;', '(iv) four;', '(v) five.'),
    lines('(i)', '(ii)', '(iii)', '(iv)', '(v)'), []],

  // Chinese laws and rules.
  ['Chinese chapters, sections, articles numbered straight through',
    lines('第一章 总则', '第一条 为了规范，制定本办法。', '第二条 本办法适用于银行。', '第二章 监督管理', '第一节 一般规定', '第三条 甲。', '第四条 乙。',
      '第二节 特别规定', '第五条 丙。', '第三章 附则', '第六条 本办法自发布之日起施行。'),
    lines('第一章', '  第一条', '  第二条', '第二章', '  第一节', '    第三条', '    第四条', '  第二节', '    第五条', '第三章', '  第六条'), []],
  ['Chinese parts (编) over chapters', lines('第一编 总则', '第一章 一般规定', '第一条 甲', '第二编 分则', '第二章 乙', '第二条 丙'),
    lines('第一编', '  第一章', '    第一条', '第二编', '  第二章', '    第二条'), []],
  ['inserted article 第十三条之一', lines('第十三条 甲。', '第十三条之一 乙。', '第十三条之二 丙。', '第十四条 丁。'),
    lines('第十三条', '第十三条之一', '第十三条之二', '第十四条'), []],
  ['article with items （一）（二）', lines('第一条 目的。', '第二条 下列机构适用本办法：', '（一）商业银行；', '（二）支付机构。', '第三条 施行。'),
    lines('第一条', '第二条', '  （一）', '  （二）', '第三条'), []],
  ['article numbers in Arabic digits', lines('第1条 甲。', '第2条 乙。'), lines('第1条', '第2条'), []],
  ['article heading alone on its line', lines('第一条', '为了规范，制定本办法。', '第二条', '本办法适用于银行。'), lines('第一条', '第二条'), []],

  // Chinese notices.
  ['Chinese notice 一、 → （一） → 1. → （1）',
    lines('一、总体要求', '（一）数据报送。', '1.报送内容。', '（1）交易笔数；', '（2）商户名单。', '2.报送频率。', '（二）信息共享。', '二、组织实施'),
    lines('一、', '  （一）', '    1.', '      （1）', '      （2）', '    2.', '  （二）', '二、'), []],
  ['Chinese notice numbering （一）…（十六） straight through its parts', throughParts.text, throughParts.outline, []],
  ['Chinese notice restarting （一） in each part', lines('一、甲', '（一）子', '（二）子', '二、乙', '（一）子', '（二）子'),
    lines('一、', '  （一）', '  （二）', '二、', '  （一）', '  （二）'), []],
  ['half-width (一) and 1、', lines('一、甲', '(一)子', '(二)子', '1、细', '2、细'), lines('一、', '  (一)', '  (二)', '    1、', '    2、'), []],
  ['full-width （1） and half-width (2) in one list', lines('（1）甲；', '(2)乙。'), lines('（1）', '(2)'), []],

  // Leading spaces and line ends.
  ['leading U+3000, em space, NBSP and tab', lines('\u3000\u3000一、甲', '\u3000\u3000（一）乙', '\u2003（二）丙', '\u00a0\u00a0二、丁', '\t（三）戊'),
    lines('一、', '  （一）', '  （二）', '二、', '  （三）'), []],
  ['CRLF line ends', '一、甲\r\n（一）乙\r\n（二）丙\r\n二、丁\r\n', lines('一、', '  （一）', '  （二）', '二、'), []],
  ['lone CR line ends', '一、甲\r（一）乙\r二、丙', lines('一、', '  （一）', '二、'), []],
  ['blank lines between clauses', '一、甲\n\n\n（一）乙\n\n二、丙\n', lines('一、', '  （一）', '二、'), []],
  ['a title line and an addressee line are not clauses',
    lines('Notice on Strengthening the Management of Payment Services', '', 'To all branches:', 'I. General Requirements', '(I) Scope.'),
    lines('I.', '  (I)'), []],

  ['a second paragraph with its own list restarts at （一）',
    lines('第三条 有下列情形之一的，属于情节严重：', '（一）数额较大的；', '（二）次数较多的。', '具有下列情形之一的，属于情节特别严重：', '（一）数额巨大的；', '（二）造成严重后果的。', '第四条 施行。'),
    lines('第三条', '  （一）', '  （二）', '  （一）', '  （二）', '第四条'), []],

  ['full-width digits: １． and （１） items', lines('第三条　报送：', '　　１．经营情况；', '　　２．风险事件。', '（１）甲；', '（２）乙。', '第四条　施行。'),
    lines('第三条', '  １．', '  ２．', '    （１）', '    （２）', '第四条'), []],
  ['full-width numbers that are not labels', lines('２０２６年２月６日', '１．５亿元'), '', []],

  // Markdown (a language regtext analyses by default) and markdown left in converted text.
  ['markdown headings', lines('# 第一章 总则', '## 第一节 一般规定', '第一条 甲。', '第二条 乙。'), lines('第一章', '  第一节', '    第一条', '    第二条'), []],
  ['markdown bold around article labels', lines('**第一条** 甲。', '**第二条** 乙。'), lines('第一条', '第二条'), []],

  // Not labels.
  ['Chinese sentences starting with a citation', lines('第五条规定，甲。', '第二十条第二款规定的情形除外。'), '', []],
  ['dates and decimals', lines('2021年9月15日', '3.5 percent of the total', '1.5亿元'), '', []],
  ['English sentences starting with a citation', lines('Article 5 shall apply to banks.', 'Section 5 of this title applies.', 'article 6 is lower case.'), '', []],
  ['a year in parentheses', lines('(2021) was a year.', '（2009年修正）'), '', []],
];

for (const [what, text, outline, problems] of trees) {
  test(`clause tree: ${what}`, () => {
    assert.equal(outlineOf(text), outline);
    assert.deepEqual(problemCodesOf(text).filter((problem) => problem.includes('numbering')), problems);
  });
}

// [what, text, the numbering problems in full]
const numberingProblems: [string, string, string[]][] = [
  ['gap, Chinese （）', lines('（一）甲', '（三）丙'),
    ['2:1 numbering-gap Numbering gap after （一） (line 1): expected （二）, found （三） (（二） missing).']],
  ['gap of several, Chinese articles', lines('第一条 甲', '第五条 乙'),
    ['2:1 numbering-gap Numbering gap after 第一条 (line 1): expected 第二条, found 第五条 (第二条 to 第四条 missing).']],
  ['gap, Roman parts', lines('I. A', 'II. B', 'IV. D'),
    ['3:1 numbering-gap Numbering gap after II. (line 2): expected III., found IV. (III. missing).']],
  ['gap, English articles', lines('Article 1 Purpose.', 'Article 3 Scope.'),
    ['2:1 numbering-gap Numbering gap after Article 1 (line 1): expected Article 2, found Article 3 (Article 2 missing).']],
  ['gap, letters', lines('(a) x', '(b) y', '(d) z'),
    ['3:1 numbering-gap Numbering gap after (b) (line 2): expected (c), found (d) ((c) missing).']],
  ['duplicate', lines('（一）甲', '（一）乙'),
    ['2:1 numbering-duplicate Duplicate number: （一） repeats （一） (line 1); expected （二）.']],
  ['order', lines('（一）甲', '（二）乙', '（一）丙'),
    ['3:1 numbering-order Numbering out of order after （二） (line 2): expected （三）, found （一）.']],
  ['style switch (II) → (3)', lines('(I) a', '(II) b', '(3) c'),
    ['3:1 numbering-style Numbering style changes after (II) (line 2): expected (III), found (3).']],
  ['style switch (3) → (IV)', lines('(1) a', '(2) b', '(3) c', '(IV) d'),
    ['4:1 numbering-style Numbering style changes after (3) (line 3): expected (4), found (IV).']],
  ['first child that neither starts at one nor continues', lines('一、总则', '（一）甲', '（二）乙', '二、分则', '（四）丙'),
    ['5:1 numbering-gap Numbering under 二、 starts at （四）: expected （一） or （三）.']],
  ['duplicate, gap and order in one list', lines('一、甲', '二、乙', '二、丙', '五、丁', '四、戊'), [
    '3:1 numbering-duplicate Duplicate number: 二、 repeats 二、 (line 2); expected 三、.',
    '4:1 numbering-gap Numbering gap after 二、 (line 3): expected 三、, found 五、 (三、 to 四、 missing).',
    '5:1 numbering-order Numbering out of order after 五、 (line 4): expected 六、, found 四、.',
  ]],
  ['problem position after leading ideographic spaces', lines('\u3000\u3000（一）甲', '\u3000\u3000（三）丙'),
    ['2:3 numbering-gap Numbering gap after （一） (line 1): expected （二）, found （三） (（二） missing).']],
];

for (const [what, text, expected] of numberingProblems) {
  test(`numbering problem: ${what}`, () => {
    assert.deepEqual(problemsOf(text), expected);
  });
}

test('numbering problem: labels that end in a full stop do not double it at the end of the message', () => {
  for (const text of [lines('1. a', '2. b', '2. c'), lines('I. A', 'II. B', 'I. C'), lines('I. a', '2. b'), lines('（一）甲', '2.乙')]) {
    const messages = problemsOf(text);
    assert.ok(messages.length > 0, text);
    for (const message of messages) assert.doesNotMatch(message, /\.\.$|\.\.[ )]/, message);
  }
});

test('markdown bold around article labels: the labels are clauses, not unresolved references', () => {
  assert.deepEqual(problemCodesOf(lines('**第一条** 甲。', '**第二条** 乙。', '第三条 见第二条。')), []);
});

// Titles and outline names.
const outlines: [string, string, string][] = [
  ['English titles: the short first sentence',
    lines('I. General Requirements', '(I) Scope of Services. Banks shall comply.', '(II) Wallets.'),
    lines('I. General Requirements [Part]', '  (I) Scope of Services [Clause]', '  (II) Wallets [Clause]')],
  ['Chinese titles', lines('一、总体要求', '（一）数据报送。支付机构应当报送。'), lines('一、 总体要求 [Part]', '  （一） 数据报送 [Clause]')],
  ['Chinese article title from the next line', lines('第一条', '本办法的目的。', '第二条', '范围。'), lines('第一条 本办法的目的 [Article]', '第二条 范围 [Article]')],
  ['law structure kinds', lines('第一章 总则', '第一节 一般规定', '第一条 目的。'), lines('第一章 总则 [Chapter]', '  第一节 一般规定 [Section]', '    第一条 目的 [Article]')],
  ['a title does not end at the full stop of "No."', lines('(I) Yinfa [2021] No. 237 is repealed. Text.', '(II) Reports.'),
    lines('(I) Yinfa [2021] No. 237 is repealed [Clause]', '(II) Reports [Clause]')],
  ['a title wrapped onto the next line', lines('三、中国人民', '银行的职责', '四、其他事项'), lines('三、 中国人民银行的职责 [Part]', '四、 其他事项 [Part]')],
  ['a clause that switches style stays a clause, within a part and across parts',
    lines('I. A', '(I) One.', '(2) Two.', 'II. B', '(3) Three.', '(IV) Four.'),
    lines('I. A [Part]', '  (I) One [Clause]', '  (2) Two [Clause]', 'II. B [Part]', '  (3) Three [Clause]', '  (IV) Four [Clause]')],
];

for (const [what, text, expected] of outlines) {
  test(`outline names: ${what}`, () => {
    assert.equal(symbolsOf(text), expected);
  });
}

test('clause spans: a clause runs from its line start to the end of its last child, trailing blank lines excluded', () => {
  const text = lines('一、甲', '正文。', '（一）乙', '', '二、丙', '');
  const document = analyse(text);
  const [first, child, second] = document.clauses;
  assert.ok(first && child && second);
  assert.equal(text.slice(first.span.start, first.span.end), '一、甲\n正文。\n（一）乙');
  assert.equal(text.slice(child.span.start, child.span.end), '（一）乙');
  assert.equal(text.slice(second.span.start, second.span.end), '二、丙');
  assert.deepEqual([first.value, child.value, second.value], [1, 1, 2]);
  assert.deepEqual([first.kind, child.kind, second.kind], ['part', 'clause', 'part']);
});

test('clause label span: the label only, after leading spaces, exact UTF-16 offsets', () => {
  const text = '\u3000\u3000第十三条之一\u3000内容。';
  const [clause] = analyse(text).clauses;
  assert.ok(clause);
  assert.equal(clause.label, '第十三条之一');
  assert.deepEqual(clause.labelSpan, { start: 2, end: 8 });
  assert.equal(clause.value, 13);
});

test('clauses: a number with a unit or a decimal after "1." continues a sentence, it opens no item', () => {
  for (const text of [lines('1. One.', 'The rate rose by', '2. 5 per cent this year.'), lines('1. One.', 'The ratio is', '2. 5% now.'), lines('1. One.', 'It grew', '2. 5.5 times.')]) {
    assert.deepEqual(analyse(text).clauses.map((clause) => clause.label), ['1.'], text);
  }
});
