/**
 * The clause tree held in columns: one typed array per number of a clause (spans, parent, depth, value, style, kind,
 * line, heading level, indentation, where the next line's prose is), indexed by clause id. A text of a million labels
 * costs some fifty bytes per label, not a million objects of a dozen fields with their spans, children and strings:
 * the `Clause` objects features read are made once, when a feature first asks for them (`clauses`), and so are
 * their titles and first sentences.
 */
import type { Clause, ClauseKind, LabelStyle, Span } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { grown } from '../columns';
import type { LabelMatch } from './clauseLabels';
import { describeClause, firstNonSpace } from './clauseDescription';

const STYLES: readonly LabelStyle[] = [
  'zh-part', 'zh-chapter', 'zh-section', 'zh-article', 'zh-dot', 'zh-paren', 'en-part', 'en-chapter', 'en-section', 'en-article',
  'section-sign', 'roman-dot', 'arabic-dot', 'paren-roman', 'paren-arabic', 'paren-lower-alpha', 'paren-upper-alpha',
  'paren-lower-roman', 'decimal', 'heading', 'annex',
];
const KINDS: readonly ClauseKind[] = ['part', 'chapter', 'section', 'article', 'clause', 'item'];
const STYLE_CODES: ReadonlyMap<LabelStyle, number> = new Map(STYLES.map((style, code) => [style, code]));
const KIND_CODES: ReadonlyMap<ClauseKind, number> = new Map(KINDS.map((kind, code) => [kind, code]));

/** A bit beside the heading level: the line after the label's is prose. */
const NEXT_LINE_PROSE = 0x80;
/** A parent of none. */
const NO_PARENT = -1;
const INITIAL_CAPACITY = 64;

/**
 * How the clauses of a last build move into this one (a build resumed from a checkpoint, scan/clauseTreeCheckpoints.ts):
 * offsets by `offset`, lines by `lines`; ids (and parents) from `fromId` on by `ids`, those before stay. `fromLine`: the
 * first line whose clauses may have moved.
 */
export interface RowShift {
  offset: number;
  lines: number;
  fromLine: number;
  fromId: number;
  ids: number;
}

/** A clause table's columns (see ClauseTable.columns). */
export interface ClauseColumns {
  count: number;
  labelStarts: Uint32Array;
  labelEnds: Uint32Array;
  spanEnds: Uint32Array;
  parents: Int32Array;
  depths: Uint16Array;
  values: Float64Array;
  styles: Uint8Array;
  kinds: Uint8Array;
  lines: Uint32Array;
  headingLevels: Uint8Array;
  indents: Int32Array;
  insertions: [number, number][];
  labelTexts: [number, string][];
}

export class ClauseTable {
  count = 0;
  private labelStarts = new Uint32Array(INITIAL_CAPACITY);
  private labelEnds = new Uint32Array(INITIAL_CAPACITY);
  private spanEnds = new Uint32Array(INITIAL_CAPACITY);
  private parents = new Int32Array(INITIAL_CAPACITY);
  /** Depth is bounded by the styles a stack can hold at once (one open clause per style, six heading levels). */
  private depths = new Uint16Array(INITIAL_CAPACITY);
  private values = new Float64Array(INITIAL_CAPACITY);
  private styles = new Uint8Array(INITIAL_CAPACITY);
  private kinds = new Uint8Array(INITIAL_CAPACITY);
  /** The line of each clause's label: a problem names the line of the label before. */
  private lines = new Uint32Array(INITIAL_CAPACITY);
  /** The Markdown heading level of each clause (0 for a label in the body), and NEXT_LINE_PROSE. */
  private headingLevels = new Uint8Array(INITIAL_CAPACITY);
  /** The indentation of each clause's line in ASCII spaces (a tab counts four); -1 when other spaces indent it. */
  private indents = new Int32Array(INITIAL_CAPACITY);
  /** 第十三条之一 → 1, by clause id: rare. */
  private readonly insertions = new Map<number, number>();
  /** Labels that are not the text of their span (a heading's name trimmed of a leading space): rare. */
  private readonly labelTexts = new Map<number, string>();
  private made: { clauses: Clause[]; roots: number[] } | undefined;
  /**
   * Where a resumed build took clauses from the last tree: the last tree's clause objects, if made, whose titles and
   * first sentences (read from text that has not changed) are taken instead of read again. Dropped once the objects
   * are made, so that no table keeps its predecessors alive.
   */
  private describedBy: { clauses: readonly Clause[]; prefix: number; appendedAt: number; appendedFrom: number } | undefined;
  /** The style and kind added last, and their codes: a run of labels of one style looks them up once. */
  private lastStyle: LabelStyle | undefined;
  private lastStyleCode = 0;
  private lastKind: ClauseKind | undefined;
  private lastKindCode = 0;

