/**
 * Recognises term definitions in folded text:
 *   (hereinafter referred to as "X")   (the "X")   "X" means …   X refers to …   （以下简称“X”）   X是指…
 *   本办法所称X，是指…
 * Later uses of the terms are found by the document with a phrase matcher built from these definitions.
 * The phrase a term abbreviates never reaches back over a line break: the folded text keeps no line breaks, so
 * `lineBreakBefore` says where they were (a title and an addressee line are not part of the phrase).
 */
import type { DefinedTerm } from '../model';
import { endsSentenceAt } from '../text/sentences';

/** The folded text, and where its line breaks were. */
export interface LinedText {
  readonly text: string;
  /** Whether the original had a line break just before folded offset `offset`. */
  lineBreakBefore(offset: number): boolean;
}

export interface RawDefinition {
  term: string;
  /** Folded offsets of the term where it is defined. */
  start: number;
  end: number;
  definition: string;
  /** Folded range of the phrase the term abbreviates, where the term's own words are no use of it. */
  abbreviates?: { start: number; end: number };
  /** The term stands in quotes where it is defined: its capitals are the drafter's choice. */
  quoted?: boolean;
}

const HEREINAFTER = /[(,;] ?(?:hereinafter|hereafter)\b([^()]{1,90})\)/gi;
const HEREINAFTER_LEAD = /^\s*,?\s*(?:collectively\s+)?(?:(?:referred\s+to|called|known)\s+)?(?:as\s+)?(?:the\s+)?[,:]?\s*/i;
const QUOTED_MEANS = /["“]([^"”\n]{1,60})["”],? (?:means|refers to|shall mean|is defined as|shall refer to)\b/g;
/** "X refers to …": found by the verb; the term is the run of up to eight words before it, at a sentence's start. */
const REFERS = / (?:refers to|shall refer to)\b/g;
const MAX_TERM_WORDS = 8;
const CHINESE_HEREINAFTER = /[（(，,；](?:(?:以下|下文)(?:简称|称|统称|合称)|简称)(?:为)?[：:]?([^（()）\n]{1,30})[）)]/g;
/**
 * ("Platforms"), (the "Bank"), (each, an "Operator"): a quoted name in parentheses right after what it names; also
 * after the number it names, inside the same parenthesis: (Yinfa [2026] No. 18, the "Circular").
 */
const PARENTHESISED_NAME = /\((?:[^()"“”\n]{0,60}?(?:No\.\s*\d+|\d+\s*号)[^()"“”\n]{0,12}?,\s*)?(?:the |each,? (?:an? )?|an? |collectively,? (?:the )?)?["“]([^"”()\n]{1,60})["”]\)/g;
/** Verbs that lead into the phrase a short name abbreviates: 同意境外机构（以下简称“机构”） abbreviates 境外机构. */
const CHINESE_LEAD_VERB = /^(?:同意|批准|核准|对|由|向|将|与|经|按照|依照|根据|关于|各|凡|要求|鼓励|支持)/;
/** Where the phrase a Chinese short name abbreviates begins: after this punctuation. */
const CHINESE_PHRASE_BOUNDARY = /[。；：，、！？（(【“”「」"]/;
/** A clause label or 所谓 in front of a term: 第三条 数字钱包是指 (after a U+3000 space)…, 所谓情节严重，是指… */
const LABEL_BEFORE_TERM = /^(?:第[^条\s]{1,8}条(?:之[一二三四五六七八九十]+)?|[（(][^）)]{1,4}[）)]|[一二三四五六七八九十]+、|\d+[.．、])?(?:所谓)?/;
const CHINESE_IS_DEFINED = /是指/g;
const CHINESE_TERM_BOUNDARY = /[。；：，、！？\n）)】“”「」"]/;
const CHINESE_SCOPE_PREFIX = /^.*?所称/;
const QUOTES = /^["“「‘'\s]+|["”」’'\s.,，。]+$/g;
const MAX_DEFINITION = 240;
const MAX_QUOTED_TERM = 24;

export function scanDefinitions(folded: LinedText): RawDefinition[] {
  const text = folded.text;
  const found = [
    ...hereinafterDefinitions(folded),
    ...parenthesisedNameDefinitions(folded),
    ...quotedMeansDefinitions(text),
    ...plainRefersDefinitions(text),
    ...chineseHereinafterDefinitions(folded),
    ...chineseIsDefinedDefinitions(text),
  ];
  return found.sort((a, b) => a.start - b.start);
}

function hereinafterDefinitions(folded: LinedText): RawDefinition[] {
  const text = folded.text;
  const found: RawDefinition[] = [];
  for (const match of text.matchAll(HEREINAFTER)) {
    const inner = match[1]!;
    const lead = HEREINAFTER_LEAD.exec(inner)![0].length;
    const term = inner.slice(lead).replace(QUOTES, '');
    if (!isPlausibleTerm(term)) continue;
    const innerStart = match.index! + match[0].length - 1 - inner.length;
    const start = innerStart + lead + inner.slice(lead).indexOf(term);
    // "(Order … No. 768, hereinafter referred to as …)": what is defined stands before the parenthesis.
    const definedEnd = match[0].startsWith('(') ? match.index! : openingParenthesisBefore(text, match.index!);
    found.push({ term, start, end: start + term.length, quoted: /["“”]/.test(inner), ...abbreviatedPhrase(folded, definedEnd) });
  }
  return found;
}

function parenthesisedNameDefinitions(folded: LinedText): RawDefinition[] {
  const found: RawDefinition[] = [];
  for (const match of folded.text.matchAll(PARENTHESISED_NAME)) {
    const term = match[1]!.trim();
    if (!isPlausibleTerm(term)) continue;
    const start = match.index! + match[0].indexOf(term);
    found.push({ term, start, end: start + term.length, quoted: true, ...abbreviatedPhrase(folded, match.index!) });
  }
  return found;
}

/** The phrase that ends at `end` (before "(hereinafter …)"), as the definition and as the span no use stands in. */
function abbreviatedPhrase(folded: LinedText, end: number): Pick<RawDefinition, 'definition' | 'abbreviates'> {
  const start = sentenceStart(folded, end);
  return { definition: sentenceWords(folded.text, start, end), abbreviates: { start, end } };
}

function quotedMeansDefinitions(text: string): RawDefinition[] {
  const found: RawDefinition[] = [];
  for (const match of text.matchAll(QUOTED_MEANS)) {
    const term = match[1]!.trim();
    if (!isPlausibleTerm(term)) continue;
    const start = match.index! + 1 + match[1]!.indexOf(term);
    found.push({ term, start, end: start + term.length, quoted: true, definition: sentenceFrom(text, match.index!) });
  }
  return found;
}

function plainRefersDefinitions(text: string): RawDefinition[] {
  const found: RawDefinition[] = [];
  let searchedTo = 0;
  for (const match of text.matchAll(REFERS)) {
    const subjectStart = sentenceSubjectStart(text, match.index!);
    if (subjectStart === undefined || subjectStart < searchedTo) continue;
    searchedTo = match.index! + match[0].length;
    const subject = text.slice(subjectStart, match.index!);
    const term = subject.replace(/^(?:The|A|An) /, '');
    // "Clause II of the Reserve Fund Notice refers to Clause (III) of …" is a cross-reference, not a definition.
    if (!isPlausibleTerm(term) || /^(?:This|That|It|It's|Which|What|(?:Clause|Article|Section|Paragraph|Item|Part|Chapter)s?\b)/.test(term)) continue;
    const start = subjectStart + subject.indexOf(term);
    found.push({ term, start, end: start + term.length, definition: sentenceFrom(text, start) });
  }
  return found;
}

/**
 * Where the subject ending at `end` starts: a run of one to eight words (letters, ' and -) separated by single
 * spaces, capitalised, that begins the text, a line, or a sentence (after ". ", ")" …). Undefined otherwise.
 */
function sentenceSubjectStart(text: string, end: number): number | undefined {
  let start = end;
  for (let words = 0; ; words++) {
    let wordStart = start;
    while (wordStart > 0 && isTermWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
    if (wordStart === start || words === MAX_TERM_WORDS) return undefined;
    start = wordStart;
    if (text.charCodeAt(start - 1) !== 0x20 || !isTermWordChar(text.charCodeAt(start - 2))) break;
    start--;
  }
  const first = text.charCodeAt(start);
  if (first < 0x41 || first > 0x5a) return undefined;
  return startsSentence(text, start) ? start : undefined;
}

function isTermWordChar(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code === 0x27 || code === 0x2d;
}

/** Whether offset `start` follows the start of the text, a line break, ")" or ") ", or ". " (and ; : ! ?). */
function startsSentence(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  if (before === 0x0a || before === 0x29) return true;
  if (before !== 0x20) return false;
  const punctuation = text.charCodeAt(start - 2);
  return punctuation === 0x29 || punctuation === 0x2e || punctuation === 0x3b || punctuation === 0x3a || punctuation === 0x21 || punctuation === 0x3f;
}

function chineseHereinafterDefinitions(folded: LinedText): RawDefinition[] {
  const found: RawDefinition[] = [];
  for (const match of folded.text.matchAll(CHINESE_HEREINAFTER)) {
    const term = match[1]!.replace(QUOTES, '').replace(/^[“"「]|[”"」]$/g, '');
    if (!isPlausibleTerm(term)) continue;
    const start = match.index! + match[0].indexOf(term);
    const end = match.index!;
    const phraseStart = chinesePhraseStart(folded, end);
    found.push({ term, start, end: start + term.length, definition: folded.text.slice(phraseStart, end), abbreviates: { start: phraseStart, end } });
  }
  return found;
}

/** Where the phrase before （以下简称…） begins: 境外机构（以下简称“机构”） abbreviates 境外机构, back to punctuation or a line break. */
function chinesePhraseStart(folded: LinedText, end: number): number {
  let start = end;
  while (start > 0 && end - start < 60 && !CHINESE_PHRASE_BOUNDARY.test(folded.text[start - 1]!) && !folded.lineBreakBefore(start)) start--;
  const phrase = folded.text.slice(start, end);
  return start + (CHINESE_LEAD_VERB.exec(phrase)?.[0].length ?? 0);
}

function chineseIsDefinedDefinitions(text: string): RawDefinition[] {
  const found: RawDefinition[] = [];
  for (const match of text.matchAll(CHINESE_IS_DEFINED)) {
    const anchor = match.index!;
    // "X，是指" puts a comma between the term and the verb.
    const termEnd = /[，,]/.test(text[anchor - 1] ?? '') ? anchor - 1 : anchor;
    const term = quotedTermBefore(text, termEnd) ?? plainTermBefore(text, termEnd);
    if (!term || !isPlausibleTerm(term.text) || term.text.length > 20) continue;
    found.push({ term: term.text, start: term.start, end: term.start + term.text.length, definition: sentenceFrom(text, anchor + 2) });
  }
  return found;
}

/** “数字钱包”是指: the quoted term ending at `end`. */
function quotedTermBefore(text: string, end: number): { text: string; start: number } | undefined {
  const close = text[end - 1];
  const open = close === '”' ? '“' : close === '」' ? '「' : close === '"' ? '"' : undefined;
  if (!open) return undefined;
  // Search back only as far as a term can reach, so a stray quote mark costs nothing on a long text.
  const window = text.slice(Math.max(0, end - MAX_QUOTED_TERM), end - 1);
  const index = window.lastIndexOf(open);
  if (index < 0) return undefined;
  const start = end - 1 - window.length + index;
  return { text: text.slice(start + 1, end - 1), start: start + 1 };
}

/** 本办法所称数字钱包，是指: the phrase back to the previous punctuation, without a 所称 lead-in. */
function plainTermBefore(text: string, end: number): { text: string; start: number } | undefined {
  let start = end;
  while (start > 0 && end - start < 40 && !CHINESE_TERM_BOUNDARY.test(text[start - 1]!)) start--;
  const raw = text.slice(start, end);
  const term = raw.replace(CHINESE_SCOPE_PREFIX, '').replace(LABEL_BEFORE_TERM, '');
  return term.length > 0 ? { text: term, start: start + raw.length - term.length } : undefined;
}

/** A term is a short phrase; a short title in 《》 counts whole (（以下简称《条例》）): its uses keep the marks. */
function isPlausibleTerm(term: string): boolean {
  const bare = /^《[^《》]+》$/.test(term) ? term.slice(1, -1) : term;
  return bare.length >= 2 && term.length <= 60 && !/[()（）《》\n]/.test(bare) && term.split(' ').length <= 8;
}

/** Where the sentence that ends at `end` starts: back to the previous sentence end or line break. */
function sentenceStart(folded: LinedText, end: number): number {
  let start = end;
  while (start > 0 && end - start < MAX_DEFINITION && !endsSentenceAt(folded.text, start - 1) && !folded.lineBreakBefore(start)) start--;
  return start;
}

/** "(Order … No. 768, hereinafter …)": the "(" that opens the parenthesis `comma` stands in. */
function openingParenthesisBefore(text: string, comma: number): number {
  const from = Math.max(0, comma - MAX_DEFINITION);
  const before = text.slice(from, comma);
  const parenthesis = before.lastIndexOf('(');
  return parenthesis >= 0 && !before.includes(')', parenthesis) ? from + parenthesis : comma;
}

/** The words of a sentence, without a clause label in front. */
function sentenceWords(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/^[\s)）]*(?:\([IVXLC\d]+\)|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)?\s*/, '').trim();
}

/** The sentence that starts at `start`, up to its end. */
function sentenceFrom(text: string, start: number): string {
  const rest = text.slice(start, start + MAX_DEFINITION);
  let end = 0;
  while (end < rest.length && !endsSentenceAt(rest, end)) end++;
  return rest.slice(0, end + 1).trim();
}

/** The key a defined term and its uses share. */
function termKey(term: string): string {
  return term.toLowerCase().replace(/[\s-]+/g, ' ');
}

export function toDefinedTerm(raw: RawDefinition, span: { start: number; end: number }): DefinedTerm {
  return { term: raw.term, key: termKey(raw.term), span, definition: raw.definition };
}
