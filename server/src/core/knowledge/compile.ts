/**
 * Turns knowledge data into the lookup structures the recognisers use. Done once, when the server or the CLI
 * starts, never per keystroke.
 */
import type { NoticeNumber } from '../model';
import { Glossary } from '../alignment/glossary';
import { PhraseMatcher, pluralOf } from '../scan/phraseMatcher';
import { addLocalOffices } from './localOffices';
import { normalizeTitle } from '../scan/titles';
import type { AgencyRecord, BannedTermList, BannedTermRecord, IssuerCodeRecord, KnowledgeData, NoticeRecord } from './types';

/** What a dictionary phrase found in text stands for. */
export type DictionaryValue =
  /** An ambiguous abbreviation counts only in a document that names the agency in full (AgencyRecord). */
  | { kind: 'agency'; agencyId: string; abbreviation?: true; ambiguous?: true }
  | { kind: 'notAgency' }
  /**
   * A province or city (short: without 省, 市, 自治区), and a word naming a kind of local office: the parts of a local
   * office's name.
   */
  | { kind: 'place'; placeId: string; short: boolean }
  | { kind: 'officeWord'; offices: readonly OfficeWord[] }
  | { kind: 'bannedTerm'; listId: string; termId: string }
  /** A phrase that holds a banned term's form but reads otherwise (稳定币值, 加密资产数据): matched and dropped. */
  | { kind: 'lookAlike' }
  /** A customary short name of a built-in notice (94号文): it cites the notice by its title. */
  | { kind: 'noticeShortName'; title: string };

/** A kind of office that an office word names: after its parent's name and a place, or after a place alone. */
export interface OfficeWord {
  parent: string;
  office: string;
  alone: boolean;
}

export interface Knowledge {
  readonly data: KnowledgeData;
  readonly dictionary: PhraseMatcher<DictionaryValue>;
  readonly agencies: ReadonlyMap<string, AgencyRecord>;
  /** Issuer codes by their Chinese form, and by each alias (the record gives the canonical code). */
  readonly issuerCodes: ReadonlyMap<string, IssuerCodeRecord>;
  /** Issuer codes by an English rendering as normalizeEnglishIssuer makes it ("yinfa", "ndrcenergysavingbuilding"). */
  readonly issuerCodesByEnglish: ReadonlyMap<string, IssuerCodeRecord>;
  /** What local offices put before a national code (京 in 京银发). */
  readonly localIssuerPrefixes: ReadonlySet<string>;
  /** Places by their English names in lower case, to their short Chinese names: "shanghai" → 上海 (Shanghai Yinfa is 上海银发). */
  readonly placesByEnglish: ReadonlyMap<string, string>;
  /** Agency names in Chinese, for recognising co-issuers written before an issuer code. */
  readonly chineseAgencyNames: readonly string[];
  /** Notices by canonical key. */
  readonly notices: ReadonlyMap<string, NoticeEntry>;
  /** Built-in notices by normalised title (Chinese and English). */
  readonly noticesByTitle: ReadonlyMap<string, string>;
  /** Built-in notice keys by serial, for customary short names (237号文). */
  readonly noticesBySerial: ReadonlyMap<number, readonly string[]>;
  readonly terms: ReadonlyMap<string, { list: BannedTermList; term: BannedTermRecord }>;
  readonly glossary: Glossary;
}

export function compileKnowledge(data: KnowledgeData): Knowledge {
  const dictionary = new PhraseMatcher<DictionaryValue>();
  const agencies = new Map<string, AgencyRecord>();
  const chineseAgencyNames: string[] = [];
  for (const agency of data.agencies.agencies) {
    agencies.set(agency.id, agency);
    addAgency(dictionary, agency);
    chineseAgencyNames.push(agency.zh.name, ...(agency.zh.aliases ?? []));
  }
  for (const phrase of data.agencies.notAgencies) dictionary.add(phrase, { kind: 'notAgency' });
  addLocalOffices(dictionary, data.agencies, agencies);

  const terms = new Map<string, { list: BannedTermList; term: BannedTermRecord }>();
  for (const list of data.bannedTerms) {
    for (const term of list.terms) {
      terms.set(term.id, { list, term });
      for (const form of bannedTermForms(term)) dictionary.add(form, { kind: 'bannedTerm', listId: list.id, termId: term.id });
      for (const phrase of [...term.lookAlikes?.en ?? [], ...term.lookAlikes?.zh ?? []]) dictionary.add(phrase, { kind: 'lookAlike' });
    }
  }

  const issuerCodes = new Map<string, IssuerCodeRecord>();
  const issuerCodesByEnglish = new Map<string, IssuerCodeRecord>();
  for (const record of data.issuerCodes) {
    for (const code of [record.code, ...(record.aliases ?? [])]) issuerCodes.set(code, record);
    for (const english of record.en) issuerCodesByEnglish.set(normalizeEnglishIssuer(english), record);
  }

  const notices = new Map<string, NoticeEntry>();
  const noticesByTitle = new Map<string, string>();
  const noticesBySerial = new Map<number, string[]>();
  for (const record of data.notices) {
    const entry = noticeEntry(record, issuerCodes);
    notices.set(entry.key, entry);
    for (const title of entry.titles) noticesByTitle.set(title, entry.key);
    for (const shortName of record.shortNames ?? []) dictionary.add(shortName, { kind: 'noticeShortName', title: entry.titles[0]! });
    if (entry.number) noticesBySerial.set(entry.number.serial, [...(noticesBySerial.get(entry.number.serial) ?? []), entry.key]);
  }

  chineseAgencyNames.sort((a, b) => b.length - a.length);
  const placesByEnglish = new Map(data.agencies.places.flatMap((place) => place.en.map((name) => [name.toLowerCase(), place.zhShort] as const)));
  return {
    data, dictionary, agencies, issuerCodes, issuerCodesByEnglish, localIssuerPrefixes: new Set(data.localIssuerPrefixes),
    placesByEnglish, chineseAgencyNames, notices, noticesByTitle, noticesBySerial, terms, glossary: new Glossary(data.glossary),
  };
}

