/**
 * A worker thread that analyses off the thread that answers requests: it summarises files for the workspace index
 * (reading a file on disk itself, so that its text never crosses threads), and analyses large open documents in full
 * (sent back encoded in one buffer, moved, not copied: see core/analysisCodec.ts). Summaries go back encoded, their clause numbers moved
 * (core/workspace/summaryCodec.ts). The same core as the language service, on text the pool sends or names. Knowledge
 * data comes with the worker's start.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisCache, analyze, CHUNKS_DELAY_MS, runInSlices, type Scheduler, compileKnowledge, declinedSummary, encodeAnalysis, encodeSummary, summarize, transferredBy, type EncodedAnalysis, type FileSummary, type KnowledgeData } from './core';
import { KEPT_DOCUMENTS, type WorkerReply, type WorkerRequest } from './analysisPool';
import { decodeUtf8, NOT_UTF8 } from './fileText';
import { tuneCompilerForColdWork } from './compilerTuning';

tuneCompilerForColdWork();
const knowledge = compileKnowledge((workerData as { knowledge: KnowledgeData }).knowledge);

interface Answer {
  reply: WorkerReply;
  /** Buffers moved to the pool's thread with the reply. */
  transfer: ArrayBuffer[];
}

parentPort?.on('message', (request: WorkerRequest) => {
  const { reply, transfer } = answer(request);
  parentPort?.postMessage(reply, transfer);
});

function answer(request: WorkerRequest): Answer {
  const { id, uri, version, maxBytes } = request;
  try {
    switch (request.task) {
      case 'analysis': {
        const chunks = chunksOf(uri);
        const analysis = analyze(request.text, knowledge, { maxBytes, cache: chunks });
        if (chunks.warming) void makeChunks(chunks);
        return analysisAnswer(id, encodeAnalysis(analysis));
      }
      case 'summary': return summaryAnswer(id, summarize(uri, version, analyze(request.text, knowledge, { maxBytes })));
      case 'fileSummary': {
        const read = readText(request.path);
        if (!read) return { reply: { id, unreadable: true }, transfer: [] };
        return summaryAnswer(id, read.text === undefined ? declinedSummary(uri, version, NOT_UTF8) : summarize(uri, version, analyze(read.text, knowledge, { maxBytes })));
      }
    }
  } catch (error) {
    return { reply: { id, error: error instanceof Error ? error.stack ?? error.message : String(error) }, transfer: [] };
  }
}

/** The chunks of the last analysis of each of the last documents analysed here (see core/chunkedText.ts). */
const keptChunks = new Map<string, AnalysisCache>();

function chunksOf(uri: string): AnalysisCache {
  const chunks = keptChunks.get(uri) ?? new AnalysisCache();
  keptChunks.delete(uri);
  keptChunks.set(uri, chunks);
  while (keptChunks.size > KEPT_DOCUMENTS) keptChunks.delete(keptChunks.keys().next().value!);
  return chunks;
}

/** Between requests, as the language service does: the next version of an opened document scans what changed only. */
const betweenRequests: Scheduler = { yield: () => new Promise((resolve) => setImmediate(resolve)), now: () => performance.now() };

/** Makes the chunks an open did not (AnalysisCache.warmUp), in slices between the requests that come meanwhile. */
async function makeChunks(chunks: AnalysisCache): Promise<void> {
  try {
    await runInSlices(chunks.warmUp(), betweenRequests, CHUNKS_DELAY_MS);
  } catch {
    // The next analysis of the document makes its chunks itself.
  }
}

function analysisAnswer(id: number, analysis: EncodedAnalysis): Answer {
  return { reply: { id, analysis }, transfer: transferredBy(analysis) };
}

function summaryAnswer(id: number, summary: FileSummary): Answer {
  const { encoded, transfer } = encodeSummary(summary);
  return { reply: { id, summary: encoded }, transfer };
}

/** A file's text (undefined when it is not UTF-8); undefined when the file cannot be read (the pool's thread says why). */
function readText(path: string): { text: string | undefined } | undefined {
  try {
    return { text: decodeUtf8(readFileSync(path)) };
  } catch {
    return undefined;
  }
}
