/**
 * Benchmark of the language server as an editor feels it (not a test): through the real protocol over stdio, on a
 * 1 MB (UTF-8) document made of the corpus's Chinese notices (or of samples/ without the corpus), the time from
 * didOpen to the first diagnostics, from a one-character edit (after a pause) to the diagnostics of that version, and of a hover and
 * a definition in it; then hovers in a small document while a 10 MB one arrives and is analysed (the first, queued behind
 * the 10 MB message in the pipe, apart from the longest of the rest).
 * Median and p99 over the runs, whole round trips as the client sees them.
 *
 *   node dist/test/bench/protocolLatency.js [--runs 3] [--keystrokes 30] [--json]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LspClient } from '../protocol/lspClient';

const MB = 1024 * 1024;
/** Between keystrokes: a pause of a reader, longer than the server's wait for typing to stop. */
const PAUSE_MS = 250;
const root = resolve(__dirname, '../../..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Text of about `bytes` of UTF-8, cut at a line end: the corpus's Chinese notices, else the samples, repeated. */
function documentOf(bytes: number): string {
  const corpus = [process.env.REGTEXT_CORPUS, resolve(root, '../shared/corpus')].find((candidate) => candidate && existsSync(join(candidate, 'zh')));
  const folder = corpus ? join(corpus, 'zh') : join(root, 'samples');
  const pieces = readdirSync(folder).filter((name) => /\.(txt|notice|md)$/.test(name)).sort().map((name) => readFileSync(join(folder, name), 'utf8'));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += pieces[i % pieces.length] + '\n\n';
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
  return text;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timed<T>(action: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** A position on a line that names an agency and a notice number, for hover and definition. */
function positionIn(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes('中国人民银行'));
  return line < 0 ? { line: 0, character: 0 } : { line, character: lines[line]!.indexOf('中国人民银行') + 2 };
}

async function main(): Promise<void> {
  const runs = Math.round(option('runs', 3));
  const keystrokes = Math.round(option('keystrokes', 30));
  const text = documentOf(MB);
  const client = await LspClient.start({ timeoutMs: 120_000 });
  const open: number[] = [];
  const keys: number[] = [];
  const hovers: number[] = [];
  const definitions: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      let uri = '';
      open.push(await timed(async () => { uri = (await client.open(text, { name: `latency-${run}` })).uri; }));
      const at = positionIn(text);
      for (let key = 0; key < keystrokes; key++) {
        // One keystroke after a pause, as a reader makes a correction (a burst of typing is answered when it pauses).
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        const edit = { range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } }, text: 'x' };
        keys.push(await timed(() => client.change(uri, [edit])));
        hovers.push(await timed(() => client.hover(uri, at)));
        definitions.push(await timed(() => client.definition(uri, at)));
      }
      await client.close(uri);
    }
    const beside = await hoverBesideLargeDocument(client);
    const result = {
      document: { codeUnits: text.length, bytes: Buffer.byteLength(text) },
      openToDiagnostics: summary(open),
      keystrokeToDiagnostics: summary(keys),
      hover: summary(hovers),
      definition: summary(definitions),
      firstHoverBehind10MbMessage: Number(beside.first.toFixed(1)),
      longestHoverInSmallDocumentWhile10MbIsAnalysed: Number(beside.longest.toFixed(1)),
    };
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    console.log(`protocol latencies on a ${(result.document.bytes / MB).toFixed(2)} MB document (${result.document.codeUnits} code units), ${runs} runs × ${keystrokes} keystrokes`);
    for (const [name, values] of [['open → diagnostics', result.openToDiagnostics], ['keystroke → diagnostics', result.keystrokeToDiagnostics], ['hover', result.hover], ['definition', result.definition]] as const) {
      console.log(`  ${name.padEnd(24)} median ${values.median} ms, p99 ${values.p99} ms, max ${values.max} ms`);
    }
    console.log(`  first hover in a small document, sent right after a 10 MB didOpen (queued behind it in the pipe): ${result.firstHoverBehind10MbMessage} ms`);
    console.log(`  longest hover in a small document after that, while the 10 MB one is analysed: ${result.longestHoverInSmallDocumentWhile10MbIsAnalysed} ms`);
  } finally {
    await client.shutdown();
  }
}

function summary(values: number[]) {
  return { median: Number(percentile(values, 50).toFixed(1)), p99: Number(percentile(values, 99).toFixed(1)), max: Number(Math.max(...values).toFixed(1)) };
}

/**
 * Opens a 10 MB document (not waiting for it) and hovers in a small one every few milliseconds until the large one's
 * diagnostics arrive. The first hover travels behind the 10 MB message in the one ordered pipe (as in any editor), so
 * it is reported apart; the longest of the rest is how long a request waited while the large document was analysed.
 */
async function hoverBesideLargeDocument(client: LspClient): Promise<{ first: number; longest: number }> {
  const small = await client.open('The PBOC issued Yinfa [2021] No. 237.', { name: 'latency-small' });
  let analysed = false;
  const large = client.open(documentOf(10 * MB), { name: 'latency-large' }).then(() => { analysed = true; });
  const hover = () => timed(() => client.hover(small.uri, { line: 0, character: 5 }));
  const first = await hover();
  let longest = 0;
  while (!analysed) {
    longest = Math.max(longest, await hover());
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await large;
  return { first, longest };
}

void main();
