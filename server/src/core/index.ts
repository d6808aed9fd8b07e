/**
 * The regtext core: protocol-agnostic analysis of regulatory text. It takes text and knowledge and returns plain
 * data; it knows nothing of LSP connections, VS Code or the file system.
 */
export { analyze, DEFAULT_MAX_BYTES, type AnalysisOptions } from './document';
export { compileKnowledge, type Knowledge } from './knowledge/compile';
export type * from './knowledge/types';
export type * from './model';
export { hover, type HoverResult } from './features/hover';
export { definition, references, type DefinitionTarget } from './features/navigation';
export { documentSymbols, foldingRanges, semanticTokens, SEMANTIC_TOKEN_TYPES, type OutlineSymbol, type LineFold, type SemanticToken } from './features/outline';
export { annotationAt } from './features/annotationAt';
export { LineIndex, type Position } from './text/lineIndex';
