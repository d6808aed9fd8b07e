// Runs the extension-host suite in a downloaded VS Code with @vscode/test-electron (2.5.x), for machines and CI
// that can reach VS Code's update server. Offline, use test/editor/extension-host.mjs (code-server) instead.
//
//   node esbuild.mjs && node dist/test/extension/runTest.js [--version stable|insiders|1.91.0]
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

async function main(): Promise<void> {
  // Bundled to dist/test/extension/runTest.js: the repository root is three folders up.
  const root = resolve(__dirname, '..', '..', '..');
  const extensionDevelopmentPath = root;
  const extensionTestsPath = join(root, 'dist', 'test', 'extension', 'suite', 'index.js');
  for (const path of [join(root, 'dist', 'client.js'), join(root, 'dist', 'server.js'), extensionTestsPath]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`node esbuild.mjs\` first`);
  }
  const versionIndex = process.argv.indexOf('--version');
  const version = versionIndex > 0 ? process.argv[versionIndex + 1] : undefined;
  const userDataDir = mkdtempSync(join(tmpdir(), 'regtext-electron-ud-'));
  // A fresh extensions dir: no other installed extension interferes (built-in ones, like markdown, stay).
  const extensionsDir = mkdtempSync(join(tmpdir(), 'regtext-electron-exts-'));
  // A copy of samples/: the suite adds files to its workspace (the cross-file tests), never to the repository's.
  const workspaceDir = mkdtempSync(join(tmpdir(), 'regtext-electron-ws-'));
  const workspace = join(workspaceDir, 'samples');
  cpSync(join(root, 'samples'), workspace, { recursive: true });

  try {
    process.exitCode = await runTests({
      ...(version ? { version } : {}),
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
      ],
      extensionTestsEnv: process.env.REGTEXT_TEST_GREP ? { REGTEXT_TEST_GREP: process.env.REGTEXT_TEST_GREP } : {},
    });
  } finally {
    for (const dir of [userDataDir, extensionsDir, workspaceDir]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`extension tests could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
