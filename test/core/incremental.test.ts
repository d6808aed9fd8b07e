/**
 * Incremental analysis (core/chunkedText.ts): the document is scanned by chunks cut at paragraph breaks, and what each
 * chunk held is kept for the next analysis.
 * - Folding the chunks on their own and joining them gives the fold of the whole text, offset for offset.
 * - A paragraph break is a hard break for every recogniser: on every text of the corpus (and the fuzz seeds), an
 *   analysis with each paragraph a chunk of its own is the analysis of the whole text as one chunk.
 * - Differential fuzzing: seeded random editing sessions, each version analysed by small chunks with the cache the
 *   previous one left, and without any cache (the whole text one chunk); the two analyses must be equal, field for field.
 * - An edit re-scans its own chunk: a keystroke in a long document folds and scans one or two chunks (after the first
 *   analysis, an open, which reads the whole text as one chunk, and the second, which makes the chunks).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze, AnalysisCache, CHUNK_PER_PARAGRAPH, type AnalysedDocument, type ChunkPolicy } from '../../server/src/core';
import { FoldedText } from '../../server/src/core/text/folded';
import { chunksOf } from '../../server/src/core/text/chunks';
import { knowledge } from './fixture';
import { fuzzCount, fuzzSeeds, mulberry32, replay, type Random } from './fuzz/random';
import { FRAGMENTS, SEED_TEXTS } from './fuzz/seedTexts';

const THIS_FILE = 'dist/test/core/incremental.test.js';
/** Never cut: the whole text is one chunk. */
const WHOLE: ChunkPolicy = { minLength: Number.POSITIVE_INFINITY, spread: 1, maxLength: 0 };
/** Small chunks, so that the fuzz sessions' texts of a few thousand code units have many. */
const SMALL_CHUNKS: ChunkPolicy = { minLength: 120, spread: 2, maxLength: 1500 };

/** Texts whose paragraph breaks are made of every kind of white space, line end and invisible character. */
const LAYOUT_CASES = [
  'a\n\nb', '  \n\n  a', 'a\u200b \r\n\r\n\u3000b', '中\n \n文', 'a\n\u2028b', 'a-\n\nb', '\n\n', '', 'a\r\rb', 'x\n\n\n\ny\n\nz\n',
  '\u200b\n\n\u200ba', 'Ａ１\t\n\u3000\n－b', 'virtual\ncurrency\n\n虚拟\n货币', 'a \n \n', '\n\na', 'end-\n \n\u00adx',
];
const LAYOUT_PALETTE = ['a', 'b', '中', '文', ' ', '  ', '\n', '\r\n', '\r', '\u3000', '\u200b', '-', 'Ａ', '１', '\u2028', '\ud800', '😀', '\t', '.'];

function randomLayout(random: Random): string {
  let text = '';
  const length = random.between(0, 120);
  for (let i = 0; i < length; i++) text += random.pick(LAYOUT_PALETTE);
  return text;
}

/** The fold of each chunk (each paragraph its own), joined. */
function joinedFold(text: string): FoldedText {
  const { chunks, breaks } = chunksOf(text, CHUNK_PER_PARAGRAPH);
  const parts = chunks.map((chunk, i) => FoldedText.fold(text.slice(chunk.start, chunk.end), { afterParagraphBreak: i > 0 }));
  return FoldedText.concat(text, parts, breaks);
}

function foldDifferences(text: string): string[] {
  const whole = FoldedText.fold(text);
  const joined = joinedFold(text);
  if (joined.text !== whole.text) return [`folded text ${JSON.stringify(joined.text)} ≠ ${JSON.stringify(whole.text)}`];
  const found: string[] = [];
  for (let offset = 0; offset <= whole.text.length; offset++) {
    if (joined.originOf(offset) !== whole.originOf(offset)) found.push(`originOf(${offset}) ${joined.originOf(offset)} ≠ ${whole.originOf(offset)}`);
    if (joined.lineBreakBefore(offset) !== whole.lineBreakBefore(offset)) found.push(`lineBreakBefore(${offset}) differs`);
  }
  return found;
}

