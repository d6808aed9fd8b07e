/**
 * A pool of worker threads (analysisWorker.ts) that analyse off the thread that answers requests: they summarise
 * files for the workspace index, so that indexing a folder uses every core and never holds up a request, and they
 * analyse large open documents in full. Requests wait in one queue (analyses of open documents first) and each worker
 * takes the next when it has fewer than IN_FLIGHT, so a large file never holds up small ones queued behind it on the
 * same worker. Summaries come back encoded (core/workspace/summaryCodec.ts). A worker that fails is replaced, and
 * its requests are done in this thread instead (a summary) or handed back undone (an analysis), so nothing is lost.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import {
  analyze, compileKnowledge, decodeSummary, summarize, type EncodedAnalysis, type EncodedSummary, type FileSummary, type Knowledge, type KnowledgeData,
} from './core';
import { quietWorker } from './workerOutput';

interface TextRequest {
  id: number;
  uri: string;
  version: number | string;
  text: string;
  maxBytes: number;
}

/** A file the worker reads itself: its text never crosses threads. */
type FileRequest = Omit<TextRequest, 'text'> & { task: 'fileSummary'; path: string };

export type WorkerRequest = (TextRequest & { task: 'summary' | 'analysis' }) | FileRequest;

export type WorkerReply = { id: number; summary: EncodedSummary } | { id: number; analysis: EncodedAnalysis } | { id: number; error: string }
  /** The worker could not read the file (gone, not allowed): whoever asked reads it, and says why. */
  | { id: number; unreadable: true };

interface Pending {
  request: WorkerRequest;
  /** Called with the reply, or with undefined when the worker failed. */
  settle: (reply: WorkerReply | undefined) => void;
}

/** Workers beyond the cores only contend; one core stays for the thread that answers requests where there are many. */
const MAX_WORKERS = 4;
/**
 * How many documents' chunks a worker keeps for their next analysis. Only large documents go to workers (see
 * backgroundAnalyses.ts), and a 10 MB document's chunks hold some 80 MB: a few are enough for the ones being edited.
 */
export const KEPT_DOCUMENTS = 4;
/** Requests a worker holds at once: one it works on, one ready for when it is done (no idle round trip between). */
const IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

export class AnalysisPool {
  private readonly workers: Slot[] = [];
  private readonly queue: Pending[] = [];
  /**
   * The worker that last analysed each open document: the next version goes to it when it has room, since it keeps
   * what the document's chunks held (see core/chunkedText.ts) and re-scans only what changed.
   */
  private readonly analysedBy = new Map<string, Slot>();
  private nextId = 0;
  private knowledge: Knowledge | undefined;

  private readonly script: string;
  private readonly size: number;
  private readonly log: (message: string) => void;

  /** `script`: the bundled worker, by default dist/analysisWorker.js beside this bundle; without it, the pool works in this thread. */
  constructor(private data: KnowledgeData, options: { script?: string; size?: number; log?: (message: string) => void } = {}) {
    this.script = options.script ?? join(__dirname, 'analysisWorker.js');
    this.size = options.size ?? Math.min(MAX_WORKERS, Math.max(1, availableParallelism() - (availableParallelism() > 2 ? 1 : 0)));
    this.log = options.log ?? (() => {});
  }

  /** A file's summary for the index. */
  summarize = async (uri: string, text: string, version: number | string, maxBytes: number): Promise<FileSummary> => {
    const request: WorkerRequest = { task: 'summary', id: this.nextId++, uri, version, text, maxBytes };
    const reply = await this.send(request);
    if (reply && 'summary' in reply) return decodeSummary(reply.summary);
    if (reply && 'error' in reply) this.log(`regtext: a worker failed to summarise ${uri}: ${reply.error}`);
    return this.summaryInThisThread(request);
  };

  /** The summary of a file on disk, read by the worker; undefined when no worker could read it (the caller reads it). */
  summarizeFile = async (uri: string, path: string, version: number | string, maxBytes: number): Promise<FileSummary | undefined> => {
    const reply = await this.send({ task: 'fileSummary', id: this.nextId++, uri, version, path, maxBytes });
    if (reply && 'summary' in reply) return decodeSummary(reply.summary);
    if (reply && 'error' in reply) this.log(`regtext: a worker failed to summarise ${uri}: ${reply.error}`);
    return undefined;
  };

