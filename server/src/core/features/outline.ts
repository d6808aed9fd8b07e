/** Document symbols (the clause tree), folding ranges and semantic tokens. */
import type { AnalysedDocument, Clause, ClauseKind, Span } from '../model';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: ClauseKind;
  range: Span;
  selection: Span;
  children: OutlineSymbol[];
}

const KIND_NAMES: Record<ClauseKind, string> = {
  part: 'Part', chapter: 'Chapter', section: 'Section', article: 'Article', clause: 'Clause', item: 'Item',
};

export function documentSymbols(document: AnalysedDocument): OutlineSymbol[] {
  const toSymbol = (clause: Clause): OutlineSymbol => ({
    name: clause.title ? `${clause.label} ${clause.title}` : clause.label,
    detail: KIND_NAMES[clause.kind],
    kind: clause.kind,
    range: clause.span,
    selection: clause.labelSpan,
    children: clause.children.map((id) => toSymbol(document.clauses[id]!)),
  });
  return document.rootClauses.map((id) => toSymbol(document.clauses[id]!));
}

export interface LineFold {
  startLine: number;
  endLine: number;
}

export function foldingRanges(document: AnalysedDocument): LineFold[] {
  const folds: LineFold[] = [];
  for (const clause of document.clauses) {
    const startLine = document.lines.lineOf(clause.span.start);
    const endLine = document.lines.lineOf(clause.span.end);
    if (endLine > startLine) folds.push({ startLine, endLine });
  }
  return folds;
}

export const SEMANTIC_TOKEN_TYPES = ['agency', 'noticeNumber', 'clauseLabel', 'definedTerm'] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

export interface SemanticToken extends Span {
  type: SemanticTokenType;
}

/**
 * Tokens in document order, without overlaps: of overlapping annotations the one that starts first wins, and of
 * those starting together the longer (a notice number 中国人民银行令〔2003〕第5号 over the agency it starts with).
 */
export function semanticTokens(document: AnalysedDocument): SemanticToken[] {
  const candidates: SemanticToken[] = [];
  for (const annotation of document.annotations) {
    const type = tokenType(annotation.kind);
    if (type) candidates.push({ start: annotation.start, end: annotation.end, type });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const tokens: SemanticToken[] = [];
  for (const candidate of candidates) {
    const previous = tokens[tokens.length - 1];
    if (!previous || candidate.start >= previous.end) tokens.push(candidate);
  }
  return tokens;
}

function tokenType(kind: AnalysedDocument['annotations'][number]['kind']): SemanticTokenType | undefined {
  switch (kind) {
    case 'agency': return 'agency';
    case 'noticeNumber': return 'noticeNumber';
    case 'clauseLabel': return 'clauseLabel';
    case 'termUse':
    case 'termDefinition': return 'definedTerm';
    default: return undefined;
  }
}
