/**
 * Whether a banned term found in text is used, cited or mentioned:
 * - a *citation* stands in an official title: quoted (《关于…虚拟货币…的通知》, "Notice on … Virtual Currency …", any
 *   quote followed by a document number) or unquoted in English Title Case that starts with a kind of document or
 *   ends with one ("the Notice on … Virtual Currency and Others (Yinfa [2026] No. 42)", "Stablecoins Ordinance");
 * - a *mention* stands in quotes in a sentence that talks about words ("terms such as "RWA"", 含有“稳定币”等字样);
 * - anything else is a *use*, and only uses are reported. A quoted term in a business scope is a use.
 */
import type { BannedTermContext } from '../model';
import { ENGLISH_DOCUMENT_TYPE } from './documentTypes';
import { enclosingQuote, isTitleQuote, type QuoteSpan } from './quotes';

/** What the context decision needs to know about the text around a term. Offsets are folded. */
export interface TermSurroundings {
  text: string;
  quotes: readonly QuoteSpan[];
  /** Whether a document number starts within a few characters after folded offset `offset`. */
  noticeNumberFollows(offset: number): boolean;
}

export function bannedTermContext(around: TermSurroundings, start: number, end: number): BannedTermContext {
  const quote = enclosingQuote(around.quotes, start, end);
  if (!quote) return isInUnquotedTitle(around, start, end) ? 'citation' : 'use';
  if (quote.kind === 'book-title') return 'citation';
  const inner = around.text.slice(quote.start + 1, quote.end - 1);
  if (isTitleQuote(inner) || around.noticeNumberFollows(quote.end)) return 'citation';
  return inner.length <= MAX_QUOTED_WORDS && sentenceTalksAboutWords(around.text, quote) ? 'mention' : 'use';
}

const MAX_QUOTED_WORDS = 60;
const SENTENCE_REACH = 200;
const SENTENCE_BOUNDARY = /[。！？；!?;\n]|\.(?=\s)/;
/** Words that introduce words as words: "terms such as", "the word", "shall not contain", 字样, 含有, 表述. */
const TALKS_ABOUT_WORDS = /\b(?:terms?|words?|wording|expressions?|phrases?)\b|\b(?:not|never)\s+(?:contain|include|use)\b|字样|字眼|含有|使用|等内容|词语|表述|用语/i;

function sentenceTalksAboutWords(text: string, quote: QuoteSpan): boolean {
  let from = quote.start;
  while (from > 0 && quote.start - from < SENTENCE_REACH && !SENTENCE_BOUNDARY.test(text[from - 1]!)) from--;
  let to = quote.end;
  while (to < text.length && to - quote.end < SENTENCE_REACH && !SENTENCE_BOUNDARY.test(text.slice(to, to + 2))) to++;
  return TALKS_ABOUT_WORDS.test(text.slice(from, quote.start)) || TALKS_ABOUT_WORDS.test(text.slice(quote.end, to));
}

const TITLE_CONNECTORS = new Set(['of', 'and', 'on', 'for', 'the', 'to', 'with', 'in', 'concerning', 'regarding', 'against', 'by', 'at', 'from', 'under', 'its', 'their', 'a', 'an', 'or']);
const DOCUMENT_TYPE_WORD = new RegExp(`^(?:${ENGLISH_DOCUMENT_TYPE}|Ordinance|Act|Code|Directive)$`);
const TITLE_WORD = /^[A-Z][\w'’-]*$/;

/** "the Notice on … Virtual Currency and Others (Yinfa [2026] No. 42)": a Title Case run that is a document title. */
function isInUnquotedTitle(around: TermSurroundings, start: number, end: number): boolean {
  const text = around.text;
  if (!/[A-Z]/.test(text[start] ?? '')) return false;
  const before = wordsBackward(text, start);
  const after = wordsForward(text, end);
  const run = [...before, ...after.words];
  const first = run.find((word) => !TITLE_CONNECTORS.has(word));
  const last = [...run].reverse().find((word) => !TITLE_CONNECTORS.has(word));
  const startsAsTitle = first !== undefined && DOCUMENT_TYPE_WORD.test(first) && before.length > 0;
  const endsAsTitle = last !== undefined && DOCUMENT_TYPE_WORD.test(last) && after.words.length > 0;
  const numbered = text.startsWith(' (', after.end) && around.noticeNumberFollows(after.end);
  return startsAsTitle || endsAsTitle || (numbered && run.filter((word) => TITLE_WORD.test(word)).length >= 3);
}

/** The Title Case words (and connectors) written just before `position`, in reading order. */
function wordsBackward(text: string, position: number): string[] {
  const words: string[] = [];
  let end = position;
  while (end > 0 && position - end < SENTENCE_REACH) {
    if (text[end - 1] !== ' ') break;
    let start = end - 1;
    while (start > 0 && /[\w'’-]/.test(text[start - 1]!)) start--;
    const word = text.slice(start, end - 1);
    if (!(TITLE_WORD.test(word) || TITLE_CONNECTORS.has(word))) break;
    words.unshift(word);
    end = start;
  }
  while (words.length > 0 && TITLE_CONNECTORS.has(words[0]!)) words.shift();
  return words;
}

/** The Title Case words (and connectors) written just after `position`; `end` is where the last such word ends. */
function wordsForward(text: string, position: number): { words: string[]; end: number } {
  const words: string[] = [];
  let end = position;
  let cursor = position;
  while (cursor < text.length && cursor - position < SENTENCE_REACH) {
    const match = /^ ?([\w'’-]+)/.exec(text.slice(cursor, cursor + 40));
    if (!match || !(TITLE_WORD.test(match[1]!) || TITLE_CONNECTORS.has(match[1]!))) break;
    cursor += match[0].length;
    words.push(match[1]!);
    if (!TITLE_CONNECTORS.has(match[1]!)) end = cursor;
  }
  while (words.length > 0 && TITLE_CONNECTORS.has(words[words.length - 1]!)) words.pop();
  return { words, end };
}
