/**
 * The clause tree of an open document, resumed from a checkpoint (issue 7). The tree's builder (clauseTree.ts) is one
 * pass over the lines with a state: the stack of open clauses, the sequence memories, the Markdown flags, the fences
 * that never close, what the line before said. At paragraph breaks every CHECKPOINT_SPACING code units it writes that
 * state down here, with how many clauses, problems and code blocks it had made. The next build of the document:
 *
 *  - finds the first changed offset and the unchanged tail (compared natively, a block at a time);
 *  - restores the last checkpoint before the change, and keeps the last tree's clauses and problems before it;
 *  - builds from there, and at each of the last build's checkpoints in the unchanged tail compares states: once they
 *    are equal (the same clauses open, the same memories, the same flags; a clause made since the change is the same
 *    as the one made last time, moved), what the last build made after that checkpoint is taken, moved by the change
 *    in length, lines and clause count. A state that never converges (an edit that renumbers everything after it)
 *    builds to the end: still the tree a full build gives, as the differential fuzzing tests.
 *
 * The builder reads text backwards at a checkpoint's position (the end of the last line that is not blank, where a
 * clause closed there ends), so a checkpoint converges only where that text is in the unchanged tail; and forwards
 * only to find a fence's closing line, which a checkpoint after an unclosed fence (whose search read to the end of the
 * text) records, so that no build resumes from it unless the changed lines hold no fence of that kind.
 */
import type { LabelStyle, Problem, Span } from '../model';
import { LineIndex } from '../text/lineIndex';
import { editedLineStarts } from '../text/editedLines';
import { commonTail, firstChange } from '../text/textChanges';
import { isSpace } from '../text/chars';
import { ClauseTable, type RowShift } from './clauseTable';
import { ProblemList } from '../problemList';

/** What a numbering sequence remembers across parents; a Markdown document's headings and body keep one each. */
export interface SequenceMemory {
  /** The last clause of each style: laws number articles straight through chapters, notices （一）…（十六） through parts. */
  lastOfStyle: Map<LabelStyle, number>;
  /** The last clause at each depth, for sequences that switch style across parents ((IV) under I., (5) under II.). */
  lastAtDepth: Map<number, number>;
}

/** The part of the builder's state a checkpoint keeps (the rest is caches of strings, which change no field). */
export interface BuildState {
  table: ClauseTable;
  problems: ProblemList;
  stack: number[];
  memory: [SequenceMemory, SequenceMemory];
  paragraphSinceLabel: boolean;
  markdown: boolean;
  unclosedFences: Set<number>;
  announcing: Set<number>;
}

/** What the loop over the lines knows of the line before, at a checkpoint. */
export interface LineBefore {
  closesSentence: boolean;
  /** The last line that is not blank, or -1. */
  line: number;
  /** Whether a label on the next line would continue a citation that line ends with. */
  continuesCitation: boolean;
}

/** The tree as the builder returns it. */
export interface BuiltTree {
  table: ClauseTable;
  problems: ProblemList;
  codeBlocks: Span[];
}

interface Checkpoint {
  /** Where the line after the paragraph break starts, and its number. */
  offset: number;
  line: number;
  /** How many clauses, problems and code blocks were made before it. */
  rows: number;
  problems: number;
  codeBlocks: number;
  stack: readonly number[];
  /** The clauses of the stack that announce a list (their line ends in a colon). */
  announcing: readonly number[];
  /** The body's memory, then the headings': [style, clause] and [depth, clause]. */
  lastOfStyle: readonly [readonly (readonly [LabelStyle, number])[], readonly (readonly [LabelStyle, number])[]];
  lastAtDepth: readonly [readonly (readonly [number, number])[], readonly (readonly [number, number])[]];
  paragraphSinceLabel: boolean;
  markdown: boolean;
  unclosedFences: readonly number[];
  before: LineBefore;
}

/** A checkpoint is written at the first paragraph break this many code units after the last one. */
export const CHECKPOINT_SPACING = 2048;


