/**
 * How well a group of original units matches a group of translation units: the cost the dynamic programme
 * minimises (in nats, Gale–Church style: -log of a probability, plus bonuses and penalties for labels and shared
 * anchors), and, for the pair chosen, a basis and a confidence.
 */
import type { AlignmentBasis } from './types';
import type { Clause } from '../model';
import type { FixedPoint } from './monotonic';
import { numberOf, type Segment } from './units';

/** Translation characters per original character, and the variance per original character. */
export interface LengthModel {
  ratio: number;
  variance: number;
}

export interface Evidence {
  cost: number;
  basis: AlignmentBasis;
  confidence: number;
}

/** -log of the prior of each kind of step (Gale and Church's estimates: 1-1 is the rule, 1-0 and 0-1 rare). */
const PRIOR_ONE_TO_ONE = 0.1;
const PRIOR_MERGE = 2.4;
/** The cost of leaving one unit without a counterpart. */
export const SKIP_COST = 4.6;
const NUMBER_AGREES = -3;
const NUMBER_DISAGREES = 1.5;
/** For each clause of a merge whose number is none of its partners' (a stray) and which shares an anchor with them. */
const MERGED_NUMBER_STRAYS = 2;
/**
 * For a stray that shares no anchor with its partners ((10) after (9) where the original has no （十）, a 第九条 next to
 * the 第十条 of Article 10): more than leaving it out costs, so that only lengths that fit far better make it a merge.
 */
const STRAY_WITHOUT_CONTENT = 6;
/** For each kind of anchor only one side has (a clause that cites a notice, its counterpart no notice). */
const PER_ONE_SIDED_KIND = 0.6;
const PER_SHARED_ANCHOR = -1.2;
const PER_CONFLICT = 1.5;
const MAX_COUNTED = 3;
/** The least the anchors can add: all shared. */
const MIN_CONTENT = PER_SHARED_ANCHOR * MAX_COUNTED;
const MAX_LENGTH_COST = 8;

/** The model of a document pair: the ratio of their lengths; Gale–Church's variance, scaled to that ratio. */
export function lengthModel(original: readonly Segment[], translation: readonly Segment[]): LengthModel {
  const originalLength = original.reduce((sum, unit) => sum + unit.length, 0);
  const translationLength = translation.reduce((sum, unit) => sum + unit.length, 0);
  const ratio = originalLength > 0 && translationLength > 0 ? translationLength / originalLength : 1;
  return { ratio, variance: 3 * ratio * ratio };
}

/** -log P(the lengths match), Gale–Church: the deviation from the expected length, in standard deviations. */
function lengthCost(model: LengthModel, originalLength: number, translationLength: number): number {
  const delta = (translationLength - originalLength * model.ratio) / Math.sqrt((originalLength + 1) * model.variance);
  const probability = 2 * (1 - normalCdf(Math.abs(delta)));
  return Math.min(MAX_LENGTH_COST, -Math.log(Math.max(probability, 1e-12)));
}

/** A clause (a unit) or a sentence, which has no number. */
type Judged = Segment & { readonly clause?: Clause | undefined };

/**
 * One side of the sequences a judge aligns, in flat arrays: lengths as prefix sums (`lengths[k]`: of the first k
 * items), anchor keys and their kind bits (item k's from `keyStart[k]` to `keyStart[k + 1]`), and each item's clause
 * number (`numberOf`) as ids: its rank (-1 for none) and its number.
 */
interface Side {
  lengths: Float64Array;
  keyStart: Int32Array;
  keys: Int32Array;
  kinds: Uint8Array;
  rank: Int32Array;
  number: Int32Array;
}

function sideOf(items: readonly Judged[], numberIds: Map<string, number>): Side {
  const idOf = (key: string) => numberIds.get(key) ?? numberIds.set(key, numberIds.size).size - 1;
  const keyCount = items.reduce((sum, item) => sum + item.keys.length, 0);
  const side: Side = {
    lengths: new Float64Array(items.length + 1), keyStart: new Int32Array(items.length + 1), keys: new Int32Array(keyCount),
    kinds: new Uint8Array(keyCount), rank: new Int32Array(items.length).fill(-1), number: new Int32Array(items.length),
  };
  items.forEach((item, k) => {
    side.lengths[k + 1] = side.lengths[k]! + item.length;
    side.keys.set(item.keys, side.keyStart[k]);
    side.kinds.set(item.kinds, side.keyStart[k]);
    side.keyStart[k + 1] = side.keyStart[k]! + item.keys.length;
    const numbered = numberOf(item.clause);
    if (!numbered) return;
    side.rank[k] = idOf(`rank ${numbered.rank}`);
    side.number[k] = idOf(`number ${numbered.rank} ${numbered.number}`);
  });
  return side;
}

