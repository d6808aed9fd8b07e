/** Finds the annotation under a cursor. */
import type { AnalysedDocument, Annotation } from '../model';
import { lastAtOrBefore } from '../text/search';

/** When annotations overlap, the more specific kind wins at equal length. */
const PRIORITY: Record<Annotation['kind'], number> = {
  termDefinition: 0, clauseRef: 1, citation: 2, noticeNumber: 3, termUse: 4, bannedTerm: 5, agency: 6, clauseLabel: 7,
};

/** How far back to look for an annotation that starts before the cursor and still covers it. */
const LOOK_BACK = 32;

/**
 * The annotation covering `offset` (a cursor touching its end counts, as editors expect when the cursor
 * sits just after a word); the shortest one when several overlap, but for an issuer's name inside a notice number:
 * the cursor on 中国人民银行 in 中国人民银行令〔2026〕第3号 names the order, for definition, references and call hierarchy.
 */
export function annotationAt(document: AnalysedDocument, offset: number): Annotation | undefined {
  const covering = annotationsAt(document, offset);
  const best = covering[0];
  return (best?.kind === 'agency' ? covering.find((other) => isIssuerOf(best, other)) : undefined) ?? best;
}

/** Whether `agency` is the issuer's name inside notice number (or citation) `number`. */
function isIssuerOf(agency: Annotation, number: Annotation): boolean {
  return (number.kind === 'noticeNumber' || number.kind === 'citation') && number.start <= agency.start && agency.end <= number.end;
}

/** The annotations covering `offset`, best first (see annotationAt). */
export function annotationsAt(document: AnalysedDocument, offset: number): Annotation[] {
  const annotations = document.annotations;
  const last = lastAtOrBefore(annotations, offset, (annotation) => annotation.start);
  const covering: Annotation[] = [];
  for (let i = last; i >= 0 && i > last - LOOK_BACK; i--) {
    if (annotations[i]!.end >= offset) covering.push(annotations[i]!);
  }
  return covering.sort((a, b) => compare(a, b, offset));
}

/** Inside beats touching at the end; then shorter beats longer; then the more specific kind. */
function compare(a: Annotation, b: Annotation, offset: number): number {
  const aInside = a.end > offset;
  const bInside = b.end > offset;
  if (aInside !== bInside) return aInside ? -1 : 1;
  const lengthDifference = (a.end - a.start) - (b.end - b.start);
  if (lengthDifference !== 0) return lengthDifference;
  return PRIORITY[a.kind] - PRIORITY[b.kind];
}
