#!/usr/bin/env node
// A second real LSP client: Debian's Neovim, headless, with test/editor/nvim/init.lua. Neovim starts
// `node bin/regtext-language-server --stdio` for filetype regtext/text/markdown, opens the samples, waits until the client
// is attached, sends hover and definition requests and writes the raw answers to JSON; this script checks them.
// Positions are computed here from the sample text (LSP lines and UTF-16 characters), never hard-coded, and one
// probe sits after Chinese text on its line, where UTF-16 and byte columns differ. The workspace is a copy of samples/
// with test/editor/fixtures/cross-file in it: a memo there is opened, the notice it cites is not, and definitions
// from the memo must land in the notice's file (asked again until the server has indexed the folder).
//
//   node test/editor/neovim.mjs [--timeout SECONDS]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NVIM, REPO, makeRunDir, removeRunDir, tail, until } from './code-server.mjs';

const args = process.argv.slice(2);
const timeoutIndex = args.indexOf('--timeout');
const timeoutMs = Number(timeoutIndex >= 0 ? args[timeoutIndex + 1] : process.env.REGTEXT_NVIM_TIMEOUT ?? '90') * 1000;
const CROSS_FILE = join(REPO, 'test', 'editor', 'fixtures', 'cross-file');

function serverCommand() {
  const bin = join(REPO, 'bin', 'regtext-language-server');
  if (existsSync(bin)) return [process.execPath, bin, '--stdio'];
  return [process.execPath, join(REPO, 'dist', 'server.js'), '--stdio'];
}

/** LSP position (0-based line, UTF-16 character) of `offset` in `text`. */
function lspPosition(text, offset) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: text.slice(0, offset).split('\n').length - 1, character: offset - lineStart };
}

/** Offset of the first occurrence of `needle` at or after `from` whose column is at least `minColumn`. */
function offsetOf(text, needle, file, { minColumn = 0, from = 0 } = {}) {
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (lspPosition(text, at).character >= minColumn) return at;
  }
  throw new Error(`${file} does not contain ${JSON.stringify(needle)}${minColumn ? ` at column >= ${minColumn}` : ''}`);
}

/** 0-based lines whose text starts (after ASCII or ideographic indentation) with `label`. */
function linesStartingWith(text, label) {
  return text.split('\n').flatMap((line, i) => (line.replace(/^[\s\u3000]+/, '').startsWith(label) ? [i] : []));
}

function hoverText(result) {
  if (!result || result === null) return '';
  const contents = result.contents;
  const one = (c) => (typeof c === 'string' ? c : c?.value ?? '');
  const text = Array.isArray(contents) ? contents.map(one).join('\n') : one(contents);
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1').replace(/[’‘]/g, "'");
}

function firstTarget(result) {
  const first = Array.isArray(result) ? result[0] : result;
  if (!first) return undefined;
  if (first.targetUri) return { uri: first.targetUri, range: first.targetSelectionRange ?? first.targetRange };
  return { uri: first.uri, range: first.range };
}

// ---------------------------------------------------------------------------------------------------------
// Probes and their checks

/** The workspace: a copy of samples/, and the cross-file fixtures in cross-file/. */
function makeWorkspace(runDir) {
  const root = join(runDir, 'samples');
  cpSync(join(REPO, 'samples'), root, { recursive: true });
  cpSync(CROSS_FILE, join(root, 'cross-file'), { recursive: true });
  return root;
}

