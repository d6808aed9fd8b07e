/**
 * The pieces of a document the alignment pairs — its preamble and each clause's own text — cut into sentences, with
 * their lengths (characters that are not white space) and anchors.
 */
import type { AnalysedDocument, Clause, LabelStyle, Span } from '../model';
import { isSpace } from '../text/chars';
import { endsSentenceAt } from '../text/sentences';
import { datesIn } from '../scan/dates';
import { lastAtOrBefore } from '../text/search';
import { ANCHOR_KINDS, anchorsInParts, type Anchor } from './anchors';
import { Glossary } from './glossary';
import type { AlignmentUnit } from './types';

export interface Segment {
  span: Span;
  length: number;
  /** Each distinct anchor (`kind:value`) as its id in the pair's `AnchorKeys`, and each one's kind as a bit (1 << index in ANCHOR_KINDS). */
  keys: number[];
  kinds: number[];
}

/** The anchor keys of a document pair as small integers, so that comparing segments is integer work. */
export class AnchorKeys {
  private readonly ids = new Map<string, number>();

  get count(): number {
    return this.ids.size;
  }

  idOf(anchor: Anchor): number {
    return this.idOfKey(anchorKey(anchor));
  }

  /** The key of a piece of text that defines a term (DEFINES_TERM): any definition answers any other. */
  get definition(): number {
    return this.idOfKey('definition');
  }

  /** The key of a concept of the glossary (GLOSS_TERM). */
  idOfConcept(concept: string): number {
    return this.idOfKey(`concept:${concept}`);
  }

  private idOfKey(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, id = this.ids.size);
    return id;
  }
}

/**
 * The kind bit of the key of a definition ("本办法所称主办企业，是指" ↔ "the lead enterprise means"): a defined term's
 * pair is known only once the clauses are aligned, but that both define one is content they share — the clause a
 * translation renumbers is found by it where numbers no longer tell. Compared by the alignment, never by the checks.
 */
const DEFINES_TERM = 1 << ANCHOR_KINDS.length;
const NO_GLOSSARY = new Glossary();

/**
 * The kind bit of a concept of the glossary a segment names (glossary.ts): shared, it counts for a pair, a little; on
 * one side only, or different on the two, it counts for nothing (a translator renders words otherwise).
 */
export const GLOSS_TERM = 1 << (ANCHOR_KINDS.length + 1);

export interface Unit extends Segment {
  unit: AlignmentUnit;
  clause: Clause | undefined;
  sentences: Segment[];
  /** The anchors of the whole span, label included, as the checks compare them. */
  spanAnchors: Anchor[];
  /** Read on first need (a merge or split is judged by them), then kept. */
  cuts: () => Cuts;
}

/**
 * Where a unit's text could be cut in two, for a split or a merge to be judged by: the length (as countLength counts
 * it) before each end of a sentence or phrase (a comma, semicolon or colon), ascending, the end of the text left out;
 * before each "and" that joins two phrases without a comma (`joins`: a looser cut, as "and" joins nouns too);
 * and each anchor (its id in `AnchorKeys`, never a weak one) with the length before it, in text order.
 */
export interface Cuts {
  ends: number[];
  joins: number[];
  keys: number[];
  keyAt: number[];
}

/**
 * The preamble (when it has any text) and every clause, in document order. `titleInPreamble`: a Markdown title (`#
 * Notice of …` on the first line, not numbered) is the preamble's, where the other language's title is plain text (a
 * header is no clause); two such titles are paired as clauses (see markdownTitled).
 */
export function unitsOf(document: AnalysedDocument, keys: AnchorKeys, titleInPreamble = false, glossary = NO_GLOSSARY): Unit[] {
  const { clauses, text } = document;
  const body = titleInPreamble && markdownTitled(document) ? clauses.slice(1) : clauses;
  const first = body[0]?.span.start ?? text.length;
  const preamble = countLength(text, 0, first) > 0 ? [makeUnit(document, { keys, glossary }, undefined, { start: 0, end: first }, 0)] : [];
  const closing = closingBlockStart(document);
  return [...preamble, ...body.map((clause) => {
    const firstChild = clause.children[0];
    // The last clause runs to the end of the text: the signature and date under it are the document's, not its own.
    const end = firstChild === undefined ? Math.min(clause.span.end, Math.max(closing, clause.labelSpan.end)) : clauses[firstChild]!.span.start;
    // A heading's label is its text: it is measured and read like any clause's.
    return makeUnit(document, { keys, glossary }, clause, { start: clause.span.start, end }, clause.style === 'heading' ? clause.labelSpan.start : clause.labelSpan.end);
  })];
}

