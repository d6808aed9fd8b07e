#!/usr/bin/env node
// The UI test a person would recognise: the PACKAGED extension (dist/regtext.vsix, from `npm run package`)
// installed into code-server (the real VS Code 1.139.1 workbench), driven with Playwright through Debian's
// chromium. It opens the samples with Ctrl+P, hovers agencies, reads the Problems panel, goes to a clause with
// F12, looks at the Outline, opens the citation graph (a webview) and clicks a notice in it, and opens the original
// beside its translation. Every step is screenshotted into test-results/ui/; with --update-docs the best shots are
// copied into docs/images/. Waits are on conditions (locators, waitForFunction), never sleeps.
//
//   node test/editor/ui.mjs [--update-docs] [--vsix PATH] [--timeout SECONDS]
/* global NodeFilter -- in page.evaluate callbacks, which run in the browser */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  REPO, launchChromium, makeRunDir, missingTools, removeRunDir, saveFailure, screenshot, startCodeServer, until,
  withTimeout, workbenchUrl,
} from './code-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const updateDocs = args.includes('--update-docs');
const vsix = resolve(option('--vsix', join(REPO, 'dist', 'regtext.vsix')));
const timeoutMs = Number(option('--timeout', process.env.REGTEXT_UI_TIMEOUT ?? '240')) * 1000;
const samples = join(REPO, 'samples');
const resultsDir = join(REPO, 'test-results', 'ui');
const docsImages = join(REPO, 'docs', 'images');
/** Bound for one UI condition; the first answer of the language server gets START_MS. */
const STEP_MS = 20_000;
const START_MS = 45_000;

/** Screenshots kept for the documentation: test-results/ui/<step>.png -> docs/images/<name>.png */
const DOC_SHOTS = {
  '02-hover-agency-zh': 'hover-agency-zh.png',
  '03-hover-agency-en': 'hover-agency-en.png',
  '04-problems-banned-terms': 'problems-banned-terms.png',
  '05-go-to-clause': 'go-to-clause.png',
  '06-outline': 'outline.png',
  '07-citation-graph': 'citation-graph.png',
  '09-side-by-side': 'side-by-side.png',
};

// ---------------------------------------------------------------------------------------------------------
// Text positions, found by searching the sample files (never hard-coded line numbers).

function sampleText(name) {
  return readFileSync(join(samples, name), 'utf8');
}

/** 1-based line and column (UTF-16 units, as VS Code counts) of `offset` in `text`. */
function lineCol(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, col };
}

function find(text, needle, file) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${file} does not contain ${JSON.stringify(needle)}`);
  return at;
}

// ---------------------------------------------------------------------------------------------------------
// Steps

const results = [];
async function step(name, fn) {
  const started = Date.now();
  process.stdout.write(`  ${name} ... `);
  try {
    const detail = await fn();
    const ms = Date.now() - started;
    results.push({ name, ok: true, ms });
    console.log(`ok (${(ms / 1000).toFixed(1)} s)${detail ? ` ${detail}` : ''}`);
  } catch (error) {
    const ms = Date.now() - started;
    results.push({ name, ok: false, ms, error });
    console.log(`FAILED (${(ms / 1000).toFixed(1)} s)`);
    throw error;
  }
}

async function shot(page, name) {
  return screenshot(page, resultsDir, name);
}

/** Ctrl+P, type the file name, pick the row, and wait until its editor is the active tab. */
async function openFile(page, name) {
  await page.locator('.monaco-workbench').waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(name);
  // The focused row, not any row: until the filter has run, the list still shows recently opened files.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: STEP_MS });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: STEP_MS });
}

/**
 * The pixel of the character in the middle of `needle` as rendered in the active editor (a DOM Range over the
 * text nodes of `.view-line`), or null when that text is not rendered (not scrolled into view).
 */
async function pixelOf(page, needle) {
  return page.evaluate((wanted) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    if (!editor) return null;
    for (const line of editor.querySelectorAll('.view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: text.length });
        text += node.data;
      }
      // Monaco renders spaces as non-breaking spaces.
      const at = text.replace(/\u00a0/g, ' ').indexOf(wanted);
      if (at < 0) continue;
      const target = at + Math.floor(wanted.length / 2);
      const hit = nodes.findLast((n) => n.start <= target);
      const range = document.createRange();
      range.setStart(hit.node, target - hit.start);
      range.setEnd(hit.node, target - hit.start + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, needle);
}

/** Hovers `needle` until a visible `.monaco-hover` whose text satisfies `accept`; returns that text. */
async function hoverUntil(page, needle, accept, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let nudge = 0;
  while (Date.now() < deadline) {
    const point = await pixelOf(page, needle);
    if (!point) throw new Error(`"${needle}" is not rendered in the active editor`);
    // Move off and back on: a hover that came back empty (server still starting) is asked again.
    await page.mouse.move(point.x, point.y + 40);
    await page.mouse.move(point.x + (nudge++ % 2), point.y, { steps: 2 });
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last();
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.min(3_000, Math.max(500, deadline - Date.now())) });
      await page.waitForFunction(
        () => ![...document.querySelectorAll('.monaco-hover:not(.hidden)')].some((h) => /Loading/.test(h.textContent ?? '')),
        undefined, { timeout: Math.min(5_000, Math.max(500, deadline - Date.now())) });
      last = (await hover.innerText()).replace(/[’‘]/g, "'");
      if (accept(last)) return last;
    } catch { /* not yet: move again */ }
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last hover text: ${JSON.stringify(last.slice(0, 300))}`);
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
}

