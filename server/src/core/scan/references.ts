/**
 * Recognises references to clauses in folded text: "Clause (IX)", "Article 5 of this Notice", "paragraph 2 of
 * Article 5", "第（二）项", "第十三条第一款", "本通知第五条", "前款". A reference that points into another document
 * ("Clause (5) of Yinfa [2026] No. 42", "Article 5 of the Securities Law", "《证券法》第十条", "刑法第一百九十一条")
 * is kept with `external`: where the words naming that document stand, so the document can tell which one it is.
 * Resolution (against this document's clause tree, or the cited notice's) happens later.
 */
import type { LabelStyle, ReferenceStep } from '../model';
import { arabicOrChineseValue, CHINESE_NUMERAL_PATTERN, chineseNumeralValue, decimalPath, ENGLISH_NUMBER_WORD_PATTERN, englishNumberWordValue, romanValue } from '../text/numerals';
import { CHINESE_DOCUMENT_TYPE, CHINESE_DOCUMENT_TYPE_ENDINGS, ENGLISH_DOCUMENT_TYPE } from './documentTypes';
import { isSpace } from '../text/chars';

/**
 * Where a reference into another document names it, in folded offsets: the naming words end at `before`
 * (《证券法》第十条, 42号文第（五）项) or start at `after` ("… of the 2026 Notice"). Neither, for a law named without
 * marks (刑法第一百九十一条): the document is other, but not one regtext can name. References of one list or one
 * governing law share the object.
 */
export interface ExternalDocument {
  before?: number;
  after?: number;
}

export interface RawReference {
  /** Folded offsets. */
  start: number;
  end: number;
  steps: ReferenceStep[];
  explicitlyInternal: boolean;
  external?: ExternalDocument;
  /** A number with no word before it ("see 2.3.1"): a reference only if it names a clause. */
  bare?: true;
}

/** Whether a citation of a document (a number, a title, a short name, "the same notice") starts, or ends, at a folded offset. */
export type CitationAt = (foldedOffset: number) => boolean;

const ZH_NUMERAL = `${CHINESE_NUMERAL_PATTERN}|\\d+`;
/**
 * 本办法, 本通知, 本判决, 本说明, …: this document (its kind in group 1); 本条: this article. Beside the kinds of documents
 * that cite one another, those that name only themselves: a judgment, an explanation, a contract.
 */
const ZH_THIS_DOCUMENT = new RegExp(`本(${CHINESE_DOCUMENT_TYPE}|判决|裁定|说明|决议|章程|合同|协议|函|报告)书?|本条`, 'y');
/** 2.3 and 2.3.1: the numbers of memos and guidelines (a date or a version has more digits, or a letter before). */
const DECIMAL = '\\d{1,2}(?:\\.\\d{1,3}){1,4}';
const ZH_STEP = new RegExp(
  `第(${ZH_NUMERAL})([条章节编款项目]|部分)(之[一二三四五六七八九十]+)?|第[（(](${ZH_NUMERAL})[）)]项|第(${DECIMAL})(?:条|节|款|项|部分)` +
  // 前款, 前两条, 前项, 上一条, 下一款 (not 前款项, money paid before, nor 前项目, the previous project).
  // 前两目: the two numbered sub-items (1. 2.) before (not 前目标, 前目录).
  '|(前|上一|下一)([一两二三四五])?([条款项]|目(?![标录的]))(?![项目])', 'y');
/** 第五至八条, 第五至第八条: a range written with one 第 … 条. */
const ZH_SHORT_RANGE = new RegExp(`第(${ZH_NUMERAL})\\s*(?:至|到|—|-|~|～)\\s*(第?)(${ZH_NUMERAL})([条章节编款项])`, 'y');
/** Words that end in 前 (提前, 目前, 以前 …): 前款 after them is no reference (提前款项 is money paid early). */
const ENDS_WORD_WITH_QIAN = new Set([...'提目此以事当之空向面眼生日先从届会']);
/** A law or document named right before a reference makes it a reference into that document. */
const ZH_OTHER_DOCUMENT = new RegExp(`(?:》|号[文令]?[）)]?|法例|判决书?|裁定书?|${CHINESE_DOCUMENT_TYPE})$`);
/** The last characters of what ZH_OTHER_DOCUMENT looks for: 》, 号 文 令 ） ), 例 of 法例, 决 书 定 of judgments, a document type's. */
const OTHER_DOCUMENT_LAST: ReadonlySet<number> = new Set([
  ...'》号文令）)例决书定', ...CHINESE_DOCUMENT_TYPE_ENDINGS,
].map((char) => char.charCodeAt(0)));
const ZH_THIS_BEFORE = new RegExp(`本(?:${CHINESE_DOCUMENT_TYPE}|判决书?|裁定书?)$`);

const ARTICLE_STYLES: LabelStyle[] = ['zh-article', 'en-article', 'section-sign'];
const CHAPTER_STYLES: LabelStyle[] = ['en-chapter', 'zh-chapter'];
const SECTION_STYLES: LabelStyle[] = ['section-sign', 'en-section', 'zh-section'];
const PART_STYLES: LabelStyle[] = ['roman-dot', 'en-part', 'zh-dot', 'zh-part'];
const NO_STYLES: LabelStyle[] = [];
const DECIMAL_STYLES: LabelStyle[] = ['decimal'];
const SUB_ITEM_STYLES: LabelStyle[] = ['arabic-dot', 'paren-arabic'];
/** 本判决第二项, 本意见第三项: a bare number after the document's own name is one of its parts (二、), before an item （二）. */
const PART_ITEM_STYLES: LabelStyle[] = ['zh-dot', 'roman-dot', 'zh-paren', 'paren-arabic', 'paren-roman'];
const ZH_STEP_STYLES: Record<string, { kind: ReferenceStep['kind']; styles: LabelStyle[] }> = {
  条: { kind: 'article', styles: ARTICLE_STYLES },
  章: { kind: 'chapter', styles: ['zh-chapter', 'en-chapter'] },
  节: { kind: 'section', styles: ['zh-section', 'en-section'] },
  编: { kind: 'part', styles: ['zh-part', 'en-part'] },
  // 第（三）项 is （三） in the original and (III) in its English translation; a notice numbered 一、二、 calls its
  // parts 项 too (第三项 is 三、, III. in English).
  项: { kind: 'item', styles: ['zh-paren', 'paren-arabic', 'paren-roman', 'zh-dot', 'roman-dot'] },
  // 第（二）项第2目: a numbered sub-item (1. 2.) of an item.
  目: { kind: 'item', styles: SUB_ITEM_STYLES },
  // 第三部分: the third part of a notice numbered 一、二、三、 (III. in its translation).
  部分: { kind: 'part', styles: ['zh-dot', 'roman-dot', 'zh-part', 'en-part'] },
};

