// The VS Code side of regtext: starts the language server and forwards documents to it, and registers the commands
// the server's results need (code lenses' references peek, the citation graph's view).
// No analysis happens here; everything a user sees comes from the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCitationGraph } from './citationGraph';
import { registerCounterpart } from './counterpart';
import { registerShowReferences } from './showReferences';

const DEFAULT_LANGUAGES = ['regtext', 'plaintext', 'markdown'];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
/**
 * Starts, stops and restarts run one after another on this chain. Otherwise a second quick restart (the command, then
 * a change of regtext.languages) would start a client while the first was still stopping the old one, and the first
 * would then start another: two servers, one of them orphaned.
 */
let lifecycle: Promise<void> = Promise.resolve();

function serialised(task: () => Promise<void>): Promise<void> {
  const result = lifecycle.then(task);
  lifecycle = result.catch(() => undefined); // a failed task must not stop the ones queued after it
  return result;
}

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
    // The server pulls both sections (files.exclude joins regtext.files.exclude); a change in either tells it to.
    synchronize: { configurationSection: ['regtext', 'files'] },
    // In Restricted Mode the server reads no workspace configuration (.regtext/config.json): built-in knowledge only.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  return new LanguageClient('regtext', 'regtext', serverOptions, clientOptions);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  output ??= vscode.window.createOutputChannel('regtext', { log: true });
  client = createClient(context, output);
  await client.start();
}

/** Stops the current client; a failure is logged, so that a restart still starts a new one. */
async function stopClient(): Promise<void> {
  const previous = client;
  client = undefined;
  try {
    await previous?.stop();
  } catch (error) {
    output?.error(vscode.l10n.t('Could not stop the language server: {0}', error instanceof Error ? error.message : String(error)));
  }
}

function restartClient(context: vscode.ExtensionContext): Promise<void> {
  return serialised(async () => {
    await stopClient();
    await startClient(context);
  });
}

/** The client once any start or restart under way has finished: commands that ask the server need it running. */
async function runningClient(): Promise<LanguageClient | undefined> {
  await lifecycle;
  return client;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('regtext.restartServer', () => restartClient(context)),
    vscode.commands.registerCommand('regtext.showOutput', () => output?.show(true)),
    registerShowReferences(),
    registerCitationGraph(context, runningClient),
    ...registerCounterpart(runningClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('regtext.languages')) void restartClient(context);
    }),
    // Trusted now: start again, reading the workspace configuration this time.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restartClient(context)),
  );
  await serialised(() => startClient(context));
}

export function deactivate(): Promise<void> {
  return serialised(stopClient);
}
