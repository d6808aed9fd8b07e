/**
 * Finds dictionary phrases (agency names, banned terms, defined terms) in folded text in one left-to-right pass,
 * leftmost-longest and without overlaps. Matching ignores case (unless an entry asks for it), treats hyphens
 * and spaces alike ("crypto-asset" = "crypto asset"), and never starts or ends inside a Latin word or identifier
 * ("xRWA", "RWA2" and "RWA_x" are not "RWA"). Chinese phrases match anywhere.
 *
 * A hyphen at the end of a line between two lower-case letters is either a compound's ("risk-⏎weighted") or a word
 * hyphenated to fit the line, as PDF text is ("virtual cur-⏎rency"). The folded text keeps it (so "risk-weighted"
 * reads as written); a caller that says where such hyphens stand (`findAll`'s `lineEndHyphen`) has the walk read
 * each one both ways, as a space and as nothing, so "cur-⏎rency" matches "currency" and "stable-⏎coin" "stablecoin".
 */
import { isWordChar, lowerCode, WORD_CHARS } from '../text/chars';

export interface PhraseMatch<T> {
  /** Folded offsets. */
  start: number;
  end: number;
  value: T;
}

interface Entry<T> {
  value: T;
  /** The exact form, when it must match with its capitalisation. */
  caseSensitiveForm?: string;
}

/**
 * The trie while phrases are added: nodes are numbers (the root is 0), an edge is a number in a map (its parent node
 * times 2^16 plus its key code, to its child), and each node's entries are at its number. No object per node.
 */
class TrieBuilder<T> {
  readonly edges = new Map<number, number>();
  /** The edges' numbers, in the order they were made. */
  readonly edgeNumbers: number[] = [];
  readonly entries: (Entry<T>[] | undefined)[] = [undefined];

  /** The node a phrase's key codes lead to from the root, made as needed. */
  nodeOf(keys: string): number {
    let node = 0;
    for (let i = 0; i < keys.length; i++) {
      const edge = node * EDGE_BASE + keyCode(keys.charCodeAt(i));
      const child = this.edges.get(edge);
      if (child !== undefined) {
        node = child;
        continue;
      }
      this.edges.set(edge, (node = this.entries.length));
      this.edgeNumbers.push(edge);
      this.entries.push(undefined);
    }
    return node;
  }
}

/** An edge's number: parent × EDGE_BASE + key code. */
const EDGE_BASE = 0x10000;

const SPACE = 0x20;
const HYPHEN = 0x2d;

/** The code a trie walks on: lower case, hyphen as space. */
function keyCode(code: number): number {
  return code === HYPHEN ? SPACE : lowerCode(code);
}

/** keyCode as a table, for the loop that asks it of every code unit. */
const KEY: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < table.length; code++) table[code] = keyCode(code);
  return table;
})();

/**
 * The trie as flat arrays, made once after the last phrase is added: a node's children are a run of sorted keys. No
 * maps, no objects per node. The root is node 0. Where a walk may start is asked of the first code unit (the
 * dictionary: `firstNodes`, its child by code unit; a document's terms: `firstCodes`, a bit per code unit), then of
 * `prefixes` (the first two and three key codes); each table is made when first asked.
 */
class CompactTrie<T> {
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  readonly childKeys: Uint16Array;
  readonly childNodes: Int32Array;
  readonly entries: readonly (Entry<T>[] | undefined)[];
  private nodesByCode: Int32Array | undefined;
  private startBits: Int32Array | undefined;
  private wholeBits: Int32Array | undefined;
  private prefixBits: Prefixes | undefined;

  constructor(builder: TrieBuilder<T>) {
    const nodeCount = builder.entries.length;
    this.entries = builder.entries;
    // Edges sorted by parent, then key code: each node's children are one run of sorted keys.
    const edges = Float64Array.from(builder.edgeNumbers).sort();
    this.childStart = new Int32Array(nodeCount);
    this.childCount = new Int32Array(nodeCount);
    this.childKeys = new Uint16Array(edges.length);
    this.childNodes = new Int32Array(edges.length);
    for (let slot = 0; slot < edges.length; slot++) {
      const edge = edges[slot]!;
      const parent = Math.floor(edge / EDGE_BASE);
      if (this.childCount[parent]!++ === 0) this.childStart[parent] = slot;
      this.childKeys[slot] = edge % EDGE_BASE;
      this.childNodes[slot] = builder.edges.get(edge)!;
    }
  }

  /** The root's child by code unit (capitals and hyphens under their own codes too), or 0: one look-up, 256 KB (the dictionary's). */
  get firstNodes(): Int32Array {
    if (this.nodesByCode) return this.nodesByCode;
    const nodes = new Int32Array(0x10000);
    for (const [key, child] of this.children(0)) for (const code of codesOfKey(key)) nodes[code] = child;
    return (this.nodesByCode = nodes);
  }

