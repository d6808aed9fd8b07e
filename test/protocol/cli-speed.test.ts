/**
 * `regtext check` prints each file's findings as soon as they are made, a file at a time, in the order of the paths
 * (issue 7): the output must not depend on which thread analysed a file nor on which finished first. One file is
 * analysed in the main thread, several by worker threads; the report of a folder is the reports of its files, in order.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './lspClient';

const CLI = resolve(REPO_ROOT, 'bin/regtext');
const ENGLISH_ENVIRONMENT = { ...process.env, LC_ALL: 'C', LC_MESSAGES: '', LANG: '' };

/** Drafting with banned terms and a numbering gap; no file cites another, so each file's findings are its own. */
function memo(index: number, paragraphs: number): string {
  const lines = [`Memo ${index}: wallet services`];
  for (let i = 1; i <= paragraphs; i++) {
    // A label skipped now and then (a numbering gap), a banned term in some paragraphs.
    if (i % 97 === 3) continue;
    const offer = i % 40 === 1 ? 'stablecoins or crypto-asset custody' : 'wallet top-ups or card payments';
    lines.push(`(${i}) Providers shall not offer ${offer} to clients who have not been identified (item ${index}.${i}).`);
  }
  return lines.join('\n');
}

function zhMemo(index: number): string {
  return [`关于钱包服务的说明（${index}）`, '一、不得开展稳定币兑换业务。', '三、不得为虚拟货币交易提供服务。'].join('\n');
}

let folder: string;
/** Absolute paths in the order the CLI walks them: names sorted. */
let paths: string[];

function check(format: string, ...targets: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', format, ...targets], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: ENGLISH_ENVIRONMENT, maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(result.error, undefined, `regtext check ${targets.join(' ')} ran`);
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'regtext-cli-speed-'));
  const files: [string, string][] = [
    // The first file is by far the largest: its worker finishes last, after the others are done.
    ['a-large.txt', memo(0, 4000)],
    ...Array.from({ length: 7 }, (_, i): [string, string] => [`b-${i}.txt`, i % 2 ? zhMemo(i) : memo(i + 1, 9)]),
  ];
  paths = files.map(([name, text]) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  });
});

after(() => rmSync(folder, { recursive: true, force: true }));

describe('regtext check prints a stable report, a file at a time', () => {
  test('a folder (worker threads) reports what each file alone (the main thread) reports, in the order of the paths', () => {
    const together = JSON.parse(check('json', folder).stdout) as { file: string }[];
    const alone = paths.flatMap((path) => JSON.parse(check('json', path).stdout) as { file: string }[]);
    assert.deepEqual(together.map((file) => file.file), paths);
    assert.deepEqual(together, alone);
  });

  test('the text report of a folder is the text reports of its files, one after another', () => {
    const together = check('text', folder).stdout;
    assert.ok(together.includes('[banned-term]') && together.includes('[numbering-gap]'), together.slice(0, 500));
    assert.equal(together, paths.map((path) => check('text', path).stdout).join(''));
  });

  test('runs agree byte for byte, and the JSON is the indented JSON of the whole report', () => {
    const first = check('json', folder);
    const second = check('json', folder);
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.stderr, first.stderr);
    assert.equal(first.stdout, `${JSON.stringify(JSON.parse(first.stdout), null, 2)}\n`);
  });

  test('the tally on stderr and the exit code count every finding printed', () => {
    const { status, stdout, stderr } = check('json', '--fail-on', 'warning', folder);
    const severities = (JSON.parse(stdout) as { diagnostics: { severity: string }[] }[]).flatMap((file) => file.diagnostics.map((d) => d.severity));
    const count = (severity: string) => severities.filter((found) => found === severity).length;
    assert.ok(count('warning') > 0);
    assert.match(stderr, new RegExp(`${paths.length} files checked; ${count('error')} errors?, ${count('warning')} warnings?, ${count('information')} information, ${count('hint')} hints?`));
    assert.equal(status, 1);
  });

  test('a file with more findings than one printed piece (4,096 lines) prints each once, in order, as the JSON has them', () => {
    const many = join(folder, '..', `regtext-many-findings-${process.pid}.txt`);
    // 9,999 repeated labels: a duplicate-number finding on every line but the first.
    writeFileSync(many, '(I) Providers shall report.\n'.repeat(10_000));
    try {
      const [file] = JSON.parse(check('json', many).stdout) as { diagnostics: { line: number; column: number; severity: string; message: string; code: string }[] }[];
      const expected = file!.diagnostics.map((d) => `${many}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]\n`).join('');
      assert.equal(file!.diagnostics.length, 9_999);
      assert.equal(check('text', many).stdout, expected);
    } finally {
      rmSync(many, { force: true });
    }
  });

  test('an empty folder is an empty JSON array, and nothing in text', () => {
    const empty = mkdtempSync(join(tmpdir(), 'regtext-cli-speed-empty-'));
    try {
      assert.equal(check('json', empty).stdout, '[]\n');
      assert.equal(check('text', empty).stdout, '');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
