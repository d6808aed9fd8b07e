/**
 * A file and its counterpart — the same notice in the other language, known to the workspace index by the notice
 * identity — once aligned (core/alignment): the pairs the editor scrolls and jumps by, the counterpart clause in a
 * clause label's hover and among its definitions, the other language's term in a defined term's hover, the
 * translator's checks as diagnostics of the translation, and the exports. The service aligns (it reads the
 * counterpart through the Workspace); these functions only read an alignment made.
 */
import type { DefinitionLink, Diagnostic, Range } from '../api';
import { counterpartAt, termPairAt, type DocumentAlignment, type Side } from '../alignment';
import type { AnalysedDocument, Span } from '../model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { identityKey } from '../workspace/workspaceIndex';
import type { AnalysedFile, FeatureContext } from './context';

/** An alignment seen from one of its two files. */
export interface CounterpartView {
  /** The other file. */
  readonly uri: string;
  /** Which side this file is. */
  readonly side: Side;
  readonly alignment: DocumentAlignment;
}

/** A clause, or a sentence of an aligned clause, of this file and where it is in the counterpart. */
export interface AlignedPair {
  kind: 'clause' | 'sentence';
  here: Range;
  there: Range;
  confidence: number;
}

/** The file of the same notice in the other language, if the workspace has one. */
export function counterpartUri(index: WorkspaceIndex, file: AnalysedFile): string | undefined {
  const identity = file.analysis.identity;
  if (!identity) return undefined;
  return index.notice(identityKey(identity)).files.find((summary) => summary.uri !== file.uri && summary.language !== file.analysis.language)?.uri;
}

const other = (side: Side): Side => (side === 'original' ? 'translation' : 'original');

function rangeIn(document: AnalysedDocument, span: Span): Range {
  return { start: document.lines.positionAt(span.start), end: document.lines.positionAt(span.end) };
}

function cover(spans: readonly Span[]): Span | undefined {
  return spans.length === 0 ? undefined : { start: spans[0]!.start, end: spans[spans.length - 1]!.end };
}

/** Every clause pair and sentence pair with both sides, as ranges seen from this file, in this file's order. */
export function alignedPairs(view: CounterpartView): AlignedPair[] {
  const here = view.alignment[view.side];
  const there = view.alignment[other(view.side)];
  const pairs: AlignedPair[] = [];
  const add = (kind: AlignedPair['kind'], mine: Span | undefined, theirs: Span | undefined, confidence: number) => {
    if (mine && theirs) pairs.push({ kind, here: rangeIn(here, mine), there: rangeIn(there, theirs), confidence });
  };
  for (const pair of view.alignment.pairs) {
    add('clause', cover(pair[view.side].map((unit) => unit.span)), cover(pair[other(view.side)].map((unit) => unit.span)), pair.confidence);
    for (const sentences of pair.sentences) add('sentence', cover(sentences[view.side]), cover(sentences[other(view.side)]), sentences.confidence);
  }
  return pairs;
}

/** The counterpart of the clause a label starts: a link among the label's definitions. */
export function counterpartDefinition(view: CounterpartView, file: AnalysedFile, label: Span): DefinitionLink[] {
  const found = counterpartAt(view.alignment, view.side, label.start);
  if (!found || found.clause === undefined) return [];
  const there = view.alignment[other(view.side)];
  const clause = there.clauses[found.clause]!;
  return [{ targetUri: view.uri, targetRange: rangeIn(there, clause.span), targetSelectionRange: rangeIn(there, clause.labelSpan), originSelectionRange: rangeIn(file.analysis, label) }];
}

/** For a clause label's hover: the counterpart clause's label and first sentence, linked, and how sure the pairing is. */
export function counterpartClauseHover(context: FeatureContext, view: CounterpartView, label: Span): string | undefined {
  const { translation: messages } = context.messages;
  const found = counterpartAt(view.alignment, view.side, label.start);
  if (!found || found.clause === undefined) return undefined;
  const there = view.alignment[other(view.side)];
  const clause = there.clauses[found.clause]!;
  const line = clause.labelSpan ? there.lines.positionAt(clause.labelSpan.start).line + 1 : 1;
  const sure = found.pair.confidence >= 0.8 ? '' : ` · ${messages.pairedBy(found.pair.basis, Math.round(found.pair.confidence * 100))}`;
  return `**${messages.counterpartClause[there.language]}**: [${clause.label}](${view.uri}#L${line}) ${clause.firstSentence}`.trim() + sure;
}

/** For a defined term's hover: the term the other language defines in the aligned sentence. */
export function counterpartTermHover(context: FeatureContext, view: CounterpartView, key: string): string | undefined {
  const pair = termPairAt(view.alignment.terms, view.side, key);
  if (!pair) return undefined;
  const term = pair[other(view.side)].term;
  return `${context.messages.translation.counterpartTerm[view.alignment[other(view.side)].language]}: **${term}**`;
}

/** The translator's checks, as diagnostics of the translation (the original's clause as related information). */
export function translationDiagnostics(view: CounterpartView): Diagnostic[] {
  if (view.side !== 'translation') return [];
  return view.alignment.checks.map((check) => ({
    range: check.range,
    severity: check.severity,
    code: check.code,
    message: check.message,
    related: check.related.map((related) => ({ location: { uri: view.uri, range: related.range }, message: related.message })),
  }));
}
