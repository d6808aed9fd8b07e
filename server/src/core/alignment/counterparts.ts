/**
 * Which documents are an original and its translation, and where a place in one lands in the other: the aligned
 * sentence when there is one, else the aligned clause.
 */
import type { Range } from '../api';
import type { AnalysedDocument, Span } from '../model';
import { lastAtOrBefore } from '../text/search';
import { identityKey } from '../workspace/workspaceIndex';
import type { ClausePair, DocumentAlignment, Side } from './types';
import { coverSpans } from './units';

/**
 * Two documents are one notice in two languages when their headers give the same notice (the identity key the
 * workspace index files them under) and their languages differ; the Chinese one is the original.
 */
export function translationPair(a: AnalysedDocument, b: AnalysedDocument): { original: AnalysedDocument; translation: AnalysedDocument } | undefined {
  if (!a.identity || !b.identity || a.language === b.language || identityKey(a.identity) !== identityKey(b.identity)) return undefined;
  return a.language === 'zh' ? { original: a, translation: b } : { original: b, translation: a };
}

export interface Counterpart {
  /** The pair the offset is in (for a clause moved, the pair of it and its counterpart: ClausePair.moved). */
  pair: ClausePair;
  /** In the other document: the aligned sentence(s), or the counterpart clause's own text. */
  span: Span;
  range: Range;
  /** The counterpart clause, when the pair has one on the other side (undefined: the preamble). */
  clause: number | undefined;
}

/** Where `offset` of the `side` document lands in the other one; undefined where it has no counterpart. */
export function counterpartAt(alignment: DocumentAlignment, side: Side, offset: number): Counterpart | undefined {
  const other: Side = side === 'original' ? 'translation' : 'original';
  const pairs = alignment.pairs.filter((pair) => pair[side].length > 0);
  const found = pairs[lastAtOrBefore(pairs, offset, (item) => item[side][0]!.span.start)];
  // A clause the translation moved has its counterpart elsewhere in the order: the pair of the two.
  const pair = found && found[other].length === 0 ? found.moved : found;
  if (!pair) return undefined;
  const sentence = pair.sentences.find((sentences) => sentences[side].some((span) => span.start <= offset && offset <= span.end) && sentences[other].length > 0);
  const units = pair[other];
  const span = sentence ? coverSpans(sentence[other]) : coverSpans(units.map((unit) => unit.span));
  const document = alignment[other];
  return { pair, span, range: { start: document.lines.positionAt(span.start), end: document.lines.positionAt(span.end) }, clause: units[0]!.clause };
}