  constructor(private readonly text: string, private readonly lineIndex: LineIndex) {}

  /** A table of `text` that starts with the first `rows` clauses of `from` (of the text before an edit after them). */
  static startingWith(text: string, lineIndex: LineIndex, from: ClauseTable, rows: number): ClauseTable {
    const table = ClauseTable.withColumns(text, lineIndex, from.columns(from.labelStarts.length), rows);
    if (from.made) table.describedBy = { clauses: from.made.clauses, prefix: rows, appendedAt: Infinity, appendedFrom: 0 };
    return table;
  }

  /** The table whose columns these are (`columns()` of a table of the same text, made on another thread). */
  static fromColumns(text: string, lineIndex: LineIndex, columns: ClauseColumns): ClauseTable {
    return ClauseTable.withColumns(text, lineIndex, columns, columns.count);
  }

  /**
   * The table's columns, copies of `length` rows (its count by default), each alone in its buffer, so that they can
   * be moved to another thread; with the rare insertions and trimmed labels among them.
   */
  columns(length = this.count): ClauseColumns {
    const rows = (id: number) => id < length;
    return {
      count: this.count, labelStarts: this.labelStarts.slice(0, length), labelEnds: this.labelEnds.slice(0, length),
      spanEnds: this.spanEnds.slice(0, length), parents: this.parents.slice(0, length), depths: this.depths.slice(0, length),
      values: this.values.slice(0, length), styles: this.styles.slice(0, length), kinds: this.kinds.slice(0, length),
      lines: this.lines.slice(0, length), headingLevels: this.headingLevels.slice(0, length), indents: this.indents.slice(0, length),
      insertions: [...this.insertions].filter(([id]) => rows(id)), labelTexts: [...this.labelTexts].filter(([id]) => rows(id)),
    };
  }

  /** A table of `columns`, its first `rows` clauses (the rest of the columns is room to add more). */
  private static withColumns(text: string, lineIndex: LineIndex, columns: ClauseColumns, rows: number): ClauseTable {
    const table = new ClauseTable(text, lineIndex);
    Object.assign(table, {
      labelStarts: columns.labelStarts, labelEnds: columns.labelEnds, spanEnds: columns.spanEnds, parents: columns.parents,
      depths: columns.depths, values: columns.values, styles: columns.styles, kinds: columns.kinds, lines: columns.lines,
      headingLevels: columns.headingLevels, indents: columns.indents,
    });
    table.count = rows;
    for (const [id, insertion] of columns.insertions) if (id < rows) table.insertions.set(id, insertion);
    for (const [id, label] of columns.labelTexts) if (id < rows) table.labelTexts.set(id, label);
    return table;
  }

  /** The typed arrays of `columns()`, to move with them. */
  static buffersOf(columns: ClauseColumns): ArrayBuffer[] {
    return [
      columns.labelStarts, columns.labelEnds, columns.spanEnds, columns.parents, columns.depths, columns.values, columns.styles,
      columns.kinds, columns.lines, columns.headingLevels, columns.indents,
    ].map((column) => column.buffer as ArrayBuffer);
  }

  /** Appends the clauses of `from` from `first` on, moved by `shift`. */
  appendMoved(from: ClauseTable, first: number, shift: RowShift): void {
    const start = this.count;
    const added = from.count - first;
    while (this.labelStarts.length < start + added) this.grow();
    const { offset, lines, fromId, ids } = shift;
    for (let i = 0; i < added; i++) {
      const old = first + i;
      const id = start + i;
      this.labelStarts[id] = from.labelStarts[old]! + offset;
      this.labelEnds[id] = from.labelEnds[old]! + offset;
      this.spanEnds[id] = from.spanEnds[old]! + offset;
      const parent = from.parents[old]!;
      this.parents[id] = parent === NO_PARENT || parent < fromId ? parent : parent + ids;
      this.lines[id] = from.lines[old]! + lines;
    }
    const end = from.count;
    this.depths.set(from.depths.subarray(first, end), start);
    this.values.set(from.values.subarray(first, end), start);
    this.styles.set(from.styles.subarray(first, end), start);
    this.kinds.set(from.kinds.subarray(first, end), start);
    this.headingLevels.set(from.headingLevels.subarray(first, end), start);
    this.indents.set(from.indents.subarray(first, end), start);
    for (const [old, insertion] of from.insertions) if (old >= first) this.insertions.set(old - first + start, insertion);
    for (const [old, label] of from.labelTexts) if (old >= first) this.labelTexts.set(old - first + start, label);
    this.count = start + added;
    if (this.describedBy && from.made?.clauses === this.describedBy.clauses) Object.assign(this.describedBy, { appendedAt: start, appendedFrom: first });
  }

