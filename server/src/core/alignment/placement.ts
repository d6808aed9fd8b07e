/**
 * Where a clause without counterpart stands among the pairs around it. A translation that adds a clause in the middle
 * of a run and renumbers the rest leaves two explanations as cheap as each other where no anchor tells: Article 6
 * extra and 第六条 ↔ Article 7, or 第六条 ↔ Article 6 and Article 7 extra (the numbers agree one pair longer). The
 * alignment weighs each place the clause could stand in the stretch of one-to-one pairs around it — its step costs,
 * and the words each pair echoes through the rest of the alignment (echoes.ts) — so that content, not the numbers,
 * places it. Either side's clause, at any depth.
 */
import type { Echoes } from './echoes';
import type { Step } from './monotonic';

/** How far from where the numbers put it a clause without counterpart may move: a few pairs either way. */
const REACH = 3;
/** What each echoed word is worth, in the cost's nats, and the most that echoes can add to a pair. */
const PER_ECHO = -0.5;
const MOST_ECHOES = 10;
/** Two places whose costs are closer than this tie: the evidence (numbers, lengths, echoes) does not tell them apart. */
const TIE = 0.5;

export type PairCost = (i: number, di: number, j: number, dj: number) => number;

/** The cost of a step; what the contents of a one-to-one pair say, their numbers aside (StepJudge.contentOf); whether its numbers differ. */
export interface PairJudges {
  cost: PairCost;
  content: (i: number, j: number) => number;
  /** Whether the numbers of a one-to-one pair differ (a pair of a shift, or a typo). */
  renumbered: (i: number, j: number) => boolean;
}

/** The units of each side that a placement may pair: those near a clause without counterpart. */
export interface Candidates {
  original: Set<number>;
  translation: Set<number>;
}

/**
 * `steps` with each clause without counterpart moved to where costs and echoes place it best; `echoesOf` is asked
 * once, for the units the placements may pair, when there is a clause to place.
 */
export function placeUnpaired(steps: readonly Step[], judges: PairJudges, echoesOf: (candidates: Candidates) => Echoes): Step[] {
  const candidates = candidatesOf(steps);
  if (candidates.original.size === 0) return [...steps];
  const echoes = echoesOf(candidates);
  const placed = [...steps];
  const partners = new Map<number, number>();
  const setPartners = (of: readonly Step[]) => {
    for (const step of of) if (step.di === 1 && step.dj === 1) partners.set(step.i, step.j);
  };
  setPartners(steps);
  for (let s = 0; s < placed.length; s++) {
    const { di, dj } = placed[s]!;
    if (di + dj !== 1) continue;
    const [before, after] = [oneToOneRun(placed, s, -1), oneToOneRun(placed, s, 1)];
    if (before + after === 0) continue;
    const block = placed.slice(s - before, s + after + 1);
    const best = bestPlacement(block, before, judges, echoes, partners);
    placed.splice(s - before, block.length, ...best);
    setPartners(best);
    s += after;
  }
  return placed;
}

/** The units of the steps around each step that leaves a clause alone, one more than a placement reaches either way. */
function candidatesOf(steps: readonly Step[]): Candidates {
  const candidates: Candidates = { original: new Set(), translation: new Set() };
  steps.forEach((step, s) => {
    if (step.di + step.dj !== 1 || oneToOneRun(steps, s, -1) + oneToOneRun(steps, s, 1) === 0) return;
    for (let k = Math.max(0, s - REACH - 1); k <= Math.min(steps.length - 1, s + REACH + 1); k++) {
      const { i, di, j, dj } = steps[k]!;
      for (let a = i; a < i + di; a++) candidates.original.add(a);
      for (let b = j; b < j + dj; b++) candidates.translation.add(b);
    }
  });
  return candidates;
}

/** How many one-to-one steps (up to REACH) come just before (`direction` -1) or after (1) step `s`. */
function oneToOneRun(steps: readonly Step[], s: number, direction: number): number {
  let count = 0;
  for (let k = s + direction; count < REACH && k >= 0 && k < steps.length && steps[k]!.di === 1 && steps[k]!.dj === 1; k += direction) count++;
  return count;
}

