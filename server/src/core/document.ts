/**
 * Analyses one document's text into an immutable AnalysedDocument: the clause tree and every annotation, in one
 * pass per recogniser over the text (the clause labels over line starts, everything else over the folded text).
 * Never throws: a text it declines (binary, too large) yields an empty analysis with a problem saying why.
 */
import type { DictionaryValue, Knowledge } from './knowledge/compile';
import type {
  AgencyMention, AnalysedDocument, Annotation, BannedTermHit, CitationTarget, Clause, ClauseLabelSite, ClauseReference,
  DefinedTerm, DefinitionSite, Language, NoticeNumberMention, Problem, ProblemDetail, ReferenceStep, Span, TermUse,
} from './model';
import { ANAPHORA, CUSTOMARY, scanCitations, type KnownShortName } from './scan/citations';
import { buildClauseTree, UNSEQUENCED, type ClauseTree } from './scan/clauseTree';
import { ClauseTreeCheckpoints } from './scan/clauseTreeCheckpoints';
import { ClauseTable } from './scan/clauseTable';
import { ProblemList } from './problemList';
import { findDates } from './scan/dates';
import { findIdentity } from './scan/identity';
import { PERFORMATIVE, scanRepeals, SPEAKS_OF_REPEAL } from './scan/repeals';
import { scanSuppressions } from './scan/suppressions';
import { CHINESE_DOCUMENT_TYPE, ENGLISH_DOCUMENT_TYPE } from './scan/documentTypes';
import { regulatoryRegions, termPlacement, type PlacementContext } from './scan/termPlacement';
import { toDefinedTerm, type RawDefinition } from './scan/definedTerms';
import { joinLocalOffices } from './scan/localOffices';
import { PhraseMatcher, pluralOf, singularOf, type PhraseMatch } from './scan/phraseMatcher';
import { enclosingQuote, type QuoteSpan } from './scan/quotes';
import { expansionAt, governingExpansion, type AcronymExpansion } from './scan/acronyms';
import { BannedTermHits } from './scan/bannedTermHits';
import type { TermSurroundings } from './scan/termContext';
import { standsAsTerm, termShape, type TermShape } from './scan/termUses';
import { straddlesChineseWord } from './scan/wordBoundaries';
import { singularWord, type ExternalDocument, type RawReference } from './scan/references';
import { AnalysisCache, ChunkedText } from './chunkedText';
import {
  bareDecimalReferencesIn, chineseReferencesIn, definitionsIn, englishReferencesIn, matchesIn, noticeNumbersIn, phrasesIn, quotesIn,
} from './chunkScans';
import { ClauseResolver } from './resolve';
import { mergeByStart } from './scan/sortedStreams';
import { FoldedText } from './text/folded';
import { LineIndex } from './text/lineIndex';
import { isHan } from './text/chars';
import { ForwardStarts, lastAtOrBefore } from './text/search';

