/**
 * Loading a workspace folder's configuration and merging it into the built-in knowledge. Shared by the language
 * server and the CLI, so that the editor and CI agree.
 *
 * Safety (a configuration comes with a repository, not from the user): the configuration and every data file it names
 * must be inside the workspace folder once symbolic links are resolved; nothing is run, nothing is fetched; term
 * patterns are literal text, never regular expressions; list sizes are bounded by the schema and files by size.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { KnowledgeData } from '../core';
import { CONFIG_FILE, locate, parseConfig, parseDataFile, type ConfigData, type ConfigProblem, type WorkspaceConfig } from './configFile';

/** Configuration and data files larger than this are refused: knowledge, not a corpus. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

export interface LoadedConfig {
  /** The configuration file's path, whether or not it exists. */
  path: string;
  /** The configuration, when the file exists and it and every data file it names are valid. */
  config: WorkspaceConfig | undefined;
  /** The knowledge of its data files, in the order named. */
  dataFiles: ConfigData[];
  /** Problems by file path (the configuration, a data file); empty when all is well. */
  problems: Map<string, ConfigProblem[]>;
  /** Every file read or looked for, to watch. */
  files: string[];
  /** The text of every file read, by path (to place its problems). */
  texts: Map<string, string>;
}

/** The configuration of a workspace folder (a path): absent is fine (undefined config, no problems). */
export async function loadWorkspaceConfig(folder: string, configPath = join(folder, CONFIG_FILE)): Promise<LoadedConfig> {
  const loaded: LoadedConfig = { path: configPath, config: undefined, dataFiles: [], problems: new Map(), files: [configPath], texts: new Map() };
  const text = await readInside(folder, configPath, loaded, true);
  if (text === undefined) return loaded;
  const parsed = parseConfig(text);
  if (!parsed.value) {
    loaded.problems.set(configPath, parsed.problems);
    return loaded;
  }
  for (const [index, name] of (parsed.value.dataFiles ?? []).entries()) {
    const path = resolve(dirname(configPath), name);
    loaded.files.push(path);
    const data = await readInside(folder, path, loaded, false, { configText: text, index });
    if (data === undefined) continue;
    const parsedData = parseDataFile(data);
    if (parsedData.value) loaded.dataFiles.push(parsedData.value);
    else loaded.problems.set(path, parsedData.problems);
  }
  if (loaded.problems.size === 0) loaded.config = parsed.value;
  return loaded;
}

/**
 * A file's text, if it is inside the folder (symbolic links resolved) and not too large; else undefined, with a
 * problem (on the configuration's `dataFiles` entry when a data file is at fault). A missing configuration is no
 * problem; a missing data file is.
 */
async function readInside(
  folder: string, path: string, loaded: LoadedConfig, optional: boolean, namedAt?: { configText: string; index: number },
): Promise<string | undefined> {
  const report = (message: string) => {
    const place = namedAt ? locate(namedAt.configText, ['dataFiles', namedAt.index]) : { start: 0, end: 0 };
    const file = namedAt ? loaded.path : path;
    loaded.problems.set(file, [...(loaded.problems.get(file) ?? []), { ...place, message }]);
    return undefined;
  };
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return optional ? undefined : report(`The data file ${relative(folder, path)} does not exist.`);
  }
  const realFolder = await realpath(folder).catch(() => folder);
  const inside = relative(realFolder, real);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    return report(`${relative(folder, path) || path} is outside the workspace folder (once links are resolved): regtext reads configuration only from inside it.`);
  }
  const size = (await stat(real)).size;
  if (size > MAX_CONFIG_BYTES) return report(`${relative(folder, path)} is larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB: it is not read.`);
  const text = (await readFile(real, 'utf8')).replace(/^\uFEFF/, '');
  loaded.texts.set(path, text);
  return text;
}

/**
 * The built-in knowledge with a configuration's: built-in term lists turned off are dropped; a list, agency, issuer
 * code or notice with the id (code, number) of a built-in one replaces it, else is added; data files first, then the
 * configuration's own entries, so the configuration has the last word. Its `placements` apply to every list.
 */
export function mergeKnowledge(builtin: KnowledgeData, config: WorkspaceConfig | undefined, dataFiles: readonly ConfigData[] = []): KnowledgeData {
  if (!config) return builtin;
  const sources = [...dataFiles, config];
  const enabled = config.builtinTermLists ?? {};
  const lists = builtin.bannedTerms.filter((list) => enabled[list.id] !== false);
  return {
    agencies: {
      ...builtin.agencies,
      agencies: byKey(builtin.agencies.agencies, sources.flatMap((source) => source.agencies ?? []), (agency) => agency.id),
      notAgencies: [...builtin.agencies.notAgencies, ...sources.flatMap((source) => source.notAgencies ?? [])],
    },
    issuerCodes: byKey(builtin.issuerCodes, sources.flatMap((source) => source.issuerCodes ?? []), (record) => record.code),
    localIssuerPrefixes: builtin.localIssuerPrefixes,
    notices: byKey(builtin.notices, sources.flatMap((source) => source.notices ?? []), (notice) => notice.number ?? notice.title.zh),
    bannedTerms: byKey(lists, sources.flatMap((source) => source.termLists ?? []).map(withBothLanguages), (list) => list.id)
      .map((list) => (config.placements ? { ...list, placements: { ...list.placements, ...config.placements } } : list)),
    glossary: builtin.glossary,
    rules: config.rules,
  };
}

/** Records of `base` replaced by `added` ones of the same key, then the new ones, in order. */
function byKey<T>(base: readonly T[], added: readonly T[], key: (record: T) => string): T[] {
  const replacements = new Map(added.map((record) => [key(record), record]));
  const merged = base.map((record) => replacements.get(key(record)) ?? record);
  const present = new Set(base.map(key));
  return [...merged, ...added.filter((record) => !present.has(key(record)))];
}

/** A list's terms with both languages' forms present (a configuration may give one language only). */
function withBothLanguages(list: KnowledgeData['bannedTerms'][number]): KnowledgeData['bannedTerms'][number] {
  return { ...list, terms: list.terms.map((term) => ({ ...term, en: term.en ?? [], zh: term.zh ?? [] })) };
}
