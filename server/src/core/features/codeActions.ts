/**
 * Quick fixes for the diagnostics in a range, and for what the range holds:
 * - any finding: silence it on its line (`regtext-disable-next-line RULE` above it) or in the file;
 * - an unused suppression: remove it;
 * - a banned term: the list's replacement in the term's language; with none, in a business scope, the scope item
 *   deleted with its separator;
 * - a clause label that breaks its sequence: renumbered, alone or with the rest of its sequence (one edit);
 * - an agency's abbreviation at its first mention: written out in full, the abbreviation kept in brackets.
 * Comments take the form the file allows: `<!-- … -->` in Markdown, `// …` elsewhere.
 */
import type { CodeAction, Diagnostic, Range, TextEdit } from '../api';
import type { AgencyMention, AnalysedDocument, BannedTermHit, Clause } from '../model';
import { formatLabel } from '../scan/clauseLabels';
import { isHan } from '../text/chars';
import { toChineseNumeral, toRoman } from '../text/numerals';
import type { AnalysedFile, FeatureContext } from './context';
import { rangeOf } from './context';

const NUMBERING = new Set(['numbering-gap', 'numbering-duplicate', 'numbering-order']);
/** Separators between the items of a business scope: 经营范围：A；B、C, "Business scope: A; B, C". */
const SCOPE_SEPARATOR = /[；;、，,。.]/;
/** What ends the scope rather than separating two items. */
const SCOPE_END = /[。.]/;
const SCOPE_LEAD = /经营范围|business scope/i;

export function codeActions(context: FeatureContext, file: AnalysedFile, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const here = diagnostics.filter((diagnostic) => diagnostic.range.start.line <= range.end.line && diagnostic.range.end.line >= range.start.line);
  return [
    ...here.flatMap((diagnostic) => fixesFor(context, file, diagnostic)),
    ...here.filter((diagnostic) => diagnostic.code !== 'not-analysed' && diagnostic.code !== 'unused-suppression').flatMap((diagnostic) => suppressionsFor(context, file, diagnostic)),
    ...writeOutAbbreviations(context, file, range),
  ];
}

function fixesFor(context: FeatureContext, file: AnalysedFile, diagnostic: Diagnostic): CodeAction[] {
  switch (diagnostic.code) {
    case 'banned-term': return bannedTermFixes(context, file, diagnostic);
    case 'unused-suppression': return [removeLine(file, diagnostic, context.messages.action.removeSuppression())];
    default: return NUMBERING.has(diagnostic.code) ? renumberings(context, file, diagnostic) : [];
  }
}

function edit(file: AnalysedFile, edits: TextEdit[]): Record<string, TextEdit[]> {
  return { [file.uri]: edits };
}

function offsetOf(analysis: AnalysedDocument, range: Range): { start: number; end: number } {
  return { start: analysis.lines.offsetAt(range.start), end: analysis.lines.offsetAt(range.end) };
}

// ---------------------------------------------------------------------------------------------------------------
// Suppressions

function comment(file: AnalysedFile, words: string): string {
  return /\.(md|markdown)$/i.test(file.uri) ? `<!-- ${words} -->` : `// ${words}`;
}

function newline(analysis: AnalysedDocument): string {
  return analysis.text.includes('\r\n') ? '\r\n' : '\n';
}

function suppressionsFor(context: FeatureContext, file: AnalysedFile, diagnostic: Diagnostic): CodeAction[] {
  const line = diagnostic.range.start.line;
  const eol = newline(file.analysis);
  const lineStart = { line, character: 0 };
  const top = { line: 0, character: 0 };
  return [
    {
      title: context.messages.action.silenceLine(diagnostic.code), diagnostic,
      edits: edit(file, [{ range: { start: lineStart, end: lineStart }, newText: `${comment(file, `regtext-disable-next-line ${diagnostic.code}`)}${eol}` }]),
    },
    {
      title: context.messages.action.silenceFile(diagnostic.code), diagnostic,
      edits: edit(file, [{ range: { start: top, end: top }, newText: `${comment(file, `regtext-disable-file ${diagnostic.code}`)}${eol}` }]),
    },
  ];
}

