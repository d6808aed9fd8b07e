/** Document symbols: the clause tree, each clause named by its label and title. */
import type { DocumentSymbol } from '../api';
import type { AnalysedDocument, Clause, ClauseKind } from '../model';
import { firstNonSpace, truncate } from '../scan/clauseDescription';
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
    name: clause.style === 'annex' && !clause.title ? annexName(file.analysis, clause) : clauseName(clause),
    detail: clause.style === 'annex' ? 'Annex' : KIND_NAMES[clause.kind],
    kind: clause.kind,
    range: rangeOf(file, clause.span),
    selectionRange: rangeOf(file, clause.labelSpan),
    children: clause.children.map((id) => toSymbol(clauses[id]!)),
  });
  return rootClauses.map((id) => toSymbol(clauses[id]!));
}

/** How many lines after a bare attachment heading (附件) its title (《XX管理办法》) may stand, blank lines between. */
const ANNEX_TITLE_REACH = 3;
const ANNEX_TITLE_MAX = 60;

/**
 * A bare attachment heading is named by the next line that is not blank, when that line holds no label: the title of
 * the measures a notice publishes (附件⏎⏎《XX管理办法》⏎第一章 总则), which a blank line may part from it.
 */
function annexName(analysis: AnalysedDocument, annex: Clause): string {
  const { text, lines, clauses } = analysis;
  const line = lines.lineOf(annex.labelSpan.start);
  const nextLabelLine = annex.id + 1 < clauses.length ? lines.lineOf(clauses[annex.id + 1]!.labelSpan.start) : lines.lineCount;
  for (let next = line + 1; next < Math.min(lines.lineCount, nextLabelLine, line + 1 + ANNEX_TITLE_REACH); next++) {
    const end = lines.lineEnd(next);
    const first = firstNonSpace(text, lines.lineStart(next), end);
    if (first < end) return `${annex.label} ${truncate(text.slice(first, end).trim(), ANNEX_TITLE_MAX)}`;
  }
  return annex.label;
}
