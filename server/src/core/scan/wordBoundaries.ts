/**
 * Whether a Chinese dictionary hit straddles a word boundary: 虚拟资产负债表 holds the characters of 虚拟资产, but reads
 * 虚拟 + 资产负债表 (a "virtual balance sheet"). Chinese has no spaces, so the word segmenter built into the runtime
 * (ICU's, as `Intl.Segmenter`) tells: it reads 虚拟|资产负债|表 there and 虚拟|资产|交易 in 虚拟资产交易.
 *
 * The rule: a hit is not the term when a word of the text swallows a whole word at the edge of the term and runs
 * past it (资产 into 资产负债, 币 into 币值 in 稳定币值, "stabilise the currency's value"). A word that crosses the
 * edge *inside* a word of the term (资|产业 in a mangled 银行虚拟资产业) is the segmenter losing the term, not the text
 * meaning something else: the hit stays. Where the segmenter reads the term's edge as single characters with no word
 * next to them (代|币|化 in 现实世界资产代币化: it does not know 代币化), its joining the last one to the next character
 * (化合, 化成, 化解) is no evidence, and the hit stays too.
 *
 * Measured by inserting each Chinese banned term at 15,932 word boundaries sampled from the Chinese corpus
 * (95,592 contexts): 13 are dropped, all 稳定币值 / 稳定币制 ("stabilise the currency value / system"); no hit of the
 * corpus itself is lost.
 */
import { isHan } from '../text/chars';

/**
 * How many Han characters on each side of a hit the segmenter sees. ICU picks the cheapest split of a run by its
 * dictionary's word costs, so what it does at an edge depends on the words next to it; those words are rarely longer
 * than four characters, and eight is two of them. (The segmenter's cost grows with the run it is given, and the
 * whole paragraph can be long: the window keeps each call small. On the measurement above, windows of three
 * characters already decide as the whole paragraph does.)
 */
const WINDOW = 8;

let segmenter: Intl.Segmenter | undefined;
/**
 * Decisions by window (and the term's place in it): a document repeats its phrases (虚拟货币交易炒作 twenty times in
 * one notice), and a segmenter call costs some microseconds. Cleared when full, so it stays small.
 */
const decided = new Map<string, boolean>();
const MAX_DECIDED = 4096;
/** Each term's own words, by the term's text: a handful of entries, one per Chinese form met. */
const termWordsCache = new Map<string, readonly Span[]>();

interface Span {
  start: number;
  end: number;
}

/** Whether the Chinese hit [start, end) of `text` reads, in its context, as parts of other words. */
export function straddlesChineseWord(text: string, start: number, end: number): boolean {
  // A runtime without the segmenter (never Node or VS Code, which ship full ICU) keeps every hit.
  if (!isHan(text.charCodeAt(start)) || typeof Intl.Segmenter !== 'function') return false;
  const hanBefore = start > 0 && isHan(text.charCodeAt(start - 1));
  const hanAfter = end < text.length && isHan(text.charCodeAt(end));
  if (!hanBefore && !hanAfter) return false;
  let from = start;
  while (from > 0 && start - from < WINDOW && isHan(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < WINDOW && isHan(text.charCodeAt(to))) to++;
  const window = text.slice(from, to);
  const key = `${start - from}:${end - from}:${window}`;
  let straddles = decided.get(key);
  if (straddles === undefined) {
    straddles = windowStraddles(window, start - from, end - from);
    if (decided.size >= MAX_DECIDED) decided.clear();
    decided.set(key, straddles);
  }
  return straddles;
}

/** straddlesChineseWord on the window alone: the term is [start, end) of `window`. */
function windowStraddles(window: string, start: number, end: number): boolean {
  const term = wordsOf(window.slice(start, end));
  if (term.length === 0) return false;
  const segments = segmenterFor().segment(window);
  if (end < window.length) {
    const crossing = segments.containing(end);
    const last = term[term.length - 1]!;
    // The crossing word starts where the term's last word starts: it swallows that word whole.
    if (crossing && crossing.index < end && crossing.index === start + last.start && isSwallowable(term, term.length - 1)) return true;
  }
  if (start > 0) {
    const crossing = segments.containing(start - 1);
    const first = term[0]!;
    if (crossing && crossing.index + crossing.segment.length === start + first.end && isSwallowable(term, 0)) return true;
  }
  return false;
}

/**
 * Whether the segmenter knows the term's word at `index` (at an edge) well enough for its being swallowed to mean
 * something: a word of two or more characters, or one character next to such a word (稳定|币, not 代|币|化).
 */
function isSwallowable(words: readonly Span[], index: number): boolean {
  const length = (span: Span | undefined) => (span ? span.end - span.start : 0);
  const neighbour = index === 0 ? words[1] : words[index - 1];
  return length(words[index]) >= 2 || length(neighbour) >= 2;
}

function wordsOf(term: string): readonly Span[] {
  let words = termWordsCache.get(term);
  if (!words) {
    words = [...segmenterFor().segment(term)].map((word) => ({ start: word.index, end: word.index + word.segment.length }));
    if (termWordsCache.size < MAX_CACHED_TERMS) termWordsCache.set(term, words);
  }
  return words;
}

/** Terms are dictionary forms, a few dozen at most; the bound only guards against a dictionary nobody expected. */
const MAX_CACHED_TERMS = 1000;

function segmenterFor(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));
}
