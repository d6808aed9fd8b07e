/**
 * Builds the clause tree from the labels at line starts, in one pass with a stack of open clauses, and reports
 * numbering gaps, duplicates, order errors and style switches.
 *
 * Placement of a new label, first rule that applies:
 *  1. it continues an open sequence of its own style (value = open value + 1): sibling there;
 *  2. it continues an open sequence of another style of the same shape ((IV) then (5)): sibling, style switch;
 *  3. its style is open: sibling there (a gap, duplicate or order problem);
 *  4. structural labels (编 章 节 条, Part, Chapter, Section, Article, §) close every list and every deeper structure,
 *     but for a list item whose line ends in a colon: the articles after it are the text it quotes;
 *     list labels close open lists that rank below them by convention (一、 > （一） > 1. > （1）; I. > (I)), but
 *     not a decimal section (2.1.1), which holds the lists written in it;
 *  5. otherwise it opens a new level under the innermost open clause.
 *
 * Markdown. A heading (`## 3. Risks`, `### （一）适用范围`) and a line of the body (`1. First point`) are two numbering
 * sequences: neither continues, closes nor is reported against the other. A heading nests by its level: it closes
 * every open clause of the body and every deeper heading, keeps the headings above its level, and meets the rules
 * above only among the open headings of its own level (`## 第一章` / `## 第一条`, one level, still nest by rank). An
 * unlabelled heading (`## Background`) closes the body and the headings of its level and deeper, and is a clause of
 * its own (style `heading`, named by its text, in no numbering sequence): the labels after it nest under it. Lines inside a
 * fenced code block hold no labels. Once a heading or a fence has shown the text to be Markdown, a list item indented
 * (with ASCII spaces) two columns or more past an open item is inside it, whatever its style.
 *
 * Attachments. An attachment's heading (附件1, 附件, Annex 2: List of Institutions, `## Annex 1`; what makes one is in
 * clauseLabels.ts) ranks above a part: it closes every open clause of the body and the attachment before, and the
 * labels after it nest under it, their numbering remembered afresh (its 第一条 after the body's 第十二条 is no
 * problem). Numbered headings of one word (附件1, 附件2; 附表 apart) are one sequence, checked as other styles are;
 * an unnumbered one (value 0) is in none, nor is the first. The attachment list is no heading: "附件：" whose next line
 * (in its paragraph) starts with a list label (1. or （1）), and a titled heading next to another titled one ("附件1：…⏎附件2：…").
 * The list's items stay what they were: labels of the body's last clause (the alignment pairs them with the translation's).
 */
import type { ClauseKind, LabelStyle, Problem, ProblemDetail, Span } from '../model';
import { ClauseTable } from './clauseTable';
import { ProblemList } from '../problemList';
import type { LineIndex } from '../text/lineIndex';
import { isSpace } from '../text/chars';
import { firstNonSpace, HEADING_MAX } from './clauseDescription';
import { digitsValue, labelMatch, matchClauseLabel, mayStartLabel, type LabelMatch } from './clauseLabels';
import { CHINESE_DOCUMENT_TYPE, CHINESE_DOCUMENT_TYPE_ENDINGS } from './documentTypes';
import { decimalPath } from '../text/numerals';
import type { BuildSession, BuildState, ClauseTreeCheckpoints, SequenceMemory } from './clauseTreeCheckpoints';

export { truncate } from './clauseDescription';

/** Ranks as maps: read for every label and every open clause it meets (a keyed load of an object is slower). */
const STRUCTURAL_RANK: ReadonlyMap<LabelStyle, number> = new Map([
  ['annex', -1],
  ['zh-part', 0], ['en-part', 0],
  ['zh-chapter', 1], ['en-chapter', 1],
  ['zh-section', 2], ['en-section', 2],
  ['zh-article', 3], ['en-article', 3], ['section-sign', 3],
]);

const LIST_RANK: ReadonlyMap<LabelStyle, number> = new Map([
  ['zh-dot', 4], ['roman-dot', 4],
  ['zh-paren', 5], ['paren-roman', 5],
  ['arabic-dot', 6], ['decimal', 6],
  ['paren-arabic', 7],
]);

type Shape = 'paren' | 'dot' | 'structure';

function shapeOf(style: LabelStyle): Shape {
  let shape = SHAPES.get(style);
  if (shape === undefined) SHAPES.set(style, (shape = style.startsWith('paren') || style === 'zh-paren' ? 'paren' : style.endsWith('dot') ? 'dot' : 'structure'));
  return shape;
}

/** The shape of each style met so far: read for every open clause a label is compared with. */
const SHAPES = new Map<LabelStyle, Shape>();

/** Styles whose numbers are not expected to run 1, 2, 3 (codified sections keep their historical numbers). */
export const UNSEQUENCED: ReadonlySet<LabelStyle> = new Set(['section-sign']);

export interface ClauseTree {
  /** The clauses in columns; `table.clauses` makes them objects when a feature asks. */
  table: ClauseTable;
  /** Numbering problems, in order of offset. */
  problems: ProblemList;
  /** Markdown's fenced code blocks, fences included, in order: they hold no clauses, and no references either. */
  codeBlocks: Span[];
}

