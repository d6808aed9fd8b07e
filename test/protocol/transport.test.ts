/**
 * The --stdio transport as a process sees it: the input, a pipe, read and parsed on a thread of its own
 * (threadedReader.ts) however it is cut into writes, and the end of the input ending the server (1 without a
 * shutdown request). A file as input is read on the main thread, as the library does.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from './lspClient';

const SERVER = [resolve(REPO_ROOT, 'bin/regtext-language-server'), '--stdio'];

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const INITIALIZE = frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const INITIALIZED = frame({ method: 'initialized', params: {} });
const OPEN = frame({
  method: 'textDocument/didOpen',
  params: { textDocument: { uri: 'file:///memo.txt', languageId: 'plaintext', version: 1, text: '中国人民银行发布银发〔2021〕237号。' } },
});
const HOVER = frame({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///memo.txt' }, position: { line: 0, character: 2 } } });
const SHUTDOWN = frame({ id: 3, method: 'shutdown' });
const EXIT = frame({ method: 'exit' });

/** The JSON-RPC messages in what the server wrote. */
function messagesIn(output: string): { id?: number; result?: unknown }[] {
  const messages = [];
  for (let rest = output; rest.length > 0;) {
    const header = /^Content-Length: (\d+)\r\n\r\n/.exec(rest);
    assert.ok(header, `stdout holds only framed messages; found ${JSON.stringify(rest.slice(0, 80))}`);
    const body = Buffer.from(rest.slice(header[0].length)).subarray(0, Number(header[1])).toString();
    messages.push(JSON.parse(body));
    rest = rest.slice(header[0].length + body.length);
  }
  return messages;
}

/** The server started with its input a pipe, and what it writes, as it comes. */
function startServer() {
  const child = spawn(process.execPath, SERVER, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => { output += chunk; });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  const answered = async (id: number) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((wait) => setTimeout(wait, 20))) {
      if (/\r\n\r\n\{[^\r]*$/.test(output)) continue; // a message half written
      const answer = messagesIn(output).find((message) => message.id === id);
      if (answer) return answer;
    }
    assert.fail(`request ${id} was not answered; stdout: ${output.slice(0, 300)}`);
  };
  return { child, exited, answered };
}

describe('the --stdio transport', () => {
  test('input from a pipe (read on a thread of its own): answered; a shutdown, then exit, exits with 0', async () => {
    const server = startServer();
    server.child.stdin.write(INITIALIZE + INITIALIZED + OPEN + HOVER);
    assert.match(JSON.stringify((await server.answered(2)).result), /People's Bank of China/);
    server.child.stdin.write(SHUTDOWN);
    await server.answered(3);
    server.child.stdin.end(EXIT);
    assert.equal(await server.exited, 0);
  });

  test('a message split into many small writes, and many messages in one write, are read whole', async () => {
    const server = startServer();
    const all = INITIALIZE + INITIALIZED + OPEN + HOVER;
    for (let at = 0; at < all.length; at += 7) {
      server.child.stdin.write(all.slice(at, at + 7));
      if (at % 70 === 0) await new Promise((wait) => setImmediate(wait));
    }
    assert.match(JSON.stringify((await server.answered(2)).result), /People's Bank of China/);
    server.child.kill();
  });

  test('the input closed without a shutdown request: the server exits with 1, at once', async () => {
    const server = startServer();
    server.child.stdin.end(INITIALIZE + INITIALIZED);
    const started = Date.now();
    assert.equal(await server.exited, 1);
    assert.ok(Date.now() - started < 10_000, 'exited within seconds of the end of its input');
  });
});
