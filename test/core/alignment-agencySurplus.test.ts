/**
 * An agency the translation names that the original's clause never does, where the original names another agency
 * once more than the translation: a substitution (a seventh independent tester's order, "adopted at the executive
 * meeting of the Ministry of Industry and Information Technology" for 国家互联网信息办公室室务会议, the CAC named twice more
 * in the same paragraph). Quiet where only the original names an agency the translation does not read, however
 * often the translation names another (the English coordinates "the Shanghai, Shenzhen and Beijing Stock Exchanges").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from './fixture';
import { align, checksOf } from './alignmentFixture';

function pairOf(zh: string, en: string) {
  return align(
    lines('关于加强金融数据安全管理的通知', '', zh, '（二）本通知自发布之日起施行。'),
    lines('Notice on Strengthening the Security Management of Financial Data', '', en, '(II) This Notice shall come into force on the date of issuance.'),
  );
}

test('an agency the translation puts for one the original names twice: reported', () => {
  const alignment = pairOf(
    '（一）本办法经国家互联网信息办公室室务会议审议通过，由国家互联网信息办公室会同中国人民银行负责解释。',
    '(I) These Measures were adopted at the executive meeting of the Ministry of Industry and Information Technology and shall be interpreted by the Cyberspace Administration of China together with the People\'s Bank of China.',
  );
  assert.deepEqual(checksOf(alignment), [
    '3 translation-mismatch: The translation names Ministry of Industry and Information Technology where the original names 国家互联网信息办公室.',
  ]);
});

test('an agency named as often on both sides, and the translation naming it once less: quiet', () => {
  const alignment = pairOf(
    '（一）本办法经国家互联网信息办公室室务会议审议通过，由国家互联网信息办公室会同中国人民银行负责解释。',
    '(I) These Measures were adopted at the executive meeting of the Cyberspace Administration of China, which shall interpret them together with the People\'s Bank of China.',
  );
  assert.deepEqual(checksOf(alignment), []);
});

test('the original naming an agency the translation coordinates out of reach, the translation naming another twice: quiet', () => {
  const alignment = pairOf(
    '（一）中国证监会、北京证券交易所应当加强监管。',
    '(I) The CSRC, the local offices of the CSRC and the Shanghai, Shenzhen and Beijing Stock Exchanges shall strengthen supervision.',
  );
  assert.deepEqual(checksOf(alignment), []);
});

test('a name repeated as "the central bank", and an agency added in brackets in another sentence: quiet', () => {
  const alignment = pairOf(
    '（一）中国人民银行会同有关部门制定具体办法。本办法由中国人民银行负责解释。',
    '(I) The PBOC shall, together with the relevant departments (the NDRC and others), formulate specific measures. These Measures shall be interpreted by the central bank.',
  );
  assert.deepEqual(checksOf(alignment), []);
});
