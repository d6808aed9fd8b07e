/**
 * The message catalogue: both languages have every message; the locale a client or the environment names picks one;
 * each kind of problem is written in both (a problem keeps its code and arguments, its words come at query time);
 * hovers, code action titles, code lenses and rename refusals follow the service's locale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLanguageService, formatProblem, InMemoryWorkspace, matchLocale, NEVER_CANCELLED, type LanguageService, type Locale,
  type ProblemCode, type TextDocument,
} from '../../server/src/core';
import { en } from '../../server/src/core/messages/en';
import { zhCn } from '../../server/src/core/messages/zh-cn';
import { analyse, knowledge, lines } from './fixture';

/** Every key path of a catalogue: `problem.bannedTerm`, `hover.agencyKinds.court`, … */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key)).sort();
}

test('messages: the Chinese catalogue has exactly the English keys, each of the same kind', () => {
  assert.deepEqual(keyPaths(zhCn), keyPaths(en));
  const kinds = (catalogue: unknown) => keyPaths(catalogue).map((path) => `${path}:${typeof path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], catalogue)}`);
  assert.deepEqual(kinds(zhCn), kinds(en));
});

const LOCALES: [string | undefined, Locale][] = [
  ['zh', 'zh-cn'], ['zh-cn', 'zh-cn'], ['zh-CN', 'zh-cn'], ['zh-hans', 'zh-cn'], ['zh-Hans-CN', 'zh-cn'], ['zh_CN.UTF-8', 'zh-cn'],
  ['zh_CN', 'zh-cn'], ['zh-tw', 'zh-cn'], ['zh-hk', 'zh-cn'], ['zh-Hant', 'zh-cn'], ['ZH-SG', 'zh-cn'],
  ['en', 'en'], ['en-US', 'en'], ['en_GB.UTF-8', 'en'], ['C', 'en'], ['POSIX', 'en'], ['C.UTF-8', 'en'], ['', 'en'], [undefined, 'en'],
  ['de', 'en'], ['ja-JP', 'en'], ['zu', 'en'], ['zha', 'en'],
];

for (const [tag, locale] of LOCALES) {
  test(`messages: locale ${JSON.stringify(tag)} → ${locale}`, () => assert.equal(matchLocale(tag), locale));
}

/** Texts that raise each kind of problem a single document can have, and the words each language must use. */
const PROBLEMS: [ProblemCode, string, RegExp, RegExp][] = [
  ['banned-term', 'Scope: stablecoin issuance.', /^"stablecoin" is a banned term: .*Yinfa \[2026\] No\. 42.*, clause \(8\)\.$/, /^“stablecoin”属于禁用词：见银发〔2026〕42号第（八）项。$/],
  ['numbering-gap', lines('(1) One.', '(3) Three.'), /^Numbering gap after \(1\) \(line 1\): expected \(2\), found \(3\) \(\(2\) missing\)\.$/, /^编号跳号：在 \(1\)（第 1 行）之后应为 \(2\)，实为 \(3\)（缺少 \(2\)）。$/],
  ['numbering-gap', lines('(1) One.', '(5) Five.'), /\(\(2\) to \(4\) missing\)/, /（缺少 \(2\)至\(4\)）/],
  ['numbering-duplicate', lines('(1) One.', '(2) Two.', '(2) Again.'), /^Duplicate number: \(2\) repeats \(2\) \(line 2\); expected \(3\)\.$/, /^编号重复：\(2\) 与 \(2\)（第 2 行）重复，应为 \(3\)。$/],
  ['numbering-order', lines('(1) One.', '(2) Two.', '(3) Three.', '(2) Back.'), /^Numbering out of order after \(3\) \(line 3\): expected \(4\), found \(2\)\.$/, /^编号顺序颠倒：/],
  ['numbering-gap', lines('1. One.', '3. Three.'), /expected 2\., found 3\. \(2\. missing\)\.$/, /应为 2\.，实为 3\./],
  ['unresolved-reference', lines('(1) One. See Clause (9) of this Notice.', '(2) Two.'), /^"Clause \(9\) of this Notice" points to no clause of this document\.$/, /^“Clause \(9\) of this Notice”所指条款在本文档中不存在。$/],
  ['not-analysed', 'binary\u0000text', /^Not analysed: the document contains NUL characters/, /^未分析：文档含有 NUL 字符/],
];

