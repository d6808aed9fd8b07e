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

export interface DocumentWords {
  text: string;
  units: readonly (readonly Span[])[];
  candidates: ReadonlySet<number>;
}

export class Echoes {
  private readonly original: Words;
  private readonly translation: Words;

  /** Per document: `text`, the spans of each unit's text (its sentences), and the units `between` will be asked about. */
  constructor(original: DocumentWords, translation: DocumentWords) {
    this.original = rareWords(original);
    this.translation = rareWords(translation);
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

/**
 * The rare words of the candidate units, and the units (any) that have each: only the candidates' words are counted,
 * so that a long document is read once without keeping all its words.
 */
function rareWords({ text, units, candidates }: DocumentWords): Words {
  const ids = new Map<number, number>();
  const unitsWith: number[][] = [];
  const ofUnit: number[][] = units.map(() => []);
  /** Records that `unit` has `id` (units are read one after another). */
  const has = (unit: number, id: number) => {
    const holders = unitsWith[id]!;
    if (holders.at(-1) === unit) return;
    holders.push(unit);
    if (candidates.has(unit)) ofUnit[unit]!.push(id);
  };
  for (const unit of candidates) {
    for (const span of units[unit]!) {
      forEachWord(text, span, (word) => {
        let id = ids.get(word);
        if (id === undefined) {
          ids.set(word, id = unitsWith.length);
          unitsWith.push([]);
        }
        has(unit, id);
      });
    }
  }
  units.forEach((spans, unit) => {
    if (candidates.has(unit)) return;
    for (const span of spans) {
      forEachWord(text, span, (word) => {
        const id = ids.get(word);
        if (id !== undefined) has(unit, id);
      });
    }
  });
  return { ofUnit: ofUnit.map((own) => own.filter((id) => unitsWith[id]!.length <= RARE_IN)), unitsWith };
}

/** Latin stems are numbers below this (letters 1 to 26 in base 27, up to six); a Han bigram is its two code units, above it. */
const STEMS = 27 ** STEM_LENGTH;

/**
 * Calls `found` with each word of a span as a number: each bigram of Han characters (its two code units), and each
 * Latin word's stem (its first letters, lower case, in base 27) — numbers, so that a long text makes no strings.
 */
function forEachWord(text: string, span: Span, found: (word: number) => void): void {
  let stem = 0;
  let letters = 0;
  for (let at = span.start; at <= span.end; at++) {
    const code = at < span.end ? text.charCodeAt(at) : 0;
    if (isHan(code) && at + 1 < span.end && isHan(text.charCodeAt(at + 1))) found(STEMS + code * 0x10000 + text.charCodeAt(at + 1));
    const lower = code | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) {
      if (letters++ < STEM_LENGTH) stem = stem * 27 + lower - 0x60;
      continue;
    }
    if (letters >= SHORTEST_WORD) found(stem);
    stem = 0;
    letters = 0;
  }
}
