/**
 * The LSP adapter: capabilities, settings, the workspace (NodeWorkspace) and its index, diagnostics publishing, and
 * one short handler per request: get the document, answer empty if it is not open, delegate to the language service.
 */
import {
  CancellationTokenSource, CodeActionKind, CodeLensRefreshRequest, CreateFile, DiagnosticSeverity, DidChangeWatchedFilesNotification,
  ErrorCodes, FileChangeType, FoldingRange, InlayHintRefreshRequest, MessageType, ResponseError, SemanticTokensBuilder,
  SemanticTokensRefreshRequest, ShowMessageNotification, TextDocumentEdit, TextDocuments, TextDocumentSyncKind, WatchKind,
  type ClientCapabilities, type CodeAction, type Connection, type Diagnostic as LspDiagnostic, type Disposable, type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit } from 'jsonc-parser/lib/esm/main.js';
import {
  compileKnowledge, createLanguageService, LineIndex, NEVER_CANCELLED, OUTLINE_LIMIT, SEMANTIC_TOKEN_TYPES, type CancellationToken, type ConfigCandidate,
  type Diagnostic, type KnowledgeData, type LanguageService, type Scheduler,
} from './core';
import {
  fromCallHierarchyItem, toCallHierarchyItem, toCodeAction, toCodeLens, toCompletionItem, toDefinition, toDocumentSymbols, toHover, toPublishedDiagnostics,
  toSemanticTokens, toWorkspaceSymbol,
} from './convert';
import { MB } from './fileText';
import { builtinKnowledgeData } from './knowledge/builtin';
import { NodeWorkspace } from './nodeWorkspace';
import { AnalysisPool } from './analysisPool';
import { BackgroundAnalyses } from './backgroundAnalyses';
import { CONFIG_FILE } from './config/configFile';
import { addAgencyEdits, addBannedTermEdits } from './config/configEdits';
import { ConfiguredKnowledge } from './config/configuredKnowledge';
import { DEFAULT_SETTINGS, readSettings, shownDiagnostics, type Settings } from './settings';
import packageJson from '../../package.json';

/**
 * Diagnostics wait after the last change, so that fast typing is not re-analysed on every key: longer for a longer
 * document (its analysis takes longer), within these bounds. A short document answers at once (a memo of 50,000
 * characters analyses in a few milliseconds); a long one is not analysed more often than it can be.
 */
const MIN_DIAGNOSTICS_DELAY_MS = 10;
const MAX_DIAGNOSTICS_DELAY_MS = 150;
const CHARACTERS_PER_MS_OF_DELAY = 5000;
/** Diagnostics of closed files are sent this many at a time, between which requests are served. */
const PUBLISH_BATCH = 200;
/** Views that count other files' citations (code lenses, inlay hints) are refreshed at most this often. */
const REFRESH_DELAY_MS = 300;
/**
 * A translation (or original) up to this length is aligned with its counterpart before its diagnostics are published
 * (a notice takes milliseconds); a longer one once typing has paused for ALIGNMENT_DELAY_MS, so that aligning never
 * delays a keystroke's diagnostics. Meanwhile its translation checks wait for the new alignment.
 */
const INLINE_ALIGNMENT_LENGTH = 100_000;
const ALIGNMENT_DELAY_MS = 1_500;

export const CITATION_GRAPH_REQUEST = 'regtext/citationGraph';
/** `{ uri }` → the open document's counterpart (the notice in the other language) and the aligned pairs, or null. */
export const ALIGNMENT_REQUEST = 'regtext/alignment';
/** `{ uri, format }` → the document and its counterpart aligned, as TMX, TSV or JSON text, or null. */
export const ALIGNMENT_EXPORT_REQUEST = 'regtext/exportAlignment';

