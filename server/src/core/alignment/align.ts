/**
 * Aligns an original with its translation: clause by clause (the preamble with the preamble, then a monotonic
 * alignment of the clauses on their numbers, shared anchors and lengths), then sentence by sentence inside each
 * clause pair (Gale–Church on lengths, anchored on shared anchors). Pure: two analyses in, data out.
 */
import type { AnalysedDocument } from '../model';
import { translationChecks, type TranslationMessages } from './checks';
import { AnchorComparison, StepJudge, lengthModel, clamp, keyWorth, type LengthModel } from './evidence';
import type { Glossary } from './glossary';
import { Echoes, type DocumentWords } from './echoes';
import { alignMonotonic, type Step } from './monotonic';
import { findMoves, type Move } from './moves';
import { placeUnpaired, type Candidates } from './placement';
import { pairTerms } from './terms';
import type { ClausePair, DocumentAlignment, SentencePair } from './types';
import { AnchorKeys, compareNumbers, markdownTitled, unitsOf, type Segment, type Unit } from './units';

/** How sure a unit left without a counterpart is missing: surer when its number is missing too. */
const SKIPPED_NUMBERED = 0.7;
const SKIPPED = 0.5;
const ONE_TO_ONE: Step = { i: 0, di: 1, j: 0, dj: 1 };

/** The length model and the anchor comparison of a document pair, for each of its judges. */
interface PairContext {
  model: LengthModel;
  anchors: AnchorComparison;
}

export interface AlignmentOptions {
  /** The language of the checks' messages (English by default). */
  messages?: TranslationMessages;
  /** Words and their renderings, evidence where numbers say nothing (the knowledge's: knowledge/data/glossary.json). */
  glossary?: Glossary;
}

export function alignDocuments(original: AnalysedDocument, translation: AnalysedDocument, { messages, glossary }: AlignmentOptions = {}): DocumentAlignment {
  const keys = new AnchorKeys();
  // A Markdown title on one side only is that side's header, as the other's plain title is.
  const titles = markdownTitled(original) !== markdownTitled(translation);
  const originalUnits = unitsOf(original, keys, titles, glossary);
  const translationUnits = unitsOf(translation, keys, titles, glossary);
  const { rare, telling } = keyWorth(originalUnits, translationUnits, keys.count);
  const comparison = new AnchorComparison(keys.count, rare, telling);
  const context: PairContext = { model: lengthModel(originalUnits, translationUnits), anchors: comparison };
  const preambles = originalUnits[0]?.clause === undefined && translationUnits[0]?.clause === undefined && originalUnits.length > 0 && translationUnits.length > 0;
  const originalClauses = preambles ? originalUnits.slice(1) : originalUnits.filter((unit) => unit.clause);
  const translationClauses = preambles ? translationUnits.slice(1) : translationUnits.filter((unit) => unit.clause);
  const judge = new StepJudge(context.model, context.anchors, originalClauses, translationClauses);
  const cost = (i: number, di: number, j: number, dj: number, limit: number) => judge.cost(i, di, j, dj, limit);
  const aligned = alignMonotonic(originalClauses.length, translationClauses.length, cost, judge.uniqueNumberPairs());
  const echoesOf = (candidates: Candidates) => new Echoes(wordsOf(original, originalClauses, candidates.original), wordsOf(translation, translationClauses, candidates.translation));
  const placed = placeUnpaired(aligned.steps, {
    cost: (i, di, j, dj) => judge.cost(i, di, j, dj), content: (i, j) => judge.contentOf(i, j).cost,
    renumbered: (i, j) => compareNumbers(originalClauses[i]!.clause, translationClauses[j]!.clause) === 'different',
  }, echoesOf);
  const { steps, moves } = findMoves(placed, { original: originalClauses, translation: translationClauses }, judge, context.anchors.rare, echoesOf);
  const preamble = (units: [Unit, Unit]) => clausePair(context, new StepJudge(context.model, context.anchors, [units[0]], [units[1]]), [units[0]], [units[1]], ONE_TO_ONE);
  const pairs = [
    ...(preambles ? [preamble([originalUnits[0]!, translationUnits[0]!])] : []),
    ...withMoves(steps.map((step) => clausePair(context, judge, originalClauses, translationClauses, step)), moves,
      (move) => clausePair(context, judge, originalClauses, translationClauses, { i: steps[move.original]!.i, di: 1, j: steps[move.translation]!.j, dj: 1 })),
  ];
  const terms = pairTerms(original, translation, pairs);
  const anchorsOf = new Map([...originalUnits, ...translationUnits].map((unit) => [unit.unit, unit.spanAnchors]));
  const checks = translationChecks(original, translation, pairs, terms, (unit) => anchorsOf.get(unit)!, messages);
  return { original, translation, pairs, terms, checks, lengthRatio: context.model.ratio, banded: aligned.banded };
}

/** `pairs` (one per step), the two pairs of each move given the pair of the moved clause (`movedPair`). */
function withMoves(pairs: ClausePair[], moves: readonly Move[], movedPair: (move: Move) => ClausePair): ClausePair[] {
  for (const move of moves) {
    const moved = movedPair(move);
    pairs[move.original] = { ...pairs[move.original]!, moved };
    pairs[move.translation] = { ...pairs[move.translation]!, moved };
  }
  return pairs;
}

/** A document's text, its units' texts (their sentences) and the units the echoes are asked about. */
function wordsOf(document: AnalysedDocument, units: readonly Unit[], candidates: ReadonlySet<number>): DocumentWords {
  return { text: document.text, units: units.map((unit) => unit.sentences.map((sentence) => sentence.span)), candidates };
}

/** The pair of a step of the alignment of `original` and `translation` that `judge` judges. */
function clausePair(context: PairContext, judge: StepJudge, originalUnits: readonly Unit[], translationUnits: readonly Unit[], { i, di, j, dj, alternative }: Step): ClausePair {
  const original = originalUnits.slice(i, i + di);
  const translation = translationUnits.slice(j, j + dj);
  const sentences = alignSentences(context, original.flatMap((unit) => unit.sentences), translation.flatMap((unit) => unit.sentences));
  const units = { original: original.map((unit) => unit.unit), translation: translation.map((unit) => unit.unit) };
  if (original.length === 0 || translation.length === 0) {
    const numbered = [...original, ...translation].some((unit) => unit.clause && unit.clause.style !== 'heading');
    const uncertain = alternative === undefined ? {} : { alternative: (di === 1 ? originalUnits : translationUnits)[alternative]!.unit };
    return { ...units, confidence: numbered ? SKIPPED_NUMBERED : SKIPPED, basis: numbered ? 'number' : 'length', sentences, ...uncertain };
  }
  const { basis, confidence } = judge.evidence(i, di, j, dj);
  return { ...units, confidence, basis, sentences };
}

/** Sentences of a clause pair, aligned; a side without sentences leaves the other's unpaired. */
function alignSentences(context: PairContext, original: readonly Segment[], translation: readonly Segment[]): SentencePair[] {
  const judge = new StepJudge(context.model, context.anchors, original, translation);
  const { steps } = alignMonotonic(original.length, translation.length, (i, di, j, dj, limit) => judge.cost(i, di, j, dj, limit));
  return steps.map(({ i, di, j, dj }) => {
    const spans = { original: original.slice(i, i + di).map((sentence) => sentence.span), translation: translation.slice(j, j + dj).map((sentence) => sentence.span) };
    if (di === 0 || dj === 0) return { ...spans, confidence: clamp(SKIPPED), basis: 'length' };
    const { confidence, basis } = judge.evidence(i, di, j, dj);
    return { ...spans, confidence, basis };
  });
}
