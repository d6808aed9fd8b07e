// A small library for the real-editor tests: code-server 4.139.1 (the real VS Code workbench and Node extension
// host) and Debian chromium driven by playwright-core, both from the tools cache that
// scripts/install-editor-tools.sh fills. See ../../../shared/notes/real-vscode-offline.md for why code-server.
//
// Every run gets its own HOME, user-data-dir, extensions-dir and loopback port. The server runs in its own
// process group (setsid) and is stopped with kill -- -PID in all cases: normal end, failure, Ctrl+C, exit.
// Every wait is on a condition with a bounded timeout; nothing here sleeps for a fixed time.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOLS = process.env.REGTEXT_TOOLS || join(homedir(), '.cache', 'regtext-tools');
export const NODE24 = join(TOOLS, 'node24', 'node_modules', '.bin', 'node');
export const CODE_SERVER_VERSION = '4.139.1';
export const CODE_SERVER_ENTRY = join(TOOLS, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.REGTEXT_CHROMIUM || '/usr/bin/chromium';
export const NVIM = process.env.REGTEXT_NVIM || 'nvim';

/** Exactly the settings the notes pre-seed: no start page, no AI, no updates, no git. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'git.enabled': false,
};

/** The chromium flags of the notes. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v "${command}"`], { stdio: 'ignore' }).status === 0;
}

/** What is missing from the tools cache; an empty list means the editor tests can run. */
export function missingTools({ neovim = true, browser = true } = {}) {
  const missing = [];
  if (!existsSync(NODE24)) missing.push(`Node 24 (${NODE24})`);
  let version = '';
  try {
    version = JSON.parse(readFileSync(join(TOOLS, 'cs', 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch { /* missing */ }
  if (version !== CODE_SERVER_VERSION) missing.push(`code-server ${CODE_SERVER_VERSION} (${join(TOOLS, 'cs')}${version ? `, found ${version}` : ''})`);
  if (browser) {
    if (!existsSync(join(TOOLS, 'pw', 'node_modules', 'playwright-core', 'package.json'))) missing.push(`playwright-core (${join(TOOLS, 'pw')})`);
    if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  }
  if (neovim && !onPath(NVIM)) missing.push('neovim (nvim)');
  return missing;
}

/** A bounded wait on a condition (polled); rejects with `what` in the message. */
export async function until(condition, { timeoutMs, intervalMs = 100, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Rejects after `timeoutMs` with a clear message unless `promise` settles first. */
export function withTimeout(promise, timeoutMs, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s: ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** A fresh run folder under the system temp dir (kept on failure for inspection, removed on success). */
export function makeRunDir(name) {
  return mkdtempSync(join(tmpdir(), `regtext-${name}-`));
}

function serverEnv(runDir, extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('XDG_') || key.startsWith('VSCODE_')) delete env[key];
  delete env.ELECTRON_RUN_AS_NODE;
  return {
    ...env,
    HOME: join(runDir, 'home'),
    // Node 24 first: the extension host and the language server it forks run on code-server's node.
    PATH: `${dirname(NODE24)}:${env.PATH ?? ''}`,
    PASSWORD: '',
    ...extra,
  };
}

const liveGroups = new Set();
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
let exitHooked = false;
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
      process.exit(130);
    });
  }
}

/** Runs code-server once, synchronously, with the run's dirs (used for --install-extension). */
export function codeServerCli(runDir, args, { timeoutMs = 120_000 } = {}) {
  const result = spawnSync(NODE24, [CODE_SERVER_ENTRY,
    '--user-data-dir', join(runDir, 'ud'), '--extensions-dir', join(runDir, 'exts'), ...args], {
    env: serverEnv(runDir), encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL',
  });
  if (result.status !== 0) {
    throw new Error(`code-server ${args.join(' ')} failed (status ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * VS Code shows a display language other than English only when a language pack for it is installed: the server
 * reads languagepacks.json in the user-data dir when it builds the workbench's and the extension host's NLS
 * configuration. The marketplace's packs cannot be downloaded offline, so the tests bring their own,
 * test/editor/fixtures/LOCALE-language-pack, packaged into the run folder with the repository's vsce. Returns the
 * .vsix, or nothing for English.
 */
function languagePackVsix(locale, runDir) {
  if (locale.toLowerCase().startsWith('en')) return undefined;
  const fixture = join(REPO, 'test', 'editor', 'fixtures', `${locale.toLowerCase()}-language-pack`);
  if (!existsSync(fixture)) throw new Error(`no language pack for display language ${locale}: ${fixture} is missing`);
  const out = join(runDir, `${locale}-language-pack.vsix`);
  const vsce = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--out', out], {
    cwd: fixture, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL',
  });
  if (result.status !== 0) throw new Error(`packaging ${fixture} failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return out;
}

/**
 * Writes ud/languagepacks.json for the language packs installed in the run's extensions dir, as VS Code's own
 * language-pack cache does after an install through the running server (`code-server --install-extension` runs
 * the CLI, which installs but leaves the file alone): per language, the packs' ids and versions, a hash of them,
 * and the translations file of each translation id.
 */
function registerLanguagePacks(runDir) {
  const exts = join(runDir, 'exts');
  const packs = {};
  for (const entry of readdirSync(exts)) {
    const manifestPath = join(exts, entry, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`;
    for (const localization of manifest.contributes?.localizations ?? []) {
      const pack = packs[localization.languageId] ??= { hash: '', extensions: [], translations: {}, label: localization.localizedLanguageName ?? localization.languageName };
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      for (const translation of localization.translations) pack.translations[translation.id] = join(exts, entry, translation.path);
    }
  }
  for (const pack of Object.values(packs)) {
    const hash = createHash('md5');
    for (const extension of pack.extensions) hash.update(extension.extensionIdentifier.id).update(extension.version);
    pack.hash = hash.digest('hex');
  }
  writeFileSync(join(runDir, 'ud', 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

/**
 * Starts code-server on a free loopback port with the run's own HOME, user-data-dir and extensions-dir.
 * Resolves once /healthz answers. `vsix`: install that packaged extension first. `env`: extra environment for
 * the server (the extension host and the language server inherit it). `locale`: the display language, with the
 * tests' language pack for it installed.
 */
export async function startCodeServer({ name, runDir = makeRunDir(name), folder, vsix, settings = {}, env = {}, locale, timeoutMs = 60_000 }) {
  hookExit();
  for (const dir of ['home', 'ud/User', 'exts']) mkdirSync(join(runDir, dir), { recursive: true });
  writeFileSync(join(runDir, 'ud', 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  const installs = [vsix, locale && languagePackVsix(locale, runDir)].filter(Boolean);
  if (installs.length > 0) codeServerCli(runDir, installs.flatMap((path) => ['--install-extension', path]));
  if (locale) registerLanguagePacks(runDir);

  const port = await freePort();
  const logFile = join(runDir, 'code-server.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(NODE24, [CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', join(runDir, 'ud'),
    '--extensions-dir', join(runDir, 'exts'),
    // The display language (the workbench's, and vscode.env.language in the extension host).
    ...(locale ? ['--locale', locale] : []),
    folder,
  ], { env: serverEnv(runDir, env), detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  liveGroups.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  const server = {
    name, runDir, port, folder, logFile, pid: child.pid,
    origin: `http://127.0.0.1:${port}`,
    /** The remote authority the workbench uses for vscode-remote URIs. */
    authority: `127.0.0.1:${port}`,
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async stop() {
      if (!liveGroups.has(child.pid)) return;
      killGroup(child.pid, 'SIGTERM');
      try {
        await until(() => exited !== null || !killGroup(child.pid, 0), { timeoutMs: 5_000, intervalMs: 50, what: 'code-server to stop' });
      } catch {
        killGroup(child.pid, 'SIGKILL');
      }
      liveGroups.delete(child.pid);
    },
  };
  try {
    await until(async () => {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${server.log()}`);
      try {
        const response = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
        return response.ok;
      } catch {
        return false;
      }
    }, { timeoutMs, intervalMs: 200, what: `code-server /healthz on port ${port}` });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The workbench URL for `folder`, with an optional smoke-test-driver payload ([[key, value], ...]). */
export function workbenchUrl(server, { folder = server.folder, payload } = {}) {
  let url = `${server.origin}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** playwright-core from the tools cache (never `playwright install`; Debian's chromium). */
export function playwright() {
  const require = createRequire(join(TOOLS, 'pw', 'package.json'));
  return require('playwright-core');
}

export async function launchChromium() {
  const { chromium } = playwright();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Files below `dir` (recursively) whose path matches `pattern`. */
export function findFiles(dir, pattern) {
  const found = [];
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, pattern));
    else if (pattern.test(path)) found.push(path);
  }
  return found;
}

/** The regtext output channel and the extension host log as written by the server side, if any. */
export function extensionLogs(server) {
  const logs = findFiles(join(server.runDir, 'ud', 'logs'), /(regtext|exthost|remoteexthost)[^/]*\.log$/i);
  return logs.map((path) => ({ path: relative(server.runDir, path), text: readFileSync(path, 'utf8') }));
}

export function tail(text, lines = 80) {
  const all = text.split('\n');
  return all.slice(Math.max(0, all.length - lines)).join('\n');
}

/** Prints the code-server log and the extension logs (tails), for a failure report. */
export function printServerLogs(server, lines = 80) {
  if (!server) return;
  console.log(`----- code-server log (${server.logFile}), last ${lines} lines -----`);
  console.log(tail(server.log(), lines));
  for (const { path, text } of extensionLogs(server)) {
    if (!text.trim()) continue;
    console.log(`----- ${path}, last ${lines} lines -----`);
    console.log(tail(text, lines));
  }
  console.log('----- end of logs -----');
}

/** Saves a screenshot of `page` to `dir/name.png` (never throws); returns the path or undefined. */
export async function screenshot(page, dir, name) {
  if (!page) return undefined;
  try {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path, timeout: 10_000 });
    return path;
  } catch (error) {
    console.log(`(could not take screenshot ${name}: ${error.message})`);
    return undefined;
  }
}

/** On failure: screenshot + code-server log + extension logs, copied next to the screenshots. */
export async function saveFailure({ page, server, dir, name = 'failure' }) {
  const shot = await screenshot(page, dir, name);
  if (shot) console.log(`screenshot: ${shot}`);
  if (server) {
    try {
      mkdirSync(dir, { recursive: true });
      copyFileSync(server.logFile, join(dir, `${name}-code-server.log`));
    } catch { /* best effort */ }
    printServerLogs(server);
  }
}

export function removeRunDir(runDir) {
  try {
    rmSync(runDir, { recursive: true, force: true });
  } catch { /* best effort */ }
}