interface Builder extends BuildState {
  text: string;
  lines: LineIndex;
  /** The detail of the last problem of each code: a run of duplicates shares one (see report). */
  lastDetails: Map<Problem['code'], ProblemDetail>;
  /** The texts of short labels met so far, each kept once (see shared). */
  labelTexts: Map<string, string>;
  /** The label a problem named last. */
  lastLabel: string;
}

/**
 * `checkpoints`: the document's last build (an open document's, kept in its AnalysisCache): this one resumes from its
 * checkpoint before the first change and takes what it made after the change once the states converge.
 */
export function buildClauseTree(text: string, lines: LineIndex, checkpoints?: ClauseTreeCheckpoints): ClauseTree {
  const session = checkpoints?.session(text, lines);
  const from = session?.start;
  const started = session?.startingTree();
  const builder: Builder = {
    text, lines, table: started?.table ?? new ClauseTable(text, lines), problems: started?.problems ?? new ProblemList(), lastDetails: new Map(),
    stack: [], labelTexts: new Map(), lastLabel: '', memory: [newMemory(), newMemory()], paragraphSinceLabel: false, markdown: false,
    unclosedFences: new Set(), announcing: new Set(),
  };
  if (from) session!.restore(builder, from);
  const codeBlocks: Span[] = started?.codeBlocks ?? [];
  let previousClosesSentence = from?.before.closesSentence ?? false;
  let previousLine = from?.before.line ?? -1;
  // The clause of the line before, whose title may come from this line.
  let undescribed = NONE;
  for (let line = from?.line ?? 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const first = firstNonSpace(text, start, end);
    const fenceEnd = first < end ? closingFenceLine(builder, first, end) : -1;
    if (fenceEnd >= 0) {
      undescribed = NONE;
      builder.markdown = true;
      codeBlocks.push({ start, end: lines.lineEnd(fenceEnd) });
      previousClosesSentence = false;
      previousLine = line = fenceEnd;
      continue;
    }
    // Only a line that begins like a label is matched: most lines are prose.
    const found = first < end && mayStartLabel(text.charCodeAt(first)) ? matchClauseLabel(text, start, end) : undefined;
    // A clause's title may come from the next line, when it is prose.
    if (undescribed !== NONE && first < end && !found && !startsMarkdownBlock(text, first, end)) builder.table.setNextLineProse(undescribed);
    undescribed = NONE;
    if (first === end) {
      // A paragraph break: where the build writes a checkpoint, or meets the last build's state again.
      if (session !== undefined && line + 1 < lines.lineCount && session.isDue(lines.lineStart(line + 1))) {
        const before = { closesSentence: previousClosesSentence, line: previousLine, continuesCitation: continuesCitation(text, lines, previousLine) };
        const converged = session.atBreak(builder, codeBlocks, line + 1, lines.lineStart(line + 1), before);
        if (converged) return kept(session, converged, lines.lineStart(line + 1));
      }
      continue;
    }
    const level = headingLevel(text, first, end);
    if (level > 0) builder.markdown = true;
    const cited = found && !continuesCitation(text, lines, previousLine) ? found : level > 0 ? headingNumber(text, start, first + level, end) : undefined;
    const label = cited === undefined || cited.style !== 'annex' ? cited : annexHeading(builder, line, cited, level, first, end);
    if (label) {
      const read = letterInSequence(builder, label, start);
      undescribed = addClause(builder, line, read, level, asciiIndent(text, start, first));
      builder.paragraphSinceLabel = false;
    } else if (level > 0) {
      // An unlabelled heading ends the sections of its level and the body above it, and opens its own.
      undescribed = addHeading(builder, line, level, first, end);
      builder.paragraphSinceLabel = false;
    } else if (previousClosesSentence || opensEnumeration(text, start, end)) {
      builder.paragraphSinceLabel = true;
    }
    previousClosesSentence = closesSentence(text, start, end);
    previousLine = line;
  }
  closeUntil(builder, 0, text.length);
  return kept(session, { table: builder.table, problems: builder.problems, codeBlocks });
}

/** The tree, kept for the next build where there is one. */
function kept(session: BuildSession | undefined, tree: ClauseTree, to?: number): ClauseTree {
  session?.keep(tree, to);
  return tree;
}

/** No clause. */
const NONE = -1;

function newMemory(): SequenceMemory {
  return { lastOfStyle: new Map(), lastAtDepth: new Map() };
}

/** The level of the Markdown ATX heading (`#` to `######` and a space) that starts at `first`, or 0. */
function headingLevel(text: string, first: number, end: number): number {
  let level = 0;
  while (first + level < end && text.charCodeAt(first + level) === 0x23) level++;
  const next = text.charCodeAt(first + level);
  return level <= 6 && (first + level === end || next === 0x20 || next === 0x09) ? level : 0;
}

/** A number and a space open a heading numbered in decimals (`## 2 Requirements`, then `### 2.1`): a label there. */
const HEADING_NUMBER = /[ \t]+(\d{1,2})[ \t]+(?=\S)/y;