/** The labels a 项 is written with: （三） in the original, (III) or (3) in translation, 三、 in a notice numbered so. */
const ITEM_STYLES = ZH_STEP_STYLES['项']!.styles;

export function scanChineseReferences(text: string, isLabelAt: (foldedOffset: number) => boolean, citationEndsAt: CitationAt): RawReference[] {
  const found: RawReference[] = [];
  // "依照刑法第一百七十六条、第一百九十二条": the law named first governs the sentence's later bare references.
  let governing: { until: number; external: ExternalDocument } | undefined;
  // The text before this offset has been searched for the end of the governing law's sentence: each character once.
  let searchedUpTo = 0;
  let previous: RawReference | undefined;
  const anchors = new ChineseAnchors(text);
  let anchor = anchors.next(0);
  while (anchor >= 0) {
    const group = isLabelAt(anchor) ? [] : parseChineseGroup(text, anchor, previous);
    if (group.length > 0 && governing && hasSentenceBreak(text, Math.max(searchedUpTo, governing.until), anchor)) governing = undefined;
    if (group.length > 0) searchedUpTo = anchor;
    for (const reference of group) {
      // 前款, 下列: relative references are always this document's.
      if (!reference.explicitlyInternal && !reference.external && !reference.steps[0]!.relative && !namesAttachmentAlone(reference)) {
        // 《证券法》第十条, 42号文第（五）项, and a short name of any form the document defines (新规第（一）项).
        const named = namedBefore(text, anchor, citationEndsAt);
        if (named !== undefined) reference.external = { before: named };
        else if (governing) reference.external = governing.external;
      }
      if (reference.external) governing = { until: reference.end, external: reference.external };
      found.push(reference);
    }
    previous = group[group.length - 1] ?? previous;
    anchor = anchors.next(group.length > 0 ? previous!.end : anchor + 1);
  }
  return found;
}

/**
 * What joins the two ends of a range: 第五条至第八条, （七）至（九）, "Clauses (5) to (8)", "Articles 3 through 6". Not a
 * paragraph break (a "\n" in the folded text).
 */
const RANGE_JOINER = /^[^\S\n]*(?:至|到|to|through|–|—|-|~|～)[^\S\n]*$/;
/** The longest joiner RANGE_JOINER accepts: "  through  ". */
const MAX_RANGE_JOINER = 16;
/** A range names at most this many members in between: beyond, it is no range of clauses (第一条至第九百条 is a typo). */
const MAX_RANGE_MEMBERS = 30;

/**
 * The members a range names in between its ends, each a reference of its own that covers the whole range: find
 * references on （八） finds 第（七）至（九）项. `references` are in text order (those of a scan of the whole text: the
 * Chinese, or the English numbered ones). The members added are at most as many as the references written, so a text
 * of ranges stays linear.
 */
export function withRangeMembers(text: string, references: RawReference[]): RawReference[] {
  const members: RawReference[] = [];
  for (let i = 1; i < references.length && members.length < references.length; i++) {
    const [first, last] = [references[i - 1]!, references[i]!];
    const firstStep = first.steps[first.steps.length - 1]!;
    const lastStep = last.steps[last.steps.length - 1]!;
    if (first.steps.length !== last.steps.length || firstStep.kind !== lastStep.kind || firstStep.relative || lastStep.relative) continue;
    if (last.start - first.end > MAX_RANGE_JOINER || !RANGE_JOINER.test(text.slice(first.end, last.start))) continue;
    const between = stepsBetween(firstStep, lastStep);
    if (between.length === 0) continue;
    for (const step of between) {
      members.push({
        start: first.start, end: last.end, steps: [...last.steps.slice(0, -1), step],
        explicitlyInternal: first.explicitlyInternal || last.explicitlyInternal, ...(last.external ? { external: last.external } : {}),
      });
    }
  }
  return members.length === 0 ? references : [...references, ...members].sort((a, b) => a.start - b.start);
}

/**
 * The steps a range names between its ends: one for each number between; for decimals ("Rules 2.1.1 to 2.1.3", "steps
 * 1.1 to 2.2"), one step that names every clause numbered between them (which the clause tree knows).
 */
function stepsBetween(first: ReferenceStep, last: ReferenceStep): ReferenceStep[] {
  if (first.path || last.path) {
    if (!first.path || !last.path || first.path.length !== last.path.length || !precedes(first.path, last.path)) return [];
    return [{ ...first, through: last.path }];
  }
  if (last.value - first.value < 2 || last.value - first.value > MAX_RANGE_MEMBERS) return [];
  const steps: ReferenceStep[] = [];
  const scope = last.scope === undefined ? {} : { scope: last.scope };
  for (let value = first.value + 1; value < last.value; value++) steps.push({ kind: last.kind, styles: last.styles, value, ...scope });
  return steps;
}

/** Whether decimal numbers `a` come before `b` with at least one number between them at their depth possible. */
function precedes(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! && (i < a.length - 1 || b[i]! - a[i]! >= 2);
  return false;
}

/**
 * The references at an anchor: one chain (第十三条第一款第（二）项), continuing a list the previous one began; or the
 * ends of a short range (第五至八条) or the members of an item list (第（三）、（五）项), each a reference of its own,
 * inside the article just before it if any (第五条第（三）、（五）项, 第一条第一至三项).
 */
function parseChineseGroup(text: string, anchor: number, previous: RawReference | undefined): RawReference[] {
  if (text.charCodeAt(anchor) === 0x9644) return annexAlone(text, anchor); // 附
  const chain = parseChineseChain(text, anchor);
  if (chain) return [previous ? continuing(text, previous, withAnnexBefore(text, chain)) : withAnnexBefore(text, chain)];
  // Ranges and lists of items begin with 第: the other anchors (本, 前 …) that start no chain start nothing.
  if (text.charCodeAt(anchor) !== 0x7b2c) return [];
  const members = parseShortRange(text, anchor) ?? parseItemList(text, anchor);
  if (!previous || previous.end !== anchor || members.length === 0) return members;
  // 第一条第一至三项: the items of 第一条.
  const context = contextFor(previous, members[0]!.steps[0]!);
  for (const member of members) {
    member.steps = [...context, ...member.steps];
    member.explicitlyInternal = previous.explicitlyInternal;
    if (previous.external) member.external = previous.external;
  }
  return members;
}

const ZH_PARENTHESISED_NUMERAL = `[（(]\\s*(?:${ZH_NUMERAL})\\s*[）)]`;
/** 第（三）、（五）项, 第（一）至（四）项, 第（二）和（三）项: several items under one 第…项. */
const ZH_ITEM_LIST = new RegExp(`第((?:${ZH_PARENTHESISED_NUMERAL}\\s*(?:、|，|,|和|及|或|至|到)\\s*)+${ZH_PARENTHESISED_NUMERAL})项`, 'y');
const ZH_LIST_MEMBER = new RegExp(`[（(]\\s*(${ZH_NUMERAL})\\s*[）)]`, 'g');

