/**
 * Analysis never throws and stays consistent, whatever the input: empty and blank texts, odd line ends, emoji,
 * a 1 MB line, unbalanced quotes, random garbage; binary and oversized texts are declined with a problem saying
 * why. Then the real corpus (../shared/corpus, read where it is, skipped with a message where it is not): every
 * file analysed with the invariants checked, and counts of what was found summed per language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_MAX_BYTES, analyze, type AnalysedDocument } from '../../server/src/core';
import { analyse, invariantViolations, knowledge, lines, singleDocument, messageOf } from './fixture';

/** Analyses a text and runs every feature at every offset (or at a sample of offsets for long texts). */
function exercise(text: string): AnalysedDocument {
  const { service, document, analysis } = singleDocument(text);
  service.documentSymbols(document);
  service.foldingRanges(document);
  service.semanticTokens(document);
  service.codeLenses(document);
  service.documentLinks(document);
  service.diagnostics(document);
  const step = Math.max(1, Math.floor(text.length / 2000));
  for (let offset = 0; offset <= text.length; offset += step) {
    const position = analysis.lines.positionAt(offset);
    service.hover(document, position);
    service.definition(document, position);
    service.references(document, position, { includeDeclaration: true });
    service.prepareCallHierarchy(document, position);
  }
  return analysis;
}

function assertSound(document: AnalysedDocument): void {
  assert.deepEqual(invariantViolations(document), []);
  assert.equal(document.analysed, true);
  assert.deepEqual(document.problems.filter((problem) => problem.code === 'not-analysed').map((problem) => messageOf(problem)), []);
}

/** A deterministic pseudo-random generator (mulberry32), so a failing garbage text can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Garbage made of the pieces recognisers look at, glued at random, plus arbitrary code units (lone surrogates too). */
function garbage(seed: number, length: number): string {
  const next = random(seed);
  const pieces = ['《', '》', '“', '”', '"', '「', '」', '〔', '〕', '[', ']', '（', '）', '(', ')', '第', '条', '款', '项', '号', '一、', '（一）', '(IX)',
    'I.', '1.', 'Article 5', 'Clause (', 'of this Notice', '本通知', '前款', '银发', 'Yinfa', ' No. ', '2021', '令', '年', '是指', '以下简称',
    'hereinafter', ' refers to ', 'PBOC', '中国人民银行', 'virtual', 'currency', '稳定币', 'RWA', '-', '\n', '\r\n', '\r', '\u3000', '\u00a0',
    '\u200b', '\ufeff', '😀', '\t', ' ', '§', '之一'];
  let text = '';
  while (text.length < length) {
    text += next() < 0.7 ? pieces[Math.floor(next() * pieces.length)]! : String.fromCharCode(1 + Math.floor(next() * 0xfffe));
  }
  return text; // code units 1 to 0xFFFE: never NUL, which would decline the text
}

// [what, text]
const oddInputs: [string, string][] = [
  ['empty text', ''],
  ['only spaces', '   '],
  ['only white space of every kind', ' \t\u00a0\u2003\u3000\u200b\ufeff\n\r\n\r\u2028\u2029'],
  ['a lone CR', '\r'],
  ['a lone LF', '\n'],
  ['lone CRs as line ends', '一、甲\r（一）乙\r（二）丙\r'],
  ['mixed CRLF, LF and CR', '一、甲\r\n（一）PBOC\n（二）银发〔2021〕\r237号\r\n二、丁\r'],
  ['U+3000-only lines', '\u3000\u3000\u3000\n\u3000\n一、甲\n\u3000\u3000\n（一）乙\n\u3000'],
  ['a BOM at the start', '\ufeff一、甲\n（一）中国人民银行'],
  ['unbalanced book-title marks', '《《《关于虚拟货币的通知》 稳定币 》》》《'],
  ['unbalanced quotes', '"stablecoin “virtual currency ”” "" " 「RWA」」「'],
  ['unbalanced brackets', '银发〔〔2021〕〕237号 ((((I) [2021 No. 5 （（一）'],
  ['labels without text', '第\n第一\n第一条\n（\n（一\n(I\nI.\nArticle\n§'],
  ['references without targets', '第（）项 第条 Clause () Article of this Notice 前两款 前三款 本通知第项'],
  ['definitions without terms', '（以下简称“”） (hereinafter "") "" means 是指 所称，是指'],
  ['lone surrogates', 'PBOC \ud800 银发〔2021〕237号 \udfff (I) \ud83d'],
  ['control characters', '\u0001\u0002\u0007\u001b[31mPBOC\u001b[0m \u007f\u0085'],
  ['right-to-left and combining marks', '\u202eCOBP\u202c 中国人民银行\u0301 银发\u0308〔2021〕237号'],
  ['very deep nesting of labels', Array.from({ length: 200 }, (_, i) => ['一、', '（一）', '1.', '（1）', '(a)', '(i)', '(A)'][i % 7] + '甲').join('\n')],
  ['thousands of numbering problems', Array.from({ length: 3000 }, (_, i) => `（${['一', '三', '二', '二'][i % 4]}）甲`).join('\n')],
  ['a long run of the same label', Array.from({ length: 5000 }, () => '(I) a').join('\n')],
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((seed): [string, string] => [`random garbage, seed ${seed}`, garbage(seed, 4000)]),
];

