/** Document symbols over stdio (hierarchical, as the client announces), plus folding ranges. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { symbolCases, type OutlineNode } from './fixtures/symbols';
import { contains, formatRange, formatRanges, isDocumentSymbols, linesOf, LspClient, parseFixture } from './lspClient';

let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.shutdown(); });

function shape(symbols: DocumentSymbol[]): OutlineNode[] {
  return symbols.map((symbol) => (symbol.children && symbol.children.length > 0
    ? { name: symbol.name, children: shape(symbol.children) }
    : { name: symbol.name }));
}

function preOrder(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...preOrder(symbol.children ?? [])]);
}

/** What LSP requires of a symbol tree, and what editors rely on. */
function checkInvariants(symbols: DocumentSymbol[], text: string, parent?: DocumentSymbol): void {
  const lines = linesOf(text);
  for (const symbol of symbols) {
    const where = `${symbol.name} ${formatRange(symbol.range)}`;
    assert.ok(contains(symbol.range, symbol.selectionRange), `${where}: selectionRange ${formatRange(symbol.selectionRange)} outside range`);
    if (parent) assert.ok(contains(parent.range, symbol.range), `${where}: outside its parent ${parent.name} ${formatRange(parent.range)}`);
    for (const position of [symbol.range.start, symbol.range.end, symbol.selectionRange.start, symbol.selectionRange.end]) {
      assert.ok(position.character <= (lines[position.line] ?? '').length, `${where}: position ${position.line}:${position.character} past the end of its line (a \\r counted?)`);
    }
    assert.equal(symbol.name, symbol.name.trim(), `${where}: name has surrounding white space`);
    checkInvariants(symbol.children ?? [], text, symbol);
  }
}

describe('documentSymbol', { concurrency: true }, () => {
  for (const expected of symbolCases) {
    for (const crlf of expected.crlf ? [false, true] : [false]) {
      test(`${expected.name}${crlf ? ' (CRLF)' : ''}`, async () => {
        const fixture = parseFixture(crlf ? expected.text.replace(/\r?\n/g, '\r\n') : expected.text);
        const { uri } = await client.open(fixture.text);
        const symbols = await client.documentSymbols(uri);
        assert.ok(isDocumentSymbols(symbols), `expected hierarchical DocumentSymbol[], got ${JSON.stringify(symbols)?.slice(0, 300)}`);
        assert.deepEqual(shape(symbols), expected.tree);
        assert.deepEqual(formatRanges(preOrder(symbols).map((symbol) => symbol.selectionRange)), formatRanges(fixture.ranges), 'selection ranges (labels)');
        checkInvariants(symbols, fixture.text);
      });
    }
  }
});

describe('foldingRange', { concurrency: true }, () => {
  test('one fold per clause that spans lines, CRLF included', async () => {
    const { uri } = await client.open('一、总体要求\r\n（一）坚持依法合规。\r\n（二）坚持风险为本。\r\n二、工作措施\r\n（一）加强登记。\r\n');
    const folds = await client.foldingRanges(uri);
    assert.ok(folds);
    assert.deepEqual(folds.map((fold) => `${fold.startLine}-${fold.endLine}`).sort(), ['0-2', '3-4']);
  });
});
