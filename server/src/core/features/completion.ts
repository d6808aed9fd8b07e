/**
 * Completion of what regtext knows, from the few characters before the cursor on its line:
 * - notice numbers, known to the workspace and the built-in data: `银发〔2021` offers 银发〔2021〕237号 …,
 *   `Yinfa [2021` offers Yinfa [2021] No. 237 …, each with its title;
 * - agency names and abbreviations, in the language typed: `中国人民` offers 中国人民银行, `PB` offers PBOC;
 * - clause labels after `Clause (`, `Article `, `第`: the labels of that kind, with their titles, of this document, or
 *   of the notice cited right before (`银发〔2026〕42号第` offers that notice's 第（八）项 …, from its file in the
 *   workspace, the document's language first).
 * The look back is bounded; the lists are made once per request from the knowledge and the index.
 */
import type { CompletionItem, Position } from '../api';
import type { Knowledge } from '../knowledge/compile';
import type { Clause, NoticeNumber } from '../model';
import type { AnalysedFile, FeatureContext } from './context';
import { inLanguageOrder, numberIn } from '../workspace/crossFile';
import { lastAtOrBefore } from '../text/search';

/** How far back on its line the typed prefix is read. */
const LOOK_BACK = 40;
/** At most this many items of one kind. */
const MAX_ITEMS = 50;

