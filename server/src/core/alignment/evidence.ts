/**
 * How well a group of original units matches a group of translation units: the cost the dynamic programme
 * minimises (in nats, Gale–Church style: -log of a probability, plus bonuses and penalties for labels and shared
 * anchors), and, for the pair chosen, a basis and a confidence.
 */
import type { AlignmentBasis } from './types';
import type { Clause } from '../model';
import type { FixedPoint } from './monotonic';
import { isShift, mayBeShifted, numberingRuns, type NumberingRuns } from './runs';
import { GLOSS_TERM, numberOf, type Cuts, type Segment } from './units';

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
/** For a merge or split of clauses at two depths (an item of a list and the clause after it): as much as leaving one out. */
const MERGE_ACROSS_LEVELS = SKIP_COST;
const NUMBER_AGREES = -3;
const NUMBER_DISAGREES = 1.5;
/**
 * For a pair whose numbers differ as part of a shift (runs.ts: the rest of both runs renumbered alike, after a clause
 * added or dropped): nearly as good as agreeing numbers, so that the content of the pairs (anchors, lengths) decides
 * where the run shifts, and a little worse, so that the numbers decide where content says nothing.
 */
const NUMBER_SHIFTED = -2.75;
/** For each clause of a merge whose number is none of its partners' (a stray) and which shares an anchor with them. */
const MERGED_NUMBER_STRAYS = 2;
/**
 * For a stray that shares no anchor with its partners, none at least that the other clause of its group does not
 * already share (a 第九条 next to the 第十条 of Article 10; an "(10) … the PBOC" after a "(9) … the PBOC" of a （九）
 * that names the PBOC): more than leaving it out costs, so that only lengths that fit far better make it a merge.
 */
const STRAY_WITHOUT_CONTENT = 6;
/**
 * For a clause of a merge that keeps its partner's number but brings no anchor of its own, where no cut of the partner
 * gives it a piece whose anchors agree (an extra (4) before the (5) that translates （四）): its number counts for
 * nothing, and it costs as a stray without content.
 */
const KEEPER_WITHOUT_CONTENT = -NUMBER_AGREES + STRAY_WITHOUT_CONTENT - MERGED_NUMBER_STRAYS;
/**
 * For such a stray whose number the other side has nowhere ((10) where the original has no （十）), unless its
 * partner can be cut where the two divide (below): an extra (or missing) clause, never half of a split or a merge.
 */
const STRAY_WITHOUT_NUMBER_OR_CONTENT = 4 * SKIP_COST;
/**
 * A stray without content of a split (or merge) is still half of it when its partner can be cut where the split's two
 * clauses divide: after a sentence or phrase that ends where their lengths say, give or take this share of its length.
 */
const CUT_TOLERANCE = 0.1;
/** For each kind of anchor only one side has (a clause that cites a notice, its counterpart no notice). */
const PER_ONE_SIDED_KIND = 0.6;
const PER_SHARED_ANCHOR = -1.2;
/**
 * Besides, for each shared anchor that one clause alone on each side has (the 60 days of one item, where the PBOC is
 * named in four): the content that tells a renumbered translation's items apart, as their numbers no longer do.
 */
const PER_SHARED_RARE_ANCHOR = -1.5;
const PER_CONFLICT = 1.5;
const MAX_COUNTED = 3;
/**
 * For each concept of the glossary both name (按季 / quarterly, 涉农贷款 / agriculture-related loans), of those not named
 * all over both texts: less than an anchor, as words are rendered otherwise and named in passing.
 */
const PER_SHARED_CONCEPT = -0.6;
const MAX_CONCEPTS_COUNTED = 3;
/** A concept named in more units than this share of either side's (and than three) tells none of them apart. */
const COMMON_CONCEPT_SHARE = 0.2;
const MAX_LENGTH_COST = 8;
/**
 * Two clauses that have clauses under them are measured with those too, at this weight: a heading's text says little
 * (二、业务管理 against II. Business Management and III. Supervision), its part says how much it holds — the part a
 * translation drops is found by it where the numbers of the parts after it shift.
 */
const SUBTREE_WEIGHT = 0.5;

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

