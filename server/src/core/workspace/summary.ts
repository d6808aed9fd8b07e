/**
 * What the workspace index keeps of a file: a small summary, made from that file's analysis alone, never from any
 * other file. Cross-file answers are joins over summaries at query time (see workspaceIndex.ts), so one changed file
 * costs one file's work. A summary is plain data (structured-clonable), with offsets into the file's text and the
 * file's line starts to turn them into positions; the text itself is not kept.
 */
import type {
  DeclineReason,
  AnalysedDocument, Citation, CitationTarget, Clause, DocumentDates, Language, NoticeIdentity, Problem, ReferenceStep, Repeal, Span,
  Suppression,
} from '../model';
import { normalizeTitle } from '../scan/titles';
import { positionIn } from '../text/lineIndex';
import type { ProblemList } from '../problemList';
import type { Range } from '../api';

/** A reference from this file into another notice: "Clause (5) of Yinfa [2026] No. 42". */
export interface ExternalReference extends Span {
  text: string;
  steps: ReferenceStep[];
  cites: CitationTarget;
}

/** What a notice's file keeps of its clause tree, so that other files' references can be resolved into it. */
export interface NoticeClauses {
  clauses: Clause[];
  roots: number[];
  /** This file's own references to its clauses, for "find references" asked from another file. */
  internalReferences: { start: number; end: number; clause: number }[];
}

export interface FileSummary {
  uri: string;
  version: number | string;
  language: Language;
  /** Whether the file was declined (binary, too large, not UTF-8); its one problem says why. */
  declined?: boolean;
  lineStarts: Uint32Array;
  identity: NoticeIdentity | undefined;
  dates: DocumentDates;
  citations: Citation[];
  externalReferences: ExternalReference[];
  repeals: Repeal[];
  /** Titles this file pairs with numbers (《…》（银发〔2021〕237号）): how the workspace learns titles it has no file of. */
  titledNumbers: { title: string; key: string; /** As written, quotes and all. */ text: string }[];
  /** Only for a file that is a notice: nobody can cite into the clauses of a memo. */
  notice?: NoticeClauses;
  /** The file's own findings (banned terms, numbering, …), so a file that is not open still shows them. */
  problems: Problem[];
  /**
   * The same problems held compactly, for a summary made on this thread from an analysis made here (not enumerable:
   * never copied, cloned or sent; `problems` is).
   */
  readonly problemList?: ProblemList;
  /** Its regtext-disable comments: the diagnostics of the file are filtered by them. */
  suppressions: Suppression[];
}

export function summarize(uri: string, version: number | string, analysis: AnalysedDocument): FileSummary {
  const summary: FileSummary = {
    uri, version, language: analysis.language, lineStarts: analysis.lines.lineStarts, identity: analysis.identity,
    dates: analysis.dates, citations: analysis.citations.map(compactCitation), externalReferences: externalReferences(analysis),
    repeals: analysis.repeals.map((repeal) => ({ ...repeal, target: compactTarget(repeal.target) })),
    titledNumbers: titledNumbers(analysis), problems: [],
    suppressions: [...analysis.suppressions],
  };
  withProblems(summary, analysis);
  if (!analysis.analysed) summary.declined = true;
  if (analysis.identity) summary.notice = noticeClauses(analysis);
  return summary;
}

/**
 * The analysis's problems: from its compact list, made into objects only when read (`regtext check` streams a
 * million problems from the list without an array of them); else a copy of its array.
 */
function withProblems(summary: FileSummary, analysis: AnalysedDocument): void {
  const list = analysis.problemList;
  if (!list) {
    summary.problems = [...analysis.problems];
    return;
  }
  Object.defineProperty(summary, 'problems', { get: () => list.array, enumerable: true, configurable: true });
  Object.defineProperty(summary, 'problemList', { value: list, enumerable: false });
}

/** The summary of a file that could not be read as text (not UTF-8, too large): one problem that says why. */
export function declinedSummary(uri: string, version: number | string, reason: DeclineReason): FileSummary {
  return {
    uri, version, language: 'en', declined: true, lineStarts: Uint32Array.of(0), identity: undefined, dates: {}, citations: [],
    externalReferences: [], repeals: [], titledNumbers: [],
    problems: [{ start: 0, end: 0, code: 'not-analysed', severity: 'information', detail: { kind: 'declined', reason } }], suppressions: [],
  };
}

export function rangeIn(summary: Pick<FileSummary, 'lineStarts'>, span: Span): Range {
  return { start: positionIn(summary.lineStarts, span.start), end: positionIn(summary.lineStarts, span.end) };
}

/** A target without the mention it came from: the summary keeps the number, not its text and flags. */
export function compactTarget(target: CitationTarget): CitationTarget {
  if (target.kind !== 'number') return target;
  const { key, issuer, year, serial } = target.number;
  return { kind: 'number', number: { key, issuer, year, serial } };
}

function compactCitation(citation: Citation): Citation {
  return { ...citation, target: compactTarget(citation.target) };
}

function externalReferences(analysis: AnalysedDocument): ExternalReference[] {
  return analysis.references.flatMap((reference) => (reference.external?.cites
    ? [{ start: reference.start, end: reference.end, text: reference.text, steps: reference.steps, cites: compactTarget(reference.external.cites) }]
    : []));
}

function titledNumbers(analysis: AnalysedDocument): FileSummary['titledNumbers'] {
  return analysis.citationMentions.flatMap((annotation) => {
    if (!annotation.withNumber || annotation.target.kind !== 'number') return [];
    const title = normalizeTitle(annotation.text);
    return title ? [{ title, key: annotation.target.number.key, text: annotation.text }] : [];
  });
}

function noticeClauses(analysis: AnalysedDocument): NoticeClauses {
  return {
    clauses: [...analysis.clauses],
    roots: [...analysis.rootClauses],
    internalReferences: analysis.references.flatMap((reference) => (reference.target === undefined ? []
      : [{ start: reference.start, end: reference.end, clause: reference.target }])),
  };
}
