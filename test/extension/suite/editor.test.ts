// The extension through the real `vscode` API, in a real extension host, on the samples workspace (the opened
// folder is a copy of samples/ that the runner makes; the cross-file tests add a folder of their own to it).
// Positions are found by searching the text, never by line number; every wait is on a condition (events plus a
// bounded poll), never a fixed sleep.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'regtext.regtext';
/** Bound for the language server's first answer (its start-up included). */
const START_MS = 45_000;
/** Bound for one later wait on the language server. */
const WAIT_MS = 15_000;
/** Set when the server never answered within START_MS: later start-up waits use WAIT_MS, to fail fast. */
let serverSilent = false;
const startBound = (): number => (serverSilent ? WAIT_MS : START_MS);

const BANNED_TERMS = [
  'real-world asset tokenization', 'real world asset tokenization', 'virtual currency', 'virtual asset',
  'cryptocurrency', 'crypto asset', 'stablecoin', 'stable coin', 'RWA',
  '现实世界资产代币化', '虚拟货币', '虚拟资产', '加密货币', '加密资产', '稳定币',
];
const BANNING_NOTICE = /Yinfa\s*[[〔（(［]\s*2026\s*[\]〕）)］]\s*No\.?\s*42\b|银发\s*〔\s*2026\s*〕\s*42\s*号/;

// ---------------------------------------------------------------------------------------------------------
// Helpers

/**
 * Resolves with the first truthy value of `condition`, re-checked whenever one of `events` fires and on a
 * bounded poll; rejects after `timeoutMs` with `what` (a string, or a function giving the last state seen).
 */
