/** What the alignment tests compare: pairs and findings as lines of text. */
import assert from 'node:assert/strict';
import { alignDocuments, type DocumentAlignment } from '../../server/src/core';
import { toChineseNumeral, toRoman } from '../../server/src/core/text/numerals';
import { analyse, knowledge } from './fixture';

/** How each language numbers a depth of clauses. */
export interface NumberingStyle {
  name: string;
  zh: (n: number) => string;
  en: (n: number) => string;
}

/** The numbering pairs of originals and translations, at every depth. */
export const NUMBERING_STYLES: readonly NumberingStyle[] = [
  { name: '一、 / I.', zh: (n) => `${toChineseNumeral(n)}、`, en: (n) => `${toRoman(n)}.` },
  { name: '（一） / (I)', zh: (n) => `（${toChineseNumeral(n)}）`, en: (n) => `(${toRoman(n)})` },
  { name: '（一） / (1)', zh: (n) => `（${toChineseNumeral(n)}）`, en: (n) => `(${n})` },
  { name: '第一条 / Article 1', zh: (n) => `第${toChineseNumeral(n)}条`, en: (n) => `Article ${n}` },
  { name: '1． / 1.', zh: (n) => `${n}．`, en: (n) => `${n}.` },
  { name: '（1） / (1)', zh: (n) => `（${n}）`, en: (n) => `(${n})` },
];

export function align(original: string, translation: string): DocumentAlignment {
  return alignDocuments(analyse(original), analyse(translation), { glossary: knowledge.glossary });
}

/** "第一条=Article 1", "第九条=" (no counterpart), "（三）+（四）=(III)"; the preamble pair is left out. */
export function pairsOf(alignment: DocumentAlignment): string[] {
  return alignment.pairs.filter((pair) => pair.original[0]?.clause !== undefined || pair.translation[0]?.clause !== undefined)
    .map((pair) => `${pair.original.map((unit) => unit.label).join('+')}=${pair.translation.map((unit) => unit.label).join('+')}`);
}

/** "line code: message" of every finding, lines 1-based in the translation. */
export function checksOf(alignment: DocumentAlignment): string[] {
  return alignment.checks.map((check) => `${check.range.start.line + 1} ${check.code}: ${check.message}`);
}

/** A faithful translation's alignment: every clause paired as the fixture expects, and no finding. */
export function assertFaithful(fixture: { zh: string; en: string; pairs: readonly string[] }): void {
  const alignment = align(fixture.zh, fixture.en);
  assert.deepEqual(pairsOf(alignment), fixture.pairs);
  assert.deepEqual(checksOf(alignment), []);
}
