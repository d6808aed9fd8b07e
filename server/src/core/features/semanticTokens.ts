/** Semantic tokens: agencies, notice numbers, clause labels and defined terms, one line each, in document order. */
import type { SemanticToken, SemanticTokenType } from '../api';
import type { Annotation, Span } from '../model';
import type { AnalysedFile } from './context';

export const SEMANTIC_TOKEN_TYPES: readonly SemanticTokenType[] = ['agency', 'noticeNumber', 'clauseLabel', 'definedTerm'];

/**
 * Tokens without overlaps: of overlapping annotations the one that starts first wins, and of those starting together
 * the longer (a notice number 中国人民银行令〔2003〕第5号 over the agency it starts with). A token that runs over a line
 * break (a name broken across lines) becomes one token per line, as LSP tokens stay on one line.
 */
export function semanticTokens(file: AnalysedFile): SemanticToken[] {
  const { lines } = file.analysis;
  const tokens: SemanticToken[] = [];
  for (const { start, end, type } of nonOverlapping(file)) {
    for (let line = lines.lineOf(start); line <= lines.lineOf(end); line++) {
      const from = Math.max(start, lines.lineStart(line));
      const to = Math.min(end, lines.lineEnd(line));
      if (to > from) tokens.push({ line, character: from - lines.lineStart(line), length: to - from, type });
    }
  }
  return tokens;
}

function nonOverlapping(file: AnalysedFile): (Span & { type: SemanticTokenType })[] {
  const candidates: (Span & { type: SemanticTokenType })[] = [];
  for (const annotation of file.analysis.annotations) {
    const type = tokenType(annotation.kind);
    if (type) candidates.push({ start: annotation.start, end: annotation.end, type });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: (Span & { type: SemanticTokenType })[] = [];
  for (const candidate of candidates) {
    const previous = kept[kept.length - 1];
    if (!previous || candidate.start >= previous.end) kept.push(candidate);
  }
  return kept;
}

function tokenType(kind: Annotation['kind']): SemanticTokenType | undefined {
  switch (kind) {
    case 'agency': return 'agency';
    case 'noticeNumber': return 'noticeNumber';
    case 'clauseLabel': return 'clauseLabel';
    case 'termUse':
    case 'termDefinition': return 'definedTerm';
    default: return undefined;
  }
}