export interface AnalysisOptions {
  /** Texts larger than this many bytes of UTF-8 (the size of the file on disk) are declined. */
  maxBytes?: number;
  /** What the last analysis of this document found in its chunks: only chunks edited since are scanned again. */
  cache?: AnalysisCache;
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export function analyze(text: string, knowledge: Knowledge, options: AnalysisOptions = {}): AnalysedDocument {
  if (text.includes('\u0000')) return emptyAnalysis(text, { kind: 'binary' });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (utf8LengthExceeds(text, maxBytes)) return outlineOnly(text, maxBytes);
  try {
    return analyzeText(text, knowledge, options.cache);
  } catch (error) {
    // Analysis must never take the server down: report the failure where the user sees it.
    return emptyAnalysis(text, { kind: 'internalError', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Whether the text takes more than `limit` bytes in UTF-8; stops counting as soon as it does. */
function utf8LengthExceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}

/**
 * Light service for a document over the size limit: its clause tree (one pass over the line starts, linear), so the
 * outline and folding work, and nothing else; one problem says so.
 */
function outlineOnly(text: string, maxBytes: number): AnalysedDocument {
  const lines = new LineIndex(text);
  let table: ClauseTable;
  try {
    table = buildClauseTree(text, lines).table;
  } catch {
    table = new ClauseTable(text, lines);
  }
  return emptyAnalysis(text, { kind: 'outlineOnly', maxBytes }, lines, table);
}

/** An analysis of nothing but `table`'s clauses (none by default), with one problem that says why. */
function emptyAnalysis(text: string, detail: ProblemDetail, lines = new LineIndex(text), table = new ClauseTable(text, lines)): AnalysedDocument {
  const problems = new ProblemList();
  problems.add(0, 0, 'not-analysed', 'information', detail);
  return withAnnotations(withClausesAndProblems({
    text, lines, analysed: false, agencies: [], noticeNumbers: [], citations: [], citationMentions: [], identity: undefined, repeals: [],
    dates: {}, language: 'en', suppressions: [], references: [], definitions: [], termUses: [], bannedTerms: [], definitionSites: [],
  }, table, problems));
}

function analyzeText(text: string, knowledge: Knowledge, cache: AnalysisCache | undefined): AnalysedDocument {
  // An open document's last line index and clause tree are kept: a keystroke reads the lines and clauses it touched.
  const checkpoints = cache?.kept ? (cache.clauseTree ??= new ClauseTreeCheckpoints()) : undefined;
  const lines = checkpoints ? checkpoints.lineIndex(text) : new LineIndex(text);
  const language = dominantLanguage(text);
  const tree = buildClauseTree(text, lines, checkpoints);
  const chunked = ChunkedText.of(text, cache);
  const folded = chunked.folded;
  const quotes = quotesIn(chunked);
  const noticeNumbers = noticeNumbersIn(chunked, knowledge);
  // A Markdown title (`# 关于…的通知`) is a heading clause, but still the header's.
  const firstLabelled = tree.table.firstNot('heading');
  const firstLabelLine = firstLabelled !== undefined ? lines.lineOf(tree.table.labelStart(firstLabelled)) : lines.lineCount;
  const found = findIdentity(lines, noticeNumbers, firstLabelLine, language);
  if (found?.ownNumber !== undefined) noticeNumbers[found.ownNumber] = { ...noticeNumbers[found.ownNumber]!, own: true };
  const terms = defineTerms(folded, definitionsIn(chunked));
  // The dictionary's phrases and the defined terms' uses are found in one pass over the text.
  const phrases = phrasesIn(chunked, knowledge, terms.matcher, terms.key);
  const { agencies, bannedTerms, shortNames } = scanDictionary(folded, knowledge, quotes, noticeNumbers, phrases.matches);
  // A numbered document, or one titled as measures, rules, a law …; not a company's own.
  const regulatoryText = (found?.identity.number !== undefined || hasRegulatoryTitle(text)) && !COMPANY_NAME.test(found?.identity.title?.text ?? firstLine(text));
  placeBannedTerms(bannedTerms, { text, lines, regulatoryText, regions: bannedTerms.length > 0 ? regulatoryRegions(text, lines) : [] });
  const termUses = termUsesOf(folded, terms, phrases.alongside, mergeByStart<Span>([agencies, noticeNumbers]), quotes.filter((quote) => quote.kind === 'book-title'));
  const scanned = scanCitations({
    folded, numbers: noticeNumbers, quotes, definitions: terms.definitions, abbreviatedPhrases: terms.abbreviatedPhrases,
    termUses, identity: found?.identity, knownShortNames: shortNames,
    customaryMatches: matchesIn(chunked, 'customary', CUSTOMARY), anaphoraMatches: matchesIn(chunked, 'anaphora', ANAPHORA),
  });
  const speaking = mergeByStart([matchesIn(chunked, 'speaksOfRepealZh', SPEAKS_OF_REPEAL.zh), matchesIn(chunked, 'speaksOfRepealEn', SPEAKS_OF_REPEAL.en)]);
  const repealVerbs = { performative: matchesIn(chunked, 'performative', PERFORMATIVE), speaking };
  const { repeals, citations } = scanRepeals(folded, scanned.citations, repealVerbs, found !== undefined && !found.identity.draft);
  // A title cited with its number names the notice too: "Clause (III) of the Notice on … (Yinfa [2024] No. 15)".
  const names = [...citations, ...scanned.mentions.filter((mention) => mention.withNumber)];
  const references = resolveReferences(chunked, tree, text, lines, names, noticeNumbers, scanned.selfNames);
  const problems = tree.problems.mergedWith([
    ...bannedTermProblems(bannedTerms, knowledge),
    ...unresolvedReferenceProblems(references, tree.table),
  ]);
  return withAnnotations(withClausesAndProblems({
    text, lines, analysed: true, agencies, noticeNumbers, citations,
    citationMentions: scanned.mentions, identity: found?.identity, repeals, dates: findDates(text, lines), language, references,
    definitions: scanned.definitions, termUses, bannedTerms, definitionSites: terms.definitionSites,
    suppressions: scanSuppressions(text, lines),
  }, tree.table, problems));
}

/**
 * The parts with their clauses and problems as objects made when first read, from the columns that hold them (kept
 * too: an analysis crosses threads as columns, see analysisCodec.ts). Made here, not in analyzeText: a getter made
 * there would keep everything its closures see (the folded text…) alive.
 */
export function withClausesAndProblems(
  parts: Omit<AnalysisParts, 'clauses' | 'rootClauses' | 'clauseTable' | 'problems' | 'problemList'>, table: ClauseTable, problems: readonly Problem[] | ProblemList,
): AnalysisParts {
  const list = problems instanceof ProblemList ? problems : undefined;
  return Object.defineProperties(parts, {
    clauses: { get: () => table.clauses, enumerable: true },
    rootClauses: { get: () => table.roots, enumerable: true },
    clauseTable: { value: table },
    problems: list ? { get: () => list.array, enumerable: true } : { value: problems, enumerable: true },
    problemList: { value: list, enumerable: true },
  }) as AnalysisParts;
}

/** An analysis without its merged list of annotations: what travels between threads (see analysisCodec.ts). */
export type AnalysisParts = Omit<AnalysedDocument, 'annotations'>;

/**
 * The analysis with every annotation in one sorted list, made when a feature first asks (the workspace index never
 * does).
 */
export function withAnnotations(parts: AnalysisParts): AnalysedDocument {
  let annotations: Annotation[] | undefined;
  const allAnnotations = (): Annotation[] => [
    ...parts.agencies, ...parts.noticeNumbers, ...parts.references, ...parts.termUses, ...parts.definitionSites, ...parts.bannedTerms,
    ...labelSites(parts.clauses), ...parts.citationMentions,
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  // Defined on the parts, not spread from them: their clauses are made only when a feature reads them.
  return Object.defineProperty(parts, 'annotations', { get: () => (annotations ??= allAnnotations()), enumerable: true }) as AnalysedDocument;
}

/** The labels in the text; a heading's text is no label (it is the heading's name in the outline). */
function labelSites(clauses: readonly Clause[]): ClauseLabelSite[] {
  return clauses.filter((clause) => clause.style !== 'heading').map((clause) => ({
    kind: 'clauseLabel', start: clause.labelSpan.start, end: clause.labelSpan.end, text: clause.label, clause: clause.id,
  }));
}

/** How much of the text a language needs to be the document's: the first pages are enough to tell. */
const LANGUAGE_SAMPLE = 16384;

/** Chinese when Han characters are at least a third as many as Latin letters (a Chinese word is one or two). */
function dominantLanguage(text: string): Language {
  const end = Math.min(text.length, LANGUAGE_SAMPLE);
  // No Han character in the sample (most English texts): a native search says so.
  if (!HAN_CHARACTER.test(end < text.length ? text.slice(0, end) : text)) return 'en';
  let han = 0;
  let latin = 0;
  for (let i = 0; i < end; i++) {
    const script = SCRIPT[text.charCodeAt(i)];
    if (script === HAN) han++;
    else if (script === LATIN) latin++;
    // Decided once the rest of the sample, all Latin, could not outweigh the Han characters counted.
    if ((i & LANGUAGE_CHECK_MASK) === 0 && han * 3 >= latin + (end - i - 1) && han > 0) return 'zh';
  }
  return han * 3 >= latin && han > 0 ? 'zh' : 'en';
}

/** How often (in code units, minus one) dominantLanguage asks whether the sample has decided. */
const LANGUAGE_CHECK_MASK = 1023;

const HAN = 1;
const LATIN = 2;
/** What isHan accepts, as a search. */
const HAN_CHARACTER = /[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3007]/;
/** Han, Latin letter or neither, for each code unit: one look-up per character of the sample. */
const SCRIPT: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < table.length; code++) {
    table[code] = isHan(code) ? HAN : (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? LATIN : 0;
  }
  return table;
})();

/** What the dictionary's matches in the text are: agencies, banned terms, customary short names of notices. */
function scanDictionary(folded: FoldedText, knowledge: Knowledge, quotes: QuoteSpan[], noticeNumbers: NoticeNumberMention[], matches: PhraseMatch<DictionaryValue>[]) {
  const agencies: AgencyMention[] = [];
  const shortNames: KnownShortName[] = [];
  const surroundings: TermSurroundings = {
    text: folded.text,
    quotes,
    noticeNumberFollows: (offset) => isFollowedByNoticeNumber(folded, noticeNumbers, offset),
  };
  const ambiguous = new Set<AgencyMention>();
  const namedInFull = new Set<string>();
  const abbreviations = new AgencyAbbreviations(folded.text, knowledge);
  const bannedTerms = new BannedTermHits(folded, surroundings, knowledge);
  for (const match of joinLocalOffices(matches, folded.text, knowledge)) {
    const value = match.value;
    if (value.kind === 'notAgency' || value.kind === 'lookAlike' || value.kind === 'place' || value.kind === 'officeWord') continue;
    if (value.kind === 'agency' && value.abbreviation && isInCapitalisedRun(folded.text, match.start, match.end)) continue;
    if (value.kind === 'bannedTerm' && (isInsideAddress(folded.text, match.start, match.end) ||
      straddlesChineseWord(folded.text, match.start, match.end))) continue;
    const start = folded.originOf(match.start);
    const end = folded.originOf(match.end - 1) + 1;
    const text = folded.source.slice(start, end);
    if (value.kind === 'agency') {
      const mention: AgencyMention = { kind: 'agency', start, end, text, agencyId: value.agencyId };
      agencies.push(mention);
      if (value.abbreviation) abbreviations.add(mention, match.start, match.end);
      if (value.ambiguous) ambiguous.add(mention);
      else if (!value.abbreviation) namedInFull.add(value.agencyId);
    } else if (value.kind === 'noticeShortName') {
      shortNames.push({ start, end, text, title: value.title });
    } else {
      bannedTerms.add(match.start, match.end, { kind: 'bannedTerm', start, end, text, listId: value.listId, termId: value.termId });
    }
  }
  // "SFC", "CFA": an abbreviation that means other things too is the agency's only where the document names it in full;
  // "SAFE (simple agreement for future equity)": one the document spells out as something else is not the agency.
  const isAgency = (mention: AgencyMention) => (!ambiguous.has(mention) || namedInFull.has(mention.agencyId)) && !abbreviations.spelledOtherwise(mention);
  const kept = ambiguous.size === 0 && !abbreviations.anySpelledOut() ? agencies : agencies.filter(isAgency);
  return { agencies: kept, bannedTerms: bannedTerms.finish(), shortNames };
}

/**
 * Where the document spells out an agency's abbreviation (acronyms.ts), and whether as the agency: "SAFE (simple
 * agreement for future equity)" makes SAFE no agency there, "NDRC (National Dance Research Council)" too. The look
 * is made at abbreviation hits only, within acronyms.ts's bounded window.
 */
class AgencyAbbreviations {
  private readonly foldedStarts = new Map<AgencyMention, number>();
  private readonly spelledOut = new Map<string, AcronymExpansion[]>();

  constructor(private readonly text: string, private readonly knowledge: Knowledge) {}

  add(mention: AgencyMention, start: number, end: number): void {
    this.foldedStarts.set(mention, start);
    const agency = this.knowledge.agencies.get(mention.agencyId);
    if (!agency) return;
    const names = { en: [agency.en.name, ...(agency.en.aliases ?? [])], zh: [agency.zh.name, ...(agency.zh.aliases ?? [])] };
    const expansion = expansionAt(this.text, start, end, names);
    if (!expansion) return;
    const spelled = this.spelledOut.get(mention.agencyId);
    if (spelled) spelled.push(expansion);
    else this.spelledOut.set(mention.agencyId, [expansion]);
  }

  anySpelledOut(): boolean {
    return this.spelledOut.size > 0;
  }

  /** Whether an abbreviation's mention stands where the document has spelled it out as something else. */
  spelledOtherwise(mention: AgencyMention): boolean {
    const start = this.foldedStarts.get(mention);
    if (start === undefined) return false;
    const expansion = governingExpansion(this.spelledOut.get(mention.agencyId), start);
    return expansion !== undefined && !expansion.known;
  }
}

/** "SAFE HARBOUR", "SAFE DEPOSIT BOX": an abbreviation next to another word in capitals is a heading's word. */
function isInCapitalisedRun(text: string, start: number, end: number): boolean {
  return capitalsBefore(text, start) || capitalsAfter(text, end);
}

/** How far from an abbreviation the word in capitals beside it is read. */
const CAPITALS_REACH = 20;

/** A word of two or more capitals and a space right before `start` (read back at most CAPITALS_REACH), not the end of a longer word. */
function capitalsBefore(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 0x20) return false;
  const reach = Math.max(0, start - CAPITALS_REACH);
  let from = start - 1;
  while (from > reach && isCapital(text.charCodeAt(from - 1))) from--;
  return start - 1 - from >= 2 && !isAsciiLetter(text.charCodeAt(from - 1));
}

/** A space and a word of two or more capitals right after `end`, which ends there or at the reach (no letter, digit or _ after it). */
function capitalsAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x20) return false;
  const reach = Math.min(text.length, end + CAPITALS_REACH);
  let to = end + 1;
  while (to < reach && isCapital(text.charCodeAt(to))) to++;
  return to - end - 1 >= 2 && (to >= reach || !isAsciiWordChar(text.charCodeAt(to)));
}

