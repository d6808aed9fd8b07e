/**
 * In-place suppressions (regtext-disable-next-line / -disable … -enable / -disable-file, in plain text and
 * Markdown), the hint on a suppression that silences nothing, and each quick fix applied: the text after the edit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileKnowledge, createLanguageService, LineIndex, type CodeAction, type TextDocument, type TextEdit } from '../../server/src/core';
import { mergeKnowledge } from '../../server/src/config/workspaceConfig';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';
import { lines, withCursor } from './fixture';

const knowledge = compileKnowledge(mergeKnowledge(builtinKnowledgeData, {
  termLists: [{
    id: 'acme', name: 'ACME words', source: { notice: 'ACME policy', clause: '1' }, severity: 'warning', reason: 'Misleading.',
    terms: [{ id: 'guaranteed-return', en: ['guaranteed return'], zh: ['保本保收益'], replacement: { en: 'target return', zh: '目标收益' } }],
  }],
}));

function documentOf(text: string, name: string): TextDocument {
  return { uri: `file:///fixes/${name}`, version: 1, getText: () => text };
}

/** The diagnostics of a text, as "line code" (1-based lines). */
function diagnosticsOf(text: string, name = 'draft.txt'): string[] {
  return createLanguageService({ knowledge }).diagnostics(documentOf(text, name))
    .map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`);
}

/** The quick fixes at the cursor's line: their titles. */
function fixesAt(fixture: string, name = 'draft.txt'): { text: string; actions: CodeAction[] } {
  const { text, offset } = withCursor(fixture);
  const position = new LineIndex(text).positionAt(offset);
  const actions = createLanguageService({ knowledge }).codeActions(documentOf(text, name), { start: position, end: position });
  return { text, actions };
}

function applied(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  return [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start))
    .reduce((result, edit) => result.slice(0, index.offsetAt(edit.range.start)) + edit.newText + result.slice(index.offsetAt(edit.range.end)), text);
}

/** The text after the fix whose title matches. */
function afterFix(fixture: string, title: RegExp, name = 'draft.txt'): string {
  const { text, actions } = fixesAt(fixture, name);
  const action = actions.find((candidate) => title.test(candidate.title));
  assert.ok(action, `no fix like ${title}; offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
  return applied(text, Object.values(action.edits).flat());
}

// [what, text, file name, diagnostics expected ("line code")]
const suppressions: [string, string, string, string[]][] = [
  ['nothing silenced', lines('Scope: stablecoin issuance.', '(1) One.', '(3) Three.'), 'a.txt', ['1 banned-term', '3 numbering-gap']],
  ['next line, one rule', lines('// regtext-disable-next-line banned-term', 'Scope: stablecoin issuance.', '(1) One.', '(3) Three.'), 'a.txt', ['4 numbering-gap']],
  ['next line, every rule', lines('regtext-disable-next-line', 'Scope: stablecoin issuance.'), 'a.txt', []],
  ['next line, another rule: not silenced, and the comment unused', lines('// regtext-disable-next-line numbering-gap', 'Scope: stablecoin.'), 'a.txt',
    ['2 banned-term', '1 unused-suppression']],
  ['disable … enable', lines('<!-- regtext-disable banned-term -->', '- stablecoin', '- 稳定币', '<!-- regtext-enable banned-term -->', '- 虚拟货币'), 'a.md', ['5 banned-term']],
  ['disable without enable runs to the end', lines('Intro.', '// regtext-disable banned-term', 'stablecoin', 'virtual currency'), 'a.txt', []],
  ['the whole file, with two rules', lines('(1) One.', '(3) Three, stablecoin.', '<!-- regtext-disable-file banned-term, numbering-gap -->'), 'a.md', []],
  ['an unknown rule name silences nothing', lines('// regtext-disable-next-line banned-terms', 'stablecoin'), 'a.txt', ['2 banned-term', '1 unused-suppression']],
  ['a Chinese draft', lines('// regtext-disable-next-line banned-term', '经营范围：稳定币技术开发。'), 'a.txt', []],
];

