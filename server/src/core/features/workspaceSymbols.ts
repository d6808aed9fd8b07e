/**
 * Workspace symbols: the notices of the workspace, by number in either language's form with any brackets, and by
 * any part of their titles in English and Chinese; and their top-level clauses. Every word of the query must occur
 * in the symbol (after normalising: no brackets, spaces, 第/号/No., case).
 */
import type { CancellationToken, WorkspaceSymbol } from '../api';
import { identityAsLocation, noticeName, numberIn } from '../workspace/crossFile';
import { rangeIn, type FileSummary } from '../workspace/summary';
import type { NoticeInfo } from '../workspace/workspaceIndex';
import type { NoticeNumber } from '../model';
import type { FeatureContext } from './context';
import { clauseName } from './documentSymbols';

/** Enough for any picker; more would only slow the editor down. */
const MAX_SYMBOLS = 500;

export function workspaceSymbols(context: FeatureContext, query: string, token: CancellationToken): WorkspaceSymbol[] {
  const words = query.replace(NUMBER_SIGN, '').split(/\s+/).map(normalizeForSearch).filter((word) => word.length > 0);
  const matches = (haystack: string) => words.every((word) => haystack.includes(word));
  const symbols: WorkspaceSymbol[] = [];
  for (const key of context.index.noticeKeys().sort()) {
    if (token.isCancellationRequested || symbols.length >= MAX_SYMBOLS) break;
    const info = context.index.notice(key);
    const haystack = normalizeForSearch(searchableText(context, info));
    for (const summary of info.files) {
      const name = symbolName(context, info, summary);
      if (matches(haystack)) symbols.push({ name, kind: 'notice', containerName: containerName(context, info, summary), location: identityAsLocation(summary) });
      for (const clause of topLevelClauses(summary)) {
        if (matches(normalizeForSearch(`${clauseName(clause)} ${haystack}`))) {
          symbols.push({ name: clauseName(clause), kind: clause.kind, containerName: name, location: { uri: summary.uri, range: rangeIn(summary, clause.labelSpan) } });
        }
      }
    }
  }
  return symbols.slice(0, MAX_SYMBOLS);
}

/** Numbers in both languages (every issuer code and English name the issuer goes by), the titles of every file and of the built-in record. */
function searchableText(context: FeatureContext, info: NoticeInfo): string {
  const parts = [info.key];
  if (info.number) parts.push(...numberForms(info.number, context));
  for (const summary of info.files) if (summary.identity?.title) parts.push(summary.identity.title.text);
  if (info.builtin) parts.push(info.builtin.record.title.zh, info.builtin.record.title.en);
  return parts.join(' ');
}

/** 金融监管总局令〔2026〕第4号 and NFRA Decree [2026] No. 4 for 国家金融监督管理总局令〔2026〕第4号: the forms the issuer's aliases give. */
function numberForms(number: NoticeNumber, context: FeatureContext): string[] {
  const issuer = context.knowledge.issuerCodes.get(number.issuer);
  const year = number.year === undefined ? '' : String(number.year);
  return [
    numberIn(number, 'en', context.knowledge),
    ...(issuer?.aliases ?? []).map((code) => `${code}${year}${number.serial}`),
    ...(issuer?.en ?? []).map((name) => `${name}${year}${number.serial}`),
  ];
}

function symbolName(context: FeatureContext, info: NoticeInfo, summary: FileSummary): string {
  const number = noticeName(info, summary.language, context.knowledge);
  const title = summary.identity?.title?.text;
  return title && !number.includes(title) ? `${number} ${title}` : number;
}

/** The other language's number, so a picker shows both forms. */
function containerName(context: FeatureContext, info: NoticeInfo, summary: FileSummary): string | undefined {
  if (!info.number) return undefined;
  const other = numberIn(info.number, summary.language === 'zh' ? 'en' : 'zh', context.knowledge);
  return other === noticeName(info, summary.language, context.knowledge) ? undefined : other;
}

function topLevelClauses(summary: FileSummary) {
  const notice = summary.notice;
  return notice ? notice.roots.map((id) => notice.clauses[id]!) : [];
}

/** "No." before a serial, with or without a space: dropped before the query is split into words. */
const NUMBER_SIGN = /\bno\.?\s*(?=\d)/gi;

/**
 * Lower case, no brackets, spaces, punctuation, 第, 号, "No.", nor the 年 after a year: 银发[2021]第237号, Yinfa (2021)
 * No.237 and 国家金融监督管理总局令2026年第4号 (as NFRA prints its orders) search alike.
 */
export function normalizeForSearch(text: string): string {
  return text.toLowerCase().replace(NUMBER_SIGN, '').replace(YEAR_SIGN, '$1').replace(/[\s\p{P}\p{S}第号]/gu, '');
}

const YEAR_SIGN = /((?:19|20)\d{2})年(?=\s*第?\s*\d)/g;
