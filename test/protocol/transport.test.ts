/**
 * The --stdio transport. First the framing of the input (server/src/messageFrames.ts) as data: byte streams cut
 * every way, and what comes out. Then the server as a process sees it: its input, a pipe, read on a thread of its
 * own (threadedReader.ts) — raw bytes written however they are cut, malformed messages skipped with a log line and
 * the next one answered, a 10 MB message, the end of the input or shutdown + exit ending the process with the right
 * code.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import { MessageFrames } from '../../server/src/messageFrames';
import { quietWorker } from '../../server/src/workerOutput';
import { REPO_ROOT } from './lspClient';

const SERVER = [resolve(REPO_ROOT, 'bin/regtext-language-server'), '--stdio'];
const WAIT_MS = 20_000;

// ---------------------------------------------------------------------------------------------------------------
// Framing, as data.

/** A message as a client frames it; `header` replaces the usual `Content-Length: N\r\n\r\n`. */
function frame(message: object, header?: (length: number) => string): Buffer {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
  return Buffer.concat([Buffer.from(header ? header(body.length) : `Content-Length: ${body.length}\r\n\r\n`), body]);
}

/** What the framing makes of `chunks`, pushed one after the other: bodies as text, and the reasons of skips. */
function framed(chunks: Buffer[]): string[] {
  const out: string[] = [];
  const frames = new MessageFrames({ message: (body) => out.push(body), malformed: (reason) => out.push(`malformed: ${reason}`) });
  for (const chunk of chunks) frames.push(chunk);
  return out;
}

const bodyOf = (message: Buffer) => message.subarray(message.indexOf('\r\n\r\n') + 4).toString('utf8');

/** Two messages with characters of two, three and four bytes in UTF-8. */
const FIRST = frame({ method: 'a', params: { text: 'é 中国人民银行 😀' } });
const SECOND = frame({ id: 1, method: 'b', params: { text: '银发〔2021〕237号' } });
const BOTH = Buffer.concat([FIRST, SECOND]);

describe('framing of the input', () => {
  test('two messages in one read, and cut into two reads at every byte (inside characters too)', () => {
    const expected = [bodyOf(FIRST), bodyOf(SECOND)];
    assert.deepEqual(framed([BOTH]), expected);
    for (let cut = 1; cut < BOTH.length; cut++) {
      assert.deepEqual(framed([BOTH.subarray(0, cut), BOTH.subarray(cut)]), expected, `cut at byte ${cut}`);
    }
  });

  test('one byte a read', () => {
    assert.deepEqual(framed([...BOTH].map((byte) => Buffer.from([byte]))), [bodyOf(FIRST), bodyOf(SECOND)]);
  });

  test('other headers, names in any case, LF line ends, blank lines between messages', () => {
    const cases: [string, (length: number) => string][] = [
      ['Content-Type after', (length) => `Content-Length: ${length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`],
      ['Content-Type before', (length) => `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: ${length}\r\n\r\n`],
      ['lower case, no space', (length) => `content-length:${length}\r\n\r\n`],
      ['LF only', (length) => `Content-Length: ${length}\n\n`],
      ['blank lines before', (length) => `\r\n\r\nContent-Length: ${length}\r\n\r\n`],
    ];
    for (const [name, header] of cases) {
      assert.deepEqual(framed([Buffer.concat([frame({ method: 'a' }, header), SECOND])]), [bodyOf(frame({ method: 'a' })), bodyOf(SECOND)], name);
    }
  });

  test('a 10 MB message in 64 KB reads, and the message after it', () => {
    const large = frame({ method: 'large', params: { text: '中'.repeat(10 * 1024 * 1024 / 3) + '😀' } });
    const stream = Buffer.concat([large, SECOND]);
    const chunks = [];
    for (let at = 0; at < stream.length; at += 65_536) chunks.push(stream.subarray(at, at + 65_536));
    const out = framed(chunks);
    assert.equal(out.length, 2);
    assert.ok(out[0] === bodyOf(large), 'the large body, whole');
    assert.equal(out[1], bodyOf(SECOND));
  });

  test('a malformed header is reported and skipped; the next message is read', () => {
    const cases: [string, Buffer, string][] = [
      ['no colon', Buffer.from('Hello server\r\n\r\n{}'), 'a header line without a colon: "Hello server"'],
      ['no Content-Length', frame({ method: 'a' }, () => 'Content-Type: application/json\r\n\r\n'), 'a header without Content-Length'],
      ['not a number', frame({ method: 'a' }, () => 'Content-Length: twelve\r\n\r\n'), 'a Content-Length that is not a number: "twelve"'],
      ['negative', frame({ method: 'a' }, () => 'Content-Length: -5\r\n\r\n'), 'a Content-Length that is not a number: "-5"'],
      ['no end of header', Buffer.from('X'.repeat(9000)), 'no end of the header in its first 8192 bytes'],
      ['too long to be a string', frame({ method: 'a' }, () => 'Content-Length: 900000000000\r\n\r\n'), 'a Content-Length over 536870912 bytes: 900000000000'],
    ];
    for (const [name, bad, reason] of cases) {
      assert.deepEqual(framed([Buffer.concat([bad, SECOND])]), [`malformed: ${reason}`, bodyOf(SECOND)], name);
      // The same, in reads of 5 bytes: the reason is given once, and skipping goes on across reads.
      const stream = Buffer.concat([bad, SECOND]);
      const chunks = [];
      for (let at = 0; at < stream.length; at += 5) chunks.push(stream.subarray(at, at + 5));
      assert.deepEqual(framed(chunks), [`malformed: ${reason}`, bodyOf(SECOND)], `${name}, in reads of 5 bytes`);
    }
  });

  test('a header line is judged as soon as it ends: garbage is reported before any blank line comes', () => {
    assert.deepEqual(framed([Buffer.from('GET / HTTP/1.1\r\n')]), ['malformed: a header line without a colon: "GET / HTTP/1.1"']);
    assert.deepEqual(framed([Buffer.from('Content-Length: 12')]), []);
  });
});