/**
 * The steps of `block` (one-to-one steps around the step at `at` that leaves one clause alone) with the lone clause at
 * the place of least cost; the block as it is when no place is better. Each step of a block placed at `place` is
 * the pair of its own index (k < place) or of the index before on the lone clause's side (k > place): two pairs per
 * index, each judged once.
 */
function bestPlacement(block: readonly Step[], at: number, judges: PairJudges, echoes: Echoes, partners: ReadonlyMap<number, number>): Step[] {
  const { i, j } = block[0]!;
  const aloneInOriginal = block[at]!.di === 1;
  const lastI = block.at(-1)!.i + block.at(-1)!.di;
  // The block's own pairs are being decided: they tell nothing about each other.
  const partnerOf = (unit: number) => (unit >= i && unit < lastI ? -1 : partners.get(unit) ?? -1);
  const pairAt = (k: number, place: number): [number, number] => (k < place ? [i + k, j + k] : aloneInOriginal ? [i + k, j + k - 1] : [i + k - 1, j + k]);
  const echoed = (a: number, b: number) => PER_ECHO * Math.min(MOST_ECHOES, echoes.between(a, b, partnerOf));
  const costs = placementTotals(block.length, pairAt, (a, b) => judges.cost(a, 1, b, 1) + echoed(a, b));
  let best = at;
  for (let place = 0; place < block.length; place++) if (costs[place]! < costs[best]!) best = place;
  // Only where a shift runs into the block (a split or a clause left alone before it) does a shifted pair tie with agreeing numbers.
  const shifted = [block[0]!, block.at(-1)!].some((step) => step.di === 1 && step.dj === 1 && judges.renumbered(step.i, step.j));
  const alternative = !shifted ? -1 : tiedWith(block.length, best, costs, () => placementTotals(block.length, pairAt, (a, b) => judges.content(a, b) + echoed(a, b)));
  if (best === at && alternative < 0) return [...block];
  const uncertain = alternative < 0 ? {} : { alternative: (aloneInOriginal ? i : j) + alternative };
  return block.map((_, k) => {
    if (k === best) return aloneInOriginal ? { i: i + k, di: 1, j: j + k, dj: 0, ...uncertain } : { i: i + k, di: 0, j: j + k, dj: 1, ...uncertain };
    const [a, b] = pairAt(k, best);
    return { i: a, di: 1, j: b, dj: 1 };
  });
}

/** For each place of the lone clause in a block of `length` steps, the total of its pairs as `judged` judges them (each pair judged once). */
function placementTotals(length: number, pairAt: (k: number, place: number) => [number, number], judged: (a: number, b: number) => number): Float64Array {
  // before[k]: the cost of the steps before index k when the lone clause comes after them; after[k], from k on when it comes before.
  const before = new Float64Array(length + 1);
  const after = new Float64Array(length + 1);
  for (let k = 0; k < length - 1; k++) before[k + 1] = before[k]! + judged(...pairAt(k, Infinity));
  for (let k = length - 1; k > 0; k--) after[k - 1] = after[k]! + judged(...pairAt(k, -Infinity));
  return before.map((cost, place) => cost + after[place]!).subarray(0, length);
}

/**
 * The place that ties with the `best` of `length`: the cheaper next to it, when it costs less than TIE more and the
 * contents alone (`contents`: numbers aside) do not tell the two apart either — the numbers of a shift (a split
 * before, a clause dropped after) and of a pair whose numbers agree are as good as each other; -1 for none.
 */
function tiedWith(length: number, best: number, costs: Float64Array, contents: () => Float64Array): number {
  let next = -1;
  for (const place of [best - 1, best + 1]) if (place >= 0 && place < length && (next < 0 || costs[place]! < costs[next]!)) next = place;
  if (next < 0 || costs[next]! - costs[best]! >= TIE) return -1;
  const content = contents();
  return Math.abs(content[next]! - content[best]!) < TIE ? next : -1;
}
