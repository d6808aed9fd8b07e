/**
 * Shifted numbering among the aligned pairs: runs of pairs whose numbers differ by the same amount, each pair's
 * clauses the next of the run before's on both sides (II.↔一、, III.↔二、, IV.↔三、), and what caused the shift when
 * the pair before the run says: a clause one side adds or drops, or a split or merge. The checks report a run once:
 * with its cause, or as one numbering finding; a pair alone whose numbers differ stays a typo of its own.
 */
import type { AnalysedDocument } from '../model';
import { numberingRuns } from './runs';
import type { ClausePair, Side } from './types';
import { rankOf } from './units';

export interface Shift {
  /** The indices of its pairs, in order. */
  pairs: number[];
  /** The pair whose finding explains it: a clause without counterpart, a split or a merge just before the run. */
  cause: number | undefined;
}

/**
 * The shifts of `pairs`, and for each pair in one, its shift. A shift goes on past a typo inside it (II., III., VII.,
 * V. for 一、 to 四、 after an extra I.): the typo is a pair of its own.
 */
export function shiftsOf(original: AnalysedDocument, translation: AnalysedDocument, pairs: readonly ClausePair[]): Map<number, Shift> {
  const runs = { original: runsOf(original), translation: runsOf(translation) };
  const pairOf = { original: pairOfClause(pairs, original, 'original'), translation: pairOfClause(pairs, translation, 'translation') };
  /** The pair of the clauses before pair `index`'s in their runs, on one side. */
  const pairBefore = (index: number, side: Side) => {
    const previous = runs[side].previous[pairs[index]![side][0]!.clause!]!;
    const pair = previous >= 0 ? pairOf[side][previous]! : -1;
    return pair >= 0 ? pair : undefined;
  };
  /** The pair before pair `index` on both sides, if one. */
  const bothBefore = (index: number | undefined) => {
    const before = index === undefined ? undefined : pairBefore(index, 'original');
    return before !== undefined && before === pairBefore(index!, 'translation') ? before : undefined;
  };
  const byPair = new Map<number, Shift>();
  const deltas = new Map<number, number>();
  pairs.forEach((pair, index) => {
    const delta = numberDelta(original, translation, pair);
    if (delta === undefined) return;
    deltas.set(index, delta);
    const previous = bothBefore(index);
    const beforeTypo = previous !== undefined && isTypo(byPair.get(previous)) ? bothBefore(previous) : undefined;
    const goesOn = [previous, beforeTypo].find((before) => before !== undefined && deltas.get(before) === delta);
    const shift = goesOn === undefined ? { pairs: [], cause: causeOf(pairs, delta, pairBefore(index, 'original'), pairBefore(index, 'translation')) } : byPair.get(goesOn)!;
    shift.pairs.push(index);
    byPair.set(index, shift);
  });
  return byPair;
}

function runsOf(document: AnalysedDocument) {
  return numberingRuns(document.clauses.length, (k) => document.clauses[k]);
}

/** Whether a pair's shift is a typo so far: one pair, no cause. */
function isTypo(shift: Shift | undefined): boolean {
  return shift !== undefined && shift.pairs.length === 1 && shift.cause === undefined;
}

/** Whether a shift stands for its pairs' numbering findings: it has a cause, or it is more than one pair (no typo). */
export function isReportedOnce(shift: Shift): boolean {
  return shift.cause !== undefined || shift.pairs.length > 1;
}

/** The translation's number less the original's, for a 1-1 pair of clauses of one rank whose numbers differ. */
function numberDelta(original: AnalysedDocument, translation: AnalysedDocument, pair: ClausePair): number | undefined {
  if (pair.original.length !== 1 || pair.translation.length !== 1) return undefined;
  const [a, b] = [original.clauses[pair.original[0]!.clause ?? -1], translation.clauses[pair.translation[0]!.clause ?? -1]];
  if (!a || !b || a.value === b.value || a.insertion || b.insertion || a.style === 'decimal' || !rankOf(a) || rankOf(a) !== rankOf(b)) return undefined;
  return b.value - a.value;
}

/**
 * What explains a shift by `delta` whose first pair's clauses follow the original's clause in pair `originalBefore`
 * and the translation's in pair `translationBefore`: a clause the translation adds or splits off there (it numbers
 * ahead), or one the original has that the translation drops or merges (it numbers behind).
 */
function causeOf(pairs: readonly ClausePair[], delta: number, originalBefore: number | undefined, translationBefore: number | undefined): number | undefined {
  const before = delta > 0 ? translationBefore : originalBefore;
  const pair = before === undefined ? undefined : pairs[before]!;
  if (!pair) return undefined;
  const [mine, theirs] = delta > 0 ? [pair.translation, pair.original] : [pair.original, pair.translation];
  return theirs.length === 0 || (mine.length === 2 && theirs.length === 1) ? before : undefined;
}

/** For each clause of a side (by id), the index of its pair; -1 for none. */
function pairOfClause(pairs: readonly ClausePair[], document: AnalysedDocument, side: Side): Int32Array {
  const found = new Int32Array(document.clauses.length).fill(-1);
  pairs.forEach((pair, index) => {
    for (const unit of pair[side]) if (unit.clause !== undefined) found[unit.clause] = index;
  });
  return found;
}
