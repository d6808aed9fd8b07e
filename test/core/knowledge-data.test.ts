/**
 * The built-in knowledge (server/src/knowledge/data/*.json): each file against its JSON Schema, the schemas
 * against bad data, and the cross-references between the files (agency ids, notice numbers, names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import type {
  AgencyData,
  AgencyRecord,
  BannedTermList,
  IssuerCodeRecord,
  NoticeRecord,
} from '../../server/src/core/knowledge/types';
import agenciesJson from '../../server/src/knowledge/data/agencies.json';
import issuerCodesJson from '../../server/src/knowledge/data/issuer-codes.json';
import noticesJson from '../../server/src/knowledge/data/notices.json';
import bannedTermsJson from '../../server/src/knowledge/data/banned-terms.json';
import agenciesSchema from '../../server/src/knowledge/schema/agencies.schema.json';
import issuerCodesSchema from '../../server/src/knowledge/schema/issuer-codes.schema.json';
import noticesSchema from '../../server/src/knowledge/schema/notices.schema.json';
import bannedTermsSchema from '../../server/src/knowledge/schema/banned-terms.schema.json';

// ---------------------------------------------------------------------------------------------------------------
// Schemas

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validators = {
  agencies: ajv.compile(agenciesSchema),
  issuerCodes: ajv.compile(issuerCodesSchema),
  notices: ajv.compile(noticesSchema),
  bannedTerms: ajv.compile(bannedTermsSchema),
};

function errorsOf(validate: ValidateFunction, data: unknown): string {
  return validate(data) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

function assertValid(validate: ValidateFunction, data: unknown, what: string): void {
  const errors = errorsOf(validate, data);
  assert.equal(errors, '', `${what} does not match its schema:\n${errors}`);
}

// The files are checked against the schemas above; after that, their TypeScript shapes hold.
const agencyData = agenciesJson as unknown as AgencyData;
const agencies: AgencyRecord[] = agencyData.agencies;
const issuerCodes: IssuerCodeRecord[] = (issuerCodesJson as unknown as { issuerCodes: IssuerCodeRecord[] }).issuerCodes;
const notices: NoticeRecord[] = (noticesJson as unknown as { notices: NoticeRecord[] }).notices;
const bannedLists: BannedTermList[] = (bannedTermsJson as unknown as { lists: BannedTermList[] }).lists;

test('agencies.json matches its schema', () => {
  assertValid(validators.agencies, agenciesJson, 'agencies.json');
});

test('issuer-codes.json matches its schema', () => {
  assertValid(validators.issuerCodes, issuerCodesJson, 'issuer-codes.json');
});

test('notices.json matches its schema', () => {
  assertValid(validators.notices, noticesJson, 'notices.json');
});

test('banned-terms.json matches its schema', () => {
  assertValid(validators.bannedTerms, bannedTermsJson, 'banned-terms.json');
});

test('each data file names its schema', () => {
  assert.equal(agenciesJson.$schema, '../schema/agencies.schema.json');
  assert.equal(issuerCodesJson.$schema, '../schema/issuer-codes.schema.json');
  assert.equal(noticesJson.$schema, '../schema/notices.schema.json');
  assert.equal(bannedTermsJson.$schema, '../schema/banned-terms.schema.json');
});

// ---------------------------------------------------------------------------------------------------------------
// The schemas reject bad data: each mutation of a valid copy must fail validation.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function assertRejects(validate: ValidateFunction, original: unknown, mutations: Record<string, (copy: Json) => void>): void {
  assertValid(validate, structuredClone(original), 'unmutated copy');
  for (const [name, mutate] of Object.entries(mutations)) {
    const copy = structuredClone(original) as Json;
    mutate(copy);
    assert.equal(validate(copy), false, `schema accepted bad data: ${name}`);
  }
}

test('agencies schema rejects bad data', () => {
  assertRejects(validators.agencies, agenciesJson, {
    'unknown top-level property': (d) => (d.extra = true),
    'unknown property on an agency': (d) => (d.agencies[0].website = 'http://www.pbc.gov.cn'),
    'unknown property in en': (d) => (d.agencies[0].en.short = 'PBOC'),
    'kind outside the enum': (d) => (d.agencies[0].kind = 'bank'),
    'id in upper case': (d) => (d.agencies[0].id = 'PBOC'),
    'id with a space': (d) => (d.agencies[0].id = 'state council'),
    'date not ISO': (d) => (d.agencies[0].established = '18 May 2023'),
    'missing role': (d) => delete d.agencies[0].role,
    'missing zh name': (d) => delete d.agencies[0].zh.name,
    'successor without dissolved': (d) => {
      d.agencies[0].successor = 'nfra';
      delete d.agencies[0].dissolved;
    },
    'abbreviation without capitals': (d) => (d.agencies[0].abbreviations = ['pboc']),
    'alias with trailing space': (d) => (d.agencies[0].zh.aliases = ['人民银行 ']),
    'duplicate alias': (d) => (d.agencies[0].zh.aliases = ['人民银行', '人民银行']),
    'notAgencies missing': (d) => delete d.notAgencies,
    'empty notAgency': (d) => d.notAgencies.push(''),
  });
});

test('issuer-codes schema rejects bad data', () => {
  assertRejects(validators.issuerCodes, issuerCodesJson, {
    'unknown top-level property': (d) => (d.codes = []),
    'unknown property on a code': (d) => (d.issuerCodes[0].pinyin = 'guofa'),
    'code not in Chinese': (d) => (d.issuerCodes[0].code = 'Yinfa'),
    'code with brackets': (d) => (d.issuerCodes[0].code = '银发〔'),
    'no agencies': (d) => (d.issuerCodes[0].agencies = []),
    'agency id not an id': (d) => (d.issuerCodes[0].agencies = ['People’s Bank']),
    'missing en': (d) => delete d.issuerCodes[0].en,
  });
});

test('notices schema rejects bad data', () => {
  const repealed = notices.findIndex((n) => n.status === 'repealed');
  const inForce = notices.findIndex((n) => n.status === 'in-force');
  assert.ok(repealed >= 0 && inForce >= 0);
  assertRejects(validators.notices, noticesJson, {
    'unknown property on a notice': (d) => (d.notices[0].url = 'http://www.pbc.gov.cn'),
    'unknown property in title': (d) => (d.notices[0].title.short = '289'),
    'status outside the enum': (d) => (d.notices[0].status = 'revoked'),
    'number with half-width brackets': (d) => (d.notices[0].number = '银发[2013]289号'),
    'number in English': (d) => (d.notices[0].number = 'Yinfa [2013] No. 289'),
    'number without 号': (d) => (d.notices[0].number = '银发〔2013〕289'),
    'date not ISO': (d) => (d.notices[0].date = '2013/12/03'),
    'missing title': (d) => delete d.notices[0].title,
    'no issuers': (d) => (d.notices[0].issuers = []),
    'repealed without repealedBy': (d) => delete d.notices[repealed].repealedBy,
    'repealedBy on a notice in force': (d) => (d.notices[inForce].repealedBy = '银发〔2013〕289号'),
  });
});

test('banned-terms schema rejects bad data', () => {
  assertRejects(validators.bannedTerms, bannedTermsJson, {
    'unknown property on a list': (d) => (d.lists[0].enabled = true),
    'unknown property on a term': (d) => (d.lists[0].terms[0].fr = ['monnaie virtuelle']),
    'severity outside the enum': (d) => (d.lists[0].severity = 'fatal'),
    'term id not an id': (d) => (d.lists[0].terms[0].id = 'Virtual Currency'),
    'missing clause': (d) => delete d.lists[0].source.clause,
    'source notice empty': (d) => (d.lists[0].source.notice = ''),
    'term without any forms': (d) => { d.lists[0].terms[0].zh = []; d.lists[0].terms[0].en = []; },
    'empty English form': (d) => d.lists[0].terms[0].en.push(''),
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Cross-references

const agencyIds = new Set(agencies.map((a) => a.id));
const noticeNumbers = new Set(notices.map((n) => n.number));

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** English names compare case-insensitively and with straight apostrophes, as the matcher reads them. */
function foldEn(s: string): string {
  return s.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').toLowerCase();
}

