/**
 * What the workspace index tells when its first scan ends: each file it read, and the files its notices affect, so
 * that a document analysed before the scan (an open memo) is refreshed once the notices it cites are known; an open
 * document no notice affects is not told (its diagnostics stand). Later changes tell the files they affect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, InMemoryWorkspace, NEVER_CANCELLED, type TextDocument } from '../../server/src/core';
import { knowledge } from './fixture';

const ROOT = 'file:///ws/';
const MEMO = 'Memo on card payments\n\nBanks shall follow Yinfa [2021] No. 237 until further notice.\n';
const REPEALING = [
  'Notice of the People\'s Bank of China on Card Payments',
  'Yinfa [2026] No. 77',
  '',
  '(I) Banks shall report card payments monthly.',
  '(II) This Notice shall take effect on the date of issuance. Yinfa [2021] No. 237 is hereby repealed.',
  '',
].join('\n');

test('the first scan tells the files it read and those its notices affect, a document analysed before it too; a later change tells the files it affects', async () => {
  const workspace = new InMemoryWorkspace({ [`${ROOT}memo.txt`]: MEMO, [`${ROOT}notice.txt`]: REPEALING, [`${ROOT}other.txt`]: 'Nothing cited here.\n' });
  const service = createLanguageService({ knowledge, workspace });
  const told: string[][] = [];
  service.index.onDidChange((change) => told.push([...change.uris].sort()));
  const memo: TextDocument = { uri: `${ROOT}memo.txt`, version: 1, getText: () => MEMO };
  service.analysis(memo);
  await service.index.scan(NEVER_CANCELLED);
  assert.deepEqual(told.at(-1), [`${ROOT}memo.txt`, `${ROOT}notice.txt`, `${ROOT}other.txt`]);
  assert.ok(service.diagnostics(memo).some((diagnostic) => diagnostic.code === 'repealed-notice'), 'the memo is told its notice is repealed');
  told.length = 0;
  workspace.write(`${ROOT}notice.txt`, REPEALING.replace('is hereby repealed', 'remains in force'));
  await service.index.settled();
  assert.deepEqual(told.flat().sort(), [`${ROOT}memo.txt`, `${ROOT}notice.txt`]);
});
