/**
 * The protocol's input read on a thread of its own (messageReaderWorker.ts), for the --stdio transport. The main
 * thread gets each message parsed: decoding and parsing a large didOpen or didChange (tens of milliseconds for
 * 10 MB) no longer holds up the requests about other documents queued behind it.
 */
import { existsSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';
import type { ReaderWorkerMessage } from './messageReaderWorker';

export class ThreadedMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly worker: Worker;
  private callback: DataCallback | undefined;
  /** Whether the client asked the server to shut down: then the end of the input is the expected way out. */
  shutdownRequested = false;

  constructor(script: string) {
    super();
    this.worker = new Worker(script);
    this.worker.on('message', (posted: ReaderWorkerMessage) => this.received(posted));
    this.worker.on('error', (error) => {
      this.fireError(error);
      this.fireClose();
    });
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => { this.callback = undefined; } };
  }

  private received(posted: ReaderWorkerMessage): void {
    if ('message' in posted) {
      const message = posted.message as Message & { method?: string };
      if (message.method === 'shutdown') this.shutdownRequested = true;
      this.callback?.(message);
    } else if ('error' in posted) {
      this.fireError(new Error(posted.error));
    } else {
      this.fireClose();
    }
  }

  override dispose(): void {
    super.dispose();
    void this.worker.terminate();
  }
}

/**
 * The threaded reader, when standard input is a pipe or a socket (how editors start a server) and the worker's
 * bundle is there; otherwise undefined, and the connection reads standard input on the main thread as usual.
 */
export function threadedStdinReader(): ThreadedMessageReader | undefined {
  const script = join(__dirname, 'messageReaderWorker.js');
  if (!existsSync(script)) return undefined;
  try {
    const input = fstatSync(0);
    if (!input.isFIFO() && !input.isSocket()) return undefined;
  } catch {
    return undefined;
  }
  return new ThreadedMessageReader(script);
}