function isCapital(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

/** What \w matches: ASCII letters, digits and _. */
function isAsciiWordChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** rwa-token.com, rwa@example.com, https://…/stablecoin: part of an address, not of the text. */
function isInsideAddress(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < MAX_ADDRESS && isAddressChar(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < MAX_ADDRESS && isAddressChar(text.charCodeAt(to))) to++;
  return /:\/\/|@|^www\.|\.(?:com|cn|org|net|io|gov|hk)\b/i.test(text.slice(from, to));
}

/** Addresses are made of \w and these, and are short: the look around a term stays bounded on a line of megabytes. */
const ADDRESS_MARKS = new Set([...'.@:/%?=&#~+-'].map((char) => char.charCodeAt(0)));

function isAddressChar(code: number): boolean {
  return isAsciiWordChar(code) || ADDRESS_MARKS.has(code);
}
const MAX_ADDRESS = 100;

/** Whether a document number starts within a few characters after a quote: "…" (Yinfa [2021] No. 237). */
function isFollowedByNoticeNumber(folded: FoldedText, noticeNumbers: NoticeNumberMention[], foldedOffset: number): boolean {
  const after = folded.originOf(foldedOffset);
  const next = noticeNumbers[lastAtOrBefore(noticeNumbers, after - 1, (number) => number.start) + 1];
  return next !== undefined && next.start - after <= 3;
}

function resolveReferences(
  chunked: ChunkedText, tree: ClauseTree, text: string, lines: LineIndex,
  citations: readonly (Span & { target: CitationTarget })[], numbers: readonly NoticeNumberMention[], selfNames: readonly Span[],
): ClauseReference[] {
  const { table, codeBlocks } = tree;
  const folded = chunked.folded;
  const isLabelAt = (foldedOffset: number) => table.isLabelStart(folded.originOf(foldedOffset));
  const naming = new DocumentNames(folded, citations, numbers, selfNames);
  const numbersInDecimals = table.has('decimal');
  const english = englishReferencesIn(chunked, isLabelAt, (offset) => naming.startingAt(offset) !== undefined,
    (offset) => naming.endingAt(offset, 0) !== undefined);
  const raw = mergeByStart([
    chineseReferencesIn(chunked, isLabelAt, (offset) => naming.endingAt(offset) !== undefined),
    english.numbered,
    english.relative,
    // "see 2.3.1" is a reference only where the document numbers its clauses so.
    numbersInDecimals ? bareDecimalReferencesIn(chunked) : [],
  ]);
  // Built at the first reference into this document: a text of labels without references never needs it.
  let resolver: ClauseResolver | undefined;
  const ownParts = new OwnParts(folded.text, table.labelsOf('heading'));
  const found: ClauseReference[] = [];
  for (const written of raw) {
    // A reference in a Markdown code block is code, not text.
    if (codeBlocks.length > 0 && isInside(codeBlocks, folded.originOf(written.start))) continue;
    const reference = ownParts.inOwnPart(written);
    const start = folded.originOf(reference.start);
    const end = reference.end > reference.start ? folded.originOf(reference.end - 1) + 1 : start;
    const named = reference.external ? naming.of(reference.external) : undefined;
    const explicitlyInternal = reference.explicitlyInternal || named === 'own';
    // "Clause (5) of Yinfa [2026] No. 42" in Yinfa [2026] No. 42 itself points into this document.
    if (reference.external && named !== 'own') {
      const external = clauseReference(text, start, end, reference.steps, explicitlyInternal, undefined, undefined);
      external.external = { cites: named };
      found.push(external);
      continue;
    }
    // 前两条 names two articles: one reference to each, over the same words.
    const resolved = (resolver ??= new ClauseResolver(table.clauses, { text, lines })).resolveAll(reference.steps, start);
    if (resolved.length === 0 && !isReferenceOnlyIfResolved(reference, numbersInDecimals)) {
      found.push(clauseReference(text, start, end, reference.steps, explicitlyInternal, undefined, undefined));
    }
    for (const resolution of resolved) {
      found.push(clauseReference(text, start, end, reference.steps, explicitlyInternal, resolution.clause, resolution.span));
    }
  }
  return found;
}

/** A reference with every field in one order: references come by the hundred thousand, in one shape. */
function clauseReference(
  text: string, start: number, end: number, steps: ReferenceStep[], explicitlyInternal: boolean, target: number | undefined,
  targetSpan: Span | undefined,
): ClauseReference {
  return { kind: 'clauseRef', start, end, text: text.slice(start, end), steps, explicitlyInternal, target, targetSpan };
}

/**
 * "Items 1 and 2 of the Resolutions", "paragraph (b) of the Recitals": "of the" and a name is another document unless
 * the name is a heading of this one (`## Resolutions`); then the reference is into that part.
 */
class OwnParts {
  /** The headings without numbers, lower-cased (a compilation repeats the same few thousands of times). */
  private readonly names: Set<string>;
  private readonly longest: number;

  constructor(private readonly text: string, headings: readonly string[]) {
    this.names = new Set(headings.map((heading) => heading.toLowerCase()));
    this.longest = [...this.names].reduce((longest, name) => Math.max(longest, name.length), 0);
  }

  inOwnPart(reference: RawReference): RawReference {
    const after = reference.external?.after;
    if (after === undefined || this.names.size === 0) return reference;
    const from = this.text.startsWith('the ', after) ? after + 4 : after;
    const name = this.nameAtStartOf(this.text.slice(from, from + MAX_HEADING_NAME + 1).toLowerCase());
    if (!name) return reference;
    const [first, ...rest] = reference.steps;
    return {
      start: reference.start, end: reference.end, explicitlyInternal: true,
      steps: [{ ...first!, scope: singularWord(name.split(' ')[0]!) }, ...rest],
    };
  }

  /** The longest heading the window starts with, as a whole word (so "Recitals and Background" wins over "Recitals"). */
  private nameAtStartOf(window: string): string | undefined {
    for (let length = Math.min(window.length, this.longest); length > 0; length--) {
      if (length < window.length && /[\p{L}\p{N}]/u.test(window[length]!)) continue;
      const candidate = window.slice(0, length);
      if (this.names.has(candidate)) return candidate;
    }
    return undefined;
  }
}

/** A heading that names a part is at most this long. */
const MAX_HEADING_NAME = 120;

/**
 * Words that are a reference only when they name a clause: "see 2.3" (else an amount or a version), a decimal in a
 * document not numbered in decimals ("paragraph 2.1" of some other text), 下列 with no list after it.
 */
function isReferenceOnlyIfResolved(reference: RawReference, numbersInDecimals: boolean): boolean {
  const last = reference.steps[reference.steps.length - 1]!;
  return reference.bare === true || last.relative === 'following' || (last.path !== undefined && !numbersInDecimals && !reference.explicitlyInternal);
}

/** Whether an offset lies inside one of `spans` (sorted, not overlapping). */
function isInside(spans: readonly Span[], offset: number): boolean {
  const span = spans[lastAtOrBefore(spans, offset, (candidate) => candidate.start)];
  return span !== undefined && offset < span.end;
}

/**
 * What the words before or after a reference into another document cite: the citation that ends where
 * 《…》第十条 / 42号文第（五）项 begins (a closing bracket or 文 between), or starts where "… of [the] X" names it.
 * 'own' for the document's own number.
 */
class DocumentNames {
  private readonly named: { start: number; end: number; target: CitationTarget | 'own' }[];
  private readonly memo = new Map<ExternalDocument, CitationTarget | 'own' | undefined>();

  constructor(
    private readonly folded: FoldedText, citations: readonly (Span & { target: CitationTarget })[], numbers: readonly NoticeNumberMention[],
    selfNames: readonly Span[],
  ) {
    const ownKey = numbers.find((number) => number.own)?.key;
    const isOwn = (target: CitationTarget) => target.kind === 'number' && target.number.key === ownKey;
    const own = [...numbers.filter((number) => number.own), ...selfNames].map((span) => ({ start: span.start, end: span.end, target: 'own' as const }));
    const cited = citations.map((citation) => ({ start: citation.start, end: citation.end, target: isOwn(citation.target) ? 'own' as const : citation.target }));
    this.named = [...cited, ...own].sort((a, b) => a.start - b.start);
  }

  /** The citation starting at a folded offset, or after "the " there. */
  startingAt(foldedOffset: number): CitationTarget | 'own' | undefined {
    const start = this.folded.originOf(foldedOffset);
    const found = this.named[lastAtOrBefore(this.named, start + 'the '.length, (name) => name.start)];
    return found && found.start >= start ? found.target : undefined;
  }

  /** The citation ending at a folded offset (by default a closing bracket or 文 may stand between). */
  endingAt(foldedOffset: number, maxGap = MAX_GAP_AFTER_NAME): CitationTarget | 'own' | undefined {
    const end = this.folded.originOf(foldedOffset);
    const found = this.named[lastAtOrBefore(this.named, end - 1, (name) => name.start)];
    return found && found.end <= end && end - found.end <= maxGap ? found.target : undefined;
  }

  of(external: ExternalDocument): CitationTarget | 'own' | undefined {
    if (!this.memo.has(external)) this.memo.set(external, this.find(external));
    return this.memo.get(external);
  }

  private find(external: ExternalDocument): CitationTarget | 'own' | undefined {
    if (external.after !== undefined) return this.startingAt(external.after);
    return external.before === undefined ? undefined : this.endingAt(external.before);
  }
}

/** 银发〔2026〕42号文第（八）项, 《…》（银发〔2021〕237号）第五条: what may stand between a citation and its reference. */
const MAX_GAP_AFTER_NAME = 2;

/**
 * The document's definitions (`raw`, as scanned), and a matcher of its terms' forms (their uses are found in the
 * dictionary's pass), with a key that is the same exactly when the forms are.
 */
function defineTerms(folded: FoldedText, raw: readonly RawDefinition[]) {
  const definitions: DefinedTerm[] = [];
  const definitionSites: DefinitionSite[] = [];
  const matcher = new PhraseMatcher<string>();
  const abbreviated: { start: number; end: number; keys: string[] }[] = [];
  const abbreviatedPhrases = new Map<string, Span>();
  const known = new Set<string>();
  const forms: { form: string; caseSensitive: boolean; asDefined: boolean; key: string }[] = [];
  const shapes = new Map<string, TermShape>();
  for (const definition of raw) {
    const span = folded.originalRange(definition.start, definition.end);
    const term = toDefinedTerm(definition, span);
    if (definition.abbreviates) abbreviatedBy(abbreviated, definition.abbreviates).push(term.key);
    if (known.has(term.key)) continue;
    known.add(term.key);
    if (definition.abbreviates) abbreviatedPhrases.set(term.key, folded.originalRange(definition.abbreviates.start, definition.abbreviates.end));
    definitions.push(term);
    definitionSites.push({ kind: 'termDefinition', start: span.start, end: span.end, text: folded.source.slice(span.start, span.end), key: term.key });
    for (const form of termForms(definition)) forms.push({ form: form.form, caseSensitive: form.caseSensitive, asDefined: form.asDefined, key: term.key });
    shapes.set(term.key, termShape(folded.text, definition.term, definition.abbreviates, definition.definite === true));
  }
  // A form as defined wins over another term's plural or singular: "Party" is its own term beside "Parties".
  for (const { form, caseSensitive, key } of [...forms.filter((form) => form.asDefined), ...forms.filter((form) => !form.asDefined)]) {
    matcher.add(form, key, { caseSensitive });
  }
  abbreviated.sort((a, b) => a.start - b.start);
  const key = forms.map((form) => `${form.form}\u0001${form.caseSensitive ? 1 : 0}${form.asDefined ? 1 : 0}\u0001${form.key}`).join('\u0002');
  return { definitions, definitionSites, abbreviatedPhrases, matcher, abbreviated, shapes, key };
}

type DefinedTerms = ReturnType<typeof defineTerms>;

/**
 * The uses of the defined terms among the matcher's matches. A use is never inside the phrase its own term
 * abbreviates, nor inside a name regtext already knows: "Bank" defined for China Merchants Bank is not used in
 * "People's Bank of China", nor inside a cited title (《非银行支付机构监督管理条例》 names a regulation, not the 支付机构
 * defined).
 */
function termUsesOf(folded: FoldedText, terms: DefinedTerms, matches: readonly PhraseMatch<string>[], names: readonly Span[], titles: readonly QuoteSpan[]): TermUse[] {
  const { abbreviated, shapes } = terms;
  const definedAt = new Set(terms.definitionSites.map((site) => site.start));
  // The few phrases that start last before a use: phrases of one sentence nest ("A Bank (the "Bank") and its agent (the "Agent")").
  // Uses come in text order: the phrases and names before each are found by cursors that only move forward.
  const phrasesBefore = new ForwardStarts(abbreviated);
  const namesBefore = new ForwardStarts(names);
  const abbreviatesItself = (start: number, end: number, key: string) => {
    const last = phrasesBefore.lastAtOrBefore(start);
    for (let i = last; i >= 0 && i > last - NESTED_PHRASES; i--) {
      if (end <= abbreviated[i]!.end && abbreviated[i]!.keys.includes(key)) return true;
    }
    return false;
  };
  const separated = {
    text: folded.text,
    separatedBefore: (offset: number) => folded.originOf(offset) - folded.originOf(offset - 1) > 1,
    lineBreakBefore: (offset: number) => folded.lineBreakBefore(offset),
  };
  const termUses: TermUse[] = [];
  for (const match of matches) {
    const start = folded.originOf(match.start);
    const end = folded.originOf(match.end - 1) + 1;
    if (definedAt.has(start) || abbreviatesItself(match.start, match.end, match.value) || overlapsAny(names, namesBefore.lastAtOrBefore(end - 1), start) ||
      enclosingQuote(titles, match.start, match.end) || !standsAsTerm(separated, match.start, match.end, shapes.get(match.value)!)) continue;
    termUses.push({ kind: 'termUse', start, end, text: folded.source.slice(start, end), key: match.value });
  }
  return termUses;
}

/** How many phrases abbreviated in one sentence a use is checked against. */
const NESTED_PHRASES = 4;

/**
 * A term the drafter put in quotes as a name — one capitalised word ("the Regulations") or every word capitalised
 * ("Payment Institution") — is matched with its capitals: "regulations" or "a payment institution" in running text is the
 * ordinary word, not the defined term.
 */
function isProperName(term: string): boolean {
  const words = term.split(' ').filter((word) => !SMALL_WORDS.has(word));
  return words.length > 0 && words.every((word) => /^[A-Z][a-z]/.test(word));
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'or', 'a', 'an']);

