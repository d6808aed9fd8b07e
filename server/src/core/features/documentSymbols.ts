/**
 * Document symbols: the clause tree, each clause named by its label and title; in a document of more clauses than
 * OUTLINE_LIMIT, the levels that fit in it.
 */
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

/**
 * The most symbols the editor's outline holds (the language server asks for no more; the command line's `annotate`
 * lists every clause). A compilation of rules dense with items (25,000 clauses in 1 MB) would otherwise
 * send 6 MB of outline after each edit (about 240 bytes a symbol), which the editor takes seconds to read, and no one
 * reads an outline of 25,000 entries: its chapters and articles are kept, the items under them left out (go to clause
 * and hover still reach them). 1 MB of the corpus's notices, 4,783 clauses, fits whole.
 */
export const OUTLINE_LIMIT = 5_000;

export function documentSymbols(file: AnalysedFile, limit = Infinity): DocumentSymbol[] {
  const { clauses, rootClauses } = file.analysis;
  const deepest = deepestLevelWithin(clauses, limit);
  const toSymbol = (clause: Clause): DocumentSymbol => ({
    name: clause.style === 'annex' && !clause.title ? annexName(file.analysis, clause) : clauseName(clause),
    detail: clause.style === 'annex' ? 'Annex' : KIND_NAMES[clause.kind],
    kind: clause.kind,
    range: rangeOf(file, clause.span),
    selectionRange: rangeOf(file, clause.labelSpan),
    children: clause.depth < deepest ? clause.children.map((id) => toSymbol(clauses[id]!)) : [],
  });
  return (deepest >= 0 ? rootClauses : rootClauses.slice(0, limit)).map((id) => toSymbol(clauses[id]!));
}

/** The deepest level of the tree whose clauses, with all those above them, are at most `limit`; -1 when the roots are more. */
function deepestLevelWithin(clauses: readonly Clause[], limit: number): number {
  if (clauses.length <= limit) return Infinity;
  const perLevel: number[] = [];
  for (const clause of clauses) perLevel[clause.depth] = (perLevel[clause.depth] ?? 0) + 1;
  let level = -1;
  for (let total = 0; level + 1 < perLevel.length && total + perLevel[level + 1]! <= limit; level++) total += perLevel[level + 1]!;
  return level;
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
