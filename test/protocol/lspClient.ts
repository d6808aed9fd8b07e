/**
 * A real LSP client for protocol tests: spawns `node bin/regtext-language-server --stdio`, talks JSON-RPC to it
 * through vscode-languageserver-protocol, and checks every byte the server writes to stdout is a well-framed
 * LSP message (a stray console.log would corrupt the channel of every editor that uses --stdio).
 *
 * Waits are bounded and resolve on the server's own messages; nothing here sleeps for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  CallHierarchyIncomingCallsRequest, CallHierarchyOutgoingCallsRequest, CallHierarchyPrepareRequest, CodeActionRequest, CompletionRequest, CodeLensRefreshRequest, PrepareRenameRequest, RenameRequest, CodeLensRequest,
  ConfigurationRequest, DefinitionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DocumentLinkRequest,
  DocumentSymbolRequest, ExitNotification, FoldingRangeRequest, HoverRequest, InitializedNotification, InitializeRequest,
  InlayHintRefreshRequest, InlayHintRequest, LogMessageNotification, MessageType, PublishDiagnosticsNotification, ReferencesRequest,
  RegistrationRequest, RequestType, ResponseError, SemanticTokensDeltaRequest, SemanticTokensRequest, ShowMessageNotification, ShutdownRequest, UnregistrationRequest,
  WatchKind, WorkDoneProgressCreateRequest, WorkspaceSymbolRequest,
  type CallHierarchyIncomingCall, type CallHierarchyItem, type CallHierarchyOutgoingCall, type CodeAction, type CodeLens, type Command, type CompletionItem, type CompletionList, type PrepareRenameResult, type WorkspaceEdit, type ConfigurationItem,
  type Diagnostic, type DocumentLink, type DocumentSymbol, type FileEvent, type FileSystemWatcher, type LogMessageParams,
  type FoldingRange, type Hover, type InitializeResult, type InlayHint, type Location, type LocationLink, type Position,
  type ProgressToken, type PublishDiagnosticsParams, type Range, type Registration, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensEdit, type ShowMessageParams,
  type SymbolInformation, type TextDocumentContentChangeEvent, type WorkDoneProgressBegin, type WorkDoneProgressEnd,
  type WorkDoneProgressReport, type WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';

/** The repository root, from the bundled test file in dist/test/protocol. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

const DEFAULT_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: `$0` is the cursor, ⟦…⟧ marks expected ranges, ⟪…⟫ expected declaration ranges (clause labels, defining
// occurrences). Markers are stripped; positions count UTF-16 code units, as LSP does (JavaScript strings do too).

export interface Fixture {
  text: string;
  /** The cursor ($0), or the start of the text when there is none. */
  cursor: Position;
  hasCursor: boolean;
  /** ⟦…⟧ ranges, in order. */
  ranges: Range[];
  /** ⟪…⟫ ranges, in order. */
  declarations: Range[];
}

export function parseFixture(source: string): Fixture {
  let text = '';
  let line = 0;
  let character = 0;
  let cursor: Position | undefined;
  const open: Record<'range' | 'declaration', Position[]> = { range: [], declaration: [] };
  const ranges: Range[] = [];
  const declarations: Range[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '$' && source[i + 1] === '0') {
      if (cursor) throw new Error('fixture has two $0 cursors');
      cursor = { line, character };
      i++;
    } else if (char === '⟦' || char === '⟪') {
      open[char === '⟦' ? 'range' : 'declaration'].push({ line, character });
    } else if (char === '⟧' || char === '⟫') {
      const start = open[char === '⟧' ? 'range' : 'declaration'].pop();
      if (!start) throw new Error(`fixture has an unmatched ${char}`);
      (char === '⟧' ? ranges : declarations).push({ start, end: { line, character } });
    } else {
      text += char;
      if (char === '\r' && source[i + 1] === '\n') {
        text += '\n';
        i++;
      }
      if (char === '\n' || char === '\r') {
        line++;
        character = 0;
      } else {
        character += char.length; // one UTF-16 code unit per JavaScript string index
      }
    }
  }
  if (open.range.length + open.declaration.length > 0) throw new Error('fixture has an unclosed ⟦ or ⟪');
  const byStart = (a: Range, b: Range) => a.start.line - b.start.line || a.start.character - b.start.character;
  return { text, cursor: cursor ?? { line: 0, character: 0 }, hasCursor: cursor !== undefined, ranges: ranges.sort(byStart), declarations: declarations.sort(byStart) };
}

