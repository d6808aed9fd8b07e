/** What `regtext check` and `regtext graph` print: text, JSON, SARIF 2.1.0; the citation graph as JSON or DOT. */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { RULES, type CitationGraph, type Diagnostic, type Severity } from '../core';

/** A file's findings, as checked. */
export interface CheckedFile {
  path: string;
  diagnostics: Diagnostic[];
}

/** A file's findings as they are made: read once, in order. */
export interface CheckedStream {
  path: string;
  diagnostics: Iterable<Diagnostic>;
}

export function formatText(files: CheckedFile[]): string {
  return files.flatMap(({ path, diagnostics }) => diagnostics.map((diagnostic) => textLine(path, diagnostic))).join('\n');
}

function textLine(path: string, diagnostic: Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${path}:${line + 1}:${character + 1}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`;
}

/**
 * A report printed a file at a time, in the order the files are given, so that the findings of thousands of files
 * are never held at once, nor made into one string. `file` returns what to print for a file, in pieces (a file with a
 * million findings is not one string of a hundred megabytes), `end` what closes the report.
 */
export interface ReportWriter {
  file(file: CheckedStream): Iterable<string | Uint8Array>;
  end(): string;
}

/** Bytes of text printed in one piece: large enough that writes are few, small enough that a piece is short-lived. */
const PIECE_BYTES = 256 * 1024;

export function reportWriter(format: string, pathOfUri: (uri: string) => string): ReportWriter {
  switch (format) {
    case 'json': return jsonReport(pathOfUri);
    case 'sarif': return sarifReport(pathOfUri);
    default: return textReport();
  }
}

function textReport(): ReportWriter {
  return { file: textPieces, end: () => '' };
}

/**
 * The lines of a file's findings, each encoded into a buffer as soon as it is written: a million lines are never a
 * million strings held at once, nor one string flattened and encoded again when printed.
 */
function* textPieces({ path, diagnostics }: CheckedStream): Iterable<Uint8Array> {
  let piece = Buffer.allocUnsafe(PIECE_BYTES);
  let used = 0;
  for (const diagnostic of diagnostics) {
    const line = `${textLine(path, diagnostic)}\n`;
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    if (used + line.length * 3 > piece.length) {
      if (used > 0) yield piece.subarray(0, used);
      piece = Buffer.allocUnsafe(Math.max(PIECE_BYTES, line.length * 3));
      used = 0;
    }
    used += piece.write(line, used);
  }
  if (used > 0) yield piece.subarray(0, used);
}

/** One JSON array of files, the same bytes as JSON.stringify(files, null, 2). */
function jsonReport(pathOfUri: (uri: string) => string): ReportWriter {
  let printed = 0;
  return {
    file: (file) => {
      const json = { file: file.path, diagnostics: Array.from(file.diagnostics, (diagnostic) => jsonDiagnostic(diagnostic, pathOfUri)) };
      // An element of a one-element array is indented as it is in the whole array: "[\n  {…}\n]".
      const element = JSON.stringify([json], null, 2).slice(2, -2);
      return [`${printed++ === 0 ? '[\n' : ',\n'}${element}`];
    },
    end: () => (printed === 0 ? '[]\n' : '\n]\n'),
  };
}

/** SARIF holds every result in one run: the files are kept until the end. */
function sarifReport(pathOfUri: (uri: string) => string): ReportWriter {
  const files: CheckedFile[] = [];
  return {
    file: (file) => {
      files.push({ path: file.path, diagnostics: [...file.diagnostics] });
      return [];
    },
    end: () => `${formatSarif(files, pathOfUri)}\n`,
  };
}

export function jsonDiagnostic(diagnostic: Diagnostic, pathOfUri: (uri: string) => string) {
  const { range } = diagnostic;
  return {
    line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1,
    range, severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message,
    ...(diagnostic.related ? { related: diagnostic.related.map((related) => ({ file: pathOfUri(related.location.uri), range: related.location.range, message: related.message })) } : {}),
  };
}

const SARIF_LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SOURCE_ROOT = '%SRCROOT%';

/**
 * A SARIF artifact location: a relative URI reference against %SRCROOT% (the working directory) for a file inside
 * it, each path segment percent-encoded (a file may be called "a #1.txt"); an absolute file: URI for one outside.
 */
function artifactLocation(path: string, root: string) {
  const absolute = resolve(path);
  const inside = relative(root, absolute);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { uri: pathToFileURL(absolute).href };
  return { uri: inside.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function region(range: Diagnostic['range']) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function formatSarif(files: CheckedFile[], pathOfUri: (uri: string) => string): string {
  const cwd = process.cwd();
  const results = files.flatMap((file) => file.diagnostics.map((diagnostic) => ({
    ruleId: diagnostic.code,
    level: SARIF_LEVELS[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.path, cwd), region: region(diagnostic.range) } }],
    ...(diagnostic.related ? {
      relatedLocations: diagnostic.related.map((related, id) => ({
        id, message: { text: related.message },
        physicalLocation: { artifactLocation: artifactLocation(pathOfUri(related.location.uri), cwd), region: region(related.location.range) },
      })),
    } : {}),
  })));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'regtext',
          informationUri: 'https://github.com/regtext/regtext',
          version,
          rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text } })),
        },
      },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(join(cwd, sep)).href } },
      results,
    }],
  }, null, 2);
}

/** The graph with file paths instead of URIs. */
export function formatGraphJson(graph: CitationGraph, pathOfUri: (uri: string) => string): string {
  return JSON.stringify({ ...graph, nodes: graph.nodes.map((node) => ({ ...node, files: node.files.map(pathOfUri) })) }, null, 2);
}

/** Graphviz DOT: notices as boxes (dashed when not in the workspace, grey when repealed), documents as notes. */
export function formatGraphDot(graph: CitationGraph): string {
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines = ['digraph citations {', '  rankdir=LR;', '  node [shape=box, fontname="sans-serif"];'];
  for (const node of graph.nodes) {
    const repealed = node.status === 'repealed' ? `repealed${node.repealedOn ? ` ${node.repealedOn}` : ''}` : undefined;
    // DOT's \n inside a quoted label is a line break.
    const label = [node.label, node.otherLabel, node.title, repealed].filter((part) => part !== undefined).map(escape).join('\\n');
    const style = [node.kind === 'document' ? 'shape=note' : '', node.kind === 'external' ? 'style=dashed' : '', node.status === 'repealed' ? 'color=gray50, fontcolor=gray40' : '']
      .filter(Boolean).join(', ');
    lines.push(`  "${escape(node.id)}" [label="${label}"${style ? `, ${style}` : ''}];`);
  }
  for (const edge of graph.edges) {
    const attributes = edge.kind === 'repeals' ? ' [label="repeals", style=bold, color=firebrick]' : edge.count > 1 ? ` [label="${edge.count}"]` : '';
    lines.push(`  "${escape(edge.from)}" -> "${escape(edge.to)}"${attributes};`);
  }
  lines.push('}');
  return lines.join('\n');
}
