/**
 * Diagnostics of a file: its own findings (banned terms, numbering, broken internal references) and those only the
 * workspace can tell — a citation of a repealed notice, a reference to a clause the cited notice lacks, two files of
 * one language claiming one number. One code path for open documents and files on disk: both are summaries.
 */
import type { Diagnostic, Position, RelatedInformation } from '../api';
import { clauseIn, identityAsLocation, noticeName } from '../workspace/crossFile';
import type { KnowledgeData } from '../knowledge/types';
import type { Citation, CitationTarget, NoticeIdentity, Problem, ProblemCode, ProblemDetail, Suppression } from '../model';
import { positionIn } from '../text/lineIndex';
import { rangeIn, type FileSummary } from '../workspace/summary';
import { identityKey, type RepealInfo } from '../workspace/workspaceIndex';
import { problemMessage } from '../messages/problems';
import { namesLanguage, type FeatureContext } from './context';
import { fileName } from './hover';
import { SuppressionIndex } from './suppressions';

export function diagnostics(context: FeatureContext, summary: FileSummary): Diagnostic[] {
  return [...diagnosticStream(context, summary)];
}

/**
 * The same diagnostics, made one at a time as they are read: `regtext check` prints a file with a million findings
 * without ever holding a million diagnostics.
 */
export function diagnosticStream(context: FeatureContext, summary: FileSummary): Iterable<Diagnostic> {
  const found = foundIn(context, summary);
  if (summary.declined) return found;
  return withConfiguredSeverities(suppressed(context, found, summary), context.knowledge.data.rules);
}

/**
 * The file's own findings (banned terms, numbering, broken internal references), then, unless it was declined, those
 * of the workspace. One generator: each of a million findings passes through as few as can be.
 */
function* foundIn(context: FeatureContext, summary: FileSummary): Generator<Diagnostic> {
  const messages = new MessageWriter(context);
  const positions = new ForwardPositions(summary.lineStarts);
  const problems = summary.problemList ?? summary.problems;
  // Read by index, not through the list's iterator: one generator less for each of a million findings.
  for (let index = 0; index < problems.length; index++) {
    const problem = problems.at(index)!;
    const range = { start: positions.at(problem.start), end: positions.at(problem.end) };
    yield { range, severity: problem.severity, code: problem.code, message: messages.write(problem) };
  }
  if (summary.declined) return;
  yield* repealedCitations(context, summary);
  yield* missingClauses(context, summary);
  yield* duplicateClaims(context, summary);
}

/**
 * Writes problems' messages, remembering the last: problems in a run that share a detail (a million duplicate labels)
 * have their message written once, as a template in which only the line of the label before changes. A banned
 * term's message is written once per term as written (a text dense with terms repeats a few).
 */
class MessageWriter {
  private detail: ProblemDetail | undefined;
  private code: ProblemCode | undefined;
  /** The last detail's message, or its parts before and after the line, or null when it cannot be so cut. */
  private template: string | { before: string; after: string } | null | undefined;
  private readonly bannedTerms = new Map<string, string>();

  constructor(private readonly context: FeatureContext) {}

  write(problem: Problem): string {
    const { detail } = problem;
    if (detail.kind === 'bannedTerm') {
      const key = `${detail.termId}\u0000${detail.term}`;
      let message = this.bannedTerms.get(key);
      if (message === undefined) this.bannedTerms.set(key, (message = problemMessage(this.context, problem)));
      return message;
    }
    if (problem.detail !== this.detail || problem.code !== this.code) {
      // A detail met once is written once: templates are made only for details that repeat.
      this.detail = problem.detail;
      this.code = problem.code;
      this.template = undefined;
      return problemMessage(this.context, problem);
    }
    this.template ??= problem.previousLine === undefined ? problemMessage(this.context, problem) : this.lineTemplate(problem);
    if (typeof this.template === 'string') return this.template;
    if (this.template === null || problem.previousLine === undefined) return problemMessage(this.context, problem);
    return `${this.template.before}${problem.previousLine}${this.template.after}`;
  }

