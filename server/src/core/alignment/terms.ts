/**
 * Defined terms paired across languages: a definition in an original sentence and one in the translation sentence
 * aligned with it are the same term ("deposit tokens" ↔ 存款代币); several in one sentence pair go in order.
 */
import type { AnalysedDocument, DefinedTerm, Span } from '../model';
import { lastAtOrBefore } from '../text/search';
import type { ClausePair, TermPair } from './types';

export function pairTerms(original: AnalysedDocument, translation: AnalysedDocument, pairs: readonly ClausePair[]): TermPair[] {
  const terms: TermPair[] = [];
  for (const pair of pairs) {
    for (const sentences of pair.sentences) {
      const a = sentences.original.flatMap((span) => definitionsIn(original, span));
      const b = sentences.translation.flatMap((span) => definitionsIn(translation, span));
      for (let k = 0; k < Math.min(a.length, b.length); k++) terms.push({ original: termOf(a[k]!), translation: termOf(b[k]!) });
    }
  }
  return terms;
}

function termOf(definition: DefinedTerm): TermPair['original'] {
  return { term: definition.term, key: definition.key, span: definition.span };
}

/** The definitions whose term stands in `span` (the document's definitions are in document order). */
function definitionsIn(document: AnalysedDocument, span: Span): DefinedTerm[] {
  const { definitions } = document;
  const found: DefinedTerm[] = [];
  for (let i = lastAtOrBefore(definitions, span.start - 1, (item) => item.span.start) + 1; i < definitions.length && definitions[i]!.span.start < span.end; i++) {
    found.push(definitions[i]!);
  }
  return found;
}

/** The term pair a position in either document stands on (a definition, or a use of a paired term), for hovers. */
export function termPairAt(terms: readonly TermPair[], side: 'original' | 'translation', key: string): TermPair | undefined {
  return terms.find((pair) => pair[side].key === key);
}