test('the chunks folded on their own and joined are the fold of the whole text', () => {
  for (const text of LAYOUT_CASES) assert.deepEqual(foldDifferences(text), [], JSON.stringify(text));
  for (const seed of fuzzSeeds([11, 12])) {
    const random = mulberry32(seed);
    for (let i = 0; i < fuzzCount(400); i++) {
      const text = randomLayout(random);
      assert.deepEqual(foldDifferences(text), [], `${JSON.stringify(text)} — ${replay(seed, THIS_FILE)}`);
    }
  }
});

test('each paragraph break cuts the text, and nothing else does', () => {
  const text = '一、总则\n\n（一）适用范围。\n本通知适用于银行。\r\n\u3000\r\n二、附则\n';
  const { chunks, breaks } = chunksOf(text, CHUNK_PER_PARAGRAPH);
  assert.deepEqual(chunks.map((chunk) => text.slice(chunk.start, chunk.end)), ['一、总则', '（一）适用范围。\n本通知适用于银行。', '二、附则\n']);
  assert.deepEqual(breaks.map((range) => text.slice(range.start, range.end)), ['\n\n', '\r\n\u3000\r\n']);
  assert.deepEqual(chunksOf(text).chunks, [{ start: 0, end: text.length }], 'a short text is one chunk by default');
});

/** An analysis as comparable data: every field but the text and its line index, and the merged annotations. */
function comparable(analysis: AnalysedDocument): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...analysis, annotations: analysis.annotations };
  delete fields.text;
  delete fields.lines;
  return JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
}

function differingFields(a: AnalysedDocument, b: AnalysedDocument): string[] {
  const [left, right] = [comparable(a), comparable(b)];
  return Object.keys({ ...left, ...right }).filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]));
}

/**
 * The analysis of `text` by the chunks of `policy`, all of them scanned: a cache's first analysis reads the whole text
 * as one chunk (an open), its second cuts it into chunks.
 */
function chunkedAnalysis(text: string, policy: ChunkPolicy): AnalysedDocument {
  const cache = new AnalysisCache(policy);
  analyze(text, knowledge, { cache });
  return analyze(text, knowledge, { cache });
}

function corpusTexts(): { name: string; text: string }[] {
  const corpus = [process.env.REGTEXT_CORPUS, resolve(__dirname, '../../../../shared/corpus')].find((folder) => folder && existsSync(join(folder, 'zh')));
  if (!corpus) return [];
  return ['zh', 'en'].flatMap((language) => readdirSync(join(corpus, language)).sort()
    .map((name) => ({ name: `${language}/${name}`, text: readFileSync(join(corpus, language, name), 'utf8') })));
}

test('a paragraph break is a hard break for every recogniser: each paragraph scanned on its own gives the analysis of the whole', () => {
  const texts = [...SEED_TEXTS, ...corpusTexts()];
  const differing = texts.flatMap(({ name, text }) => {
    const fields = differingFields(chunkedAnalysis(text, WHOLE), chunkedAnalysis(text, CHUNK_PER_PARAGRAPH));
    return fields.length > 0 ? [`${name}: ${fields.join(', ')}`] : [];
  });
  assert.deepEqual(differing, []);
});

/** One random edit: typing a fragment, Enter or a blank line, deleting a little or across paragraphs, replacing. */
function edit(random: Random, text: string): string {
  const at = random.int(text.length + 1);
  return random.weighted<() => string>([
    [5, () => text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(at)],
    [2, () => text.slice(0, at) + random.pick(['\n\n', '\n', '\r\n\r\n', '\n\u3000\n']) + text.slice(at)],
    [3, () => text.slice(0, at) + text.slice(Math.min(text.length, at + random.between(1, 4)))],
    [1, () => text.slice(0, at) + text.slice(Math.min(text.length, at + random.between(20, 400)))],
    [2, () => text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(Math.min(text.length, at + random.between(1, 30)))],
  ])();
}

