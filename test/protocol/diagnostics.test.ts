/** Pushed diagnostics over stdio: banned terms, numbering, unresolved references; updates on didChange and didClose. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { checkBannedTerms } from './assertions';
import { bannedTermCases, structureCases } from './fixtures/diagnostics';
import { LspClient, messageOf, parseFixture } from './lspClient';

let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.shutdown(); });

describe('diagnostics: banned terms (pushed on open)', { concurrency: true }, () => {
  for (const expected of bannedTermCases) {
    test(expected.name, async () => {
      const fixture = parseFixture(expected.text);
      const { diagnostics } = await client.open(fixture.text);
      checkBannedTerms(diagnostics, fixture);
    });
  }
});

describe('diagnostics: numbering and references', { concurrency: true }, () => {
  for (const expected of structureCases) {
    test(expected.name, async () => {
      const { diagnostics } = await client.open(expected.text);
      const found = diagnostics.filter((diagnostic) => diagnostic.code !== 'banned-term');
      assert.deepEqual(found.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}`),
        expected.problems.map((problem) => `${problem.code}@${problem.line}`), JSON.stringify(found.map(messageOf)));
      for (const [index, problem] of expected.problems.entries()) {
        for (const words of problem.message) assert.ok(messageOf(found[index]!).includes(words), `message should mention ${words}: ${messageOf(found[index]!)}`);
      }
    });
  }
});

describe('diagnostics: updates', { concurrency: true }, () => {
  test('an incremental change that removes the banned term clears its diagnostic', async () => {
    const fixture = parseFixture('Company: Example Ltd.\nScope: ⟦stablecoin⟧ issuance and consulting.\n');
    const opened = await client.open(fixture.text);
    checkBannedTerms(opened.diagnostics, fixture);
    assert.equal(opened.diagnostics[0]!.severity, DiagnosticSeverity.Warning);
    // Delete "stablecoin " (line 1, characters 7-18).
    const updated = await client.change(opened.uri, [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 18 } }, text: '' }]);
    assert.equal(updated.version, 2);
    assert.deepEqual(updated.diagnostics, []);
  });

  test('an incremental change that adds a banned term reports it at the right place', async () => {
    const opened = await client.open('经营范围：技术咨询。\n');
    assert.deepEqual(opened.diagnostics, []);
    const updated = await client.change(opened.uri, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: '稳定币' }]);
    checkBannedTerms(updated.diagnostics, parseFixture('经营范围：⟦稳定币⟧技术咨询。\n'));
  });

  test('fixing a numbering gap by typing the missing clause clears the gap', async () => {
    const opened = await client.open('(I) Scope.\n(II) Duties.\n(IV) Penalties.\n');
    assert.deepEqual(opened.diagnostics.map((diagnostic) => diagnostic.code), ['numbering-gap']);
    const updated = await client.change(opened.uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '(III) Records.\n' }]);
    assert.deepEqual(updated.diagnostics, []);
  });

  test('several quick changes end with the diagnostics of the last version', async () => {
    const opened = await client.open('Scope: consulting.\n');
    const uri = opened.uri;
    await client.change(uri, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, text: 'RWA ' }]);
    await client.change(uri, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } }, text: '' }]);
    const last = await client.change(uri, [{ text: 'Scope: virtual asset consulting.\n' }]);
    assert.equal(last.version, 4);
    checkBannedTerms(last.diagnostics, parseFixture('Scope: ⟦virtual asset⟧ consulting.\n'));
  });

  test('two incremental changes in one notification apply in order (CRLF document, emoji inserted)', async () => {
    const opened = await client.open('Name: Example Ltd.\r\nScope: consulting.\r\n');
    const updated = await client.change(opened.uri, [
      { range: { start: { line: 1, character: 7 }, end: { line: 1, character: 7 } }, text: '🚀 stablecoin ' },
      { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 13 } }, text: 'Crypto Asset' },
    ]);
    checkBannedTerms(updated.diagnostics, parseFixture('Name: ⟦Crypto Asset⟧ Ltd.\r\nScope: 🚀 ⟦stablecoin⟧ consulting.\r\n'));
  });

  test('closing a document clears its diagnostics', async () => {
    const opened = await client.open('Scope: stablecoin issuance.\n');
    assert.equal(opened.diagnostics.length, 1);
    const next = client.nextDiagnostics(opened.uri);
    await client.close(opened.uri);
    assert.deepEqual((await next).diagnostics, []);
  });
});
