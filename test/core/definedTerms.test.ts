/**
 * Defined terms (the forms in server/src/core/scan/definedTerms.ts): (hereinafter referred to as "X"), "X" means …,
 * X refers to …, （以下简称“X”）, X是指…, 本办法所称X，是指…; their later uses (plurals, capitals, line breaks), and
 * go-to-definition from a use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, annotationsOf, definitionAt, lines, referencesAt } from './fixture';

/** The definitions of a text: `term ← definition`. */
const definitionsOf = (text: string) => analyse(text).definitions.map((term) => `${term.term} ← ${term.definition}`);
const sitesAndUses = (text: string) => annotationsOf(text, ['termDefinition', 'termUse']);
const def = (text: string, key: string, at: string) => `termDefinition "${text}" → ${key} @${at}`;
const use = (text: string, key: string, at: string) => `termUse "${text}" → ${key} @${at}`;

// [what, text, definitions found (term ← defining words)]
const definitions: [string, string, string[]][] = [
  // English.
  ['(hereinafter referred to as "X")', 'Banks that issue tokens (hereinafter referred to as "deposit tokens") shall report.',
    ['deposit tokens ← Banks that issue tokens']],
  ['(hereinafter "X")', 'The People\'s Bank of China (hereinafter "the Bank") decides.', ['Bank ← The People\'s Bank of China']],
  ['(hereafter called “X”) with curly quotes', 'the service providers (hereafter called “providers”) shall', ['providers ← the service providers']],
  ['(hereinafter referred to as the "X")', 'the Regulations on Payment (hereinafter referred to as the "Regulations") apply.',
    ['Regulations ← the Regulations on Payment']],
  ['hereinafter after other words in the parentheses',
    'the "Regulations on Non-bank Payment Institutions" (Order of the State Council No. 768, hereinafter referred to as the "Regulations") apply.',
    ['Regulations ← the "Regulations on Non-bank Payment Institutions"']],
  ['an abbreviation is not a sentence end', 'Rules in U.S. Dollars for Banks (hereinafter "Banks Rules") apply.', ['Banks Rules ← Rules in U.S. Dollars for Banks']],
  ['the Chinese phrase abbreviated stops at punctuation', '经审查，同意境外机构（以下简称“机构”）发行债券。', ['机构 ← 境外机构']],
  ['the abbreviated phrase does not reach back over a title line', lines('关于境外机构发行债券的通知', '汇发〔2022〕10号', '境外机构（以下简称“机构”）应当登记。'), ['机构 ← 境外机构']],
  ['以下统称', '银行和保险公司（以下统称“金融机构”）应当报告。', ['金融机构 ← 银行和保险公司']],
  ['a clause label before X是指 is not part of the term', lines('第三条　数字钱包是指记载预付价值的账户。'), ['数字钱包 ← 记载预付价值的账户。']],
  ['所谓X，是指', '第二十三条　所谓情节严重，是指数额巨大。', ['情节严重 ← 数额巨大。']],
  ['a quoted name in parentheses', 'China Merchants Bank Co., Ltd. (the "Bank") shall report.', ['Bank ← China Merchants Bank Co., Ltd.']],
  ['"X" refers to', '"Digital wallet" refers to an account opened by a provider. Other text.', ['Digital wallet ← an account opened by a provider.']],
  ['"X" means', '“Customer” means any person who opens an account.', ['Customer ← any person who opens an account.']],
  ['"X" shall mean', '"Provider" shall mean a licensed institution.', ['Provider ← a licensed institution.']],
  ['X refers to, at a sentence start', 'Rules apply. Digital wallet refers to an account. More.', ['Digital wallet ← an account.']],
  ['X refers to, after a clause label', '(I) Scope. Payment service refers to any service.', ['Payment service ← any service.']],
  ['a lead-in of scope, then the subject in lower case with its article', '(I) For the purposes of this Notice, a financial data processor means a banking or insurance institution.', ['financial data processor ← a banking or insurance institution.']],
  ['"In these Measures, the term X refers to"', 'In these Measures, the term payment institution refers to a non-bank institution.', ['payment institution ← a non-bank institution.']],
  ['no lead-in inside a sentence, no pronoun after one', lines('Banks shall report, for the purposes of this Notice, a summary means nothing.', 'For the purposes of this Notice, he means well.'), []],
  ['pronouns are not terms', 'This refers to that. It refers to this.', []],

  // Chinese.
  ['（以下简称“X”）', '非银行支付机构（以下简称“支付机构”）应当报告。', ['支付机构 ← 非银行支付机构']],
  ['（以下简称X） without quotes', '中国人民银行（以下简称人民银行）负责。', ['人民银行 ← 中国人民银行']],
  ['（下文称“X”）', '本办法所指的机构（下文称“机构”）', ['机构 ← 本办法所指的机构']],
  ['(以下简称X) with half-width parentheses', '国家外汇管理局(以下简称外汇局)负责。', ['外汇局 ← 国家外汇管理局']],
  ['“X”是指', '“数字钱包”是指支付机构开立的账户。其他。', ['数字钱包 ← 支付机构开立的账户。']],
  ['X是指', '数字钱包是指账户。', ['数字钱包 ← 账户。']],
  ['本办法所称X，是指', '本办法所称虚拟货币，是指不由货币当局发行的数字货币。', ['虚拟货币 ← 不由货币当局发行的数字货币。']],
  ['本办法所称X是指', '本办法所称支付机构是指依法取得许可的机构。', ['支付机构 ← 依法取得许可的机构。']],

  ['a term defined twice keeps the first definition', 'tokens (hereinafter "tokens") and coins (hereinafter "tokens")', ['tokens ← tokens']],
];

