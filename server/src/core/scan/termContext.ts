/**
 * Whether a banned term found in text is used, cited or mentioned:
 * - a *citation* stands in an official title: quoted (《关于…虚拟货币…的通知》, "Notice on … Virtual Currency …", any
 *   quote followed by a document number) or unquoted in English Title Case that starts with a kind of document or
 *   ends with one ("the Notice on … Virtual Currency and Others (Yinfa [2026] No. 42)", "Stablecoins Ordinance"); or
 *   a quoted title of a paper or standard, which English writes in sentence case, known by what stands around it:
 *   its publisher's possessive (the Basel Committee's "Prudential treatment of cryptoasset exposures"), a word for
 *   a document before it (the report "Crypto-asset markets: …", a paper titled "…"), its date after it ("…" (2022));
 * - a *mention* is the term spoken of as a word: introduced as one (the term X, terms like X, the word "X"), followed
 *   by a word for words (“X”一词, 名称中含有X字样, “X”、“Y”等字样), set against another quoted word ("X" is not "Y"),
 *   given as an example in quotes ((e.g. "X"), such as "X" or "Y"), quoted in a sentence that talks about words
 *   (不得使用“X”等表述, shall not contain "X"), named by a verb of naming (label products as "X", so-called X,
 *   products called "X", 称为“X发行人”, 冠以“X”, 以“X”名义, 所谓X), or the next item of a list whose first item is a
 *   mention, its items side by side without a separator too (“X”“Y”等字样, "X" "Y" and similar words);
 * - anything else is a *use*, and only uses are reported. A term in a company name is never a mention, however it
 *   is quoted ("Stablecoin Tech Co., Ltd.", XX稳定币科技有限公司); nor is one in a business scope (经营范围：…“虚拟货币”
 *   交易…) unless the words right next to it say it is a word (…，但不含“RWA”等字样).
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

/** The banned term found just before this one (folded end), and what it was: a list of mentions goes on. */
export interface PreviousTerm {
  end: number;
  context: BannedTermContext;
}

export function bannedTermContext(around: TermSurroundings, start: number, end: number, previous?: PreviousTerm): BannedTermContext {
  const quote = enclosingQuote(around.quotes, start, end);
  if (quote?.kind === 'book-title') return 'citation';
  if (quote) {
    const inner = around.text.slice(quote.start + 1, quote.end - 1);
    if (isTitleQuote(inner) || around.noticeNumberFollows(quote.end) || isCitedTitle(around.text, quote)) return 'citation';
  } else if (isInUnquotedTitle(around, start, end)) {
    return 'citation';
  }
  return isMention(around.text, { start, end }, quote, previous) ? 'mention' : 'use';
}

interface Span {
  start: number;
  end: number;
}

function isMention(text: string, term: Span, quote: QuoteSpan | undefined, previous: PreviousTerm | undefined): boolean {
  if (isInCompanyName(text, term)) return false;
  if (previous?.context === 'mention' && continuesList(text.slice(previous.end, term.start))) return true;
  const span = quote ?? term;
  const lead = before(text, span.start);
  const rest = after(text, span.end);
  if (WORD_LEAD.test(lead) || SO_CALLED.test(lead) || WORDS_AFTER.test(rest) || ENGLISH_WORDS_AFTER.test(rest)) return true;
  if (!quote || quote.end - quote.start - 2 > MAX_QUOTED_WORDS) return false;
  if (CONTRAST_AFTER.test(rest) || CONTRAST_BEFORE.test(lead)) return true;
  if (isInBusinessScope(text, quote.start)) return false;
  return EXAMPLE_LEAD.test(lead) || isNamed(lead, rest) || sentenceTalksAboutWords(text, quote);
}

/** A quoted word after a verb of naming: label products as "X", products called "X", 称为“X”, 以“X”名义. */
function isNamed(lead: string, rest: string): boolean {
  return NAMING_LEAD.test(lead) || (IN_THE_NAME_OF_LEAD.test(lead) && IN_THE_NAME_OF_AFTER.test(rest));
}