test('agency ids are unique', () => {
  assert.deepEqual(duplicates(agencies.map((a) => a.id)), []);
});

test('predecessors and successors exist and agree', () => {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  for (const a of agencies) {
    for (const p of a.predecessors ?? []) {
      const pred = byId.get(p);
      assert.ok(pred, `${a.id}: predecessor ${p} is not an agency`);
      assert.equal(pred.successor, a.id, `${p} lists no successor ${a.id}, though ${a.id} names it as predecessor`);
    }
    if (a.successor !== undefined) {
      const succ = byId.get(a.successor);
      assert.ok(succ, `${a.id}: successor ${a.successor} is not an agency`);
      assert.ok(succ.predecessors?.includes(a.id), `${a.successor} does not list ${a.id} as predecessor`);
      assert.ok(a.dissolved !== undefined, `${a.id} has a successor but no dissolved date`);
    }
    if (a.established !== undefined && a.dissolved !== undefined) {
      assert.ok(a.established <= a.dissolved, `${a.id}: dissolved before it was established`);
    }
  }
});

test('no two agencies share a name, alias or abbreviation', () => {
  const en: string[] = [];
  const zh: string[] = [];
  const abbr: string[] = [];
  for (const a of agencies) {
    en.push(...[a.en.name, ...(a.en.aliases ?? [])].map(foldEn));
    zh.push(a.zh.name, ...(a.zh.aliases ?? []));
    abbr.push(...(a.abbreviations ?? []));
  }
  assert.deepEqual(duplicates(en), [], 'English names and aliases');
  assert.deepEqual(duplicates(zh), [], 'Chinese names and aliases');
  assert.deepEqual(duplicates(abbr), [], 'abbreviations');
  const enSet = new Set(en);
  assert.deepEqual(abbr.filter((x) => enSet.has(foldEn(x))), [], 'abbreviations that are also English names');
});