/** A clause (a unit, with the places it could be cut) or a sentence, which has no number. */
type Judged = Segment & { readonly clause?: Clause | undefined; readonly cuts?: () => Cuts };

/**
 * One side of the sequences a judge aligns, in flat arrays: lengths as prefix sums (`lengths[k]`: of the first k
 * items), anchor keys and their kind bits (item k's from `keyStart[k]` to `keyStart[k + 1]`), each item's clause
 * number (`numberOf`) as ids: its rank (-1 for none) and its number, and how many rare keys come before each item;
 * the items themselves, whose `Cuts` are read only when a split is judged.
 */
interface Side {
  lengths: Float64Array;
  keyStart: Int32Array;
  keys: Int32Array;
  kinds: Uint8Array;
  rank: Int32Array;
  number: Int32Array;
  /** Each item's depth in its clause tree (the preamble's is -1). */
  depth: Int32Array;
  items: readonly Judged[];
  /** Prefix sums of the rare keys (AnchorComparison.rare) of the items. */
  rareKeys: Int32Array;
  /** The items' runs of numbering (a shift renumbers the rest of a run). */
  runs: NumberingRuns;
  /** Per item: the index after its last descendant (k + 1 for an item without children); empty when none has children. */
  subtreeEnd: Int32Array;
}

function sideOf(items: readonly Judged[], numberIds: Map<string, number>, rare: Uint8Array): Side {
  const idOf = (key: string) => numberIds.get(key) ?? numberIds.set(key, numberIds.size).size - 1;
  const keyCount = items.reduce((sum, item) => sum + item.keys.length, 0);
  const side: Side = {
    lengths: new Float64Array(items.length + 1), keyStart: new Int32Array(items.length + 1), keys: new Int32Array(keyCount),
    kinds: new Uint8Array(keyCount), rank: new Int32Array(items.length).fill(-1), number: new Int32Array(items.length),
    depth: new Int32Array(items.length), items, rareKeys: new Int32Array(items.length + 1), runs: numberingRuns(items.length, (k) => items[k]!.clause), subtreeEnd: subtreeEnds(items),
  };
  items.forEach((item, k) => {
    side.depth[k] = item.clause?.depth ?? -1;
    side.lengths[k + 1] = side.lengths[k]! + item.length;
    side.keys.set(item.keys, side.keyStart[k]);
    side.kinds.set(item.kinds, side.keyStart[k]);
    side.keyStart[k + 1] = side.keyStart[k]! + item.keys.length;
    side.rareKeys[k + 1] = side.rareKeys[k]! + item.keys.reduce((sum, key) => sum + rare[key]!, 0);
    const numbered = numberOf(item.clause);
    if (!numbered) return;
    side.rank[k] = idOf(`rank ${numbered.rank}`);
    side.number[k] = idOf(`number ${numbered.rank} ${numbered.number}`);
  });
  return side;
}

const NO_SUBTREES = new Int32Array(0);

/**
 * For each item, the index after its last descendant: the items that follow it inside its clause's span. Empty when
 * no item has children (the sentences of a clause pair).
 */
function subtreeEnds(items: readonly Judged[]): Int32Array {
  if (!items.some((item) => item.clause && item.clause.children.length > 0)) return NO_SUBTREES;
  const ends = new Int32Array(items.length).fill(items.length);
  // The items whose subtree is still open, innermost last; each closes at the first item that starts after its end.
  const open: number[] = [];
  for (let k = 0; k < items.length; k++) {
    const start = items[k]!.clause?.span.start ?? Infinity;
    while (open.length > 0 && (items[open[open.length - 1]!]!.clause?.span.end ?? 0) <= start) ends[open.pop()!] = k;
    open.push(k);
  }
  return ends;
}

/** For each anchor key of a document pair, 1 when one unit alone of each document has it. */
/**
 * What the keys of a document pair are worth: `rare`, 1 for each key one unit alone of each document has (a concept of
 * the glossary is never rare); `telling`, 1 for each concept of the glossary neither side names in more units than
 * COMMON_CONCEPT_SHARE of its own (and three).
 */
