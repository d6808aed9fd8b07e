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

export function definition(context: FeatureContext, file: AnalysedFile, offset: number): DefinitionLink[] {
  for (const annotation of annotationsAt(file.analysis, offset)) {
    const links = definitionOf(context, file, annotation);
    if (links.length > 0) return links;
  }
  return [];
}

function definitionOf(context: FeatureContext, file: AnalysedFile, annotation: Annotation): DefinitionLink[] {
  const origin = rangeOf(file, annotation);
  if (annotation.kind === 'clauseRef') return clauseDefinition(context, file, annotation, origin);
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
