/**
 * The shapes of the knowledge regtext recognises text with: agencies, issuer codes, notices and banned-term lists.
 * The built-in data lives in server/src/knowledge/data/*.json (validated against server/src/knowledge/schema/);
 * the core receives it as a parameter and never loads it itself.
 */
import type { ProblemCode, TermPlacement } from '../model';

export type AgencyKind =
  | 'government' | 'regulator' | 'ministry' | 'court' | 'commercial-bank' | 'institution' | 'association' | 'exchange'
  /** A branch or bureau of another body in one place: 中国人民银行广东省分行, 深圳证监局. */
  | 'local-office';

export interface AgencyRecord {
  /** Stable identifier, lower case: "pboc". */
  id: string;
  kind: AgencyKind;
  en: {
    /** Official English name: "People's Bank of China". */
    name: string;
    /** Other English names and renderings, matched case-insensitively. */
    aliases?: string[];
  };
  zh: {
    /** Official Chinese name: "中国人民银行". */
    name: string;
    /** Short and older Chinese names: "人民银行", "央行". */
    aliases?: string[];
  };
  /** Abbreviations matched with their exact capitalisation: "PBOC", "PBC". */
  abbreviations?: string[];
  /**
   * Abbreviations that mean other things too ("SFC", "SAC", "CFA", "CBA"): matched with their exact capitalisation,
   * and only in a document that also names the body by a full name or alias.
   */
  ambiguousAbbreviations?: string[];
  /** Id of the body this one is part of: the People's Bank of China for its Credit Reference Center. */
  parent?: string;
  /** What the agency does, one or two sentences in English. */
  role: string;
  /** ISO date (or year) the agency was set up, where known. */
  established?: string;
  /** ISO date (or year) the agency ceased to exist, where it did. */
  dissolved?: string;
  /** Ids of the agencies it replaced. */
  predecessors?: string[];
  /** Id of the agency that replaced it. */
  successor?: string;
  /** One line of history, shown in hovers. */
  history?: string;
}

export interface AgencyData {
  agencies: AgencyRecord[];
  /**
   * Phrases that contain an agency name but are not an agency ("中央行政" contains "央行";
   * "中国银行业协会" contains "中国银行"). Matched like names, longest first, and then dropped.
   */
  notAgencies: string[];
  /** Provinces and cities that agencies have local offices in. */
  places: PlaceRecord[];
  /** The kinds of local office agencies have in every place: the PBOC's branches, the CSRC's bureaus. */
  localOffices: LocalOfficeRecord[];
}

export interface PlaceRecord {
  /** Stable identifier, lower case: "guangdong". */
  id: string;
  /** Chinese name in full: "广东省", "深圳市", "内蒙古自治区". */
  zh: string;
  /** Chinese name without 省, 市 or 自治区: "广东", "深圳", "内蒙古". */
  zhShort: string;
  /** English names: "Guangdong"; "Tibet", "Xizang". */
  en: string[];
}

/**
 * One kind of local office of one agency. Its name is the agency's name, a place and an office word
 * (中国人民银行 广东省 分行; "PBOC" "Guangdong" "Branch"; "Guangdong" "Branch" of the "PBOC"), or a place and a
 * word that names the office alone (深圳 证监局; "Shenzhen" "Securities Regulatory Bureau").
 */
export interface LocalOfficeRecord {
  /** Stable identifier, unique for its parent: "branch", "central-sub-branch", "bureau". */
  id: string;
  /** Id of the agency whose office it is. */
  parent: string;
  /**
   * How the official Chinese name writes the place: in full (中国人民银行浙江省分行, 国家外汇管理局深圳市分局) or
   * short (国家金融监督管理总局广东监管局, 中国证券监督管理委员会深圳监管局).
   */
  placeInName: 'full' | 'short';
  /** Chinese office words after the agency's name and a place: "分行", "中心支行", "监管局". */
  zh: string[];
  /** Chinese words that name the office after a place (short form) alone: "证监局" in 深圳证监局. */
  zhAlone?: string[];
  /** English office words after the agency's name and a place, or before "of (the)" and the agency's name. */
  en: string[];
  /** English words that name the office after a place alone: "Securities Regulatory Bureau". */
  enAlone?: string[];
  /** What the office is, in English; "{place}" stands for the place's English name. */
  role: string;
}