function parseItemList(text: string, start: number): RawReference[] {
  ZH_ITEM_LIST.lastIndex = start;
  const list = ZH_ITEM_LIST.exec(text);
  if (!list) return [];
  const membersStart = start + 1;
  const members: RawReference[] = [];
  for (const member of list[1]!.matchAll(ZH_LIST_MEMBER)) {
    const value = arabicOrChineseValue(member[1]!);
    if (!value) return [];
    const memberStart = membersStart + member.index!;
    members.push({
      start: members.length === 0 ? start : memberStart, end: memberStart + member[0].length,
      steps: [{ kind: 'item', styles: ITEM_STYLES, value }], explicitlyInternal: false,
    });
  }
  members[members.length - 1]!.end = start + list[0].length;
  return members;
}

/** 第五至八条: its two ends, as 第五条至第八条 would give them (withRangeMembers adds what lies between). */
function parseShortRange(text: string, start: number): RawReference[] | undefined {
  ZH_SHORT_RANGE.lastIndex = start;
  const match = ZH_SHORT_RANGE.exec(text);
  if (!match) return undefined;
  const [, firstNumeral, secondMark, secondNumeral, unit] = match as unknown as string[];
  const first = unitStep(unit!, firstNumeral!);
  const last = unitStep(unit!, secondNumeral!);
  if (!first || !last) return undefined;
  const end = start + match[0].length;
  const lastStart = end - unit!.length - secondNumeral!.length - secondMark!.length;
  return [
    { start, end: start + 1 + firstNumeral!.length, steps: [first], explicitlyInternal: false },
    { start: lastStart, end, steps: [last], explicitlyInternal: false },
  ];
}

/** Whether 。 ； ; or a paragraph break stands in [start, end). */
function hasSentenceBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3002 || code === 0xff1b || code === 0x3b || code === 0x0a) return true;
  }
  return false;
}
/** What joins the members of a list of references: 第（三）项至第（六）项, 第五条、第六条, 第一项和第七项. */
const LIST_JOINER = /^(?:至|到|、|和|或|及|与|以及|或者)$/;

/**
 * A reference that continues a list, and names a smaller unit than the list's first, belongs where the first one
 * points: in 第三十九条第一款第（三）项至第（六）项, the second is 第三十九条第一款第（六）项.
 */
function continuing(text: string, previous: RawReference, next: RawReference): RawReference {
  if (!LIST_JOINER.test(text.slice(previous.end, next.start))) return next;
  const first = next.steps[0]!;
  // 本判决第一项、第二项: the second is in the judgment's part too.
  const own = previous.steps[0]!;
  if (own.scope && !next.explicitlyInternal && first.kind === own.kind && !first.relative) {
    return { ...next, steps: [ownDocumentStep(first, own.scope, text.charCodeAt(next.start + 1)), ...next.steps.slice(1)] };
  }
  const context = contextFor(previous, first);
  if (context.length === 0 || first.relative) return next;
  return {
    ...next, steps: [...context, ...next.steps], explicitlyInternal: next.explicitlyInternal || previous.explicitlyInternal,
    ...(previous.external ? { external: previous.external } : {}),
  };
}

/**
 * Where the next 第, 本, 前, 上一, 下一 or 下列 stands: each found by the native search, and remembered until it is passed,
 * so the text is searched once for each of them (English text, which has none, costs a few quick searches in all).
 * 上 and 下 alone (以上, 上述, 下发) begin no reference: they are not looked at.
 */
class ChineseAnchors {
  /** For each anchor, where it stands next: -2 before the first search, -1 when there is none left. */
  private readonly found = ANCHORS.map(() => -2);

  constructor(private readonly text: string) {}

  next(from: number): number {
    let nearest = -1;
    for (let i = 0; i < ANCHORS.length; i++) {
      let at = this.found[i]!;
      if (at !== -1 && at < from) this.found[i] = at = this.text.indexOf(ANCHORS[i]!, from);
      if (at >= 0 && (nearest < 0 || at < nearest)) nearest = at;
    }
    return nearest;
  }
}

const ANCHORS = ['第', '本', '前', '上一', '下一', '下列', '附件', '附表', '附录'];

function parseChineseChain(text: string, start: number): RawReference | undefined {
  if (text.charCodeAt(start) === 0x524d && ENDS_WORD_WITH_QIAN.has(text[start - 1] ?? '')) return undefined; // 前
  // 有下列情形之一的：the items that follow.
  if (text.startsWith('下列', start)) return { start, end: start + 2, steps: [{ kind: 'item', styles: ITEM_STYLES, value: 1, relative: 'following' }], explicitlyInternal: false };
  let position = start;
  ZH_THIS_DOCUMENT.lastIndex = position;
  const thisDocument = ZH_THIS_DOCUMENT.exec(text);
  if (thisDocument) position += thisDocument[0].length;
  const steps: ReferenceStep[] = [];
  for (;;) {
    ZH_STEP.lastIndex = position;
    const match = ZH_STEP.exec(text);
    if (!match) break;
    const step = chineseStep(match);
    if (!step || !descends(steps[steps.length - 1], step)) break;
    steps.push(step);
    position += match[0].length;
  }
  // 本条 alone: the article the reference stands in.
  if (steps.length === 0 && thisDocument?.[0] === '本条') steps.push({ kind: 'article', styles: ARTICLE_STYLES, value: 1, relative: 'self' });
  if (steps.length === 0) return undefined;
  const kind = thisDocument?.[1];
  if (kind) steps[0] = ownDocumentStep(steps[0]!, kind, text.charCodeAt(start + thisDocument![0].length + 1));
  return { start, end: position, steps, explicitlyInternal: thisDocument !== null };
}

/** 附件1, 附件 2, 附件一, 附表３ or 附件 right before a 第: the attachment a chain is in. */
const ZH_ANNEX_BEFORE = new RegExp(`(附件|附表|附录)[^\\S\\r\\n]*(${ZH_NUMERAL}|[\\d０-９]{1,3})?$`);
/** The longest attachment ZH_ANNEX_BEFORE reads: 附件 and a few numerals and spaces. */
const ANNEX_REACH = 8;

/**
 * 附件1第三条, 附件第（一）项: a chain after an attachment's name is in that attachment, found by its heading (the step
 * English writes "Annex 1"); an attachment without a number is the one headed 附件 (value 0).
 */
function withAnnexBefore(text: string, chain: RawReference): RawReference {
  const code = text.charCodeAt(chain.start - 1);
  if (text.charCodeAt(chain.start) !== 0x7b2c || !(code === 0x4ef6 || code === 0x8868 || code === 0x5f55 || isDigitOrNumeral(code) || isSpace(code))) return chain; // 第; 件 表 录
  const match = ZH_ANNEX_BEFORE.exec(text.slice(Math.max(0, chain.start - ANNEX_REACH), chain.start));
  if (!match) return chain;
  const value = match[2] === undefined ? 0 : arabicOrChineseValue(toHalfWidthDigits(match[2]));
  if (value === undefined) return chain;
  const annex: ReferenceStep = { kind: 'part', styles: NO_STYLES, value, scope: CHINESE_ANNEX_UNITS.get(match[1]!)! };
  return { ...chain, start: chain.start - match[0].length, steps: [annex, ...chain.steps] };
}

