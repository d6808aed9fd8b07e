/**
 * Runs of numbering: the clauses of one rank and depth that number on by one (一、二、三、, (1) (2) (3), articles
 * straight through their chapters). A run ends where the next clause of its rank and depth restarts (the items of the
 * next part), skips a number, or there is none. An inserted article (第三条之一) stands outside runs.
 *
 * A translation that adds or drops a clause renumbers the rest of its run: the clause numbered n + k answers n, and
 * so does every one after it, to the end of both runs at once. The alignment reads that as a shift, not as a run of
 * wrong numbers, and the checks report it once.
 */
import type { Clause } from '../model';
import { numberOf } from './units';

export interface NumberingRuns {
  /** Per item: the item before it in its run (its number one less), or -1. */
  readonly previous: Int32Array;
  /** Per item: how many items come after it in its run. */
  readonly after: Int32Array;
}

/** The runs of `clauses` (in document order; undefined for an item that is no clause, such as the preamble). */
export function numberingRuns(clauses: readonly (Clause | undefined)[]): NumberingRuns {
  const previous = new Int32Array(clauses.length).fill(-1);
  const after = new Int32Array(clauses.length);
  const next = new Int32Array(clauses.length).fill(-1);
  const last = new Map<string, number>();
  clauses.forEach((clause, k) => {
    const numbered = numberOf(clause);
    if (!clause || !numbered || clause.insertion || clause.style === 'decimal') return;
    const level = `${numbered.rank} ${clause.depth}`;
    const before = last.get(level);
    if (before !== undefined && clauses[before]!.value + 1 === clause.value) {
      previous[k] = before;
      next[before] = k;
    }
    last.set(level, k);
  });
  for (let k = clauses.length - 1; k >= 0; k--) if (next[k]! >= 0) after[k] = after[next[k]!]! + 1;
  return { previous, after };
}

/**
 * Whether item `a` of one side answering item `b` of the other, their numbers of one rank but different, is part of a
 * shift: both runs go on by one to their ends, together (as many items after each), and the pair is not alone (items
 * follow, or both have one before). A numbering typo breaks its run (3, 5, 5) and is no shift; nor is the last item of
 * a list numbered wrong, alone.
 */
export function isShift(aRuns: NumberingRuns, a: number, bRuns: NumberingRuns, b: number): boolean {
  const after = aRuns.after[a]!;
  if (after !== bRuns.after[b]) return false;
  return after > 0 || (aRuns.previous[a]! >= 0 && bRuns.previous[b]! >= 0);
}
