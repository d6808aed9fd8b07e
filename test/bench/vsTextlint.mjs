#!/usr/bin/env node
/**
 * Benchmark (not a test): `regtext check` beside textlint + textlint-rule-prh configured with the same seven banned
 * terms (test/bench/textlint/prh.yml), on
 *   10mb   one 10 MiB text file of regulatory prose, and
 *   files  a folder of 2,000 files of about 19 KB each (≈ 38.5 MB),
 * both generated (seeded, so every run and every machine gets the same bytes) into a temporary folder from
 * ../shared/corpus/{zh,en}/*.txt (read, never copied into the repository), or from samples/ when there is no corpus.
 * Banned terms are planted into the prose in many variants (case, plurals, hyphen/space, line breaks, Chinese broken
 * across a line, alternative spellings) beside traps that are not hits ("xRWA", "RWA2", "RWA_x").
 *
 * Each tool runs as a whole process (`node dist/cli.js check PATH --format json`, `textlint --format json PATH`),
 * several times, alternating; wall time is measured around spawnSync, peak RSS with GNU /usr/bin/time when present.
 * Prints a timing table (median, min, max, peak RSS, findings, textlint/regtext ratio of medians) and, per planted
 * variant class, how many each tool found. Exit code 1 (findings) is normal for both tools; anything else is a failure.
 *
 *   node test/bench/vsTextlint.mjs [--runs N] [--json] [--only 10mb|files] [--keep]
 *
 *   --runs N   timed runs per tool and input (default 3)
 *   --json     print one JSON object to stdout instead of the tables (progress still goes to stderr)
 *   --only X   run one input only: 10mb or files
 *   --keep     keep the generated inputs (their folder is printed) instead of deleting them
 *   REGTEXT_CORPUS=/path/to/corpus   another corpus folder (with zh/ and en/); one without them means samples/
 *
 * textlint and textlint-rule-prh are dev dependencies of test/bench/textlint/ only (its own package.json and lock):
 * when test/bench/textlint/node_modules is missing this script runs `npm ci --prefix test/bench/textlint` first.
 * When dist/cli.js is missing it runs `node esbuild.mjs` (which only writes dist/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = join(root, 'test/bench/textlint');
const cli = join(root, 'dist/cli.js');
const SEED = 0x5eed7e47;
const MIB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Options

const args = process.argv.slice(2);
function optionValue(name) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}
const runs = Math.max(1, Math.round(Number(optionValue('runs') ?? 3)) || 3);
const asJson = args.includes('--json');
const keep = args.includes('--keep');
const only = optionValue('only');
if (only !== undefined && only !== '10mb' && only !== 'files') {
  console.error('usage: node test/bench/vsTextlint.mjs [--runs N] [--json] [--only 10mb|files] [--keep]');
  process.exit(2);
}
const log = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------------------------
// Setup: textlint in its own folder, regtext built.

function ensureTextlint() {
  if (existsSync(join(benchDir, 'node_modules/textlint/package.json'))) return;
  const command = existsSync(join(benchDir, 'package-lock.json')) ? 'ci' : 'install';
  log(`installing textlint: npm ${command} --prefix test/bench/textlint`);
  const result = spawnSync('npm', [command, '--prefix', benchDir, '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm ${command} --prefix test/bench/textlint failed`);
}

function ensureRegtext() {
  if (existsSync(cli)) return;
  log('building regtext: node esbuild.mjs');
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0 || !existsSync(cli)) throw new Error('node esbuild.mjs failed');
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs: deterministic prose with planted variants.

/** mulberry32: a small seeded PRNG, so the generated inputs are the same bytes everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Planted variant classes. `expect` is what regtext should do with the form in that sentence: 'hit' (report it),
 * 'trap' (not a banned term at all: a finding is a false positive) or 'mention' (a banned term quoted as a word in a
 * sentence about words, 含有“稳定币”等字样, "terms such as “RWA”": regtext by design reports uses only, not such
 * mentions, see server/src/core/scan/termContext.ts; prh has no notion of it). `{T}` in a template is where the form
 * goes; a form may contain a line break (each planted sentence is a paragraph of its own, so the break is inside it).
 * The hit templates are plain uses: no quotes, no document title around the term.
 */
