/**
 * Repeals a document declares, and the sentences that speak of repeal at all.
 *   - A repeal is performative: "… (Yinfa [2021] No. 237) is hereby repealed", "shall be repealed", "shall cease to
 *     be effective", 《…》同时废止, 予以废止, 自…起废止, 不再执行, 停止执行. The notices it repeals are those cited in
 *     the same sentence before the verb (or after it, when none stand before: 现决定废止《…》).
 *   - A report of a repeal ("was repealed by Yinfa [2026] No. 42", 已被废止) repeals nothing, but a citation in such a
 *     sentence, like one in a repeal, knows the notice is repealed: `inRepealSentence`, so no one is warned about it.
 * Offsets: the verbs are found in folded text; citations and results are original.
 */
import type { Citation, Repeal } from '../model';
import type { FoldedMatch, FoldedText } from '../text/folded';
import { lastAtOrBefore } from '../text/search';
import { ForwardSentenceBounds, structuralBreaks } from '../text/sentences';
import { firstDate } from './dates';

export const PERFORMATIVE = new RegExp([
  '(?:同时|予以|一并|现予|即行|同日|宣布)废止', '自[^。；\\n]{1,40}?起废止',
  // 》废止, 号废止: the verb, then a look back at the character before it (a look-behind first is tried everywhere).
  '废止(?<=[》号）)]废止)', '决定废止', '不再执行', '停止执行',
  '\\b(?:is|are) hereby (?:repealed|abolished|annulled|rescinded|revoked)\\b',
  '\\bshall (?:hereby )?be (?:repealed|abolished|annulled|rescinded|revoked)\\b',
  '\\bshall (?:cease to (?:be effective|be in force|be valid|have effect)|no longer be (?:effective|in force|valid))\\b',
  '\\b(?:is|are) repealed (?:simultaneously|at the same time|with effect from|as of|from)\\b',
].join('|'), 'g');
/**
 * Words that deny or only report a repeal, in the clause before the verb: 《A》已被《B》废止 (B repealed A; this document
 * repeals nothing), 尚未废止; "was repealed" is no performative at all.
 */
const NOT_PERFORMATIVE = /尚未|不得|未被|已被|已经|已于|[被由][^，,；;]*$|\bnot\b|\bwas\b|\bwere\b|\bhas been\b|\bhave been\b/;
/** Where the clause the verb stands in begins. */
const CLAUSE_BREAK = /[，,；;：:]/;
/**
 * A clause named right after a notice, before the next notice or the verb, ends that clause only:
 * 《甲》（银保监发〔2019〕23号）第三项、《乙》（银保监办发〔2021〕88号）不再执行 repeals 乙 and a clause of 甲.
 */
const PART_AFTER_NOTICE = /^[）)\s]*第[^，,；;。、]{1,12}[条款项目章节]/;
/**
 * … or some of its provisions, named after it: 《甲》（银发〔2020〕7号）中与本通知不一致的内容同时废止, …中关于X的规定停止执行,
 * 银发〔2020〕7号的有关规定同时废止; "(Yinfa [2020] No. 7) that are inconsistent with this Notice", "…, in so far as it is
 * inconsistent with this Notice".
 */
