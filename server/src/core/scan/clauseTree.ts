/**
 * Builds the clause tree from the labels at line starts, in one pass with a stack of open clauses, and reports
 * numbering gaps, duplicates, order errors and style switches.
 *
 * Placement of a new label, first rule that applies:
 *  1. it continues an open sequence of its own style (value = open value + 1): sibling there;
 *  2. it continues an open sequence of another style of the same shape ((IV) then (5)): sibling, style switch;
 *  3. its style is open: sibling there (a gap, duplicate or order problem);
 *  4. structural labels (编 章 节 条, Part, Chapter, Section, Article, §) close every list and every deeper structure;
 *     list labels close open lists that rank below them by convention (一、 > （一） > 1. > （1）; I. > (I));
 *  5. otherwise it opens a new level under the innermost open clause.
 */
import type { Clause, ClauseKind, LabelStyle, Problem, Span } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { isHan, isHighSurrogate, isInvisible, isSpace } from '../text/chars';
import { formatLabel, labelMatch, matchClauseLabel, mayStartLabel, type LabelMatch } from './clauseLabels';
import { CHINESE_DOCUMENT_TYPE } from './documentTypes';

const STRUCTURAL_RANK: Partial<Record<LabelStyle, number>> = {
  'zh-part': 0, 'en-part': 0,
  'zh-chapter': 1, 'en-chapter': 1,
  'zh-section': 2, 'en-section': 2,
  'zh-article': 3, 'en-article': 3, 'section-sign': 3,
};

const LIST_RANK: Partial<Record<LabelStyle, number>> = {
  'zh-dot': 4, 'roman-dot': 4,
  'zh-paren': 5, 'paren-roman': 5,
  'arabic-dot': 6,
  'paren-arabic': 7,
};

type Shape = 'paren' | 'dot' | 'structure';

function shapeOf(style: LabelStyle): Shape {
  if (style.startsWith('paren') || style === 'zh-paren') return 'paren';
  if (style.endsWith('dot')) return 'dot';
  return 'structure';
}

/** Styles whose numbers are not expected to run 1, 2, 3 (codified sections keep their historical numbers). */
export const UNSEQUENCED: ReadonlySet<LabelStyle> = new Set(['section-sign']);

/** A title is a short first sentence; a label's whole line (a heading) may be longer. */
const TITLE_MAX = 60;
const HEADING_MAX = 120;
const SENTENCE_MAX = 300;

export interface ClauseTree {
  clauses: Clause[];
  roots: number[];
  problems: Problem[];
}

interface Builder {
  text: string;
  lines: LineIndex;
  clauses: Clause[];
  roots: number[];
  problems: Problem[];
  stack: number[];
  /** The last clause of each style: laws number articles straight through chapters, notices （一）…（十六） through parts. */
  lastOfStyle: Map<string, Clause>;
  /** The last clause at each depth, for sequences that switch style across parents ((IV) under I., (5) under II.). */
  lastAtDepth: Map<number, Clause>;
  /** A plain paragraph has followed a closed sentence since the last label: a list after it may start again at 1. */
  paragraphSinceLabel: boolean;
}

export function buildClauseTree(text: string, lines: LineIndex): ClauseTree {
  const builder: Builder = { text, lines, clauses: [], roots: [], problems: [], stack: [], lastOfStyle: new Map(), lastAtDepth: new Map(), paragraphSinceLabel: false };
  let previousClosesSentence = false;
  let previousLine = -1;
  // A clause's title may come from the next line: it is described once that line has been read.
  let undescribed: Clause | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const first = firstNonSpace(text, start, end);
    // Only a line that begins like a label is matched: most lines are prose.
    const found = first < end && mayStartLabel(text.charCodeAt(first)) ? matchClauseLabel(text, start, end) : undefined;
    if (undescribed) describeClause(builder, undescribed, first < end && !found ? { start: first, end } : undefined);
    undescribed = undefined;
    if (first === end) continue;
    const label = found && !continuesCitation(text, lines, previousLine) ? found : undefined;
    if (label) {
      undescribed = addClause(builder, line, letterInSequence(builder, label, text.slice(start + label.start, start + label.end)));
      builder.paragraphSinceLabel = false;
    } else if (previousClosesSentence) {
      builder.paragraphSinceLabel = true;
    }
    previousClosesSentence = closesSentence(text, start, end);
    previousLine = line;
  }
  if (undescribed) describeClause(builder, undescribed, undefined);
  closeUntil(builder, 0, text.length);
  return { clauses: builder.clauses, roots: builder.roots, problems: builder.problems };
}