const EN = 'No enterprise may use {T} in its name or business scope.';
const EN_START = '{T} may not appear in the name or business scope of any enterprise.';
const EN_TRAP = 'The {T} series was filed under the ordinary procedure.';
const EN_MENTION = 'Names shall not contain terms such as “{T}”.';
const ZH = '该企业的经营范围包括{T}相关业务。';
const ZH_TRAP = '编号为{T}的文件按一般程序办理。';
const ZH_MENTION = '企业名称和经营范围中不得含有“{T}”等字样。';
const CLASSES = [
  { id: 'en-exact', lang: 'en', expect: 'hit', template: EN,
    forms: ['virtual currency', 'virtual asset', 'cryptocurrency', 'crypto asset', 'stablecoin', 'real-world asset tokenization', 'RWA'] },
  { id: 'en-alt-spelling', lang: 'en', expect: 'hit', template: EN,
    forms: ['crypto currency', 'cryptoasset', 'stable coin', 'real world asset tokenisation', 'tokenization of real-world assets'] },
  { id: 'en-sentence-case', lang: 'en', expect: 'hit', template: EN_START,
    forms: ['Virtual currency', 'Virtual asset', 'Cryptocurrency', 'Crypto asset', 'Stablecoin'] },
  { id: 'en-title-case', lang: 'en', expect: 'hit', template: EN,
    forms: ['Virtual Currency', 'Virtual Asset', 'Crypto Asset', 'Stable Coin', 'Real-World Asset Tokenization'] },
  { id: 'en-upper-case', lang: 'en', expect: 'hit', template: EN,
    forms: ['VIRTUAL CURRENCY', 'CRYPTOCURRENCY', 'STABLECOIN', 'CRYPTO ASSET'] },
  { id: 'en-plural', lang: 'en', expect: 'hit', template: EN,
    forms: ['stablecoins', 'virtual currencies', 'virtual assets', 'crypto assets', 'cryptocurrencies'] },
  { id: 'en-hyphen-space', lang: 'en', expect: 'hit', template: EN,
    forms: ['crypto-asset', 'virtual-currency', 'stable-coin', 'real world asset tokenization'] },
  { id: 'en-tokenisation-hyphen', lang: 'en', expect: 'hit', template: EN,
    forms: ['real-world asset tokenisation', 'Real-World Asset Tokenisation'] },
  { id: 'en-line-break', lang: 'en', expect: 'hit', template: EN,
    forms: ['virtual\ncurrency', 'virtual\nasset', 'crypto\nasset', 'stable\ncoin', 'real-world asset\ntokenization'] },
  { id: 'en-rwa', lang: 'en', expect: 'hit', template: EN, forms: ['RWA', '(RWA)', 'RWA-backed'] },
  { id: 'zh-exact', lang: 'zh', expect: 'hit', template: ZH, forms: ['虚拟货币', '虚拟资产', '加密货币', '加密资产', '稳定币', '现实世界资产代币化'] },
  { id: 'zh-rwa', lang: 'zh', expect: 'hit', template: ZH, forms: ['RWA', '（RWA）'] },
  { id: 'zh-line-break', lang: 'zh', expect: 'hit', template: ZH, forms: ['虚拟\n货币', '加密\n资产', '稳定\n币', '现实世界资产\n代币化'] },
  { id: 'trap-en', lang: 'en', expect: 'trap', template: EN_TRAP, forms: ['xRWA', 'RWA2', 'RWA_x'] },
  { id: 'trap-zh', lang: 'zh', expect: 'trap', template: ZH_TRAP, forms: ['xRWA', 'RWA2', 'RWA_x'] },
  { id: 'en-quoted-mention', lang: 'en', expect: 'mention', template: EN_MENTION, forms: ['virtual currency', 'stablecoin', 'RWA'] },
  { id: 'zh-quoted-mention', lang: 'zh', expect: 'mention', template: ZH_MENTION, forms: ['虚拟货币', '稳定币', 'RWA'] },
];