export function keyWorth(original: readonly Segment[], translation: readonly Segment[], keyCount: number): { rare: Uint8Array; telling: Uint8Array } {
  const [inOriginal, inTranslation] = [unitCounts(original, keyCount), unitCounts(translation, keyCount)];
  const concepts = conceptKeys([...original, ...translation], keyCount);
  const most = (units: number) => Math.max(3, Math.ceil(units * COMMON_CONCEPT_SHARE));
  const rare = new Uint8Array(keyCount);
  const telling = new Uint8Array(keyCount);
  for (let key = 0; key < keyCount; key++) {
    if (!concepts[key]) rare[key] = inOriginal[key] === 1 && inTranslation[key] === 1 ? 1 : 0;
    else telling[key] = inOriginal[key]! <= most(original.length) && inTranslation[key]! <= most(translation.length) ? 1 : 0;
  }
  return { rare, telling };
}

/** For each key, how many of the units have it. */
function unitCounts(units: readonly Segment[], keyCount: number): Int32Array {
  const counts = new Int32Array(keyCount);
  for (const unit of units) for (const key of unit.keys) counts[key]!++;
  return counts;
}

/** 1 for each key that is a concept of the glossary (GLOSS_TERM). */
function conceptKeys(units: readonly Segment[], keyCount: number): Uint8Array {
  const concepts = new Uint8Array(keyCount);
  for (const unit of units) unit.keys.forEach((key, k) => { if (unit.kinds[k] === GLOSS_TERM) concepts[key] = 1; });
  return concepts;
}

