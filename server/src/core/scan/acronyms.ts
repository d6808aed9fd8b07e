/**
 * An acronym that the document spells out as something else is that something else. For banned terms: in a text that writes
 * "Regional Water Authority (RWA)", or "risk-weighted assets (RWAs)", or "RWA (Regional Water Authority)", or
 * 风险加权资产（RWA）, RWA is not the banned "RWA" (real-world assets). Nor where the document gives it as a short
 * name (上海锐华财富顾问有限公司（Ruihua Wealth Advisory，简称RWA）, "Ruihua Wealth Advisory, RWA for short",
 * "(abbreviated as RWA)", 该公司英文简称RWA) or says it abbreviates a name (RWA系企业字号缩写, "RWA is the initials of
 * the company's English name"). An acronym spelled out as what the ban means ("real-world assets (RWA)", "Real World
 * Asset (RWA) tokenisation", 现实世界资产（RWA）, 现实世界资产，简称RWA) still is.
 *
 * The look is bounded and made only at a hit of a banned acronym: the parenthesis the acronym stands in, or the one
 * right after it, or the few words right before or after it. What an English acronym spells must be the initials
 * of the words (connectors such as "of" aside: Regional Water Authority, risk-weighted assets); a Chinese one is the
 * run of Han characters before its parenthesis or inside the one after it (before a bare 简称, an organisation's
 * name). Whether that is the banned meaning comes from data: the term's `expansions`.
 *
 * Agencies alike: "SAFE (simple agreement for future equity)", "a simple agreement for future equity ("SAFE")",
 * "NDRC (National Dance Research Council)" are not the regulators; "SAFE (State Administration of Foreign Exchange)"
 * and "Hong Kong's Securities and Futures Commission (the "SFC")" are: the agency's names are its expansions.
 */
import { lastAtOrBefore } from '../text/search';
import { singularOf } from './phraseMatcher';

/** Where a document spells an acronym out, and whether it spells it as the known meaning. Folded offsets. */
export interface AcronymExpansion {
  /** The acronym where it is spelled out. */
  acronymStart: number;
  /** The words it stands for. */
  start: number;
  end: number;
  /** Spelled out as the meaning knowledge gives it (the banned term, the agency), not as something else. */
  known: boolean;
}

/**
 * What an acronym stands for when it is the thing knowledge knows, in each language: a banned term's `expansions`,
 * an agency's names.
 */
export interface KnownExpansions {
  en: readonly string[];
  zh: readonly string[];
}

/** The expansion written at the acronym hit [start, end) of folded `text`, if the hit stands at one. */
export function expansionAt(text: string, start: number, end: number, known: KnownExpansions): AcronymExpansion | undefined {
  const letters = text.slice(start, end).replace(/s$/, '');
  if (letters.length < 2) return undefined;
  const words = wordsInParenthesisAround(text, start, end, letters) ?? wordsInParenthesisAfter(text, end, letters) ??
    wordsBeforeShortName(text, start, end, letters, known) ?? wordsSpelledAfter(text, end, letters) ?? nameItAbbreviates(text, end);
  if (!words) return undefined;
  return { acronymStart: start, ...words, known: isKnownMeaning(text.slice(words.start, words.end), known) };
}

/**
 * What the acronym at folded `start` stands for, of the expansions of one acronym in text order: the one spelled out
 * last before it, or else the first one (a meaning holds for the whole document).
 */
export function governingExpansion(expansions: readonly AcronymExpansion[] | undefined, start: number): AcronymExpansion | undefined {
  if (!expansions) return undefined;
  return expansions[lastAtOrBefore(expansions, start, (expansion) => expansion.acronymStart)] ?? expansions[0];
}

/**
 * "Regional Water Authority (RWA)", "risk-weighted assets (hereinafter "RWAs")", 风险加权资产（以下简称RWA）, "Ruihua
 * Wealth Advisory ("RWA" for short)": the words before the parenthesis the acronym closes; "(Risk-Weighted Assets,
 * RWA)", （Ruihua Wealth Advisory，简称RWA）: the words before it inside the parenthesis.
 */
