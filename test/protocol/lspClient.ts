/**
 * A real LSP client for protocol tests: spawns `node bin/regtext-language-server --stdio`, talks JSON-RPC to it
 * through vscode-languageserver-protocol, and checks every byte the server writes to stdout is a well-framed
 * LSP message (a stray console.log would corrupt the channel of every editor that uses --stdio).
 *
 * Waits are bounded and resolve on the server's own messages; nothing here sleeps for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  DefinitionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  DocumentSymbolRequest, ExitNotification, FoldingRangeRequest, HoverRequest, InitializedNotification, InitializeRequest,
  LogMessageNotification, MessageType, PublishDiagnosticsNotification, ReferencesRequest, SemanticTokensRequest,
  ShutdownRequest,
  type Diagnostic, type DocumentSymbol, type LogMessageParams, type FoldingRange, type Hover, type InitializeResult, type Location,
  type LocationLink, type Position, type PublishDiagnosticsParams, type Range, type SemanticTokens,
  type SymbolInformation, type TextDocumentContentChangeEvent,
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
  timeoutMs?: number;
  /** Client capabilities the tests vary; both default to true. */
  linkSupport?: boolean;
  hierarchicalDocumentSymbolSupport?: boolean;
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
  initializeResult: InitializeResult | undefined;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: DiagnosticsWaiter[] = [];
  private readonly pending = new Set<(error: Error) => void>();
  private readonly versions = new Map<string, number>();
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
    connection.onNotification(LogMessageNotification.type, (params: LogMessageParams) => { this.logMessages.push(params); });
    connection.listen();
  }

  private async initialize(options: StartOptions): Promise<void> {
    this.initializeResult = await this.request(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
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
        },
        workspace: { configuration: false, workspaceFolders: false },
      },
    }, 'initialize');
    await this.connection.sendNotification(InitializedNotification.type, {});
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

  /** Opens a document and waits for its first diagnostics. */
  async open(text: string, options: { name?: string; languageId?: string; timeoutMs?: number } = {}): Promise<OpenedDocument> {
    const uri = `file:///regtext-protocol-test/${options.name ?? `doc-${++documentCounter}`}.regtext`;
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: options.languageId ?? 'regtext', version: 1, text },
    });
    const published = await this.waitForDiagnostics(uri, 1, options.timeoutMs);
    return { uri, version: 1, text, diagnostics: published.diagnostics };
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
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
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
