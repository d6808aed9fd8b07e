/**
 * Records carried across threads as columns (core/recordColumns.ts) come back as they went: numbers, strings,
 * booleans, keys some records lack, objects and arrays, texts read from the document and texts that are not its text,
 * across the steps the reading side yields between.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnBuffers, decodeRecords, encodeRecords } from '../../server/src/core/recordColumns';

const documentText = '中国人民银行 PBOC 银发〔2021〕237号 '.repeat(400);

function roundTrip(list: readonly object[]): unknown[] {
  const encoded = structuredClone(encodeRecords(list, documentText));
  const decoded: unknown[] = [];
  const steps = decodeRecords(encoded, documentText, decoded);
  while (!steps.next().done);
  return decoded;
}

const cases: [string, object[]][] = [
  ['nothing', []],
  ['mentions whose text is the document\'s', Array.from({ length: 9000 }, (_, i) => {
    const start = (i * 7) % 6000;
    return { kind: 'agency', start, end: start + 6, text: documentText.slice(start, start + 6), agencyId: i % 3 ? 'pboc' : 'csrc' };
  })],
  ['a text that is not the document\'s, and keys some records lack', [
    { kind: 'noticeNumber', start: 0, end: 6, text: '中国人民银行', year: 2021 },
    { kind: 'noticeNumber', start: 7, end: 11, text: 'PBOC!', year: 2021.5, own: true },
    { kind: 'noticeNumber', start: 12, end: 25, text: '', issuerKnown: false },
  ]],
  ['objects and arrays, and a number column with a string in it', Array.from({ length: 5000 }, (_, i) => ({
    kind: 'clauseRef', start: i, end: i + 2, text: documentText.slice(i, i + 2),
    steps: [{ kind: 'item', styles: ['zh-paren'], value: i }], target: i % 2 ? i : 'none', ...(i % 5 === 0 ? { detail: { kind: 'sequence', found: '1.' } } : {}),
  }))],
  ['a text before the offsets it spans', [{ text: '中国', start: 0, end: 2 }, { text: '人民', start: 2, end: 4 }]],
];

for (const [what, list] of cases) {
  test(`records come back from their columns as they went: ${what}`, () => {
    assert.deepStrictEqual(roundTrip(list), list);
  });
}

test('every column of the records travels in a buffer of its own, to be moved, not copied', () => {
  const encoded = encodeRecords(cases[3]![1], documentText);
  const buffers = columnBuffers(encoded);
  assert.equal(new Set(buffers).size, buffers.length);
  assert.equal(buffers.length, encoded.columns.filter((column) => column.kind !== 'source').length);
});
