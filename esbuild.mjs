// Bundles the extension client, the language server, the CLI and the tests.
// Type checking is separate (`npm run typecheck`); esbuild only strips types.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');

/** All *.ts files below `dir` whose name matches `pattern`. */
function findFiles(dir, pattern) {
  const found = [];
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, pattern));
    else if (pattern.test(name)) found.push(path);
  }
  return found;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli.ts', summaryWorker: 'server/src/summaryWorker.ts' }, outdir: 'dist' },
];
if (!production) {
  const tests = [
    ...findFiles('test/core', /\.test\.ts$/),
    ...findFiles('test/protocol', /\.test\.ts$/),
    ...findFiles('test/bench', /\.ts$/),
  ];
  builds.push({ ...common, entryPoints: tests, outbase: 'test', outdir: 'dist/test' });
  builds.push({
    ...common,
    entryPoints: findFiles('test/extension', /\.ts$/),
    outbase: 'test',
    outdir: 'dist/test',
    external: ['vscode', 'mocha'],
  });
}

await Promise.all(builds.map((options) => esbuild.build(options)));
