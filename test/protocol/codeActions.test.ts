/**
 * Editing help through the real protocol: quick fixes asked for at a diagnostic, their edit applied as an editor
 * applies it, and the diagnostics that follow; completion of notice numbers, with the text it replaces.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.shutdown(); });

async function actionsAt(uri: string, line: number, character: number): Promise<CodeAction[]> {
  const position = { line, character };
  return ((await client.codeActions(uri, { start: position, end: position })) ?? []).filter((action): action is CodeAction => 'edit' in action);
}

test('silencing a banned term on its line: the edit inserts the comment, and the diagnostic is gone', async () => {
  const text = 'Intro.\nScope: stablecoin issuance.\n';
  const opened = await client.open(text, { name: 'fixes-silence' });
  assert.deepEqual(opened.diagnostics.map((diagnostic) => diagnostic.code), ['banned-term']);
  const actions = await actionsAt(opened.uri, 1, 10);
  assert.deepEqual(actions.map((action) => action.kind), ['quickfix', 'quickfix']);
  const silence = actions.find((action) => action.title === 'Silence banned-term on this line')!;
  assert.equal(silence.diagnostics?.[0]?.code, 'banned-term');
  const { text: after, published } = await client.applyCodeAction(opened.uri, text, silence);
  assert.equal(after, 'Intro.\n// regtext-disable-next-line banned-term\nScope: stablecoin issuance.\n');
  assert.deepEqual(published.diagnostics, []);
  await client.close(opened.uri);
});

test('renumbering the rest of a sequence is one edit; the numbering problems are gone', async () => {
  const text = '一、总则\n（一）甲。\n（三）乙。\n（四）丙。\n';
  const opened = await client.open(text, { name: 'fixes-renumber' });
  assert.ok(opened.diagnostics.some((diagnostic) => diagnostic.code === 'numbering-gap'));
  const rest = (await actionsAt(opened.uri, 2, 1)).find((action) => /and the 1 after it/.test(action.title))!;
  const { text: after, published } = await client.applyCodeAction(opened.uri, text, rest);
  assert.equal(after, '一、总则\n（一）甲。\n（二）乙。\n（三）丙。\n');
  assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), []);
  await client.close(opened.uri);
});

test('completion of a notice number: the known numbers of that issuer and year, replacing what was typed', async () => {
  const text = '根据银发〔2021';
  const opened = await client.open(text, { name: 'completion-number' });
  const answer = await client.completion(opened.uri, { line: 0, character: text.length });
  const items = Array.isArray(answer) ? answer : answer?.items ?? [];
  const item = items.find((candidate) => candidate.label === '银发〔2021〕237号');
  assert.ok(item, items.map((candidate) => candidate.label).join(', '));
  assert.deepEqual(item.textEdit, { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 9 } }, newText: '银发〔2021〕237号' });
  assert.match(item.detail ?? '', /虚拟货币/);
  assert.ok(client.initializeResult?.capabilities.completionProvider?.triggerCharacters?.includes('〔'));
  await client.close(opened.uri);
});

test('rename of a defined term through the protocol; a notice number cannot be renamed, and the answer says why', async () => {
  const text = 'China Merchants Bank Co., Ltd. (the "Bank") reports.\nThe Bank and other Banks pay under Yinfa [2021] No. 237.\n';
  const opened = await client.open(text, { name: 'rename-term' });
  const prepared = await client.prepareRename(opened.uri, { line: 1, character: 6 });
  assert.deepEqual(prepared, { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } }, placeholder: 'Bank' });
  const edit = await client.rename(opened.uri, { line: 1, character: 6 }, 'Lender');
  assert.deepEqual(edit?.changes?.[opened.uri]?.map((change) => change.newText), ['Lender', 'Lender', 'Lenders']);
  await assert.rejects(client.prepareRename(opened.uri, { line: 1, character: 40 }), /notice number names another document/);
  await client.close(opened.uri);
});
