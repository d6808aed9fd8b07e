/**
 * Runs of numbering: the clauses of one rank and depth that number on by one (一、二、三、, (1) (2) (3), articles
 * straight through their chapters). A run ends where the next clause of its rank and depth restarts (the items of the
 * next part), skips a number, or there is none; a clause numbered wrong between two that number on by two (3, 7, 5) is
 * a typo inside its run. An inserted article (第三条之一) stands outside runs.
 *
 * A translation that adds or drops a clause renumbers the rest of its run: the clause numbered n + k answers n, and
 * so does every one after it, to the end of both runs at once — or to the same last number, where a clause dropped
 * (or added) at the end undoes the shift (（五） split in two, the rest renumbered, the last item left out). The
 * alignment reads that as a shift, not as a run of wrong numbers, and the checks report it once.
 */
import type { Clause } from '../model';
import { RANKS, rankOf } from './units';

export interface NumberingRuns {
  /** Per item: the item before it in its run (its number one less), or -1; and the one after it. */
  readonly previous: Int32Array;
  readonly next: Int32Array;
  /** Per item: how many items come after it in its run. */
  readonly after: Int32Array;
  /** Per item: the numbers its run starts and ends on. */
  readonly first: Float64Array;
  readonly last: Float64Array;
}

/** No runs: for items none of which is a clause (the sentences of a clause pair). */
const NO_RUNS: NumberingRuns = { previous: new Int32Array(0), next: new Int32Array(0), after: new Int32Array(0), first: new Float64Array(0), last: new Float64Array(0) };

/** The runs of `count` items in document order, item k the clause `clauseAt(k)` (undefined for none, such as the preamble). */
export function numberingRuns(count: number, clauseAt: (k: number) => Clause | undefined): NumberingRuns {
  let numbered = false;
  for (let k = 0; k < count && !numbered; k++) numbered = clauseAt(k) !== undefined;
  if (!numbered) return NO_RUNS;
  const [levelPrevious, levelNext] = levelsOf(count, clauseAt);
  const previous = new Int32Array(count).fill(-1);
  const next = new Int32Array(count).fill(-1);
  const after = new Int32Array(count);
  // The number each item stands for in its run: its own, or for a typo the one its neighbours say it should have.
  const standsFor = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const [before, following] = [levelPrevious[k]!, levelNext[k]!];
    const value = clauseAt(k)?.value ?? 0;
    standsFor[k] = value;
    if (before < 0) continue;
    const expected = standsFor[before]! + 1;
    if (value !== expected && (following < 0 || clauseAt(following)!.value !== expected + 1)) continue;
    standsFor[k] = expected;
    previous[k] = before;
    next[before] = k;
  }
  const [first, last] = [standsFor.slice(), standsFor.slice()];
  for (let k = 0; k < count; k++) if (previous[k]! >= 0) first[k] = first[previous[k]!]!;
  for (let k = count - 1; k >= 0; k--) {
    if (next[k]! < 0) continue;
    after[k] = after[next[k]!]! + 1;
    last[k] = last[next[k]!]!;
  }
  return { previous, next, after, first, last };
}

/** The ranks as small integers, and a bound on depths, for a level (rank and depth) to be one number. */
const rankIds = new Map(RANKS.map((rank, id) => [rank, id]));
const MAX_DEPTH = 1 << 16;

/** For each numbered item, the one before and after it of its rank and depth (any numbers), or -1. */
function levelsOf(count: number, clauseAt: (k: number) => Clause | undefined): [Int32Array, Int32Array] {
  const levelPrevious = new Int32Array(count).fill(-1);
  const levelNext = new Int32Array(count).fill(-1);
  const last = new Map<number, number>();
  for (let k = 0; k < count; k++) {
    const clause = clauseAt(k);
    const rank = rankOf(clause);
    if (!clause || !rank || clause.insertion || clause.style === 'decimal') continue;
    const level = rankIds.get(rank)! * MAX_DEPTH + clause.depth;
    const before = last.get(level);
    if (before !== undefined) {
      levelPrevious[k] = before;
      levelNext[before] = k;
    }
    last.set(level, k);
  }
  return [levelPrevious, levelNext];
}

/** How far a shift may reach that `mayBeShifted` looks for, or a clause dropped at the end undoes: a clause or two. */
const LARGEST_SHIFT = 2;

/**
 * Whether item `a` of one side answering item `b` of the other, their numbers of one rank but different, is part of a
 * shift: both runs go on by one to their ends, together (as many items after each), and the pair is not alone (items
 * follow, or both have one before). A numbering typo that no number after it agrees with breaks its run (3, 5, 5)
 * and is no shift; nor is the last item of a list numbered wrong, alone. With `sameNumbers`, two runs that start on
 * the same number and end within LARGEST_SHIFT of each other are a shift too, by up to LARGEST_SHIFT: one that a
 * clause split, merged, added or dropped inside starts and another one at the end undoes, or takes further (Article
 * 6 added, the rest renumbered, and Article 13 added at the end). The alignment pays for both, so that only content makes
 * two such runs shift; a run that skips a number ((IV), (VI)) is broken there, a gap, not a shift.
 */
export function isShift(aRuns: NumberingRuns, a: number, bRuns: NumberingRuns, b: number, sameNumbers = false): boolean {
  const after = aRuns.after[a]!;
  if (after !== bRuns.after[b]) {
    return sameNumbers && aRuns.first[a] === bRuns.first[b] && Math.abs(aRuns.last[a]! - bRuns.last[b]!) <= LARGEST_SHIFT && Math.abs(after - bRuns.after[b]!) <= LARGEST_SHIFT;
  }
  return after > 0 || (aRuns.previous[a]! >= 0 && bRuns.previous[b]! >= 0);
}

/**
 * Whether items `a` and `b`, of the same number, could instead each answer another item of the other's run as a
 * shift (a or b and the item one or two places on or back in the other's run): a run renumbered after a clause
 * added or dropped gives every pair of the same number such an alternative, so that the same number is no proof.
 */
export function mayBeShifted(aRuns: NumberingRuns, a: number, bRuns: NumberingRuns, b: number): boolean {
  return shiftsNear(aRuns, a, bRuns, b) || shiftsNear(bRuns, b, aRuns, a);
}

/** Whether an item up to LARGEST_SHIFT places on or back from `a` in its run answers `b` as a shift. */
function shiftsNear(aRuns: NumberingRuns, a: number, bRuns: NumberingRuns, b: number): boolean {
  for (const links of [aRuns.next, aRuns.previous]) {
    for (let moved = links[a]!, step = 0; moved >= 0 && step < LARGEST_SHIFT; moved = links[moved]!, step++) {
      if (isShift(aRuns, moved, bRuns, b)) return true;
    }
  }
  return false;
}
