// The mocha runner the editor loads into its extension host (extensionTestsPath).
// Works under code-server's extension host (test/editor/extension-host.mjs) and under @vscode/test-electron
// (test/extension/runTest.ts): both call the exported run() and exit with 0 when it resolves, 1 when it rejects.
// After bundling this is dist/test/extension/suite/index.js; it loads the *.test.js files next to it.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Each test waits on conditions with its own bounded timeouts; this is the outer bound.
    timeout: 90_000,
    // A failing hook or test should not hide the others.
    bail: false,
  });
  const grep = process.env.REGTEXT_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files next to ${__filename}: run \`node esbuild.mjs\` first`));
      return;
    }
    try {
      mocha.run((failures) => {
        console.log(`regtext extension-host suite: ${failures} failure(s)`);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