interface ClientSupport {
  linkSupport: boolean;
  hierarchicalSymbols: boolean;
  semanticTokensRefresh: boolean;
  configuration: boolean;
  watchedFiles: boolean;
  workDoneProgress: boolean;
  codeLensRefresh: boolean;
  inlayHintRefresh: boolean;
  workspaceFolders: boolean;
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    linkSupport: capabilities.textDocument?.definition?.linkSupport === true,
    hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    semanticTokensRefresh: capabilities.workspace?.semanticTokens?.refreshSupport === true,
    configuration: capabilities.workspace?.configuration === true,
    watchedFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    codeLensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
    inlayHintRefresh: capabilities.workspace?.inlayHint?.refreshSupport === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
  };
}

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentSymbolProvider: { label: 'regtext' },
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  codeLensProvider: { resolveProvider: false },
  documentLinkProvider: { resolveProvider: false },
  inlayHintProvider: true,
  callHierarchyProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  completionProvider: { triggerCharacters: ['〔', '[', '(', '第'] },
  renameProvider: { prepareProvider: true },
  semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] }, full: { delta: true } },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new NodeWorkspace(documents, {
    messages: () => service.messages,
    log: (message) => connection.console.log(message),
    warn: (message) => {
      connection.console.warn(message);
      void connection.window.showWarningMessage(message);
    },
  });
  const pool = new AnalysisPool(builtinKnowledgeData, { log: (message) => connection.console.warn(message) });
  const scheduler: Scheduler = { yield: () => new Promise((resolve) => setImmediate(resolve)), now: () => performance.now() };
  const service = createLanguageService({
    knowledge: compileKnowledge(builtinKnowledgeData),
    workspace,
    summarizer: pool.summarize,
    fileSummarizer: pool.summarizeFile,
    scheduler,
    logger: { log: (message) => connection.console.log(message) },
  });
  const analyses = new BackgroundAnalyses(documents, service, pool.analyse, scheduler);
  const configured = new ConfiguredKnowledge(builtinKnowledgeData);
  const server = new ServerState(connection, documents, workspace, service, analyses, configured, (data) => pool.setKnowledge(data));

  connection.onInitialize((params): InitializeResult => {
    server.support = clientSupport(params.capabilities);
    server.folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    // A folder will be indexed: the workers load and compile the knowledge meanwhile, not once the files are listed.
    if (server.folders.length > 0) pool.warmUp();
    server.userSettings = readSettings(params.initializationOptions);
    // The user's language (VS Code sends its display language); messages are English without one.
    service.setLocale(params.locale);
    server.workspaceTrusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
    return { capabilities: CAPABILITIES, serverInfo: { name: 'regtext-language-server', version: packageJson.version } };
  });
  connection.onInitialized(() => void server.initialized());
  connection.onDidChangeConfiguration((change) => void server.settingsChanged((change.settings as { regtext?: unknown } | undefined)?.regtext));
  connection.onDidChangeWatchedFiles((params) => server.filesChanged(params.changes));
  connection.onShutdown(() => {
    server.dispose();
    pool.dispose();
  });

  /**
   * The open document once its current version is analysed (a large one by a worker), or undefined; never before the
   * workspace configuration is read (it may change what is recognised).
   */
  const open = async (uri: string, token: CancellationToken) => {
    await server.configurationRead;
    return analyses.ready(uri, token);
  };
  /** The open document as `open` gives it, aligned with its counterpart in the other language if it has one. */
  const openWithCounterpart = async (uri: string, token: CancellationToken) => {
    const document = await open(uri, token);
    if (document) await server.loadCounterpart(document);
    return document;
  };
  connection.onHover(async ({ textDocument, position }, token) => {
    const document = await openWithCounterpart(textDocument.uri, token);
    return document ? toHover(service.hover(document, position, token)) : null;
  });
  connection.onDefinition(async ({ textDocument, position }, token) => {
    const document = await openWithCounterpart(textDocument.uri, token);
    return document ? toDefinition(service.definition(document, position, token), server.support.linkSupport) : null;
  });
  connection.onRequest(ALIGNMENT_REQUEST, async ({ uri }: { uri: string }, token) => {
    const document = await open(uri, token);
    return (document && await server.loadCounterpart(document)) ?? null;
  });
  connection.onRequest(ALIGNMENT_EXPORT_REQUEST, async ({ uri, format }: { uri: string; format: 'tmx' | 'tsv' | 'json' }, token) => {
    const document = await open(uri, token);
    return (document && await service.exportAlignment(document, format)) ?? null;
  });
  connection.onReferences(async ({ textDocument, position, context }, token) => {
    const document = await open(textDocument.uri, token);
    return document ? service.references(document, position, context, token) : [];
  });
  connection.onDocumentSymbol(async ({ textDocument }, token) => {
    const document = await open(textDocument.uri, token);
    return document ? toDocumentSymbols(service.documentSymbols(document, token, OUTLINE_LIMIT), document.uri, server.support.hierarchicalSymbols) : [];
  });
  connection.onWorkspaceSymbol(({ query }, token) => service.workspaceSymbols(query, token).map(toWorkspaceSymbol));
  connection.onFoldingRanges(async ({ textDocument }, token) => {
    const document = await open(textDocument.uri, token);
    return document ? service.foldingRanges(document, token).map((fold) => FoldingRange.create(fold.startLine, fold.endLine)) : [];
  });
  connection.onCodeLens(async ({ textDocument }, token) => {
    const document = await open(textDocument.uri, token);
    return document ? service.codeLenses(document, token).map((lens) => toCodeLens(lens, document.uri)) : [];
  });
  connection.onDocumentLinks(async ({ textDocument }, token) => {
    const document = await open(textDocument.uri, token);
    return document ? service.documentLinks(document, token) : [];
  });
  connection.languages.inlayHint.on(async ({ textDocument, range }, token) => {
    const document = await open(textDocument.uri, token);
    if (!document || !server.settings.inlayHints || !server.settings.repealedNoticeHints) return [];
    return service.inlayHints(document, range, token).map((hint) => ({ position: hint.position, label: hint.label, tooltip: hint.tooltip, paddingLeft: true }));
  });
  connection.languages.callHierarchy.onPrepare(async ({ textDocument, position }, token) => {
    const document = await open(textDocument.uri, token);
    return document ? service.prepareCallHierarchy(document, position, token).map(toCallHierarchyItem) : null;
  });
  connection.languages.callHierarchy.onIncomingCalls(({ item }, token) => {
    const own = fromCallHierarchyItem(item);
    return own ? service.incomingCalls(own, token).map((call) => ({ from: toCallHierarchyItem(call.item), fromRanges: call.fromRanges })) : [];
  });
  connection.languages.callHierarchy.onOutgoingCalls(({ item }, token) => {
    const own = fromCallHierarchyItem(item);
    return own ? service.outgoingCalls(own, token).map((call) => ({ to: toCallHierarchyItem(call.item), fromRanges: call.fromRanges })) : [];
  });
  // The last tokens sent for each document, so that the next answer can be the edits to them (a keystroke changes a few).
  const tokensSent = new Map<string, SemanticTokensBuilder>();
  documents.onDidClose(({ document }) => tokensSent.delete(document.uri));
  connection.languages.semanticTokens.on(async ({ textDocument }, token) => {
    const document = await open(textDocument.uri, token);
    if (!document) return { data: [] };
    const builder = new SemanticTokensBuilder();
    tokensSent.set(document.uri, builder);
    return toSemanticTokens(service.semanticTokens(document, token), builder).build();
  });
  connection.languages.semanticTokens.onDelta(async ({ textDocument, previousResultId }, token) => {
    const document = await open(textDocument.uri, token);
    if (!document) return { edits: [] };
    const builder = tokensSent.get(document.uri) ?? new SemanticTokensBuilder();
    tokensSent.set(document.uri, builder);
    // Without the result asked about, the builder answers with all the tokens.
    builder.previousResult(previousResultId);
    return toSemanticTokens(service.semanticTokens(document, token), builder).buildEdits();
  });
  connection.onPrepareRename(async ({ textDocument, position }, token) => {
    const document = await open(textDocument.uri, token);
    if (!document) return null;
    const prepared = service.prepareRename(document, position, token);
    // The client shows the message: why this cannot be renamed.
    if ('reason' in prepared) throw new ResponseError(ErrorCodes.InvalidRequest, prepared.reason);
    return prepared;
  });
  connection.onRenameRequest(async ({ textDocument, position, newName }, token) => {
    const document = await open(textDocument.uri, token);
    return document ? { changes: { [document.uri]: service.rename(document, position, newName, token) } } : null;
  });
  connection.onCompletion(async ({ textDocument, position }, token) => {
    const document = await open(textDocument.uri, token);
    return document ? service.completion(document, position, token).map(toCompletionItem) : [];
  });
  connection.onCodeAction(async ({ textDocument, range }, token) => {
    const document = await open(textDocument.uri, token);
    if (!document) return [];
    const configActions = await server.configActions(document, service.configCandidates(document, range, token));
    return [...service.codeActions(document, range, token).map(toCodeAction), ...configActions];
  });
  connection.onRequest(CITATION_GRAPH_REQUEST, (_params, token) => service.citationGraph(token));

  documents.listen(connection);
  connection.listen();
}