test('what a worker thread writes goes to the log given, not to stdout', async () => {
  const logged: string[] = [];
  const worker = quietWorker("console.log('stray'); console.error('warning')", { eval: true }, (text) => logged.push(text));
  await new Promise((exited) => worker.once('exit', exited));
  await new Promise((drained) => setImmediate(drained));
  assert.deepEqual(logged.sort(), ['stray', 'warning']);
});

// ---------------------------------------------------------------------------------------------------------------
// The server as a process.

const INITIALIZE = frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const INITIALIZED = frame({ method: 'initialized', params: {} });
const MEMO = 'file:///memo.txt';
const openFrame = (uri: string, text: string) => frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text } } });
const OPEN = openFrame(MEMO, '中国人民银行发布银发〔2021〕237号。');
const hoverFrame = (id: number, uri = MEMO, line = 0) => frame({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line, character: 2 } } });
const SHUTDOWN = frame({ id: 90, method: 'shutdown' });
const EXIT = frame({ method: 'exit' });
const PBOC = /People's Bank of China/;

interface Received { id?: number; method?: string; result?: unknown; params?: { message?: string } }

const children: ChildProcessWithoutNullStreams[] = [];
after(() => { for (const child of children) child.kill('SIGKILL'); });

/** The server, its input a pipe; what it writes is read as LSP messages, strictly. */
function startServer() {
  const child = spawn(process.execPath, SERVER, { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const received: Received[] = [];
  const stdoutErrors: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const reader = new StreamMessageReader(child.stdout);
  reader.onError((error) => stdoutErrors.push(error.message));
  reader.listen((message) => received.push(message as Received));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  let settled: number | null | undefined;
  void exited.then((code) => { settled = code; });

  /** The first message that `matches`, once it comes (fails after WAIT_MS, or when the server exits first). */
  const until = async (what: string, matches: (message: Received) => boolean): Promise<Received> => {
    for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline; await new Promise((wait) => setTimeout(wait, 10))) {
      const found = received.find(matches);
      if (found) return found;
      if (settled !== undefined) break;
    }
    assert.fail(`no ${what} (exit code ${settled}); stderr: ${stderr.slice(0, 500)}; stdout errors: ${stdoutErrors.join('; ')}`);
  };
  const answered = (id: number) => until(`answer to request ${id}`, (message) => message.id === id && message.method === undefined);
  const logged = (pattern: RegExp) => until(`log line matching ${pattern}`, (message) => message.method === 'window/logMessage' && pattern.test(message.params?.message ?? ''));
  const write = (...buffers: Buffer[]) => new Promise<void>((written) => child.stdin.write(Buffer.concat(buffers), () => written()));
  /** Waits for the exit code, at most WAIT_MS; stdout held LSP messages only. */
  const exitCode = async () => {
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'running'>((wait) => { timer = setTimeout(() => wait('running'), WAIT_MS); })]);
    clearTimeout(timer);
    assert.deepEqual(stdoutErrors, [], 'stdout held LSP messages only');
    return code;
  };
  return { child, write, answered, logged, exitCode };
}

