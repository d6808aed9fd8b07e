/** Core results to LSP types. The core's shapes follow LSP's, so this is mostly names: kinds, severities, commands. */
import {
  CallHierarchyItem as LspCallHierarchyItem, CodeActionKind, CompletionItemKind, type CompletionItem as LspCompletionItem, type CodeAction as LspCodeAction, type Diagnostic as LspDiagnostic, DiagnosticSeverity, DocumentSymbol as LspDocumentSymbol,
  Location as LspLocation, LocationLink, MarkupKind, SemanticTokensBuilder, SymbolInformation, SymbolKind,
  type CodeLens as LspCodeLens, type Hover as LspHover, type WorkspaceSymbol as LspWorkspaceSymbol,
} from 'vscode-languageserver';
import {
  SEMANTIC_TOKEN_TYPES, type CallHierarchyItem, type ClauseKind, type CodeAction, type CodeLens, type CompletionItem, type DefinitionLink, type Diagnostic,
  type DocumentSymbol, type Hover, type Messages, type SemanticToken, type Severity, type WorkspaceSymbol, type WorkspaceSymbolKind,
} from './core';

/** The command a code lens runs: the client shows the locations (VS Code: the references peek). */
export const SHOW_REFERENCES_COMMAND = 'regtext.showReferences';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const SYMBOL_KINDS: Record<WorkspaceSymbolKind | 'document', SymbolKind> = {
  notice: SymbolKind.Module,
  document: SymbolKind.File,
  part: SymbolKind.Module,
  chapter: SymbolKind.Namespace,
  section: SymbolKind.Package,
  article: SymbolKind.Class,
  clause: SymbolKind.Field,
  item: SymbolKind.EnumMember,
};

export function toHover(hover: Hover | undefined): LspHover | null {
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
}

export function toDefinition(links: DefinitionLink[], linkSupport: boolean): LocationLink[] | LspLocation[] | null {
  if (links.length === 0) return null;
  if (linkSupport) return links.map((link) => LocationLink.create(link.targetUri, link.targetRange, link.targetSelectionRange, link.originSelectionRange));
  return links.map((link) => LspLocation.create(link.targetUri, link.targetSelectionRange));
}

/**
 * An editor lists a file's problems one by one: past a few thousand it only slows down (a million duplicate labels
 * would be a message of hundreds of megabytes). The rest is summed up in one entry; `regtext check` lists them all.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

/** The diagnostics of a file as published: the first MAX_PUBLISHED_DIAGNOSTICS, and a note of how many more there are. */
export function toPublishedDiagnostics(diagnostics: readonly Diagnostic[], messages: Messages): LspDiagnostic[] {
  if (diagnostics.length <= MAX_PUBLISHED_DIAGNOSTICS) return diagnostics.map(toDiagnostic);
  const shown = diagnostics.slice(0, MAX_PUBLISHED_DIAGNOSTICS).map(toDiagnostic);
  const more = diagnostics.length - MAX_PUBLISHED_DIAGNOSTICS;
  shown.push({
    range: diagnostics[MAX_PUBLISHED_DIAGNOSTICS]!.range, severity: SEVERITIES.information, code: 'more-problems', source: 'regtext',
    message: messages.problem.moreNotShown(more, MAX_PUBLISHED_DIAGNOSTICS),
  });
  return shown;
}

const COMPLETION_KINDS: Record<CompletionItem['kind'], CompletionItemKind> = {
  notice: CompletionItemKind.Reference, agency: CompletionItemKind.Constant, clause: CompletionItemKind.EnumMember,
};

export function toCompletionItem(item: CompletionItem): LspCompletionItem {
  return {
    label: item.label, kind: COMPLETION_KINDS[item.kind], detail: item.detail, textEdit: { range: item.range, newText: item.newText },
    // What the client filters on: the text typed, which the item replaces.
    filterText: item.newText, ...(item.sortText ? { sortText: item.sortText } : {}),
  };
}

export function toCodeAction(action: CodeAction): LspCodeAction {
  return {
    title: action.title, kind: CodeActionKind.QuickFix, edit: { changes: action.edits },
    ...(action.diagnostic ? { diagnostics: [toDiagnostic(action.diagnostic)] } : {}), ...(action.isPreferred ? { isPreferred: true } : {}),
  };
}

function toDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: 'regtext',
    message: diagnostic.message,
    ...(diagnostic.related ? { relatedInformation: diagnostic.related.map((related) => ({ location: related.location, message: related.message })) } : {}),
  };
}

export function toDocumentSymbols(symbols: DocumentSymbol[], uri: string, hierarchical: boolean): LspDocumentSymbol[] | SymbolInformation[] {
  return hierarchical ? symbols.map(toDocumentSymbol) : flattenSymbols(symbols, uri, undefined);
}

function toDocumentSymbol(symbol: DocumentSymbol): LspDocumentSymbol {
  return LspDocumentSymbol.create(symbol.name, symbol.detail, SYMBOL_KINDS[symbol.kind as ClauseKind], symbol.range, symbol.selectionRange,
    symbol.children.map(toDocumentSymbol));
}

/** Symbols for clients without hierarchical support: a flat list, each naming its container. */
function flattenSymbols(symbols: DocumentSymbol[], uri: string, container: string | undefined): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    SymbolInformation.create(symbol.name, SYMBOL_KINDS[symbol.kind], symbol.range, uri, container),
    ...flattenSymbols(symbol.children, uri, symbol.name),
  ]);
}

export function toWorkspaceSymbol(symbol: WorkspaceSymbol): LspWorkspaceSymbol {
  return {
    name: symbol.name, kind: SYMBOL_KINDS[symbol.kind], location: symbol.location,
    ...(symbol.containerName ? { containerName: symbol.containerName } : {}),
  };
}

/** The lens runs SHOW_REFERENCES_COMMAND with (document URI, position, locations), as VS Code's references peek takes them. */
export function toCodeLens(lens: CodeLens, uri: string): LspCodeLens {
  return { range: lens.range, command: { title: lens.title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, lens.range.start, lens.locations] } };
}

export function toCallHierarchyItem(item: CallHierarchyItem): LspCallHierarchyItem {
  return {
    name: item.name, detail: item.detail, kind: SYMBOL_KINDS[item.kind], uri: item.uri, range: item.range,
    selectionRange: item.selectionRange, data: item.data,
  };
}

/** Back from the client: an item this server made, with its data. */
export function fromCallHierarchyItem(item: LspCallHierarchyItem): CallHierarchyItem | undefined {
  const data = item.data as CallHierarchyItem['data'] | undefined;
  if (!data || !('key' in data || 'uri' in data)) return undefined;
  return {
    name: item.name, detail: item.detail ?? '', kind: item.kind === SymbolKind.File ? 'document' : 'notice', uri: item.uri,
    range: item.range, selectionRange: item.selectionRange, data,
  };
}

/** The tokens pushed into a builder: `build()` gives them all, `buildEdits()` the edits to the previous result. */
export function toSemanticTokens(tokens: SemanticToken[], builder: SemanticTokensBuilder): SemanticTokensBuilder {
  for (const token of tokens) builder.push(token.line, token.character, token.length, SEMANTIC_TOKEN_TYPES.indexOf(token.type), 0);
  return builder;
}
