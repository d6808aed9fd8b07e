/**
 * Monotonic alignment of two sequences by dynamic programming (no crossings): each step takes 1-1, 1-0, 0-1, 2-1 or
 * 1-2 items, at a cost the caller gives; the path of least total cost wins. When the grid would be large, only a band
 * around the diagonal (scaled to the two lengths) is filled: O(n · band) time and memory.
 */

/** One step: items a[i, i + di) with b[j, j + dj). */
export interface Step {
  i: number;
  di: number;
  j: number;
  dj: number;
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

export function alignMonotonic(n: number, m: number, cost: StepCost): MonotonicAlignment {
  const grid = new BandedGrid(n, m);
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

  constructor(private readonly n: number, private readonly m: number) {
    this.banded = (n + 1) * (m + 1) > MAX_FULL_CELLS;
    // Wide enough for consecutive rows' bands to overlap, so that a path always exists.
    const halfBand = this.banded ? Math.max(HALF_BAND, Math.ceil(m / Math.max(1, n)) + 1) : m + 1;
    this.low = new Int32Array(n + 1);
    this.high = new Int32Array(n + 1);
    this.rowStart = new Int32Array(n + 2);
    for (let i = 0; i <= n; i++) {
      this.low[i] = Math.max(0, Math.floor((i * m) / Math.max(1, n)) - halfBand);
      this.high[i] = Math.min(m, Math.ceil((i * m) / Math.max(1, n)) + halfBand);
      this.rowStart[i + 1] = this.rowStart[i]! + this.high[i]! - this.low[i]! + 1;
    }
    this.cost = new Float64Array(this.rowStart[n + 1]!).fill(Infinity);
    this.move = new Uint8Array(this.rowStart[n + 1]!);
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
