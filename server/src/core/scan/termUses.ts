/**
 * Whether a phrase-matcher hit of a defined term stands as that term, judged by a bounded look at its neighbours.
 *
 * A term that is an ordinary word (公司, 机构, 平台, 银行, "Bank", "Company") also occurs inside longer words that
 * are not it. Chinese compounds are head-final: a word in front of a noun makes a kind of that noun (子公司 a
 * subsidiary, 证券公司 a securities firm, 金融机构 a financial institution), none of them the company the document
 * defined. So the rule is:
 *
 * - Left edge. A use of a Chinese term that is one word (one or two characters, MAX_WORD) is preceded by a non-Han
 *   character (punctuation, white space in the original, a digit, a Latin letter, the start of the text), or by a Han
 *   character that is a function word and cannot be the modifier of a compound: a particle, determiner, preposition,
 *   conjunction or auxiliary (的 该 本 其 各 对 向 由 在 与 和 或 等 应 …; FUNCTION_CODES), or by a two-character
 *   determiner that points back (上述, 前述) or verb that governs it as its object (要求公司报告): verbs are an open class, so only
 *   those that regulations use of institutions and accounts are known (WORDS_BEFORE_A_USE). Any other Han character makes the hit
 *   the tail of a longer noun: not a use. (A word segmenter does not settle it: ICU's splits 子公司 as 子/公司.)
 *   A longer term is left alone on this side (see MAX_WORD), but for 其他 (other), which names other things than any
 *   term: 其他基金管理人 are managers other than the one defined.
 * - Right edge. A noun after the term is most often its possessor's part (公司章程, 公司董事会, 银行账户 are the
 *   Company's articles, board and accounts: Chinese drops 的 there), so the hit stays a use; except where the term
 *   runs on into a bound morpheme or fixed compound that makes a new word of it: 银行业 banking, 银行间 interbank,
 *   公司法 company law, 公司债券 corporate bonds, 机构投资者 institutional investors (COMPOUND_CONTINUATION).
 * - A longer Chinese term is not used where the text writes out the full name it abbreviates (支付机构 abbreviating
 *   非银行支付机构: 各非银行支付机构 is the full name, not the short one), nor after 非 making its negation
 *   (非支付机构; but 除非, 并非 are words of their own).
 * - English. The matcher never starts or ends inside a word ("Bankers", "Companywide"). A hyphen joined to a word in
 *   front makes another word of it as well ("non-Bank", "sub-Company"); one behind does not ("Bank-wide" is about the
 *   Bank).
 * - English names. A capitalised word ("Bank", "Company", "Trust", "Branch") is not used where it is one word of a
 *   longer proper name (ENGLISH_NAME_WORD): a capitalised word right after it ("Companies House", "the Exchange
 *   Fund") or joined to it by "of", "for" or "on" ("Bank of China", "Bank for International Settlements"), or a
 *   capitalised word right before it that does not start its sentence ("Code on Unit Trusts", "PBOC Shanghai
 *   Branch"). Not a word joined before it: headings name the term so ("Duties of Board", "Director of FinCEN"). A
 *   possessive is not a name ("the Bank's Board", "the Company's Bank" are uses). Where the
 *   document defines the longer name too, the matcher finds that name first (leftmost-longest). Acronyms are left
 *   alone: "PRC Government", "HKMA Guidelines" use them as modifiers. A line break ends a name.
 * - English sentence starts. A term defined with "the" (the "Exchange") is used with it ("The Exchange shall"); at
 *   the start of a sentence without it the capital is the sentence's, and the word is the ordinary noun of another
 *   phrase ("Exchange rate gains", "Bank holidays"). A term defined with "a" (a "platform operator") names a class,
 *   used bare too ("Platform operators shall register").
 */
import type { Span } from '../model';
import { isHan, isWordChar } from '../text/chars';

/** The folded text, and whether the original had something (white space, a line break) between two folded units. */
export interface SeparatedText {
  readonly text: string;
  /** Whether the original had characters between folded offsets `offset - 1` and `offset` that folding dropped. */
  separatedBefore(offset: number): boolean;
  /** Whether the original had a line break just before folded offset `offset`. */
  lineBreakBefore(offset: number): boolean;
}

/** What a use is judged by, beyond its neighbours: how the term was defined. */
export interface TermShape {
  /** Defined with the definite article: (the "Exchange"), ("the Bank"). */
  readonly article: boolean;
  /**
   * The full name's character right before the term, where the phrase the term abbreviates ends in it (非银行支付机构 →
   * 银), as a code unit; -1 for none (always a number: shapes of one kind of object).
   */
  readonly fullNameTail: number;
}

/**
 * The longest term that is one ordinary word: Chinese words are mostly of one or two characters. A longer term is a
 * compound the document coined (数字钱包, 业务数据, 网络安全事件); what stands before it is far more often a verb
 * (发生网络安全事件, 明确业务数据) or a grade (一般网络安全事件) than a modifier making another thing of it.
 */
