/**
 * The bilingual glossary (knowledge/data/glossary.json): words of financial regulation and how translations render
 * them (按月 / monthly, 存款 / deposit, 涉农 / agriculture-related). A clause and its translation name the same
 * concepts: where their numbers say nothing (the items of a list alike but for what they name, a dropped one among
 * them), the concepts they share tell them apart. Evidence for the alignment only: never reported, since a translator
 * may render a word otherwise.
 */

export interface GlossaryEntry {
  id: string;
  zh: string[];
  en: string[];
}

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

  /** The Chinese forms from `start` to `end`, each read from where the one before it ends. */
  private chineseIn(text: string, start: number, end: number, found: Set<string>): void {
    for (let at = start; at < end; at++) {
      if (this.chineseFirsts[text.charCodeAt(at)] === 0) continue;
      const form = this.chinese.get(text.charCodeAt(at))?.find((candidate) => at + candidate.length <= end && text.startsWith(candidate, at));
      if (form === undefined) continue;
      found.add(this.concepts.get(form)!);
      at += form.length - 1;
    }
  }

  /** The English forms among `words`, each word as written or with a plural ending. */
  private englishIn(words: readonly string[], found: Set<string>): void {
    for (let at = 0; at < words.length; at++) {
      const first = this.english.get(words[at]!) ?? this.english.get(singular(words[at]!)) ?? this.english.get(singular(words[at]!, 2));
      const form = first?.find((candidate) => candidate.every((word, k) => isWord(words[at + k], word)));
      if (form === undefined) continue;
      found.add(this.concepts.get(form.join(' '))!);
      at += form.length - 1;
    }
  }
}

/** A text's words of Latin letters, in lower case (a hyphen, an apostrophe or a line break parts them). */
function wordsOf(text: string): string[] {
  return (text.match(/[A-Za-z]+/g) ?? []).map((word) => word.toLowerCase());
}

/** Whether a word of the text is `word`, or its plural in -s or -es. */
function isWord(found: string | undefined, word: string): boolean {
  return found !== undefined && (found === word || singular(found) === word || singular(found, 2) === word);
}

/** A word without its last `letters` (1 for -s, 2 for -es) when it ends in s; else itself. */
function singular(word: string, letters = 1): string {
  return word.length > letters + 1 && word.endsWith('s') ? word.slice(0, -letters) : word;
}