/**
 * A line that ends "… under Clause" or "依照本办法": the next line's "(III)" or "第五条" continues the citation.
 * ("… the basic rules" 基本规则 ends in 本规则 but cites nothing: only a verb of citing counts.)
 */
const ENDS_WITH_CITATION_WORD = new RegExp(
  '(?:\\b(?:under|with|in|of|to|by|see|per|and|or) (?:Clauses?|Items?|Articles?|Sections?|Paragraphs?|Parts?|Chapters?)' +
  `|(?:依照|按照|根据|依据|参照|违反)(?:本(?:${CHINESE_DOCUMENT_TYPE}|条))?|第)\\s*$`);

/** The longest ending ENDS_WITH_CITATION_WORD looks for ("with Subparagraphs" and its spaces) fits in this. */
const CITATION_WORD_REACH = 48;

function continuesCitation(text: string, lines: LineIndex, previousLine: number): boolean {
  if (previousLine < 0) return false;
  const start = lines.lineStart(previousLine);
  const end = trimEnd(text, lines.lineEnd(previousLine));
  // Every ending ENDS_WITH_CITATION_WORD looks for ends in a Latin letter or a Han character: most lines end otherwise.
  const last = end > start ? text.charCodeAt(end - 1) : 0;
  if (!isHan(last) && !((last | 0x20) >= 0x61 && (last | 0x20) <= 0x7a)) return false;
  return ENDS_WITH_CITATION_WORD.test(text.slice(Math.max(start, end - CITATION_WORD_REACH), end));
}

function firstNonSpace(text: string, start: number, end: number): number {
  let index = start;
  while (index < end && (isSpace(text.charCodeAt(index)) || isInvisible(text.charCodeAt(index)))) index++;
  return index;
}

/** What CLOSES_SENTENCE says of a line, read from its last character that is not a space. */
function closesSentence(text: string, start: number, end: number): boolean {
  let index = end - 1;
  while (index >= start && isSpace(text.charCodeAt(index))) index--;
  const code = text.charCodeAt(index);
  return index >= start && (code === 0x3002 || code === 0x2e || code === 0xff1b || code === 0x3b);
}

/** (I) after (H) is the letter I, and (v) after (u) the letter v: Roman-looking letters continue a letter list. */
function letterInSequence(builder: Builder, label: LabelMatch, labelText: string): LabelMatch {
  const letter = /^\(([IVXivx])\)$/.exec(labelText.trim())?.[1];
  if (!letter) return label;
  const style: LabelStyle = letter === letter.toUpperCase() ? 'paren-upper-alpha' : 'paren-lower-alpha';
  const value = letter.toLowerCase().charCodeAt(0) - 96;
  const continues = builder.stack.some((id) => builder.clauses[id]!.style === style && builder.clauses[id]!.value === value - 1);
  return continues ? labelMatch(style, 'item', value, label.insertion, label.start, label.end) : label;
}

