/**
 * A worker thread that summarises files for the workspace index, off the thread that answers requests: the same
 * analysis and summary as in the language service (the core), on text the pool sends. Knowledge data comes with
 * the worker's start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, compileKnowledge, summarize, type KnowledgeData } from './core';
import type { SummaryReply, SummaryRequest } from './summaryPool';

const knowledge = compileKnowledge((workerData as { knowledge: KnowledgeData }).knowledge);

parentPort?.on('message', (request: SummaryRequest) => {
  let reply: SummaryReply;
  try {
    const summary = summarize(request.uri, request.version, analyze(request.text, knowledge, { maxBytes: request.maxBytes }));
    reply = { id: request.id, summary };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
