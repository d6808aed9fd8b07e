/**
 * A label followed by a quantity (a sixth translation tester, issue 10): an item in brackets may open with one
 * ("(2) 20 percent, where the balance …", （1）10万人以上), while a number broken after its point at a line start
 * ("1. 5 per cent") and a reference wrapped there ("(III) of this Notice") are no labels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, outlineOf } from './fixture';

// [what, text, outline]
const cases: [string, string, string][] = [
  ['items in brackets that open with a percentage',
    lines('(VII) Payment institutions shall set aside risk reserves at the following ratios:',
      '(1) 10 percent, where the average daily balance was below RMB 1 billion;',
      '(2) 20 percent, where the balance was RMB 1 billion or more but below RMB 5 billion;',
      '(3) 30 per cent, where the balance was RMB 5 billion or more.'),
    lines('(VII)', '  (1)', '  (2)', '  (3)')],
  ['items in brackets that open with an amount or a decimal',
    lines('(I) The thresholds are:', '(1) 1.5 times the average balance;', '(2) 5% of the capital;', '(3) 100,000 yuan for individuals.'),
    lines('(I)', '  (1)', '  (2)', '  (3)')],
  ['Chinese items in brackets that open with a number', lines('（一）按照以下标准计提：', '（1）10%以下的；', '（2）10万人以上的。'),
    lines('（一）', '  （1）', '  （2）')],
  ['a number broken after its point is no item', lines('I. Rates', 'The rate shall rise by', '1. 5 per cent from next year, and by', '2. 5% after that.'),
    lines('I.')],
  ['a reference wrapped at a line start is no label', lines('I. Scope', 'The measures in Clause', '(III) of this Notice apply.'), lines('I.')],
];

for (const [what, text, outline] of cases) {
  test(`labels followed by a quantity: ${what}`, () => {
    assert.equal(outlineOf(text), outline);
  });
}