/** Whether a range that starts at `start` overlaps any of `spans` (sorted by start) up to `index`, the last that starts before its end. */
function overlapsAny(spans: readonly Span[], index: number, start: number): boolean {
  for (let i = index; i >= 0 && i > index - 4; i--) {
    if (spans[i]!.end > start) return true;
  }
  return false;
}

/**
 * A defined term's forms: as defined, and its English plural or singular. A short word in lower case ("we", "us",
 * "our" in (the "Issuer" or "we")) is matched as written or capitalised, never in capitals: "US" and "IT" are other words.
 */
function termForms(definition: RawDefinition): { form: string; caseSensitive: boolean; asDefined: boolean }[] {
  const term = definition.term;
  if (/^[a-z]{2,3}$/.test(term)) return [term, term[0]!.toUpperCase() + term.slice(1)].map((form) => ({ form, caseSensitive: true, asDefined: true }));
  const caseSensitive = definition.quoted === true && isProperName(term);
  if (!/[A-Za-z]$/.test(term)) return [{ form: term, caseSensitive, asDefined: true }];
  return [{ form: term, caseSensitive, asDefined: true }, { form: singularOf(term) ?? pluralOf(term), caseSensitive, asDefined: false }];
}

/** The keys of the terms that abbreviate one phrase: several names in one parenthesis share it. */
function abbreviatedBy(spans: { start: number; end: number; keys: string[] }[], phrase: Span): string[] {
  const last = spans[spans.length - 1];
  if (last && last.start === phrase.start && last.end === phrase.end) return last.keys;
  const span = { start: phrase.start, end: phrase.end, keys: [] };
  spans.push(span);
  return span.keys;
}

