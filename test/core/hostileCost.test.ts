/**
 * Hostile texts an adversarial tester found slow though linear (issue 7): a text of nothing but adjacent references
 * (前五款, "the preceding five paragraphs", table rows of 前款) walked up to 400 lines per reference, and a line of
 * repeal verbs with no sentence end read 1,200 code units around each verb. Each such text is now analysed in about
 * the time prose of its length takes: the ratio of the two, measured in one run, stays under a bound (no absolute time,
 * so a slow machine passes, and it is measured again before it fails, so a burst of load does not fail it). Also: the
 * sentence bounds asked in order answer as the plain functions do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { singleDocument } from './fixture';
import { ForwardSentenceBounds, sentenceEndAfter, sentenceStartBefore, structuralBreaks } from '../../server/src/core/text/sentences';

const LENGTH = 60_000;
/** Before the fix the dense references took 30–90 times as long as prose; after, 1–3 times. */
const LIMIT = 8;

const samples = resolve(__dirname, '../../../samples');
const prose = repeatedTo(readdirSync(samples).filter((name) => /\.(notice|txt|md)$/.test(name)).map((name) => readFileSync(resolve(samples, name), 'utf8')).join('\n\n'), LENGTH);

function repeatedTo(piece: string, length: number): string {
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

function bestMs(text: string, runs: number): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    singleDocument(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function ratioToProse(text: string, runs: number): number {
  bestMs(text, 1);
  bestMs(prose, 1);
  return bestMs(text, runs) / bestMs(prose, runs);
}

const shapes: [string, string][] = [
  ['前五款 on every line, no article', repeatedTo('前五款\n', LENGTH)],
  ['"the preceding five paragraphs" on every line', repeatedTo('See the preceding five paragraphs\n', LENGTH)],
  ['table rows of 第N条, a notice number and 前款', repeatedTo('| 第三条 | 银发〔2021〕12号 | 前款 |\n', LENGTH)],
  ['a line of 同时废止 after a notice number', `银发〔2021〕1号\n各分支机构：\n银发〔2020〕1号${repeatedTo('同时废止', LENGTH)}`],
];

for (const [what, text] of shapes) {
  test(`hostile cost: ${what} is analysed in about the time prose of its length takes`, () => {
    let ratio = ratioToProse(text, 3);
    if (ratio >= LIMIT) ratio = ratioToProse(text, 6);
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
