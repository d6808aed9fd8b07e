/**
 * Diagnostics of a file: its own findings (banned terms, numbering, broken internal references) and those only the
 * workspace can tell — a citation of a repealed notice, a reference to a clause the cited notice lacks, two files of
 * one language claiming one number. One code path for open documents and files on disk: both are summaries.
 */
import type { Diagnostic, RelatedInformation } from '../api';
import { identityAsLocation, noticeName, referenceInto } from '../workspace/crossFile';
import { rangeIn, type FileSummary } from '../workspace/summary';
import { identityKey } from '../workspace/workspaceIndex';
import type { FeatureContext } from './context';
import { fileName } from './hover';

export function diagnostics(context: FeatureContext, summary: FileSummary): Diagnostic[] {
  const own: Diagnostic[] = summary.problems.map((problem) => ({
    range: rangeIn(summary, problem), severity: problem.severity, code: problem.code, message: problem.message,
  }));
  if (summary.declined) return own;
  return [...own, ...repealedCitations(context, summary), ...missingClauses(context, summary), ...duplicateClaims(context, summary)];
}

/**
 * A citation of a repealed notice, unless the reader is told already (the sentence speaks of the repeal), the citing
 * document is the repealing notice, or it is a notice dated before the repeal (it cited what was then in force).
 * "The same notice" on the line that cited the notice is warned about there already.
 */
function repealedCitations(context: FeatureContext, summary: FileSummary): Diagnostic[] {
  const { index, knowledge } = context;
  const own = summary.identity ? identityKey(summary.identity) : undefined;
  const found: Diagnostic[] = [];
  for (const [position, citation] of summary.citations.entries()) {
    if (citation.inRepealSentence || (citation.via === 'anaphora' && antecedentOnSameLine(summary, position))) continue;
    const key = index.resolve(citation.target);
    const repeal = key && key !== own ? index.notice(key).repeal : undefined;
    if (!key || !repeal || repeal.byKey === own) continue;
    if (summary.identity && summary.dates.issued && repeal.date && summary.dates.issued < repeal.date) continue;
    const name = noticeName(index.notice(key), summary.language, knowledge);
    const by = noticeName(index.notice(repeal.byKey), summary.language, knowledge);
    const related: RelatedInformation[] = repeal.byFiles.map((file) => ({ location: identityAsLocation(file), message: `${by}, which repealed ${name}` }));
    found.push({
      range: rangeIn(summary, citation), severity: 'warning', code: 'repealed-notice',
      message: `${name} was repealed by ${by}${repeal.date ? ` on ${repeal.date}` : ''}.`,
      ...(related.length > 0 ? { related } : {}),
    });
  }
  return found;
}

/** Whether the citation an anaphora stands for was made earlier on the same line. */
function antecedentOnSameLine(summary: FileSummary, position: number): boolean {
  const line = rangeIn(summary, summary.citations[position]!).start.line;
  for (let i = position - 1; i >= 0; i--) {
    const previous = summary.citations[i]!;
    if (rangeIn(summary, previous).start.line !== line) return false;
    if (previous.via !== 'anaphora') return true;
  }
  return false;
}

/** "Clause (XX) of Yinfa [2026] No. 42" when the notice is in the workspace and none of its files has that clause. */
function missingClauses(context: FeatureContext, summary: FileSummary): Diagnostic[] {
  return summary.externalReferences.flatMap((reference): Diagnostic[] => {
    const { info, hits } = referenceInto(context.index, reference.cites, reference.steps, summary.language);
    if (!info || info.files.length === 0 || hits.length > 0 || info.files.every((file) => file.uri === summary.uri)) return [];
    const name = noticeName(info, summary.language, context.knowledge);
    return [{
      range: rangeIn(summary, reference), severity: 'warning', code: 'missing-clause',
      message: `"${reference.text.replace(/\s+/g, ' ')}": ${name} has no such clause.`,
      related: info.files.map((file) => ({ location: identityAsLocation(file), message: `${name} (${fileName(file.uri)})` })),
    }];
  });
}

/** Two files of the same language that claim to be the same notice: one of them is mislabelled, or a copy. */
function duplicateClaims(context: FeatureContext, summary: FileSummary): Diagnostic[] {
  const identity = summary.identity;
  if (!identity) return [];
  const key = identityKey(identity);
  const others = context.index.filesOf(key).filter((file) => file.uri !== summary.uri && file.language === summary.language);
  if (others.length === 0) return [];
  const name = noticeName(context.index.notice(key), summary.language, context.knowledge);
  const where = identityAsLocation(summary).range;
  return [{
    range: where, severity: 'warning', code: 'duplicate-notice',
    message: `${others.map((file) => fileName(file.uri)).join(', ')} also claim${others.length === 1 ? 's' : ''} to be ${name}.`,
    related: others.map((file) => ({ location: identityAsLocation(file), message: `also ${name}` })),
  }];
}