/** A company's own document (a board resolution announcement, an internal circular) is not regulation. */
const COMPANY_NAME = /有限公司|有限责任公司|\b(?:Co\.,? ?Ltd|Limited|LLC|Inc)\b/;
/**
 * A first line that titles the text as measures, rules, a law …, a draft or trial version included:
 * 非银行支付机构数字钱包业务管理办法（征求意见稿）, "Measures for the Administration of … (Draft for Comments)".
 */
const REGULATORY_TITLE = new RegExp(`(?:${CHINESE_DOCUMENT_TYPE}|\\b${ENGLISH_DOCUMENT_TYPE})[”」"]?\\s*(?:[（(][^）)\\n]{1,20}[）)])?\\s*$`);
/** English titles name their kind first: "Measures for …", "Interim Provisions on …", "Notice of … on …". */
const ENGLISH_REGULATORY_TITLE = new RegExp(`^(?:(?:Interim|Provisional|Administrative|Implementing|Detailed|Several)\\s+)*${ENGLISH_DOCUMENT_TYPE}\\s+(?:for|on|of|concerning|regarding)\\b`);
const MAX_TITLE = 120;

function firstLine(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? Math.min(text.length, start + MAX_TITLE + 1) : end).trim();
}

function hasRegulatoryTitle(text: string): boolean {
  const title = firstLine(text);
  if (title.length > MAX_TITLE) return false;
  if (ENGLISH_REGULATORY_TITLE.test(title)) return true;
  const type = REGULATORY_TITLE.exec(title);
  if (!type) return false;
  // 法 alone also ends 方法, 看法, 做法: a law is titled 中华人民共和国…法 or quoted.
  return !type[0].startsWith('法') || /中华人民共和国|《/.test(title);
}

