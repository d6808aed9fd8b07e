/**
 * Echoes: what a clause and a candidate counterpart say alike, read through the rest of the alignment, without a
 * dictionary. A clause whose words recur in another clause of its document (借贷 in 第二条 and 第六条) and a candidate
 * whose words recur in that clause's counterpart (lending in Article 2 and Article 7) echo the same pair: a translator
 * renders the same words alike. Words are Han bigrams and Latin word stems that few clauses of a document have (they
 * tell clauses apart); each pair of the alignment counts the fewer of the two sides' shared words.
 */
import { isHan } from '../text/chars';
import type { Span } from '../model';

/** A word tells clauses apart when at most this many clauses of its document have it. */
const RARE_IN = 3;
/** A Latin word is compared by its first letters (licensed, licences; lending, lend): a crude stem. */
const STEM_LENGTH = 6;
const SHORTEST_WORD = 3;

/** The rare words of one document's units: each unit's, and the units that have each. */
interface Words {
  ofUnit: number[][];
  unitsWith: number[][];
}

export class Echoes {
  private readonly original: Words;
  private readonly translation: Words;

  /** `text` and the spans of each unit's text (its sentences), per document. */
  constructor(original: { text: string; units: readonly (readonly Span[])[] }, translation: { text: string; units: readonly (readonly Span[])[] }) {
    this.original = rareWords(original.text, original.units);
    this.translation = rareWords(translation.text, translation.units);
  }

  /**
   * How many words original unit `a` and translation unit `b` echo through the pairs `partnerOf` gives (original
   * unit → its translation unit, -1 for none): for each such pair, the fewer of a's words its original has and b's
   * words its translation has.
   */
  between(a: number, b: number, partnerOf: (unit: number) => number): number {
    const inOriginal = sharedCounts(this.original, a);
    const inTranslation = sharedCounts(this.translation, b);
    let echoes = 0;
    for (const [unit, count] of inOriginal) {
      const partner = partnerOf(unit);
      if (partner >= 0 && partner !== b) echoes += Math.min(count, inTranslation.get(partner) ?? 0);
    }
    return echoes;
  }
}

/** For each other unit that has some of unit `at`'s rare words, how many. */
function sharedCounts(words: Words, at: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const word of words.ofUnit[at]!) {
    for (const unit of words.unitsWith[word]!) if (unit !== at) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return counts;
}

function rareWords(text: string, units: readonly (readonly Span[])[]): Words {
  const ids = new Map<string, number>();
  const unitsWith: number[][] = [];
  const ofUnit = units.map((spans, unit) => {
    const own = new Set<number>();
    for (const span of spans) {
      for (const word of wordsIn(text, span)) {
        let id = ids.get(word);
        if (id === undefined) {
          ids.set(word, id = unitsWith.length);
          unitsWith.push([]);
        }
        if (own.has(id)) continue;
        own.add(id);
        unitsWith[id]!.push(unit);
      }
    }
    return [...own];
  });
  return { ofUnit: ofUnit.map((own) => own.filter((id) => unitsWith[id]!.length <= RARE_IN)), unitsWith };
}

/** The words of a span: each bigram of Han characters, and each Latin word's stem, lower case. */
function wordsIn(text: string, span: Span): string[] {
  const words: string[] = [];
  let wordStart = -1;
  for (let at = span.start; at <= span.end; at++) {
    const code = at < span.end ? text.charCodeAt(at) : 0;
    if (isHan(code) && isHan(text.charCodeAt(at + 1)) && at + 1 < span.end) words.push(text.slice(at, at + 2));
    const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    if (letter && wordStart < 0) wordStart = at;
    if (letter || wordStart < 0) continue;
    if (at - wordStart >= SHORTEST_WORD) words.push(text.slice(wordStart, Math.min(at, wordStart + STEM_LENGTH)).toLowerCase());
    wordStart = -1;
  }
  return words;
}