export function waitFor<T>(
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs: number,
  what: string | (() => string),
  events: vscode.Event<unknown>[] = [],
  pollMs = 200,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    let running = false;
    let again = false;
    let lastError: unknown;
    const finish = (action: () => void): void => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      action();
    };
    const check = async (): Promise<void> => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          try {
            const value = await condition();
            if (value) {
              finish(() => resolve(value));
              return;
            }
          } catch (error) {
            lastError = error;
          }
        } while (again && !done);
      } finally {
        running = false;
      }
    };
    const timer = setTimeout(() => {
      const description = typeof what === 'function' ? what() : what;
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}${cause}`)));
    }, timeoutMs);
    const poll = setInterval(() => void check(), pollMs);
    for (const event of events) subscriptions.push(event(() => void check()));
    void check();
  });
}

/** The start of the `occurrence`-th (0-based) occurrence of `needle` in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  const text = doc.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`${fileName(doc)}: occurrence ${occurrence} of ${JSON.stringify(needle)} not found (found ${i})`);
    }
  }
  return doc.positionAt(index);
}

/** A position in the middle of the needle: inside the token whatever span convention the server uses. */
function middleOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  const start = doc.offsetAt(positionOf(doc, needle, occurrence));
  return doc.positionAt(start + Math.floor(needle.length / 2));
}

/** The first of `needles` the document contains. */
function firstPresent(doc: vscode.TextDocument, needles: string[], what: string): string {
  const text = doc.getText();
  const found = needles.find((needle) => text.includes(needle));
  if (!found) throw new Error(`${fileName(doc)} contains no ${what} (looked for ${needles.map((n) => JSON.stringify(n)).join(', ')})`);
  return found;
}

function fileName(doc: vscode.TextDocument): string {
  return doc.uri.path.split('/').pop() ?? doc.uri.toString();
}

function sampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open: the suite expects samples/ to be the opened folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openSample(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(sampleUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Hover text, with markdown escapes removed and whitespace and apostrophes normalised. */
function normalise(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1').replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
}

async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  const parts: string[] = [];
  for (const hover of hovers) {
    for (const content of hover.contents) {
      if (typeof content === 'string') parts.push(content);
      else if ('value' in content) parts.push(content.value);
    }
  }
  return normalise(parts.join('\n'));
}

/** Waits until the hover at `position` satisfies `accept`; returns its text. */
async function waitForHover(doc: vscode.TextDocument, position: vscode.Position, accept: (text: string) => boolean, what: string, timeoutMs = WAIT_MS): Promise<string> {
  let last = '';
  let answered = false;
  return waitFor(
    async () => {
      last = await hoverText(doc, position);
      answered ||= last.trim().length > 0;
      return accept(last) ? last : undefined;
    },
    timeoutMs,
    () => {
      if (!answered && timeoutMs >= START_MS) serverSilent = true;
      return `${what} at ${fileName(doc)}:${position.line + 1}:${position.character + 1}; last hover: ${JSON.stringify(last.slice(0, 400))}`;
    },
  );
}

type Target = { uri: vscode.Uri; range: vscode.Range };
async function definitions(doc: vscode.TextDocument, position: vscode.Position): Promise<Target[]> {
  const result = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
    'vscode.executeDefinitionProvider', doc.uri, position)) ?? [];
  return result.map((item) => ('targetUri' in item
    ? { uri: item.targetUri, range: item.targetSelectionRange ?? item.targetRange }
    : { uri: item.uri, range: item.range }));
}

async function documentSymbols(doc: vscode.TextDocument): Promise<(vscode.DocumentSymbol | vscode.SymbolInformation)[]> {
  return (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
    'vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
}

function flatten(symbols: vscode.DocumentSymbol[], depth = 0): { symbol: vscode.DocumentSymbol; depth: number }[] {
  return symbols.flatMap((symbol) => [{ symbol, depth }, ...flatten(symbol.children ?? [], depth + 1)]);
}

function outline(symbols: vscode.DocumentSymbol[], depth = 0, max = 30): string {
  return flatten(symbols, depth).slice(0, max).map(({ symbol, depth: d }) => `${'  '.repeat(d)}${symbol.name}`).join('\n');
}

/** Lines whose text starts (after indentation) with `label`. */
function linesStartingWith(doc: vscode.TextDocument, label: string): number[] {
  const lines: number[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    if (doc.lineAt(line).text.trimStart().startsWith(label)) lines.push(line);
  }
  return lines;
}

/** Lower case, hyphens as spaces, no line breaks inside CJK, singular: "Crypto-Assets" -> "crypto asset". */
function normaliseTerm(text: string): string {
  return text
    .replace(/([\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '$1')
    .replace(/[\s\-‐–]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/ies$/, 'y')
    .replace(/s$/, '');
}

function isBannedText(text: string): boolean {
  const normalised = normaliseTerm(text);
  return BANNED_TERMS.some((term) => normaliseTerm(term) === normalised);
}

function bannedDiagnostics(doc: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(doc.uri)
    .filter((d) => isBannedText(doc.getText(d.range)) || BANNING_NOTICE.test(normalise(d.message)));
}

function describeDiagnostics(doc: vscode.TextDocument): string {
  const all = vscode.languages.getDiagnostics(doc.uri);
  if (all.length === 0) return 'no diagnostics at all';
  return all.slice(0, 10).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${JSON.stringify(doc.getText(d.range))} ${d.source ?? ''}: ${d.message}`).join('\n');
}

/**
 * Hovers the first use of `term` after its definition at offset `definedAt` (or the definition itself) and
 * expects `snippet` in the hover.
 */
