/**
 * Joins the parts of a local office's name that the dictionary pass found side by side into one agency match:
 *   agency, place, office word      中国人民银行 广东省 分行 · 国家外汇管理局 深圳市 分局 · "PBOC" "Guangdong" "Branch"
 *   place, office word, agency      "Shenzhen" "Bureau" of the "CSRC" · "Guangdong" "Branch" of "PBOC"
 *   place, office word alone        深圳 证监局 · 上海 银保监局 · "Shenzhen" "Securities Regulatory Bureau"
 * The office word must belong to that agency (分行 is the PBOC's, 分局 SAFE's): 中国证监会广东分行 is no office.
 * A place or office word that is not part of such a name is dropped: 广州分行 alone is any bank's branch. An agency's
 * name right after a place (no space between) is that place's own body, the local government's: 广东省发展改革委,
 * 北京市网信办, 厦门市金管局 are neither the NDRC, the CAC nor the HKMA, and are dropped with the place. One pass over
 * the matches, looking at most two matches ahead.
 */
import type { DictionaryValue, Knowledge, OfficeWord } from '../knowledge/compile';
import { localOfficeId } from '../knowledge/localOffices';
import type { PhraseMatch } from './phraseMatcher';

type Match = PhraseMatch<DictionaryValue>;

export function joinLocalOffices(matches: readonly Match[], text: string, knowledge: Knowledge): Match[] {
  const joined: Match[] = [];
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i]!;
    const office = match.value.kind === 'agency' ? officeAfterAgency(matches, i, text) : match.value.kind === 'place' ? officeFromPlace(matches, i, text) : undefined;
    if (office && knowledge.agencies.has(office.agencyId)) {
      joined.push({ start: match.start, end: office.end, value: { kind: 'agency', agencyId: office.agencyId } });
      i += office.parts - 1;
    } else if (isLocalBody(match, matches[i + 1])) {
      i++;
    } else if (match.value.kind !== 'place' && match.value.kind !== 'officeWord') {
      joined.push(match);
    }
  }
  return joined;
}

/** 广东省 发展改革委: a place with an agency's name right after it. */
function isLocalBody(match: Match, next: Match | undefined): boolean {
  return match.value.kind === 'place' && next?.value.kind === 'agency' && next.start === match.end;
}

interface JoinedOffice {
  agencyId: string;
  end: number;
  /** How many matches the name is made of. */
  parts: number;
}

/** 中国人民银行 广东省 分行, "PBOC" "Guangdong" "Branch", "the PBOC's" "Guangdong" "Branch". */
function officeAfterAgency(matches: readonly Match[], i: number, text: string): JoinedOffice | undefined {
  const agency = matches[i]!;
  const place = matches[i + 1];
  const word = matches[i + 2];
  if (agency.value.kind !== 'agency' || place?.value.kind !== 'place' || word?.value.kind !== 'officeWord') return undefined;
  if (!(adjacent(text, agency, place) || between(text, agency, place) === "'s ") || !adjacent(text, place, word)) return undefined;
  const office = officeOf(word.value.offices, agency.value.agencyId, false);
  return office && { agencyId: localOfficeId(office.parent, place.value.placeId, office.office), end: word.end, parts: 3 };
}

/** 深圳 证监局 alone, or "Shenzhen" "Bureau" of the "CSRC". */
function officeFromPlace(matches: readonly Match[], i: number, text: string): JoinedOffice | undefined {
  const place = matches[i]!;
  const word = matches[i + 1];
  const agency = matches[i + 2];
  if (place.value.kind !== 'place' || word?.value.kind !== 'officeWord' || !adjacent(text, place, word)) return undefined;
  const placeId = place.value.placeId;
  if (agency?.value.kind === 'agency' && OF_THE.test(between(text, word, agency))) {
    const office = officeOf(word.value.offices, agency.value.agencyId, false);
    if (office) return { agencyId: localOfficeId(office.parent, placeId, office.office), end: agency.end, parts: 3 };
  }
  // Only the short form of a place names an office alone: 北京市金融监管局 is the city's own bureau.
  const alone = word.value.offices.find((candidate) => candidate.alone);
  if (!alone || !place.value.short) return undefined;
  return { agencyId: localOfficeId(alone.parent, placeId, alone.office), end: word.end, parts: 2 };
}

/** Between an office word and its agency: " of the ", " of " (folded text: one space between words). */
const OF_THE = /^ of (?:the )?$/i;

function officeOf(offices: readonly OfficeWord[], parent: string, alone: boolean): OfficeWord | undefined {
  return offices.find((office) => office.parent === parent && office.alone === alone);
}

/** The text between two matches, if it is short enough to join them (" of the "); else "". */
function between(text: string, left: Match, right: Match): string {
  return right.start - left.end <= MAX_JOINING_TEXT ? text.slice(left.end, right.start) : '';
}

/** The longest text that joins the parts of an office's name: " of the ". */
const MAX_JOINING_TEXT = 8;

/** Side by side: nothing between them (Chinese) or one space (English). */
function adjacent(text: string, left: Match, right: Match): boolean {
  return right.start === left.end || (right.start === left.end + 1 && text[left.end] === ' ');
}