/** Deletes the line a diagnostic is on, with its line break. */
function removeLine(file: AnalysedFile, diagnostic: Diagnostic, title: string): CodeAction {
  const line = diagnostic.range.start.line;
  const end = line + 1 < file.analysis.lines.lineCount ? { line: line + 1, character: 0 } : file.analysis.lines.positionAt(file.analysis.text.length);
  return { title, diagnostic, isPreferred: true, edits: edit(file, [{ range: { start: { line, character: 0 }, end }, newText: '' }]) };
}

// ---------------------------------------------------------------------------------------------------------------
// Banned terms

function bannedTermFixes(context: FeatureContext, file: AnalysedFile, diagnostic: Diagnostic): CodeAction[] {
  const { start, end } = offsetOf(file.analysis, diagnostic.range);
  const hit = file.analysis.bannedTerms.find((candidate) => candidate.start === start && candidate.end === end);
  if (!hit) return [];
  const replacement = replacementFor(context, hit);
  if (replacement !== undefined) {
    return [{
      title: context.messages.action.replace(hit.text, replacement), diagnostic, isPreferred: true,
      edits: edit(file, [{ range: diagnostic.range, newText: replacement }]),
    }];
  }
  const item = scopeItemAround(file.analysis, hit);
  if (!item) return [];
  return [{
    title: context.messages.action.removeScopeItem(file.analysis.text.slice(item.start, item.itemEnd)), diagnostic, isPreferred: true,
    edits: edit(file, [{ range: rangeOf(file, item), newText: '' }]),
  }];
}

/** The list's replacement for a term, in the language the hit is written in. */
function replacementFor(context: FeatureContext, hit: BannedTermHit): string | undefined {
  const replacement = context.knowledge.terms.get(hit.termId)?.term.replacement;
  if (!replacement) return undefined;
  return isHan(hit.text.charCodeAt(0)) ? replacement.zh : replacement.en;
}

/**
 * In a business scope (a line that says it is one, before the hit), the item around the hit, with one separator
 * (the one after it, or the one before it for the last item): what deleting the item removes.
 */
function scopeItemAround(analysis: AnalysedDocument, hit: BannedTermHit): { start: number; end: number; itemEnd: number } | undefined {
  const line = analysis.lines.lineOf(hit.start);
  const lineStart = analysis.lines.lineStart(line);
  const lineEnd = analysis.lines.lineEnd(line);
  const lead = SCOPE_LEAD.exec(analysis.text.slice(lineStart, hit.start));
  if (!lead) return undefined;
  const leadEnd = lineStart + lead.index + lead[0].length;
  let start = hit.start;
  while (start > leadEnd && !SCOPE_SEPARATOR.test(analysis.text[start - 1]!) && !/[：:]/.test(analysis.text[start - 1]!)) start--;
  let itemEnd = hit.end;
  while (itemEnd < lineEnd && !SCOPE_SEPARATOR.test(analysis.text[itemEnd]!)) itemEnd++;
  const separatorAfter = itemEnd < lineEnd && !SCOPE_END.test(analysis.text[itemEnd]!);
  if (separatorAfter) return { start, end: itemEnd + 1, itemEnd };
  // The last item: take the separator before it instead, if there is one.
  const before = start > leadEnd && SCOPE_SEPARATOR.test(analysis.text[start - 1]!) ? start - 1 : start;
  return { start: before, end: itemEnd, itemEnd };
}

// ---------------------------------------------------------------------------------------------------------------
// Renumbering

function renumberings(context: FeatureContext, file: AnalysedFile, diagnostic: Diagnostic): CodeAction[] {
  const { analysis } = file;
  const start = analysis.lines.offsetAt(diagnostic.range.start);
  const clause = analysis.clauses.find((candidate) => candidate.labelSpan.start === start);
  if (!clause) return [];
  const sequence = sequenceOf(analysis, clause);
  const position = sequence.indexOf(clause);
  const first = position === 0 ? 1 : sequence[position - 1]!.value + 1;
  if (first === clause.value) return [];
  const rest = sequence.slice(position);
  const relabel = (member: Clause, value: number): TextEdit => ({ range: rangeOf(file, member.labelSpan), newText: relabelled(member, value) });
  const actions: CodeAction[] = [{
    title: context.messages.action.renumber(clause.label.trim(), relabelled(clause, first).trim()), diagnostic, isPreferred: true,
    edits: edit(file, [relabel(clause, first)]),
  }];
  if (rest.length > 1) {
    actions.push({
      title: context.messages.action.renumberRest(clause.label.trim(), rest.length - 1), diagnostic,
      edits: edit(file, rest.map((member, index) => relabel(member, first + index))),
    });
  }
  return actions;
}

