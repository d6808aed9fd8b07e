/**
 * A pool of worker threads (summaryWorker.ts) that summarise files for the workspace index, so that indexing a folder
 * uses every core and never holds up a request. Requests go to the least busy worker; a worker that fails is
 * replaced, and its requests are summarised in this thread instead, so no file is lost.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyze, compileKnowledge, summarize, type FileSummary, type Knowledge, type KnowledgeData } from './core';

export interface SummaryRequest {
  id: number;
  uri: string;
  version: number | string;
  text: string;
  maxBytes: number;
}

export type SummaryReply = { id: number; summary: FileSummary } | { id: number; error: string };

interface Pending {
  request: SummaryRequest;
  resolve: (summary: FileSummary) => void;
}

/** Workers beyond the cores only contend; one core stays for the thread that answers requests where there are many. */
const MAX_WORKERS = 4;

export class SummaryPool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  private nextId = 0;
  private knowledge: Knowledge | undefined;

  private readonly script: string;
  private readonly size: number;
  private readonly log: (message: string) => void;

  /** `script`: the bundled worker, by default dist/summaryWorker.js beside this bundle; without it, the pool works in this thread. */
  constructor(private readonly data: KnowledgeData, options: { script?: string; size?: number; log?: (message: string) => void } = {}) {
    this.script = options.script ?? join(__dirname, 'summaryWorker.js');
    this.size = options.size ?? Math.min(MAX_WORKERS, Math.max(1, availableParallelism() - (availableParallelism() > 2 ? 1 : 0)));
    this.log = options.log ?? (() => {});
  }

  summarize = (uri: string, text: string, version: number | string, maxBytes: number): Promise<FileSummary> => {
    const request = { id: this.nextId++, uri, version, text, maxBytes };
    const slot = this.leastBusy();
    if (!slot) return Promise.resolve(this.inThisThread(request));
    return new Promise((resolve) => {
      // A busy worker keeps the process alive (a command-line run waits for it); an idle one does not.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(request.id, { request, resolve });
      slot.worker.postMessage(request);
    });
  };

  dispose(): void {
    for (const { worker } of this.workers.splice(0)) void worker.terminate();
  }

  private leastBusy() {
    if (this.workers.length < this.size && existsSync(this.script)) this.start();
    let best: (typeof this.workers)[number] | undefined;
    for (const slot of this.workers) if (!best || slot.pending.size < best.pending.size) best = slot;
    return best;
  }

  private start(): void {
    const worker = new Worker(this.script, { workerData: { knowledge: this.data } });
    const slot = { worker, pending: new Map<number, Pending>() };
    worker.on('message', (reply: SummaryReply) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if ('summary' in reply) pending.resolve(reply.summary);
      else {
        this.log(`regtext: a summary worker failed on ${pending.request.uri}: ${reply.error}`);
        pending.resolve(this.inThisThread(pending.request));
      }
    });
    worker.on('error', (error) => this.replace(slot, `failed: ${error.message}`));
    worker.on('exit', (code) => { if (code !== 0) this.replace(slot, `exited with code ${code}`); });
    worker.unref();
    this.workers.push(slot);
  }

  /** Drops a worker that died; what it had pending is summarised here. */
  private replace(slot: (typeof this.workers)[number], reason: string): void {
    const index = this.workers.indexOf(slot);
    if (index < 0) return;
    this.workers.splice(index, 1);
    this.log(`regtext: a summary worker ${reason}; its files are summarised in the main thread.`);
    for (const pending of slot.pending.values()) pending.resolve(this.inThisThread(pending.request));
    slot.pending.clear();
  }

  private inThisThread(request: SummaryRequest): FileSummary {
    this.knowledge ??= compileKnowledge(this.data);
    return summarize(request.uri, request.version, analyze(request.text, this.knowledge, { maxBytes: request.maxBytes }));
  }
}
