/**
 * Growth tests: for hostile shapes of text (one long line, a great many clause labels, duplicate labels, deep
 * brackets, notice numbers, defined terms and their uses, references, a dense mix of everything), the time to analyse
 * a text and answer every document-wide feature is measured at a size n and at 8n, and the ratio must stay well below
 * quadratic: under 20 (linear is 8, n log n about 9, quadratic 64). Two sizes on the same machine in the same run,
 * so a quadratic path fails on any machine, and a slow machine or a busy one does not fail a linear path. 8× rather
 * than 4×: with t(n) = L + Q (linear and quadratic parts at n), 4× fails only once Q ≥ L, 8× once Q ≥ L / 4, so a
 * quadratic term is caught while it is still small at the sizes measured.
 *
 * - n is calibrated per shape: doubled until the small text takes at least CALIBRATED_MS and is at least
 *   MIN_SMALL_LENGTH long, so the timings are well above timer and GC noise on fast machines, and the texts stay
 *   small on slow ones (as the core gets faster, the sizes grow by themselves, and with them the chance that a
 *   quadratic term shows);
 * - the code is warmed up first; the small size is timed best of 4 (a slow small run would hide growth), the large
 *   one best of 2, the runs interleaved so that a slow spell of the machine falls on both; a ratio over the limit is measured again (best of 6 and 4) before it fails, so a burst of load
 *   from elsewhere does not fail the test, while a real quadratic path fails both times;
 * - a full GC runs before each timed pass, and retained memory (the analysis and the service's caches, after a full
 *   GC) is compared the same way, when a GC can be triggered (node --expose-gc, or v8.setFlagsFromString at run
 *   time, which works on the Node versions this project supports).
 *
 * These replace the tests in robustness.test.ts that time one size against a limit ("linear on …", "analysed in
 * time linear in its size", the 1 MB lines): every shape of theirs is here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { singleDocument } from './fixture';
import { gc } from './fullGc';

/** The largest ratio of time (or memory) at FACTOR × n to that at n that passes: 2.5 × linear. */
const LIMIT = 20;
const FACTOR = 8;
/** The small size is grown until a pass takes at least this long… */
const CALIBRATED_MS = 20;
/**
 * …and is at least this long (code units): below, the cost per character is not yet steady (caches, the JIT, the
 * young generation) and 4× the text can take 6× the time for no algorithmic reason.
 */
const MIN_SMALL_LENGTH = 16 * 1024;
/** …or until the large text would be longer than this (code units), whatever the time. */
const MAX_LARGE_LENGTH = 8_000_000;
/** Memory is compared from the size where the small analysis retains this much (below, allocator noise dominates). */
const MEMORY_FLOOR = 512 * 1024;


/** Analysis through the language service, then every document-wide feature and the position features at the middle. */
function pass(text: string): { analysisMs: number; totalMs: number } {
  const started = performance.now();
  const { service, document, analysis } = singleDocument(text);
  const analysed = performance.now();
  service.documentSymbols(document);
  service.foldingRanges(document);
  service.semanticTokens(document);
  service.diagnostics(document);
  service.codeLenses(document);
  service.documentLinks(document);
  service.inlayHints(document, { start: { line: 0, character: 0 }, end: analysis.lines.positionAt(text.length) });
  const middle = analysis.lines.positionAt(text.length >> 1);
  service.hover(document, middle);
  service.definition(document, middle);
  service.references(document, middle, { includeDeclaration: true });
  return { analysisMs: analysed - started, totalMs: performance.now() - started };
}

function bestOf(text: string, runs: number): { analysisMs: number; totalMs: number } {
  let best = { analysisMs: Infinity, totalMs: Infinity };
  for (let run = 0; run < runs; run++) {
    gc?.(); // so that no run pays for the garbage of the one before (or of another shape)
    const timing = pass(text);
    best = { analysisMs: Math.min(best.analysisMs, timing.analysisMs), totalMs: Math.min(best.totalMs, timing.totalMs) };
  }
  return best;
}

