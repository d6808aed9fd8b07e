/**
 * The language server's Workspace: the workspace folders on disk, filtered by the include and exclude globs and
 * capped in file count and total size; an open document's unsaved text wins over the file; change and delete events
 * come from the editor (open, close) and from watched-file notifications (a `git checkout`, a rename). The core sees
 * files only through this.
 */
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { Emitter, NEVER_CANCELLED, type CancellationToken, type FileContent, type FileStamp, type Workspace } from './core';
import { decodeUtf8, MB, NOT_UTF8, tooLarge } from './fileText';
import { ALWAYS_EXCLUDED, type Settings } from './settings';
import type { Messages } from './core';

export interface WorkspaceNotices {
  /** The sentences of the user's language. */
  messages(): Messages;
  log(message: string): void;
  /** Said once per cap: the user sees it, and the log keeps it. */
  warn(message: string): void;
}

type Matcher = (path: string) => boolean;

/** What is left of the caps during one listing. */
interface Budget {
  files: number;
  bytes: number;
  exhausted: boolean;
}

export class NodeWorkspace implements Workspace {
  private folders: string[] = [];
  private includes: Matcher = () => false;
  private excludes: Matcher = () => false;
  private settings: Settings | undefined;
  private readonly warned = new Set<string>();
  /**
   * What the last listing's walk found of each file (it stats them for the size cap), used once by the first
   * `locateFile` of the scan that follows, so that a folder of 10,000 files is not stat'ed twice; a change to the
   * file drops it.
   */
  private listedStats = new Map<string, FileStats>();
  private readonly changed = new Emitter<string>();
  private readonly deleted = new Emitter<string>();
  readonly onDidChangeFile = this.changed.event;
  readonly onDidDeleteFile = this.deleted.event;

  constructor(private readonly documents: TextDocuments<TextDocument>, private readonly notices: WorkspaceNotices) {}

