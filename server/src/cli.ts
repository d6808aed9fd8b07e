/**
 * The regtext command line, over the same core as the language server:
 *   regtext check [--format text|json|sarif] [--fail-on error|warning] [--max-file-size-mb N] PATHS...
 *   regtext annotate [--format json|text] [--max-file-size-mb N] FILE
 * Exit codes: 0 clean, 1 findings at or above --fail-on (default: error), 2 bad usage, a path named on the command
 * line that cannot be read, or an internal error. Only findings give 1: CI reads it as "the text has problems".
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import {
  analyze, compileKnowledge, DEFAULT_MAX_BYTES, documentSymbols, LineIndex, type AnalysedDocument, type Annotation,
  type Knowledge, type OutlineSymbol, type Problem, type Severity, type Span,
} from './core';
import { builtinKnowledgeData } from './knowledge/builtin';

const MB = 1024 * 1024;

const USAGE = `Usage:
  regtext check [--format text|json|sarif] [--fail-on error|warning] [--max-file-size-mb N] PATH...
  regtext annotate [--format json|text] [--max-file-size-mb N] FILE

check     reports banned terms, numbering problems and broken clause references.
          Directories are searched for .notice, .regtext, .txt and .md files.
annotate  prints every recognised entity and the clause tree of one file.

Files must be UTF-8. Files that are not, or are larger than --max-file-size-mb (default ${DEFAULT_MAX_BYTES / MB}),
are reported as not analysed.
Positions: lines and columns are 1-based; columns count UTF-16 code units, as editors do.
Exit codes: 0 no findings at the --fail-on level, 1 findings, 2 bad usage, unreadable path or internal error.`;

const TEXT_EXTENSIONS = /\.(notice|regtext|txt|md|markdown)$/i;
const SEVERITY_ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];

class UsageError extends Error {}

/** A path that cannot be checked, and why, in the system's words where there are some ("permission denied"). */
class Unreadable extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
  }
}

interface Options {
  format: string;
  failOn: Severity;
  maxBytes: number;
  paths: string[];
}

function parseArguments(args: string[], formats: string[]): Options {
  const options: Options = { format: formats[0]!, failOn: 'error', maxBytes: DEFAULT_MAX_BYTES, paths: [] };
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
    else if (flag === '--max-file-size-mb') options.maxBytes = megabytes(value()) * MB;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}.`);
    else options.paths.push(arg);
  }
  if (!formats.includes(options.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}.`);
  if (!['error', 'warning'].includes(options.failOn)) throw new UsageError('--fail-on must be error or warning.');
  return options;
}

function megabytes(value: string): number {
  const number = Number(value);
  if (!(number > 0 && Number.isFinite(number))) throw new UsageError('--max-file-size-mb must be a positive number.');
  return number;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the files. Only a path named on the command line is fatal when it cannot be read; below a directory an
// unreadable entry, a broken symbolic link or a symbolic-link loop is skipped with a warning.

interface FileEntry {
  path: string;
  size: number;
  /** Named on the command line, not found below a directory. */
  explicit: boolean;
}

/** Runs `step` on a path; below a directory, an Unreadable path is skipped with a warning instead of ending the run. */
function unlessUnreadable<T>(explicit: boolean, step: () => T): T | undefined {
  try {
    return step();
  } catch (error) {
    if (explicit || !(error instanceof Unreadable)) throw error;
    warnSkipping(error.path, error.reason);
    return undefined;
  }
}

function warnSkipping(path: string, reason: string): void {
  process.stderr.write(`regtext: skipping ${path}: ${reason}\n`);
}

/** Runs a file-system call on `path`, turning a file-system error (it has a code) into Unreadable; others are bugs. */
function fileSystem<T>(path: string, call: () => T, context = ''): T {
  try {
    return call();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!(error instanceof Error) || typeof code !== 'string') throw error;
    // "EACCES: permission denied, open 'x'" → "permission denied"
    throw new Unreadable(path, context + (/^E[A-Z]+: (.+?), \w+/.exec(message)?.[1] ?? message));
  }
}

/** What a path is, following a symbolic link; lstat first, so that a broken link is reported as one. */
function statPath(path: string): Stats {
  const link = fileSystem(path, () => lstatSync(path));
  return link.isSymbolicLink() ? fileSystem(path, () => statSync(path), 'broken symbolic link: ') : link;
}

/** A regular file only: reading a FIFO or a device named x.txt would block or never end. */
function regularFile(path: string, stats: Stats, explicit: boolean): FileEntry {
  if (!stats.isFile()) throw new Unreadable(path, 'not a regular file');
  return { path, size: stats.size, explicit };
}