  /** The message around its line, found by writing it for two lines; checked on a third (null: it cannot be so cut). */
  private lineTemplate(problem: Problem): { before: string; after: string } | null {
    const [one, two, check] = [1, 2, 37].map((previousLine) => problemMessage(this.context, { ...problem, previousLine }));
    let before = 0;
    while (before < one!.length && one![before] === two![before]) before++;
    let after = 0;
    while (after < one!.length - before && one![one!.length - 1 - after] === two![two!.length - 1 - after]) after++;
    const template = { before: one!.slice(0, before), after: one!.slice(one!.length - after) };
    return `${template.before}37${template.after}` === check ? template : null;
  }
}

/** Positions of offsets asked in increasing order (or nearly: an end after its start), by a cursor over the lines. */
class ForwardPositions {
  private line = 0;

  constructor(private readonly lineStarts: Uint32Array) {}

  at(offset: number): Position {
    const starts = this.lineStarts;
    if (starts[this.line]! > offset) return positionIn(starts, offset);
    while (this.line + 1 < starts.length && starts[this.line + 1]! <= offset) this.line++;
    return { line: this.line, character: offset - starts[this.line]! };
  }
}

/**
 * The diagnostics no regtext-disable comment silences, and a hint on each comment that silences nothing (it may be
 * left over from a problem fixed since).
 */
function suppressed(context: FeatureContext, found: Iterable<Diagnostic>, summary: FileSummary): Iterable<Diagnostic> {
  return summary.suppressions.length === 0 ? found : unsuppressed(context, found, summary);
}

function* unsuppressed(context: FeatureContext, found: Iterable<Diagnostic>, summary: FileSummary): Generator<Diagnostic> {
  const index = new SuppressionIndex(summary.suppressions);
  const used = new Set<Suppression>();
  for (const diagnostic of found) {
    // A file that was not analysed says so whatever its comments say.
    const silencer = diagnostic.code === 'not-analysed' ? undefined : index.silencer(diagnostic.code, diagnostic.range.start.line);
    if (silencer) used.add(silencer);
    else yield diagnostic;
  }
  for (const suppression of summary.suppressions) {
    if (used.has(suppression)) continue;
    yield { range: rangeIn(summary, suppression), severity: 'hint', code: 'unused-suppression', message: context.messages.problem.unusedSuppression(suppression.rules) };
  }
}

/** The severities a workspace's configuration sets per rule; a rule set to 'off' is not reported. */
function withConfiguredSeverities(found: Iterable<Diagnostic>, rules: KnowledgeData['rules']): Iterable<Diagnostic> {
  return rules ? withSeverities(found, rules) : found;
}

function* withSeverities(found: Iterable<Diagnostic>, rules: NonNullable<KnowledgeData['rules']>): Generator<Diagnostic> {
  for (const diagnostic of found) {
    const severity = rules[diagnostic.code];
    if (severity === undefined) yield diagnostic;
    else if (severity !== 'off') yield { ...diagnostic, severity };
  }
}

/** What a document says of itself and of its citations, as far as warnings about repealed notices need it. */
export interface CitingDocument {
  citations: readonly Citation[];
  identity: NoticeIdentity | undefined;
  issued: string | undefined;
  lineOf(offset: number): number;
}

export interface RepealedCitation {
  citation: Citation;
  key: string;
  repeal: RepealInfo;
}

/**
 * The citations of repealed notices a reader should be told about: not when the sentence speaks of the repeal
 * already, the citing document is the repealing notice, or it is a notice dated before the repeal (it cited what was
 * then in force); "the same notice" on the line that cited the notice is told about there already. The diagnostics
 * and the inlay hints both come from here.
 */