/** Memory retained by a text's analysis and the service that holds it (heap and array buffers), after full GCs. */
function retainedBytes(text: string): number {
  const used = () => {
    gc!();
    gc!();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const before = used();
  const kept = singleDocument(text);
  const after = used();
  assert.equal(kept.analysis.text.length, text.length); // keeps the analysis alive until measured
  return Math.max(1, after - before);
}

interface Growth {
  n: number;
  small: { length: number; analysisMs: number; totalMs: number };
  large: { length: number; analysisMs: number; totalMs: number };
}

/**
 * Times `make(n)` and `make(FACTOR * n)`. Unless `n` is given, it is calibrated first: after a warm-up at n0, grown
 * until the small text takes CALIBRATED_MS and is MIN_SMALL_LENGTH long, or the large one would pass
 * MAX_LARGE_LENGTH.
 */
function measureGrowth(make: (n: number) => string, n0: number, runs: { small: number; large: number }, given?: number): Growth {
  let n = given ?? n0;
  if (given === undefined) {
    const warmUp = make(n0);
    pass(warmUp); // warm-up: compile the hot paths before anything is timed
    pass(warmUp);
    for (;;) {
      const text = make(n);
      if (make(FACTOR * 2 * n).length > MAX_LARGE_LENGTH) break;
      const { totalMs } = pass(text);
      if (totalMs >= CALIBRATED_MS && text.length >= MIN_SMALL_LENGTH) break;
      n *= totalMs < CALIBRATED_MS / 8 && text.length < MIN_SMALL_LENGTH / 4 ? 4 : 2;
    }
  }
  const smallText = make(n);
  const largeText = make(FACTOR * n);
  // Interleaved (small, large, small, large…), so that a slow spell of the machine falls on both sizes alike.
  let small = { length: smallText.length, analysisMs: Infinity, totalMs: Infinity };
  let large = { length: largeText.length, analysisMs: Infinity, totalMs: Infinity };
  const better = <T extends { analysisMs: number; totalMs: number }>(best: T, timing: { analysisMs: number; totalMs: number }): T =>
    ({ ...best, analysisMs: Math.min(best.analysisMs, timing.analysisMs), totalMs: Math.min(best.totalMs, timing.totalMs) });
  for (let run = 0; run < Math.max(runs.small, runs.large); run++) {
    if (run < runs.small) small = better(small, bestOf(smallText, 1));
    if (run < runs.large) large = better(large, bestOf(largeText, 1));
  }
  return { n, small, large };
}

/** Retained memory at m and FACTOR × m, from the calibrated n grown until the small analysis holds MEMORY_FLOOR bytes. */
function memoryGrowth(make: (n: number) => string, n: number): { m: number; small: number; large: number } {
  let m = n;
  let small = retainedBytes(make(m));
  while (small < MEMORY_FLOOR && make(FACTOR * 2 * m).length <= MAX_LARGE_LENGTH) {
    m *= 2;
    small = retainedBytes(make(m));
  }
  return { m, small, large: retainedBytes(make(FACTOR * m)) };
}

const ratios = (growth: Growth) => ({ total: growth.large.totalMs / growth.small.totalMs, analysis: growth.large.analysisMs / growth.small.analysisMs });

function describeGrowth(growth: Growth): string {
  const { total, analysis } = ratios(growth);
  const kb = (length: number) => `${(length / 1024).toFixed(0)} K`;
  return `n = ${growth.n.toLocaleString('en')}: ${kb(growth.small.length)} code units in ${growth.small.totalMs.toFixed(1)} ms ` +
    `(analysis ${growth.small.analysisMs.toFixed(1)}); ${FACTOR}n: ${kb(growth.large.length)} in ${growth.large.totalMs.toFixed(1)} ms ` +
    `(analysis ${growth.large.analysisMs.toFixed(1)}); ratio ${total.toFixed(2)} (analysis ${analysis.toFixed(2)}), limit ${LIMIT}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes: make(n) builds a text whose length is proportional to n.

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 21 → 二十一, 99 → 九十九. */
function chineseNumeral(value: number): string {
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 0 ? '' : `${tens === 1 ? '' : CN_DIGITS[tens]}十`}${CN_DIGITS[ones]}`;
}

/** `memory`: retained memory is compared too (the shapes where each finding is kept: labels, problems, numbers…). */
const shapes: { name: string; n0: number; make: (n: number) => string; memory?: true }[] = [
  {
    name: 'one long line of English and Chinese (no line break at all)',
    memory: true,
    n0: 100,
    make: (n) => ('The PBOC cites Yinfa [2021] No. 237 and bans stablecoin trading under Clause (IX) of this Notice; ' +
      '中国人民银行依照银发〔2021〕237号处置虚拟货币交易炒作风险，见本通知第一条第（二）项；').repeat(n),
  },
  {
    name: 'a great many clause labels in order, in a hierarchy (一、（一）1.（1）)',
    n0: 200,
    make: (n) => Array.from({ length: n }, (_, i) => {
      const sub = (i % 9) + 1;
      return `${chineseNumeral((i % 99) + 1)}、总体要求\n（${chineseNumeral(sub)}）机构应当报告。\n${sub}. 报送内容。\n（${sub}）报送频率。`;
    }).join('\n'),
  },
  {
    name: 'a great many clause labels out of order (a numbering problem at each)',
    memory: true,
    n0: 500,
    make: (n) => Array.from({ length: n }, (_, i) => `（${['一', '三', '二', '二'][i % 4]}）甲`).join('\n'),
  },
  {
    name: 'many duplicate labels',
    memory: true,
    n0: 500,
    make: (n) => '(I) a\n'.repeat(n),
  },
  {
    name: 'many articles and items, English (Article N, (a), (b))',
    n0: 200,
    make: (n) => Array.from({ length: n }, (_, i) => `Article ${i + 1} Rules.\n(a) One.\n(b) Two, under paragraph (a) of Article ${i + 1}.`).join('\n'),
  },
  {
    name: 'deep nesting of brackets of every kind',
    n0: 2_000,
    make: (n) => `${'（(〔[《“'.repeat(n)}第五条${'”》]〕)）'.repeat(n)}`,
  },
  {
    name: 'many notice numbers, all different',
    memory: true,
    n0: 200,
    make: (n) => Array.from({ length: n }, (_, i) => `银发〔${2000 + (i % 27)}〕${i + 1}号、Yinfa [${2000 + (i % 27)}] No. ${i + 1}; `).join(''),
  },
  {
    name: 'many defined terms, each used twice',
    memory: true,
    n0: 100,
    make: (n) => Array.from({ length: n }, (_, i) => `Term${i} (hereinafter "T${i}") and T${i} T${i}. 机构${i}（以下简称“机${i}”）及机${i}。`).join(' '),
  },
  {
    name: 'many references to clauses, resolved and not',
    memory: true,
    n0: 200,
    make: (n) => `一、总体要求\n（一）甲。\n（二）乙。\n${'依照本通知第九十九条和第（二）项执行，见前款。\nSee Clause (IX) and paragraph 2 of Clause (II).\n'.repeat(n)}`,
  },
  {
    name: 'a dense mix of agencies, notice numbers, terms, labels and banned terms',
    memory: true,
    n0: 50,
    make: (n) => Array.from({ length: n }, (_, i) => `（${chineseNumeral((i % 9) + 1)}）中国人民银行、中国证监会和国家外汇管理局依照银发〔2021〕237号、` +
      `《关于进一步防范和处置虚拟货币交易炒作风险的通知》处置稳定币风险（以下简称“风险${i % 50}”）。The PBOC, the CSRC and SAFE ` +
      `apply Yinfa [2026] No. 42 to stablecoin and RWA business (hereinafter "business ${i % 50}") under Clause (${['I', 'II', 'IX'][i % 3]}).`).join('\n'),
  },
  // The inputs robustness.test.ts timed at one size ("linear on …"): each once made a recogniser quadratic.
  { name: 'closing quotes before 是指 with no opening quote', n0: 2_000, make: (n) => '”是指'.repeat(n) },
  { name: '", hereinafter" without an opening parenthesis', n0: 500, make: (n) => 'Rules, hereinafter "Rules") '.repeat(n) },
  { name: 'references to a missing article in a notice numbered 一、', n0: 500, make: (n) => `一、总体要求\n${'依照本通知第九十九条执行。\n'.repeat(n)}` },
  { name: '前款 in an article of many paragraphs', n0: 500, make: (n) => `第一条 总则。\n${'前款规定的机构应当报告。\n'.repeat(n)}` },
];

// ---------------------------------------------------------------------------------------------------------------

for (const shape of shapes) {
  test(`growth: ${shape.name}: ${FACTOR}× the text takes < ${LIMIT}× the time${shape.memory ? ' and memory' : ''}`, (t) => {
    let growth = measureGrowth(shape.make, shape.n0, { small: 4, large: 2 });
    // A calibration fooled by a slow first run leaves the small size too small to time well: grow it and measure again.
    for (let retry = 0; retry < 3 && growth.small.totalMs < CALIBRATED_MS / 2 && shape.make(FACTOR * 2 * growth.n).length <= MAX_LARGE_LENGTH; retry++) {
      growth = measureGrowth(shape.make, shape.n0, { small: 4, large: 2 }, growth.n * 2);
    }
    t.diagnostic(describeGrowth(growth));
    const over = (measured: Growth) => ratios(measured).total >= LIMIT || ratios(measured).analysis >= LIMIT;
    if (over(growth)) {
      // Confirm before failing: a burst of load from elsewhere passes on a second look, a quadratic path does not.
      growth = measureGrowth(shape.make, shape.n0, { small: 6, large: 4 }, growth.n);
      t.diagnostic(`measured again: ${describeGrowth(growth)}`);
    }
    assert.ok(ratios(growth).total < LIMIT, `analysis and features grow faster than linear on ${shape.name}: ${describeGrowth(growth)}`);
    assert.ok(ratios(growth).analysis < LIMIT, `analysis grows faster than linear on ${shape.name}: ${describeGrowth(growth)}`);

    if (!shape.memory) return;
    if (!gc) {
      t.diagnostic('memory not measured: no GC to trigger (run node with --expose-gc)');
      return;
    }
    const { m, small: smallBytes, large: largeBytes } = memoryGrowth(shape.make, growth.n);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const memory = `n = ${m.toLocaleString('en')}: retained ${mb(smallBytes)}; ${FACTOR}n: ${mb(largeBytes)}; ratio ${(largeBytes / smallBytes).toFixed(2)}, limit ${LIMIT}`;
    t.diagnostic(memory);
    assert.ok(largeBytes / smallBytes < LIMIT, `memory grows faster than linear on ${shape.name}: ${memory}`);
  });
}

test('growth: the measure itself tells quadratic from linear (a deliberately quadratic pass fails the limit)', () => {
  // What the tests above would see of a quadratic path: here a scan that re-reads the text before each line.
  const quadratic = (text: string) => {
    let sum = 0;
    for (let line = text.indexOf('\n'); line >= 0; line = text.indexOf('\n', line + 1)) sum += text.slice(0, line).split('第').length;
    return sum;
  };
  const make = (n: number) => '第一条 甲。\n'.repeat(n);
  const time = (text: string) => {
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      quadratic(text);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  let n = 250;
  while (time(make(n)) < CALIBRATED_MS / 2 && n < 1_000_000) n *= 2;
  const small = time(make(n));
  const started = performance.now();
  quadratic(make(FACTOR * n));
  const ratio = (performance.now() - started) / small;
  assert.ok(ratio >= LIMIT, `a quadratic pass grew only ${ratio.toFixed(2)}× for ${FACTOR}× the text: the limit would not catch it`);
});
