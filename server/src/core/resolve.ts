/**
 * Resolves a reference's steps ("Article 5" → "paragraph 2") against the clause tree. Clauses are indexed once
 * by style and value, so each reference costs a few map look-ups, not a walk over the tree. Given the text, it also
 * finds paragraphs (款); without it (another file's summary), a step into a paragraph resolves to its clause.
 */
import type { Clause, ReferenceStep, Span } from './model';
import { CLOSES_SENTENCE, isSpace } from './text/chars';
import type { LineIndex } from './text/lineIndex';
import { lastAtOrBefore } from './text/search';

export interface Resolution {
  clause: number;
  /** The paragraph named, when the reference names one. */
  span: Span | undefined;
}

export class ClauseResolver {
  private readonly byStyleAndValue = new Map<number | string, Clause[]>();
  /** Top-level list clauses (一、, I., (1)) by value, for "本通知第五条" in a notice numbered 一、二、… */
  private readonly topLevelByValue = new Map<number, Clause>();
  private readonly paragraphCache = new Map<number, Span[]>();

  constructor(private readonly clauses: readonly Clause[], private readonly source?: { text: string; lines: LineIndex }) {
    for (const clause of clauses) {
      const key = indexKey(clause.style, clause.value, clause.insertion);
      const list = this.byStyleAndValue.get(key);
      if (list) list.push(clause);
      else this.byStyleAndValue.set(key, [clause]);
      if (clause.depth === 0 && DIVISION_STYLES.has(clause.style) && !this.topLevelByValue.has(clause.value)) {
        this.topLevelByValue.set(clause.value, clause);
      }
    }
  }

  /** `at` is where the reference stands, for relative steps (前款, this Article); absent for one from another file. */
  resolve(steps: readonly ReferenceStep[], at?: number): Resolution | undefined {
    let scope: Clause | undefined;
    let span: Span | undefined;
    for (const [index, step] of steps.entries()) {
      if (step.kind === 'paragraph') {
        const base = scope ?? (at === undefined ? undefined : this.innermost(at, (clause) => clause.kind === 'article') ?? this.innermost(at, () => true));
        if (!base) return undefined;
        if (this.source) {
          span = this.paragraph(base, step, at);
          if (!span) return undefined;
        }
        scope = base;
        continue;
      }
      if (step.relative && at === undefined) return undefined;
      const found = step.relative ? this.relative(step, at!) : this.find(step, scope, index === 0 && steps.length === 1 ? at : undefined);
      if (!found) return undefined;
      scope = found;
      span = undefined;
    }
    return scope ? { clause: scope.id, span } : undefined;
  }

  /** 本条 / "this Article": the clause of that kind the reference stands in; 前条: the one numbered before it. */
  private relative(step: ReferenceStep, at: number): Clause | undefined {
    const own = this.innermost(at, (clause) => clause.kind === step.kind) ?? (step.kind === 'clause' ? this.innermost(at, () => true) : undefined);
    if (!own || step.relative === 'self') return own;
    return (this.byStyleAndValue.get(indexKey(own.style, own.value - 1, undefined)) ?? []).find((clause) => clause.span.end <= own.span.start);
  }

  /**
   * The clause a step names: inside `scope` if given; else, for a lone item reference ("第（二）项"), the one in
   * the clause the reference stands in if there is one there; else the first in the document.
   */
  private find(step: ReferenceStep, scope: Clause | undefined, at: number | undefined): Clause | undefined {
    const lists: Clause[][] = [];
    for (const style of step.styles) {
      const list = this.byStyleAndValue.get(indexKey(style, step.value, step.insertion));
      if (list) lists.push(list);
    }
    if (scope) return firstFound(lists, (list) => firstInside(list, scope));
    if (at !== undefined && step.kind === 'item' && lists.length > 0) {
      const around = this.innermost(at, (clause) => clause.kind === 'article' || clause.depth === 0);
      const local = around && firstFound(lists, (list) => firstInside(list, around));
      if (local) return local;
      // In a law, 第（二）项 means an item of the article it stands in: another article's item is not it.
      if (around?.kind === 'article') return undefined;
    }
    const first = lists[0]?.[0];
    if (first) return first;
    // "本通知第五条" in a notice numbered 一、二、…, "Section III" or "Clause (III)" of it in a translation's words:
    // the third top-level division.
    if (BY_DIVISION.has(step.kind) && step.insertion === undefined) return this.topLevelByValue.get(step.value);
    return undefined;
  }

  /**
   * The deepest clause containing offset `at` that satisfies `accept`. Clauses are in document order and nest,
   * so the deepest container is the last clause starting at or before `at`, or one of its ancestors.
   */
  private innermost(at: number, accept: (clause: Clause) => boolean): Clause | undefined {
    const last = lastAtOrBefore(this.clauses, at, (clause) => clause.span.start);
    for (let clause = this.clauses[last]; clause; clause = clause.parent === undefined ? undefined : this.clauses[clause.parent]) {
      if (clause.span.end >= at && accept(clause)) return clause;
    }
    return undefined;
  }

