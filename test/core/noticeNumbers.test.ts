/**
 * Notice numbers (发文字号): every written form in GUIDE.md and notes/domain-facts.md → one canonical key per
 * notice, shared by its Chinese and English forms; things that only look like numbers → nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, annotationsOf, lines, noticeKeysOf } from './fixture';

const numbersOf = (text: string) => annotationsOf(text, ['noticeNumber']);
const n = (text: string, key: string, at = '1:1') => `noticeNumber "${text}" → ${key} @${at}`;

// [what, text, the notice numbers found in it]
const cases: [string, string, string[]][] = [
  // The official form and its bracket variants.
  ['official 〔〕', '银发〔2021〕237号', [n('银发〔2021〕237号', '银发〔2021〕237号')]],
  ['English: the issuer after the number', 'Order No. 752 of the State Council', [n('Order No. 752 of the State Council', '国务院令第752号')]],
  ['English: the year after the number', 'PBOC Order No. 5 [2003]', [n('PBOC Order No. 5 [2003]', '中国人民银行令〔2003〕5号')]],
  ['English: "of YYYY" after the number', 'NFRA Order No. 5 of 2023', [n('NFRA Order No. 5 of 2023', '国家金融监督管理总局令〔2023〕5号')]],
  ['English: a known issuer without "No."', 'Yinfa (2021) 237 and FGYX [2021] 1283.', [n('Yinfa (2021) 237', '银发〔2021〕237号'), n('FGYX [2021] 1283', '发改运行〔2021〕1283号', '1:22')]],
  ['English: an unknown issuer is read on its own line only', lines('China Construction Bank', 'Jianyinfa [2026] No. 18'), [n('Jianyinfa [2026] No. 18', 'Jianyinfa〔2026〕18号', '2:1')]],
  ['English: an unknown issuer without "No." is no number', 'Xyz [2021] 12 and the year [2021] 12 items', []],
  ['an alias of a code gets the canonical key', '中国证监会令第227号、证监会令第227号和中国证券监督管理委员会令第227号',
    [n('中国证监会令第227号', '中国证券监督管理委员会令第227号'), n('证监会令第227号', '中国证券监督管理委员会令第227号', '1:13'),
      n('中国证券监督管理委员会令第227号', '中国证券监督管理委员会令第227号', '1:23')]],
  ['a local code is not the national one', '根据京银发〔2021〕237号文件', [n('京银发〔2021〕237号', '京银发〔2021〕237号', '1:3')]],
  ['a provincial code on a longer national one', '浙银保监发〔2021〕5号', [n('浙银保监发〔2021〕5号', '浙银保监发〔2021〕5号')]],
  ['an agency named before an ordinary code is not part of it', '按照人民银行银发〔2021〕237号执行', [n('银发〔2021〕237号', '银发〔2021〕237号', '1:7')]],
  ['a title on the line before is not part of an unknown code', lines('关于印发《办法》的通知', '财金〔2024〕12号'), [n('财金〔2024〕12号', '财金〔2024〕12号', '2:1')]],
  ['an unknown code after a verb', '后来又重申财金〔2024〕12号', [n('财金〔2024〕12号', '财金〔2024〕12号', '1:6')]],
  ['an agency name with 和 before 令', '国家发展和改革委员会令〔2020〕第5号', [n('国家发展和改革委员会令〔2020〕第5号', '国家发展和改革委员会令〔2020〕5号')]],
  ['half-width []', '汇发[2013]21号', [n('汇发[2013]21号', '汇发〔2013〕21号')]],
  ['full-width ［］', '汇发［2013］21号', [n('汇发［2013］21号', '汇发〔2013〕21号')]],
  ['full-width （）', '国发（2009）12号', [n('国发（2009）12号', '国发〔2009〕12号')]],
  ['half-width ()', '国发(2009)12号', [n('国发(2009)12号', '国发〔2009〕12号')]],
  ['lenticular 【】', '银办发【2018】130号', [n('银办发【2018】130号', '银办发〔2018〕130号')]],
  ['small tortoise-shell ﹝﹞', '银发﹝2021﹞237号', [n('银发﹝2021﹞237号', '银发〔2021〕237号')]],
  ['white lenticular 〖〗', '银发〖2021〗237号', [n('银发〖2021〗237号', '银发〔2021〕237号')]],
  ['full-width digits', '银发〔２０２１〕２３７号', [n('银发〔２０２１〕２３７号', '银发〔2021〕237号')]],

  // 第 and spaces.
  ['optional 第', '证监发〔2020〕第53号', [n('证监发〔2020〕第53号', '证监发〔2020〕53号')]],
  ['第 with spaces', '中国人民银行令〔2003〕第 5 号', [n('中国人民银行令〔2003〕第 5 号', '中国人民银行令〔2003〕5号')]],
  ['space before 号', '银发〔2016〕162 号', [n('银发〔2016〕162 号', '银发〔2016〕162号')]],
  ['spaces around the bracket', '汇发 [2013] 21号', [n('汇发 [2013] 21号', '汇发〔2013〕21号')]],
  ['ideographic space', '银发\u3000〔2021〕\u3000237号', [n('银发\u3000〔2021〕\u3000237号', '银发〔2021〕237号')]],
  ['line break between issuer and bracket', '中国人民银行令\n（2003）第 5 号', [n('中国人民银行令⏎（2003）第 5 号', '中国人民银行令〔2003〕5号')]],
  ['CRLF between issuer and bracket', '银发\r\n〔2021〕237号', [n('银发⏎〔2021〕237号', '银发〔2021〕237号')]],
  ['PBOC order with 第', '中国人民银行令〔2003〕第5号', [n('中国人民银行令〔2003〕第5号', '中国人民银行令〔2003〕5号')]],
  ['long issuer code', '国家金融监督管理总局令〔2023〕第5号', [n('国家金融监督管理总局令〔2023〕第5号', '国家金融监督管理总局令〔2023〕5号')]],
  ['NFRA code', '金规〔2024〕24号', [n('金规〔2024〕24号', '金规〔2024〕24号')]],

  // Orders without a bracketed year.
  ['State Council order', '国务院令第752号', [n('国务院令第752号', '国务院令第752号')]],
  ['order with 年第', '国家金融监督管理总局令2023年第5号', [n('国家金融监督管理总局令2023年第5号', '国家金融监督管理总局令〔2023〕5号')]],
  ['order with 年第 ≡ bracketed', '国家金融监督管理总局令〔2023〕第5号；国家金融监督管理总局令2023年第5号',
    [n('国家金融监督管理总局令〔2023〕第5号', '国家金融监督管理总局令〔2023〕5号'),
      n('国家金融监督管理总局令2023年第5号', '国家金融监督管理总局令〔2023〕5号', '1:22')]],

  // Several issuers.
  ['joint order of two agencies', '中国人民银行 海关总署令〔2015〕第1号', [n('中国人民银行 海关总署令〔2015〕第1号', '中国人民银行海关总署令〔2015〕1号')]],
  ['joint order, no space', '中国人民银行海关总署令〔2015〕第1号', [n('中国人民银行海关总署令〔2015〕第1号', '中国人民银行海关总署令〔2015〕1号')]],

  // Lead-in words and surroundings are not part of the number.
  ['根据', '根据银发〔2021〕237号', [n('银发〔2021〕237号', '银发〔2021〕237号', '1:3')]],
  ['严格按照', '严格按照银发〔2021〕237号要求', [n('银发〔2021〕237号', '银发〔2021〕237号', '1:5')]],
  ['in parentheses after a title', '《关于进一步防范和处置虚拟货币交易炒作风险的通知》（银发〔2021〕237号）',
    [n('银发〔2021〕237号', '银发〔2021〕237号', '1:27')]],
  ['suffix 号文印发', '（财库〔2001〕24号文印发）', [n('财库〔2001〕24号', '财库〔2001〕24号', '1:2')]],
  ['suffix 号发布', '（中国人民银行令〔2003〕第5号发布）', [n('中国人民银行令〔2003〕第5号', '中国人民银行令〔2003〕5号', '1:2')]],
  ['unknown issuer after 根据', '根据浙金发〔2021〕5号', [n('浙金发〔2021〕5号', '浙金发〔2021〕5号', '1:3')]],
  ['two numbers joined by 、', '银发〔2013〕289号、银发〔2021〕237号',
    [n('银发〔2013〕289号', '银发〔2013〕289号'), n('银发〔2021〕237号', '银发〔2021〕237号', '1:14')]],

  // English renderings.
  ['Yinfa', 'Yinfa [2021] No. 237', [n('Yinfa [2021] No. 237', '银发〔2021〕237号')]],
  ['Yinfa, no space after No.', 'Yinfa [2021] No.237', [n('Yinfa [2021] No.237', '银发〔2021〕237号')]],
  ['Yinfa in parentheses', '(Yinfa [2026] No. 42)', [n('Yinfa [2026] No. 42', '银发〔2026〕42号', '1:2')]],
  ['Yinfa after a lead-in', 'See Yinfa [2021] No. 237.', [n('Yinfa [2021] No. 237', '银发〔2021〕237号', '1:5')]],
  ['Yinfa with （）', 'the Yinfa (2021) No. 237 notice', [n('Yinfa (2021) No. 237', '银发〔2021〕237号', '1:5')]],
  ['Yinfa broken across lines', 'under Yinfa\n[2021] No. 237', [n('Yinfa⏎[2021] No. 237', '银发〔2021〕237号', '1:7')]],
  ['NDRC Energy-saving Building', 'NDRC Energy-saving Building [2021] No. 1283',
    [n('NDRC Energy-saving Building [2021] No. 1283', '发改运行〔2021〕1283号')]],
  ['FGYX without brackets', 'FGYX 2021 No.1283', [n('FGYX 2021 No.1283', '发改运行〔2021〕1283号')]],
  ['Development and Reform Operation', 'Development and Reform Operation (2021) No. 1283',
    [n('Development and Reform Operation (2021) No. 1283', '发改运行〔2021〕1283号')]],
  ['PBOC Order', 'PBOC Order [2003] No. 5', [n('PBOC Order [2003] No. 5', '中国人民银行令〔2003〕5号')]],
  ['Order of the People\'s Bank of China', 'Order of the People\'s Bank of China [2003] No. 5',
    [n('Order of the People\'s Bank of China [2003] No. 5', '中国人民银行令〔2003〕5号')]],
  ['Order of the State Council, no year', 'Order of the State Council No. 752', [n('Order of the State Council No. 752', '国务院令第752号')]],
  ['unknown English issuer', 'Zhejin [2021] No. 5', [n('Zhejin [2021] No. 5', 'Zhejin〔2021〕5号')]],
  ['two English numbers', 'Yinfa [2021] No. 237 and Yinfa [2026] No. 42',
    [n('Yinfa [2021] No. 237', '银发〔2021〕237号'), n('Yinfa [2026] No. 42', '银发〔2026〕42号', '1:26')]],

  // Not numbers.
  ['a year', '2021年', []],
  ['a year in brackets alone', '（2009）', []],
  ['a year in brackets in prose', '本法（2009年修正）施行。', []],
  ['No. alone', 'No. 5', []],
  ['第N号 alone', '第5号', []],
  ['a date', '2021年9月15日', []],
  ['a year and a serial without issuer', '〔2021〕237号', []],
  ['lower-case English before the year', 'in [2021] No. 5 of the list', []],
  ['a section number', 'Section 5 [2021]', []],
];

for (const [what, text, expected] of cases) {
  test(`notice number: ${what}: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(numbersOf(text), expected);
  });
}

// The English and Chinese forms of one notice are the same notice.
const sameNotice: [string, string[]][] = [
  ['银发〔2021〕237号', ['银发〔2021〕237号', '银发[2021]237号', '银发（2021）第237号', 'Yinfa [2021] No. 237', 'Yinfa (2021) No.237', 'Yin Fa [2021] No. 237']],
  ['发改运行〔2021〕1283号', ['发改运行〔2021〕1283号', 'NDRC Energy-saving Building [2021] No. 1283', 'FGYX 2021 No.1283', 'Development and Reform Operation (2021) No. 1283', 'Fagai Yunxing [2021] No. 1283']],
  ['中国人民银行令〔2003〕5号', ['中国人民银行令〔2003〕第5号', '中国人民银行令〔2003〕5号', '中国人民银行令\n〔2003〕第 5 号', 'PBOC Order [2003] No. 5', 'PBC Order [2003] No. 5']],
  ['汇发〔2013〕21号', ['汇发〔2013〕21号', 'Huifa [2013] No. 21']],
  ['国务院令第752号', ['国务院令第752号', '国务院令第 752 号', 'Order of the State Council No. 752', 'State Council Order No. 752']],
];

for (const [key, forms] of sameNotice) {
  test(`same notice ${key}: ${forms.length} forms, one key`, () => {
    assert.deepEqual(forms.map((form) => `${JSON.stringify(form)} → ${noticeKeysOf(form).join(', ')}`), forms.map((form) => `${JSON.stringify(form)} → ${key}`));
  });
}

test('notice number: mention details (issuer, year, serial, language, known issuer)', () => {
  const document = analyse(lines('银发〔2021〕237号', 'Yinfa [2021] No. 237', '浙金发〔2021〕5号', '国务院令第752号'));
  assert.deepEqual(document.noticeNumbers.map(({ issuer, issuerKnown, year, serial, language }) => ({ issuer, issuerKnown, year, serial, language })), [
    { issuer: '银发', issuerKnown: true, year: 2021, serial: 237, language: 'zh' },
    { issuer: '银发', issuerKnown: true, year: 2021, serial: 237, language: 'en' },
    { issuer: '浙金发', issuerKnown: false, year: 2021, serial: 5, language: 'zh' },
    { issuer: '国务院令', issuerKnown: true, year: undefined, serial: 752, language: 'zh' },
  ]);
});

test('notice number: a number inside a sentence keeps exact UTF-16 offsets after emoji and CJK', () => {
  const text = '😀 见银发〔2021〕237号。';
  const [number] = analyse(text).noticeNumbers;
  assert.ok(number);
  assert.equal(text.slice(number.start, number.end), '银发〔2021〕237号');
  assert.equal(number.start, 4);
});

test('notice number: the NDRC\'s English forms of 发改财金 (NDRC Caijin, NDRC Finance) are that code', () => {
  assert.deepEqual(noticeKeysOf('See NDRC Finance [2025] No. 321 and NDRC Caijin [2024] No. 5.'), ['发改财金〔2025〕321号', '发改财金〔2024〕5号']);
});
