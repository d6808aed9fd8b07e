/**
 * The command line (`bin/regtext`): exit codes, the three output formats, `annotate`, and the promise that
 * `regtext check` reports exactly what the language server publishes for the same text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LspClient, REPO_ROOT } from './lspClient';

const CLI = resolve(REPO_ROOT, 'bin/regtext');

/** Text no sample contains: an English notice with a style switch, a broken reference and banned terms. */
const ENGLISH = [
  'Notice of the PBOC on Wallet Services (Yinfa [2026] No. 301)',
  '(I) Scope. Providers shall not offer stablecoins or crypto-asset custody.',
  '(II) Review. The CSRC shall review Clause (I) and Clause (IV).',
  '(3) Reports. Reports on virtual',
  'currency activity are due quarterly; see "Notice on the Rectification of Virtual Currency Mining Activities".',
].join('\n');

/** A Chinese regulation with CRLF line ends, a gap and a duplicate. */
const CHINESE = [
  '第一条　为规范钱包服务，制定本办法。',
  '第二条　本办法所称钱包，是指记载预付价值的账户。',
  '第四条　名称中不得含有稳定币字样；违反本办法第二条第一款的，由人民银行处理。',
  '第四条　本办法自发布之日起施行。',
].join('\r\n');

let directory: string;
let englishPath: string;
let chinesePath: string;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  directory = mkdtempSync(join(tmpdir(), 'regtext-cli-'));
  englishPath = join(directory, 'wallet.notice');
  chinesePath = join(directory, 'wallet-zh.txt');
  writeFileSync(englishPath, ENGLISH);
  writeFileSync(chinesePath, CHINESE);
});
after(() => rmSync(directory, { recursive: true, force: true }));

describe('regtext check', () => {
  test('text format: file:line:col: severity: message [code], 1-based, exit 0 without errors', () => {
    const { status, stdout } = run('check', englishPath);
    assert.equal(status, 0);
    const stablecoins = column(ENGLISH, 2, 'stablecoins');
    assert.match(stdout, new RegExp(`^${escape(englishPath)}:2:${stablecoins}: warning: "stablecoins" is a banned term.*\\[banned-term\\]$`, 'm'));
    const broken = column(ENGLISH, 3, 'Clause (IV)');
    assert.match(stdout, new RegExp(`:3:${broken}: warning: "Clause \\(IV\\)" points to no clause of this document\\. \\[unresolved-reference\\]$`, 'm'));
    assert.match(stdout, /:4:1: information: .*expected \(III\), found \(3\)\. \[numbering-style\]$/m);
    assert.match(stdout, /"virtual currency" is a banned term/, 'a term broken across a line is one term');
  });

  test('--fail-on warning turns warnings into exit 1', () => {
    assert.equal(run('check', '--fail-on', 'warning', englishPath).status, 1);
  });

  test('a directory is searched for text files', () => {
    const { status, stderr } = run('check', directory);
    assert.equal(status, 0);
    assert.match(stderr, /2 files checked/);
  });

  test('bad usage and unreadable paths exit 2 with a clear message', () => {
    const missing = run('check', join(directory, 'missing.notice'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Cannot read .*missing\.notice/);
    assert.equal(run('check', '--format', 'xml', englishPath).status, 2);
    assert.equal(run('check').status, 2);
    assert.equal(run('frobnicate').status, 2);
  });

  test('SARIF 2.1.0 with rules, levels and UTF-16 columns', () => {
    const sarif = JSON.parse(run('check', '--format', 'sarif', chinesePath).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'banned-term'));
    const banned = run0.results.find((result: { ruleId: string }) => result.ruleId === 'banned-term');
    assert.equal(banned.level, 'warning');
    const start = column(CHINESE, 3, '稳定币');
    assert.deepEqual(banned.locations[0].physicalLocation.region, { startLine: 3, startColumn: start, endLine: 3, endColumn: start + 3 });
    const codes = run0.results.map((result: { ruleId: string }) => result.ruleId).sort();
    assert.deepEqual(codes, ['banned-term', 'numbering-duplicate', 'numbering-gap']);
  });
});

describe('regtext annotate', () => {
  test('JSON: every entity with kind, text, LSP range and key, and the clause tree', () => {
    const { status, stdout } = run('annotate', '--format', 'json', englishPath);
    assert.equal(status, 0);
    const annotation = JSON.parse(stdout);
    const notice = annotation.entities.find((entity: { kind: string }) => entity.kind === 'noticeNumber');
    assert.deepEqual(
      { text: notice.text, key: notice.key, range: notice.range },
      { text: 'Yinfa [2026] No. 301', key: '银发〔2026〕301号', range: { start: { line: 0, character: 39 }, end: { line: 0, character: 59 } } },
    );
    assert.equal(
      ENGLISH.split('\n')[0]!.slice(notice.range.start.character, notice.range.end.character), 'Yinfa [2026] No. 301',
    );
    assert.ok(annotation.entities.some((entity: { kind: string; key: string }) => entity.kind === 'agency' && entity.key === 'csrc'));
    assert.deepEqual(annotation.clauses.map((clause: { name: string }) => clause.name), ['(I) Scope', '(II) Review', '(3) Reports']);
  });
});

describe('the CLI and the server agree', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.shutdown(); });

  for (const [name, text, path] of [['English', ENGLISH, () => englishPath], ['Chinese, CRLF', CHINESE, () => chinesePath]] as const) {
    test(`${name}: same diagnostics, same ranges`, async () => {
      const { diagnostics } = await client.open(text);
      const fromServer = diagnostics.map((diagnostic) => `${diagnostic.code} ${JSON.stringify(diagnostic.range)} ${diagnostic.message}`).sort();
      const [file] = JSON.parse(run('check', '--format', 'json', path()).stdout);
      const fromCli = file.diagnostics.map((diagnostic: { code: string; range: unknown; message: string }) =>
        `${diagnostic.code} ${JSON.stringify(diagnostic.range)} ${diagnostic.message}`).sort();
      assert.ok(fromServer.length > 0);
      assert.deepEqual(fromCli, fromServer);
    });
  }
});

/** The 1-based column (UTF-16 code units) of `needle` on 1-based line `line` of `text`. */
function column(text: string, line: number, needle: string): number {
  const index = text.split(/\r?\n/)[line - 1]!.indexOf(needle);
  assert.ok(index >= 0, `${needle} is on line ${line}`);
  return index + 1;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