for (const [code, text, english, chinese] of PROBLEMS) {
  test(`messages: ${code} in both languages (${JSON.stringify(text.slice(0, 24))})`, () => {
    const problem = analyse(text).problems.find((candidate) => candidate.code === code);
    assert.ok(problem, `no ${code}`);
    assert.match(formatProblem(problem, knowledge), english);
    assert.match(formatProblem(problem, knowledge, 'zh-cn'), chinese);
  });
}

test('messages: a problem keeps no message, only its code and arguments', () => {
  const [problem] = analyse(lines('(1) One.', '(3) Three.')).problems;
  assert.ok(problem);
  assert.equal('message' in problem, false);
  assert.equal(problem.detail.kind, 'sequence');
});

// ---------------------------------------------------------------------------------------------------------------
// The service in a locale: cross-file diagnostics, hovers, code actions, code lenses, inlay hints, rename.

const FOLDER: Record<string, string> = {
  'new.notice': lines(
    '关于规范支付代币的通知',
    '银发〔2027〕9号',
    '',
    '（一）本通知适用于支付机构。',
    '（二）本通知自2027年3月1日起施行。《关于储值记录管理的通知》（银发〔2024〕31号）同时废止。',
    '',
    '2027年2月10日',
  ),
  'copy.notice': lines('关于规范支付代币的通知（征求意见稿）', '银发〔2027〕9号', '', '一、草稿。'),
  'memo.txt': lines('Memo', '', 'Our manual relies on Yinfa [2024] No. 31.', 'See Clause (9) of Yinfa [2027] No. 9.', 'The PBOC decides.', 'Business scope: stablecoin issuance.'),
};

async function serviceIn(locale: string | undefined): Promise<{ service: LanguageService; memo: TextDocument }> {
  const workspace = new InMemoryWorkspace(Object.fromEntries(Object.entries(FOLDER).map(([path, text]) => [`file:///ws/${path}`, text])));
  const service = createLanguageService({ knowledge, workspace, locale });
  await service.index.scan(NEVER_CANCELLED);
  return { service, memo: { uri: 'file:///ws/memo.txt', version: 1, getText: () => FOLDER['memo.txt']! } };
}

function messages(service: LanguageService, uri: string, code: ProblemCode): string[] {
  return (service.fileDiagnostics(uri) ?? []).filter((diagnostic) => diagnostic.code === code).map((diagnostic) => diagnostic.message);
}

test('messages: cross-file diagnostics in Chinese name notices by their Chinese numbers', async () => {
  const { service } = await serviceIn('zh-CN');
  assert.deepEqual(messages(service, 'file:///ws/memo.txt', 'repealed-notice'), ['银发〔2024〕31号已被银发〔2027〕9号于 2027-03-01 废止。']);
  assert.deepEqual(messages(service, 'file:///ws/memo.txt', 'missing-clause'), ['“Clause (9)”：银发〔2027〕9号中没有该条款。']);
  assert.deepEqual(messages(service, 'file:///ws/copy.notice', 'duplicate-notice'), ['new.notice 也声称是银发〔2027〕9号。']);
});

test('messages: the same diagnostics in English by default', async () => {
  const { service } = await serviceIn(undefined);
  assert.deepEqual(messages(service, 'file:///ws/memo.txt', 'repealed-notice'), ['Yinfa [2024] No. 31 was repealed by Yinfa [2027] No. 9 on 2027-03-01.']);
  assert.deepEqual(messages(service, 'file:///ws/copy.notice', 'duplicate-notice'), ['new.notice also claims to be 银发〔2027〕9号.']);
});

