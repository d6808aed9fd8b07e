/**
 * The user's language over the real protocol and the CLI: a server initialised with `locale: zh-cn` writes its
 * diagnostics, hovers and code action titles in Chinese, with `en` (or none) in English; the regtext.diagnostics.*
 * settings take diagnostics of one kind away (and back) at once; `regtext check` follows LC_ALL / LC_MESSAGES / LANG
 * and --locale, and keeps its codes and JSON keys in every language.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { hoverText, LspClient, messageOf, REPO_ROOT } from './lspClient';

/** A business scope with a banned term, a numbering gap and a reference to no clause: three kinds of diagnostic. */
const TEXT = [
  'Business scope: stablecoin issuance.',
  '(1) The PBOC supervises. See Clause (9) of this Notice.',
  '(3) Three.',
  '',
].join('\n');

const codesOf = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code).sort();

describe('locale: a server initialised with locale zh-cn', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ locale: 'zh-cn' }); });
  after(async () => { await client.shutdown(); });

  test('diagnostics are in Chinese', async () => {
    const { diagnostics } = await client.open(TEXT);
    assert.deepEqual(codesOf(diagnostics), ['banned-term', 'numbering-gap', 'unresolved-reference']);
    const byCode = new Map(diagnostics.map((diagnostic) => [diagnostic.code, messageOf(diagnostic)]));
    assert.equal(byCode.get('banned-term'), '“stablecoin”属于禁用词：见银发〔2026〕42号第（八）项。');
    assert.equal(byCode.get('numbering-gap'), '编号跳号：在 (1)（第 2 行）之后应为 (2)，实为 (3)（缺少 (2)）。');
    assert.equal(byCode.get('unresolved-reference'), '“Clause (9) of this Notice”所指条款在本文档中不存在。');
  });

  test('hovers are in Chinese, and say where a banned term stands', async () => {
    const { uri } = await client.open(TEXT);
    const banned = hoverText(await client.hover(uri, { line: 0, character: 18 }));
    assert.match(banned, /^\*\*禁用词\*\* “stablecoin”/);
    assert.match(banned, /\*出现在经营范围中：报告为错误。\*/);
    const agency = hoverText(await client.hover(uri, { line: 1, character: 10 }));
    assert.match(agency, /^\*\*中国人民银行\*\* · People's Bank of China/);
  });

  test('code action titles are in Chinese', async () => {
    const { uri } = await client.open(TEXT);
    const actions = await client.codeActions(uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }) as CodeAction[];
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('将 (3) 重新编号为 (2)'), titles.join('\n'));
    assert.ok(titles.includes('在此行屏蔽 numbering-gap'), titles.join('\n'));
  });

  test('a rename refused says why in Chinese', async () => {
    const { uri } = await client.open(TEXT);
    await assert.rejects(client.prepareRename(uri, { line: 1, character: 10 }), /监管机构名称不属于本文档/);
  });
});

describe('locale: a server initialised with locale en', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ locale: 'en' }); });
  after(async () => { await client.shutdown(); });

  test('diagnostics, hovers and code action titles are in English', async () => {
    const { uri, diagnostics } = await client.open(TEXT);
    assert.ok(diagnostics.some((diagnostic) => messageOf(diagnostic) === '"stablecoin" is a banned term: Terms barred from company names and business scopes (Yinfa [2026] No. 42), clause (8).'));
    assert.match(hoverText(await client.hover(uri, { line: 0, character: 18 })), /\*Seen in a business scope: reported as an error\.\*/);
    const actions = await client.codeActions(uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }) as CodeAction[];
    assert.ok(actions.some((action) => action.title === 'Renumber (3) as (2)'));
  });
});