const CJK = /[\u3400-\u9fff]/g;

/** Paragraph-sized pieces of prose per language, from the corpus when present, else from samples/. */
function loadProse() {
  const candidate = process.env.REGTEXT_CORPUS || resolve(root, '../shared/corpus');
  const corpus = existsSync(join(candidate, 'zh')) || existsSync(join(candidate, 'en')) ? candidate : undefined;
  const files = [];
  if (corpus) {
    for (const lang of ['zh', 'en']) {
      const dir = join(corpus, lang);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) files.push({ lang, path: join(dir, name) });
    }
  } else {
    const dir = join(root, 'samples');
    for (const name of readdirSync(dir).filter((n) => /\.(txt|md|notice|regtext)$/.test(n)).sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      files.push({ lang: (text.match(CJK)?.length ?? 0) > text.length / 10 ? 'zh' : 'en', path: join(dir, name) });
    }
  }
  const prose = { zh: [], en: [] };
  for (const { lang, path } of files) {
    const text = readFileSync(path, 'utf8').replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
    // Blocks of lines, none empty and none huge, so that inputs are made of whole lines at paragraph breaks.
    const lines = text.split('\n').filter((line) => line.trim().length > 0 && line.length < 8192);
    if (lines.length > 0) prose[lang].push(lines);
  }
  if (prose.zh.length === 0) prose.zh = prose.en;
  if (prose.en.length === 0) prose.en = prose.zh;
  if (prose.en.length === 0) throw new Error('no prose found (no corpus and no samples/)');
  return { source: corpus ?? join(root, 'samples'), prose };
}

/**
 * Writes text made of runs of prose lines with a planted paragraph after each run, until `targetBytes` (UTF-8) is
 * reached. Returns the text and its planted spans (UTF-16 offsets of the form itself, as both tools report them).
 */
