/**
 * The only way the core sees files: an interface it defines and others implement. The language server implements
 * it over open documents (their unsaved text wins), the disk and watched-file events; the CLI over the paths it is
 * given; tests over an in-memory folder (InMemoryWorkspace, below).
 */
import type { CancellationToken, Disposable, Event } from '../api';
import type { DeclineReason } from '../model';

export type FileContent =
  | { kind: 'text'; text: string; version: number | string }
  /** The file exists but is not read as text: too large, not UTF-8. The reason is shown to the user. */
  | { kind: 'declined'; reason: DeclineReason; version: number | string }
  | { kind: 'missing' };

/**
 * A file as the workspace knows it before reading its text: its version, and where it is. `location` means nothing
 * to the core; the service hands it to a summarizer that reads the file itself (a worker thread), so that the text
 * never crosses threads. Open documents, declined and missing files are as `readFile` gives them.
 */
export type FileStamp = FileContent | { kind: 'unread'; version: number | string; location: string };

export interface Workspace {
  /**
   * The files the index covers (URIs), after the workspace's filters and caps. May take a while (a directory walk):
   * the index calls it in the background.
   */
  listFiles(token: CancellationToken): Promise<string[]>;
  /** The text of a file: the editor's unsaved text when the file is open, otherwise what is on disk. */
  readFile(uri: string): Promise<FileContent>;
  /** Optional: what `readFile` would give, without reading a file on disk (its version from its metadata). */
  locateFile?(uri: string): Promise<FileStamp>;
  /** A file was created or changed, on disk or in an editor. */
  readonly onDidChangeFile: Event<string>;
  /** A file or a folder was deleted (a folder's URI stands for every file below it). */
  readonly onDidDeleteFile: Event<string>;
}

/** Listeners of one kind of event. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
}

/** A workspace held in memory: for tests, and for anything that has its texts already. Versions count edits. */
export class InMemoryWorkspace implements Workspace {
  private readonly files = new Map<string, { text: string; version: number }>();
  private readonly changed = new Emitter<string>();
  private readonly deleted = new Emitter<string>();
  readonly onDidChangeFile = this.changed.event;
  readonly onDidDeleteFile = this.deleted.event;

  constructor(files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.files.set(uri, { text, version: 1 });
  }

  async listFiles(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }

  async readFile(uri: string): Promise<FileContent> {
    const file = this.files.get(uri);
    return file ? { kind: 'text', text: file.text, version: file.version } : { kind: 'missing' };
  }

  /** Creates or changes a file, and says so. */
  write(uri: string, text: string): void {
    this.files.set(uri, { text, version: (this.files.get(uri)?.version ?? 0) + 1 });
    this.changed.fire(uri);
  }

  delete(uri: string): void {
    for (const known of [...this.files.keys()]) {
      if (known === uri || known.startsWith(uri.endsWith('/') ? uri : `${uri}/`)) this.files.delete(known);
    }
    this.deleted.fire(uri);
  }
}

export function disposeAll(disposables: Disposable[]): void {
  for (const disposable of disposables.splice(0)) disposable.dispose();
}