function headingNumber(text: string, lineStart: number, afterHashes: number, end: number): LabelMatch | undefined {
  HEADING_NUMBER.lastIndex = afterHashes;
  const match = HEADING_NUMBER.exec(text);
  if (!match || afterHashes + match[0].length > end) return undefined;
  const start = afterHashes + match[0].indexOf(match[1]!) - lineStart;
  return labelMatch('arabic-dot', 'item', Number(match[1]), undefined, start, start + match[1]!.length);
}

/** A level below every Markdown heading level (1 to 6): every open heading is above it. */
const BELOW_EVERY_LEVEL = 7;

/** How many of the open clauses at the bottom of the stack are headings of a level below `level`. */
function openHeadingsBelow(builder: Builder, level: number): number {
  let count = 0;
  while (count < builder.stack.length && isHeadingBelow(builder, builder.stack[count]!, level)) count++;
  return count;
}

function isHeadingBelow(builder: Builder, id: number, level: number): boolean {
  const own = builder.table.headingLevel(id);
  return own > 0 && own < level;
}

/** Columns of ASCII indentation of a line (a tab counts four), or -1 when it is indented with other spaces. */
function asciiIndent(text: string, start: number, first: number): number {
  let columns = 0;
  for (let i = start; i < first; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) columns++;
    else if (code === 0x09) columns += 4;
    else return -1;
  }
  return columns;
}

/** A fence opens with three backticks or tildes; it closes at a line of at least as many of them and nothing else. */
const FENCE_OPEN = /(`{3,}|~{3,})/y;

/**
 * If the line whose text runs from `first` to `end` opens a fenced code block that a later line closes, that closing line; else -1. The search for the
 * closing fence jumps between occurrences of the fence characters; the lines it passes are then skipped, and a
 * search that fails marks that fence character as never closing again, so the text is searched once in all.
 */
function closingFenceLine(builder: Builder, first: number, end: number): number {
  const { text, lines } = builder;
  const code = text.charCodeAt(first);
  if ((code !== 0x60 && code !== 0x7e) || builder.unclosedFences.has(code)) return -1;
  FENCE_OPEN.lastIndex = first;
  const opening = FENCE_OPEN.exec(text)?.[0];
  if (!opening || first + opening.length > end) return -1;
  const marker = opening.slice(0, 3);
  for (let at = text.indexOf(marker, end); at >= 0; at = text.indexOf(marker, at + 1)) {
    const closing = lines.lineOf(at);
    const closingEnd = lines.lineEnd(closing);
    if (firstNonSpace(text, lines.lineStart(closing), closingEnd) !== at) continue;
    let run = at;
    while (run < closingEnd && text.charCodeAt(run) === code) run++;
    if (run - at >= opening.length && firstNonSpace(text, run, closingEnd) === closingEnd) return closing;
    at = closingEnd;
  }
  builder.unclosedFences.add(code);
  return -1;
}

/**
 * Whether a line is a Markdown block that never continues a clause's first sentence: a heading, a bullet, a table
 * row, a fence or a rule.
 */
function startsMarkdownBlock(text: string, first: number, end: number): boolean {
  const code = text.charCodeAt(first);
  if (code === 0x23 || code === 0x7c || code === 0x60) return true; // # | `
  if (code !== 0x2d && code !== 0x2a && code !== 0x2b && code !== 0x7e) return false; // - * + ~
  const next = text.charCodeAt(first + 1);
  return first + 1 === end || next === 0x20 || next === 0x09 || (next === code && code !== 0x2a);
}

/**
 * A line that ends "… under Clause" or "依照本办法": the next line's "(III)" or "第五条" continues the citation.
 * ("… the basic rules" 基本规则 ends in 本规则 but cites nothing: only a verb of citing counts.)
 */
const ENDS_WITH_CITATION_WORD = new RegExp(
  '(?:\\b(?:under|with|in|of|to|by|see|per|and|or) (?:Clauses?|Items?|Articles?|Sections?|Paragraphs?|Parts?|Chapters?)' +
  `|(?:依照|按照|根据|依据|参照|违反)(?:本(?:${CHINESE_DOCUMENT_TYPE}|条))?|第)\\s*$`);

/**
 * The last characters of the endings ENDS_WITH_CITATION_WORD looks for: of Clause(s), Item(s), Article(s), Section(s),
 * Paragraph(s), Part(s), Chapter(s) in either case; of 依照 按照 根据 依据 参照 违反, of 本条 and 本 and a document type, of 第.
 */
const CITATION_WORD_LAST: ReadonlySet<number> = new Set([
  ...'esmnhtrESMNHTR', ...'照据反条第', ...CHINESE_DOCUMENT_TYPE_ENDINGS,
].map((char) => char.charCodeAt(0)));

/** The longest ending ENDS_WITH_CITATION_WORD looks for ("with Subparagraphs" and its spaces) fits in this. */
const CITATION_WORD_REACH = 48;