/** The clauses numbered in one sequence with this one: its siblings of the same style, in order. */
function sequenceOf(analysis: AnalysedDocument, clause: Clause): Clause[] {
  const siblings = clause.parent === undefined ? analysis.rootClauses : analysis.clauses[clause.parent]!.children;
  return siblings.map((id) => analysis.clauses[id]!).filter((sibling) => sibling.style === clause.style);
}

/** The label with its number changed and everything else kept: full-width brackets, spacing, case. */
function relabelled(clause: Clause, value: number): string {
  const label = clause.label;
  if (clause.style === 'decimal') return label.replace(/\d+(?=\D*$)/, String(value));
  const numeral = NUMERAL_OF_STYLE[clause.style] ?? /\d+|[０-９]+/;
  const match = numeral.exec(label);
  if (!match) return formatLabel(clause.style, value);
  return label.slice(0, match.index) + numeralLike(match[0], clause.style, value) + label.slice(match.index + match[0].length);
}

const CHINESE_NUMERAL = /[〇零一二三四五六七八九十百千两]+/;
const NUMERAL_OF_STYLE: Partial<Record<Clause['style'], RegExp>> = {
  'zh-part': CHINESE_NUMERAL, 'zh-chapter': CHINESE_NUMERAL, 'zh-section': CHINESE_NUMERAL, 'zh-article': CHINESE_NUMERAL,
  'zh-dot': CHINESE_NUMERAL, 'zh-paren': CHINESE_NUMERAL, 'roman-dot': /[IVXLCDM]+/, 'paren-roman': /[IVXLCDM]+/,
  'paren-lower-roman': /[ivxlcdm]+/, 'paren-lower-alpha': /[a-z]/, 'paren-upper-alpha': /[A-Z]/,
};

/** A numeral for `value` written as `written` is: Chinese, Roman (its case), a letter, or digits (full-width kept). */
function numeralLike(written: string, style: Clause['style'], value: number): string {
  if (CHINESE_NUMERAL.test(written)) return toChineseNumeral(value);
  if (style === 'paren-lower-alpha') return String.fromCharCode(96 + Math.min(value, 26));
  if (style === 'paren-upper-alpha') return String.fromCharCode(64 + Math.min(value, 26));
  if (/^[IVXLCDM]+$/.test(written)) return toRoman(value);
  if (/^[ivxlcdm]+$/.test(written)) return toRoman(value).toLowerCase();
  const digits = String(value);
  return /[０-９]/.test(written) ? digits.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit))) : digits;
}

// ---------------------------------------------------------------------------------------------------------------
// Abbreviations

/** An agency's abbreviation at its first mention in the document: written out, the abbreviation kept in brackets. */
function writeOutAbbreviations(context: FeatureContext, file: AnalysedFile, range: Range): CodeAction[] {
  const { analysis } = file;
  const { start, end } = offsetOf(analysis, range);
  const first = new Map<string, AgencyMention>();
  for (const mention of analysis.agencies) if (!first.has(mention.agencyId)) first.set(mention.agencyId, mention);
  return [...first.values()].flatMap((mention) => {
    if (mention.end < start || mention.start > end) return [];
    const agency = context.knowledge.agencies.get(mention.agencyId);
    if (!agency?.abbreviations?.includes(mention.text)) return [];
    const chinese = analysis.language === 'zh';
    const full = chinese ? `${agency.zh.name}（${mention.text}）` : `${agency.en.name} (${mention.text})`;
    return [{ title: context.messages.action.writeOut(mention.text, full), edits: edit(file, [{ range: rangeOf(file, mention), newText: full }]) }];
  });
}