const SESSION_START = SEED_TEXTS.map((seed) => seed.text).join('\n\n');
/** The text is kept around this size: many chunks, short analyses. */
const MAX_SESSION_LENGTH = 8000;

/**
 * A new cache for `text`, as a document opened again: the first analysis reads the whole text, every one after it goes
 * by chunks; the chunks the open did not make are made off the request path (warmUp) in steps, which the next edit
 * may interrupt: none, some, or all of them.
 */
function reopened(random: Random, text: string): AnalysisCache {
  const cache = new AnalysisCache(SMALL_CHUNKS);
  analyze(text, knowledge, { cache });
  const steps = random.weighted<number>([[1, 0], [1, random.int(8)], [2, Infinity]]);
  const making = cache.warmUp();
  for (let taken = 0; taken < steps && !making.next().done; taken++);
  return cache;
}

test('differential fuzzing: every version analysed by chunks with the cache its predecessor left equals its analysis as one chunk', () => {
  for (const seed of fuzzSeeds([21, 22, 23])) {
    const random = mulberry32(seed);
    let text = SESSION_START;
    let cache = reopened(random, text);
    for (let step = 0; step < fuzzCount(250); step++) {
      const before = text;
      if (random.int(25) === 0) cache = reopened(random, text);
      text = edit(random, text);
      if (text.length > MAX_SESSION_LENGTH) text = text.slice(0, MAX_SESSION_LENGTH / 2) + text.slice(text.length - MAX_SESSION_LENGTH / 4);
      const cached = analyze(text, knowledge, { cache });
      // Without a cache, the whole text is scanned as one chunk: the same analysis, if no recogniser reads across a
      // paragraph break.
      const fresh = analyze(text, knowledge);
      const fields = differingFields(cached, fresh);
      // The chunks around the edit are cut again, the others taken as they were: the same chunks as cutting it all.
      if (JSON.stringify(cache.chunkRanges) !== JSON.stringify(chunksOf(text, SMALL_CHUNKS).chunks)) fields.push('chunks');
      if (fields.length > 0) {
        const path = join(tmpdir(), `regtext-chunks-seed-${seed}.json`);
        writeFileSync(path, JSON.stringify({ seed, step, before, after: text, fields }, null, 2));
        assert.fail(`step ${step}: ${fields.join(', ')} differ (texts in ${path}) — ${replay(seed, THIS_FILE)}`);
      }
    }
  }
});

test('a keystroke in a long document folds and scans one or two chunks, not the document', () => {
  let text = '';
  while (text.length < 200_000) text += `${SESSION_START}\n\n第${text.length}条 编号。\n\n`;
  const cache = new AnalysisCache();
  analyze(text, knowledge, { cache });
  assert.equal(cache.size, 0, 'the document\'s first analysis (an open) reads the whole text and keeps no chunk');
  analyze(text, knowledge, { cache });
  const chunks = cache.size;
  assert.ok(chunks > 20, `a 200,000-code-unit text is cut into many chunks (${chunks})`);
  const middle = text.indexOf('\n\n', text.length / 2) - 3;
  analyze(`${text.slice(0, middle)}x${text.slice(middle)}`, knowledge, { cache });
  assert.ok(cache.chunksScanned >= 1 && cache.chunksScanned <= 2, `chunks scanned after one keystroke: ${cache.chunksScanned}`);
  analyze(`${text.slice(0, middle)}\n\n${text.slice(middle)}`, knowledge, { cache });
  assert.ok(cache.chunksScanned <= 3, `chunks scanned after a new paragraph break: ${cache.chunksScanned}`);
});

