/**
 * Recognises term definitions in folded text:
 *   (hereinafter referred to as "X")   (the "X" or "Y")   (together with its affiliates, the "X")   (each a "X")
 *   "X" means …   X refers to …   X means …   （以下简称“X”或“Y”）   （与其关联方合称“X”）   X是指…   本办法所称X，是指…
 * Later uses of the terms are found by the document with a phrase matcher built from these definitions.
 *
 * What a term stands for (its definition, shown on hover): for "X means …", "X refers to …", X是指…, the words after
 * the verb to the end of the sentence (a semicolon ends it unless an enumeration's next item or a conjunction follows); for
 * a name in parentheses, the phrase before the parenthesis that the name abbreviates, back to the start of its
 * sentence. That phrase goes on over the line breaks of hard-wrapped text, but not back into a heading (a title, a
 * notice number, a labelled heading line) nor over the start of a line that opens with a clause label: the folded
 * text keeps no line breaks, so `lineBreakBefore` says where they were.
 */
import type { DefinedTerm } from '../model';
import { isWide } from '../text/chars';
import { endsSentenceAt, structuralBreaks } from '../text/sentences';
import { isTitle } from './identity';

/** The folded text, and where its line breaks were. */
export interface LinedText {
  readonly text: string;
  /** Whether the original had a line break just before folded offset `offset`. */
  lineBreakBefore(offset: number): boolean;
}

export interface RawDefinition {
  term: string;
  /** Folded offsets of the term where it is defined. */
  start: number;
  end: number;
  definition: string;
  /** Folded range of the phrase the term abbreviates, where the term's own words are no use of it. */
  abbreviates?: { start: number; end: number };
  /** The term stands in quotes where it is defined: its capitals are the drafter's choice. */
  quoted?: boolean;
  /** Defined with "the": (the "Exchange"), ("the Bank"). */
  definite?: boolean;
  /**
   * Folded offset where the words after a defining verb start ("X means …", X是指…): `definition` is read from there
   * by `definitionAfter`, and may go on past a paragraph break (是指：, then the items of a list).
   */
  definedFrom?: number;
}

/** The longest content of a parenthesis read for names: a "(" that is never closed costs this much at most. */
const MAX_PARENTHESIS = 240;
/** The longest content of a Chinese parenthesis read for names, and how near after a comma its 称 must stand. */
const MAX_CHINESE_PARENTHESIS = 80;
const MAX_NAMING_AFTER_COMMA = 16;

/**
 * One quoted name in parentheses, in double quotes or in single curly ones (the ‘Bank’, as British drafting has it;
 * folding makes the closing one "'"), with the words that may stand before it: an article (the "Bank", a "platform
 * operator") and a word that distributes or gathers (each a "Participant", collectively the "Banks", individually
 * as a "Party").
 */