for (const [what, text, name, expected] of suppressions) {
  test(`suppression: ${what}`, () => {
    assert.deepEqual(diagnosticsOf(text, name), expected);
  });
}

// [what, fixture, fix title, expected text after, file name]
const fixes: [string, string, RegExp, string, string?][] = [
  ['silence on this line (plain text)', lines('Intro.', 'Scope: stable$0coin issuance.'), /Silence banned-term on this line/,
    lines('Intro.', '// regtext-disable-next-line banned-term', 'Scope: stablecoin issuance.')],
  ['silence on this line (Markdown, CRLF)', 'Intro.\r\n- stable$0coin\r\n', /Silence banned-term on this line/,
    'Intro.\r\n<!-- regtext-disable-next-line banned-term -->\r\n- stablecoin\r\n', 'memo.md'],
  ['silence in the file', lines('Intro.', 'Scope: stable$0coin.'), /Silence banned-term in this file/,
    lines('// regtext-disable-file banned-term', 'Intro.', 'Scope: stablecoin.')],
  ['remove an unused suppression', lines('Intro.', '// regtext-disable-next-line num$0bering-gap', 'Plain.'), /Remove this unused suppression/,
    lines('Intro.', 'Plain.')],
  ['replace with the list\'s replacement (English)', 'We offer a guaranteed re$0turn.', /Replace “guaranteed return” with “target return”/,
    'We offer a target return.'],
  ['replace with the list\'s replacement (Chinese)', '本产品保本保收$0益。', /Replace “保本保收益” with “目标收益”/, '本产品目标收益。'],
  ['a business-scope item removed with its separator', '经营范围：软件开发；稳定$0币技术服务；数据处理。', /Remove the business-scope item “稳定币技术服务”/,
    '经营范围：软件开发；数据处理。'],
  ['the last business-scope item takes the separator before it', 'Business scope: software; stable$0coin custody.', /Remove the business-scope item/,
    'Business scope: software.'],
  ['renumber a label that skips', lines('（一）甲', '（三$0）乙', '（四）丙'), /Renumber （三） as （二）/, lines('（一）甲', '（二）乙', '（四）丙')],
  ['renumber the rest of the sequence', lines('（一）甲', '（三$0）乙', '（四）丙'), /and the 1 after it/, lines('（一）甲', '（二）乙', '（三）丙')],
  ['renumber a duplicate, English, Roman', lines('(I) One.', '(II) Two.', '(I$0I) Again.', '(III) Three.'), /and the 1 after it/,
    lines('(I) One.', '(II) Two.', '(III) Again.', '(IV) Three.')],
  ['renumber Chinese articles', lines('第一条　甲。', '第三$0条　乙。'), /Renumber 第三条 as 第二条/, lines('第一条　甲。', '第二条　乙。')],
  ['write out an abbreviation at its first mention (English)', 'The PB$0OC issued it. The PBOC agreed.', /Write out PBOC/,
    'The People\'s Bank of China (PBOC) issued it. The PBOC agreed.'],
];

for (const [what, fixture, title, expected, name] of fixes) {
  test(`quick fix: ${what}`, () => {
    assert.equal(afterFix(fixture, title, name), expected);
  });
}

test('quick fix: no write-out after the first mention, nor for a name already in full', () => {
  const titles = (fixture: string) => fixesAt(fixture).actions.map((action) => action.title);
  assert.deepEqual(titles('The PBOC issued it. The PB$0OC agreed.').filter((title) => title.startsWith('Write out')), []);
  assert.deepEqual(titles('The People\'s Bank of Ch$0ina issued it.').filter((title) => title.startsWith('Write out')), []);
});

test('quick fix: a banned term with no replacement outside a business scope gets the silencing fixes only', () => {
  assert.deepEqual(fixesAt('The memo discusses stable$0coin issuance.').actions.map((action) => action.title),
    ['Silence banned-term on this line', 'Silence banned-term in this file']);
});
