/**
 * What a user may add to the workspace configuration from where they stand: a phrase selected on one line, as a
 * banned term; and an agency regtext does not know — the phrase selected, when it is shaped like an agency's name
 * (深圳市地方金融监督管理局, "Shenzhen Municipal Financial Regulatory Bureau"), or the defined term under the cursor
 * whose defining words are (深圳市地方金融监督管理局（以下简称“市金融局”） → name and alias). The adapter turns a
 * candidate into edits of the configuration file; this only says what the text offers.
 */
import type { Range } from '../api';
import type { AnalysedDocument, DefinedTerm } from '../model';
import type { AnalysedFile } from './context';
import { annotationsAt } from './annotationAt';

export type ConfigCandidate =
  | { kind: 'term'; phrase: string }
  | { kind: 'agency'; name: string; language: 'en' | 'zh'; shortName?: string; abbreviation?: string };

/** Selections longer than this are not phrases. */
const MAX_PHRASE = 80;

/** The last character of a Chinese agency's name: 局 委员会 部 署 厅 办 行 会 所 院 处 中心 … */
const CHINESE_AGENCY_END = /(?:局|委员会|委|部|署|总署|厅|办公室|办|银行|协会|公会|交易所|中心|法院|检察院|政府|监管分局)$/;
/** The head noun of an English agency's name. */
const ENGLISH_AGENCY_HEAD = /\b(?:Bureau|Commission|Administration|Ministry|Office|Authority|Agency|Committee|Department|Bank|Association|Exchange|Court|Council|Board|Regulator|Procuratorate|Government)$/;
/** "Name (ABBR)" or "Name (the "Short")", as written in a definition. */
const ENGLISH_WITH_SHORT = /^(.+?)\s*\((?:the\s+)?["“]?([^()"”]{2,30}?)["”]?\)$/;
/** 名称（简称）, 名称（以下简称“简称”）. */
const CHINESE_WITH_SHORT = /^(.+?)[（(](?:以下简称|下称|简称)?[“"]?([^（）()“”"]{1,20}?)[”"]?[）)]$/;

export function configCandidates(file: AnalysedFile, range: Range): ConfigCandidate[] {
  const { analysis } = file;
  const start = analysis.lines.offsetAt(range.start);
  const end = analysis.lines.offsetAt(range.end);
  if (start === end) {
    const agency = definedAgencyAt(analysis, start);
    return agency ? [agency] : [];
  }
  if (range.start.line !== range.end.line) return [];
  const phrase = analysis.text.slice(start, end).trim();
  if (phrase.length < 2 || phrase.length > MAX_PHRASE) return [];
  const candidates: ConfigCandidate[] = [{ kind: 'term', phrase }];
  const agency = isKnownAgency(analysis, start, end) ? undefined : agencyOf(phrase);
  if (agency) candidates.push(agency);
  return candidates;
}

/** An agency draft from a phrase shaped like an agency's name, with the short name written after it if any. */
export function agencyOf(phrase: string): ConfigCandidate | undefined {
  const chinese = /[\u4e00-\u9fff]/.test(phrase);
  const parts = (chinese ? CHINESE_WITH_SHORT : ENGLISH_WITH_SHORT).exec(phrase);
  const name = (parts?.[1] ?? phrase).trim().replace(/^the\s+/i, '');
  const short = parts?.[2]?.trim();
  if (!(chinese ? CHINESE_AGENCY_END : ENGLISH_AGENCY_HEAD).test(name)) return undefined;
  if (!chinese && !/^[A-Z]/.test(name)) return undefined;
  return { kind: 'agency', name, language: chinese ? 'zh' : 'en', ...shortNameOf(short) };
}

/** An all-capitals short name is an abbreviation; anything else an alias. */
function shortNameOf(short: string | undefined): { shortName?: string; abbreviation?: string } {
  if (!short) return {};
  return /^[A-Z][A-Z0-9&-]+$/.test(short) ? { abbreviation: short } : { shortName: short };
}

/** Whether regtext already reads an agency over the whole selection. */
function isKnownAgency(analysis: AnalysedDocument, start: number, end: number): boolean {
  return annotationsAt(analysis, start + 1).some((annotation) => annotation.kind === 'agency' && annotation.start <= start && annotation.end >= end);
}

/** The defined term under the cursor (its definition or a use) when what it abbreviates is an agency's name. */
function definedAgencyAt(analysis: AnalysedDocument, offset: number): ConfigCandidate | undefined {
  const site = annotationsAt(analysis, offset).find((annotation) => annotation.kind === 'termDefinition' || annotation.kind === 'termUse');
  if (!site || !('key' in site)) return undefined;
  const term = analysis.definitions.find((candidate: DefinedTerm) => candidate.key === site.key);
  if (!term || term.cites) return undefined;
  const agency = agencyOf(term.definition.trim());
  if (agency?.kind !== 'agency' || agency.name === term.term) return undefined;
  return { ...agency, ...shortNameOf(term.term) };
}