function addClause(builder: Builder, line: number, found: LabelMatch): Clause {
  const lineStart = builder.lines.lineStart(line);
  const { clauses, stack } = builder;
  let label = found;
  const siblingIndex = findSiblingLevel(clauses, stack, label);
  if (siblingIndex !== undefined) {
    const previous = clauses[stack[siblingIndex]!]!;
    // (5) after (IV) is a clause like (IV), whatever its style would make it alone.
    label = withKind(label, previous.kind);
    closeUntil(builder, siblingIndex, lineStart);
    // 第三条 甲：（一）…（二）…。乙：（一）…: a paragraph's own list numbers from 1 again.
    const restartsAfterParagraph = label.value === 1 && label.style === previous.style && builder.paragraphSinceLabel;
    if (!restartsAfterParagraph) checkSequence(builder, previous, label, lineStart);
  } else {
    closeUntil(builder, nestingLevel(clauses, stack, label), lineStart);
    const parent = stack.length > 0 ? clauses[stack[stack.length - 1]!] : undefined;
    const continued = checkFirstChild(builder, parent, label, lineStart);
    if (continued) label = withKind(label, continued.kind);
  }
  const parentId = stack.length > 0 ? stack[stack.length - 1] : undefined;
  const clause = createClause(builder, line, label, parentId);
  clauses.push(clause);
  builder.lastOfStyle.set(clause.style, clause);
  builder.lastAtDepth.set(clause.depth, clause);
  if (parentId === undefined) builder.roots.push(clause.id);
  else clauses[parentId]!.children.push(clause.id);
  stack.push(clause.id);
  return clause;
}

function withKind(label: LabelMatch, kind: ClauseKind): LabelMatch {
  return labelMatch(label.style, kind, label.value, label.insertion, label.start, label.end);
}

/** Index in the stack of the open clause the new label continues, per rules 1 to 3. */
function findSiblingLevel(clauses: Clause[], stack: number[], label: LabelMatch): number | undefined {
  const continues = (index: number, sameStyle: boolean): boolean => {
    const open = clauses[stack[index]!]!;
    if (UNSEQUENCED.has(label.style) && open.style === label.style) return true;
    const styleFits = sameStyle ? open.style === label.style
      : open.style !== label.style && shapeOf(open.style) === shapeOf(label.style) && shapeOf(label.style) !== 'structure' && label.value > 1;
    return styleFits && open.value + 1 === label.value;
  };
  for (let i = stack.length - 1; i >= 0; i--) if (continues(i, true)) return i;
  for (let i = stack.length - 1; i >= 0; i--) if (continues(i, false)) return i;
  for (let i = stack.length - 1; i >= 0; i--) if (clauses[stack[i]!]!.style === label.style) return i;
  return undefined;
}

/** How many open clauses stay open when the label opens a new level (rules 4 and 5). */
function nestingLevel(clauses: Clause[], stack: number[], label: LabelMatch): number {
  const structural = STRUCTURAL_RANK[label.style];
  const listRank = LIST_RANK[label.style];
  let keep = stack.length;
  while (keep > 0) {
    const open = clauses[stack[keep - 1]!]!;
    const openStructural = STRUCTURAL_RANK[open.style];
    const openList = LIST_RANK[open.style];
    const closes = structural !== undefined
      ? openStructural === undefined || openStructural >= structural
      : openStructural === undefined && listRank !== undefined && openList !== undefined && openList >= listRank;
    if (!closes) break;
    keep--;
  }
  return keep;
}

/** Closes the open clauses above stack depth `keep`; they end where line `endOffset` starts. */
function closeUntil(builder: Builder, keep: number, endOffset: number): void {
  const end = trimEnd(builder.text, endOffset);
  while (builder.stack.length > keep) {
    const clause = builder.clauses[builder.stack.pop()!]!;
    clause.span.end = Math.max(end, clause.labelSpan.end);
  }
}

function trimEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function createClause(builder: Builder, line: number, label: LabelMatch, parent: number | undefined): Clause {
  const lineStart = builder.lines.lineStart(line);
  const labelText = builder.text.slice(lineStart + label.start, lineStart + label.end).trim();
  const clause: Clause = {
    id: builder.clauses.length,
    label: labelText,
    style: label.style,
    kind: label.kind,
    value: label.value,
    labelSpan: { start: lineStart + label.start, end: lineStart + label.start + labelText.length },
    title: '',
    firstSentence: '',
    span: { start: lineStart, end: builder.lines.lineEnd(line) },
    parent,
    children: [],
    depth: parent === undefined ? 0 : builder.clauses[parent]!.depth + 1,
  };
  // Set only where there is one (rare), so that the common shape has no such field.
  if (label.insertion) clause.insertion = label.insertion;
  return clause;
}

/**
 * How much text after a label its title and first sentence can need: the first sentence is cut at SENTENCE_MAX, and
 * every decision about the title is made within it. Reading no further keeps a label on a line of megabytes cheap.
 */
const DESCRIPTION_WINDOW = SENTENCE_MAX + 1;

/**
 * Sets the clause's title and first sentence, from the text after its label, or from the next line (`nextText`, the
 * line's text after its leading spaces, when it is prose: not blank, no label) if the label stands alone or its
 * first sentence is wrapped.
 */
function describeClause(builder: Builder, clause: Clause, nextText: Span | undefined): void {
  const { text } = builder;
  const lineEnd = clause.span.end;
  let bodyStart = clause.labelSpan.end;
  while (bodyStart < lineEnd && isLabelPunctuationOrSpace(text.charCodeAt(bodyStart))) bodyStart++;
  let body = text.slice(bodyStart, Math.min(lineEnd, bodyStart + DESCRIPTION_WINDOW));
  let sentenceEnd = firstSentenceEnd(body);
  if ((body.length === 0 || sentenceEnd < 0) && nextText) {
    body = joinWrapped(body, text.slice(nextText.start, Math.min(nextText.end, nextText.start + DESCRIPTION_WINDOW)).trim());
    sentenceEnd = firstSentenceEnd(body);
  }
  const sentence = sentenceEnd < 0 ? body : body.slice(0, sentenceEnd);
  clause.firstSentence = truncate(sentenceEnd < 0 ? body : body.slice(0, sentenceEnd + 1), SENTENCE_MAX);
  // A line without a sentence end, followed by nothing or a label, is a heading: it may be longer.
  const isHeading = sentenceEnd < 0 && !nextText;
  const limit = isHeading ? HEADING_MAX : TITLE_MAX;
  clause.title = sentence.length <= limit ? sentence.trim() : truncate(sentence, TITLE_MAX);
}

/** What stands between a label and its text: spaces, and the punctuation of 一、 or "1:". */
function isLabelPunctuationOrSpace(code: number): boolean {
  return isSpace(code) || code === 0x2e || code === 0xff0e || code === 0x3a || code === 0xff1a || code === 0x3001;
}

/** Joins a line wrapped mid-sentence to the next: with a space between Latin words, with nothing between CJK. */
function joinWrapped(first: string, second: string): string {
  if (first.length === 0) return second;
  return /[A-Za-z0-9,;]$/.test(first) && /^[A-Za-z0-9(]/.test(second) ? `${first} ${second}` : first + second;
}

/** Where the first sentence ends: 。 ！ ？ ； ：, or . ; : before a space, but not the full stop of "No." or "Art.". */
function firstSentenceEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b || code === 0xff1a) return i;
    if ((code === 0x2e || code === 0x3b || code === 0x3a) && (i + 1 === text.length || isSpace(text.charCodeAt(i + 1)))) {
      if (code !== 0x2e || !ABBREVIATION_BEFORE_STOP.test(text.slice(Math.max(0, i - 5), i))) return i;
    }
  }
  return -1;
}

const ABBREVIATION_BEFORE_STOP = /\b(?:No|Nos|Art|Arts|para|e\.g|i\.e|Co|Ltd|Inc|U\.S|[A-Z])$/;

