/**
 * Test helpers: fixtures are plain text, expectations are short strings.
 *
 * In the style of rust-analyzer's `check(fixture, expect)` and vscode-css-languageservice's
 * `assertHover('text with | cursor', expected)`: a fixture may hold one cursor marker `$0`, which is stripped from
 * the text; its offset is counted in UTF-16 code units, as LSP counts them. Positions in expectations are written
 * `line:col`, both 1-based (as editors show them), columns in UTF-16 code units.
 *
 *   annotationsOf('The PBOC said')          → ['agency "PBOC" → pboc @1:5']
 *   hoverAt('The PB$0OC said')              → '**People\'s Bank of China** · 中国人民银行 …'
 *   definitionAt('… Clause (I$0I) …')       → 'line 3: "(II)"'
 *   outlineOf('一、\n（一）\n二、')          → '一、\n  （一）\n二、'
 *   problemsOf('（一）\n（三）')             → ['2:1 numbering-gap Numbering gap after （一） …']
 */
import {
  analyze, annotationAt, compileKnowledge, createLanguageService, formatProblem, type AnalysedDocument, type Problem, type Annotation, type AnalysisOptions,
  type DocumentSymbol, type LanguageService, type Position, type Range, type Span, type TextDocument,
} from '../../server/src/core';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';

export const knowledge = compileKnowledge(builtinKnowledgeData);

/** A problem of an analysis in English words, as diagnostics write it. */
export function messageOf(problem: Problem): string {
  return formatProblem(problem, knowledge);
}

/** The URI single-document fixtures are analysed under. */
export const FIXTURE_URI = 'file:///fixture/notice.notice';

/** A text as the one open document of a language service with an empty workspace. */
export function singleDocument(text: string, options: { maxBytes?: number } = {}): { service: LanguageService; document: TextDocument; analysis: AnalysedDocument } {
  const service = createLanguageService({ knowledge, ...options });
  const document: TextDocument = { uri: FIXTURE_URI, version: 1, getText: () => text };
  return { service, document, analysis: service.analysis(document) };
}

/** The offset of a position in a text (lines end at \n, \r\n or \r). */
export function offsetOf(analysis: AnalysedDocument, position: Position): number {
  return analysis.lines.offsetAt(position);
}

/** The text a range covers. */
export function textIn(analysis: AnalysedDocument, range: Range): string {
  return analysis.text.slice(offsetOf(analysis, range.start), offsetOf(analysis, range.end));
}

export const CURSOR = '$0';

/** Joins lines with "\n": fixtures of several lines read better as a list. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

/** The text without its cursor marker, and the marker's offset. Throws unless there is exactly one marker. */
export function withCursor(fixture: string): { text: string; offset: number } {
  const offset = fixture.indexOf(CURSOR);
  if (offset < 0) throw new Error(`fixture has no cursor marker ${CURSOR}: ${JSON.stringify(fixture)}`);
  if (fixture.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`fixture has more than one cursor marker: ${JSON.stringify(fixture)}`);
  return { text: fixture.slice(0, offset) + fixture.slice(offset + CURSOR.length), offset };
}

export function analyse(text: string, options?: AnalysisOptions): AnalysedDocument {
  return analyze(text, knowledge, options);
}

/** "line:col", 1-based, of an offset. */
export function at(document: AnalysedDocument, offset: number): string {
  const position = document.lines.positionAt(offset);
  return `${position.line + 1}:${position.character + 1}`;
}

/** Text as it appears in an expectation: line breaks shown as ⏎, so one annotation stays on one line. */
export function shown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '⏎');
}

/** What an annotation stands for, after the arrow. */
function targetOf(document: AnalysedDocument, annotation: Annotation): string {
  switch (annotation.kind) {
    case 'agency': return annotation.agencyId;
    case 'noticeNumber': return annotation.key;
    case 'clauseRef': return annotation.external ? `external ${citedName(annotation.external.cites)}` : annotation.target === undefined ? 'unresolved' : clauseName(document, annotation.target);
    case 'citation': return `${annotation.via} ${citedName(annotation.target)}`;
    case 'termUse':
    case 'termDefinition': return annotation.key;
    case 'bannedTerm': return `${annotation.termId} (${annotation.context})`;
    case 'clauseLabel': return `${document.clauses[annotation.clause]!.kind} ${document.clauses[annotation.clause]!.value}`;
  }
}

