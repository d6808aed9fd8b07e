/**
 * The knowledge and settings the workspace folders' configurations make, as the language server keeps them: loaded
 * from every folder, merged in folder order over the built-in knowledge; a configuration with problems is replaced
 * by the last good one of its folder (or none), and its problems are kept for the editor to show in the file.
 */
import { dirname } from 'node:path';
import type { KnowledgeData } from '../core';
import type { Settings } from '../settings';
import type { ConfigProblem } from './configFile';
import { loadWorkspaceConfig, mergeKnowledge, type LoadedConfig } from './workspaceConfig';

export interface ConfigFileProblems {
  path: string;
  text: string;
  problems: ConfigProblem[];
}

export class ConfiguredKnowledge {
  /** folder path → its last configuration without problems (undefined: none, or no file). */
  private readonly lastGood = new Map<string, LoadedConfig>();
  private loaded: LoadedConfig[] = [];

  constructor(private readonly builtin: KnowledgeData) {}

  /** Loads every folder's configuration again. */
  async reload(folders: readonly string[]): Promise<void> {
    this.loaded = await Promise.all(folders.map((folder) => loadWorkspaceConfig(folder)));
    for (const [index, folder] of folders.entries()) {
      const loaded = this.loaded[index]!;
      if (loaded.problems.size === 0) this.lastGood.set(folder, loaded);
    }
    for (const folder of [...this.lastGood.keys()]) if (!folders.includes(folder)) this.lastGood.delete(folder);
  }

  /** The knowledge: the built-in data with each folder's configuration in force (the last good one). */
  knowledge(): KnowledgeData {
    return [...this.lastGood.values()].reduce((data, loaded) => mergeKnowledge(data, loaded.config, loaded.dataFiles), this.builtin);
  }

  /** The user's settings with what the configurations say of files and limits (a configuration has the last word). */
  settings(user: Settings): Settings {
    let settings = { ...user };
    for (const { config } of this.lastGood.values()) {
      settings = {
        ...settings,
        include: config?.files?.include ?? settings.include,
        exclude: [...settings.exclude, ...(config?.files?.exclude ?? [])],
        maxFileSizeMB: config?.limits?.maxFileSizeMB ?? settings.maxFileSizeMB,
        maxFiles: config?.limits?.maxFiles ?? settings.maxFiles,
        maxWorkspaceSizeMB: config?.limits?.maxWorkspaceSizeMB ?? settings.maxWorkspaceSizeMB,
      };
    }
    return settings;
  }

  /** The files with problems now, with their text (to place the problems). */
  problems(): ConfigFileProblems[] {
    return this.loaded.flatMap((loaded) => [...loaded.problems].map(([path, problems]) => ({ path, text: loaded.texts.get(path) ?? '', problems })));
  }

  /** Whether a path is a configuration or data file (read or looked for): its change means a reload. */
  isConfigFile(path: string): boolean {
    return this.loaded.some((loaded) => loaded.files.includes(path) || path === dirname(loaded.path) || dirname(path) === dirname(loaded.path));
  }
}
