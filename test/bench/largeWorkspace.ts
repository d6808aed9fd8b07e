/**
 * Benchmark of a large workspace (issue 7, not a test): a folder of N files (10,000 by default, about 200 MB) made from
 * the corpus, each a corpus file with its copy number added at the end, written once under the system's temporary
 * folder (never in the repository) and indexed as the language server indexes a workspace folder: NodeWorkspace
 * lists and reads it, a pool of worker threads summarises it. Prints the time, the CPU time of all threads, the heap
 * the index keeps after a full GC and the peak RSS beside the size of the text, and the longest the event loop was
 * held meanwhile (what a request could have waited). Run with --expose-gc:
 *
 *   node --expose-gc dist/test/bench/largeWorkspace.js [--files 10000] [--json]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compileKnowledge, createLanguageService, messagesFor, NEVER_CANCELLED, type Scheduler } from '../../server/src/core';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';
import { AnalysisPool } from '../../server/src/analysisPool';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const MB = 1024 * 1024;
const root = resolve(__dirname, '../../..');
/** Files per sub-folder of the generated workspace. */
const PER_FOLDER = 500;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function corpusTexts(): string[] | undefined {
  const corpus = [process.env.REGTEXT_CORPUS, resolve(root, '../shared/corpus')].find((candidate) => candidate && existsSync(join(candidate, 'zh')));
  if (!corpus) return undefined;
  return ['zh', 'en'].flatMap((language) => readdirSync(join(corpus, language)).filter((name) => name.endsWith('.txt')).sort()
    .map((name) => readFileSync(join(corpus, language, name), 'utf8')));
}

/** The generated folder of `count` files (made once, then reused); its size in bytes. */
function workspaceFolder(count: number, texts: string[]): { folder: string; bytes: number } {
  const folder = join(tmpdir(), `regtext-bench-workspace-${count}`);
  const marker = join(folder, 'complete.json');
  if (existsSync(marker)) return { folder, bytes: (JSON.parse(readFileSync(marker, 'utf8')) as { bytes: number }).bytes };
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(folder, `part-${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`);
    if (i % PER_FOLDER === 0) mkdirSync(sub, { recursive: true });
    const text = `${texts[i % texts.length]!}\n\n（副本 ${i}）\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(sub, `file-${i}.txt`), text);
  }
  writeFileSync(marker, JSON.stringify({ bytes }));
  return { folder, bytes };
}

function heapMegabytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / MB;
}

async function main(): Promise<void> {
  const texts = corpusTexts();
  if (!texts) {
    console.log('large workspace: corpus not found (set REGTEXT_CORPUS); skipped.');
    return;
  }
  const count = Math.round(option('files', 10_000));
  const { folder, bytes } = workspaceFolder(count, texts);
  const before = heapMegabytes();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  // As the server: the pool warms up at initialize, yields are setImmediate.
  const pool = new AnalysisPool(builtinKnowledgeData, { script: join(root, 'dist', 'analysisWorker.js') });
  pool.warmUp();
  const scheduler: Scheduler = { yield: () => new Promise((resolveYield) => setImmediate(resolveYield)), now: () => performance.now() };
  const workspace = new NodeWorkspace(new TextDocuments(TextDocument), { messages: () => messagesFor('en'), log: console.error, warn: console.error });
  workspace.configure([pathToFileURL(folder).href], { ...DEFAULT_SETTINGS, maxFiles: Math.max(count, DEFAULT_SETTINGS.maxFiles) });
  const service = createLanguageService({ knowledge: compileKnowledge(builtinKnowledgeData), workspace, summarizer: pool.summarize, fileSummarizer: pool.summarizeFile, scheduler });
  await service.index.scan(NEVER_CANCELLED);
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  const mainThread = performance.eventLoopUtilization(loop);
  delay.disable();
  pool.dispose();
  const retained = heapMegabytes() - before;
  const textMegabytes = bytes / MB;
  const result = {
    files: service.index.size,
    textMegabytes: Number(textMegabytes.toFixed(1)),
    ms: Number(ms.toFixed(0)),
    cpuMs: Number(((used.user + used.system) / 1000).toFixed(0)),
    /** Time the thread that answers requests was busy (not waiting for events): what indexing takes from requests. */
    mainThreadBusyMs: Number(mainThread.active.toFixed(0)),
    retainedHeapMegabytes: Number(retained.toFixed(1)),
    retainedPerTextMegabyte: Number((retained / textMegabytes).toFixed(2)),
    peakRssMegabytes: Number((process.resourceUsage().maxRSS / 1024).toFixed(0)),
    longestEventLoopDelayMs: Number((delay.max / 1e6).toFixed(1)),
    eventLoopDelayP99Ms: Number((delay.percentile(99) / 1e6).toFixed(1)),
    notices: service.index.noticeKeys().length,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`large workspace — ${result.files} files, ${result.textMegabytes} MB of text (${folder})`);
  console.log(`  time: ${result.ms} ms; CPU time of all threads: ${result.cpuMs} ms; the main thread busy ${result.mainThreadBusyMs} ms`);
  console.log(`  memory kept by the index: ${result.retainedHeapMegabytes} MB of heap (${result.retainedPerTextMegabyte}× the text); peak RSS ${result.peakRssMegabytes} MB`);
  console.log(`  event loop held at most ${result.longestEventLoopDelayMs} ms (99th percentile ${result.eventLoopDelayP99Ms} ms); ${result.notices} notices`);
}

void main();