export function repealedCitationsIn(context: FeatureContext, document: CitingDocument): RepealedCitation[] {
  const own = document.identity ? identityKey(document.identity) : undefined;
  const repealOf = repealLookup(context, own);
  const found: RepealedCitation[] = [];
  for (const [position, citation] of document.citations.entries()) {
    if (citation.inRepealSentence || (citation.via === 'anaphora' && antecedentOnSameLine(document, position))) continue;
    const { key, repeal } = repealOf(citation.target);
    if (!key || !repeal || repeal.byKey === own) continue;
    if (document.identity && document.issued && repeal.date && document.issued < repeal.date) continue;
    found.push({ citation, key, repeal });
  }
  return found;
}

function repealedCitations(context: FeatureContext, summary: FileSummary): Diagnostic[] {
  const { index, knowledge, messages } = context;
  const language = namesLanguage(context, summary.language);
  const document = { citations: summary.citations, identity: summary.identity, issued: summary.dates.issued, lineOf: (offset: number) => positionIn(summary.lineStarts, offset).line };
  return repealedCitationsIn(context, document).map(({ citation, key, repeal }) => {
    const name = noticeName(index.notice(key), language, knowledge);
    const by = noticeName(index.notice(repeal.byKey), language, knowledge);
    const related: RelatedInformation[] = repeal.byFiles.map((file) => ({ location: identityAsLocation(file), message: messages.problem.repealedRelated(by, name) }));
    return {
      range: rangeIn(summary, citation), severity: 'warning', code: 'repealed-notice',
      message: messages.problem.repealed(name, by, repeal.date),
      ...(related.length > 0 ? { related } : {}),
    } satisfies Diagnostic;
  });
}

/**
 * The notice a citation names and its repeal (none for the document's own), asked once per number: a text that
 * cites a few notices fifty thousand times asks the index a few times.
 */
function repealLookup(context: FeatureContext, own: string | undefined): (target: CitationTarget) => { key: string | undefined; repeal: RepealInfo | undefined } {
  const byNumber = new Map<string, { key: string | undefined; repeal: RepealInfo | undefined }>();
  const look = (target: CitationTarget) => {
    const key = context.index.resolve(target);
    return { key, repeal: key && key !== own ? context.index.notice(key).repeal : undefined };
  };
  return (target) => {
    if (target.kind !== 'number') return look(target);
    let known = byNumber.get(target.number.key);
    if (!known) byNumber.set(target.number.key, (known = look(target)));
    return known;
  };
}

/** Whether the citation an anaphora stands for was made earlier on the same line. */
function antecedentOnSameLine(document: CitingDocument, position: number): boolean {
  const line = document.lineOf(document.citations[position]!.start);
  for (let i = position - 1; i >= 0; i--) {
    const previous = document.citations[i]!;
    if (document.lineOf(previous.start) !== line) return false;
    if (previous.via !== 'anaphora') return true;
  }
  return false;
}

function missingClauses(context: FeatureContext, summary: FileSummary): Diagnostic[] {
  return summary.externalReferences.flatMap((reference): Diagnostic[] => {
    const key = context.index.resolve(reference.cites);
    const info = key ? context.index.notice(key) : undefined;
    // Any one file of the notice that has the clause will do: the first that does ends the search.
    if (!info || info.files.every((file) => file.uri === summary.uri) || info.files.some((file) => clauseIn(file, reference.steps))) return [];
    const name = noticeName(info, namesLanguage(context, summary.language), context.knowledge);
    return [{
      range: rangeIn(summary, reference), severity: 'warning', code: 'missing-clause',
      message: context.messages.problem.missingClause(reference.text.replace(/\s+/g, ' '), name),
      related: info.files.map((file) => ({ location: identityAsLocation(file), message: context.messages.problem.noticeInFile(name, fileName(file.uri)) })),
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
  const name = noticeName(context.index.notice(key), namesLanguage(context, summary.language), context.knowledge);
  const where = identityAsLocation(summary).range;
  return [{
    range: where, severity: 'warning', code: 'duplicate-notice',
    message: context.messages.problem.duplicateNotice(others.map((file) => fileName(file.uri)), name),
    related: others.map((file) => ({ location: identityAsLocation(file), message: context.messages.problem.duplicateRelated(name) })),
  }];
}