function continuesCitation(text: string, lines: LineIndex, previousLine: number): boolean {
  if (previousLine < 0) return false;
  const start = lines.lineStart(previousLine);
  const end = trimEnd(text, lines.lineEnd(previousLine));
  // Most lines end in another character than the endings ENDS_WITH_CITATION_WORD looks for: one look-up says so.
  if (end <= start || !CITATION_WORD_LAST.has(text.charCodeAt(end - 1))) return false;
  return ENDS_WITH_CITATION_WORD.test(text.slice(Math.max(start, end - CITATION_WORD_REACH), end));
}


/**
 * A line of prose that ends in a colon announces a list of its own (判决如下：, "Resolved as follows:"): the list after
 * it may number from 1 again, even after a label whose line closes no sentence ("3. Conclusion").
 */
function opensEnumeration(text: string, start: number, end: number): boolean {
  let index = end - 1;
  while (index >= start && isSpace(text.charCodeAt(index))) index--;
  const code = text.charCodeAt(index);
  return index >= start && (code === 0x3a || code === 0xff1a);
}

/** What CLOSES_SENTENCE says of a line, read from its last character that is not a space. */
function closesSentence(text: string, start: number, end: number): boolean {
  let index = end - 1;
  while (index >= start && isSpace(text.charCodeAt(index))) index--;
  const code = text.charCodeAt(index);
  return index >= start && (code === 0x3002 || code === 0x2e || code === 0xff1b || code === 0x3b);
}

/** I V X i v x: the letters a one-letter Roman number is written with. */
const ROMAN_LOOKING: ReadonlySet<number> = new Set([...'IVXivx'].map((char) => char.charCodeAt(0)));

/** (I) after (H) is the letter I, and (v) after (u) the letter v: Roman-looking letters continue a letter list. */
function letterInSequence(builder: Builder, label: LabelMatch, labelStart: number): LabelMatch {
  const { text } = builder;
  const start = labelStart + label.start;
  const letter = text.charCodeAt(start + 1);
  if (label.end - label.start !== 3 || text.charCodeAt(start) !== 0x28 || text.charCodeAt(start + 2) !== 0x29 || !ROMAN_LOOKING.has(letter)) return label;
  const style: LabelStyle = letter < 0x61 ? 'paren-upper-alpha' : 'paren-lower-alpha';
  const value = (letter | 0x20) - 96;
  return continuesLetters(builder, style, value) ? labelMatch(style, 'item', value, label.insertion, label.start, label.end) : label;
}

/** Whether an open clause of a letter style has the letter before `value`. */
function continuesLetters(builder: Builder, style: LabelStyle, value: number): boolean {
  const { stack, table } = builder;
  for (let i = 0; i < stack.length; i++) if (table.style(stack[i]!) === style && table.value(stack[i]!) === value - 1) return true;
  return false;
}

function addClause(builder: Builder, line: number, found: LabelMatch, level: number, indent: number): number {
  const lineStart = builder.lines.lineStart(line);
  const floor = reachableFrom(builder, level, indent, lineStart);
  const label = found.style === 'decimal' || found.style === 'annex' ? placeByOwnRule(builder, found, level, lineStart, floor) : placeLabel(builder, found, level, lineStart, floor);
  const id = openClause(builder, line, label, level, indent);
  if (LIST_RANK.has(label.style) && opensEnumeration(builder.text, lineStart, builder.lines.lineEnd(line))) builder.announcing.add(id);
  const memory = builder.memory[level > 0 ? 1 : 0];
  memory.lastOfStyle.set(label.style, id);
  memory.lastAtDepth.set(builder.table.depth(id), id);
  return id;
}

/** A decimal label goes by its numbers, an attachment's heading above everything (neither by the rules of placeLabel). */
function placeByOwnRule(builder: Builder, found: LabelMatch, level: number, lineStart: number, floor: number): LabelMatch {
  return found.style === 'decimal' ? placeDecimal(builder, found, lineStart, floor) : placeAnnex(builder, found, level, lineStart, floor);
}

/**
 * An attachment's heading closes every clause it can reach (the body, the attachment before) and starts the numbering
 * afresh; its number follows the last numbered heading of its word (附件1 then 附件2), where there is one.
 */
function placeAnnex(builder: Builder, label: LabelMatch, level: number, lineStart: number, floor: number): LabelMatch {
  closeUntil(builder, floor, lineStart);
  const memory = builder.memory[level > 0 ? 1 : 0];
  const previous = memory.lastOfStyle.get('annex');
  const word = annexWord(builder.text, lineStart + label.start);
  if (label.value > 0 && previous !== undefined && builder.table.value(previous) > 0 && annexWord(builder.text, builder.table.labelStart(previous)).toLowerCase() === word.toLowerCase()) {
    checkSequence(builder, previous, label, lineStart, word);
  }
  memory.lastOfStyle.clear();
  memory.lastAtDepth.clear();
  return label;
}

/** The word of an attachment's heading at `start`: 附件, 附表 or 附录 (two characters), or the English word. */
function annexWord(text: string, start: number): string {
  if (text.charCodeAt(start) >= 0x80) return text.slice(start, start + 2);
  let end = start;
  while (end < text.length && ((text.charCodeAt(end) | 0x20) >= 0x61 && (text.charCodeAt(end) | 0x20) <= 0x7a)) end++;
  return text.slice(start, end);
}

