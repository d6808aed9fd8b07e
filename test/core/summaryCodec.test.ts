/**
 * A file's summary made by a worker and carried back encoded (core/workspace/summaryCodec.ts) is, once decoded, the
 * summary made here: every field, every clause of the tree (labels, titles, first sentences, spans, children,
 * insertions), the roots and the internal references; and its numbers move between threads instead of being copied.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeSummary, encodeSummary, summarize, type FileSummary } from '../../server/src/core';
import { analyse, lines } from './fixture';

const samples = resolve(__dirname, '../../../samples');
const corpus = process.env.REGTEXT_CORPUS ?? resolve(__dirname, '../../../../shared/corpus');

const texts: [string, string][] = [
  ...readdirSync(samples).filter((name) => /\.(txt|md|notice)$/.test(name)).sort().map((name): [string, string] => [name, readFileSync(join(samples, name), 'utf8')]),
  ['an inserted article, nested items, references', lines(
    '关于规范支付业务的通知', '银发〔2026〕7号', '第一条 总则。', '（一）支付机构应当遵守本通知第二条。', '1. 第一项。', '2. 第二项。',
    '第二条 范围。', '第二条之一 补充规定。', '前款所称机构，是指依法设立的机构；参见第一条第（一）项。',
  )],
  ['an empty text', ''],
  ['a binary text', 'PBOC\u0000stablecoin'],
];

/** The summary as a worker sends it: encoded, cloned across with its buffers moved, decoded. */
function carried(summary: FileSummary): FileSummary {
  const { encoded, transfer } = encodeSummary(summary);
  return decodeSummary(structuredClone(encoded, { transfer }));
}

for (const [what, text] of texts) {
  test(`a summary carried back from a worker is the one made here: ${what}`, () => {
    const summary = summarize('file:///codec/notice.txt', 3, analyse(text));
    const expected = structuredClone(summary);
    assert.deepStrictEqual(carried(summary), expected);
  });
}

test('the inserted article and the nesting of the fixture survive the trip', () => {
  const summary = carried(summarize('file:///codec/notice.txt', 1, analyse(texts.at(-3)![1])));
  const clauses = summary.notice?.clauses ?? [];
  assert.deepStrictEqual(clauses.map((clause) => [clause.label, clause.insertion, clause.parent, clause.children]), [
    ['第一条', undefined, undefined, [1]], ['（一）', undefined, 0, [2, 3]], ['1.', undefined, 1, []], ['2.', undefined, 1, []],
    ['第二条', undefined, undefined, []], ['第二条之一', 1, undefined, []],
  ]);
  assert.ok(summary.notice!.internalReferences.length >= 2);
});

test('the clause numbers and line starts are moved, not copied', () => {
  const summary = summarize('file:///codec/notice.txt', 1, analyse(texts.at(-3)![1]));
  const { encoded, transfer } = encodeSummary(summary);
  assert.ok(encoded.notice);
  assert.deepStrictEqual(transfer, [encoded.summary.lineStarts.buffer, encoded.notice.numbers.buffer]);
  structuredClone(encoded, { transfer });
  assert.equal(encoded.notice.numbers.byteLength, 0);
});

test('every summary of the corpus survives the trip', { skip: !existsSync(join(corpus, 'zh')) && 'corpus not found' }, () => {
  for (const language of ['zh', 'en']) {
    for (const name of readdirSync(join(corpus, language)).filter((file) => file.endsWith('.txt'))) {
      const summary = summarize(`file:///${language}/${name}`, 1, analyse(readFileSync(join(corpus, language, name), 'utf8')));
      const expected = structuredClone(summary);
      assert.deepStrictEqual(carried(summary), expected, name);
    }
  }
});
