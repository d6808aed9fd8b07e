/**
 * The data an alignment of an original (Chinese) and its translation (English) produces. Offsets are UTF-16 code
 * units into each document's text; `range`s are the same places as LSP positions, for the adapter and the exports.
 */
import type { Range } from '../api';
import type { Severity } from '../knowledge/types';
import type { AnalysedDocument, ProblemCode, Span } from '../model';

export type Side = 'original' | 'translation';

/** Why two units were paired: their labels agree, they share recognised content, or only their lengths fit. */
export type AlignmentBasis = 'number' | 'content' | 'length';

/**
 * A piece of one document the alignment pairs: a clause's own text (from its label to its first child), or the
 * preamble (the lines before the first clause: title, addressees, recitals).
 */
export interface AlignmentUnit {
  /** The clause (index in AnalysedDocument.clauses), or undefined for the preamble. */
  clause: number | undefined;
  /** The clause label as written ("（五）", "(5)"), or "preamble". */
  label: string;
  span: Span;
}

export interface SentencePair {
  /** Sentence spans, in document order; empty on the side that has no counterpart. */
  original: Span[];
  translation: Span[];
  confidence: number;
  basis: AlignmentBasis;
}

/** One step of the monotonic alignment: 1-1, 1-0, 0-1, 2-1 or 1-2 units. */
export interface ClausePair {
  original: AlignmentUnit[];
  translation: AlignmentUnit[];
  /** 0..1: how sure the alignment is of this pair. */
  confidence: number;
  basis: AlignmentBasis;
  sentences: SentencePair[];
  /**
   * For a clause the translation moved (moves.ts): the pair of the two clauses, which the order of the pairs cannot
   * hold; both the pair of the original's clause and the pair of the translation's (each without counterpart) have it.
   */
  moved?: ClausePair;
  /**
   * For a clause without counterpart: another clause of its side, near it, that the evidence leaves alone as well
   * (their numbers and contents tie): which of the two has no counterpart is uncertain.
   */
  alternative?: AlignmentUnit;
}

/** A defined term and its counterpart in the other language: "deposit tokens" ↔ 存款代币. */
export interface TermPair {
  original: { term: string; key: string; span: Span };
  translation: { term: string; key: string; span: Span };
}

export interface RelatedSpan {
  /** In the original. */
  span: Span;
  range: Range;
  message: string;
}

/** A finding about the translation: placed in the translation, with the original's clause as related information. */
export interface TranslationCheck {
  code: ProblemCode;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  related: RelatedSpan[];
}

export interface DocumentAlignment {
  readonly original: AnalysedDocument;
  readonly translation: AnalysedDocument;
  /** In document order on both sides; the preamble pair first. */
  readonly pairs: readonly ClausePair[];
  readonly terms: readonly TermPair[];
  readonly checks: readonly TranslationCheck[];
  /** Translation characters per original character, estimated from the pair itself. */
  readonly lengthRatio: number;
  /** The alignment was banded (the documents have very many clauses): pairs far off the diagonal were not considered. */
  readonly banded: boolean;
}