function buildProbes(samples) {
  const en = readFileSync(join(samples, 'notice-en.notice'), 'utf8');
  const zh = readFileSync(join(samples, 'notice-zh.notice'), 'utf8');
  const memo = readFileSync(join(samples, 'cross-file', 'memo.md'), 'utf8');
  const notice = readFileSync(join(samples, 'cross-file', 'yinfa-2026-42.notice'), 'utf8');
  const checks = [];
  const agency = (text) => /People's Bank of China/.test(text) && /中国人民银行/.test(text);

  const enAgency = offsetOf(en, "People's Bank of China", 'notice-en.notice');
  const enClause = offsetOf(en, 'Clause (IX)', 'notice-en.notice') + 'Clause ('.length;
  const enClauseLines = linesStartingWith(en, '(IX)');
  // After Chinese text on its line: a server counting bytes or code points would land elsewhere.
  const zhAgency = offsetOf(zh, '中国人民银行', 'notice-zh.notice', { minColumn: 5 });
  const zhClause = offsetOf(zh, '第（九）项', 'notice-zh.notice') + '第（'.length;
  const zhClauseLines = linesStartingWith(zh, '（九）');
  const memoNumber = offsetOf(memo, 'Yinfa [2026] No. 42', 'memo.md') + 'Yinfa'.length;
  const memoClause = offsetOf(memo, 'Clause (5) of Yinfa [2026] No. 42', 'memo.md') + 'Clause ('.length;
  const numberLines = [lspPosition(notice, offsetOf(notice, 'Yinfa [2026] No. 42', 'yinfa-2026-42.notice')).line];
  const clauseLines = linesStartingWith(notice, '(5)');

  const files = [
    {
      path: join(samples, 'notice-en.notice'),
      probes: [
        { name: 'hover on People\'s Bank of China (notice-en)', method: 'textDocument/hover', ...lspPosition(en, enAgency + 5) },
        { name: 'definition of Clause (IX) (notice-en)', method: 'textDocument/definition', ...lspPosition(en, enClause) },
      ],
    },
    {
      path: join(samples, 'notice-zh.notice'),
      probes: [
        { name: 'hover on 中国人民银行 after Chinese text (notice-zh)', method: 'textDocument/hover', ...lspPosition(zh, zhAgency + 3) },
        { name: 'definition of 第（九）项 (notice-zh)', method: 'textDocument/definition', ...lspPosition(zh, zhClause) },
      ],
    },
    {
      // The notice's file is not opened: the server finds it in the workspace index (hence retry).
      path: join(samples, 'cross-file', 'memo.md'),
      probes: [
        { name: 'definition of Yinfa [2026] No. 42 in a memo, into the notice\'s file', method: 'textDocument/definition', retry: true, ...lspPosition(memo, memoNumber) },
        { name: 'definition of Clause (5) of Yinfa [2026] No. 42 in a memo, into that clause', method: 'textDocument/definition', retry: true, ...lspPosition(memo, memoClause) },
      ],
    },
  ];
  checks.push(
    { name: files[0].probes[0].name, check: (r) => (agency(hoverText(r)) ? null : `hover does not name "People's Bank of China" and "中国人民银行": ${JSON.stringify(hoverText(r).slice(0, 200))}`) },
    { name: files[0].probes[1].name, check: (r) => definitionCheck(r, 'notice-en.notice', enClauseLines) },
    { name: files[1].probes[0].name, check: (r) => (agency(hoverText(r)) ? null : `hover does not name "People's Bank of China" and "中国人民银行": ${JSON.stringify(hoverText(r).slice(0, 200))}`) },
    { name: files[1].probes[1].name, check: (r) => definitionCheck(r, 'notice-zh.notice', zhClauseLines) },
    { name: files[2].probes[0].name, check: (r) => definitionCheck(r, 'cross-file/yinfa-2026-42.notice', numberLines) },
    { name: files[2].probes[1].name, check: (r) => definitionCheck(r, 'cross-file/yinfa-2026-42.notice', clauseLines) },
  );
  return { files, checks };
}

function definitionCheck(result, file, lines) {
  const target = firstTarget(result);
  if (!target) return `no definition (result ${JSON.stringify(result)})`;
  if (!decodeURIComponent(target.uri).endsWith(`/${file}`)) return `definition in ${target.uri}, expected ${file}`;
  const line = target.range?.start?.line;
  return lines.includes(line) ? null : `definition on line ${line + 1}, expected line ${lines.map((l) => l + 1).join(' or ')}`;
}

