/**
 * Where a banned term stands, which decides whether a list applies there and how loudly. Yinfa [2026] No. 42 bars the
 * terms from the names and business scopes of registered entities; the notice itself, and any regulatory text that
 * discusses the subject, is not breaking it. The rule, in order:
 *
 * 1. **Entity name**: the term is inside a name that ends, on the same line and with no punctuation between, in a
 *    legal-form suffix (a particle such as 的 ends a name: 含有虚拟货币的有限公司 is prose) (有限公司, 股份有限公司, 有限责任公司, 合伙企业, 分公司, Co., Ltd., Limited, LLC, Inc., LLP, GmbH …),
 *    or its line has a name field before it (`企业名称：`, `名称：`, `Name:`, `Company name:`).
 * 2. **Business scope**: its line, or a line above it in the same paragraph, has a scope field before it
 *    (`经营范围：`, `Business scope:`, `Scope of business:`).
 * 3. **Regulatory text**: the document is itself a notice, measures, rules or a law (its header says so: the
 *    analysis found its identity), or the term is inside a notice quoted in full in another text (an article that
 *    prints "the full text"): from the notice's salutation line (`To the people's governments of …:`, `各省、自治区、
 *    直辖市人民政府…：`) to the end of its block (a blank line not followed by another clause).
 * 4. **Drafting**: anything else: marketing copy, product descriptions, memos, drafts.
 *
 * Each list sets a severity per placement (or 'off'); built-in lists: names and scopes errors, drafting warnings,
 * regulatory text not reported (still annotated, with its hover). Every look is bounded to the term's line and a
 * few lines above it.
 */
import type { Span, TermPlacement } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { lastAtOrBefore } from '../text/search';

/** How far a name may run after the term to its legal-form suffix. */
const MAX_NAME_TAIL = 40;
/** How far back on its line a name or scope field may stand before the term (a scope lists many items). */
const MAX_FIELD_REACH = 1000;
/** How many lines above a scope's continuation line its field may be. */
const MAX_SCOPE_LINES_ABOVE = 5;