test('aliases are names, not generic phrases or ambiguous short forms', () => {
  const generic = new Set(['central bank', 'the central bank', 'regulator', 'customs', 'bank', 'ministry of justice']);
  // 人行 is inside 个人行为, 中行 inside 集中行使, 工行 inside 施工行业; ABC means too many things.
  const ambiguousZh = new Set(['人行', '中行', '工行', '农行', '建行']);
  const ambiguousAbbr = new Set(['ABC']);
  for (const a of agencies) {
    for (const alias of a.en.aliases ?? []) assert.ok(!generic.has(foldEn(alias)), `${a.id}: generic alias "${alias}"`);
    for (const alias of a.zh.aliases ?? []) assert.ok(!ambiguousZh.has(alias), `${a.id}: ambiguous alias ${alias}`);
    for (const ab of a.abbreviations ?? []) assert.ok(!ambiguousAbbr.has(ab), `${a.id}: ambiguous abbreviation ${ab}`);
  }
});

test('each notAgency contains an agency name and is not one', () => {
  const zhNames = agencies.flatMap((a) => [a.zh.name, ...(a.zh.aliases ?? [])]);
  const enNames = agencies.flatMap((a) => [a.en.name, ...(a.en.aliases ?? [])]).map(foldEn);
  const abbrs = agencies.flatMap((a) => a.abbreviations ?? []);
  const all = new Set([...zhNames, ...enNames, ...abbrs]);
  assert.deepEqual(duplicates(agencyData.notAgencies), []);
  for (const phrase of agencyData.notAgencies) {
    assert.ok(!all.has(phrase) && !all.has(foldEn(phrase)), `notAgency ${phrase} is itself an agency name`);
    const contains =
      zhNames.some((n) => phrase.includes(n)) ||
      enNames.some((n) => foldEn(phrase).includes(n)) ||
      abbrs.some((ab) => new RegExp(`\\b${ab}\\b`).test(phrase));
    assert.ok(contains, `notAgency ${phrase} contains no agency name, so it can never be needed`);
  }
});

test('issuer codes are unique and name existing agencies', () => {
  assert.deepEqual(duplicates(issuerCodes.map((c) => c.code)), []);
  for (const c of issuerCodes) {
    for (const id of c.agencies) assert.ok(agencyIds.has(id), `${c.code}: unknown agency ${id}`);
  }
});

test('no issuer code or alias is printed under two records', () => {
  const seen = new Map<string, string>();
  for (const record of issuerCodes) {
    for (const code of [record.code, ...(record.aliases ?? [])]) {
      assert.ok(!seen.has(code), `${code} is under ${seen.get(code)} and ${record.code}`);
      seen.set(code, record.code);
    }
  }
});

test('no English rendering appears under two issuer codes', () => {
  assert.deepEqual(duplicates(issuerCodes.flatMap((c) => c.en.map(foldEn))), []);
});

/** The issuer code of a document number: everything before the year bracket or the 第 of a yearless series. */
function issuerCodeOf(number: string): string {
  const m = /^(\p{Script=Han}+?)(?:〔|第)/u.exec(number);
  assert.ok(m, `cannot read the issuer code of ${number}`);
  return m[1]!;
}

