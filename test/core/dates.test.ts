/** The dates a document states about itself: the date it bears, and when it takes effect. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, lines } from './fixture';

// [what, text, issued, effective]
const cases: [string, string, string | undefined, string | undefined][] = [
  ['a Chinese signature date, effect on issue', lines('关于甲的通知', '银发〔2027〕1号', '一、本通知自印发之日起施行。', '', '中国人民银行', '2027年2月10日'), '2027-02-10', '2027-02-10'],
  ['a date in Chinese numerals', lines('关于乙的通知', '一、甲。', '二〇二七年二月十日'), '2027-02-10', undefined],
  ['an effective date stated in the text', lines('一、本办法自2027年3月1日起施行。', '2027年1月5日'), '2027-01-05', '2027-03-01'],
  ['the first statement of effect is the document\'s, a later one a clause\'s', lines('一、本通知自印发之日起施行。', '二、数据报送要求自2027年7月1日起执行。', '2027年4月15日'), '2027-04-15', '2027-04-15'],
  ['English: come into force on a date', lines('(1) This Notice shall come into force on March 1, 2027.', '', 'February 10, 2027'), '2027-02-10', '2027-03-01'],
  ['English: day month year, effect on issuance', lines('(1) This Notice shall enter into force upon the date of its issuance.', '', '10 February 2027'), '2027-02-10', '2027-02-10'],
  ['English: effective upon its issuance, and a later date of effect of one clause', lines('(1) This Notice shall be effective upon its issuance.', '(2) Reporting shall take effect on July 1, 2027.', '', '10 February 2027'), '2027-02-10', '2027-02-10'],
  ['English: "effective on publication of" a list speaks of something else', lines('(1) The list becomes effective on publication of the register.', '', '10 February 2027'), '2027-02-10', undefined],
  ['English: comes into effect on the date of its publication', lines('(1) This Notice comes into effect on the date of its publication.', '', '10 February 2027'), '2027-02-10', '2027-02-10'],
  ['Chinese: 自发布之日起实施 after a clause\'s own date of effect is not the document\'s', lines('一、数据报送要求自2027年7月1日起执行。', '二、本通知自发布之日起实施。', '2027年4月15日'), '2027-04-15', '2027-07-01'],
  ['no date at all', 'A memo without dates.', undefined, undefined],
  ['an impossible date is none', lines('Text.', '2027年13月40日'), undefined, undefined],
];

for (const [what, text, issued, effective] of cases) {
  test(`dates: ${what}`, () => {
    const { dates } = analyse(text);
    assert.deepEqual([dates.issued, dates.effective], [issued, effective]);
  });
}
