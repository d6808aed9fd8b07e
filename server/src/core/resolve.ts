/**
 * Resolves a reference's steps ("Article 5" → "paragraph 2") against the clause tree. Clauses are indexed once
 * by style and value, so each reference costs a few map look-ups, not a walk over the tree. Given the text, it also
 * finds paragraphs (款); without it (another file's summary), a step into a paragraph resolves to its clause.
 */
import type { Clause, ReferenceStep, Span } from './model';
import { CHINESE_ANNEX_UNITS, singularWord } from './scan/references';
import { CLOSES_SENTENCE, isHan, isSpace } from './text/chars';
import { decimalPath, romanValue } from './text/numerals';
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
  /** A memo's numbered parts (1. Background, 2. Analysis) by value: what its "section 2" names. */
  private readonly memoSections = new Map<number, Clause>();
  private readonly paragraphCache = new Map<number, Span[]>();
  /** The first and last line of the block each line is in (see blockAt), two per line, -1 until read. */
  private blockBounds: Int32Array | undefined;

  /** Decimal labels by their numbers: "2.3.1". */
  private readonly byDecimal = new Map<string, Clause[]>();
  /** Decimal labels in document order, for ranges across parents ("steps 1.1 to 2.2"). */
  private readonly decimals: Clause[] = [];
  private readonly roots: number[] = [];
  /** Markdown headings without numbers by the unit they name: "Recitals" → recital, "Annex 1 Forms" → annex:1. */
  private readonly headings = new Map<string, Clause>();
  /** Where the part a word names starts, after its lead-in (判决如下：): found once per word. */
  private readonly leadIns = new Map<string, Span | undefined>();
  /** Where 如下 stands in the text, found at the first lead-in looked for. */
  private asFollows: number[] | undefined;
  private readonly hasArticles: boolean;

  /** Whether each clause (by id) is at the top of the numbering: under Markdown headings without numbers or attachments' headings at most. */
  private readonly topLevel: boolean[] = [];

  constructor(private readonly clauses: readonly Clause[], private readonly source?: { text: string; lines: LineIndex }) {
    for (const clause of clauses) {
      const parent = clause.parent === undefined ? undefined : clauses[clause.parent]!;
      // An attachment's parts are at the top of its numbering, as a heading's are ("本规则第二条" in the rules a notice attaches).
      this.topLevel.push(!parent || ((parent.style === 'heading' || parent.style === 'annex') && this.topLevel[parent.id]!));
      if (clause.parent === undefined) this.roots.push(clause.id);
      if (clause.style === 'heading') this.addHeading(clause);
      else if (clause.style === 'annex') this.addAnnex(clause);
      if (clause.style === 'decimal') {
        this.decimals.push(clause);
        const key = clause.label.replace(/\.$/, '');
        const list = this.byDecimal.get(key);
        if (list) list.push(clause);
        else this.byDecimal.set(key, [clause]);
      }
      const key = indexKey(clause.style, clause.value, clause.insertion);
      const list = this.byStyleAndValue.get(key);
      if (list) list.push(clause);
      else this.byStyleAndValue.set(key, [clause]);
      if (this.topLevel[clause.id] && DIVISION_STYLES.has(clause.style) && !this.topLevelByValue.has(clause.value)) {
        this.topLevelByValue.set(clause.value, clause);
      }
      if (this.topLevel[clause.id] && clause.style === 'arabic-dot' && !this.memoSections.has(clause.value)) this.memoSections.set(clause.value, clause);
    }
    this.hasArticles = clauses.some((clause) => clause.kind === 'article');
  }

  /** A heading names a unit by its first word, and its number if one follows ("Annex 1", "Schedule B"); the first wins. */
  private addHeading(heading: Clause): void {
    const [, word, number] = /^([^\s\d]+)(?:\s+([A-Za-z]|\d{1,3}|[IVXLC]+)\b)?/.exec(heading.label) ?? [];
    if (!word) return;
    const key = number ? `${singularWord(word.toLowerCase())}:${headingNumberValue(number)}` : singularWord(word.toLowerCase());
    if (!this.headings.has(key)) this.headings.set(key, heading);
  }

  /**
   * An attachment's heading (附件1, Annex 2: …, 附件) names its unit with its number, 0 when it has none; the bare word
   * finds the first one (the part of the document a scoped step is looked for in). The first of each wins.
   */
  private addAnnex(annex: Clause): void {
    const word = /^(?:附[件表录]|[A-Za-z]+)/.exec(annex.label)?.[0];
    const unit = word && (CHINESE_ANNEX_UNITS.get(word) ?? singularWord(word.toLowerCase()));
    if (!unit) return;
    for (const key of [`${unit}:${annex.value}`, unit]) if (!this.headings.has(key)) this.headings.set(key, annex);
  }

  /**
   * Every clause a reference names: one for most, each of them for 前两条 / "the preceding two Articles", the items that
   * follow for 下列. `at` is where the reference stands.
   */
  resolveAll(steps: readonly ReferenceStep[], at: number): Resolution[] {
    const last = steps[steps.length - 1];
    if (steps.length === 1 && last?.path && last.through) return this.decimalsBetween(last.path, last.through).map((clause) => ({ clause: clause.id, span: undefined }));
    if (steps.length !== 1 || !last?.relative || last.kind === 'paragraph' || (last.value === 1 && last.relative !== 'following')) {
      const one = this.resolve(steps, at);
      return one ? [one] : [];
    }
    return this.relatives(last, at).map((clause) => ({ clause: clause.id, span: undefined }));
  }

  /**
   * `at` is where the reference stands, for relative steps (前款, this Article) and for the item a chain starts from
   * (the nearest one, else the document's first); absent for one from another file.
   */
  resolve(steps: readonly ReferenceStep[], at?: number): Resolution | undefined {
    const nearby = this.resolveFrom(steps, at, at);
    return nearby || steps.length === 1 || steps[0]!.kind !== 'item' || steps[0]!.relative ? nearby : this.resolveFrom(steps, at, undefined);
  }

  private resolveFrom(steps: readonly ReferenceStep[], at: number | undefined, startNear: number | undefined): Resolution | undefined {
    let scope: Clause | undefined;
    let span: Span | undefined;
    for (let index = 0; index < steps.length; index++) {
      const step = steps[index]!;
      // "Article 5(2)": the sub-clause labelled (2) where the article has one, else its second paragraph.
      const written = step.kind === 'paragraph' && step.styles.length > 0 && scope ? this.find(step, scope.span, undefined) : undefined;
      if (written) {
        scope = written;
        span = undefined;
        continue;
      }
      if (step.kind === 'paragraph' && !scope && at !== undefined && isAdjacent(step) && !this.innermost(at, (clause) => clause.kind === 'article')) {
        const blocks = this.source && this.adjacentBlocks(at, step);
        if (!blocks) return undefined;
        ({ clause: scope, span } = blocks);
        continue;
      }
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
      const found = step.relative ? this.relative(step, at!)
        : index === 0 && step.scope ? this.inScope(step, startNear) : this.find(step, scope?.span, index === 0 ? startNear : undefined);
      if (!found) return undefined;
      scope = found;
      span = undefined;
    }
    return scope ? { clause: scope.id, span } : undefined;
  }

  /** 本条 / "this Article": the clause of that kind the reference stands in; 前条 / 下一条: the one numbered before or after it. */
  private relative(step: ReferenceStep, at: number): Clause | undefined {
    const own = this.ownClause(step, at);
    if (!own || step.relative === 'self') return own;
    return this.neighbour(own, step.relative === 'next' ? 1 : -1);
  }

  /** 前两条: the two articles before this one, nearest last; 下列: the items that follow (at most MAX_RELATIVES). */
  private relatives(step: ReferenceStep, at: number): Clause[] {
    if (step.relative === 'following') return this.following(at);
    const own = this.ownClause(step, at);
    if (!own || step.relative === 'self') return own ? [own] : [];
    const found: Clause[] = [];
    const direction = step.relative === 'next' ? 1 : -1;
    for (let distance = Math.min(step.value, MAX_RELATIVES); distance >= 1; distance--) {
      const clause = this.neighbour(own, direction * distance);
      if (clause) found.push(clause);
    }
    return direction > 0 ? found.reverse() : found;
  }

  /** The clause of the step's kind (or, for a list's item, of one of its styles) the offset stands in. */
  private ownClause(step: ReferenceStep, at: number): Clause | undefined {
    if (step.kind === 'item') return this.innermost(at, (clause) => step.styles.includes(clause.style));
    // 前条 in a document without articles (an explanation numbered 一、二、): the part it stands in is its article.
    if (step.kind === 'article' && !this.hasArticles) return this.innermost(at, (clause) => this.topLevel[clause.id]! && clause.style !== 'heading' && clause.style !== 'annex');
    return this.innermost(at, (clause) => clause.kind === step.kind) ?? (step.kind === 'clause' ? this.innermost(at, () => true) : undefined);
  }

  /** The clause of `own`'s style numbered `offset` away: before it (the last such) or after it (the first). */
  private neighbour(own: Clause, offset: number): Clause | undefined {
    // 2.1.3 → 2.1.2: a decimal's neighbour has its parent's numbers.
    const list = (own.style === 'decimal' ? this.byDecimal.get(siblingNumber(own.label, offset))
      : this.byStyleAndValue.get(indexKey(own.style, own.value + offset, undefined))) ?? [];
    if (offset < 0) {
      const before = list[lastAtOrBefore(list, own.span.start - 1, (clause) => clause.span.start)];
      return before && before.span.end <= own.span.start ? before : undefined;
    }
    return list[lastAtOrBefore(list, own.span.end, (clause) => clause.span.start) + 1];
  }

  /**
   * 有下列情形之一的：the clauses labelled right after the sentence that says 下列, and their siblings that follow.
   * None when a sentence ends first (the list is elsewhere).
   */
  private following(at: number): Clause[] {
    const first = this.clauses[lastAtOrBefore(this.clauses, at, (clause) => clause.span.start) + 1];
    if (!first || !this.source || first.labelSpan.start - at > MAX_LEAD_IN || hasSentenceEnd(this.source.text, at, first.labelSpan.start)) return [];
    // Sibling ids are in document order: the first's place is found by binary search.
    const siblings = first.parent === undefined ? this.roots : this.clauses[first.parent]!.children;
    const index = lastAtOrBefore(siblings, first.id, (id) => id);
    return siblings.slice(index, index + MAX_RELATIVES).map((id) => this.clauses[id]!);
  }

  /**
   * The clause a step names: inside `scope` if given; else, for a lone item reference ("第（二）项"), the one in
   * the clause the reference stands in if there is one there; else the first in the document.
   */
  private find(step: ReferenceStep, scope: Span | undefined, at: number | undefined): Clause | undefined {
    const lists = this.candidates(step);
    if (scope) return firstFound(lists, (list) => firstInside(list, scope));
    if (at !== undefined && step.kind === 'item' && lists.length > 0) {
      const article = this.innermost(at, (clause) => clause.kind === 'article');
      const local = firstFound(lists, (list) => this.nearest(list, at, article));
      if (local) return local;
      // In a law, 第（二）项 means an item of the article it stands in: another article's item is not it.
      if (article) return undefined;
    }
    const first = lists[0]?.[0];
    if (first) return first;
    // "本通知第五条" in a notice numbered 一、二、…, "Section III" or "Clause (III)" of it in a translation's words:
    // the third top-level division. (A step with no styles names no label: "Annex 1" is an attachment's heading.)
    if (!BY_DIVISION.has(step.kind) || step.insertion !== undefined || step.path || step.styles.length === 0) return undefined;
    const division = this.topLevelByValue.get(step.value);
    const section = step.kind === 'section' ? this.memoSections.get(step.value) : undefined;
    // "section 2" of a memo numbered 1. 2. with a list (I) (II) later: the one the document reaches first.
    return section && (!division || section.span.start < division.span.start) ? section : division;
  }

  /**
   * A step in the part of the document its word names: the heading that names the unit with its number ("## Annex
   * 1"); else inside the heading that names the unit ("## Recitals") or after the lead-in that names it (判决如下：);
   * else where any step is.
   */
  private inScope(step: ReferenceStep, at: number | undefined): Clause | undefined {
    const word = step.scope!;
    const named = step.path ? undefined : this.headings.get(`${word}:${step.value}`);
    if (named) return named;
    const region = this.headings.get(word)?.span ?? this.leadIn(word);
    // 本意见第（二）项 names the document's own （二）, wherever the reference stands; "Recital (C)", the nearest (C).
    return (region && this.find(step, region, undefined)) || this.find(step, undefined, isHan(word.charCodeAt(0)) ? undefined : at);
  }

  /** The clauses after "X如下：" (判决如下：一、…二、…), to the end of the clause they are in; once per word. */
  private leadIn(word: string): Span | undefined {
    if (!this.source || !isHan(word.charCodeAt(0))) return undefined;
    if (!this.leadIns.has(word)) {
      const text = this.source.text;
      const at = this.firstBeforeAsFollows(word);
      const first = at < 0 ? undefined : this.clauses[lastAtOrBefore(this.clauses, at, (clause) => clause.span.start) + 1];
      const parent = first?.parent === undefined ? undefined : this.clauses[first.parent];
      this.leadIns.set(word, first ? { start: at, end: parent ? parent.span.end : text.length } : undefined);
    }
    return this.leadIns.get(word);
  }

  /**
   * Where `word` first stands right before 如下 (what indexOf of word + 如下 finds): each word a document's references
   * scope is looked for among the places of 如下, found once, not in the whole text again.
   */
  private firstBeforeAsFollows(word: string): number {
    const text = this.source!.text;
    this.asFollows ??= allIndexesOf(text, '如下');
    for (const at of this.asFollows) if (at >= word.length && text.startsWith(word, at - word.length)) return at - word.length;
    return -1;
  }

  /**
   * The decimal clauses numbered strictly between two numbers at one depth, in document order: at most MAX_RELATIVES,
   * looked for among the next few decimals (deeper ones lie between), so a range costs a bounded look-up.
   */
  private decimalsBetween(from: readonly number[], to: readonly number[]): Clause[] {
    const first = this.byDecimal.get(from.join('.'))?.[0];
    const last = first && this.byDecimal.get(to.join('.'))?.find((clause) => clause.span.start > first.span.start);
    if (!first || !last) return [];
    const found: Clause[] = [];
    const start = lastAtOrBefore(this.decimals, first.span.start, (clause) => clause.span.start) + 1;
    for (let i = start; i < this.decimals.length && i < start + MAX_RANGE_SCAN; i++) {
      const clause = this.decimals[i]!;
      if (clause === last) return found;
      if (decimalPath(clause.label.replace(/\.$/, '')).length === from.length && found.push(clause) > MAX_RELATIVES) break;
    }
    return [];
  }

  /**
   * The clause of `list` nearest to offset `at`, inside `around` (the article it stands in; else the whole document):
   * "paragraph (7)" written in (d)(6)(B) is (d)(7), not the (7) of (a) earlier in the section; "items 1 and 2" under a
   * heading, that heading's list. Tried in each clause around `at`, innermost first.
   */
  private nearest(list: Clause[], at: number, around: Clause | undefined): Clause | undefined {
    for (let clause = this.innermost(at, () => true); clause; clause = clause.parent === undefined ? undefined : this.clauses[clause.parent]) {
      const found = firstInside(list, clause.span);
      if (found || clause === around) return found;
    }
    return undefined;
  }

  /**
   * The clauses a step may name, by label style, the preferred first. An ambiguous (i), (v) or (x) names the Roman
   * item first and then the letter ((i) after (h)); a decimal, the clauses written with its numbers.
   */
  private candidates(step: ReferenceStep): Clause[][] {
    if (step.path) return [this.byDecimal.get(step.path.join('.')) ?? []];
    const lists: Clause[][] = [];
    for (let index = 0; index < step.styles.length; index++) {
      const style = step.styles[index]!;
      this.addCandidates(lists, style, step.value, step.insertion);
      const letter = index === 0 ? LETTER_READING[style] : undefined;
      const letterValue = letter && AMBIGUOUS_LETTERS.get(step.value);
      if (letter && letterValue) this.addCandidates(lists, letter, letterValue, step.insertion);
    }
    return lists;
  }

  private addCandidates(lists: Clause[][], style: string, value: number, insertion: number | undefined): void {
    const list = this.byStyleAndValue.get(indexKey(style, value, insertion));
    if (list) lists.push(list);
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
    if (step.relative === 'previous' || step.relative === 'next') {
      const current = lastAtOrBefore(paragraphs, at!, (paragraph) => paragraph.start);
      const count = step.value;
      if (current < 0 || at! > paragraphs[current]!.end) return undefined;
      const [first, last] = step.relative === 'previous' ? [current - count, current - 1] : [current + 1, current + count];
      if (first < 0 || last >= paragraphs.length) return undefined;
      return { start: paragraphs[first]!.start, end: paragraphs[last]!.end };
    }
    return paragraphs[step.value - 1];
  }

  /**
   * "The preceding paragraph", 前两款 where no article counts paragraphs (a memo, an explanation): the paragraphs are
   * blocks of lines, ended by a blank line, a labelled line, or a line that ends a Chinese sentence; a heading (`##
   * Analysis`, or a label line without a sentence before a blank line or a label: "2. Analysis") is no paragraph.
   * Where the paragraphs are numbered ("1. The Company …"), the previous block is the previous item. The block is
   * named with the innermost clause it is in; none when no clause holds it.
   */
  private adjacentBlocks(at: number, step: ReferenceStep): { clause: Clause; span: Span } | undefined {
    const { lines } = this.source!;
    const direction = step.relative === 'next' ? 1 : -1;
    let block = this.blockAt(lines.lineOf(at));
    let span: Span | undefined;
    for (let count = 0; count < step.value; count++) {
      let line = direction < 0 ? block[0] - 1 : block[1] + 1;
      for (let skipped = 0; line >= 0 && line < lines.lineCount && (this.isBlankLine(line) || this.isHeadingLine(line)); skipped++, line += direction) {
        if (skipped === MAX_BLOCK_LINES) return undefined;
      }
      if (line < 0 || line >= lines.lineCount) return undefined;
      block = this.blockAt(line);
      const found = { start: lines.lineStart(block[0]), end: lines.lineEnd(block[1]) };
      span = span ? { start: Math.min(span.start, found.start), end: Math.max(span.end, found.end) } : found;
    }
    const clause = span && this.innermost(span.start, () => true);
    return clause && span ? { clause, span } : undefined;
  }

  /**
   * The first and last lines of the block of lines `line` (not blank) is in. Every line of a block has the same bounds:
   * they are kept for each, so that each block is read once however many references stand in it (a text of nothing
   * but 前款 costs a pass, not a walk of the block per reference).
   */
  private blockAt(line: number): [number, number] {
    const { lines } = this.source!;
    const bounds = (this.blockBounds ??= new Int32Array(lines.lineCount * 2).fill(-1));
    if (bounds[line * 2]! >= 0) return [bounds[line * 2]!, bounds[line * 2 + 1]!];
    let first = line;
    while (first > 0 && !this.startsClause(first) && !this.endsBlock(first - 1)) first--;
    let last = line;
    while (last + 1 < lines.lineCount && !this.startsClause(last + 1) && !this.isBlankLine(last + 1) && !this.endsBlock(last)) last++;
    for (let inside = first; inside <= last; inside++) bounds.set([first, last], inside * 2);
    return [first, last];
  }

  /** A blank line, a heading, and a line that ends a Chinese sentence end a block. */
  private endsBlock(line: number): boolean {
    return this.isBlankLine(line) || this.isHeadingLine(line) || /[。；：！？]\s*$/.test(this.source!.lines.lineText(line));
  }

  private startsClause(line: number): boolean {
    const start = this.source!.lines.lineStart(line);
    return this.clauses[lastAtOrBefore(this.clauses, start, (clause) => clause.span.start)]?.span.start === start;
  }

  private isBlankLine(line: number): boolean {
    const { text, lines } = this.source!;
    return isBlank(text, lines.lineStart(line), lines.lineEnd(line));
  }

  /** A Markdown heading, or a short label line without a sentence: "2. Analysis", 一、修订背景. */
  private isHeadingLine(line: number): boolean {
    const { lines } = this.source!;
    const lineText = lines.lineText(line).trim();
    if (lineText.startsWith('#')) return true;
    return this.startsClause(line) && lineText.length <= MAX_HEADING_LINE && !/[。.；;:：!?！？，,]/.test(lineText.replace(/^[^\s、]*[.．、]/, ''));
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

/** A paragraph (a block of lines) is looked for at most this many lines away. */
const MAX_BLOCK_LINES = 200;
/** A label line at most this long, without a sentence, is a heading ("2. Analysis"), not a paragraph. */
const MAX_HEADING_LINE = 40;

/** 前款, 下一款, "the preceding paragraph": a step to the paragraphs before or after the one it stands in. */
function isAdjacent(step: ReferenceStep): boolean {
  return step.relative === 'previous' || step.relative === 'next';
}

/** A relative reference names at most this many clauses (前五条; 下列 before a long list). */
const MAX_RELATIVES = 30;
/** A range of decimals is looked for among this many decimal clauses after its first end (its members and theirs). */
const MAX_RANGE_SCAN = 8 * MAX_RELATIVES;
/** 下列 and the list it announces stand in one sentence of at most this many characters. */
const MAX_LEAD_IN = 300;

/** The letter a Roman-looking (i), (v), (x) — or (I), (V), (X) — is when it is not Roman: the ninth, 22nd, 24th. */
const LETTER_READING: Partial<Record<string, string>> = { 'paren-lower-roman': 'paren-lower-alpha', 'paren-roman': 'paren-upper-alpha' };
const AMBIGUOUS_LETTERS = new Map([[1, 9], [5, 22], [10, 24]]);

/** Whether a sentence ends (。 ； . ;) in [start, end). */
function hasSentenceEnd(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3002 || code === 0xff1b || code === 0x3b || (code === 0x2e && isSpace(text.charCodeAt(i + 1)))) return true;
  }
  return false;
}

