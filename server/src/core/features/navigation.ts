/** Go to definition and find references: clauses, defined terms, agencies, notice numbers, banned terms. */
import type { AnalysedDocument, Annotation, Span } from '../model';
import { annotationAt } from './annotationAt';

export interface DefinitionTarget {
  /** The whole target (a clause with its body, a defined term). */
  range: Span;
  /** What to select on arrival: the clause label, the paragraph named, the term. */
  selection: Span;
  /** The text the request was made on. */
  origin: Span;
}

export function definition(document: AnalysedDocument, offset: number): DefinitionTarget | undefined {
  const annotation = annotationAt(document, offset);
  if (!annotation) return undefined;
  const origin = { start: annotation.start, end: annotation.end };
  if (annotation.kind === 'clauseRef' && annotation.target !== undefined) {
    const clause = document.clauses[annotation.target]!;
    return { range: clause.span, selection: annotation.targetSpan ?? clause.labelSpan, origin };
  }
  if (annotation.kind === 'termUse' || annotation.kind === 'termDefinition') {
    const defined = document.definitions.find((term) => term.key === annotation.key);
    return defined ? { range: defined.span, selection: defined.span, origin } : undefined;
  }
  return undefined;
}

/** Every place in the document that names the same thing as the annotation at `offset`. */
export function references(document: AnalysedDocument, offset: number, includeDeclaration: boolean): Span[] {
  const annotation = annotationAt(document, offset);
  if (!annotation) return [];
  const same = sameThing(annotation);
  const found = document.annotations.filter((candidate) => same(candidate) && (includeDeclaration || !isDeclaration(candidate)));
  return found.map((candidate) => ({ start: candidate.start, end: candidate.end }));
}

function isDeclaration(annotation: Annotation): boolean {
  return annotation.kind === 'clauseLabel' || annotation.kind === 'termDefinition';
}

/** A predicate for the annotations that name what `annotation` names. */
function sameThing(annotation: Annotation): (candidate: Annotation) => boolean {
  switch (annotation.kind) {
    case 'clauseLabel':
    case 'clauseRef': {
      const clause = annotation.kind === 'clauseLabel' ? annotation.clause : annotation.target;
      if (clause === undefined) return (candidate) => candidate === annotation;
      return (candidate) => (candidate.kind === 'clauseLabel' && candidate.clause === clause) ||
        (candidate.kind === 'clauseRef' && candidate.target === clause);
    }
    case 'termUse':
    case 'termDefinition':
      return (candidate) => (candidate.kind === 'termUse' || candidate.kind === 'termDefinition') && candidate.key === annotation.key;
    case 'agency':
      return (candidate) => candidate.kind === 'agency' && candidate.agencyId === annotation.agencyId;
    case 'noticeNumber':
      return (candidate) => candidate.kind === 'noticeNumber' && candidate.key === annotation.key;
    case 'bannedTerm':
      return (candidate) => candidate.kind === 'bannedTerm' && candidate.termId === annotation.termId;
  }
}
