/**
 * The command line's side of the workspace configuration: found from the paths checked (the nearest
 * .regtext/config.json in their folder or above) or named with --config, so that CI reads what the editor reads;
 * a configuration with problems ends the run (exit 2) with each problem at its place; `regtext init` writes a
 * commented starting file.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { compileKnowledge, LineIndex, type Knowledge, type KnowledgeData } from '../core';
import { CONFIG_FILE } from '../config/configFile';
import { loadWorkspaceConfig, mergeKnowledge } from '../config/workspaceConfig';
import type { WorkspaceConfig } from '../config/configFile';
import { builtinKnowledgeData } from '../knowledge/builtin';

export class ConfigError extends Error {}

export interface CliKnowledge {
  knowledge: Knowledge;
  data: KnowledgeData;
  config: WorkspaceConfig | undefined;
  /** The workspace folder the configuration belongs to (globs are relative to it). */
  folder: string | undefined;
}

/** The knowledge for a run: the built-in data with the configuration named or found, if any. */
export async function cliKnowledge(configPath: string | undefined, paths: readonly string[]): Promise<CliKnowledge> {
  const path = configPath !== undefined ? resolve(configPath) : findConfig(paths);
  if (path === undefined) return { knowledge: compileKnowledge(builtinKnowledgeData), data: builtinKnowledgeData, config: undefined, folder: undefined };
  if (!existsSync(path)) throw new ConfigError(`the configuration ${path} does not exist.`);
  const folder = folderOf(path);
  const loaded = await loadWorkspaceConfig(folder, path);
  if (loaded.problems.size > 0) {
    const lines = [...loaded.problems].flatMap(([file, problems]) => {
      const index = new LineIndex(loaded.texts.get(file) ?? '');
      return problems.map((problem) => {
        const at = index.positionAt(problem.start);
        return `${relative(process.cwd(), file) || file}:${at.line + 1}:${at.character + 1}: ${problem.message}`;
      });
    });
    throw new ConfigError(`the configuration has problems:\n${lines.join('\n')}`);
  }
  const data = mergeKnowledge(builtinKnowledgeData, loaded.config, loaded.dataFiles);
  return { knowledge: compileKnowledge(data), data, config: loaded.config, folder };
}

/** The nearest .regtext/config.json at or above the first path (its folder, for a file). */
function findConfig(paths: readonly string[]): string | undefined {
  const first = paths[0];
  if (first === undefined) return undefined;
  let folder = resolve(first);
  if (existsSync(folder) && !statSync(folder).isDirectory()) folder = dirname(folder);
  for (;;) {
    const candidate = join(folder, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** The workspace folder of a configuration: the folder holding .regtext/, or the file's own folder for another name. */
function folderOf(configPath: string): string {
  const directory = dirname(configPath);
  return basename(directory) === '.regtext' ? dirname(directory) : directory;
}

/** The file `regtext init` writes: every section, commented, valid as it stands. */
export const STARTING_CONFIG = `// regtext workspace configuration: read by the editor (live) and by \`regtext check\` (found from the paths checked).
// JSON with comments. The schema is server/src/knowledge/schema/config.schema.json in the regtext package;
// VS Code validates and completes this file.
{
  // Your own banned terms, with where they come from and what to write instead. A list with the id of a built-in
  // list replaces it.
  "termLists": [
    // {
    //   "id": "our-marketing-terms",
    //   "name": "Words our marketing copy avoids",
    //   "source": { "notice": "Compliance policy 7", "clause": "3" },
    //   "severity": "warning",
    //   "reason": "Promises of returns mislead investors.",
    //   "terms": [
    //     { "id": "guaranteed-return", "en": ["guaranteed return"], "zh": ["保本保收益"], "replacement": { "en": "target return", "zh": "目标收益" } }
    //   ]
    // }
  ],

  // Built-in term lists on (true) or off (false), by id.
  "builtinTermLists": {
    // "yinfa-2026-42-names": true
  },

  // Agencies regtext should know: local bureaus, counterparties' regulators.
  "agencies": [
    // {
    //   "id": "sz-financial-bureau", "kind": "regulator",
    //   "en": { "name": "Shenzhen Local Financial Supervision Bureau" }, "zh": { "name": "深圳市地方金融监督管理局", "aliases": ["深圳市金融局"] },
    //   "role": "Supervises local financial firms in Shenzhen."
    // }
  ],

  // Notices of your own (internal notices, local rules), as in the built-in notice table.
  "notices": [],

  // The severity of each kind of finding, or "off".
  "rules": {
    // "numbering-style": "off",
    // "banned-term": "error"
  },

  // Which files the editor indexes (globs relative to this folder); the user's settings apply otherwise.
  "files": {
    // "exclude": ["archive/**"]
  },

  // Further data files inside this folder, each with termLists, agencies, notAgencies, notices and issuerCodes.
  "dataFiles": []
}
`;

/** Writes the starting configuration into a folder; an existing one is left alone (exit 2). */
export function init(folder: string): string {
  const path = join(resolve(folder), CONFIG_FILE);
  if (existsSync(path)) throw new ConfigError(`${path} already exists; it is left as it is.`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, STARTING_CONFIG);
  return path;
}
