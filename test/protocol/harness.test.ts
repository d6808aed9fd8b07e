/** The harness itself: fixture parsing, and that a server writing junk to stdout fails the tests loudly. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { formatRange, LspClient, parseFixture, REPO_ROOT } from './lspClient';

describe('parseFixture', () => {
  test('cursor and ranges in UTF-16 code units, CRLF as one line break', () => {
    const fixture = parseFixture('🚀 ⟦a$0b⟧\r\n中⟪文⟫');
    assert.equal(fixture.text, '🚀 ab\r\n中文');
    assert.deepEqual(fixture.cursor, { line: 0, character: 4 });
    assert.deepEqual(fixture.ranges.map(formatRange), ['0:3-0:5']);
    assert.deepEqual(fixture.declarations.map(formatRange), ['1:1-1:2']);
  });
});

/** A fake server: answers initialize, then writes what a stray console.log would write. */
const LEAKY_SERVER = `
let buffer = '';
const send = (message) => { const body = JSON.stringify(message); process.stdout.write('Content-Length: ' + Buffer.byteLength(body) + '\\r\\n\\r\\n' + body); };
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  for (;;) {
    const header = /Content-Length: (\\d+)\\r\\n\\r\\n/.exec(buffer);
    if (!header || buffer.length < header.index + header[0].length + Number(header[1])) return;
    const start = header.index + header[0].length;
    const message = JSON.parse(buffer.slice(start, start + Number(header[1])));
    buffer = buffer.slice(start + Number(header[1]));
    if (message.method === 'initialize') send({ jsonrpc: '2.0', id: message.id, result: { capabilities: {} } });
    if (message.method === 'initialized') process.stdout.write('debug: document opened\\n');
    if (message.method === 'shutdown') send({ jsonrpc: '2.0', id: message.id, result: null });
    if (message.method === 'exit') process.exit(0);
  }
});
`;

describe('stdout must carry only LSP messages', () => {
  test('junk before the first message makes start() fail loudly', async () => {
    await assert.rejects(
      LspClient.start({ serverArgs: ['-e', `process.stdout.write('Server starting...\\n'); setInterval(() => {}, 1000);`], timeoutMs: 5000 }),
      /PROTOCOL VIOLATION/,
    );
  });

  test('the real server with a stray stdout write (preloaded) fails loudly', async () => {
    const leak = `data:text/javascript,process.stdin.once('data', () => setImmediate(() => process.stdout.write('stray output\\n')));`;
    const started = await LspClient.start({ serverArgs: ['--import', leak, resolve(REPO_ROOT, 'bin/regtext-language-server'), '--stdio'], timeoutMs: 5000 })
      .catch((error: unknown) => error);
    if (started instanceof Error) assert.match(started.message, /PROTOCOL VIOLATION/);
    else await assert.rejects((started as LspClient).shutdown(), /PROTOCOL VIOLATION/);
  });

  test('junk after initialize makes the session fail loudly', async () => {
    const client = await LspClient.start({ serverArgs: ['-e', LEAKY_SERVER], timeoutMs: 5000 });
    await assert.rejects(client.shutdown(), /PROTOCOL VIOLATION/);
  });
});
