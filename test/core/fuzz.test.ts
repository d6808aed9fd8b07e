/**
 * Fuzzing the core: whatever the text, analysis never throws, every span lies inside the text with start <= end,
 * and every feature of the language service answers, at random positions too, with ranges inside the document
 * (see fuzz/check.ts for what is checked). The inputs are seeded and varied: random bytes decoded as UTF-8, Latin-1
 * and UTF-16LE; random code points from every plane with lone surrogates, CRLF and NUL; dense mixes of the characters
 * the recognisers trigger on; real regulatory texts mutated at random; a workspace of such files (cross-file
 * features); 200,000 nested brackets of each kind; a 10 MB line. And one property an incremental core will rely on:
 * blank lines are hard breaks for the local recognisers (agencies, notice numbers, banned terms).
 *
 * Text with a NUL is declined by design: analysed false, one not-analysed problem, and still no feature throws.
 *
 * robustness.test.ts keeps the hand-picked odd inputs and a few large random blobs; this file draws many small
 * inputs of each family from seeds. REGTEXT_FUZZ_SEED and REGTEXT_FUZZ_SCALE (see fuzz/random.ts) replay a seed or
 * run longer. A failure is shrunk to a short text, printed and written to a file with the seed that found it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLanguageService, InMemoryWorkspace, NEVER_CANCELLED, type AnalysedDocument, type TextDocument,
} from '../../server/src/core';
import { analyse, knowledge, singleDocument, messageOf } from './fixture';
import { exerciseService, someOffsets, Violations } from './fuzz/check';
import { fuzzCount, fuzzSeeds, mulberry32, replay, type Random } from './fuzz/random';
import { FRAGMENTS, SEED_TEXTS } from './fuzz/seedTexts';
import { shrink } from './fuzz/shrink';

const THIS_FILE = 'dist/test/core/fuzz.test.js';
const SEEDS = fuzzSeeds([101, 202]);

/** What the texts checked held, for the test's diagnostic line: a family that finds nothing shows. */
const stats = { texts: 0, codeUnits: 0, declined: 0, annotations: 0, problems: 0, clauses: 0 };

/** The violations of one text as the one open document of a service (none: all holds). */
function violationsOf(text: string, offsets: number, oddPositions = false): string[] {
  const violations = new Violations();
  const random = mulberry32(text.length);
  const { service, document } = singleDocument(text);
  const analysis = exerciseService(service, document, { offsets: someOffsets(random, text.length, offsets), oddPositions }, violations);
  if (analysis) {
    declinedSoundly(text, analysis, violations);
    stats.texts++;
    stats.codeUnits += text.length;
    stats.declined += analysis.analysed ? 0 : 1;
    stats.annotations += analysis.annotations.length;
    stats.problems += analysis.problems.length;
    stats.clauses += analysis.clauses.length;
  }
  return violations.list;
}

/** The stats since the last call, as a line. */
function statsLine(): string {
  const line = `${stats.texts} texts, ${stats.codeUnits.toLocaleString('en')} code units (${stats.declined} declined): ${stats.annotations} annotations, ${stats.clauses} clauses, ${stats.problems} problems`;
  Object.assign(stats, { texts: 0, codeUnits: 0, declined: 0, annotations: 0, problems: 0, clauses: 0 });
  return line;
}

/** A NUL declines the text (one not-analysed problem, nothing found); any other text is analysed. */
function declinedSoundly(text: string, analysis: AnalysedDocument, violations: Violations): void {
  if (text.includes('\u0000')) {
    if (analysis.analysed) violations.add('a text with a NUL was analysed');
    const codes = analysis.problems.map((problem) => problem.code).join(',');
    if (codes !== 'not-analysed') violations.add(`a text with a NUL has problems ${codes}, not just not-analysed`);
    if (analysis.annotations.length > 0) violations.add('a declined text has annotations');
  } else if (!analysis.analysed) {
    violations.add(`a text without NUL was declined: ${analysis.problems.map((problem) => messageOf(problem)).join('; ')}`);
  }
}

/**
 * Checks `count` texts from `generate`; on the first failing one, shrinks it (keeping its first violation's kind),
 * writes it to a file and fails with the seed, the case and the shrunk text.
 */
