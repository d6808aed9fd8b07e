/**
 * The pool's workers read the files they summarise: a UTF-8 file gives the summary made from its text in this
 * thread, a file that is not UTF-8 the declined summary that says so, and a file they cannot read no summary (the
 * caller reads it itself and says why). Real worker threads (dist/analysisWorker.js).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AnalysisPool } from '../../server/src/analysisPool';
import { analyze, compileKnowledge, declinedSummary, summarize } from '../../server/src/core';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';

const MAX_BYTES = 1024 * 1024;
const NOTICE = '关于规范支付业务的通知\n银发〔2026〕7号\n第一条 支付机构应当遵守本通知第二条。\n第二条 本通知自发布之日起施行。\n';

test('a worker reads the file it summarises, and declines what is not UTF-8', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'regtext-pool-'));
  const pool = new AnalysisPool(builtinKnowledgeData, { script: resolve(__dirname, '../../analysisWorker.js'), size: 1 });
  t.after(() => {
    pool.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
  writeFileSync(join(folder, 'notice.txt'), NOTICE);
  writeFileSync(join(folder, 'gbk.txt'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]));

  const expected = summarize('file:///notice.txt', 'v1', analyze(NOTICE, compileKnowledge(builtinKnowledgeData), { maxBytes: MAX_BYTES }));
  assert.deepStrictEqual(await pool.summarizeFile('file:///notice.txt', join(folder, 'notice.txt'), 'v1', MAX_BYTES), expected);
  assert.deepStrictEqual(await pool.summarizeFile('file:///gbk.txt', join(folder, 'gbk.txt'), 'v2', MAX_BYTES),
    declinedSummary('file:///gbk.txt', 'v2', { why: 'notUtf8' }));
  assert.equal(await pool.summarizeFile('file:///gone.txt', join(folder, 'gone.txt'), 'v3', MAX_BYTES), undefined);
});