const LEGAL_FORM = /^[^，。；：,;:!?！？“”"()（）的\n]{0,40}?(?:股份有限公司|有限责任公司|有限公司|合伙企业|分公司|事务所|\b(?:Co\.,? ?Ltd\.?|Company Limited|Limited|Ltd\.?|LLC|L\.L\.C\.|LLP|Inc\.?|Corp\.?|Corporation|GmbH|S\.A\.|Pte\.? Ltd\.?)(?![A-Za-z]))/;
const NAME_FIELD = /(?:企业名称|公司名称|字号|名称|(?:Company |Entity |Enterprise |Proposed )?[Nn]ame)\s*[：:]/;
const SCOPE_FIELD = /(?:经营范围|业务范围|[Bb]usiness [Ss]cope|[Ss]cope of [Bb]usiness)\s*[：:]/;

export interface PlacementContext {
  text: string;
  lines: LineIndex;
  /** The document is a notice, measures or a law (its identity is known). */
  regulatoryText: boolean;
  /** Notices quoted in full inside the document (see regulatoryRegions). */
  regions: readonly Span[];
}

/** A notice's salutation, the line that opens its body. */
const SALUTATION = /^\s*(?:To (?:the|all) .{10,600}|(?:各|中国人民银行|国家|中国)[^。\n]{4,600})[:：]\s*$/;
/** A line that goes on numbering a notice's clauses after a blank line. */
const CLAUSE_LINE = /^\s*(?:[（(](?:[一二三四五六七八九十]+|\d+|[IVXLC]+)[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+条|\d+[.．、]|[IVXLC]+\.)/;

/**
 * The notices quoted in full in a text: each from its salutation line to the end of its block. One look at each line
 * that ends in a colon; each line after a salutation is read once.
 */
export function regulatoryRegions(text: string, lines: LineIndex): Span[] {
  const regions: Span[] = [];
  for (const match of text.matchAll(/[:：][^\S\n]*$/gm)) {
    const line = lines.lineOf(match.index!);
    if (regions.length > 0 && lines.lineStart(line) < regions.at(-1)!.end) continue;
    if (!SALUTATION.test(lines.lineText(line))) continue;
    regions.push({ start: lines.lineStart(line), end: lines.lineEnd(endOfBlock(lines, line)) });
  }
  return regions;
}

/** The last line of the notice whose salutation is on `line`: before a blank line that no further clause follows. */
function endOfBlock(lines: LineIndex, line: number): number {
  let last = line;
  for (let next = line + 1; next < lines.lineCount; next++) {
    const words = lines.lineText(next);
    if (words.trim() !== '') last = next;
    else if (!CLAUSE_LINE.test(lines.lineText(nextNonBlank(lines, next)))) return last;
  }
  return last;
}

function nextNonBlank(lines: LineIndex, line: number): number {
  let next = line;
  while (next < lines.lineCount - 1 && lines.lineText(next).trim() === '') next++;
  return next;
}

export function termPlacement(context: PlacementContext, start: number, end: number): TermPlacement {
  const { text, lines } = context;
  const fields = fieldsOf(context, lines.lineOf(start));
  const windowStart = Math.max(fields.start, start - MAX_FIELD_REACH);
  if (LEGAL_FORM.test(text.slice(end, Math.min(fields.end, end + MAX_NAME_TAIL + 20))) || hasFieldIn(fields.names, windowStart, start)) return 'entityName';
  if (hasFieldIn(fields.scopes, windowStart, start) || inScopeAbove(context, fields.line)) return 'businessScope';
  return context.regulatoryText || isInside(context.regions, start) ? 'regulatoryText' : 'drafting';
}

/** A line's name and scope fields (every match, overlapping ones too), read once for all the terms on it. */
interface LineFields extends Span {
  line: number;
  names: Span[];
  scopes: Span[];
}

/** What termPlacement has read of a document: the last line's fields, and what each line above a term says of a scope. */
interface PlacementMemory {
  fields: LineFields | undefined;
  /** Per line: 0 not read yet, else one of the SCOPE_ states. */
  scopeLines: Uint8Array | undefined;
}

const memories = new WeakMap<PlacementContext, PlacementMemory>();

function memoryOf(context: PlacementContext): PlacementMemory {
  let memory = memories.get(context);
  if (!memory) memories.set(context, (memory = { fields: undefined, scopeLines: undefined }));
  return memory;
}

/** The fields of a line: terms come in text order, so the last line read is the one asked for again. */
function fieldsOf(context: PlacementContext, line: number): LineFields {
  const memory = memoryOf(context);
  if (memory.fields?.line === line) return memory.fields;
  const { text, lines } = context;
  const start = lines.lineStart(line);
  const end = lines.lineEnd(line);
  return (memory.fields = { line, start, end, names: matchesIn(text, start, end, NAME_FIELDS), scopes: matchesIn(text, start, end, SCOPE_FIELDS) });
}

const NAME_FIELDS = new RegExp(NAME_FIELD.source, 'g');
const SCOPE_FIELDS = new RegExp(SCOPE_FIELD.source, 'g');

/** Every match of a global pattern in text[start, end), one at each offset where one starts (so overlapping ones too). */
function matchesIn(text: string, start: number, end: number, pattern: RegExp): Span[] {
  const found: Span[] = [];
  const line = text.slice(start, end);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    found.push({ start: start + match.index, end: start + match.index + match[0].length });
    pattern.lastIndex = match.index + 1;
  }
  return found;
}

/** Whether one of `fields` (in order of start) lies within [from, to): what the pattern would find in that slice. */
function hasFieldIn(fields: readonly Span[], from: number, to: number): boolean {
  for (let i = Math.max(0, lastAtOrBefore(fields, from - 1, (field) => field.start) + 1); i < fields.length && fields[i]!.start < to; i++) {
    if (fields[i]!.end <= to) return true;
  }
  return false;
}

/** Whether an offset is inside one of the regions (sorted, not overlapping). */
function isInside(regions: readonly Span[], offset: number): boolean {
  const region = regions[lastAtOrBefore(regions, offset, (candidate) => candidate.start)];
  return region !== undefined && offset < region.end;
}

/** A scope field on a line above the term's in the same paragraph (a wrapped scope), the scope not ended. */
function inScopeAbove(context: PlacementContext, line: number): boolean {
  for (let above = line - 1; above >= 0 && line - above <= MAX_SCOPE_LINES_ABOVE; above--) {
    const state = scopeLineState(context, above);
    if (state === SCOPE_BLANK) return false;
    if (state !== SCOPE_NONE) return state === SCOPE_OPEN;
  }
  return false;
}

/** What a line above a term says of a business scope, read once per line (the terms of one paragraph share them). */
const SCOPE_BLANK = 1;
const SCOPE_OPEN = 2;
const SCOPE_ENDED = 3;
const SCOPE_NONE = 4;

function scopeLineState(context: PlacementContext, line: number): number {
  const { text, lines } = context;
  const memory = memoryOf(context);
  const states = (memory.scopeLines ??= new Uint8Array(lines.lineCount));
  if (states[line] === 0) {
    const lineEnd = lines.lineEnd(line);
    const words = text.slice(Math.max(lines.lineStart(line), lineEnd - MAX_FIELD_REACH), lineEnd);
    states[line] = words.trim() === '' ? SCOPE_BLANK : !SCOPE_FIELD.test(words) ? SCOPE_NONE : /[。.]\s*$/.test(words) ? SCOPE_ENDED : SCOPE_OPEN;
  }
  return states[line]!;
}