/** How the attachment list numbers its items: 1. 2. or （1）（2） (附件：⏎一、… heads an attachment that begins with its part 一、). */
const ATTACHMENT_ITEM_STYLES: ReadonlySet<LabelStyle> = new Set(['arabic-dot', 'paren-arabic']);

/**
 * An attachment's heading as the clause it opens: none when it is the attachment list's; a Markdown one named by its
 * whole text.
 */
function annexHeading(builder: Builder, line: number, cited: LabelMatch, level: number, first: number, end: number): LabelMatch | undefined {
  if (isAttachmentList(builder, line, cited)) return undefined;
  return level > 0 ? wholeHeading(builder.text, cited, builder.lines.lineStart(line), first, level, end) : cited;
}

/**
 * Whether an attachment's heading on `line` is the attachment list's instead: "附件：" alone, whose next line starts with
 * a list label; or a titled one next to another titled one. Only the lines of its paragraph are read.
 */
function isAttachmentList(builder: Builder, line: number, label: LabelMatch): boolean {
  const { text, lines } = builder;
  const lineStart = lines.lineStart(line);
  const rest = titleStart(text, lineStart + label.end, lines.lineEnd(line));
  if (rest.colonOnly) {
    const next = labelOnLine(builder, line + 1);
    return next !== undefined && (ATTACHMENT_ITEM_STYLES.has(next.style) || next.style === 'annex');
  }
  if (!rest.titled) return false;
  return isTitledAnnex(builder, line - 1) || isTitledAnnex(builder, line + 1);
}

/** What follows an attachment's label: nothing but a colon, or a title. */
function titleStart(text: string, from: number, end: number): { colonOnly: boolean; titled: boolean } {
  let at = from;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  const colon = at < end && (text.charCodeAt(at) === 0x3a || text.charCodeAt(at) === 0xff1a);
  if (colon) at++;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  return { colonOnly: colon && at === end, titled: at < end };
}

/** The label at the start of `line`, when the line is in the text and not blank. */
function labelOnLine(builder: Builder, line: number): LabelMatch | undefined {
  const { text, lines } = builder;
  if (line < 0 || line >= lines.lineCount) return undefined;
  const start = lines.lineStart(line);
  const end = lines.lineEnd(line);
  const first = firstNonSpace(text, start, end);
  return first < end && mayStartLabel(text.charCodeAt(first)) ? matchClauseLabel(text, start, end) : undefined;
}

function isTitledAnnex(builder: Builder, line: number): boolean {
  const label = labelOnLine(builder, line);
  return label?.style === 'annex' && titleStart(builder.text, builder.lines.lineStart(line) + label.end, builder.lines.lineEnd(line)).titled;
}

/**
 * `## Recitals`: a heading without a number is a clause of the outline, named by its text (at most HEADING_MAX code
 * units); what follows nests under it until a heading of its level or above. It is in no numbering sequence.
 */
function addHeading(builder: Builder, line: number, level: number, first: number, end: number): number {
  const lineStart = builder.lines.lineStart(line);
  closeUntil(builder, openHeadingsBelow(builder, level), lineStart);
  const name = headingName(builder.text, first + level, end);
  if (!name) return NONE;
  return openClause(builder, line, labelMatch('heading', 'section', 0, undefined, name.start - lineStart, name.end - lineStart), level, -1);
}

