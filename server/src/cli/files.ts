/**
 * The files `regtext check` reads, and the Workspace the language service sees them through. Only a path named on
 * the command line is fatal when it cannot be read (exit 2); below a directory an unreadable entry, a broken
 * symbolic link, a FIFO or a symbolic-link loop is skipped with a warning on stderr, and the run goes on.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Emitter, type FileContent, type FileStamp, type Workspace } from '../core';
import { decodeUtf8, NOT_UTF8, tooLarge } from '../fileText';

const TEXT_EXTENSIONS = /\.(notice|regtext|txt|md|markdown)$/i;

/** A path that cannot be checked, and why, in the system's words where there are some ("permission denied"). */
export class Unreadable extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
  }
}

export interface FileEntry {
  path: string;
  size: number;
  /** Named on the command line, not found below a directory. */
  explicit: boolean;
}

/** Runs `step` on a path; below a directory, an Unreadable path is skipped with a warning instead of ending the run. */
export function unlessUnreadable<T>(explicit: boolean, step: () => T): T | undefined {
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
export function fileSystem<T>(path: string, call: () => T, context = ''): T {
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
export function statPath(path: string): Stats {
  const link = fileSystem(path, () => lstatSync(path));
  return link.isSymbolicLink() ? fileSystem(path, () => statSync(path), 'broken symbolic link: ') : link;
}

/** A regular file only: reading a FIFO or a device named x.txt would block or never end. */
export function regularFile(path: string, stats: Stats, explicit: boolean): FileEntry {
  if (!stats.isFile()) throw new Unreadable(path, 'not a regular file');
  return { path, size: stats.size, explicit };
}

/** Files to check under the given paths, in a stable order. */
export function collectFiles(paths: string[]): FileEntry[] {
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

/**
 * The files named on the command line (and found below the directories named) as a Workspace. A file larger than
 * the limit is declined from its size alone, never read; one that is not UTF-8 is declined; one named on the command
 * line that cannot be read ends the run (`fatal`), one found below a directory is skipped with a warning.
 */
export class CliWorkspace implements Workspace {
  private readonly byUri = new Map<string, FileEntry>();
  /** The first file named on the command line that could not be read. */
  fatal: Unreadable | undefined;
  readonly onDidChangeFile = new Emitter<string>().event;
  readonly onDidDeleteFile = new Emitter<string>().event;

  constructor(readonly entries: readonly FileEntry[], private readonly maxBytes: number) {
    for (const entry of entries) this.byUri.set(uriOf(entry.path), entry);
  }

  async listFiles(): Promise<string[]> {
    return [...this.byUri.keys()];
  }

  /** A file's version (its size, as listed) and path; declined when too large. Read where it is summarised. */
  async locateFile(uri: string): Promise<FileStamp> {
    const entry = this.byUri.get(uri);
    if (!entry) return { kind: 'missing' };
    const version = entry.size;
    if (entry.size > this.maxBytes) return { kind: 'declined', reason: tooLarge(entry.size, this.maxBytes, '--max-file-size-mb'), version };
    return { kind: 'unread', version, location: entry.path };
  }

  async readFile(uri: string): Promise<FileContent> {
    const located = await this.locateFile(uri);
    if (located.kind !== 'unread') return located;
    const entry = this.byUri.get(uri)!;
    const version = located.version;
    try {
      const text = decodeUtf8(fileSystem(entry.path, () => readFileSync(entry.path)));
      return text === undefined ? { kind: 'declined', reason: NOT_UTF8, version } : { kind: 'text', text, version };
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      if (entry.explicit) this.fatal ??= error;
      else warnSkipping(error.path, error.reason);
      return { kind: 'missing' };
    }
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(resolve(path)).href;
}