/** What a citation names, in expectations: a number's key, 《a title》, a serial. */
export function citedName(target: Extract<Annotation, { kind: 'citation' }>['target'] | undefined): string {
  if (!target) return '(unnamed)';
  switch (target.kind) {
    case 'number': return target.number.key;
    case 'title': return `《${target.text}》`;
    case 'serial': return `serial ${target.serial}`;
  }
}

/** A clause as named in expectations: its label and line, "(II)@5". */
export function clauseName(document: AnalysedDocument, id: number): string {
  const clause = document.clauses[id]!;
  return `${clause.label}@${document.lines.lineOf(clause.labelSpan.start) + 1}`;
}

export type AnnotationKind = Annotation['kind'];

/**
 * The annotations of a text, one compact line each, in document order: `agency "PBOC" → pboc @1:5`.
 * `kinds` keeps only those kinds (by default every kind but clause labels, which outlineOf shows).
 */
export function annotationsOf(text: string, kinds?: readonly AnnotationKind[]): string[] {
  const document = analyse(text);
  const wanted = (kind: AnnotationKind) => (kinds ? kinds.includes(kind) : kind !== 'clauseLabel');
  return document.annotations
    .filter((annotation) => wanted(annotation.kind))
    .map((annotation) => `${annotation.kind} "${shown(annotation.text)}" → ${targetOf(document, annotation)} @${at(document, annotation.start)}`);
}

/** The canonical keys of the notice numbers in a text, in order. */
export function noticeKeysOf(text: string): string[] {
  return analyse(text).noticeNumbers.map((number) => number.key);
}

/** The hover (Markdown) at the cursor, or undefined. */
export function hoverAt(fixture: string): string | undefined {
  const { text, offset } = withCursor(fixture);
  const { service, document, analysis } = singleDocument(text);
  return service.hover(document, analysis.lines.positionAt(offset))?.markdown;
}

/** Where go-to-definition at the cursor lands: `line 3: "(II)"` (the line and the text selected there), or undefined. */
export function definitionAt(fixture: string): string | undefined {
  const { text, offset } = withCursor(fixture);
  const { service, document, analysis } = singleDocument(text);
  const target = service.definition(document, analysis.lines.positionAt(offset))[0];
  if (!target) return undefined;
  return `line ${target.targetSelectionRange.start.line + 1}: "${shown(textIn(analysis, target.targetSelectionRange))}"`;
}

/** Find-references at the cursor: `line:col "text"` per place, in document order. */
export function referencesAt(fixture: string, includeDeclaration = true): string[] {
  const { text, offset } = withCursor(fixture);
  const { service, document, analysis } = singleDocument(text);
  return service.references(document, analysis.lines.positionAt(offset), { includeDeclaration })
    .sort((a, b) => offsetOf(analysis, a.range.start) - offsetOf(analysis, b.range.start))
    .map(({ range }) => `${range.start.line + 1}:${range.start.character + 1} "${shown(textIn(analysis, range))}"`);
}

/** The annotation kind at the cursor (the one features act on), or undefined. */
export function kindAt(fixture: string): string | undefined {
  const { text, offset } = withCursor(fixture);
  return annotationAt(analyse(text), offset)?.kind;
}

/** The clause tree as an indented list of labels, two spaces per level. */
export function outlineOf(text: string): string {
  const document = analyse(text);
  const out: string[] = [];
  const walk = (id: number) => {
    const clause = document.clauses[id]!;
    out.push('  '.repeat(clause.depth) + clause.label);
    clause.children.forEach(walk);
  };
  document.rootClauses.forEach(walk);
  return out.join('\n');
}

/** The document symbols of a text. */
export function documentSymbolsOf(text: string): DocumentSymbol[] {
  const { service, document } = singleDocument(text);
  return service.documentSymbols(document);
}

/** The document symbols as an indented outline: `name [Kind]`, two spaces per level. */
export function symbolsOf(text: string): string {
  const out: string[] = [];
  const walk = (symbol: DocumentSymbol, depth: number) => {
    out.push(`${'  '.repeat(depth)}${symbol.name} [${symbol.detail}]`);
    symbol.children.forEach((child) => walk(child, depth + 1));
  };
  documentSymbolsOf(text).forEach((symbol) => walk(symbol, 0));
  return out.join('\n');
}

/** The problems of a text: `line:col code message`, in document order. */
export function problemsOf(text: string): string[] {
  const document = analyse(text);
  return document.problems.map((problem) => `${at(document, problem.start)} ${problem.code} ${messageOf(problem)}`);
}