/** Files to check under the given paths, in a stable order. */
function collectFiles(paths: string[]): FileEntry[] {
  const files: FileEntry[] = [];
  // The directories walked, by real path: one reached again through a symbolic link (a loop) is not walked again.
  const walked = new Map<string, string>();
  const walk = (directory: string): void => {
    const real = fileSystem(directory, () => realpathSync(directory));
    const earlier = walked.get(real);
    if (earlier !== undefined) {
      warnSkipping(directory, `already checked as ${earlier}`);
      return;
    }
    walked.set(real, directory);
    const names = fileSystem(directory, () => readdirSync(directory));
    for (const name of names.filter((name) => !name.startsWith('.') && name !== 'node_modules').sort()) {
      unlessUnreadable(false, () => visit(join(directory, name), false));
    }
  };
  const visit = (path: string, explicit: boolean): void => {
    const stats = statPath(path);
    if (stats.isDirectory()) walk(path);
    else if (explicit || TEXT_EXTENSIONS.test(path)) files.push(regularFile(path, stats, explicit));
  };
  for (const path of paths) visit(path, true);
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and analysing.

/** A file's findings; `analysis` is absent when the file was not analysed at all (not UTF-8, too large). */
interface CheckedFile {
  path: string;
  lines: LineIndex;
  problems: readonly Problem[];
  analysis?: AnalysedDocument;
}

// fatal: GBK or Latin-1 bytes must be declined, not analysed as mojibake. A leading UTF-8 BOM is dropped (ignoreBOM
// is false), so columns on the first line count from the first real character.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

const NOT_UTF8 = 'Not analysed: not valid UTF-8 text (is it GBK/GB18030? convert it to UTF-8).';

function checkFile(file: FileEntry, knowledge: Knowledge, maxBytes: number): CheckedFile | undefined {
  return unlessUnreadable(file.explicit, () => {
    // Decided from the size alone: a file over the limit is never read.
    if (file.size > maxBytes) return notAnalysed(file.path, tooLarge(file.size, maxBytes));
    const text = decodeUtf8(fileSystem(file.path, () => readFileSync(file.path)));
    if (text === undefined) return notAnalysed(file.path, NOT_UTF8);
    const analysis = analyze(text, knowledge, { maxBytes });
    return { path: file.path, lines: analysis.lines, problems: analysis.problems, analysis };
  });
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return undefined;
    throw error;
  }
}

function tooLarge(size: number, maxBytes: number): string {
  const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
  return `Not analysed: the file has ${mb(size)}, more than the limit of ${mb(maxBytes)} (--max-file-size-mb).`;
}

/** The same single information problem at 1:1 that the core gives for a text it declines. */
function notAnalysed(path: string, message: string): CheckedFile {
  return { path, lines: new LineIndex(''), problems: [{ start: 0, end: 0, code: 'not-analysed', severity: 'information', message }] };
}

// ---------------------------------------------------------------------------------------------------------------
// Output.

function rangeOf(lines: LineIndex, span: Span) {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

function formatText(files: CheckedFile[]): string {
  return files.flatMap(({ path, lines, problems }) => problems.map((problem) => {
    const { line, character } = lines.positionAt(problem.start);
    return `${path}:${line + 1}:${character + 1}: ${problem.severity}: ${problem.message} [${problem.code}]`;
  })).join('\n');
}

function diagnostics({ lines, problems }: CheckedFile) {
  return problems.map((problem) => {
    const range = rangeOf(lines, problem);
    return {
      line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1,
      range, severity: problem.severity, code: problem.code, message: problem.message,
    };
  });
}

function formatJson(files: CheckedFile[]): string {
  return JSON.stringify(files.map((file) => ({ file: file.path, diagnostics: diagnostics(file) })), null, 2);
}

const SARIF_LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RULE_DESCRIPTIONS: Record<Problem['code'], string> = {
  'banned-term': 'A term barred from company names and business scopes.',
  'numbering-gap': 'Clause numbering skips a number.',
  'numbering-duplicate': 'Clause numbering repeats a number.',
  'numbering-order': 'Clause numbering goes backwards.',
  'numbering-style': 'Clause numbering switches style within a sequence.',
  'unresolved-reference': 'A clause reference points to no clause of the document.',
  'not-analysed': 'The file was not analysed (not UTF-8 text, binary or too large).',
};
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

function formatSarif(files: CheckedFile[]): string {
  const cwd = process.cwd();
  const results = files.flatMap((file) => file.problems.map((problem) => {
    const range = rangeOf(file.lines, problem);
    return {
      ruleId: problem.code,
      level: SARIF_LEVELS[problem.severity],
      message: { text: problem.message },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactLocation(file.path, cwd),
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
          version,
          rules: Object.entries(RULE_DESCRIPTIONS).map(([id, text]) => ({ id, shortDescription: { text } })),
        },
      },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(join(cwd, sep)).href } },
      results,
    }],
  }, null, 2);
}

