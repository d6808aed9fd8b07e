/**
 * Hostile inputs at scale (issue 7): a million duplicate clause labels, a text dense with agencies, notice numbers
 * and banned terms. The clause tree is held in columns and its `Clause` objects made only when a feature asks; the
 * numbering problems are a compact list whose messages `regtext check` writes as it prints (a run of problems that
 * share a detail formats its message once). Here:
 *
 * - the findings on small inputs are exactly those written before the change (the clauses as objects, their titles
 *   read when asked, the problems and their order, the messages in both languages);
 * - growth at n and 8n of `regtext check`'s path (analysis, the index's summary, the diagnostics streamed and read
 *   once), in time and in retained memory; and of the outline, which makes every clause object;
 * - what an analysis of duplicate labels retains per label, before any feature asks for its clauses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, createLanguageService, formatProblem, InMemoryWorkspace, NEVER_CANCELLED } from '../../server/src/core';
import { knowledge, lines, singleDocument } from './fixture';
import { gc } from './fullGc';

// ---------------------------------------------------------------------------------------------------------------
// Small inputs: the findings as they were.

/** Each problem as `start-end code severity message` (English). */
function problemLines(text: string): string[] {
  return analyze(text, knowledge).problems.map((problem) => `${problem.start}-${problem.end} ${problem.code} ${problem.severity} ${formatProblem(problem, knowledge)}`);
}

/** Each clause as its fields: id, label, style, kind, value, label span, span, parent, depth, children, title, first sentence. */
function clauseLines(text: string): string[] {
  return analyze(text, knowledge).clauses.map((clause) => [
    clause.id, JSON.stringify(clause.label), clause.style, clause.kind, clause.value, `${clause.labelSpan.start}-${clause.labelSpan.end}`,
    `${clause.span.start}-${clause.span.end}`, `p${clause.parent}`, `d${clause.depth}`, `[${clause.children}]`,
    JSON.stringify(clause.title), JSON.stringify(clause.firstSentence),
  ].join(' '));
}

/** The diagnostics of a text as the one file of a workspace, streamed as `regtext check` reads them, in a locale. */
async function streamedDiagnostics(text: string, locale = 'en'): Promise<string[]> {
  const uri = 'file:///ws/notice.txt';
  const service = createLanguageService({ knowledge, workspace: new InMemoryWorkspace({ [uri]: text }), locale });
  await service.index.scan(NEVER_CANCELLED);
  return Array.from(service.fileDiagnosticStream(uri) ?? [], (diagnostic) =>
    `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}-${diagnostic.range.end.line + 1}:${diagnostic.range.end.character + 1} ${diagnostic.code} ${diagnostic.message}`);
}

test('hostile scale: duplicate labels, a gap and a duplicate after it: each problem names the line of the label before', async () => {
  const text = lines('(I) a', '(I) b', '(I) c', '(III) d', '(III) e');
  assert.deepEqual(problemLines(text), [
    '6-9 numbering-duplicate warning Duplicate number: (I) repeats (I) (line 1); expected (II).',
    '12-15 numbering-duplicate warning Duplicate number: (I) repeats (I) (line 2); expected (II).',
    '18-23 numbering-gap warning Numbering gap after (I) (line 3): expected (II), found (III) ((II) missing).',
    '26-31 numbering-duplicate warning Duplicate number: (III) repeats (III) (line 4); expected (IV).',
  ]);
  // Streamed, the run of duplicates writes its message from one template: the lines still differ.
  assert.deepEqual(await streamedDiagnostics(text, 'zh-cn'), [
    '2:1-2:4 numbering-duplicate 编号重复：(I) 与 (I)（第 1 行）重复，应为 (II)。',
    '3:1-3:4 numbering-duplicate 编号重复：(I) 与 (I)（第 2 行）重复，应为 (II)。',
    '4:1-4:6 numbering-gap 编号跳号：在 (I)（第 3 行）之后应为 (II)，实为 (III)（缺少 (II)）。',
    '5:1-5:6 numbering-duplicate 编号重复：(III) 与 (III)（第 4 行）重复，应为 (IV)。',
  ]);
});

test('hostile scale: a long run of duplicates streams the same messages as the analysis writes one by one', async () => {
  const text = '（一）甲。\n'.repeat(40) + '（三）乙。\n（三）丙。';
  const analysis = analyze(text, knowledge);
  const written = analysis.problems.map((problem) => `${analysis.lines.positionAt(problem.start).line + 1} ${formatProblem(problem, knowledge)}`);
  const streamed = (await streamedDiagnostics(text)).map((line) => `${line.split(':')[0]} ${line.slice(line.indexOf(' ', line.indexOf(' ') + 1) + 1)}`);
  assert.equal(written.length, 41);
  assert.deepEqual(streamed, written);
  assert.equal(written[38], '40 Duplicate number: （一） repeats （一） (line 39); expected （二）.');
});

