/**
 * The outline of a document of more clauses than the limit keeps the levels that fit, from the top: the articles of a
 * compilation dense with items, not the items (a 1 MB text of 25,000 labels sent 6 MB of outline after each edit).
 * Every clause is kept where the outline fits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols, OUTLINE_LIMIT } from '../../server/src/core/features/documentSymbols';
import type { DocumentSymbol } from '../../server/src/core';
import { analyse, lines } from './fixture';

/** Three articles, each with three items, each with two sub-items: 3 + 9 + 18 clauses. */
const text = lines('关于测试大纲的办法', '', ...[1, 2, 3].flatMap((article) => [
  `第${'一二三'[article - 1]}条\u3000总则。`,
  ...[1, 2, 3].flatMap((item) => [`（${'一二三'[item - 1]}）事项。`, '1．内容。', '2．内容。']),
]));

function outline(limit: number): string[] {
  const analysis = analyse(text);
  const names = (symbols: readonly DocumentSymbol[], depth: number): string[] =>
    symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name.split(' ')[0]}`, ...names(symbol.children ?? [], depth + 1)]);
  return names(documentSymbols({ analysis, uri: 'file:///outline.txt' } as Parameters<typeof documentSymbols>[0], limit), 0);
}

const cases: [number, number, string][] = [
  [OUTLINE_LIMIT, 30, 'every clause where the outline fits'],
  [30, 30, 'every clause, at the limit'],
  [29, 12, 'the articles and their items, one short of the sub-items'],
  [12, 12, 'the articles and their items, at the limit'],
  [11, 3, 'the articles alone'],
  [2, 2, 'the first articles, when even they are more'],
];

for (const [limit, count, what] of cases) {
  test(`an outline limited to ${limit} symbols: ${what}`, () => {
    const symbols = outline(limit);
    assert.equal(symbols.length, count, symbols.join('\n'));
    assert.equal(symbols[0], '第一条');
  });
}

test('with no limit given (the command line\'s annotate), every clause', () => {
  const analysis = analyse(text);
  const count = (symbols: readonly DocumentSymbol[]): number => symbols.reduce((sum, symbol) => sum + 1 + count(symbol.children ?? []), 0);
  assert.equal(count(documentSymbols({ analysis, uri: 'file:///outline.txt' })), 30);
});

test('a limited outline is the top of the whole one, in order', () => {
  const whole = outline(OUTLINE_LIMIT);
  assert.deepEqual(outline(12), whole.filter((line) => !line.startsWith('    ')));
});
