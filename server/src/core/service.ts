/**
 * The language service: the one façade the LSP adapter, the CLI and the tests use, in the shape of
 * vscode-markdown-languageservice. `createLanguageService({ knowledge, workspace })` returns an object with one method
 * per feature; each takes a document (uri, version, text) and a cancellation token and returns plain data with
 * `{ uri, range }` locations. Files are seen only through the Workspace interface.
 *
 * A document is analysed once per version (cached, a few at a time); the workspace index keeps a summary of every
 * file, and an open document's summary is refreshed from the same analysis its features use.
 */
import {
  NEVER_CANCELLED, type CallHierarchyCall, type CallHierarchyItem, type CancellationToken, type CodeAction, type CodeLens, type CompletionItem, type TextEdit, type DefinitionLink,
  type Diagnostic, type DocumentLink, type DocumentSymbol, type FoldingRange, type Hover, type InlayHint, type Location,
  type Logger, type Position, type Range, type SemanticToken, type TextDocument, type WorkspaceSymbol,
} from './api';
import { analyze, DEFAULT_MAX_BYTES } from './document';
import { AnalysisCache } from './chunkedText';
import { runInSlices } from './slices';
import type { Knowledge } from './knowledge/compile';
import type { AnalysedDocument, DeclineReason } from './model';
import { matchLocale, messagesFor, type Locale, type Messages } from './messages';
import { declineMessage } from './messages/problems';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from './features/callHierarchy';
import { citationGraph, type CitationGraph } from './features/citationGraph';
import { codeActions } from './features/codeActions';
import { configCandidates, type ConfigCandidate } from './features/configCandidates';
import { codeLenses } from './features/codeLens';
import { completion } from './features/completion';
import { prepareRename, rename, type PrepareRename } from './features/rename';
import type { AnalysedFile, FeatureContext } from './features/context';
import { definition } from './features/definition';
import { diagnostics, diagnosticStream } from './features/diagnostics';
import { documentLinks } from './features/documentLinks';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { references } from './features/references';
import { semanticTokens } from './features/semanticTokens';
import { workspaceSymbols } from './features/workspaceSymbols';
import { alignedPairs, counterpartUri, translationDiagnostics, type AlignedPair, type CounterpartView } from './features/counterpart';
import { alignDocuments, toJson, toTmx, toTsv, translationPair } from './alignment';
import { declinedSummary, summarize, type FileSummary } from './workspace/summary';
import { InMemoryWorkspace, type FileStamp, type Workspace } from './workspace/workspace';
import { DEFAULT_SCHEDULER, WorkspaceIndex, type Scheduler } from './workspace/workspaceIndex';

export interface LanguageServiceOptions {
  knowledge: Knowledge;
  /** The files around the documents asked about; none: every document stands alone. */
  workspace?: Workspace;
  /** Texts larger than this many bytes of UTF-8 are declined. */
  maxBytes?: number;
  scheduler?: Scheduler;
  logger?: Logger;
  /**
   * Summarises a closed file for the index somewhere else than on this thread (a pool of workers running the same
   * analysis); by default the service analyses in this thread.
   */
  summarizer?: (uri: string, text: string, version: number | string, maxBytes: number) => Promise<FileSummary>;
  /**
   * Summarises a file the workspace located but did not read (`Workspace.locateFile`) where it is read (a worker
   * reads `location`); undefined when it could not, and then the service reads the file through the workspace.
   */
  fileSummarizer?: (uri: string, location: string, version: number | string, maxBytes: number) => Promise<FileSummary | undefined>;
  /**
   * The user's language, as a BCP 47 tag or a POSIX locale (`zh-CN`, `zh_CN.UTF-8`, `en`): every message, hover,
   * title and hint is written in it (Simplified Chinese for any Chinese tag, English otherwise; default English).
   */
  locale?: string;
}