/** For each number id, the one item of the side that has it; -1 for none, -2 for several. */
function onlyPlaceOf(side: Side, idCount: number): Int32Array {
  const place = new Int32Array(idCount).fill(-1);
  side.rank.forEach((rank, k) => {
    if (rank < 0) return;
    const id = side.number[k]!;
    place[id] = place[id] === -1 ? k : -2;
  });
  return place;
}

const SAME = 0;
const DIFFERENT = 1;
const INCOMPARABLE = 2;

/** compareNumbers of a's item i and b's item j, on ids. */
function compareIds(a: Side, i: number, b: Side, j: number): number {
  const rank = a.rank[i]!;
  if (rank < 0 || rank !== b.rank[j]) return INCOMPARABLE;
  return a.number[i] === b.number[j] ? SAME : DIFFERENT;
}

/**
 * Shared anchors, and kinds of anchor both sides give differently (30% here, 20% there), of two groups of items.
 * No allocation, as it runs per cell: the keys of one group are marked with a fresh stamp, the other's looked up; the
 * counts are left in the fields. One per document pair, shared by its judges.
 */
export class AnchorComparison {
  shared = 0;
  conflicts = 0;
  oneSided = 0;
  private readonly marks: Float64Array;
  private stamp = 0;

  constructor(keyCount: number) {
    this.marks = new Float64Array(keyCount);
  }

  /** Compares a's items [aFrom, aTo) with b's items [bFrom, bTo). */
  compare(a: Side, aFrom: number, aTo: number, b: Side, bFrom: number, bTo: number): void {
    const { marks } = this;
    const inB = this.mark(b.keys, b.keyStart[bFrom]!, b.keyStart[bTo]!);
    let shared = 0;
    let onlyA = 0;
    for (let k = a.keyStart[aFrom]!; k < a.keyStart[aTo]!; k++) {
      if (marks[a.keys[k]!] === inB) shared++;
      else onlyA |= a.kinds[k]!;
    }
    const inA = this.mark(a.keys, a.keyStart[aFrom]!, a.keyStart[aTo]!);
    let onlyB = 0;
    for (let k = b.keyStart[bFrom]!; k < b.keyStart[bTo]!; k++) if (marks[b.keys[k]!] !== inA) onlyB |= b.kinds[k]!;
    this.shared = shared;
    this.conflicts = bitCount(onlyA & onlyB);
    this.oneSided = bitCount(onlyA ^ onlyB);
  }