// ---------------------------------------------------------------------------------------------------------

async function runNeovim(runDir, spec) {
  const specPath = join(runDir, 'spec.json');
  writeFileSync(specPath, JSON.stringify(spec, null, 2));
  const env = { ...process.env, REGTEXT_NVIM_SPEC: specPath };
  for (const dir of ['config', 'data', 'state', 'cache']) {
    mkdirSync(join(runDir, dir), { recursive: true });
    env[`XDG_${dir.toUpperCase()}_HOME`] = join(runDir, dir);
  }
  const child = spawn(NVIM, ['--headless', '--clean', '-u', join(REPO, 'test', 'editor', 'nvim', 'init.lua')], {
    cwd: REPO, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exit = null;
  child.on('exit', (code, signal) => { exit = { code, signal }; });
  child.on('error', (error) => { exit = { code: null, error: `${NVIM}: ${error.message}` }; });
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch { /* already gone */ }
  };
  process.on('exit', killGroup);
  try {
    await until(() => exit !== null, { timeoutMs, intervalMs: 50, what: 'headless neovim to finish its LSP requests' });
  } catch (error) {
    killGroup();
    throw new Error(`${error.message}\n${tail(output, 40)}`);
  } finally {
    killGroup(); // the language server neovim started, if it outlived neovim
    process.off('exit', killGroup);
  }
  return { exit, output };
}

async function main() {
  const started = Date.now();
  const runDir = makeRunDir('nvim');
  const lspLog = () => {
    for (const dir of ['cache', 'state']) {
      for (const name of ['nvim/lsp.log', 'lsp.log']) {
        const path = join(runDir, dir, name);
        if (existsSync(path)) return `----- ${path} (tail) -----\n${tail(readFileSync(path, 'utf8'), 40)}`;
      }
    }
    return '(no lsp.log)';
  };
  let ok = false;
  try {
    const samples = makeWorkspace(runDir);
    const { files, checks } = buildProbes(samples);
    const out = join(runDir, 'results.json');
    const cmd = serverCommand();
    console.log(`neovim: ${cmd.slice(1).join(' ')} on ${files.length} files, ${checks.length} requests`);
    const { exit, output } = await runNeovim(runDir, { cmd, root: samples, out, timeout_ms: 20_000, files });
    if (!existsSync(out)) throw new Error(`neovim wrote no results (exit ${JSON.stringify(exit)}):\n${tail(output, 40)}`);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    const v = results.nvim ?? {};
    console.log(`  NVIM ${v.major}.${v.minor}.${v.patch}`);
    const failures = [];
    for (const file of results.files ?? []) {
      if (!file.attached) failures.push(`${file.path}: the client did not attach (filetype ${file.filetype})`);
    }
    const answers = new Map((results.files ?? []).flatMap((f) => f.probes ?? []).map((p) => [p.name, p]));
    for (const { name, check } of checks) {
      const answer = answers.get(name);
      let problem;
      if (!answer) problem = 'not sent';
      else if (answer.error) problem = answer.error;
      else problem = check(answer.result);
      console.log(`  ${problem ? '✗' : '✔'} ${name}${answer ? ` (LSP ${answer.line}:${answer.character})` : ''}${problem ? `: ${problem}` : ''}`);
      if (problem) failures.push(`${name}: ${problem}`);
    }
    // A server exit after our stop request is expected; one before it is not.
    const early = (results.errors ?? []).filter((e) => !/server exited \(code 0/.test(e));
    for (const error of early) failures.push(error);
    if (failures.length > 0) {
      console.log(`neovim: ${failures.length} problem(s):\n  ${failures.join('\n  ')}`);
      console.log(lspLog());
      return 1;
    }
    ok = true;
    console.log(`neovim: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    console.log(`neovim: ${error.message}`);
    console.log(lspLog());
    return 1;
  } finally {
    if (ok) removeRunDir(runDir);
    else console.log(`run dir kept for inspection: ${runDir}`);
  }
}

process.exitCode = await main();
