/**
 * How well a group of original units matches a group of translation units: the cost the dynamic programme
 * minimises (in nats, Gale–Church style: -log of a probability, plus bonuses and penalties for labels and shared
 * anchors), and, for the pair chosen, a basis and a confidence.
 */
import type { AlignmentBasis } from './types';
import { compareNumbers, type Segment, type Unit } from './units';

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
/** For each clause of a merge whose number is none of its partners'. */
const MERGED_NUMBER_STRAYS = 2;
/** For each kind of anchor only one side has (a clause that cites a notice, its counterpart no notice). */
const PER_ONE_SIDED_KIND = 0.6;
const PER_SHARED_ANCHOR = -1.2;
const PER_CONFLICT = 1.5;
const MAX_COUNTED = 3;
const MAX_LENGTH_COST = 8;

/** The model of a document pair: the ratio of their lengths; Gale–Church's variance, scaled to that ratio. */
export function lengthModel(original: readonly Segment[], translation: readonly Segment[]): LengthModel {
  const originalLength = original.reduce((sum, unit) => sum + unit.length, 0);
  const translationLength = translation.reduce((sum, unit) => sum + unit.length, 0);
  const ratio = originalLength > 0 && translationLength > 0 ? translationLength / originalLength : 1;
  return { ratio, variance: 3 * ratio * ratio };
}

/** -log P(the lengths match), Gale–Church: the deviation from the expected length, in standard deviations. */
export function lengthCost(model: LengthModel, originalLength: number, translationLength: number): number {
  const delta = (translationLength - originalLength * model.ratio) / Math.sqrt((originalLength + 1) * model.variance);
  const probability = 2 * (1 - normalCdf(Math.abs(delta)));
  return Math.min(MAX_LENGTH_COST, -Math.log(Math.max(probability, 1e-12)));
}

/** Shared anchors, and kinds of anchor both sides give differently (30% here, 20% there). No allocation: it runs per cell. */
export function compareAnchors(a: readonly Segment[], b: readonly Segment[]): { shared: number; conflicts: number; oneSided: number } {
  let shared = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (const segment of a) {
    for (let k = 0; k < segment.keyList.length; k++) {
      if (hasKey(b, segment.keyList[k]!)) shared++;
      else onlyA |= 1 << segment.kindList[k]!;
    }
  }
  for (const segment of b) {
    for (let k = 0; k < segment.keyList.length; k++) if (!hasKey(a, segment.keyList[k]!)) onlyB |= 1 << segment.kindList[k]!;
  }
  return { shared, conflicts: bitCount(onlyA & onlyB), oneSided: bitCount(onlyA ^ onlyB) };
}

function hasKey(segments: readonly Segment[], key: string): boolean {
  for (const segment of segments) if (segment.keys.has(key)) return true;
  return false;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function totalLength(segments: readonly Segment[]): number {
  let length = 0;
  for (const segment of segments) length += segment.length;
  return length;
}

/** The evidence for pairing `original` with `translation` (each one or two units). */
export function judgeUnits(model: LengthModel, original: readonly Unit[], translation: readonly Unit[]): Evidence {
  if (original.length === 1 && translation.length === 1) {
    const numbers = compareNumbers(original[0]!.clause, translation[0]!.clause);
    return judge(model, original, translation, numbers === 'same' ? NUMBER_AGREES : numbers === 'different' ? NUMBER_DISAGREES : 0, numbers === 'same');
  }
  // A merge: it agrees when one of its clauses has its partner's number; each clause numbered otherwise counts against it.
  let agrees = false;
  let strays = 0;
  for (const [group, others] of [[original, translation], [translation, original]] as const) {
    for (const unit of group) {
      const numbers = others.map((other) => compareNumbers(unit.clause, other.clause));
      if (numbers.includes('same')) agrees = true;
      else if (numbers.includes('different')) strays++;
    }
  }
  return judge(model, original, translation, (agrees ? NUMBER_AGREES : 0) + MERGED_NUMBER_STRAYS * strays, agrees);
}

/** The evidence for pairing two groups of sentences. */
export function judgeSentences(model: LengthModel, original: readonly Segment[], translation: readonly Segment[]): Evidence {
  return judge(model, original, translation, 0, false);
}

function judge(model: LengthModel, a: readonly Segment[], b: readonly Segment[], numberCost: number, numbered: boolean): Evidence {
  const count = a.length + b.length;
  const length = lengthCost(model, totalLength(a), totalLength(b));
  const { shared, conflicts, oneSided } = compareAnchors(a, b);
  const content = PER_SHARED_ANCHOR * Math.min(shared, MAX_COUNTED) + PER_CONFLICT * Math.min(conflicts, MAX_COUNTED) + PER_ONE_SIDED_KIND * oneSided;
  const prior = count === 2 ? PRIOR_ONE_TO_ONE : PRIOR_MERGE;
  const basis: AlignmentBasis = numbered ? 'number' : shared > 0 ? 'content' : 'length';
  const base = basis === 'number' ? 0.8 : basis === 'content' ? 0.6 : 0.45;
  const confidence = base + 0.12 * Math.exp(-length) + 0.04 * Math.min(shared, MAX_COUNTED) - 0.15 * conflicts - (count > 2 ? 0.1 : 0);
  return { cost: prior + length + numberCost + content, basis, confidence: clamp(confidence) };
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