const MAX_WORD = 2;

/** Han characters that are function words (by code unit): they never make a compound with the noun after them. */
const FUNCTION_CODES = new Set([
  ...'的之该本其各每此这那贵我及与和或同跟对向由在为经等于从自被把将给以按依据凡若如当即则且并但而因使令让请至到除是系属了着过均都也亦还仍已应须可不未',
].map((char) => char.charCodeAt(0)));

/**
 * Two-character words that may stand before a use: determiners that point back to it (上述公司, 前述机构) and verbs
 * that govern an institution or an account as their object (要求公司, 支持企业, 开立账户). 其他公司 (other companies),
 * 任何机构 (any institution) and 相关银行 (banks concerned) name others, or any: no use.
 */
const WORDS_BEFORE_A_USE = codePairs([
  '上述', '前述', '该等',
  '开立', '开设', '设立', '使用', '持有', '提供', '要求', '督促', '通知', '委托', '授权', '批准', '同意', '责令', '允许', '告知',
  '提醒', '约谈', '成为', '属于', '包括', '代表', '申请', '注销', '办理', '登记', '取得', '选择', '接受', '拒绝', '变更', '聘请',
  '指定', '关闭', '冻结', '查询', '核验', '识别', '认定', '确认', '终止', '撤销', '暂停', '通过', '利用', '借助', '针对', '涉及',
  '支持', '鼓励', '引导', '推动', '指导', '协助', '交付', '禁止', '防止', '提示', '告诫', '惩戒', '处罚',
]);

/** Two-character words as numbers (first code unit × 2^16 + second): looked up without a string. */
function codePairs(words: readonly string[]): ReadonlySet<number> {
  return new Set(words.map((word) => codePair(word.charCodeAt(0), word.charCodeAt(1))));
}

function codePair(first: number, second: number): number {
  return first * 0x10000 + second;
}

/** 其他 or 其它 right before `start`: determiners that name things other than the term, whatever its length (其他基金管理人 are other managers). */
function isOthersBefore(text: string, start: number): boolean {
  const last = text.charCodeAt(start - 1);
  return text.charCodeAt(start - 2) === 0x5176 && (last === 0x4ed6 || last === 0x5b83);
}

/**
 * What after a term makes a new word of it: bound morphemes (业 industry, 间 inter-, 类 kind, 性 -ness, 化 -ise, 界
 * sector, 级 grade, 卡 card) and fixed compounds (债券 bonds, 法 law, 投资者 investors), by the character that starts
 * them. The characters that may not follow keep the possessive readings: 银行业务 the Bank's business, 银行间接 the
 * Bank indirectly, 公司法定代表人 its legal representative.
 */
const COMPOUND_CONTINUATION = new Map<number, string>([
  ['债', '务'], ['法', '定人律规'], ['业', '务绩主'], ['间', '接'], ['卡', ''], ['类', ''], ['性', ''], ['化', ''], ['界', ''], ['级', ''],
].map(([first, notNext]) => [first!.charCodeAt(0), notNext!]));

/** Whether a word that makes a new word of the term starts at `at` (read in place, no regex per use). */
function continuesCompound(text: string, at: number): boolean {
  const notNext = COMPOUND_CONTINUATION.get(text.charCodeAt(at));
  if (notNext !== undefined) return at + 1 >= text.length || !notNext.includes(text[at + 1]!);
  return text.startsWith('投资者', at);
}

/**
 * How a term was defined, as its uses are judged: with "the", and the modifier right before the term where the phrase
 * it abbreviates ends in it (非银行支付机构（以下简称支付机构） → 银; not 的 in 办理业务的金融机构（以下简称金融机构）).
 */
export function termShape(text: string, term: string, phrase: Span | undefined, definite: boolean): TermShape {
  const length = term.length;
  const tail = phrase !== undefined && phrase.end - phrase.start > length && text.startsWith(term, phrase.end - length) ? text.charCodeAt(phrase.end - length - 1) : -1;
  return { article: definite, fullNameTail: isHan(tail) && !FUNCTION_CODES.has(tail) ? tail : -1 };
}

export function standsAsTerm(text: SeparatedText, start: number, end: number, shape: TermShape): boolean {
  if (!leftEdgeHolds(text, start, end) || !rightEdgeHolds(text, end)) return false;
  if (isHan(text.text.charCodeAt(start))) return !writesLongerName(text, start, shape);
  return !isWordOfLongerName(text, start, end) && !(shape.article && startsSentence(text, start));
}