/** Just the problem codes with their positions: `line:col code`. */
export function problemCodesOf(text: string): string[] {
  const document = analyse(text);
  return document.problems.map((problem) => `${at(document, problem.start)} ${problem.code}`);
}

/** Folding ranges as `start-end` line pairs, 1-based. */
export function foldsOf(text: string): string[] {
  const { service, document } = singleDocument(text);
  return service.foldingRanges(document).map((fold) => `${fold.startLine + 1}-${fold.endLine + 1}`);
}

/** Semantic tokens of a text, with their offsets. */
export function semanticTokensOf(text: string) {
  const { service, document, analysis } = singleDocument(text);
  return service.semanticTokens(document).map((token) => {
    const start = analysis.lines.lineStart(token.line) + token.character;
    return { ...token, start, end: start + token.length };
  });
}

/** Semantic tokens: `type "text"`. */
export function tokensOf(text: string): string[] {
  return semanticTokensOf(text).map((token) => `${token.type} "${shown(text.slice(token.start, token.end))}"`);
}

/** The text a span covers. */
export function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/**
 * The invariants every analysis keeps, whatever the input; returns the violations (empty when all hold):
 * spans inside the text with start <= end, annotations sorted and non-empty, their text equal to the text they
 * cover, the clause tree consistent (parent/child links, depths, children inside their parent's span),
 * problems inside the text.
 */
export function invariantViolations(document: AnalysedDocument): string[] {
  const violations: string[] = [];
  const length = document.text.length;
  const checkSpan = (what: string, span: Span) => {
    if (!(span.start >= 0 && span.start <= span.end && span.end <= length)) violations.push(`${what}: span ${span.start}-${span.end} outside 0-${length}`);
  };
  let previousStart = -1;
  for (const annotation of document.annotations) {
    const what = `${annotation.kind} "${shown(annotation.text).slice(0, 40)}" at ${annotation.start}`;
    checkSpan(what, annotation);
    if (annotation.start < previousStart) violations.push(`${what}: annotations not sorted`);
    previousStart = annotation.start;
    if (annotation.text.length === 0 || annotation.start === annotation.end) violations.push(`${what}: empty annotation`);
    if (annotation.text !== document.text.slice(annotation.start, annotation.end)) violations.push(`${what}: text differs from the text it covers`);
  }
  const clauses = document.clauses;
  clauses.forEach((clause, id) => {
    const what = `clause ${clause.label} (#${id})`;
    if (clause.id !== id) violations.push(`${what}: id ${clause.id}`);
    checkSpan(`${what} span`, clause.span);
    checkSpan(`${what} label`, clause.labelSpan);
    if (clause.labelSpan.start < clause.span.start || clause.labelSpan.end > clause.span.end) violations.push(`${what}: label outside its span`);
    if (clause.label.length === 0) violations.push(`${what}: empty label`);
    if (clause.parent === undefined) {
      if (clause.depth !== 0) violations.push(`${what}: root with depth ${clause.depth}`);
      if (!document.rootClauses.includes(id)) violations.push(`${what}: root not in rootClauses`);
    } else {
      const parent = clauses[clause.parent];
      if (!parent) violations.push(`${what}: parent ${clause.parent} missing`);
      else {
        if (!parent.children.includes(id)) violations.push(`${what}: not among its parent's children`);
        if (clause.depth !== parent.depth + 1) violations.push(`${what}: depth ${clause.depth} under parent depth ${parent.depth}`);
        if (clause.span.start < parent.span.start || clause.span.end > parent.span.end) violations.push(`${what}: outside its parent ${parent.label}`);
      }
    }
    for (const child of clause.children) {
      if (clauses[child]?.parent !== id) violations.push(`${what}: child ${child} does not name it as parent`);
    }
  });
  for (const problem of document.problems) checkSpan(`problem ${problem.code}`, problem);
  return violations;
}

/**
 * The uses of defined terms in the part of a text after `definition`, each shown in [brackets]: the test reads as
 * the sentence with its uses marked.
 */
export function markedUses(definition: string, rest: string): string {
  const text = definition + rest;
  let marked = '';
  let at = definition.length;
  for (const use of analyse(text).termUses) {
    if (use.start < definition.length) continue;
    marked += `${text.slice(at, use.start)}[${use.text}]`;
    at = use.end;
  }
  return marked + text.slice(at);
}
