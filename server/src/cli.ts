/**
 * The regtext command line, over the same language service as the language server:
 *   regtext check [--format text|json|sarif] [--fail-on error|warning] [--max-file-size-mb N] [--config FILE] PATHS...
 *   regtext annotate [--format json|text] [--max-file-size-mb N] [--config FILE] FILE
 *   regtext graph [--format json|dot] [--max-file-size-mb N] [--config FILE] PATHS...
 *   regtext align [--format json|tsv|tmx] [--clauses] [--out FILE] [--config FILE] [--locale L] TRANSLATION ORIGINAL
 *   regtext init [FOLDER]
 * The files named (and found below the directories named) are one workspace, as in the editor: a memo that cites a
 * repealed notice, or a clause the cited notice lacks, is reported as it is there.
 * Exit codes: 0 clean, 1 findings at or above --fail-on (default: error), 2 bad usage, a path named on the command
 * line that cannot be read, a configuration with problems, or an internal error. Only findings give 1: CI reads it as "the text has problems".
 */
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  createLanguageService, DEFAULT_MAX_BYTES, NEVER_CANCELLED, type AnalysedDocument, type Annotation,
  type Diagnostic, type DocumentSymbol, type LanguageService, type Severity, type Span,
} from './core';
import { CliWorkspace, collectFiles, regularFile, statPath, Unreadable, uriOf } from './cli/files';
import { formatGraphDot, formatGraphJson, formatText, jsonDiagnostic, reportWriter, type CheckedFile } from './cli/format';
import { MB } from './fileText';
import { AnalysisPool } from './analysisPool';
import { cliKnowledge, ConfigError, init } from './cli/config';
import { tuneCompilerForColdWork } from './compilerTuning';
import { CONFIG_FILE } from './config/configFile';
import { align } from './cli/align';
import { environmentLocale, readArguments, UsageError } from './cli/usage';

const USAGE = `Usage:
  regtext check [--format text|json|sarif] [--fail-on error|warning] [--max-file-size-mb N] [--config FILE] [--locale L] PATH...
  regtext annotate [--format json|text] [--max-file-size-mb N] [--config FILE] [--locale L] FILE
  regtext graph [--format json|dot] [--max-file-size-mb N] [--config FILE] PATH...
  regtext align [--format json|tsv|tmx] [--clauses] [--out FILE] [--config FILE] [--locale L] TRANSLATION ORIGINAL
  regtext init [FOLDER]

check     reports banned terms, numbering problems, broken clause references, and across the files checked:
          citations of repealed notices, references to clauses a cited notice lacks, two files claiming one number.
          Directories are searched for .notice, .regtext, .txt and .md files.
annotate  prints every recognised entity and the clause tree of one file.
graph     prints the citation graph of the files: notices, documents, and who cites and repeals whom.
align     aligns a translation with its original (either order: the Chinese file is the original), clause by
          clause and sentence by sentence: JSON with ranges and the translation findings (default), TSV, or TMX 1.4b
          for CAT tools; --clauses adds one entry per clause pair; --out FILE writes there instead of stdout.
init      writes a commented starting configuration, FOLDER/${CONFIG_FILE} (FOLDER: the current one).

The configuration is the nearest ${CONFIG_FILE} in the folder of the first PATH or above it, as in the editor, or
the file named with --config. A configuration with problems ends the run (exit 2).

Files must be UTF-8. Files that are not, or are larger than --max-file-size-mb (default ${DEFAULT_MAX_BYTES / MB}),
are reported as not analysed.
Messages are in Simplified Chinese when --locale (zh-cn, en) or else LC_ALL, LC_MESSAGES or LANG names Chinese
(zh_CN.UTF-8), in English otherwise; rule codes, severities and JSON keys are the same in every language.
Positions: lines and columns are 1-based; columns count UTF-16 code units, as editors do.
Exit codes: 0 no findings at the --fail-on level, 1 findings, 2 bad usage, unreadable path, a configuration with
problems or internal error.`;

const SEVERITY_ORDER: Severity[] = ['hint', 'information', 'warning', 'error'];


interface Options {
  format: string;
  failOn: Severity;
  /** From --max-file-size-mb; otherwise the configuration's limit, or the default. */
  maxBytes: number | undefined;
  config: string | undefined;
  /** From --locale; otherwise the environment's. */
  locale: string | undefined;
  paths: string[];
}

