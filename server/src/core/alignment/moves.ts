/**
 * Clauses the translation moved: the alignment is monotonic (no crossings), so a clause the translator put elsewhere
 * comes out either as a clause without counterpart on each side, or, when it moved a few places only, as a run of
 * pairs whose numbers agree and whose contents do not (the numbers won over two clauses left alone). After the
 * alignment, both are read as a move where the contents say so, numbers aside:
 * - in a run of one-to-one pairs, the first original clause translated as the last of a few (or the last as the
 *   first), the pairs between taken one place along, when that matches the contents far better (MOVE_GAIN), the
 *   clauses between better too (BETWEEN_GAIN), and the moved clause strongly (a rare anchor shared — only such
 *   pairs are judged —, lengths that fit);
 * - an original clause and a translation clause both left alone, of one rank, with pairs between them, whose
 *   contents — lengths, shared anchors, the rare words they echo through the pairs (echoes.ts) — match strongly and
 *   better than any other candidate's (each is the other's best, by a margin).
 * A move is one pair of its own, reported once; the order of the pairs keeps each clause where its side has it.
 */
import type { Echoes } from './echoes';
import type { StepJudge } from './evidence';
import type { Step } from './monotonic';
import type { Candidates } from './placement';
import { rankOf, type Unit } from './units';

/** At most this cost (nats: lengths and anchors, echoes counted off) for two clauses to be one moved: a rare anchor shared and lengths that fit, or more. */
const STRONG = -2;
/** How much better than the next candidate, on either side, a move's match must be. */
const MARGIN = 1;
/** How much better the contents of a run of pairs must match with one of its clauses moved than as they are. */
const MOVE_GAIN = 4;
/**
 * And how much better the clauses between must match one place along than where they are: a clause that matches its
 * neighbour's counterpart (five working days one place on) is no move when the neighbour's clause does not match its
 * own place the better for it (a shift, not a swap).
 */
const BETWEEN_GAIN = 2;
/** The most pairs of a run a clause may be found moved across, plus one. */
const LONGEST_MOVE = 6;
/** What each echoed word is worth, and the most that echoes can count (as placement.ts weighs them). */
const PER_ECHO = -0.5;
const MOST_ECHOES = 10;
/** Above this many candidate pairs (a block dropped and another added), no move is looked for: they are blocks, not a clause moved. */
const MOST_CANDIDATE_PAIRS = 400;

type Units = { original: readonly Unit[]; translation: readonly Unit[] };

/** A clause moved: the index of the step that leaves it alone in the original, and of the one in the translation. */
export interface Move {
  original: number;
  translation: number;
}

/**
 * `steps` with the moves inside runs of pairs taken apart (each clause left alone), and the moves; `echoesOf` is
 * asked once, for the clauses left alone, when there are some on both sides.
 */
export function findMoves(steps: readonly Step[], units: Units, judge: StepJudge, rare: Uint8Array, echoesOf: (candidates: Candidates) => Echoes): { steps: Step[]; moves: Move[] } {
  const rotated = movesInRuns(steps, units, judge, rare);
  const taken = new Set(rotated.moves.flatMap((move) => [move.original, move.translation]));
  return { steps: rotated.steps, moves: [...rotated.moves, ...movesOfLoneClauses(rotated.steps, taken, units, judge, echoesOf)] };
}

/** A window of a run of one-to-one steps, from step `from`, `length` steps long, whose first original clause moved on (or last back). */
interface Rotation {
  from: number;
  length: number;
  on: boolean;
  gain: number;
}

/** The runs of one-to-one steps, each with its moves (rotations) taken apart. */
function movesInRuns(steps: readonly Step[], units: Units, judge: StepJudge, rare: Uint8Array): { steps: Step[]; moves: Move[] } {
  const content = (i: number, j: number) => judge.contentOf(i, j).cost;
  const oneToOne = (s: number) => s < steps.length && steps[s]!.di === 1 && steps[s]!.dj === 1;
  // The translation clause that has each rare anchor: a moved clause is one that shares one with its counterpart.
  const holder = new Map<number, number>();
  units.translation.forEach((unit, j) => unit.keys.forEach((key) => rare[key] && holder.set(key, j)));
  const sharesRare = (i: number, j: number) => units.original[i]!.keys.some((key) => rare[key] && holder.get(key) === j);
  /** The contents of the pairs of steps [from, to), each original clause with the translation clause `shift` places on. */
  const contents = (from: number, to: number, shift: number) => {
    let sum = 0;
    for (let s = from; s < to; s++) sum += content(steps[s]!.i, steps[s]!.j + shift);
    return sum;
  };
  /** The rotation of the window [from, from + length) of a run, if it gains enough. */
  const rotation = (from: number, length: number, on: boolean): Rotation | undefined => {
    const [first, last] = [steps[from]!, steps[from + length - 1]!];
    const [i, j] = on ? [first.i, last.j] : [last.i, first.j];
    if (rankOf(units.original[i]!.clause) !== rankOf(units.translation[j]!.clause) || !sharesRare(i, j)) return undefined;
    const moved = content(i, j);
    if (moved > STRONG) return undefined;
    // The clauses between, one place along, and the pairs they leave (all of the window's but the moved clause's).
    const between = on ? contents(from + 1, from + length, -1) : contents(from, from + length - 1, 1);
    const left = on ? contents(from + 1, from + length, 0) : contents(from, from + length - 1, 0);
    const gain = left + (on ? content(first.i, first.j) : content(last.i, last.j)) - between - moved;
    return gain >= MOVE_GAIN && left - between >= BETWEEN_GAIN ? { from, length, on, gain } : undefined;
  };
  const result: Step[] = [];
  const moves: Move[] = [];
  for (let s = 0; s < steps.length;) {
    let best: Rotation | undefined;
    for (let length = 2; length <= LONGEST_MOVE && oneToOne(s + length - 1) && oneToOne(s); length++) {
      for (const candidate of [rotation(s, length, true), rotation(s, length, false)]) if (candidate && (!best || candidate.gain > best.gain)) best = candidate;
    }
    if (!best) {
      result.push(steps[s++]!);
      continue;
    }
    moves.push(rotated(steps, best, result));
    s += best.length;
  }
  return { steps: result, moves };
}

