/** What the alignment tests compare: pairs and findings as lines of text. */
import { alignDocuments, type DocumentAlignment } from '../../server/src/core';
import { analyse } from './fixture';

export function align(original: string, translation: string): DocumentAlignment {
  return alignDocuments(analyse(original), analyse(translation));
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
