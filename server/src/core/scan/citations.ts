/**
 * Citations of other documents, in document order, in the ways drafters cite:
 *   - by number:       Yinfa [2021] No. 237, 银发〔2021〕237号 (the notice-number recogniser finds them);
 *   - by title:        《关于……的通知》, "Notice on …" (a quoted title followed by its number is one citation, of the number);
 *   - by a short name the document defines for a notice: (hereinafter referred to as the "2026 Notice"), （以下简称“42号文”）;
 *   - by a customary short name: 237号文, 94号文 (a serial and 号文, which the workspace or the built-in data resolve);
 *   - by anaphora:     "the same notice", "the said Notice", 该通知, 上述通知 — the notice last cited.
 * Offsets are original. Everything here is one pass over its inputs, which are sorted.
 */
import type {
  Citation, CitationMention, CitationTarget, DefinedTerm, NoticeIdentity, NoticeNumberMention, Span, TermUse,
} from '../model';
import { CHINESE_DOCUMENT_TYPE, ENGLISH_DOCUMENT_TYPE } from './documentTypes';
import type { FoldedMatch, FoldedText } from '../text/folded';
import { lastAtOrBefore, lastStartAtOrBefore } from '../text/search';
import { isTitleQuote, type QuoteSpan } from './quotes';
import { normalizeTitle } from './titles';
import { mergeByStart } from './sortedStreams';

export interface CitationInputs {
  folded: FoldedText;
  /** Sorted; the document's own number marked `own`. */
  numbers: readonly NoticeNumberMention[];
  /** Folded offsets, sorted. */
  quotes: readonly QuoteSpan[];
  definitions: readonly DefinedTerm[];
  /** For each defined term (by key), the phrase it abbreviates, where it has one. */
  abbreviatedPhrases: ReadonlyMap<string, Span>;
  termUses: readonly TermUse[];
  /** The document's own identity: its title in the header is not a citation, and a short name for it is internal. */
  identity: NoticeIdentity | undefined;
  /** Customary short names of built-in notices found by the dictionary (94号文), with the notice's normalised title. */
  knownShortNames: readonly KnownShortName[];
  /** Where CUSTOMARY and ANAPHORA match in the folded text. */
  customaryMatches: readonly FoldedMatch[];
  anaphoraMatches: readonly FoldedMatch[];
}

export interface KnownShortName extends Span {
  text: string;
  title: string;
}

export interface ScannedCitations {
  mentions: CitationMention[];
  citations: Citation[];
  /** The definitions, with `cites` set on short names for notices, `namesThisDocument` on short names for this one. */
  definitions: DefinedTerm[];
  /** The uses of short names for this document. */
  selfNames: Span[];
}

