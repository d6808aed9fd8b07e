/**
 * The LSP adapter: capabilities, open documents, one short handler per request. Every handler gets the
 * document's analysis (computed once per version, on first need) and delegates to the core.
 */
import {
  type ClientCapabilities, type Connection, DiagnosticSeverity, DocumentSymbol, FoldingRange, type Hover, LocationLink,
  Location, MarkupKind, type Position, Range, type SemanticTokens, SemanticTokensBuilder, type ServerCapabilities,
  SymbolInformation, SymbolKind, TextDocuments, TextDocumentSyncKind, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze, compileKnowledge, definition, documentSymbols, foldingRanges, hover, references, semanticTokens,
  SEMANTIC_TOKEN_TYPES, type AnalysedDocument, type ClauseKind, type DefinitionTarget, type HoverResult, type Knowledge,
  type OutlineSymbol, type Problem, type Severity, type Span,
} from './core';
import { builtinKnowledgeData } from './knowledge/builtin';
import packageJson from '../../package.json';

/** Diagnostics wait this long after the last change, so fast typing is not re-analysed on every key. */
const DIAGNOSTICS_DELAY_MS = 150;
const DEFAULT_MAX_FILE_SIZE_MB = 32;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const SYMBOL_KINDS: Record<ClauseKind, SymbolKind> = {
  part: SymbolKind.Module,
  chapter: SymbolKind.Namespace,
  section: SymbolKind.Package,
  article: SymbolKind.Class,
  clause: SymbolKind.Field,
  item: SymbolKind.EnumMember,
};

interface Settings {
  maxFileSizeMB: number;
}

/** A document and its analysis, of the document's current version. */
interface Analysed {
  document: TextDocument;
  analysis: AnalysedDocument;
}

/** Open documents, their analyses (one per version, made on first need) and their pending diagnostics. */
class DocumentState {
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, { version: number; analysis: AnalysedDocument }>();
  private readonly pendingDiagnostics = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version each document was opened at: opening also fires a content change, which must not delay diagnostics. */
  private readonly openedVersions = new Map<string, number>();
  settings: Settings = { maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB };

  constructor(private readonly connection: Connection, private readonly knowledge: Knowledge) {
    this.documents.onDidOpen((event) => {
      this.openedVersions.set(event.document.uri, event.document.version);
      this.scheduleDiagnostics(event.document.uri, 0);
    });
    this.documents.onDidChangeContent((event) => {
      if (this.openedVersions.get(event.document.uri) === event.document.version) return;
      this.scheduleDiagnostics(event.document.uri, DIAGNOSTICS_DELAY_MS);
    });
    this.documents.onDidClose((event) => this.forget(event.document.uri));
  }

  analysisOf(uri: string): Analysed | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === document.version) return { document, analysis: cached.analysis };
    const analysis = analyze(document.getText(), this.knowledge, { maxBytes: this.settings.maxFileSizeMB * 1024 * 1024 });
    this.analyses.set(uri, { version: document.version, analysis });
    return { document, analysis };
  }

  /** New settings invalidate every analysis; diagnostics are published again for every open document. */
  changeSettings(settings: Settings): void {
    this.settings = settings;
    this.analyses.clear();
    for (const document of this.documents.all()) this.scheduleDiagnostics(document.uri, 0);
  }

  private scheduleDiagnostics(uri: string, delay: number): void {
    clearTimeout(this.pendingDiagnostics.get(uri));
    this.pendingDiagnostics.set(uri, setTimeout(() => this.publishDiagnostics(uri), delay));
  }

  private publishDiagnostics(uri: string): void {
    this.pendingDiagnostics.delete(uri);
    const found = this.analysisOf(uri);
    if (!found) return;
    const diagnostics = found.analysis.problems.map((problem) => toDiagnostic(found.analysis, problem));
    void this.connection.sendDiagnostics({ uri, version: found.document.version, diagnostics });
  }

  private forget(uri: string): void {
    this.openedVersions.delete(uri);
    clearTimeout(this.pendingDiagnostics.get(uri));
    this.pendingDiagnostics.delete(uri);
    this.analyses.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

interface ClientSupport {
  linkSupport: boolean;
  hierarchicalSymbols: boolean;
  semanticTokensRefresh: boolean;
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    linkSupport: capabilities.textDocument?.definition?.linkSupport === true,
    hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    semanticTokensRefresh: capabilities.workspace?.semanticTokens?.refreshSupport === true,
  };
}

/** `maxFileSizeMB` from initialization options or `regtext` settings, when it is a positive number. */
function maxFileSizeFrom(options: unknown): number | undefined {
  const value = (options as { maxFileSizeMB?: unknown } | undefined)?.maxFileSizeMB;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: { label: 'regtext' },
  foldingRangeProvider: true,
  semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] }, full: true },
};

