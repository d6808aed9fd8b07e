/**
 * Rename of a defined term across its document, in every form (plural, sentence-initial capital), and the reason
 * given where a symbol cannot be renamed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core';
import { lines, singleDocument, withCursor } from './fixture';

function renamed(fixture: string, newName: string): string {
  const { text, offset } = withCursor(fixture);
  const { service, document } = singleDocument(text);
  const index = new LineIndex(text);
  const edits = service.rename(document, index.positionAt(offset), newName);
  return [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start))
    .reduce((result, edit) => result.slice(0, index.offsetAt(edit.range.start)) + edit.newText + result.slice(index.offsetAt(edit.range.end)), text);
}

function whyNot(fixture: string): string | undefined {
  const { text, offset } = withCursor(fixture);
  const { service, document } = singleDocument(text);
  const prepared = service.prepareRename(document, new LineIndex(text).positionAt(offset));
  return 'reason' in prepared ? prepared.reason : undefined;
}

test('rename: a defined term, its plural and its uses, from a use', () => {
  assert.equal(renamed(lines('China Merchants Bank Co., Ltd. (the "Bank") reports.', 'The Ba$0nk and other Banks pay.'), 'Lender'),
    lines('China Merchants Bank Co., Ltd. (the "Lender") reports.', 'The Lender and other Lenders pay.'));
});

test('rename: a Chinese short name from its definition', () => {
  assert.equal(renamed('非银行支付机构（以下简称“支付机$0构”）应当报告。支付机构不得挪用。', '机构'), '非银行支付机构（以下简称“机构”）应当报告。机构不得挪用。');
});

test('rename: what cannot be renamed says why', () => {
  assert.match(whyNot('The PB$0OC said.') ?? '', /agency/);
  assert.match(whyNot('See Yinfa [2021] No. 2$037.') ?? '', /another document/);
  assert.match(whyNot('Plain wo$0rds.') ?? '', /Only a term this document defines/);
  assert.equal(whyNot('Banks (hereinafter "Ban$0ks") pay.'), undefined);
});