function at(document: TextDocument, needle: string, shift = 1) {
  const offset = document.getText().indexOf(needle) + shift;
  const before = document.getText().slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

test('messages: hovers, code actions and rename refusals follow the locale; the banned-term hover says where the term stands', async () => {
  const chinese = await serviceIn('zh-cn');
  const english = await serviceIn('en');
  const hover = (found: { service: LanguageService; memo: TextDocument }, needle: string) => found.service.hover(found.memo, at(found.memo, needle))?.markdown ?? '';
  assert.match(hover(chinese, 'stablecoin'), /\*\*禁用词\*\*/);
  assert.match(hover(chinese, 'stablecoin'), /\*出现在经营范围中：报告为错误。\*/);
  assert.match(hover(chinese, 'stablecoin'), /依据：银发〔2026〕42号第（八）项/);
  assert.match(hover(english, 'stablecoin'), /\*Seen in a business scope: reported as an error\.\*/);
  assert.match(hover(chinese, 'PBOC'), /^\*\*中国人民银行\*\* · People's Bank of China/);
  assert.match(hover(chinese, 'PBOC'), /\*监管机构\*/);
  assert.match(hover(english, 'PBOC'), /^\*\*People's Bank of China\*\* · 中国人民银行/);
  assert.match(hover(chinese, 'Yinfa [2024]'), /状态：\*\*已废止\*\*/);
  const titles = (found: { service: LanguageService; memo: TextDocument }) => {
    const line = at(found.memo, 'stablecoin').line;
    return found.service.codeActions(found.memo, { start: { line, character: 0 }, end: { line, character: 60 } }).map((action) => action.title);
  };
  assert.ok(titles(chinese).includes('在此行屏蔽 banned-term'), titles(chinese).join('\n'));
  assert.ok(titles(english).includes('Silence banned-term on this line'), titles(english).join('\n'));
  const refusal = chinese.service.prepareRename(chinese.memo, at(chinese.memo, 'PBOC'));
  assert.deepEqual(refusal, { reason: '监管机构名称不属于本文档，不能重命名。' });
});

test('messages: code lenses and inlay hints in Chinese', async () => {
  const { service } = await serviceIn('zh-cn');
  const notice: TextDocument = { uri: 'file:///ws/new.notice', version: 1, getText: () => FOLDER['new.notice']! };
  assert.deepEqual(service.codeLenses(notice).map((lens) => lens.title), ['被 1 个文件引用']);
  const memo: TextDocument = { uri: 'file:///ws/memo.txt', version: 1, getText: () => FOLDER['memo.txt']! };
  const hints = service.inlayHints(memo, { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } });
  assert.deepEqual(hints.map((hint) => [hint.label, hint.tooltip]), [['已于 2027-03-01 废止', '已被银发〔2027〕9号于 2027-03-01 废止。']]);
});

test('messages: setLocale switches the language of what comes next, without analysing again', async () => {
  const { service, memo } = await serviceIn('en');
  const before = service.analysis(memo);
  service.setLocale('zh_CN.UTF-8');
  assert.equal(service.analysis(memo), before);
  assert.match(service.diagnostics(memo).find((diagnostic) => diagnostic.code === 'banned-term')!.message, /属于禁用词/);
  service.setLocale(undefined);
  assert.match(service.diagnostics(memo).find((diagnostic) => diagnostic.code === 'banned-term')!.message, /is a banned term/);
});

test('messages: a banned term names its list and the notice it comes from, once', () => {
  const team = { name: 'Team list', notice: 'Policy 7', clause: '3' };
  assert.equal(en.problem.bannedTerm('guaranteed yield', team), '"guaranteed yield" is a banned term: Team list (Policy 7), clause 3.');
  const builtin = { name: 'Terms barred from company names (Yinfa [2026] No. 42)', notice: 'Yinfa [2026] No. 42', clause: '(8)' };
  assert.equal(en.problem.bannedTerm('RWA', builtin), '"RWA" is a banned term: Terms barred from company names (Yinfa [2026] No. 42), clause (8).');
});