  /** Paragraph (款) n of a clause, or the one before the paragraph `at` stands in (前款). */
  private paragraph(clause: Clause, step: ReferenceStep, at: number | undefined): Span | undefined {
    const paragraphs = this.paragraphsOf(clause);
    if (step.relative && at === undefined) return undefined;
    if (step.relative === 'self') {
      const current = lastAtOrBefore(paragraphs, at!, (paragraph) => paragraph.start);
      return current >= 0 && at! <= paragraphs[current]!.end ? paragraphs[current] : undefined;
    }
    if (step.relative === 'previous') {
      const current = lastAtOrBefore(paragraphs, at!, (paragraph) => paragraph.start);
      const count = step.value;
      if (current < count || at! > paragraphs[current]!.end) return undefined;
      return { start: paragraphs[current - count]!.start, end: paragraphs[current - 1]!.end };
    }
    return paragraphs[step.value - 1];
  }

  /** The clause's own paragraphs: its non-blank lines outside its sub-clauses. Computed once per clause. */
  private paragraphsOf(clause: Clause): Span[] {
    let paragraphs = this.paragraphCache.get(clause.id);
    if (!paragraphs) {
      paragraphs = this.computeParagraphs(clause);
      this.paragraphCache.set(clause.id, paragraphs);
    }
    return paragraphs;
  }

  private computeParagraphs(clause: Clause): Span[] {
    const { text, lines } = this.source!;
    const children = clause.children.map((id) => this.clauses[id]!);
    const childSpans = children.map((child) => ({ start: child.span.start, end: this.ownTextEnd(child) }));
    const paragraphs: Span[] = [];
    const lastLine = lines.lineOf(clause.span.end);
    let child = 0;
    for (let line = lines.lineOf(clause.span.start); line <= lastLine; line++) {
      const start = lines.lineStart(line);
      const end = Math.min(lines.lineEnd(line), clause.span.end);
      while (child < childSpans.length && childSpans[child]!.end <= start) child++;
      const inChild = child < childSpans.length && start >= childSpans[child]!.start;
      if (!inChild && !isBlank(text, start, end)) paragraphs.push({ start, end });
    }
    return paragraphs;
  }

  /**
   * Where a sub-clause's own text ends: at the first line that closes a sentence. Lines after it belong to the
   * parent again: 第五条 … （三）…。⏎前款规定… is the article's second paragraph, not part of item （三）.
   */
  private ownTextEnd(child: Clause): number {
    if (child.children.length > 0) return child.span.end;
    const { lines } = this.source!;
    const lastLine = lines.lineOf(child.span.end);
    for (let line = lines.lineOf(child.labelSpan.start); line <= lastLine; line++) {
      if (CLOSES_SENTENCE.test(lines.lineText(line))) return lines.lineEnd(line);
    }
    return child.span.end;
  }
}

/** The first clause a look-up finds, trying the lists in order (a reference's preferred label style first). */
function firstFound(lists: Clause[][], lookUp: (list: Clause[]) => Clause | undefined): Clause | undefined {
  for (const list of lists) {
    const found = lookUp(list);
    if (found) return found;
  }
  return undefined;
}

/** The first clause of a list (in document order) that lies inside `scope`, by binary search. */
function firstInside(list: Clause[], scope: Clause): Clause | undefined {
  const after = lastAtOrBefore(list, scope.span.start, (clause) => clause.span.start) + 1;
  const candidate = list[after];
  return candidate && candidate.span.end <= scope.span.end ? candidate : undefined;
}

/** The styles a notice divides its text into at the top (一、 I. （一） (I)); 1. and (1) are the items of a list. */
const DIVISION_STYLES: ReadonlySet<string> = new Set(['zh-dot', 'roman-dot', 'zh-paren', 'paren-roman', 'en-part', 'zh-part']);
/** The kinds of step that may name a top-level division when nothing of their own style matches. */
const BY_DIVISION: ReadonlySet<ReferenceStep['kind']> = new Set(['article', 'section', 'part', 'clause']);

/** A number for each style, so that look-up keys are numbers, not strings made per look-up. */
const STYLE_NUMBERS = new Map<string, number>();

/**
 * The key of a clause by style, value and insertion (第十三条之一): one number for the values labels have (the
 * products stay exact far below 2^53), a string for the odd huge one (§ 12345678).
 */
function indexKey(style: string, value: number, insertion: number | undefined): number | string {
  let styleNumber = STYLE_NUMBERS.get(style);
  if (styleNumber === undefined) STYLE_NUMBERS.set(style, (styleNumber = STYLE_NUMBERS.size));
  const extra = insertion ?? 0;
  if (value >= 1_000_000 || extra >= 1_000) return `${style}:${value}:${extra}`;
  return (styleNumber * 1_000_000 + value) * 1_000 + extra;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