/** After a numeral, what makes it a word or a count: 附件一并报送 (together), 附件三份 (three copies). */
const NUMERAL_IN_WORD = '[并起律致同样般定些道旦直切经体份张页个件套]';
/** 附件2, 附表３, 附录一: an attachment named by its number; one before a 第 is read with the chain after it (withAnnexBefore). */
const ZH_ANNEX_ALONE = new RegExp(`(附件|附表|附录)[^\\S\\r\\n]*((?:${CHINESE_NUMERAL_PATTERN})(?!${NUMERAL_IN_WORD})|[\\d０-９]{1,3}(?![\\d０-９]))(?![^\\S\\r\\n]*第)`, 'y');

/**
 * 《企业银行结算账户管理办法》（附件1）: an attachment named alone after a title is that title's document attached here,
 * not a part of the document the title names.
 */
function namesAttachmentAlone(reference: RawReference): boolean {
  return reference.steps.length === 1 && ATTACHMENT_SCOPES.has(reference.steps[0]!.scope ?? '');
}

const ATTACHMENT_SCOPES: ReadonlySet<string> = new Set(['annex', 'schedule', 'appendix']);

/** 按照附件２的要求: the attachment itself, found by its heading as "Attachment 2" is in English. */
function annexAlone(text: string, anchor: number): RawReference[] {
  ZH_ANNEX_ALONE.lastIndex = anchor;
  const match = ZH_ANNEX_ALONE.exec(text);
  const value = match ? arabicOrChineseValue(toHalfWidthDigits(match[2]!)) : undefined;
  if (!match || value === undefined) return [];
  const step: ReferenceStep = { kind: 'part', styles: NO_STYLES, value, scope: CHINESE_ANNEX_UNITS.get(match[1]!)! };
  return [{ start: anchor, end: anchor + match[0].length, steps: [step], explicitlyInternal: false }];
}

function isDigitOrNumeral(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19) || CHINESE_NUMERAL_CODES.has(code);
}

const CHINESE_NUMERAL_CODES: ReadonlySet<number> = new Set([...'零〇○一二三四五六七八九十百千两'].map((char) => char.charCodeAt(0)));