/** Where each use stands (an entity name, a business scope, a regulatory text's prose, other drafting). */
function placeBannedTerms(hits: BannedTermHit[], context: PlacementContext): void {
  for (const hit of hits) if (hit.context === 'use') hit.placement = termPlacement(context, hit.start, hit.end);
}

/** The uses a list reports where they stand, at the severity it sets there. */
function bannedTermProblems(hits: readonly BannedTermHit[], knowledge: Knowledge): Problem[] {
  return hits.flatMap((hit): Problem[] => {
    if (hit.context !== 'use') return [];
    const list = knowledge.terms.get(hit.termId)?.list;
    const severity = list ? (hit.placement && list.placements?.[hit.placement]) ?? list.severity : 'warning';
    if (severity === 'off') return [];
    return [{
      start: hit.start, end: hit.end, code: 'banned-term', severity,
      detail: { kind: 'bannedTerm', term: hit.text, termId: hit.termId },
    }];
  });
}


/**
 * An unresolved reference is reported when it says it points into this document ("of this Notice", 本办法), or
 * when the document numbers clauses of that kind up to at least half that number: "第一百七十三条" in a
 * twenty-article text cites some other law, "Clause (XXV)" in a notice numbered (I)…(XIX) is a broken reference.
 */
function unresolvedReferenceProblems(references: readonly ClauseReference[], clauses: ClauseTable): Problem[] {
  const highest = clauses.highestValues(UNSEQUENCED);
  // "Rule 45", "Schedule 2": a unit named by a word another rule book or agreement uses too is this document's only
  // where it says so.
  const withinNumbering = (step: ReferenceStep) => !step.scope && step.styles.some((style) => step.value <= 2 * (highest.get(style) ?? 0));
  // A range's members share its words: one problem for the range, not one for each missing member.
  const reported = new Set<string>();
  const firstOverItsWords = (reference: ClauseReference) => {
    const key = `${reference.start}:${reference.end}`;
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };
  // 前项 or 下一款 that names nothing may count items written inside a line, which are no labels: not reported.
  const countsUnseen = (step: ReferenceStep) => step.relative !== undefined && step.kind !== 'article';
  return references.filter((reference) => reference.target === undefined && !reference.external && !countsUnseen(reference.steps[0]!) &&
    (reference.explicitlyInternal || withinNumbering(reference.steps[0]!)) && firstOverItsWords(reference))
    .map((reference) => ({
      start: reference.start, end: reference.end, code: 'unresolved-reference', severity: 'warning',
      detail: { kind: 'unresolvedReference', text: reference.text },
    }));
}
