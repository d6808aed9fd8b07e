/**
 * Process entry of the language server. The connection transport comes from the command line:
 * --stdio (Neovim, Helix, Emacs), --node-ipc (VS Code), or --socket=PORT.
 * In --stdio mode stdout is the protocol channel, so console output is sent to the client's log instead, and the
 * input is read and parsed on a thread of its own (threadedReader.ts) when it is a pipe or a socket.
 */
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { startServer } from './server';
import { threadedStdinReader } from './threadedReader';

function connect(): Connection {
  const reader = process.argv.includes('--stdio') ? threadedStdinReader() : undefined;
  if (!reader) return createConnection(ProposedFeatures.all);
  // As the library does for standard input: its end ends the server, with 1 unless the client asked for a shutdown.
  reader.onClose(() => process.exit(reader.shutdownRequested ? 0 : 1));
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

const connection = connect();

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
