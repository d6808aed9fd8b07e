/**
 * Banned terms (clause (8) of Yinfa [2026] No. 42): the seven terms in both languages, plurals, capitals, hyphen and
 * space variants, phrases broken across lines; identifiers and 代币票券 are not hits; a term inside a quoted
 * official title is a citation and a bare quoted term a mention (neither reported); a term in plain prose is
 * a use, reported as a problem.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, annotationsOf, lines, problemCodesOf, problemsOf, messageOf } from './fixture';

const hitsOf = (text: string) => annotationsOf(text, ['bannedTerm']);
const use = (text: string, termId: string, at: string) => `bannedTerm "${text}" → ${termId} (use) @${at}`;
const citation = (text: string, termId: string, at: string) => `bannedTerm "${text}" → ${termId} (citation) @${at}`;
const mention = (text: string, termId: string, at: string) => `bannedTerm "${text}" → ${termId} (mention) @${at}`;

// [what, text, hits]
const cases: [string, string, string[]][] = [
  ['the seven terms in English',
    'Scope: virtual currency, virtual asset, cryptocurrency, crypto asset, stablecoin, real-world asset tokenization and RWA.', [
      use('virtual currency', 'virtual-currency', '1:8'), use('virtual asset', 'virtual-asset', '1:26'), use('cryptocurrency', 'cryptocurrency', '1:41'),
      use('crypto asset', 'crypto-asset', '1:57'), use('stablecoin', 'stablecoin', '1:71'),
      use('real-world asset tokenization', 'real-world-asset-tokenization', '1:83'), use('RWA', 'rwa', '1:117'),
    ]],
  ['the seven terms in Chinese', '经营范围：虚拟货币、虚拟资产、加密货币、加密资产、稳定币、现实世界资产代币化、RWA。', [
    use('虚拟货币', 'virtual-currency', '1:6'), use('虚拟资产', 'virtual-asset', '1:11'), use('加密货币', 'cryptocurrency', '1:16'),
    use('加密资产', 'crypto-asset', '1:21'), use('稳定币', 'stablecoin', '1:26'), use('现实世界资产代币化', 'real-world-asset-tokenization', '1:30'),
    use('RWA', 'rwa', '1:40'),
  ]],
  ['Chinese terms inside a company name', '深圳市稳定币科技有限公司', [use('稳定币', 'stablecoin', '1:4')]],
  ['plurals', 'virtual currencies, virtual assets, cryptocurrencies, crypto assets, stablecoins, RWAs', [
    use('virtual currencies', 'virtual-currency', '1:1'), use('virtual assets', 'virtual-asset', '1:21'), use('cryptocurrencies', 'cryptocurrency', '1:37'),
    use('crypto assets', 'crypto-asset', '1:55'), use('stablecoins', 'stablecoin', '1:70'), use('RWAs', 'rwa', '1:83'),
  ]],
  ['capitals', 'Virtual Currency, VIRTUAL ASSET, CryptoCurrency, StableCoin, Real-World Asset Tokenization, rwa', [
    use('Virtual Currency', 'virtual-currency', '1:1'), use('VIRTUAL ASSET', 'virtual-asset', '1:19'), use('CryptoCurrency', 'cryptocurrency', '1:34'),
    use('StableCoin', 'stablecoin', '1:50'), use('Real-World Asset Tokenization', 'real-world-asset-tokenization', '1:62'), use('rwa', 'rwa', '1:93'),
  ]],
  ['hyphen and space variants', 'crypto-asset, crypto asset, crypto currency, stable coin, stable-coin, virtual-currency', [
    use('crypto-asset', 'crypto-asset', '1:1'), use('crypto asset', 'crypto-asset', '1:15'), use('crypto currency', 'cryptocurrency', '1:29'),
    use('stable coin', 'stablecoin', '1:46'), use('stable-coin', 'stablecoin', '1:59'), use('virtual-currency', 'virtual-currency', '1:72'),
  ]],
  ['Unicode hyphens and odd spaces', 'virtual\u2010currency, crypto\u2011asset, virtual\u00a0asset, stable  coin', [
    use('virtual\u2010currency', 'virtual-currency', '1:1'), use('crypto\u2011asset', 'crypto-asset', '1:19'), use('virtual\u00a0asset', 'virtual-asset', '1:33'),
    use('stable  coin', 'stablecoin', '1:48'),
  ]],
  ['RWA spelled out in other word orders', 'real world asset tokenization; real-world-asset tokenisation; tokenization of real-world assets', [
    use('real world asset tokenization', 'real-world-asset-tokenization', '1:1'), use('real-world-asset tokenisation', 'real-world-asset-tokenization', '1:32'),
    use('tokenization of real-world assets', 'real-world-asset-tokenization', '1:63'),
  ]],
  ['broken across a line', lines('trading virtual', 'currency and crypto-', 'assets and stable', 'coins'), [
    use('virtual⏎currency', 'virtual-currency', '1:9'), use('crypto-⏎assets', 'crypto-asset', '2:14'), use('stable⏎coins', 'stablecoin', '3:12'),
  ]],
  ['broken across a CRLF line, indented', 'virtual\r\n\u3000\u3000currency', [use('virtual⏎\u3000\u3000currency', 'virtual-currency', '1:1')]],
  ['Chinese broken across a line', lines('从事虚拟', '货币和稳定', '币业务'), [use('虚拟⏎货币', 'virtual-currency', '1:3'), use('稳定⏎币', 'stablecoin', '2:4')]],
  ['not across a blank line', lines('virtual', '', 'currency'), []],

  // Not hits.
  ['identifiers', 'xRWA RWA2 RWA_token rwa_x', []],
  ['longer words', 'virtual currencyx cryptocurrencyexchange stablecoinage', []],
  ['代币票券 is a token coupon', '非法发售代币票券', []],
  ['RWA next to Chinese is a hit', '不得开展RWA业务', [use('RWA', 'rwa', '1:5')]],
  ['RWA- compound is a hit', 'RWA-related transactions', [use('RWA', 'rwa', '1:1')]],

  // Citations: inside an official title.
  ['inside 《…》', '依据《关于防范虚拟货币交易风险的通知》执行', [citation('虚拟货币', 'virtual-currency', '1:8')]],
  ['inside 《…》 with a number after it', '《关于整治虚拟货币“挖矿”活动的通知》（发改运行〔2021〕1283号）', [citation('虚拟货币', 'virtual-currency', '1:6')]],
  ['inside a quoted English title', 'the "Notice on Further Preventing and Dealing with Risks Related to Virtual Currency and Others"',
    [citation('Virtual Currency', 'virtual-currency', '1:69')]],
  ['inside a curly-quoted English title with a number after it',
    'the “Notice on the Rectification of Virtual Currency Mining Activities” (NDRC Energy-saving Building [2021] No. 1283)',
    [citation('Virtual Currency', 'virtual-currency', '1:37')]],
  ['inside a quote followed by a notice number', 'the "Rules for Stablecoin Issuers" (Yinfa [2026] No. 9)', [citation('Stablecoin', 'stablecoin', '1:16')]],

  ['an unquoted title followed by its number', 'PBOC issued the Notice on Further Preventing Risks Related to Virtual Currency and Others (Yinfa [2026] No. 42) today.',
    [citation('Virtual Currency', 'virtual-currency', '1:63')]],
  ['an unquoted title that ends in a kind of document', 'the Hong Kong Stablecoins Ordinance applies', [citation('Stablecoins', 'stablecoin', '1:15')]],
  ['a Title Case company name is no title', 'Beijing Stablecoin Technology Co., Ltd. was registered', [use('Stablecoin', 'stablecoin', '1:9')]],
  ['a quote in single curly quotes is a quote', 'the word ‘stablecoin’ is barred', [mention('stablecoin', 'stablecoin', '1:11')]],
  ['a quoted list in a business scope is a use', 'Business scope: "RWA", "stablecoin" and "crypto asset" consulting services.',
    [use('RWA', 'rwa', '1:18'), use('stablecoin', 'stablecoin', '1:25'), use('crypto asset', 'crypto-asset', '1:42')]],
  ['several terms in one quote, listed as words', '不得含有“虚拟货币、稳定币”等字样', [mention('虚拟货币', 'virtual-currency', '1:6'), mention('稳定币', 'stablecoin', '1:11')]],

  ['a web or e-mail address is no use', 'see https://rwa-token.com or write to rwa@example.com', []],
  ['the closed compound cryptoasset', 'Cryptoasset Ltd', [use('Cryptoasset', 'crypto-asset', '1:1')]],

  // Mentions: the bare term in quotes, talked about as a word.
  ['bare quoted English terms in an "or" list', 'shall not contain "stablecoin" or “crypto asset.”', [mention('stablecoin', 'stablecoin', '1:20'), mention('crypto asset', 'crypto-asset', '1:36')]],
  ['bare quoted terms with a trailing comma inside the quotes', 'terms such as "virtual currency," "RWA,"', [mention('virtual currency', 'virtual-currency', '1:16'), mention('RWA', 'rwa', '1:36')]],
  ['the seed\'s list of quoted terms', 'shall not contain terms such as "virtual currency," "virtual asset," "cryptocurrency," "crypto asset," "stablecoin," "real-world asset tokenization" or "RWA."', [
    mention('virtual currency', 'virtual-currency', '1:34'), mention('virtual asset', 'virtual-asset', '1:54'), mention('cryptocurrency', 'cryptocurrency', '1:71'),
    mention('crypto asset', 'crypto-asset', '1:89'), mention('stablecoin', 'stablecoin', '1:105'),
    mention('real-world asset tokenization', 'real-world-asset-tokenization', '1:119'), mention('RWA', 'rwa', '1:154'),
  ]],
  ['bare quoted Chinese terms', '不得含有“虚拟货币”“稳定币”等字样', [mention('虚拟货币', 'virtual-currency', '1:6'), mention('稳定币', 'stablecoin', '1:12')]],
  ['corner brackets', '不得使用「虚拟货币」字样', [mention('虚拟货币', 'virtual-currency', '1:6')]],
  ['a quoted term in a business scope is a use', '经营范围：“稳定币”技术服务', [use('稳定币', 'stablecoin', '1:7')]],

  // Uses.
  ['plain English prose', 'We trade stablecoins daily.', [use('stablecoins', 'stablecoin', '1:10')]],
  ['plain Chinese prose', '我公司经营稳定币兑换业务', [use('稳定币', 'stablecoin', '1:6')]],
  ['a quoted phrase that is not a title', 'the "stablecoin business" is ours', [use('stablecoin', 'stablecoin', '1:6')]],
  ['a quoted company name', '"Virtual Currency Exchange Co., Ltd."', [use('Virtual Currency', 'virtual-currency', '1:2')]],
  ['an unclosed quote on the line before does not make a mention', lines('he said "yes', 'we sell stablecoin" today'), [use('stablecoin', 'stablecoin', '2:9')]],
];

for (const [what, text, expected] of cases) {
  test(`banned term: ${what}`, () => {
    assert.deepEqual(hitsOf(text), expected);
  });
}

// Which hits are problems: uses only.
const reported: [string, string, string[]][] = [
  ['use', 'We trade stablecoin.', ['1:10 banned-term']],
  ['citation', '《关于防范虚拟货币交易风险的通知》', []],
  ['mention', '不得含有“稳定币”字样', []],
  ['identifier', 'field xRWA', []],
  ['a business scope with two uses and a mention', '经营范围：虚拟货币交易、稳定币兑换，但不含“RWA”等字样', ['1:6 banned-term', '1:13 banned-term']],
];

for (const [what, text, expected] of reported) {
  test(`banned term problems: ${what}`, () => {
    assert.deepEqual(problemCodesOf(text), expected);
  });
}

test('banned term problem: severity and message name the term and the source', () => {
  const [problem] = analyse('We trade stablecoin.').problems;
  assert.ok(problem);
  assert.equal(problem.severity, 'warning');
  assert.match(messageOf(problem), /"stablecoin"/);
  assert.match(messageOf(problem), /Yinfa \[2026\] No\. 42/);
});

test('banned term problem: the message quotes a line-broken term as it reads', () => {
  assert.deepEqual(problemsOf(lines('从事虚拟', '货币业务', 'in crypto-', 'assets')).map((problem) => /"([^"]*)"/.exec(problem)?.[1]), ['虚拟货币', 'crypto-assets']);
});
