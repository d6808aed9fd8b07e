/**
 * Original and translation through the real server: a clause label's hover shows the counterpart clause, its
 * definitions include it, the translation's diagnostics carry the translator's checks (an edit of the original
 * updates them), and the custom requests give the pairs and the exports. On the samples' pair, on disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, LocationLink } from 'vscode-languageserver-protocol';
import { DiskFolder } from './diskFolder';
import { LspClient } from './lspClient';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const ENGLISH = readFileSync(join(SAMPLES, 'notice-en.notice'), 'utf8').replace('within 15 working days', 'within 20 working days');
const CHINESE = readFileSync(join(SAMPLES, 'notice-zh.notice'), 'utf8');

const translationChecks = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('translation-'));

test('original and translation: hover, definition, checks, pairs and exports through the protocol', async () => {
  const folder = await DiskFolder.create({ 'en.notice': ENGLISH, 'zh.notice': CHINESE });
  const client = await LspClient.start({ workspaceFolder: folder.path, workDoneProgress: true, configuration: {} });
  try {
    await client.waitForProgressEnd();
    // The open document's diagnostics (they carry its version), not those published for the file while it was closed.
    const opened = client.nextDiagnostics(folder.uri('en.notice'), (params) => params.version !== undefined);
    const en = await client.openFile('en.notice');
    const checks = translationChecks((await opened).diagnostics);
    const planted = checks.find((diagnostic) => diagnostic.range.start.line === 27);
    assert.ok(planted, `the planted 20 against 15: ${checks.map((diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message}`).join('\n')}`);
    assert.equal(planted.relatedInformation?.[0]?.location.uri, folder.uri('zh.notice'));

    const label = { line: ENGLISH.split('\n').findIndex((line) => line.startsWith('(5) No Services')), character: 1 };
    const hover = JSON.stringify(await client.hover(en.uri, label));
    assert.match(hover, /（五）/);
    const links = (await client.definition(en.uri, label)) as LocationLink[];
    assert.ok(links.some((link) => link.targetUri === folder.uri('zh.notice') && link.targetSelectionRange.start.line === 11), JSON.stringify(links));

    const aligned = await client.alignment<{ counterpart: string; pairs: { kind: string }[] }>(en.uri);
    assert.equal(aligned.counterpart, folder.uri('zh.notice'));
    assert.ok(aligned.pairs.filter((pair) => pair.kind === 'clause').length >= 25);
    assert.match((await client.exportAlignment(en.uri, 'tmx')) ?? '', /<tmx version="1\.4">/);

    // The original edited to agree: the translation's check goes.
    const zh = await client.openFile('zh.notice');
    const agreed = client.nextDiagnostics(en.uri, (params) => !translationChecks(params.diagnostics).some((diagnostic) => diagnostic.range.start.line === 27));
    await client.change(zh.uri, [{ text: CHINESE.replace('15个工作日', '20个工作日') }]);
    await agreed;
  } finally {
    await client.shutdown();
    await folder.dispose();
  }
});

test('a file without a counterpart: the alignment request answers null', async () => {
  const folder = await DiskFolder.create({ 'en.notice': ENGLISH });
  const client = await LspClient.start({ workspaceFolder: folder.path, configuration: {} });
  try {
    const en = await client.openFile('en.notice');
    assert.equal(await client.alignment(en.uri), null);
    assert.equal(await client.exportAlignment(en.uri, 'tsv'), null);
  } finally {
    await client.shutdown();
    await folder.dispose();
  }
});

/** A notice of `count` numbered clauses in both languages, long enough to be aligned after typing pauses. */
function longPair(count: number): { english: string; chinese: string } {
  const english = ['Notice of the People\'s Bank of China on Reporting', 'Yinfa [2027] No. 7', ''];
  const chinese = ['中国人民银行关于报送工作的通知', '银发〔2027〕7号', ''];
  for (let n = 1; n <= count; n++) {
    const days = n === count - 10 ? 20 : 15;
    english.push(`(${n}) Reporting duty ${n}. Institutions of category ${n} shall report to the PBOC within ${days} days after each quarter ends, ` +
      'with the figures, the reasons for any change, and the name of the person responsible, and shall keep the records for five years.');
    chinese.push(`（${n}）第${n}类报告义务。第${n}类机构应当在每季度结束后15日内向中国人民银行报告，说明有关数据、变动原因和责任人姓名，并保存记录五年。`);
  }
  return { english: english.join('\n') + '\n', chinese: chinese.join('\n') + '\n' };
}

test('a long translation: its diagnostics come at once, and its translation checks once typing pauses', async () => {
  const { english, chinese } = longPair(500);
  assert.ok(english.length > 100_000, 'longer than the inline alignment limit');
  const folder = await DiskFolder.create({ 'en.notice': english, 'zh.notice': chinese });
  const client = await LspClient.start({ workspaceFolder: folder.path, workDoneProgress: true, configuration: {} });
  try {
    await client.waitForProgressEnd();
    const first = client.nextDiagnostics(folder.uri('en.notice'), (params) => params.version !== undefined);
    const checked = client.nextDiagnostics(folder.uri('en.notice'), (params) => translationChecks(params.diagnostics).length > 0, 'the translation checks', 30_000);
    await client.openFile('en.notice');
    assert.deepEqual(translationChecks((await first).diagnostics), [], 'the first diagnostics do not wait for the alignment');
    const checks = translationChecks((await checked).diagnostics);
    assert.deepEqual(checks.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`), ['493 translation-mismatch']);
  } finally {
    await client.shutdown();
    await folder.dispose();
  }
});
