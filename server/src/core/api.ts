/**
 * The types the language service speaks: plain data, shaped like LSP's where LSP has the concept (positions in
 * UTF-16 code units, ranges, locations), so the adapter converts nothing but names. Nothing here depends on a
 * protocol library.
 */
import type { Position } from './text/lineIndex';
import type { ClauseKind, ProblemCode } from './model';
import type { Severity } from './knowledge/types';

export type { Position };

export interface Range {
  start: Position;
  end: Position;
}

export interface Location {
  uri: string;
  range: Range;
}

/** A document the service is asked about: the editor's open text, or a file the workspace read. */
export interface TextDocument {
  readonly uri: string;
  /** Changes whenever the text does (an editor's version; a file's modification stamp). */
  readonly version: number | string;
  getText(): string;
}

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

export interface Disposable {
  dispose(): void;
}

/** A subscription to something that happens: `onDidX(listener)` returns what unsubscribes. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

export interface Logger {
  log(message: string): void;
}

export interface Hover {
  markdown: string;
  range: Range;
}

/** Where go to definition goes: the whole target, what to select there, and the text the request was made on. */
export interface DefinitionLink {
  targetUri: string;
  targetRange: Range;
  targetSelectionRange: Range;
  originSelectionRange: Range;
}

export interface DocumentSymbol {
  name: string;
  detail: string;
  kind: ClauseKind;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

export type WorkspaceSymbolKind = 'notice' | ClauseKind;

export interface WorkspaceSymbol {
  name: string;
  kind: WorkspaceSymbolKind;
  containerName?: string;
  location: Location;
}

export interface RelatedInformation {
  location: Location;
  message: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: ProblemCode;
  message: string;
  related?: RelatedInformation[];
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix: a title, the diagnostic it fixes (if it fixes one), and the edits, by document URI. */
export interface CodeAction {
  title: string;
  diagnostic?: Diagnostic;
  edits: Record<string, TextEdit[]>;
  /** The fix to apply when the user asks for "the" fix (Ctrl+. then Enter, or fix all). */
  isPreferred?: true;
}

/** A completion: what to show, what it is, and the text replacing `range` (the prefix typed). */
export interface CompletionItem {
  label: string;
  kind: 'notice' | 'agency' | 'clause';
  detail: string;
  range: Range;
  newText: string;
  sortText?: string;
}

export interface CodeLens {
  range: Range;
  title: string;
  /** What running the lens shows: the places it counts. */
  locations: Location[];
}

export interface DocumentLink {
  range: Range;
  /** A file URI, with a `#L<line>` fragment when it points into the file. */
  target: string;
  tooltip: string;
}

export interface InlayHint {
  position: Position;
  label: string;
  tooltip?: string;
}

export interface CallHierarchyItem {
  name: string;
  detail: string;
  kind: 'notice' | 'document';
  uri: string;
  range: Range;
  selectionRange: Range;
  /** What the item stands for: a notice (by key) or a document that is no notice (by URI). */
  data: { key: string } | { uri: string };
}

export interface CallHierarchyCall {
  /** The other end: who cites (incoming) or what is cited (outgoing). */
  item: CallHierarchyItem;
  /** The citations, in the citing document. */
  fromRanges: Range[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

export type SemanticTokenType = 'agency' | 'noticeNumber' | 'clauseLabel' | 'definedTerm';

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: SemanticTokenType;
}
