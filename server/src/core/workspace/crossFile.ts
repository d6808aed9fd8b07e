/**
 * Cross-file answers the features share: the files of a notice in the order a reader wants them (the language of
 * the document asking first), a notice's name in either language, and references resolved into another file's
 * clause tree.
 */
import type { Location, Range } from '../api';
import type { Knowledge } from '../knowledge/compile';
import type { CitationTarget, Clause, Language, NoticeNumber, ReferenceStep } from '../model';
import { ClauseResolver } from '../resolve';
import { rangeIn, type FileSummary } from './summary';
import type { NoticeInfo, WorkspaceIndex } from './workspaceIndex';

/** The files of a notice, those in `language` first. */
export function inLanguageOrder(files: readonly FileSummary[], language: Language): FileSummary[] {
  return [...files].sort((a, b) => Number(b.language === language) - Number(a.language === language));
}

/** The notice's number in one language: 银发〔2021〕237号, or Yinfa [2021] No. 237 where the issuer has an English form. */
export function numberIn(number: NoticeNumber, language: Language, knowledge: Knowledge): string {
  // Orders and announcements print their serial with 第: 中国人民银行令〔2003〕第5号, 国家外汇管理局公告〔2025〕第5号.
  if (language === 'zh') return number.year !== undefined && /(?:令|公告)$/.test(number.issuer) ? `${number.issuer}〔${number.year}〕第${number.serial}号` : number.key;
  const english = knowledge.issuerCodes.get(number.issuer)?.en[0];
  if (!english) return number.key;
  return number.year === undefined ? `${english} No. ${number.serial}` : `${english} [${number.year}] No. ${number.serial}`;
}

/** What to call a notice in a message: its number in `language`, or its title when it has none. */
export function noticeName(info: NoticeInfo, language: Language, knowledge: Knowledge): string {
  if (info.number) return numberIn(info.number, language, knowledge);
  const title = inLanguageOrder(info.files, language)[0]?.identity?.title?.text ?? info.builtin?.record.title[language];
  return title ? `《${title.replace(/^《|》$/g, '')}》` : info.key;
}

/** Both forms, for hovers: "银发〔2021〕237号 (Yinfa [2021] No. 237)". */
export function bothNumbers(number: NoticeNumber, knowledge: Knowledge): string {
  const english = numberIn(number, 'en', knowledge);
  return english === number.key ? number.key : `${number.key} (${english})`;
}

/** Where a notice's file declares it: its own number, else its title; the whole header line range. */
export function identityLocation(summary: FileSummary): { uri: string; range: Range; selection: Range } {
  const identity = summary.identity;
  const selectionSpan = identity?.numberSpan ?? identity?.title?.span ?? { start: 0, end: 0 };
  const whole = identity?.title && identity.numberSpan
    ? { start: Math.min(identity.title.span.start, identity.numberSpan.start), end: Math.max(identity.title.span.end, identity.numberSpan.end) }
    : selectionSpan;
  return { uri: summary.uri, range: rangeIn(summary, whole), selection: rangeIn(summary, selectionSpan) };
}

export function identityAsLocation(summary: FileSummary): Location {
  const { uri, selection } = identityLocation(summary);
  return { uri, range: selection };
}

const resolvers = new WeakMap<FileSummary, ClauseResolver>();

/** The clause of a notice's file that reference steps name, from its summary (a paragraph step stops at its clause). */
export function clauseIn(summary: FileSummary, steps: readonly ReferenceStep[]): Clause | undefined {
  const notice = summary.notice;
  if (!notice) return undefined;
  let resolver = resolvers.get(summary);
  if (!resolver) {
    resolver = new ClauseResolver(notice.clauses);
    resolvers.set(summary, resolver);
  }
  const resolved = resolver.resolve(steps);
  return resolved ? notice.clauses[resolved.clause] : undefined;
}

export interface ClauseHit {
  summary: FileSummary;
  clause: Clause;
}

export interface ReferenceInto {
  /** The notice cited, when the citation can be resolved at all. */
  info: NoticeInfo | undefined;
  /** The clause in each of the notice's files that has it, the asking document's language first. */
  hits: ClauseHit[];
}

/** Resolves "Clause (5) of Yinfa [2026] No. 42" into the files of that notice. */
export function referenceInto(index: WorkspaceIndex, cites: CitationTarget, steps: readonly ReferenceStep[], language: Language): ReferenceInto {
  const key = index.resolve(cites);
  if (!key) return { info: undefined, hits: [] };
  const info = index.notice(key);
  const hits = inLanguageOrder(info.files, language).flatMap((summary) => {
    const clause = clauseIn(summary, steps);
    return clause ? [{ summary, clause }] : [];
  });
  return { info, hits };
}
