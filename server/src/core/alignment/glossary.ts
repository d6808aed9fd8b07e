/**
 * The bilingual glossary (knowledge/data/glossary.json): words of financial regulation and how translations render
 * them (按月 / monthly, 存款 / deposit, 涉农 / agriculture-related). A clause and its translation name the same
 * concepts: where their numbers say nothing (the items of a list alike but for what they name, a dropped one among
 * them), the concepts they share tell them apart. Evidence for the alignment only: never reported, since a translator
 * may render a word otherwise.
 */
import type { GlossaryEntry } from '../knowledge/types';
import { isSpace } from '../text/chars';

export class Glossary {
  /** The Chinese forms by their first code unit, longest first (so that 统计表 is read before 统计). */
  private readonly chinese = new Map<number, string[]>();
  /** 1 for each code unit a Chinese form starts with: most code units start none, and are passed over at a glance. */
  private readonly chineseFirsts = new Uint8Array(0x10000);
  /** The English forms as words in lower case, by their first word, the longest first. */
  private readonly english = new Map<string, string[][]>();
  /** The concept of each form (English as its words in lower case, joined by a space). */
  private readonly concepts = new Map<string, string>();

  constructor(entries: readonly GlossaryEntry[] = []) {
    for (const entry of entries) {
      for (const form of entry.zh) {
        this.chineseFirsts[form.charCodeAt(0)] = 1;
        this.add(this.chinese, form.charCodeAt(0), form, entry.id, form);
      }
      for (const form of entry.en) {
        const words = wordsOf(form);
        this.add(this.english, words[0]!, words, entry.id, words.join(' '));
      }
    }
  }

  /** The concepts `text` names from `start` to `end`, each once. */
  conceptsIn(text: string, start: number, end: number): string[] {
    const found = new Set<string>();
    this.chineseIn(text, start, end, found);
    if (this.english.size > 0) this.englishIn(wordsOf(text.slice(start, end)), found);
    return [...found];
  }

  private add<K, F extends { length: number }>(forms: Map<K, F[]>, first: K, form: F, concept: string, key: string): void {
    if (!this.concepts.has(key)) this.concepts.set(key, concept);
    forms.set(first, [...forms.get(first) ?? [], form].sort((a, b) => b.length - a.length));
  }

  /**
   * The Chinese forms from `start` to `end`, each read from where the one before it ends; a form may be cut by a hard
   * wrap (按⏎季, the next line indented).
   */
  private chineseIn(text: string, start: number, end: number, found: Set<string>): void {
    for (let at = start; at < end; at++) {
      if (this.chineseFirsts[text.charCodeAt(at)] === 0) continue;
      let formEnd = -1;
      const form = this.chinese.get(text.charCodeAt(at))!.find((candidate) => (formEnd = wrappedEnd(text, at, end, candidate)) >= 0);
      if (form === undefined) continue;
      found.add(this.concepts.get(form)!);
      at = formEnd - 1;
    }
  }

  /** The English forms among `words`, each word as written or in a plural. */
  private englishIn(words: readonly string[], found: Set<string>): void {
    for (let at = 0; at < words.length; at++) {
      const form = this.englishFormAt(words, at);
      if (form === undefined) continue;
      found.add(this.concepts.get(form.join(' '))!);
      at += form.length - 1;
    }
  }

  /** The longest form that starts at word `at`, its first word as written or a plural of it. */
  private englishFormAt(words: readonly string[], at: number): string[] | undefined {
    for (const first of [words[at]!, ...singularsOf(words[at]!)]) {
      const form = this.english.get(first)?.find((candidate) => candidate.every((word, k) => isWord(words[at + k], word)));
      if (form) return form;
    }
    return undefined;
  }
}

/** Where `form` ends when it stands at `at` (its characters perhaps parted by a line break and indentation), or -1. */
function wrappedEnd(text: string, at: number, end: number, form: string): number {
  let offset = at;
  for (let k = 0; k < form.length; k++, offset++) {
    if (k > 0 && (text.charCodeAt(offset) === 0x0a || text.charCodeAt(offset) === 0x0d)) {
      while (offset < end && isSpace(text.charCodeAt(offset))) offset++;
    }
    if (offset >= end || text.charCodeAt(offset) !== form.charCodeAt(k)) return -1;
  }
  return offset;
}

/** A text's words of Latin letters, in lower case (anything else parts them: a space, a hyphen, a line break). */
function wordsOf(text: string): string[] {
  return (text.match(/[A-Za-z]+/g) ?? []).map((word) => word.toLowerCase());
}

/** Whether a word of the text is `word`, or a plural of it. */
function isWord(found: string | undefined, word: string): boolean {
  return found !== undefined && (found === word || singularsOf(found).includes(word));
}

/** What a word in the plural may be the plural of: agencies → agency, taxes → tax (or taxe), enterprises → enterprise. */
function singularsOf(word: string): string[] {
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss')) return [];
  if (word.endsWith('ies')) return [`${word.slice(0, -3)}y`];
  return /(?:s|x|z|ch|sh)es$/.test(word) ? [word.slice(0, -2), word.slice(0, -1)] : [word.slice(0, -1)];
}