/** The documents' last build, for the next to resume from. One per open document, in its AnalysisCache. */
export class ClauseTreeCheckpoints {
  private last: LastBuild | undefined;
  /** Where a text differs from the last build's (found once per text: for its line index, then its tree). */
  private change: { text: string; first: number; tail: number } | undefined;
  /** The part of the text the last build read, from its checkpoint to where it converged (for tests and benchmarks). */
  built = { from: 0, to: 0 };

  /** `spacing`: a checkpoint at the first paragraph break this many code units after the last (0: at every one). */
  constructor(readonly spacing = CHECKPOINT_SPACING) {}

  /**
   * How to build the tree of `text`: from the start, or from the last build's checkpoint before the first change. The
   * build reports each paragraph break to the returned session, which records checkpoints and finds convergence.
   */
  session(text: string, lines: LineIndex): BuildSession {
    const last = this.last;
    if (!last) return new BuildSession(this, text, lines, undefined);
    const { first, tail } = this.changeFrom(last, text);
    let index = last.checkpoints.length - 1;
    // The state at a checkpoint depends on the text before it; at the start of the text, on nothing.
    while (index >= 0 && last.checkpoints[index]!.offset >= Math.max(first, 1)) index--;
    // A checkpoint after a fence that never closes holds while the changed lines hold no fence that could close it.
    if (index >= 0 && last.checkpoints[index]!.unclosedFences.length > 0) {
      const fences = fencesIn(text.slice(lines.lineStart(lines.lineOf(first - 1)), lines.lineEnd(lines.lineOf(text.length - tail))));
      while (index >= 0 && last.checkpoints[index]!.unclosedFences.some((code) => fences.includes(code))) index--;
    }
    const resume: Resume | undefined = index < 0 ? undefined : {
      last, from: last.checkpoints[index]!, kept: index + 1, firstChangedLine: lines.lineOf(first - 1),
      tailStart: text.length - tail, delta: text.length - last.text.length,
    };
    return new BuildSession(this, text, lines, resume);
  }

  /** The line index of `text`: the last build's line starts, but for the changed lines, read again (text/editedLines.ts). */
  lineIndex(text: string): LineIndex {
    const last = this.last;
    if (!last) return new LineIndex(text);
    const { first, tail } = this.changeFrom(last, text);
    return new LineIndex(text, editedLineStarts(last.lines.lineStarts, text, first, text.length - tail, text.length - last.text.length));
  }

  /** Keeps a finished build for the next one; it read the text from `from` to `to`. */
  keep(text: string, lines: LineIndex, tree: BuiltTree, checkpoints: readonly Checkpoint[], from: number, to: number): void {
    this.last = { text, lines, tree, checkpoints };
    this.change = undefined;
    this.built = { from, to };
  }

  /** The first changed offset and the length of the unchanged tail (no longer than what follows the first change in either text). */
  private changeFrom(last: LastBuild, text: string): { first: number; tail: number } {
    if (this.change?.text !== text) {
      const first = firstChange(last.text, text);
      this.change = { text, first, tail: Math.min(commonTail(last.text, text), Math.min(last.text.length, text.length) - first) };
    }
    return this.change;
  }
}

interface LastBuild {
  text: string;
  lines: LineIndex;
  tree: BuiltTree;
  checkpoints: readonly Checkpoint[];
}

interface Resume {
  last: LastBuild;
  /** The checkpoint the build starts from, and how many of the last build's checkpoints (up to it) it keeps. */
  from: Checkpoint;
  kept: number;
  /** The line of the last offset before the change: the clauses before it are the same, the others may move. */
  firstChangedLine: number;
  /** Where the unchanged tail of the text starts, and the change in length. */
  tailStart: number;
  delta: number;
}

/** One build of a document's tree: where it starts, the checkpoints it writes, and its end once it converges. */
export class BuildSession {
  private readonly checkpoints: Checkpoint[];
  private nextCheckpoint = 0;
  /** The next of the last build's checkpoints to compare states at (an index in its list), once past the change. */
  private nextOld = 0;
  private nextStop = 0;
  /** Clauses before this id are the same in both builds (set once the build has passed the change). */
  private sameBefore = -1;

