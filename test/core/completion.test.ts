/**
 * Completion: notice numbers known to the built-in data (and the workspace) from the issuer and year typed, agency
 * names and abbreviations in the script typed, and clause labels after 第, `Article `, `Clause (`: the document's, or
 * those of the notice cited right before, from its file in the workspace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core';
import { lines, singleDocument, withCursor } from './fixture';
import { openFolder } from './workspaceFixture';

/** The completions at the cursor: "label — detail" (the detail cut short), and the text they would replace. */
function completionsAt(fixture: string): { items: string[]; replaced: string[] } {
  const { text, offset } = withCursor(fixture);
  const { service, document } = singleDocument(text);
  const index = new LineIndex(text);
  const found = service.completion(document, index.positionAt(offset));
  return {
    items: found.map((item) => `${item.label} — ${item.detail.slice(0, 12)}`),
    replaced: [...new Set(found.map((item) => text.slice(index.offsetAt(item.range.start), index.offsetAt(item.range.end))))],
  };
}

test('completion: a Chinese issuer and year offer the known numbers, with titles', () => {
  const { items, replaced } = completionsAt('根据银发〔2021$0');
  assert.ok(items.some((item) => item.startsWith('银发〔2021〕237号 — 关于进一步防范和处置')), items.join('\n'));
  assert.ok(items.every((item) => item.startsWith('银发〔2021〕')), items.join('\n'));
  assert.deepEqual(replaced, ['银发〔2021'], 'the issuer and year are replaced, not the words before them');
});

test('completion: an English issuer and year offer the numbers in English form', () => {
  const { items } = completionsAt('See Yinfa [2021$0');
  assert.ok(items.some((item) => item.startsWith('Yinfa [2021] No. 237 — Notice on Fu')), items.join('\n'));
});

test('completion: agency names in the script typed', () => {
  assert.ok(completionsAt('经中国人民$0').items.some((item) => item.startsWith('中国人民银行 — ')));
  assert.ok(completionsAt('The PB$0').items.some((item) => item.startsWith('PBOC — ')));
  assert.deepEqual(completionsAt('The xq$0').items, []);
});

test('completion: the document\'s clause labels after 第, Article and Clause (', () => {
  const zh = lines('第一条　总则。', '第二条　定义。', '依照第$0');
  assert.deepEqual(completionsAt(zh).items.map((item) => item.split(' — ')[0]), ['第一条', '第二条']);
  const en = lines('Article 1 Scope.', 'Article 2 Terms.', 'As Article $0');
  assert.deepEqual(completionsAt(en).items.map((item) => item.split(' — ')[0]), ['1', '2']);
  const clauses = lines('(I) Scope.', '(II) Terms.', '(3) Reports.', 'See Clause ($0');
  assert.deepEqual(completionsAt(clauses).items.map((item) => item.split(' — ')[0]), ['(I)', '(II)', '(3)']);
});

/** The labels offered at the cursor of a multi-file fixture. */
async function labelsInFolder(files: Record<string, string>): Promise<string[]> {
  const folder = await openFolder(files);
  return folder.service.completion(folder.document, folder.position).map((item) => item.label);
}

const CHINESE_NOTICE = lines('中国人民银行关于规范钱包服务的通知', '银发〔2027〕12号', '', '一、总体要求', '（一）明确边界。', '（二）加强监测。', '二、工作措施', '（三）落实责任。');
const ENGLISH_NOTICE = lines('Notice of the PBOC on Wallet Services', 'Yinfa [2027] No. 12', '', 'I. General Requirements', '(I) Set the limits.', '(II) Monitor.', 'II. Measures', '(3) Assign duties.');
const MEASURES = lines('北京市钱包服务管理办法', '', '第一条　为了规范钱包服务，制定本办法。', '第二条　本办法适用于本市。');

test('completion: after a cited notice, the labels of that notice, from its file in the workspace', async () => {
  assert.deepEqual(await labelsInFolder({ 'zh.txt': CHINESE_NOTICE, 'memo.txt': lines('第一条　目的。', '依照银发〔2027〕12号第$0') }),
    ['第（一）项', '第（二）项', '第（三）项'], 'a notice of items: 第（…）项, not the memo\'s own articles');
  assert.deepEqual(await labelsInFolder({ 'zh.txt': CHINESE_NOTICE, 'memo.txt': '按照12号文，银发〔2027〕12号文第$0' }), ['第（一）项', '第（二）项', '第（三）项']);
  assert.deepEqual(await labelsInFolder({ 'en.txt': ENGLISH_NOTICE, 'zh.txt': CHINESE_NOTICE, 'memo.txt': lines('(1) Our scope.', 'Under Yinfa [2027] No. 12, Clause ($0') }),
    ['(I)', '(II)', '(3)'], 'an English document: the English file\'s labels first');
  assert.deepEqual(await labelsInFolder({ 'bj.txt': MEASURES, 'memo.txt': '根据《北京市钱包服务管理办法》第$0' }), ['第一条', '第二条']);
});

test('completion: a citation further back, or a notice the workspace has no file of, is not what the label points into', async () => {
  assert.deepEqual(await labelsInFolder({ 'zh.txt': CHINESE_NOTICE, 'memo.txt': lines('第一条　目的。', '银发〔2027〕12号已印发。依照第$0') }), ['第一条'],
    'words between: the memo\'s own articles');
  assert.deepEqual(await labelsInFolder({ 'memo.txt': lines('第一条　目的。', '依照银发〔2021〕237号第$0') }), [], 'no file of that notice: nothing rather than the wrong clauses');
});
