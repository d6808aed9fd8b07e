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

export type PairCost = (i: number, di: number, j: number, dj: number) => number;

/** The units of each side that a placement may pair: those near a clause without counterpart. */
export interface Candidates {
  original: Set<number>;
  translation: Set<number>;
}

/**
 * `steps` with each clause without counterpart moved to where costs and echoes place it best; `echoesOf` is asked
 * once, for the units the placements may pair, when there is a clause to place.
 */
export function placeUnpaired(steps: readonly Step[], cost: PairCost, echoesOf: (candidates: Candidates) => Echoes): Step[] {
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
    const best = bestPlacement(block, before, cost, echoes, partners);
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
function bestPlacement(block: readonly Step[], at: number, cost: PairCost, echoes: Echoes, partners: ReadonlyMap<number, number>): Step[] {
  const { i, j } = block[0]!;
  const aloneInOriginal = block[at]!.di === 1;
  const lastI = block.at(-1)!.i + block.at(-1)!.di;
  // The block's own pairs are being decided: they tell nothing about each other.
  const partnerOf = (unit: number) => (unit >= i && unit < lastI ? -1 : partners.get(unit) ?? -1);
  const pairAt = (k: number, place: number): [number, number] => (k < place ? [i + k, j + k] : aloneInOriginal ? [i + k, j + k - 1] : [i + k - 1, j + k]);
  const judged = (a: number, b: number) => cost(a, 1, b, 1) + PER_ECHO * Math.min(MOST_ECHOES, echoes.between(a, b, partnerOf));
  // before[k]: the cost of the steps before index k when the lone clause comes after them; after[k], from k on when it comes before.
  const before = new Float64Array(block.length + 1);
  const after = new Float64Array(block.length + 1);
  for (let k = 0; k < block.length - 1; k++) before[k + 1] = before[k]! + judged(...pairAt(k, Infinity));
  for (let k = block.length - 1; k > 0; k--) after[k - 1] = after[k]! + judged(...pairAt(k, -Infinity));
  let best = at;
  for (let place = 0; place < block.length; place++) if (before[place]! + after[place]! < before[best]! + after[best]!) best = place;
  if (best === at) return [...block];
  return block.map((_, k) => {
    if (k === best) return aloneInOriginal ? { i: i + k, di: 1, j: j + k, dj: 0 } : { i: i + k, di: 0, j: j + k, dj: 1 };
    const [a, b] = pairAt(k, best);
    return { i: a, di: 1, j: b, dj: 1 };
  });
}
