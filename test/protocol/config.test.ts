/**
 * The workspace configuration (.regtext/config.json) through the real protocol: a team's term list and agency in
 * hovers and diagnostics; the file broken on purpose shows its problem where it is while the last good
 * configuration stays in force; fixed and changed, it takes effect at once, without a restart.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FileChangeType, type CodeAction, type CreateFile, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { DiskFolder } from './diskFolder';
import { hoverHeading, LspClient, messageOf } from './lspClient';

const LIST = {
  id: 'acme-marketing', name: 'Words ACME marketing avoids', source: { notice: 'ACME policy 7', clause: '3' }, severity: 'warning',
  reason: 'Promises of returns mislead investors.',
  terms: [{ id: 'guaranteed-return', en: ['guaranteed return'], zh: ['保本保收益'], replacement: { en: 'target return', zh: '目标收益' } }],
};
const AGENCY = {
  id: 'szfsb', kind: 'regulator', en: { name: 'Shenzhen Local Financial Supervision Bureau' }, zh: { name: '深圳市地方金融监督管理局' },
  abbreviations: ['SZFSB'], role: 'Supervises local financial firms in Shenzhen.',
};
const CONFIG = `{
  // ACME's own rules
  "termLists": [${JSON.stringify(LIST)}],
  "agencies": [${JSON.stringify(AGENCY)}],
}
`;
const DRAFT = 'Our fund offers a guaranteed return, approved by the SZFSB.\n产品保本保收益。\n';

describe('workspace configuration', () => {
  let folder: DiskFolder;
  let client: LspClient;
  before(async () => {
    folder = await DiskFolder.create({ '.regtext/config.json': CONFIG, 'drafts/fund.txt': DRAFT, 'drafts/closed.txt': 'A guaranteed return.\n' });
    client = await LspClient.start({ workspaceFolder: folder.path, watchedFiles: true, configuration: {} });
  });
  after(async () => {
    await client.shutdown();
    await folder.dispose();
  });

  test('a term list and an agency of the configuration: diagnostics and hovers', async () => {
    const draft = await client.openFile('drafts/fund.txt');
    assert.deepEqual(draft.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code} ${diagnostic.range.start.line}`), ['2 banned-term 0', '2 banned-term 1']);
    assert.match(messageOf(draft.diagnostics[0]!), /Words ACME marketing avoids/);
    const hover = await client.hover(draft.uri, { line: 0, character: DRAFT.indexOf('SZFSB') + 2 });
    assert.match(hoverHeading(hover), /Shenzhen Local Financial Supervision Bureau/);
  });

  test('a broken configuration shows its problem in the file; the last good one stays in force', async () => {
    const draft = await client.openFile('drafts/fund.txt');
    const configUri = folder.uri('.regtext/config.json');
    const problems = client.nextDiagnostics(configUri);
    await folder.write('.regtext/config.json', CONFIG.replace('"agencies"', '"agencys"'));
    await client.fileEvents([{ uri: configUri, type: FileChangeType.Changed }]);
    const published = await problems;
    assert.equal(published.diagnostics.length, 1);
    const [problem] = published.diagnostics;
    assert.equal(problem!.range.start.line, 3, 'on the line of the unknown property');
    assert.match(messageOf(problem!), /no property "agencys"/);
    await client.until('a message that says the last good configuration stays', () => client.shownMessages.find((message) => /last good configuration/.test(message.message)));
    const hover = await client.hover(draft.uri, { line: 0, character: DRAFT.indexOf('SZFSB') + 2 });
    assert.match(hoverHeading(hover), /Shenzhen Local Financial Supervision Bureau/, 'the last good configuration still holds');
  });

  test('a fixed and changed configuration takes effect at once, in open documents and closed files', async () => {
    const draft = await client.openFile('drafts/fund.txt');
    const configUri = folder.uri('.regtext/config.json');
    const cleared = client.nextDiagnostics(configUri);
    const quiet = client.nextDiagnostics(draft.uri, (params) => params.diagnostics.length === 0);
    await folder.write('.regtext/config.json', CONFIG.replace('// ACME\'s own rules', '"rules": { "banned-term": "off" },'));
    await client.fileEvents([{ uri: configUri, type: FileChangeType.Changed }]);
    assert.deepEqual((await cleared).diagnostics, [], 'the problem is gone from the file');
    await quiet;
    const hover = await client.hover(draft.uri, { line: 0, character: DRAFT.indexOf('SZFSB') + 2 });
    assert.match(hoverHeading(hover), /Shenzhen Local Financial Supervision Bureau/);

    const loud = client.nextDiagnostics(draft.uri, (params) => params.diagnostics.length > 0);
    const closed = client.nextDiagnostics(folder.uri('drafts/closed.txt'), (params) => params.diagnostics.length > 0);
    await folder.write('.regtext/config.json', CONFIG.replace('"severity":"warning"', '"severity":"error"'));
    await client.fileEvents([{ uri: configUri, type: FileChangeType.Changed }]);
    assert.deepEqual((await loud).diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code} ${diagnostic.range.start.line}`),
      ['1 banned-term 0', '1 banned-term 1'], 'the list\'s new severity');
    assert.deepEqual((await closed).diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`), ['1 banned-term'], 'a closed file of the workspace too');
  });
});

test('a phrase selected in a document: added to the workspace\'s banned terms, creating the configuration if needed', async () => {
  const folder = await DiskFolder.create({ 'drafts/ad.txt': 'Enjoy a risk-free yield today.\n' });
  const client = await LspClient.start({ workspaceFolder: folder.path, watchedFiles: true, configuration: {} });
  try {
    const draft = await client.openFile('drafts/ad.txt');
    const selection = { start: { line: 0, character: 8 }, end: { line: 0, character: 17 } };
    const actions = ((await client.codeActions(draft.uri, selection)) ?? []) as CodeAction[];
    const add = actions.find((action) => action.title.startsWith('Add “risk-free” to this workspace'));
    assert.ok(add, actions.map((action) => action.title).join(' | '));
    const [create, insert] = add.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, folder.uri('.regtext/config.json'));
    const written = insert.edits.map((edit) => ('newText' in edit ? edit.newText : '')).join('');
    assert.match(written, /"id": "workspace-terms"/);
    assert.match(written, /"en": \[\s*"risk-free"\s*\]/);
    // Written and saved, it takes effect: the phrase is now reported.
    await folder.write('.regtext/config.json', written);
    const reported = client.nextDiagnostics(draft.uri, (params) => params.diagnostics.length > 0);
    await client.fileEvents([{ uri: folder.uri('.regtext/config.json'), type: FileChangeType.Created }]);
    assert.deepEqual((await reported).diagnostics.map((diagnostic) => diagnostic.code), ['banned-term']);
  } finally {
    await client.shutdown();
    await folder.dispose();
  }
});

test('an agency the document defines (a short name for it): added to the workspace\'s agencies from the cursor, then recognised', async () => {
  const text = '深圳市地方金融监督管理局（以下简称“市金融局”）负责监管。\n市金融局应当报告。\n';
  const folder = await DiskFolder.create({ 'drafts/memo.txt': text });
  const client = await LspClient.start({ workspaceFolder: folder.path, watchedFiles: true, configuration: {} });
  try {
    const memo = await client.openFile('drafts/memo.txt');
    const cursor = { line: 1, character: 2 };
    const actions = ((await client.codeActions(memo.uri, { start: cursor, end: cursor })) ?? []) as CodeAction[];
    const add = actions.find((action) => action.title.startsWith('Add “深圳市地方金融监督管理局” to this workspace\'s agencies'));
    assert.ok(add, actions.map((action) => action.title).join(' | '));
    const [, insert] = add.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    const written = insert.edits.map((edit) => ('newText' in edit ? edit.newText : '')).join('');
    assert.match(written, /"aliases": \[\s*"市金融局"\s*\]/);
    await folder.write('.regtext/config.json', written);
    const reloaded = client.nextDiagnostics(memo.uri);
    await client.fileEvents([{ uri: folder.uri('.regtext/config.json'), type: FileChangeType.Created }]);
    await reloaded;
    const hover = await client.hover(memo.uri, cursor);
    assert.match(JSON.stringify(hover), /Added from the editor/, 'the hover is the agency\'s now, with the role to fill in');
  } finally {
    await client.shutdown();
    await folder.dispose();
  }
});

test('an untrusted workspace (Restricted Mode): its configuration is not read, built-in knowledge only', async () => {
  const folder = await DiskFolder.create({ '.regtext/config.json': CONFIG, 'drafts/fund.txt': DRAFT });
  const client = await LspClient.start({ workspaceFolder: folder.path, watchedFiles: true, configuration: {}, initializationOptions: { workspaceTrusted: false } });
  try {
    const draft = await client.openFile('drafts/fund.txt');
    assert.deepEqual(draft.diagnostics, [], 'the team\'s term list is not applied');
    const hover = await client.hover(draft.uri, { line: 0, character: DRAFT.indexOf('SZFSB') + 2 });
    assert.equal(hover, null, 'the team\'s agency is not known');
  } finally {
    await client.shutdown();
    await folder.dispose();
  }
});