const MAX_QUOTED_WORDS = 60;
const WORD_FOR_WORDS = '(?:terms?|words?|expressions?|phrases?|wording|labels?|acronyms?|abbreviations?)';
/** the banned term X; not "the long term X". */
const WORD_ADJECTIVE = '(?:banned|prohibited|forbidden|restricted|defined|following|same|exact|very|English|Chinese)';
const SENTENCE_REACH = 200;
/** How far the words right next to a term are read: the longest lead-in or list below fits. */
const NEAR = 60;
const SENTENCE_BOUNDARY = /[。！？；!?;\n]|\.(?=\s)/;
/** Words that introduce words as words: "terms such as", "the word", "shall not contain", 字样, 含有, 表述. */
const TALKS_ABOUT_WORDS = /\b(?:terms?(?! (?:and conditions|of)\b)|words?|wording|expressions?|phrases?)\b|\b(?:not|never)\s+(?:contain|include|use)\b|\b(?:names?|scopes?|titles?|wording|text) (?:that |which )?contain(?:s|ing)?\b|字样|字眼|含有|使用|等内容|词语|一词|表述|用语/i;
/**
 * Right before a term, quoted or not: the term X, the banned words "X", terms like X, expressions such as X (perhaps
 * after other items of the list: terms like digital token, X).
 */
const WORD_LEAD = new RegExp(`(?:\\b(?:the|this|that|these|those|such|any|an?)(?: ${WORD_ADJECTIVE})? ${WORD_FOR_WORDS}|(?<![\\w-])${WORD_FOR_WORDS},? (?:like|such as|including))` +
  `(?:,? ?[A-Za-z][\\w'-]*(?: [\\w'-]+){0,3}(?:,? (?:or|and) |, ))*[,:]? ?$`, 'i');
/** Right after a term, quoted or not, perhaps after more items of a list: 一词, 等字样, 、稳定币等表述, 这一说法. */
const WORDS_AFTER = /^(?:(?:[、，,/和或及与]|以及|或者)[“"「‘']?[^，。；：！？\n“”"「」的等]{1,12}?[”"」’']?|[“"「‘'][^，。；：！？\n“”"「」的等]{1,12}?[”"」’'])*(?:(?:等|这一|这个|这类|此类|之类的?)?(?:相关)?(?:字样|字眼|一词|词语|词汇|表述|用语|提法|说法|称谓)|(?:这一|这个)词)/;
/**
 * Right after a term, perhaps after more quoted items side by side or in a list: "X" "Y" and similar words, X or
 * similar terms, "X" or any word of like meaning. A word for words alone is not enough ("stablecoins and other
 * terms of the deal"), nor is one of a contract ("and related terms of service").
 */
const ENGLISH_WORDS_AFTER = new RegExp(`^["”’']?(?:,? ?(?:(?:and|or) )?["“‘'][^"”’'\\n]{1,40}["”’'])*,? (?:and|or)(?: any)?(?: other)? ` +
  `(?:(?:similar|such|like|related|equivalent|comparable) ${WORD_FOR_WORDS}(?! (?:of|and conditions)\\b)|${WORD_FOR_WORDS} (?:of|with) (?:similar|like|the same) (?:meaning|effect|import))\\b`, 'i');
