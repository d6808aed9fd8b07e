/**
 * `regtext align`: the three formats on a real pair of files, either order of the files, --out, and exit 2 with a
 * clear message on bad arguments.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './lspClient';

const CLI = resolve(REPO_ROOT, 'bin/regtext');
let directory: string;
let english: string;
let chinese: string;

before(() => {
  directory = mkdtempSync(join(tmpdir(), 'regtext-align-'));
  english = join(directory, 'notice-en.notice');
  chinese = join(directory, 'notice-zh.notice');
  copyFileSync(resolve(REPO_ROOT, 'samples/notice-en.notice'), english);
  copyFileSync(resolve(REPO_ROOT, 'samples/notice-zh.notice'), chinese);
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'align', ...args], { encoding: 'utf8', cwd: directory });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('json (the default): every clause pair with ranges in both files, and no finding on the faithful sample pair', () => {
  const { code, stdout, stderr } = run(english, chinese);
  assert.equal(code, 0, stderr);
  const json = JSON.parse(stdout);
  assert.equal(json.original.file, chinese);
  assert.equal(json.translation.file, english);
  const fifth = json.pairs.find((pair: { original: { clauses: string[] } }) => pair.original.clauses[0] === '（五）');
  assert.deepEqual(fifth.translation.clauses, ['(5)']);
  assert.equal(fifth.basis, 'number');
  assert.deepEqual(json.checks, []);
  assert.match(stderr, /26 clause pairs, 0 translation findings/);
});

test('either order: the Chinese file is the original', () => {
  assert.equal(run(chinese, english).stdout, run(english, chinese).stdout);
});

test('tsv: a header and one row per sentence pair (and per clause pair with --clauses)', () => {
  const sentences = run('--format', 'tsv', english, chinese).stdout.trimEnd().split('\n');
  const withClauses = run('--format=tsv', '--clauses', english, chinese).stdout.trimEnd().split('\n');
  assert.equal(sentences[0], 'level\toriginal_clause\ttranslation_clause\tconfidence\tbasis\toriginal\ttranslation');
  assert.equal(withClauses.length - sentences.length, 26);
  assert.ok(sentences.every((row) => row.split('\t').length === 7));
});

test('tmx to a file with --out: a TMX 1.4 document, nothing on stdout', () => {
  const out = join(directory, 'pair.tmx');
  const { code, stdout } = run('--format', 'tmx', '--out', out, english, chinese);
  assert.equal(code, 0);
  assert.equal(stdout, '');
  const tmx = readFileSync(out, 'utf8');
  assert.match(tmx, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<tmx version="1\.4">/);
  assert.match(tmx, /<tuv xml:lang="zh-CN"><seg>不得为虚拟货币相关业务活动提供服务。<\/seg><\/tuv>/);
});

test('a planted fault is reported in the JSON', () => {
  const wrong = join(directory, 'wrong-en.notice');
  writeFileSync(wrong, readFileSync(english, 'utf8').replace('(IX) ', '(IX) Within 30 days, '));
  const json = JSON.parse(run(wrong, chinese).stdout);
  assert.ok(json.checks.some((check: { code: string }) => check.code === 'translation-mismatch'), JSON.stringify(json.checks));
});

const badArguments: [string, string[], RegExp][] = [
  ['one file', ['ENGLISH'], /align needs two files/],
  ['three files', ['ENGLISH', 'CHINESE', 'CHINESE'], /align needs two files/],
  ['an unknown format', ['--format', 'xliff', 'ENGLISH', 'CHINESE'], /--format must be one of json, tsv, tmx/],
  ['an unknown option', ['--fast', 'ENGLISH', 'CHINESE'], /Unknown option --fast/],
  ['--out without a value', ['ENGLISH', 'CHINESE', '--out'], /--out needs a value/],
  ['two files in one language', ['ENGLISH', 'ENGLISH'], /both files are in English/],
  ['a file that does not exist', ['ENGLISH', 'missing.notice'], /cannot read missing\.notice/],
];

for (const [what, args, message] of badArguments) {
  test(`exit 2 on bad arguments: ${what}`, () => {
    const { code, stdout, stderr } = run(...args.map((arg) => (arg === 'ENGLISH' ? english : arg === 'CHINESE' ? chinese : arg)));
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, message);
  });
}
