/**
 * What a selection or a cursor offers to add to the workspace configuration: a banned term, an agency regtext does
 * not know (shaped like an agency's name, in either language, with the short name written after it), and the edits
 * that add such an agency to a configuration file, valid against the schema each time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser/lib/esm/main.js';
import { addAgencyEdits } from '../../server/src/config/configEdits';
import { parseConfig } from '../../server/src/config/configFile';
import { mergeKnowledge } from '../../server/src/config/workspaceConfig';
import { compileKnowledge, createLanguageService, type ConfigCandidate } from '../../server/src/core';
import { agencyOf } from '../../server/src/core/features/configCandidates';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';
import { singleDocument, withCursor } from './fixture';

/** Selection fixtures: the selected phrase between [ and ]; the expected candidates as `kind:name[/short]`. */
const SELECTIONS: ReadonlyArray<[string, string[]]> = [
  ['经[深圳市地方金融监督管理局]批准。', ['term:深圳市地方金融监督管理局', 'agency:深圳市地方金融监督管理局']],
  ['Approved by the [Shenzhen Municipal Financial Regulatory Bureau] today.', ['term:Shenzhen Municipal Financial Regulatory Bureau', 'agency:Shenzhen Municipal Financial Regulatory Bureau']],
  ['See [Hainan Free Trade Port Authority (HFTPA)] rules.', ['term:Hainan Free Trade Port Authority (HFTPA)', 'agency:Hainan Free Trade Port Authority/HFTPA']],
  ['由[海南省地方金融监督管理局（海南金融局）]负责。', ['term:海南省地方金融监督管理局（海南金融局）', 'agency:海南省地方金融监督管理局/海南金融局']],
  // Traps: not shaped like an agency; an agency regtext knows already; lower-case English; two lines.
  ['Enjoy a [risk-free] yield.', ['term:risk-free']],
  ['经[中国人民银行]批准。', ['term:中国人民银行']],
  ['Ask the [People\'s Bank of China] first.', ['term:People\'s Bank of China']],
  ['go to the [post office] now', ['term:post office']],
  ['[保本保收益]产品', ['term:保本保收益']],
  ['[x]', []],
];

function candidatesFor(fixture: string): string[] {
  const start = fixture.indexOf('[');
  const end = fixture.indexOf(']') - 1;
  const text = fixture.replace('[', '').replace(']', '');
  const { service, document } = singleDocument(text);
  return service.configCandidates(document, { start: { line: 0, character: start }, end: { line: 0, character: end } }).map(shownCandidate);
}

function shownCandidate(candidate: ConfigCandidate): string {
  if (candidate.kind === 'term') return `term:${candidate.phrase}`;
  const short = candidate.abbreviation ?? candidate.shortName;
  return `agency:${candidate.name}${short ? `/${short}` : ''}`;
}

test('config candidates: a selection offers a banned term, and an agency when it is shaped like one and unknown', () => {
  for (const [fixture, expected] of SELECTIONS) assert.deepEqual(candidatesFor(fixture), expected, fixture);
});

test('config candidates: the cursor on a defined term whose defining words name an agency offers that agency', () => {
  const definition = '深圳市地方金融监督管理局（以下简称“市金融局”）负责监管。';
  for (const [fixture, expected] of [
    [`${definition}市金$0融局应当报告。`, ['agency:深圳市地方金融监督管理局/市金融局']],
    [`${definition.replace('市金融局”', '市金$0融局”')}`, ['agency:深圳市地方金融监督管理局/市金融局']],
    ['the Hainan Free Trade Port Authority (the "Port Authority") decides. The Port Auth$0ority may act.', ['agency:Hainan Free Trade Port Authority/Port Authority']],
    // A defined term that is no agency, and a cursor on nothing: no candidate.
    ['the payment tokens (the "Tokens") are issued. The Tok$0ens may be held.', []],
    ['Nothing$0 here.', []],
  ] as const) {
    const { text, offset } = withCursor(fixture);
    const { service, document } = singleDocument(text);
    const position = { line: 0, character: offset };
    assert.deepEqual(service.configCandidates(document, { start: position, end: position }).map(shownCandidate), expected, fixture);
  }
});

test('agency shape: heads in both languages; lower case, sentences and plain nouns are not agencies', () => {
  assert.ok(agencyOf('国家外汇管理局北京外汇管理部'));
  assert.ok(agencyOf('上海证券交易所'));
  assert.ok(agencyOf('Shanghai Clearing House Council'));
  assert.equal(agencyOf('the bureau'), undefined);
  assert.equal(agencyOf('保本保收益'), undefined);
  assert.equal(agencyOf('Stablecoin tokens'), undefined);
});

test('config edits: an agency added to a configuration is valid and recognised, comments kept, ids unique', () => {
  const apply = (text: string | undefined, candidate: ConfigCandidate) => applyEdits(text ?? '', addAgencyEdits(text, candidate as Extract<ConfigCandidate, { kind: 'agency' }>)!);
  const created = apply(undefined, { kind: 'agency', name: '深圳市地方金融监督管理局', language: 'zh', shortName: '市金融局' });
  const first = parseConfig(created);
  assert.deepEqual(first.problems, []);
  assert.equal(first.value?.agencies?.[0]?.zh.aliases?.[0], '市金融局');
  const commented = apply(`// ours\n${created}`, { kind: 'agency', name: 'Hainan Free Trade Port Authority', language: 'en', abbreviation: 'HFTPA' });
  assert.match(commented, /^\/\/ ours/);
  const twice = apply(commented, { kind: 'agency', name: 'Hainan Free Trade Port Authority', language: 'en', abbreviation: 'HFTPA' });
  const parsed = parseConfig(twice);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.value?.agencies?.map((agency) => agency.id), [first.value!.agencies![0]!.id, 'hftpa', 'hftpa-2']);
  // The agency added is recognised: its short name in a hover, its abbreviation as an agency.
  const service = createLanguageService({ knowledge: compileKnowledge(mergeKnowledge(builtinKnowledgeData, first.value!)) });
  const text = '经市金融局批准。';
  const hover = service.hover({ uri: 'file:///a.txt', version: 1, getText: () => text }, { line: 0, character: 2 });
  assert.match(hover?.markdown ?? '', /深圳市地方金融监督管理局/);
  assert.equal(addAgencyEdits('{ "agencies": [', { name: 'X局', language: 'zh' }), undefined, 'a broken file is left for the user to fix');
});