export function startServer(connection: Connection): void {
  const knowledge: Knowledge = compileKnowledge(builtinKnowledgeData);
  const state = new DocumentState(connection, knowledge);
  let support: ClientSupport = { linkSupport: false, hierarchicalSymbols: false, semanticTokensRefresh: false };

  connection.onInitialize((params): InitializeResult => {
    support = clientSupport(params.capabilities);
    const maxFileSizeMB = maxFileSizeFrom(params.initializationOptions);
    if (maxFileSizeMB) state.settings = { maxFileSizeMB };
    return { capabilities: CAPABILITIES, serverInfo: { name: 'regtext-language-server', version: packageJson.version } };
  });

  connection.onDidChangeConfiguration((change) => {
    const maxFileSizeMB = maxFileSizeFrom((change.settings as { regtext?: unknown } | undefined)?.regtext);
    if (!maxFileSizeMB || maxFileSizeMB === state.settings.maxFileSizeMB) return;
    state.changeSettings({ maxFileSizeMB });
    if (support.semanticTokensRefresh) connection.languages.semanticTokens.refresh();
  });

  connection.onHover((params) => withAnalysis(state, params, null, ({ analysis }, offset) => toHover(analysis, hover(analysis, knowledge, offset))));
  connection.onDefinition((params) => withAnalysis(state, params, null, ({ analysis }, offset) =>
    toDefinition(analysis, params.textDocument.uri, definition(analysis, offset), support.linkSupport)));
  connection.onReferences((params) => withAnalysis(state, params, [], ({ analysis }, offset) =>
    references(analysis, offset, params.context.includeDeclaration).map((span) => Location.create(params.textDocument.uri, toRange(analysis, span)))));
  connection.onDocumentSymbol((params) => withAnalysis(state, params, [], ({ analysis }) =>
    toSymbols(analysis, params.textDocument.uri, documentSymbols(analysis), support.hierarchicalSymbols)));
  connection.onFoldingRanges((params) => withAnalysis(state, params, [], ({ analysis }) =>
    foldingRanges(analysis).map((fold) => FoldingRange.create(fold.startLine, fold.endLine))));
  connection.languages.semanticTokens.on((params) => withAnalysis(state, params, { data: [] }, ({ analysis }) => toSemanticTokens(analysis)));

  state.documents.listen(connection);
  connection.listen();
}

/**
 * Runs a request handler on the analysis of its document (and the offset of its position, if it has one);
 * answers `empty` for a document the server does not have open.
 */
function withAnalysis<T>(
  state: DocumentState,
  params: { textDocument: { uri: string }; position?: Position },
  empty: T,
  handle: (found: Analysed, offset: number) => T,
): T {
  const found = state.analysisOf(params.textDocument.uri);
  if (!found) return empty;
  return handle(found, params.position ? found.analysis.lines.offsetAt(params.position) : 0);
}

function toHover(analysis: AnalysedDocument, result: HoverResult | undefined): Hover | null {
  if (!result) return null;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(analysis, result.span) };
}

function toDefinition(analysis: AnalysedDocument, uri: string, target: DefinitionTarget | undefined, linkSupport: boolean): LocationLink[] | Location[] | null {
  if (!target) return null;
  if (!linkSupport) return [Location.create(uri, toRange(analysis, target.selection))];
  return [LocationLink.create(uri, toRange(analysis, target.range), toRange(analysis, target.selection), toRange(analysis, target.origin))];
}

function toSymbols(analysis: AnalysedDocument, uri: string, symbols: OutlineSymbol[], hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  return hierarchical ? symbols.map((symbol) => toDocumentSymbol(analysis, symbol)) : flattenSymbols(analysis, uri, symbols, undefined);
}

function toSemanticTokens(analysis: AnalysedDocument): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const { lines } = analysis;
  for (const token of semanticTokens(analysis)) {
    const type = SEMANTIC_TOKEN_TYPES.indexOf(token.type);
    // A token may run over a line break (a name broken across lines); LSP tokens stay on one line.
    for (let line = lines.lineOf(token.start); line <= lines.lineOf(token.end); line++) {
      const start = Math.max(token.start, lines.lineStart(line));
      const end = Math.min(token.end, lines.lineEnd(line));
      if (end > start) builder.push(line, start - lines.lineStart(line), end - start, type, 0);
    }
  }
  return builder.build();
}

function toRange(analysis: AnalysedDocument, span: Span): Range {
  return Range.create(analysis.lines.positionAt(span.start), analysis.lines.positionAt(span.end));
}

function toDiagnostic(analysis: AnalysedDocument, problem: Problem): Diagnostic {
  return {
    range: toRange(analysis, problem),
    severity: SEVERITIES[problem.severity],
    code: problem.code,
    source: 'regtext',
    message: problem.message,
  };
}

/** Symbols for clients without hierarchical support: a flat list, each naming its container. */
function flattenSymbols(analysis: AnalysedDocument, uri: string, symbols: OutlineSymbol[], container: string | undefined): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    SymbolInformation.create(symbol.name, SYMBOL_KINDS[symbol.kind], toRange(analysis, symbol.range), uri, container),
    ...flattenSymbols(analysis, uri, symbol.children, symbol.name),
  ]);
}

function toDocumentSymbol(analysis: AnalysedDocument, symbol: OutlineSymbol): DocumentSymbol {
  return DocumentSymbol.create(
    symbol.name, symbol.detail, SYMBOL_KINDS[symbol.kind], toRange(analysis, symbol.range), toRange(analysis, symbol.selection),
    symbol.children.map((child) => toDocumentSymbol(analysis, child)),
  );
}