export interface LanguageService {
  readonly index: WorkspaceIndex;
  /** Texts larger than this many bytes of UTF-8 are declined (given their outline only). */
  readonly maxBytes: number;
  /** The analysis of a document's current version (computed once per version). */
  analysis(document: TextDocument): AnalysedDocument;
  /** Whether the analysis of this version is at hand (asking for it costs nothing). */
  hasAnalysis(document: TextDocument): boolean;
  /** Takes the analysis of this version made elsewhere (a worker thread), as if it had been made here. */
  adoptAnalysis(document: TextDocument, analysis: AnalysedDocument): void;
  hover(document: TextDocument, position: Position, token?: CancellationToken): Hover | undefined;
  definition(document: TextDocument, position: Position, token?: CancellationToken): DefinitionLink[];
  references(document: TextDocument, position: Position, context: { includeDeclaration: boolean }, token?: CancellationToken): Location[];
  /** `limit`: the most symbols (the levels of the tree that fit, from the top; see OUTLINE_LIMIT); every clause by default. */
  documentSymbols(document: TextDocument, token?: CancellationToken, limit?: number): DocumentSymbol[];
  workspaceSymbols(query: string, token?: CancellationToken): WorkspaceSymbol[];
  foldingRanges(document: TextDocument, token?: CancellationToken): FoldingRange[];
  semanticTokens(document: TextDocument, token?: CancellationToken): SemanticToken[];
  codeLenses(document: TextDocument, token?: CancellationToken): CodeLens[];
  documentLinks(document: TextDocument, token?: CancellationToken): DocumentLink[];
  inlayHints(document: TextDocument, range: Range, token?: CancellationToken): InlayHint[];
  prepareCallHierarchy(document: TextDocument, position: Position, token?: CancellationToken): CallHierarchyItem[];
  incomingCalls(item: CallHierarchyItem, token?: CancellationToken): CallHierarchyCall[];
  outgoingCalls(item: CallHierarchyItem, token?: CancellationToken): CallHierarchyCall[];
  /** Whether the symbol at a position can be renamed (a defined term), and if not, why. */
  prepareRename(document: TextDocument, position: Position, token?: CancellationToken): PrepareRename;
  /** The edits that rename the defined term at a position across its document, in all its forms. */
  rename(document: TextDocument, position: Position, newName: string, token?: CancellationToken): TextEdit[];
  /** What may be typed at a position: notice numbers, agency names, clause labels. */
  completion(document: TextDocument, position: Position, token?: CancellationToken): CompletionItem[];
  /** Quick fixes for the diagnostics in a range of an open document, and for what the range holds. */
  codeActions(document: TextDocument, range: Range, token?: CancellationToken): CodeAction[];
  /**
   * Reads and aligns the document's counterpart (the same notice in the other language, from the workspace): after
   * this, hover, definition and diagnostics of this version include it. Undefined when the workspace has none.
   */
  loadCounterpart(document: TextDocument, token?: CancellationToken): Promise<{ counterpart: string; pairs: AlignedPair[] } | undefined>;
  /** The document and its counterpart, aligned, as TMX 1.4b, TSV or JSON; undefined when it has none. */
  exportAlignment(document: TextDocument, format: 'tmx' | 'tsv' | 'json'): Promise<string | undefined>;
  /** What the selection or the cursor offers to add to the workspace configuration: a banned term, an agency. */
  configCandidates(document: TextDocument, range: Range, token?: CancellationToken): ConfigCandidate[];
  /** Everything wrong with an open document, its own findings and the cross-file ones. */
  diagnostics(document: TextDocument, token?: CancellationToken): Diagnostic[];
  /** The same for a file of the workspace that is not open, from its summary; undefined if it is not indexed. */
  fileDiagnostics(uri: string, token?: CancellationToken): Diagnostic[] | undefined;
  /** The same, made one at a time as they are read (a file with a million findings is never a million diagnostics at once). */
  fileDiagnosticStream(uri: string): Iterable<Diagnostic> | undefined;
  citationGraph(token?: CancellationToken): CitationGraph;
  /**
   * New knowledge (a workspace configuration changed): every cached analysis is dropped, and the index's summaries
   * are out of date until its next scan.
   */
  setKnowledge(knowledge: Knowledge): void;
  /** The user's language from now on (a tag as in `LanguageServiceOptions.locale`); cached analyses stay valid. */
  setLocale(locale: string | undefined): void;
  /** The locale in force and its catalogue, for what the adapter and the CLI write themselves. */
  readonly locale: Locale;
  readonly messages: Messages;
  /** Why a file was not read, in the user's language. */
  declineMessage(reason: DeclineReason): string;
  /** A new size limit: every cached analysis is dropped. */
  setMaxBytes(maxBytes: number): void;
  dispose(): void;
}