/** The lines of a text as LSP splits them (\r\n, \n, \r), without their line breaks. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function formatRange(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Ranges sorted and printed, for readable deepEqual failures. */
export function formatRanges(ranges: readonly Range[]): string[] {
  return [...ranges].sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character).map(formatRange);
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return offset + position.character;
}

// ---------------------------------------------------------------------------------------------------------------
// Strict framing check of the server's stdout, independent of the JSON-RPC library (which tolerates some garbage).

class StdoutValidator {
  private buffer = Buffer.alloc(0);
  readonly violations: string[] = [];
  messageCount = 0;

  /** Called at once on each violation (the client fails every pending wait). */
  onViolation: (message: string) => void = () => {};

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        this.checkPartialHeader();
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      if (!/^(?:[A-Za-z-]+: [^\r\n]*)(?:\r\n[A-Za-z-]+: [^\r\n]*)*$/.test(header)) {
        return this.fail(`stdout header is not an LSP header: ${JSON.stringify(this.buffer.subarray(0, Math.min(headerEnd + 4, 200)).toString('utf8'))}`);
      }
      const length = /(?:^|\n)Content-Length: (\d+)(?:\r|$)/i.exec(header);
      if (!length) return this.fail(`stdout header has no Content-Length: ${JSON.stringify(header)}`);
      const bodyStart = headerEnd + 4;
      const bodyEnd = bodyStart + Number(length[1]);
      if (this.buffer.length < bodyEnd) return;
      const body = this.buffer.subarray(bodyStart, bodyEnd).toString('utf8');
      this.buffer = this.buffer.subarray(bodyEnd);
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        return this.fail(`stdout body is not JSON: ${JSON.stringify(body.slice(0, 200))}`);
      }
      if (typeof message !== 'object' || message === null || (message as { jsonrpc?: unknown }).jsonrpc !== '2.0') {
        return this.fail(`stdout body is not a JSON-RPC 2.0 message: ${JSON.stringify(body.slice(0, 200))}`);
      }
      this.messageCount++;
    }
  }

  /** Bytes left over when the stream ends are a half message or stray output. */
  end(): void {
    if (this.buffer.length > 0 && this.violations.length === 0) {
      this.fail(`stdout ended with ${this.buffer.length} bytes that are not a complete LSP message: ${JSON.stringify(this.buffer.subarray(0, 200).toString('utf8'))}`);
    }
  }

  /** Fail early on output that cannot become a header ("hello\n"), rather than at the end of the stream. */
  private checkPartialHeader(): void {
    const partial = this.buffer.subarray(0, 300).toString('ascii');
    const plausible = /^(?:[A-Za-z-]+: [^\r\n]*\r\n)*(?:[A-Za-z-]*(?::(?: [^\r\n]*)?)?)?\r?$/.test(partial) && this.buffer.length < 1024;
    if (!plausible) this.fail(`server wrote to stdout something that is not a valid LSP message: ${JSON.stringify(this.buffer.subarray(0, 200).toString('utf8'))}`);
  }

  private fail(message: string): void {
    this.buffer = Buffer.alloc(0);
    this.violations.push(message);
    this.onViolation(message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The client

export interface StartOptions {
  /** Command to run instead of the regtext server (argv[0] is run with node). For harness self-tests. */
  serverArgs?: string[];
  initializationOptions?: unknown;
  /** InitializeParams.locale: the user's language, as VS Code sends its display language. */
  locale?: string;
  timeoutMs?: number;
  /** Client capabilities the tests vary; both default to true. */
  linkSupport?: boolean;
  hierarchicalDocumentSymbolSupport?: boolean;
  /** A folder on disk: sent as rootUri and as the one workspace folder. None: no workspace (rootUri null). */
  workspaceFolder?: string;
  /** workspace.didChangeWatchedFiles.dynamicRegistration (default false): the server may register file watchers. */
  watchedFiles?: boolean;
  /** window.workDoneProgress (default false): the server may create progress tokens and report $/progress. */
  workDoneProgress?: boolean;
  /** How the client answers window/workDoneProgress/create: accept it (default), or decline it with an error. */
  declineProgress?: boolean;
  /**
   * workspace.configuration: when given, the client announces it and answers workspace/configuration from these
   * settings, by section (`regtext`, `files`, or a dotted path such as `regtext.diagnostics`). Change them with
   * `settings` and tell the server with changeConfiguration().
   */
  configuration?: Record<string, unknown>;
  /** workspace.codeLens.refreshSupport and workspace.inlayHint.refreshSupport (default false). */
  refreshSupport?: boolean;
}

export interface ProgressEvent {
  token: ProgressToken;
  value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
}

/** Something a server message may make true: checked now and again after each message the server sends. */
interface Condition {
  check: () => boolean;
}

export interface OpenedDocument {
  uri: string;
  version: number;
  text: string;
  diagnostics: Diagnostic[];
}

interface DiagnosticsWaiter {
  uri: string;
  accept: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
  reject: (error: Error) => void;
}

let documentCounter = 0;

export class LspClient {
  readonly stderr: string[] = [];
  readonly logMessages: { type: MessageType; message: string }[] = [];
  readonly shownMessages: ShowMessageParams[] = [];
  /** Registrations the server made (client/registerCapability), less those it unregistered. */
  readonly registrations: Registration[] = [];
  /** Tokens the server asked to create (window/workDoneProgress/create), and the $/progress it sent, in order. */
  readonly progressCreated: ProgressToken[] = [];
  readonly progress: ProgressEvent[] = [];
  /** Refresh requests the server sent (workspace/codeLens/refresh, workspace/inlayHint/refresh). */
  readonly refreshes: string[] = [];
  /** What workspace/configuration is answered from (see StartOptions.configuration). */
  settings: Record<string, unknown> = {};
  initializeResult: InitializeResult | undefined;
  private readonly conditions = new Set<Condition>();
  /** Notifications and requests received from the server. */
  private received = 0;
  private readonly opened = new Map<string, Promise<OpenedDocument>>();
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: DiagnosticsWaiter[] = [];
  private readonly pending = new Set<(error: Error) => void>();
  private readonly versions = new Map<string, number>();
  /** How many semantic token answers came as edits (see semanticTokensByDelta). */
  tokenDeltasApplied = 0;
  /** The semantic tokens last received for each document (see semanticTokensByDelta). */
  private readonly tokensKept = new Map<string, SemanticTokens>();
  private fatal: Error | undefined;
  private shuttingDown = false;
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
    private readonly validator: StdoutValidator,
    readonly timeoutMs: number,
  ) {
    this.exited = new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const args = options.serverArgs ?? [resolve(REPO_ROOT, 'bin/regtext-language-server'), '--stdio'];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const validator = new StdoutValidator();
    child.stdout!.on('data', (chunk: Buffer) => validator.push(chunk));
    child.stdout!.on('end', () => validator.end());
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, validator, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    validator.onViolation = (message) => client.die(new Error(`PROTOCOL VIOLATION: ${message}`));
    client.listen();
    try {
      await client.initialize(options);
    } catch (error) {
      await client.kill();
      throw error;
    }
    return client;
  }

  private listen(): void {
    const { child, connection } = this;
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => this.stderr.push(chunk));
    child.once('exit', (code, signal) => {
      if (!this.shuttingDown) this.die(new Error(`server exited unexpectedly (code ${code}, signal ${signal})`));
    });
    child.once('error', (error) => this.die(error));
    connection.onError(([error]) => this.die(new Error(`PROTOCOL VIOLATION (JSON-RPC reader): ${error.message}`)));
    connection.onClose(() => {
      if (!this.shuttingDown) this.die(new Error('server closed the connection unexpectedly'));
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.onDiagnostics(params));
    connection.onNotification(LogMessageNotification.type, (params: LogMessageParams) => this.record(() => { this.logMessages.push(params); }));
    connection.onNotification(ShowMessageNotification.type, (params) => this.record(() => { this.shownMessages.push(params); }));
    connection.onNotification('$/progress', (params: ProgressEvent) => this.record(() => { this.progress.push(params); }));
    connection.onRequest(RegistrationRequest.type, (params) => this.record(() => { this.registrations.push(...params.registrations); }));
    connection.onRequest(UnregistrationRequest.type, (params) => this.record(() => {
      for (const gone of params.unregisterations) {
        const index = this.registrations.findIndex((registration) => registration.id === gone.id);
        if (index >= 0) this.registrations.splice(index, 1);
      }
    }));
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => this.record(() => {
      this.progressCreated.push(params.token);
      return this.declineProgress ? new ResponseError<void>(-32603, 'this client declines progress') : undefined;
    }));
    connection.onRequest(ConfigurationRequest.type, (params) => this.record(() => params.items.map((item) => this.configurationOf(item))));
    for (const type of [CodeLensRefreshRequest.type, InlayHintRefreshRequest.type]) {
      connection.onRequest(type, () => this.record(() => { this.refreshes.push(type.method); }));
    }
    connection.listen();
  }

  private declineProgress = false;
  /** The workspace folder's path and URI, when the session has one. */
  folderPath: string | undefined;
  folderUri: string | undefined;

  private async initialize(options: StartOptions): Promise<void> {
    this.declineProgress = options.declineProgress ?? false;
    this.settings = options.configuration ?? {};
    this.folderPath = options.workspaceFolder;
    this.folderUri = options.workspaceFolder === undefined ? undefined : pathToFileURL(options.workspaceFolder).href;
    const refreshSupport = options.refreshSupport ?? false;
    this.initializeResult = await this.request(InitializeRequest.type, {
      processId: process.pid,
      rootUri: this.folderUri ?? null,
      workspaceFolders: this.folderUri ? [{ uri: this.folderUri, name: 'workspace' }] : null,
      initializationOptions: options.initializationOptions,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        window: { workDoneProgress: options.workDoneProgress ?? false },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          definition: { linkSupport: options.linkSupport ?? true },
          references: {},
          documentSymbol: { hierarchicalDocumentSymbolSupport: options.hierarchicalDocumentSymbolSupport ?? true },
          foldingRange: { lineFoldingOnly: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          semanticTokens: {
            requests: { full: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ['relative'],
          },
          codeLens: {},
          documentLink: { tooltipSupport: true },
          inlayHint: {},
          callHierarchy: {},
        },
        workspace: {
          configuration: options.configuration !== undefined,
          workspaceFolders: options.workspaceFolder !== undefined,
          didChangeWatchedFiles: { dynamicRegistration: options.watchedFiles ?? false },
          symbol: {},
          codeLens: { refreshSupport },
          inlayHint: { refreshSupport },
        },
      },
    }, 'initialize');
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Runs what a server message does, then re-checks every pending condition. */
  private record<T>(action: () => T): T {
    const result = action();
    this.received++;
    for (const condition of [...this.conditions]) condition.check();
    return result;
  }

  /** Resolves with the first value `probe` gives, checked now and after every message the server sends; bounded. */
  until<T>(what: string, probe: () => T | undefined, timeoutMs = this.timeoutMs): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    let condition: Condition | undefined;
    const promise = new Promise<T>((resolveWait) => {
      condition = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          this.conditions.delete(condition!);
          resolveWait(value);
          return true;
        },
      };
      this.conditions.add(condition);
    });
    return this.bounded(promise, what, timeoutMs).finally(() => this.conditions.delete(condition!));
  }

  /**
   * Asks `probe` (a request, say) again after each message the server sends, until `accept` takes its answer; bounded.
   * For what the server announces only by doing it: a file event taken in shows as an open document's diagnostics
   * published again, after which a definition answers differently.
   */
  async eventually<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = this.timeoutMs): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.received;
      const value = await probe();
      if (accept(value)) return value;
      const left = deadline - Date.now();
      const waited = left > 0 && await this.until(what, () => (this.received > seen ? true : undefined), left).catch((error: unknown) => {
        if (this.fatal) throw error;
        return false;
      });
      if (!waited) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last answer: ${JSON.stringify(value)}`);
    }
  }

  /** workspace/configuration: a section of the settings (a dotted path), or all of them. */
  private configurationOf(item: ConfigurationItem): unknown {
    let value: unknown = this.settings;
    for (const part of item.section ? item.section.split('.') : []) {
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    }
    return value ?? null;
  }

  /** Marks the session broken: every pending wait and request fails at once with `error`. */
  private die(error: Error): void {
    if (this.fatal) return;
    this.fatal = new Error(`${error.message}${this.stderrTail()}`);
    for (const reject of this.pending) reject(this.fatal);
    this.pending.clear();
    for (const waiter of this.waiters) waiter.reject(this.fatal);
    this.waiters = [];
  }

  private stderrTail(): string {
    const stderr = this.stderr.join('');
    return stderr ? `\n--- server stderr ---\n${stderr.slice(-2000)}` : '';
  }

  /** Rejects after the timeout, or as soon as the session breaks. */
  private bounded<T>(promise: Promise<T>, what: string, timeoutMs = this.timeoutMs): Promise<T> {
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise<T>((resolvePromise, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${this.stderrTail()}`)), timeoutMs);
      this.pending.add(fail);
      promise.then((value) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        resolvePromise(value);
      }, (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    });
  }

  /** A request, bounded by the timeout. (Typed loosely: the protocol's request types carry many type parameters.) */
  private request<R>(type: { method: string } & object, params: unknown, what: string): Promise<R> {
    return this.bounded(this.connection.sendRequest(type as never, params as never) as Promise<R>, what);
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    this.record(() => this.storeDiagnostics(params));
  }

  private storeDiagnostics(params: PublishDiagnosticsParams): void {
    const list = this.published.get(params.uri) ?? [];
    list.push(params);
    this.published.set(params.uri, list);
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.uri !== params.uri || !waiter.accept(params)) return true;
      waiter.resolve(params);
      return false;
    });
  }

  /**
   * The first diagnostics published for `uri` at `minVersion` or later (already received, or the next to come).
   * Diagnostics without a version count as current.
   */
  waitForDiagnostics(uri: string, minVersion = 0, timeoutMs = this.timeoutMs): Promise<PublishDiagnosticsParams> {
    const accept = (params: PublishDiagnosticsParams) => (params.version ?? Infinity) >= minVersion;
    const received = (this.published.get(uri) ?? []).find(accept);
    if (received) return Promise.resolve(received);
    return this.nextDiagnostics(uri, accept, `publishDiagnostics for ${uri} (version >= ${minVersion})`, timeoutMs);
  }

  /** The next diagnostics published for `uri` from now on (that `accept` accepts). */
  nextDiagnostics(
    uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    what = `the next publishDiagnostics for ${uri}`, timeoutMs = this.timeoutMs,
  ): Promise<PublishDiagnosticsParams> {
    const promise = new Promise<PublishDiagnosticsParams>((resolveWait, reject) => {
      this.waiters.push({ uri, accept, resolve: resolveWait, reject });
    });
    return this.bounded(promise, what, timeoutMs);
  }

  /** Every publishDiagnostics received for `uri`, in order. */
  diagnosticsHistory(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** The last diagnostics published for `uri`, if any. */
  latestDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri)?.at(-1);
  }

  /** Opens a document and waits for its first diagnostics. Without `uri`, a made-up one outside any workspace. */
  async open(text: string, options: { name?: string; uri?: string; languageId?: string; timeoutMs?: number } = {}): Promise<OpenedDocument> {
    const uri = options.uri ?? `file:///regtext-protocol-test/${options.name ?? `doc-${++documentCounter}`}.regtext`;
    this.versions.set(uri, 1);
    // What was published before a close is not about this opening.
    this.published.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: options.languageId ?? 'regtext', version: 1, text },
    });
    const published = await this.waitForDiagnostics(uri, 1, options.timeoutMs);
    return { uri, version: 1, text, diagnostics: published.diagnostics };
  }

  /**
   * Opens a file of the workspace folder (a path relative to it) with its text on disk, as an editor would, once:
   * asked again while it is open, the same document. Waits for its first diagnostics.
   */
  openFile(path: string, text?: string): Promise<OpenedDocument> {
    const uri = this.uriOf(path);
    let opened = this.opened.get(uri);
    if (!opened) {
      opened = readFile(fileURLToPath(uri), 'utf8').then((onDisk) => this.open(text ?? onDisk, { uri, languageId: languageIdOf(path) }));
      this.opened.set(uri, opened);
    }
    return opened;
  }

  /** The URI of a path relative to the workspace folder. */
  uriOf(path: string): string {
    if (!this.folderPath) throw new Error('this session has no workspace folder');
    return pathToFileURL(join(this.folderPath, path)).href;
  }

  /** Sends an (incremental or full) change and waits for the diagnostics of the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return this.waitForDiagnostics(uri, version);
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async close(uri: string): Promise<void> {
    this.opened.delete(uri);
    this.tokensKept.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The file watchers the server registered (workspace/didChangeWatchedFiles). */
  fileWatchers(): FileSystemWatcher[] {
    return this.registrations.filter((registration) => registration.method === DidChangeWatchedFilesNotification.method)
      .flatMap((registration) => (registration.registerOptions as { watchers: FileSystemWatcher[] }).watchers);
  }

  /** Waits until the server has registered file watchers. */
  waitForFileWatchers(): Promise<FileSystemWatcher[]> {
    return this.until('client/registerCapability for workspace/didChangeWatchedFiles', () => {
      const watchers = this.fileWatchers();
      return watchers.length > 0 ? watchers : undefined;
    });
  }

  /**
   * Reports file events as an editor does: only those a watcher the server registered asks for. An event no watcher
   * covers is an error (the test expects the server to learn of it), unless `unwatched` says to drop it silently.
   */
  async fileEvents(changes: FileEvent[], options: { unwatched?: 'error' | 'drop' } = {}): Promise<FileEvent[]> {
    const watchers = this.fileWatchers();
    const watched = changes.filter((change) => watchers.some((watcher) => watches(watcher, change)));
    const missed = changes.filter((change) => !watched.includes(change));
    if (missed.length > 0 && (options.unwatched ?? 'error') === 'error') {
      throw new Error(`the server watches none of: ${missed.map((change) => `${['', 'create', 'change', 'delete'][change.type]} ${change.uri}`).join(', ')} (watchers: ${JSON.stringify(watchers)})`);
    }
    if (watched.length > 0) await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: watched });
    return watched;
  }

  /** workspace/didChangeWorkspaceFolders: folders (paths) added and removed. */
  async changeWorkspaceFolders(change: { added?: string[]; removed?: string[] }): Promise<void> {
    const folder = (path: string) => ({ uri: pathToFileURL(path).href, name: path });
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: (change.added ?? []).map(folder), removed: (change.removed ?? []).map(folder) },
    });
  }

  /** The progress of one token, in order. */
  progressOf(token: ProgressToken): ProgressEvent['value'][] {
    return this.progress.filter((event) => event.token === token).map((event) => event.value);
  }

  /** Waits for the end of the `count`-th work done progress the server created, and returns all its events. */
  async waitForProgressEnd(count = 1): Promise<ProgressEvent['value'][]> {
    return this.until(`the end of work done progress #${count}`, () => {
      const token = this.progressCreated[count - 1];
      if (token === undefined) return undefined;
      const events = this.progressOf(token);
      return events.some((event) => event.kind === 'end') ? events : undefined;
    });
  }

  /** Waits for a window/logMessage that matches. */
  waitForLog(pattern: RegExp): Promise<string> {
    return this.until(`a log message matching ${pattern}`, () => this.logMessages.find((log) => pattern.test(log.message))?.message);
  }

  /**
   * A round trip: whatever the server scheduled before it read this request (diagnostics batches queued with
   * setImmediate, say) has been sent once the answer is in.
   */
  async roundTrip(): Promise<void> {
    await this.workspaceSymbols('\u0000no symbol has this name');
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request(HoverRequest.type, { textDocument: { uri }, position }, `hover at ${position.line}:${position.character}`);
  }

  definition(uri: string, position: Position): Promise<Location | Location[] | LocationLink[] | null> {
    return this.request(DefinitionRequest.type, { textDocument: { uri }, position }, `definition at ${position.line}:${position.character}`);
  }

  references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
    return this.request(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } }, `references at ${position.line}:${position.character}`);
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.request(DocumentSymbolRequest.type, { textDocument: { uri } }, 'documentSymbol');
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.request(FoldingRangeRequest.type, { textDocument: { uri } }, 'foldingRange');
  }

  semanticTokens(uri: string): Promise<SemanticTokens | null> {
    return this.request(SemanticTokensRequest.type, { textDocument: { uri } }, 'semanticTokens/full');
  }

  /**
   * Semantic tokens as an editor keeps them: after a first full answer, asks for the edits since the last answer
   * (textDocument/semanticTokens/full/delta) and applies them here. The tokens as data.
   */
  async semanticTokensByDelta(uri: string): Promise<number[] | undefined> {
    const previous = this.tokensKept.get(uri);
    const answer: SemanticTokens | SemanticTokensDelta | null = previous?.resultId
      ? await this.request(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: previous.resultId }, 'semanticTokens/full/delta')
      : await this.semanticTokens(uri);
    if (!answer) return undefined;
    if ('edits' in answer) this.tokenDeltasApplied++;
    const data = 'edits' in answer ? applyTokenEdits(previous!.data, answer.edits) : answer.data;
    this.tokensKept.set(uri, { resultId: answer.resultId, data });
    return data;
  }

  workspaceSymbols(query: string): Promise<SymbolInformation[] | WorkspaceSymbol[] | null> {
    return this.request(WorkspaceSymbolRequest.type, { query }, `workspace/symbol ${JSON.stringify(query)}`);
  }

  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.request(CodeLensRequest.type, { textDocument: { uri } }, 'codeLens');
  }

  documentLinks(uri: string): Promise<DocumentLink[] | null> {
    return this.request(DocumentLinkRequest.type, { textDocument: { uri } }, 'documentLink');
  }

  prepareRename(uri: string, position: Position): Promise<PrepareRenameResult | null> {
    return this.request(PrepareRenameRequest.type, { textDocument: { uri }, position }, 'prepareRename');
  }

  rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.request(RenameRequest.type, { textDocument: { uri }, position, newName }, 'rename');
  }

  completion(uri: string, position: Position): Promise<CompletionItem[] | CompletionList | null> {
    return this.request(CompletionRequest.type, { textDocument: { uri }, position }, `completion at ${position.line}:${position.character}`);
  }

  codeActions(uri: string, range: Range): Promise<(CodeAction | Command)[] | null> {
    return this.request(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } }, 'codeAction');
  }

  /** Applies a code action's edit to an open document as an editor would (one full-text change), and waits for its diagnostics. */
  async applyCodeAction(uri: string, text: string, action: CodeAction): Promise<{ text: string; published: PublishDiagnosticsParams }> {
    const edits = action.edit?.changes?.[uri] ?? [];
    const lines = text.split(/(?<=\n)/);
    const offsetAt = (position: Position) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length, 0) + position.character;
    const after = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start))
      .reduce((result, edit) => result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end)), text);
    return { text: after, published: await this.change(uri, [{ text: after }]) };
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[] | null> {
    return this.request(InlayHintRequest.type, { textDocument: { uri }, range }, 'inlayHint');
  }

  prepareCallHierarchy(uri: string, position: Position): Promise<CallHierarchyItem[] | null> {
    return this.request(CallHierarchyPrepareRequest.type, { textDocument: { uri }, position }, `prepareCallHierarchy at ${position.line}:${position.character}`);
  }

  incomingCalls(item: CallHierarchyItem): Promise<CallHierarchyIncomingCall[] | null> {
    return this.request(CallHierarchyIncomingCallsRequest.type, { item }, `callHierarchy/incomingCalls of ${item.name}`);
  }

  outgoingCalls(item: CallHierarchyItem): Promise<CallHierarchyOutgoingCall[] | null> {
    return this.request(CallHierarchyOutgoingCallsRequest.type, { item }, `callHierarchy/outgoingCalls of ${item.name}`);
  }

  /** The custom request regtext/citationGraph. */
  citationGraph<T = unknown>(): Promise<T> {
    return this.request({ method: 'regtext/citationGraph' }, undefined, 'regtext/citationGraph');
  }

  /** The custom request regtext/alignment: the document's counterpart and the aligned pairs, or null. */
  alignment<T = unknown>(uri: string): Promise<T> {
    return this.request(new RequestType('regtext/alignment'), { uri }, `regtext/alignment of ${uri}`);
  }

  /** The custom request regtext/exportAlignment: TMX, TSV or JSON text, or null. */
  exportAlignment(uri: string, format: 'tmx' | 'tsv' | 'json'): Promise<string | null> {
    return this.request(new RequestType('regtext/exportAlignment'), { uri, format }, `regtext/exportAlignment of ${uri}`);
  }

  /**
   * shutdown + exit, then checks the session was clean: exit code 0, no protocol violation on stdout, no error
   * logged through window/logMessage (the server logs unexpected exceptions there). Kills the server on timeout.
   */
  async shutdown(): Promise<void> {
    try {
      if (this.fatal) throw this.fatal;
      await this.request(ShutdownRequest.type, undefined, 'shutdown');
      this.shuttingDown = true;
      await this.connection.sendNotification(ExitNotification.type);
      const code = await Promise.race([this.exited, timeout(3000).then(() => 'timeout' as const)]);
      if (code === 'timeout') throw new Error(`server did not exit within 3 s of the exit notification${this.stderrTail()}`);
      if (code !== 0) throw new Error(`server exited with code ${code} after shutdown + exit${this.stderrTail()}`);
    } finally {
      await this.kill();
    }
    this.assertClean();
  }

  /** Throws if the server wrote anything but LSP messages to stdout or logged an error. */
  assertClean(): void {
    if (this.fatal) throw this.fatal;
    if (this.validator.violations.length > 0) throw new Error(`PROTOCOL VIOLATION: ${this.validator.violations.join('\n')}`);
    const errors = this.logMessages.filter((log) => log.type === MessageType.Error);
    if (errors.length > 0) throw new Error(`server logged errors:\n${errors.map((log) => log.message).join('\n')}`);
  }

  /** Ends the server process if it is still running (no-op otherwise). */
  async kill(): Promise<void> {
    this.shuttingDown = true;
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await Promise.race([this.exited, timeout(2000)]);
    }
  }
}

