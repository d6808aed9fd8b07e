// The VS Code side of regtext: starts the language server and forwards documents to it.
// No analysis happens here; everything a user sees comes from the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

const DEFAULT_LANGUAGES = ['regtext', 'plaintext', 'markdown'];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function configuredLanguages(): string[] {
  const languages = vscode.workspace.getConfiguration('regtext').get<string[]>('languages');
  return Array.isArray(languages) && languages.length > 0 ? languages : DEFAULT_LANGUAGES;
}

function createClient(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const documentSelector = configuredLanguages().flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
    { scheme: 'vscode-remote', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: channel,
    synchronize: { configurationSection: 'regtext' },
  };
  return new LanguageClient('regtext', 'regtext', serverOptions, clientOptions);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  output ??= vscode.window.createOutputChannel('regtext', { log: true });
  client = createClient(context, output);
  await client.start();
}

async function restartClient(context: vscode.ExtensionContext): Promise<void> {
  const previous = client;
  client = undefined;
  await previous?.stop();
  await startClient(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('regtext.restartServer', () => restartClient(context)),
    vscode.commands.registerCommand('regtext.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('regtext.languages')) void restartClient(context);
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
