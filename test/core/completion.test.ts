/**
 * Completion: notice numbers known to the built-in data (and the workspace) from the issuer and year typed, agency
 * names and abbreviations in the script typed, and the document's clause labels after 第, `Article `, `Clause (`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core';
import { lines, singleDocument, withCursor } from './fixture';

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
