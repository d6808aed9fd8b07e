/**
 * Defined terms paired across languages: a definition in an original sentence and one in the translation sentence
 * aligned with it are the same term ("deposit tokens" ↔ 存款代币).
 *
 * Several definitions in one sentence pair are paired by what they define, not by their order (a translator reorders
 * them: 非银行支付机构（以下简称支付机构）接收的客户备付金（以下简称"备付金"） ↔ customer reserve funds ("Reserve Funds")
 * received by non-bank payment institutions ("payment institutions")): the agency or listed term each names (by id),
 * then where the document uses each term — a term and its translation are used in the same aligned sentences. A pair
 * that neither tells apart from another is left unpaired, not guessed; the last two left, when nothing speaks against
 * them, go together.
 */
import type { AnalysedDocument, DefinedTerm, Span } from '../model';
import { lastAtOrBefore } from '../text/search';
import type { ClausePair, SentencePair, Side, TermPair } from './types';

/** How far before a term an agency or listed term may end and still be what the term abbreviates (中国人民银行（以下简称人民银行）). */
const ABBREVIATED_WITHIN = 12;
/** What may stand between the abbreviated words and their term: brackets, quotes, "hereinafter referred to as", 以下简称. */
const BETWEEN_WORDS_AND_TERM = /^[\s（(“”"「」『』'‘’]*(?:以下简称|以下称|下称|简称|hereinafter(?:\s+referred\s+to\s+as)?|the)?[\s“”"「」『』'‘’:：为]*$/i;

interface Definitions {
  original: DefinedTerm[];
  translation: DefinedTerm[];
}

export function pairTerms(original: AnalysedDocument, translation: AnalysedDocument, pairs: readonly ClausePair[]): TermPair[] {
  const sentencePairs = pairs.flatMap((pair) => pair.sentences);
  let uses: Record<Side, Map<string, Set<number>>> | undefined;
  const usesOf = () => (uses ??= { original: usesBySentence(original, sentencePairs, 'original'), translation: usesBySentence(translation, sentencePairs, 'translation') });
  const terms: TermPair[] = [];
  sentencePairs.forEach((sentences, index) => {
    const definitions: Definitions = {
      original: sentences.original.flatMap((span) => definitionsIn(original, span)),
      translation: sentences.translation.flatMap((span) => definitionsIn(translation, span)),
    };
    if (definitions.original.length === 0 || definitions.translation.length === 0) return;
    const affinity = (a: DefinedTerm, b: DefinedTerm) => affinityOf(original, translation, a, b, definitions.original.length + definitions.translation.length > 2 ? { ...usesOf(), except: index } : undefined);
    for (const [a, b] of matched(definitions, affinity)) terms.push({ original: termOf(a), translation: termOf(b) });
  });
  return terms;
}

/**
 * The definitions of a sentence pair that go together: each pair whose affinity is the best of its row and of its
 * column, above nothing; then the last two left, unless their affinity speaks against them.
 */
function matched({ original, translation }: Definitions, affinity: (a: DefinedTerm, b: DefinedTerm) => number): [DefinedTerm, DefinedTerm][] {
  const scores = original.map((a) => translation.map((b) => affinity(a, b)));
  const found: [number, number][] = [];
  scores.forEach((row, i) => {
    const j = uniqueBest(row);
    if (j !== undefined && row[j]! > 0 && uniqueBest(scores.map((other) => other[j]!)) === i) found.push([i, j]);
  });
  const left = { original: original.map((_, i) => i).filter((i) => !found.some(([a]) => a === i)), translation: translation.map((_, j) => j).filter((j) => !found.some(([, b]) => b === j)) };
  if (left.original.length === 1 && left.translation.length === 1 && scores[left.original[0]!]![left.translation[0]!]! >= 0) found.push([left.original[0]!, left.translation[0]!]);
  return found.sort((x, y) => x[0] - y[0]).map(([i, j]) => [original[i]!, translation[j]!]);
}

/** The index of the highest of `values` when no other equals it. */
function uniqueBest(values: readonly number[]): number | undefined {
  let best: number | undefined;
  let tied = false;
  values.forEach((value, index) => {
    if (best === undefined || value > values[best]!) [best, tied] = [index, false];
    else if (value === values[best]) tied = true;
  });
  return tied ? undefined : best;
}

/**
 * How well two definitions answer each other: 1 when what they abbreviate names the same agency or listed term, -1
 * when both name one and they differ; else how often the two terms are used in the same aligned sentences (0..1,
 * the definitions' own sentence pair `except`ed), when `uses` are given.
 */
function affinityOf(
  original: AnalysedDocument, translation: AnalysedDocument, a: DefinedTerm, b: DefinedTerm,
  uses: (Record<Side, Map<string, Set<number>>> & { except: number }) | undefined,
): number {
  const [mine, theirs] = [idsOf(original, a), idsOf(translation, b)];
  if (mine.size > 0 && theirs.size > 0) return [...mine].some((id) => theirs.has(id)) ? 1 : -1;
  if (!uses) return 0;
  const [first, second] = [uses.original.get(a.key), uses.translation.get(b.key)];
  if (!first || !second) return 0;
  const sizeOf = (uses: ReadonlySet<number>, except: number) => uses.size - (uses.has(except) ? 1 : 0);
  let both = 0;
  for (const index of first) if (index !== uses.except && second.has(index)) both++;
  const either = sizeOf(first, uses.except) + sizeOf(second, uses.except) - both;
  return either > 0 ? both / either : 0;
}

/** The agencies and listed terms (by id) a definition's term names, or the words just before it that it abbreviates. */
function idsOf(document: AnalysedDocument, definition: DefinedTerm): Set<string> {
  const { annotations, text } = document;
  const ids = new Set<string>();
  const { start, end } = definition.span;
  for (let i = lastAtOrBefore(annotations, start - ABBREVIATED_WITHIN - 1, (item) => item.start) + 1; i < annotations.length && annotations[i]!.start < end; i++) {
    const annotation = annotations[i]!;
    if (annotation.kind !== 'agency' && annotation.kind !== 'bannedTerm') continue;
    const names = annotation.end > start || (start - annotation.end <= ABBREVIATED_WITHIN && BETWEEN_WORDS_AND_TERM.test(text.slice(annotation.end, start)));
    if (names) ids.add(annotation.kind === 'agency' ? `agency:${annotation.agencyId}` : `term:${annotation.termId}`);
  }
  return ids;
}

/** For each term key used on `side`, the sentence pairs (their indexes) whose `side` sentences use it. */
function usesBySentence(document: AnalysedDocument, sentencePairs: readonly SentencePair[], side: Side): Map<string, Set<number>> {
  const spans = sentencePairs.flatMap((pair, index) => pair[side].map((span) => ({ ...span, index })));
  const found = new Map<string, Set<number>>();
  for (const use of document.termUses) {
    const span = spans[lastAtOrBefore(spans, use.start, (item) => item.start)];
    if (!span || use.start >= span.end) continue;
    if (!found.has(use.key)) found.set(use.key, new Set());
    found.get(use.key)!.add(span.index);
  }
  return found;
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
