/**
 * The worker thread behind ThreadedMessageReader (threadedReader.ts): reads the protocol's frames from standard
 * input (file descriptor 0), parses each message, and posts it to the thread that answers requests. A 10 MB
 * didOpen costs tens of milliseconds to decode and parse; here that happens beside the requests, not in their way.
 * A message it cannot read is posted as `error` (reading goes on); when the input ends or fails, it posts `closed`.
 */
import { Socket } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { StreamMessageReader } from 'vscode-jsonrpc/node';

export type ReaderWorkerMessage = { message: unknown } | { error: string } | { closed: true };

function post(message: ReaderWorkerMessage): void {
  parentPort?.postMessage(message);
}

/** Standard input as a stream of this thread's own (the main thread never reads it). */
const input = new Socket({ fd: 0, readable: true, writable: false });
const reader = new StreamMessageReader(input);
reader.onError((error) => post({ error: error instanceof Error ? error.message : String(error) }));
reader.onClose(() => post({ closed: true }));
reader.listen((message) => post({ message }));
