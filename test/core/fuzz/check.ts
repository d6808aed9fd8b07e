/**
 * What must hold of any analysis and of every answer of the language service, whatever the text: nothing throws,
 * every span lies inside the text with start <= end, every range and position lies inside the document (a line that
 * exists, a character within that line, before its line break), ranges are ordered, semantic tokens are sorted and do
 * not overlap. Returns the violations as readable lines (empty when all hold), so one run reports many at once.
 */
import type {
  AnalysedDocument, CallHierarchyItem, LanguageService, Location, Position, Range, Span, TextDocument,
} from '../../../server/src/core';
import { invariantViolations } from '../fixture';

const MAX_VIOLATIONS = 20;

export class Violations {
  readonly list: string[] = [];

  add(message: string): void {
    if (this.list.length < MAX_VIOLATIONS) this.list.push(message);
    else if (this.list.length === MAX_VIOLATIONS) this.list.push('… (more violations left out)');
  }

  /** Runs `action`; a throw is a violation (with the first lines of its stack). */
  run<T>(what: string, action: () => T): T | undefined {
    try {
      return action();
    } catch (error) {
      const stack = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error);
      this.add(`${what} threw: ${stack}`);
      return undefined;
    }
  }
}

/** Spans of the analysis that invariantViolations (../fixture.ts) does not look at. */
function extraSpanViolations(document: AnalysedDocument, violations: Violations): void {
  const length = document.text.length;
  const check = (what: string, span: Span | undefined) => {
    if (span && !(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length)) {
      violations.add(`${what}: span ${span.start}-${span.end} outside 0-${length}`);
    }
  };
  document.citations.forEach((citation, i) => check(`citation #${i} (${citation.via})`, citation));
  document.repeals.forEach((repeal, i) => check(`repeal #${i}`, repeal.span));
  document.definitions.forEach((definition, i) => check(`definition #${i} "${definition.term}"`, definition.span));
  document.references.forEach((reference, i) => check(`reference #${i} "${reference.text}" target`, reference.targetSpan));
  check('identity number', document.identity?.numberSpan);
  check('identity title', document.identity?.title?.span);
}

/** A position inside the document: an existing line, a character no further than the end of that line. */
function checkPosition(document: AnalysedDocument, what: string, position: Position, violations: Violations): boolean {
  const { line, character } = position;
  const lines = document.lines;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || line >= lines.lineCount || character < 0
    || character > lines.lineEnd(line) - lines.lineStart(line)) {
    violations.add(`${what}: position ${line}:${character} outside the document (${lines.lineCount} lines${line >= 0 && line < lines.lineCount ? `, line ${line} has ${lines.lineEnd(line) - lines.lineStart(line)} characters` : ''})`);
    return false;
  }
  return true;
}

function checkRange(document: AnalysedDocument, what: string, range: Range, violations: Violations): void {
  const startOk = checkPosition(document, `${what} start`, range.start, violations);
  const endOk = checkPosition(document, `${what} end`, range.end, violations);
  if (startOk && endOk && document.lines.offsetAt(range.start) > document.lines.offsetAt(range.end)) {
    violations.add(`${what}: range ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ends before it starts`);
  }
}

const contains = (document: AnalysedDocument, outer: Range, inner: Range) =>
  document.lines.offsetAt(outer.start) <= document.lines.offsetAt(inner.start) && document.lines.offsetAt(inner.end) <= document.lines.offsetAt(outer.end);

/** Ranges in this document are checked; those in other documents of the workspace are left to those documents. */
function checkLocation(document: AnalysedDocument, uri: string, what: string, location: Location, violations: Violations): void {
  if (location.uri === uri) checkRange(document, what, location.range, violations);
}

export interface ExerciseOptions {
  /** Offsets to ask hover, definition, references and call hierarchy at. */
  offsets: readonly number[];
  /** Also ask at positions no client should send but some do: past the end of a line, of the document. */
  oddPositions?: boolean;
}

/**
 * Analyses `document` through the service, checks the analysis, then calls every feature of the service (per
 * document, and at each offset) and checks its answer.
 */
