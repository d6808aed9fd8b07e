/**
 * Monotonic alignment of two sequences by dynamic programming (no crossings): each step takes 1-1, 1-0, 0-1, 2-1 or
 * 1-2 items, at a cost the caller gives; the path of least total cost wins. When the grid would be large, only a band
 * is filled: O(n · band) time and memory. The band follows the fixed points the caller knows (items that must be a
 * pair: their numbers are found once on each side), the longest chain of them that does not cross, and the straight
 * line between them; without any, the diagonal scaled to the two lengths. So a block of a hundred clauses missing on
 * one side moves the band with it, and a typo'd number (found twice, or a chain's outlier) does not. A fixed point of
 * the chain between two others consecutive with it on both sides is pinned (its rows hold only its cells), so the path
 * re-synchronises on the next run of numbers after a duplicated or missing one; unless it is free (a run renumbered
 * after a clause added or dropped gives its pairs of one number an alternative: content decides there).
 */

/** One step: items a[i, i + di) with b[j, j + dj). */
export interface Step {
  i: number;
  di: number;
  j: number;
  dj: number;
  /**
   * For a step that leaves one item alone: another item of that side, near it, that the evidence leaves alone as
   * well (placement.ts): which of the two has no counterpart is uncertain.
   */
  alternative?: number;
}

/**
 * The cost of the step a[i, i + di) with b[j, j + dj), asked of every cell: plain numbers in and out. When the cost
 * cannot be below `limit` (the cell has a cheaper move), any number at least `limit` will do: the judge may stop early.
 */
export type StepCost = (i: number, di: number, j: number, dj: number, limit: number) => number;

/** The moves 1-1, 1-0, 0-1, 2-1, 1-2 (items taken from a and from b); of two moves as cheap, the earlier wins. */
const MOVE_A = [1, 1, 0, 2, 1];
const MOVE_B = [1, 0, 1, 1, 2];
/** The order the moves are tried in: the skips first, whose cost is a constant, so that the others can stop early. */
const TRIED = [1, 2, 0, 3, 4];
/** How far above the cell's best a cost must be to be cut short: far above rounding, far below any real difference. */
const MARGIN = 1e-6;
/** Above this many cells (200 × 200 items) the grid is banded. */
const MAX_FULL_CELLS = 40_000;
/** The band's half width: how far from the scaled diagonal a path may stray (64 clauses missing on one side). */
const HALF_BAND = 64;

export interface MonotonicAlignment {
  steps: Step[];
  banded: boolean;
}

/** Item i of a with item j of b. */
export interface FixedPoint {
  i: number;
  j: number;
  /** The pair may be off by a shift of the numbering (runs.ts): the band follows it, but it is never pinned. */
  free?: boolean;
}

/** `fixed`: pairs the band should follow (any order; those that cross others are left out). */
export function alignMonotonic(n: number, m: number, cost: StepCost, fixed: readonly FixedPoint[] = []): MonotonicAlignment {
  const grid = new BandedGrid(n, m, fixed);
  const { cost: costs, move: moves, low, high, rowStart } = grid;
  costs[grid.index(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = low[i]!; j <= high[i]!; j++) {
      const here = rowStart[i]! + j - low[i]!;
      let best = costs[here]!;
      let bestMove = moves[here]!;
      for (const move of TRIED) {
        const di = MOVE_A[move]!;
        const dj = MOVE_B[move]!;
        const before = grid.costAt(i - di, j - dj);
        if (before === Infinity) continue;
        const total = before + cost(i - di, di, j - dj, dj, best - before + MARGIN);
        if (total < best || (total === best && move < bestMove)) {
          best = total;
          bestMove = move;
        }
      }
      costs[here] = best;
      moves[here] = bestMove;
    }
  }
  return { steps: grid.path(), banded: grid.banded };
}

/** Cost and best move per cell, row by row, each row holding only the columns of its band. */
class BandedGrid {
  readonly banded: boolean;
  readonly cost: Float64Array;
  readonly move: Uint8Array;
  /** Each row's first and last column in the band. */
  readonly low: Int32Array;
  readonly high: Int32Array;
  readonly rowStart: Int32Array;