  /** The folders (file: URIs) and the settings that filter them. */
  configure(folderUris: readonly string[], settings: Settings): void {
    this.folders = folderUris.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []));
    this.settings = settings;
    const options = { dot: true };
    this.includes = picomatch(settings.include, options);
    // A folder glob (**/.git) excludes the folder, and so everything below it.
    const excluded = [...ALWAYS_EXCLUDED, ...settings.exclude];
    this.excludes = picomatch([...excluded, ...excluded.map((glob) => `${glob.replace(/\/$/, '')}/**`)], options);
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  /** Whether a file belongs in the index: below a folder, matching the include globs, not excluded. */
  covers(uri: string): boolean {
    const path = pathOf(uri);
    if (!path) return false;
    return this.folders.some((folder) => {
      if (!isInside(folder, path)) return false;
      const posix = posixRelative(folder, path);
      return this.includes(posix) && !this.excludes(posix);
    });
  }

  fireChange(uri: string): void {
    this.listedStats.delete(uri);
    this.changed.fire(uri);
  }

  fireDelete(uri: string): void {
    this.deleted.fire(uri);
  }

  /** A folder created below a workspace folder (moved in, checked out): a change for each file below it the index covers. */
  async fireFolderCreated(uri: string): Promise<void> {
    const path = pathOf(uri);
    const root = path && this.folders.find((folder) => isInside(folder, path));
    if (!path || !root || this.excludes(posixRelative(root, path)) || !(await isDirectory(path))) return;
    const found: string[] = [];
    const settings = this.settings!;
    await this.walk(root, path, found, { files: settings.maxFiles, bytes: settings.maxWorkspaceSizeMB * MB, exhausted: false }, NEVER_CANCELLED);
    for (const file of found) this.fireChange(file);
  }

  async listFiles(token: CancellationToken): Promise<string[]> {
    const settings = this.settings;
    if (!settings) return [];
    const found: string[] = [];
    const budget: Budget = { files: settings.maxFiles, bytes: settings.maxWorkspaceSizeMB * MB, exhausted: false };
    this.listedStats = new Map();
    for (const folder of this.folders) {
      await this.walk(folder, folder, found, budget, token);
      if (token.isCancellationRequested) break;
    }
    return found;
  }

  async readFile(uri: string): Promise<FileContent> {
    const located = await this.locateFile(uri);
    if (located.kind !== 'unread') return located;
    return this.whenReadable(located.location, async () => {
      const text = decodeUtf8(await readFile(located.location));
      return text === undefined ? { kind: 'declined', reason: NOT_UTF8, version: located.version } : { kind: 'text', text, version: located.version };
    });
  }

  /** An open document's text; for a file on disk, its version (modification time and size) and path, from a stat. */
  async locateFile(uri: string): Promise<FileStamp> {
    const open = this.documents.get(uri);
    if (open) return { kind: 'text', text: open.getText(), version: open.version };
    const path = pathOf(uri);
    if (!path || !this.covers(uri)) return { kind: 'missing' };
    return this.whenReadable(path, async () => {
      const listed = this.listedStats.get(uri);
      this.listedStats.delete(uri);
      const stats = listed ?? await stat(path);
      if (!stats.isFile()) return { kind: 'missing' };
      const version = `disk:${stats.mtimeMs}:${stats.size}`;
      const maxBytes = (this.settings?.maxFileSizeMB ?? 32) * MB;
      if (stats.size > maxBytes) return { kind: 'declined', reason: tooLarge(stats.size, maxBytes, 'regtext.maxFileSizeMB'), version };
      return { kind: 'unread', version, location: path };
    });
  }

  /** What `access` finds at `path`; missing when it is gone (logged when it is there but cannot be read). */
  private async whenReadable<T extends FileStamp>(path: string, access: () => Promise<T>): Promise<T | { kind: 'missing' }> {
    try {
      return await access();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.notices.log(`regtext: cannot read ${path}: ${(error as Error).message}`);
      return { kind: 'missing' };
    }
  }

  /** Walks a folder depth first in a stable order, pruning excluded folders, until a cap is reached. */
  private async walk(root: string, directory: string, found: string[], budget: Budget, token: CancellationToken): Promise<void> {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      this.notices.log(`regtext: cannot list ${directory}: ${(error as Error).message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (token.isCancellationRequested || budget.exhausted) return;
      const path = join(directory, entry.name);
      const inside = posixRelative(root, path);
      if (entry.isDirectory()) {
        if (!this.excludes(inside)) await this.walk(root, path, found, budget, token);
      } else if (entry.isFile() && this.includes(inside) && !this.excludes(inside)) {
        await this.take(path, found, budget);
      }
    }
  }

  /** Adds a file to the list unless that exceeds a cap; the first cap reached ends the walk, and is said once. */
  private async take(path: string, found: string[], budget: Budget): Promise<void> {
    const settings = this.settings!;
    if (budget.files === 0) {
      budget.exhausted = true;
      this.warnOnce('files', this.notices.messages().server.maxFiles(settings.maxFiles));
      return;
    }
    const stats = await statOf(path);
    const size = stats?.size ?? 0;
    if (size > budget.bytes) {
      budget.exhausted = true;
      this.warnOnce('size', this.notices.messages().server.maxSize(settings.maxWorkspaceSizeMB));
      return;
    }
    budget.files--;
    budget.bytes -= size;
    const uri = pathToFileURL(path).href;
    if (stats) this.listedStats.set(uri, stats);
    found.push(uri);
  }

  private warnOnce(cap: string, message: string): void {
    if (this.warned.has(cap)) return;
    this.warned.add(cap);
    this.notices.warn(message);
  }
}

/** Strictly below the folder. */
function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

function posixRelative(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** What locateFile reads of a file's stat. */
type FileStats = Pick<Stats, 'size' | 'mtimeMs' | 'isFile'>;

async function statOf(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