  /**
   * Whether clause `id` would be read by a build as clause `oldId` of `other` is: the same label, number, style, kind,
   * depth, heading level and indentation (where it stands may differ).
   */
  isMovedRow(id: number, other: ClauseTable, oldId: number): boolean {
    return this.styles[id] === other.styles[oldId] && this.kinds[id] === other.kinds[oldId] && this.values[id] === other.values[oldId] &&
      this.depths[id] === other.depths[oldId] && this.indents[id] === other.indents[oldId] && this.headingLevel(id) === other.headingLevel(oldId) &&
      this.insertions.get(id) === other.insertions.get(oldId) && this.label(id) === other.label(oldId);
  }

  /** How many clauses have their label on a line before `line`. */
  rowsBeforeLine(line: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.lines[middle]! < line) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The clause whose label is on `line` (one at most: a clause per line), or -1. */
  rowOnLine(line: number): number {
    const id = this.rowsBeforeLine(line);
    return id < this.count && this.lines[id] === line ? id : -1;
  }

  /**
   * Adds the clause of a label on `line`, its label the text of [labelStart, labelEnd) or, when given, `trimmed`;
   * its span runs to the end of the line until it is closed. Returns its id.
   */
  add(label: LabelMatch, labelStart: number, labelEnd: number, trimmed: string | undefined, line: number, parent: number | undefined,
    headingLevel: number, indent: number): number {
    const id = this.count++;
    if (id === this.labelStarts.length) this.grow();
    this.labelStarts[id] = labelStart;
    this.labelEnds[id] = labelEnd;
    this.spanEnds[id] = this.lineIndex.lineEnd(line);
    this.parents[id] = parent ?? NO_PARENT;
    this.depths[id] = parent === undefined ? 0 : this.depths[parent]! + 1;
    this.values[id] = label.value;
    if (label.style !== this.lastStyle) this.lastStyleCode = STYLE_CODES.get((this.lastStyle = label.style))!;
    if (label.kind !== this.lastKind) this.lastKindCode = KIND_CODES.get((this.lastKind = label.kind))!;
    this.styles[id] = this.lastStyleCode;
    this.kinds[id] = this.lastKindCode;
    this.lines[id] = line;
    this.headingLevels[id] = headingLevel;
    this.indents[id] = indent;
    if (label.insertion) this.insertions.set(id, label.insertion);
    if (trimmed !== undefined) this.labelTexts.set(id, trimmed);
    return id;
  }

  /** The line after the clause's label is prose: a title wrapped or missing on the label's line is read there. */
  setNextLineProse(id: number): void {
    this.headingLevels[id]! |= NEXT_LINE_PROSE;
  }

  line(id: number): number {
    return this.lines[id]!;
  }

  headingLevel(id: number): number {
    return this.headingLevels[id]! & ~NEXT_LINE_PROSE;
  }

  indent(id: number): number {
    return this.indents[id]!;
  }

  style(id: number): LabelStyle {
    return STYLES[this.styles[id]!]!;
  }

  kind(id: number): ClauseKind {
    return KINDS[this.kinds[id]!]!;
  }

  setKind(id: number, kind: ClauseKind): void {
    this.kinds[id] = KIND_CODES.get(kind)!;
  }

  value(id: number): number {
    return this.values[id]!;
  }

  depth(id: number): number {
    return this.depths[id]!;
  }

  parent(id: number): number | undefined {
    const parent = this.parents[id]!;
    return parent === NO_PARENT ? undefined : parent;
  }

  /** Whether a clause's label is the text of its span (else it was trimmed: see add). */
  isLabelInText(id: number): boolean {
    return this.labelTexts.size === 0 || !this.labelTexts.has(id);
  }

  label(id: number): string {
    return this.labelTexts.get(id) ?? this.text.slice(this.labelStarts[id]!, this.labelEnds[id]!);
  }

  labelStart(id: number): number {
    return this.labelStarts[id]!;
  }

  labelEnd(id: number): number {
    return this.labelEnds[id]!;
  }

  spanEnd(id: number): number {
    return this.spanEnds[id]!;
  }

  setSpanEnd(id: number, end: number): void {
    this.spanEnds[id] = end;
  }

  /** Whether some clause has this style. */
  has(style: LabelStyle): boolean {
    const code = STYLE_CODES.get(style)!;
    return this.styles.subarray(0, this.count).includes(code);
  }

  /** The first clause of another style than `style`, or undefined. */
  firstNot(style: LabelStyle): number | undefined {
    const code = STYLE_CODES.get(style)!;
    for (let id = 0; id < this.count; id++) if (this.styles[id] !== code) return id;
    return undefined;
  }