test('hostile scale: Chinese labels out of order, and problems of the tree and of banned terms in one order by offset', () => {
  assert.deepEqual(problemLines(lines('（一）甲。', '（一）乙。', '（三）丙。', '（二）丁。', '（二）戊。')), [
    '6-9 numbering-duplicate warning Duplicate number: （一） repeats （一） (line 1); expected （二）.',
    '12-15 numbering-gap warning Numbering gap after （一） (line 2): expected （二）, found （三） (（二） missing).',
    '18-21 numbering-order warning Numbering out of order after （三） (line 3): expected （四）, found （二）.',
    '24-27 numbering-duplicate warning Duplicate number: （二） repeats （二） (line 4); expected （三）.',
  ]);
  const banned = (term: string) => `banned-term warning "${term}" is a banned term: Terms barred from company names and business scopes (Yinfa [2026] No. 42), clause (8).`;
  assert.deepEqual(problemLines(lines('（一）机构不得使用稳定币。', '（一）禁止虚拟货币交易。', '（三）甲。')), [
    `9-12 ${banned('稳定币')}`,
    '14-17 numbering-duplicate warning Duplicate number: （一） repeats （一） (line 1); expected （二）.',
    `19-23 ${banned('虚拟货币')}`,
    '27-30 numbering-gap warning Numbering gap after （一） (line 2): expected （二）, found （三） (（二） missing).',
  ]);
});

test('hostile scale: clauses made when asked have the fields, titles and first sentences they had', () => {
  const text = lines(
    '# 关于加强管理的通知', '## 一、总则', '（一）', '本通知适用于银行。', '（二）适用范围：', '1. 第一项内容', '## ** Title**', 'Article 5 Scope',
    'The rules apply to banks and', 'trust companies.', '(a)');
  assert.deepEqual(clauseLines(text), [
    '0 "关于加强管理的通知" heading section 0 2-11 0-131 pundefined d0 [1,5] "" ""',
    '1 "一、" zh-dot part 1 15-17 12-51 p0 d1 [2,3] "总则" "总则"',
    '2 "（一）" zh-paren clause 1 20-23 20-33 p1 d2 [] "本通知适用于银行" "本通知适用于银行。"',
    '3 "（二）" zh-paren clause 2 34-37 34-51 p1 d2 [4] "适用范围" "适用范围："',
    '4 "1." arabic-dot item 1 43-45 43-51 p3 d3 [] "第一项内容" "第一项内容"',
    // A heading's name trimmed of the space after its bold marks: the label is the trimmed text, its span as long.
    '5 "Title" heading section 0 57-62 52-131 p0 d1 [6] "e" "e"',
    '6 "Article 5" en-article article 5 66-75 66-131 p5 d2 [7] "Scope The rules apply to banks and" "Scope The rules apply to banks and"',
    '7 "(a)" paren-lower-alpha item 1 128-131 128-131 p6 d3 [] "" ""',
  ]);
  assert.deepEqual(analyze(text, knowledge).rootClauses, [0]);
});

// ---------------------------------------------------------------------------------------------------------------
// Growth at n and 8n.

/** As in growth.test.ts: linear is 8, quadratic 64; 20 leaves room for a busy machine. */
const LIMIT = 20;
const FACTOR = 8;
/** What the small text's result is taken to retain at least (as in growth.test.ts: below it, noise dominates). */
const MEMORY_FLOOR = 512 * 1024;

/** `regtext check` on one file: analysed and summarised by the index, its diagnostics streamed and read once. */
async function checkPath(text: string): Promise<{ count: number; service: unknown }> {
  const uri = 'file:///ws/hostile.txt';
  const service = createLanguageService({ knowledge, workspace: new InMemoryWorkspace({ [uri]: text }) });
  await service.index.scan(NEVER_CANCELLED);
  let count = 0;
  for (const diagnostic of service.fileDiagnosticStream(uri) ?? []) count += diagnostic.message.length > 0 ? 1 : 0;
  return { count, service };
}

/** The outline: every clause made an object, and described. */
async function outlinePath(text: string): Promise<{ count: number; service: unknown }> {
  const { service, document } = singleDocument(text);
  return { count: service.documentSymbols(document).length, service };
}

type Path = (text: string) => Promise<{ count: number; service: unknown }>;