/** Whether a registered watcher asks for an event: its kind, and its glob against the file's path. */
function watches(watcher: FileSystemWatcher, change: FileEvent): boolean {
  const kind = watcher.kind ?? (WatchKind.Create | WatchKind.Change | WatchKind.Delete);
  const wanted = [0, WatchKind.Create, WatchKind.Change, WatchKind.Delete][change.type]!;
  if ((kind & wanted) === 0) return false;
  const path = fileURLToPath(change.uri).split('\\').join('/');
  if (typeof watcher.globPattern === 'string') return picomatch(watcher.globPattern, { dot: true })(path.replace(/^\//, ''));
  const { baseUri, pattern } = watcher.globPattern;
  const base = fileURLToPath(typeof baseUri === 'string' ? baseUri : baseUri.uri).split('\\').join('/').replace(/\/$/, '');
  return path.startsWith(`${base}/`) && picomatch(pattern, { dot: true })(path.slice(base.length + 1));
}

/** The language id an editor gives a file: regtext for .notice and .regtext, else by extension. */
export function languageIdOf(path: string): string {
  if (/\.(?:notice|regtext)$/.test(path)) return 'regtext';
  return path.endsWith('.md') ? 'markdown' : 'plaintext';
}

function timeout(ms: number): Promise<void> {
  return new Promise((resolveTimeout) => setTimeout(resolveTimeout, ms).unref());
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers the tests share

/** The Markdown (or plain) text of a hover. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
  return contents.value;
}

/** A diagnostic's message as text (LSP 3.18 allows Markdown). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** The hover's first line: the heading. */
export function hoverHeading(hover: Hover | null): string {
  return hoverText(hover).split('\n')[0] ?? '';
}

export function isDocumentSymbols(symbols: DocumentSymbol[] | SymbolInformation[] | null): symbols is DocumentSymbol[] {
  return Array.isArray(symbols) && symbols.every((symbol) => 'selectionRange' in symbol);
}

export function contains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Semantic token data after a delta's edits (each on the data as it was before any of them, in order). */
function applyTokenEdits(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const result: number[] = [];
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result.push(...data.slice(from, edit.start), ...(edit.data ?? []));
    from = edit.start + edit.deleteCount;
  }
  result.push(...data.slice(from));
  return result;
}
