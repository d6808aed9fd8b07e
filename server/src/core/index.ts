/**
 * The regtext core: protocol-agnostic analysis of regulatory text behind one façade, createLanguageService. It takes
 * text (through documents and the Workspace interface) and knowledge, and returns plain data; it knows nothing of LSP
 * connections, VS Code or the file system.
 */
export { CHUNKS_DELAY_MS, createLanguageService, type LanguageService, type LanguageServiceOptions } from './service';
export type * from './api';
export { NEVER_CANCELLED } from './api';
export { analyze, DEFAULT_MAX_BYTES, type AnalysisOptions } from './document';
export { AnalysisCache } from './chunkedText';
export { runInSlices } from './slices';
export { CHUNK_PER_PARAGRAPH, DEFAULT_CHUNKS, type ChunkPolicy } from './text/chunks';
export { decodeAnalysis, encodeAnalysis, transferredBy, type EncodedAnalysis } from './analysisCodec';
export { compileKnowledge, type Knowledge } from './knowledge/compile';
export type * from './knowledge/types';
export type * from './model';
export { SEMANTIC_TOKEN_TYPES } from './features/semanticTokens';
export { KIND_NAMES, OUTLINE_LIMIT } from './features/documentSymbols';
export type { CitationGraph, GraphEdge, GraphNode } from './features/citationGraph';
export { annotationAt } from './features/annotationAt';
export type { PrepareRename } from './features/rename';
export type { ConfigCandidate } from './features/configCandidates';
export { LineIndex } from './text/lineIndex';
export { InMemoryWorkspace, Emitter, type FileContent, type FileStamp, type Workspace } from './workspace/workspace';
export { DEFAULT_SCHEDULER, type IndexChange, type IndexProgress, type Scheduler } from './workspace/workspaceIndex';
export { RULES } from './rules';
export { matchLocale, messagesFor, type Locale, type Messages } from './messages';
export { formatProblem } from './messages/problems';
export { declinedSummary, summarize, type FileSummary } from './workspace/summary';
export { decodeSummary, encodeSummary, type EncodedSummary } from './workspace/summaryCodec';
export {
  alignDocuments, counterpartAt, termPairAt, toJson, toTmx, toTsv, translationPair,
  type AlignmentBasis, type AlignmentUnit, type ClausePair, type Counterpart, type DocumentAlignment, type ExportOptions,
  type RelatedSpan, type SentencePair, type Side, type TermPair, type TranslationCheck,
} from './alignment';
