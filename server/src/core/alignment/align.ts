/**
 * Aligns an original with its translation: clause by clause (the preamble with the preamble, then a monotonic
 * alignment of the clauses on their numbers, shared anchors and lengths), then sentence by sentence inside each
 * clause pair (Gale–Church on lengths, anchored on shared anchors). Pure: two analyses in, data out.
 */
import type { AnalysedDocument } from '../model';
import { translationChecks, type TranslationMessages } from './checks';
import { judgeSentences, judgeUnits, lengthModel, SKIP_COST, clamp, type LengthModel } from './evidence';
import { alignMonotonic, type Step } from './monotonic';
import { pairTerms } from './terms';
import type { ClausePair, DocumentAlignment, SentencePair } from './types';
import { unitsOf, type Segment, type Unit } from './units';

/** How sure a unit left without a counterpart is missing: surer when its number is missing too. */
const SKIPPED_NUMBERED = 0.7;
const SKIPPED = 0.5;

/** `messages`: the language of the checks' messages (English by default). */
export function alignDocuments(original: AnalysedDocument, translation: AnalysedDocument, messages?: TranslationMessages): DocumentAlignment {
  const originalUnits = unitsOf(original);
  const translationUnits = unitsOf(translation);
  const model = lengthModel(originalUnits, translationUnits);
  const preambles = originalUnits[0]?.clause === undefined && translationUnits[0]?.clause === undefined && originalUnits.length > 0 && translationUnits.length > 0;
  const originalClauses = preambles ? originalUnits.slice(1) : originalUnits.filter((unit) => unit.clause);
  const translationClauses = preambles ? translationUnits.slice(1) : translationUnits.filter((unit) => unit.clause);
  const { steps, banded } = alignMonotonic(originalClauses.length, translationClauses.length, (step) =>
    stepEvidence(model, originalClauses, translationClauses, step).cost);
  const pairs = [
    ...(preambles ? [clausePair(model, [originalUnits[0]!], [translationUnits[0]!])] : []),
    ...steps.map((step) => clausePair(model, originalClauses.slice(step.i, step.i + step.di), translationClauses.slice(step.j, step.j + step.dj))),
  ];
  const terms = pairTerms(original, translation, pairs);
  return { original, translation, pairs, terms, checks: translationChecks(original, translation, pairs, terms, messages), lengthRatio: model.ratio, banded };
}

function stepEvidence(model: LengthModel, original: readonly Unit[], translation: readonly Unit[], step: Step) {
  if (step.di === 0 || step.dj === 0) return { cost: SKIP_COST };
  const a = original.slice(step.i, step.i + step.di);
  const b = translation.slice(step.j, step.j + step.dj);
  return judgeUnits(model, a, b);
}

function clausePair(model: LengthModel, original: Unit[], translation: Unit[]): ClausePair {
  const sentences = alignSentences(model, original.flatMap((unit) => unit.sentences), translation.flatMap((unit) => unit.sentences));
  const units = { original: original.map((unit) => unit.unit), translation: translation.map((unit) => unit.unit) };
  if (original.length === 0 || translation.length === 0) {
    const numbered = [...original, ...translation].some((unit) => unit.clause && unit.clause.style !== 'heading');
    return { ...units, confidence: numbered ? SKIPPED_NUMBERED : SKIPPED, basis: numbered ? 'number' : 'length', sentences };
  }
  const { basis, confidence } = judgeUnits(model, original, translation);
  return { ...units, confidence, basis, sentences };
}

/** Sentences of a clause pair, aligned; a side without sentences leaves the other's unpaired. */
function alignSentences(model: LengthModel, original: readonly Segment[], translation: readonly Segment[]): SentencePair[] {
  const { steps } = alignMonotonic(original.length, translation.length, (step) =>
    step.di === 0 || step.dj === 0 ? SKIP_COST : sentenceEvidence(model, original, translation, step).cost);
  return steps.map((step) => {
    const a = original.slice(step.i, step.i + step.di);
    const b = translation.slice(step.j, step.j + step.dj);
    const spans = { original: a.map((sentence) => sentence.span), translation: b.map((sentence) => sentence.span) };
    if (a.length === 0 || b.length === 0) return { ...spans, confidence: clamp(SKIPPED), basis: 'length' };
    const { confidence, basis } = sentenceEvidence(model, original, translation, step);
    return { ...spans, confidence, basis };
  });
}

function sentenceEvidence(model: LengthModel, original: readonly Segment[], translation: readonly Segment[], step: Step) {
  const a = original.slice(step.i, step.i + step.di);
  const b = translation.slice(step.j, step.j + step.dj);
  return judgeSentences(model, a, b);
}
