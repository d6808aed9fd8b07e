/**
 * Process entry of the language server. The connection transport comes from the command line:
 * --stdio (Neovim, Helix, Emacs), --node-ipc (VS Code), or --socket=PORT.
 * In --stdio mode stdout is the protocol channel, so console output is sent to the client's log instead.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

const clientLog = connection.console;
const format = (args: unknown[]) => args.map(String).join(' ');
Object.assign(console, {
  log: (...args: unknown[]) => clientLog.log(format(args)),
  info: (...args: unknown[]) => clientLog.info(format(args)),
  warn: (...args: unknown[]) => clientLog.warn(format(args)),
  error: (...args: unknown[]) => clientLog.error(format(args)),
  debug: (...args: unknown[]) => clientLog.log(format(args)),
});

process.on('uncaughtException', (error) => clientLog.error(`regtext: unexpected error: ${error.stack ?? error}`));

startServer(connection);
