/**
 * Markdown list items that carry a clause label (`- (I) …`, `* 1. …`, `- **(5)** …`), as a seventh independent tester's
 * translation wrote its clauses: the label is the clause's, the bullet and the bold are not. A bullet without a label,
 * a rule, and a dash glued to a label stay prose. And a Markdown title on one side only (`# Notice of …` over a plain
 * Chinese title) is that side's header, not a clause the other lacks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, lines } from './fixture';
import { align, checksOf, pairsOf } from './alignmentFixture';

const labelled: [string, string][] = [
  ['- (I) A firm may invest.', '(I)'],
  ['- **(I)** A firm may invest.', '(I)'],
  ['* (III) Banks need not review.', '(III)'],
  ['+ **(5)** Enterprises shall keep the documents.', '(5)'],
  ['* 1. First point.', '1.'],
  ['- 第一条　本办法适用于银行。', '第一条'],
  ['- （一）非金融企业可以投资。', '（一）'],
  ['> - (a) quoted item', '(a)'],
  ['  - (ii) an indented item', '(ii)'],
];

for (const [line, label] of labelled) {
  test(`a list item's clause label: ${line}`, () => {
    const clauses = analyse(lines('Notice', '', line)).clauses;
    assert.deepEqual(clauses.map((clause) => clause.label), [label]);
    const start = clauses[0]!.labelSpan.start;
    assert.equal(lines('Notice', '', line).slice(start, start + label.length), label);
  });
}

const prose = ['- a plain bullet', '-(I) a dash glued to the label', '---', '- 2023 was a year.', '* * *', '- Article 5 of the Measures applies.'];

for (const line of prose) {
  test(`no clause label: ${line}`, () => {
    assert.deepEqual(analyse(lines('Notice', '', line)).clauses.map((clause) => clause.label), []);
  });
}

test('a Markdown title over a plain Chinese title, and clauses as list items: paired, and nothing reported', () => {
  const alignment = align(
    lines('国家外汇管理局关于便利跨境投融资的通知', '汇发〔2026〕4号', '', '一、扩大资本项目收入使用范围', '（一）非金融企业可以将资本项目收入用于境内股权投资。', '（二）银行应当在三个工作日内报告。'),
    lines('# Notice of the State Administration of Foreign Exchange on Facilitating Cross-border Investment and Financing', '', '**Huifa [2026] No. 4**', '',
      '## I. Expanding the Scope of Use of Capital Account Receipts', '', '- **(I)** A non-financial enterprise may use its capital account receipts for domestic equity investment.',
      '- **(II)** A bank shall report within three working days.'),
  );
  assert.deepEqual(pairsOf(alignment), ['一、=I.', '（一）=(I)', '（二）=(II)']);
  assert.deepEqual(checksOf(alignment), []);
});
