/**
 * What a worker thread writes (a stray console.log, a warning of Node's) goes to a log of the caller's, never to the
 * process's stdout: in --stdio mode stdout is the protocol, and for the command line it is the report.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function quietWorker(script: string, options: WorkerOptions, log: (text: string) => void): Worker {
  const worker = new Worker(script, { ...options, stdout: true, stderr: true });
  for (const output of [worker.stdout, worker.stderr]) output.setEncoding('utf8').on('data', (text: string) => log(text.trimEnd()));
  return worker;
}