  constructor(private readonly store: ClauseTreeCheckpoints, private readonly text: string, private readonly lines: LineIndex,
    private readonly resume: Resume | undefined) {
    // A build from the start writes the state there first: an edit in the first paragraph resumes from it, and may converge.
    this.checkpoints = resume ? resume.last.checkpoints.slice(0, resume.kept) : [START];
    if (resume) {
      this.nextCheckpoint = resume.from.offset + store.spacing;
      this.nextOld = resume.kept;
    }
    this.nextStop = this.stopAfter();
  }

  /** The checkpoint the build starts from, if any. */
  get start(): Checkpoint | undefined {
    return this.resume?.from;
  }

  /** The table and problems a resumed build starts with: the last build's before its checkpoint. */
  startingTree(): BuiltTree | undefined {
    const resume = this.resume;
    if (!resume) return undefined;
    const { tree } = resume.last;
    const problems = new ProblemList();
    for (let index = 0; index < resume.from.problems; index++) copyProblem(problems, tree.problems.at(index), 0, (line) => line);
    return {
      table: ClauseTable.startingWith(this.text, this.lines, tree.table, resume.from.rows),
      problems,
      codeBlocks: tree.codeBlocks.slice(0, resume.from.codeBlocks),
    };
  }

  /** The state a resumed build starts with. */
  restore(state: BuildState, from: Checkpoint): void {
    state.stack.push(...from.stack);
    for (const id of from.announcing) state.announcing.add(id);
    for (let which = 0; which < 2; which++) {
      for (const [style, id] of from.lastOfStyle[which]!) state.memory[which]!.lastOfStyle.set(style, id);
      for (const [depth, id] of from.lastAtDepth[which]!) state.memory[which]!.lastAtDepth.set(depth, id);
    }
    state.paragraphSinceLabel = from.paragraphSinceLabel;
    state.markdown = from.markdown;
    for (const code of from.unclosedFences) state.unclosedFences.add(code);
  }

  /** Whether the build should report the paragraph break before `offset` (a quick test, made at every break). */
  isDue(offset: number): boolean {
    return offset >= this.nextStop;
  }

  /**
   * At the paragraph break before line `line` (starting at `offset`): writes a checkpoint, or, where the state is the
   * last build's at the same place, finishes the tree with what the last build made after it. Returns the finished
   * tree, or undefined to build on.
   */
  atBreak(state: BuildState, codeBlocks: Span[], line: number, offset: number, before: LineBefore): BuiltTree | undefined {
    const resume = this.resume;
    if (resume && this.nextOld < resume.last.checkpoints.length) {
      const old = this.oldCheckpointAt(resume, offset);
      if (old !== undefined && this.converges(resume, old, state, codeBlocks, line, offset, before)) return this.finish(resume, old, state, codeBlocks, line, offset, before);
    }
    if (offset >= this.nextCheckpoint) {
      this.checkpoints.push(snapshot(state, codeBlocks.length, line, offset, before));
      this.nextCheckpoint = offset + this.store.spacing;
    }
    this.nextStop = this.stopAfter();
    return undefined;
  }

  /** Keeps the finished tree, with the checkpoints written, for the next build; `to`: where it converged. */
  keep(tree: BuiltTree, to = this.text.length): void {
    this.store.keep(this.text, this.lines, tree, this.checkpoints, this.resume?.from.offset ?? 0, to);
  }

  /** The next offset at which atBreak has something to do. */
  private stopAfter(): number {
    const resume = this.resume;
    const old = resume?.last.checkpoints[this.nextOld];
    const converging = old && resume ? Math.max(old.offset + resume.delta, resume.tailStart) : Infinity;
    return Math.min(this.nextCheckpoint, converging);
  }

  /** The last build's checkpoint at the place of `offset` (in the unchanged tail), past those before it. */
  private oldCheckpointAt(resume: Resume, offset: number): Checkpoint | undefined {
    if (offset < resume.tailStart) return undefined;
    const olds = resume.last.checkpoints;
    while (this.nextOld < olds.length && olds[this.nextOld]!.offset + resume.delta < offset) this.nextOld++;
    const old = olds[this.nextOld];
    return old?.offset === offset - resume.delta ? old : undefined;
  }