async function bestTime(path: Path, text: string, runs: number): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    gc?.();
    const started = performance.now();
    await path(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Heap and array buffers a path's result keeps (the service holds the analysis or the summary), after full GCs. */
async function retainedBytes(path: Path, text: string): Promise<number> {
  const used = () => {
    gc!();
    gc!();
    return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  };
  const before = used();
  const kept = await path(text);
  const after = used();
  assert.ok(kept.count >= 0); // keeps the result alive until measured
  return Math.max(1, after - before);
}

const shapes: { name: string; n: number; make: (n: number) => string; path: Path; memory?: true }[] = [
  { name: 'duplicate clause labels, checked', n: 16_000, make: (n) => '(I)\n'.repeat(n), path: checkPath, memory: true },
  {
    name: 'a text dense with agencies, notice numbers and banned terms, checked',
    // Large enough that what the summary retains is well above the allocator's noise.
    n: 2_000,
    make: (n) => Array.from({ length: n }, (_, i) => (i % 2 === 0
      ? `中国人民银行、证监会和国家发展改革委印发银发〔${2015 + (i % 12)}〕${(i % 400) + 1}号，禁止虚拟货币和稳定币。`
      : `The PBOC and CSRC cite Yinfa [${2015 + (i % 12)}] No. ${(i % 400) + 1} on virtual currency and RWA.`)).join('\n'),
    path: checkPath,
    memory: true,
  },
  {
    name: 'labels with titles on the next line, outlined',
    n: 4_000,
    make: (n) => Array.from({ length: n }, (_, i) => `（${['一', '二', '三'][i % 3]}）\n机构应当报告第${i}项。`).join('\n'),
    path: outlinePath,
  },
];

for (const shape of shapes) {
  test(`hostile scale: growth: ${shape.name}: ${FACTOR}× the text takes < ${LIMIT}× the time${shape.memory ? ' and memory' : ''}`, async (t) => {
    const small = shape.make(shape.n);
    const large = shape.make(FACTOR * shape.n);
    await shape.path(small); // warm-up
    let smallMs = Infinity;
    let largeMs = Infinity;
    // Interleaved, so that a slow spell of the machine falls on both sizes.
    for (let run = 0; run < 3; run++) {
      smallMs = Math.min(smallMs, await bestTime(shape.path, small, 2));
      largeMs = Math.min(largeMs, await bestTime(shape.path, large, 1));
    }
    t.diagnostic(`${small.length} code units: ${smallMs.toFixed(1)} ms; ${large.length}: ${largeMs.toFixed(1)} ms; ratio ${(largeMs / smallMs).toFixed(2)}`);
    assert.ok(largeMs / smallMs < LIMIT, `${shape.name} grows faster than linear: ${smallMs.toFixed(1)} → ${largeMs.toFixed(1)} ms`);
    if (!shape.memory || !gc) return;
    // A small measure below the floor is the allocator's noise (a cache freed meanwhile can make it 0): the floor stands in.
    const smallBytes = Math.max(await retainedBytes(shape.path, small), MEMORY_FLOOR);
    const largeBytes = await retainedBytes(shape.path, large);
    t.diagnostic(`retained ${(smallBytes / 1024).toFixed(0)} KB; ${FACTOR}n: ${(largeBytes / 1024).toFixed(0)} KB`);
    assert.ok(largeBytes / smallBytes < LIMIT, `${shape.name}: memory grows faster than linear: ${smallBytes} → ${largeBytes} bytes`);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Memory per label.

/**
 * Bytes an analysis of duplicate labels may keep per label, before any feature asks for its clauses: the line starts,
 * the clause columns and the problem columns take some 60 to 80 (with their room to grow); one object per clause,
 * problem or detail would take several hundred (460 before the columns).
 */
const BYTES_PER_LABEL = 160;

test('hostile scale: an analysis of 200,000 duplicate labels keeps columns, not objects, until a feature asks', { skip: !gc && 'no GC to trigger' }, () => {
  const count = 200_000;
  const text = '(I)\n'.repeat(count);
  const used = () => {
    gc!();
    gc!();
    return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  };
  const before = used();
  const analysis = analyze(text, knowledge);
  const perLabel = (used() - before) / count;
  assert.equal(analysis.problemList?.length, count - 1);
  assert.ok(perLabel < BYTES_PER_LABEL, `${perLabel.toFixed(0)} bytes per label (limit ${BYTES_PER_LABEL})`);
  // Asked, the clauses are there, in one tree of siblings.
  assert.equal(analysis.clauses.length, count);
  assert.equal(analysis.rootClauses.length, count);
});