/** Whether the text opens with an unnumbered Markdown heading: its title. */
export function markdownTitled(document: AnalysedDocument): boolean {
  const clause = document.clauses[0];
  return clause?.style === 'heading' && countLength(document.text, 0, clause.span.start) === 0;
}

/** The most lines a closing block (signatures and a date) holds, and the longest of them, in characters that are not white space. */
const CLOSING_LINES = 10;
const CLOSING_LINE_LENGTH = 80;
/** A line that ends a sentence or a clause is text, not a signature. */
const SENTENCE_END = /[。；！？.;!?：:]\s*$/;
/** What a closing block follows: a blank line or the end of a sentence (not a colon: what follows one is its content). */
const PARAGRAPH_END = /(?:^|[。；！？.;!?])\s*$/;
/** The printing office's footer under a Chinese notice (联系人 …, 中国人民银行办公厅 2019年3月29日印发): a closing block, not a signature. */
const FOOTER = /印发|抄送|联系人|联系电话|共印/;

/**
 * Where the document's closing block starts: the lines after the last clause's label, after a blank line or the end
 * of a sentence, that only sign and date it (中国人民银行 国家外汇管理局 / 2026年1月8日, "People's Bank of China / January 8,
 * 2026", or the printing office's footer): short, no sentence end, holding an agency or a date. The text's length
 * when there is none. A translation signs where its original does, so these lines would otherwise give the last
 * clause anchors (agencies, the date) that make another clause look like a part of it.
 */
function closingBlockStart(document: AnalysedDocument): number {
  const { text, lines, clauses } = document;
  const lastClause = clauses.at(-1);
  const labelLine = lastClause ? lines.lineOf(lastClause.labelSpan.start) : 0;
  let line = lines.lineCount - 1;
  while (line > labelLine && lines.lineText(line).trim() === '') line--;
  const last = line;
  while (line > labelLine && last - line < CLOSING_LINES && isSignatureLine(lines.lineText(line))) line--;
  if (line === last || !PARAGRAPH_END.test(lines.lineText(line))) return text.length;
  const start = lines.lineStart(line + 1);
  const signs = document.agencies.some((agency) => agency.start >= start) || datesIn(text.slice(start)).length > 0;
  return signs ? start : text.length;
}

/**
 * The document's signature (closingBlockStart) without the white space around it, when it has clauses (its anchors
 * are then in no unit, and the checks compare them on their own) and the block is no printing footer (its date is
 * the printing's, which a translation leaves out).
 */
export function closingBlockOf(document: AnalysedDocument): Span | undefined {
  const start = closingBlockStart(document);
  if (document.clauses.length === 0 || start >= document.text.length || FOOTER.test(document.text.slice(start))) return undefined;
  return trim(document.text, start, document.text.length);
}

function isSignatureLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && countLength(trimmed, 0, trimmed.length) <= CLOSING_LINE_LENGTH && !SENTENCE_END.test(trimmed);
}

/**
 * How a unit is named: its clause's label, or for a Markdown heading without a number its whole line (the clause's
 * label is cut at a length), without the closing hashes and emphasis.
 */