function wordsInParenthesisAround(text: string, start: number, end: number, letters: string): WordsSpan | undefined {
  if (!/^["”'’]?(?: for short)? ?[)）]/i.test(text.slice(end, end + 13))) return undefined;
  const lead = text.slice(Math.max(0, start - LEAD_REACH), start);
  const open = Math.max(lead.lastIndexOf('('), lead.lastIndexOf('（'));
  if (open < 0) return undefined;
  const opening = start - lead.length + open;
  const inside = lead.slice(open + 1);
  if (LEAD_IN.test(inside)) return wordsBefore(text, opening, letters);
  const listed = LISTED.exec(inside);
  return listed ? wordsWithin(text, opening + 1, opening + 1 + listed[1]!.length, letters) : undefined;
}

/** "RWA (Regional Water Authority)", "RWA (i.e. risk-weighted assets)", RWA（风险加权资产）. */
function wordsInParenthesisAfter(text: string, end: number, letters: string): WordsSpan | undefined {
  const match = /^ ?[(（] ?((?:i\.e\.,? |namely |meaning |standing for |即)?)([^()（）,，;；]{2,80})[,，;；)）]/i.exec(text.slice(end, end + 100));
  if (!match) return undefined;
  // The words end right before the closing mark the match ends with.
  const start = end + match[0].length - 1 - match[2]!.length;
  return wordsWithin(text, start, start + match[2]!.trimEnd().length, letters);
}

/**
 * "RWA stands for Regional Water Authority", ""RWA" means risk-weighted assets …", "RWA: risk-weighted assets" (a
 * glossary), RWA是指风险加权资产, RWA，即风险加权资产: the first words after the verb or the colon.
 */
function wordsSpelledAfter(text: string, end: number, letters: string): WordsSpan | undefined {
  const rest = text.slice(end, end + SPELLED_REACH);
  const english = ENGLISH_SPELLING.exec(rest);
  if (english) return initialWords(text, end + english[0].length, letters);
  const chinese = CHINESE_SPELLING.exec(rest);
  return chinese ? hanRunAfter(text, end + chinese[0].length) : undefined;
}

const SPELLED_REACH = 120;
const ENGLISH_SPELLING = /^["”'’]?(?:,? (?:stands for|means|refers to|is short for|is an abbreviation (?:of|for))|:| ?[–—|-]) (?:the |an? )?/i;
const CHINESE_SPELLING = /^["”]?(?:[，,]?(?:是指|系指|即|意为)|[，,]指)/;

/**
 * "Ruihua Wealth Advisory, abbreviated as RWA", "…, RWA for short", 上海锐华财富顾问有限公司，简称RWA, 该公司英文简称RWA:
 * the words before the words that give a short name, or before the comma of "X for short". Outside a parenthesis
 * the Han run before 简称 may be any words (经营RWA业务，简称RWA): it is the name of an organisation, or the banned
 * meaning.
 */
function wordsBeforeShortName(text: string, start: number, end: number, letters: string, known: KnownExpansions): WordsSpan | undefined {
  const lead = text.slice(Math.max(0, start - LEAD_REACH), start);
  const named = SHORT_NAME_BEFORE.exec(lead) ?? (FOR_SHORT.test(text.slice(end, end + 12)) ? /[,，] ?["“'‘]?$/.exec(lead) : null);
  const words = named ? wordsBefore(text, start - named[0].length, letters) : undefined;
  if (!words || !isHanAt(text, words.start)) return words;
  const han = text.slice(words.start, words.end);
  return ORGANISATION_END.test(han) || isKnownMeaning(han, known) ? words : undefined;
}

/** The end of an organisation's name, or the word for one: 有限公司, 该公司, 本行, 协会. */
const ORGANISATION_END = /(?:公司|集团|企业|机构|中心|协会|学会|银行|[本该我分支]行|事务所|委员会|[局署所])$/;

/**
 * "RWA is the initials of the company's English name", "RWA is the company's English abbreviation", "RWA stands for
 * the firm's name", RWA系企业字号缩写, RWA为该公司英文名称的首字母缩写, RWA为公司英文简称: the acronym abbreviates a
 * name the document does not spell out here; it stands for the words that say whose name (group 1 of the match).
 */
function nameItAbbreviates(text: string, end: number): WordsSpan | undefined {
  const rest = text.slice(end, end + SPELLED_REACH);
  for (const form of ABBREVIATES_NAME) {
    const match = form.exec(rest);
    const whose = match?.indices?.[1];
    if (match && whose && NAME_WORD.test(match[1]!)) return { start: end + whose[0], end: end + whose[1] };
  }
  return undefined;
}

const FOR_SHORT = /^["”'’]? for short\b/i;
const ABBREVIATION = '(?:initials|abbreviation|acronym|short (?:form|name))';
const NAME = "((?:[\\w'-]+ ){0,5}?(?:name|brand|trade ?mark))(?![\\w])";
/** The forms of saying so, each with the words that say whose name as group 1. */
const ABBREVIATES_NAME: readonly RegExp[] = [
  // is the (English) initials of the company's English name
  new RegExp(`^["”']? (?:is|are|was|were) (?:the |an? |its )?(?:[A-Za-z]+ )?${ABBREVIATION}(?: (?:of|for|from))? ${NAME}`, 'id'),
  // is the company's (English) abbreviation
  new RegExp(`^["”']? (?:is|are|was|were) ((?:the|its|our|their) (?:company|firm|group|issuer|entity|applicant|bank)'s)(?: [A-Za-z]+)? ${ABBREVIATION}\\b`, 'id'),
  // stands for the firm's name
  new RegExp(`^["”']? (?:stands for|comes from|is taken from|derives from)(?: the initials of)? ${NAME}`, 'id'),
  // 系企业字号缩写, 为该公司英文名称的首字母缩写, 为公司英文简称
  /^["”]?[，,]?(?:系|是|为|乃|即|取自)((?:该|本|其|公司|企业|集团|机构|英文|中文|的|名称|字号|商号|全称|拼音|名字)+?)(?=的?(?:首字母)?(?:缩写|简称))/d,
];
/** What says the words are a name (or its owner): not "RWA为英文缩写", an English abbreviation of nothing said. */
const NAME_WORD = /name|brand|trade ?mark|company|firm|group|issuer|entity|applicant|bank|名称|字号|商号|全称|名字|公司|企业|集团|机构/i;

/** How far before an acronym its opening parenthesis may stand: (hereinafter referred to as "RWA") fits. */
const LEAD_REACH = 40;
/** Words that give what follows as a short name: hereinafter, abbreviated as, 以下简称, 英文简称, 缩写为. */
const SHORT_NAME_WORDS = '(?:(?:hereinafter|hereafter)(?: (?:referred to as|called|known as))?,? |(?:abbreviated|shortened)(?: as| to)? |' +
  '(?:short name|short form|abbreviation|acronym)[:,]? |(?:以下|下文)?(?:英文|中文)?(?:简称|缩写)为?[：:]?)';
/** What may stand between the parenthesis and the acronym when the words before the parenthesis are its expansion. */
const LEAD_IN = new RegExp(`^ ?(?:${SHORT_NAME_WORDS}|(?:以下|下文)?称[：:]?|collectively,? |together,? |the |i\\.e\\.,? |即)*["“'‘]?$`, 'i');
/** Inside the parenthesis: the words, a comma, perhaps words that give a short name, then the acronym. */
const LISTED = new RegExp(`^(.+?) ?[,，;；] ?${SHORT_NAME_WORDS}?(?:the )?["“'‘]?$`, 'i');
/** Outside a parenthesis: words that give a short name (a comma before them is no part of the words). */
const SHORT_NAME_BEFORE = new RegExp(`(?:[,，] ?)?${SHORT_NAME_WORDS}+(?:the )?["“'‘]?$`, 'i');

interface WordsSpan {
  start: number;
  end: number;
}

/** The words ending at `end` (before a parenthesis) that spell the acronym: English initials, or a Han run. */
function wordsBefore(text: string, end: number, letters: string): WordsSpan | undefined {
  let stop = end;
  while (stop > 0 && text[stop - 1] === ' ') stop--;
  if (isHanAt(text, stop - 1)) return hanRunBefore(text, stop);
  // Risk Weighted Analytics Ltd. (the "RWA"): the company's legal form is no initial.
  let position = stop - (LEGAL_FORM_END.exec(text.slice(Math.max(0, stop - 20), stop))?.[0].length ?? 0);
  let next = letters.length - 1;
  for (let words = 0; words <= letters.length + MAX_CONNECTORS; words++) {
    let wordStart = position;
    while (wordStart > 0 && /[A-Za-z']/.test(text[wordStart - 1]!)) wordStart--;
    const word = text.slice(wordStart, position);
    if (word.length === 0) return undefined;
    if (word[0]!.toUpperCase() === letters[next]!.toUpperCase()) {
      if (--next < 0) return { start: wordStart, end: stop };
    } else if (!CONNECTORS.has(word.toLowerCase()) || next === letters.length - 1) {
      return undefined;
    }
    if (!/[ -]/.test(text[wordStart - 1] ?? '')) return undefined;
    position = wordStart - 1;
  }
  return undefined;
}

/** The words of [start, end) (inside a parenthesis), if they spell the acronym: English initials, or Han only. */
function wordsWithin(text: string, start: number, end: number, letters: string): WordsSpan | undefined {
  const words = text.slice(start, end);
  if (/^[\u4e00-\u9fff]+$/.test(words)) return words.length >= MIN_HAN && words.length <= MAX_HAN && !NOT_AN_EXPANSION.test(words) ? { start, end } : undefined;
  const split = words.split(/[ -]+/);
  return wordsSpelling(split, letters) === split.length ? { start, end } : undefined;
}

/** The words from `start` whose initials spell the acronym, connectors aside; more words may follow them. */
function initialWords(text: string, start: number, letters: string): WordsSpan | undefined {
  const words: string[] = [];
  const ends: number[] = [];
  for (let position = start; words.length <= letters.length + MAX_CONNECTORS;) {
    let wordEnd = position;
    while (wordEnd < text.length && /[A-Za-z']/.test(text[wordEnd]!)) wordEnd++;
    if (wordEnd === position) break;
    words.push(text.slice(position, wordEnd));
    ends.push(wordEnd);
    if (!/[ -]/.test(text[wordEnd] ?? '')) break;
    position = wordEnd + 1;
  }
  const spelling = wordsSpelling(words, letters);
  return spelling > 0 ? { start, end: ends[spelling - 1]! } : undefined;
}

/**
 * How many of `words`, from the first, spell `letters` by their initials, connectors aside between them; 0 if they
 * do not. A connector whose initial is the letter wanted is taken as a connector when the next word starts with that
 * letter too: "simple agreement for future equity" spells SAFE.
 */
function wordsSpelling(words: readonly string[], letters: string): number {
  let next = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const initial = word.charAt(0).toUpperCase();
    const connector = CONNECTORS.has(word.toLowerCase());
    if (initial === letters[next]!.toUpperCase() && !(connector && words[i + 1]?.charAt(0).toUpperCase() === initial)) {
      if (++next === letters.length) return i + 1;
    } else if (!connector || next === 0) {
      return 0;
    }
  }
  return 0;
}

/** A Han run from `start` to the next character that is not Han: a name (at most MAX_HAN long), not a sentence. */
function hanRunAfter(text: string, start: number): WordsSpan | undefined {
  let end = start;
  while (end < text.length && end - start <= MAX_HAN && isHanAt(text, end)) end++;
  const length = end - start;
  return length >= MIN_HAN && length <= MAX_HAN ? { start, end } : undefined;
}

/** A Han run reaching back from `end` (at most MAX_HAN characters): 风险加权资产 before （RWA）. */
/**
 * The Han words right before a parenthesis that it may abbreviate: back to a particle (该企业的风险加权资产 → 风险加权资产),
 * and nothing when they end in a verb or a particle: 经营范围包括（RWA） names no RWA, it lists one.
 */
function hanRunBefore(text: string, end: number): WordsSpan | undefined {
  let start = end;
  while (start > 0 && end - start < MAX_HAN && isHanAt(text, start - 1) && !HAN_PARTICLE.test(text[start - 1]!)) start--;
  if (end - start < MIN_HAN || ENDS_IN_VERB.test(text.slice(start, end))) return undefined;
  return { start, end };
}

/** Characters that join words rather than make them: an expansion starts after the last of them. */
const HAN_PARTICLE = /[的是在为与和及或等对将把从向由其该本之于]/;
/** Words that take the parenthesis as their object: what follows them is listed, not named. */
const ENDS_IN_VERB = /(?:包括|包含|使用|开展|从事|涉及|含有|提供|发行|经营|进行|参与|办理|禁止|允许|不得|应当|可以|含)$/;

function isHanAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0x4e00 && code <= 0x9fff;
}

const LEGAL_FORM_END = /,? (?:Co\.,? )?(?:Co|Ltd|Limited|Inc|LLC|Corp|Corporation|PLC|GmbH)\.?$/;
/** Words an English expansion may hold besides the initials: Bank for International Settlements, Risk and Weighted. */
const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'at', 'by']);
const MAX_CONNECTORS = 3;
const MIN_HAN = 2;
/** A Chinese expansion is a name, a few words long; the run before the parenthesis is cut there. */
const MAX_HAN = 16;
/** A parenthesis after an acronym that says something about it rather than what it stands for: （含…）, （如…）. */
const NOT_AN_EXPANSION = /^(?:含|不含|包括|包含|如|例如|下同|详见|见|参见)/;

function isKnownMeaning(words: string, known: KnownExpansions): boolean {
  if (/[\u4e00-\u9fff]/.test(words)) return known.zh.some((form) => words.includes(form));
  const normalized = englishKey(words);
  return known.en.some((form) => normalized.includes(englishKey(form)));
}

/** "Real-World Assets" → "real world asset": lower case, hyphens as spaces, every word singular. */
function englishKey(words: string): string {
  return words.toLowerCase().split(/[\s-]+/).map((word) => singularOf(word) ?? word).join(' ');
}