function generateText(random, prose, targetBytes, langOf) {
  const parts = [];
  const planted = [];
  let length = 0;
  let bytes = 0;
  const push = (s) => {
    parts.push(s);
    length += s.length;
    bytes += Buffer.byteLength(s);
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  while (bytes < targetBytes) {
    const lang = langOf();
    // A run of 1.5–4.5 KB of consecutive lines of one corpus file.
    const lines = pick(prose[lang]);
    let index = Math.floor(random() * lines.length);
    const runBytes = 1536 + Math.floor(random() * 3072);
    let written = 0;
    while (written < runBytes && bytes < targetBytes) {
      const line = lines[index++ % lines.length];
      push(`${line}\n`);
      written += Buffer.byteLength(line) + 1;
    }
    if (bytes >= targetBytes) break;
    const cls = pick(CLASSES.filter((c) => c.lang === lang));
    const form = pick(cls.forms);
    const [before, after] = cls.template.split('{T}');
    push(`\n${before}`);
    planted.push({ start: length, end: length + form.length, cls: cls.id, form });
    push(`${form}${after}\n\n`);
  }
  return { text: parts.join(''), planted };
}

function generateInputs(dir, which) {
  const { source, prose } = loadProse();
  const inputs = [];
  if (which !== 'files') {
    const random = prng(SEED);
    const { text, planted } = generateText(random, prose, 10 * MIB, () => (random() < 0.5 ? 'zh' : 'en'));
    const path = join(dir, 'regulations-10mb.txt');
    writeFileSync(path, text);
    inputs.push({ name: '10mb', path, files: [{ path, text, planted }] });
  }
  if (which !== '10mb') {
    const random = prng(SEED + 1);
    const folder = join(dir, 'notices');
    mkdirSync(folder);
    const files = [];
    for (let i = 0; i < 2000; i++) {
      const lang = random() < 0.5 ? 'zh' : 'en';
      const { text, planted } = generateText(random, prose, 19250, () => lang);
      const path = join(folder, `notice-${String(i).padStart(4, '0')}.txt`);
      writeFileSync(path, text);
      files.push({ path, text, planted });
    }
    inputs.push({ name: 'files', path: folder, files });
  }
  for (const input of inputs) {
    input.bytes = input.files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
    input.planted = input.files.reduce((sum, f) => sum + f.planted.length, 0);
  }
  return { source, inputs };
}

// ---------------------------------------------------------------------------------------------------------------
// Running the tools.

const timeBinary = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true']).status === 0
  ? '/usr/bin/time'
  : undefined;

/** A configuration that reports banned terms wherever they stand, written once beside the inputs. */
let everywhereConfig;
function reportEverywhere() {
  everywhereConfig ??= (() => {
    const path = join(mkdtempSync(join(tmpdir(), 'regtext-bench-config-')), 'config.json');
    const warning = 'warning';
    writeFileSync(path, JSON.stringify({ placements: { entityName: warning, businessScope: warning, regulatoryText: warning, drafting: warning } }));
    return path;
  })();
  return everywhereConfig;
}

const TOOLS = {
  regtext: {
    // Every placement reported: prh has no notion of where a term stands, and planted terms land in notices' prose,
    // which regtext leaves quiet by default.
    command: (path) => [process.execPath, cli, 'check', path, '--format', 'json', '--config', reportEverywhere()],
    cwd: root,
    /** Banned-term findings as { file, start, end } with UTF-16 offsets. */
    findings(output, offsetOf) {
      const found = [];
      for (const file of JSON.parse(output)) {
        for (const d of file.diagnostics ?? []) {
          if (d.code !== 'banned-term') continue;
          const path = resolve(root, file.file);
          found.push({ file: path, start: offsetOf(path, d.line, d.column), end: offsetOf(path, d.endLine, d.endColumn) });
        }
      }
      return found;
    },
  },
  textlint: {
    command: (path) => [
      process.execPath, join(benchDir, 'node_modules/textlint/bin/textlint.js'),
      '--config', join(benchDir, '.textlintrc.json'), '--format', 'json', path,
    ],
    cwd: benchDir,
    findings(output) {
      const found = [];
      for (const file of JSON.parse(output)) {
        for (const m of file.messages ?? []) {
          if (m.ruleId !== 'prh') continue;
          // textlint-rule-prh reports a one-character range at the start; its fix carries the whole match.
          const [start, end] = m.fix?.range ?? m.range ?? [m.index, m.index + 1];
          found.push({ file: resolve(benchDir, file.filePath), start, end });
        }
      }
      return found;
    },
  },
};

/** One whole-process run: wall ms, peak RSS (MiB, or undefined), exit code, stdout. */
function runOnce(tool, path, rssFile) {
  const [command, ...rest] = tool.command(path);
  const [file, argv] = timeBinary ? [timeBinary, ['-f', '%M', '-o', rssFile, command, ...rest]] : [command, rest];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd: tool.cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 2 ** 31 - 1 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  const stderr = result.stderr.toString();
  // Exit 1 means "findings" for both tools; textlint also prints some fatal errors to stderr and exits 0.
  if ((result.status !== 0 && result.status !== 1) || /Unexpected error|Error while loading rule/.test(stderr)) {
    throw new Error(`${file} ${argv.join(' ')} exited ${result.status}:\n${stderr.slice(-2000)}`);
  }
  let rss;
  if (timeBinary) {
    const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rss = Number.isFinite(kib) ? kib / 1024 : undefined;
  }
  return { ms, rss, exitCode: result.status, stdout: result.stdout };
}

// ---------------------------------------------------------------------------------------------------------------
// Findings against what was planted.

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function compareFindings(input, foundByTool) {
  const byPath = new Map(input.files.map((f) => [resolve(f.path), f]));
  /** Per class and form: planted, and found by each tool. */
  const classes = new Map();
  const key = (p) => `${p.cls}\u0000${p.form}`;
  const forms = new Map();
  for (const f of input.files) {
    for (const p of f.planted) {
      const row = forms.get(key(p)) ?? { cls: p.cls, form: p.form, planted: 0, found: {} };
      row.planted++;
      forms.set(key(p), row);
    }
  }
  const unplanted = {};
  for (const [tool, found] of Object.entries(foundByTool)) {
    unplanted[tool] = [];
    const hitSets = new Map();
    for (const { file, start, end } of found) {
      const f = byPath.get(file);
      if (!f) throw new Error(`${tool} reported a file that was not generated: ${file}`);
      // The planted span that the finding overlaps: spans are sorted and far apart, so a binary search finds it.
      const spans = f.planted;
      let lo = 0;
      let hi = spans.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid].start < Math.max(end, start + 1)) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (at >= 0 && spans[at].end > start) {
        let set = hitSets.get(f);
        if (!set) hitSets.set(f, (set = new Set()));
        set.add(at);
      } else unplanted[tool].push({ f, start, end });
    }
    for (const f of input.files) {
      const set = hitSets.get(f);
      f.planted.forEach((p, i) => {
        const row = forms.get(key(p));
        row.found[tool] = (row.found[tool] ?? 0) + (set?.has(i) ? 1 : 0);
      });
    }
  }
  for (const row of forms.values()) {
    const cls = CLASSES.find((c) => c.id === row.cls);
    const entry = classes.get(row.cls) ?? { cls: row.cls, expect: cls.expect, planted: 0, found: {}, forms: [] };
    entry.planted += row.planted;
    for (const tool of Object.keys(foundByTool)) entry.found[tool] = (entry.found[tool] ?? 0) + (row.found[tool] ?? 0);
    entry.forms.push(row);
    classes.set(row.cls, entry);
  }
  const ordered = CLASSES.map((c) => classes.get(c.id)).filter(Boolean);
  for (const entry of ordered) {
    const declared = CLASSES.find((c) => c.id === entry.cls).forms;
    entry.forms.sort((a, b) => declared.indexOf(a.form) - declared.indexOf(b.form));
  }
  return { classes: ordered, unplanted: compareUnplanted(unplanted) };
}