  private mark(keys: Int32Array, from: number, to: number): number {
    const stamp = ++this.stamp;
    for (let k = from; k < to; k++) this.marks[keys[k]!] = stamp;
    return stamp;
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * The evidence for the steps of an alignment of two sequences (clauses, or the sentences of a clause pair): the cost
 * of a step, which the dynamic programme asks of every cell (no allocation), and the basis and confidence of a chosen one.
 */
export class StepJudge {
  private readonly original: Side;
  private readonly translation: Side;
  private numberCost = 0;
  private numbered = false;
  /** The strays of the step last compared: how many, and each one's index and side (1 for the original). */
  private strayCount = 0;
  private readonly strayIndex = new Int32Array(3);
  private readonly strayInOriginal = new Uint8Array(3);

  private readonly numberCount: number;

  constructor(private readonly model: LengthModel, private readonly anchors: AnchorComparison, original: readonly Judged[], translation: readonly Judged[]) {
    const numberIds = new Map<string, number>();
    this.original = sideOf(original, numberIds);
    this.translation = sideOf(translation, numberIds);
    this.numberCount = numberIds.size;
  }

  /** The items whose number (rank and value) each side gives once: pairs the alignment should keep, for its band to follow. */
  uniqueNumberPairs(): FixedPoint[] {
    const [inOriginal, inTranslation] = [onlyPlaceOf(this.original, this.numberCount), onlyPlaceOf(this.translation, this.numberCount)];
    const pairs: FixedPoint[] = [];
    for (let id = 0; id < this.numberCount; id++) if (inOriginal[id]! >= 0 && inTranslation[id]! >= 0) pairs.push({ i: inOriginal[id]!, j: inTranslation[id]! });
    return pairs;
  }

  /**
   * The cost of pairing original[i, i + di) with translation[j, j + dj); SKIP_COST when either is empty. With a
   * `limit`, a lower bound at least `limit` when the cost cannot be below it: numbers first, then lengths, then anchors.
   */
  cost(i: number, di: number, j: number, dj: number, limit = Infinity): number {
    if (di === 0 || dj === 0) return SKIP_COST;
    this.compareNumbers(i, di, j, dj);
    const prior = di + dj === 2 ? PRIOR_ONE_TO_ONE : PRIOR_MERGE;
    const bound = prior + this.numberCost + MIN_CONTENT;
    if (bound >= limit) return bound;
    const length = this.lengthCost(i, di, j, dj);
    if (bound + length >= limit) return bound + length;
    const strays = this.strayCount === 0 ? 0 : (STRAY_WITHOUT_CONTENT - MERGED_NUMBER_STRAYS) * this.straysWithoutContent(i, di, j, dj);
    if (bound + length + strays >= limit) return bound + length + strays;
    this.anchors.compare(this.original, i, i + di, this.translation, j, j + dj);
    return prior + length + this.numberCost + strays + this.content();
  }

  /** The cost, basis and confidence of pairing original[i, i + di) with translation[j, j + dj), both non-empty. */
  evidence(i: number, di: number, j: number, dj: number): Evidence {
    const cost = this.cost(i, di, j, dj);
    const { shared, conflicts } = this.anchors;
    const basis: AlignmentBasis = this.numbered ? 'number' : shared > 0 ? 'content' : 'length';
    const base = basis === 'number' ? 0.8 : basis === 'content' ? 0.6 : 0.45;
    const confidence = base + 0.12 * Math.exp(-this.lengthCost(i, di, j, dj)) + 0.04 * Math.min(shared, MAX_COUNTED) - 0.15 * conflicts - (di + dj > 2 ? 0.1 : 0);
    return { cost, basis, confidence: clamp(confidence) };
  }

  private lengthCost(i: number, di: number, j: number, dj: number): number {
    const { lengths } = this.original;
    return lengthCost(this.model, lengths[i + di]! - lengths[i]!, this.translation.lengths[j + dj]! - this.translation.lengths[j]!);
  }

  /** How many strays of the step last compared share no anchor with their partners. */
  private straysWithoutContent(i: number, di: number, j: number, dj: number): number {
    let count = 0;
    for (let k = 0; k < this.strayCount; k++) {
      const at = this.strayIndex[k]!;
      if (this.strayInOriginal[k]) this.anchors.compare(this.original, at, at + 1, this.translation, j, j + dj);
      else this.anchors.compare(this.original, i, i + di, this.translation, at, at + 1);
      if (this.anchors.shared === 0) count++;
    }
    return count;
  }

  private content(): number {
    const { shared, conflicts, oneSided } = this.anchors;
    return PER_SHARED_ANCHOR * Math.min(shared, MAX_COUNTED) + PER_CONFLICT * Math.min(conflicts, MAX_COUNTED) + PER_ONE_SIDED_KIND * oneSided;
  }

  /**
   * Numbers: a 1-1 pair agrees or disagrees; a merge agrees when one of its clauses has its partner's number, and each
   * clause numbered otherwise counts against it.
   */
  private compareNumbers(i: number, di: number, j: number, dj: number): void {
    this.strayCount = 0;
    if (di === 1 && dj === 1) {
      const numbers = compareIds(this.original, i, this.translation, j);
      this.numberCost = numbers === SAME ? NUMBER_AGREES : numbers === DIFFERENT ? NUMBER_DISAGREES : 0;
      this.numbered = numbers === SAME;
      return;
    }
    this.numbered = false;
    this.findStrays(this.original, i, di, this.translation, j, dj);
    this.findStrays(this.translation, j, dj, this.original, i, di);
    this.numberCost = (this.numbered ? NUMBER_AGREES : 0) + MERGED_NUMBER_STRAYS * this.strayCount;
  }

  /** Records the strays among group's items [from, from + count): numbered, but as none of others' [otherFrom, otherFrom + otherCount); one with a partner's number makes the step numbered. */
  private findStrays(group: Side, from: number, count: number, others: Side, otherFrom: number, otherCount: number): void {
    for (let g = from; g < from + count; g++) {
      let same = false;
      let different = false;
      for (let o = otherFrom; o < otherFrom + otherCount; o++) {
        const numbers = compareIds(group, g, others, o);
        same ||= numbers === SAME;
        different ||= numbers === DIFFERENT;
      }
      if (same) this.numbered = true;
      else if (different) {
        this.strayIndex[this.strayCount] = g;
        this.strayInOriginal[this.strayCount++] = group === this.original ? 1 : 0;
      }
    }
  }
}

export function clamp(confidence: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100;
}

/** Standard normal cumulative distribution (Abramowitz and Stegun 26.2.17). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * x);
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  return 1 - density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
}
