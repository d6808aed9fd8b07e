#!/usr/bin/env node
// The real-editor stage of `npm test`: runs, in order,
//   extension-host.mjs  the mocha suite in code-server's real extension host (extension from the source folder)
//                       (stage extension-host), and its locale tests in the Chinese display language (extension-host-zh)
//   ui.mjs              Playwright against code-server with the packaged VSIX installed
//   neovim.mjs          headless Neovim as a second LSP client
// Needs a development build (`node esbuild.mjs`); packages dist/regtext.vsix (`npm run package`) when it is
// missing or older than the build. Tools come from scripts/install-editor-tools.sh. Without them the stage is
// skipped with the reason, except when CI is set: then missing tools are a failure.
// The last line of output is "N passed, N failed".
//
//   node test/editor/run.mjs [--only extension-host,extension-host-zh,ui,neovim] [--update-docs]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, TOOLS, missingTools } from './code-server.mjs';

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;
const ci = Boolean(process.env.CI) && !['false', '0'].includes(String(process.env.CI).toLowerCase());
/** Hard bound per script, on top of each script's own bounded waits. */
const SCRIPT_MS = 6 * 60_000;

const tests = [
  { name: 'extension-host', script: 'extension-host.mjs', needs: { neovim: false, browser: true } },
  // The locale suite in VS Code's Chinese display language (the tests' language pack, test/editor/fixtures).
  { name: 'extension-host-zh', script: 'extension-host.mjs', needs: { neovim: false, browser: true }, args: ['--locale', 'zh-cn'] },
  { name: 'ui', script: 'ui.mjs', needs: { neovim: false, browser: true }, args: args.includes('--update-docs') ? ['--update-docs'] : [] },
  { name: 'neovim', script: 'neovim.mjs', needs: { onlyNeovim: true } },
];

function missingFor(test) {
  if (test.needs.onlyNeovim) {
    return missingTools({ neovim: true, browser: false }).filter((m) => m.startsWith('neovim'));
  }
  return missingTools(test.needs);
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** `npm run package` when dist/regtext.vsix is missing or older than what it packages. */
function ensureVsix() {
  const vsix = join(REPO, 'dist', 'regtext.vsix');
  const inputs = ['dist/client.js', 'dist/server.js', 'dist/graphView.js', 'package.json', 'syntaxes/regtext.tmLanguage.json'].map((p) => join(REPO, p));
  if (existsSync(vsix) && inputs.every((p) => mtime(p) <= mtime(vsix))) return null;
  console.log('editor tests: packaging dist/regtext.vsix (npm run package)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'package'], { cwd: REPO, stdio: 'inherit', timeout: 180_000 });
  if (result.status !== 0 || !existsSync(vsix)) return `npm run package failed (status ${result.status})`;
  return null;
}

function runScript(test) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, 'test', 'editor', test.script), ...(test.args ?? [])], {
      cwd: REPO, stdio: 'inherit', detached: true,
    });
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch { /* gone */ }
    };
    const timer = setTimeout(() => {
      console.log(`editor tests: ${test.name} did not finish within ${SCRIPT_MS / 60_000} minutes; killed`);
      kill();
    }, SCRIPT_MS);
    process.on('exit', kill);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', kill);
      resolve(code === 0 ? 0 : (code ?? (signal ? 1 : 1)));
    });
  });
}

let passed = 0;
let failed = 0;
const started = Date.now();
for (const test of tests) {
  if (only && !only.has(test.name)) continue;
  const missing = missingFor(test);
  if (missing.length > 0) {
    const reason = `missing ${missing.join('; ')} (install with scripts/install-editor-tools.sh; cache ${TOOLS})`;
    if (ci) {
      console.log(`editor tests: ${test.name} FAILED: CI is set and tools are ${reason}`);
      failed++;
    } else {
      console.log(`editor tests: ${test.name} skipped: ${reason}`);
    }
    continue;
  }
  if (test.name === 'ui') {
    const problem = ensureVsix();
    if (problem) {
      console.log(`editor tests: ui FAILED: ${problem}`);
      failed++;
      continue;
    }
  }
  console.log(`\n=== editor tests: ${test.name} ===`);
  const t0 = Date.now();
  const code = await runScript(test);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (code === 0) {
    passed++;
    console.log(`=== ${test.name}: passed (${seconds} s) ===`);
  } else {
    failed++;
    console.log(`=== ${test.name}: FAILED with exit code ${code} (${seconds} s) ===`);
  }
}
console.log(`editor tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