const ENGLISH_NAME = /(?:(?:each|collectively|together|individually|jointly|severally|respectively)(?: of them| such \w+)?,? (?:(?:referred to |called |known )?as )?)?(?:(?:the|a|an) )?(?:["“]([^"“”]{1,60})["”]|‘((?:[^‘'"“”]|'(?=[a-z])){1,60})')/iy;
/** "the" before a name, outside or inside its quotes: (the "Bank"), ("the Bank"). */
const DEFINITE_BEFORE = /\bthe ["“‘]?$/i;
/** Between two names in one parenthesis: (the "Issuer" or "we"), ("Company", "we", "us" or "our"), ("A"/"B"). */
const ENGLISH_NAME_SEPARATOR = /,? ?(?:and\/or|and|or)? ?|\//y;
/** Where the first name begins in a parenthesis: its distributive word, article or quote. */
const FIRST_ENGLISH_NAME = /(?:^|[ ,;])((?:(?:each|collectively|together|individually|jointly|severally|respectively)(?: of them| such \w+)?,? )?(?:(?:the|a|an) )?["“‘])/i;
/** What may follow the last name: (the "Banks", respectively), ("Notice", as amended). */
const AFTER_NAMES = /^(?:,? ?(?:respectively|collectively|together|individually|each)|, [^"“”]{1,80})?$/i;
/** The words before the names say they are names: (hereinafter referred to as "X"), (in this section referred to as "X"). */
const NAMING_WORDS = /(?:^|[ ,;])(?:(?:hereinafter|hereafter)\b[^"“”]*|(?:referred to|known|called|designated|defined)\b[^"“”]*\bas|called)[,:]?$/i;
/** What a parenthesis that names needs: a quote (FIRST_ENGLISH_NAME) or "hereinafter" (HEREINAFTER). */
const MAY_NAME = /["“‘]|hereinafter|hereafter/i;
/** Unquoted: (hereinafter the Bank), (hereinafter referred to as PBOC). */
const HEREINAFTER = /(?:^|[,;] ?)(?:hereinafter|hereafter)\b/i;
const HEREINAFTER_LEAD = /^,?\s*(?:in this \w+\s+)?(?:collectively\s+)?(?:(?:referred\s+to|called|known)\s+)?(?:in this \w+\s+)?(?:as\s+)?(?:the\s+)?[,:]?\s*/i;
/** A lead-in that gives an example, a translation or a source, not the thing named: (e.g., the "Guidelines"). */
const NOT_NAMING_LEAD = /\b(?:e\.g|i\.e|see|cf|such as|including|includes|for example|for instance|like|namely|in (?:Chinese|English|pinyin)|formerly|previously|as defined in|under)\b/i;
/** A lead-in ending in a number names a document: (Yinfa [2026] No. 18, "Circular"). */
const ENDS_IN_NUMBER = /(?:No\.\s*\d+|\d+\s*号)$/;

/** The naming words inside a Chinese parenthesis: 以下简称, 下称, 合称, 统称, 与其关联方合称, 以下分别简称. */
const CHINESE_NAMING = /(?:^|[，,；;])[^，,；;“”"「」]{0,16}?(?:(?:以下|下文|下)(?:分别|单独|统一|合并)?(?:简称|统称|合称|称为|称)|简称|统称|合称|总称|并称|单称|单独称|分别称|分别简称)(?:为)?[：:]?/g;
/** Naming words that gather several things under one name: 银行、保险公司（以下统称“金融机构”） abbreviates both. */
const GATHERS = /[统合总并]称/;
const CHINESE_QUOTED_NAME = /[“"「]([^“”"「」]{1,30})[”"」]/y;
const CHINESE_NAME_SEPARATOR = /以及|或者|[或、和及与/，,]/y;
/** An unquoted name runs to the end of its part of the parenthesis: （以下简称许可证，式样见附表）. */
const CHINESE_UNQUOTED_NAME = /[^，,；;“”"「」]{1,30}/y;
const MAX_SHORT_NAME = 4;

const QUOTED_MEANS = /(?:["“]([^"”\n]{1,60})["”]|‘([^‘'\n]{1,60})'),? (?:means|mean|refers to|refer to|shall mean|is defined as|shall refer to)\b/g;
/** "X refers to …", "X means …": found by the verb; the term is the run of up to eight words before it, at a sentence's start. */
/** Matched without the space before it (a regex that starts with a space would try every space); the caller checks it. */
const PLAIN_DEFINING_VERB = /(?:refers to|shall refer to|means|shall mean)\b/g;
/** "Electronic means shall be used", "by means of": the noun, not the verb. */
const MEANS_AS_NOUN = /^ (?:shall mean|means) (?:shall|must|may|should|will|can|is|are|was|were|of|to|by|for|that|and|or|as|in)\b|^ means[,.;]/;
const NOT_A_TERM = /^(?:This|That|These|Those|It|It's|Which|What|There|Such|Each|Any|All|He|She|They|We|By|As|(?:Clause|Article|Section|Paragraph|Item|Part|Chapter)s?\b)/;
/** "As a means …", "… by other means": a subject that ends in a function word has the noun "means" after it. */
const ENDS_IN_FUNCTION_WORD = /\b(?:a|an|the|other|any|such|by|of|all|some|no|same|every|various|these|those)$/i;
const MAX_TERM_WORDS = 8;
const ACRONYM = /^[A-Z]{2,8}s?$/;
/** Words an acronym may skip: Bank of China (BC) or (BOC). */
const ACRONYM_SMALL_WORDS = /^(?:of|and|for|on|the|in|to|&)$/;
/** Verbs that lead into the phrase a short name abbreviates: 同意境外机构（以下简称“机构”） abbreviates 境外机构. */
const CHINESE_LEAD_VERB = /^(?:同意|批准|核准|对|由|向|将|与|经|按照|依照|依据|根据|关于|各|凡|要求|鼓励|支持|是指|系指|包括)/;
/** Where the phrase a Chinese short name abbreviates begins: after this punctuation. */
const CHINESE_PHRASE_BOUNDARY = codesOf('。；：，、！？（(【“”「」"');
const CHINESE_GATHERED_BOUNDARY = codesOf('。；：，！？（(【“”「」"');
const MAX_CHINESE_PHRASE = 60;
const JOINER = /^[\s,;，；、]*(?:(?:and|or)\b|以及|与|和|及|或)?\s*/;
/** A clause label or 所谓 in front of a term: 第三条 数字钱包是指 (after a U+3000 space)…, 所谓情节严重，是指… */
const LABEL_BEFORE_TERM = /^(?:第[^条\s]{1,8}条(?:之[一二三四五六七八九十]+)?|[（(][^）)]{1,4}[）)]|[一二三四五六七八九十]+、|\d+[.．、])?(?:所谓)?/;
/**
 * 是指, 系指 (not 体系指标), and a bare 指 after a comma or right after the term when 所称 leads the term in, or after a
 * comma when the term starts its sentence: 本办法所称X，指…, 本规定所称X指…, （三）短期融资，指…. Found by each 指
 * (a native search), with the character before it that makes the verb.
 */
function chineseVerbEndingAt(text: string, zhi: number): string {
  return VERBS_ENDING_IN_ZHI.get(text[zhi - 1]!) ?? '指';
}

const VERBS_ENDING_IN_ZHI = new Map(['是指', '系指', '，指', ',指'].map((verb) => [verb[0]!, verb]));
/** 体系指标, 关系指数: 系指 inside another word. */
const NOT_BEFORE_XI_ZHI = /[体关联派维世水直]/;
/** 指导, 指出, 指定: 指 starting another word. */
const NOT_AFTER_ZHI = /[导出定引示南令标派明控责挥使]/;
const BREAK_BEFORE_ZHI = /[，,。；;：:\n“”]/;
/** At most this many characters between 所称 and a bare 指 (本办法所称X指…). */
const MAX_TERM_AFTER_SUOCHENG = 20;

/**
 * Whether a verb found by chineseVerbEndingAt is the verb that defines: decided here, after the match, rather than by
 * look-behinds in the expression, which V8 would try at every position of the text.
 */
function isDefiningVerb(text: string, verb: string, at: number): boolean {
  if (verb === '是指') return true;
  if (verb === '系指') return !NOT_BEFORE_XI_ZHI.test(text[at - 1] ?? '');
  if (NOT_AFTER_ZHI.test(text[at + verb.length] ?? '')) return false;
  return verb.length === 2 || followsSuoCheng(text, at);
}

/** 所称 and then 1 to 20 characters of the term, no punctuation between, right before `at`. */
function followsSuoCheng(text: string, at: number): boolean {
  for (let i = at - 1; i >= 1 && at - 1 - i <= MAX_TERM_AFTER_SUOCHENG; i--) {
    if (text[i] === '称' && text[i - 1] === '所') return at - 1 - i >= 1;
    if (BREAK_BEFORE_ZHI.test(text[i]!)) return false;
  }
  return false;
}
const CHINESE_TERM_BOUNDARY = /[。；：，、！？\n）)】“”「」"]/;
const CHINESE_SCOPE_PREFIX = /^.*?所称/;
/** 本办法所称公司信用类债券（以下简称“债券”） abbreviates 公司信用类债券. */
const CHINESE_SCOPE_LEAD = /^本[^，。；]{1,8}?所称/;
/** Between two quoted terms defined together: “A”或“B”是指, "A" or "B" means. */
const NAMES_BEFORE = /["“「]([^"“”「」\n]{1,60})["”」](?:,? ?(?:and\/or|and|or) ?|, ?|以及|或者|[或、和及])$/;
const MAX_NAMES_BEFORE = 4;
const QUOTES = /^["“「‘'\s]+|["”」’'\s.,，。]+$/g;
const MAX_DEFINITION = 240;
/** The words a definition after its verb may run to, so an enumeration of items reads whole. */
const MAX_DEFINITION_AFTER_VERB = 480;
const MAX_QUOTED_TERM = 24;
/**
 * How far back a heading is looked for: a longer line is prose. A line without punctuation this short (counting a
 * wide character twice: fifteen Chinese characters, thirty letters) is a heading even when nothing else says so:
 * hard-wrapped prose fills its lines.
 */
const MAX_HEADING = 80;
const SHORT_LINE_WIDTH = 30;
/** An item of an enumeration that the next item continues, in the paragraph after it: "(A) …; and⏎⏎(B) …". */
const ITEM_ENDS = /(?:[;；:：]|; (?:and|or))\s*$/;
/** A semicolon does not end a definition when the next item of its enumeration or a conjunction follows: (a) …; (b) …; and (c) …. */
const ENUMERATION_GOES_ON = /^\s*(?:(?:and|or|but)\b|以及|或者|并且|但是|或|及|\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)|（(?:[一二三四五六七八九十]{1,3}|\d{1,2})）|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d))/i;

/** What QUOTED_MEANS and PLAIN_DEFINING_VERB cannot match without. */
const DEFINING_VERB_WORDS = [' mean', ' refer', ' is defined as'];

export function scanDefinitions(folded: LinedText): RawDefinition[] {
  const text = folded.text;
  // Each form needs a word or a mark of its own: a text without it is not scanned for that form (a native search).
  const found = [
    ...(text.includes('(') ? englishParenthesisDefinitions(folded) : []),
    ...(DEFINING_VERB_WORDS.some((word) => text.includes(word)) ? [...quotedMeansDefinitions(text), ...plainDefiningVerbDefinitions(text)] : []),
    ...(text.includes('称') ? chineseParenthesisDefinitions(folded) : []),
    ...(text.includes('指') ? chineseIsDefinedDefinitions(folded) : []),
  ];
  return found.sort((a, b) => a.start - b.start);
}

/** A name found inside a parenthesis: its folded offsets and whether it stood in quotes. */
interface FoundName {
  term: string;
  start: number;
  quoted: boolean;
  definite?: boolean;
}

function englishParenthesisDefinitions(folded: LinedText): RawDefinition[] {
  const found: RawDefinition[] = [];
  let previousEnd = 0;
  const text = folded.text;
  const candidates = namingParentheses(text);
  for (let k = 0; k < candidates.length; k += 2) {
    const open = candidates[k]!;
    const close = candidates[k + 1]!;
    const names = englishNamesIn(text.slice(open + 1, close), open + 1);
    if (names.length === 0) continue;
    const acronym = names.find((name) => ACRONYM.test(name.term));
    const phrase = abbreviatedPhrase(folded, open, previousEnd, acronym?.term);
    previousEnd = close + 1;
    for (const name of names) {
      found.push({ term: name.term, start: name.start, end: name.start + name.term.length, quoted: name.quoted, definite: name.definite, ...phrase });
    }
  }
  return found;
}

/**
 * The parentheses that may name, as [open, close] pairs in one flat array: the many that name nothing ((a), (1),
 * (2019)) are passed over by this small loop, and only the few left are read for names.
 */
function namingParentheses(text: string): number[] {
  const found: number[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = namingParenthesisEnd(text, open);
    if (close >= 0) found.push(open, close);
  }
  return found;
}

/**
 * Where the parenthesis opening at `open` closes, when it holds 1 to MAX_PARENTHESIS characters, none of them a
 * bracket or a line break, among them a quote or "here" (as MAY_NAME needs): read in place, so that the many
 * parentheses that name nothing ((a), (1), (2019)) cost no string. -1 otherwise.
 */
function namingParenthesisEnd(text: string, open: number): number {
  let marked = false;
  for (let i = open + 1; i < text.length && i - open - 1 <= MAX_PARENTHESIS; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x29) return marked && i > open + 1 ? i : -1;
    if (code === 0x28 || code === 0x0a) return -1;
    marked ||= code === 0x22 || code === 0x201c || code === 0x2018 || ((code | 0x20) === 0x68 && isEreAt(text, i + 1));
  }
  return -1;
}

/** "ere" in any case at `at` (of "here"), compared in place. */
function isEreAt(text: string, at: number): boolean {
  return (text.charCodeAt(at) | 0x20) === 0x65 && (text.charCodeAt(at + 1) | 0x20) === 0x72 && (text.charCodeAt(at + 2) | 0x20) === 0x65;
}

/** The names a parenthesis gives the phrase before it, or none. */
function englishNamesIn(content: string, offset: number): FoundName[] {
  if (!MAY_NAME.test(content)) return [];
  // (… the "Group"; and in its capacity as guarantor, the "Guarantor"): each part has its own lead-in.
  const names: FoundName[] = [];
  let partStart = 0;
  for (const part of content.split('; ')) {
    names.push(...partNames(part, offset + partStart));
    partStart += part.length + 2;
  }
  return names;
}

/**
 * The names one part of a parenthesis gives, or none. A part is [lead-in,] [naming words] names, where the lead-in is
 * words that end in a comma ("together with its affiliates, the "Group"") and need an article or a distributive word
 * before the name (or a document number before the comma), so "(in Chinese, "xunihuobi")" names nothing; naming
 * words ("hereinafter referred to as") may follow any lead-in.
 */
function partNames(content: string, offset: number): FoundName[] {
  const first = FIRST_ENGLISH_NAME.exec(content);
  if (!first) return unquotedHereinafterName(content, offset);
  const namesStart = first.index + first[0].length - first[1]!.length;
  const lead = content.slice(0, namesStart).trim();
  const names = quotedEnglishNames(content, namesStart, offset);
  if (names.length === 0 || !namesLeadIn(lead, first[1]!)) return [];
  return names;
}

function namesLeadIn(lead: string, firstName: string): boolean {
  if (lead === '' || NAMING_WORDS.test(lead)) return true;
  if (!lead.endsWith(',') || NOT_NAMING_LEAD.test(lead)) return false;
  return /^[^"“]/.test(firstName) || ENDS_IN_NUMBER.test(lead.slice(0, -1).trim());
}

/** The quoted names from `start` to the end of the content, or none when anything but a trailer follows them. */
function quotedEnglishNames(content: string, start: number, offset: number): FoundName[] {
  const names: FoundName[] = [];
  let at = start;
  for (let next = start; ;) {
    ENGLISH_NAME.lastIndex = next;
    const match = ENGLISH_NAME.exec(content);
    if (!match) break;
    const quoted = match[1] ?? match[2]!;
    const name = cleanQuotedName(quoted);
    const nameAt = match.index + match[0].length - 1 - quoted.length + quoted.indexOf(name);
    if (isPlausibleTerm(name)) names.push({ term: name, start: offset + nameAt, quoted: true, definite: DEFINITE_BEFORE.test(match[0].slice(0, nameAt - match.index)) });
    at = match.index + match[0].length;
    ENGLISH_NAME_SEPARATOR.lastIndex = at;
    const separator = ENGLISH_NAME_SEPARATOR.exec(content);
    if (!separator || separator[0] === '') break;
    next = at + separator[0].length;
  }
  const rest = content.slice(at);
  if (AFTER_NAMES.test(rest)) return names;
  // (the "Subsidiary" and, together with the Bank, the "Group"): what follows "and," is a part with its own lead-in.
  const and = /^,? (?:and|or), /.exec(rest);
  const more = and ? partNames(rest.slice(and[0].length), offset + at + and[0].length) : [];
  return more.length > 0 ? [...names, ...more] : [];
}

/** "the Bank" in quotes defines Bank; "a platform operator" defines platform operator ("A Shares" keeps its A). */
function cleanQuotedName(quoted: string): string {
  return quoted.replace(/^the /i, '').replace(/^an? (?=[a-z])/, '').replace(QUOTES, '');
}

function unquotedHereinafterName(content: string, offset: number): FoundName[] {
  const hereinafter = HEREINAFTER.exec(content);
  if (!hereinafter) return [];
  const rest = content.slice(hereinafter.index + hereinafter[0].length);
  const lead = HEREINAFTER_LEAD.exec(rest)![0].length;
  const term = rest.slice(lead).replace(QUOTES, '');
  if (!isPlausibleTerm(term)) return [];
  const start = offset + content.length - rest.length + lead + rest.slice(lead).indexOf(term);
  return [{ term, start, quoted: false }];
}

/**
 * The phrase that ends at `end` (before "(hereinafter …)"), as the definition and as the span no use stands in. It
 * starts no earlier than `after`, the end of the parenthesis of the definition before: "A Ltd (the "A") and B Ltd
 * (the "B")" gives B the words "B Ltd".
 */
function abbreviatedPhrase(folded: LinedText, end: number, after: number, acronym?: string): Pick<RawDefinition, 'definition' | 'abbreviates'> {
  const sentence = afterJoiner(folded.text, Math.max(sentenceStart(folded, end), after), end);
  const spelt = acronym === undefined ? undefined : acronymPhraseStart(folded.text, end, acronym);
  const start = spelt !== undefined && spelt >= sentence ? spelt : sentence;
  return { definition: sentenceWords(folded.text, start, end), abbreviates: { start, end } };
}

/**
 * Where the words that an acronym spells begin: National Association of Insurance Commissioners ("NAIC"), People's
 * Bank of China ("PBOC", with the initial of "of"), a simple agreement for future equity ("SAFE", in lower case, "for"
 * aside). Undefined when the words before do not spell it.
 */
function acronymPhraseStart(text: string, end: number, acronym: string): number | undefined {
  const letters = acronym.replace(/s$/, '');
  // The initials of the capitalised words, of the words but small ones, and of every word, upper-cased.
  const spellings = ['', '', ''];
  let at = end;
  for (let words = 0; words < 2 * letters.length && spellings.some((spelling) => letters.endsWith(spelling)); words++) {
    while (at > 0 && text[at - 1] === ' ') at--;
    let wordStart = at;
    while (wordStart > 0 && isTermWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
    if (wordStart === at) return undefined;
    const initial = text[wordStart]!;
    if (/[A-Z]/.test(initial)) spellings[0] = initial + spellings[0];
    if (!ACRONYM_SMALL_WORDS.test(text.slice(wordStart, at))) spellings[1] = initial.toUpperCase() + spellings[1];
    spellings[2] = initial.toUpperCase() + spellings[2];
    at = wordStart;
    if (spellings.includes(letters)) return at;
  }
  return undefined;
}

function quotedMeansDefinitions(text: string): RawDefinition[] {
  const found: RawDefinition[] = [];
  for (const match of text.matchAll(QUOTED_MEANS)) {
    const definedFrom = match.index! + match[0].length;
    const definition = definitionAfter(text, definedFrom);
    for (const name of [...quotedNamesBefore(text, match.index!), { text: match[1] ?? match[2]!, start: match.index! + 1 }]) {
      const term = cleanQuotedName(name.text.trim());
      if (!isPlausibleTerm(term)) continue;
      const start = name.start + name.text.indexOf(term);
      found.push({ term, start, end: start + term.length, quoted: true, definition, definedFrom });
    }
  }
  return found;
}

/** "A" or "B" means, “A”或“B”是指: the names before the quote that opens at `open`, each with its folded offset. */
function quotedNamesBefore(text: string, open: number): { text: string; start: number }[] {
  const names: { text: string; start: number }[] = [];
  let end = open;
  while (names.length < MAX_NAMES_BEFORE) {
    const from = Math.max(0, end - 70);
    const match = NAMES_BEFORE.exec(text.slice(from, end));
    if (!match) break;
    names.unshift({ text: match[1]!, start: from + match.index + 1 });
    end = from + match.index;
  }
  return names;
}

function plainDefiningVerbDefinitions(text: string): RawDefinition[] {
  const found: RawDefinition[] = [];
  let searchedTo = 0;
  for (const match of text.matchAll(PLAIN_DEFINING_VERB)) {
    // The verb with the space before it.
    const verb = match.index! - 1;
    if (text.charCodeAt(verb) !== 0x20) continue;
    const subjectStart = sentenceSubjectStart(text, verb);
    if (subjectStart === undefined || subjectStart < searchedTo) continue;
    if (MEANS_AS_NOUN.test(text.slice(verb, verb + 20))) continue;
    searchedTo = match.index! + match[0].length;
    const subject = text.slice(subjectStart, verb);
    const term = subject.replace(/^(?:[Tt]he|[Aa]n?) (?:term )?/, '');
    // "Clause II of the Reserve Fund Notice refers to Clause (III) of …" is a cross-reference, not a definition.
    if (!isPlausibleTerm(term) || NOT_A_TERM.test(term) || ENDS_IN_FUNCTION_WORD.test(term)) continue;
    const start = subjectStart + subject.indexOf(term);
    const definedFrom = match.index! + match[0].length;
    found.push({ term, start, end: start + term.length, definition: definitionAfter(text, definedFrom), definedFrom });
  }
  return found;
}

/**
 * Where the subject ending at `end` starts: a run of one to eight words (letters, ' and -) separated by single
 * spaces, capitalised, that begins the text, a line, or a sentence (after ". ", ")" …). Undefined otherwise.
 */
function sentenceSubjectStart(text: string, end: number): number | undefined {
  let start = end;
  for (let words = 0; ; words++) {
    let wordStart = start;
    while (wordStart > 0 && isTermWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
    if (wordStart === start || words === MAX_TERM_WORDS) return undefined;
    start = wordStart;
    if (text.charCodeAt(start - 1) !== 0x20 || !isTermWordChar(text.charCodeAt(start - 2))) break;
    start--;
  }
  const first = text.charCodeAt(start);
  if (first >= 0x41 && first <= 0x5a && startsSentence(text, start)) return start;
  return followsLeadIn(text, start) ? start : undefined;
}

/**
 * "For the purposes of this Notice, a financial data processor means …", "In these Measures, the term …": a
 * sentence that opens with the scope of its definitions, then the subject, in lower case after the comma.
 */
const DEFINITIONS_LEAD_IN = /(?:^|[\n.;:!?)] ?)(?:For the purposes? of|As used in|In) (?:this|these|the) [A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3}, $/;
const MAX_LEAD_IN = 64;

/** After the lead-in, the subject is a noun phrase with its article: "a financial data processor", "the term …". */
const ARTICLE = /^(?:an?|the) /;

function followsLeadIn(text: string, start: number): boolean {
  return text.charCodeAt(start - 2) === 0x2c && ARTICLE.test(text.slice(start, start + 4)) &&
    DEFINITIONS_LEAD_IN.test(text.slice(Math.max(0, start - MAX_LEAD_IN), start));
}

function isTermWordChar(code: number): boolean {
  return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code === 0x27 || code === 0x2d;
}

/** Whether offset `start` follows the start of the text, a line break, ")" or ") ", or ". " (and ; : ! ?). */
function startsSentence(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  if (before === 0x0a || before === 0x29) return true;
  if (before !== 0x20) return false;
  const punctuation = text.charCodeAt(start - 2);
  return punctuation === 0x29 || punctuation === 0x2e || punctuation === 0x3b || punctuation === 0x3a || punctuation === 0x21 || punctuation === 0x3f;
}

function chineseParenthesisDefinitions(folded: LinedText): RawDefinition[] {
  const found: RawDefinition[] = [];
  let previousEnd = 0;
  for (const { start, close } of chineseNamingParentheses(folded.text)) {
    const content = folded.text.slice(start + 1, close);
    const names: FoundName[] = [];
    let gathers = false;
    for (const naming of content.matchAll(CHINESE_NAMING)) {
      const at = naming.index! + naming[0].length;
      names.push(...chineseNamesAt(content, at, start + 1));
      gathers ||= GATHERS.test(naming[0]);
    }
    if (names.length === 0) continue;
    const end = isComma(folded.text.charCodeAt(start)) ? openingParenthesisBefore(folded.text, start) : start;
    const gathered = gathers || !names.every((name) => abbreviatesLastItem(folded.text, end, name.term));
    const phraseStart = afterJoiner(folded.text, Math.max(chinesePhraseStart(folded, end, gathered), previousEnd), end);
    previousEnd = close + 1;
    const phrase = { definition: folded.text.slice(phraseStart, end), abbreviates: { start: phraseStart, end } };
    for (const name of names) found.push({ term: name.term, start: name.start, end: name.start + name.term.length, ...phrase });
  }
  return found;
}

/**
 * The Chinese parentheses that may name: one that holds a 称 (every naming word has one) in at most
 * MAX_CHINESE_PARENTHESIS characters, none of them a bracket or a line break; or, when it is longer or opens with no
 * bracket of its own, its last part from the first comma with a 称 soon after it (（…令（2007）第2号发布，以下简称
 * 《办法》） is read from the comma). `start` is the bracket or the comma, `close` the closing bracket. Found from each
 * 称, by a native search; the stretch between brackets around it is read once.
 */
function chineseNamingParentheses(text: string): { start: number; close: number }[] {
  const found: { start: number; close: number }[] = [];
  for (let cheng = text.indexOf('称'); cheng >= 0; cheng = text.indexOf('称', cheng + 1)) {
    const close = nextBracketOrBreak(text, cheng);
    if (close < 0 || !isClosingBracket(text.charCodeAt(close))) continue;
    const earliest = Math.max(0, close - MAX_CHINESE_PARENTHESIS - 1);
    const open = previousBracketOrBreak(text, cheng, earliest);
    if (open >= 0 && isOpeningBracket(text.charCodeAt(open)) && close - open - 1 <= MAX_CHINESE_PARENTHESIS) {
      found.push({ start: open, close });
    } else {
      const comma = namingComma(text, Math.max(open + 1, earliest), close);
      if (comma >= 0) found.push({ start: comma, close });
    }
    cheng = close;
  }
  return found;
}

/** The first bracket or line break after `from`, within a parenthesis's reach; -1 if none. */
function nextBracketOrBreak(text: string, from: number): number {
  for (let i = from; i < text.length && i - from <= MAX_CHINESE_PARENTHESIS; i++) if (isBracketOrBreak(text.charCodeAt(i))) return i;
  return -1;
}

/** The last bracket or line break before `from`, not before `earliest`; -1 if none. */
function previousBracketOrBreak(text: string, from: number, earliest: number): number {
  for (let i = from - 1; i >= earliest; i--) if (isBracketOrBreak(text.charCodeAt(i))) return i;
  return -1;
}

/** The first comma in [from, close) with a 称 after it, no other comma between, at most MAX_NAMING_AFTER_COMMA characters on; -1 if none. */
function namingComma(text: string, from: number, close: number): number {
  for (let comma = from; comma < close - 1; comma++) {
    if (!isComma(text.charCodeAt(comma))) continue;
    for (let i = comma + 1; i < close && i - comma - 1 <= MAX_NAMING_AFTER_COMMA && !isComma(text.charCodeAt(i)); i++) {
      if (text.charCodeAt(i) === 0x79f0) return comma;
    }
  }
  return -1;
}

function isBracketOrBreak(code: number): boolean {
  return isOpeningBracket(code) || isClosingBracket(code) || code === 0x0a;
}

function isOpeningBracket(code: number): boolean {
  return code === 0xff08 || code === 0x28;
}

function isClosingBracket(code: number): boolean {
  return code === 0xff09 || code === 0x29;
}

/** The code units of `chars`, as a set. */
function codesOf(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((char) => char.charCodeAt(0)));
}

function isComma(code: number): boolean {
  return code === 0xff0c || code === 0x2c;
}

/** The names after naming words at `at`: quoted names joined by 或 、 和 …, or one unquoted name. */
function chineseNamesAt(content: string, at: number, offset: number): FoundName[] {
  const names: FoundName[] = [];
  for (;;) {
    CHINESE_QUOTED_NAME.lastIndex = at;
    const match = CHINESE_QUOTED_NAME.exec(content);
    if (!match) break;
    const term = match[1]!.trim();
    if (isPlausibleTerm(term)) names.push({ term, start: offset + at + match[0].indexOf(term), quoted: true });
    at += match[0].length;
    CHINESE_NAME_SEPARATOR.lastIndex = at;
    const separator = CHINESE_NAME_SEPARATOR.exec(content);
    if (!separator) break;
    at += separator[0].length;
  }
  if (names.length > 0) return names;
  CHINESE_UNQUOTED_NAME.lastIndex = at;
  const unquoted = CHINESE_UNQUOTED_NAME.exec(content)?.[0];
  if (!unquoted) return [];
  // （以下简称本行或我行）: two short names; 金融产品或金融服务经营者 is one.
  const parts = unquoted.split(/或|、/).map((part) => part.replace(QUOTES, ''));
  const terms = parts.length > 1 && parts.every((part) => isPlausibleTerm(part) && part.length <= MAX_SHORT_NAME) ? parts : [unquoted.replace(QUOTES, '')];
  return terms.filter(isPlausibleTerm).map((term) => ({ term, start: offset + content.indexOf(term, at), quoted: false }));
}

/**
 * Where the phrase before （以下简称…） begins: 境外机构（以下简称“机构”） abbreviates 境外机构, back to punctuation (a
 * 、 too, unless the name gathers several: 银行、保险公司（以下统称“金融机构”）) or to a line break the phrase does not go
 * on over.
 */
function chinesePhraseStart(folded: LinedText, end: number, gathers: boolean): number {
  const text = folded.text;
  const boundaries = gathers ? CHINESE_GATHERED_BOUNDARY : CHINESE_PHRASE_BOUNDARY;
  const breaks = structuralBreaks(text, (offset) => folded.lineBreakBefore(offset));
  let start = end;
  while (start > 0 && end - start < MAX_CHINESE_PHRASE && !stopsPhrase(folded, start, end, breaks)) {
    const before = text.charCodeAt(start - 1);
    // Only a closing mark ends a label or a piece of the phrase: any other character is compared and passed.
    if (CLOSING_MARKS.has(before)) {
      if (isClosingBracket(before) && LABEL_ENDING.test(text.slice(Math.max(0, start - LABEL_REACH), start))) break;
      const opening = openingMarkBefore(text, start, end - MAX_CHINESE_PHRASE);
      if (opening !== undefined) {
        start = opening;
        continue;
      }
    }
    // A paragraph break ("\n" in the folded text) ends a phrase too.
    if (boundaries.has(before) || before === 0x0a) break;
    start--;
  }
  let phrase = text.slice(start, end);
  // 本办法所称外币代兑机构，是指与…商业银行及其分支行（以下简称银行）: the phrase is what the term is defined as.
  const verb = Math.max(phrase.lastIndexOf('是指'), phrase.lastIndexOf('系指'));
  if (verb >= 0) phrase = phrase.slice(verb + 2);
  for (const lead of [LABEL_BEFORE_TERM, CHINESE_SCOPE_LEAD, CHINESE_LEAD_VERB]) phrase = phrase.slice(lead.exec(phrase)?.[0].length ?? 0);
  return end - phrase.length;
}

/** A clause label in brackets, （一） (3) (b): a phrase starts after it, even where it does not start its line. */
const LABEL_ENDING = /[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2}|[a-z]|[ivx]{1,4})[）)]$/;
const LABEL_REACH = 5;

/**
 * A title, quotation or parenthesis ending at `end` is one piece of a phrase: where its 《, “ or （ opens, not before
 * `limit`. A company's name holds a place or a kind in brackets: 恒远支付（香港）有限公司（以下简称“香港公司”）
 * abbreviates the whole name.
 */
function openingMarkBefore(text: string, end: number, limit: number): number | undefined {
  const open = CLOSING_MARKS.get(text.charCodeAt(end - 1));
  const from = Math.max(0, limit);
  if (open === undefined || end - 2 < from) return undefined;
  const at = text.lastIndexOf(open, end - 2);
  // Not across a paragraph break ("\n" in the folded text); the look is bounded by `limit`.
  return at >= from && !text.slice(at, end).includes('\n') ? at : undefined;
}

/** Closing marks by code unit, to the mark that opens them. */
const CLOSING_MARKS = new Map([['》', '《'], ['”', '“'], ['」', '「'], ['）', '（'], [')', '(']].map(([close, open]) => [close!.charCodeAt(0), open!]));

/**
 * Whether a short name abbreviates only the last item of a list (中国人民银行、国家外汇管理局（以下简称外汇局）):
 * an abbreviation is made of its phrase's characters, in order. A name that is not (农村信用合作社（下称银行）)
 * names the whole list before it.
 */
function abbreviatesLastItem(text: string, end: number, name: string): boolean {
  let start = end;
  while (start > 0 && end - start < MAX_CHINESE_PHRASE && !CHINESE_PHRASE_BOUNDARY.has(text.charCodeAt(start - 1))) start--;
  if (text[start - 1] !== '、') return true;
  let at = start;
  for (const char of name.replace(/^[《“]|[》”]$/g, '')) {
    at = text.indexOf(char, at);
    if (at < 0 || at >= end) return false;
    at++;
  }
  return true;
}

/** Past the punctuation and conjunction that join a phrase to the definition before it: "…) and B Ltd", "…）与B公司". */
function afterJoiner(text: string, start: number, end: number): number {
  const joiner = JOINER.exec(text.slice(start, Math.min(end, start + 8)));
  return start + (joiner?.[0].length ?? 0);
}

/** The "(" or "（" that opens the parenthesis `offset` stands in, skipping whole parentheses inside it; `offset` if none is near. */
function openingParenthesisBefore(text: string, offset: number): number {
  let depth = 0;
  for (let i = offset - 1; i >= 0 && offset - i <= MAX_DEFINITION; i--) {
    const char = text[i];
    // Not across a paragraph break ("\n" in the folded text).
    if (char === '\n') break;
    if (char === '）' || char === ')') depth++;
    else if (char === '（' || char === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return offset;
}

function chineseIsDefinedDefinitions(folded: LinedText): RawDefinition[] {
  const text = folded.text;
  const found: RawDefinition[] = [];
  for (let zhi = text.indexOf('指'); zhi >= 0; zhi = text.indexOf('指', zhi + 1)) {
    const verb = chineseVerbEndingAt(text, zhi);
    const anchor = zhi + 1 - verb.length;
    if (!isDefiningVerb(text, verb, anchor)) continue;
    const bareVerb = verb !== '是指' && verb !== '系指';
    // "X，是指" puts a comma between the term and the verb.
    const termEnd = !bareVerb && /[，,]/.test(text[anchor - 1] ?? '') ? anchor - 1 : anchor;
    const quoted = quotedTermBefore(text, termEnd);
    const term = quoted ?? plainTermBefore(folded, termEnd, bareVerb);
    if (!term || !isPlausibleTerm(term.text) || term.text.length > 20) continue;
    const definedFrom = zhi + 1;
    const definition = definitionAfter(text, definedFrom);
    const others = quoted ? quotedNamesBefore(text, quoted.start - 1).map((name) => ({ text: name.text, start: name.start })) : [];
    for (const name of [...others, term]) {
      if (isPlausibleTerm(name.text)) found.push({ term: name.text, start: name.start, end: name.start + name.text.length, definition, definedFrom });
    }
  }
  return found;
}

/** “数字钱包”是指: the quoted term ending at `end`. */
function quotedTermBefore(text: string, end: number): { text: string; start: number } | undefined {
  const close = text[end - 1];
  const open = close === '”' ? '“' : close === '」' ? '「' : close === '"' ? '"' : undefined;
  if (!open) return undefined;
  // Search back only as far as a term can reach, so a stray quote mark costs nothing on a long text.
  const window = text.slice(Math.max(0, end - MAX_QUOTED_TERM), end - 1);
  const index = window.lastIndexOf(open);
  if (index < 0) return undefined;
  const start = end - 1 - window.length + index;
  return { text: text.slice(start + 1, end - 1), start: start + 1 };
}

/**
 * 本办法所称数字钱包，是指: the phrase back to the previous punctuation or a heading's line break, without a 所称 lead-in.
 * Before a bare 指 the term must be led in by 所称 or start its sentence: "…，指导银行" is no definition.
 */
function plainTermBefore(folded: LinedText, end: number, bareVerb: boolean): { text: string; start: number } | undefined {
  const text = folded.text;
  let start = end;
  while (start > 0 && end - start < 40 && !CHINESE_TERM_BOUNDARY.test(text[start - 1]!) && !followsHeading(folded, start)) start--;
  const raw = text.slice(start, end);
  if (bareVerb && !CHINESE_SCOPE_PREFIX.test(raw) && !(start === 0 || /[。；;：:\n）)、]/.test(text[start - 1]!) || folded.lineBreakBefore(start))) return undefined;
  const term = raw.replace(CHINESE_SCOPE_PREFIX, '').replace(LABEL_BEFORE_TERM, '');
  return term.length > 0 ? { text: term, start: start + raw.length - term.length } : undefined;
}

/** A term is a short phrase; a short title in 《》 counts whole (（以下简称《条例》）): its uses keep the marks. */
function isPlausibleTerm(term: string): boolean {
  const bare = /^《[^《》]+》$/.test(term) ? term.slice(1, -1) : term;
  return bare.length >= 2 && term.length <= 60 && !/[()（）《》\n]/.test(bare) && term.split(' ').length <= 8;
}

/** Where the sentence that ends at `end` starts: back to the previous sentence end, a colon, or a line break it does not go on over. */
function sentenceStart(folded: LinedText, end: number): number {
  const breaks = structuralBreaks(folded.text, (offset) => folded.lineBreakBefore(offset));
  let start = end;
  // A paragraph break ("\n" in the folded text) ends it too.
  while (start > 0 && end - start < MAX_DEFINITION && !endsSentenceAt(folded.text, start - 1) && folded.text[start - 1] !== ':' &&
    folded.text[start - 1] !== '\n' && !stopsPhrase(folded, start, end, breaks)) start--;
  return end - start >= MAX_DEFINITION ? nextWordStart(folded.text, start, end) : start;
}

/** A phrase cut at its greatest length starts at a word, not inside one ("…lated activities" → "activities"). */
function nextWordStart(text: string, start: number, end: number): number {
  let at = start;
  if (/[A-Za-z0-9]/.test(text[at - 1] ?? '')) while (at < end && /[A-Za-z0-9'’-]/.test(text[at]!)) at++;
  while (at < end && text[at] === ' ') at++;
  return at;
}

/**
 * Whether the phrase ending at `end` stops at a line break before folded offset `offset` rather than going on into
 * the line before: it stops before a line that starts with a clause label or list mark, and after a heading (unless
 * the parenthesis itself starts the line).
 */
function stopsPhrase(folded: LinedText, offset: number, end: number, breaks: (offset: number) => boolean): boolean {
  // A parenthesis that starts its line names the line before, whatever that is.
  if (offset === end || !folded.lineBreakBefore(offset)) return false;
  return breaks(offset) || followsHeading(folded, offset);
}

/** Whether the line before a line break at `offset` is a heading. */
function followsHeading(folded: LinedText, offset: number): boolean {
  if (!folded.lineBreakBefore(offset)) return false;
  const previous = previousLine(folded, offset);
  return previous !== undefined && isHeading(previous);
}

/** The line that ends at the line break before `offset`, or undefined when it is longer than a heading can be. */
function previousLine(folded: LinedText, offset: number): string | undefined {
  let start = offset - 1;
  while (start > 0 && !folded.lineBreakBefore(start)) {
    if (offset - start > MAX_HEADING) return undefined;
    start--;
  }
  return folded.text.slice(start, offset).trim();
}

/**
 * A line that stands alone: no punctuation inside, and short, or a title, a line that ends in a notice number or a
 * date, a labelled heading (第一章 总则).
 */
function isHeading(line: string): boolean {
  if (/[。；;!?！？，,：:]/.test(line)) return false;
  return width(line) <= SHORT_LINE_WIDTH || isTitle(line) || /(?:号|No\.\s*\d+|日|\d{4})$/.test(line) ||
    /^(?:#|第\S{1,6}[章节编条]|(?:Chapter|Part|Section|Article)\s|[一二三四五六七八九十]+、|[IVXLC]+\.\s|[（(]\S{1,4}[）)])/.test(line);
}

/** A line's width in columns: a wide (CJK) character takes two. */
function width(line: string): number {
  let columns = 0;
  for (let i = 0; i < line.length; i++) columns += isWide(line.charCodeAt(i)) ? 2 : 1;
  return columns;
}

/** The words of a sentence, without a clause label in front. */
function sentenceWords(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/^[\s)）]*(?:\([IVXLC\d]+\)|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)?\s*/, '').trim();
}

/**
 * What a term is defined as: the words after its verb, to the end of the sentence. A semicolon followed by the next
 * item of an enumeration does not end it ("means: (a) …; (b) …; and (c) …"); one followed by anything else does
 * ("A" means …; "B" means …).
 */
export function definitionAfter(text: string, verbEnd: number): string {
  // Past the colon and spaces after the verb, and the paragraph break of "The term "enterprise" means" set on its own.
  let from = verbEnd;
  while (from < text.length && from - verbEnd < 4 && /[\s:：,，]/.test(text[from]!)) from++;
  const limit = Math.min(text.length, from + MAX_DEFINITION_AFTER_VERB);
  const end = definitionEnd(text, from, limit);
  const words = text.slice(from, Math.min(end + 1, limit)).trim().replace(/\n/g, ' ');
  return end >= limit && limit < text.length ? `${words} …` : words;
}

/** The first offset in [from, limit) that ends a definition, or `limit`: only the marks that may end a sentence are tried. */
function definitionEnd(text: string, from: number, limit: number): number {
  const window = text.slice(from, limit);
  SENTENCE_MARK.lastIndex = 0;
  while (SENTENCE_MARK.test(window)) {
    const at = from + SENTENCE_MARK.lastIndex - 1;
    if (endsDefinitionAt(text, at)) return at;
  }
  return limit;
}

/** What endsSentenceAt may accept. */
const SENTENCE_MARK = /[。！？；!?;\n.]/g;

function endsDefinitionAt(text: string, index: number): boolean {
  if (!endsSentenceAt(text, index)) return false;
  const char = text[index];
  if (char === '\n') return !(ITEM_ENDS.test(text.slice(Math.max(0, index - 8), index)) && ENUMERATION_GOES_ON.test(text.slice(index + 1, index + 16)));
  return (char !== ';' && char !== '；') || !ENUMERATION_GOES_ON.test(text.slice(index + 1, index + 16));
}

/** The key a defined term and its uses share. */
function termKey(term: string): string {
  return term.toLowerCase().replace(/[\s-]+/g, ' ');
}

export function toDefinedTerm(raw: RawDefinition, span: { start: number; end: number }): DefinedTerm {
  return { term: raw.term, key: termKey(raw.term), span, definition: raw.definition };
}