  /** The code units that start a phrase, one bit each: 8 KB (a document's terms). */
  get firstCodes(): Int32Array {
    return (this.startBits ??= this.codeBits(() => true));
  }

  /** The code units that are a phrase of one (none in most tries: then a shared empty table). */
  get wholeCodes(): Int32Array {
    return (this.wholeBits ??= this.children(0).some(([, child]) => this.entries[child] !== undefined) ? this.codeBits((child) => this.entries[child] !== undefined) : NO_CODES);
  }

  /** Bits of the first two and three key codes of the phrases. */
  get prefixes(): Prefixes {
    return (this.prefixBits ??= new Prefixes(this));
  }

  /** A bit per code unit whose key leads from the root to a child that `accepts`. */
  private codeBits(accepts: (child: number) => boolean): Int32Array {
    const bits = new Int32Array(0x10000 >>> 5);
    for (const [key, child] of this.children(0)) {
      if (accepts(child)) for (const code of codesOfKey(key)) bits[code >>> 5]! |= 1 << (code & 31);
    }
    return bits;
  }

  /** A node's children as [key code, node] pairs. */
  children(node: number): [key: number, child: number][] {
    const found: [number, number][] = [];
    const start = this.childStart[node]!;
    for (let slot = start; slot < start + this.childCount[node]!; slot++) found.push([this.childKeys[slot]!, this.childNodes[slot]!]);
    return found;
  }