/**
 * Findings outside the planted spans: terms in the corpus prose itself. Which of them both tools report and which only
 * one does, with a few examples in context, since no one planted them.
 */
function compareUnplanted(unplanted) {
  const [a, b] = Object.keys(unplanted);
  const overlaps = (x, list) => list.some((y) => y.f === x.f && y.start < Math.max(x.end, x.start + 1) && x.start < Math.max(y.end, y.start + 1));
  const byFile = (list) => {
    const map = new Map();
    for (const x of list) map.set(x.f, [...(map.get(x.f) ?? []), x]);
    return map;
  };
  const filesA = byFile(unplanted[a]);
  const filesB = byFile(unplanted[b]);
  const only = (list, other) => list.filter((x) => !overlaps(x, other.get(x.f) ?? []));
  const context = (x) => {
    const before = x.f.text.slice(Math.max(0, x.start - 12), x.start);
    const after = x.f.text.slice(Math.max(x.end, x.start + 1), Math.max(x.end, x.start + 1) + 12);
    return `${before}[${x.f.text.slice(x.start, Math.max(x.end, x.start + 1))}]${after}`.replace(/\n/g, '⏎');
  };
  const onlyA = only(unplanted[a], filesB);
  const onlyB = only(unplanted[b], filesA);
  return {
    [a]: unplanted[a].length,
    [b]: unplanted[b].length,
    [`only${a[0].toUpperCase()}${a.slice(1)}`]: onlyA.length,
    [`only${b[0].toUpperCase()}${b.slice(1)}`]: onlyB.length,
    examples: { [a]: onlyA.slice(0, 5).map(context), [b]: onlyB.slice(0, 5).map(context) },
  };
}