function leftEdgeHolds(text: SeparatedText, start: number, end: number): boolean {
  if (start === 0 || text.separatedBefore(start)) return true;
  if (start >= 2 && isOthersBefore(text.text, start)) return false;
  const first = text.text.charCodeAt(start);
  const before = text.text.charCodeAt(start - 1);
  if (isHan(first)) {
    if (end - start > MAX_WORD || !isHan(before) || FUNCTION_CODES.has(before)) return true;
    return start >= 2 && !text.separatedBefore(start - 1) && WORDS_BEFORE_A_USE.has(codePair(text.text.charCodeAt(start - 2), before));
  }
  return !(before === 0x2d && isWordChar(text.text.charCodeAt(start - 2)));
}

function rightEdgeHolds(text: SeparatedText, end: number): boolean {
  if (end >= text.text.length || text.separatedBefore(end)) return true;
  if (!isHan(text.text.charCodeAt(end - 1)) || !isHan(text.text.charCodeAt(end))) return true;
  return !continuesCompound(text.text, end);
}

/** 除非, 并非, 若非, 而非, 绝非, 既非: 非 in a word of its own (unless, is not …), not a prefix. */
const NOT_PREFIX_BEFORE_FEI = new Set([...'除并若而绝既莫无'].map((char) => char.charCodeAt(0)));
const FEI = 0x975e;

/** 各非银行支付机构 (the full name, written out) or 非支付机构 (not one): a longer term that is not used here. */
function writesLongerName(text: SeparatedText, start: number, shape: TermShape): boolean {
  if (start === 0 || text.separatedBefore(start)) return false;
  const before = text.text.charCodeAt(start - 1);
  if (before === shape.fullNameTail) return true;
  return before === FEI && !NOT_PREFIX_BEFORE_FEI.has(text.text.charCodeAt(start - 2));
}

/** Words that join a proper name's words: "Bank of China", "Bank for International Settlements", "Code on Unit Trusts". */
const NAME_JOINERS = new Set(['of', 'for', 'on']);
/** Title Case capitalises these too ("Obligations Of The Bank"): they make no name. */
const TITLE_CASE_SMALL_WORDS = new Set(['The', 'A', 'An', 'Of', 'For', 'On', 'And', 'Or', 'To', 'In', 'By', 'With', 'Under', 'From', 'At', 'As']);
/** The longest word looked at beside a hit: a name's word is shorter. */
const MAX_NAME_WORD = 24;

/** Whether a capitalised hit ("Bank", "Companies") is one word of a longer proper name around it. */
function isWordOfLongerName(text: SeparatedText, start: number, end: number): boolean {
  if (!startsNameWord(text.text, start)) return false;
  const next = wordAfter(text, end);
  if (next && (isNameWord(next.word) || (NAME_JOINERS.has(next.word) && isNameWord(wordAfter(text, next.end)?.word)))) return true;
  const previous = wordBefore(text, start);
  return previous !== undefined && isNameWord(previous.word) && !previous.word.endsWith("'s") && !startsSentence(text, previous.start);
}

function isNameWord(word: string | undefined): boolean {
  return word !== undefined && startsNameWord(word, 0) && !TITLE_CASE_SMALL_WORDS.has(word);
}

/** A word with a capital and then a lower-case letter at `at`: "Bank", "Shanghai", "People's" (an acronym is not one). */
function startsNameWord(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  return first >= 0x41 && first <= 0x5a && second >= 0x61 && second <= 0x7a;
}

/** The word after one space at `end` (not across a line break), or undefined. */
function wordAfter(text: SeparatedText, end: number): { word: string; end: number } | undefined {
  if (text.text[end] !== ' ' || text.lineBreakBefore(end + 1)) return undefined;
  let to = end + 1;
  while (to < text.text.length && to - end <= MAX_NAME_WORD && isNameChar(text.text.charCodeAt(to))) to++;
  return to > end + 1 ? { word: text.text.slice(end + 1, to), end: to } : undefined;
}

/** The word before one space at `start` (not across a line break), or undefined. */
function wordBefore(text: SeparatedText, start: number): { word: string; start: number } | undefined {
  if (text.text[start - 1] !== ' ' || text.lineBreakBefore(start)) return undefined;
  let from = start - 1;
  while (from > 0 && start - from <= MAX_NAME_WORD && isNameChar(text.text.charCodeAt(from - 1))) from--;
  return from < start - 1 ? { word: text.text.slice(from, start - 1), start: from } : undefined;
}

/** Letters and the apostrophe of a possessive ("People's"). */
function isNameChar(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code === 0x27;
}

/** . ; : ? ! ) */
const SENTENCE_END_MARKS = new Set([...'.;:?!)'].map((char) => char.charCodeAt(0)));

/** Whether `start` begins a sentence: the text's or a line's start, or after ". ", "; ", ": ", "? ", "! " or a label's ")". */
function startsSentence(text: SeparatedText, start: number): boolean {
  if (start === 0 || text.lineBreakBefore(start)) return true;
  const before = text.text.charCodeAt(start - 1);
  if (before === 0x0a || before === 0x29) return true;
  return before === 0x20 && SENTENCE_END_MARKS.has(text.text.charCodeAt(start - 2));
}
