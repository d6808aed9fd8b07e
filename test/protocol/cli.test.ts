/**
 * The command line (`bin/regtext`): exit codes, the three output formats, `annotate`, and the promise that
 * `regtext check` reports exactly what the language server publishes for the same text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import type * as esbuild from 'esbuild';
import { LspClient, REPO_ROOT } from './lspClient';

const CLI = resolve(REPO_ROOT, 'bin/regtext');

/** Text no sample contains: an English memo (drafting, so banned terms are reported) with a style switch, a broken reference and banned terms. */
const ENGLISH = [
  'Our memo: the PBOC on Wallet Services (Yinfa [2026] No. 301)',
  '(I) Scope. Providers shall not offer stablecoins or crypto-asset custody.',
  '(II) Review. The CSRC shall review Clause (I) and Clause (IV).',
  '(3) Reports. Reports on virtual',
  'currency activity are due quarterly; see "Notice on the Rectification of Virtual Currency Mining Activities".',
].join('\n');

/** A Chinese regulation with CRLF line ends, a gap and a duplicate. */
const CHINESE = [
  '第一条　为规范钱包服务，制定本办法。',
  '第二条　本办法所称钱包，是指记载预付价值的账户。',
  '第四条　不得开展稳定币兑换业务；违反本办法第二条第一款的，由人民银行处理。',
  '第四条　本办法自发布之日起施行。',
].join('\r\n');

let directory: string;
let englishPath: string;
let chinesePath: string;

/** In English whatever the machine's locale: messages follow LC_ALL, LC_MESSAGES and LANG (locale.test.ts). */
const ENGLISH_ENVIRONMENT = { ...process.env, LC_ALL: 'C', LC_MESSAGES: '', LANG: '' };

function run(...args: string[]) {
  return runWith({ env: ENGLISH_ENVIRONMENT }, CLI, ...args);
}

/** Runs a CLI script; bounded, so that a read that blocks (a FIFO) fails the test instead of hanging it. */
function runWith(options: SpawnSyncOptions & { node?: string[] }, script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [...options.node ?? [], script, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000, ...options });
  assert.equal(result.error, undefined, `regtext ${args.join(' ')} ran`);
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
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
    assert.equal(missing.stderr, `regtext: cannot read ${join(directory, 'missing.notice')}: no such file or directory\n`);
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

// ---------------------------------------------------------------------------------------------------------------
// Paths, encodings, size limits, internal errors, SARIF locations, the version, and the extension's restarts.

