/**
 * A workspace's configuration (.regtext/config.json): parsed with comments, validated against its schema with every
 * problem at its place, merged into the built-in knowledge (added and replaced lists, agencies, notices; built-in
 * lists turned off; severities per rule), and read only from inside the workspace folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type WorkspaceConfig } from '../../server/src/config/configFile';
import { loadWorkspaceConfig, mergeKnowledge } from '../../server/src/config/workspaceConfig';
import { compileKnowledge, createLanguageService, type TextDocument } from '../../server/src/core';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';
import { withCursor } from './fixture';

const OUR_LIST = {
  id: 'acme-marketing', name: 'Words our marketing avoids', source: { notice: 'ACME policy 7', clause: '3' }, severity: 'warning',
  reason: 'Promises of returns mislead investors.',
  terms: [{ id: 'guaranteed-return', en: ['guaranteed return'], zh: ['保本保收益'], replacement: { en: 'target return', zh: '目标收益' } }, { id: 'risk-free', en: ['risk-free'] }],
};
const OUR_AGENCY = {
  id: 'szfsb', kind: 'regulator', en: { name: 'Shenzhen Local Financial Supervision Bureau', aliases: ['Shenzhen Financial Bureau'] },
  zh: { name: '深圳市地方金融监督管理局', aliases: ['深圳市金融局'] }, abbreviations: ['SZFSB'], role: 'Supervises local financial firms in Shenzhen.',
};

function serviceWith(config: WorkspaceConfig) {
  return createLanguageService({ knowledge: compileKnowledge(mergeKnowledge(builtinKnowledgeData, config)) });
}

function documentOf(text: string): TextDocument {
  return { uri: 'file:///config/draft.txt', version: 1, getText: () => text };
}

function diagnosticsOf(config: WorkspaceConfig, text: string): string[] {
  return serviceWith(config).diagnostics(documentOf(text)).map((diagnostic) => `${diagnostic.severity} ${diagnostic.code} ${text.slice(diagnostic.range.start.character, diagnostic.range.end.character)}`);
}

function hoverOf(config: WorkspaceConfig, fixture: string): string {
  const { text, offset } = withCursor(fixture);
  return serviceWith(config).hover(documentOf(text), { line: 0, character: offset })?.markdown ?? '';
}

test('config: an agency of our own is recognised in both languages, with its hover', () => {
  const config = { agencies: [OUR_AGENCY] } as WorkspaceConfig;
  assert.match(hoverOf(config, 'The SZF$0SB approved it.'), /Shenzhen Local Financial Supervision Bureau/);
  assert.match(hoverOf(config, '经深圳市金$0融局批准。'), /深圳市地方金融监督管理局/);
  assert.equal(hoverOf({}, 'The SZF$0SB approved it.'), '', 'not known without the configuration');
});

test('config: a term list of our own reports its terms, English-only terms included, with its severity', () => {
  const config = { termLists: [OUR_LIST] } as WorkspaceConfig;
  assert.deepEqual(diagnosticsOf(config, 'A guaranteed return, risk-free: 保本保收益.'),
    ['warning banned-term guaranteed return', 'warning banned-term risk-free', 'warning banned-term 保本保收益']);
  assert.match(hoverOf(config, 'A guaranteed ret$0urn.'), /Words our marketing avoids/);
});

test('config: built-in lists can be turned off, and rules set to another severity or off', () => {
  const text = 'Scope: stablecoin issuance.\n(1) First.\n(3) Third.';
  assert.deepEqual(diagnosticsOf({}, text).map((line) => line.split(' ').slice(0, 2).join(' ')), ['warning banned-term', 'warning numbering-gap']);
  const builtinId = builtinKnowledgeData.bannedTerms[0]!.id;
  assert.deepEqual(diagnosticsOf({ builtinTermLists: { [builtinId]: false } }, text).map((line) => line.split(' ')[1]), ['numbering-gap']);
  assert.deepEqual(diagnosticsOf({ rules: { 'banned-term': 'error', 'numbering-gap': 'off' } }, text).map((line) => line.split(' ').slice(0, 2).join(' ')), ['error banned-term']);
});

test('config: a list with the id of a built-in one replaces it', () => {
  const builtin = builtinKnowledgeData.bannedTerms[0]!;
  const config = { termLists: [{ ...OUR_LIST, id: builtin.id }] } as WorkspaceConfig;
  assert.deepEqual(diagnosticsOf(config, 'stablecoin, risk-free').map((line) => line.split(' ').slice(2).join(' ')), ['risk-free']);
});

// [what, config text, expected problems as "line:col-line:col message"]
const problems: [string, string, string[]][] = [
  ['comments and trailing commas are fine', '{\n  // ours\n  "rules": { "numbering-gap": "off", },\n}', []],
  ['a syntax error is placed at its character', '{\n  "rules": { "numbering-gap": "off" }\n  "files": {}\n}', ['3:3-3:10 Not valid JSON here: comma expected.']],
  ['an unknown property is placed at its name', '{\n  "rulez": {}\n}', ['2:3-2:10 The configuration has no property "rulez".']],
  ['a wrong value is placed at the value', '{ "rules": { "numbering-gap": "loud" } }', ['1:31-1:37 rules.numbering-gap must be one of "error", "warning", "information", "hint", "off".']],
  ['a missing property is placed at its object', '{ "termLists": [ { "id": "x" } ] }', ['1:18-1:31 termLists[0] must have required property \'name\'.',
    '1:18-1:31 termLists[0] must have required property \'source\'.', '1:18-1:31 termLists[0] must have required property \'severity\'.',
    '1:18-1:31 termLists[0] must have required property \'reason\'.', '1:18-1:31 termLists[0] must have required property \'terms\'.']],
  ['a term with no forms', `{ "termLists": [ ${JSON.stringify({ ...OUR_LIST, terms: [{ id: 'empty' }] })} ] }`, [`1:${JSON.stringify({ ...OUR_LIST, terms: [] }).length + 16}-1:${JSON.stringify({ ...OUR_LIST, terms: [] }).length + 30} termLists[0].terms[0] must have English ("en") or Chinese ("zh") forms, or both.`]],
  ['a term id used twice', `{ "termLists": [ ${JSON.stringify({ ...OUR_LIST, terms: [OUR_LIST.terms[1], OUR_LIST.terms[1]] })} ] }`, ['@ The term "risk-free" appears twice (term ids are unique across lists).']],
  ['not an object', '[]', ['1:1-1:3 The configuration must be object.']],
  ['an empty file', '', ['1:1-1:1 Not valid JSON here: value expected.']],
];

for (const [what, text, expected] of problems) {
  test(`config problems: ${what}`, () => {
    const parsed = parseConfig(text);
    const at = (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return `${before.length}:${before.at(-1)!.length + 1}`;
    };
    const shown = parsed.problems.map((problem) => `${at(problem.start)}-${at(problem.end)} ${problem.message}`);
    assert.deepEqual(shown.map((line, index) => (expected[index]?.startsWith('@ ') ? `@ ${line.split(' ').slice(1).join(' ')}` : line)), expected);
    assert.equal(parsed.value === undefined, expected.length > 0);
  });
}

test('config files: data files are read from inside the workspace folder only, links resolved', async () => {
  const root = mkdtempSync(join(tmpdir(), 'regtext-config-'));
  try {
    const folder = join(root, 'workspace');
    mkdirSync(join(folder, '.regtext', 'lists'), { recursive: true });
    writeFileSync(join(root, 'secret.json'), JSON.stringify({ termLists: [OUR_LIST] }));
    writeFileSync(join(folder, '.regtext', 'lists', 'ours.json'), JSON.stringify({ agencies: [OUR_AGENCY] }));
    symlinkSync(join(root, 'secret.json'), join(folder, '.regtext', 'lists', 'linked.json'));
    const config = { dataFiles: ['lists/ours.json', '../../secret.json', 'lists/linked.json', 'lists/missing.json'] };
    writeFileSync(join(folder, '.regtext', 'config.json'), JSON.stringify(config, null, 2));
    const loaded = await loadWorkspaceConfig(folder);
    assert.equal(loaded.config, undefined, 'a configuration with a bad data file is not used');
    assert.deepEqual(loaded.dataFiles.map((data) => data.agencies?.[0]?.id), ['szfsb']);
    const messages = loaded.problems.get(join(folder, '.regtext', 'config.json'))!.map((problem) => problem.message);
    assert.equal(messages.length, 3);
    assert.match(messages[0]!, /secret\.json is outside the workspace folder/);
    assert.match(messages[1]!, /linked\.json is outside the workspace folder/);
    assert.match(messages[2]!, /missing\.json does not exist/);

    writeFileSync(join(folder, '.regtext', 'config.json'), JSON.stringify({ dataFiles: ['lists/ours.json'], rules: { 'numbering-gap': 'off' } }));
    const good = await loadWorkspaceConfig(folder);
    assert.deepEqual([...good.problems], []);
    assert.deepEqual(good.config?.rules, { 'numbering-gap': 'off' });
    assert.equal((await loadWorkspaceConfig(join(root, 'nowhere'))).config, undefined, 'no configuration: no problem');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('config edits: a phrase added to the workspace\'s banned terms, the file\'s comments kept, valid each time', async () => {
  const { addBannedTermEdits } = await import('../../server/src/config/configEdits');
  const { applyEdits } = await import('jsonc-parser/lib/esm/main.js');
  const apply = (text: string | undefined, phrase: string) => applyEdits(text ?? '', addBannedTermEdits(text, phrase)!);
  const created = apply(undefined, 'guaranteed return');
  assert.deepEqual(parseConfig(created).problems, []);
  assert.deepEqual(parseConfig(created).value?.termLists?.[0]?.terms, [{ id: 'guaranteed-return', en: ['guaranteed return'] }]);
  const commented = '{\n  // our rules\n  "rules": { "numbering-gap": "off" }\n}\n';
  const once = apply(commented, '保本保收益');
  assert.match(once, /\/\/ our rules/);
  const twice = apply(once, 'risk-free');
  const parsed = parseConfig(twice);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.value?.termLists?.map((list) => list.terms.map((term) => term.zh?.[0] ?? term.en?.[0])), [['保本保收益', 'risk-free']]);
  assert.equal(addBannedTermEdits('{ "rules": ', 'x y'), undefined, 'a broken file is left for the user to fix');
});

test('config: placements set the severity by where a term stands, for every list', () => {
  const notice = ['Notice of the PBOC on Wallets', 'Yinfa [2027] No. 12', '', '(I) Stablecoin speculation is banned.'].join('\n');
  assert.deepEqual(diagnosticsOf({}, notice), [], 'the prose of a regulatory text is quiet by default');
  assert.deepEqual(diagnosticsOf({ placements: { regulatoryText: 'information' } }, notice).map((line) => line.split(' ').slice(0, 2).join(' ')), ['information banned-term']);
  assert.deepEqual(diagnosticsOf({ placements: { drafting: 'off' } }, 'Buy stablecoins now.'), []);
});