test('notices are unique, name existing agencies and known issuer codes', () => {
  assert.deepEqual(duplicates(notices.flatMap((n) => n.number ?? [])), []);
  assert.deepEqual(duplicates(notices.flatMap((n) => n.shortNames ?? [])), []);
  const codes = new Map(issuerCodes.map((c) => [c.code, c]));
  for (const n of notices) {
    const name = n.number ?? n.title.zh;
    for (const id of n.issuers) assert.ok(agencyIds.has(id), `${name}: unknown issuer ${id}`);
    if (n.published !== undefined) assert.ok(n.date <= n.published, `${name}: published before issued`);
    if (n.number === undefined) {
      assert.ok(n.shortNames && n.shortNames.length > 0, `${name}: a notice without a number needs the short names it is cited by`);
      continue;
    }
    const code = codes.get(issuerCodeOf(n.number));
    assert.ok(code, `${n.number}: issuer code ${issuerCodeOf(n.number)} is not in issuer-codes.json`);
    assert.ok(code.agencies.includes(n.issuers[0]!), `${n.number}: lead issuer ${n.issuers[0]} does not own code ${code.code}`);
  }
});

test('repeals name existing notices and agree both ways', () => {
  const byNumber = new Map(notices.map((n) => [n.number, n]));
  for (const n of notices) {
    if (n.repealedBy !== undefined) {
      const by = byNumber.get(n.repealedBy);
      assert.ok(by, `${n.number}: repealedBy ${n.repealedBy} is not in notices.json`);
      assert.ok(n.number !== undefined && by.repeals?.includes(n.number), `${n.repealedBy} does not list ${n.number} in repeals`);
      assert.ok(n.date <= by.date, `${n.number} is repealed by an older notice`);
    }
    for (const r of n.repeals ?? []) {
      const old = byNumber.get(r);
      assert.ok(old, `${n.number}: repeals ${r}, which is not in notices.json`);
      assert.equal(old.repealedBy, n.number, `${r} is not marked repealedBy ${n.number}`);
      assert.equal(old.status, 'repealed', `${r} is repealed by ${n.number} but its status is ${old.status}`);
    }
  }
});

test('banned-term lists cite existing notices and hold no redundant forms', () => {
  assert.deepEqual(duplicates(bannedLists.map((l) => l.id)), []);
  for (const list of bannedLists) {
    assert.ok(noticeNumbers.has(list.source.notice), `${list.id}: source notice ${list.source.notice} is not in notices.json`);
    assert.deepEqual(duplicates(list.terms.map((t) => t.id)), [], `${list.id}: term ids`);
    // The matcher derives capitals, plurals and hyphen/space variants: listing them again is redundant.
    const variantKey = (s: string) => foldEn(s).replace(/-/g, ' ');
    const en = list.terms.flatMap((t) => t.en.map(variantKey));
    assert.deepEqual(duplicates(en), [], `${list.id}: English forms that differ only in case, hyphen or space`);
    const enSet = new Set(en);
    assert.deepEqual(en.filter((f) => enSet.has(`${f}s`)), [], `${list.id}: forms listed with their plural`);
    assert.deepEqual(duplicates(list.terms.flatMap((t) => t.zh)), [], `${list.id}: Chinese forms`);
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Facts the features rely on

test('key facts: virtual-currency notices, CBIRC history, banned terms', () => {
  const byNumber = new Map(notices.map((n) => [n.number, n]));
  const n2026 = byNumber.get('银发〔2026〕42号');
  assert.ok(n2026);
  assert.deepEqual(n2026.issuers, ['pboc', 'ndrc', 'miit', 'mps', 'samr', 'nfra', 'csrc', 'safe']);
  assert.equal(n2026.date, '2026-02-06');
  assert.deepEqual(n2026.repeals, ['银发〔2021〕237号']);
  assert.equal(byNumber.get('银发〔2021〕237号')?.status, 'repealed');

  const byId = new Map(agencies.map((a) => [a.id, a]));
  assert.equal(byId.get('cbirc')?.successor, 'nfra');
  assert.equal(byId.get('nfra')?.established, '2023-05-18');
  assert.deepEqual(byId.get('cbirc')?.predecessors, ['cbrc', 'circ']);
  assert.deepEqual(byId.get('pboc')?.abbreviations?.slice(0, 2), ['PBOC', 'PBC']);
  assert.equal(byId.get('boc')?.kind, 'commercial-bank');

  const list = bannedLists.find((l) => l.id === 'yinfa-2026-42-names');
  assert.ok(list);
  assert.deepEqual(list.source, { notice: '银发〔2026〕42号', clause: '(8)' });
  assert.deepEqual(
    list.terms.map((t) => t.zh[0]),
    ['虚拟货币', '虚拟资产', '加密货币', '加密资产', '稳定币', '现实世界资产代币化', 'RWA'],
  );
});