/** Root reads any file whatever its mode: permission cases run the CLI as nobody, or they would test nothing. */
const UNPRIVILEGED: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
/** Why the path tests cannot run here, if they cannot: as nobody, the CLI must be readable (not so under a private home). */
const PATH_TESTS_SKIP: string | false = process.platform === 'win32' ? 'needs FIFOs and file modes'
  : spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, 4)`], UNPRIVILEGED).status === 0 ? false
    : `the checkout is not readable by the unprivileged user (uid 65534) the permission cases run as`;
const MB = 1024 * 1024;

/** A scratch directory that the unprivileged user can enter, and the paths made unreadable in it. */
let scratch: string;
const locked: string[] = [];
before(() => {
  scratch = realpathSync(mkdtempSync(join(tmpdir(), 'regtext-cli-scratch-')));
  chmodSync(scratch, 0o755);
});
after(() => {
  for (const path of locked) chmodSync(path, 0o755);
  rmSync(scratch, { recursive: true, force: true });
});

type Maker = (path: string) => void;
const text = (content: string | Uint8Array): Maker => (path) => writeFileSync(path, content);
const directoryMaker: Maker = (path) => mkdirSync(path);
const unreadableFile: Maker = (path) => lock(path, () => writeFileSync(path, '稳定币'));
const unreadableDirectory: Maker = (path) => lock(path, () => { mkdirSync(path); writeFileSync(join(path, 'inside.txt'), '稳定币'); });
const danglingLink: Maker = (path) => symlinkSync('no-such-target', path);
const selfLink: Maker = (path) => symlinkSync(basename(path), path);
const fifo: Maker = (path) => assert.equal(spawnSync('mkfifo', [path]).status, 0, 'mkfifo');
const link = (target: string): Maker => (path) => symlinkSync(target, path);

function lock(path: string, make: () => void): void {
  make();
  chmodSync(path, 0);
  locked.push(path);
}

function makeTree(root: string, entries: readonly { entry: string; make?: Maker }[]): void {
  mkdirSync(root, { mode: 0o755 });
  for (const { entry, make } of entries) make?.(join(root, entry));
}

const EXPLICIT_PATHS: { entry: string; make?: Maker; reason: string; commands?: string[] }[] = [
  { entry: 'missing.txt', reason: 'no such file or directory' },
  { entry: 'unreadable.txt', make: unreadableFile, reason: 'permission denied' },
  { entry: 'unreadable-dir', make: unreadableDirectory, reason: 'permission denied', commands: ['check'] },
  { entry: 'dangling.txt', make: danglingLink, reason: 'broken symbolic link: no such file or directory' },
  { entry: 'loop.txt', make: selfLink, reason: 'broken symbolic link: too many symbolic links encountered' },
  { entry: 'pipe.txt', make: fifo, reason: 'not a regular file' },
];

describe('a path named on the command line that cannot be read: exit 2 with the real reason', { skip: PATH_TESTS_SKIP }, () => {
  let root: string;
  before(() => makeTree(root = join(scratch, 'explicit'), EXPLICIT_PATHS));

  for (const { entry, reason, commands = ['check', 'annotate'] } of EXPLICIT_PATHS) {
    for (const command of commands) {
      test(`${command} ${entry}: ${reason}`, () => {
        const path = join(root, entry);
        const { status, stderr } = runWith(UNPRIVILEGED, CLI, command, path);
        assert.deepEqual({ status, stderr }, { status: 2, stderr: `regtext: cannot read ${path}: ${reason}\n` });
      });
    }
  }
});

/** One directory: what is checked, and the warning for each entry that is skipped (ROOT stands for the directory). */
const TREE: { entry: string; make: Maker; checked?: true; skipped?: string }[] = [
  { entry: 'a.txt', make: text('不得开展稳定币兑换业务。'), checked: true },
  { entry: 'unreadable.txt', make: unreadableFile, skipped: 'permission denied' },
  { entry: 'unreadable-dir', make: unreadableDirectory, skipped: 'permission denied' },
  { entry: 'dangling.txt', make: danglingLink, skipped: 'broken symbolic link: no such file or directory' },
  { entry: 'loop.txt', make: selfLink, skipped: 'broken symbolic link: too many symbolic links encountered' },
  { entry: 'pipe.txt', make: fifo, skipped: 'not a regular file' },
  { entry: 'sub', make: directoryMaker },
  { entry: 'sub/b.md', make: text('Providers shall not offer stablecoins.'), checked: true },
  { entry: 'sub/up', make: link('..'), skipped: 'already checked as ROOT' },
  { entry: 'z-sub-again', make: link('sub'), skipped: 'already checked as ROOT/sub' },
];

describe('below a directory, what cannot be read is skipped with a warning and the rest is checked', { skip: PATH_TESTS_SKIP }, () => {
  let root: string;
  let result: ReturnType<typeof run>;
  before(() => {
    makeTree(root = join(scratch, 'tree'), TREE);
    result = runWith(UNPRIVILEGED, CLI, 'check', '--fail-on', 'warning', root);
  });

  test('the run goes on to the end: exit 1 for the findings of the files it could read', () => {
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, new RegExp(`checked; 0 errors, ${TREE.filter((entry) => entry.checked).length} warnings?`));
  });
  for (const { entry, checked, skipped } of TREE) {
    test(`${entry}: ${skipped ? `skipped, ${skipped}` : checked ? 'checked' : 'walked'}`, () => {
      const path = join(root, entry);
      const warning = skipped && `regtext: skipping ${path}: ${skipped.replace('ROOT', root)}`;
      assert.equal(result.stderr.split('\n').filter((line) => line.startsWith(`regtext: skipping ${path}:`)).join('\n'), warning || '');
      assert.equal(result.stdout.split('\n').some((line) => line.startsWith(`${path}:`)), checked === true);
    });
  }
});

const NOT_UTF8 = /^Not analysed: not valid UTF-8 text \(is it GBK\/GB18030\? convert it to UTF-8\)\.$/;
const TOO_LARGE = /^Not analysed: the file has [\d.]+ MB, more than the limit of [\d.]+ MB \(--max-file-size-mb\)\.$/;
/** 第一条稳定币 in GBK: decoded as UTF-8 it would be mojibake (and no banned term). */
const GBK = Uint8Array.of(0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5, 0xce, 0xc8, 0xb6, 0xa8, 0xb1, 0xd2);
const LARGE = '稳定币\n' + 'x'.repeat(1.5 * MB);

/** Files that are not analysed, or only just are: each gives `expected` (code line:column severity) in every format. */
const CONTENTS: { name: string; make: Maker; args?: string[]; expected: string[]; message?: RegExp }[] = [
  { name: 'GBK', make: text(GBK), expected: ['not-analysed 1:1 information'], message: NOT_UTF8 },
  { name: 'Latin-1', make: text(Buffer.from('Caf\u00e9 stablecoin', 'latin1')), expected: ['not-analysed 1:1 information'], message: NOT_UTF8 },
  { name: 'UTF-16 with BOM', make: text(Buffer.from('\uFEFF稳定币', 'utf16le')), expected: ['not-analysed 1:1 information'], message: NOT_UTF8 },
  { name: 'UTF-8 with BOM (columns do not count it)', make: text(Buffer.from('\uFEFF稳定币', 'utf8')), expected: ['banned-term 1:1 warning'] },
  // Sparse: reading it whole would fail (over 2 GiB) or take seconds; it must be declined from its size alone.
  { name: '3 GiB, over the default limit', make: (path) => { writeFileSync(path, ''); truncateSync(path, 3 * 1024 * MB); }, expected: ['not-analysed 1:1 information'], message: TOO_LARGE },
  { name: '1.5 MB, over --max-file-size-mb 1', make: text(LARGE), args: ['--max-file-size-mb', '1'], expected: ['not-analysed 1:1 information'], message: TOO_LARGE },
  { name: '1.5 MB, under --max-file-size-mb=2', make: text(LARGE), args: ['--max-file-size-mb=2'], expected: ['banned-term 1:1 warning'] },
];

interface Finding { code: string; line: number; column: number; severity: string; message: string }

/** The findings of `regtext check` in any format, as one shape (SARIF's note is information). */
const PARSERS: Record<string, (stdout: string) => Finding[]> = {
  text: (stdout) => stdout.split('\n').filter(Boolean).map((line) => {
    const [, lineNumber, column, severity, message, code] = /^.*?:(\d+):(\d+): (\w+): (.*) \[([\w-]+)\]$/.exec(line) ?? assert.fail(line);
    return { code: code!, line: Number(lineNumber), column: Number(column), severity: severity!, message: message! };
  }),
  json: (stdout) => JSON.parse(stdout).flatMap((file: { diagnostics: Finding[] }) =>
    file.diagnostics.map(({ code, line, column, severity, message }) => ({ code, line, column, severity, message }))),
  sarif: (stdout) => JSON.parse(stdout).runs[0].results.map((result: SarifResult) => ({
    code: result.ruleId, line: result.locations[0]!.physicalLocation.region.startLine,
    column: result.locations[0]!.physicalLocation.region.startColumn,
    severity: result.level === 'note' ? 'information' : result.level, message: result.message.text,
  })),
};

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
}

describe('encodings and sizes: a file that cannot be analysed gets one not-analysed problem at 1:1', () => {
  let root: string;
  before(() => makeTree(root = join(scratch, 'contents'), CONTENTS.map(({ name, make }) => ({ entry: `${name}.txt`, make }))));

  for (const { name, args = [], expected, message } of CONTENTS) {
    for (const format of Object.keys(PARSERS)) {
      test(`${name}, ${format}: ${expected.join(', ')}`, () => {
        const { status, stdout, stderr } = runWith({}, CLI, 'check', '--format', format, ...args, join(root, `${name}.txt`));
        assert.equal(status, 0, stderr);
        const findings = PARSERS[format]!(stdout);
        assert.deepEqual(findings.map((finding) => `${finding.code} ${finding.line}:${finding.column} ${finding.severity}`), expected);
        if (message) assert.match(findings[0]!.message, message);
      });
    }
  }

  for (const value of ['0', '-1', 'abc', 'Infinity', '']) {
    test(`--max-file-size-mb=${value} is bad usage`, () => {
      const { status, stderr } = run('check', `--max-file-size-mb=${value}`, englishPath);
      assert.equal(status, 2);
      assert.match(stderr, /^regtext: --max-file-size-mb must be a positive number\./);
    });
  }
});

/** Faults injected with `node -r`: each must be exit 2 with "internal error", never 1 (findings). */
const FAULTS: { name: string; preload: string; args: () => string[]; readOnlyStdout?: true; expected: RegExp }[] = [
  {
    name: 'a bug while decoding', preload: 'TextDecoder.prototype.decode = () => { throw new TypeError("injected bug"); };',
    args: () => ['check', englishPath], expected: /^regtext: internal error: TypeError: injected bug$/m,
  },
  {
    name: 'a bug while walking a directory', preload: 'require("node:fs").readdirSync = () => { throw new RangeError("injected bug"); };',
    args: () => ['check', directory], expected: /^regtext: internal error: RangeError: injected bug$/m,
  },
  {
    name: 'stdout that cannot be written', preload: '', readOnlyStdout: true,
    args: () => ['check', englishPath], expected: /^regtext: internal error: Error: EBADF: bad file descriptor, write$/m,
  },
];

describe('internal errors: exit 2 and "regtext: internal error: …", never exit 1', () => {
  for (const { name, preload, args, readOnlyStdout, expected } of FAULTS) {
    test(name, () => {
      const preloadPath = join(scratch, `preload-${name.replace(/\W+/g, '-')}.js`);
      writeFileSync(preloadPath, preload);
      const stdout = readOnlyStdout ? openSync(englishPath, 'r') : 'pipe';
      try {
        const { status, stderr } = runWith({ node: ['-r', preloadPath], stdio: ['ignore', stdout, 'pipe'] }, CLI, ...args());
        assert.equal(status, 2, stderr);
        assert.match(stderr, expected);
      } finally {
        if (typeof stdout === 'number') closeSync(stdout);
      }
    });
  }
});

/** Commands whose output is far larger than a pipe buffer, read by a reader that stops after the first chunk. */
const EARLY_READERS: string[][] = [['annotate', '--format', 'text'], ['annotate', '--format', 'json'], ['check', '--format', 'json']];

describe('a reader that stops early (regtext … | head -1): a quiet exit', () => {
  let path: string;
  before(() => {
    path = join(scratch, 'long.notice');
    writeFileSync(path, Array.from({ length: 5000 }, (_, i) => `(${i + 1}) The PBOC shall not offer stablecoins; see Clause (I).`).join('\n'));
  });

  for (const args of EARLY_READERS) {
    test(args.join(' '), async () => {
      const child = spawn(process.execPath, [CLI, ...args, path], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise((resolve) => child.on('close', resolve));
      assert.equal(status, 0, stderr);
      assert.deepEqual(stderr.split('\n').filter((line) => line && !/^regtext: 1 file checked;/.test(line)), []);
    });
  }
});

/** Files with names that need percent-encoding in a URI; `inside` the working directory or not. */
const SARIF_FILES: { path: string; inside: boolean }[] = [
  { path: 'plain.txt', inside: true },
  { path: 'with space.txt', inside: true },
  { path: 'hash #1.txt', inside: true },
  { path: 'percent %41.txt', inside: true },
  { path: 'question?.txt', inside: true },
  { path: '中文 名称.txt', inside: true },
  { path: 'sub dir/colon:a.txt', inside: true },
  { path: '../outside/x #2.txt', inside: false },
];

/** RFC 3986 URI-reference characters, one fragment at most; and WHATWG URL must parse it. */
function isUriReference(uri: string): boolean {
  if (!/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/.test(uri)) return false;
  try {
    return new URL(uri, 'file:///base/') instanceof URL;
  } catch {
    return false;
  }
}

describe('SARIF: valid against the 2.1.0 schema, and every artifact URI resolves to its file', () => {
  let cwd: string;
  let sarif: { runs: [{ results: SarifResult[]; originalUriBaseIds: Record<string, { uri: string }> }] };
  before(() => {
    cwd = join(scratch, 'sarif', 'cwd');
    for (const { path } of SARIF_FILES) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true });
      writeFileSync(join(cwd, path), '不得开展稳定币兑换业务。');
    }
    const absoluteOutside = SARIF_FILES.map(({ path, inside }) => inside ? path : join(cwd, path));
    sarif = JSON.parse(runWith({ cwd }, CLI, 'check', '--format', 'sarif', ...absoluteOutside).stdout);
  });

  test('the document validates against test/protocol/fixtures/sarif-2.1.0-subset.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test/protocol/fixtures/sarif-2.1.0-subset.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true })
      .addFormat('uri-reference', isUriReference)
      .addFormat('uri', (uri: string) => isUriReference(uri) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri));
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), ajv.errorsText(validate.errors, { separator: '\n' }));
  });

  for (const { path, inside } of SARIF_FILES) {
    test(`${path}: ${inside ? 'relative to %SRCROOT%' : 'an absolute file: URI'}`, () => {
      const [run0] = sarif.runs;
      const locations = run0.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);
      const resolved = locations.filter(({ uri, uriBaseId }) =>
        fileURLToPath(new URL(uri, uriBaseId === undefined ? undefined : run0.originalUriBaseIds[uriBaseId]!.uri)) === join(cwd, path));
      assert.equal(resolved.length, 1, `one result resolves to ${path}: ${JSON.stringify(locations)}`);
      assert.equal(resolved[0]!.uriBaseId, inside ? '%SRCROOT%' : undefined);
    });
  }
});

/** esbuild from the checkout (not bundled into this test: it finds its binary at run time). */
function bundler(): typeof esbuild {
  return createRequire(join(REPO_ROOT, 'package.json'))('esbuild');
}

/** The plugin esbuild.mjs builds the configuration's validators with (scripts/configValidators.mjs). */
async function configValidators(): Promise<esbuild.Plugin> {
  const script = pathToFileURL(join(REPO_ROOT, 'scripts/configValidators.mjs')).href;
  const { configValidatorsPlugin } = await import(script) as { configValidatorsPlugin: (root: string) => esbuild.Plugin };
  return configValidatorsPlugin(REPO_ROOT);
}

/** bin/regtext, and the CLI built against a package.json with another version: SARIF reports each one's version. */
const VERSIONS: { name: string; cli: () => Promise<string>; version: () => string }[] = [
  { name: 'bin/regtext', cli: async () => CLI, version: () => JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version },
  { name: 'a build whose package.json says 9.8.7-test', cli: () => buildCli('9.8.7-test'), version: () => '9.8.7-test' },
];

async function buildCli(version: string): Promise<string> {
  const outfile = join(scratch, `cli-${version}.js`);
  const packageJson = realpathSync(join(REPO_ROOT, 'package.json')); // as esbuild names it
  await bundler().build({
    entryPoints: [join(REPO_ROOT, 'server/src/cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent',
    plugins: [{
      name: 'package-version',
      setup: (build) => build.onLoad({ filter: /package\.json$/ }, (args) =>
        args.path === packageJson ? { contents: JSON.stringify({ version }), loader: 'json' } : undefined),
    }, await configValidators()],
  });
  return outfile;
}

describe('the version comes from package.json', () => {
  for (const { name, cli, version } of VERSIONS) {
    test(name, async () => {
      const { stdout } = runWith({}, await cli(), 'check', '--format', 'sarif', englishPath);
      assert.equal(JSON.parse(stdout).runs[0].tool.driver.version, version());
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// The extension's restarts, with fake `vscode` and `vscode-languageclient/node` modules.

type ClientState = 'created' | 'starting' | 'running' | 'stopping' | 'stopped' | 'stop failed';
const ALIVE: ClientState[] = ['starting', 'running', 'stopping'];

/** What the extension did: the state of every client it created, what it logged, and the most alive at once. */
class FakeHost {
  readonly clients: ClientState[] = [];
  readonly errors: string[] = [];
  mostAlive = 0;
  readonly commands = new Map<string, () => Promise<void>>();
  readonly configurationListeners: ((event: { affectsConfiguration(section: string): boolean }) => void)[] = [];

  constructor(readonly failingStops: number[]) {}

  set(id: number, state: ClientState): void {
    this.clients[id] = state;
    this.mostAlive = Math.max(this.mostAlive, this.clients.filter((candidate) => ALIVE.includes(candidate)).length);
  }

  restart(): Promise<void> {
    return this.commands.get('regtext.restartServer')!();
  }

  changeSetting(section: string): void {
    for (const listener of this.configurationListeners) listener({ affectsConfiguration: (affected) => affected === section });
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function fakeModules(host: FakeHost): Record<string, unknown> {
  class LanguageClient {
    readonly id = host.clients.push('created') - 1;
    async start() {
      host.set(this.id, 'starting');
      await nextTurn();
      host.set(this.id, 'running');
    }
    async stop() {
      host.set(this.id, 'stopping');
      await nextTurn();
      if (host.failingStops.includes(this.id)) {
        host.set(this.id, 'stop failed');
        throw new Error(`client ${this.id}: stop failed`);
      }
      host.set(this.id, 'stopped');
    }
  }
  const disposable = { dispose: () => undefined };
  return {
    'vscode-languageclient/node': { LanguageClient, TransportKind: { ipc: 1 } },
    vscode: {
      window: { createOutputChannel: () => ({ error: (message: unknown) => host.errors.push(String(message)), show: () => undefined }) },
      workspace: {
        getConfiguration: () => ({ get: () => undefined }),
        onDidChangeConfiguration: (listener: FakeHost['configurationListeners'][number]) => (host.configurationListeners.push(listener), disposable),
        isTrusted: true,
        onDidGrantWorkspaceTrust: () => disposable,
      },
      commands: { registerCommand: (id: string, handler: () => Promise<void>) => (host.commands.set(id, handler), disposable) },
      // vscode.l10n.t with no bundle: the English message, its {0} placeholders filled.
      l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)])) },
    },
  };
}

interface Extension {
  activate(context: unknown): Promise<void>;
  deactivate(): Promise<void>;
}

let extensionCode: Promise<string> | undefined;

/** A fresh instance of client/src/extension.ts (its module state included) over the fake modules. */
async function loadExtension(fakes: Record<string, unknown>): Promise<Extension> {
  extensionCode ??= bundler().build({
    entryPoints: [join(REPO_ROOT, 'client/src/extension.ts')], bundle: true, platform: 'node', format: 'cjs', write: false,
    external: Object.keys(fakes), logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  const module = { exports: {} as Extension };
  const requireHere = createRequire(__filename);
  new Function('module', 'exports', 'require', await extensionCode)(module, module.exports, (id: string) => fakes[id] ?? requireHere(id));
  return module.exports;
}

const RESTARTS: { name: string; failingStops?: number[]; act: (host: FakeHost, extension: Extension) => Promise<unknown>; clients: ClientState[]; errors?: RegExp }[] = [
  { name: 'two quick restarts', act: (host) => Promise.all([host.restart(), host.restart()]), clients: ['stopped', 'stopped', 'running'] },
  {
    name: 'a change of regtext.languages and a restart at once',
    act: (host) => { host.changeSetting('regtext.languages'); return host.restart(); }, clients: ['stopped', 'stopped', 'running'],
  },
  {
    name: 'a change of another setting does not restart',
    act: (host) => { host.changeSetting('regtext.trace.server'); return host.restart(); }, clients: ['stopped', 'running'],
  },
  { name: 'deactivation during a restart', act: (host, extension) => Promise.all([host.restart(), extension.deactivate()]), clients: ['stopped', 'stopped'] },
  { name: 'a stop that fails', failingStops: [0], act: (host) => host.restart(), clients: ['stop failed', 'running'], errors: /client 0: stop failed/ },
];

describe('the extension: starts, stops and restarts run one at a time', () => {
  for (const { name, failingStops = [], act, clients, errors } of RESTARTS) {
    test(`${name}: ${clients.join(', ')}`, async () => {
      const host = new FakeHost(failingStops);
      const extension = await loadExtension(fakeModules(host));
      await extension.activate({ subscriptions: [], asAbsolutePath: (path: string) => path });
      await act(host, extension);
      assert.deepEqual(host.clients, clients);
      assert.equal(host.mostAlive, 1, 'never two servers at once');
      if (errors) assert.match(host.errors.join('\n'), errors);
      else assert.deepEqual(host.errors, []);
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

describe('the workspace configuration in the CLI (what the editor reads)', () => {
  const LIST = {
    id: 'acme-marketing', name: 'Words ACME marketing avoids', source: { notice: 'ACME policy 7', clause: '3' }, severity: 'error',
    reason: 'Promises of returns mislead investors.', terms: [{ id: 'guaranteed-return', en: ['guaranteed return'], zh: ['保本保收益'] }],
  };
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'regtext-cli-config-'));
    mkdirSync(join(folder, '.regtext'));
    mkdirSync(join(folder, 'drafts'));
    writeFileSync(join(folder, '.regtext', 'config.json'), `{\n  // ours\n  "termLists": [${JSON.stringify(LIST)}],\n  "rules": { "numbering-gap": "off" }\n}\n`);
    writeFileSync(join(folder, 'drafts', 'fund.txt'), 'A guaranteed return.\n(1) One.\n(3) Three.\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('check finds the configuration above the path checked: its list and its rules', () => {
    const result = run('check', '--format', 'json', join(folder, 'drafts'));
    assert.equal(result.status, 1, result.stderr);
    const files = JSON.parse(result.stdout) as { diagnostics: { code: string; severity: string; message: string }[] }[];
    const diagnostics = files.flatMap((file) => file.diagnostics);
    assert.deepEqual(diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`), ['error banned-term'], 'the gap is off');
    assert.match(diagnostics[0]!.message, /Words ACME marketing avoids/);
  });

  test('--config names another configuration; a broken one ends the run with exit 2 and the place of each problem', () => {
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{\n  "rules": { "banned-term": "loud" }\n}\n');
    const result = run('check', '--config', broken, join(folder, 'drafts'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /broken\.json:2:29: rules\.banned-term must be one of "error", "warning", "information", "hint", "off"\./);
    assert.equal(result.stdout, '');
  });

  test('init writes a commented starting configuration that is valid as it stands, and never overwrites one', () => {
    const fresh = join(folder, 'fresh');
    mkdirSync(fresh);
    const written = run('init', fresh);
    assert.equal(written.status, 0, written.stderr);
    const text = readFileSync(join(fresh, '.regtext', 'config.json'), 'utf8');
    assert.match(text, /^\/\/ regtext workspace configuration/);
    writeFileSync(join(fresh, 'memo.txt'), 'The PBOC and stablecoin.\n');
    assert.equal(run('check', join(fresh, 'memo.txt')).status, 0, 'the starting configuration is read without problems');
    const again = run('init', fresh);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists/);
  });
});

test('check honours suppression comments as the editor does, and reports one that silences nothing as a hint', () => {
  const path = join(directory, 'silenced.txt');
  writeFileSync(path, '// regtext-disable-next-line banned-term\nScope: stablecoin issuance.\n// regtext-disable-next-line numbering-gap\nPlain text.\n');
  const result = run('check', '--format', 'json', '--fail-on', 'warning', path);
  assert.equal(result.status, 0, result.stdout);
  const [file] = JSON.parse(result.stdout) as { diagnostics: { line: number; severity: string; code: string }[] }[];
  assert.deepEqual(file!.diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.severity} ${diagnostic.code}`), ['3 hint unused-suppression']);
});
