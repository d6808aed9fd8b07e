/** UTF-16 positions (surrogate pairs, full-width forms, CRLF) and semantic tokens that follow them. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBannedTerms, checkHover } from './assertions';
import { utf16BannedTerms, utf16Hovers } from './fixtures/utf16';
import { formatRange, formatRanges, LspClient, parseFixture } from './lspClient';

let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.shutdown(); });

describe('UTF-16: hover', { concurrency: true }, () => {
  for (const expected of utf16Hovers) {
    test(expected.name, async () => { await checkHover(client, parseFixture(expected.text), expected); });
  }

  test('an emoji (a surrogate pair) before an agency shifts its range by exactly 2', async () => {
    const plain = parseFixture('The PB$0OC said so.');
    const shifted = parseFixture('🚀The PB$0OC said so.');
    assert.equal(shifted.cursor.character - plain.cursor.character, 2);
    const a = await client.hover((await client.open(plain.text)).uri, plain.cursor);
    const b = await client.hover((await client.open(shifted.text)).uri, shifted.cursor);
    assert.ok(a?.range && b?.range, 'both hovers have a range');
    assert.deepEqual([b.range.start.character - a.range.start.character, b.range.end.character - a.range.end.character], [2, 2]);
  });
});

describe('UTF-16: diagnostics', { concurrency: true }, () => {
  for (const expected of utf16BannedTerms) {
    test(expected.name, async () => {
      const fixture = parseFixture(expected.text);
      checkBannedTerms((await client.open(fixture.text)).diagnostics, fixture);
    });
  }
});

/** The semantic tokens of a text, decoded from LSP's relative encoding: range and type name. */
async function tokensOf(text: string): Promise<{ range: string; type: string }[]> {
  const { uri } = await client.open(text);
  const tokens = await client.semanticTokens(uri);
  assert.ok(tokens);
  const legend = client.initializeResult!.capabilities.semanticTokensProvider!.legend.tokenTypes;
  const decoded: { range: string; type: string }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4) as [number, number, number, number];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    decoded.push({ range: formatRange({ start: { line, character }, end: { line, character: character + length } }), type: legend[type]! });
  }
  return decoded;
}

/** Semantic-token fixtures: ⟦…⟧ are the expected tokens, in order, with these types. */
const tokenCases: { name: string; text: string; types: string[] }[] = [
  {
    name: 'tokens after an emoji, and a line-broken name split into one token per line',
    text: `🚀 The ⟦PBOC⟧ and the ⟦People's Bank⟧\n⟦of China⟧ agreed; see ⟦银发〔2021〕237号⟧.`,
    types: ['agency', 'agency', 'agency', 'noticeNumber'],
  },
  { name: 'a notice number that starts with an agency name keeps its token (Chinese)', text: `依据⟦中国人民银行令〔2003〕第5号⟧执行。`, types: ['noticeNumber'] },
  { name: 'a notice number that starts with an agency name keeps its token (English)', text: `See ⟦NDRC Energy-saving Building [2021] No. 1283⟧.`, types: ['noticeNumber'] },
  { name: 'a notice number that starts with an agency name keeps its token (证监会公告)', text: `见⟦证监会公告〔2023〕5号⟧。`, types: ['noticeNumber'] },
];

describe('semantic tokens', { concurrency: true }, () => {
  for (const expected of tokenCases) {
    test(expected.name, async () => {
      const fixture = parseFixture(expected.text);
      const tokens = await tokensOf(fixture.text);
      assert.deepEqual(tokens.map((token) => token.range), formatRanges(fixture.ranges), JSON.stringify(tokens));
      assert.deepEqual(tokens.map((token) => token.type), expected.types);
    });
  }
});
