/**
 * Benchmark of the workspace index (not a test): indexes ../shared/corpus (zh/ and en/, read from disk as the CLI
 * reads files) through the language service, a few times, and prints how long it takes, how much memory the index
 * keeps (heap after a full GC, beside the size of the text), and what it found: notices identified, citations,
 * repeals, cross-file findings. Run in its own process, with --expose-gc, so that nothing else is on the heap:
 *
 *   node --expose-gc dist/test/bench/workspaceIndex.js [--runs 3] [--workers N] [--json]
 *
 * --workers sets the pool's size (default: as the server sizes it, from the machine's cores).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileKnowledge, createLanguageService, NEVER_CANCELLED, type LanguageService } from '../../server/src/core';
import { CliWorkspace, type FileEntry } from '../../server/src/cli/files';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';
import { AnalysisPool } from '../../server/src/analysisPool';

const MB = 1024 * 1024;
const root = resolve(__dirname, '../../..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The pool's size when --workers is given; otherwise the pool sizes itself, as in the server. */
const workers = process.argv.includes('--workers') ? Math.round(option('workers', 1)) : undefined;

function corpusFiles(): FileEntry[] | undefined {
  const corpus = [process.env.REGTEXT_CORPUS, resolve(root, '../shared/corpus')].find((candidate) => candidate && existsSync(join(candidate, 'zh')));
  if (!corpus) return undefined;
  return ['zh', 'en'].flatMap((language) => readdirSync(join(corpus, language)).filter((name) => name.endsWith('.txt')).sort()
    .map((name) => join(corpus, language, name)))
    .map((path) => ({ path, size: statSync(path).size, explicit: true }));
}

function heapMegabytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / MB;
}

/** Indexes the files as the language server and the CLI do: summaries made by a pool of worker threads. */
async function index(files: FileEntry[]): Promise<{ service: LanguageService; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pool = new AnalysisPool(builtinKnowledgeData, { size: workers, script: join(root, 'dist', 'analysisWorker.js') });
  pool.warmUp();
  const service = createLanguageService({ knowledge: compileKnowledge(builtinKnowledgeData), workspace: new CliWorkspace(files, 32 * MB), summarizer: pool.summarize, fileSummarizer: pool.summarizeFile });
  await service.index.scan(NEVER_CANCELLED);
  const used = process.cpuUsage(cpu);
  pool.dispose();
  return { service, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** What the index found, summed over the files. */
function findings(service: LanguageService) {
  const summaries = [...service.index.allSummaries()];
  const citations = summaries.flatMap((summary) => summary.citations);
  const resolved = citations.filter((citation) => {
    const key = service.index.resolve(citation.target);
    return key !== undefined && service.index.filesOf(key).length > 0;
  });
  const diagnostics = summaries.flatMap((summary) => service.fileDiagnostics(summary.uri) ?? []);
  const crossFile = (code: string) => diagnostics.filter((diagnostic) => diagnostic.code === code).length;
  return {
    files: summaries.length,
    filesThatAreNotices: summaries.filter((summary) => summary.identity).length,
    notices: service.index.noticeKeys().length,
    citations: citations.length,
    citationsOfWorkspaceNotices: resolved.length,
    referencesIntoOtherNotices: summaries.reduce((sum, summary) => sum + summary.externalReferences.length, 0),
    repeals: summaries.filter((summary) => summary.identity).reduce((sum, summary) => sum + summary.repeals.length, 0),
    repealedNoticeWarnings: crossFile('repealed-notice'),
    missingClauseWarnings: crossFile('missing-clause'),
    duplicateNoticeWarnings: crossFile('duplicate-notice'),
  };
}

async function main(): Promise<void> {
  const files = corpusFiles();
  if (!files) {
    console.log('workspace index: corpus not found (set REGTEXT_CORPUS); skipped.');
    return;
  }
  const textMegabytes = files.reduce((sum, file) => sum + file.size, 0) / MB;
  const runs = Math.round(option('runs', 3));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let kept: LanguageService | undefined;
  const before = heapMegabytes();
  for (let run = 0; run < runs; run++) {
    kept?.dispose();
    kept = undefined;
    const { service, ms, cpuMs } = await index(files);
    times.push(ms);
    cpuTimes.push(cpuMs);
    kept = service;
  }
  const retained = heapMegabytes() - before;
  const result = {
    input: 'corpus zh/ + en/ as a workspace',
    textMegabytes: Number(textMegabytes.toFixed(2)),
    runs,
    medianMs: Number(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(0)),
    maxMs: Number(Math.max(...times).toFixed(0)),
    /** CPU time of every thread (main and workers), median: what the index costs whatever else the machine does. */
    cpuMedianMs: Number(cpuTimes.sort((a, b) => a - b)[Math.floor(cpuTimes.length / 2)]!.toFixed(0)),
    retainedHeapMegabytes: Number(retained.toFixed(1)),
    retainedPerTextMegabyte: Number((retained / textMegabytes).toFixed(2)),
    peakRssMegabytes: Number((process.resourceUsage().maxRSS / 1024).toFixed(0)),
    ...findings(kept!),
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`workspace index of the corpus — ${result.files} files, ${result.textMegabytes} MB of text, ${runs} runs`);
  console.log(`  time: median ${result.medianMs} ms, max ${result.maxMs} ms; CPU time of all threads: median ${result.cpuMedianMs} ms`);
  console.log(`  memory kept by the index: ${result.retainedHeapMegabytes} MB of heap (${result.retainedPerTextMegabyte}× the text); peak RSS ${result.peakRssMegabytes} MB`);
  console.log(`  found: ${result.notices} notices (${result.filesThatAreNotices} files are notices), ${result.citations} citations ` +
    `(${result.citationsOfWorkspaceNotices} of notices in the workspace), ${result.referencesIntoOtherNotices} references into other notices, ${result.repeals} repeals`);
  console.log(`  cross-file findings: ${result.repealedNoticeWarnings} repealed-notice, ${result.missingClauseWarnings} missing-clause, ${result.duplicateNoticeWarnings} duplicate-notice`);
}

void main();