for (const [what, text] of oddInputs) {
  test(`robustness: ${what}`, () => {
    assertSound(exercise(text));
  });
}

test('robustness: random bytes decoded as UTF-8 (replacement characters, no NUL) are analysed', () => {
  for (const seed of [11, 12, 13]) {
    const next = random(seed);
    const bytes = Buffer.from(Array.from({ length: 50_000 }, () => 1 + Math.floor(next() * 255)));
    assertSound(exercise(bytes.toString('utf8')));
  }
});

test('robustness: random bytes with NUL bytes are declined as binary, soundly', () => {
  const next = random(21);
  const document = exercise(Buffer.from(Array.from({ length: 50_000 }, () => Math.floor(next() * 256))).toString('latin1'));
  assert.equal(document.analysed, false);
  assert.deepEqual(document.problems.map((problem) => problem.code), ['not-analysed']);
  assert.deepEqual(invariantViolations(document), []);
});

test('robustness: emoji and other surrogate pairs keep offsets exact', () => {
  const text = lines('😀 (I) 🇨🇳 The PBOC 😀 cites Yinfa [2021] No. 237 👍🏽.', '😀😀 （二）中国人民银行😀银发〔2021〕237号😀稳定币', '(II) 𠀀𠀁 See Clause (I).');
  const document = exercise(text);
  assertSound(document);
  assert.deepEqual(document.annotations.filter((annotation) => annotation.kind !== 'clauseLabel').map((annotation) => [annotation.kind, annotation.text, text.indexOf(annotation.text) === annotation.start || text.lastIndexOf(annotation.text) === annotation.start]), [
    ['agency', 'PBOC', true],
    ['noticeNumber', 'Yinfa [2021] No. 237', true],
    ['agency', '中国人民银行', true],
    ['noticeNumber', '银发〔2021〕237号', true],
    ['bannedTerm', '稳定币', true],
    ['clauseRef', 'Clause (I)', true],
  ]);
  for (const position of [document.lines.positionAt(text.indexOf('PBOC')), document.lines.positionAt(text.indexOf('银发'))]) {
    assert.equal(document.lines.offsetAt(position), text.indexOf(position.line === 0 ? 'PBOC' : '银发'));
  }
  assert.equal(document.lines.positionAt(text.indexOf('PBOC')).character, 16);
});

test('robustness: a 1 MB single line is analysed to its end, with no silent cut-off', () => {
  const sentence = 'The PBOC cites Yinfa [2021] No. 237 and bans stablecoin trading; ';
  const count = Math.ceil((1024 * 1024) / sentence.length);
  const text = sentence.repeat(count);
  assert.ok(text.length >= 1024 * 1024);
  const document = analyse(text);
  assertSound(document);
  assert.equal(document.agencies.length, count);
  assert.equal(document.noticeNumbers.length, count);
  assert.equal(document.bannedTerms.length, count);
  const last = document.noticeNumbers[count - 1]!;
  assert.equal(text.slice(last.start, last.end), 'Yinfa [2021] No. 237');
});

test('robustness: a 1 MB Chinese line without any break', () => {
  const sentence = '中国人民银行依照银发〔2021〕237号处置虚拟货币交易炒作风险，';
  const count = Math.ceil((1024 * 1024) / sentence.length);
  const document = analyse(sentence.repeat(count));
  assertSound(document);
  assert.equal(document.agencies.length, count);
  assert.equal(document.noticeNumbers.length, count);
  assert.equal(document.bannedTerms.length, count);
});

test('robustness: a long regulation whose articles cite their own items resolves every reference (growth.test.ts times it)', () => {
  // 8,000 articles, each with items (a) and (b) and a reference "paragraph (a) of Article N": 600 KB of text.
  const articles = Array.from({ length: 8000 }, (_, i) => `Article ${i + 1} Rules.\n(a) One.\n(b) Two, under paragraph (a) of Article ${i + 1}.`);
  const document = analyse(articles.join('\n'));
  assertSound(document);
  assert.equal(document.references.filter((reference) => reference.target !== undefined).length, 8000);
});

