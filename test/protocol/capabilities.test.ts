/**
 * What the server announces, and whether it honours what the client announces. A client without linkSupport must
 * get Location[] from definition; one without hierarchicalDocumentSymbolSupport must get SymbolInformation[].
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { formatRange, LspClient, parseFixture } from './lspClient';

let client: LspClient;
before(async () => {
  client = await LspClient.start({ linkSupport: false, hierarchicalDocumentSymbolSupport: false });
});
after(async () => { await client.shutdown(); });

describe('capabilities', { concurrency: true }, () => {
  test('the server announces incremental sync and the features the tests use', () => {
    const capabilities = client.initializeResult!.capabilities;
    const sync = capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
    for (const feature of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'semanticTokensProvider'] as const) {
      assert.ok(capabilities[feature], feature);
    }
    assert.equal(client.initializeResult!.serverInfo?.name, 'regtext-language-server');
  });

  test('definition answers Location[] to a client without linkSupport', async () => {
    const fixture = parseFixture(`(I) Scope.\n⟦(II)⟧ Duties.\n(III) See Clause (I$0I).`);
    const { uri } = await client.open(fixture.text);
    const result = await client.definition(uri, fixture.cursor);
    assert.ok(Array.isArray(result) && result.length === 1, JSON.stringify(result));
    const location = result[0]!;
    assert.ok('uri' in location && 'range' in location, `expected a Location (client has no linkSupport), got ${JSON.stringify(location)}`);
    assert.equal(formatRange(location.range), formatRange(fixture.ranges[0]!));
  });

  test('documentSymbol answers SymbolInformation[] to a client without hierarchical support', async () => {
    const { uri } = await client.open('一、总体要求\n（一）坚持依法合规。\n');
    const symbols = await client.documentSymbols(uri);
    assert.ok(Array.isArray(symbols) && symbols.length === 2, `expected a flat list of 2, got ${JSON.stringify(symbols)}`);
    for (const symbol of symbols) assert.ok('location' in symbol, `expected SymbolInformation, got ${JSON.stringify(symbol)}`);
  });
});