const hoverText = (answer: Received) => JSON.stringify(answer.result);

describe('the --stdio transport', () => {
  test('input from a pipe: answered; shutdown, then exit: the process ends with 0', async () => {
    const server = startServer();
    await server.write(INITIALIZE, INITIALIZED, OPEN, hoverFrame(2));
    assert.match(hoverText(await server.answered(2)), PBOC);
    await server.write(SHUTDOWN);
    await server.answered(90);
    server.child.stdin.end(EXIT);
    assert.equal(await server.exitCode(), 0);
  });

  test('raw bytes cut inside characters and headers across reads, and many messages in one write', async () => {
    const server = startServer();
    await server.write(INITIALIZE, INITIALIZED);
    await server.answered(1);
    const stream = Buffer.concat([OPEN, hoverFrame(2)]);
    const cut = OPEN.indexOf('银行') + 1; // inside 银 (three bytes)
    for (const piece of [stream.subarray(0, 10), stream.subarray(10, cut), stream.subarray(cut)]) {
      await server.write(piece);
      await new Promise((wait) => setTimeout(wait, 50)); // the server reads each piece apart
    }
    assert.match(hoverText(await server.answered(2)), PBOC);
    await server.write(...[3, 4, 5].map((id) => hoverFrame(id)));
    for (const id of [3, 4, 5]) assert.match(hoverText(await server.answered(id)), PBOC);
    server.child.stdin.end();
    assert.equal(await server.exitCode(), 1);
  });

  test('malformed messages: a log line says why each was skipped, and the next request is answered', async () => {
    const server = startServer();
    await server.write(INITIALIZE, INITIALIZED, OPEN);
    await server.write(Buffer.from('Content-Length: twelve\r\n\r\n{}'), hoverFrame(2));
    assert.match(hoverText(await server.answered(2)), PBOC);
    await server.logged(/a message from the client was skipped: a Content-Length that is not a number: "twelve"/);
    await server.write(Buffer.from('Content-Length: 5\r\n\r\n{oops'), hoverFrame(3));
    assert.match(hoverText(await server.answered(3)), PBOC);
    await server.logged(/skipped: a message that is not JSON \(.*\): "\{oops"/);
    await server.write(SHUTDOWN, EXIT);
    assert.equal(await server.exitCode(), 0);
  });

  test('a 10 MB didOpen is read whole, and a hover in another document is answered behind it', async () => {
    const server = startServer();
    await server.write(INITIALIZE, INITIALIZED, OPEN);
    const line = '本行为测试文本，不含任何机构名称或文号。'.repeat(5) + '\n';
    const large = line.repeat(Math.ceil(10 * 1024 * 1024 / Buffer.byteLength(line))) + '中国人民银行';
    const lastLine = large.split('\n').length - 1;
    await server.write(openFrame('file:///large.txt', large), hoverFrame(2), hoverFrame(3, 'file:///large.txt', lastLine));
    assert.match(hoverText(await server.answered(2)), PBOC);
    assert.match(hoverText(await server.answered(3)), PBOC, 'the last characters of the 10 MB message arrived');
    await server.write(SHUTDOWN, EXIT);
    assert.equal(await server.exitCode(), 0);
  });

  test('the input closed without a shutdown request: the process ends with 1, at once', async () => {
    const server = startServer();
    server.child.stdin.end(Buffer.concat([INITIALIZE, INITIALIZED]));
    assert.equal(await server.exitCode(), 1);
  });
});
