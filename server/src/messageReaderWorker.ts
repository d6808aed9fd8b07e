/**
 * The worker thread behind ThreadedMessageReader (threadedReader.ts): reads standard input (file descriptor 0), cuts
 * it into messages decoded as they arrive (messageFrames.ts), parses each and posts it to the thread that answers requests. Receiving,
 * decoding and parsing a 10 MB didOpen happen here, beside the requests, not in their way. A message it cannot read
 * is posted as `error` (reading goes on); when the input ends or fails, it posts `closed` (with the failure), once.
 */
import { Socket } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { MessageFrames } from './messageFrames';

/** A message; why one was skipped; or the end of the input (with why, when it failed). */
export type ReaderWorkerMessage = { message: unknown } | { error: string } | { closed: true; failure?: string };

function post(message: ReaderWorkerMessage): void {
  parentPort?.postMessage(message);
}

function parsed(body: string): void {
  try {
    post({ message: JSON.parse(body) });
  } catch (error) {
    post({ error: `a message that is not JSON (${error instanceof Error ? error.message : String(error)}): ${JSON.stringify(body.slice(0, 80))}` });
  }
}

const frames = new MessageFrames({ message: parsed, malformed: (reason) => post({ error: reason }) });
/** Standard input as a stream of this thread's own (the main thread never reads it). */
const input = new Socket({ fd: 0, readable: true, writable: false });
input.on('data', (chunk: Buffer) => frames.push(chunk));
let failure: string | undefined;
input.on('error', (error) => { failure = error.message; });
input.once('close', () => post({ closed: true, failure }));
