/** Odd input and odd requests: a 2 MB document, a NUL byte, unknown documents, positions out of range. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverHeading, LspClient, messageOf, parseFixture } from './lspClient';

let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.shutdown(); });

/** About 2 MB (UTF-16 code units) of numbered clauses naming agencies, notices and clauses. */
function bigDocument(): { text: string; lastLine: number } {
  const lines: string[] = [];
  let length = 0;
  for (let n = 1; length < 2 * 1024 * 1024; n++) {
    const line = `(${n}) The People's Bank of China (PBOC) and 中国证监会 cite 银发〔2021〕237号 and Yinfa [2021] No. 237; see Clause (${Math.max(1, n - 1)}).`;
    lines.push(line);
    length += line.length + 1;
  }
  lines.push('The end: the CSRC agreed.');
  return { text: lines.join('\n'), lastLine: lines.length - 1 };
}

describe('robustness', () => {
  test('a 2 MB document is analysed and still answers hover within a generous bound', async () => {
    const { text, lastLine } = bigDocument();
    assert.ok(text.length >= 2 * 1024 * 1024);
    const opened = await client.open(text, { timeoutMs: 20_000 });
    assert.ok(!opened.diagnostics.some((diagnostic) => diagnostic.code === 'not-analysed'), 'a 2 MB document is within the default limit');
    const started = Date.now();
    const hover = await client.hover(opened.uri, { line: lastLine, character: 'The end: the CS'.length });
    const middleLine = Math.floor(lastLine / 2);
    const middle = await client.hover(opened.uri, { line: middleLine, character: text.split('\n')[middleLine]!.indexOf("People's") + 3 });
    const elapsed = Date.now() - started;
    assert.ok(hoverHeading(hover).includes('China Securities Regulatory Commission'), hoverHeading(hover));
    assert.ok(hoverHeading(middle).includes("People's Bank of China"), hoverHeading(middle));
    assert.ok(elapsed < 10_000, `two hovers took ${elapsed} ms`);
    await client.close(opened.uri);
  });

  test('a hover in a small document is answered while a large one is still being analysed (by a worker)', async () => {
    const small = await client.open('The PBOC issued Yinfa [2021] No. 237.');
    const { text } = bigDocument();
    let largeAnalysed = false;
    const large = client.open(text, { timeoutMs: 20_000 }).then((opened) => { largeAnalysed = true; return opened; });
    // Sent right after the large document: answered at once, not after the large document's analysis.
    const hover = await client.hover(small.uri, { line: 0, character: 5 });
    assert.equal(largeAnalysed, false, 'the large document was analysed before the hover in the small one was answered');
    assert.ok(hoverHeading(hover).includes("People's Bank of China"), hoverHeading(hover));
    await client.close((await large).uri);
    await client.close(small.uri);
  });

  test('lowering regtext.maxFileSizeMB re-publishes: a document over the limit is "not analysed", and back', async () => {
    const text = 'The PBOC supervises payment firms.\n'.repeat(35_000) + 'Scope: stablecoin issuance.\n'; // 1.2 M code units
    const opened = await client.open(text, { timeoutMs: 20_000 });
    assert.deepEqual(opened.diagnostics.map((diagnostic) => diagnostic.code), ['banned-term']);
    const lowered = client.nextDiagnostics(opened.uri);
    await client.changeConfiguration({ regtext: { maxFileSizeMB: 1 } });
    const declined = await lowered;
    assert.deepEqual(declined.diagnostics.map((diagnostic) => diagnostic.code), ['not-analysed']);
    assert.match(messageOf(declined.diagnostics[0]!), /1\.0 MB/);
    const raised = client.nextDiagnostics(opened.uri);
    await client.changeConfiguration({ regtext: { maxFileSizeMB: 64 } });
    assert.deepEqual((await raised).diagnostics.map((diagnostic) => diagnostic.code), ['banned-term']);
    await client.close(opened.uri);
  });

  test('a file of many problems publishes the first thousand and says how many more there are', async () => {
    const opened = await client.open('(1) Duplicate.\n'.repeat(2500), { timeoutMs: 20_000 });
    assert.equal(opened.diagnostics.length, 1001);
    assert.deepEqual([...new Set(opened.diagnostics.slice(0, 1000).map((diagnostic) => diagnostic.code))], ['numbering-duplicate']);
    const more = opened.diagnostics[1000]!;
    assert.equal(more.code, 'more-problems');
    assert.equal(more.range.start.line, 1001);
    assert.match(messageOf(more), /^1,499 more problems in this file are not shown here/);
    await client.close(opened.uri);
  });

  test('a document with a NUL byte gets a "not analysed" diagnostic; the server keeps answering', async () => {
    const opened = await client.open('Scope: stablecoin\u0000 issuance by the PBOC.\n');
    assert.deepEqual(opened.diagnostics.map((diagnostic) => diagnostic.code), ['not-analysed']);
    assert.match(messageOf(opened.diagnostics[0]!), /Not analysed/);
    assert.equal(await client.hover(opened.uri, { line: 0, character: 38 }), null);
    const fixture = parseFixture('The CS$0RC agreed.');
    const other = await client.open(fixture.text);
    assert.ok(hoverHeading(await client.hover(other.uri, fixture.cursor)).includes('China Securities Regulatory Commission'));
  });

  test('removing the NUL byte with an edit brings analysis back', async () => {
    const opened = await client.open('Scope: stablecoin\u0000 issuance.\n');
    const updated = await client.change(opened.uri, [{ range: { start: { line: 0, character: 17 }, end: { line: 0, character: 18 } }, text: '' }]);
    assert.deepEqual(updated.diagnostics.map((diagnostic) => diagnostic.code), ['banned-term']);
  });

  test('requests on a document that was never opened answer empty, not with an error', async () => {
    const uri = 'file:///regtext-protocol-test/never-opened.regtext';
    const position = { line: 0, character: 0 };
    assert.equal(await client.hover(uri, position), null);
    assert.equal(await client.definition(uri, position), null);
    assert.deepEqual(await client.references(uri, position, true), []);
    assert.deepEqual(await client.documentSymbols(uri), []);
    assert.deepEqual(await client.foldingRanges(uri), []);
  });

  test('positions past the end of a line or of the document do not fail', async () => {
    const { uri } = await client.open('The PBOC\n中国证监会');
    assert.ok(hoverHeading(await client.hover(uri, { line: 0, character: 99 })).includes("People's Bank of China"), 'clamped to the end of line 0');
    await client.hover(uri, { line: 7, character: 0 }); // past the last line: any answer but an error
    await client.references(uri, { line: 42, character: 42 }, true);
    await client.definition(uri, { line: -1, character: -1 }).catch(() => undefined); // invalid: an error response is fine, a crash is not
    assert.ok(hoverHeading(await client.hover(uri, { line: 1, character: 2 })).includes('China Securities Regulatory Commission'), 'still answering');
  });

  test('an empty document', async () => {
    const opened = await client.open('');
    assert.deepEqual(opened.diagnostics, []);
    assert.deepEqual(await client.documentSymbols(opened.uri), []);
    assert.equal(await client.hover(opened.uri, { line: 0, character: 0 }), null);
  });
});