/** Which planted forms each tool misses (some instance not found), and which traps it flags. */
function summarize(classes) {
  const of = (expect) => classes.filter((c) => c.expect === expect).flatMap((c) => c.forms.map((f) => ({ ...f, form: expect === 'hit' ? f.form : `${f.form} (${c.cls})` })));
  const hits = of('hit');
  const traps = of('trap');
  const mentions = of('mention');
  const misses = (f, tool) => f.found[tool] < f.planted;
  const names = (forms) => forms.map((f) => f.form);
  return {
    hitsPlanted: hits.reduce((n, f) => n + f.planted, 0),
    regtextFound: hits.reduce((n, f) => n + f.found.regtext, 0),
    textlintFound: hits.reduce((n, f) => n + f.found.textlint, 0),
    textlintMissesRegtextFinds: names(hits.filter((f) => misses(f, 'textlint') && !misses(f, 'regtext'))),
    regtextMissesTextlintFinds: names(hits.filter((f) => misses(f, 'regtext') && f.found.textlint > f.found.regtext)),
    bothMiss: names(hits.filter((f) => misses(f, 'regtext') && misses(f, 'textlint'))),
    regtextFlagsTraps: names(traps.filter((f) => f.found.regtext > 0)),
    textlintFlagsTraps: names(traps.filter((f) => f.found.textlint > 0)),
    mentionsPlanted: mentions.reduce((n, f) => n + f.planted, 0),
    mentionsReported: Object.fromEntries(['regtext', 'textlint'].map((t) => [t, mentions.reduce((n, f) => n + f.found[t], 0)])),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Main.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function main() {
  ensureRegtext();
  ensureTextlint();
  const textlintVersions = ['textlint', 'textlint-rule-prh', 'prh'].map((name) => {
    const pkg = JSON.parse(readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8'));
    return `${name}@${pkg.version}`;
  });
  const dir = mkdtempSync(join(tmpdir(), 'regtext-vs-textlint-'));
  try {
    log(`generating inputs in ${dir}`);
    const { source, inputs } = generateInputs(dir, only);
    log(`prose from ${source}`);
    const results = [];
    for (const input of inputs) {
      const timings = { regtext: [], textlint: [] };
      const rss = { regtext: [], textlint: [] };
      const found = {};
      for (let run = 0; run < runs; run++) {
        for (const [name, tool] of Object.entries(TOOLS)) {
          log(`${input.name}: ${name} run ${run + 1}/${runs}`);
          const r = runOnce(tool, input.path, join(dir, `${name}.rss`));
          timings[name].push(r.ms);
          if (r.rss !== undefined) rss[name].push(r.rss);
          if (run === 0) {
            const starts = new Map();
            const offsetOf = (path, line, column) => {
              let s = starts.get(path);
              if (!s) {
                const f = input.files.find((x) => resolve(x.path) === path);
                if (!f) throw new Error(`regtext reported a file that was not generated: ${path}`);
                starts.set(path, (s = lineStarts(f.text)));
              }
              return s[line - 1] + column - 1;
            };
            found[name] = tool.findings(r.stdout.toString(), offsetOf);
          }
        }
      }
      const comparison = compareFindings(input, found);
      const tools = Object.fromEntries(
        Object.keys(TOOLS).map((name) => [
          name,
          {
            medianMs: median(timings[name]),
            minMs: Math.min(...timings[name]),
            maxMs: Math.max(...timings[name]),
            runsMs: timings[name],
            peakRssMiB: rss[name].length ? Math.max(...rss[name]) : undefined,
            findings: found[name].length,
            findingsOutsidePlanted: comparison.unplanted[name],
          },
        ]),
      );
      results.push({
        input: input.name,
        files: input.files.length,
        megabytes: input.bytes / MIB,
        planted: input.planted,
        tools,
        ratioTextlintToRegtext: tools.textlint.medianMs / tools.regtext.medianMs,
        variants: comparison.classes,
        outsidePlanted: comparison.unplanted,
        summary: summarize(comparison.classes),
      });
    }
    const report = {
      runs,
      node: process.version,
      textlint: textlintVersions,
      prose: source,
      peakRss: timeBinary ? 'GNU time %M' : 'not measured (no /usr/bin/time)',
      results,
    };
    if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printTables(report);
    if (keep) log(`inputs kept in ${dir}`);
    return report;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`, ...rows.map(line)].join('\n');
}

function printTables(report) {
  const out = [];
  out.push(`regtext check vs ${report.textlint.join(' + ')} — ${report.runs} run(s) each, node ${report.node}, prose from ${report.prose}`);
  out.push('');
  const rows = [];
  for (const r of report.results) {
    for (const [name, t] of Object.entries(r.tools)) {
      rows.push([
        `${r.input} (${r.files} file${r.files > 1 ? 's' : ''}, ${r.megabytes.toFixed(1)} MiB)`,
        name,
        t.medianMs.toFixed(0),
        t.minMs.toFixed(0),
        t.maxMs.toFixed(0),
        t.peakRssMiB === undefined ? '–' : t.peakRssMiB.toFixed(0),
        t.findings,
        name === 'textlint' ? `${r.ratioTextlintToRegtext.toFixed(2)}×` : '',
      ]);
    }
  }
  out.push(table(['input', 'tool', 'median ms', 'min ms', 'max ms', 'peak RSS MiB', 'findings', 'textlint/regtext'], rows));
  for (const r of report.results) {
    out.push('');
    out.push(`Planted variants in ${r.input}: ${r.planted}.`);
    const label = { hit: '', trap: ' (trap: not a term)', mention: ' (quoted mention)' };
    const variantRows = r.variants.map((v) => {
      // For hits, the forms a tool misses; for traps and mentions, the forms it reports.
      const odd = (tool) => v.forms.filter((f) => (v.expect === 'hit' ? f.found[tool] < f.planted : f.found[tool] > 0)).map((f) => JSON.stringify(f.form));
      const verb = v.expect === 'hit' ? 'misses' : 'reports';
      return [
        `${v.cls}${label[v.expect]}`,
        v.planted,
        v.found.regtext,
        v.found.textlint,
        ['regtext', 'textlint'].filter((t) => odd(t).length).map((t) => `${t} ${verb} ${odd(t).join(' ')}`).join('; '),
      ];
    });
    out.push(table(['variant class', 'planted', 'regtext found', 'textlint found', 'forms missed (hits) or reported (traps, mentions)'], variantRows));
    const m = r.summary;
    const list = (forms) => forms.map((f) => JSON.stringify(f)).join(', ');
    out.push(`Planted hits: ${m.hitsPlanted}; regtext finds ${m.regtextFound}, textlint + prh finds ${m.textlintFound}.`);
    out.push(m.textlintMissesRegtextFinds.length ? `Forms textlint + prh misses and regtext finds: ${list(m.textlintMissesRegtextFinds)}.` : 'textlint + prh misses no form that regtext finds.');
    if (m.regtextMissesTextlintFinds.length) out.push(`MISS: forms regtext misses and textlint + prh finds: ${list(m.regtextMissesTextlintFinds)}.`);
    if (m.bothMiss.length) out.push(`MISS: forms both miss: ${list(m.bothMiss)}.`);
    if (m.regtextFlagsTraps.length) out.push(`FALSE POSITIVE: traps regtext flags: ${list(m.regtextFlagsTraps)}.`);
    if (m.textlintFlagsTraps.length) out.push(`Traps textlint + prh flags: ${list(m.textlintFlagsTraps)}.`);
    out.push(`Quoted mentions (a term quoted as a word; regtext reports uses only, by design): ${m.mentionsPlanted} planted, reported by regtext ${m.mentionsReported.regtext}, by textlint + prh ${m.mentionsReported.textlint}.`);
    const o = r.outsidePlanted;
    out.push(`Findings outside the planted spans (terms in the corpus prose itself): regtext ${o.regtext}, textlint ${o.textlint}; only regtext ${o.onlyRegtext}, only textlint ${o.onlyTextlint}.`);
    for (const tool of ['regtext', 'textlint']) {
      if (o.examples[tool].length) out.push(`  only ${tool}, e.g. ${o.examples[tool].map((e) => JSON.stringify(e)).join('  ')}`);
    }
    out.push(
      m.regtextMissesTextlintFinds.length + m.bothMiss.length + m.regtextFlagsTraps.length === 0
        ? 'regtext finds every planted variant, including every one textlint + prh misses, and flags no trap.'
        : 'NOT MET: regtext misses planted variants or flags traps (see above).',
    );
  }
  console.log(out.join('\n'));
}

main();
