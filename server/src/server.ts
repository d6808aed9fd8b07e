/**
 * The LSP adapter: capabilities, open documents, one short handler per request. Every handler gets the
 * document's analysis (computed once per version, on first need) and delegates to the core.
 */
import {
  type Connection, DiagnosticSeverity, DocumentSymbol, FoldingRange, Hover, LocationLink, Location, MarkupKind, Range,
  SemanticTokensBuilder, SymbolInformation, SymbolKind, TextDocuments, TextDocumentSyncKind, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze, compileKnowledge, definition, documentSymbols, foldingRanges, hover, references, semanticTokens,
  SEMANTIC_TOKEN_TYPES, type AnalysedDocument, type ClauseKind, type Knowledge, type OutlineSymbol, type Problem,
  type Severity, type Span,
} from './core';
import { builtinKnowledgeData } from './knowledge/builtin';

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

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const knowledge: Knowledge = compileKnowledge(builtinKnowledgeData);
  const analyses = new Map<string, { version: number; analysis: AnalysedDocument }>();
  const pendingDiagnostics = new Map<string, ReturnType<typeof setTimeout>>();
  let settings: Settings = { maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB };
  let clientCapabilities = { linkSupport: false, hierarchicalSymbols: false };
  /** The version each document was opened at: opening also fires a content change, which must not delay diagnostics. */
  const openedVersions = new Map<string, number>();

  function analysisOf(uri: string): { document: TextDocument; analysis: AnalysedDocument } | undefined {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = analyses.get(uri);
    if (cached && cached.version === document.version) return { document, analysis: cached.analysis };
    const analysis = analyze(document.getText(), knowledge, { maxLength: settings.maxFileSizeMB * 1024 * 1024 });
    analyses.set(uri, { version: document.version, analysis });
    return { document, analysis };
  }

  function publishDiagnostics(uri: string): void {
    pendingDiagnostics.delete(uri);
    const found = analysisOf(uri);
    if (!found) return;
    const diagnostics = found.analysis.problems.map((problem) => toDiagnostic(found.analysis, problem));
    void connection.sendDiagnostics({ uri, version: found.document.version, diagnostics });
  }

  function scheduleDiagnostics(uri: string, delay: number): void {
    clearTimeout(pendingDiagnostics.get(uri));
    pendingDiagnostics.set(uri, setTimeout(() => publishDiagnostics(uri), delay));
  }

  connection.onInitialize((params): InitializeResult => {
    const maxFileSizeMB = (params.initializationOptions as { maxFileSizeMB?: unknown } | undefined)?.maxFileSizeMB;
    if (typeof maxFileSizeMB === 'number' && maxFileSizeMB > 0) settings = { maxFileSizeMB };
    const textDocument = params.capabilities.textDocument;
    clientCapabilities = {
      linkSupport: textDocument?.definition?.linkSupport === true,
      hierarchicalSymbols: textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'regtext' },
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] }, full: true },
      },
      serverInfo: { name: 'regtext-language-server', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    const maxFileSizeMB = (change.settings as { regtext?: { maxFileSizeMB?: unknown } } | undefined)?.regtext?.maxFileSizeMB;
    if (typeof maxFileSizeMB !== 'number' || maxFileSizeMB <= 0 || maxFileSizeMB === settings.maxFileSizeMB) return;
    settings = { maxFileSizeMB };
    analyses.clear();
    for (const document of documents.all()) scheduleDiagnostics(document.uri, 0);
  });

  documents.onDidOpen((event) => {
    openedVersions.set(event.document.uri, event.document.version);
    scheduleDiagnostics(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    if (openedVersions.get(event.document.uri) === event.document.version) return;
    scheduleDiagnostics(event.document.uri, DIAGNOSTICS_DELAY_MS);
  });
  documents.onDidClose((event) => {
    openedVersions.delete(event.document.uri);
    clearTimeout(pendingDiagnostics.get(event.document.uri));
    pendingDiagnostics.delete(event.document.uri);
    analyses.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover((params): Hover | null => {
    const found = analysisOf(params.textDocument.uri);
    if (!found) return null;
    const result = hover(found.analysis, knowledge, found.analysis.lines.offsetAt(params.position));
    if (!result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(found.analysis, result.span) };
  });

  connection.onDefinition((params): LocationLink[] | Location[] | null => {
    const found = analysisOf(params.textDocument.uri);
    if (!found) return null;
    const target = definition(found.analysis, found.analysis.lines.offsetAt(params.position));
    if (!target) return null;
    const { analysis } = found;
    const uri = params.textDocument.uri;
    if (!clientCapabilities.linkSupport) return [Location.create(uri, toRange(analysis, target.selection))];
    return [LocationLink.create(uri, toRange(analysis, target.range), toRange(analysis, target.selection), toRange(analysis, target.origin))];
  });

  connection.onReferences((params): Location[] => {
    const found = analysisOf(params.textDocument.uri);
    if (!found) return [];
    const spans = references(found.analysis, found.analysis.lines.offsetAt(params.position), params.context.includeDeclaration);
    return spans.map((span) => Location.create(params.textDocument.uri, toRange(found.analysis, span)));
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] | SymbolInformation[] => {
    const found = analysisOf(params.textDocument.uri);
    if (!found) return [];
    const symbols = documentSymbols(found.analysis);
    if (clientCapabilities.hierarchicalSymbols) return symbols.map((symbol) => toDocumentSymbol(found.analysis, symbol));
    return flattenSymbols(found.analysis, params.textDocument.uri, symbols, undefined);
  });

  connection.onFoldingRanges((params): FoldingRange[] => {
    const found = analysisOf(params.textDocument.uri);
    return found ? foldingRanges(found.analysis).map((fold) => FoldingRange.create(fold.startLine, fold.endLine)) : [];
  });

  connection.languages.semanticTokens.on((params) => {
    const found = analysisOf(params.textDocument.uri);
    const builder = new SemanticTokensBuilder();
    if (!found) return builder.build();
    const { lines } = found.analysis;
    for (const token of semanticTokens(found.analysis)) {
      const type = SEMANTIC_TOKEN_TYPES.indexOf(token.type);
      // A token may run over a line break (a name broken across lines); LSP tokens stay on one line.
      for (let line = lines.lineOf(token.start); line <= lines.lineOf(token.end); line++) {
        const start = Math.max(token.start, lines.lineStart(line));
        const end = Math.min(token.end, lines.lineEnd(line));
        if (end > start) builder.push(line, start - lines.lineStart(line), end - start, type, 0);
      }
    }
    return builder.build();
  });

  documents.listen(connection);
  connection.listen();
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
