// The extension in VS Code's Chinese display language: run by `node test/editor/extension-host.mjs --locale zh-cn`,
// which sets REGTEXT_SUITE_LOCALE (and runs only these tests); skipped in the English run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const locale = process.env.REGTEXT_SUITE_LOCALE;
const WAIT_MS = 30_000;

async function eventually<T>(what: string, probe: () => Promise<T> | T, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

(locale ? describe : describe.skip)('locale: the extension in the display language zh-cn', () => {
  let document: vscode.TextDocument;
  let extension: vscode.Extension<unknown>;
  before(async () => {
    const found = vscode.extensions.all.find((candidate) => candidate.packageJSON?.name === 'regtext');
    assert.ok(found, 'the regtext extension is loaded');
    extension = found;
    document = await vscode.workspace.openTextDocument({ language: 'regtext', content: 'Business scope: stablecoin issuance.\n(1) The PBOC supervises.\n' });
    await vscode.window.showTextDocument(document);
    // The extension host loads the extension's l10n bundle while activating it; opening the document only starts that.
    await extension.activate();
  });

  it('vscode.env.language is the display language', () => {
    assert.equal(vscode.env.language, locale);
  });

  it('the client strings come from l10n/bundle.l10n.zh-cn.json', () => {
    assert.equal(vscode.l10n.t('Citation graph of the workspace'), '工作区的引用关系图');
  });

  it('the command titles come from package.nls.zh-cn.json', () => {
    type Title = string | { value: string; original: string };
    const commands = (extension.packageJSON as { contributes: { commands: { command: string; title: Title }[] } }).contributes.commands;
    const restart = commands.find((command) => command.command === 'regtext.restartServer');
    // VS Code replaces %keys% in the manifest it loads with the strings of the display language; a command's title
    // keeps the English beside them (the palette shows the value and also finds the command by the original).
    // In English the title is the plain string.
    assert.deepEqual(restart?.title, { value: '重新启动语言服务器', original: 'Restart Language Server' });
  });

  it('a diagnostic is in Chinese', async () => {
    const diagnostics = await eventually('a banned-term diagnostic', () => vscode.languages.getDiagnostics(document.uri), (found) => found.length > 0);
    const banned = diagnostics.find((diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'banned-term');
    assert.equal(banned?.message, '“stablecoin”属于禁用词：见银发〔2026〕42号第（八）项。');
  });

  it('a hover is in Chinese', async () => {
    const text = await eventually('the hover of PBOC', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 10));
      return (hovers ?? []).flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    }, (found) => found.includes('中国人民银行'));
    assert.match(text, /^\*\*中国人民银行\*\* · People's Bank of China/m);
    assert.match(text, /\*监管机构\*/);
  });
});
