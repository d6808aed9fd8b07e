/**
 * Process entry of the language server. The connection transport comes from the command line:
 * --stdio (Neovim, Helix, Emacs), --node-ipc (VS Code), or --socket=PORT.
 * In --stdio mode stdout is the protocol channel, so console output is sent to the client's log instead, and the
 * input is read and parsed on a thread of its own (threadedReader.ts) when it is a pipe or a socket.
 */
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';
import { threadedStdinReader } from './threadedReader';
import { tuneCompilerForColdWork } from './compilerTuning';

tuneCompilerForColdWork();
const reader = process.argv.includes('--stdio') ? threadedStdinReader((text) => connection.console.error(text)) : undefined;
const connection = reader
  ? createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
if (reader) {
  reader.onError((error) => connection.console.error(error.message));
  // As the library does for standard input: its end ends the server, with 0 after a shutdown request, else 1.
  reader.onClose(() => process.exit(reader.shutdownRequested ? 0 : 1));
}

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
