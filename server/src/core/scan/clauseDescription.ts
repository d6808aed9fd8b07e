/**
 * A clause's title and first sentence, read from the text after its label (or the next line) when a feature asks for
 * the clause: a text of a million labels describes none of them unless asked.
 */
import type { Span } from '../model';
import { isHighSurrogate, isInvisible, isSpace } from '../text/chars';

/** Where a line's text starts: past its spaces and invisible characters (`end` for a blank line). */
export function firstNonSpace(text: string, start: number, end: number): number {
  let index = start;
  while (index < end && (isSpace(text.charCodeAt(index)) || isInvisible(text.charCodeAt(index)))) index++;
  return index;
}

/** A title is a short first sentence; a label's whole line (a heading) may be longer. */
const TITLE_MAX = 60;
export const HEADING_MAX = 120;
const SENTENCE_MAX = 300;

/**
 * How much text after a label its title and first sentence can need: the first sentence is cut at SENTENCE_MAX, and
 * every decision about the title is made within it. Reading no further keeps a label on a line of megabytes cheap.
 */
const DESCRIPTION_WINDOW = SENTENCE_MAX + 1;

export interface Description {
  title: string;
  firstSentence: string;
}

const UNDESCRIBED: Description = { title: '', firstSentence: '' };

/**
 * A clause's title and first sentence, from the text after its label (`labelEnd` to `lineEnd`, its line's end), or
 * from the next line (`next`, the line's text after its leading spaces, when it is prose: not blank, no label) if
 * the label stands alone or its first sentence is wrapped. A Markdown heading (`heading`) is described otherwise.
 */
export function describeClause(text: string, labelEnd: number, lineEnd: number, heading: boolean, next: Span | undefined): Description {
  let bodyStart = labelEnd;
  while (bodyStart < lineEnd && isLabelPunctuationOrSpace(text.charCodeAt(bodyStart))) bodyStart++;
  const bodyEnd = Math.min(lineEnd, bodyStart + DESCRIPTION_WINDOW);
  if (bodyStart === bodyEnd && !next) return UNDESCRIBED; // a label alone: no title, no first sentence
  if (heading) return describeHeading(text.slice(bodyStart, bodyEnd), next && text.slice(next.start, Math.min(next.end, next.start + DESCRIPTION_WINDOW)));
  // Most labels have their first sentence on their own line: it is read in place, and only the parts kept are sliced.
  const sentenceEnd = firstSentenceEnd(text, bodyStart, bodyEnd);
  if ((bodyStart === bodyEnd || sentenceEnd < 0) && next) {
    const nextText = text.slice(next.start, Math.min(next.end, next.start + DESCRIPTION_WINDOW)).trim();
    const body = joinWrapped(text.slice(bodyStart, bodyEnd), nextText);
    return describeBody(body, firstSentenceEnd(body, 0, body.length), false);
  }
  return describeBody(text.slice(bodyStart, sentenceEnd < 0 ? bodyEnd : sentenceEnd + 1), sentenceEnd < 0 ? -1 : sentenceEnd - bodyStart, !next);
}

/**
 * A clause's first sentence and title from its body (`sentenceEnd`: the offset in it of the mark that ends the
 * first sentence, or -1). A line without a sentence end, followed by nothing or a label, is a heading: it may be longer.
 */
function describeBody(body: string, sentenceEnd: number, mayBeHeading: boolean): Description {
  const sentence = sentenceEnd < 0 ? body : body.slice(0, sentenceEnd);
  const firstSentence = truncate(sentenceEnd < 0 ? body : body.slice(0, sentenceEnd + 1), SENTENCE_MAX);
  const limit = sentenceEnd < 0 && mayBeHeading ? HEADING_MAX : TITLE_MAX;
  return { title: sentence.length <= limit ? sentence.trim() : truncate(sentence, TITLE_MAX), firstSentence };
}

/**
 * A Markdown heading's title is the rest of its line (`## 3. Risks ##` → "Risks"), never the next line's text; its
 * first sentence is the first sentence of the prose under it, or the title when none follows.
 */
function describeHeading(body: string, next: string | undefined): Description {
  const title = truncate(body.replace(/[ \t]+#+[ \t]*$|^#+[ \t]*$/, '').replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim(), HEADING_MAX);
  const sentenceEnd = next === undefined ? -1 : firstSentenceEnd(next, 0, next.length);
  return { title, firstSentence: next === undefined ? title : truncate(sentenceEnd < 0 ? next : next.slice(0, sentenceEnd + 1), SENTENCE_MAX) };
}

/** What stands between a label and its text: spaces, and the punctuation of 一、 or "1:". */
function isLabelPunctuationOrSpace(code: number): boolean {
  return isSpace(code) || code === 0x2e || code === 0xff0e || code === 0x3a || code === 0xff1a || code === 0x3001;
}

/** Joins a line wrapped mid-sentence to the next: with a space between Latin words, with nothing between CJK. */
function joinWrapped(first: string, second: string): string {
  if (first.length === 0) return second;
  return /[A-Za-z0-9,;]$/.test(first) && /^[A-Za-z0-9(]/.test(second) ? `${first} ${second}` : first + second;
}

/**
 * Where the first sentence in text[start, end) ends: 。 ！ ？ ； ：, or . ; : before a space (or at `end`), but not the
 * full stop of "No." or "Art."; -1 if none does.
 */
function firstSentenceEnd(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    // The native search jumps to the next mark (a line break, or DESCRIPTION_WINDOW code units, ends its reach).
    BEFORE_SENTENCE_MARK.lastIndex = i;
    BEFORE_SENTENCE_MARK.test(text);
    i = BEFORE_SENTENCE_MARK.lastIndex;
    if (i >= end) return -1;
    const code = text.charCodeAt(i);
    if (code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b || code === 0xff1a) return i;
    if (code !== 0x2e && code !== 0x3b && code !== 0x3a) continue;
    if (i + 1 === end || isSpace(text.charCodeAt(i + 1))) {
      if (code !== 0x2e || !ABBREVIATION_BEFORE_STOP.test(text.slice(Math.max(start, i - 5), i))) return i;
    }
  }
  return -1;
}

/** The code units before the next 。 ！ ？ ； ： . ; : or line break, at most a description's window of them. */
const BEFORE_SENTENCE_MARK = new RegExp(`[^。！？；：.;:\\n\\r]{0,${DESCRIPTION_WINDOW}}`, 'y');

const ABBREVIATION_BEFORE_STOP = /\b(?:No|Nos|Art|Arts|para|e\.g|i\.e|Co|Ltd|Inc|U\.S|[A-Z])$/;

/** Cuts text to about `max` code units, at a word boundary for Latin text, with an ellipsis; never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text.trim();
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  let cut = text.slice(0, end);
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > max * 0.6 && /[A-Za-z]/.test(cut[max - 1] ?? '')) cut = cut.slice(0, lastSpace);
  return cut.trimEnd() + '…';
}

