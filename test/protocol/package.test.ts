/**
 * Installable outside VS Code: `npm pack` yields a package of only the CLI, the language server and the schemas, and
 * `npm install -g` of it (no network: it has no dependencies, everything is bundled) gives working `regtext` and
 * `regtext-language-server` commands.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, REPO_ROOT } from './lspClient';

let scratch: string;
let prefix: string;
let files: string[];

function npm(...args: string[]) {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `npm ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'regtext-pack-'));
  prefix = join(scratch, 'global');
  // The bundles are those the test run built; `npm pack` proper builds them for production first (prepack).
  const [packed] = JSON.parse(npm('pack', '--ignore-scripts', '--json', '--pack-destination', scratch)) as { filename: string; files: { path: string }[] }[];
  files = packed!.files.map((file) => file.path).sort();
  npm('install', '--global', '--offline', '--prefix', prefix, join(scratch, packed!.filename));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('the package holds the commands, their bundles and the schemas, nothing else', () => {
  assert.deepEqual(files.filter((path) => !/^(?:README|CHANGELOG)\.md$|^LICENSE$|^package\.json$/.test(path)), [
    'bin/regtext', 'bin/regtext-language-server', 'dist/analysisWorker.js', 'dist/cli.js', 'dist/messageReaderWorker.js', 'dist/server.js',
    'server/src/knowledge/schema/agencies.schema.json', 'server/src/knowledge/schema/banned-terms.schema.json',
    'server/src/knowledge/schema/config.schema.json', 'server/src/knowledge/schema/glossary.schema.json', 'server/src/knowledge/schema/issuer-codes.schema.json',
    'server/src/knowledge/schema/notices.schema.json',
  ]);
});

test('installed globally: regtext checks the samples', () => {
  const result = spawnSync(join(prefix, 'bin', 'regtext'), ['check', join(REPO_ROOT, 'samples')], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /business-scope-draft\.txt:\d+:\d+: error: "稳定币" is a banned term/);
  assert.match(result.stderr, /regtext: 6 files checked/);
});

test('installed globally: regtext-language-server answers over stdio', async () => {
  const client = await LspClient.start({ serverArgs: [join(prefix, 'bin', 'regtext-language-server'), '--stdio'] });
  try {
    assert.equal(client.initializeResult?.serverInfo?.name, 'regtext-language-server');
    const opened = await client.open('Scope: stablecoin issuance.\n');
    assert.deepEqual(opened.diagnostics.map((diagnostic) => diagnostic.code), ['banned-term']);
  } finally {
    await client.shutdown();
  }
});
