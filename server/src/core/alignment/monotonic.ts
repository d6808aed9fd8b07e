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

export type StepCost = (step: Step) => number;

const MOVES: readonly (readonly [number, number])[] = [[1, 1], [1, 0], [0, 1], [2, 1], [1, 2]];
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
  grid.cost[grid.index(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = grid.low(i); j <= grid.high(i); j++) {
      const here = grid.index(i, j);
      for (let move = 0; move < MOVES.length; move++) {
        const [di, dj] = MOVES[move]!;
        const from = grid.index(i - di, j - dj);
        if (from < 0 || grid.cost[from] === Infinity) continue;
        const total = grid.cost[from]! + cost({ i: i - di, di, j: j - dj, dj });
        if (total < grid.cost[here]!) {
          grid.cost[here] = total;
          grid.move[here] = move;
        }
      }
    }
  }
  return { steps: grid.path(), banded: grid.banded };
}

/** Cost and best move per cell, row by row, each row holding only the columns of its band. */
class BandedGrid {
  readonly banded: boolean;
  readonly cost: Float64Array;
  readonly move: Uint8Array;
  private readonly rowStart: Int32Array;
  private readonly halfBand: number;

  constructor(private readonly n: number, private readonly m: number) {
    this.banded = (n + 1) * (m + 1) > MAX_FULL_CELLS;
    // Wide enough for consecutive rows' bands to overlap, so that a path always exists.
    this.halfBand = this.banded ? Math.max(HALF_BAND, Math.ceil(m / Math.max(1, n)) + 1) : m + 1;
    this.rowStart = new Int32Array(n + 2);
    for (let i = 0; i <= n; i++) this.rowStart[i + 1] = this.rowStart[i]! + this.high(i) - this.low(i) + 1;
    this.cost = new Float64Array(this.rowStart[n + 1]!).fill(Infinity);
    this.move = new Uint8Array(this.rowStart[n + 1]!);
  }

  low(i: number): number {
    return Math.max(0, Math.floor((i * this.m) / Math.max(1, this.n)) - this.halfBand);
  }

  high(i: number): number {
    return Math.min(this.m, Math.ceil((i * this.m) / Math.max(1, this.n)) + this.halfBand);
  }

  /** The cell's index, or -1 outside the grid or its band. */
  index(i: number, j: number): number {
    if (i < 0 || i > this.n || j < this.low(i) || j > this.high(i)) return -1;
    return this.rowStart[i]! + j - this.low(i);
  }

  path(): Step[] {
    const steps: Step[] = [];
    let i = this.n;
    let j = this.m;
    while (i > 0 || j > 0) {
      const [di, dj] = MOVES[this.move[this.index(i, j)]!]!;
      i -= di;
      j -= dj;
      steps.push({ i, di, j, dj });
    }
    return steps.reverse();
  }
}