export function exerciseService(service: LanguageService, document: TextDocument, options: ExerciseOptions, violations: Violations): AnalysedDocument | undefined {
  const analysis = violations.run('analysis', () => service.analysis(document));
  if (!analysis) return undefined;
  for (const violation of invariantViolations(analysis)) violations.add(violation);
  extraSpanViolations(analysis, violations);
  const { uri } = document;

  const symbols = violations.run('documentSymbols', () => service.documentSymbols(document)) ?? [];
  const walk = (list: typeof symbols, parent: (typeof symbols)[number] | undefined) => {
    for (const symbol of list) {
      const what = `symbol ${JSON.stringify(symbol.name.slice(0, 30))}`;
      checkRange(analysis, `${what} range`, symbol.range, violations);
      checkRange(analysis, `${what} selectionRange`, symbol.selectionRange, violations);
      if (!contains(analysis, symbol.range, symbol.selectionRange)) violations.add(`${what}: selectionRange outside range`);
      if (parent && !contains(analysis, parent.range, symbol.range)) violations.add(`${what}: outside its parent ${JSON.stringify(parent.name.slice(0, 30))}`);
      walk(symbol.children, symbol);
    }
  };
  walk(symbols, undefined);

  for (const fold of violations.run('foldingRanges', () => service.foldingRanges(document)) ?? []) {
    if (!(fold.startLine >= 0 && fold.startLine <= fold.endLine && fold.endLine < analysis.lines.lineCount)) {
      violations.add(`folding range ${fold.startLine}-${fold.endLine} outside 0-${analysis.lines.lineCount - 1}`);
    }
  }

  let previous: { line: number; end: number } | undefined;
  for (const token of violations.run('semanticTokens', () => service.semanticTokens(document)) ?? []) {
    const what = `semantic token ${token.type} ${token.line}:${token.character}+${token.length}`;
    if (!(token.length > 0)) violations.add(`${what}: not positive in length`);
    checkRange(analysis, what, { start: { line: token.line, character: token.character }, end: { line: token.line, character: token.character + token.length } }, violations);
    if (previous && (token.line < previous.line || (token.line === previous.line && token.character < previous.end))) {
      violations.add(`${what}: before the end of the previous token (tokens must be sorted and must not overlap)`);
    }
    previous = { line: token.line, end: token.character + token.length };
  }

  for (const lens of violations.run('codeLenses', () => service.codeLenses(document)) ?? []) {
    checkRange(analysis, `code lens "${lens.title}"`, lens.range, violations);
    lens.locations.forEach((location) => checkLocation(analysis, uri, `code lens "${lens.title}" location`, location, violations));
  }
  for (const link of violations.run('documentLinks', () => service.documentLinks(document)) ?? []) {
    checkRange(analysis, `document link to ${link.target}`, link.range, violations);
  }
  for (const diagnostic of violations.run('diagnostics', () => service.diagnostics(document)) ?? []) {
    checkRange(analysis, `diagnostic ${diagnostic.code}`, diagnostic.range, violations);
    diagnostic.related?.forEach((related) => checkLocation(analysis, uri, `diagnostic ${diagnostic.code} related`, related.location, violations));
  }
  const whole = { start: { line: 0, character: 0 }, end: analysis.lines.positionAt(analysis.text.length) };
  for (const hint of violations.run('inlayHints', () => service.inlayHints(document, whole)) ?? []) {
    checkPosition(analysis, `inlay hint "${hint.label}"`, hint.position, violations);
  }

  const positions = options.offsets.map((offset) => analysis.lines.positionAt(offset));
  if (options.oddPositions) {
    const lastLine = analysis.lines.lineCount - 1;
    positions.push({ line: 0, character: 1e9 }, { line: lastLine, character: 1e9 }, { line: lastLine + 5, character: 0 }, { line: 1e9, character: 1e9 });
  }
  const items: CallHierarchyItem[] = [];
  for (const position of positions) {
    const at = `${position.line}:${position.character}`;
    const hover = violations.run(`hover at ${at}`, () => service.hover(document, position));
    if (hover) checkRange(analysis, `hover at ${at}`, hover.range, violations);
    for (const link of violations.run(`definition at ${at}`, () => service.definition(document, position)) ?? []) {
      checkRange(analysis, `definition at ${at} origin`, link.originSelectionRange, violations);
      if (link.targetUri === uri) {
        checkRange(analysis, `definition at ${at} target`, link.targetRange, violations);
        checkRange(analysis, `definition at ${at} target selection`, link.targetSelectionRange, violations);
      }
    }
    for (const includeDeclaration of [true, false]) {
      for (const location of violations.run(`references at ${at}`, () => service.references(document, position, { includeDeclaration })) ?? []) {
        checkLocation(analysis, uri, `reference from ${at}`, location, violations);
      }
    }
    items.push(...(violations.run(`prepareCallHierarchy at ${at}`, () => service.prepareCallHierarchy(document, position)) ?? []));
  }
  for (const item of items.slice(0, 5)) {
    if (item.uri === uri) checkRange(analysis, `call hierarchy item ${item.name}`, item.range, violations);
    violations.run(`incomingCalls of ${item.name}`, () => service.incomingCalls(item));
    violations.run(`outgoingCalls of ${item.name}`, () => service.outgoingCalls(item));
  }
  return analysis;
}

/** Offsets spread over a text: `count` random ones, plus its start and end. */
export function someOffsets(random: () => number, length: number, count: number): number[] {
  return [0, length, ...Array.from({ length: count }, () => Math.floor(random() * (length + 1)))];
}