describe('settings: diagnostics by kind, live', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ configuration: { regtext: {} } }); });
  after(async () => { await client.shutdown(); });

  /** Changes the settings and returns the diagnostics the server publishes for `uri` next. */
  async function withSettings(uri: string, regtext: Record<string, unknown>): Promise<string[]> {
    const next = client.nextDiagnostics(uri);
    client.settings = { regtext };
    await client.changeConfiguration({ regtext });
    return codesOf((await next).diagnostics) as string[];
  }

  test('turning a kind off removes exactly its diagnostics; turning it on brings them back; the master switch removes all', async () => {
    const { uri, diagnostics } = await client.open(TEXT);
    assert.deepEqual(codesOf(diagnostics), ['banned-term', 'numbering-gap', 'unresolved-reference']);
    assert.deepEqual(await withSettings(uri, { diagnostics: { numbering: false } }), ['banned-term', 'unresolved-reference']);
    assert.deepEqual(await withSettings(uri, { diagnostics: { bannedTerms: false } }), ['numbering-gap', 'unresolved-reference']);
    assert.deepEqual(await withSettings(uri, { diagnostics: { references: false, bannedTerms: false } }), ['numbering-gap']);
    assert.deepEqual(await withSettings(uri, { diagnostics: { enable: false } }), []);
    assert.deepEqual(await withSettings(uri, {}), ['banned-term', 'numbering-gap', 'unresolved-reference']);
  });

  test('regtext.diagnostics.suppressions turns off the hint on a suppression that silences nothing', async () => {
    const { uri, diagnostics } = await client.open('// regtext-disable-next-line banned-term\nNothing here.\n');
    assert.deepEqual(codesOf(diagnostics), ['unused-suppression']);
    assert.deepEqual(await withSettings(uri, { diagnostics: { suppressions: false } }), []);
    assert.deepEqual(await withSettings(uri, {}), ['unused-suppression']);
  });
});

describe('locale: regtext check', () => {
  const CLI = resolve(REPO_ROOT, 'bin/regtext');
  let directory: string;
  let path: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'regtext-locale-'));
    path = join(directory, 'scope.txt');
    writeFileSync(path, TEXT);
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  /** Runs `regtext check` with exactly these locale variables (the others unset). */
  function check(environment: Record<string, string>, ...args: string[]) {
    const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...environment };
    const result = spawnSync(process.execPath, [CLI, 'check', ...args, path], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000, env });
    return { stdout: result.stdout, stderr: result.stderr };
  }

  test('LANG=zh_CN.UTF-8: text output and the summary in Chinese, codes as ever', () => {
    const { stdout, stderr } = check({ LANG: 'zh_CN.UTF-8' });
    assert.match(stdout, /:1:17: error: “stablecoin”属于禁用词：见银发〔2026〕42号第（八）项。 \[banned-term\]/);
    assert.match(stderr, /^regtext：已检查 1 个文件；错误 1，警告 2，信息 0，提示 0$/m);
  });

  test('LC_ALL wins over LANG, LC_MESSAGES over LANG; --locale wins over them all', () => {
    assert.match(check({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }).stdout, /is a banned term/);
    assert.match(check({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }).stdout, /属于禁用词/);
    assert.match(check({ LANG: 'zh_CN.UTF-8' }, '--locale', 'en').stdout, /is a banned term/);
    assert.match(check({ LC_ALL: 'C' }, '--locale=zh-cn').stdout, /属于禁用词/);
    assert.match(check({}).stdout, /is a banned term/);
  });

  test('SARIF message texts are localised; JSON keeps its keys and codes', () => {
    const sarif = JSON.parse(check({}, '--locale', 'zh-cn', '--format', 'sarif').stdout) as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
    const banned = sarif.runs[0]!.results.find((result) => result.ruleId === 'banned-term');
    assert.equal(banned?.message.text, '“stablecoin”属于禁用词：见银发〔2026〕42号第（八）项。');
    const json = JSON.parse(check({}, '--locale', 'zh-cn', '--format', 'json').stdout) as { diagnostics: { code: string; severity: string }[] }[];
    assert.deepEqual(json[0]!.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`).sort(),
      ['error banned-term', 'warning numbering-gap', 'warning unresolved-reference']);
  });
});
