/** Folding ranges: every clause that runs over more than one line. */
import type { FoldingRange } from '../api';
import type { AnalysedFile } from './context';

export function foldingRanges(file: AnalysedFile): FoldingRange[] {
  const { clauses, lines } = file.analysis;
  const folds: FoldingRange[] = [];
  for (const clause of clauses) {
    const startLine = lines.lineOf(clause.span.start);
    const endLine = lines.lineOf(clause.span.end);
    if (endLine > startLine) folds.push({ startLine, endLine });
  }
  return folds;
}