function fuzz(family: string, seed: number, count: number, generate: (random: Random, index: number) => string, offsets = 12): void {
  const random = mulberry32(seed);
  for (let index = 0; index < count; index++) {
    const text = generate(random, index);
    const violations = violationsOf(text, offsets, index % 4 === 0);
    if (violations.length === 0) continue;
    const kind = violations[0]!.replace(/\d+/g, 'N').replace(/".*?"/g, '""').slice(0, 60);
    const shrunk = shrink(text, (candidate) => violationsOf(candidate, offsets, true).some((violation) => violation.replace(/\d+/g, 'N').replace(/".*?"/g, '""').startsWith(kind)));
    const path = join(tmpdir(), `regtext-fuzz-${family.replace(/\W+/g, '-')}-seed-${seed}-case-${index}.json`);
    writeFileSync(path, JSON.stringify({ family, seed, case: index, violations, shrunk, shrunkViolations: violationsOf(shrunk, offsets, true), text }, null, 2));
    assert.fail(`${family}, case ${index}: ${violations.length} violation(s):\n  ${violations.join('\n  ')}\n` +
      `shrunk to ${JSON.stringify(shrunk).slice(0, 500)}\n${replay(seed, THIS_FILE)}; the text and the shrunk one are in ${path}`);
  }
}

/** A length: mostly short (where edge cases are dense), sometimes a few thousand. */
const lengthOf = (random: Random) => (random.chance(0.9) ? random.int(400) : random.between(400, 6000));

// ---------------------------------------------------------------------------------------------------------------
// Random bytes and random code points