const PROVISIONS_AFTER_NOTICE = /^[）)\s]*(?:(?:中|的)[^，,；;。]{0,40}?(?:内容|规定|条款|部分|要求|事项)|(?:that|which) (?:are|is) (?:inconsistent|in conflict)\b|,?\s*(?:in so far as|insofar as|to the extent)\b)/;
/** … and in English before it: "Any provisions of the Notice on … (", "The provisions on invoice review in". */
const PROVISIONS_BEFORE_NOTICE = /\b(?:provisions?|parts?|portions?|requirements?|rules?)\b[^.;:()，。；]*\b(?:of|in)\s+(?:the\s+)?[^.;:()，。；]*\(?\s*$/i;
/** … and in English, named before it: "Item 3 of the Notice on … (Zhengjianfa [2016] No. 8) shall cease to be effective". */
const PART_BEFORE_NOTICE = /\b(?:Article|Clause|Paragraph|Item|Section|Part|Chapter)s? \(?[\dIVXLC]+\)?(?:,? (?:and|or) \(?[\dIVXLC]+\)?)* of (?:the )?[^.;:()，。；]*\(?\s*$/;
/** Any talk of repeal, performative or reported. */
export const SPEAKS_OF_REPEAL = {
  // Two searches, whose matches never overlap (Han and Latin): one search of both ran twice as long on English text,
  // where every word start was tried against the Chinese alternatives too.
  zh: /废止|失效|不再执行|不再适用|停止执行|取代|替代/g,
  en: /\b(?:supersed|replaced by\b|repeal|abolish|rescind|annul|revoked?\b|no longer (?:be )?(?:in force|valid|effective|appl(?:y|ies|icable))|cease[sd]? to (?:be effective|be in force|have effect|apply))/gi,
};
/** A sentence is at most this long when it is looked for around a verb. */
const SENTENCE_REACH = 600;
const DATED = /自[^。；]{0,40}起|with effect from|as of|from/;

export interface RepealScan {
  repeals: Repeal[];
  /** The citations, with `inRepealSentence` set. */
  citations: Citation[];
}

/** Where the verbs of repeal stand in the folded text: PERFORMATIVE's and SPEAKS_OF_REPEAL's matches, in order. */
export interface RepealVerbs {
  performative: readonly FoldedMatch[];
  speaking: readonly FoldedMatch[];
}

/** Repeals only count in a document that is a notice: the caller passes `declares` false for a memo. */
export function scanRepeals(folded: FoldedText, citations: readonly Citation[], verbs: RepealVerbs, declares: boolean): RepealScan {
  // Without a citation, nothing is repealed and no citation is marked.
  if (citations.length === 0) return { repeals: [], citations: [] };
  const breaks = structuralBreaks(folded.text, (offset) => folded.lineBreakBefore(offset));
  const marked = markRepealSentences(folded, citations, verbs.speaking, breaks);
  return { repeals: declares ? performativeRepeals(folded, marked, verbs.performative, breaks) : [], citations: marked };
}

type Breaks = ReturnType<typeof structuralBreaks>;

function performativeRepeals(folded: FoldedText, citations: readonly Citation[], matches: readonly FoldedMatch[], breaks: Breaks): Repeal[] {
  const text = folded.text;
  const repeals: Repeal[] = [];
  const bounds = new ForwardSentenceBounds(text, SENTENCE_REACH, breaks);
  for (const match of matches) {
    const start = bounds.startBefore(match.start);
    const end = bounds.endAfter(match.end);
    const sentence = folded.originalRange(start, end);
    // Most verbs of a text that cites notices are far from any: nothing more to read.
    if (citationsIn(citations, sentence.start, sentence.end).length === 0) continue;
    const lead = text.slice(start, match.start);
    if (NOT_PERFORMATIVE.test(clauseBefore(lead) + text.slice(match.start, match.end))) continue;
    const verb = folded.originalRange(match.start, match.end);
    const before = citationsIn(citations, sentence.start, verb.start);
    const named = (before.length > 0 ? before : citationsIn(citations, verb.end, sentence.end))
      .filter((citation, index, all) => !isPartOnly(folded.source, citation, all[index - 1]?.end ?? sentence.start, all[index + 1]?.start ?? verb.start));
    const sentenceText = text.slice(start, end);
    const effective = DATED.test(sentenceText) ? firstDate(sentenceText) : undefined;
    for (const citation of named) {
      repeals.push({ target: citation.target, span: { start: citation.start, end: citation.end }, ...(effective ? { effective } : {}) });
    }
  }
  return repeals;
}

/** Whether a repeal sentence names only a clause of this citation's notice (after the citation, or before it in English). */
function isPartOnly(source: string, citation: Citation, previousEnd: number, nextStart: number): boolean {
  const after = source.slice(citation.end, Math.max(citation.end, nextStart));
  const before = source.slice(previousEnd, citation.start);
  return PART_AFTER_NOTICE.test(after) || PROVISIONS_AFTER_NOTICE.test(after) ||
    PART_BEFORE_NOTICE.test(before) || PROVISIONS_BEFORE_NOTICE.test(before);
}

/** The last clause of a sentence's lead, up to the verb; titles in 《》 hold no clause breaks. */
function clauseBefore(lead: string): string {
  for (let i = lead.length - 1, depth = 0; i >= 0; i--) {
    const char = lead[i]!;
    if (char === '》') depth++;
    else if (char === '《') depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_BREAK.test(char)) return lead.slice(i + 1);
  }
  return lead;
}

function citationsIn(citations: readonly Citation[], from: number, to: number): Citation[] {
  const found: Citation[] = [];
  for (let i = lastAtOrBefore(citations, from - 1, (citation) => citation.start) + 1; i < citations.length && citations[i]!.start < to; i++) {
    if (citations[i]!.end <= to) found.push(citations[i]!);
  }
  return found;
}

/** Citations in a sentence that speaks of repeal, in one pass over the (sorted) citations. */
function markRepealSentences(folded: FoldedText, citations: readonly Citation[], matches: readonly FoldedMatch[], breaks: Breaks): Citation[] {
  const text = folded.text;
  const sentences: { start: number; end: number }[] = [];
  const bounds = new ForwardSentenceBounds(text, SENTENCE_REACH, breaks);
  for (const match of matches) {
    const start = folded.originOf(bounds.startBefore(match.start));
    const end = folded.originalRange(0, bounds.endAfter(match.end)).end;
    const last = sentences[sentences.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else sentences.push({ start, end });
  }
  let sentence = 0;
  return citations.map((citation) => {
    while (sentence < sentences.length && sentences[sentence]!.end <= citation.start) sentence++;
    const inside = sentence < sentences.length && sentences[sentence]!.start <= citation.start;
    return inside ? { ...citation, inRepealSentence: true } : citation;
  });
}
