/**
 * The protocol's input read on a thread of its own (messageReaderWorker.ts), for the --stdio transport. The main
 * thread gets each message parsed: receiving, decoding and parsing a large didOpen or didChange no longer holds up
 * the requests about other documents queued behind it in the pipe.
 */
import { existsSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';
import type { ReaderWorkerMessage } from './messageReaderWorker';
import { quietWorker } from './workerOutput';

export class ThreadedMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly worker: Worker;
  private callback: DataCallback | undefined;
  /** Messages that came before `listen`. */
  private readonly early: Message[] = [];
  /** Whether the client asked the server to shut down: then the end of the input is the expected way out. */
  shutdownRequested = false;

  /** `log`: where what the worker writes goes (never stdout, which is the protocol). */
  constructor(script: string, log: (text: string) => void) {
    super();
    this.worker = quietWorker(script, {}, log);
    this.worker.on('message', (posted: ReaderWorkerMessage) => this.received(posted));
    this.worker.on('error', (error) => this.failed(`the reader of standard input failed: ${error.message}`));
    // It ends by itself, with 0, only once the input has closed (and said so).
    this.worker.on('exit', (code) => { if (code !== 0) this.failed(`the reader of standard input stopped (${code})`); });
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => { this.callback = undefined; } };
  }

  private received(posted: ReaderWorkerMessage): void {
    if ('message' in posted) this.deliver(posted.message as Message);
    else if ('error' in posted) this.fireError(new Error(`regtext: a message from the client was skipped: ${posted.error}`));
    else if (posted.failure) this.failed(`standard input failed: ${posted.failure}`);
    else this.fireClose();
  }

  private deliver(message: Message & { method?: string }): void {
    if (message.method === 'shutdown') this.shutdownRequested = true;
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }

  private failed(reason: string): void {
    this.fireError(new Error(`regtext: ${reason}`));
    this.fireClose();
  }

  override dispose(): void {
    super.dispose();
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}

/**
 * The threaded reader, when standard input is a pipe or a socket (how editors start a server) and the worker's
 * bundle is there; otherwise undefined, and the connection reads standard input on the main thread as usual.
 */
export function threadedStdinReader(log: (text: string) => void): ThreadedMessageReader | undefined {
  const script = join(__dirname, 'messageReaderWorker.js');
  if (!existsSync(script) || !isPipeOrSocket(0)) return undefined;
  return new ThreadedMessageReader(script, log);
}

function isPipeOrSocket(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}
