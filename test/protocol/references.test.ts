/** Find references over stdio: agencies (all name forms), clause labels, defined terms; with and without declarations. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { referenceCases } from './fixtures/references';
import { formatRanges, LspClient, parseFixture, textAt } from './lspClient';

let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.shutdown(); });

describe('references', { concurrency: true }, () => {
  for (const expected of referenceCases) {
    for (const includeDeclaration of [true, false]) {
      test(`${expected.name} (includeDeclaration: ${includeDeclaration})`, async () => {
        const fixture = parseFixture(expected.text);
        const { uri } = await client.open(fixture.text);
        const locations = await client.references(uri, fixture.cursor, includeDeclaration);
        assert.ok(Array.isArray(locations), `expected an array, got ${JSON.stringify(locations)}`);
        // Open documents are part of the workspace: a notice's citations in the other documents these tests open
        // count too (workspace.test.ts checks those). Here, only this document's.
        const here = locations.filter((location) => location.uri === uri);
        const want = includeDeclaration ? [...fixture.ranges, ...fixture.declarations] : fixture.ranges;
        assert.deepEqual(formatRanges(here.map((location) => location.range)), formatRanges(want),
          `found: ${JSON.stringify(here.map((location) => textAt(fixture.text, location.range)))}`);
      });
    }
  }
});