/** For each number id, how many items of the side have it. */
function numberCounts(side: Side, idCount: number): Int32Array {
  const counts = new Int32Array(idCount);
  side.rank.forEach((rank, k) => {
    if (rank >= 0) counts[side.number[k]!]!++;
  });
  return counts;
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
  /** Of the shared, those `rare`. */
  sharedRare = 0;
  conflicts = 0;
  oneSided = 0;
  /** The concepts of the glossary shared, of those that tell units apart (keyWorth). */
  sharedConcepts = 0;
  private readonly marks: Float64Array;
  private stamp = 0;

  /**
   * `rare`: for each key, 1 when one unit alone of each document has it (keyWorth); `telling`: 1 for the concepts of
   * the glossary not named all over (keyWorth).
   */
  constructor(keyCount: number, readonly rare: Uint8Array = new Uint8Array(keyCount), private readonly telling: Uint8Array = new Uint8Array(keyCount)) {
    this.marks = new Float64Array(keyCount);
  }

  /** Compares a's items [aFrom, aTo) with b's items [bFrom, bTo). */
  compare(a: Side, aFrom: number, aTo: number, b: Side, bFrom: number, bTo: number): void {
    const { marks } = this;
    const inB = this.mark(b.keys, b.keyStart[bFrom]!, b.keyStart[bTo]!);
    let shared = 0;
    let sharedRare = 0;
    let sharedConcepts = 0;
    let onlyA = 0;
    for (let k = a.keyStart[aFrom]!; k < a.keyStart[aTo]!; k++) {
      const key = a.keys[k]!;
      if (a.kinds[k] === GLOSS_TERM) sharedConcepts += marks[key] === inB ? this.telling[key]! : 0;
      else if (marks[key] === inB) {
        shared++;
        sharedRare += this.rare[key]!;
      } else onlyA |= a.kinds[k]!;
    }
    const inA = this.mark(a.keys, a.keyStart[aFrom]!, a.keyStart[aTo]!);
    let onlyB = 0;
    for (let k = b.keyStart[bFrom]!; k < b.keyStart[bTo]!; k++) if (marks[b.keys[k]!] !== inA) onlyB |= b.kinds[k]!;
    this.shared = shared;
    this.sharedRare = sharedRare;
    this.sharedConcepts = sharedConcepts;
    // A concept on one side only is no conflict, nor one-sided content: a translator renders words otherwise.
    this.conflicts = bitCount(onlyA & onlyB & ~GLOSS_TERM);
    this.oneSided = bitCount((onlyA ^ onlyB) & ~GLOSS_TERM);
  }

  /**
   * How many anchors a's item `at` shares with b's items [bFrom, bTo) that a's items [siblingFrom, siblingTo) other
   * than `at` do not have: what the item itself brings to a merge with its siblings.
   */
  sharedOwn(a: Side, at: number, siblingFrom: number, siblingTo: number, b: Side, bFrom: number, bTo: number): number {
    const inB = this.mark(b.keys, b.keyStart[bFrom]!, b.keyStart[bTo]!);
    const inSiblings = this.mark(a.keys, a.keyStart[siblingFrom]!, a.keyStart[at]!);
    this.mark(a.keys, a.keyStart[at + 1]!, a.keyStart[siblingTo]!, inSiblings);
    let shared = 0;
    for (let k = a.keyStart[at]!; k < a.keyStart[at + 1]!; k++) if (this.marks[a.keys[k]!] === inB && a.kinds[k] !== GLOSS_TERM) shared++;
    return shared;
  }

  /**
   * Whether an item with `cuts`, cut after `cut` (a length), gives b's items `first` and `first + 1` a piece each
   * whose anchors agree: no anchor of a piece that only the other item has.
   */
  agreesWithCut(cuts: Cuts, cut: number, b: Side, first: number): boolean {
    return this.pieceAgrees(cuts, cut, true, b, first, first + 1) && this.pieceAgrees(cuts, cut, false, b, first + 1, first);
  }

  /** Whether no anchor before `cut` (or from it on) is one b's item `other` has and b's item `mine` has not. */
  private pieceAgrees(cuts: Cuts, cut: number, before: boolean, b: Side, mine: number, other: number): boolean {
    const onlyInOther = this.mark(b.keys, b.keyStart[other]!, b.keyStart[other + 1]!);
    this.mark(b.keys, b.keyStart[mine]!, b.keyStart[mine + 1]!);
    return cuts.keys.every((key, k) => cuts.keyAt[k]! < cut !== before || this.marks[key] !== onlyInOther);
  }

  private mark(keys: Int32Array, from: number, to: number, stamp = ++this.stamp): number {
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
  /** The strays of the step last compared: how many, and whether the single clause of a merge or split is one. */
  private strayCount = 0;
  private partnerStrays = false;

  private readonly numberCount: number;
  /** For each number id, how many items of each side have it. */
  private readonly inOriginal: Int32Array;
  private readonly inTranslation: Int32Array;

  constructor(private readonly model: LengthModel, private readonly anchors: AnchorComparison, original: readonly Judged[], translation: readonly Judged[]) {
    const numberIds = new Map<string, number>();
    this.original = sideOf(original, numberIds, anchors.rare);
    this.translation = sideOf(translation, numberIds, anchors.rare);
    this.numberCount = numberIds.size;
    this.inOriginal = numberCounts(this.original, this.numberCount);
    this.inTranslation = numberCounts(this.translation, this.numberCount);
  }

  /**
   * The items whose number (rank and value) each side gives once: pairs the alignment should keep, for its band to
   * follow; free where a shift of the numbering could pair them otherwise (runs.ts, mayBeShifted).
   */
  uniqueNumberPairs(): FixedPoint[] {
    const [inOriginal, inTranslation] = [onlyPlaceOf(this.original, this.numberCount), onlyPlaceOf(this.translation, this.numberCount)];
    const pairs: FixedPoint[] = [];
    for (let id = 0; id < this.numberCount; id++) {
      const [i, j] = [inOriginal[id]!, inTranslation[id]!];
      if (i >= 0 && j >= 0) pairs.push({ i, j, free: mayBeShifted(this.original.runs, i, this.translation.runs, j) });
    }
    return pairs;
  }

  /**
   * The cost of pairing original[i, i + di) with translation[j, j + dj); SKIP_COST when either is empty. With a
   * `limit`, a lower bound at least `limit` when the cost cannot be below it: numbers first, then lengths, then anchors.
   */
  cost(i: number, di: number, j: number, dj: number, limit = Infinity): number {
    if (di === 0 || dj === 0) return SKIP_COST;
    this.compareNumbers(i, di, j, dj);
    const prior = di + dj === 2 ? PRIOR_ONE_TO_ONE : PRIOR_MERGE + this.acrossLevels(i, di, j, dj);
    const bound = prior + this.numberCost + this.leastContent(i, di);
    if (bound >= limit) return bound;
    const length = this.lengthCost(i, di, j, dj);
    if (bound + length >= limit) return bound + length;
    const strays = di + dj === 2 ? 0 : this.withoutContent(i, di, j, dj);
    if (bound + length + strays >= limit) return bound + length + strays;
    this.anchors.compare(this.original, i, i + di, this.translation, j, j + dj);
    return prior + length + this.numberCost + strays + this.content();
  }

  /** The cost, basis and confidence of pairing original[i, i + di) with translation[j, j + dj), both non-empty. */
  evidence(i: number, di: number, j: number, dj: number): Evidence {
    const cost = this.cost(i, di, j, dj);
    const { shared, conflicts } = this.anchors;
    const basis: AlignmentBasis = this.numbered ? 'number' : shared > 0 ? 'content' : 'length';
    // A pair numbered as a shift is paired by its number too, a little less surely: its contents are compared all the same.
    const base = basis === 'number' ? (this.numberCost === NUMBER_SHIFTED ? 0.7 : 0.8) : basis === 'content' ? 0.6 : 0.45;
    const confidence = base + 0.12 * Math.exp(-this.lengthCost(i, di, j, dj)) + 0.04 * Math.min(shared, MAX_COUNTED) - 0.15 * conflicts - (di + dj > 2 ? 0.1 : 0);
    return { cost, basis, confidence: clamp(confidence) };
  }

  /**
   * What the contents of original item `i` and translation item `j` say of them as a pair, their numbers aside (a
   * moved clause keeps its content, not its number): lengths and anchors; and how many anchors they share.
   */
  contentOf(i: number, j: number): { cost: number; shared: number } {
    this.anchors.compare(this.original, i, i + 1, this.translation, j, j + 1);
    return { cost: this.lengthCost(i, 1, j, 1) + this.content(), shared: this.anchors.shared };
  }

  /**
   * A translation merges or splits clauses of one level (two items, two articles); an item of a list and the clause
   * after its list ((2) of 1. and the next (II)) are one only where nothing else fits: what such a group costs more.
   */
  private acrossLevels(i: number, di: number, j: number, dj: number): number {
    const [side, at] = di === 2 ? [this.original, i] : dj === 2 ? [this.translation, j] : [undefined, 0];
    return side && side.depth[at] !== side.depth[at + 1] ? MERGE_ACROSS_LEVELS : 0;
  }

  /** Lengths of the items; of two parents paired, their subtrees' too (SUBTREE_WEIGHT). */
  private lengthCost(i: number, di: number, j: number, dj: number): number {
    const [a, b] = [this.original, this.translation];
    const own = lengthCost(this.model, a.lengths[i + di]! - a.lengths[i]!, b.lengths[j + dj]! - b.lengths[j]!);
    if (di !== 1 || dj !== 1 || a.subtreeEnd.length === 0 || b.subtreeEnd.length === 0 || a.subtreeEnd[i] === i + 1 || b.subtreeEnd[j] === j + 1) return own;
    return own + SUBTREE_WEIGHT * lengthCost(this.model, a.lengths[a.subtreeEnd[i]!]! - a.lengths[i]!, b.lengths[b.subtreeEnd[j]!]! - b.lengths[j]!);
  }

  /**
   * What the clauses of a merge or split that bring no anchor of their own (none their sibling does not share) cost
   * beyond MERGED_NUMBER_STRAYS. Of the two clauses of its group: a stray is half of it when its partner can be cut
   * where the two divide, unless it comes before the clause that keeps the partner's number (a split goes on after
   * that clause, it does not lead it); else it is an extra clause, surely so when the other side has its number
   * nowhere. The clause that keeps the number is an extra one when no cut of the partner anywhere gives it a piece
   * whose anchors agree. The partner itself, when a stray, needs an anchor shared with the group.
   */
  private withoutContent(i: number, di: number, j: number, dj: number): number {
    const inOriginal = di === 2;
    const [group, from, others, other] = inOriginal ? [this.original, i, this.translation, j] : [this.translation, j, this.original, i];
    let cost = 0;
    for (let at = from; at < from + 2; at++) {
      const numbers = compareIds(group, at, others, other);
      if (numbers === INCOMPARABLE || this.anchors.sharedOwn(group, at, from, from + 2, others, other, other + 1) > 0) continue;
      if (numbers === SAME) {
        if (!this.cutsWhereSplit(others, other, group, from, Infinity)) cost += KEEPER_WITHOUT_CONTENT;
        continue;
      }
      const leads = at === from && compareIds(group, at + 1, others, other) === SAME;
      if (!leads && this.cutsWhereSplit(others, other, group, from, CUT_TOLERANCE)) continue;
      const elsewhere = (inOriginal ? this.inTranslation : this.inOriginal)[group.number[at]!]! > 0;
      cost += elsewhere ? STRAY_WITHOUT_CONTENT - MERGED_NUMBER_STRAYS : STRAY_WITHOUT_NUMBER_OR_CONTENT;
    }
    if (this.partnerStrays) {
      this.anchors.compare(this.original, i, i + di, this.translation, j, j + dj);
      if (this.anchors.shared === 0) cost += STRAY_WITHOUT_CONTENT - MERGED_NUMBER_STRAYS;
    }
    return cost;
  }

  /**
   * Whether the single item `at` of `single` can be cut in two where the pair `pairFrom`, `pairFrom + 1` of the other
   * side divides: by the share of their lengths, within `tolerance`, into pieces whose anchors agree with theirs. At
   * any share (no tolerance), an "and" that joins two phrases is a cut too: one sentence may translate two clauses.
   */
  private cutsWhereSplit(single: Side, at: number, pair: Side, pairFrom: number, tolerance: number): boolean {
    const { lengths } = pair;
    const share = (lengths[pairFrom + 1]! - lengths[pairFrom]!) / (lengths[pairFrom + 2]! - lengths[pairFrom]!);
    const length = single.lengths[at + 1]! - single.lengths[at]!;
    const cuts = single.items[at]!.cuts?.();
    if (cuts === undefined) return false;
    const fits = (cut: number) => Math.abs(cut / length - share) <= tolerance && this.anchors.agreesWithCut(cuts, cut, pair, pairFrom);
    return cuts.ends.some(fits) || (tolerance === Infinity && cuts.joins.some(fits));
  }

  /**
   * The least the anchors can add to the step of original[i, i + di): each of its keys shared, the rare ones as rare,
   * and as concepts of the glossary (a key is one or the other: this is below what any pairing adds).
   */
  private leastContent(i: number, di: number): number {
    const { original } = this;
    const keyCount = original.keyStart[i + di]! - original.keyStart[i]!;
    const keys = Math.min(MAX_COUNTED, keyCount);
    const rare = Math.min(keys, original.rareKeys[i + di]! - original.rareKeys[i]!);
    return PER_SHARED_ANCHOR * keys + PER_SHARED_RARE_ANCHOR * rare + PER_SHARED_CONCEPT * Math.min(MAX_CONCEPTS_COUNTED, keyCount);
  }

  private content(): number {
    const { shared, sharedRare, conflicts, oneSided, sharedConcepts } = this.anchors;
    return PER_SHARED_ANCHOR * Math.min(shared, MAX_COUNTED) + PER_SHARED_RARE_ANCHOR * Math.min(sharedRare, MAX_COUNTED) + PER_CONFLICT * Math.min(conflicts, MAX_COUNTED) +
      PER_ONE_SIDED_KIND * oneSided + PER_SHARED_CONCEPT * Math.min(sharedConcepts, MAX_CONCEPTS_COUNTED);
  }

  /**
   * Numbers: a 1-1 pair agrees or disagrees; a merge agrees when one of its clauses has its partner's number, and each
   * clause numbered otherwise counts against it.
   */
  private compareNumbers(i: number, di: number, j: number, dj: number): void {
    this.strayCount = 0;
    this.partnerStrays = false;
    if (di === 1 && dj === 1) {
      const numbers = compareIds(this.original, i, this.translation, j);
      this.numberCost = numbers === SAME ? NUMBER_AGREES : numbers === INCOMPARABLE ? 0 : isShift(this.original.runs, i, this.translation.runs, j, true) ? NUMBER_SHIFTED : NUMBER_DISAGREES;
      this.numbered = this.numberCost < 0;
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
        this.strayCount++;
        this.partnerStrays ||= count === 1;
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