  /** The highest value of each style but those given. */
  highestValues(except: ReadonlySet<LabelStyle>): Map<LabelStyle, number> {
    const highest = new Map<LabelStyle, number>();
    for (let id = 0; id < this.count; id++) {
      const style = STYLES[this.styles[id]!]!;
      if (!except.has(style)) highest.set(style, Math.max(highest.get(style) ?? 0, this.values[id]!));
    }
    return highest;
  }

  /** Whether a clause's label starts at `offset` (labels are in text order: a binary search). */
  isLabelStart(offset: number): boolean {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = this.labelStarts[middle]!;
      if (start === offset) return true;
      if (start < offset) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  /** The labels of the clauses of one style, in order. */
  labelsOf(style: LabelStyle): string[] {
    const code = STYLE_CODES.get(style)!;
    const labels: string[] = [];
    for (let id = 0; id < this.count; id++) if (this.styles[id] === code) labels.push(this.label(id));
    return labels;
  }

  /** Every clause as an object, made on first call (the tree is complete by then). */
  get clauses(): Clause[] {
    return this.objects().clauses;
  }

  /** The ids of the clauses without a parent. */
  get roots(): number[] {
    return this.objects().roots;
  }

  /**
   * Makes the clause objects, yielding after each `step` of them: a thread that must stay free to answer requests
   * makes a large document's a slice at a time (analysisCodec.ts). `clauses` reads them once made.
   */
  *objectsInSteps(step: number): Generator<void> {
    if (this.made) return;
    const clauses: Clause[] = new Array<Clause>(this.count);
    const roots: number[] = [];
    for (let id = 0; id < this.count; id++) {
      const clause = this.clauseObject(id);
      clauses[id] = clause;
      if (clause.parent === undefined) roots.push(id);
      else clauses[clause.parent]!.children.push(id);
      if (id % step === step - 1) yield;
    }
    this.describedBy = undefined;
    this.made ??= { clauses, roots };
  }

  private objects(): { clauses: Clause[]; roots: number[] } {
    const steps = this.objectsInSteps(Infinity);
    while (!steps.next().done);
    return this.made!;
  }

  /** A clause's title and first sentence: the last tree's where this clause was taken from it, else read now. */
  private description(id: number): { title: string; firstSentence: string } {
    const by = this.describedBy;
    const old = by === undefined ? undefined : id < by.prefix ? by.clauses[id] : id >= by.appendedAt ? by.clauses[id - by.appendedAt + by.appendedFrom] : undefined;
    if (old) return old;
    return describeClause(this.text, this.labelEnds[id]!, this.lineIndex.lineEnd(this.lines[id]!), this.headingLevel(id) > 0, this.nextLineProse(id));
  }

  private clauseObject(id: number): Clause {
    const parent = this.parent(id);
    const line = this.lines[id]!;
    const { title, firstSentence } = this.description(id);
    const clause: Clause = {
      id,
      label: this.label(id),
      style: this.style(id),
      kind: this.kind(id),
      value: this.values[id]!,
      labelSpan: { start: this.labelStarts[id]!, end: this.labelEnds[id]! },
      title,
      firstSentence,
      span: { start: this.lineIndex.lineStart(line), end: this.spanEnds[id]! },
      parent,
      children: [],
      depth: this.depths[id]!,
    };
    // Set only where there is one (rare), so that the common shape has no such field.
    const insertion = this.insertions.get(id);
    if (insertion) clause.insertion = insertion;
    return clause;
  }

  /** The text of the line after the label's, past its leading spaces, when it is prose. */
  private nextLineProse(id: number): Span | undefined {
    if ((this.headingLevels[id]! & NEXT_LINE_PROSE) === 0) return undefined;
    const next = this.lines[id]! + 1;
    const end = this.lineIndex.lineEnd(next);
    return { start: firstNonSpace(this.text, this.lineIndex.lineStart(next), end), end };
  }

  private grow(): void {
    const capacity = Math.max(INITIAL_CAPACITY, this.labelStarts.length * 2);
    this.labelStarts = grown(this.labelStarts, new Uint32Array(capacity));
    this.labelEnds = grown(this.labelEnds, new Uint32Array(capacity));
    this.spanEnds = grown(this.spanEnds, new Uint32Array(capacity));
    this.parents = grown(this.parents, new Int32Array(capacity));
    this.depths = grown(this.depths, new Uint16Array(capacity));
    this.values = grown(this.values, new Float64Array(capacity));
    this.styles = grown(this.styles, new Uint8Array(capacity));
    this.kinds = grown(this.kinds, new Uint8Array(capacity));
    this.lines = grown(this.lines, new Uint32Array(capacity));
    this.headingLevels = grown(this.headingLevels, new Uint8Array(capacity));
    this.indents = grown(this.indents, new Int32Array(capacity));
  }
}
