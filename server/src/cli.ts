/**
 * The regtext command line, over the same core as the language server:
 *   regtext check [--format text|json|sarif] [--fail-on error|warning] PATHS...
 *   regtext annotate [--format json|text] FILE
 * Exit codes: 0 clean, 1 findings at or above --fail-on (default: error), 2 bad usage or unreadable path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  analyze, compileKnowledge, documentSymbols, type AnalysedDocument, type Annotation, type Knowledge, type OutlineSymbol,
  type Problem, type Severity, type Span,
} from './core';
import { builtinKnowledgeData } from './knowledge/builtin';

const USAGE = `Usage:
  regtext check [--format text|json|sarif] [--fail-on error|warning] PATH...
  regtext annotate [--format json|text] FILE

check     reports banned terms, numbering problems and broken clause references.
          Directories are searched for .notice, .regtext, .txt and .md files.
annotate  prints every recognised entity and the clause tree of one file.

Positions: lines and columns are 1-based; columns count UTF-16 code units, as editors do.
Exit codes: 0 no findings at the --fail-on level, 1 findings, 2 bad usage or unreadable path.`;

const TEXT_EXTENSIONS = /\.(notice|regtext|txt|md|markdown)$/i;
const SEVERITY_ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];

class UsageError extends Error {}

interface Options {
  format: string;
  failOn: Severity;
  paths: string[];
}

function parseArguments(args: string[], formats: string[]): Options {
  const options: Options = { format: formats[0]!, failOn: 'error', paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    if (flag === '--format') options.format = value();
    else if (flag === '--fail-on') options.failOn = value() as Severity;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}.`);
    else options.paths.push(arg);
  }
  if (!formats.includes(options.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}.`);
  if (!['error', 'warning'].includes(options.failOn)) throw new UsageError('--fail-on must be error or warning.');
  return options;
}

interface CheckedFile {
  path: string;
  analysis: AnalysedDocument;
}

/** Files to check under the given paths, in a stable order; throws UsageError for a path that cannot be read. */
function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  const visit = (path: string, explicit: boolean): void => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`Cannot read ${path}: no such file or directory.`);
    }
    if (stats.isDirectory()) {
      const entries = readdirSync(path).filter((name) => !name.startsWith('.') && name !== 'node_modules').sort();
      for (const name of entries) visit(join(path, name), false);
    } else if (explicit || TEXT_EXTENSIONS.test(path)) {
      files.push(path);
    }
  };
  for (const path of paths) visit(path, true);
  return files;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

function analyzeFile(path: string, knowledge: Knowledge): CheckedFile {
  return { path, analysis: analyze(readText(path), knowledge) };
}

function position(analysis: AnalysedDocument, offset: number) {
  return analysis.lines.positionAt(offset);
}

function rangeOf(analysis: AnalysedDocument, span: Span) {
  return { start: position(analysis, span.start), end: position(analysis, span.end) };
}

function formatText(files: CheckedFile[]): string {
  const lines: string[] = [];
  for (const { path, analysis } of files) {
    for (const problem of analysis.problems) {
      const { line, character } = position(analysis, problem.start);
      lines.push(`${path}:${line + 1}:${character + 1}: ${problem.severity}: ${problem.message} [${problem.code}]`);
    }
  }
  return lines.join('\n');
}

function formatJson(files: CheckedFile[]): string {
  return JSON.stringify(files.map(({ path, analysis }) => ({
    file: path,
    diagnostics: analysis.problems.map((problem) => {
      const range = rangeOf(analysis, problem);
      return {
        line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1,
        range, severity: problem.severity, code: problem.code, message: problem.message,
      };
    }),
  })), null, 2);
}

const SARIF_LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RULE_DESCRIPTIONS: Record<Problem['code'], string> = {
  'banned-term': 'A term barred from company names and business scopes.',
  'numbering-gap': 'Clause numbering skips a number.',
  'numbering-duplicate': 'Clause numbering repeats a number.',
  'numbering-order': 'Clause numbering goes backwards.',
  'numbering-style': 'Clause numbering switches style within a sequence.',
  'unresolved-reference': 'A clause reference points to no clause of the document.',
  'not-analysed': 'The file was not analysed (binary or too large).',
};