/** A Markdown heading's text after its hashes (from `afterHashes`), without closing hashes and bold marks; none if blank. */
function headingName(text: string, afterHashes: number, end: number): Span | undefined {
  let start = afterHashes;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  const raw = text.slice(start, Math.min(end, start + HEADING_MAX));
  const lead = /^(?:\*\*|__)*/.exec(raw)![0].length;
  const name = raw.slice(lead).replace(/(?:[ \t]+#+)?[ \t]*(?:\*\*|__)*[ \t]*$|^#+[ \t]*$/, '');
  return name.trim().length === 0 ? undefined : { start: start + lead, end: start + lead + name.length };
}

/** `## Annex 1 Amended Articles`: an attachment's Markdown heading is named by its whole text, as other headings are. */
function wholeHeading(text: string, label: LabelMatch, lineStart: number, first: number, level: number, end: number): LabelMatch {
  const name = headingName(text, first + level, end);
  return name ? labelMatch(label.style, label.kind, label.value, undefined, label.start, name.end - lineStart) : label;
}

/** Makes the clause of a placed label, under the innermost open clause, and opens it. */
function openClause(builder: Builder, line: number, label: LabelMatch, level: number, indent: number): number {
  const { stack } = builder;
  const id = createClause(builder, line, label, stack.length > 0 ? stack[stack.length - 1] : undefined, level, indent);
  stack.push(id);
  return id;
}

/** Closes what the label closes (rules 1 to 5), checks its number, and returns it with the kind it takes. */
function placeLabel(builder: Builder, found: LabelMatch, level: number, lineStart: number, floor: number): LabelMatch {
  const { table, stack } = builder;
  const siblingIndex = findSiblingLevel(table, stack, found, floor);
  if (siblingIndex !== undefined) {
    const previous = stack[siblingIndex]!;
    // (5) after (IV) is a clause like (IV), whatever its style would make it alone.
    const previousKind = table.kind(previous);
    const label = previousKind === found.kind ? found : withKind(found, previousKind);
    closeUntil(builder, siblingIndex, lineStart);
    // 第三条 甲：（一）…（二）…。乙：（一）…: a paragraph's own list numbers from 1 again.
    const restartsAfterParagraph = label.value === 1 && label.style === table.style(previous) && builder.paragraphSinceLabel;
    if (!restartsAfterParagraph) checkSequence(builder, previous, label, lineStart);
    return label;
  }
  closeUntil(builder, nestingLevel(builder, found, floor), lineStart);
  const parent = stack.length > 0 ? stack[stack.length - 1]! : NONE;
  const continued = checkFirstChild(builder, level, parent, found, lineStart);
  return continued === NONE ? found : withKind(found, table.kind(continued));
}

/**
 * A decimal label goes by its numbers: 2.3.1 follows the open 2.3.x as its sibling, or opens under the open 2.3 (or
 * 2.3 under 2. / 2.x), where it should be the first; otherwise it closes the dotted numbers of other branches.
 */
function placeDecimal(builder: Builder, label: LabelMatch, lineStart: number, floor: number): LabelMatch {
  const { table, stack } = builder;
  const path = decimalPath(labelAt(builder, label, lineStart).replace(/\.$/, ''));
  for (let i = stack.length - 1; i >= floor; i--) {
    const open = stack[i]!;
    const openPath = numberPath(table, open);
    if (!openPath || !startsWith(path, openPath.slice(0, -1))) continue;
    if (openPath.length === path.length) {
      closeUntil(builder, i, lineStart);
      checkSequence(builder, open, label, lineStart, decimalPrefix(path));
      return label;
    }
    if (openPath.length < path.length && startsWith(path, openPath)) {
      closeUntil(builder, i + 1, lineStart);
      if (openPath.length === path.length - 1 && label.value !== 1) {
        report(builder, label, lineStart, 'numbering-gap', 'warning',
          { kind: 'firstChild', found: labelAt(builder, label, lineStart), parent: shared(builder, table.label(open)), style: 'decimal', prefix: decimalPrefix(path) });
      }
      return label;
    }
  }
  closeUntil(builder, nestingLevel(builder, label, floor), lineStart);
  return label;
}

/** The numbers of a dotted label: 2.3.1 → [2, 3, 1], 2. → [2]; undefined for other labels. */
function numberPath(table: ClauseTable, id: number): number[] | undefined {
  const style = table.style(id);
  if (style === 'decimal') return decimalPath(table.label(id).replace(/\.$/, ''));
  return style === 'arabic-dot' ? [table.value(id)] : undefined;
}

function startsWith(path: readonly number[], prefix: readonly number[]): boolean {
  return prefix.length <= path.length && prefix.every((value, index) => path[index] === value);
}

/** "2.3." for 2.3.1: what a message writes before the last number. */
function decimalPrefix(path: readonly number[]): string {
  return path.slice(0, -1).map((value) => `${value}.`).join('');
}

/**
 * Prepares the stack for a label of heading level `level` (0 in the body) and returns how many open clauses at its
 * bottom the label can neither continue nor close: a heading closes the body and the deeper headings and leaves the
 * shallower ones alone; a label of the body leaves every heading alone, and in Markdown every open item it is indented
 * past.
 */
function reachableFrom(builder: Builder, level: number, indent: number, lineStart: number): number {
  if (level > 0) {
    let keep = openHeadingsBelow(builder, level);
    // An open heading of the same level stays open only for a label that may continue its number.
    while (keep < builder.stack.length && builder.table.headingLevel(builder.stack[keep]!) === level && builder.table.style(builder.stack[keep]!) !== 'heading') keep++;
    closeUntil(builder, keep, lineStart);
    return openHeadingsBelow(builder, level);
  }
  const { stack } = builder;
  let floor = openHeadingsBelow(builder, BELOW_EVERY_LEVEL);
  if (!builder.markdown || indent < 0) return floor;
  for (let i = stack.length - 1; i >= floor; i--) {
    const open = builder.table.indent(stack[i]!);
    if (open >= 0 && indent >= open + 2) {
      floor = i + 1;
      break;
    }
  }
  return floor;
}

function withKind(label: LabelMatch, kind: ClauseKind): LabelMatch {
  return labelMatch(label.style, kind, label.value, label.insertion, label.start, label.end);
}

/** Index in the stack of the open clause the new label continues, per rules 1 to 3. */
function findSiblingLevel(table: ClauseTable, stack: number[], label: LabelMatch, floor: number): number | undefined {
  for (let i = stack.length - 1; i >= floor; i--) if (continuesOpen(table, stack[i]!, label, true)) return i;
  for (let i = stack.length - 1; i >= floor; i--) if (continuesOpen(table, stack[i]!, label, false)) return i;
  for (let i = stack.length - 1; i >= floor; i--) if (table.style(stack[i]!) === label.style) return i;
  return undefined;
}

/** Whether a label continues an open clause's sequence: of its own style (rule 1), or of another of its shape (rule 2). */
function continuesOpen(table: ClauseTable, open: number, label: LabelMatch, sameStyle: boolean): boolean {
  const style = table.style(open);
  if (UNSEQUENCED.has(label.style) && style === label.style) return true;
  if (table.value(open) + 1 !== label.value) return false;
  return sameStyle ? style === label.style
    : style !== label.style && label.value > 1 && shapeOf(style) === shapeOf(label.style) && shapeOf(label.style) !== 'structure';
}

/**
 * A numbered section of a memo or guideline (2.1.1) holds the lists written in it, whatever their rank: （一） or 1.
 * after 2.1.1 is its item. Only another decimal closes it (placeDecimal).
 */
function holdsLists(openStyle: LabelStyle, label: LabelMatch): boolean {
  return openStyle === 'decimal' && label.style !== 'decimal';
}

/** How many open clauses stay open when the label opens a new level (rules 4 and 5); never fewer than `floor`. */
function nestingLevel(builder: Builder, label: LabelMatch, floor: number): number {
  const { table, stack } = builder;
  const structural = STRUCTURAL_RANK.get(label.style);
  const listRank = LIST_RANK.get(label.style);
  let keep = stack.length;
  while (keep > floor) {
    const open = stack[keep - 1]!;
    // Articles after "2. to adopt the articles below:" are the text the item quotes: inside it.
    if (structural !== undefined && builder.announcing.has(open)) break;
    const openStyle = table.style(open);
    const openStructural = STRUCTURAL_RANK.get(openStyle);
    const openList = LIST_RANK.get(openStyle);
    const closes = structural !== undefined
      ? openStructural === undefined || openStructural >= structural
      : openStructural === undefined && listRank !== undefined && openList !== undefined && openList >= listRank && !holdsLists(openStyle, label);
    if (!closes) break;
    keep--;
  }
  return keep;
}

/** Closes the open clauses above stack depth `keep`; they end where line `endOffset` starts. */
function closeUntil(builder: Builder, keep: number, endOffset: number): void {
  const end = trimEnd(builder.text, endOffset);
  const { table, stack } = builder;
  while (stack.length > keep) {
    const id = stack.pop()!;
    table.setSpanEnd(id, Math.max(end, table.labelEnd(id)));
  }
}

function trimEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Adds the clause of a label to the table. Its label is the text of its span, read when asked; only a label with
 * white space at an edge (trimmed, its span as long as the trimmed text) is kept as a string.
 */
function createClause(builder: Builder, line: number, label: LabelMatch, parent: number | undefined, level: number, indent: number): number {
  const { text, lines } = builder;
  const lineStart = lines.lineStart(line);
  const start = lineStart + label.start;
  const end = lineStart + label.end;
  const trimmed = isTrimmed(text, start, end) ? undefined : text.slice(start, end).trim();
  const labelEnd = trimmed === undefined ? end : start + trimmed.length;
  return builder.table.add(label, start, labelEnd, trimmed, line, parent, level, indent);
}

/** Whether [start, end) has no white space at either edge (what `trim` would remove). */
function isTrimmed(text: string, start: number, end: number): boolean {
  return end > start && !isTrimmedSpace(text.charCodeAt(start)) && !isTrimmedSpace(text.charCodeAt(end - 1));
}

function isTrimmedSpace(code: number): boolean {
  return code <= 0x20 || code === 0xfeff || isSpace(code);
}

/** `prefix` is a decimal label's parent numbers ("2.3.") or an attachment's word (附件, Annex), for the labels a message names. */
function checkSequence(builder: Builder, previous: number, label: LabelMatch, lineStart: number, prefix = ''): void {
  if (UNSEQUENCED.has(label.style)) return;
  const { table } = builder;
  const previousValue = table.value(previous);
  if (label.insertion && label.value === previousValue) return;
  // Markdown numbers lists 1. 1. 1. and lets the renderer count: no duplicates there.
  if (label.style === 'arabic-dot' && label.value === 1 && previousValue === 1) return;
  const expected = previousValue + 1;
  const previousStyle = table.style(previous);
  const code = label.value === expected ? (label.style !== previousStyle ? 'numbering-style' : undefined)
    : label.value === previousValue ? 'numbering-duplicate' : label.value > expected ? 'numbering-gap' : 'numbering-order';
  if (!code) return;
  const found = labelAt(builder, label, lineStart);
  const previousLabel = labelOf(builder, previous);
  const last = builder.lastDetails.get(code);
  // A run of problems of one kind (a million duplicate labels) shares one detail: only the line of the label before differs.
  const detail: ProblemDetail = last?.kind === 'sequence' && last.found === found && last.value === label.value && last.style === label.style &&
    last.previous === previousLabel && last.previousStyle === previousStyle && last.expected === expected && last.prefix === prefix ? last
    : { kind: 'sequence', found, value: label.value, style: label.style, previous: previousLabel, previousStyle, expected, prefix };
  if (detail !== last) builder.lastDetails.set(code, detail);
  report(builder, label, lineStart, code, code === 'numbering-style' ? 'information' : 'warning', detail, builder.table.line(previous) + 1);
}

/**
 * Whether the line just before ends a lead-in with the item before this one: "附件：1．试点办法" then "2．报送说明", "申请材料：
 * (1) 申请书" then "(2) 营业执照". That item is prose on its line (after the colon), not a label; the list is no gap. Only
 * the line just before is read, and only when a first child would be reported.
 */
function continuesListAfterColon(builder: Builder, label: LabelMatch, lineStart: number): boolean {
  if (lineStart === 0) return false;
  const { text, lines } = builder;
  const previous = lines.lineOf(lineStart - 1);
  const item = ITEM_AFTER_COLON.exec(text.slice(lines.lineStart(previous), lines.lineEnd(previous)));
  return item !== null && digitsValue(item[1] ?? item[2]!) === label.value - 1 && shapeOf(label.style) === (item[1] !== undefined ? 'dot' : 'paren');
}

/** A colon, then a list's item in digits: 1. 1． 1、 or (1) （1）. */
const ITEM_AFTER_COLON = /[：:][^\S\r\n]*(?:([\d０-９]{1,3})[.．、]|[（(]([\d０-９]{1,3})[）)])/;

/**
 * A first child starts at 1, or continues the numbering of its style from the previous parent, or that of its
 * cousin in another style ((IV) under I., then (5) under II.). Returns the clause whose numbering it continues, or NONE.
 * A Markdown heading may also continue the body's numbering, and the body a heading's (（一）（二） written as text,
 * `## （三）` as a heading): the two sequences are kept apart to tell what is a sibling, not to report a first child.
 */
function checkFirstChild(builder: Builder, level: number, parent: number, label: LabelMatch, lineStart: number): number {
  const { table } = builder;
  if (parent === NONE || label.value === 1 || UNSEQUENCED.has(label.style) || isQuotedStructure(table.style(parent), label)) return NONE;
  if (continuesListAfterColon(builder, label, lineStart)) return NONE;
  const [memory, otherMemory] = level > 0 ? [builder.memory[1], builder.memory[0]] : builder.memory;
  const previous = memory.lastOfStyle.get(label.style);
  if (previous !== undefined && label.insertion && table.value(previous) === label.value) return previous;
  if (previous !== undefined && label.value === table.value(previous) + 1) return previous;
  const other = otherMemory.lastOfStyle.get(label.style);
  if (other !== undefined && label.value === table.value(other) + 1) return other;
  const cousin = memory.lastAtDepth.get(table.depth(parent) + 1);
  if (cousin !== undefined && label.value === table.value(cousin) + 1 && shapeOf(table.style(cousin)) === shapeOf(label.style)) {
    checkSequence(builder, cousin, label, lineStart);
    return cousin;
  }
  report(builder, label, lineStart, 'numbering-gap', 'warning', {
    kind: 'firstChild', found: labelAt(builder, label, lineStart), parent: shared(builder, table.label(parent)), style: label.style, prefix: '',
    ...(previous !== undefined ? { alternative: table.value(previous) + 1 } : {}),
  });
  return NONE;
}

/**
 * Articles (chapters, sections) inside an item of a list are not this document's: a resolution's item sets out the
 * amended articles of another instrument ("3. to adopt the articles below: Article 4 …, Article 5 …"), a notice's
 * item quotes a law. They keep that instrument's numbers, so where they start is not checked.
 */
function isQuotedStructure(parentStyle: LabelStyle, label: LabelMatch): boolean {
  return STRUCTURAL_RANK.has(label.style) && LIST_RANK.has(parentStyle);
}

/** A label's text, as a problem names it; the short ones shared (a text of a million labels holds a few hundred different ones). */
function labelAt(builder: Builder, label: LabelMatch, lineStart: number): string {
  const start = lineStart + label.start;
  const end = lineStart + label.end;
  const last = builder.lastLabel;
  // A run of one label ((I) (I) (I) …) is compared in place: no slice.
  if (last.length === end - start && builder.text.startsWith(last, start)) return last;
  return (builder.lastLabel = shared(builder, builder.text.slice(start, end).trim()));
}

/** A clause's label, as a problem names it: read in place when it is the label a problem named last. */
function labelOf(builder: Builder, id: number): string {
  const { table, text, lastLabel } = builder;
  const start = table.labelStart(id);
  if (table.isLabelInText(id) && lastLabel.length === table.labelEnd(id) - start && text.startsWith(lastLabel, start)) return lastLabel;
  return shared(builder, table.label(id));
}

/** The text given, or the equal one met before: short labels are kept once. */
function shared(builder: Builder, text: string): string {
  if (text.length > SHARED_LABEL_LENGTH) return text;
  const known = builder.labelTexts.get(text);
  if (known !== undefined) return known;
  builder.labelTexts.set(text, text);
  return text;
}

const SHARED_LABEL_LENGTH = 8;

/** A numbering problem at a label; `previousLine` (1-based) where its message names the line of the label before. */
function report(builder: Builder, label: LabelMatch, lineStart: number, code: Problem['code'], severity: Problem['severity'], detail: ProblemDetail, previousLine?: number): void {
  builder.problems.add(lineStart + label.start, lineStart + label.end, code, severity, detail, previousLine);
}