for (const [what, text, expected] of definitions) {
  test(`defined term: ${what}`, () => {
    assert.deepEqual(definitionsOf(text), expected);
  });
}

// [what, text, definition sites and uses]
const uses: [string, string, string[]][] = [
  ['uses after the definition, plural and capitals', 'banks (hereinafter "token issuer"). A Token Issuer and TOKEN ISSUERS.',
    [def('token issuer', 'token issuer', '1:21'), use('Token Issuer', 'token issuer', '1:39'), use('TOKEN ISSUERS', 'token issuer', '1:56')]],
  ['a capitalised one-word term is a name: lower case is not a use', 'the rules (hereinafter the "Rules"). The Rules and other rules.',
    [def('Rules', 'rules', '1:29'), use('Rules', 'rules', '1:42')]],
  ['a use broken across a line', lines('Institutions (hereinafter referred to as "payment institutions"). Payment', 'institutions shall report.'),
    [def('payment institutions', 'payment institutions', '1:43'), use('Payment⏎institutions', 'payment institutions', '1:67')]],
  ['Chinese uses', '“数字钱包”是指账户。数字钱包应当核验，开立数字钱包的。',
    [def('数字钱包', '数字钱包', '1:2'), use('数字钱包', '数字钱包', '1:12'), use('数字钱包', '数字钱包', '1:23')]],
  ['Chinese use broken across a line', lines('“支付机构”是指持牌机构。支付', '机构应当报告。'),
    [def('支付机构', '支付机构', '1:2'), use('支付⏎机构', '支付机构', '1:14')]],
  ['no use inside the phrase the term abbreviates', '非银行支付机构（以下简称“支付机构”）应当报告。支付机构不得开立。',
    [def('支付机构', '支付机构', '1:14'), use('支付机构', '支付机构', '1:25')]],
  ['a term is not used inside a longer word', 'coins (hereinafter "token") and tokenization of the token', [def('token', 'token', '1:21'), use('token', 'token', '1:53')]],
  ['no use inside an agency name', 'China Merchants Bank Co., Ltd. (the "Bank") and the People\'s Bank of China. The Bank shall report.',
    [def('Bank', 'bank', '1:38'), use('Bank', 'bank', '1:81')]],
  ['a name in quotes keeps its capitals: the ordinary words are no use', 'Licensed institutions ("Payment Institutions") differ from other payment institutions. Payment Institutions report.',
    [def('Payment Institutions', 'payment institutions', '1:25'), use('Payment Institutions', 'payment institutions', '1:88')]],
  ['the phrase abbreviated stops at the line break, so earlier lines keep their uses', lines('(I) Online platforms (hereinafter referred to as "Platforms") register.', '(II) Platforms keep records.', 'Platforms and agents (hereinafter referred to as "Agents") report.'),
    [def('Platforms', 'platforms', '1:51'), use('Platforms', 'platforms', '2:6'), use('Platforms', 'platforms', '3:1'), def('Agents', 'agents', '3:51')]],
];

for (const [what, text, expected] of uses) {
  test(`defined term uses: ${what}`, () => {
    assert.deepEqual(sitesAndUses(text), expected);
  });
}

const TEXT = lines(
  'Banks that issue tokens (hereinafter referred to as "deposit tokens") shall report.',
  'Deposit tokens are liabilities of the bank.',
  '“数字钱包”是指支付机构开立的账户。',
  '数字钱包应当核验。',
);

test('defined term: go to definition from a use lands on the term where it is defined', () => {
  assert.equal(definitionAt(TEXT.replace('Deposit tokens are', 'Deposit to$0kens are')), 'line 1: "deposit tokens"');
  assert.equal(definitionAt(TEXT.replace('数字钱包应当', '数字$0钱包应当')), 'line 3: "数字钱包"');
  assert.equal(definitionAt(TEXT.replace('"deposit tokens"', '"deposit tok$0ens"')), 'line 1: "deposit tokens"');
});

test('defined term: find references lists the definition and the uses', () => {
  const fixture = TEXT.replace('Deposit tokens are', 'Deposit to$0kens are');
  assert.deepEqual(referencesAt(fixture, true), ['1:54 "deposit tokens"', '2:1 "Deposit tokens"']);
  assert.deepEqual(referencesAt(fixture, false), ['2:1 "Deposit tokens"']);
});