/** Appends the steps of a rotation to `result`: the moved clause alone on each side, the pairs between one place along; the move. */
function rotated(steps: readonly Step[], { from, length, on }: Rotation, result: Step[]): Move {
  const { i, j } = steps[from]!;
  const start = result.length;
  result.push(on ? { i, di: 1, j, dj: 0 } : { i, di: 0, j, dj: 1 });
  for (let k = 0; k < length - 1; k++) result.push(on ? { i: i + k + 1, di: 1, j: j + k, dj: 1 } : { i: i + k, di: 1, j: j + k + 1, dj: 1 });
  result.push(on ? { i: i + length, di: 0, j: j + length - 1, dj: 1 } : { i: i + length - 1, di: 1, j: j + length, dj: 0 });
  const end = result.length - 1;
  return on ? { original: start, translation: end } : { original: end, translation: start };
}

/** The moves among the clauses `steps` leave alone (but those `taken`). */
function movesOfLoneClauses(steps: readonly Step[], taken: ReadonlySet<number>, units: Units, judge: StepJudge, echoesOf: (candidates: Candidates) => Echoes): Move[] {
  const alone = { original: loneSteps(steps, 'original', taken), translation: loneSteps(steps, 'translation', taken) };
  const count = alone.original.length * alone.translation.length;
  if (count === 0 || count > MOST_CANDIDATE_PAIRS) return [];
  const echoes = echoesOf({ original: new Set(alone.original.map((s) => steps[s]!.i)), translation: new Set(alone.translation.map((s) => steps[s]!.j)) });
  const partners = new Map(steps.filter((step) => step.di === 1 && step.dj === 1).map((step) => [step.i, step.j]));
  const partnerOf = (unit: number) => partners.get(unit) ?? -1;
  const costs = alone.original.map((a) => alone.translation.map((b) => {
    const [i, j] = [steps[a]!.i, steps[b]!.j];
    if (rankOf(units.original[i]!.clause) !== rankOf(units.translation[j]!.clause) || !pairedBetween(steps, a, b)) return Infinity;
    return judge.contentOf(i, j).cost + PER_ECHO * Math.min(MOST_ECHOES, echoes.between(i, j, partnerOf));
  }));
  const moves: Move[] = [];
  costs.forEach((row, x) => {
    const t = bestOf(row);
    if (t >= 0 && bestOf(costs.map((other) => other[t]!)) === x) moves.push({ original: alone.original[x]!, translation: alone.translation[t]! });
  });
  return moves;
}

/** The steps that leave one clause of `side` alone, but those `taken`. */
function loneSteps(steps: readonly Step[], side: 'original' | 'translation', taken: ReadonlySet<number>): number[] {
  return steps.flatMap((step, s) => (!taken.has(s) && (side === 'original' ? step.di === 1 && step.dj === 0 : step.di === 0 && step.dj === 1) ? [s] : []));
}

/** Whether a pair stands between steps `a` and `b`: else the two are in one place, a clause replaced, not moved. */
function pairedBetween(steps: readonly Step[], a: number, b: number): boolean {
  for (let s = Math.min(a, b) + 1; s < Math.max(a, b); s++) if (steps[s]!.di > 0 && steps[s]!.dj > 0) return true;
  return false;
}

/** The index of the least cost, when it is STRONG and MARGIN below every other; -1 for none. */
function bestOf(costs: readonly number[]): number {
  let best = -1;
  let second = Infinity;
  costs.forEach((cost, k) => {
    if (best < 0 || cost < costs[best]!) {
      if (best >= 0) second = costs[best]!;
      best = k;
    } else second = Math.min(second, cost);
  });
  return best >= 0 && costs[best]! <= STRONG && costs[best]! + MARGIN <= second ? best : -1;
}
