/**
 * Process entry of the language server. The connection transport comes from the command line:
 * --stdio (Neovim, Helix, Emacs), --node-ipc (VS Code), or --socket=PORT.
 * In --stdio mode stdout is the protocol channel, so console output is sent to the client's log instead.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

const format = (args: unknown[]) => args.map(String).join(' ');
Object.assign(console, {
  log: (...args: unknown[]) => connection.console.log(format(args)),
  info: (...args: unknown[]) => connection.console.info(format(args)),
  warn: (...args: unknown[]) => connection.console.warn(format(args)),
  error: (...args: unknown[]) => connection.console.error(format(args)),
  debug: (...args: unknown[]) => connection.console.log(format(args)),
});

process.on('uncaughtException', (error) => connection.console.error(`regtext: unexpected error: ${error.stack ?? error}`));

startServer(connection);