function parseArguments(args: string[], formats: string[]): Options {
  const options: Options = { format: formats[0]!, failOn: 'error', maxBytes: undefined, config: undefined, locale: environmentLocale(), paths: [] };
  readArguments(args, (flag, value) => {
    if (flag === '--format') options.format = value();
    else if (flag === '--fail-on') options.failOn = value() as Severity;
    else if (flag === '--max-file-size-mb') options.maxBytes = megabytes(value()) * MB;
    else if (flag === '--config') options.config = value();
    else if (flag === '--locale') options.locale = value();
    else return false;
    return true;
  }, (path) => options.paths.push(path));
  if (!formats.includes(options.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}.`);
  if (!['error', 'warning'].includes(options.failOn)) throw new UsageError('--fail-on must be error or warning.');
  return options;
}

function megabytes(value: string): number {
  const number = Number(value);
  if (!(number > 0 && Number.isFinite(number))) throw new UsageError('--max-file-size-mb must be a positive number.');
  return number;
}

/** The knowledge and the size limit of a run: from the configuration, unless the command line says otherwise. */
async function runSettings(options: Options) {
  const found = await cliKnowledge(options.config, options.paths);
  const configured = found.config?.limits?.maxFileSizeMB;
  return { ...found, maxBytes: options.maxBytes ?? (configured !== undefined ? configured * MB : DEFAULT_MAX_BYTES) };
}

/** The files under `paths` as one workspace, indexed; a file named on the command line that cannot be read is fatal. */
async function indexedWorkspace(options: Options) {
  const { knowledge, data, maxBytes } = await runSettings(options);
  const workspace = new CliWorkspace(collectFiles(options.paths), maxBytes);
  // One file is analysed here: a worker would only add its start and the copy of its result back.
  const pool = workspace.entries.length > 1 ? new AnalysisPool(data) : undefined;
  const service = createLanguageService({ knowledge, workspace, maxBytes, summarizer: pool?.summarize, fileSummarizer: pool?.summarizeFile, locale: options.locale });
  await service.index.scan(NEVER_CANCELLED);
  pool?.dispose();
  if (workspace.fatal) throw workspace.fatal;
  return { workspace, service };
}

/** The path a URI of the workspace stands for, as the user named it. */
function pathNamer(workspace: CliWorkspace): (uri: string) => string {
  const paths = new Map(workspace.entries.map((entry) => [uriOf(entry.path), entry.path]));
  return (uri) => paths.get(uri) ?? (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
}

async function check(args: string[]): Promise<number> {
  const options = parseArguments(args, ['text', 'json', 'sarif']);
  if (options.paths.length === 0) throw new UsageError('check needs at least one path.');
  const { workspace, service } = await indexedWorkspace(options);
  const report = reportWriter(options.format, pathNamer(workspace));
  const counts = new Map<Severity, number>(SEVERITY_ORDER.map((severity) => [severity, 0]));
  let checked = 0;
  // Each file's findings are made, printed and dropped in turn: the output of thousands of files is never one string.
  for (const entry of workspace.entries) {
    const diagnostics = service.fileDiagnosticStream(uriOf(entry.path));
    if (!diagnostics) continue;
    checked++;
    for (const piece of report.file({ path: entry.path, diagnostics: counted(diagnostics, counts) })) await print(piece);
  }
  await print(report.end());
  const tally = [...SEVERITY_ORDER].reverse().map((severity) => [severity, counts.get(severity)!] as const);
  process.stderr.write(`${service.messages.cli.checked(checked, tally)}\n`);
  const threshold = SEVERITY_ORDER.indexOf(options.failOn);
  return SEVERITY_ORDER.some((severity, level) => level >= threshold && counts.get(severity)! > 0) ? 1 : 0;
}

/** The diagnostics, each counted by its severity as it is read. */
function* counted(diagnostics: Iterable<Diagnostic>, counts: Map<Severity, number>): Generator<Diagnostic> {
  for (const diagnostic of diagnostics) {
    counts.set(diagnostic.severity, counts.get(diagnostic.severity)! + 1);
    yield diagnostic;
  }
}

/** Writes to stdout, waiting while a slow reader (a pipe) has not taken what was written before: memory stays bounded. */
async function print(text: string | Uint8Array): Promise<void> {
  if (text.length > 0 && !process.stdout.write(text)) await once(process.stdout, 'drain');
}

async function graph(args: string[]): Promise<number> {
  const options = parseArguments(args, ['json', 'dot']);
  if (options.paths.length === 0) throw new UsageError('graph needs at least one path.');
  const { workspace, service } = await indexedWorkspace(options);
  const citations = service.citationGraph();
  process.stdout.write((options.format === 'dot' ? formatGraphDot(citations) : formatGraphJson(citations, pathNamer(workspace))) + '\n');
  return 0;
}

function rangeOf(analysis: AnalysedDocument, span: Span) {
  return { start: analysis.lines.positionAt(span.start), end: analysis.lines.positionAt(span.end) };
}

function describeAnnotation(analysis: AnalysedDocument, annotation: Annotation) {
  const base = { kind: annotation.kind, text: annotation.text, range: rangeOf(analysis, annotation) };
  switch (annotation.kind) {
    case 'agency': return { ...base, key: annotation.agencyId };
    case 'noticeNumber': return { ...base, key: annotation.key, issuer: annotation.issuer, issuerKnown: annotation.issuerKnown, year: annotation.year, serial: annotation.serial, language: annotation.language, ...(annotation.own ? { own: true } : {}) };
    case 'clauseRef': return describeReference(analysis, annotation, base);
    case 'citation': return { ...base, key: citedKey(annotation.target), via: annotation.via };
    case 'termUse':
    case 'termDefinition': return { ...base, key: annotation.key };
    case 'bannedTerm': return { ...base, key: annotation.termId, list: annotation.listId, context: annotation.context };
    case 'clauseLabel': return { ...base, key: analysis.clauses[annotation.clause]!.label };
  }
}

function describeReference<T extends object>(analysis: AnalysedDocument, reference: Extract<Annotation, { kind: 'clauseRef' }>, base: T) {
  if (reference.external) return { ...base, key: reference.external.cites ? citedKey(reference.external.cites) : null, resolved: false, external: true, targetLine: null };
  const target = reference.target === undefined ? undefined : analysis.clauses[reference.target]!;
  return { ...base, key: target?.label ?? null, resolved: target !== undefined, targetLine: target ? analysis.lines.positionAt(target.labelSpan.start).line + 1 : null };
}

function citedKey(target: Extract<Annotation, { kind: 'citation' }>['target']): string {
  switch (target.kind) {
    case 'number': return target.number.key;
    case 'title': return `《${target.text}》`;
    case 'serial': return target.text;
  }
}

function describeSymbol(symbol: DocumentSymbol): unknown {
  return { name: symbol.name, kind: symbol.kind, range: symbol.range, children: symbol.children.map(describeSymbol) };
}

interface AnnotatedFile {
  path: string;
  analysis: AnalysedDocument | undefined;
  symbols: DocumentSymbol[];
  diagnostics: CheckedFile['diagnostics'];
}

function annotationJson(file: AnnotatedFile): string {
  const { analysis } = file;
  return JSON.stringify({
    file: file.path,
    entities: analysis?.annotations.map((annotation) => describeAnnotation(analysis, annotation)) ?? [],
    clauses: file.symbols.map(describeSymbol),
    problems: file.diagnostics.map((diagnostic) => jsonDiagnostic(diagnostic, (uri) => uri)),
  }, null, 2);
}

/** Entities then the outline; for a file that was not analysed, the problem that says why. */
function annotationText(file: AnnotatedFile): string {
  const { path, analysis } = file;
  if (!analysis) return formatText([file]);
  const lines = analysis.annotations.map((annotation) => describeAnnotation(analysis, annotation)).map((entity) => `${path}:${entity.range.start.line + 1}:${entity.range.start.character + 1}: ${entity.kind.padEnd(14)} ${entity.text.replace(/\s+/g, ' ')}${entity.key ? `  → ${entity.key}` : ''}`);
  const outline = (symbols: DocumentSymbol[], depth: number): string[] => symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...outline(symbol.children, depth + 1)]);
  return [...lines, '', 'Outline:', ...outline(file.symbols, 1)].join('\n');
}

async function annotate(args: string[]): Promise<number> {
  const options = parseArguments(args, ['json', 'text']);
  if (options.paths.length !== 1) throw new UsageError('annotate needs exactly one file.');
  const path = options.paths[0]!;
  const stats = statPath(path);
  if (stats.isDirectory()) throw new UsageError(`annotate needs a file; ${path} is a directory.`);
  const { knowledge, maxBytes } = await runSettings(options);
  const workspace = new CliWorkspace([regularFile(path, stats, true)], maxBytes);
  const service = createLanguageService({ knowledge, workspace, maxBytes, locale: options.locale });
  const file = await annotatedFile(workspace, service, path);
  process.stdout.write((options.format === 'json' ? annotationJson(file) : annotationText(file)) + '\n');
  return 0;
}

async function annotatedFile(workspace: CliWorkspace, service: LanguageService, path: string): Promise<AnnotatedFile> {
  const uri = uriOf(path);
  const content = await workspace.readFile(uri);
  if (workspace.fatal) throw workspace.fatal;
  if (content.kind !== 'text') {
    const message = service.declineMessage(content.kind === 'declined' ? content.reason : { why: 'gone' });
    const start = { line: 0, character: 0 };
    return { path, analysis: undefined, symbols: [], diagnostics: [{ range: { start, end: start }, severity: 'information', code: 'not-analysed', message }] };
  }
  const document = { uri, version: content.version, getText: () => content.text };
  return { path, analysis: service.analysis(document), symbols: service.documentSymbols(document), diagnostics: service.diagnostics(document) };
}

async function initCommand(args: string[]): Promise<number> {
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) throw new UsageError('init takes at most one folder.');
  process.stderr.write(`regtext: wrote ${init(args[0] ?? '.')}\n`);
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { check, annotate, graph, align, init: initCommand };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const run = command ? COMMANDS[command] : undefined;
    if (run) return await run(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    throw new UsageError(command ? `Unknown command ${command}.` : 'No command given.');
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`regtext: ${error.message}\n\n${USAGE}\n`);
    else if (error instanceof Unreadable) process.stderr.write(`regtext: cannot read ${error.path}: ${error.reason}\n`);
    else if (error instanceof ConfigError) process.stderr.write(`regtext: ${error.message}\n`);
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

tuneCompilerForColdWork();
void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