function formatSarif(files: CheckedFile[]): string {
  const cwd = process.cwd();
  const results = files.flatMap(({ path, analysis }) => analysis.problems.map((problem) => {
    const range = rangeOf(analysis, problem);
    return {
      ruleId: problem.code,
      level: SARIF_LEVELS[problem.severity],
      message: { text: problem.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: relative(cwd, resolve(path)).split('\\').join('/') || pathToFileURL(resolve(path)).href },
          region: {
            startLine: range.start.line + 1, startColumn: range.start.character + 1,
            endLine: range.end.line + 1, endColumn: range.end.character + 1,
          },
        },
      }],
    };
  }));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'regtext',
          informationUri: 'https://github.com/regtext/regtext',
          version: '0.1.0',
          rules: Object.entries(RULE_DESCRIPTIONS).map(([id, text]) => ({ id, shortDescription: { text } })),
        },
      },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + '/').href } },
      results,
    }],
  }, null, 2);
}

function check(args: string[], knowledge: Knowledge): number {
  const options = parseArguments(args, ['text', 'json', 'sarif']);
  if (options.paths.length === 0) throw new UsageError('check needs at least one path.');
  const files = collectFiles(options.paths).map((path) => analyzeFile(path, knowledge));
  const output = options.format === 'json' ? formatJson(files) : options.format === 'sarif' ? formatSarif(files) : formatText(files);
  if (output) process.stdout.write(output + '\n');
  const problems = files.flatMap((file) => file.analysis.problems);
  const counts = SEVERITY_ORDER.map((severity) => [severity, problems.filter((problem) => problem.severity === severity).length] as const);
  process.stderr.write(`regtext: ${files.length} file${files.length === 1 ? '' : 's'} checked; ${counts.reverse().map(([severity, count]) => `${count} ${severity}`).join(', ')}\n`);
  const threshold = SEVERITY_ORDER.indexOf(options.failOn);
  return problems.some((problem) => SEVERITY_ORDER.indexOf(problem.severity) >= threshold) ? 1 : 0;
}

function describeAnnotation(analysis: AnalysedDocument, annotation: Annotation) {
  const base = { kind: annotation.kind, text: annotation.text, range: rangeOf(analysis, annotation) };
  switch (annotation.kind) {
    case 'agency': return { ...base, key: annotation.agencyId };
    case 'noticeNumber': return { ...base, key: annotation.key, issuer: annotation.issuer, issuerKnown: annotation.issuerKnown, year: annotation.year, serial: annotation.serial, language: annotation.language };
    case 'clauseRef': return { ...base, key: annotation.target === undefined ? null : analysis.clauses[annotation.target]!.label, resolved: annotation.target !== undefined, targetLine: annotation.target === undefined ? null : position(analysis, analysis.clauses[annotation.target]!.labelSpan.start).line + 1 };
    case 'termUse':
    case 'termDefinition': return { ...base, key: annotation.key };
    case 'bannedTerm': return { ...base, key: annotation.termId, list: annotation.listId, context: annotation.context };
    case 'clauseLabel': return { ...base, key: analysis.clauses[annotation.clause]!.label };
  }
}

function describeSymbol(analysis: AnalysedDocument, symbol: OutlineSymbol): unknown {
  return { name: symbol.name, kind: symbol.kind, range: rangeOf(analysis, symbol.range), children: symbol.children.map((child) => describeSymbol(analysis, child)) };
}

function annotate(args: string[], knowledge: Knowledge): number {
  const options = parseArguments(args, ['json', 'text']);
  if (options.paths.length !== 1) throw new UsageError('annotate needs exactly one file.');
  const { path, analysis } = analyzeFile(collectFiles(options.paths)[0] ?? options.paths[0]!, knowledge);
  const entities = analysis.annotations.map((annotation) => describeAnnotation(analysis, annotation));
  if (options.format === 'json') {
    const clauses = documentSymbols(analysis).map((symbol) => describeSymbol(analysis, symbol));
    process.stdout.write(JSON.stringify({ file: path, entities, clauses, problems: JSON.parse(formatJson([{ path, analysis }]))[0].diagnostics }, null, 2) + '\n');
    return 0;
  }
  const lines = entities.map((entity) => `${path}:${entity.range.start.line + 1}:${entity.range.start.character + 1}: ${entity.kind.padEnd(14)} ${entity.text.replace(/\s+/g, ' ')}${entity.key ? `  → ${entity.key}` : ''}`);
  const outline = (symbols: OutlineSymbol[], depth: number): string[] => symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...outline(symbol.children, depth + 1)]);
  process.stdout.write([...lines, '', 'Outline:', ...outline(documentSymbols(analysis), 1)].join('\n') + '\n');
  return 0;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return check(rest, compileKnowledge(builtinKnowledgeData));
    if (command === 'annotate') return annotate(rest, compileKnowledge(builtinKnowledgeData));
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    throw new UsageError(command ? `Unknown command ${command}.` : 'No command given.');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`regtext: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