/**
 * Files longer than this (code units) are not aligned with their counterparts: analysing the other file and aligning
 * would hold the thread for seconds. Notices, even long ones, are far shorter.
 */
const MAX_ALIGNED_LENGTH = 2_000_000;

/**
 * How long after an open its chunks are begun (AnalysisCache.warmUp): after what the open set going (its diagnostics,
 * the counterpart's look-up, the editor's first requests), and before a user's first edit, which comes later.
 */
export const CHUNKS_DELAY_MS = 150;

/** Analyses kept at a time: the open documents a user works in, and a few read for cross-file answers. */
const CACHED_ANALYSES = 16;

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  return new RegtextLanguageService(options);
}

class RegtextLanguageService implements LanguageService {
  readonly index: WorkspaceIndex;
  private knowledge: Knowledge;
  private context: FeatureContext;
  private byteLimit: number;
  /** uri → the analysis of its latest version, least recently used first. */
  /** The last analyses, by uri, each with what its chunks held (so that the next version re-scans what changed only). */
  private readonly cache = new Map<string, { version: number | string; analysis: AnalysedDocument; summary: FileSummary; chunks?: AnalysisCache }>();

  private readonly summarizer: LanguageServiceOptions['summarizer'];
  private readonly fileSummarizer: LanguageServiceOptions['fileSummarizer'];
  private readonly workspace: Workspace;
  private readonly logger: Logger | undefined;
  private readonly scheduler: Scheduler;
  /** uri → its alignment with its counterpart, for the versions of both it was made from. */
  private readonly counterparts = new Map<string, { version: number | string; counterpartVersion: number | string; view: CounterpartView }>();

  constructor(options: LanguageServiceOptions) {
    this.knowledge = options.knowledge;
    this.summarizer = options.summarizer;
    this.fileSummarizer = options.fileSummarizer;
    this.byteLimit = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.workspace = options.workspace ?? new InMemoryWorkspace();
    this.logger = options.logger;
    this.scheduler = options.scheduler ?? DEFAULT_SCHEDULER;
    this.index = new WorkspaceIndex(this.workspace, this.knowledge,
      (uri, content) => this.summarizeContent(uri, content), this.scheduler, options.logger);
    const locale = matchLocale(options.locale);
    this.context = { knowledge: this.knowledge, index: this.index, locale, messages: messagesFor(locale), counterpart: (file) => this.counterparts.get(file.uri)?.view };
  }

  analysis(document: TextDocument): AnalysedDocument {
    return this.entry(document).analysis;
  }

  hasAnalysis(document: TextDocument): boolean {
    return this.cache.get(document.uri)?.version === document.version;
  }

  adoptAnalysis(document: TextDocument, analysis: AnalysedDocument): void {
    this.store(document, analysis);
  }

  hover(document: TextDocument, position: Position): Hover | undefined {
    const file = this.file(document);
    return hover(this.context, file, file.analysis.lines.offsetAt(position));
  }

  definition(document: TextDocument, position: Position): DefinitionLink[] {
    const file = this.file(document);
    return definition(this.context, file, file.analysis.lines.offsetAt(position));
  }

  references(document: TextDocument, position: Position, context: { includeDeclaration: boolean }): Location[] {
    const file = this.file(document);
    return references(this.context, file, file.analysis.lines.offsetAt(position), context.includeDeclaration);
  }

  documentSymbols(document: TextDocument, _token?: CancellationToken, limit?: number): DocumentSymbol[] {
    return documentSymbols(this.file(document), limit);
  }

  workspaceSymbols(query: string, token: CancellationToken = NEVER_CANCELLED): WorkspaceSymbol[] {
    return workspaceSymbols(this.context, query, token);
  }

  foldingRanges(document: TextDocument): FoldingRange[] {
    return foldingRanges(this.file(document));
  }

  semanticTokens(document: TextDocument): SemanticToken[] {
    return semanticTokens(this.file(document));
  }

  codeLenses(document: TextDocument): CodeLens[] {
    return codeLenses(this.context, this.file(document));
  }

