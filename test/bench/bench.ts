/**
 * Benchmark of the core analysis (not a test): analyses every corpus file (../shared/corpus zh/ and en/) and one
 * synthetic 10 MB document (the corpus files concatenated) several times, and prints a table: throughput in MB/s
 * (UTF-8 megabytes of input per second), milliseconds per file (median and 95th percentile over every file of
 * every run), and the process's peak resident set size.
 *
 *   npm run bench                       (builds, then runs dist/test/bench/bench.js)
 *   node dist/test/bench/bench.js --runs 10 --size 20
 *   REGTEXT_CORPUS=/path/to/corpus npm run bench
 *
 * Without the corpus, the synthetic document is built from the project's own samples/ and the per-file rows are
 * left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AnalysisCache, analyze, compileKnowledge, formatProblem, type Knowledge } from '../../server/src/core';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';

const MB = 1024 * 1024;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? NaN);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const runs = Math.round(option('runs', 5));
const syntheticMegabytes = option('size', 10);
/** The repository root: this file runs as dist/test/bench/bench.js. */
const root = resolve(__dirname, '../../..');

interface Input {
  name: string;
  text: string;
  bytes: number;
}

function readDirectory(directory: string): Input[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => /\.(txt|notice|regtext|md)$/.test(name))
    .sort()
    .map((name) => {
      const buffer = readFileSync(join(directory, name));
      return { name, text: buffer.toString('utf8'), bytes: buffer.length };
    });
}

function findCorpus(): string | undefined {
  const candidates = [process.env.REGTEXT_CORPUS, resolve(root, '../shared/corpus'), resolve(process.cwd(), '../shared/corpus')];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(join(candidate, 'zh')));
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function peakRssMegabytes(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
}

interface Row {
  input: string;
  files: number;
  megabytes: number;
  /** Median over the runs of the time to analyse every file of the input once. */
  totalMs: number;
  megabytesPerSecond: number;
  medianMsPerFile: number;
  p95MsPerFile: number;
  maxMsPerFile: number;
  peakRss: number;
}

/** Analyses every input `runs` times (after one warm-up pass); times each file and each whole pass. */
function measure(label: string, inputs: Input[], knowledge: Knowledge): Row {
  for (const input of inputs) analyze(input.text, knowledge);
  const passes: number[] = [];
  const perFile: number[] = [];
  let annotations = 0;
  for (let run = 0; run < runs; run++) {
    let pass = 0;
    for (const input of inputs) {
      const started = performance.now();
      const document = analyze(input.text, knowledge);
      const elapsed = performance.now() - started;
      if (!document.analysed) throw new Error(`${label}: ${input.name} was not analysed: ${document.problems[0] ? formatProblem(document.problems[0], knowledge) : ''}`);
      annotations += document.annotations.length;
      perFile.push(elapsed);
      pass += elapsed;
    }
    passes.push(pass);
  }
  if (annotations === 0) throw new Error(`${label}: nothing found at all; is this the right input?`);
  const megabytes = inputs.reduce((sum, input) => sum + input.bytes, 0) / MB;
  const totalMs = median(passes);
  return {
    input: label,
    files: inputs.length,
    megabytes,
    totalMs,
    megabytesPerSecond: megabytes / (totalMs / 1000),
    medianMsPerFile: median(perFile),
    p95MsPerFile: percentile(perFile, 95),
    maxMsPerFile: Math.max(...perFile),
    peakRss: peakRssMegabytes(),
  };
}

/** Edits re-analysed per keystroke row. */
const KEYSTROKES = 30;

/**
 * A keystroke's re-analysis: a document of about `megabytes` MB made of `inputs`, analysed once, then a character
 * typed at a different place each time and the document analysed again with the cache the last analysis left (as the
 * server does for an open document). The median and 95th percentile, and the time of a first analysis for comparison.
 */
