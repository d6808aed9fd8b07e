/** Go to definition over stdio: defined terms and clause references. The client announces linkSupport. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LocationLink } from 'vscode-languageserver-protocol/node';
import { clauseDefinitions } from './fixtures/definition';
import { termCases } from './fixtures/hover';
import { contains, formatRange, LspClient, parseFixture, textAt, type Fixture } from './lspClient';

let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.shutdown(); });

/** The single LocationLink the server answers, checked against the fixture. */
async function definitionAt(fixture: Fixture): Promise<{ uri: string; link: LocationLink | undefined }> {
  const { uri } = await client.open(fixture.text);
  const result = await client.definition(uri, fixture.cursor);
  if (result === null || (Array.isArray(result) && result.length === 0)) return { uri, link: undefined };
  assert.ok(Array.isArray(result) && result.length === 1, `expected one LocationLink, got ${JSON.stringify(result)}`);
  const link = result[0]!;
  assert.ok('targetUri' in link, `client supports links, expected a LocationLink: ${JSON.stringify(link)}`);
  assert.equal(link.targetUri, uri);
  assert.ok(contains(link.targetRange, link.targetSelectionRange), `targetSelectionRange ${formatRange(link.targetSelectionRange)} must lie inside targetRange ${formatRange(link.targetRange)}`);
  assert.ok(link.originSelectionRange && contains(link.originSelectionRange, { start: fixture.cursor, end: fixture.cursor }),
    `originSelectionRange should cover the cursor: ${JSON.stringify(link.originSelectionRange)}`);
  return { uri, link };
}

describe('definition: defined term use → defining occurrence', { concurrency: true }, () => {
  for (const expected of termCases) {
    test(expected.name, async () => {
      const fixture = parseFixture(expected.text);
      const { link } = await definitionAt(fixture);
      assert.ok(link, 'expected a definition');
      assert.equal(formatRange(link.targetSelectionRange), formatRange(fixture.ranges[0]!),
        `selects ${JSON.stringify(textAt(fixture.text, link.targetSelectionRange))}`);
    });
  }
});

describe('definition: clause references', { concurrency: true }, () => {
  for (const expected of clauseDefinitions) {
    test(expected.name, async () => {
      const fixture = parseFixture(expected.text);
      const { link } = await definitionAt(fixture);
      if (fixture.ranges.length === 0) {
        assert.equal(link, undefined, `expected no definition, got ${link && JSON.stringify(textAt(fixture.text, link.targetSelectionRange))}`);
        return;
      }
      assert.ok(link, 'expected a definition');
      assert.equal(formatRange(link.targetSelectionRange), formatRange(fixture.ranges[0]!),
        `selects ${JSON.stringify(textAt(fixture.text, link.targetSelectionRange))}`);
      assert.equal(link.targetRange.start.line, expected.clauseLine, 'target clause starts on this line');
    });
  }
});
