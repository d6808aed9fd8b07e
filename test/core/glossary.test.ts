/**
 * The bilingual glossary (knowledge/data/glossary.json, core/alignment/glossary.ts): the file against its schema, each
 * form one concept's; the concepts a text names in either language; and what it is for, in the alignment: items of a
 * list alike but for what they name, one dropped and the rest renumbered, are told apart by the concepts they share
 * (a seventh independent tester's statistics tables: 按月 / monthly, 涉农贷款 / agriculture-related loans), while a
 * faithful list stays quiet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import glossaryJson from '../../server/src/knowledge/data/glossary.json';
import glossarySchema from '../../server/src/knowledge/schema/glossary.schema.json';
import { Glossary } from '../../server/src/core/alignment/glossary';
import type { GlossaryEntry } from '../../server/src/core/knowledge/types';
import { knowledge, lines } from './fixture';
import { mergeKnowledge } from '../../server/src/config/workspaceConfig';
import { compileKnowledge } from '../../server/src/core';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';
import { align, checksOf, pairsOf } from './alignmentFixture';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(glossarySchema);

test('glossary.json matches its schema, and the schema rejects bad data', () => {
  assert.equal(validate(glossaryJson), true, JSON.stringify(validate.errors));
  const bad: ((copy: { entries: GlossaryEntry[] } & Record<string, unknown>) => void)[] = [
    (copy) => (copy.extra = 1),
    (copy) => (copy.entries[0]!.id = 'Monthly'),
    (copy) => (copy.entries[0]!.zh = ['month ly']),
    (copy) => (copy.entries[0]!.en = ['月']),
    (copy) => (copy.entries[0]!.en = []),
  ];
  for (const mutate of bad) {
    const copy = structuredClone(glossaryJson) as { entries: GlossaryEntry[] } & Record<string, unknown>;
    mutate(copy);
    assert.equal(validate(copy), false, mutate.toString());
  }
});

test('each form of the glossary is one concept\'s, and ids are unique', () => {
  const owner = new Map<string, string>();
  for (const entry of glossaryJson.entries) {
    for (const form of [...entry.zh, ...entry.en.map((en) => en.toLowerCase().replace(/[\s-]+/g, ' '))]) {
      assert.equal(owner.get(form) ?? entry.id, entry.id, `${form} is in ${owner.get(form)} and ${entry.id}`);
      owner.set(form, entry.id);
    }
  }
  assert.equal(new Set(glossaryJson.entries.map((entry) => entry.id)).size, glossaryJson.entries.length);
});

const named: [string, string[]][] = [
  ['各银行应当按季报送涉农贷款统计表。', ['quarterly', 'agriculture', 'loan', 'table', 'bank', 'report']],
  ['Banks shall report the statistical tables of agriculture-related Loans every quarter.', ['quarterly', 'agriculture', 'loan', 'bank', 'report', 'statistics', 'table']],
  ['micro and small\nenterprises; Small-and-Micro enterprises', ['small-micro', 'enterprise']],
  ['a monthlyreport, loaned', []],
  ['The shareholders shall vote.', ['shareholder']],
  ['companies, taxes and penalties', ['enterprise', 'tax', 'penalty']],
  ['IPOs, feels, capes, taxis', []],
  ['按\n\u3000\u3000季报送统计\n表', ['quarterly', 'report', 'table']],

];

for (const [text, concepts] of named) {
  test(`the concepts a text names: ${text}`, () => {
    assert.deepEqual(new Set(knowledge.glossary.conceptsIn(text, 0, text.length)), new Set(concepts));
  });
}

test('an empty glossary names nothing', () => {
  assert.deepEqual(new Glossary().conceptsIn('按月 monthly', 0, 10), []);
});

const ITEMS_ZH = [
  '（一）支付机构应当按月报送客户备付金统计表。', '（二）支付机构应当按季报送跨境支付业务统计表。', '（三）支付机构应当按季报送投诉处理情况统计表。',
  '（四）支付机构应当按年报送从业人员培训统计表。',
];
const ITEMS_EN = [
  '(I) Payment institutions shall report the statistical table of customer reserves monthly.',
  '(II) Payment institutions shall report the statistical table of cross-border payment business quarterly.',
  '(III) Payment institutions shall report the statistical table of complaint handling quarterly.',
  '(IV) Payment institutions shall report the statistical table of staff training annually.',
];

function notice(zh: readonly string[], en: readonly string[]) {
  return align(lines('关于报送支付业务统计报表的通知', '', ...zh), lines('Notice on Reporting the Statistical Tables of Payment Business', '', ...en));
}

test('a list of items alike, faithful: paired by their numbers, quiet', () => {
  const alignment = notice(ITEMS_ZH, ITEMS_EN);
  assert.deepEqual(pairsOf(alignment), ['（一）=(I)', '（二）=(II)', '（三）=(III)', '（四）=(IV)']);
  assert.deepEqual(checksOf(alignment), []);
});

test('a list of items alike, the first dropped and the rest renumbered: the dropped one named by what the others name', () => {
  const renumbered = ITEMS_EN.slice(1).map((item, index) => item.replace(/^\([IV]+\)/, `(${['I', 'II', 'III'][index]})`));
  const alignment = notice(ITEMS_ZH, renumbered);
  assert.deepEqual(pairsOf(alignment), ['（一）=', '（二）=(I)', '（三）=(II)', '（四）=(III)']);
  assert.match(checksOf(alignment)[0]!, /^3 translation-missing-clause: Clause （一） of the original has no counterpart/);
});

test('a workspace\'s configuration keeps the built-in glossary', () => {
  const merged = mergeKnowledge(builtinKnowledgeData, { rules: { 'numbering-gap': 'off' } });
  assert.equal(merged.glossary, builtinKnowledgeData.glossary);
  assert.ok(compileKnowledge(merged).glossary.conceptsIn('按月', 0, 2).includes('monthly'));
});