/** A built-in notice, compiled: its number taken apart once, its titles normalised, its repealer as a key. */
export interface NoticeEntry {
  key: string;
  record: NoticeRecord;
  number: NoticeNumber | undefined;
  titles: string[];
  repealedBy: string | undefined;
}

/** A notice without a number is keyed by its title, as a law of the workspace known by its title is (identityKey). */
function noticeEntry(record: NoticeRecord, issuerCodes: ReadonlyMap<string, IssuerCodeRecord>): NoticeEntry {
  const number = record.number === undefined ? undefined : parseNoticeNumber(record.number, issuerCodes);
  const titles = [record.title.zh, record.title.en].flatMap((title) => normalizeTitle(title) ?? []);
  return {
    key: number?.key ?? record.number?.trim() ?? `title:${titles[0]}`,
    record,
    number,
    titles,
    repealedBy: record.repealedBy ? canonicalNoticeKey(record.repealedBy, issuerCodes) : undefined,
  };
}

function addAgency(dictionary: PhraseMatcher<DictionaryValue>, agency: AgencyRecord): void {
  const value: DictionaryValue = { kind: 'agency', agencyId: agency.id };
  for (const name of [agency.en.name, ...(agency.en.aliases ?? []), agency.zh.name, ...(agency.zh.aliases ?? [])]) {
    dictionary.add(name, value);
  }
  for (const abbreviation of agency.abbreviations ?? []) {
    dictionary.add(abbreviation, { ...value, abbreviation: true }, { caseSensitive: true });
  }
  for (const abbreviation of agency.ambiguousAbbreviations ?? []) {
    dictionary.add(abbreviation, { ...value, abbreviation: true, ambiguous: true }, { caseSensitive: true });
  }
}

/** The forms a banned term is matched in: as listed, and the English plural of each English form. */
function bannedTermForms(term: BannedTermRecord): string[] {
  return [...term.en.flatMap((form) => [form, pluralOf(form)]), ...term.zh];
}

/**
 * How an English rendering of an issuer code is looked up: without case, spaces or hyphens, since translations
 * write one code as "Yinbaojianfa", "Yin Bao Jian Fa", "Yinbaojian Fa", "YinBaoJianFa" or "yin-bao-jian-fa".
 */
export function normalizeEnglishIssuer(issuer: string): string {
  return issuer.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s-]+/g, '');
}

/**
 * The key of a notice number: issuer code, year in 〔〕, serial, 号 — "银发〔2021〕237号", "国务院令第752号" when there
 * is no year. The optional 第, spaces and the bracket style do not change the key.
 */
export function noticeKey(issuer: string, year: number | undefined, serial: number): string {
  return year === undefined ? `${issuer}第${serial}号` : `${issuer}〔${year}〕${serial}号`;
}

/**
 * The number a key stands for: the inverse of noticeKey (our own format, so it never fails on a key noticeKey made);
 * undefined for a key that is no number (a law known by its title).
 */
export function numberOfKey(key: string): NoticeNumber | undefined {
  const match = /^(?<issuer>.+?)(?:〔(?<year>\d{4})〕(?<serial>\d+)号|第(?<bare>\d+)号)$/.exec(key);
  if (!match?.groups) return undefined;
  const { issuer, year, serial, bare } = match.groups;
  return { key, issuer: issuer!, year: year === undefined ? undefined : Number(year), serial: Number(serial ?? bare) };
}

/** The key of a document number written in the data files in its official form; an alias code becomes canonical. */
export function canonicalNoticeKey(number: string, issuerCodes: ReadonlyMap<string, IssuerCodeRecord>): string {
  return parseNoticeNumber(number, issuerCodes)?.key ?? number.trim();
}

/** A document number in its official form (银发〔2021〕237号, 国务院令第752号), taken apart. */
export function parseNoticeNumber(number: string, issuerCodes: ReadonlyMap<string, IssuerCodeRecord>): NoticeNumber | undefined {
  const canonical = (issuer: string) => issuerCodes.get(issuer)?.code ?? issuer;
  const match = /^(?<issuer>.+?)\s*[〔[［（(【]\s*(?<year>\d{4})\s*[〕\]］）)】]\s*第?\s*(?<serial>\d+)\s*号$/.exec(number.trim()) ??
    /^(?<issuer>.+?)第\s*(?<serial>\d+)\s*号$/.exec(number.trim());
  if (!match?.groups) return undefined;
  const issuer = canonical(match.groups.issuer!);
  const year = match.groups.year === undefined ? undefined : Number(match.groups.year);
  const serial = Number(match.groups.serial);
  return { key: noticeKey(issuer, year, serial), issuer, year, serial };
}
