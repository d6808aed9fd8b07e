/** What every feature works with: the knowledge, the workspace index, and the document asked about. */
import type { Range } from '../api';
import type { Knowledge } from '../knowledge/compile';
import type { AnalysedDocument, Span } from '../model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { CounterpartView } from './counterpart';

export interface FeatureContext {
  readonly knowledge: Knowledge;
  readonly index: WorkspaceIndex;
  /** The file's alignment with its counterpart in the other language, when one has been made (see service.loadCounterpart). */
  readonly counterpart?: (file: AnalysedFile) => CounterpartView | undefined;
}

/** A document with its analysis, as the features take it. */
export interface AnalysedFile {
  readonly uri: string;
  readonly analysis: AnalysedDocument;
}

export function rangeOf(file: AnalysedFile, span: Span): Range {
  return { start: file.analysis.lines.positionAt(span.start), end: file.analysis.lines.positionAt(span.end) };
}