/** A quoted title this close after its number's opening bracket is cited with it: 《…》（银发〔2021〕237号）. */
const NUMBER_AFTER_TITLE = /^\s?[（(]?\s?$/;
const MAX_GAP_BEFORE_NUMBER = 3;
/** 237号文 (a notice); 5号令, 2026年第8号令 (an order, perhaps of a year). */
export const CUSTOMARY = /(?:((?:19|20)\d{2})年第?)?(\d{1,4})号(文(?!件)|令)/g;
/** "the same notice" after a verb of being ("X and Y are the same notice") says what they are, it cites nothing. */
/** The look-behind (not after "is", "was", …) comes after "the": a leading one would be tried at every position. */
export const ANAPHORA = /(?:该|上述|前述)(?:通知|公告|文件)|\b(?:[Tt]he|[Tt]hat)(?<!\b(?:is|are|was|were|be|not) (?:[Tt]he|[Tt]hat)) (?:same|said|aforesaid|aforementioned|above-mentioned) (?:[Nn]otice|[Cc]ircular|[Aa]nnouncement|document)\b/g;

export function scanCitations(inputs: CitationInputs): ScannedCitations {
  const titles = mergeByStart([titleMentions(inputs), unquotedTitleMentions(inputs)]);
  const definitions = inputs.definitions.map((term) => withCitedNotice(term, inputs, titles));
  const shortNames = shortNameMentions(definitions, inputs.termUses);
  const customary = customaryMentions(inputs, shortNames);
  const byNumber = inputs.numbers.filter((number) => !number.own).map((number): Citation => ({
    start: number.start, end: number.end, via: 'number', target: { kind: 'number', number }, inRepealSentence: false,
  }));
  const withoutNumber = (mentions: CitationMention[]) => mentions.filter((mention) => !mention.withNumber).map(toCitation);
  const direct = mergeByStart([byNumber, withoutNumber(titles), withoutNumber(shortNames), withoutNumber(customary)]);
  const anaphora = anaphoraMentions(inputs.folded, inputs.anaphoraMatches, direct);
  const citations = mergeByStart([direct, anaphora.map(toCitation)]);
  const mentions = mergeByStart([titles, shortNames, customary, anaphora]);
  const selfKeys = new Set(definitions.filter((term) => term.namesThisDocument).map((term) => term.key));
  const selfNames = selfKeys.size === 0 ? [] : inputs.termUses.filter((use) => selfKeys.has(use.key));
  return { mentions, citations, definitions, selfNames };
}

function toCitation(mention: CitationMention): Citation {
  return { start: mention.start, end: mention.end, via: mention.via, target: mention.target, inRepealSentence: false };
}

/** Quoted titles: 《…》 always, other quotes when what they hold reads as a title ("Notice on …", “…办法”). */
function titleMentions(inputs: CitationInputs): CitationMention[] {
  const { folded, numbers, termUses } = inputs;
  // Term uses are many and sorted (searched); definitions are few.
  const definitionStarts = new Set(inputs.definitions.map((term) => term.span.start));
  const startsTerm = (offset: number) => definitionStarts.has(offset) || termUses[lastStartAtOrBefore(termUses, offset)]?.start === offset;
  const found: CitationMention[] = [];
  // A document quotes the same few titles over and over: each is normalised once.
  const normalized = new Map<string, string | undefined>();
  for (const quote of inputs.quotes) {
    const inner = folded.text.slice(quote.start + 1, quote.end - 1);
    if (quote.kind === 'quote' && !isTitleQuote(inner)) continue;
    const range = folded.originalRange(quote.start, quote.end);
    const innerStart = folded.originOf(quote.start + 1);
    // A quoted defined term ("the "Regulations"", 《条例》 defined as a short name) is a use of the term.
    if (startsTerm(innerStart) || startsTerm(range.start) || isInside(range, inputs.identity?.title?.span)) continue;
    if (!normalized.has(inner)) normalized.set(inner, normalizeTitle(inner));
    const title = normalized.get(inner);
    if (!title || !isSpecificEnough(inner)) continue;
    const text = folded.source.slice(range.start, range.end);
    const number = numberRightAfter(folded.source, numbers, range.end);
    const target: CitationTarget = number ? { kind: 'number', number } : { kind: 'title', title, text: inner };
    const mention: CitationMention = { kind: 'citation', start: range.start, end: range.end, text, via: 'title', target };
    if (number) mention.withNumber = true;
    found.push(mention);
  }
  return found;
}

/** The lower-case words an English title is written with between its capitalised ones. */
const TITLE_CONNECTORS = new Set(['of', 'and', 'on', 'for', 'the', 'to', 'with', 'in', 'concerning', 'regarding', 'against', 'by', 'at', 'from', 'under', 'its', 'their', 'a', 'an', 'or', 'other']);
const TITLE_WORD = /^[A-Z0-9][\w'’-]*,?$/;
const STARTS_AS_TITLE = new RegExp(`^(?:(?:Administrative|Interim|Provisional|Guiding|Implementing) )?(?:${ENGLISH_DOCUMENT_TYPE})$`);
/** How far back from its number an unquoted title may start: the longest titles name eight issuers. */
const MAX_TITLE_WORDS = 60;

/**
 * English titles cited unquoted with their number: "the Notice on Regulating … (Yinfa [2024] No. 15)". The run of
 * title words before the parenthesis, from a word naming a kind of document. Such a title is a citation of the
 * number, and teaches the workspace the title.
 */
function unquotedTitleMentions(inputs: CitationInputs): CitationMention[] {
  const source = inputs.folded.source;
  const found: CitationMention[] = [];
  for (const number of inputs.numbers) {
    if (number.own || number.language !== 'en') continue;
    const open = /\(\s*$/.exec(source.slice(Math.max(0, number.start - 3), number.start));
    if (!open) continue;
    const words = titleWordsBefore(source, number.start - open[0].length);
    const first = words.findIndex((word) => STARTS_AS_TITLE.test(word.text.replace(/,$/, '')));
    if (first < 0 || words.length - first < 3) continue;
    const start = words[first]!.start;
    const end = words[words.length - 1]!.end;
    if (isInside({ start, end }, inputs.identity?.title?.span)) continue;
    const text = source.slice(start, end);
    if (!normalizeTitle(text)) continue;
    found.push({ kind: 'citation', start, end, text, via: 'title', target: { kind: 'number', number }, withNumber: true });
  }
  return found;
}

/** The title-like words (capitalised, or connectors) that end just before `end`, in reading order. */
function titleWordsBefore(source: string, end: number): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  let position = end;
  while (words.length < MAX_TITLE_WORDS) {
    while (position > 0 && /\s/.test(source[position - 1]!)) position--;
    let start = position;
    while (start > 0 && /[\w'’,-]/.test(source[start - 1]!)) start--;
    const text = source.slice(start, position);
    if (text.length === 0 || !(TITLE_WORD.test(text) || TITLE_CONNECTORS.has(text.replace(/,$/, '')))) break;
    words.unshift({ text, start, end: position });
    position = start;
  }
  return words;
}

/** A title of one or two Latin words ("Rules", "Annual Report") names no particular document. */
function isSpecificEnough(inner: string): boolean {
  return /[\u4e00-\u9fff]/.test(inner) || inner.trim().split(/\s+/).length >= 3;
}

function isInside(range: Span, outer: Span | undefined): boolean {
  return outer !== undefined && range.start >= outer.start && range.end <= outer.end;
}

/** The number that opens within a few characters after `end` (across "（" or " ("), if any. */
function numberRightAfter(source: string, numbers: readonly NoticeNumberMention[], end: number): NoticeNumberMention | undefined {
  const next = numbers[lastAtOrBefore(numbers, end - 1, (number) => number.start) + 1];
  if (!next || next.start - end > MAX_GAP_BEFORE_NUMBER) return undefined;
  return NUMBER_AFTER_TITLE.test(source.slice(end, next.start)) ? next : undefined;
}

/**
 * A defined term whose abbreviated phrase cites a notice is a short name for it: the number in the phrase (or in
 * the parenthesis that defines the term) if there is one, else the title.
 */
function withCitedNotice(term: DefinedTerm, inputs: CitationInputs, titles: readonly CitationMention[]): DefinedTerm {
  const phrase = inputs.abbreviatedPhrases.get(term.key);
  if (!phrase) return term;
  const source = inputs.folded.source;
  const number = lastWithin(inputs.numbers, phrase, term.span.start);
  const title = lastWithin(titles, phrase, term.span.start);
  // 本办法依据银发〔2026〕18号（以下简称《展业通知》）制定: what stands right before the parenthesis is what it names.
  if (number && !number.own && endsPhrase(source, number, phrase)) return { ...term, cites: { kind: 'number', number } };
  if (title && endsPhrase(source, title, phrase)) return { ...term, cites: title.target };
  if (namesThisDocument(source.slice(phrase.start, phrase.end), inputs.identity)) return { ...term, namesThisDocument: true };
  if (number && !number.own) return { ...term, cites: { kind: 'number', number } };
  if (title) return { ...term, cites: title.target };
  const unquoted = unquotedTitleEnding(source, phrase);
  return unquoted ? { ...term, cites: unquoted } : term;
}

/**
 * "… of the Measures for the Administration of Client Due Diligence (hereinafter the "CDD Measures")": an English
 * title, unquoted, that ends the phrase a short name abbreviates. It is a citation by title; it resolves when the
 * workspace or the built-in data knows that title.
 */
function unquotedTitleEnding(source: string, phrase: Span): CitationTarget | undefined {
  const words = titleWordsBefore(source, phrase.end).filter((word) => word.start >= phrase.start);
  const first = words.findIndex((word) => STARTS_AS_TITLE.test(word.text.replace(/,$/, '')));
  if (first < 0 || words.length - first < 3) return undefined;
  const text = source.slice(words[first]!.start, words[words.length - 1]!.end);
  const title = normalizeTitle(text);
  return title ? { kind: 'title', title, text } : undefined;
}

/** Whether a citation ends the phrase a short name abbreviates: nothing but spaces and closing brackets after it. */
function endsPhrase(source: string, cited: Span, phrase: Span): boolean {
  return cited.end <= phrase.end && /^[\s）)》"”]*$/.test(source.slice(cited.end, phrase.end));
}

const THIS_DOCUMENT = new RegExp(`\\b(?:this|these|the present) (?:${ENGLISH_DOCUMENT_TYPE})\\b|本(?:${CHINESE_DOCUMENT_TYPE})`, 'i');

/** "these Measures", 本办法, or the document's own title (the rules an order issues): the document itself. */
function namesThisDocument(phrase: string, identity: NoticeIdentity | undefined): boolean {
  if (THIS_DOCUMENT.test(phrase)) return true;
  const normalized = normalizeTitle(phrase);
  const own = [...(identity?.title ? [identity.title.normalized] : []), ...(identity?.alsoTitled ?? [])];
  return normalized !== undefined && own.some((title) => normalized.endsWith(title));
}

/**
 * The last of `spans` (sorted) that ends inside `phrase` or after it, before `end`. A number may begin before the
 * phrase: a phrase never reaches back over a line break, and "Huifa [2022]⏎No. 11 (hereinafter …)" wraps inside it.
 */
function lastWithin<T extends Span>(spans: readonly T[], phrase: Span, end: number): T | undefined {
  for (let i = lastAtOrBefore(spans, end - 1, (span) => span.start); i >= 0 && spans[i]!.end > phrase.start; i--) {
    if (spans[i]!.end <= end) return spans[i];
  }
  return undefined;
}

function shortNameMentions(definitions: readonly DefinedTerm[], uses: readonly TermUse[]): CitationMention[] {
  const cited = new Map(definitions.flatMap((term) => (term.cites ? [[term.key, term.cites] as const] : [])));
  if (cited.size === 0) return [];
  const found: CitationMention[] = [];
  for (const use of uses) {
    const target = cited.get(use.key);
    if (target) found.push({ kind: 'citation', start: use.start, end: use.end, text: use.text, via: 'shortName', target });
  }
  return found;
}

/**
 * Customary short names: those the built-in data lists (94号文, for a notice without a number), and any serial with
 * 号文 (237号文) that is not part of a full number nor a short name the document defines.
 */
function customaryMentions(inputs: CitationInputs, shortNames: readonly CitationMention[]): CitationMention[] {
  const { folded } = inputs;
  // 94号文 inside 银发〔2026〕94号文 is the number's: a short name is never part of a full number or a defined short name.
  const known = inputs.knownShortNames.filter((name) => !overlaps(shortNames, name) && !overlaps(inputs.numbers, name)).map((name): CitationMention => ({
    kind: 'citation', start: name.start, end: name.end, text: name.text, via: 'customary', target: { kind: 'title', title: name.title, text: name.text },
  }));
  const taken = [...inputs.numbers, ...shortNames, ...known].sort((a, b) => a.start - b.start);
  const found: CitationMention[] = [...known];
  for (const match of inputs.customaryMatches) {
    const before = folded.text[match.start - 1];
    if (before !== undefined && /[\d〕\]）)］]/.test(before)) continue;
    const range = folded.originalRange(match.start, match.end);
    if (overlaps(taken, range)) continue;
    const text = folded.source.slice(range.start, range.end);
    const [year, serial, kind] = match.groups;
    const target: CitationTarget = { kind: 'serial', serial: Number(serial), text };
    if (kind === '令') target.order = true;
    if (year !== undefined) target.year = Number(year);
    found.push({ kind: 'citation', ...range, text, via: 'customary', target });
  }
  return found.sort((a, b) => a.start - b.start);
}

function overlaps(sorted: readonly Span[], range: Span): boolean {
  const index = lastAtOrBefore(sorted, range.end - 1, (span) => span.start);
  return index >= 0 && sorted[index]!.end > range.start;
}

/** "the same notice", 该通知: whatever the last citation before it cites. */
function anaphoraMentions(folded: FoldedText, matches: readonly FoldedMatch[], direct: readonly Citation[]): CitationMention[] {
  const found: CitationMention[] = [];
  // "The same notice" stands for the citation before it: none before the first one stands for anything.
  if (direct.length === 0) return found;
  const from = folded.foldedAtOrAfter(direct[0]!.end);
  for (let i = lastAtOrBefore(matches, from - 1, (match) => match.start) + 1; i < matches.length; i++) {
    const match = matches[i]!;
    const range = folded.originalRange(match.start, match.end);
    const previous = direct[lastAtOrBefore(direct, range.start - 1, (citation) => citation.start)];
    if (!previous || previous.end > range.start) continue;
    found.push({ kind: 'citation', ...range, text: folded.source.slice(range.start, range.end), via: 'anaphora', target: previous.target });
  }
  return found;
}