function labelOf(text: string, clause: Clause | undefined): string {
  if (!clause) return 'preamble';
  if (clause.style !== 'heading') return clause.label;
  const lineEnd = text.indexOf('\n', clause.labelSpan.start);
  return text.slice(clause.labelSpan.start, lineEnd < 0 ? text.length : lineEnd).replace(/(?:[ \t]+#+|[ \t]*(?:\*\*|__))*[ \t]*\r?$/, '');
}

function makeUnit(document: AnalysedDocument, { keys, glossary }: { keys: AnchorKeys; glossary: Glossary }, clause: Clause | undefined, span: Span, textStart: number): Unit {
  const spans = sentenceSpans(document.text, { start: Math.max(span.start, textStart), end: span.end });
  const anchors = anchorsInParts(document, span, spans);
  const sentences = spans.map((sentence, index): Segment => ({
    span: sentence, length: countLength(document.text, sentence.start, sentence.end),
    ...keysOf(keys, anchors.parts[index]!, definesTerm(document, sentence), glossary.conceptsIn(document.text, sentence.start, sentence.end)),
  }));
  return {
    span, length: sentences.reduce((sum, sentence) => sum + sentence.length, 0), ...unionOfKeys(sentences),
    unit: { clause: clause?.id, label: labelOf(document.text, clause), span }, clause, sentences, spanAnchors: anchors.anchors,
    cuts: once(() => cutsOf(document.text, spans, anchors.parts, keys)),
  };
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** Ends of phrases: a comma, semicolon or colon (not one between digits, as in 500,000 or 10:30). */
const PHRASE_ENDS: ReadonlySet<number> = new Set([...'，,；;：:'].map((char) => char.charCodeAt(0)));
/**
 * "and" without a comma before it: where a translation that merges two clauses in one sentence may divide them
 * ("… at least once a year and submit the report within thirty days …").
 */
const JOINING_WORD = /\sand\s/y;

function joinsAt(text: string, at: number): boolean {
  JOINING_WORD.lastIndex = at;
  return JOINING_WORD.test(text);
}

/** The cuts of a unit's `sentences`, whose anchors are `parts` (each sentence's, as anchorsInParts gives them). */
function cutsOf(text: string, sentences: readonly Span[], parts: readonly (readonly Anchor[])[], keys: AnchorKeys): Cuts {
  const cuts: Cuts = { ends: [], joins: [], keys: [], keyAt: [] };
  let length = 0;
  sentences.forEach((sentence, index) => {
    const anchors = parts[index]!.filter((anchor) => !anchor.weak).sort((a, b) => a.start - b.start);
    let next = 0;
    for (let at = sentence.start; at < sentence.end; at++) {
      for (; next < anchors.length && anchors[next]!.start <= at; next++) {
        cuts.keys.push(keys.idOf(anchors[next]!));
        cuts.keyAt.push(length);
      }
      const code = text.charCodeAt(at);
      if (isWhiteSpace(code)) {
        if (text.charCodeAt(at + 1) === 0x61 && joinsAt(text, at) && cuts.ends.at(-1) !== length) cuts.joins.push(length);
        continue;
      }
      length++;
      if (PHRASE_ENDS.has(code) && !(isDigit(text.charCodeAt(at - 1)) && isDigit(text.charCodeAt(at + 1)))) cuts.ends.push(length);
    }
    if (cuts.ends.at(-1) !== length) cuts.ends.push(length);
  });
  cuts.ends.pop();
  return cuts;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The sentences of a stretch of text, without the white space around them. */
function sentenceSpans(text: string, span: Span): Span[] {
  const sentences: Span[] = [];
  let start = span.start;
  for (let index = span.start; index < span.end; index++) {
    if (index === span.end - 1 || endsSentenceAt(text, index)) {
      const trimmed = trim(text, start, index + 1);
      if (trimmed) sentences.push(trimmed);
      start = index + 1;
    }
  }
  return sentences;
}

/**
 * The distinct keys of some anchors, with their kinds, the key of a definition when `defines`, and those of the
 * glossary's `concepts`; weak anchors are not compared.
 */
function keysOf(keys: AnchorKeys, anchors: readonly Anchor[], defines: boolean, concepts: readonly string[]): Pick<Segment, 'keys' | 'kinds'> {
  const ids = new Set<number>();
  const kinds: number[] = [];
  for (const anchor of anchors) {
    if (anchor.weak) continue;
    const id = keys.idOf(anchor);
    if (ids.has(id)) continue;
    ids.add(id);
    kinds.push(1 << ANCHOR_KINDS.indexOf(anchor.kind));
  }
  if (defines) {
    ids.add(keys.definition);
    kinds.push(DEFINES_TERM);
  }
  for (const concept of concepts) {
    ids.add(keys.idOfConcept(concept));
    kinds.push(GLOSS_TERM);
  }
  return { keys: [...ids], kinds };
}

/** Whether a term is defined in `span` (a short name for a notice or for the document itself is no definition of a term). */
function definesTerm(document: AnalysedDocument, span: Span): boolean {
  const { definitions } = document;
  for (let i = lastAtOrBefore(definitions, span.start - 1, (item) => item.span.start) + 1; i < definitions.length && definitions[i]!.span.start < span.end; i++) {
    if (!definitions[i]!.cites && !definitions[i]!.namesThisDocument) return true;
  }
  return false;
}

/** The distinct keys of several segments (a clause's sentences), with their kinds. */
function unionOfKeys(parts: readonly Segment[]): Pick<Segment, 'keys' | 'kinds'> {
  const ids = new Set<number>();
  const kinds: number[] = [];
  for (const part of parts) {
    part.keys.forEach((id, index) => {
      if (ids.has(id)) return;
      ids.add(id);
      kinds.push(part.kinds[index]!);
    });
  }
  return { keys: [...ids], kinds };
}

/** The span from the first span's start to the last one's end. */
export function coverSpans(spans: readonly Span[]): Span {
  return { start: spans[0]!.start, end: spans[spans.length - 1]!.end };
}

export function anchorKey(anchor: Anchor): string {
  return `${anchor.kind}:${anchor.value}`;
}

function trim(text: string, start: number, end: number): Span | undefined {
  let from = start;
  let to = end;
  while (from < to && isWhiteSpace(text.charCodeAt(from))) from++;
  while (to > from && isWhiteSpace(text.charCodeAt(to - 1))) to--;
  return from < to ? { start: from, end: to } : undefined;
}

function countLength(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index++) if (!isWhiteSpace(text.charCodeAt(index))) count++;
  return count;
}

/** White space as /\s/ reads it. */
function isWhiteSpace(code: number): boolean {
  return isSpace(code) || code === 0xfeff;
}

/** Label styles that number the same rank in either language: 一、 I. 1. / （一） (I) (5) (a) / 第五条 Article 5 … */
const FAMILY: Record<LabelStyle, string> = {
  'zh-part': 'part', 'en-part': 'part', 'zh-chapter': 'chapter', 'en-chapter': 'chapter', 'zh-section': 'section', 'en-section': 'section',
  'zh-article': 'article', 'en-article': 'article', 'section-sign': 'article',
  'zh-dot': 'dot', 'roman-dot': 'dot', 'arabic-dot': 'dot',
  'zh-paren': 'paren', 'paren-roman': 'paren', 'paren-arabic': 'paren', 'paren-lower-alpha': 'paren', 'paren-upper-alpha': 'paren', 'paren-lower-roman': 'paren',
  decimal: 'decimal', heading: 'heading', annex: 'annex',
};

/** Every rank (rankOf). */
export const RANKS: readonly string[] = [...new Set(Object.values(FAMILY))];

/** A clause's number as compared across languages: its rank (family of label styles) and its number in that rank; none for a heading. */
export function numberOf(clause: Clause | undefined): { rank: string; number: string } | undefined {
  const rank = rankOf(clause);
  if (!clause || !rank) return undefined;
  return { rank, number: `${clause.value} ${clause.insertion ?? 0}${clause.style === 'decimal' ? ` ${clause.label}` : ''}` };
}

/** The rank of a clause's number (numberOf), without the number; none for a heading. */
export function rankOf(clause: Clause | undefined): string | undefined {
  return !clause || clause.style === 'heading' ? undefined : FAMILY[clause.style];
}

/** How two clauses' labels compare: the same number of the same rank, another number, or not comparable. */
export function compareNumbers(a: Clause | undefined, b: Clause | undefined): 'same' | 'different' | 'incomparable' {
  const first = numberOf(a);
  const second = numberOf(b);
  if (!first || !second || first.rank !== second.rank) return 'incomparable';
  return first.number === second.number ? 'same' : 'different';
}
