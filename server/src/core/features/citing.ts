/** What an annotation cites, for the features that follow citations across files. */
import type { Annotation, CitationTarget } from '../model';
import { identityKey } from '../workspace/workspaceIndex';
import type { AnalysedFile } from './context';

/** The notice an annotation names: a number, a title, a short name, "the same notice", or the document's own number. */
export function citedTarget(file: AnalysedFile, annotation: Annotation): CitationTarget | 'own' | undefined {
  switch (annotation.kind) {
    case 'noticeNumber': return annotation.own ? 'own' : { kind: 'number', number: annotation };
    case 'citation': return annotation.target;
    case 'termUse':
    case 'termDefinition': return file.analysis.definitions.find((term) => term.key === annotation.key)?.cites;
    default: return undefined;
  }
}

/** The key of the document's own notice, if it is one. */
export function ownKey(file: AnalysedFile): string | undefined {
  return file.analysis.identity ? identityKey(file.analysis.identity) : undefined;
}

/** Whether the annotation stands in the document's own title (find references there finds the notice's citations). */
export function isInOwnTitle(file: AnalysedFile, offset: number): boolean {
  const title = file.analysis.identity?.title?.span;
  return title !== undefined && offset >= title.start && offset <= title.end;
}