const CHINESE_NUMBER_PREFIX = /([\u4e00-\u9fff]{1,10})[〔[［]((?:19|20)?\d{0,2})$/;
const ENGLISH_NUMBER_PREFIX = /([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3}) \[((?:19|20)?\d{0,2})$/;
const CHINESE_ARTICLE_PREFIX = /第([一二三四五六七八九十百]*)$/;
const ENGLISH_LABEL_PREFIX = /\b(Clause|Article|Item|Point|Paragraph|Section) (\(?)([0-9IVXLCivxlc]*)$/;
const WORD_PREFIX = /(?:[A-Za-z][A-Za-z'’]{1,30}|[\u4e00-\u9fff]{2,12})$/;

export function completion(context: FeatureContext, file: AnalysedFile, position: Position): CompletionItem[] {
  const { analysis } = file;
  const lineStart = analysis.lines.lineStart(position.line);
  const offset = analysis.lines.offsetAt(position);
  const before = analysis.text.slice(Math.max(lineStart, offset - LOOK_BACK), offset);
  const replace = (length: number) => ({ start: { line: position.line, character: position.character - length }, end: position });
  const number = CHINESE_NUMBER_PREFIX.exec(before) ?? ENGLISH_NUMBER_PREFIX.exec(before);
  if (number) return noticeNumbers(context, number[1]!, number[2]!, /[\u4e00-\u9fff]/.test(number[1]!) ? 'zh' : 'en', replace);
  const article = CHINESE_ARTICLE_PREFIX.exec(before);
  if (article) return chineseLabels(clausesFor(context, file, offset - article[0].length), article[0], replace(article[0].length));
  const label = ENGLISH_LABEL_PREFIX.exec(before);
  if (label) return englishLabels(clausesFor(context, file, offset - label[0].length), label[1]!, label[2] === '(', label[3]!, replace);
  const word = WORD_PREFIX.exec(before);
  return word ? agencies(context.knowledge, word[0], replace) : [];
}

type Replaced = CompletionItem['range'];

/**
 * Known notice numbers whose issuer ends the words typed before the bracket (根据银发〔 → 银发; See Yinfa [ → Yinfa) and
 * whose year begins with the digits typed, in the form the document types them. The issuer and what follows it are
 * replaced.
 */
function noticeNumbers(context: FeatureContext, words: string, year: string, language: 'zh' | 'en', replace: (length: number) => Replaced): CompletionItem[] {
  const { knowledge, index } = context;
  const typedWords = words.toLowerCase();
  const items: CompletionItem[] = [];
  for (const key of new Set([...index.noticeKeys(), ...knowledge.notices.keys()])) {
    // Keys carry the year (银发〔2021〕237号): most notices are passed over without a look-up.
    if (!key.includes(`〔${year}`)) continue;
    const info = index.notice(key);
    if (!info.number || !String(info.number.year ?? '').startsWith(year)) continue;
    const label = numberIn(info.number, language, knowledge);
    const issuer = label.slice(0, label.search(/ ?[〔[]/)).toLowerCase();
    if (!issuer || !typedWords.endsWith(issuer)) continue;
    const detail = info.files[0]?.identity?.title?.text ?? info.builtin?.record.title[language] ?? '';
    items.push({ label, kind: 'notice', detail, range: replace(issuer.length + (language === 'en' ? 2 : 1) + year.length), newText: label, sortText: sortKey(info.number) });
    if (items.length >= MAX_ITEMS) break;
  }
  return items.sort((a, b) => a.sortText!.localeCompare(b.sortText!));
}

/** Newest first, then by serial. */
function sortKey(number: NoticeNumber): string {
  return `${String(9999 - (number.year ?? 0)).padStart(4, '0')}-${String(number.serial).padStart(6, '0')}`;
}

/** What may stand between a citation and the label that points into it: 银发〔2026〕42号第, 42号文第, "No. 42, Clause (". */
const CITATION_TO_LABEL = /^[\s,，、]*(?:文|的)?$/;

/**
 * The clauses a label typed at `labelStart` names: those of the notice cited right before it, from its file in the
 * workspace (none when the workspace has no file of it), else this document's.
 */
function clausesFor(context: FeatureContext, file: AnalysedFile, labelStart: number): readonly Clause[] {
  const { analysis } = file;
  const citations = analysis.citations;
  const last = lastAtOrBefore(citations, labelStart, (citation) => citation.start);
  const citation = last >= 0 ? citations[last] : undefined;
  if (!citation || citation.end > labelStart || !CITATION_TO_LABEL.test(analysis.text.slice(citation.end, labelStart))) return analysis.clauses;
  const key = context.index.resolve(citation.target);
  const files = key ? inLanguageOrder(context.index.notice(key).files, analysis.language) : [];
  return files.find((summary) => summary.notice && summary.uri !== file.uri)?.notice?.clauses ?? [];
}

/** After `第`: articles (第五条) where there are any, else the items (第（五）项). */
function chineseLabels(clauses: readonly Clause[], typed: string, range: Replaced): CompletionItem[] {
  const articles = clauses.some((clause) => clause.style === 'zh-article');
  if (articles) return clauseLabels(clauses, (clause) => clause.style === 'zh-article', typed, range);
  return clauseLabels(clauses, (clause) => clause.style === 'zh-paren', typed, range, (label) => `第${label.replace(/\(/g, '（').replace(/\)/g, '）')}项`);
}

/** After `Clause (`, `Item (` …: the bracketed labels; after `Article ` or `Section `: those numbers. */
function englishLabels(clauses: readonly Clause[], word: string, bracket: boolean, digits: string, replace: (length: number) => Replaced): CompletionItem[] {
  if (bracket) return clauseLabels(clauses, (clause) => /^[（(]/.test(clause.label.trim()), `(${digits}`, replace(digits.length + 1));
  const style = word === 'Article' ? 'en-article' : word === 'Section' ? 'en-section' : undefined;
  return style ? clauseLabels(clauses, (clause) => clause.style === style, digits, replace(digits.length), (label) => label.replace(/^(?:Article|Section) /, '')) : [];
}

/** Clause labels of a kind, with their titles, written as they are typed there (`asTyped`: the leading word dropped, 第…项 added). */
function clauseLabels(clauses: readonly Clause[], ofKind: (clause: Clause) => boolean, typed: string, range: Replaced, asTyped?: (label: string) => string): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const clause of clauses) {
    if (!ofKind(clause)) continue;
    const label = clause.label.trim().replace(/[、.．]$/, '').replace(/（/g, '(').replace(/）/g, ')');
    const text = asTyped ? asTyped(label) : label;
    if (!text.startsWith(typed)) continue;
    items.push({ label: text, kind: 'clause', detail: clause.title, range, newText: text, sortText: String(clause.id).padStart(8, '0') });
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}

/**
 * Agency names, aliases and abbreviations that begin with the typed word, in its script. Chinese has no spaces: the
 * longest end of the typed run that begins some name is the prefix (经中国人民 → 中国人民).
 */
function agencies(knowledge: Knowledge, typed: string, replace: (length: number) => Replaced): CompletionItem[] {
  const chinese = /[\u4e00-\u9fff]/.test(typed);
  const names = [...knowledge.agencies.values()].flatMap((agency) => (chinese
    ? [agency.zh.name, ...(agency.zh.aliases ?? [])].map((name) => ({ name, other: agency.en.name }))
    : [agency.en.name, ...(agency.en.aliases ?? []), ...(agency.abbreviations ?? [])].map((name) => ({ name, other: agency.zh.name }))));
  for (let length = typed.length; length >= 2; length--) {
    const prefix = typed.slice(-length).toLowerCase();
    const found = names.filter(({ name }) => name.length > length && name.toLowerCase().startsWith(prefix));
    if (found.length === 0) {
      if (!chinese) return [];
      continue;
    }
    return found.sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name)).slice(0, MAX_ITEMS)
      .map(({ name, other }) => ({ label: name, kind: 'agency', detail: other, range: replace(length), newText: name, sortText: name }));
  }
  return [];
}