for (const seed of SEEDS) {
  test(`fuzz: random bytes decoded as UTF-8, Latin-1 and UTF-16LE (seed ${seed})`, (t) => {
    const encodings = ['utf8', 'latin1', 'utf16le'] as const;
    fuzz('random bytes', seed, fuzzCount(300), (random, index) => {
      // A third of the texts have no NUL byte (random bytes nearly always hold one, which declines the text).
      const lowest = index % 3 === 0 ? 1 : 0;
      const bytes = Buffer.from(Array.from({ length: lengthOf(random) }, () => random.between(lowest, 255)));
      const text = bytes.toString(encodings[index % encodings.length]);
      return lowest === 1 ? text.replaceAll('\u0000', '\u0001') : text; // UTF-16LE pairs two bytes into one unit
    });
    t.diagnostic(statsLine());
  });

  test(`fuzz: random code points from every plane, lone surrogates, CRLF, NUL (seed ${seed})`, (t) => {
    fuzz('random unicode', seed, fuzzCount(400), (random, index) => {
      const withNul = index % 5 === 0;
      let text = '';
      for (let length = lengthOf(random); text.length < length;) {
        text += random.weighted<() => string>([
          [10, () => String.fromCharCode(random.between(0x20, 0x7e))],
          [6, () => String.fromCharCode(random.between(0x4e00, 0x9fff))], // CJK
          [3, () => String.fromCharCode(random.between(0xff01, 0xff5e))], // full-width forms
          [3, () => String.fromCharCode(random.between(0x3000, 0x303f))], // CJK punctuation: 、。〔〕《》「」…
          [3, () => String.fromCodePoint(random.between(0x10000, 0x10ffff))], // every astral plane, private use included
          [2, () => String.fromCharCode(random.between(0xd800, 0xdfff))], // a lone surrogate
          [2, () => random.pick(['\r\n', '\r', '\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c'])],
          [2, () => random.pick(['\ufeff', '\u200b', '\u200d', '\u202e', '\u0301', '\ufffe', '\uffff', '\ufffd', '\u00a0', '\u3000', '\t'])],
          [2, () => String.fromCharCode(random.between(0x0001, 0x001f))],
          [4, () => String.fromCharCode(random.between(0x0080, 0xfffd))], // anything else in the BMP
          [withNul ? 1 : 0, () => '\u0000'],
        ])();
      }
      return withNul && !text.includes('\u0000') ? `${text}\u0000` : text;
    });
    t.diagnostic(statsLine());
  });

  test(`fuzz: dense mixes of the characters recognisers trigger on (seed ${seed})`, (t) => {
    const triggers = [
      '〔', '〕', '[', ']', '（', '）', '(', ')', '第', '条', '款', '项', '号', '《', '》', '“', '”', '"', '「', '」', '、', '.', '．', ' ', '\u3000',
      '\n', '\r\n', '一', '二', '三', '十', '百', '0', '1', '2', '5', '9', '2021', 'I', 'V', 'X', 'i', 'a', '之', '令', '发', '银发', 'No.', ' No. ',
      'Article', 'Clause', 'paragraph', 'of this Notice', '本通知', '本办法', '前款', '前两款', '是指', '所称', '以下简称', 'hereinafter', 'means', 'refers to',
      'PBOC', '中国人民银行', '人民银行', '证监会', '国务院', 'stable', 'coin', '稳定', '币', '虚拟货币', 'RWA', '废止', 'repealed', '施行',
    ];
    fuzz('trigger mix', seed, fuzzCount(500), (random) => {
      let text = '';
      for (let length = lengthOf(random); text.length < length;) text += random.pick(triggers);
      return text;
    });
    t.diagnostic(statsLine());
  });

  test(`fuzz: regulatory texts mutated at random (seed ${seed})`, (t) => {
    fuzz('mutated texts', seed, fuzzCount(250), (random) => {
      let text = random.pick(SEED_TEXTS).text;
      for (let mutations = random.between(1, 40); mutations > 0; mutations--) {
        const at = random.int(text.length + 1);
        const span = random.between(1, 6);
        text = random.weighted<() => string>([
          [3, () => text.slice(0, at) + text.slice(at + span)], // delete
          [3, () => text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(at)], // insert a fragment
          [2, () => text.slice(0, at) + text.slice(at, at + span).repeat(random.between(2, 5)) + text.slice(at + span)], // stutter
          [2, () => text.slice(0, at) + text.slice(at + span, at + 2 * span) + text.slice(at, at + span) + text.slice(at + 2 * span)], // swap
          [1, () => text.slice(0, at) + random.pick(['\n', '\r\n', '\r', '\n\n']) + text.slice(at)], // break a line
          [1, () => text.replace(/\r?\n/, '')], // join two lines
          [1, () => text.slice(0, at) + String.fromCharCode(random.between(1, 0xffff)) + text.slice(at)], // any code unit
        ])();
      }
      return text;
    }, 20);
    t.diagnostic(statsLine());
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Blank lines are hard breaks (what an analysis cached per paragraph relies on): nothing found spans one, and what
// the local recognisers find in A + blank line + B is what they find in A and in B. Clause labels, clause
// references and citations by short name are not local (a clause list, a defined short name, runs across
// paragraphs), so they are left out.

const LOCAL_KINDS = new Set(['agency', 'noticeNumber', 'bannedTerm']);

function localFindings(text: string, shift: number): string[] {
  return analyse(text).annotations.filter((annotation) => LOCAL_KINDS.has(annotation.kind))
    .map((annotation) => `${annotation.kind} ${annotation.start + shift}-${annotation.end + shift} ${JSON.stringify(annotation.text)}${annotation.kind === 'bannedTerm' ? ` (${annotation.context})` : ''}`);
}

for (const seed of SEEDS) {
  test(`fuzz: blank lines are hard breaks for agencies, notice numbers and banned terms (seed ${seed})`, () => {
    const random = mulberry32(seed);
    for (let index = 0; index < fuzzCount(150); index++) {
      const piece = () => {
        const source = random.pick(SEED_TEXTS).text;
        const start = random.int(source.length);
        const noise = Array.from({ length: random.between(0, 12) }, () => random.pick(FRAGMENTS)).join('');
        return random.chance(0.5) ? noise + source.slice(start, start + random.int(600)) : source.slice(start, start + random.int(600)) + noise;
      };
      const [a, b] = [piece(), piece()];
      const blank = random.pick(['\n\n', '\r\n\r\n', '\r\r', '\n\n\n', '\n\u3000\u3000\n', '\r\n \r\n', '\n\t\n']);
      const text = a + blank + b;
      const whole = analyse(text);
      const blankLine = /(?:\r\n|\r(?!\n)|\n)[ \t\u3000]*(?:\r\n|\r|\n)/;
      const spanning = whole.annotations.filter((annotation) => blankLine.test(annotation.text)).map((annotation) => `${annotation.kind} ${JSON.stringify(annotation.text)}`);
      const where = `case ${index}: ${JSON.stringify(a.slice(-120))} + ${JSON.stringify(blank)} + ${JSON.stringify(b.slice(0, 120))}; ${replay(seed, THIS_FILE)}`;
      assert.deepEqual(spanning, [], `found across a blank line, ${where}`);
      assert.deepEqual(localFindings(text, 0), [...localFindings(a, 0), ...localFindings(b, a.length + blank.length)], `the two paragraphs read apart differ, ${where}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A workspace of such files: the cross-file features (index summaries, citations between files, call hierarchy).

test('fuzz: a workspace of mutated and random files; every feature of every file, workspace symbols, the citation graph', async () => {
  for (const seed of SEEDS) {
    const random = mulberry32(seed);
    const files: Record<string, string> = {};
    for (let i = 0; i < fuzzCount(12); i++) {
      const base = random.pick(SEED_TEXTS).text;
      const at = random.int(base.length);
      files[`file:///ws/file-${i}.notice`] = random.weighted<string>([
        [3, base.slice(0, at) + random.pick(FRAGMENTS) + base.slice(at)],
        [1, base + base],
        [1, Array.from({ length: 200 }, () => random.pick(FRAGMENTS)).join('')],
        [1, base.replace(/\n/g, '\r')],
      ]);
    }
    const service = createLanguageService({ knowledge, workspace: new InMemoryWorkspace(files) });
    await service.index.scan(NEVER_CANCELLED);
    const violations = new Violations();
    for (const [uri, text] of Object.entries(files)) {
      const document: TextDocument = { uri, version: 1, getText: () => text };
      exerciseService(service, document, { offsets: someOffsets(random, text.length, 15) }, violations);
    }
    for (const query of ['', '银发', 'Yinfa', '第', '(', '\u0000', '😀']) violations.run(`workspaceSymbols ${JSON.stringify(query)}`, () => service.workspaceSymbols(query));
    violations.run('citationGraph', () => service.citationGraph());
    service.dispose();
    assert.deepEqual(violations.list, [], replay(seed, THIS_FILE));
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Deep nesting and a huge line: what a recursive parser or a per-line regex would choke on.

const NESTING = 200_000;
const nestings: [string, string][] = [
  ['（…）', `${'（'.repeat(NESTING)}一${'）'.repeat(NESTING)}`],
  ['(…)', `${'('.repeat(NESTING)}I${')'.repeat(NESTING)}`],
  ['〔…〕', `银发${'〔'.repeat(NESTING)}2021${'〕'.repeat(NESTING)}237号`],
  ['[…]', `Yinfa ${'['.repeat(NESTING)}2021${']'.repeat(NESTING)} No. 237`],
  ['《…》', `${'《'.repeat(NESTING)}关于虚拟货币的通知${'》'.repeat(NESTING)}`],
  ['“…”', `${'“'.repeat(NESTING)}稳定币${'”'.repeat(NESTING)}是指`],
  ['"…" (straight quotes)', `${'"'.repeat(NESTING)}stablecoin${'"'.repeat(NESTING)} means`],
  ['six kinds interleaved', `${'（(〔[《“'.repeat(NESTING / 6)}第五条${'”》]〕)）'.repeat(NESTING / 6)}`],
  ['openers only', '（(〔[《“'.repeat(NESTING / 6)],
  ['closers only', '”》]〕)）'.repeat(NESTING / 6)],
  ['nested labels and references', `${'第（'.repeat(NESTING / 2)}二${'）项'.repeat(NESTING / 2)}`],
];

for (const [what, text] of nestings) {
  test(`fuzz: ${NESTING.toLocaleString('en')} nested brackets, ${what}`, () => {
    assert.deepEqual(violationsOf(text, 20, true), []);
  });
}

test('fuzz: a 10 MB single line of English and Chinese is analysed, and every feature answers', () => {
  // Plain prose with a dense stretch every 1.5 KB: long enough a line for per-line work to show, hits all along it.
  const hits = 'The PBOC cites Yinfa [2021] No. 237 and bans stablecoin trading under Clause (IX); 中国人民银行依照银发〔2021〕237号处置虚拟货币交易炒作风险，见第（二）项；';
  const prose = 'Payment institutions shall keep records of transactions and report them to the supervisor in a timely manner, '.repeat(4) +
    '支付机构应当妥善保存交易记录，并及时向监管部门报告有关情况，'.repeat(6);
  const text = (prose + hits).repeat(Math.ceil((10 * 1024 * 1024) / (prose + hits).length));
  assert.ok(text.length >= 10 * 1024 * 1024 && !/[\r\n]/.test(text));
  assert.deepEqual(violationsOf(text, 30, true), []);
});
