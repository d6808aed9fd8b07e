/** Inlay hints after a citation of a repealed notice: "repealed 2026-02-06". */
import type { InlayHint, Range } from '../api';
import { noticeName } from '../workspace/crossFile';
import { ownKey } from './citing';
import type { AnalysedFile, FeatureContext } from './context';

export function inlayHints(context: FeatureContext, file: AnalysedFile, range: Range): InlayHint[] {
  const { lines, citations, language } = file.analysis;
  const from = lines.offsetAt(range.start);
  const to = lines.offsetAt(range.end);
  const own = ownKey(file);
  const hints: InlayHint[] = [];
  for (const citation of citations) {
    if (citation.end < from || citation.start > to || citation.via === 'anaphora' || citation.inRepealSentence) continue;
    const key = context.index.resolve(citation.target);
    const repeal = key && key !== own ? context.index.notice(key).repeal : undefined;
    if (!repeal) continue;
    const by = noticeName(context.index.notice(repeal.byKey), language, context.knowledge);
    hints.push({
      position: lines.positionAt(citation.end),
      label: repeal.date ? `repealed ${repeal.date}` : 'repealed',
      tooltip: `Repealed by ${by}${repeal.date ? ` on ${repeal.date}` : ''}.`,
    });
  }
  return hints;
}