/** so-called X, 所谓X, quoted or not: the writer holds the word at a distance. */
const SO_CALLED = /(?:\bso[- ]called|所谓的?) ?["“‘'「]?$/i;
/**
 * Right before a quoted word, a verb that gives a name: label/describe/market products as "X", refer to them as
 * "X", call a product "X", what it calls "X", products called "X", dubbed such schemes "X", known as "X",
 * under the name "X"; 称为 称作 冠以 名为 自称 号称 俗称 包装为 标榜为 …
 * The object of "label … as" is a few words that are not "as" themselves ("market conditions as well as "X"" is no
 * naming). Classifying verbs (treated as, classified as) are left out: "tokens treated as "virtual assets"" uses the
 * category. "hereinafter referred to as", 简称为, 以下称为, 以下统称 and 所称为 give the document's own name for something
 * (definedTerms.ts, acronyms.ts), which it then uses: no word spoken of.
 */
const NAMING_LEAD = new RegExp('(?:\\b(?:(?:label(?:s|led|ed|ling|ing)?|describ(?:e|es|ed|ing)|market(?:s|ed|ing)?|(?:re-?)?brand(?:s|ed|ing)?|' +
  'present(?:s|ed|ing)?|promot(?:e|es|ed|ing)|advertis(?:e|es|ed|ing)|tout(?:s|ed|ing)?|bill(?:s|ed|ing)?|styl(?:e|es|ed|ing)|' +
  '(?<!(?:hereinafter|hereafter|collectively|jointly) )refer(?:s|red|ring)? to|pass(?:es|ed|ing)?(?: [\\w\'-]+){0,3} off|(?:hold(?:s|ing)?|held)(?: [\\w\'-]+){0,3} out)' +
  '(?: (?!as\\b)[\\w\'-]+){0,5} as|(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?)(?: (?!(?:for|on|upon|up|off|in|out|back|as|into)\\b)[\\w\'-]+){0,4}|' +
  'named|termed|known as|a\\.k\\.a\\.?|aka|(?:under|in) the (?:name|label|banner|guise)(?: of)?)(?: an?| the)?|' +
  '(?<![简下所])称为|称作|称之为|叫做|叫作|名为|命名为|定名为|取名为?|冠以|冠名为?|自称为?|号称|宣称为|俗称|通称|(?<![下文])统称为?|又称|亦称|也称|' +
  '包装为|包装成|标榜为|宣传为|宣传成|美其名曰)[,，:：]? ?$', 'i');
/** 以“X”名义, 以“X”为名, 打着“X”旗号: the word before the quote and the one after it say so together. */
const IN_THE_NAME_OF_LEAD = /(?:以|打着)$/;
const IN_THE_NAME_OF_AFTER = /^的?(?:名义|为名|之名|名号|旗号|幌子|噱头)/;

/**
 * A quoted word set against another: "X" is not "Y", “X”而非“Y”. Not a comparison of things (“X”不同于“Y”: stablecoins
 * differ from virtual currencies).
 */
const CONTRAST = '(?:(?:is|are|was|were) not(?: the same as| a synonym (?:of|for)| equivalent to)?|isn\'t|aren\'t|rather than|instead of|' +
  'as opposed to|not|vs\\.?|versus|不是|并非|并不是|而非)';
const CONTRAST_AFTER = new RegExp(`^,? ?${CONTRAST} ?["“‘'「]`, 'i');
const CONTRAST_BEFORE = new RegExp(`["”’'」],? ?${CONTRAST} ?$`, 'i');
/** A quoted word given as an example: (e.g. "X"), such as "X", 例如“X”. */
const EXAMPLE_LEAD = /(?:\be\.g\.|\bfor example|\bfor instance|\bsuch as|\bi\.e\.|例如|比如|诸如)[,，:：]? ?$/i;
/** What may stand between two items of one list: ", ", " or ", "、", or nothing but the quote marks. */
const LIST_SEPARATOR = /^ ?(?:[,，、;；/]|, ?(?:or|and)|or|and|和|或|及|与|以及|或者)? ?$/i;
const QUOTE_MARKS = /["“”‘’'「」]/g;

function before(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - NEAR), offset);
}

function after(text: string, offset: number): string {
  return text.slice(offset, offset + NEAR);
}

/** `gap` is what stands between the previous term and this one: a list goes on over separators and quote marks. */
function continuesList(gap: string): boolean {
  const bare = gap.replace(QUOTE_MARKS, '');
  // Without quote marks, the items must be separated by something: "virtual currency stablecoin" is no list.
  return gap.length <= NEAR && LIST_SEPARATOR.test(bare) && (bare.trim().length > 0 || bare.length < gap.length);
}

/** XX稳定币科技有限公司, “深圳稳定币科技有限公司”, "Stablecoin Tech Co., Ltd.": the term is part of a company's name. */
function isInCompanyName(text: string, term: Span): boolean {
  return CHINESE_COMPANY_AFTER.test(after(text, term.end)) ||
    (/^[A-Z]/.test(text[term.start] ?? '') && ENGLISH_COMPANY_AFTER.test(after(text, term.end)));
}

