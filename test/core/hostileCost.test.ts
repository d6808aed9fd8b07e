/**
 * Hostile texts an adversarial tester found slow though linear (issue 7): a text of nothing but adjacent references
 * (前五款, "the preceding five paragraphs", table rows of 前款) walked up to 400 lines per reference, and a line of
 * repeal verbs with no sentence end read 1,200 code units around each verb. Each such text is now analysed in about
 * the time prose of its length takes: the ratio of the two, measured in one run, stays under a bound (no absolute time,
 * so a slow machine passes, and it is measured again before it fails, so a burst of load does not fail it). Also: the
 * sentence bounds asked in order answer as the plain functions do. And the alignment's anchors of a text of
 * translator's notes never closed ("[a" repeated) are read in about prose's time: the pattern searched on past each
 * opening bracket (1 MB took 3.4 s).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyse, singleDocument } from './fixture';
import { anchorsIn } from '../../server/src/core/alignment/anchors';
import { ForwardSentenceBounds, sentenceEndAfter, sentenceStartBefore, structuralBreaks } from '../../server/src/core/text/sentences';

const LENGTH = 60_000;
/** Before the fix the dense references took 30–90 times as long as prose; after, 1–3 times. */
const LIMIT = 8;

const samples = resolve(__dirname, '../../../samples');
const prose = repeatedTo(readdirSync(samples).filter((name) => /\.(notice|txt|md)$/.test(name)).map((name) => readFileSync(resolve(samples, name), 'utf8')).join('\n\n'), LENGTH);

function repeatedTo(piece: string, length: number): string {
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

/** The least time `work` takes on `text` in `runs` runs. */
function bestMs(text: string, runs: number, work: (text: string) => unknown): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** How many times prose's time `work` takes on `text`, measured again (longer) before it is found over LIMIT. */
function ratioToProse(text: string, work: (text: string) => unknown = singleDocument): number {
  const ratio = (runs: number) => {
    bestMs(text, 1, work);
    bestMs(prose, 1, work);
    return bestMs(text, runs, work) / bestMs(prose, runs, work);
  };
  const first = ratio(3);
  return first < LIMIT ? first : ratio(6);
}

const shapes: [string, string][] = [
  ['前五款 on every line, no article', repeatedTo('前五款\n', LENGTH)],
  ['"the preceding five paragraphs" on every line', repeatedTo('See the preceding five paragraphs\n', LENGTH)],
  ['table rows of 第N条, a notice number and 前款', repeatedTo('| 第三条 | 银发〔2021〕12号 | 前款 |\n', LENGTH)],
  ['a line of 同时废止 after a notice number', `银发〔2021〕1号\n各分支机构：\n银发〔2020〕1号${repeatedTo('同时废止', LENGTH)}`],
];

for (const [what, text] of shapes) {
  test(`hostile cost: ${what} is analysed in about the time prose of its length takes`, () => {
    const ratio = ratioToProse(text);
    assert.ok(ratio < LIMIT, `${ratio.toFixed(1)} times prose's time (limit ${LIMIT})`);
  });
}

/** What the alignment reads in a text (its anchors), the analysis made beforehand. */
function anchorsOfWhole(text: string): (again: string) => unknown {
  const analysis = analyse(text);
  return () => anchorsIn(analysis, { start: 0, end: text.length });
}

const anchorShapes: [string, string][] = [
  ['"[a" repeated, no closing bracket (a translator\'s note never closed)', repeatedTo('[a', LENGTH)],
  ['"(译者注" repeated, no closing bracket', repeatedTo('(译者注', LENGTH)],
];

for (const [what, text] of anchorShapes) {
  test(`hostile cost: the anchors of ${what} are read in about the time prose's take`, () => {
    const [hostile, plain] = [anchorsOfWhole(text), anchorsOfWhole(prose)];
    const ratio = ratioToProse(text, (input) => (input === text ? hostile(input) : plain(input)));
    assert.ok(ratio < LIMIT, `${ratio.toFixed(1)} times prose's time (limit ${LIMIT})`);
  });
}

test('sentence bounds asked in order answer as sentenceStartBefore and sentenceEndAfter', () => {
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const pieces = ['甲', '乙', '。', '；', 'word ', 'No. 5', '. ', '\n', '| a |\n', '1. ', '废止', ' '];
  for (let round = 0; round < 40; round++) {
    const text = Array.from({ length: 300 }, () => pieces[random(pieces.length)]).join('');
    const breaks = structuralBreaks(text, () => false);
    const reach = [5, 40, 600][round % 3]!;
    const bounds = new ForwardSentenceBounds(text, reach, breaks);
    let offset = 0;
    while (offset < text.length) {
      assert.equal(bounds.startBefore(offset), sentenceStartBefore(text, offset, reach, breaks), `start before ${offset}`);
      const end = Math.min(text.length, offset + random(4));
      assert.equal(bounds.endAfter(end), sentenceEndAfter(text, end, reach, breaks), `end after ${end}`);
      offset = end + random(reach * 2);
    }
  }
});
