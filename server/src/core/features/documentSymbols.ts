/** Document symbols: the clause tree, each clause named by its label and title. */
import type { DocumentSymbol } from '../api';
import type { Clause, ClauseKind } from '../model';
import { rangeOf, type AnalysedFile } from './context';

export const KIND_NAMES: Record<ClauseKind, string> = {
  part: 'Part', chapter: 'Chapter', section: 'Section', article: 'Article', clause: 'Clause', item: 'Item',
};

export function clauseName(clause: Clause): string {
  return clause.title ? `${clause.label} ${clause.title}` : clause.label;
}

export function documentSymbols(file: AnalysedFile): DocumentSymbol[] {
  const { clauses, rootClauses } = file.analysis;
  const toSymbol = (clause: Clause): DocumentSymbol => ({
    name: clauseName(clause),
    detail: KIND_NAMES[clause.kind],
    kind: clause.kind,
    range: rangeOf(file, clause.span),
    selectionRange: rangeOf(file, clause.labelSpan),
    children: clause.children.map((id) => toSymbol(clauses[id]!)),
  });
  return rootClauses.map((id) => toSymbol(clauses[id]!));
}
