/**
 * Banned terms and their look-alikes (issue 8), in both languages:
 * - an acronym the document spells out as something else is that something else everywhere in the document
 *   (Regional Water Authority (RWA), risk-weighted assets (RWAs), RWA (…), RWA stands for …, 风险加权资产（RWA）),
 *   except where it is cited or mentioned; the bare acronym, and one spelled out as the banned meaning (real-world
 *   assets (RWA)), still are banned;
 * - a Chinese candidate that straddles a word boundary is not the term (虚拟资产负债表, 稳定币值), one at word
 *   boundaries still is (虚拟资产交易, 稳定币发行);
 * - mentions in the other ways people write them ('X', the term X, "X" is not "Y", (e.g. "X"), terms like X, “X”一词,
 *   名称中含有X字样 …); a term in a company name or a business scope is never one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt, lines, problemCodesOf, annotationsOf } from './fixture';

const hitsOf = (text: string) => annotationsOf(text, ['bannedTerm']);
const hit = (context: string) => (text: string, termId: string, at: string) => `bannedTerm "${text}" → ${termId} (${context}) @${at}`;
const use = hit('use');
const mention = hit('mention');
const citation = hit('citation');
const redefined = hit('redefined');

// [what, text, hits]
const cases: [string, string, string[]][] = [
  // An acronym spelled out as something else.
  ['an authority spelled out, then the acronym and its plural', 'The Regional Water Authority (RWA) met. RWAs report to it; the RWA said so.', [
    redefined('RWA', 'rwa', '1:31'), redefined('RWAs', 'rwa', '1:41'), redefined('RWA', 'rwa', '1:64'),
  ]],
  ['risk-weighted assets in a bank capital text', lines('Total risk-weighted assets (RWAs) rose.', 'Credit RWA grew; RWA density fell.'), [
    redefined('RWAs', 'rwa', '1:29'), redefined('RWA', 'rwa', '2:8'), redefined('RWA', 'rwa', '2:18'),
  ]],
  ['the acronym before what it stands for', 'RWA (Regional Water Authority) approved. The RWA met.', [redefined('RWA', 'rwa', '1:1'), redefined('RWA', 'rwa', '1:46')]],
  ['a mention of the banned acronym stays a mention', lines('The Riverside Water Authority (RWA) may not register "RWA Ltd."', 'because the term RWA is barred.'), [
    redefined('RWA', 'rwa', '1:32'), redefined('RWA', 'rwa', '1:55'), mention('RWA', 'rwa', '2:18'),
  ]],
  ['an acronym used before the document spells it out', lines('RWA annual report', 'The Rural Waterways Agency (RWA) maintains canals.'), [
    redefined('RWA', 'rwa', '1:1'), redefined('RWA', 'rwa', '2:29'),
  ]],
  ['a defined name in quotes', 'Risk Weighted Analytics Ltd. (the "RWA") and the RWA board', [redefined('RWA', 'rwa', '1:36'), redefined('RWA', 'rwa', '1:50')]],
  ['hereinafter', 'risk-weighted assets (hereinafter referred to as "RWA"); RWA rose', [redefined('RWA', 'rwa', '1:51'), redefined('RWA', 'rwa', '1:58')]],
  ['the words inside the parenthesis', 'capital over (Risk-Weighted Assets, RWA)', [redefined('RWA', 'rwa', '1:37')]],
  ['stands for', 'RWA stands for Regional Water Authority. The RWA met.', [redefined('RWA', 'rwa', '1:1'), redefined('RWA', 'rwa', '1:46')]],
  ['a quoted acronym that means something', '"RWA" means risk-weighted assets under Part 4. RWAs rose.', [redefined('RWA', 'rwa', '1:2'), redefined('RWAs', 'rwa', '1:48')]],
  ['a glossary line', lines('Abbreviations', 'RWA: risk-weighted assets', 'RWAs rose.'), [redefined('RWA', 'rwa', '2:1'), redefined('RWAs', 'rwa', '3:1')]],
  ['Chinese: 风险加权资产（RWA）', '本行风险加权资产（RWA）为1,234亿元，RWA增长主要来自贷款。', [redefined('RWA', 'rwa', '1:10'), redefined('RWA', 'rwa', '1:23')]],
  ['Chinese: English words inside the parenthesis', '风险加权资产（risk-weighted assets，RWA）', [redefined('RWA', 'rwa', '1:29')]],
  ['a company defined by its initials', 'Riverside Water Authority Limited ("RWA") and the RWA', [redefined('RWA', 'rwa', '1:37'), redefined('RWA', 'rwa', '1:51')]],
  ['Chinese: 以下简称', '风险加权资产（以下简称“RWA”）；RWA上升', [redefined('RWA', 'rwa', '1:13'), redefined('RWA', 'rwa', '1:19')]],
  ['Chinese: the acronym before what it stands for', 'RWA（风险加权资产）上升，RWA密度下降', [redefined('RWA', 'rwa', '1:1'), redefined('RWA', 'rwa', '1:15')]],
  ['Chinese: 是指', 'RWA是指风险加权资产。RWA上升。', [redefined('RWA', 'rwa', '1:1'), redefined('RWA', 'rwa', '1:13')]],

  // … and the banned acronym, which stays banned.
  ['the bare acronym', 'We offer RWA products and RWAs.', [use('RWA', 'rwa', '1:10'), use('RWAs', 'rwa', '1:27')]],
  ['spelled out as real-world assets', 'Real-world assets (RWA) are tokenised; RWA tokens trade.', [use('RWA', 'rwa', '1:20'), use('RWA', 'rwa', '1:40')]],
  ['spelled out as real-world asset tokenisation', 'Real World Asset (RWA) tokenisation', [use('RWA', 'rwa', '1:19')]],
  ['spelled out as real-world assets inside the parenthesis', '真实世界资产（Real World Assets，RWA）', [use('RWA', 'rwa', '1:26')]],
  ['a quoted acronym that means the banned thing', '"RWA" means real-world assets on a chain. RWAs are banned.', [use('RWA', 'rwa', '1:2'), use('RWAs', 'rwa', '1:43')]],
  ['Chinese: 现实世界资产（RWA）', '以现实世界资产（RWA）为名开展业务，RWA项目风险较大', [use('RWA', 'rwa', '1:9'), use('RWA', 'rwa', '1:20')]],
  ['Chinese: spelled out as tokenisation', '资产代币化（RWA）业务', [use('RWA', 'rwa', '1:7')]],
  ['Chinese: 是指 the banned thing', 'RWA是指现实世界资产上链。', [use('RWA', 'rwa', '1:1')]],
  ['initials that do not spell the acronym', 'the Authority (RWA) said; RWA again', [use('RWA', 'rwa', '1:16'), use('RWA', 'rwa', '1:27')]],
  ['a parenthesis that is no expansion', 'RWA (see Article 5) and RWA（含通证化）', [use('RWA', 'rwa', '1:1'), use('RWA', 'rwa', '1:25')]],
  ['RWA指数 is no 指', 'RWA指数上升', [use('RWA', 'rwa', '1:1')]],
  ['a colon that is no glossary', 'RWA: not allowed in names', [use('RWA', 'rwa', '1:1')]],

  // Chinese candidates across a word boundary.
  ['虚拟资产负债表 is a virtual balance sheet', '以虚拟资产负债表列示模拟数据', []],
  ['加密资产负债率', '加密资产负债率另行说明', []],
  ['稳定币值 is stabilising the currency value', '保持币值稳定，必要时稳定币值，稳定币制', []],
  ['terms at word boundaries', '开展虚拟资产交易，禁止虚拟货币交易，不参与稳定币发行，不提供与虚拟货币相关的服务', [
    use('虚拟资产', 'virtual-asset', '1:3'), use('虚拟货币', 'virtual-currency', '1:12'), use('稳定币', 'stablecoin', '1:22'),
    use('虚拟货币', 'virtual-currency', '1:32'),
  ]],
  ['terms before words the segmenter might join', '虚拟资产业务、加密资产证券化、虚拟货币政策、现实世界资产代币化合规要求', [
    use('虚拟资产', 'virtual-asset', '1:1'), use('加密资产', 'crypto-asset', '1:8'), use('虚拟货币', 'virtual-currency', '1:16'),
    use('现实世界资产代币化', 'real-world-asset-tokenization', '1:23'),
  ]],
  ['terms after words', '泰达币等虚拟货币具有非货币当局发行的特征；涉虚拟货币交易资金；实现现实世界资产代币化', [
    use('虚拟货币', 'virtual-currency', '1:5'), use('虚拟货币', 'virtual-currency', '1:23'), use('现实世界资产代币化', 'real-world-asset-tokenization', '1:34'),
  ]],
  ['a term broken across a line is read whole', lines('以虚拟资产负', '债表列示；开展虚拟', '资产交易'), [use('虚拟⏎资产', 'virtual-asset', '2:8')]],

  // Mentions written in other ways.
  ['single quotes', "The word 'stablecoin' is barred; names may not use 'crypto asset' or 'RWA'.", [
    mention('stablecoin', 'stablecoin', '1:11'), mention('crypto asset', 'crypto-asset', '1:53'), mention('RWA', 'rwa', '1:71'),
  ]],
  ['straight single quotes in Chinese', "不得使用'稳定币'字样", [mention('稳定币', 'stablecoin', '1:6')]],
  ['the acronym X', 'The acronym RWA is barred.', [mention('RWA', 'rwa', '1:13')]],
  ['the term X, unquoted', 'The term stablecoin is not allowed; the banned word RWA neither.', [mention('stablecoin', 'stablecoin', '1:10'), mention('RWA', 'rwa', '1:53')]],
  ['terms like X, Y or Z', 'Do not use terms like stablecoin, crypto asset or RWA in names.', [
    mention('stablecoin', 'stablecoin', '1:23'), mention('crypto asset', 'crypto-asset', '1:35'), mention('RWA', 'rwa', '1:51'),
  ]],
  ['terms like, after a word that is not banned', 'Avoid words like token, stablecoin and RWA.', [mention('stablecoin', 'stablecoin', '1:25'), mention('RWA', 'rwa', '1:40')]],
  ['"X" is not "Y"', '"Stablecoin" is not "stable coin": both are barred.', [mention('Stablecoin', 'stablecoin', '1:2'), mention('stable coin', 'stablecoin', '1:22')]],
  ['“X”而非“Y”', '名称应写作“数字资产”而非“虚拟资产”', [mention('虚拟资产', 'virtual-asset', '1:15')]],
  ['a comparison of things is no contrast of words', '“稳定币”不同于“虚拟货币”', [use('稳定币', 'stablecoin', '1:2'), use('虚拟货币', 'virtual-currency', '1:10')]],
  ['(e.g. "X")', 'Avoid crypto jargon (e.g. "stablecoin").', [mention('stablecoin', 'stablecoin', '1:28')]],
  ['such as "X" or "Y"', 'Names must avoid jargon such as "stablecoin" or "virtual currency".', [
    mention('stablecoin', 'stablecoin', '1:34'), mention('virtual currency', 'virtual-currency', '1:50'),
  ]],
  ['names containing "X"', 'Names containing "stablecoin" are rejected.', [mention('stablecoin', 'stablecoin', '1:19')]],
  ['不得使用“X”等表述', '不得使用“虚拟货币”“虚拟资产”等表述', [mention('虚拟货币', 'virtual-currency', '1:6'), mention('虚拟资产', 'virtual-asset', '1:12')]],
  ['“X”一词', '“稳定币”一词不得出现在名称中', [mention('稳定币', 'stablecoin', '1:2')]],
  ['“X”、“Y”等字样', '不得含有“虚拟货币”、“稳定币”等字样', [mention('虚拟货币', 'virtual-currency', '1:6'), mention('稳定币', 'stablecoin', '1:13')]],
  ['名称中含有X字样, unquoted', '名称中含有加密货币字样的，一律驳回', [mention('加密货币', 'cryptocurrency', '1:6')]],
  ['an unquoted list before 等字样', '企业名称中不得含有虚拟货币、虚拟资产、稳定币等字样。', [
    mention('虚拟货币', 'virtual-currency', '1:10'), mention('虚拟资产', 'virtual-asset', '1:15'), mention('稳定币', 'stablecoin', '1:20'),
  ]],
  ['“X”这一说法', '“稳定币”这一说法并不准确', [mention('稳定币', 'stablecoin', '1:2')]],

  // Never a mention: company names, business scopes; and other near misses.
  ['a Chinese company name, quoted in a sentence about words', '不得使用“深圳稳定币科技有限公司”作为名称', [use('稳定币', 'stablecoin', '1:8')]],
  ['a Chinese company name with a place in brackets', '名称：稳定币科技（深圳）有限公司', [use('稳定币', 'stablecoin', '1:4')]],
  ['a quoted English company name after "the word"', 'The word "Stablecoin Tech Co., Ltd." is a name.', [use('Stablecoin', 'stablecoin', '1:11')]],
  ['an English company name with a place in brackets', 'the names "Stablecoin Tech (HK) Limited" and "Bluewater Ltd"', [use('Stablecoin', 'stablecoin', '1:12')]],
  ['a quoted term in a Chinese business scope', '经营范围：软件开发；“虚拟货币”交易咨询；技术服务', [use('虚拟货币', 'virtual-currency', '1:12')]],
  ['a quoted term in an English business scope', 'Business scope: consulting and "stablecoin" issuance.', [use('stablecoin', 'stablecoin', '1:33')]],
  ['a business scope that excludes words', '经营范围：信息咨询，但不含“RWA”等字样', [mention('RWA', 'rwa', '1:15')]],
  ['scare quotes in prose', 'We issue "stablecoins" to clients; 通过“虚拟货币”交易方式转移赌资', [use('stablecoins', 'stablecoin', '1:11'), use('虚拟货币', 'virtual-currency', '1:39')]],
  ['a list of activities before 表述 is no list of words', '从事虚拟货币、稳定币等业务的表述', [use('虚拟货币', 'virtual-currency', '1:3'), use('稳定币', 'stablecoin', '1:8')]],
  ['a fund that contains is no name that contains', 'The fund contains "stablecoin" reserves.', [use('stablecoin', 'stablecoin', '1:20')]],
  ['such as, unquoted, is an example of things', 'products such as stablecoins are risky', [use('stablecoins', 'stablecoin', '1:18')]],
  ['long term and short term are no terms', 'long-term stablecoin holdings and the short term RWA exposure', [use('stablecoin', 'stablecoin', '1:11'), use('RWA', 'rwa', '1:50')]],
  ['in other words', 'In other words stablecoins fail.', [use('stablecoins', 'stablecoin', '1:16')]],
  ['an apostrophe is no quote', "the banks' stablecoin reserves and People's Bank stablecoin rules", [
    use('stablecoin', 'stablecoin', '1:12'), use('stablecoin', 'stablecoin', '1:50'),
  ]],
  ['并非 before no quote', '辩护人提出涉案“稳定币”并非法定货币', [use('稳定币', 'stablecoin', '1:9')]],
  ['a citation stays a citation', '依据《关于进一步防范和处置虚拟货币等相关风险的通知》，企业名称中不得含有虚拟货币字样', [
    citation('虚拟货币', 'virtual-currency', '1:14'), mention('虚拟货币', 'virtual-currency', '1:37'),
  ]],
];

for (const [what, text, expected] of cases) {
  test(`banned look-alikes: ${what}`, () => {
    assert.deepEqual(hitsOf(text), expected);
  });
}

// Which are reported: uses only.
const reported: [string, string, string[]][] = [
  ['an acronym spelled out as something else', lines('The Regional Water Authority (RWA) met.', 'RWAs report.'), []],
  ['the banned acronym', 'Real-world assets (RWA) tokenisation', ['1:20 banned-term']],
  ['a virtual balance sheet', '虚拟资产负债表', []],
  ['a mention in single quotes', "the word 'stablecoin'", []],
  ['a company name', '深圳市稳定币科技有限公司', ['1:4 banned-term']],
];

for (const [what, text, expected] of reported) {
  test(`banned look-alikes reported: ${what}`, () => {
    assert.deepEqual(problemCodesOf(text), expected);
  });
}

test('banned look-alikes hover: a redefined acronym says what it stands for and where', () => {
  const hover = hoverAt(lines('Minutes', 'The Regional Water Authority (RWA) met.', 'The R$0WAs reported.'));
  assert.match(hover ?? '', /^\*\*RWAs\*\* — “Regional Water Authority”, as this document spells it out \(line 2\)/);
  assert.match(hover ?? '', /Not the banned acronym/);
  assert.doesNotMatch(hover ?? '', /\*\*Banned term\*\*/);
});

test('banned look-alikes hover: a Chinese redefined acronym', () => {
  assert.match(hoverAt('风险加权资产（RWA）上升，R$0WA密度下降') ?? '', /^\*\*RWA\*\* — “风险加权资产”/);
});

test('banned look-alikes hover: the banned acronym is still the banned term', () => {
  assert.match(hoverAt('Real-world assets (R$0WA) tokenisation') ?? '', /^\*\*Banned term\*\* “RWA”/);
});
