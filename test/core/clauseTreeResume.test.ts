/**
 * The clause tree resumed from a checkpoint (scan/clauseTreeCheckpoints.ts) is the tree a full build gives: seeded
 * random editing sessions (characters, lines, labels of every style, Markdown headings, fences, blank lines) build
 * each version from the last build's checkpoints and compare it, field for field, with a fresh build; and the line
 * index made from the last one (text/editedLines.ts) is the one made from the whole text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClauseTree, type ClauseTree } from '../../server/src/core/scan/clauseTree';
import { ClauseTreeCheckpoints } from '../../server/src/core/scan/clauseTreeCheckpoints';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { fuzzCount, fuzzSeeds, mulberry32, replay, type Random } from './fuzz/random';
import { SEED_TEXTS } from './fuzz/seedTexts';

const THIS_FILE = 'dist/test/core/clauseTreeResume.test.js';

/** A regulation in the shapes the builder knows: parts, chapters, articles, lists of every rank, Markdown. */
function regulation(articles: number): string {
  const lines: string[] = ['关于规范金融业务的管理办法', ''];
  for (let n = 1; n <= articles; n++) {
    if (n % 12 === 1) lines.push(`第${chinese(Math.ceil(n / 12))}章 总则`, '');
    lines.push(`第${chinese(n)}条 金融机构应当遵守本办法。`);
    if (n % 3 === 0) lines.push('（一）建立制度；', '（二）报送数据：', '1. 报送内容。', '2. 报送频率。', '（三）其他事项。');
    if (n % 5 === 0) lines.push('依照本办法', '第三条 的规定处理。');
    lines.push('');
    if (n % 7 === 0) lines.push(`## ${n} Requirements`, '', '1. First point', '  (a) nested', '2. Second point', '');
    if (n % 11 === 0) lines.push('```', '第九十九条 代码里的条。', '```', '');
    if (n % 13 === 0) lines.push(`附件${Math.ceil(n / 13)}`, '', '一、总则', '');
  }
  return lines.join('\n');
}

const DIGITS = '零一二三四五六七八九';

function chinese(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
}

const LABELS = ['第五条 ', '第五十条 ', '（三）', '（一）', '3. ', '1. ', '(IV) ', '(I) ', '(a) ', '一、', '二、', '2.1.1 ', 'Article 7 ', '第二章 ', '§ 4 ', '附件2：', 'Annex 1 '];
const LINES = ['## Background', '### （二）适用范围', '# 第一章', '', '本办法自印发之日起施行。', '根据本办法第', 'as follows:', '判决如下：', '附件', '附件1', '附件3', '附件：', '## Annex 2'];
const FENCES = ['```', '~~~', '````', '``` ts'];

/** One random edit of `text`. */
function edit(random: Random, text: string): string {
  const at = random.int(text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return random.weighted<() => string>([
    [4, () => text.slice(0, at) + random.pick(['x', '。', ' ', '：', '\u3000', '第', '条']) + text.slice(at)],
    [3, () => text.slice(0, at) + text.slice(Math.min(text.length, at + random.between(1, 3)))],
    [3, () => text.slice(0, lineStart) + random.pick(LABELS) + text.slice(lineStart)],
    [2, () => `${text.slice(0, lineStart)}${random.pick(LINES)}\n${text.slice(lineStart)}`],
    [0.5, () => `${text.slice(0, lineStart)}${random.pick(FENCES)}\n${text.slice(lineStart)}`],
    [2, () => text.slice(0, at) + random.pick(['\n', '\n\n', '\r\n', '\n\n\n', '\r', '\r\n\r\n']) + text.slice(at)],
    [1, () => text.slice(0, at) + text.slice(Math.min(text.length, at + random.between(10, 300)))],
    [1, () => text.slice(0, lineStart) + text.slice(text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1)],
  ])();
}

/** Every field of a tree, as data: clauses (with parents, children and spans), roots, problems, code blocks. */
function fieldsOf(tree: ClauseTree): Record<string, unknown> {
  return { clauses: tree.table.clauses, roots: tree.table.roots, problems: tree.problems.array, codeBlocks: tree.codeBlocks };
}

function differences(resumed: ClauseTree, fresh: ClauseTree): string[] {
  const a = fieldsOf(resumed);
  const b = fieldsOf(fresh);
  return Object.keys(a).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

const SESSION_START = `${regulation(40)}\n\n${SEED_TEXTS.map((seed) => seed.text).join('\n\n')}`;
const MAX_LENGTH = 12000;

for (const spacing of [0, 256]) {
  test(`differential fuzzing: each version's tree resumed from checkpoints (every ${spacing} code units) equals a fresh build`, () => {
    for (const seed of fuzzSeeds([31, 32, 33])) {
      const random = mulberry32(seed);
      const checkpoints = new ClauseTreeCheckpoints(spacing);
      let text = SESSION_START;
      buildClauseTree(text, new LineIndex(text), checkpoints);
      let converged = 0;

      const steps = fuzzCount(300);
      for (let step = 0; step < steps; step++) {
        const before = text;
        text = edit(random, text);
        if (text.length > MAX_LENGTH) text = text.slice(0, MAX_LENGTH / 2) + text.slice(text.length - MAX_LENGTH / 4);
        const lines = checkpoints.lineIndex(text);
        const resumed = buildClauseTree(text, lines, checkpoints);
        if (checkpoints.built.to < text.length) converged++;
        const fresh = new LineIndex(text);
        const fields = differences(resumed, buildClauseTree(text, fresh));
        // The line index is made from the last one's too: the changed lines read again.
        if (lines.lineStarts.join() !== fresh.lineStarts.join()) fields.push('lineStarts');
        if (fields.length > 0) {
          const path = join(tmpdir(), `regtext-clause-tree-seed-${seed}-${spacing}.json`);
          writeFileSync(path, JSON.stringify({ seed, spacing, step, before, after: text, fields }, null, 2));
          assert.fail(`step ${step}: ${fields.join(', ')} differ (texts in ${path}) — ${replay(seed, THIS_FILE)}`);
        }
      }
      // The fuzz tests the resumed path: many builds take the last tree's end (edits of labels and fences often change
      // the state for good: a style's last clause, a fence that never closes).
      assert.ok(converged > steps / 10, `only ${converged} of ${steps} builds converged — ${replay(seed, THIS_FILE)}`);
    }
  });
}

test('a keystroke in a long document builds the tree from the checkpoint before it to the next checkpoint after it', () => {
  const text = regulation(2000);
  const checkpoints = new ClauseTreeCheckpoints();
  buildClauseTree(text, new LineIndex(text), checkpoints);
  assert.deepEqual(checkpoints.built, { from: 0, to: text.length }, 'the first build reads the whole text');
  const middle = text.indexOf('金融机构', text.length / 2);
  const typed = `${text.slice(0, middle)}x${text.slice(middle)}`;
  buildClauseTree(typed, new LineIndex(typed), checkpoints);
  const { from, to } = checkpoints.built;
  assert.ok(from < middle && middle < to && to - from < 4 * 2048, `built from ${from} to ${to} around ${middle} of ${typed.length}`);
  // In the first paragraph (the title): from the start of the text, to the next checkpoint.
  const titled = `x${typed}`;
  buildClauseTree(titled, new LineIndex(titled), checkpoints);
  assert.ok(checkpoints.built.from === 0 && checkpoints.built.to < 4 * 2048, `built from 0 to ${checkpoints.built.to}`);
});