/** The first clause a look-up finds, trying the lists in order (a reference's preferred label style first). */
function firstFound(lists: Clause[][], lookUp: (list: Clause[]) => Clause | undefined): Clause | undefined {
  for (const list of lists) {
    const found = lookUp(list);
    if (found) return found;
  }
  return undefined;
}

/** The first clause of a list (in document order) that lies inside `scope` (a clause's span, or a part), by binary search. */
function firstInside(list: Clause[], scope: Span): Clause | undefined {
  const after = lastAtOrBefore(list, scope.start, (clause) => clause.span.start) + 1;
  const candidate = list[after];
  return candidate && candidate.span.end <= scope.end ? candidate : undefined;
}

/** 2.1.3 and -1 → "2.1.2": the number of a decimal's sibling `offset` away. */
function siblingNumber(label: string, offset: number): string {
  const path = decimalPath(label.replace(/\.$/, ''));
  path[path.length - 1]! += offset;
  return path.join('.');
}

/** The number of a heading that names a unit: 1, IV or B. */
function headingNumberValue(number: string): number {
  if (/^\d+$/.test(number)) return Number(number);
  return (number.length > 1 || /[IVXivx]/.test(number) ? romanValue(number.toUpperCase()) : undefined) ?? number.toLowerCase().charCodeAt(0) - 96;
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

/** Every offset where `needle` stands in `text`, by the native search. */
function allIndexesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