async function goToLine(page, line, col) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
  await waitForStatusLine(page, line, col);
}

/** Waits until the status bar says "Ln <line>, Col <col>" (col optional). */
async function waitForStatusLine(page, line, col, timeout = STEP_MS) {
  const status = page.locator('[id="status.editor.selection"]');
  const pattern = col ? new RegExp(`Ln ${line}, Col ${col}\\b`) : new RegExp(`Ln ${line},`);
  try {
    await status.filter({ hasText: pattern }).waitFor({ timeout });
  } catch {
    const text = await status.innerText().catch(() => '(no status bar item)');
    throw new Error(`the status bar shows "${text}", expected ${pattern}`);
  }
  return status.innerText();
}

/**
 * The frame of the citation graph's page. A webview is an iframe inside an iframe of the workbench; the inner one
 * holds the extension's page, which exposes window.regtextGraph once its script has run.
 */
async function graphFrame(page, timeoutMs) {
  return until(async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const found = await frame.evaluate(() => typeof window.regtextGraph === 'object' && Boolean(document.getElementById('graph')))
        .catch(() => false);
      if (found) return frame;
    }
    return undefined;
  }, { timeoutMs, what: "a webview frame with the citation graph's page" });
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const missing = missingTools({ neovim: false });
  if (missing.length > 0) throw new Error(`missing editor tools: ${missing.join('; ')} (run scripts/install-editor-tools.sh)`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);

  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const started = Date.now();
  const runDir = makeRunDir('ui');
  let server;
  let browser;
  let page;
  let ok = false;
  const cspViolations = [];
  const run = async () => {
    await step('install the VSIX and start code-server', async () => {
      server = await startCodeServer({ name: 'ui', runDir, folder: samples, vsix });
      return `(${server.origin})`;
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(STEP_MS);
    // Any frame's (the webview's too): what a Content-Security-Policy refused.
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|apply|execute|connect)/i.test(message.text())) cspViolations.push(message.text());
    });

    await step('open the workbench on samples/', async () => {
      await page.goto(workbenchUrl(server), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('[id="workbench.parts.statusbar"]').waitFor({ timeout: STEP_MS });
      // An empty secondary side bar only takes room from the editor in the screenshots.
      const auxiliaryBar = page.locator('[id="workbench.parts.auxiliarybar"]');
      if (await auxiliaryBar.isVisible()) {
        await runCommand(page, 'Hide Secondary Side Bar');
        await auxiliaryBar.waitFor({ state: 'hidden', timeout: STEP_MS });
      }
      await shot(page, '01-workbench');
    });

    const zh = sampleText('notice-zh.notice');
    const en = sampleText('notice-en.notice');
    const agencyZh = '中国人民银行';
    find(zh, agencyZh, 'notice-zh.notice');
    const agencyHover = (text) => /People's Bank of China/.test(text) && /中国人民银行/.test(text);

    await step('open notice-zh.notice and hover 中国人民银行', async () => {
      await openFile(page, 'notice-zh.notice');
      const text = await hoverUntil(page, agencyZh, agencyHover,
        `a hover on ${agencyZh} with "People's Bank of China" and "中国人民银行"`, START_MS);
      await shot(page, '02-hover-agency-zh');
      return `(hover: ${JSON.stringify(text.split('\n')[0].slice(0, 80))})`;
    });

    await step("open notice-en.notice and hover People's Bank of China", async () => {
      await openFile(page, 'notice-en.notice');
      const agencyEn = ["People's Bank of China", 'PBOC'].find((n) => en.includes(n));
      if (!agencyEn) throw new Error("notice-en.notice names neither People's Bank of China nor PBOC");
      const text = await hoverUntil(page, agencyEn, agencyHover,
        `a hover on ${agencyEn} with "People's Bank of China" and "中国人民银行"`, STEP_MS);
      await shot(page, '03-hover-agency-en');
      return `(hover: ${JSON.stringify(text.split('\n')[0].slice(0, 80))})`;
    });

    await step('open business-scope-draft.txt and find the banned-term row in Problems', async () => {
      await openFile(page, 'business-scope-draft.txt');
      await page.mouse.move(5, 5);
      await page.locator('.editor-group-container.active .monaco-editor')
        .locator('.squiggly-warning, .squiggly-error, .squiggly-info').first().waitFor({ timeout: START_MS });
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      const banned = rows.filter({ hasText: /Yinfa \[2026\] No\. 42|银发〔2026〕42号/ });
      try {
        await banned.first().waitFor({ timeout: STEP_MS });
      } catch {
        const seen = await rows.allInnerTexts().catch(() => []);
        throw new Error(`no Problems row mentions Yinfa [2026] No. 42; rows: ${JSON.stringify(seen.slice(0, 8))}`);
      }
      const count = await banned.count();
      const first = (await banned.first().innerText()).replace(/\s+/g, ' ');
      await shot(page, '04-problems-banned-terms');
      await page.keyboard.press('Control+Shift+M'); // close the panel again
      return `(${count} rows, first: ${JSON.stringify(first.slice(0, 100))})`;
    });

    await step('F12 on "Clause (IX)" in notice-en.notice goes to clause (IX)', async () => {
      await openFile(page, 'notice-en.notice');
      const reference = 'Clause (IX)';
      const at = find(en, reference, 'notice-en.notice') + reference.indexOf('(') + 1;
      const from = lineCol(en, at);
      const target = lineCol(en, find(en, '\n(IX)', 'notice-en.notice') + 1);
      await goToLine(page, from.line, from.col);
      await page.keyboard.press('F12');
      const status = await waitForStatusLine(page, target.line, undefined, START_MS);
      await shot(page, '05-go-to-clause');
      return `(Ln ${from.line} -> ${status.trim()})`;
    });

    await step('the Outline shows the clauses', async () => {
      // Fold the file tree so that the Outline gets the room (as a person would for a long notice).
      const folder = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'samples' }).first();
      if (await folder.isVisible()) {
        await folder.click();
        await page.locator('.pane-header[aria-expanded="false"]', { hasText: 'samples' }).first().waitFor({ timeout: STEP_MS });
      }
      await runCommand(page, 'Explorer: Focus on Outline View');
      const rows = page.locator('.outline-pane .monaco-list-row, [id="outline"] .monaco-list-row');
      const clause = rows.filter({ hasText: '(I)' });
      try {
        await clause.first().waitFor({ timeout: STEP_MS });
      } catch {
        const seen = await page.locator('.monaco-list-row').allInnerTexts().catch(() => []);
        throw new Error(`no Outline row "(I)"; rows seen: ${JSON.stringify(seen.slice(0, 12))}`);
      }
      const count = await rows.count();
      await shot(page, '06-outline');
      return `(${count} rows)`;
    });

    let graph;
    let nodes = [];
    await step('"regtext: Show Citation Graph" draws the notices and what cites them', async () => {
      // The graph wants the room: no side bar (Ctrl+B toggles it), no other editor.
      await runCommand(page, 'View: Close All Editors');
      const sideBar = page.locator('[id="workbench.parts.sidebar"]');
      if (await sideBar.isVisible()) {
        await page.keyboard.press('Control+B');
        await sideBar.waitFor({ state: 'hidden', timeout: STEP_MS });
      }
      const violationsBefore = cspViolations.length;
      await runCommand(page, 'regtext: Show Citation Graph');
      await page.locator('.tabs-container .tab.active', { hasText: 'regtext: Citation Graph' }).waitFor({ timeout: STEP_MS });
      graph = await graphFrame(page, STEP_MS);
      const rendered = await graph.waitForFunction(() => {
        const state = document.body.dataset.state;
        if (state === 'error') return { error: document.getElementById('summary')?.textContent };
        return state === 'rendered' && window.regtextGraph.nodes().length > 0 ? { ok: true } : false;
      }, undefined, { timeout: START_MS, polling: 100 }).then((handle) => handle.jsonValue());
      if (rendered.error) throw new Error(`the graph view shows an error: ${rendered.error}`);
      nodes = await graph.evaluate(() => window.regtextGraph.nodes());
      const has = (kind, pattern) => nodes.some((node) => node.classes.includes(kind) && pattern.test(node.label));
      const expected = [
        ['notice', /Yinfa \[2026\] No\. 118|银发〔2026〕118号/, 'the notice Yinfa [2026] No. 118 (notice-en/zh.notice)'],
        ['document', /briefing\.md/, 'the document briefing.md'],
        ['external', /Yinfa \[2026\] No\. 42|银发〔2026〕42号/, 'Yinfa [2026] No. 42, not in the workspace'],
        ['repealed', /Yinfa \[2021\] No\. 237|银发〔2021〕237号/, 'Yinfa [2021] No. 237, repealed'],
      ];
      const missing = expected.filter(([kind, pattern]) => !has(kind, pattern)).map(([, , what]) => what);
      if (missing.length > 0) {
        throw new Error(`the graph lacks ${missing.join('; ')}; nodes: ${JSON.stringify(nodes.map((n) => `${n.classes}: ${n.label}`))}`);
      }
      const summary = await graph.locator('#summary').innerText();
      await shot(page, '07-citation-graph');
      const refused = cspViolations.slice(violationsBefore);
      if (refused.length > 0) throw new Error(`the graph's Content-Security-Policy refused: ${refused.slice(0, 3).join(' | ')}`);
      return `(${nodes.length} nodes: ${JSON.stringify(summary)})`;
    });

    await step('clicking a notice in the graph opens its file', async () => {
      const notice = nodes.find((node) => node.classes.includes('notice') && /Yinfa \[2026\] No\. 118|银发〔2026〕118号/.test(node.label));
      const name = decodeURIComponent(notice.files[0]).split('/').pop();
      await graph.locator('#graph').click({ position: { x: notice.x, y: notice.y } });
      await page.locator('.tabs-container .tab', { hasText: name }).waitFor({ timeout: STEP_MS });
      await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor({ timeout: STEP_MS });
      await shot(page, '08-citation-graph-open');
      return `(${notice.label.split('\n')[0]} -> ${name})`;
    });

    await step('"regtext: Open Original Side by Side" opens notice-zh.notice beside, scrolled with the English', async () => {
      await runCommand(page, 'View: Close All Editors');
      await openFile(page, 'notice-en.notice');
      await runCommand(page, 'regtext: Open Original Side by Side');
      const groups = page.locator('.editor-group-container');
      await page.locator('.tabs-container .tab', { hasText: 'notice-zh.notice' }).waitFor({ timeout: START_MS });
      if (await groups.count() < 2) throw new Error(`the original opened in ${await groups.count()} editor group(s), not beside`);
      const target = lineCol(en, find(en, '\n(XI)', 'notice-en.notice') + 1);
      await goToLine(page, target.line, 1);
      await page.keyboard.press('Control+L'); // the line selected, so that the screenshot shows where the English is
      const chinese = groups.nth(1).locator('.view-lines');
      try {
        await chinese.filter({ hasText: '（十一）数据报送' }).waitFor({ timeout: STEP_MS });
      } catch {
        throw new Error(`the Chinese editor did not follow the English to (XI): it shows ${JSON.stringify((await chinese.innerText()).slice(0, 120))}`);
      }
      await shot(page, '09-side-by-side');
      return '(（十一） shown beside (XI))';
    });
  };

  try {
    await withTimeout(run(), timeoutMs, 'the UI test did not finish');
    ok = true;
  } catch (error) {
    console.log(`ui: ${error.message}`);
    await saveFailure({ page, server, dir: resultsDir, name: 'failure' });
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (ok) removeRunDir(runDir);
    else console.log(`run dir kept for inspection: ${runDir}`);
  }
  if (ok && updateDocs) {
    mkdirSync(docsImages, { recursive: true });
    for (const [from, to] of Object.entries(DOC_SHOTS)) copyFileSync(join(resultsDir, `${from}.png`), join(docsImages, to));
    console.log(`copied ${Object.keys(DOC_SHOTS).length} screenshots into ${docsImages}`);
  }
  const passed = results.filter((r) => r.ok).length;
  console.log(`ui: ${ok ? 'passed' : 'FAILED'} (${passed}/${results.length} steps) in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${resultsDir}`);
  return ok ? 0 : 1;
}

process.exitCode = await main().catch((error) => {
  console.log(`ui: ${error.message}`);
  return 1;
});