/** The rest of a Chinese name: characters of a name (not 的, 等, 字样 …), then the kind of company. */
const CHINESE_COMPANY_AFTER = /^[”"」’']?(?:(?!字样|一词|[的等和或及与在中])[\u4e00-\u9fffA-Za-z0-9（）()]){0,20}?(?:公司|集团|合伙企业|商行|工作室)/;
/** The rest of an English name: capitalised words (a place in brackets too), then the kind of company. */
const ENGLISH_COMPANY_AFTER = /^[s']?["”’']?(?: (?:[A-Z][\w&'-]*|\([A-Z][\w .]*\))){0,6}?,? (?:Co\.|Company\b|Ltd\b|Limited\b|Inc\b|LLC\b|Corp\b|Corporation\b|PLC\b|GmbH\b|Holdings\b|Group\b)/;

/** 经营范围：…, Business scope: …: the sentence before `offset` lists a business scope. */
function isInBusinessScope(text: string, offset: number): boolean {
  // Back to the sentence's start, but not to a ； or ;: a business scope lists its items with them.
  let from = offset;
  while (from > 0 && offset - from < SENTENCE_REACH && !endsScopeSentence(text, from - 1)) from--;
  return BUSINESS_SCOPE.test(text.slice(from, offset));
}

function endsScopeSentence(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 0x3002 || code === 0x0a || (code === 0x2e && text.charCodeAt(index + 1) === 0x20); // 。 \n ". "
}

const BUSINESS_SCOPE = /(?:经营范围|业务范围|经营项目|许可项目|一般项目|business scope|scope of business)\s*(?:[:：]|为|包括|includes?\b|covers?\b)/i;

function sentenceTalksAboutWords(text: string, quote: QuoteSpan): boolean {
  let from = quote.start;
  while (from > 0 && quote.start - from < SENTENCE_REACH && !SENTENCE_BOUNDARY.test(text[from - 1]!)) from--;
  let to = quote.end;
  while (to < text.length && to - quote.end < SENTENCE_REACH && !SENTENCE_BOUNDARY.test(text.slice(to, to + 2))) to++;
  return TALKS_ABOUT_WORDS.test(text.slice(from, quote.start)) || TALKS_ABOUT_WORDS.test(text.slice(quote.end, to));
}

/**
 * A quoted title of a paper or standard, in any case (English writes them in sentence case): a title's length, and
 * around it its publisher's possessive (the Basel Committee's "…", IOSCO's "…"), a word for a document (the report
 * "…", a consultation paper titled "…", 题为“…”的报告, “…”一文, 发布的“…”) or a date after it ("…" (2022), "…", published in
 * 2022). Its length tells it from a quoted word after a name or a document ("stablecoin" in HSBC's "stablecoin"
 * pilot), and from a product's name (Circle's "Stablecoin Reserve Fund"): a title runs to four words, or to three
 * in sentence case (the BCBS's "Cryptoasset standard amendments") or joined by a connector.
 */
function isCitedTitle(text: string, quote: QuoteSpan): boolean {
  if (quote.kind !== 'quote') return false;
  const inner = text.slice(quote.start + 1, quote.end - 1).trim();
  const lead = before(text, quote.start);
  if (/[\u4e00-\u9fff]/.test(inner)) {
    return CHINESE_TITLE_LEAD.test(lead) ||
      (inner.length >= MIN_CHINESE_TITLE && (CHINESE_PUBLISHED_LEAD.test(lead) || CHINESE_DOCUMENT_AFTER.test(after(text, quote.end))));
  }
  if (!isEnglishTitleShaped(inner)) return false;
  return PUBLISHER_POSSESSIVE.test(lead) || DOCUMENT_LEAD.test(lead) || DATED_AFTER.test(after(text, quote.end));
}

function isEnglishTitleShaped(inner: string): boolean {
  if (!/^[A-Z]/.test(inner)) return false;
  const words = inner.split(/\s+/);
  return words.length >= 4 || (words.length === 3 && words.slice(1).some((word) => /^[a-z]/.test(word)));
}

/** the Basel Committee's, the FSB's, IOSCO's, the Financial Stability Board's: a name (capitalised) in the possessive. */
const PUBLISHER_POSSESSIVE = /\b[A-Z][\w&.-]*(?: (?:[A-Z][\w&.-]*|of|for|on|and|the))*'s? ?$/;
/** the report "…", a paper titled "…", its consultation document, entitled "…": a word for a document right before. */
const DOCUMENT_LEAD = new RegExp('\\b(?:report|standards?|paper|guidance|guidelines?|recommendations?|consultation(?: paper| report| document)?|' +
  'circular|statement|framework|principles|publication|study|note|letter|speech|article|bulletin|survey|handbook|toolkit|review|' +
  'chapter|section|document|book)s?,?(?: (?:titled|entitled|called|named))?,?:? ?$|\\b(?:titled|entitled) ?$', 'i');
/** "…" (2022), "…" (BCBS, December 2022), "…", published by the BCBS. */
const DATED_AFTER = /^,? ?(?:\([^()]{0,40}\b(?:19|20)\d\d\)|(?:published|issued|released) (?:by|in|on)\b)/;
/** 题为“…”, 标题为“…”: what follows is a title (名为“…” names a thing: a mention, see NAMING_LEAD). */
const CHINESE_TITLE_LEAD = /(?:题为|标题为|题目为|题名为)$/;
/** 发布的“…”, 印发了“…”: a long quote right after a verb of publishing (a short one may be a product: 发布的“稳定币”). */
const CHINESE_PUBLISHED_LEAD = /(?:发布|印发|发表|出台)[了的]?$/;
/** “…”报告, “…”一文, “…”的研究报告: a long quote followed by a word for a document. */
const CHINESE_DOCUMENT_AFTER = /^的?(?:研究报告|报告|咨询文件|征求意见稿|白皮书|工作论文|论文|一文|文件|标准|框架|建议)/;
/** A Chinese title is a phrase, not a word: “稳定币”报告 may be a report on stablecoins, “加密资产风险敞口的审慎处理”报告 is titled. */
const MIN_CHINESE_TITLE = 6;

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