  constructor(private readonly n: number, private readonly m: number, fixed: readonly FixedPoint[]) {
    this.banded = (n + 1) * (m + 1) > MAX_FULL_CELLS;
    const halfBand = this.banded ? HALF_BAND : m + 1;
    const chain = this.banded ? longestChain(fixed) : [];
    const centre = bandCentres(n, m, chain);
    this.low = new Int32Array(n + 1);
    this.high = new Int32Array(n + 1);
    this.rowStart = new Int32Array(n + 2);
    for (let i = 0; i <= n; i++) {
      // From the previous row's centre to the next one's: a row where the band jumps (clauses missing on one side)
      // holds the whole run of skips, and consecutive rows overlap, so that a path always exists.
      this.low[i] = i === 0 ? 0 : Math.max(0, Math.floor(centre[i - 1]!) - halfBand);
      this.high[i] = i === n ? m : Math.min(m, Math.ceil(centre[i + 1]!) + halfBand);
    }
    this.pinRuns(chain);
    for (let i = 0; i <= n; i++) this.rowStart[i + 1] = this.rowStart[i]! + this.high[i]! - this.low[i]! + 1;
    this.cost = new Float64Array(this.rowStart[n + 1]!).fill(Infinity);
    this.move = new Uint8Array(this.rowStart[n + 1]!);
  }

  /**
   * A pair of the chain between two others consecutive with it on both sides (numbers that run on together) is
   * certain: the rows before and after it hold only the cells of its step. So a duplicated or missing number lets the
   * path stray only until the numbers run on together again.
   */
  private pinRuns(chain: readonly FixedPoint[]): void {
    for (let k = 1; k + 1 < chain.length; k++) {
      const [before, point, after] = [chain[k - 1]!, chain[k]!, chain[k + 1]!];
      if (point.free || before.i !== point.i - 1 || before.j !== point.j - 1 || after.i !== point.i + 1 || after.j !== point.j + 1) continue;
      this.low[point.i] = this.high[point.i] = point.j;
      this.low[point.i + 1] = this.high[point.i + 1] = point.j + 1;
    }
  }

  /** The cell's index, or -1 outside the grid or its band. */
  index(i: number, j: number): number {
    if (i < 0 || i > this.n || j < this.low[i]! || j > this.high[i]!) return -1;
    return this.rowStart[i]! + j - this.low[i]!;
  }

  /** The cell's cost; Infinity outside the grid or its band. */
  costAt(i: number, j: number): number {
    const index = this.index(i, j);
    return index < 0 ? Infinity : this.cost[index]!;
  }

  path(): Step[] {
    const steps: Step[] = [];
    let i = this.n;
    let j = this.m;
    while (i > 0 || j > 0) {
      const move = this.move[this.index(i, j)]!;
      const di = MOVE_A[move]!;
      const dj = MOVE_B[move]!;
      i -= di;
      j -= dj;
      steps.push({ i, di, j, dj });
    }
    return steps.reverse();
  }
}

/** Where each row's band is centred: on the straight line from (0, 0) through the fixed points (a chain) to (n, m). */
function bandCentres(n: number, m: number, chain: readonly FixedPoint[]): Float64Array {
  const centre = new Float64Array(n + 1);
  const points = [{ i: 0, j: 0 }, ...chain, { i: n, j: m }];
  let next = 1;
  for (let i = 0; i <= n; i++) {
    while (next < points.length - 1 && points[next]!.i < i) next++;
    const [from, to] = [points[next - 1]!, points[next]!];
    centre[i] = to.i === from.i ? to.j : from.j + ((i - from.i) * (to.j - from.j)) / (to.i - from.i);
  }
  return centre;
}

/** The longest chain of fixed points increasing in both i and j (patience sorting: O(k log k)). */
function longestChain(fixed: readonly FixedPoint[]): FixedPoint[] {
  const points = [...fixed].sort((a, b) => a.i - b.i || b.j - a.j);
  // tails[length - 1]: the index in points of the chain of that length ending with the least j; before: each one's predecessor.
  const tails: number[] = [];
  const before = new Int32Array(points.length);
  points.forEach((point, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (points[tails[middle]!]!.j < point.j) low = middle + 1;
      else high = middle;
    }
    before[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  });
  const chain: FixedPoint[] = [];
  for (let index = tails.at(-1) ?? -1; index >= 0; index = before[index]!) chain.push(points[index]!);
  return chain.reverse();
}