  documentLinks(document: TextDocument): DocumentLink[] {
    return documentLinks(this.context, this.file(document));
  }

  inlayHints(document: TextDocument, range: Range): InlayHint[] {
    return inlayHints(this.context, this.file(document), range);
  }

  prepareCallHierarchy(document: TextDocument, position: Position): CallHierarchyItem[] {
    const file = this.file(document);
    return prepareCallHierarchy(this.context, file, file.analysis.lines.offsetAt(position));
  }

  incomingCalls(item: CallHierarchyItem): CallHierarchyCall[] {
    return incomingCalls(this.context, item);
  }

  outgoingCalls(item: CallHierarchyItem): CallHierarchyCall[] {
    return outgoingCalls(this.context, item);
  }

  diagnostics(document: TextDocument): Diagnostic[] {
    const own = diagnostics(this.context, this.entry(document).summary);
    const counterpart = this.counterparts.get(document.uri);
    return counterpart?.version === document.version ? [...own, ...translationDiagnostics(counterpart.view)] : own;
  }

  async loadCounterpart(document: TextDocument): Promise<{ counterpart: string; pairs: AlignedPair[] } | undefined> {
    const view = await this.counterpartView(document);
    return view ? { counterpart: view.uri, pairs: alignedPairs(view) } : undefined;
  }

  async exportAlignment(document: TextDocument, format: 'tmx' | 'tsv' | 'json'): Promise<string | undefined> {
    const view = await this.counterpartView(document);
    if (!view) return undefined;
    const names = view.side === 'original' ? { original: document.uri, translation: view.uri } : { original: view.uri, translation: document.uri };
    const write = format === 'tmx' ? toTmx : format === 'tsv' ? toTsv : toJson;
    return write(view.alignment, { clauses: true, names });
  }