function measureKeystrokes(label: string, inputs: Input[], megabytes: number, knowledge: Knowledge): string {
  let text = synthetic(inputs, megabytes).text;
  const cache = new AnalysisCache();
  const first = performance.now();
  analyze(text, knowledge, { cache });
  const firstMs = performance.now() - first;
  const times: number[] = [];
  const scanned: number[] = [];
  for (let key = 0; key < KEYSTROKES; key++) {
    const at = Math.floor(((key * 7919) % KEYSTROKES) / KEYSTROKES * text.length);
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const started = performance.now();
    analyze(text, knowledge, { cache });
    times.push(performance.now() - started);
    scanned.push(cache.chunksScanned);
  }
  return `${label.padEnd(28)} first analysis ${firstMs.toFixed(1)} ms; after a keystroke median ${median(times).toFixed(1)} ms, ` +
    `p95 ${percentile(times, 95).toFixed(1)} ms (${median(scanned)} of ${cache.size} chunks scanned)`;
}

/** Concatenates the inputs, over and over, until the document holds `megabytes` MB of UTF-8. */
function synthetic(inputs: Input[], megabytes: number): Input {
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < megabytes * MB) {
    for (const input of inputs) {
      parts.push(input.text);
      bytes += input.bytes + 2;
      if (bytes >= megabytes * MB) break;
    }
  }
  const text = parts.join('\n\n');
  return { name: `synthetic-${megabytes}MB`, text, bytes: Buffer.byteLength(text, 'utf8') };
}

function table(rows: Row[]): string {
  const header = ['input', 'files', 'MB', 'runs', 'total ms', 'MB/s', 'ms/file median', 'ms/file p95', 'ms/file max', 'peak RSS MB'];
  const body = rows.map((row) => [
    row.input, String(row.files), row.megabytes.toFixed(2), String(runs), row.totalMs.toFixed(1), row.megabytesPerSecond.toFixed(1),
    row.medianMsPerFile.toFixed(2), row.p95MsPerFile.toFixed(2), row.maxMsPerFile.toFixed(2), row.peakRss.toFixed(0),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(format)].join('\n');
}

function main(): void {
  const compileStarted = performance.now();
  const knowledge = compileKnowledge(builtinKnowledgeData);
  const compileMs = performance.now() - compileStarted;

  const corpus = findCorpus();
  const rows: Row[] = [];
  let sources: Input[];
  if (corpus) {
    const zh = readDirectory(join(corpus, 'zh'));
    const en = readDirectory(join(corpus, 'en'));
    rows.push(measure('corpus zh/', zh, knowledge));
    rows.push(measure('corpus en/', en, knowledge));
    rows.push(measure('corpus zh/ + en/', [...zh, ...en], knowledge));
    sources = [...zh, ...en];
  } else {
    console.log(`corpus not found at ${resolve(root, '../shared/corpus')} (set REGTEXT_CORPUS); using samples/ for the synthetic document only.`);
    sources = readDirectory(join(root, 'samples'));
    if (sources.length === 0) throw new Error('neither the corpus nor samples/ found: nothing to benchmark');
  }
  const document = synthetic(sources, syntheticMegabytes);
  rows.push(measure(`synthetic ${syntheticMegabytes} MB (1 document)`, [document], knowledge));
  const keystrokes = corpus
    ? [measureKeystrokes('1 MB of the Chinese corpus', readDirectory(join(corpus, 'zh')), 1, knowledge),
      measureKeystrokes('1 MB of the English corpus', readDirectory(join(corpus, 'en')), 1, knowledge)]
    : [measureKeystrokes('1 MB of the samples', sources, 1, knowledge)];

  console.log(`regtext core benchmark — node ${process.version}, ${process.platform}/${process.arch}, ${runs} runs after one warm-up (medians)`);
  console.log(`corpus: ${corpus ?? 'not found'}`);
  console.log(`knowledge compiled in ${compileMs.toFixed(1)} ms`);
  console.log('');
  console.log(table(rows));
  console.log('');
  console.log('Re-analysis after a keystroke, with the chunks the last analysis kept:');
  for (const line of keystrokes) console.log(`  ${line}`);
  console.log('');
  console.log(`peak RSS: ${peakRssMegabytes().toFixed(0)} MB`);
}

main();
