/**
 * Document links on citations that resolve to a file of the workspace: a notice's number, title, short name, and a
 * reference into one of its clauses (the link then opens the file at that clause).
 */
import type { DocumentLink } from '../api';
import { identityLocation, inLanguageOrder, noticeName, referenceInto } from '../workspace/crossFile';
import { rangeIn } from '../workspace/summary';
import { citedTarget } from './citing';
import { rangeOf, type AnalysedFile, type FeatureContext } from './context';
import { fileName } from './hover';

export function documentLinks(context: FeatureContext, file: AnalysedFile): DocumentLink[] {
  const links: DocumentLink[] = [];
  const { language } = file.analysis;
  for (const annotation of file.analysis.annotations) {
    if (annotation.kind === 'clauseRef' && annotation.external?.cites) {
      const hit = referenceInto(context.index, annotation.external.cites, annotation.steps, language).hits.find((candidate) => candidate.summary.uri !== file.uri);
      if (hit) {
        const line = rangeIn(hit.summary, hit.clause.labelSpan).start.line;
        links.push({ range: rangeOf(file, annotation), target: `${hit.summary.uri}#L${line + 1}`, tooltip: `Open ${hit.clause.label} in ${fileName(hit.summary.uri)}` });
      }
      continue;
    }
    if (annotation.kind !== 'noticeNumber' && annotation.kind !== 'citation') continue;
    const target = citedTarget(file, annotation);
    if (!target || target === 'own') continue;
    const key = context.index.resolve(target);
    const summary = key ? inLanguageOrder(context.index.filesOf(key), language).find((candidate) => candidate.uri !== file.uri) : undefined;
    if (!key || !summary) continue;
    const line = identityLocation(summary).selection.start.line;
    const name = noticeName(context.index.notice(key), summary.language, context.knowledge);
    links.push({ range: rangeOf(file, annotation), target: `${summary.uri}#L${line + 1}`, tooltip: `Open ${name} (${fileName(summary.uri)})` });
  }
  return links;
}