  /** Whether the state at `offset` is the last build's at `old`, so that what follows is the same, moved. */
  private converges(resume: Resume, old: Checkpoint, state: BuildState, codeBlocks: readonly Span[], line: number, offset: number, before: LineBefore): boolean {
    // A clause closed at the next label ends at the last character that is not a space: it must be in the tail.
    if (trimmedEnd(this.text, offset) <= resume.tailStart || this.fenceAcrossChange(resume, codeBlocks)) return false;
    if (old.paragraphSinceLabel !== state.paragraphSinceLabel || old.markdown !== state.markdown ||
      old.before.closesSentence !== before.closesSentence || old.before.continuesCitation !== before.continuesCitation ||
      !sameNumbers(old.unclosedFences, [...state.unclosedFences]) || old.stack.length !== state.stack.length) return false;
    const shift = this.shiftAt(resume, old, state, line, offset);
    const same = (oldId: number, id: number | undefined) => id !== undefined && this.sameClause(resume, shift, oldId, id, state.table);
    for (let i = 0; i < old.stack.length; i++) {
      const id = state.stack[i]!;
      if (!same(old.stack[i]!, id) || old.announcing.includes(old.stack[i]!) !== state.announcing.has(id)) return false;
    }
    for (let which = 0; which < 2; which++) {
      const memory = state.memory[which]!;
      const lastOfStyle = old.lastOfStyle[which]!;
      const lastAtDepth = old.lastAtDepth[which]!;
      if (lastOfStyle.length !== memory.lastOfStyle.size || lastAtDepth.length !== memory.lastAtDepth.size) return false;
      if (!lastOfStyle.every(([style, id]) => same(id, memory.lastOfStyle.get(style)))) return false;
      if (!lastAtDepth.every(([depth, id]) => same(id, memory.lastAtDepth.get(depth)))) return false;
    }
    return true;
  }

  /**
   * Whether a fenced block opened before the changed line closes on it or after, in either build: then the lines
   * before the change may hold other clauses than last time (their fence read the change), and nothing is taken.
   */
  private fenceAcrossChange(resume: Resume, codeBlocks: readonly Span[]): boolean {
    const changedLine = this.lines.lineStart(resume.firstChangedLine);
    const across = (blocks: readonly Span[]) => blocks.some((block, index) => index >= resume.from.codeBlocks && block.start < changedLine && block.end >= changedLine);
    return across(codeBlocks) || across(resume.last.tree.codeBlocks);
  }

  /** How the last build's clauses after `old` move to stand after `offset`. */
  private shiftAt(resume: Resume, old: Checkpoint, state: BuildState, line: number, offset: number): RowShift {
    if (this.sameBefore < 0) this.sameBefore = resume.last.tree.table.rowsBeforeLine(resume.firstChangedLine);
    return { offset: offset - old.offset, lines: line - old.line, fromLine: resume.firstChangedLine, fromId: this.sameBefore, ids: state.table.count - old.rows };
  }

  /** Whether clause `id` of this build is clause `oldId` of the last, where the last's clauses move by `shift`. */
  private sameClause(resume: Resume, shift: RowShift, oldId: number, id: number, table: ClauseTable): boolean {
    if (oldId < shift.fromId) return id === oldId;
    return id === oldId + shift.ids && table.isMovedRow(id, resume.last.tree.table, oldId);
  }

  /** The tree: this build's up to `offset`, then the last build's after `old`, moved. */
  private finish(resume: Resume, old: Checkpoint, state: BuildState, codeBlocks: Span[], line: number, offset: number, before: LineBefore): BuiltTree {
    const shift = this.shiftAt(resume, old, state, line, offset);
    const last = resume.last.tree;
    const problemsHere = state.problems.length;
    const codeBlocksHere = codeBlocks.length;
    // The clauses open here close where they closed last time, moved.
    for (let i = 0; i < state.stack.length; i++) state.table.setSpanEnd(state.stack[i]!, last.table.spanEnd(old.stack[i]!) + shift.offset);
    state.table.appendMoved(last.table, old.rows, shift);
    const lineOf = (oldLine: number) => oldLine >= old.line ? oldLine + shift.lines : oldLine < shift.fromLine ? oldLine
      : state.table.line(last.table.rowOnLine(oldLine) + shift.ids);
    for (let index = old.problems; index < last.problems.length; index++) copyProblem(state.problems, last.problems.at(index), shift.offset, lineOf);
    for (let index = old.codeBlocks; index < last.codeBlocks.length; index++) {
      const block = last.codeBlocks[index]!;
      codeBlocks.push({ start: block.start + shift.offset, end: block.end + shift.offset });
    }
    const olds = resume.last.checkpoints;
    const counts = { problems: problemsHere - old.problems, codeBlocks: codeBlocksHere - old.codeBlocks };
    for (let i = olds.indexOf(old); i < olds.length; i++) this.checkpoints.push(moved(olds[i]!, shift, counts, old.before.line, before.line));
    return { table: state.table, problems: state.problems, codeBlocks };
  }
}