  /** The alignment of this version of the document with the counterpart's current text, made once per pair of versions. */
  private async counterpartView(document: TextDocument): Promise<CounterpartView | undefined> {
    const file = this.file(document);
    const uri = file.analysis.text.length <= MAX_ALIGNED_LENGTH ? counterpartUri(this.index, file) : undefined;
    const content = uri ? await this.workspace.readFile(uri) : undefined;
    if (!uri || content?.kind !== 'text' || content.text.length > MAX_ALIGNED_LENGTH) {
      this.counterparts.delete(document.uri);
      return undefined;
    }
    const cached = this.counterparts.get(document.uri);
    if (cached && cached.version === document.version && cached.counterpartVersion === content.version && cached.view.uri === uri) return cached.view;
    const other = this.entry({ uri, version: content.version, getText: () => content.text }).analysis;
    const pair = translationPair(file.analysis, other);
    if (!pair) return undefined;
    let alignment;
    try {
      alignment = alignDocuments(pair.original, pair.translation, { messages: this.context.messages.translation, glossary: this.knowledge.glossary });
    } catch (error) {
      this.logger?.log(`regtext could not align ${document.uri} with ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
      return undefined;
    }
    const view: CounterpartView = { uri, side: pair.original === other ? 'translation' : 'original', alignment };
    this.counterparts.delete(document.uri);
    this.counterparts.set(document.uri, { version: document.version, counterpartVersion: content.version, view });
    while (this.counterparts.size > CACHED_ANALYSES) this.counterparts.delete(this.counterparts.keys().next().value!);
    return view;
  }

  prepareRename(document: TextDocument, position: Position): PrepareRename {
    const file = this.file(document);
    return prepareRename(this.context, file, file.analysis.lines.offsetAt(position));
  }

  rename(document: TextDocument, position: Position, newName: string): TextEdit[] {
    const file = this.file(document);
    return rename(file, file.analysis.lines.offsetAt(position), newName);
  }

  completion(document: TextDocument, position: Position): CompletionItem[] {
    return completion(this.context, this.file(document), position);
  }

  codeActions(document: TextDocument, range: Range): CodeAction[] {
    return codeActions(this.context, this.file(document), range, this.diagnostics(document));
  }

  configCandidates(document: TextDocument, range: Range): ConfigCandidate[] {
    return configCandidates(this.file(document), range);
  }

  fileDiagnostics(uri: string): Diagnostic[] | undefined {
    const summary = this.index.summary(uri);
    return summary ? diagnostics(this.context, summary) : undefined;
  }

  fileDiagnosticStream(uri: string): Iterable<Diagnostic> | undefined {
    const summary = this.index.summary(uri);
    return summary ? diagnosticStream(this.context, summary) : undefined;
  }

  citationGraph(token: CancellationToken = NEVER_CANCELLED): CitationGraph {
    return citationGraph(this.context, token);
  }

  setKnowledge(knowledge: Knowledge): void {
    this.knowledge = knowledge;
    this.context = { ...this.context, knowledge };
    this.cache.clear();
    this.counterparts.clear();
    this.index.setKnowledge(knowledge);
  }

  setLocale(tag: string | undefined): void {
    const locale = matchLocale(tag);
    this.context = { ...this.context, locale, messages: messagesFor(locale) };
    this.counterparts.clear();
  }

  get locale(): Locale {
    return this.context.locale;
  }

  get messages(): Messages {
    return this.context.messages;
  }

  declineMessage(reason: DeclineReason): string {
    return declineMessage(this.context.messages, reason);
  }

  get maxBytes(): number {
    return this.byteLimit;
  }

  setMaxBytes(maxBytes: number): void {
    if (maxBytes === this.byteLimit) return;
    this.byteLimit = maxBytes;
    this.cache.clear();
  }

  dispose(): void {
    this.index.dispose();
    this.cache.clear();
    this.counterparts.clear();
  }

  private file(document: TextDocument): AnalysedFile {
    return { uri: document.uri, analysis: this.entry(document).analysis };
  }

  /** The cached analysis of this version, or a new one; a new one also refreshes the document's summary in the index. */
  private entry(document: TextDocument) {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) {
      this.cache.delete(document.uri);
      this.cache.set(document.uri, cached);
      return cached;
    }
    const chunks = cached?.chunks ?? new AnalysisCache();
    const entry = this.store(document, analyze(document.getText(), this.knowledge, { maxBytes: this.maxBytes, cache: chunks }), chunks);
    if (chunks.warming) void this.makeChunks(chunks);
    return entry;
  }

  /** Makes the chunks an open did not (AnalysisCache.warmUp), between requests: its first edit then scans what it changed. */
  private async makeChunks(chunks: AnalysisCache): Promise<void> {
    try {
      await runInSlices(chunks.warmUp(), this.scheduler, CHUNKS_DELAY_MS);
    } catch (error) {
      this.logger?.log(`Making the chunks of an open document failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /** Caches the analysis of a document's version, and refreshes the document's summary in the index from it. */
  private store(document: TextDocument, analysis: AnalysedDocument, chunks?: AnalysisCache) {
    const entry = { version: document.version, analysis, summary: summarize(document.uri, document.version, analysis), chunks };
    this.cache.delete(document.uri);
    this.cache.set(document.uri, entry);
    while (this.cache.size > CACHED_ANALYSES) this.cache.delete(this.cache.keys().next().value!);
    this.index.put(entry.summary);
    return entry;
  }

  /** A file's summary for the index: from the cached analysis when it is of that version, else from a fresh one. */
  private summarizeContent(uri: string, content: Exclude<FileStamp, { kind: 'missing' }>): FileSummary | Promise<FileSummary | undefined> {
    if (content.kind === 'declined') return declinedSummary(uri, content.version, content.reason);
    const cached = this.cache.get(uri);
    if (cached && cached.version === content.version) return cached.summary;
    if (content.kind === 'unread') return this.summarizeUnread(uri, content);
    if (this.summarizer) return this.summarizer(uri, content.text, content.version, this.maxBytes);
    return summarize(uri, content.version, analyze(content.text, this.knowledge, { maxBytes: this.maxBytes }));
  }

  /** A file located but not read: summarised where it is read, else read here (undefined when it is gone by now). */
  private async summarizeUnread(uri: string, content: Extract<FileStamp, { kind: 'unread' }>): Promise<FileSummary | undefined> {
    const summary = await this.fileSummarizer?.(uri, content.location, content.version, this.maxBytes);
    if (summary) return summary;
    const read = await this.workspace.readFile(uri);
    return read.kind === 'missing' ? undefined : this.summarizeContent(uri, read);
  }
}
