/** Hover over stdio: agencies, notice numbers and defined terms, English and Chinese. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHover } from './assertions';
import { agencyHovers, noticeHovers, termCases } from './fixtures/hover';
import { hoverHeading, LspClient, parseFixture } from './lspClient';

let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.shutdown(); });

describe('hover: agencies', { concurrency: true }, () => {
  for (const expected of agencyHovers) {
    test(expected.name, async () => { await checkHover(client, parseFixture(expected.text), expected); });
  }
});

describe('hover: notice numbers', { concurrency: true }, () => {
  for (const expected of noticeHovers) {
    test(expected.name, async () => { await checkHover(client, parseFixture(expected.text), expected); });
  }
  test('the English and Chinese forms of one notice have the same heading', async () => {
    const headings = await Promise.all(noticeHovers.map(async (expected) => {
      const fixture = parseFixture(expected.text);
      const { uri } = await client.open(fixture.text);
      return hoverHeading(await client.hover(uri, fixture.cursor));
    }));
    const byNotice = new Map<string, Record<string, string>>();
    noticeHovers.forEach((expected, index) => {
      byNotice.set(expected.notice!, { ...byNotice.get(expected.notice!), [expected.name]: headings[index]! });
    });
    for (const [key, forms] of byNotice) {
      assert.equal(new Set(Object.values(forms)).size, 1, `${key}: ${JSON.stringify(forms, null, 1)}`);
    }
  });
});

describe('hover: defined terms', { concurrency: true }, () => {
  for (const expected of termCases) {
    test(`use of a term defined by ${expected.name}`, async () => {
      const fixture = parseFixture(expected.text);
      await checkHover(client, { ...fixture, ranges: [] }, { name: expected.name, text: expected.text, contains: ['defined term', ...expected.contains] });
    });
  }
});