/** The state before the first line. */
const START: Checkpoint = {
  offset: 0, line: 0, rows: 0, problems: 0, codeBlocks: 0, stack: [], announcing: [], lastOfStyle: [[], []], lastAtDepth: [[], []],
  paragraphSinceLabel: false, markdown: false, unclosedFences: [], before: { closesSentence: false, line: -1, continuesCitation: false },
};

function snapshot(state: BuildState, codeBlocks: number, line: number, offset: number, before: LineBefore): Checkpoint {
  return {
    offset, line, rows: state.table.count, problems: state.problems.length, codeBlocks,
    stack: [...state.stack],
    announcing: state.stack.filter((id) => state.announcing.has(id)),
    lastOfStyle: [[...state.memory[0].lastOfStyle], [...state.memory[1].lastOfStyle]],
    lastAtDepth: [[...state.memory[0].lastAtDepth], [...state.memory[1].lastAtDepth]],
    paragraphSinceLabel: state.paragraphSinceLabel, markdown: state.markdown, unclosedFences: [...state.unclosedFences], before,
  };
}

/**
 * A checkpoint of the last build after the one it converged at, moved to this build: `counts`, how many more problems
 * and code blocks stand before it here. Its line before is a line after the converged checkpoint's, moved, or that
 * one's own (`lineBefore` then, here `lineBeforeNow`).
 */
function moved(checkpoint: Checkpoint, shift: RowShift, counts: { problems: number; codeBlocks: number }, lineBefore: number, lineBeforeNow: number): Checkpoint {
  const id = (old: number) => (old < shift.fromId ? old : old + shift.ids);
  const entries = <K>(list: readonly (readonly [K, number])[]) => list.map(([key, old]) => [key, id(old)] as const);
  const previous = checkpoint.before.line;
  return {
    ...checkpoint,
    offset: checkpoint.offset + shift.offset, line: checkpoint.line + shift.lines, rows: checkpoint.rows + shift.ids,
    problems: checkpoint.problems + counts.problems, codeBlocks: checkpoint.codeBlocks + counts.codeBlocks,
    stack: checkpoint.stack.map(id), announcing: checkpoint.announcing.map(id),
    lastOfStyle: [entries(checkpoint.lastOfStyle[0]), entries(checkpoint.lastOfStyle[1])],
    lastAtDepth: [entries(checkpoint.lastAtDepth[0]), entries(checkpoint.lastAtDepth[1])],
    before: { ...checkpoint.before, line: previous === lineBefore ? lineBeforeNow : previous + shift.lines },
  };
}

/** Adds a problem of the last build, moved by `offset`, the line it names (1-based) moved as its 0-based `lineOf` says. */
function copyProblem(to: ProblemList, problem: Problem, offset: number, lineOf: (line: number) => number): void {
  const line = problem.previousLine === undefined ? undefined : lineOf(problem.previousLine - 1) + 1;
  to.add(problem.start + offset, problem.end + offset, problem.code, problem.severity, problem.detail, line);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/** Where the text before `offset` ends once the spaces before it are trimmed. */
function trimmedEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The fence characters (` and ~, as codes) of which three in a row stand in `text`. */
function fencesIn(text: string): number[] {
  return ['```', '~~~'].filter((fence) => text.includes(fence)).map((fence) => fence.charCodeAt(0));
}