test('robustness: a NUL byte declines the text with a not-analysed problem', () => {
  const document = analyse('PBOC\u0000银发〔2021〕237号');
  assert.equal(document.analysed, false);
  assert.deepEqual(document.problems.map((problem) => problem.code), ['not-analysed']);
  assert.match(messageOf(document.problems[0]!), /NUL/);
  assert.deepEqual(document.annotations, []);
  assert.deepEqual(document.clauses, []);
  assert.deepEqual(invariantViolations(document), []);
  const { service, document: open } = singleDocument('PBOC\u0000银发〔2021〕237号');
  assert.equal(service.hover(open, { line: 0, character: 2 }), undefined);
});

test('robustness: a text over the size limit is declined, one at the limit is not', () => {
  const text = 'The PBOC said. ';
  const atLimit = analyze(text, knowledge, { maxBytes: text.length });
  assert.equal(atLimit.analysed, true);
  assert.equal(atLimit.agencies.length, 1);
  const over = analyze(text + 'x', knowledge, { maxBytes: text.length });
  assert.equal(over.analysed, false);
  assert.deepEqual(over.problems.map((problem) => problem.code), ['not-analysed']);
  assert.match(messageOf(over.problems[0]!), /regtext\.maxFileSizeMB/);
  assert.deepEqual(over.annotations, []);
});

test('robustness: a text over the size limit keeps its outline, and nothing else is looked for', () => {
  const text = lines('一、总体要求', '（一）中国人民银行不得使用虚拟货币。', '（二）依照银发〔2021〕237号执行。', '二、附则');
  const document = analyze(text, knowledge, { maxBytes: 20 });
  assert.equal(document.analysed, false);
  assert.deepEqual(document.clauses.map((clause) => clause.label), ['一、', '（一）', '（二）', '二、']);
  assert.deepEqual(document.problems.map((problem) => problem.code), ['not-analysed']);
  assert.match(messageOf(document.problems[0]!), /^Outline only: .*regtext\.maxFileSizeMB/);
  assert.deepEqual([document.agencies, document.noticeNumbers, document.bannedTerms, document.references], [[], [], [], []]);
  const { service, document: open } = singleDocument(text, { maxBytes: 20 });
  assert.deepEqual(service.documentSymbols(open).map((symbol) => symbol.name), ['一、 总体要求', '二、 附则']);
  assert.deepEqual(invariantViolations(document), []);
});

test('robustness: the size limit counts UTF-8 bytes: Chinese text takes three bytes a character', () => {
  const text = '中国人民银行';
  assert.equal(analyze(text, knowledge, { maxBytes: 18 }).analysed, true);
  assert.equal(analyze(text, knowledge, { maxBytes: 17 }).analysed, false);
  assert.equal(analyze('😀', knowledge, { maxBytes: 4 }).analysed, true);
  assert.equal(analyze('😀', knowledge, { maxBytes: 3 }).analysed, false);
});

test('robustness: the default size limit declines a text just over it, quickly', () => {
  const started = performance.now();
  const document = analyse('a'.repeat(DEFAULT_MAX_BYTES + 1));
  assert.equal(document.analysed, false);
  assert.deepEqual(document.problems.map((problem) => problem.code), ['not-analysed']);
  assert.ok(performance.now() - started < 5_000);
});

test('robustness: analysis is deterministic', () => {
  const text = garbage(42, 20_000);
  const first = analyse(text);
  const second = analyse(text);
  assert.deepEqual(first.annotations, second.annotations);
  assert.deepEqual(first.problems, second.problems);
  assert.deepEqual(first.clauses, second.clauses);
});

test('robustness: CRLF, LF and CR line ends give the same analysis', () => {
  const text = lines(
    'I. General', '(I) Scope. The People\'s Bank', 'of China (PBOC) cites Yinfa', '[2021] No. 237.', 'Providers (hereinafter "payment providers") shall not trade stable',
    'coins.', '(II) Wallets. See Clause (I) and paragraph 2 of Clause (I).', '', '一、总体要求', '（一）中国人民', '银行依照银发', '〔2021〕237号执行。', '（三）见第（一）项。',
  );
  const summary = (source: string) => {
    const document = analyse(source);
    const normalise = (value: string) => value.replace(/\r\n|\r/g, '\n');
    return {
      annotations: document.annotations.map((annotation) => `${annotation.kind} ${normalise(annotation.text)}`),
      clauses: document.clauses.map((clause) => `${clause.label} ${clause.depth} ${clause.title}`),
      problems: document.problems.map((problem) => `${problem.code} ${document.lines.positionAt(problem.start).line}`),
      lines: document.lines.lineCount,
    };
  };
  const lf = summary(text);
  assert.deepEqual(summary(text.replace(/\n/g, '\r\n')), lf);
  assert.deepEqual(summary(text.replace(/\n/g, '\r')), lf);
});

// ---------------------------------------------------------------------------------------------------------------
// The real corpus.