function check(args: string[], knowledge: Knowledge): number {
  const options = parseArguments(args, ['text', 'json', 'sarif']);
  if (options.paths.length === 0) throw new UsageError('check needs at least one path.');
  const files = collectFiles(options.paths).flatMap((file) => checkFile(file, knowledge, options.maxBytes) ?? []);
  const output = options.format === 'json' ? formatJson(files) : options.format === 'sarif' ? formatSarif(files) : formatText(files);
  if (output) process.stdout.write(output + '\n');
  const problems = files.flatMap((file) => file.problems);
  const counts = SEVERITY_ORDER.map((severity) => [severity, problems.filter((problem) => problem.severity === severity).length] as const);
  process.stderr.write(`regtext: ${files.length} file${files.length === 1 ? '' : 's'} checked; ${counts.reverse().map(([severity, count]) => `${count} ${severity}`).join(', ')}\n`);
  const threshold = SEVERITY_ORDER.indexOf(options.failOn);
  return problems.some((problem) => SEVERITY_ORDER.indexOf(problem.severity) >= threshold) ? 1 : 0;
}

function describeAnnotation(analysis: AnalysedDocument, annotation: Annotation) {
  const base = { kind: annotation.kind, text: annotation.text, range: rangeOf(analysis.lines, annotation) };
  switch (annotation.kind) {
    case 'agency': return { ...base, key: annotation.agencyId };
    case 'noticeNumber': return { ...base, key: annotation.key, issuer: annotation.issuer, issuerKnown: annotation.issuerKnown, year: annotation.year, serial: annotation.serial, language: annotation.language };
    case 'clauseRef': return { ...base, key: annotation.target === undefined ? null : analysis.clauses[annotation.target]!.label, resolved: annotation.target !== undefined, targetLine: annotation.target === undefined ? null : analysis.lines.positionAt(analysis.clauses[annotation.target]!.labelSpan.start).line + 1 };
    case 'termUse':
    case 'termDefinition': return { ...base, key: annotation.key };
    case 'bannedTerm': return { ...base, key: annotation.termId, list: annotation.listId, context: annotation.context };
    case 'clauseLabel': return { ...base, key: analysis.clauses[annotation.clause]!.label };
  }
}

function describeSymbol(analysis: AnalysedDocument, symbol: OutlineSymbol): unknown {
  return { name: symbol.name, kind: symbol.kind, range: rangeOf(analysis.lines, symbol.range), children: symbol.children.map((child) => describeSymbol(analysis, child)) };
}

function annotationJson(file: CheckedFile): string {
  const { analysis } = file;
  return JSON.stringify({
    file: file.path,
    entities: analysis?.annotations.map((annotation) => describeAnnotation(analysis, annotation)) ?? [],
    clauses: analysis ? documentSymbols(analysis).map((symbol) => describeSymbol(analysis, symbol)) : [],
    problems: diagnostics(file),
  }, null, 2);
}

/** Entities then the outline; for a file that was not analysed, the problem that says why. */
function annotationText(file: CheckedFile): string {
  const { path, analysis } = file;
  if (!analysis) return formatText([file]);
  const lines = analysis.annotations.map((annotation) => describeAnnotation(analysis, annotation)).map((entity) => `${path}:${entity.range.start.line + 1}:${entity.range.start.character + 1}: ${entity.kind.padEnd(14)} ${entity.text.replace(/\s+/g, ' ')}${entity.key ? `  → ${entity.key}` : ''}`);
  const outline = (symbols: OutlineSymbol[], depth: number): string[] => symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...outline(symbol.children, depth + 1)]);
  return [...lines, '', 'Outline:', ...outline(documentSymbols(analysis), 1)].join('\n');
}

function annotate(args: string[], knowledge: Knowledge): number {
  const options = parseArguments(args, ['json', 'text']);
  if (options.paths.length !== 1) throw new UsageError('annotate needs exactly one file.');
  const path = options.paths[0]!;
  const stats = statPath(path);
  if (stats.isDirectory()) throw new UsageError(`annotate needs a file; ${path} is a directory.`);
  const file = checkFile(regularFile(path, stats, true), knowledge, options.maxBytes)!; // explicit: never skipped
  process.stdout.write((options.format === 'json' ? annotationJson(file) : annotationText(file)) + '\n');
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
    if (error instanceof UsageError) process.stderr.write(`regtext: ${error.message}\n\n${USAGE}\n`);
    else if (error instanceof Unreadable) process.stderr.write(`regtext: cannot read ${error.path}: ${error.reason}\n`);
    else reportInternalError(error);
    return 2;
  }
}

function reportInternalError(error: unknown): void {
  process.stderr.write(`regtext: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
}

// A reader that stops early (`regtext annotate … | head -1`) is not an error: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});
// With stderr gone there is nowhere left to report anything.
process.stderr.on('error', () => process.exit());
// An error thrown outside main (a failing output stream) is an internal error too: exit 2, never Node's default 1,
// which here means findings.
process.on('uncaughtException', (error) => {
  reportInternalError(error);
  process.exitCode = 2;
});

process.exitCode = main(process.argv.slice(2));