export interface IssuerCodeRecord {
  /** The Chinese issuer code (机关代字) as printed: "银发", "中国人民银行令", "发改运行". */
  code: string;
  /** Ids of the issuing agencies. */
  agencies: string[];
  /** English renderings of the code used in translations: "Yinfa", "NDRC Energy-saving Building". */
  en: string[];
  /** Other ways the same code is printed (中国证监会令 for 中国证券监督管理委员会令): they share its keys. */
  aliases?: string[];
  /** What documents carry this code, in English. */
  description?: string;
}

export type NoticeStatus = 'in-force' | 'repealed' | 'expired' | 'unknown';

export interface NoticeRecord {
  /** The document number in its official Chinese form: "银发〔2021〕237号"; absent for a document that has none. */
  number?: string;
  /** Customary short names it is cited by: "94号文". */
  shortNames?: string[];
  title: { zh: string; en: string };
  /** Ids of the issuing agencies, lead issuer first. */
  issuers: string[];
  /** Date of issue, ISO. */
  date: string;
  /** Date of publication, ISO, where it differs from the date of issue. */
  published?: string;
  status: NoticeStatus;
  /** Document number of the notice that repealed this one. */
  repealedBy?: string;
  /** Document numbers of the notices this one repealed. */
  repeals?: string[];
  /** One or two sentences in English on what the notice does. */
  summary?: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface BannedTermRecord {
  /** Stable identifier: "virtual-currency". */
  id: string;
  /** English forms, any capitalisation; plurals, hyphen and space variants are derived. */
  en: string[];
  /** Chinese forms. */
  zh: string[];
  /** What to write instead, per language (a quick fix offers it). */
  replacement?: { en?: string; zh?: string };
  /**
   * For an acronym: what it stands for when it is the banned term. A document that spells the acronym out as
   * anything else ("Regional Water Authority (RWA)") means something else by it.
   */
  expansions?: { en: string[]; zh: string[] };
  /**
   * Longer phrases that hold a form of the term but are not it (稳定币值 is 稳定 + 币值, "stabilise the currency's
   * value"): found by the same dictionary pass, they hide the term where they stand.
   */
  lookAlikes?: { en?: string[]; zh?: string[] };
}

export interface BannedTermList {
  id: string;
  /** Human name of the list. */
  name: string;
  /** Where the ban comes from. */
  source: { notice: string; clause: string };
  /** The severity of a use in drafting (and wherever `placements` says nothing). */
  severity: Severity;
  /** The severity of a use by where it stands, or 'off' (annotated, not reported). */
  placements?: Partial<Record<TermPlacement, Severity | 'off'>>;
  /** Why the terms are banned, one sentence in English. */
  reason: string;
  terms: BannedTermRecord[];
}

/** Everything the core recognises text with. */
/** A concept of the bilingual glossary and its forms in each language (knowledge/data/glossary.json). */
export interface GlossaryEntry {
  id: string;
  zh: string[];
  en: string[];
}

export interface KnowledgeData {
  agencies: AgencyData;
  issuerCodes: IssuerCodeRecord[];
  /** What local offices put before a national code: 京 in 京银发. */
  localIssuerPrefixes: string[];
  notices: NoticeRecord[];
  bannedTerms: BannedTermList[];
  /** Words of regulation and their English renderings, evidence for aligning a translation (core/alignment/glossary.ts). */
  glossary?: GlossaryEntry[];
  /** The severity of each kind of finding where it is not the default, or 'off' (from a workspace's configuration). */
  rules?: Partial<Record<ProblemCode, Severity | 'off'>>;
}
