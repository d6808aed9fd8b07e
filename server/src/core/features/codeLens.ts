/** Code lens on a notice's own number: "cited by N documents · repealed by X on D"; running it shows the citations. */
import type { CodeLens } from '../api';
import { noticeName } from '../workspace/crossFile';
import { rangeIn } from '../workspace/summary';
import { ownKey } from './citing';
import { namesLanguage, rangeOf, type AnalysedFile, type FeatureContext } from './context';

export function codeLenses(context: FeatureContext, file: AnalysedFile): CodeLens[] {
  const identity = file.analysis.identity;
  const key = ownKey(file);
  const span = identity?.numberSpan ?? identity?.title?.span;
  if (!key || !span) return [];
  const namesakes = new Set(context.index.filesOf(key).map((summary) => summary.uri));
  const citations = context.index.citationsOf(key).filter(({ summary }) => summary.uri !== file.uri && !namesakes.has(summary.uri));
  const documents = new Set(citations.map(({ summary }) => summary.uri)).size;
  const say = context.messages.lens;
  const parts = [documents === 0 ? say.citedByNone() : say.citedBy(documents)];
  const repeal = context.index.notice(key).repeal;
  if (repeal) {
    const by = noticeName(context.index.notice(repeal.byKey), namesLanguage(context, file.analysis.language), context.knowledge);
    parts.push(say.repealedBy(by, repeal.date));
  }
  return [{
    range: rangeOf(file, span),
    title: parts.join(' · '),
    locations: citations.map(({ summary, citation }) => ({ uri: summary.uri, range: rangeIn(summary, citation) })),
  }];
}
