/** What every feature works with: the knowledge, the workspace index, and the document asked about. */
import type { Range } from '../api';
import type { Knowledge } from '../knowledge/compile';
import type { AnalysedDocument, Language, Span } from '../model';
import type { Locale, Messages } from '../messages';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { CounterpartView } from './counterpart';

export interface FeatureContext {
  readonly knowledge: Knowledge;
  readonly index: WorkspaceIndex;
  /** The file's alignment with its counterpart in the other language, when one has been made (see service.loadCounterpart). */
  readonly counterpart?: (file: AnalysedFile) => CounterpartView | undefined;
  /** The sentences of the user's language, and that language. */
  readonly messages: Messages;
  readonly locale: Locale;
}

/**
 * The language to name notices in: Chinese for a Chinese user; otherwise the document's own (a Chinese text's
 * readers know its numbers as 银发〔2021〕237号).
 */
export function namesLanguage(context: FeatureContext, documentLanguage: Language): Language {
  return context.locale === 'zh-cn' ? 'zh' : documentLanguage;
}

/** A document with its analysis, as the features take it. */
export interface AnalysedFile {
  readonly uri: string;
  readonly analysis: AnalysedDocument;
}

export function rangeOf(file: AnalysedFile, span: Span): Range {
  return { start: file.analysis.lines.positionAt(span.start), end: file.analysis.lines.positionAt(span.end) };
}
