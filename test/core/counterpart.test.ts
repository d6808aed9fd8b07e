/**
 * A file and its counterpart in the workspace (the same notice in the other language), through the language
 * service: the pairs the editor scrolls by, the counterpart clause in a clause label's hover and definitions, the
 * other language's term in a defined term's hover, the translator's checks as diagnostics of the translation only,
 * exports. On the samples' translation pair (Yinfa [2026] No. 118), with planted errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService, InMemoryWorkspace, NEVER_CANCELLED } from '../../server/src/core';
import { knowledge } from './fixture';
import { openFolder, ROOT } from './workspaceFixture';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const ENGLISH = readFileSync(join(SAMPLES, 'notice-en.notice'), 'utf8');
const CHINESE = readFileSync(join(SAMPLES, 'notice-zh.notice'), 'utf8');

/** The English text with the cursor on the first occurrence of `marker`, plus `offset` characters. */
function englishWithCursor(marker: string, offset = 1, text = ENGLISH): string {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, marker);
  return text.slice(0, at + offset) + '$0' + text.slice(at + offset);
}

test('counterpart: a clause label of the translation shows and links its clause in the original', async () => {
  const folder = await openFolder({ 'en.notice': englishWithCursor('(5) No Services'), 'zh.notice': CHINESE });
  assert.equal(folder.service.hover(folder.document, folder.position)?.markdown.includes('（五）'), false, 'before the counterpart is loaded: the hover of this file alone');
  const aligned = await folder.service.loadCounterpart(folder.document);
  assert.equal(aligned?.counterpart, `${ROOT}zh.notice`);
  const hover = folder.service.hover(folder.document, folder.position)?.markdown ?? '';
  assert.match(hover, /Chinese original.*（五）.*不得为虚拟货币相关业务活动提供服务/);
  const links = folder.service.definition(folder.document, folder.position);
  assert.deepEqual(links.map((link) => `${link.targetUri.slice(ROOT.length)}:${link.targetSelectionRange.start.line + 1}`), ['zh.notice:12']);
});

test('counterpart: from the original, the translation; pairs of clauses and sentences in this file\'s order', async () => {
  const at = CHINESE.indexOf('（十一）');
  const folder = await openFolder({ 'zh.notice': `${CHINESE.slice(0, at + 1)}$0${CHINESE.slice(at + 1)}`, 'en.notice': ENGLISH });
  const aligned = await folder.service.loadCounterpart(folder.document);
  assert.ok(aligned);
  const clauses = aligned.pairs.filter((pair) => pair.kind === 'clause');
  assert.ok(clauses.length >= 25, `${clauses.length} clause pairs`);
  assert.ok(aligned.pairs.some((pair) => pair.kind === 'sentence'));
  for (let i = 1; i < clauses.length; i++) assert.ok(clauses[i]!.here.start.line >= clauses[i - 1]!.here.start.line, 'in this file\'s order');
  assert.match(folder.service.hover(folder.document, folder.position)?.markdown ?? '', /English translation.*\(XI\)/);
  assert.deepEqual(folder.service.diagnostics(folder.document).filter((diagnostic) => diagnostic.code.startsWith('translation-')), [], 'the original gets no translator\'s checks');
});

test('counterpart: a defined term\'s hover shows the term the other language defines in the aligned sentence', async () => {
  const folder = await openFolder({ 'en.notice': englishWithCursor('"Regulations"', 3), 'zh.notice': CHINESE });
  await folder.service.loadCounterpart(folder.document);
  assert.match(folder.service.hover(folder.document, folder.position)?.markdown ?? '', /In the Chinese original: \*\*《?条例》?\*\*/);
});

test('counterpart: the translator\'s checks appear in the translation, with the original\'s clause as related information', async () => {
  const planted = ENGLISH.replace('within 15 working days', 'within 20 working days');
  const folder = await openFolder({ 'en.notice': englishWithCursor('(5) No Services', 1, planted), 'zh.notice': CHINESE });
  const faithful = folder.service.diagnostics(folder.document).filter((diagnostic) => diagnostic.code.startsWith('translation-'));
  assert.deepEqual(faithful, [], 'nothing before the counterpart is loaded');
  await folder.service.loadCounterpart(folder.document);
  const checks = folder.service.diagnostics(folder.document).filter((diagnostic) => diagnostic.code.startsWith('translation-'));
  const mismatch = checks.find((diagnostic) => diagnostic.code === 'translation-mismatch' && diagnostic.range.start.line === 27);
  assert.ok(mismatch, checks.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.message}`).join('\n'));
  assert.equal(mismatch.related?.[0]?.location.uri, `${ROOT}zh.notice`);
  assert.equal(mismatch.related?.[0]?.location.range.start.line, 25);
});

test('counterpart: none in the workspace — nothing loaded, nothing exported; exports when there is one', async () => {
  const alone = await openFolder({ 'en.notice': ENGLISH });
  assert.equal(await alone.service.loadCounterpart(alone.document), undefined);
  assert.equal(await alone.service.exportAlignment(alone.document, 'tmx'), undefined);
  const folder = await openFolder({ 'en.notice': ENGLISH, 'zh.notice': CHINESE });
  const tmx = await folder.service.exportAlignment(folder.document, 'tmx');
  assert.match(tmx ?? '', /<tmx version="1\.4">[\s\S]*<tuv xml:lang="zh-CN">[\s\S]*（五）/);
  const tsv = await folder.service.exportAlignment(folder.document, 'tsv');
  assert.ok((tsv ?? '').split('\n').length > 30);
  const json = JSON.parse((await folder.service.exportAlignment(folder.document, 'json'))!);
  assert.ok(json);
});

test('counterpart: in a Chinese interface, the checks and the hovers are in Chinese', async () => {
  const planted = ENGLISH.replace('within 15 working days', 'within 20 working days');
  const workspace = new InMemoryWorkspace({ [`${ROOT}en.notice`]: planted, [`${ROOT}zh.notice`]: CHINESE });
  const service = createLanguageService({ knowledge, workspace, locale: 'zh-CN' });
  await service.index.scan(NEVER_CANCELLED);
  const document = { uri: `${ROOT}en.notice`, version: 1, getText: () => planted };
  await service.loadCounterpart(document);
  const mismatch = service.diagnostics(document).find((diagnostic) => diagnostic.code === 'translation-mismatch' && diagnostic.range.start.line === 27);
  assert.match(mismatch?.message ?? '', /^译文写明数字20，而原文写明数字15。$/);
  assert.match(mismatch?.related?.[0]?.message ?? '', /^原文/);
  const label = { line: planted.split('\n').findIndex((line) => line.startsWith('(5) No Services')), character: 1 };
  assert.match(service.hover(document, label)?.markdown ?? '', /\*\*中文原文\*\*: \[（五）\]/);
});
