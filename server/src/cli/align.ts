/**
 * regtext align TRANSLATION ORIGINAL [--format json|tsv|tmx] [--clauses] [--out FILE] [--config FILE]: the two files
 * of one notice aligned clause by clause and sentence by sentence, for translators' tools. Either order works: the
 * Chinese file is the original. Two files in the same language are a usage error (exit 2); two files whose headers
 * name different notices are aligned anyway, with a warning.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  alignDocuments, analyze, matchLocale, messagesFor, toJson, toTmx, toTsv, translationPair, type AnalysedDocument, type Knowledge,
} from '../core';
import { decodeUtf8 } from '../fileText';
import { cliKnowledge } from './config';
import { fileSystem, regularFile, statPath, Unreadable } from './files';
import { environmentLocale, readArguments, UsageError } from './usage';

const FORMATS = ['json', 'tsv', 'tmx'] as const;
type Format = (typeof FORMATS)[number];

interface AlignOptions {
  format: Format;
  clauses: boolean;
  out: string | undefined;
  config: string | undefined;
  /** From --locale; otherwise the environment's: the language of the translation findings. */
  locale: string | undefined;
  paths: string[];
}

function parseAlignArguments(args: readonly string[]): AlignOptions {
  const options: AlignOptions = { format: 'json', clauses: false, out: undefined, config: undefined, locale: environmentLocale(), paths: [] };
  readArguments(args, (flag, value) => {
    if (flag === '--format') options.format = formatOf(value());
    else if (flag === '--out') options.out = value();
    else if (flag === '--config') options.config = value();
    else if (flag === '--locale') options.locale = value();
    else if (flag === '--clauses') options.clauses = true;
    else return false;
    return true;
  }, (path) => options.paths.push(path));
  if (options.paths.length !== 2) throw new UsageError('align needs two files: the translation and the original.');
  return options;
}

function formatOf(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
  return value as Format;
}

function analysedFile(path: string, knowledge: Knowledge): AnalysedDocument {
  regularFile(path, statPath(path), true);
  const text = decodeUtf8(fileSystem(path, () => readFileSync(path)));
  if (text === undefined) throw new Unreadable(path, 'not valid UTF-8 text');
  return analyze(text, knowledge);
}

export async function align(args: string[]): Promise<number> {
  const options = parseAlignArguments(args);
  const { knowledge } = await cliKnowledge(options.config, options.paths);
  const [first, second] = options.paths.map((path) => analysedFile(path, knowledge)) as [AnalysedDocument, AnalysedDocument];
  if (first.language === second.language) throw new UsageError(`align needs a translation and its original; both files are in ${first.language === 'zh' ? 'Chinese' : 'English'}.`);
  if (!translationPair(first, second)) process.stderr.write('regtext: warning: the two files do not name the same notice in their headers; aligning them anyway.\n');
  const [original, translation] = first.language === 'zh' ? [first, second] : [second, first];
  const [originalPath, translationPath] = first.language === 'zh' ? options.paths : [options.paths[1]!, options.paths[0]!];
  const alignment = alignDocuments(original, translation, { messages: messagesFor(matchLocale(options.locale)).translation, glossary: knowledge.glossary });
  const exportOptions = { clauses: options.clauses, toolVersion: process.env.npm_package_version ?? '0.1.0', names: { original: originalPath!, translation: translationPath! } };
  const output = options.format === 'tmx' ? toTmx(alignment, exportOptions) : options.format === 'tsv' ? toTsv(alignment, exportOptions) : toJson(alignment, exportOptions);
  if (options.out !== undefined) {
    const out = options.out;
    fileSystem(out, () => writeFileSync(out, output));
  } else {
    process.stdout.write(output);
  }
  const paired = alignment.pairs.filter((pair) => pair.original.length > 0 && pair.translation.length > 0).length;
  process.stderr.write(`regtext: ${paired} clause pairs, ${alignment.checks.length} translation findings.\n`);
  return 0;
}
