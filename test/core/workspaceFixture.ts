/**
 * Multi-file fixtures: an in-memory folder of files (path → text), one of which may hold the `$0` cursor. The
 * language service indexes the folder as a workspace; expectations name places as `path:line "text"` (line 1-based,
 * the text the range covers), so a test reads like what a user sees.
 */
import {
  createLanguageService, InMemoryWorkspace, NEVER_CANCELLED, type LanguageService, type Location, type Range, type TextDocument,
} from '../../server/src/core';
import { CURSOR, knowledge, shown } from './fixture';

export const ROOT = 'file:///ws/';

export interface Folder {
  service: LanguageService;
  workspace: InMemoryWorkspace;
  /** The file with the cursor (opened as a document), and the cursor's position. */
  document: TextDocument;
  position: { line: number; character: number };
  /** Texts by path, without the cursor marker, as the workspace holds them now. */
  texts: Map<string, string>;
}

/** Indexes the folder; the file holding `$0` (or the first file) is the open document. */
export async function openFolder(files: Record<string, string>): Promise<Folder> {
  const texts = new Map<string, string>();
  let cursorPath: string | undefined;
  let cursorOffset = 0;
  for (const [path, text] of Object.entries(files)) {
    const at = text.indexOf(CURSOR);
    if (at >= 0) {
      cursorPath = path;
      cursorOffset = at;
    }
    texts.set(path, text.replace(CURSOR, ''));
  }
  const workspace = new InMemoryWorkspace(Object.fromEntries([...texts].map(([path, text]) => [ROOT + path, text])));
  const service = createLanguageService({ knowledge, workspace });
  await service.index.scan(NEVER_CANCELLED);
  const path = cursorPath ?? [...texts.keys()][0]!;
  const text = texts.get(path)!;
  const document: TextDocument = { uri: ROOT + path, version: 1, getText: () => text };
  const position = service.analysis(document).lines.positionAt(cursorOffset);
  return { service, workspace, document, position, texts };
}

/** Changes a file of the folder (as on disk) and waits until the index has taken the change in. */
export async function writeFile(folder: Folder, path: string, text: string): Promise<void> {
  folder.texts.set(path, text);
  folder.workspace.write(ROOT + path, text);
  await folder.service.index.settled();
}

export async function deleteFile(folder: Folder, path: string): Promise<void> {
  folder.texts.delete(path);
  folder.workspace.delete(ROOT + path);
  await folder.service.index.settled();
}

/** `path:line "text"` for a location in the folder. */
export function place(folder: Folder, location: Location): string {
  const path = location.uri.slice(ROOT.length);
  return `${path}:${location.range.start.line + 1} "${shown(textOf(folder.texts.get(path) ?? '', location.range))}"`;
}

export function places(folder: Folder, locations: readonly Location[]): string[] {
  return locations.map((location) => place(folder, location));
}

/** The text a range covers in a text (lines end at \n, \r\n or \r). */
export function textOf(text: string, range: Range): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (position: Range['start']) => (starts[position.line] ?? text.length) + position.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** A different file of the folder as the open document. */
export function documentOf(folder: Folder, path: string): TextDocument {
  const text = folder.texts.get(path);
  if (text === undefined) throw new Error(`no file ${path}`);
  return { uri: ROOT + path, version: `test:${text.length}`, getText: () => text };
}
