/**
 * Where sentences end, in folded text (one rule for every recogniser that needs one): at 。 ！ ？ ； ! ? ; and at a
 * hard break (a blank line, folded to "\n"); at a full stop followed by a space or the end of the text, unless it
 * ends an abbreviation ("No. 768", "Art. 5", "e.g.", "U.S. Dollars", "Cap. 571"), a company's legal form ("Acme Co.,
 * Ltd.", "TokenBridge Pte. Ltd.", "Foo Sdn. Bhd.": a name goes on after them far more often than a sentence ends) or
 * an initial.
 */
import { lastAtOrBefore } from './search';

/** 。 ！ ？ ； ! ? ; and the hard break, as a table: one look-up per code unit asked about. */
const ENDS_SENTENCE: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const char of '。！？；!?;\n') table[char.charCodeAt(0)] = 1;
  return table;
})();
const ABBREVIATION_BEFORE = /(?:\b(?:No|Nos|Art|Arts|para|paras|e\.g|i\.e|etc|Cap|cf|vs|St|Mr|Ms|Dr|Co|Cos|Ltd|Ltda|Inc|Corp|Pte|Pty|Pvt|Plc|Sdn|Bhd|Hldgs|Intl|Mfg|Bros)|\b[A-Z]|\.[A-Z])$/;
/** The longest abbreviation above, with its leading boundary: how far back the test for one looks. */
const ABBREVIATION_REACH = 6;

/** Whether the character at `index` ends a sentence. */
export function endsSentenceAt(text: string, index: number): boolean {
  // Outside the text, charCodeAt is NaN: no sentence end.
  const code = text.charCodeAt(index);
  if (ENDS_SENTENCE[code] === 1) return true;
  if (code !== 0x2e) return false;
  const next = text.charCodeAt(index + 1);
  if (index + 1 < text.length && next !== 0x20 && next !== 0x0a) return false;
  return !ABBREVIATION_BEFORE.test(text.slice(Math.max(0, index - ABBREVIATION_REACH), index));
}

/** Whether a sentence also breaks just before a folded offset (a new table row, list item or log line). */
export type BreaksBefore = (offset: number) => boolean;

const NEVER: BreaksBefore = () => false;

/** Where the sentence containing `offset` starts: after the previous sentence end, at most `reach` back. */
export function sentenceStartBefore(text: string, offset: number, reach: number, breaksBefore: BreaksBefore = NEVER): number {
  let start = offset;
  while (start > 0 && offset - start < reach && !endsSentenceAt(text, start - 1) && !breaksBefore(start)) start--;
  return start;
}

/** Where the sentence containing `offset` ends: just after its sentence end, at most `reach` on. */
export function sentenceEndAfter(text: string, offset: number, reach: number, breaksBefore: BreaksBefore = NEVER): number {
  let end = offset;
  while (end < text.length && end - offset < reach) {
    if (endsSentenceAt(text, end)) return end + 1;
    end++;
    if (breaksBefore(end)) return end;
  }
  return end;
}

/**
 * Sentence bounds around offsets asked in increasing order (the verbs of a text, in order), answered as
 * sentenceStartBefore and sentenceEndAfter do: where a sentence may start (after a sentence end, at a break, at 0) is
 * tested once per code unit over all the questions, so a run of verbs with no sentence end between them costs a pass,
 * not `reach` code units each way per verb. A question out of order is answered by those functions.
 */
export class ForwardSentenceBounds {
  /** Where a sentence may start, among the offsets tested, [from, tested), in order. */
  private readonly cuts: number[] = [];
  private from = 0;
  private tested = 0;

  constructor(private readonly text: string, private readonly reach: number, private readonly breaksBefore: BreaksBefore = NEVER) {}

  startBefore(offset: number): number {
    const low = Math.max(0, offset - this.reach);
    if (low < this.from) return sentenceStartBefore(this.text, offset, this.reach, this.breaksBefore);
    this.testThrough(low, offset);
    const cut = this.cuts[lastAtOrBefore(this.cuts, offset, (value) => value)];
    return cut !== undefined && cut >= low ? cut : low;
  }

  endAfter(offset: number): number {
    const low = Math.max(0, offset - this.reach);
    if (low < this.from) return sentenceEndAfter(this.text, offset, this.reach, this.breaksBefore);
    const limit = Math.min(this.text.length, offset + this.reach);
    this.testThrough(low, offset);
    const known = this.cuts[lastAtOrBefore(this.cuts, offset, (value) => value) + 1];
    if (known !== undefined) return Math.min(known, limit);
    while (this.tested <= limit) {
      const at = this.tested++;
      if (this.isCut(at)) {
        this.cuts.push(at);
        return at;
      }
    }
    return limit;
  }

  /** Tests every offset up to `high`; from `low` on when nothing was tested as far as `low` (the offsets before are never asked about again). */
  private testThrough(low: number, high: number): void {
    if (low > this.tested) {
      this.from = this.tested = low;
      this.cuts.length = 0;
    }
    for (; this.tested <= high; this.tested++) if (this.isCut(this.tested)) this.cuts.push(this.tested);
  }

  private isCut(offset: number): boolean {
    return offset === 0 || endsSentenceAt(this.text, offset - 1) || this.breaksBefore(offset);
  }
}

/** What begins a line that is a line of its own, not a wrapped sentence: a table row, a list item, a log line, a label. */
const STARTS_OWN_LINE = /^(?:[|\-*+#>[(（第]|\d{1,3}[.．、)）](?!\d))/;
/** Enough of a line's start to tell (a list number and its mark). */
const LINE_START_REACH = 5;

/**
 * Line breaks that end a sentence though no full stop does: before a line that starts a table row, list item, log
 * entry or clause, and after a table row. A sentence wrapped over lines of prose goes on.
 */
export function structuralBreaks(text: string, lineBreakBefore: (offset: number) => boolean): BreaksBefore {
  return (offset) => offset > 0 && offset < text.length && lineBreakBefore(offset) &&
    (STARTS_OWN_LINE.test(text.slice(offset, offset + LINE_START_REACH)) || text[offset - 1] === '|' || (text[offset - 1] === ' ' && text[offset - 2] === '|'));
}
