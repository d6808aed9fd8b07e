/**
 * Find references. On a notice (its own number or title, or any citation of it): every citation of that notice in
 * the workspace, both languages, however cited. On a clause (its label, or a reference to it from here or from
 * another file): every reference to that clause from any file. Otherwise (a defined term, an agency, a banned
 * term): the places in this document that name the same thing.
 */
import type { Location } from '../api';
import type { Annotation, CitationTarget, Clause, ClauseReference } from '../model';
import { ClauseResolver } from '../resolve';
import { clauseIn, identityAsLocation, referenceInto } from '../workspace/crossFile';
import { rangeIn, type FileSummary } from '../workspace/summary';
import { annotationAt } from './annotationAt';
import { citedTarget, isInOwnTitle, ownKey } from './citing';
import { rangeOf, type AnalysedFile, type FeatureContext } from './context';

export function references(context: FeatureContext, file: AnalysedFile, offset: number, includeDeclaration: boolean): Location[] {
  const annotation = annotationAt(file.analysis, offset);
  const noticeKey = annotation ? noticeKeyOf(context, file, annotation) : isInOwnTitle(file, offset) ? ownKey(file) : undefined;
  if (noticeKey) return noticeReferences(context, file, noticeKey, includeDeclaration);
  if (!annotation) return [];
  if (annotation.kind === 'clauseRef' && annotation.external) {
    const cites = annotation.external.cites;
    return cites ? referencesIntoOtherFile(context, file, annotation, cites, includeDeclaration) : [{ uri: file.uri, range: rangeOf(file, annotation) }];
  }
  if (annotation.kind === 'clauseLabel' || annotation.kind === 'clauseRef') {
    const clause = annotation.kind === 'clauseLabel' ? annotation.clause : annotation.target;
    if (clause !== undefined) return clauseReferences(context, file, clause, includeDeclaration);
  }
  return sameInDocument(file, annotation, includeDeclaration);
}

function noticeKeyOf(context: FeatureContext, file: AnalysedFile, annotation: Annotation): string | undefined {
  const target = citedTarget(file, annotation);
  if (!target) return undefined;
  return target === 'own' ? ownKey(file) : context.index.resolve(target);
}

/** Every citation of notice `key`: this document's as it is now, the other files' from the index. */
function noticeReferences(context: FeatureContext, file: AnalysedFile, key: string, includeDeclaration: boolean): Location[] {
  const here = file.analysis.citations.filter((citation) => context.index.resolve(citation.target) === key)
    .map((citation) => ({ uri: file.uri, range: rangeOf(file, citation) }));
  const elsewhere = context.index.citationsOf(key).filter(({ summary }) => summary.uri !== file.uri)
    .map(({ summary, citation }) => ({ uri: summary.uri, range: rangeIn(summary, citation) }));
  const declarations = includeDeclaration ? declarationsOf(context, file, key) : [];
  return [...declarations, ...here, ...elsewhere];
}

function declarationsOf(context: FeatureContext, file: AnalysedFile, key: string): Location[] {
  const own = ownKey(file) === key && file.analysis.identity?.numberSpan
    ? [{ uri: file.uri, range: rangeOf(file, file.analysis.identity.numberSpan) }] : [];
  const others = context.index.filesOf(key).filter((summary) => summary.uri !== file.uri).map(identityAsLocation);
  return [...own, ...others];
}

/** References to a clause of this document: from here, and from other files into this notice. */
function clauseReferences(context: FeatureContext, file: AnalysedFile, clause: number, includeDeclaration: boolean): Location[] {
  const { analysis } = file;
  const label = analysis.clauses[clause]!;
  const here = analysis.references.filter((reference) => reference.target === clause).map((reference) => ({ uri: file.uri, range: rangeOf(file, reference) }));
  const resolver = new ClauseResolver(analysis.clauses);
  const key = ownKey(file);
  const elsewhere = key ? context.index.referencesInto(key).filter(({ summary, reference }) =>
    summary.uri !== file.uri && resolver.resolve(reference.steps)?.clause === clause)
    .map(({ summary, reference }) => ({ uri: summary.uri, range: rangeIn(summary, reference) })) : [];
  const declaration = includeDeclaration ? [{ uri: file.uri, range: rangeOf(file, label.labelSpan) }] : [];
  return [...declaration, ...here, ...elsewhere];
}

/** From "Clause (5) of Yinfa [2026] No. 42": the references to that clause, wherever they are. */
function referencesIntoOtherFile(
  context: FeatureContext, file: AnalysedFile, reference: ClauseReference, cites: CitationTarget, includeDeclaration: boolean,
): Location[] {
  const { info, hits } = referenceInto(context.index, cites, reference.steps, file.analysis.language);
  const hit = hits[0];
  if (!info || !hit) return [{ uri: file.uri, range: rangeOf(file, reference) }];
  const internal = (hit.summary.notice?.internalReferences ?? []).filter((candidate) => candidate.clause === hit.clause.id)
    .map((candidate) => ({ uri: hit.summary.uri, range: rangeIn(hit.summary, candidate) }));
  const external = context.index.referencesInto(info.key).filter(({ summary, reference: candidate }) =>
    summary.uri === file.uri ? false : sameClause(hit.summary, hit.clause, candidate.steps))
    .map(({ summary, reference: candidate }) => ({ uri: summary.uri, range: rangeIn(summary, candidate) }));
  const here = file.analysis.references.filter((candidate) => candidate.external?.cites &&
    context.index.resolve(candidate.external.cites) === info.key && sameClause(hit.summary, hit.clause, candidate.steps))
    .map((candidate) => ({ uri: file.uri, range: rangeOf(file, candidate) }));
  const declaration = includeDeclaration ? [{ uri: hit.summary.uri, range: rangeIn(hit.summary, hit.clause.labelSpan) }] : [];
  return [...declaration, ...internal, ...here, ...external];
}

function sameClause(summary: FileSummary, clause: Clause, steps: ClauseReference['steps']): boolean {
  return clauseIn(summary, steps)?.id === clause.id;
}

function isDeclaration(annotation: Annotation): boolean {
  return annotation.kind === 'clauseLabel' || annotation.kind === 'termDefinition';
}

function sameInDocument(file: AnalysedFile, annotation: Annotation, includeDeclaration: boolean): Location[] {
  const same = sameThing(annotation);
  return file.analysis.annotations.filter((candidate) => same(candidate) && (includeDeclaration || !isDeclaration(candidate)))
    .map((candidate) => ({ uri: file.uri, range: rangeOf(file, candidate) }));
}

/** A predicate for the annotations that name what `annotation` names. */
function sameThing(annotation: Annotation): (candidate: Annotation) => boolean {
  switch (annotation.kind) {
    case 'termUse':
    case 'termDefinition':
      return (candidate) => (candidate.kind === 'termUse' || candidate.kind === 'termDefinition') && candidate.key === annotation.key;
    case 'agency':
      return (candidate) => candidate.kind === 'agency' && candidate.agencyId === annotation.agencyId;
    case 'bannedTerm':
      return (candidate) => candidate.kind === 'bannedTerm' && candidate.termId === annotation.termId;
    default:
      return (candidate) => candidate === annotation;
  }
}