  /** The child of `node` by key code, or -1: a binary search among its sorted keys. */
  child(node: number, key: number): number {
    let low = this.childStart[node]!;
    let high = low + this.childCount[node]! - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.childKeys[middle]!;
      if (found === key) return this.childNodes[middle]!;
      if (found < key) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/**
 * Whether a phrase of two or more code units may start at a position whose first code unit starts some phrase: bits
 * for the first two and the first three key codes. Most word starts in English share a first letter with some phrase,
 * many share the first two ("of", "in", "an" …), few the first three. A collision only costs a walk that finds nothing.
 */
class Prefixes {
  private readonly pairs: HashBits;
  /** The first two key codes of a phrase of two. */
  private readonly wholePairs: HashBits;
  private readonly triples: HashBits;

  constructor(trie: CompactTrie<unknown>) {
    const pairs: number[] = [];
    const wholePairs: number[] = [];
    const triples: number[] = [];
    for (const [first, node] of trie.children(0)) {
      for (const [second, next] of trie.children(node)) {
        pairs.push(pairHash(first, second));
        if (trie.entries[next] !== undefined) wholePairs.push(pairHash(first, second));
        for (const [third] of trie.children(next)) triples.push(tripleHash(first, second, third));
      }
    }
    this.pairs = new HashBits(pairs);
    this.wholePairs = new HashBits(wholePairs);
    this.triples = new HashBits(triples);
  }

  /**
   * Whether a phrase may begin with the key codes at `i` and the next one or two. A hyphen second or third may be a
   * word's hyphenation (cur-⏎rency): walked.
   */
  mayStartAt(text: string, i: number): boolean {
    if (i + 1 >= text.length) return false;
    const key = KEY[text.charCodeAt(i)]!;
    const second = KEY[text.charCodeAt(i + 1)]!;
    const pair = pairHash(key, second);
    if (!this.pairs.has(pair)) return false;
    if (this.wholePairs.has(pair) || i + 2 >= text.length) return true;
    // Read only inside the text: a code unit past its end is NaN, which the optimised loop is not made for.
    const third = text.charCodeAt(i + 2);
    if (third === HYPHEN || text.charCodeAt(i + 1) === HYPHEN) return true;
    return this.triples.has(tripleHash(key, second, KEY[third]!));
  }
}

/**
 * A set of hashes as bits, sixteen or more per hash so that a small set has a small table. Bit tables are signed
 * (Int32Array): a word with its top bit set stays a small integer when read.
 */
class HashBits {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(hashes: readonly number[]) {
    this.bits = new Int32Array(Math.max(2, powerOfTwoAtLeast(hashes.length * 16) >>> 5));
    this.mask = (this.bits.length << 5) - 1;
    for (const hash of hashes) this.bits[(hash & this.mask) >>> 5]! |= 1 << (hash & 31);
  }

  has(hash: number): boolean {
    const bit = hash & this.mask;
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

export class PhraseMatcher<T> {
  private readonly builder = new TrieBuilder<T>();
  private compact: CompactTrie<T> | undefined;
  private size = 0;

  get isEmpty(): boolean {
    return this.size === 0;
  }

  add(form: string, value: T, options: { caseSensitive?: boolean } = {}): void {
    const normalized = form.trim().replace(/[\s\u3000]+/g, ' ').replace(/[’‘]/g, "'");
    if (normalized.length === 0) return;
    const node = this.builder.nodeOf(normalized);
    const entry = options.caseSensitive ? { value, caseSensitiveForm: normalized } : { value };
    (this.builder.entries[node] ??= []).push(entry);
    this.size++;
    this.compact = undefined;
  }

  /** `lineEndHyphen(i)`: whether the hyphen at `i` stood at the end of a line (it may then be a word's hyphenation). */
  findAll(text: string, lineEndHyphen?: (index: number) => boolean): PhraseMatch<T>[] {
    return this.findAllWith(undefined, text, lineEndHyphen).matches;
  }

  /**
   * findAll, and the phrases of `alongside` (a document's defined terms, read without line-end hyphens) in the same
   * pass over the text: the dictionary and the terms are looked for at the same positions, and a document's few terms
   * cost one bit test per position.
   */
  findAllWith<U>(alongside: PhraseMatcher<U> | undefined, text: string, lineEndHyphen?: (index: number) => boolean): { matches: PhraseMatch<T>[]; alongside: PhraseMatch<U>[] } {
    const found = { matches: [] as PhraseMatch<T>[], alongside: [] as PhraseMatch<U>[] };
    const terms = alongside?.trie();
    if (this.isEmpty && terms === undefined) return found;
    findInOnePass(this.trie() ?? EMPTY_TRIE, terms, text, lineEndHyphen, found);
    return found;
  }

  /** The compact trie, made after the last phrase was added; undefined when there is no phrase. */
  private trie(): CompactTrie<T> | undefined {
    return this.isEmpty ? undefined : (this.compact ??= new CompactTrie(this.builder));
  }
}

const EMPTY_TRIE = new CompactTrie<never>(new TrieBuilder());
const LAST_WORD_CHAR = 0x250;
/** Up to this many first code units, a trie of terms is tested by its first code unit alone. */
const FEW_FIRST_CODES = 64;

function hasBit(bits: Int32Array, code: number): boolean {
  return (bits[code >>> 5]! & (1 << (code & 31))) !== 0;
}

/** No code unit, as firstCodes has them. */
const NO_CODES = new Int32Array(0x10000 >>> 5);

/**
 * Finds the phrases of `trie` (leftmost-longest, without overlaps) and those of `terms` (the same, among themselves) in
 * one pass. The loop only ever stands at the start of a word or on a character outside words: it skips the rest of
 * every word it reads (no phrase starts inside one), and a match never ends inside one, so each trie resumes at a
 * position the loop stands on.
 */
function findInOnePass<T, U>(
  trie: CompactTrie<T>, terms: CompactTrie<U> | undefined, text: string, lineEndHyphen: ((index: number) => boolean) | undefined,
  found: { matches: PhraseMatch<T>[]; alongside: PhraseMatch<U>[] },
): void {
  const { firstNodes, entries, prefixes } = trie;
  const termStarts = terms?.firstCodes ?? NO_CODES;
  // A document's terms start with few characters, each tested by its bit alone; many (a compilation's) are also
  // tested by their first two and three key codes, whose tables cost more to make than a few walks.
  const termPrefixes = terms !== undefined && terms.childCount[0]! > FEW_FIRST_CODES ? terms.prefixes : undefined;
  const termWholes = termPrefixes !== undefined ? terms!.wholeCodes : NO_CODES;
  const length = text.length;
  const best: Longest<T> = { end: -1, value: undefined };
  const bestTerm: Longest<U> = { end: -1, value: undefined };
  let resume = 0;
  let termsResume = 0;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const first = firstNodes[code]!;
    // Whether a phrase starts with this code unit (and the next): the one test made at every position.
    if (first !== 0 && i >= resume && (entries[first] !== undefined || prefixes.mayStartAt(text, i))) {
      best.end = -1;
      walk(trie, first, text, i, i, lineEndHyphen, best);
      if (best.end >= 0) {
        found.matches.push({ start: i, end: best.end, value: best.value as T });
        resume = best.end;
      }
    }
    if (hasBit(termStarts, code) && i >= termsResume && (termPrefixes === undefined || hasBit(termWholes, code) || termPrefixes.mayStartAt(text, i))) {
      bestTerm.end = -1;
      walk(terms!, terms!.child(0, KEY[code]!), text, i, i, undefined, bestTerm);
      if (bestTerm.end >= 0) {
        found.alongside.push({ start: i, end: bestTerm.end, value: bestTerm.value as U });
        termsResume = bestTerm.end;
      }
    }
    i++;
    // CJK text, which has no words here, goes on character by character (word characters are all below U+0250).
    if (code < LAST_WORD_CHAR && WORD_CHARS[code] === 1) while (i < length && WORD_CHARS[text.charCodeAt(i)] === 1) i++;
  }
}

/** The code units whose key code is `key`: itself, its capital, the hyphen for the space. */
function codesOfKey(key: number): readonly number[] {
  return KEY_ALIASES.get(key) ?? [key];
}

/** For each key code that other code units have, all the code units that have it. */
const KEY_ALIASES: ReadonlyMap<number, number[]> = (() => {
  const aliases = new Map<number, number[]>();
  KEY.forEach((key, code) => {
    if (key !== code) (aliases.get(key) ?? aliases.set(key, [key]).get(key)!).push(code);
  });
  return aliases;
})();

function pairHash(first: number, second: number): number {
  return ((first * 31) ^ second) & 0xffff;
}

/** A signed 32-bit hash (a small integer when read: only its low bits are used). */
function tripleHash(first: number, second: number, third: number): number {
  return Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b) ^ third;
}

function powerOfTwoAtLeast(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

interface Longest<T> {
  end: number;
  value: T | undefined;
}

/**
 * Walks the trie from `node`, which the code units [start, i] led to, and records in `best` the longest phrase found.
 * A hyphenated line end also walks on without the hyphen: one more branch per such hyphen inside a phrase.
 */
function walk<T>(
  trie: CompactTrie<T>, node: number, text: string, start: number, i: number, lineEndHyphen: ((index: number) => boolean) | undefined,
  best: Longest<T>,
): void {
  for (;;) {
    const entries = trie.entries[node];
    if (entries && i + 1 > best.end && !(isWordChar(text.charCodeAt(i)) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1)))) {
      const entry = acceptedEntry(entries, text, start, i + 1);
      if (entry) {
        best.end = i + 1;
        best.value = entry.value;
      }
    }
    if (++i >= text.length) return;
    const code = text.charCodeAt(i);
    if (code === HYPHEN && lineEndHyphen && isHyphenation(text, i, lineEndHyphen)) {
      const joined = trie.child(node, KEY[text.charCodeAt(i + 1)]!);
      if (joined >= 0) walk(trie, joined, text, start, i + 1, lineEndHyphen, best);
    }
    node = trie.child(node, KEY[code]!);
    if (node < 0) return;
  }
}

/** cur-⏎rency: a hyphen between lower-case letters at a line end may split one word. */
function isHyphenation(text: string, hyphen: number, lineEndHyphen: (index: number) => boolean): boolean {
  return isLowerLetter(text.charCodeAt(hyphen - 1)) && isLowerLetter(text.charCodeAt(hyphen + 1)) && lineEndHyphen(hyphen);
}

function isLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** The first entry that accepts the text's capitals, or undefined. */
function acceptedEntry<T>(entries: readonly Entry<T>[], text: string, start: number, end: number): Entry<T> | undefined {
  for (const entry of entries) if (acceptsCase(entry, text, start, end)) return entry;
  return undefined;
}

/** Whether the text [start, end) is the entry's form with its capitals (a hyphen and a space alike), compared in place. */
function acceptsCase<T>(entry: Entry<T>, text: string, start: number, end: number): boolean {
  const form = entry.caseSensitiveForm;
  if (form === undefined) return true;
  if (form.length !== end - start) return false;
  for (let k = 0; k < form.length; k++) {
    const found = text.charCodeAt(start + k);
    const wanted = form.charCodeAt(k);
    if (found !== wanted && !(isSpaceOrHyphen(found) && isSpaceOrHyphen(wanted))) return false;
  }
  return true;
}

function isSpaceOrHyphen(code: number): boolean {
  return code === SPACE || code === HYPHEN;
}

/** English singular of a phrase whose last word is plural ("deposit tokens" → "deposit token"), or undefined. */
export function singularOf(phrase: string): string | undefined {
  if (/[^aeiou]ies$/i.test(phrase)) return phrase.slice(0, -3) + (/[A-Z]$/.test(phrase) ? 'Y' : 'y');
  if (/[^s]s$/i.test(phrase) && !/(?:ss|us|is)$/i.test(phrase) && phrase.length > 3) return phrase.slice(0, -1);
  return undefined;
}

/** English plural of a phrase's last word: currency → currencies, asset → assets, RWA → RWAs. */
export function pluralOf(phrase: string): string {
  if (/[^aeiou]y$/i.test(phrase)) return phrase.slice(0, -1) + (/[A-Z]$/.test(phrase) ? 'IES' : 'ies');
  if (/(s|x|z|ch|sh)$/i.test(phrase)) return phrase + 'es';
  return phrase + 's';
}
