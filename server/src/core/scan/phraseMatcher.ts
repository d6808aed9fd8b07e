/**
 * Finds dictionary phrases (agency names, banned terms, defined terms) in folded text in one left-to-right pass,
 * leftmost-longest and without overlaps. Matching ignores case (unless an entry asks for it), treats hyphens
 * and spaces alike ("crypto-asset" = "crypto asset"), and never starts or ends inside a Latin word or identifier
 * ("xRWA", "RWA2" and "RWA_x" are not "RWA"). Chinese phrases match anywhere.
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

class TrieNode<T> {
  readonly next = new Map<number, TrieNode<T>>();
  entries: Entry<T>[] | undefined;
}

const SPACE = 0x20;
const HYPHEN = 0x2d;

/** The code a trie walks on: lower case, hyphen as space. */
function keyCode(code: number): number {
  return code === HYPHEN ? SPACE : lowerCode(code);
}

export class PhraseMatcher<T> {
  private readonly root = new TrieNode<T>();
  /** Which code units can start a phrase, for a quick rejection at most positions. */
  private readonly startCodes = new Uint8Array(0x10000);
  private size = 0;

  get isEmpty(): boolean {
    return this.size === 0;
  }

  add(form: string, value: T, options: { caseSensitive?: boolean } = {}): void {
    const normalized = form.trim().replace(/[\s\u3000]+/g, ' ').replace(/[’‘]/g, "'");
    if (normalized.length === 0) return;
    let node = this.root;
    for (let i = 0; i < normalized.length; i++) {
      const code = keyCode(normalized.charCodeAt(i));
      if (i === 0) this.markStart(normalized.charCodeAt(0));
      let child = node.next.get(code);
      if (!child) {
        child = new TrieNode<T>();
        node.next.set(code, child);
      }
      node = child;
    }
    node.entries ??= [];
    node.entries.push(options.caseSensitive ? { value, caseSensitiveForm: normalized } : { value });
    this.size++;
  }

  /** Marks a code unit, and its other case, as able to start a phrase. */
  private markStart(code: number): void {
    this.startCodes[code] = 1;
    this.startCodes[keyCode(code)] = 1;
    const upper = String.fromCharCode(code).toUpperCase();
    if (upper.length === 1) this.startCodes[upper.charCodeAt(0)] = 1;
    if (code === SPACE || code === HYPHEN) this.startCodes[SPACE] = this.startCodes[HYPHEN] = 1;
  }

  findAll(text: string): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    if (this.isEmpty) return matches;
    const length = text.length;
    let i = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      const inWord = WORD_CHARS[code] === 1;
      if (this.startCodes[code] === 1 && !(inWord && i > 0 && WORD_CHARS[text.charCodeAt(i - 1)] === 1)) {
        const match = this.longestAt(text, i);
        if (match) {
          matches.push(match);
          i = match.end;
          continue;
        }
      }
      i++;
      // No phrase starts inside a Latin word: skip to its end (CJK text, which has no words here, goes on char by char).
      if (inWord) while (i < length && WORD_CHARS[text.charCodeAt(i)] === 1) i++;
    }
    return matches;
  }

  private longestAt(text: string, start: number): PhraseMatch<T> | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(keyCode(text.charCodeAt(i)));
      if (!node) break;
      if (node.entries && !(isWordChar(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1)))) {
        const entry = node.entries.find((candidate) => acceptsCase(candidate, text, start, i + 1));
        if (entry) best = { start, end: i + 1, value: entry.value };
      }
    }
    return best;
  }
}

function acceptsCase<T>(entry: Entry<T>, text: string, start: number, end: number): boolean {
  if (entry.caseSensitiveForm === undefined) return true;
  const found = text.slice(start, end);
  return found === entry.caseSensitiveForm || found.replace(/-/g, ' ') === entry.caseSensitiveForm.replace(/-/g, ' ');
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
