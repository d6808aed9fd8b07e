/**
 * A file's summary made on another thread, carried back lean. A notice's clause tree is most of a summary (four
 * fifths of what the corpus's summaries copy), and as objects it crosses threads slowly: every clause's property
 * names, spans and strings are cloned one by one. Here it travels as columns: the numbers of every clause in one
 * Float64Array (moved, not copied, with the line starts), its label, title and first sentence in one list of strings
 * (each arrives as a string of its own: a slice of one long string would keep the whole alive). The
 * rest of the summary is small and travels as it is. Decoding makes the same objects again, so nothing downstream
 * knows: `decodeSummary(encodeSummary(s))` deep-equals `s`.
 */
import type { Clause, ClauseKind, LabelStyle } from '../model';
import type { FileSummary, NoticeClauses } from './summary';

export interface EncodedSummary {
  summary: Omit<FileSummary, 'notice'>;
  notice?: EncodedClauses;
}

interface EncodedClauses {
  /** Per clause, FIELDS numbers; then the children of each clause, the roots, and the internal references. */
  numbers: Float64Array;
  /** Every clause's label, title and first sentence, one after another. */
  strings: string[];
  /** The distinct styles and kinds, which the numbers index. */
  styles: LabelStyle[];
  kinds: ClauseKind[];
  clauseCount: number;
  rootCount: number;
  internalReferenceCount: number;
}

/** Numbers per clause: value, insertion, label span, span, parent, depth, child count, style, kind. */
const FIELDS = 11;
/** An absent insertion or parent. */
const NONE = -1;

/** The summary's encoding, and the buffers to transfer (not copy) with it. */
export function encodeSummary(summary: FileSummary): { encoded: EncodedSummary; transfer: ArrayBuffer[] } {
  const { notice, ...rest } = summary;
  const lineStarts = ownBuffer(summary.lineStarts);
  const encoded: EncodedSummary = { summary: { ...rest, lineStarts } };
  const transfer = [lineStarts.buffer as ArrayBuffer];
  if (notice) {
    encoded.notice = encodeClauses(notice);
    transfer.push(encoded.notice.numbers.buffer as ArrayBuffer);
  }
  return { encoded, transfer };
}

export function decodeSummary(encoded: EncodedSummary): FileSummary {
  const summary: FileSummary = { ...encoded.summary };
  if (encoded.notice) summary.notice = decodeClauses(encoded.notice);
  return summary;
}

/** A typed array alone in its buffer, so that moving the buffer moves nothing else. */
function ownBuffer(array: Uint32Array): Uint32Array {
  return array.byteOffset === 0 && array.byteLength === array.buffer.byteLength ? array : array.slice();
}

function encodeClauses(notice: NoticeClauses): EncodedClauses {
  const { clauses, roots, internalReferences } = notice;
  const childCount = clauses.reduce((sum, clause) => sum + clause.children.length, 0);
  const numbers = new Float64Array(clauses.length * FIELDS + childCount + roots.length + internalReferences.length * 3);
  const styles = new Tags<LabelStyle>();
  const kinds = new Tags<ClauseKind>();
  const strings: string[] = [];
  let at = 0;
  for (const clause of clauses) {
    numbers.set([
      clause.value, clause.insertion ?? NONE, clause.labelSpan.start, clause.labelSpan.end, clause.span.start, clause.span.end,
      clause.parent ?? NONE, clause.depth, clause.children.length, styles.indexOf(clause.style), kinds.indexOf(clause.kind),
    ], at);
    at += FIELDS;
    strings.push(clause.label, clause.title, clause.firstSentence);
  }
  for (const clause of clauses) for (const child of clause.children) numbers[at++] = child;
  for (const root of roots) numbers[at++] = root;
  for (const reference of internalReferences) {
    numbers.set([reference.start, reference.end, reference.clause], at);
    at += 3;
  }
  return {
    numbers, strings, styles: styles.list, kinds: kinds.list,
    clauseCount: clauses.length, rootCount: roots.length, internalReferenceCount: internalReferences.length,
  };
}

function decodeClauses(encoded: EncodedClauses): NoticeClauses {
  const { numbers, strings, styles, kinds } = encoded;
  const clauses: Clause[] = [];
  let children = encoded.clauseCount * FIELDS;
  for (let id = 0, at = 0; id < encoded.clauseCount; id++, at += FIELDS) {
    const field = (index: number) => integer(numbers[at + index]!);
    // The fields in the order the clause tree makes them: one shape for clauses from here and from an analysis.
    const clause: Clause = {
      id, label: strings[3 * id]!, style: styles[field(9)]!, kind: kinds[field(10)]!, value: numbers[at]!,
      labelSpan: { start: field(2), end: field(3) }, title: strings[3 * id + 1]!, firstSentence: strings[3 * id + 2]!,
      span: { start: field(4), end: field(5) }, parent: optional(field(6)),
      children: Array.from(numbers.subarray(children, (children += field(8))), integer), depth: field(7),
    };
    const insertion = optional(field(1));
    if (insertion !== undefined) clause.insertion = insertion;
    clauses.push(clause);
  }
  const roots = Array.from(numbers.subarray(children, children + encoded.rootCount), integer);
  const internalReferences: NoticeClauses['internalReferences'] = [];
  for (let at = children + encoded.rootCount, n = 0; n < encoded.internalReferenceCount; n++, at += 3) {
    internalReferences.push({ start: integer(numbers[at]!), end: integer(numbers[at + 1]!), clause: integer(numbers[at + 2]!) });
  }
  return { clauses, roots, internalReferences };
}

/**
 * An offset, id or count read from the Float64Array, as a small integer: stored as a double it would take a heap
 * number of its own in every object that holds it.
 */
function integer(value: number): number {
  return value | 0;
}

function optional(value: number): number | undefined {
  return value === NONE ? undefined : value;
}

/** Distinct strings numbered in order of first use. */
class Tags<T extends string> {
  readonly list: T[] = [];
  private readonly indexes = new Map<T, number>();

  indexOf(tag: T): number {
    let index = this.indexes.get(tag);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(tag);
      this.indexes.set(tag, index);
    }
    return index;
  }
}
