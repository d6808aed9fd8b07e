// Runs every test, in order: type check, lint, build, core unit tests and LSP protocol tests (node:test),
// then the real-editor tests (extension host in code-server, Playwright UI, Neovim).
// `npm test` and .ci/run both run this file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const stages = [
  ['type check', npx, ['tsc', '-p', '.', '--noEmit']],
  ['lint', npx, ['eslint', '.']],
  ['build', process.execPath, ['esbuild.mjs']],
  ['core and protocol tests', process.execPath, ['--test', '--test-reporter=spec', 'dist/test/core/', 'dist/test/protocol/']],
];
if (existsSync('test/editor/run.mjs')) {
  stages.push(['package', npm, ['run', '--silent', 'package']]);
  stages.push(['editor tests', process.execPath, ['test/editor/run.mjs']]);
}

for (const [name, command, args] of stages) {
  const started = Date.now();
  process.stdout.write(`\n── ${name} ──\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s\n`);
    process.exit(1);
  }
  process.stdout.write(`✓ ${name} (${seconds} s)\n`);
}
