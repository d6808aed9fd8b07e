// Bundles the extension client, the citation graph's webview page, the language server, the CLI and the tests.
// Type checking is separate (`npm run typecheck`); esbuild only strips types.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configValidatorsPlugin } from './scripts/configValidators.mjs';

const production = process.argv.includes('--production');

/** All *.ts files below `dir` whose name matches `pattern`. */
function findFiles(dir, pattern) {
  const found = [];
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
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
  plugins: [configValidatorsPlugin(dirname(fileURLToPath(import.meta.url)))],
};

/** cytoscape's MIT notice, kept at the top of the webview bundle (minifying drops the library's own comment). */
const cytoscapeNotice = `/*! cytoscape ${JSON.parse(readFileSync('node_modules/cytoscape/package.json', 'utf8')).version}, bundled.\n${
  readFileSync('node_modules/cytoscape/LICENSE', 'utf8').trim().replaceAll('*/', '* /')}\n*/`;

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The webview runs in the editor's browser: one script with cytoscape inside (no CDN) and its stylesheet.
  {
    ...common,
    entryPoints: { graphView: 'client/src/webview/graphView.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    banner: { js: cytoscapeNotice },
  },
  { ...common, entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli.ts', analysisWorker: 'server/src/analysisWorker.ts', messageReaderWorker: 'server/src/messageReaderWorker.ts' }, outdir: 'dist' },
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
