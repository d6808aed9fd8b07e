#!/usr/bin/env node
// Runs the mocha suite (dist/test/extension/suite/index.js) inside code-server's real extension host, with the
// extension loaded from the source folder as in F5 development: the smoke-test-driver payload carries
// extensionDevelopmentPath and extensionTestsPath as vscode-remote URIs. The workbench runs the suite's run(),
// then calls window.codeAutomationExit(code); this script exits with that code. The workspace is a copy of samples/
// in the run folder, so that the suite can add files to it (the cross-file tests do) without touching the repository.
//
//   node test/editor/extension-host.mjs [--folder DIR] [--timeout SECONDS] [--locale zh-cn] [--verbose]
// With --locale the workbench runs in that display language, with the tests' language pack for it installed
// (test/editor/fixtures/LOCALE-language-pack, see code-server.mjs), and only the suite's locale tests run (the
// others expect English).
// Needs `node esbuild.mjs` first, and the tools of scripts/install-editor-tools.sh.
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  REPO, launchChromium, makeRunDir, missingTools, removeRunDir, saveFailure, startCodeServer, withTimeout, workbenchUrl,
} from './code-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const folderOption = option('--folder', undefined);
const timeoutMs = Number(option('--timeout', process.env.REGTEXT_EXTHOST_TIMEOUT ?? '240')) * 1000;
const resultsDir = join(REPO, 'test-results', 'extension-host');
const suite = join(REPO, 'dist', 'test', 'extension', 'suite', 'index.js');
const verbose = args.includes('--verbose');
const locale = option('--locale', undefined);
/** Marks the suite's console lines (see test/extension/suite/index.ts) among the workbench's. */
const SUITE_TAG = '[regtext-suite] ';

async function main() {
  const missing = missingTools({ neovim: false });
  if (missing.length > 0) throw new Error(`missing editor tools: ${missing.join('; ')} (run scripts/install-editor-tools.sh)`);
  for (const path of [join(REPO, 'dist', 'client.js'), join(REPO, 'dist', 'server.js'), suite]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`node esbuild.mjs\` first`);
  }
  if (folderOption && !existsSync(folderOption)) throw new Error(`workspace folder ${folderOption} does not exist`);

  const started = Date.now();
  const runDir = makeRunDir('exthost');
  const folder = folderOption ? resolve(folderOption) : join(runDir, 'samples');
  if (!folderOption) cpSync(join(REPO, 'samples'), folder, { recursive: true });
  let server;
  let browser;
  let page;
  let ok = false;
  try {
    const localeEnv = locale ? { REGTEXT_SUITE_LOCALE: locale, REGTEXT_TEST_GREP: 'locale:' } : {};
    server = await startCodeServer({ name: 'exthost', runDir, folder, locale, env: { REGTEXT_SUITE_TAG: SUITE_TAG, ...localeEnv } });
    console.log(`code-server ${server.origin} up in ${((Date.now() - started) / 1000).toFixed(1)} s (run dir ${runDir})`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    /** The suite's report, whose failures are printed again after the logs (a CI log may keep only its tail). */
    const suiteLines = [];
    let exitWith;
    const exited = new Promise((resolveExit) => { exitWith = resolveExit; });
    // Exposed before page.goto, so the workbench finds them when the suite ends.
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      // The workbench's own log (noisy offline: open-vsx.org, telemetry); shown with --verbose.
      if (verbose) console.log(`[workbench ${level}] ${message}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => { exitWith(Number(code)); });
    page.on('console', (message) => {
      // The remote extension host's console (mocha's reporter) is mirrored into the page's console,
      // as "%c INFO color: … <text>"; the suite tags its lines.
      const text = message.text();
      const at = text.indexOf(SUITE_TAG);
      if (at >= 0) {
        suiteLines.push(text.slice(at + SUITE_TAG.length));
        console.log(suiteLines.at(-1));
      }
      else if (verbose) console.log(`[console ${message.type()}] ${text}`);
    });
    page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));

    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(REPO)],
      ['extensionTestsPath', server.remoteUri(suite)],
    ];
    await page.goto(workbenchUrl(server, { payload }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const remaining = Math.max(10_000, timeoutMs - (Date.now() - started));
    const code = await withTimeout(exited, remaining,
      `the extension-host suite did not finish (window.codeAutomationExit was not called); see ${resultsDir}`);
    console.log(`extension-host suite exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    ok = code === 0;
    if (!ok) {
      await saveFailure({ page, server, dir: resultsDir, name: 'extension-host-failure' });
      printFailuresAgain(suiteLines);
    }
    return code;
  } catch (error) {
    console.log(`extension-host: ${error.message}`);
    await saveFailure({ page, server, dir: resultsDir, name: 'extension-host-failure' });
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (ok) removeRunDir(runDir);
    else console.log(`run dir kept for inspection: ${runDir}`);
  }
}

function printFailuresAgain(suiteLines) {
  const failing = suiteLines.findIndex((line) => /\b\d+ failing\b/.test(line));
  if (failing < 0) return;
  console.log('----- the suite\'s failures, again -----');
  for (const line of suiteLines.slice(failing)) console.log(line);
}

process.exitCode = await main();