/** ../shared/corpus from the repository root; the bundled test lives in dist/test/core. */
function findCorpus(): string | undefined {
  const candidates = [
    process.env.REGTEXT_CORPUS,
    resolve(__dirname, '../../..', '../shared/corpus'),
    resolve(process.cwd(), '../shared/corpus'),
  ];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(join(candidate, 'zh')));
}

const corpus = findCorpus();
const corpusSkip = corpus ? false : `corpus not found at ${resolve(__dirname, '../../..', '../shared/corpus')} (set REGTEXT_CORPUS to its path)`;

interface Counts {
  files: number;
  megabytes: number;
  noticeNumbers: number;
  clauses: number;
  agencies: number;
  references: number;
  definitions: number;
  bannedTerms: number;
  problems: number;
}

function analyseDirectory(directory: string): { counts: Counts; violations: string[] } {
  const counts: Counts = { files: 0, megabytes: 0, noticeNumbers: 0, clauses: 0, agencies: 0, references: 0, definitions: 0, bannedTerms: 0, problems: 0 };
  const violations: string[] = [];
  for (const name of readdirSync(directory).filter((file) => file.endsWith('.txt')).sort()) {
    const bytes = readFileSync(join(directory, name));
    const text = bytes.toString('utf8');
    let document: AnalysedDocument;
    try {
      document = analyze(text, knowledge);
    } catch (error) {
      violations.push(`${name}: threw ${String(error)}`);
      continue;
    }
    const declined = document.problems.filter((problem) => problem.code === 'not-analysed');
    if (declined.length > 0) violations.push(`${name}: ${messageOf(declined[0]!)}`);
    for (const violation of invariantViolations(document)) violations.push(`${name}: ${violation}`);
    counts.files++;
    counts.megabytes += bytes.length / (1024 * 1024);
    counts.noticeNumbers += document.noticeNumbers.length;
    counts.clauses += document.clauses.length;
    counts.agencies += document.agencies.length;
    counts.references += document.references.length;
    counts.definitions += document.definitions.length;
    counts.bannedTerms += document.bannedTerms.length;
    counts.problems += document.problems.length;
  }
  return { counts, violations };
}

function describeCounts(counts: Counts): string {
  return Object.entries(counts).map(([key, value]) => `${key} ${key === 'megabytes' ? value.toFixed(2) : value}`).join(', ');
}

// [directory, minimum counts: SURVEY.md's counts of the same patterns, with room for what a recogniser may rightly skip]
const corpusDirectories: [string, Partial<Counts>][] = [
  // 399 files; ~1400 bracketed numbers; 8803 第X条 + 1475 一、 + 7256 （一） + … at line starts; 中国人民银行 alone 5348 times.
  ['zh', { files: 399, noticeNumbers: 1000, clauses: 15_000, agencies: 8_000, references: 1_000, definitions: 200 }],
  // 180 files; 1510 § headings, 6762 (a), 9715 (1), 9921 (A) at line starts. No Chinese agencies or notice numbers.
  ['en', { files: 180, clauses: 25_000 }],
  // 1 file of PDF font-encoding garbage: only the invariants.
  ['quarantine', {}],
];

for (const [name, minimums] of corpusDirectories) {
  test(`corpus ${name}/: every file analysed, invariants hold, sensible counts`, { skip: corpusSkip }, (t) => {
    const directory = join(corpus!, name);
    if (!existsSync(directory)) {
      t.skip(`${directory} not found`);
      return;
    }
    const { counts, violations } = analyseDirectory(directory);
    const summary = `corpus ${name}/: ${describeCounts(counts)}`;
    t.diagnostic(summary);
    assert.deepEqual(violations.slice(0, 20), [], `${violations.length} violations`);
    for (const [key, minimum] of Object.entries(minimums) as [keyof Counts, number][]) {
      assert.ok(counts[key] >= minimum, `${name}: ${key} ${counts[key]} < ${minimum}`);
    }
  });
}

// Inputs that once made one recogniser quadratic (each a few hundred KB): sound here; growth.test.ts checks that
// their time grows linearly.
const pathological: [string, string][] = [
  ['closing quotes before 是指 with no opening quote', '”是指'.repeat(100_000)],
  ['", hereinafter" without an opening parenthesis', 'Rules, hereinafter "Rules") '.repeat(20_000)],
  ['term uses after many definitions', Array.from({ length: 2_000 }, (_, i) => `Term${i} (hereinafter "T${i}") and T${i} T${i}.`).join(' ')],
  ['references to a missing article in a notice numbered 一、', '一、总体要求\n' + '依照本通知第九十九条执行。\n'.repeat(20_000)],
  ['前款 in an article of many paragraphs', '第一条 总则。\n' + '前款规定的机构应当报告。\n'.repeat(20_000)],
];

for (const [what, text] of pathological) {
  test(`robustness: sound on ${what}`, () => {
    assertSound(analyse(text));
  });
}
