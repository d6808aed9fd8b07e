/**
 * What the speed work on references, dates and the clause tree (issue 7) must keep: relative English references read
 * back from the unit words one search finds, statements of effect found by one search per language (white space of
 * any length between "into" and "effect"), and per-reference look-ups that stay inside the reference. The growth
 * checks time the analysis at n and 8n on shapes that once made one of these quadratic (a look for " of " that ran
 * to the end of the text from every reference).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';
import { knowledge } from './fixture';

/** Each reference as its words, and what its steps name (kind, value, relative). */
function referencesOf(text: string): string[] {
  return analyze(text, knowledge).references.map((reference) =>
    `${reference.text} → ${reference.steps.map((step) => `${step.kind} ${step.value}${step.relative ? ` ${step.relative}` : ''}`).join(' / ')}`);
}

test('relative English references: a count, a direction and a unit; "this" and "the present" name the unit as written', () => {
  assert.deepEqual(referencesOf(
    'the preceding two Articles; this Article; the present Clause; The two preceding items; the following items; this Articles; ' +
    'the next paragraph; the following three Sections; the foregoing provisions; the preceding Subparagraph; This paragraph'), [
    'the preceding two Articles → article 2 previous',
    'this Article → article 1 self',
    'the present Clause → clause 1 self',
    'The two preceding items → item 2 previous',
    'the next paragraph → paragraph 1 next',
    'the following three Sections → section 3 next',
    'the preceding Subparagraph → item 1 previous',
    'This paragraph → paragraph 1 self',
  ]);
});

test('relative English references: a plural needs a count, and the lead must stand as words before the unit', () => {
  assert.deepEqual(referencesOf('bathe preceding paragraph; the preceding paragraphs; the preceding two paragraph; the nextArticle'), []);
});

test('numbered English references: a singular word lists parenthesised numbers unless " of " stands inside it', () => {
  assert.deepEqual(referencesOf('paragraph (9) or (13) apply. Clause (vii) of subparagraph (A) or (B) applies.'), [
    'paragraph (9) → item 9',
    '(13) → item 13',
    'Clause (vii) of subparagraph (A) → item 1 / clause 7',
  ]);
});

test('statements of effect: "into" and "effect" across any white space, "take effect" but not "take force", the first in the text', () => {
  const effective = (text: string) => analyze(text, knowledge).dates.effective;
  assert.equal(effective('This Notice shall come into\n        effect on March 1, 2026.'), '2026-03-01');
  assert.equal(effective('The rules shall take force on May 1, 2026, and take effect on June 3, 2026.'), '2026-06-03');
  assert.equal(effective('reinto effect on March 2, 2026. It shall take effect on March 3, 2026.'), '2026-03-03');
  assert.equal(effective('本办法自2024年1月1日起施行。This Notice shall enter into force on July 1, 2025.'), '2024-01-01');
  assert.equal(effective('This Notice shall enter into force on July 1, 2025. 本办法自2024年1月1日起施行。'), '2025-07-01');
});

// ---------------------------------------------------------------------------------------------------------------

/** 8× the text must take less than this many times as long: linear is 8, quadratic 64. */
const LIMIT = 20;
const FACTOR = 8;
/**
 * The small text is grown until one analysis of it takes this long and it is this long (code units), so that timer
 * noise and the first runs of the JIT do not count.
 */
const CALIBRATED_MS = 20;
const MIN_SMALL_LENGTH = 16 * 1024;
const MAX_LARGE_LENGTH = 8_000_000;

function bestOf(runs: number, text: string): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    analyze(text, knowledge);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const shapes: { name: string; make: (n: number) => string }[] = [
  { name: 'English references listed after singular words, with no " of " after them', make: (n) => 'Clause (5) or (6) applies, see paragraph (9) or (13); '.repeat(n) },
  { name: 'relative English references on one line', make: (n) => 'the preceding two Articles and this Article and the next paragraph; '.repeat(n) },
  { name: 'words of effect without a date', make: (n) => 'it shall come into effect upon notice and take effect later; 自公告之日起施行；'.repeat(n) },
  { name: 'parenthesised Roman-looking letters as labels', make: (n) => '(H) a\n(I) b\n(i) c\n(V) d\n'.repeat(n) },
];

for (const shape of shapes) {
  test(`growth (references, dates, labels): ${shape.name}: ${FACTOR}× the text takes < ${LIMIT}× the time`, () => {
    let n = 64;
    bestOf(3, shape.make(FACTOR * n));
    while ((bestOf(1, shape.make(n)) < CALIBRATED_MS || shape.make(n).length < MIN_SMALL_LENGTH) && shape.make(FACTOR * n * 2).length < MAX_LARGE_LENGTH) n *= 2;
    const measure = () => bestOf(2, shape.make(FACTOR * n)) / bestOf(3, shape.make(n));
    // A burst of load from elsewhere passes on a second look; a quadratic path does not.
    const ratio = Math.min(measure(), measure());
    assert.ok(ratio < LIMIT, `${shape.name}: ${FACTOR}× the text took ${ratio.toFixed(1)}× the time (n = ${n})`);
  });
}
