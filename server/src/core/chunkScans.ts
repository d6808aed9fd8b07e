/**
 * The recognisers that read the text itself, run chunk by chunk (chunkedText.ts): each keeps what it found in a chunk
 * while the chunk is unchanged, and says how a finding moves when the chunk stands elsewhere in the document.
 */
import type { ChunkedText, ChunkOffsets, Question } from './chunkedText';
import type { DictionaryValue, Knowledge } from './knowledge/compile';
import type { NoticeNumberMention } from './model';
import type { FoldedMatch } from './text/folded';
import { definitionAfter, scanDefinitions, type RawDefinition } from './scan/definedTerms';
import { scanNoticeNumbers } from './scan/noticeNumbers';
import type { PhraseMatch, PhraseMatcher } from './scan/phraseMatcher';
import { scanQuotes, type QuoteSpan } from './scan/quotes';
import {
  scanBareDecimalReferences, scanChineseReferences, scanEnglishReferences, withRangeMembers, type ExternalDocument,
  type RawReference,
} from './scan/references';

export function quotesIn(chunked: ChunkedText): QuoteSpan[] {
  return chunked.collect('quotes', '', (folded) => scanQuotes(folded.text, (offset) => folded.lineBreakBefore(offset)),
    (quote, by) => ({ start: quote.start + by.folded, end: quote.end + by.folded, kind: quote.kind }));
}

export function noticeNumbersIn(chunked: ChunkedText, knowledge: Knowledge): NoticeNumberMention[] {
  return chunked.collect('noticeNumbers', knowledgeKey(knowledge), (folded) => scanNoticeNumbers(folded, knowledge),
    (number, by) => ({ ...number, start: number.start + by.original, end: number.end + by.original }));
}

/**
 * The definitions in each chunk. What a verb defines a term as is read again in the whole text (after the shift, which
 * may be the last analysis's): it may go on past a paragraph break into another chunk (是指：, then the items of a list).
 */
export function definitionsIn(chunked: ChunkedText): RawDefinition[] {
  const found = chunked.collect('definitions', '', (folded) => scanDefinitions(folded), (definition, by) => {
    const moved = { ...definition, start: definition.start + by.folded, end: definition.end + by.folded };
    if (definition.abbreviates) moved.abbreviates = { start: definition.abbreviates.start + by.folded, end: definition.abbreviates.end + by.folded };
    if (definition.definedFrom !== undefined) moved.definedFrom = definition.definedFrom + by.folded;
    return moved;
  });
  if (chunked.isOneChunk) return found;
  const text = chunked.folded.text;
  return found.map((definition) => definition.definedFrom === undefined ? definition : { ...definition, definition: definitionAfter(text, definition.definedFrom) });
}

export interface Phrases<U> {
  matches: PhraseMatch<DictionaryValue>[];
  alongside: PhraseMatch<U>[];
}

/**
 * The dictionary's phrases and the defined terms' forms (`terms`, known by `termsKey`), found in one pass over each
 * chunk (see PhraseMatcher.findAllWith).
 */
export function phrasesIn<U>(chunked: ChunkedText, knowledge: Knowledge, terms: PhraseMatcher<U>, termsKey: string): Phrases<U> {
  const found = chunked.collect(
    'phrases', `${knowledgeKey(knowledge)}\u0000${termsKey}`,
    (folded) => [knowledge.dictionary.findAllWith(terms, folded.text, (hyphen) => folded.lineBreakBefore(hyphen + 1))],
    (phrases, by) => ({ matches: phrases.matches.map((match) => movedMatch(match, by)), alongside: phrases.alongside.map((match) => movedMatch(match, by)) }),
  );
  return found.length === 1 ? found[0]! : { matches: flattened(found.map((phrases) => phrases.matches)), alongside: flattened(found.map((phrases) => phrases.alongside)) };
}

/** The lists joined: `concat` copies them natively, many times quicker than `flatMap` on long lists. */
function flattened<T>(lists: readonly (readonly T[])[]): T[] {
  return ([] as T[]).concat(...lists);
}

function movedMatch<T>(match: PhraseMatch<T>, by: ChunkOffsets): PhraseMatch<T> {
  return { start: match.start + by.folded, end: match.end + by.folded, value: match.value };
}

/** The Chinese references in each chunk, and the members of their ranges (whose number is bounded by the whole text's). */
export function chineseReferencesIn(chunked: ChunkedText, isLabelAt: Question, citationEndsAt: Question): RawReference[] {
  const written = chunked.collectAsking('chineseReferences', [isLabelAt, citationEndsAt],
    (folded, [labelAt, endsAt]) => scanChineseReferences(folded.text, labelAt!, endsAt!), movedReference);
  return withRangeMembers(chunked.folded.text, written);
}

export function englishReferencesIn(
  chunked: ChunkedText, isLabelAt: Question, citationStartsAt: Question, citationEndsAt: Question,
): { numbered: RawReference[]; relative: RawReference[] } {
  const found = chunked.collectAsking('englishReferences', [isLabelAt, citationStartsAt, citationEndsAt],
    (folded, [labelAt, startsAt, endsAt]) => [scanEnglishReferences(folded.text, labelAt!, startsAt!, endsAt!)],
    (references, by) => ({ numbered: references.numbered.map((reference) => movedReference(reference, by)), relative: references.relative.map((reference) => movedReference(reference, by)) }));
  const numbered = found.length === 1 ? found[0]!.numbered : flattened(found.map((references) => references.numbered));
  const relative = found.length === 1 ? found[0]!.relative : flattened(found.map((references) => references.relative));
  return { numbered: withRangeMembers(chunked.folded.text, numbered), relative };
}

export function bareDecimalReferencesIn(chunked: ChunkedText): RawReference[] {
  return chunked.collect('bareDecimalReferences', '', (folded) => scanBareDecimalReferences(folded.text), movedReference);
}

function movedReference(reference: RawReference, by: ChunkOffsets): RawReference {
  const moved: RawReference = { ...reference, start: reference.start + by.folded, end: reference.end + by.folded };
  if (reference.external) moved.external = movedExternal(reference.external, by.folded);
  return moved;
}

function movedExternal(external: ExternalDocument, by: number): ExternalDocument {
  const moved: ExternalDocument = {};
  if (external.before !== undefined) moved.before = external.before + by;
  if (external.after !== undefined) moved.after = external.after + by;
  return moved;
}

/**
 * Where `pattern` (global) matches in the folded text, found in each chunk and kept while the chunk is unchanged: a
 * keystroke does not search the whole text again. The pattern must not match across a line break, nor look past one.
 */
export function matchesIn(chunked: ChunkedText, step: string, pattern: RegExp): FoldedMatch[] {
  return chunked.collect(step, '', (folded) => foldedMatches(folded.text, pattern),
    (match, by) => ({ start: match.start + by.folded, end: match.end + by.folded, groups: match.groups }));
}

function foldedMatches(text: string, pattern: RegExp): FoldedMatch[] {
  const found: FoldedMatch[] = [];
  for (const match of text.matchAll(pattern)) found.push({ start: match.index!, end: match.index! + match[0].length, groups: match.slice(1) });
  return found;
}

/** Each compiled knowledge's own key: findings made with other knowledge (a changed configuration) are not kept. */
const knowledgeKeys = new WeakMap<Knowledge, string>();
let knowledgeCount = 0;

function knowledgeKey(knowledge: Knowledge): string {
  let key = knowledgeKeys.get(knowledge);
  if (key === undefined) knowledgeKeys.set(knowledge, (key = String(++knowledgeCount)));
  return key;
}
