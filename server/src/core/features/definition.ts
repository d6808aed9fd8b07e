/**
 * Go to definition: a clause reference → the clause (in this document, or in the cited notice's file); a defined
 * term → its definition; a notice number, a quoted title, a short name or "the same notice" → the notice's files,
 * those in the language of this document first; the document's own number → its other files (a translation).
 */
import type { DefinitionLink, Range } from '../api';
import type { Annotation, ClauseReference } from '../model';
import { identityLocation, inLanguageOrder, referenceInto } from '../workspace/crossFile';
import { rangeIn, type FileSummary } from '../workspace/summary';
import { annotationsAt } from './annotationAt';
import { citedTarget, ownKey } from './citing';
import { rangeOf, type AnalysedFile, type FeatureContext } from './context';
import { counterpartDefinition } from './counterpart';
import { lastAtOrBefore } from '../text/search';

export function definition(context: FeatureContext, file: AnalysedFile, offset: number): DefinitionLink[] {
  const covering = annotationsAt(file.analysis, offset);
  for (const annotation of covering) {
    const links = annotation.kind === 'clauseRef' && annotation.target !== undefined
      ? everyTarget(file, widestReference(covering, annotation), rangeOf(file, annotation))
      : definitionOf(context, file, annotation);
    if (links.length > 0) return links;
  }
  return [];
}

/** The widest reference over the cursor: a whole range (第五条至第八条) or 前两条 rather than one of its ends. */
function widestReference(covering: readonly Annotation[], best: ClauseReference): ClauseReference {
  let widest = best;
  for (const annotation of covering) {
    if (annotation.kind === 'clauseRef' && annotation.end - annotation.start > widest.end - widest.start) widest = annotation;
  }
  return widest;
}

/**
 * Every clause the references inside `span` name, in document order: each article of 前两条, each member of a range.
 * References are sorted by start, so the look-up starts by binary search.
 */
function everyTarget(file: AnalysedFile, span: ClauseReference, origin: Range): DefinitionLink[] {
  const { references, clauses } = file.analysis;
  const byTarget = new Map<number, ClauseReference>();
  for (let i = lastAtOrBefore(references, span.start - 1, (reference) => reference.start) + 1; i < references.length; i++) {
    const reference = references[i]!;
    if (reference.start >= span.end) break;
    if (reference.end <= span.end && reference.target !== undefined && !byTarget.has(reference.target)) byTarget.set(reference.target, reference);
  }
  return [...byTarget].sort(([a], [b]) => a - b).map(([id, reference]) =>
    link(file.uri, rangeOf(file, clauses[id]!.span), rangeOf(file, reference.targetSpan ?? clauses[id]!.labelSpan), origin));
}

function definitionOf(context: FeatureContext, file: AnalysedFile, annotation: Annotation): DefinitionLink[] {
  const origin = rangeOf(file, annotation);
  if (annotation.kind === 'clauseRef') return clauseDefinition(context, file, annotation, origin);
  if (annotation.kind === 'clauseLabel') {
    const view = context.counterpart?.(file);
    return view ? counterpartDefinition(view, file, annotation) : [];
  }
  if (annotation.kind === 'termUse' || annotation.kind === 'termDefinition') {
    const term = file.analysis.definitions.find((candidate) => candidate.key === annotation.key);
    const notices = term?.cites ? noticeFiles(context, file, context.index.resolve(term.cites)) : [];
    if (notices.length > 0) return notices.map((summary) => noticeLink(summary, origin));
    return term ? [link(file.uri, rangeOf(file, term.span), rangeOf(file, term.span), origin)] : [];
  }
  const target = citedTarget(file, annotation);
  if (!target) return [];
  const key = target === 'own' ? ownKey(file) : context.index.resolve(target);
  return noticeFiles(context, file, key).map((summary) => noticeLink(summary, origin));
}

function clauseDefinition(context: FeatureContext, file: AnalysedFile, reference: ClauseReference, origin: Range): DefinitionLink[] {
  if (reference.target !== undefined) {
    const clause = file.analysis.clauses[reference.target]!;
    return [link(file.uri, rangeOf(file, clause.span), rangeOf(file, reference.targetSpan ?? clause.labelSpan), origin)];
  }
  const cites = reference.external?.cites;
  if (!cites) return [];
  const { hits } = referenceInto(context.index, cites, reference.steps, file.analysis.language);
  return hits.filter((hit) => hit.summary.uri !== file.uri)
    .map(({ summary, clause }) => link(summary.uri, rangeIn(summary, clause.span), rangeIn(summary, clause.labelSpan), origin));
}

/** The files of notice `key`, this document's language first, this document left out. */
function noticeFiles(context: FeatureContext, file: AnalysedFile, key: string | undefined): FileSummary[] {
  if (!key) return [];
  return inLanguageOrder(context.index.filesOf(key), file.analysis.language).filter((summary) => summary.uri !== file.uri);
}

function noticeLink(summary: FileSummary, origin: Range): DefinitionLink {
  const { uri, range, selection } = identityLocation(summary);
  return link(uri, range, selection, origin);
}

function link(targetUri: string, targetRange: Range, targetSelectionRange: Range, originSelectionRange: Range): DefinitionLink {
  return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
}
