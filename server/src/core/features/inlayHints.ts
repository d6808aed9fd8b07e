/** Inlay hints after a citation of a repealed notice: "repealed 2026-02-06", wherever the diagnostics warn of one. */
import type { InlayHint, Range } from '../api';
import type { Span } from '../model';
import { noticeName } from '../workspace/crossFile';
import { namesLanguage, type AnalysedFile, type FeatureContext } from './context';
import { repealedCitationsIn } from './diagnostics';

export function inlayHints(context: FeatureContext, file: AnalysedFile, range: Range): InlayHint[] {
  const { lines, citations, language, identity, dates } = file.analysis;
  const from = lines.offsetAt(range.start);
  const to = lines.offsetAt(range.end);
  const inRange = (citation: Span) => citation.end >= from && citation.start <= to;
  // The warnings are worked out over the whole document ("the same notice" looks back), only when the range cites something.
  if (!citations.some(inRange)) return [];
  const warned = repealedCitationsIn(context, { citations, identity, issued: dates.issued, lineOf: (offset) => lines.lineOf(offset) });
  return warned.filter(({ citation }) => inRange(citation)).map(({ repeal, citation }) => {
    const by = noticeName(context.index.notice(repeal.byKey), namesLanguage(context, language), context.knowledge);
    return {
      position: lines.positionAt(citation.end),
      label: context.messages.hint.repealed(repeal.date),
      tooltip: context.messages.hint.repealedBy(by, repeal.date),
    };
  });
}