/** What decides which diagnostics a file shows, to compare before and after a change of settings. */
function diagnosticSettings(settings: Settings): string {
  return JSON.stringify([settings.diagnosticsScope, settings.diagnostics, settings.diagnosticKinds]);
}

/**
 * The server's state between requests: client support, folders and settings, the first scan and rescans, and
 * diagnostics — debounced for open documents, batched for the files of the workspace that are not open.
 */
class ServerState {
  support: ClientSupport = clientSupport({});
  folders: string[] = [];
  /** The user's settings (pulled, pushed, or given at initialisation). */
  userSettings: Settings = { ...DEFAULT_SETTINGS };
  /** The settings in force: the user's, with what the workspace configuration says of files and limits. */
  settings: Settings = { ...DEFAULT_SETTINGS };
  /** False in an untrusted workspace (VS Code's Restricted Mode): no workspace configuration is read. */
  workspaceTrusted = true;
  /** Configuration files with problems published, so they can be cleared. */
  private configProblemFiles = new Set<string>();
  private configProblemsShown = '';
  private configuring: Promise<void> = Promise.resolve();
  private configurationLoaded!: () => void;
  /** Resolves once the workspace configuration has first been read (or found absent). */
  readonly configurationRead = new Promise<void>((resolve) => { this.configurationLoaded = resolve; });
  private scan: CancellationTokenSource | undefined;
  private readonly pendingOpen = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each open document's diagnostics were last published (performance.now()). */
  private readonly lastPublished = new Map<string, number>();
  /** The version each document was opened at: opening also fires a content change, which must not delay diagnostics. */
  private readonly openedVersions = new Map<string, number>();
  /** Closed files with diagnostics published, so they can be cleared. */
  private readonly publishedClosed = new Set<string>();
  private readonly closedQueue = new Set<string>();
  private publishingClosed = false;
  private refresh: ReturnType<typeof setTimeout> | undefined;
  private readonly pendingAlignment = new Map<string, ReturnType<typeof setTimeout>>();
  /** Open document → its counterpart in the other language, as last aligned. */
  private readonly counterpartOf = new Map<string, string>();
  private watchers: Promise<Disposable | undefined> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: NodeWorkspace,
    private readonly service: LanguageService,
    private readonly analyses: BackgroundAnalyses,
    private readonly configured: ConfiguredKnowledge,
    private readonly knowledgeForWorkers: (data: KnowledgeData) => void,
  ) {
    documents.onDidOpen(({ document }) => {
      this.openedVersions.set(document.uri, document.version);
      this.publishedClosed.delete(document.uri);
      this.scheduleOpen(document.uri, 0);
    });
    documents.onDidChangeContent(({ document }) => {
      if (this.openedVersions.get(document.uri) !== document.version) this.scheduleEdited(document.uri);
    });
    documents.onDidClose(({ document }) => {
      this.openedVersions.delete(document.uri);
      this.counterpartOf.delete(document.uri);
      clearTimeout(this.pendingAlignment.get(document.uri));
      this.pendingAlignment.delete(document.uri);
      clearTimeout(this.pendingOpen.get(document.uri));
      this.pendingOpen.delete(document.uri);
      this.lastPublished.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      // What is on disk now stands for the file (or nothing, if it is not part of the workspace).
      workspace.fireChange(document.uri);
    });
    service.index.onDidChange(({ uris }) => {
      for (const uri of uris) this.fileChanged(uri);
      // A translation's checks compare it with its original: an edit of either is news for the other.
      for (const [open, counterpart] of this.counterpartOf) if (uris.includes(counterpart)) this.scheduleOpen(open, this.diagnosticsDelay(open));
      this.refreshViews();
    });
  }

  async initialized(): Promise<void> {
    if (this.support.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        this.folders = [...this.folders.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
        for (const folder of event.removed) this.deleted(folder.uri);
        void this.configurationChanged(true);
      });
    }
    // The watchers follow the include globs, which may come from the settings pulled or the configuration.
    await this.pullSettings();
    await this.loadConfiguration();
    this.configurationLoaded();
    this.settings = this.configured.settings(this.userSettings);
    this.service.setMaxBytes(this.settings.maxFileSizeMB * MB);
    this.watchFiles();
    await this.rescan();
  }

  async settingsChanged(pushed: unknown): Promise<void> {
    if (this.support.configuration) await this.pullSettings();
    else if (pushed !== undefined) this.userSettings = readSettings(pushed);
    await this.applySettings(false);
  }

  /**
   * A workspace configuration or data file changed (or the folders did): load them again; new knowledge means every
   * file is summarised again and every open document re-analysed.
   */
  configurationChanged(foldersChanged = false): Promise<void> {
    // One reload at a time: a save reported twice, or a checkout that changes several files, reloads in turn.
    this.configuring = this.configuring.then(async () => {
      const knowledgeChanged = await this.loadConfiguration();
      await this.applySettings(knowledgeChanged || foldersChanged);
    });
    return this.configuring;
  }

  /** The settings in force again, from the user's and the configuration's; rescans when what is indexed changed. */
  private async applySettings(rescan: boolean): Promise<void> {
    const before = this.settings;
    this.settings = this.configured.settings(this.userSettings);
    this.service.setMaxBytes(this.settings.maxFileSizeMB * MB);
    if ((before.maxFileSizeMB !== this.settings.maxFileSizeMB || rescan) && this.support.semanticTokensRefresh) {
      void this.connection.sendRequest(SemanticTokensRefreshRequest.type);
    }
    const filesChanged = JSON.stringify([before.include, before.exclude, before.maxFiles, before.maxWorkspaceSizeMB, before.maxFileSizeMB]) !==
      JSON.stringify([this.settings.include, this.settings.exclude, this.settings.maxFiles, this.settings.maxWorkspaceSizeMB, this.settings.maxFileSizeMB]);
    if (before.include.join('\n') !== this.settings.include.join('\n')) this.watchFiles();
    if (filesChanged || rescan) await this.rescan();
    for (const document of this.documents.all()) this.scheduleOpen(document.uri, 0);
    if (diagnosticSettings(before) !== diagnosticSettings(this.settings)) for (const summary of this.service.index.allSummaries()) this.fileChanged(summary.uri);
    this.refreshViews();
  }

  filesChanged(changes: { uri: string; type: FileChangeType }[]): void {
    if (changes.some(({ uri }) => uri.startsWith('file:') && this.configured.isConfigFile(fileURLToPath(uri)))) void this.configurationChanged();
    for (const { uri, type } of changes) {
      // An open document's text wins over the file until it is closed.
      if (this.documents.get(uri)) continue;
      if (type === FileChangeType.Deleted) this.deleted(uri);
      else if (this.workspace.covers(uri)) this.workspace.fireChange(uri);
      // A folder created (moved in, checked out) is reported once, for the folder.
      else if (type === FileChangeType.Created) void this.workspace.fireFolderCreated(uri);
    }
  }

  dispose(): void {
    this.scan?.cancel();
    clearTimeout(this.refresh);
    for (const timer of this.pendingAlignment.values()) clearTimeout(timer);
    this.service.dispose();
  }

  /** A file or a folder is gone; the open documents below it stay in the index with their text. */
  private deleted(uri: string): void {
    this.workspace.fireDelete(uri);
    const below = uri.endsWith('/') ? uri : `${uri}/`;
    for (const document of this.documents.all()) if (document.uri.startsWith(below)) this.workspace.fireChange(document.uri);
  }

  /** (Re)registers the file watchers: the include globs, and every creation and deletion (a folder is reported once, for the folder). */
  private watchFiles(): void {
    if (!this.support.watchedFiles) return;
    const watchers = [
      ...this.settings.include.map((globPattern) => ({ globPattern })),
      // The workspace configuration and the data files it names.
      { globPattern: `**/${CONFIG_FILE}` }, { globPattern: '**/*.json' },
      { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
    ];
    const previous = this.watchers;
    this.watchers = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    void previous?.then((registration) => registration?.dispose());
  }

  private async pullSettings(): Promise<void> {
    if (!this.support.configuration) return;
    try {
      const [regtext, files] = await this.connection.workspace.getConfiguration([{ section: 'regtext' }, { section: 'files' }]) as [unknown, { exclude?: unknown } | undefined];
      this.userSettings = readSettings(regtext, files?.exclude);
    } catch (error) {
      this.connection.console.warn(`regtext: could not read the settings (${error instanceof Error ? error.message : String(error)}); using the defaults.`);
    }
  }

  /** Aligns an open document with its counterpart, and remembers which file that is; the pairs, or undefined. */
  async loadCounterpart(document: TextDocument): Promise<Awaited<ReturnType<LanguageService['loadCounterpart']>>> {
    const aligned = await this.service.loadCounterpart(document);
    if (aligned && this.documents.get(document.uri)) this.counterpartOf.set(document.uri, aligned.counterpart);
    else this.counterpartOf.delete(document.uri);
    return aligned;
  }

  /**
   * What the selection or the cursor offers (a phrase as a banned term, an agency regtext does not know) as edits of
   * the folder's configuration (created if there is none). Not in an untrusted workspace, nor outside the folders.
   */
  async configActions(document: TextDocument, candidates: readonly ConfigCandidate[]): Promise<CodeAction[]> {
    if (!this.workspaceTrusted || candidates.length === 0 || !document.uri.startsWith('file:')) return [];
    const path = fileURLToPath(document.uri);
    const folder = this.folders.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []))
      .find((candidate) => path.startsWith(candidate.endsWith(sep) ? candidate : candidate + sep));
    if (!folder) return [];
    const configPath = join(folder, CONFIG_FILE);
    const existing = await readFile(configPath, 'utf8').catch(() => undefined);
    const { action } = this.service.messages;
    return candidates.flatMap((candidate) => {
      const found = candidate.kind === 'term'
        ? configAction(pathToFileURL(configPath).href, existing, addBannedTermEdits(existing, candidate.phrase), action.addBannedTerm(candidate.phrase, CONFIG_FILE))
        : configAction(pathToFileURL(configPath).href, existing, addAgencyEdits(existing, candidate), action.addAgency(candidate.name, CONFIG_FILE));
      return found ? [found] : [];
    });
  }

  /**
   * Loads the folders' configurations, shows their problems in the files (and says once that the last good
   * configuration stays in force), and gives the service and the workers the knowledge they make. Whether it changed.
   */
  private async loadConfiguration(): Promise<boolean> {
    if (!this.workspaceTrusted) {
      this.connection.console.log('regtext: the workspace is not trusted: its configuration (.regtext/config.json) is not read.');
      return false;
    }
    const folders = this.folders.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []));
    const before = JSON.stringify(this.configured.knowledge());
    try {
      await this.configured.reload(folders);
    } catch (error) {
      this.connection.console.error(`regtext: could not read the workspace configuration: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.publishConfigProblems();
    const data = this.configured.knowledge();
    if (JSON.stringify(data) === before) return false;
    this.service.setKnowledge(compileKnowledge(data));
    this.knowledgeForWorkers(data);
    this.connection.console.log('regtext: the workspace configuration changed; re-reading the workspace with it.');
    return true;
  }

  private publishConfigProblems(): void {
    const files = this.configured.problems();
    const now = new Set(files.map((file) => pathToFileURL(file.path).href));
    for (const uri of this.configProblemFiles) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.configProblemFiles = now;
    for (const file of files) {
      const lines = new LineIndex(file.text);
      const diagnostics = file.problems.map((problem) => ({
        range: { start: lines.positionAt(problem.start), end: lines.positionAt(problem.end) },
        severity: DiagnosticSeverity.Error, source: 'regtext', code: 'config', message: problem.message,
      }));
      void this.connection.sendDiagnostics({ uri: pathToFileURL(file.path).href, diagnostics });
    }
    const summary = files.map((file) => `${file.path}: ${file.problems.length}`).join('; ');
    if (summary && summary !== this.configProblemsShown) {
      const message = this.service.messages.server.configProblems(summary);
      this.connection.console.warn(message);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    this.configProblemsShown = summary;
  }

  /** (Re)indexes the workspace in the background, with a progress report where the client shows one. */
  private async rescan(): Promise<void> {
    this.scan?.cancel();
    const scan = new CancellationTokenSource();
    this.scan = scan;
    this.workspace.configure(this.folders, this.settings);
    // A client may decline the progress token: index all the same, without a report.
    const progress = this.support.workDoneProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    const say = this.service.messages.server;
    progress?.begin(say.indexing(), 0, say.listingFiles());
    try {
      await this.service.index.scan(scan.token, ({ done, total }) => progress?.report(total === 0 ? 100 : Math.floor((done * 100) / total), say.filesDone(done, total)));
    } finally {
      progress?.done();
    }
  }

  private fileChanged(uri: string): void {
    if (this.documents.get(uri)) this.scheduleOpen(uri, this.diagnosticsDelay(uri));
    else this.queueClosed(uri);
  }

  private scheduleOpen(uri: string, delay: number): void {
    clearTimeout(this.pendingOpen.get(uri));
    this.pendingOpen.set(uri, setTimeout(() => void this.publishOpen(uri), delay));
  }

  /**
   * After an edit: at once when the document has been quiet for as long as its delay (the first key after a pause
   * gets its diagnostics without waiting), else when typing pauses for that long.
   */
  private scheduleEdited(uri: string): void {
    const delay = this.diagnosticsDelay(uri);
    const quiet = !this.pendingOpen.has(uri) && performance.now() - (this.lastPublished.get(uri) ?? -Infinity) >= delay;
    this.scheduleOpen(uri, quiet ? 0 : delay);
  }

  private diagnosticsDelay(uri: string): number {
    const length = this.documents.get(uri)?.getText().length ?? 0;
    return Math.min(MAX_DIAGNOSTICS_DELAY_MS, Math.max(MIN_DIAGNOSTICS_DELAY_MS, length / CHARACTERS_PER_MS_OF_DELAY));
  }

  private async publishOpen(uri: string): Promise<void> {
    this.pendingOpen.delete(uri);
    await this.configurationRead;
    const document = await this.analyses.ready(uri, NEVER_CANCELLED);
    if (!document) return;
    if (document.getText().length <= INLINE_ALIGNMENT_LENGTH) await this.loadCounterpart(document);
    else this.alignLater(uri);
    this.sendOpenDiagnostics(document);
  }

  private sendOpenDiagnostics(document: TextDocument): void {
    const diagnostics = this.published(this.service.diagnostics(document));
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    this.lastPublished.set(document.uri, performance.now());
  }

  /** Aligns a long document with its counterpart once it has been quiet for a while, then republishes its diagnostics. */
  private alignLater(uri: string): void {
    clearTimeout(this.pendingAlignment.get(uri));
    this.pendingAlignment.set(uri, setTimeout(() => void (async () => {
      this.pendingAlignment.delete(uri);
      const document = await this.analyses.ready(uri, NEVER_CANCELLED);
      if (!document || !(await this.loadCounterpart(document))) return;
      if (this.documents.get(uri)?.version === document.version) this.sendOpenDiagnostics(document);
    })(), ALIGNMENT_DELAY_MS));
  }

  /** The diagnostics the settings let through, as published. */
  private published(diagnostics: Diagnostic[]): LspDiagnostic[] {
    return toPublishedDiagnostics(shownDiagnostics(this.settings, diagnostics), this.service.messages);
  }

  private queueClosed(uri: string): void {
    this.closedQueue.add(uri);
    if (this.publishingClosed) return;
    this.publishingClosed = true;
    setImmediate(() => this.publishClosedBatch());
  }

  /** Publishes (or clears) the diagnostics of closed files, a batch at a time. */
  private publishClosedBatch(): void {
    const batch = [...this.closedQueue].slice(0, PUBLISH_BATCH);
    for (const uri of batch) {
      this.closedQueue.delete(uri);
      if (this.documents.get(uri)) continue;
      const diagnostics = this.settings.diagnosticsScope === 'workspace' ? this.published(this.service.fileDiagnostics(uri) ?? []) : [];
      if (diagnostics.length === 0 && !this.publishedClosed.has(uri)) continue;
      if (diagnostics.length > 0) this.publishedClosed.add(uri);
      else this.publishedClosed.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    if (this.closedQueue.size > 0) setImmediate(() => this.publishClosedBatch());
    else this.publishingClosed = false;
  }

  /** Code lenses and inlay hints count citations of other files: ask the client to ask again (soon, once). */
  private refreshViews(): void {
    if (this.refresh) return;
    this.refresh = setTimeout(() => {
      this.refresh = undefined;
      if (this.support.codeLensRefresh) void this.connection.sendRequest(CodeLensRefreshRequest.type);
      if (this.support.inlayHintRefresh) void this.connection.sendRequest(InlayHintRefreshRequest.type);
    }, REFRESH_DELAY_MS);
  }
}

/** A quick fix that edits the configuration file, or creates it when there is none. */
function configAction(uri: string, existing: string | undefined, edits: readonly Edit[] | undefined, title: string): CodeAction | undefined {
  if (!edits) return undefined;
  const lines = new LineIndex(existing ?? '');
  const textEdits = edits.map((edit) => ({ range: { start: lines.positionAt(edit.offset), end: lines.positionAt(edit.offset + edit.length) }, newText: edit.content }));
  return existing === undefined
    ? { title, kind: CodeActionKind.QuickFix, edit: { documentChanges: [CreateFile.create(uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri, version: null }, textEdits)] } }
    : { title, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: textEdits } } };
}