function toHalfWidthDigits(numeral: string): string {
  return numeral.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * The first step after 本判决 / 本意见: in the part of the document that kind names (the items after 判决如下：), and a
 * bare 第二项 there is the document's part 二、 rather than an item （二）. `next` is the code unit after 第.
 */
function ownDocumentStep(step: ReferenceStep, kind: string, next: number): ReferenceStep {
  const bareItem = step.styles === ITEM_STYLES && !step.relative && next !== 0xff08 && next !== 0x28; // （ (
  return { ...step, ...(bareItem ? { styles: PART_ITEM_STYLES } : {}), scope: kind };
}

function chineseStep(match: RegExpExecArray): ReferenceStep | undefined {
  if (match[6] !== undefined) return chineseRelativeStep(match[6], match[7], match[8]!);
  if (match[5] !== undefined) return decimalStep(match[5]);
  if (match[4] !== undefined) {
    const value = arabicOrChineseValue(match[4]);
    return value ? { kind: 'item', styles: ITEM_STYLES, value } : undefined;
  }
  const insertion = match[3] ? arabicOrChineseValue(match[3].slice(1)) : undefined;
  const step = unitStep(match[2]!, match[1]!);
  return step && insertion ? { ...step, insertion } : step;
}

/** 第五条, 第二款, 第三部分: the step a unit and its number name. */
function unitStep(unit: string, numeral: string): ReferenceStep | undefined {
  const value = arabicOrChineseValue(numeral);
  if (!value) return undefined;
  if (unit === '款') return { kind: 'paragraph', styles: NO_STYLES, value };
  return { ...ZH_STEP_STYLES[unit]!, value };
}

/** 前款, 前两条 (the two before), 前项, 上一条, 下一款: `value` says how many. */
function chineseRelativeStep(direction: string, count: string | undefined, unit: string): ReferenceStep {
  const relative = direction === '下一' ? 'next' : 'previous';
  const value = count ? chineseNumeralValue(count) ?? 1 : 1;
  if (unit === '款') return { kind: 'paragraph', styles: NO_STYLES, value, relative };
  if (unit === '条') return { kind: 'article', styles: ARTICLE_STYLES, value, relative };
  // 前两项 in item 3. of a list: its items 1. and 2.; 前两目: the sub-items before.
  return { kind: 'item', styles: unit === '目' ? SUB_ITEM_STYLES : RELATIVE_ITEM_STYLES, value, relative };
}

/** 2.3.1, in "section 2.3.1", "第2.3条" or "see 2.3.1". */
function decimalStep(numeral: string): ReferenceStep {
  const path = decimalPath(numeral);
  return { kind: 'section', styles: DECIMAL_STYLES, value: path[path.length - 1]!, path };
}

/** Each step of a chain names a smaller unit than the one before: 第十三条第一款第（二）项. */
const STEP_ORDER: Record<ReferenceStep['kind'], number> = {
  part: 0, chapter: 1, section: 2, article: 3, paragraph: 4, clause: 5, item: 6,
};

function descends(previous: ReferenceStep | undefined, next: ReferenceStep): boolean {
  if (!previous) return true;
  // Items of a notice have paragraphs of their own: 本通知第（二）项第二款.
  if (next.kind === 'paragraph') return previous.kind !== 'paragraph';
  return depthOf(next) > depthOf(previous);
}

/** How deep a step's unit lies: 第（二）项第2目, a 目 is inside a 项. */
function depthOf(step: ReferenceStep): number {
  return STEP_ORDER[step.kind] + (step.styles === SUB_ITEM_STYLES ? 0.5 : 0);
}

/**
 * The steps of the reference a list continues that hold its next member: in 本条第一项第2目至第4目, 本条第一项 holds 第4目.
 * 本条 and 前款 hold them too (they are where the list is); 下列 holds nothing.
 */
function contextFor(previous: RawReference, first: ReferenceStep): ReferenceStep[] {
  return previous.steps.filter((step) => depthOf(step) < depthOf(first) && step.relative !== 'following');
}

/**
 * Where the words naming another document end, before a Chinese reference: right before it (《证券法》第十条, 42号文第
 * （五）项, a short name the document defines), or before a parenthesis between (《办法》（中国人民银行令〔2026〕第3号发布，
 * 以下简称《办法》）第四条). Undefined when no document is named there.
 */
function namedBefore(text: string, anchor: number, citationEndsAt: CitationAt): number | undefined {
  if (namesOtherDocument(text, anchor) || citationEndsAt(anchor)) return anchor;
  // 《证券及期货条例》（第571章）: the chapter of the law named before the parenthesis.
  const before = text.charCodeAt(anchor - 1);
  if ((before === 0xff08 || before === 0x28) && namesOtherDocument(text, anchor - 1)) return anchor - 1;
  const open = parenthesisBefore(text, anchor);
  return open !== undefined && (namesOtherDocument(text, open) || citationEndsAt(open)) ? open : undefined;
}

/** A parenthetical is short: a number, "issued by", a short name. Its look-back stops at a sentence end. */
const MAX_PARENTHETICAL = 80;

/** Where the parenthesis that closes right before `end` opens, if it does within MAX_PARENTHETICAL characters. */
function parenthesisBefore(text: string, end: number): number | undefined {
  const close = text.charCodeAt(end - 1);
  if (close !== 0xff09 && close !== 0x29) return undefined;
  for (let i = end - 2; i >= 0 && i >= end - MAX_PARENTHETICAL; i--) {
    const code = text.charCodeAt(i);
    if (code === 0xff08 || code === 0x28) return i;
    if (code === 0xff09 || code === 0x29 || code === 0x3002 || code === 0x0a) return undefined;
  }
  return undefined;
}

function namesOtherDocument(text: string, start: number): boolean {
  // Most references follow a character no name of a document ends with (的第, 和第, 、第): one look-up says so.
  if (!OTHER_DOCUMENT_LAST.has(text.charCodeAt(start - 1))) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  return ZH_OTHER_DOCUMENT.test(before) && !ZH_THIS_BEFORE.test(before);
}

/**
 * The words that head an English reference. Beside the units of laws, the units documents call their own: a rule book's
 * rules, a resolution's recitals and resolutions, a plan's steps, a list of conditions, and the annexes and schedules
 * attached (matched only with a number after them).
 */
const EN_HEADS = [
  'Clauses?', 'Articles?', 'Paragraphs?', 'Items?', 'Points?', 'Parts?', 'Chapters?', 'Sections?', 'Subparagraphs?', 'Rules?', 'Recitals?',
  'Resolutions?', 'Steps?', 'Conditions?', 'Annex(?:es)?', 'Schedules?', 'Appendix', 'Appendices', 'Attachments?',
];
/** A head capitalised or not ("Rule 2.1", "rules 2.1 to 2.3"); in capitals it is a heading's word. */
const EN_ANCHOR = new RegExp(`\\b(${EN_HEADS.map((head) => `[${head[0]}${head[0]!.toLowerCase()}]${head.slice(1)}`).join('|')})\\b`, 'g');
/** What numbers an English reference: (IX), (5), (b), 2.3.1, 12, IX, One. */
const EN_NUMBER = `\\((?:[IVXLC]+|[ivxlc]+|\\d{1,3}|[A-Za-z])\\)|${DECIMAL}\\b(?!\\.\\d)|\\d{1,4}\\b(?!\\.\\d)|[IVXLC]+\\b|(?:${ENGLISH_NUMBER_WORD_PATTERN})\\b`;
const EN_STEP = new RegExp(`(${EN_HEADS.join('|')}) (${EN_NUMBER})`, 'iy');
const EN_OF = / of /y;
const EN_THIS_DOCUMENT = new RegExp(` of (?:this|these|the present) (?:${ENGLISH_DOCUMENT_TYPE}|Document)\\b`, 'iy');
/** "of the Securities Law", "of this title" (a code title, not this document), "of such section" (one named before). */
const EN_OTHER_DOCUMENT = / of (?:(?:this|such) (?:title|subchapter|chapter|Act)\b|such section\b|(?:the )?[A-Z"“《])/y;

/** The English references of a text: those numbered (Clause (IX), Article 5), and those relative to where they stand. */
export interface EnglishReferences {
  numbered: RawReference[];
  relative: RawReference[];
}

/**
 * One search finds the words that head English references: a number after one makes a numbered reference, words
 * before one a relative reference ("the preceding paragraph", see relativeReferenceAt).
 */
export function scanEnglishReferences(
  text: string, isLabelAt: (foldedOffset: number) => boolean, citationStartsAt: CitationAt, citationEndsAt: CitationAt,
): EnglishReferences {
  const found: RawReference[] = [];
  const relative: RawReference[] = [];
  let resumeAt = 0;
  EN_ANCHOR.lastIndex = 0;
  for (let anchor = EN_ANCHOR.exec(text); anchor; anchor = EN_ANCHOR.exec(text)) {
    const start = anchor.index;
    const word = anchor[1]!;
    const relativeHere = relativeReferenceAt(text, start, word);
    if (relativeHere) relative.push(relativeHere);
    if (start < resumeAt || isLabelAt(start)) continue;
    const first = parseEnglishChain(text, start, isLabelAt);
    if (!first) continue;
    // "Clauses (5) and (6) of this Notice", "Articles 3 and 4 of the Securities Law": the words after the last
    // number say which document the whole list points into.
    // "paragraph (9) or (13)" lists parenthesised numbers after a singular word too; after "clause (vii) of
    // subparagraph (A)" a list would continue the subparagraph, so none is read.
    const singular = (word.charCodeAt(word.length - 1) | 0x20) !== 0x73; // s
    const listed = singular && hasOf(text, first.start, first.end) ? [] : listedReferences(text, first, isLabelAt, singular);
    const group = [first, ...listed];
    const last = group[group.length - 1]!;
    if (group.length > 1) withinOuterReference(text, group, isLabelAt);
    resumeAt = last.end;
    const qualifier = documentQualifier(text, last.end, citationStartsAt);
    if (qualifier && 'length' in qualifier) last.end += qualifier.length;
    // "PBOC Order [2026] No. 3, Article 3, requires …": a citation just before names the document too.
    const namedBefore = qualifier ? undefined : citationJustBefore(text, start, citationEndsAt) ?? lawBeforeParenthesis(text, start);
    const external = qualifier && 'after' in qualifier ? qualifier : namedBefore;
    for (const reference of group) {
      reference.explicitlyInternal = qualifier !== undefined && !external;
      if (external) reference.external = external;
      found.push(reference);
    }
  }
  return { numbered: found, relative };
}

/** Whether " of " stands in [start, end) of the text (a reference's few words: read in place, never past `end`). */
function hasOf(text: string, start: number, end: number): boolean {
  for (let i = start; i + 4 <= end; i++) if (text.charCodeAt(i) === 0x20 && text.startsWith(' of ', i)) return true;
  return false;
}

/** The units a relative reference counts ("the preceding two Articles"), singular and lower-cased. */
const EN_RELATIVE_UNITS: ReadonlySet<string> = new Set([
  'paragraph', 'subparagraph', 'article', 'clause', 'item', 'point', 'section', 'rule', 'step', 'condition', 'resolution', 'recital',
]);
/** The units "this" or "the present" names, as written. */
const EN_SELF_UNITS: ReadonlySet<string> = new Set(['Article', 'Clause', 'Section', 'paragraph']);
const EN_BACKWARD = ['preceding', 'foregoing', 'previous'];
const EN_DIRECTIONS = [...EN_BACKWARD, 'next', 'following'];
const EN_RELATIVE_COUNTS = ['two', 'three', 'four', 'five'];
/** The words before a unit that make a relative reference, read back from the unit. */
const EN_RELATIVE_LEAD = new RegExp(`\\b(?:[Tt]he (${EN_DIRECTIONS.join('|')})(?: (${EN_RELATIVE_COUNTS.join('|')}))?` +
  `|[Tt]he (${EN_RELATIVE_COUNTS.join('|')}) (${EN_BACKWARD.join('|')})|([Tt]his|[Tt]he present)) $`);
/** The word each lead of EN_RELATIVE_LEAD ends with: most units follow another word, and one look-up says so. */
const EN_RELATIVE_LEAD_LAST: ReadonlySet<string> = new Set([...EN_DIRECTIONS, ...EN_RELATIVE_COUNTS, 'this', 'This', 'present']);
/** The longest of them. */
const EN_RELATIVE_LEAD_LAST_LENGTH = Math.max(...[...EN_RELATIVE_LEAD_LAST].map((word) => word.length));
/** The longest lead ("the following three ") fits in this, with a character before it for its word boundary. */
const EN_RELATIVE_LEAD_REACH = 32;

/**
 * "the preceding paragraph", "the preceding two Articles", "the two preceding items", "the next Article", "this
 * Article": a reference relative to where it stands, ending in the unit word at `start`. A plural says how many
 * ("the following items" without a number is a list's lead-in, not a reference; "the foregoing provisions" names no
 * unit).
 */
function relativeReferenceAt(text: string, start: number, word: string): RawReference | undefined {
  if (text.charCodeAt(start - 1) !== 0x20 || !EN_RELATIVE_LEAD_LAST.has(wordBefore(text, start - 1))) return undefined;
  const lower = word.toLowerCase();
  const unit = singularWord(lower);
  if (!EN_RELATIVE_UNITS.has(unit)) return undefined;
  const from = Math.max(0, start - EN_RELATIVE_LEAD_REACH);
  const lead = EN_RELATIVE_LEAD.exec(text.slice(from, start));
  if (!lead) return undefined;
  const self = lead[5] !== undefined;
  if (self && !EN_SELF_UNITS.has(word)) return undefined;
  const count = englishNumberWordValue(lead[2] ?? lead[3] ?? 'one')!;
  if (!self && (lower !== unit) !== count > 1) return undefined;
  const direction = (lead[1] ?? lead[4])?.toLowerCase();
  const relative = self ? 'self' : direction === 'next' || direction === 'following' ? 'next' : 'previous';
  return { start: from + lead.index, end: start + word.length, steps: [relativeStep(unit, count, relative)], explicitlyInternal: false };
}

/** The ASCII letters that end at `end`; empty when there are more than any lead's last word has. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start <= EN_RELATIVE_LEAD_LAST_LENGTH && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return end - start > EN_RELATIVE_LEAD_LAST_LENGTH ? '' : text.slice(start, end);
}

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

function relativeStep(unit: string, value: number, relative: 'previous' | 'next' | 'self'): ReferenceStep {
  switch (unit) {
    case 'paragraph': return { kind: 'paragraph', styles: NO_STYLES, value, relative };
    case 'article': return { kind: 'article', styles: ARTICLE_STYLES, value, relative };
    case 'section': return { kind: 'section', styles: NO_STYLES, value, relative };
    case 'clause': return { kind: 'clause', styles: NO_STYLES, value, relative };
    // "the preceding Rule" in rule 2.1.3 is 2.1.2, even from inside one of 2.1.3's items.
    case 'rule': return { kind: 'item', styles: RULE_STYLES, value, relative };
    // A subparagraph, item, point, step, condition, resolution or recital: 项 in the original, or a numbered step.
    default: return { kind: 'item', styles: RELATIVE_ITEM_STYLES, value, relative };
  }
}

/** "see 2.3.1", "under 4.2": a decimal number alone, kept only where it names a clause (else it may be an amount). */
const EN_BARE_DECIMAL = new RegExp(`\\b(?:[Ss]ee|under|[Pp]er|in|at) (${DECIMAL})\\b(?![.\\d%]| ?(?:per ?cent|percent|times|million|billion|trillion|x)\\b)`, 'g');

export function scanBareDecimalReferences(text: string): RawReference[] {
  const found: RawReference[] = [];
  for (const match of text.matchAll(EN_BARE_DECIMAL)) {
    const start = match.index! + match[0].length - match[1]!.length;
    found.push({ start, end: start + match[1]!.length, steps: [decimalStep(match[1]!)], explicitlyInternal: false, bare: true });
  }
  return found;
}

/**
 * After a reference: "of this Notice" (its length), "of Yinfa [2026] No. 42" / "of the Securities Law" / "of the
 * same notice" (another document, named from `after`), or nothing.
 */
function documentQualifier(text: string, position: number, citationStartsAt: CitationAt): { length: number } | ExternalDocument | undefined {
  EN_THIS_DOCUMENT.lastIndex = position;
  const thisDocument = EN_THIS_DOCUMENT.exec(text);
  if (thisDocument) return { length: thisDocument[0].length };
  EN_OF.lastIndex = position;
  if (!EN_OF.test(text)) return undefined;
  const after = position + EN_OF.source.length;
  EN_OTHER_DOCUMENT.lastIndex = position;
  const names = EN_OTHER_DOCUMENT.test(text) || citationStartsAt(after) || (text.startsWith('the ', after) && citationStartsAt(after + 4));
  return names ? { after } : undefined;
}

/** A citation ending right before a reference, a comma or a space between: where it ends, as an external document. */
function citationJustBefore(text: string, start: number, citationEndsAt: CitationAt): ExternalDocument | undefined {
  let end = start;
  if (text.charCodeAt(end - 1) === 0x20) end--;
  if (text.charCodeAt(end - 1) === 0x2c) end--;
  return end < start && citationEndsAt(end) ? { before: end } : undefined;
}

/** "the Securities and Futures Ordinance (Chapter 571)": a law's chapter number in the laws it belongs to. */
const LAW_BEFORE_PARENTHESIS = /\b(?:Ordinance|Act|Law|Code|Regulations?|Rules) ?\($/;

function lawBeforeParenthesis(text: string, start: number): ExternalDocument | undefined {
  return text.charCodeAt(start - 1) === 0x28 && LAW_BEFORE_PARENTHESIS.test(text.slice(Math.max(0, start - 16), start)) ? {} : undefined;
}

/** The next number of a list: ", 4", " and (6)", " to 8", "-8", " – (8)". */
const EN_LIST_ITEM = new RegExp(`(?:(?:,? and|,? or|,| to| through) | ?[-–—] ?)(${EN_NUMBER})`, 'y');

/**
 * The further numbers of a plural reference, each a reference of its own: "Clauses (5) and (6)",
 * "Articles 3, 4 and 7", "Clauses (5) to (8)" (a range names its ends).
 */
function listedReferences(text: string, first: RawReference, isLabelAt: (foldedOffset: number) => boolean, parenthesisedOnly: boolean): RawReference[] {
  const innermost = first.steps[first.steps.length - 1]!;
  const more: RawReference[] = [];
  let position = first.end;
  for (;;) {
    EN_LIST_ITEM.lastIndex = position;
    const match = EN_LIST_ITEM.exec(text);
    if (!match) break;
    // "resolutions 1 and 2": the members are resolutions too.
    const step = englishStep(innermost.scope ?? (innermost.kind === 'paragraph' ? 'paragraph' : innermost.kind), match[1]!);
    const start = position + match[0].length - match[1]!.length;
    if (!step || isLabelAt(start) || (parenthesisedOnly && !match[1]!.startsWith('('))) break;
    // "Articles 5-8" is a range; "sections 248-1" is a section's number.
    const previousValue = (more[more.length - 1] ?? first).steps.at(-1)!.value;
    if (/^ ?[-–—]/.test(match[0]) && step.value <= previousValue) break;
    more.push({ start, end: position + match[0].length, steps: [...first.steps.slice(0, -1), step], explicitlyInternal: false });
    position += match[0].length;
  }
  return more;
}

/**
 * "paragraphs (2) and (3) of Article 5", "paragraph (9) or (13) of section 1843(c)": every member of the list is
 * inside the reference after "of"; the last member's words run to its end.
 */
function withinOuterReference(text: string, group: RawReference[], isLabelAt: (foldedOffset: number) => boolean): void {
  const last = group[group.length - 1]!;
  EN_OF.lastIndex = last.end;
  if (!EN_OF.test(text)) return;
  const outer = parseEnglishChain(text, last.end + EN_OF.source.length, isLabelAt);
  // The outer reference starts at an article, section, chapter or part (an item's items, "(B) or (C) of paragraph
  // (42)", are left to be found near where they stand), and the members are smaller units than it ends in.
  const outerKind = outer?.steps[outer.steps.length - 1]!.kind;
  if (!outer || STEP_ORDER[outer.steps[0]!.kind] > STEP_ORDER.article) return;
  if (group.some((member) => STEP_ORDER[member.steps[0]!.kind] < STEP_ORDER[outerKind!])) return;
  for (const member of group) member.steps = [...outer.steps, ...member.steps];
  last.end = outer.end;
}

/** A chain of steps written inner first: "paragraph 2 of Article 5". Its document qualifier is read by the caller. */
function parseEnglishChain(text: string, start: number, isLabelAt: (foldedOffset: number) => boolean): RawReference | undefined {
  const innerFirst: ReferenceStep[] = [];
  let position = start;
  for (;;) {
    EN_STEP.lastIndex = position;
    const match = EN_STEP.exec(text);
    if (!match) break;
    const step = englishStep(match[1]!, match[2]!);
    // "… item⏎2. Next": the number is the next line's label, not this reference's.
    if (!step || isLabelAt(position + match[0].length - match[2]!.length)) break;
    position += match[0].length;
    // "Article 5(2)(a)": the steps written inside it follow, outer first.
    const inside = subSteps(text, position, step);
    position = inside.end;
    innerFirst.push(...inside.steps.reverse(), step);
    EN_OF.lastIndex = position;
    EN_STEP.lastIndex = position + 4;
    if (!EN_OF.exec(text) || !EN_STEP.test(text)) break;
    position += 4;
  }
  if (innerFirst.length === 0) return undefined;
  const steps = innerFirst.reverse();
  // "Article 4, paragraph 2": a smaller unit after a comma, outer first.
  for (;;) {
    EN_COMMA_STEP.lastIndex = position;
    const match = EN_COMMA_STEP.exec(text);
    const step = match ? englishStep(match[1]!, match[2]!) : undefined;
    if (!match || !step || !descends(steps[steps.length - 1], step)) break;
    steps.push(step);
    position += match[0].length;
  }
  return { start, end: position, steps, explicitlyInternal: false };
}

const EN_COMMA_STEP = /, (paragraphs?|items?|points?|subparagraphs?|clauses?) (\((?:[IVXLC]+|[ivxlc]+|\d{1,3}|[A-Za-z])\)|\d{1,3}\b(?!\.\d))/y;
const EN_SUB_STEP = /\((\d{1,3}|[a-z]|[ivx]{1,4})\)/y;

/**
 * The parenthesised numbers written right after an article or section: "Article 5(2)" is its paragraph 2 (第五条第二款
 * in the original), "(2)(a)" then item (a) of it, "Section 5(a)(2)" item (a) and its item (2).
 */
function subSteps(text: string, position: number, parent: ReferenceStep): { steps: ReferenceStep[]; end: number } {
  const steps: ReferenceStep[] = [];
  if (parent.kind !== 'article' && parent.kind !== 'section') return { steps, end: position };
  let end = position;
  for (;;) {
    EN_SUB_STEP.lastIndex = end;
    const match = EN_SUB_STEP.exec(text);
    if (!match) break;
    const inner = match[1]!;
    const isArabic = /^\d+$/.test(inner);
    // Paragraph 2, or the sub-clause labelled (2) where the article has one (the resolver decides).
    if (isArabic && steps.length === 0 && parent.kind === 'article') steps.push({ kind: 'paragraph', styles: WRITTEN_IN_PARENTHESES, value: Number(inner) });
    else {
      const value = isArabic ? Number(inner) : inner.length === 1 && !/[ivx]/.test(inner) ? inner.charCodeAt(0) - 96 : romanValue(inner);
      if (!value) break;
      steps.push({ kind: 'item', styles: parenthesisedStyles(inner, isArabic), value });
    }
    end += match[0].length;
  }
  return { steps, end };
}

/**
 * The step a head word and its number name ("Clause" "(IX)"), made once for each pair written: a document writes the
 * same few again and again. A step is read, never changed, once made (see STYLES_BY_OWN), so references share it.
 */
function englishStep(keyword: string, numberText: string): ReferenceStep | undefined {
  const key = `${keyword} ${numberText}`;
  if (ENGLISH_STEPS.has(key)) return ENGLISH_STEPS.get(key);
  if (ENGLISH_STEPS.size >= MAX_REMEMBERED_STEPS) ENGLISH_STEPS.clear();
  // Frozen: a reference that changed a shared step would change it in every other.
  const step = newEnglishStep(keyword, numberText);
  ENGLISH_STEPS.set(key, step && Object.freeze(step));
  return step;
}

const ENGLISH_STEPS = new Map<string, ReferenceStep | undefined>();
const MAX_REMEMBERED_STEPS = 4096;

function newEnglishStep(keyword: string, numberText: string): ReferenceStep | undefined {
  const word = singularWord(keyword.toLowerCase());
  const scope = OWN_UNIT_WORDS.has(word) ? word : undefined;
  if (/\d\.\d/.test(numberText)) return withScope(decimalStep(numberText), scope);
  const parenthesised = numberText.startsWith('(');
  const inner = parenthesised ? numberText.slice(1, -1) : numberText;
  const isArabic = /^\d+$/.test(inner);
  const isLetter = inner.length === 1 && /[a-z]/i.test(inner) && !/[IVXivx]/.test(inner);
  // "Part One", not "part one" of a sentence.
  const wordValue = !parenthesised && inner.length > 2 && /^[A-Z]/.test(inner) ? englishNumberWordValue(inner) : undefined;
  const value = isArabic ? Number(inner) : isLetter ? inner.toLowerCase().charCodeAt(0) - 96 : romanValue(inner) ?? wordValue;
  if (!value || value <= 0) return undefined;
  const styles = stylesFor(inner, isArabic);
  switch (word) {
    case 'article': return { kind: 'article', styles: ARTICLE_STYLES, value };
    case 'chapter': return { kind: 'chapter', styles: CHAPTER_STYLES, value };
    case 'section': return { kind: 'section', styles: SECTION_STYLES, value };
    case 'part': return { kind: 'part', styles: PART_STYLES, value };
    case 'paragraph':
      if (parenthesised) return { kind: 'item', styles: styles.parenthesised, value };
      // "Paragraph III" of a notice numbered 一、二、三、 (III. in translation) is its part; "paragraph 2", a 款.
      return isArabic ? { kind: 'paragraph', styles: NO_STYLES, value } : { kind: 'part', styles: PART_STYLES, value };
    // An attachment is found by its heading ("## Annex 1"), never by a list's label.
    case 'annex': case 'schedule': case 'appendix': case 'attachment': return { kind: 'part', styles: NO_STYLES, value, scope };
    // "Rule 5" is a rule book's numbered rule, never a list's item (5) ("Rule 11" of another book is not (11)).
    case 'rule': return { kind: 'item', styles: parenthesised ? styles.parenthesised : BARE_RULE_STYLES, value, scope };
    default:
      return withScope({ kind: word === 'clause' ? 'clause' : 'item', styles: parenthesised ? styles.parenthesised : styles.bare, value }, scope);
  }
}

/**
 * Words for the units a document names itself ("Rule 2.1.1", "Recital (C)", "resolutions 1 to 3"): a step headed by
 * one is looked for first where the document names that unit (a heading "Recitals", "Annex 1"); see ReferenceStep.scope.
 */
const OWN_UNIT_WORDS: ReadonlySet<string> = new Set(['rule', 'recital', 'resolution', 'step', 'condition', 'annex', 'schedule', 'appendix', 'attachment']);

/** The unit an attachment's Chinese word names, as its English word does: 附件1第三条 is "Article 3 of Annex 1". */
export const CHINESE_ANNEX_UNITS: ReadonlyMap<string, string> = new Map([['附件', 'annex'], ['附表', 'schedule'], ['附录', 'appendix']]);

function withScope(step: ReferenceStep, scope: string | undefined): ReferenceStep {
  if (scope !== undefined) step.scope = scope;
  return step;
}

/** rules → rule, annexes → annex, appendices → appendix: the word a heading names a unit with. */
export function singularWord(word: string): string {
  if (word.endsWith('ices')) return `${word.slice(0, -4)}ix`;
  if (/(?:x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * Parenthesised numbers stand for each other in translation ((III) for （三）, (5) after (IV)); letters only for
 * letters. "Clause (II)" is never item (b).
 */
const PARENTHESISED_NUMBERS: LabelStyle[] = ['paren-roman', 'paren-arabic', 'zh-paren', 'paren-lower-roman'];
const PARENTHESISED_LETTERS: LabelStyle[] = ['paren-upper-alpha', 'paren-lower-alpha'];
const WRITTEN_IN_PARENTHESES: LabelStyle[] = ['paren-arabic'];
/** "the preceding item", 前两项: any list's item, the numbered paragraphs of a memo (1.1) and the parts of a notice (一、). */
const RELATIVE_ITEM_STYLES: LabelStyle[] = [...PARENTHESISED_NUMBERS, ...PARENTHESISED_LETTERS, 'arabic-dot', 'decimal', 'zh-dot', 'roman-dot'];
/** The units a rule book numbers its rules with. */
const RULE_STYLES: LabelStyle[] = ['decimal', 'arabic-dot', 'roman-dot', ...ARTICLE_STYLES];
const BARE_RULE_STYLES: LabelStyle[] = ['arabic-dot', 'roman-dot', ...ARTICLE_STYLES];

/**
 * The style lists a reference's step may carry, made once: a step's `styles` is read, never changed, and references
 * come by the hundred thousand.
 */
const STYLES_BY_OWN = new Map([...PARENTHESISED_NUMBERS, ...PARENTHESISED_LETTERS].map((own) => {
  const family = PARENTHESISED_NUMBERS.includes(own) ? PARENTHESISED_NUMBERS : PARENTHESISED_LETTERS;
  const parenthesised: LabelStyle[] = [own, ...family.filter((style) => style !== own)];
  // "item 2" is 2. before II.; "item III" is III. before 3.
  const dots: LabelStyle[] = own === 'paren-arabic' ? ['arabic-dot', 'roman-dot', 'zh-dot'] : ['roman-dot', 'arabic-dot', 'zh-dot'];
  const bare: LabelStyle[] = family === PARENTHESISED_NUMBERS ? [...dots, ...parenthesised] : parenthesised;
  return [own, { parenthesised, bare }];
}));

/** The label styles a parenthesised number may refer to, the style it is written in first. */
function parenthesisedStyles(inner: string, isArabic: boolean): LabelStyle[] {
  return stylesFor(inner, isArabic).parenthesised;
}

function stylesFor(inner: string, isArabic: boolean): { parenthesised: LabelStyle[]; bare: LabelStyle[] } {
  const own: LabelStyle = isArabic ? 'paren-arabic'
    : /^[IVXLC]+$/.test(inner) && (inner.length > 1 || /[IVX]/.test(inner)) ? 'paren-roman'
      : /^[ivxlc]+$/.test(inner) && (inner.length > 1 || /[ivx]/.test(inner)) ? 'paren-lower-roman'
        : inner === inner.toUpperCase() ? 'paren-upper-alpha' : 'paren-lower-alpha';
  return STYLES_BY_OWN.get(own)!;
}
