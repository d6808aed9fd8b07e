// The mocha runner the editor loads into its extension host (extensionTestsPath).
// Works under code-server's extension host (test/editor/extension-host.mjs) and under @vscode/test-electron
// (test/extension/runTest.ts): both call the exported run() and exit with 0 when it resolves, 1 when it rejects.
// After bundling this is dist/test/extension/suite/index.js; it loads the *.test.js files next to it.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

/**
 * Under code-server the extension host's console reaches the test driver mixed with the workbench's own log
 * lines; test/editor/extension-host.mjs sets REGTEXT_SUITE_TAG so that the suite's lines can be told apart.
 * (The extension host's `console.log` is an accessor that ignores assignment, so the reporter's log is tagged.)
 */
const tag = process.env.REGTEXT_SUITE_TAG ?? '';
const log = (...args: unknown[]): void => console.log(`${tag}${format(...args)}`);

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Each wait inside a test has its own, shorter bound; tests that wait for the server's start-up raise this.
    timeout: 30_000,
    // A failing hook or test should not hide the others.
    bail: false,
  });
  const grep = process.env.REGTEXT_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  // Mocha's reporters write through Base.consoleLog (a copy of console.log taken when mocha was loaded).
  const reporterLog = Mocha.reporters.Base.consoleLog;
  if (tag) Mocha.reporters.Base.consoleLog = log;
  const untag = (): void => {
    Mocha.reporters.Base.consoleLog = reporterLog;
  };
  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      untag();
      reject(new Error(`no *.test.js files next to ${__filename}: run \`node esbuild.mjs\` first`));
      return;
    }
    try {
      mocha.run((failures) => {
        log(`regtext extension-host suite: ${failures} failure(s)`);
        untag();
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (error) {
      untag();
      reject(error);
    }
  });
}
