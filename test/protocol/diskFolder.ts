/**
 * A real folder on disk for workspace tests: written from a record of path → text, changed as a user or `git` would
 * (write, rename, delete a file or a folder), removed at the end. Paths are relative and use `/`.
 */
import { mkdir, mkdtemp, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class DiskFolder {
  /** The texts of the files as they are now. */
  readonly texts = new Map<string, string>();
  /** The last text of files deleted since (an editor may still have one open). */
  private readonly gone = new Map<string, string>();

  private constructor(readonly path: string) {}

  static async create(files: Record<string, string>): Promise<DiskFolder> {
    // realpath: the server sees the real path (macOS's /tmp is a link), and so must the URIs the tests build.
    const folder = new DiskFolder(await realpath(await mkdtemp(join(tmpdir(), 'regtext-workspace-'))));
    for (const [path, text] of Object.entries(files)) await folder.write(path, text);
    return folder;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.path, path)).href;
  }

  async write(path: string, text: string): Promise<void> {
    await mkdir(dirname(join(this.path, path)), { recursive: true });
    await writeFile(join(this.path, path), text);
    this.texts.set(path, text);
    this.gone.delete(path);
  }

  /** A file's text, or the last text it had if it was deleted. */
  text(path: string): string {
    const text = this.texts.get(path) ?? this.gone.get(path);
    if (text === undefined) throw new Error(`no file ${path} in the folder`);
    return text;
  }

  /** Renames a file or a folder. */
  async rename(from: string, to: string): Promise<void> {
    await mkdir(dirname(join(this.path, to)), { recursive: true });
    await rename(join(this.path, from), join(this.path, to));
    for (const [path, text] of [...this.texts]) {
      const moved = path === from ? to : path.startsWith(`${from}/`) ? to + path.slice(from.length) : undefined;
      if (moved === undefined) continue;
      this.texts.delete(path);
      this.texts.set(moved, text);
    }
  }

  /** Deletes a file or a folder with everything below it. */
  async remove(path: string): Promise<void> {
    await rm(join(this.path, path), { recursive: true, force: true });
    for (const [known, text] of [...this.texts]) {
      if (known !== path && !known.startsWith(`${path}/`)) continue;
      this.texts.delete(known);
      this.gone.set(known, text);
    }
  }

  async dispose(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}