async function hoverShowsDefinition(doc: vscode.TextDocument, term: string, definedAt: number, snippet: string): Promise<void> {
  const text = doc.getText();
  const definitionAt = text.indexOf(term, definedAt);
  const useAt = text.indexOf(term, definitionAt + term.length);
  const offset = (useAt >= 0 ? useAt : definitionAt) + Math.floor(term.length / 2);
  const wanted = normalise(snippet).toLowerCase();
  await waitForHover(doc, doc.positionAt(offset), (hover) => hover.toLowerCase().includes(wanted),
    `the definition of "${term}" (containing "${wanted}") in its hover`);
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this editor`);
  return ext;
}

async function waitForActive(doc: vscode.TextDocument): Promise<void> {
  const ext = extension();
  await waitFor(() => ext.isActive, START_MS, `${EXTENSION_ID} to activate after opening ${fileName(doc)} (${doc.languageId})`,
    [vscode.extensions.onDidChange]);
}

const AGENCY_EN = ["People's Bank of China", 'People’s Bank of China', 'PBOC'];
const AGENCY_ZH = ['中国人民银行', '人民银行'];
const AGENCY_ANY = [...AGENCY_EN, ...AGENCY_ZH, 'National Development and Reform Commission', '国家发展和改革委员会'];
const agencyHover = (text: string): boolean =>
  /People's Bank of China/.test(text) && /中国人民银行/.test(text);

// ---------------------------------------------------------------------------------------------------------

describe('regtext in a real editor', () => {
  after(async () => {
    // Leave the samples as they were: the diagnostics test edits a document without saving it.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('activation', () => {
    // Opened first, so this is the document that activates the extension (activation: onLanguage:markdown).
    it('activates for a markdown document', async function () {
      this.timeout(START_MS + 5_000);
      const doc = await openSample('briefing.md');
      assert.equal(doc.languageId, 'markdown');
      await waitForActive(doc);
    });

    it('is active for a plaintext document, and its server answers there', async function () {
      this.timeout(START_MS + 5_000);
      const doc = await openSample('business-scope-draft.txt');
      assert.equal(doc.languageId, 'plaintext');
      await waitForActive(doc);
      const banned = firstPresent(doc, BANNED_TERMS, 'banned term');
      await waitForHover(doc, middleOf(doc, banned), (text) => text.trim().length > 0,
        `the language server's first hover (on ${JSON.stringify(banned)})`, startBound());
    });

    it('is active for a regtext document (.notice)', async () => {
      const doc = await openSample('notice-en.notice');
      assert.equal(doc.languageId, 'regtext', '.notice files should get the regtext language');
      await waitForActive(doc);
    });

    it('serves markdown: hover on an agency in briefing.md', async () => {
      const doc = await openSample('briefing.md');
      const agency = firstPresent(doc, AGENCY_ANY, 'agency name');
      await waitForHover(doc, middleOf(doc, agency), (text) => /[A-Za-z]{3,}/.test(text) && /[\u4e00-\u9fff]/.test(text),
        `a hover with English and Chinese names on ${JSON.stringify(agency)}`);
    });
  });

  describe('language features', () => {
    before(async function () {
      // One bounded wait for the server to answer at all; if it never does, the features below are skipped
      // (reported as a failed hook) instead of each waiting out its own timeout.
      this.timeout(START_MS + 5_000);
      const doc = await openSample('notice-en.notice');
      const agency = firstPresent(doc, AGENCY_ANY, 'agency name');
      await waitForHover(doc, middleOf(doc, agency), (text) => text.trim().length > 0,
        `the language server to answer a hover on ${JSON.stringify(agency)} in notice-en.notice`, startBound());
    });

    describe('hover', () => {
      it('on an agency (English) gives its English and Chinese names', async () => {
        const doc = await openSample('notice-en.notice');
        const agency = firstPresent(doc, AGENCY_EN, "People's Bank of China");
        await waitForHover(doc, middleOf(doc, agency), agencyHover, `"People's Bank of China" and "中国人民银行" in the hover on ${agency}`);
      });

      it('on an agency (Chinese) gives its English and Chinese names', async () => {
        const doc = await openSample('notice-zh.notice');
        const agency = firstPresent(doc, AGENCY_ZH, '中国人民银行');
        await waitForHover(doc, middleOf(doc, agency), agencyHover, `"People's Bank of China" and "中国人民银行" in the hover on ${agency}`);
      });

      it('on a notice number mentions its title or that it was repealed', async () => {
        const mentionsTitleOrRepeal = (text: string): boolean =>
          /repeal|废止|Virtual Currency Trading Speculation|虚拟货币交易炒作/i.test(text);
        const en = await openSample('notice-en.notice');
        const enNumber = firstPresent(en, ['Yinfa [2021] No. 237', 'Yinfa〔2021〕No. 237'], 'Yinfa [2021] No. 237');
        await waitForHover(en, middleOf(en, enNumber), mentionsTitleOrRepeal, `the title of 银发〔2021〕237号 or "repealed" in the hover on ${enNumber}`);
        const zh = await openSample('notice-zh.notice');
        const zhNumber = firstPresent(zh, ['银发〔2021〕237号'], '银发〔2021〕237号');
        await waitForHover(zh, middleOf(zh, zhNumber), mentionsTitleOrRepeal, `the title of 银发〔2021〕237号 or "废止" in the hover on ${zhNumber}`);
      });

      it('on a defined term shows its definition (English)', async () => {
        const doc = await openSample('notice-en.notice');
        const text = doc.getText();
        // `... services (hereinafter referred to as "term")`: the words before the parenthesis define the term.
        const hereinafter = /([^.;:()\n]{8,}?)\s*\(\s*hereinafter(?: referred to)? as\s*(?:the\s+)?["“]([^"”)]+)["”]\s*\)/i.exec(text);
        const refersTo = /["“]([^"”]{2,60})["”]\s+(?:refers to|means)\s+([^.;\n]{8,})/i.exec(text);
        let term: string;
        let definedAt: number;
        let definitionWords: string;
        if (hereinafter?.[1] && hereinafter[2]) {
          term = hereinafter[2].trim();
          definedAt = hereinafter.index + hereinafter[1].length;
          definitionWords = hereinafter[1].trim().split(/\s+/).slice(-3).join(' ');
        } else if (refersTo?.[1] && refersTo[2]) {
          term = refersTo[1].trim();
          definedAt = refersTo.index;
          definitionWords = refersTo[2].trim().split(/\s+/).slice(0, 3).join(' ');
        } else {
          throw new Error('notice-en.notice defines no term (neither `(hereinafter referred to as "...")` nor `"..." refers to ...`)');
        }
        await hoverShowsDefinition(doc, term, definedAt, definitionWords);
      });

      it('on a defined term shows its definition (Chinese)', async () => {
        const doc = await openSample('notice-zh.notice');
        // `……机构（以下简称“支付机构”）`: the characters before the parenthesis define the term.
        const match = /([^。；：，、（）\n]{4,})（以下简称[“"]([^”"]+)[”"]）/.exec(doc.getText());
        assert.ok(match?.[1] && match[2], 'notice-zh.notice defines no term like （以下简称“……”）');
        await hoverShowsDefinition(doc, match[2], match.index + match[1].length, match[1].slice(-8));
      });

      it('on a banned term mentions the banning notice Yinfa [2026] No. 42', async () => {
        const doc = await openSample('business-scope-draft.txt');
        for (const terms of [BANNED_TERMS.filter((t) => /^[\x20-\x7e]+$/.test(t)), BANNED_TERMS.filter((t) => /[\u4e00-\u9fff]/.test(t))]) {
          const banned = firstPresent(doc, terms, 'banned term');
          await waitForHover(doc, middleOf(doc, banned), (text) => BANNING_NOTICE.test(text),
            `"Yinfa [2026] No. 42" or "银发〔2026〕42号" in the hover on ${JSON.stringify(banned)}`);
        }
      });
    });

    describe('definition', () => {
      it('of a clause reference lands on the line of that clause', async () => {
        const doc = await openSample('notice-en.notice');
        // A reference to a clause of this notice (not "Clause (5) of Yinfa [2026] No. 42", another notice's).
        const reference = firstPresent(doc, ['Clause (IX)', 'Clause (III) of this Notice'], 'clause reference');
        const label = reference.slice(reference.indexOf('('), reference.indexOf(')') + 1);
        const labelAt = doc.offsetAt(positionOf(doc, reference)) + reference.indexOf('(');
        const position = doc.positionAt(labelAt + Math.floor(label.length / 2));
        const clauseLines = linesStartingWith(doc, label);
        assert.ok(clauseLines.length > 0, `notice-en.notice has no line starting with ${label}`);
        let last: Target[] = [];
        const targets = await waitFor(async () => {
          last = await definitions(doc, position);
          return last.length > 0 ? last : undefined;
        }, WAIT_MS, () => `a definition for "${reference}" at line ${position.line + 1}`);
        const target = targets[0]!;
        assert.equal(target.uri.toString(), doc.uri.toString(), `the definition of ${reference} should be in the same notice`);
        assert.ok(clauseLines.includes(target.range.start.line),
          `the definition of ${reference} landed on line ${target.range.start.line + 1} ("${doc.lineAt(target.range.start.line).text.slice(0, 60)}"), expected one of lines ${clauseLines.map((l) => l + 1).join(', ')}`);
        assert.notEqual(target.range.start.line, position.line, 'the definition should not be the reference itself');
      });
    });

    describe('document symbols', () => {
      const cases: [string, string][] = [['notice-en.notice', '(I)'], ['notice-zh.notice', '一、']];
      for (const [sample, label] of cases) {
        it(`are hierarchical with labels like "${label}" in ${sample}`, async () => {
          const doc = await openSample(sample);
          let symbols: vscode.DocumentSymbol[] = [];
          await waitFor(async () => {
            const result = await documentSymbols(doc);
            symbols = result.filter((s): s is vscode.DocumentSymbol => 'children' in s);
            return symbols.length > 0;
          }, WAIT_MS, () => `hierarchical document symbols for ${sample}`);
          const all = flatten(symbols);
          assert.ok(all.some(({ depth }) => depth > 0), `the outline of ${sample} is flat:\n${outline(symbols)}`);
          assert.ok(all.some(({ symbol }) => symbol.name.includes(label)), `no symbol labelled "${label}" in the outline of ${sample}:\n${outline(symbols)}`);
          for (const { symbol } of all) {
            assert.ok(symbol.range.contains(symbol.selectionRange), `symbol "${symbol.name}": selectionRange outside range`);
          }
        });
      }
    });

    describe('diagnostics', () => {
      it('appear for banned terms, and disappear when the text is changed', async () => {
        const doc = await openSample('business-scope-draft.txt');
        const found = await waitFor(() => {
          const banned = bannedDiagnostics(doc);
          return banned.length > 0 ? banned : undefined;
        }, WAIT_MS, () => `banned-term diagnostics in business-scope-draft.txt; have: ${describeDiagnostics(doc)}`,
        [vscode.languages.onDidChangeDiagnostics]);
        assert.ok(found.some((d) => BANNING_NOTICE.test(normalise(d.message)) || /banned|prohibit|not allowed|禁止|不得/i.test(d.message)),
          `no banned-term diagnostic says why (the notice or "banned"): ${describeDiagnostics(doc)}`);

        // Identifiers that merely contain a banned term are not hits.
        for (const identifier of ['xRWA', 'RWA2']) {
          const text = doc.getText();
          for (let at = text.indexOf(identifier); at >= 0; at = text.indexOf(identifier, at + 1)) {
            const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + identifier.length));
            const hit = found.find((d) => d.range.intersection(range) && !d.range.intersection(range)!.isEmpty);
            assert.ok(!hit, `"${identifier}" at line ${range.start.line + 1} is flagged, but it is an identifier, not the term RWA`);
          }
        }

        // Type over every flagged term, as a user would, in one edit.
        const edit = new vscode.WorkspaceEdit();
        let previous: vscode.Range | undefined;
        for (const range of found.map((d) => d.range).sort((a, b) => b.start.compareTo(a.start))) {
          if (previous && range.end.isAfter(previous.start)) continue; // overlaps the one after it
          edit.replace(doc.uri, range, 'software');
          previous = range;
        }
        assert.ok(await vscode.workspace.applyEdit(edit), 'the workspace edit was not applied');
        await waitFor(() => bannedDiagnostics(doc).length === 0, WAIT_MS,
          () => `banned-term diagnostics to disappear after the edit; still have: ${describeDiagnostics(doc)}`,
          [vscode.languages.onDidChangeDiagnostics]);
      });
    });
  });

  describe('across files', () => {
    // A notice of the workspace (a short stand-in for Yinfa [2026] No. 42) and a memo that cites it, written into the
    // opened folder while the editor runs: the server learns of them from its file watcher. The notice is not opened
    // before the memo's definitions are asked.
    const FOLDER = 'cross-file';
    const NOTICE = 'yinfa-2026-42.notice';
    const MEMO = 'memo.md';
    /** test/editor/fixtures/cross-file, which the Neovim test opens too (this file runs from dist/test/extension/suite). */
    const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'editor', 'fixtures', FOLDER, name), 'utf8');
    let noticeUri: vscode.Uri;
    let memoUri: vscode.Uri;

    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const shortName = (uri: vscode.Uri) => uri.path.split('/').slice(-2).join('/');
    const describeTargets = (targets: Target[]) => JSON.stringify(targets.map((t) => `${shortName(t.uri)}:${t.range.start.line + 1}:${t.range.start.character + 1}`));

    /** Waits until a definition at the middle of `needle` (or of `focus` inside it) lands in the notice's file. */
    async function definitionIntoNotice(doc: vscode.TextDocument, needle: string, focus = needle): Promise<Target> {
      const at = doc.offsetAt(positionOf(doc, needle)) + needle.indexOf(focus) + Math.floor(focus.length / 2);
      const position = doc.positionAt(at);
      let last: Target[] = [];
      const targets = await waitFor(async () => {
        last = await definitions(doc, position);
        return last.some((t) => t.uri.toString() === noticeUri.toString()) ? last : undefined;
      }, WAIT_MS, () => `a definition of "${needle}" in ${NOTICE}; last: ${describeTargets(last)}`);
      return targets.find((t) => t.uri.toString() === noticeUri.toString())!;
    }

    before(async function () {
      this.timeout(START_MS + 5_000);
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'no workspace folder is open');
      noticeUri = vscode.Uri.joinPath(folder.uri, FOLDER, NOTICE);
      memoUri = vscode.Uri.joinPath(folder.uri, FOLDER, MEMO);
      await write(noticeUri, fixture(NOTICE));
      await write(memoUri, fixture(MEMO));
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (folder) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, FOLDER), { recursive: true, useTrash: false });
    });

    it('definition of a notice number in a memo opens the notice\'s file', async () => {
      const memo = await vscode.workspace.openTextDocument(memoUri);
      await vscode.window.showTextDocument(memo, { preview: false });
      const target = await definitionIntoNotice(memo, 'Yinfa [2026] No. 42');
      const notice = await vscode.workspace.openTextDocument(noticeUri);
      const shown = notice.getText(target.range);
      assert.ok(/Yinfa \[2026\] No\. 42|Notice of/.test(shown),
        `the definition landed on ${JSON.stringify(shown)} at ${NOTICE}:${target.range.start.line + 1}, expected the notice's number or title`);
    });

    it('definition of "Clause (5) of Yinfa [2026] No. 42" lands on clause (5) of the notice\'s file', async () => {
      const memo = await vscode.workspace.openTextDocument(memoUri);
      const target = await definitionIntoNotice(memo, 'Clause (5) of Yinfa [2026] No. 42', '(5)');
      const notice = await vscode.workspace.openTextDocument(noticeUri);
      const clauseLine = linesStartingWith(notice, '(5)');
      assert.deepEqual([target.range.start.line], clauseLine,
        `the definition landed on line ${target.range.start.line + 1} ("${notice.lineAt(target.range.start.line).text.slice(0, 40)}"), expected the line of clause (5)`);
      assert.ok(notice.getText(target.range).startsWith('(5)') || target.range.start.character === 0,
        `the definition's range covers ${JSON.stringify(notice.getText(target.range))}, not the label (5)`);
    });

    it('a code lens on the notice\'s own number counts the documents citing it and shows them', async () => {
      const notice = await vscode.workspace.openTextDocument(noticeUri);
      await vscode.window.showTextDocument(notice, { preview: false });
      const numberRange = new vscode.Range(positionOf(notice, 'Yinfa [2026] No. 42'), notice.positionAt(notice.offsetAt(positionOf(notice, 'Yinfa [2026] No. 42')) + 'Yinfa [2026] No. 42'.length));
      type Lens = { lens: vscode.CodeLens; locations: { uri: string }[] };
      let seen: string[] = [];
      const { lens, locations } = await waitFor<Lens>(async () => {
        const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', noticeUri)) ?? [];
        seen = lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title ?? '(unresolved)'} [${l.command?.command ?? ''}]`);
        const found = lenses.find((l) => l.command?.command === 'regtext.showReferences' && /cited by/.test(l.command.title));
        const args = found?.command?.arguments as [unknown, unknown, { uri: string }[]] | undefined;
        // The memo was written a moment ago: wait until the index has it.
        return found && args?.[2]?.some((l) => l.uri === memoUri.toString()) ? { lens: found, locations: args[2] } : undefined;
      }, WAIT_MS, () => `a "cited by …" code lens on ${NOTICE} whose locations include ${MEMO}; lenses: ${JSON.stringify(seen)}`,
      [vscode.languages.onDidChangeDiagnostics]);
      assert.ok(lens.range.intersection(numberRange), `the code lens is on line ${lens.range.start.line + 1}, not on the notice's number (line ${numberRange.start.line + 1})`);

      // The documents that name the notice by its number (the samples cite it too); the server may find more
      // (titles, short names), but never fewer, and its title counts the documents of its locations.
      const citing = new Set(locations.map((l) => l.uri));
      const files = await vscode.workspace.findFiles('**/*.{txt,md,notice,regtext}');
      for (const file of files) {
        if (file.toString() === noticeUri.toString()) continue;
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        if (BANNING_NOTICE.test(text)) assert.ok(citing.has(file.toString()), `${shortName(file)} cites Yinfa [2026] No. 42, but the code lens's locations leave it out`);
      }
      const n = citing.size;
      assert.match(lens.command!.title, new RegExp(`cited by ${n} document${n === 1 ? '' : 's'}\\b`),
        `the code lens says ${JSON.stringify(lens.command!.title)}; its locations are in ${n} document(s)`);

      // Running it (as a click on the lens does) converts the JSON arguments and opens the references peek.
      await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    });
  });

  describe('original and translation', () => {
    const lineOf = (doc: vscode.TextDocument, start: string): number => {
      const line = doc.getText().split(/\r?\n/).findIndex((text) => text.trimStart().startsWith(start));
      assert.ok(line >= 0, `${fileName(doc)} has no line starting ${JSON.stringify(start)}`);
      return line;
    };
    const editorOf = (name: string): vscode.TextEditor | undefined => vscode.window.visibleTextEditors.find((editor) => fileName(editor.document) === name);
    const topLine = (editor: vscode.TextEditor | undefined): number => editor?.visibleRanges[0]?.start.line ?? -1;
    /**
     * Waits until `editor` shows `line` at its top: among its first lines, as sticky scroll's headers (the clauses
     * the line is in) cover a few lines above a line revealed at the top.
     */
    const waitForTop = (name: string, line: number, what: string) => waitFor(() => topLine(editorOf(name)) <= line && line <= topLine(editorOf(name)) + 5, WAIT_MS,
      () => `${what}: ${name} shows line ${topLine(editorOf(name)) + 1} at the top, not line ${line + 1} (visible: ${vscode.window.visibleTextEditors.map((editor) =>
        `${fileName(editor.document)} ${editor.visibleRanges.map((range) => `${range.start.line + 1}-${range.end.line + 1}`).join(',')}`).join('; ')})`,
      [vscode.window.onDidChangeTextEditorVisibleRanges]);

    it('a clause label\'s hover shows the counterpart clause of the Chinese original', async () => {
      const doc = await openSample('notice-en.notice');
      await waitForActive(doc);
      await waitForHover(doc, new vscode.Position(lineOf(doc, '(5) No Services'), 1), (text) => text.includes('（五）'),
        'a hover on (5) that shows （五） of notice-zh.notice');
    });

    it('opens the original side by side, and keeps the two scrolled in step both ways until one closes', async () => {
      const en = await openSample('notice-en.notice');
      await vscode.commands.executeCommand('regtext.openSideBySide');
      const zh = await waitFor(() => editorOf('notice-zh.notice')?.document, WAIT_MS, 'notice-zh.notice opened beside', [vscode.window.onDidChangeVisibleTextEditors]);
      assert.notEqual(editorOf('notice-zh.notice')!.viewColumn, editorOf('notice-en.notice')!.viewColumn, 'beside, not in place');
      editorOf('notice-en.notice')!.revealRange(new vscode.Range(lineOf(en, '(XI)'), 0, lineOf(en, '(XI)'), 0), vscode.TextEditorRevealType.AtTop);
      await waitForTop('notice-zh.notice', lineOf(zh, '（十一）'), 'the English scrolled to (XI)');
      editorOf('notice-zh.notice')!.revealRange(new vscode.Range(lineOf(zh, '（五）'), 0, lineOf(zh, '（五）'), 0), vscode.TextEditorRevealType.AtTop);
      await waitForTop('notice-en.notice', lineOf(en, '(5) No Services'), 'the Chinese scrolled to （五）');
    });

    it('goes to the counterpart of the line the cursor is on', async () => {
      const en = await openSample('notice-en.notice');
      const editor = vscode.window.activeTextEditor!;
      const line = lineOf(en, '(6) Stablecoins');
      editor.selection = new vscode.Selection(line, 10, line, 10);
      await vscode.commands.executeCommand('regtext.goToCounterpart');
      const zhEditor = await waitFor(() => (vscode.window.activeTextEditor && fileName(vscode.window.activeTextEditor.document) === 'notice-zh.notice' ? vscode.window.activeTextEditor : undefined),
        WAIT_MS, 'notice-zh.notice active after go to counterpart', [vscode.window.onDidChangeActiveTextEditor]);
      assert.equal(zhEditor.selection.active.line, lineOf(zhEditor.document, '（六）'), 'the cursor on （六）');
    });
  });
});
