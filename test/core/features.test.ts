/**
 * The features over one analysis: hover for each annotation kind, go to definition, find references (with and
 * without the declaration), document symbols, folding ranges and semantic tokens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, Range } from '../../server/src/core';
import {
  analyse, definitionAt, documentSymbolsOf, foldsOf, hoverAt, kindAt, lines, offsetOf, referencesAt, semanticTokensOf, symbolsOf, textIn, textOf, tokensOf,
} from './fixture';

const NOTICE = lines(
  'I. General Requirements',
  '(I) Scope. The People\'s Bank of China (PBOC) shall comply with Yinfa [2021] No. 237.',
  'Providers (hereinafter "payment providers") shall report.',
  '(II) Wallets. Payment providers shall verify.',
  'The second paragraph.',
  'II. Risks',
  '(III) See Clause (II) and 银发〔2021〕237号. No stablecoin.',
);

const CHINESE = lines(
  '一、总体要求',
  '（一）服务范围。中国人民银行会同国家金融监督管理总局负责。',
  '（二）钱包管理。“数字钱包”是指账户。',
  '数字钱包应当核验。',
  '二、风险防范',
  '（三）依照第（二）项和银发〔2026〕42号执行，不得开展稳定币业务。',
);

/** Puts the cursor before the `occurrence`-th (1-based) occurrence of `needle` plus `shift` code units. */
function cursor(text: string, needle: string, shift = 1, occurrence = 1): string {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in text`);
  return text.slice(0, index + shift) + '$0' + text.slice(index + shift);
}

// [what, fixture, annotation kind under the cursor, strings the hover contains]
const hovers: [string, string, string | undefined, string[]][] = [
  ['agency, English abbreviation', cursor(NOTICE, 'PBOC'), 'agency',
    ['**People\'s Bank of China** · 中国人民银行', '`PBOC`', '*regulator*', 'Also written: 人民银行, 央行']],
  ['agency, Chinese full name', cursor(CHINESE, '国家金融监督管理总局'), 'agency',
    ['**National Financial Regulatory Administration** · 国家金融监督管理总局', '`NFRA`', 'CBIRC']],
  ['agency, commercial bank', 'the Bank of Ch$0ina Limited', 'agency', ['**Bank of China** · 中国银行', 'commercial bank — not a regulator']],
  ['an agency that begins a notice number: both, the agency first; navigation acts on the number', '依据中国人$0民银行令〔2003〕第5号执行。', 'noticeNumber',
    ['**People\'s Bank of China** · 中国人民银行', '---', '**中国人民银行令〔2003〕5号**']],
  ['agency, predecessor with its successor', 'the CBI$0RC', 'agency', ['China Banking and Insurance Regulatory Commission', 'Replaced in 2023 by **National Financial Regulatory Administration**']],
  ['notice number in the notice table, English form', cursor(NOTICE, 'Yinfa', 3), 'noticeNumber',
    ['**银发〔2021〕237号** · Yinfa [2021] No. 237', '《关于进一步防范和处置虚拟货币交易炒作风险的通知》', 'Status: **repealed**', 'repealed by 银发〔2026〕42号 (Yinfa [2026] No. 42)']],
  ['notice number in the notice table, Chinese form', cursor(CHINESE, '银发'), 'noticeNumber',
    ['**银发〔2026〕42号** · Yinfa [2026] No. 42', 'Status: **in force**', 'Repeals: 银发〔2021〕237号 (Yinfa [2021] No. 237)']],
  ['notice number, known issuer, unknown notice', '见汇发〔2013〕2$01号', 'noticeNumber',
    ['**汇发〔2013〕21号** · Huifa [2013] No. 21', 'Issuer code 汇发', 'State Administration of Foreign Exchange', 'neither in the workspace nor in regtext\'s notice table']],
  ['notice number, unknown issuer', '浙金发〔2021〕$05号', 'noticeNumber', ['**浙金发〔2021〕5号**', 'Issuer code 浙金发 is not in regtext\'s table of issuer codes']],
  ['notice number without a year', '国务院令第7$052号', 'noticeNumber', ['**国务院令第752号**', 'State Council']],
  ['clause reference, resolved', cursor(NOTICE, 'Clause (II)', 9), 'clauseRef', ['**(II)** Wallets (line 4)', 'Wallets.']],
  ['clause reference, Chinese', cursor(CHINESE, '第（二）项', 2), 'clauseRef', ['**（二）** 钱包管理 (line 3)']],
  ['clause reference, unresolved', 'Text with Clause (I$0X) only.', 'clauseRef', ['**Clause (IX)** — points to no clause of this document.']],
  ['clause label', cursor(NOTICE, '(II) Wallets', 2), 'clauseLabel', ['**(II)** Wallets', 'clause in I.', 'referred to 1 time in this document']],
  ['clause label of a part', cursor(NOTICE, 'II. Risks', 1), 'clauseLabel', ['**II.** Risks', 'part', 'referred to 0 times']],
  ['defined term, use', cursor(NOTICE, 'Payment providers', 3), 'termUse', ['**“payment providers”** — defined term (line 3)', '> Providers']],
  ['defined term, definition site', cursor(NOTICE, 'payment providers"', 3), 'termDefinition', ['**“payment providers”** — defined term (line 3)']],
  ['defined term, Chinese use', cursor(CHINESE, '数字钱包应当', 2), 'termUse', ['**“数字钱包”** — defined term (line 3)', '> 账户。']],
  ['banned term, use', cursor(NOTICE, 'stablecoin', 4), 'bannedTerm',
    ['**Banned term** “stablecoin”', 'Source: 银发〔2026〕42号 (Yinfa [2026] No. 42), clause (8)', 'Forms: “stablecoin”, “stable coin”, “稳定币”']],
  ['banned term, citation', '《关于虚拟$0货币的通知》', 'bannedTerm', ['**Banned term** “虚拟货币”', 'a citation, not reported']],
  ['banned term, mention', '不得含有“稳定$0币”字样', 'bannedTerm', ['**Banned term** “稳定币”', 'a mention), not reported']],
  ['cursor just after an annotation still hovers it', 'the PBOC$0 said', 'agency', ['**People\'s Bank of China**']],
];

for (const [what, fixture, kind, contains] of hovers) {
  test(`hover: ${what}`, () => {
    assert.equal(kindAt(fixture), kind);
    const markdown = hoverAt(fixture);
    assert.ok(markdown, 'no hover');
    for (const part of contains) assert.ok(markdown.includes(part), `hover lacks ${JSON.stringify(part)}:\n${markdown}`);
  });
}

const noHovers: [string, string][] = [
  ['plain text', 'hello$0 world'],
  ['empty text', '$0'],
  ['between annotations', 'PBOC and$0 SAFE'],
  ['past the end of the text', 'PBOC said.$0'],
];

for (const [what, fixture] of noHovers) {
  test(`no hover: ${what}`, () => {
    assert.equal(hoverAt(fixture), undefined);
  });
}

test('hover: the issuer sentence of an order without a year reads as one sentence', () => {
  const markdown = hoverAt('国务院令第7$052号');
  assert.ok(markdown, 'a hover on the order number');
  assert.doesNotMatch(markdown, /\)\. \([^)]*\)\./, markdown);
});

// Go to definition: where a request lands (clause references and defined terms are in their own files).
const definitions: [string, string, string | undefined][] = [
  ['clause reference', cursor(NOTICE, 'Clause (II)', 3), 'line 4: "(II)"'],
  ['Chinese item reference', cursor(CHINESE, '第（二）项', 1), 'line 3: "（二）"'],
  ['defined term use', cursor(NOTICE, 'Payment providers', 2), 'line 3: "payment providers"'],
  ['defined term, Chinese', cursor(CHINESE, '数字钱包应当'), 'line 3: "数字钱包"'],
  ['agency: nothing to go to in the document', cursor(NOTICE, 'PBOC'), undefined],
  ['plain text', 'hello$0 world', undefined],
];

for (const [what, fixture, expected] of definitions) {
  test(`definition: ${what}`, () => {
    assert.equal(definitionAt(fixture), expected);
  });
}

// Find references: [what, fixture, with the declaration, without it]
const referenceCases: [string, string, string[], string[]][] = [
  ['clause, from a reference', cursor(NOTICE, 'Clause (II)', 9), ['4:1 "(II)"', '7:11 "Clause (II)"'], ['7:11 "Clause (II)"']],
  ['clause, from its label', cursor(NOTICE, '(II) Wallets', 1), ['4:1 "(II)"', '7:11 "Clause (II)"'], ['7:11 "Clause (II)"']],
  ['Chinese clause', cursor(CHINESE, '（二）钱包', 1), ['3:1 "（二）"', '6:6 "第（二）项"'], ['6:6 "第（二）项"']],
  ['defined term', cursor(NOTICE, 'Payment providers', 2), ['3:25 "payment providers"', '4:15 "Payment providers"'], ['4:15 "Payment providers"']],
  ['agency: all its names', cursor(NOTICE, 'PBOC'), ['2:16 "People\'s Bank of China"', '2:40 "PBOC"'], ['2:16 "People\'s Bank of China"', '2:40 "PBOC"']],
  ['notice number: English and Chinese forms', cursor(NOTICE, '银发'), ['2:64 "Yinfa [2021] No. 237"', '7:27 "银发〔2021〕237号"'],
    ['2:64 "Yinfa [2021] No. 237"', '7:27 "银发〔2021〕237号"']],
  ['banned term: every form', lines('stable$0coins and 稳定币', '“stable coin”'), ['1:1 "stablecoins"', '1:17 "稳定币"', '2:2 "stable coin"'],
    ['1:1 "stablecoins"', '1:17 "稳定币"', '2:2 "stable coin"']],
  ['unresolved reference: itself only', 'Text with Clause (I$0X) only.', ['1:11 "Clause (IX)"'], ['1:11 "Clause (IX)"']],
  ['plain text: nothing', 'hello$0 world', [], []],
];

for (const [what, fixture, withDeclaration, withoutDeclaration] of referenceCases) {
  test(`references: ${what}`, () => {
    assert.deepEqual(referencesAt(fixture, true), withDeclaration);
    assert.deepEqual(referencesAt(fixture, false), withoutDeclaration);
  });
}

test('document symbols: the clause tree with titles and kinds', () => {
  assert.equal(symbolsOf(NOTICE), lines(
    'I. General Requirements [Part]',
    '  (I) Scope [Clause]',
    '  (II) Wallets [Clause]',
    'II. Risks [Part]',
    '  (III) See Clause (II) and 银发〔2021〕237号 [Clause]',
  ));
  assert.equal(symbolsOf(CHINESE), lines(
    '一、 总体要求 [Part]',
    '  （一） 服务范围 [Clause]',
    '  （二） 钱包管理 [Clause]',
    '二、 风险防范 [Part]',
    '  （三） 依照第（二）项和银发〔2026〕42号执行，不得开展稳定币业务 [Clause]',
  ));
});

test('document symbols: the selection is the label, inside the range, which covers the clause', () => {
  const check = (text: string, symbols: DocumentSymbol[], parent?: DocumentSymbol) => {
    const analysis = analyse(text);
    const span = (range: Range) => ({ start: offsetOf(analysis, range.start), end: offsetOf(analysis, range.end) });
    for (const symbol of symbols) {
      const range = span(symbol.range);
      const selection = span(symbol.selectionRange);
      assert.ok(range.start <= selection.start && selection.end <= range.end, symbol.name);
      assert.ok(symbol.name.startsWith(textOf(text, selection)), symbol.name);
      if (parent) assert.ok(span(parent.range).start <= range.start && range.end <= span(parent.range).end, `${symbol.name} in ${parent.name}`);
      check(text, symbol.children, symbol);
    }
  };
  for (const text of [NOTICE, CHINESE]) check(text, documentSymbolsOf(text));
  const [first] = documentSymbolsOf(NOTICE);
  assert.equal(first && textIn(analyse(NOTICE), first.range), NOTICE.slice(0, NOTICE.indexOf('\nII. Risks')));
});

test('document symbols: none for a text without clauses', () => {
  assert.equal(symbolsOf('Just a sentence about the PBOC.'), '');
});

// Folding ranges: `first-last` line of each clause that spans more than one line.
const folds: [string, string, string[]][] = [
  ['English notice', NOTICE, ['1-5', '2-3', '4-5', '6-7']],
  ['Chinese notice', CHINESE, ['1-4', '3-4', '5-6']],
  ['one-line clauses do not fold', lines('(1) a', '(2) b'), []],
  ['trailing blank lines are not folded in', lines('一、甲', '正文。', '', '', '二、乙'), ['1-2']],
  ['CRLF', '一、甲\r\n正文。\r\n二、乙\r\n正文。', ['1-2', '3-4']],
];

for (const [what, text, expected] of folds) {
  test(`folding ranges: ${what}`, () => {
    assert.deepEqual(foldsOf(text), expected);
  });
}

test('semantic tokens: the tokens of a notice, in order', () => {
  assert.deepEqual(tokensOf(NOTICE), [
    'clauseLabel "I."',
    'clauseLabel "(I)"',
    'agency "People\'s Bank of China"',
    'agency "PBOC"',
    'noticeNumber "Yinfa [2021] No. 237"',
    'definedTerm "payment providers"',
    'clauseLabel "(II)"',
    'definedTerm "Payment providers"',
    'clauseLabel "II."',
    'clauseLabel "(III)"',
    'noticeNumber "银发〔2021〕237号"',
  ]);
});

test('semantic tokens: sorted, non-empty and without overlaps, even where annotations overlap', () => {
  const texts = [
    NOTICE,
    CHINESE,
    // A defined term that is also an agency name, a notice number whose issuer is an agency, terms inside numbers.
    lines('中国人民银行（以下简称“中国人民银行”）', '中国人民银行令〔2003〕第5号', '中国人民银行 海关总署令〔2015〕第1号', 'the PBOC (hereinafter "PBOC Order") PBOC Order [2003] No. 5'),
    lines('(I) "Virtual currency" refers to value. Virtual currency (hereinafter "VC")', '(II) VC and the People\'s Bank of China'),
  ];
  for (const text of texts) {
    const tokens = semanticTokensOf(text);
    assert.ok(tokens.length > 0);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      assert.ok(token.start < token.end, `empty token at ${token.start}`);
      assert.ok(token.end <= text.length);
      const next = tokens[i + 1];
      if (next) assert.ok(token.end <= next.start, `tokens overlap: ${token.type} ${token.start}-${token.end} and ${next.type} ${next.start}-${next.end}`);
    }
  }
});

test('semantic tokens: references and banned terms are not tokens', () => {
  assert.deepEqual(tokensOf('See Clause (IX) on stablecoin.'), []);
});
