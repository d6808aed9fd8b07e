/**
 * Problems held in columns: offsets, code, severity, the line a numbering message names, and an index into the
 * distinct details (a run of a million duplicate labels shares one). A million problems cost some twenty bytes each,
 * not a million objects; `Problem` objects are made when read (`at`, iteration) or all at once when a feature asks
 * for the array (`array`).
 */
import type { Problem, ProblemCode, ProblemDetail } from './model';
import type { Severity } from './knowledge/types';
import { grown } from './columns';

const CODES: readonly ProblemCode[] = [
  'banned-term', 'numbering-gap', 'numbering-duplicate', 'numbering-order', 'numbering-style', 'unresolved-reference',
  'not-analysed', 'repealed-notice', 'missing-clause', 'duplicate-notice', 'unused-suppression', 'translation-missing-clause',
  'translation-extra-clause', 'translation-numbering', 'translation-mismatch', 'translation-term', 'translation-moved-clause',
];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const CODE_NUMBERS: ReadonlyMap<ProblemCode, number> = new Map(CODES.map((code, number) => [code, number]));
const SEVERITY_NUMBERS: ReadonlyMap<Severity, number> = new Map(SEVERITIES.map((severity, number) => [severity, number]));

/** No line named (0 is no line: lines are 1-based). */
const NO_LINE = 0;
const INITIAL_CAPACITY = 16;

export class ProblemList implements Iterable<Problem> {
  length = 0;
  private starts = new Uint32Array(INITIAL_CAPACITY);
  private ends = new Uint32Array(INITIAL_CAPACITY);
  private codes = new Uint8Array(INITIAL_CAPACITY);
  private severities = new Uint8Array(INITIAL_CAPACITY);
  private detailIndexes = new Uint32Array(INITIAL_CAPACITY);
  private previousLines = new Uint32Array(INITIAL_CAPACITY);
  private readonly details: ProblemDetail[] = [];
  private made: Problem[] | undefined;
  /** The code and severity added last, and their numbers: a run of problems of one kind looks them up once. */
  private lastCode: ProblemCode | undefined;
  private lastCodeNumber = 0;
  private lastSeverity: Severity | undefined;
  private lastSeverityNumber = 0;

  /** Appends a problem; a detail that is the one added last is kept once. */
  add(start: number, end: number, code: ProblemCode, severity: Severity, detail: ProblemDetail, previousLine?: number): void {
    const at = this.length++;
    if (at === this.starts.length) this.grow();
    this.starts[at] = start;
    this.ends[at] = end;
    if (code !== this.lastCode) this.lastCodeNumber = CODE_NUMBERS.get((this.lastCode = code))!;
    if (severity !== this.lastSeverity) this.lastSeverityNumber = SEVERITY_NUMBERS.get((this.lastSeverity = severity))!;
    this.codes[at] = this.lastCodeNumber;
    this.severities[at] = this.lastSeverityNumber;
    if (this.details[this.details.length - 1] !== detail) this.details.push(detail);
    this.detailIndexes[at] = this.details.length - 1;
    this.previousLines[at] = previousLine ?? NO_LINE;
  }

  /** The problem at `index`, as an object made now. */
  at(index: number): Problem {
    const problem: Problem = {
      start: this.starts[index]!, end: this.ends[index]!, code: CODES[this.codes[index]!]!, severity: SEVERITIES[this.severities[index]!]!,
      detail: this.details[this.detailIndexes[index]!]!,
    };
    const line = this.previousLines[index]!;
    if (line !== NO_LINE) problem.previousLine = line;
    return problem;
  }

  start(index: number): number {
    return this.starts[index]!;
  }

  *[Symbol.iterator](): Iterator<Problem> {
    for (let index = 0; index < this.length; index++) yield this.at(index);
  }

  /** Every problem as an object, made on first call. */
  get array(): Problem[] {
    if (!this.made) {
      const made: Problem[] = new Array<Problem>(this.length);
      for (let index = 0; index < this.length; index++) made[index] = this.at(index);
      this.made = made;
    }
    return this.made;
  }

  /**
   * These problems (in order of offset) and `others` (in any order) in one list by offset, as a stable sort of the
   * two one after the other would order them: at one offset, these first.
   */
  mergedWith(others: readonly Problem[]): ProblemList {
    if (others.length === 0) return this;
    const sorted = [...others].sort((a, b) => a.start - b.start);
    const merged = new ProblemList();
    let next = 0;
    for (let index = 0; index < this.length; index++) {
      while (next < sorted.length && sorted[next]!.start < this.starts[index]!) merged.push(sorted[next++]!);
      merged.copy(this, index);
    }
    while (next < sorted.length) merged.push(sorted[next++]!);
    return merged;
  }

  private push(problem: Problem): void {
    this.add(problem.start, problem.end, problem.code, problem.severity, problem.detail, problem.previousLine);
  }

  private copy(from: ProblemList, index: number): void {
    this.add(from.starts[index]!, from.ends[index]!, CODES[from.codes[index]!]!, SEVERITIES[from.severities[index]!]!,
      from.details[from.detailIndexes[index]!]!, from.previousLines[index]! || undefined);
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    this.starts = grown(this.starts, new Uint32Array(capacity));
    this.ends = grown(this.ends, new Uint32Array(capacity));
    this.codes = grown(this.codes, new Uint8Array(capacity));
    this.severities = grown(this.severities, new Uint8Array(capacity));
    this.detailIndexes = grown(this.detailIndexes, new Uint32Array(capacity));
    this.previousLines = grown(this.previousLines, new Uint32Array(capacity));
  }
}