  /** A document's full analysis, encoded; undefined when no worker could make it (the caller analyses it itself). */
  analyse = async (uri: string, text: string, version: number | string, maxBytes: number): Promise<EncodedAnalysis | undefined> => {
    const reply = await this.send({ task: 'analysis', id: this.nextId++, uri, version, text, maxBytes });
    if (reply && 'analysis' in reply) return reply.analysis;
    if (reply && 'error' in reply) this.log(`regtext: a worker failed to analyse ${uri}: ${reply.error}`);
    return undefined;
  };

  /** Starts the workers now (they load and compile the knowledge), so that they are ready when files come. */
  warmUp(): void {
    while (this.workers.length < this.size && existsSync(this.script)) this.start();
  }

  /** New knowledge: the workers are replaced (what they were doing is settled without a reply, and done again here). */
  setKnowledge(data: KnowledgeData): void {
    this.data = data;
    this.knowledge = undefined;
    for (const slot of [...this.workers]) this.replace(slot, 'is replaced for new knowledge', false);
  }

  dispose(): void {
    this.queue.length = 0;
    for (const { worker } of this.workers.splice(0)) void worker.terminate();
  }

  private send(request: WorkerRequest): Promise<WorkerReply | undefined> {
    this.warmUp();
    if (this.workers.length === 0) return Promise.resolve(undefined);
    return new Promise((settle) => {
      // An open document's analysis is awaited by a request: it goes before the index's summaries.
      if (request.task === 'analysis') this.queue.unshift({ request, settle });
      else this.queue.push({ request, settle });
      this.dispatch();
    });
  }

  /** Hands queued requests to the workers that have room, the least busy first; without workers, settles them unanswered. */
  private dispatch(): void {
    if (this.workers.length === 0) for (const pending of this.queue.splice(0)) pending.settle(undefined);
    for (;;) {
      const slot = this.slotFor(this.queue[0]);
      const next = slot && slot.pending.size < IN_FLIGHT ? this.queue.shift() : undefined;
      if (!slot || !next) return;
      if (next.request.task === 'analysis') this.rememberAnalysedBy(next.request.uri, slot);
      // A busy worker keeps the process alive (a command-line run waits for it); an idle one does not.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(next.request.id, next);
      slot.worker.postMessage(next.request);
    }
  }

  /** The worker a request goes to: a document's analysis to the one that made its last, if it has room. */
  private slotFor(pending: Pending | undefined): Slot | undefined {
    const preferred = pending?.request.task === 'analysis' ? this.analysedBy.get(pending.request.uri) : undefined;
    return preferred && preferred.pending.size < IN_FLIGHT && this.workers.includes(preferred) ? preferred : this.leastBusy();
  }

  private rememberAnalysedBy(uri: string, slot: Slot): void {
    this.analysedBy.delete(uri);
    this.analysedBy.set(uri, slot);
    // As many as a worker keeps (analysisWorker.ts): older documents' chunks are gone there too.
    while (this.analysedBy.size > KEPT_DOCUMENTS) this.analysedBy.delete(this.analysedBy.keys().next().value!);
  }

  private leastBusy(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.workers) if (!best || slot.pending.size < best.pending.size) best = slot;
    return best;
  }

  private start(): void {
    const worker = quietWorker(this.script, { workerData: { knowledge: this.data } }, this.log);
    const slot: Slot = { worker, pending: new Map<number, Pending>() };
    worker.on('message', (reply: WorkerReply) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      pending.settle(reply);
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(slot, `failed: ${error.message}`));
    worker.on('exit', (code) => { if (code !== 0) this.replace(slot, `exited with code ${code}`); });
    worker.unref();
    this.workers.push(slot);
  }

  /** Drops a worker (that died, or is replaced); what it had pending is settled without a reply. */
  private replace(slot: Slot, reason: string, failed = true): void {
    const index = this.workers.indexOf(slot);
    if (index < 0) return;
    this.workers.splice(index, 1);
    if (failed) this.log(`regtext: a worker ${reason}; its work is done in the main thread.`);
    else void slot.worker.terminate();
    for (const pending of slot.pending.values()) pending.settle(undefined);
    slot.pending.clear();
    if (this.queue.length > 0) this.warmUp();
    this.dispatch();
  }

  private summaryInThisThread(request: TextRequest): FileSummary {
    this.knowledge ??= compileKnowledge(this.data);
    return summarize(request.uri, request.version, analyze(request.text, this.knowledge, { maxBytes: request.maxBytes }));
  }
}
