/**
 * Call hierarchy as the citation graph, for every LSP editor (Neovim and Emacs show it; VS Code too): an item is a
 * notice (prepared on a citation of it, or on a document's own number); incoming calls are the documents that cite
 * it, outgoing calls the notices it cites. A cited notice with no file in the workspace is an item at the citation.
 */
import type { CallHierarchyCall, CallHierarchyItem, Location, Range } from '../api';
import type { Language } from '../model';
import { identityLocation, inLanguageOrder, noticeName } from '../workspace/crossFile';
import { rangeIn, type FileSummary } from '../workspace/summary';
import { identityKey, type NoticeInfo } from '../workspace/workspaceIndex';
import { annotationAt } from './annotationAt';
import { citedTarget, isInOwnTitle, ownKey } from './citing';
import { rangeOf, type AnalysedFile, type FeatureContext } from './context';
import { fileName } from './hover';

export function prepareCallHierarchy(context: FeatureContext, file: AnalysedFile, offset: number): CallHierarchyItem[] {
  const annotation = annotationAt(file.analysis, offset);
  const target = annotation ? citedTarget(file, annotation) : isInOwnTitle(file, offset) ? 'own' : undefined;
  if (!target) return [];
  const key = target === 'own' ? ownKey(file) : context.index.resolve(target);
  if (!key) return [];
  const fallback = { uri: file.uri, range: rangeOf(file, annotation ?? file.analysis.identity!.title!.span) };
  return [noticeItem(context, context.index.notice(key), file.analysis.language, fallback)];
}

export function incomingCalls(context: FeatureContext, item: CallHierarchyItem): CallHierarchyCall[] {
  if (!('key' in item.data)) return [];
  const namesakes = new Set(context.index.filesOf(item.data.key).map((summary) => summary.uri));
  const byFile = new Map<string, { summary: FileSummary; ranges: Range[] }>();
  for (const { summary, citation } of context.index.citationsOf(item.data.key)) {
    if (namesakes.has(summary.uri)) continue;
    const entry = byFile.get(summary.uri) ?? { summary, ranges: [] };
    entry.ranges.push(rangeIn(summary, citation));
    byFile.set(summary.uri, entry);
  }
  return [...byFile.values()].map(({ summary, ranges }) => ({ item: fileItem(context, summary), fromRanges: ranges }));
}

export function outgoingCalls(context: FeatureContext, item: CallHierarchyItem): CallHierarchyCall[] {
  const summary = callerFile(context, item);
  if (!summary) return [];
  const own = summary.identity ? identityKey(summary.identity) : undefined;
  const byKey = new Map<string, Range[]>();
  for (const citation of summary.citations) {
    const key = context.index.resolve(citation.target);
    if (!key || key === own) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), rangeIn(summary, citation)]);
  }
  return [...byKey].map(([key, ranges]) => ({
    item: noticeItem(context, context.index.notice(key), summary.language, { uri: summary.uri, range: ranges[0]! }),
    fromRanges: ranges,
  }));
}

/** The file whose citations an item's outgoing calls are: the item's own file when it is one of the notice's. */
function callerFile(context: FeatureContext, item: CallHierarchyItem): FileSummary | undefined {
  if ('uri' in item.data) return context.index.summary(item.data.uri);
  const files = context.index.filesOf(item.data.key);
  return files.find((summary) => summary.uri === item.uri) ?? files[0];
}

function noticeItem(context: FeatureContext, info: NoticeInfo, language: Language, fallback: Location): CallHierarchyItem {
  const summary = inLanguageOrder(info.files, language)[0];
  if (summary) return fileItem(context, summary);
  const title = info.builtin?.record.title[language];
  return {
    name: noticeName(info, language, context.knowledge), detail: title ? `${title} — not in the workspace` : 'not in the workspace',
    kind: 'notice', uri: fallback.uri, range: fallback.range, selectionRange: fallback.range, data: { key: info.key },
  };
}

/** A file as an item: the notice it is, or just the document (a memo). */
function fileItem(context: FeatureContext, summary: FileSummary): CallHierarchyItem {
  if (!summary.identity) {
    const start = { line: 0, character: 0 };
    return { name: fileName(summary.uri), detail: 'document', kind: 'document', uri: summary.uri, range: { start, end: start }, selectionRange: { start, end: start }, data: { uri: summary.uri } };
  }
  const key = identityKey(summary.identity);
  const { range, selection } = identityLocation(summary);
  return {
    name: noticeName(context.index.notice(key), summary.language, context.knowledge),
    detail: `${summary.identity.title?.text ?? ''} · ${fileName(summary.uri)}`.replace(/^ · /, ''),
    kind: 'notice', uri: summary.uri, range, selectionRange: selection, data: { key },
  };
}