test('the chunks an open did not make are made off the request path: its first edit scans one or two chunks', () => {
  let text = '';
  while (text.length < 200_000) text += `${SESSION_START}\n\n第${text.length}条 编号。\n\n`;
  const cache = new AnalysisCache();
  analyze(text, knowledge, { cache });
  assert.ok(cache.warming, 'an open leaves its chunks to be made');
  const steps = [...cache.warmUp()].length;
  assert.ok(!cache.warming && steps > 20 && cache.size > 20, `the chunks are made a step each (${steps} steps, ${cache.size} chunks)`);
  const middle = text.indexOf('\n\n', text.length / 2) - 3;
  const edited = `${text.slice(0, middle)}x${text.slice(middle)}`;
  const analysis = analyze(edited, knowledge, { cache });
  assert.ok(cache.chunksScanned >= 1 && cache.chunksScanned <= 2, `chunks scanned at the first edit: ${cache.chunksScanned}`);
  assert.deepEqual(differingFields(analysis, analyze(edited, knowledge)), []);
});

test('an edit that comes while the open\'s chunks are being made stops the making, and is analysed as it would be without it', () => {
  const text = `${SESSION_START}\n\n`.repeat(20);
  const cache = new AnalysisCache(SMALL_CHUNKS);
  analyze(text, knowledge, { cache });
  const making = cache.warmUp();
  for (let i = 0; i < 5; i++) making.next();
  const edited = `x${text}`;
  const analysis = analyze(edited, knowledge, { cache });
  assert.ok(!cache.warming, 'the edit ends the making');
  assert.equal(making.next().done, true, 'the making stops at its next step');
  assert.deepEqual(differingFields(analysis, analyze(edited, knowledge)), []);
  assert.deepEqual(cache.chunkRanges, chunksOf(edited, SMALL_CHUNKS).chunks);
});

/**
 * Versions of a text where one paragraph changes what another's words mean: the unchanged paragraph's findings are
 * kept only if every answer its scan was given about the rest of the document is still the same.
 */
const MEANING_FROM_ELSEWHERE: readonly { name: string; versions: readonly string[] }[] = [
  {
    name: 'a short name defined in another paragraph makes 新规第五条 a reference into that notice',
    versions: [
      '一、总则\n\n银行应当执行《关于规范金融业务的通知》。\n\n二、依照新规第五条办理。',
      '一、总则\n\n银行应当执行《关于规范金融业务的通知》（以下简称新规）。\n\n二、依照新规第五条办理。',
      '一、总则\n\n银行应当执行《关于规范金融业务的通知》。\n\n二、依照新规第五条办理。',
    ],
  },
  {
    name: 'a short name defined in another paragraph makes "Clause 5 of the 2021 Notice" a reference into that notice',
    versions: [
      'I. General\n\nBanks shall follow Yinfa [2021] No. 237.\n\nII. See Clause 5 of the 2021 Notice.',
      'I. General\n\nBanks shall follow Yinfa [2021] No. 237 (the "2021 Notice").\n\nII. See Clause 5 of the 2021 Notice.',
    ],
  },
];

test('a paragraph kept from the last analysis is scanned again where another paragraph changed what it means', () => {
  for (const { name, versions } of MEANING_FROM_ELSEWHERE) {
    const cache = new AnalysisCache(CHUNK_PER_PARAGRAPH);
    const meanings = new Set<string>();
    analyze(versions[0]!, knowledge, { cache });
    for (const [i, text] of versions.entries()) {
      const cached = analyze(text, knowledge, { cache });
      const fresh = analyze(text, knowledge, { cache: new AnalysisCache(CHUNK_PER_PARAGRAPH) });
      assert.deepEqual(differingFields(cached, fresh), [], `${name}, version ${i + 1}`);
      meanings.add(JSON.stringify(fresh.references));
    }
    assert.ok(meanings.size > 1, `${name}: the references differ between versions (else the case tests nothing)`);
  }
});
