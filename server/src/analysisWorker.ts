/**
 * A worker thread that analyses off the thread that answers requests: it summarises files for the workspace index,
 * and analyses large open documents in full (sent back encoded in pieces, see core/analysisCodec.ts). The same core
 * as the language service, on text the pool sends. Knowledge data comes with the worker's start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, compileKnowledge, encodeAnalysis, encodeSummary, summarize, type KnowledgeData } from './core';
import type { WorkerReply, WorkerRequest } from './analysisPool';

const knowledge = compileKnowledge((workerData as { knowledge: KnowledgeData }).knowledge);

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const analysis = analyze(request.text, knowledge, { maxBytes: request.maxBytes });
    if (request.task === 'summary') {
      const encoded = encodeSummary(summarize(request.uri, request.version, analysis));
      reply = { id: request.id, summary: encoded.encoded };
      transfer = encoded.transfer;
    } else {
      reply = { id: request.id, analysis: encodeAnalysis(analysis) };
    }
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  parentPort?.postMessage(reply, transfer);
});