/** Cuts text to about `max` code units, at a word boundary for Latin text, with an ellipsis; never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text.trim();
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  let cut = text.slice(0, end);
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > max * 0.6 && /[A-Za-z]/.test(cut[max - 1] ?? '')) cut = cut.slice(0, lastSpace);
  return cut.trimEnd() + '…';
}

function checkSequence(builder: Builder, previous: Clause, label: LabelMatch, lineStart: number): void {
  if (UNSEQUENCED.has(label.style)) return;
  if (label.insertion && label.value === previous.value) return;
  // Markdown numbers lists 1. 1. 1. and lets the renderer count: no duplicates there.
  if (label.style === 'arabic-dot' && label.value === 1 && previous.value === 1) return;
  const expected = previous.value + 1;
  const found = labelAt(builder, label, lineStart);
  const expectedSame = formatLabel(previous.style, expected);
  const after = `after ${previous.label} (line ${builder.lines.lineOf(previous.labelSpan.start) + 1})`;
  if (label.value === expected && label.style !== previous.style) {
    report(builder, label, lineStart, 'numbering-style', 'information',
      `Numbering style changes ${after}: expected ${expectedSame}, found ${found}.`);
  } else if (label.value === previous.value) {
    report(builder, label, lineStart, 'numbering-duplicate', 'warning',
      `Duplicate number: ${found} repeats ${previous.label} (line ${builder.lines.lineOf(previous.labelSpan.start) + 1}); expected ${formatLabel(label.style, expected)}.`);
  } else if (label.value > expected) {
    const missing = label.value - expected === 1 ? formatLabel(label.style, expected)
      : `${formatLabel(label.style, expected)} to ${formatLabel(label.style, label.value - 1)}`;
    report(builder, label, lineStart, 'numbering-gap', 'warning',
      `Numbering gap ${after}: expected ${formatLabel(label.style, expected)}, found ${found} (${missing} missing).`);
  } else if (label.value < expected) {
    report(builder, label, lineStart, 'numbering-order', 'warning',
      `Numbering out of order ${after}: expected ${formatLabel(label.style, expected)}, found ${found}.`);
  }
}

/**
 * A first child starts at 1, or continues the numbering of its style from the previous parent, or that of its
 * cousin in another style ((IV) under I., then (5) under II.). Returns the clause whose numbering it continues.
 */
function checkFirstChild(builder: Builder, parent: Clause | undefined, label: LabelMatch, lineStart: number): Clause | undefined {
  if (!parent || label.value === 1 || UNSEQUENCED.has(label.style)) return undefined;
  const previous = builder.lastOfStyle.get(label.style);
  if (label.insertion && previous?.value === label.value) return previous;
  if (previous && label.value === previous.value + 1) return previous;
  const cousin = builder.lastAtDepth.get(parent.depth + 1);
  if (cousin && label.value === cousin.value + 1 && shapeOf(cousin.style) === shapeOf(label.style)) {
    checkSequence(builder, cousin, label, lineStart);
    return cousin;
  }
  const expected = previous ? `${formatLabel(label.style, 1)} or ${formatLabel(label.style, previous.value + 1)}` : formatLabel(label.style, 1);
  report(builder, label, lineStart, 'numbering-gap', 'warning',
    `Numbering under ${parent.label} starts at ${labelAt(builder, label, lineStart)}: expected ${expected}.`);
  return undefined;
}

function labelAt(builder: Builder, label: LabelMatch, lineStart: number): string {
  return builder.text.slice(lineStart + label.start, lineStart + label.end).trim();
}

function report(builder: Builder, label: LabelMatch, lineStart: number, code: Problem['code'], severity: Problem['severity'], message: string): void {
  // Labels such as "3." end in a full stop of their own: "expected 3." not "expected 3..".
  const text = message.replace(/\.\.(?=[\s)]|$)/g, '.');
  builder.problems.push({ start: lineStart + label.start, end: lineStart + label.end, code, severity, message: text });
}
