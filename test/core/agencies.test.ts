/**
 * Agencies: full names, abbreviations (case-sensitive), Chinese full and short names, predecessors, longest match
 * first (a commercial bank is not the central bank), names broken across lines, curly apostrophes, full-width
 * letters, and the phrases that contain a name without being one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, annotationsOf, lines } from './fixture';

const agenciesOf = (text: string) => annotationsOf(text, ['agency']);
const a = (text: string, id: string, at: string) => `agency "${text}" → ${id} @${at}`;

// [what, text, agencies found]
const cases: [string, string, string[]][] = [
  // English full names and abbreviations.
  ['full name and abbreviations', 'The People\'s Bank of China (PBOC), the PBC and the PBoC.',
    [a('People\'s Bank of China', 'pboc', '1:5'), a('PBOC', 'pboc', '1:29'), a('PBC', 'pboc', '1:40'), a('PBoC', 'pboc', '1:52')]],
  ['curly apostrophe', 'The People’s Bank of China said.', [a('People’s Bank of China', 'pboc', '1:5')]],
  ['full names in any case', 'THE PEOPLE\'S BANK OF CHINA and the state council', [a('PEOPLE\'S BANK OF CHINA', 'pboc', '1:5'), a('state council', 'state-council', '1:36')]],
  ['abbreviations are case-sensitive', 'SAFE and safe and Safe; NDRC and ndrc', [a('SAFE', 'safe', '1:1'), a('NDRC', 'ndrc', '1:25')]],
  ['abbreviations inside identifiers are not names', 'xPBOC PBOC2 PBOC_x SAFEty', []],
  ['abbreviations with punctuation around them', '(PBOC), "SAFE", CSRC.', [a('PBOC', 'pboc', '1:2'), a('SAFE', 'safe', '1:10'), a('CSRC', 'csrc', '1:17')]],
  ['several regulators', 'the National Financial Regulatory Administration (NFRA), the China Securities Regulatory Commission and SAMR',
    [a('National Financial Regulatory Administration', 'nfra', '1:5'), a('NFRA', 'nfra', '1:51'), a('China Securities Regulatory Commission', 'csrc', '1:62'), a('SAMR', 'samr', '1:105')]],
  ['predecessors', 'CBIRC, CBRC and CIRC were replaced by the NFRA (also NAFR).',
    [a('CBIRC', 'cbirc', '1:1'), a('CBRC', 'cbrc', '1:8'), a('CIRC', 'circ', '1:17'), a('NFRA', 'nfra', '1:43'), a('NAFR', 'nfra', '1:54')]],
  ['courts', 'the Supreme People\'s Court and the Supreme People\'s Procuratorate',
    [a('Supreme People\'s Court', 'spc', '1:5'), a('Supreme People\'s Procuratorate', 'spp', '1:36')]],
  ['alias with "of the People\'s Republic of China"', 'Ministry of Public Security of the People\'s Republic of China',
    [a('Ministry of Public Security of the People\'s Republic of China', 'mps', '1:1')]],

  // Longest match first.
  ['Bank of China Limited is a commercial bank', 'Bank of China Limited and Bank of China',
    [a('Bank of China Limited', 'boc', '1:1'), a('Bank of China', 'boc', '1:27')]],
  ['Agricultural Bank of China vs Agricultural Development Bank of China', 'Agricultural Bank of China and Agricultural Development Bank of China',
    [a('Agricultural Bank of China', 'abc', '1:1'), a('Agricultural Development Bank of China', 'adbc', '1:32')]],
  ['China Banking Association', 'the China Banking Association', [a('China Banking Association', 'china-banking-association', '1:5')]],
  ['company name with Co., Ltd.', 'Bank of Communications Co., Ltd. (BoCom)', [a('Bank of Communications Co., Ltd.', 'bocom', '1:1'), a('BoCom', 'bocom', '1:35')]],
  ['not an agency: Central Bank of China', 'the Central Bank of China', []],
  ['not an agency: SAIC Motor, CAC 40', 'SAIC Motor and the CAC 40 index; the SAIC and the CAC', [a('SAIC', 'saic', '1:38'), a('CAC', 'cac', '1:51')]],

  // Chinese.
  ['Chinese full and short names', '中国人民银行、人民银行、央行', [a('中国人民银行', 'pboc', '1:1'), a('人民银行', 'pboc', '1:8'), a('央行', 'pboc', '1:13')]],
  ['Chinese predecessors', '银保监会、银监会、保监会', [a('银保监会', 'cbirc', '1:1'), a('银监会', 'cbrc', '1:6'), a('保监会', 'circ', '1:10')]],
  ['中国银行 vs 中国人民银行', '中国银行与中国人民银行', [a('中国银行', 'boc', '1:1'), a('中国人民银行', 'pboc', '1:6')]],
  ['中国银行业协会 is an association', '中国银行业协会发布', [a('中国银行业协会', 'china-banking-association', '1:1')]],
  ['中国银行业 is the banking sector', '中国银行业金融机构', []],
  ['境外央行 is a foreign central bank', '境外央行和央行', [a('央行', 'pboc', '1:6')]],
  ['中央行政 is not 央行', '中央行政机关', []],
  ['国务院 X 监督管理机构 is a generic regulator', '国务院银行业监督管理机构', []],
  ['公安部门 is a department, 公安部 a ministry', '公安部门和公安部', [a('公安部', 'mps', '1:6')]],
  ['long official name', '中华人民共和国国务院', [a('中华人民共和国国务院', 'state-council', '1:1')]],
  ['agency before its branches', '中国人民银行分支机构', [a('中国人民银行', 'pboc', '1:1')]],
  ['policy banks', '国家开发银行、国开行、中国农业发展银行', [a('国家开发银行', 'cdb', '1:1'), a('国开行', 'cdb', '1:8'), a('中国农业发展银行', 'adbc', '1:12')]],

  // Layout.
  ['English name broken across lines', lines('The People\'s Bank', 'of China and the National Financial', 'Regulatory Administration'),
    [a('People\'s Bank⏎of China', 'pboc', '1:5'), a('National Financial⏎Regulatory Administration', 'nfra', '2:18')]],
  ['Chinese name broken across lines', lines('中国人民', '银行会同国家金融监督', '管理总局'),
    [a('中国人民⏎银行', 'pboc', '1:1'), a('国家金融监督⏎管理总局', 'nfra', '2:5')]],
  ['Chinese name broken across CRLF lines', '中国人民\r\n银行', [a('中国人民⏎银行', 'pboc', '1:1')]],
  ['signature lines indented with U+3000', lines('\u3000\u3000中国人民银行', '\u3000\u3000国家金融监督管理总局'),
    [a('中国人民银行', 'pboc', '1:3'), a('国家金融监督管理总局', 'nfra', '2:3')]],
  ['extra spaces inside an English name', 'People\'s  Bank   of China', [a('People\'s  Bank   of China', 'pboc', '1:1')]],
  ['names do not run across a blank line: the first line holds a shorter name', lines('the People\'s Bank', '', 'of China'), [a('People\'s Bank', 'pboc', '1:5')]],
  ['an abbreviation in a heading of capitals is a word', 'SAFE HARBOUR RULES and SAFE DEPOSIT BOX; the PBOC, CSRC and SAFE', [a('PBOC', 'pboc', '1:46'), a('CSRC', 'csrc', '1:52'), a('SAFE', 'safe', '1:61')]],
  ['the PBOC credit reference center is not the PBOC', '中国人民银行征信中心', [a('中国人民银行征信中心', 'pboc-crc', '1:1')]],
  ['full-width letters at the start of the text', 'ＰＢＯＣ said', [a('ＰＢＯＣ', 'pboc', '1:1')]],
  ['full-width letters after a space', 'the ＳＡＦＥ said', [a('ＳＡＦＥ', 'safe', '1:5')]],
  ['after emoji: exact UTF-16 columns', '😀😀 PBOC', [a('PBOC', 'pboc', '1:6')]],
];

for (const [what, text, expected] of cases) {
  test(`agency: ${what}`, () => {
    assert.deepEqual(agenciesOf(text), expected);
  });
}

test('agency: an agency mention has its text and id, and its range covers the name exactly', () => {
  const text = '由中国人民银行负责';
  const [mention] = analyse(text).agencies;
  assert.ok(mention);
  assert.deepEqual({ start: mention.start, end: mention.end, text: mention.text, agencyId: mention.agencyId }, { start: 1, end: 7, text: '中国人民银行', agencyId: 'pboc' });
});
