/**
 * Process entry of the language server. The connection transport comes from the command line:
 * --stdio (Neovim, Helix, Emacs), --node-ipc (VS Code), or --socket=PORT.
 * In --stdio mode stdout is the protocol channel, so console output is sent to the client's log instead.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

process.on('uncaughtException', (error) => connection.console.error(`regtext: unexpected error: ${error.stack ?? error}`));

startServer(connection);
