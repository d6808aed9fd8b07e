// An original and its translation side by side: "Go to Counterpart" (the aligned sentence or clause in the other
// language's file), "Open Original Side by Side" (the counterpart beside the current editor, scrolling kept in step
// clause by clause in both directions until either editor closes), and "Export Alignment" (TMX, TSV or JSON for
// translators' tools, written where the user says). The alignment is the server's (regtext/alignment); here it is
// only used to move editors.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ALIGNMENT_EXPORT_REQUEST, ALIGNMENT_REQUEST, type AlignedPair, type AlignmentAnswer, type ExportFormat, type JsonRange } from './protocol';

type CurrentClient = () => Promise<LanguageClient | undefined>;

const toRange = (range: JsonRange): vscode.Range => new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);

async function alignmentOf(currentClient: CurrentClient, document: vscode.TextDocument): Promise<AlignmentAnswer | undefined> {
  const client = await currentClient();
  if (!client) return undefined;
  const answer = await client.sendRequest<AlignmentAnswer | null>(ALIGNMENT_REQUEST, { uri: document.uri.toString() });
  if (answer) return answer;
  void vscode.window.showInformationMessage(vscode.l10n.t('regtext found no counterpart of this file: no file of the same notice in the other language in the workspace.'));
  return undefined;
}

/** The innermost pair at a line of this side: a sentence pair where there is one, else its clause pair. */
export function pairAt(pairs: readonly AlignedPair[], line: number, character = 0): AlignedPair | undefined {
  let best: AlignedPair | undefined;
  for (const pair of pairs) {
    const { start, end } = pair.here;
    const inside = (start.line < line || (start.line === line && start.character <= character)) && (line < end.line || (line === end.line && character <= end.character));
    if (!inside) continue;
    if (!best || (best.kind === 'clause' && pair.kind === 'sentence') || (best.kind === pair.kind && start.line >= best.here.start.line)) best = pair;
  }
  return best;
}

/**
 * The line of the other side that matches a line of this side: the same fraction of the way through the clause pair
 * that holds it (so both editors reach a clause's start together), or through the last pair that starts before it.
 */
export function matchingLine(pairs: readonly AlignedPair[], line: number): number | undefined {
  let pair: AlignedPair | undefined;
  for (const candidate of pairs) if (candidate.kind === 'clause' && candidate.here.start.line <= line) pair = candidate;
  if (!pair) return undefined;
  const hereLines = Math.max(1, pair.here.end.line - pair.here.start.line);
  const thereLines = pair.there.end.line - pair.there.start.line;
  const fraction = Math.min(1, (line - pair.here.start.line) / hereLines);
  return pair.there.start.line + Math.round(fraction * thereLines);
}

async function goToCounterpart(currentClient: CurrentClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const answer = await alignmentOf(currentClient, editor.document);
  if (!answer) return;
  const position = editor.selection.active;
  const pair = pairAt(answer.pairs, position.line, position.character);
  const target = pair ? toRange(pair.there) : new vscode.Range(0, 0, 0, 0);
  const beside = vscode.window.visibleTextEditors.find((visible) => visible.document.uri.toString() === answer.counterpart);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(answer.counterpart));
  const shown = await vscode.window.showTextDocument(document, { viewColumn: beside?.viewColumn ?? editor.viewColumn, selection: new vscode.Range(target.start, target.start) });
  shown.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** How long the events of an editor this sync scrolled are taken as the echo of that scroll. */
const ECHO_MS = 250;
/**
 * An editor whose top line is this close to where it should be is left alone: a line revealed at the top sits below
 * sticky scroll's headers, so an editor reports a top line a few lines above the one it was sent to.
 */
const SETTLED_LINES = 3;

/** Two editors whose scrolling follows each other. */
class ScrollSync implements vscode.Disposable {
  private readonly listeners: vscode.Disposable[];
  /**
   * The editor being scrolled by this sync, to which line, and until when: its own events meanwhile that show it
   * near that line (a reveal may report several, as wrapped lines are laid out, and a top line a few lines above the
   * one revealed, under sticky scroll's headers) are not echoed back to the other editor. An event that shows it
   * elsewhere is the user scrolling it, and is followed even within that time.
   */
  private moving: { editor: vscode.TextEditor; line: number; until: number } | undefined;

  constructor(
    private readonly left: vscode.TextEditor,
    private readonly right: vscode.TextEditor,
    private readonly leftToRight: readonly AlignedPair[],
    private readonly rightToLeft: readonly AlignedPair[],
    private readonly onEnd: () => void,
  ) {
    this.listeners = [
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.scrolled(event.textEditor, event.visibleRanges)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        if (!editors.includes(this.left) || !editors.includes(this.right)) this.dispose();
      }),
    ];
  }

  private scrolled(editor: vscode.TextEditor, visible: readonly vscode.Range[]): void {
    const top = visible[0]?.start.line;
    if (top === undefined || (editor !== this.left && editor !== this.right)) return;
    if (this.isEcho(editor, top)) return;
    const [other, pairs] = editor === this.left ? [this.right, this.leftToRight] : [this.left, this.rightToLeft];
    const line = matchingLine(pairs, top);
    const otherTop = other.visibleRanges[0]?.start.line;
    // Already there, give or take the lines sticky scroll covers: moving it again would start a chase.
    if (line === undefined || (otherTop !== undefined && Math.abs(otherTop - line) <= SETTLED_LINES)) return;
    this.moving = { editor: other, line, until: performance.now() + ECHO_MS };
    other.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
  }

  private isEcho(editor: vscode.TextEditor, top: number): boolean {
    const moving = this.moving;
    return moving?.editor === editor && performance.now() < moving.until && Math.abs(top - moving.line) <= SETTLED_LINES;
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.listeners.length = 0;
    this.onEnd();
  }
}

let sync: ScrollSync | undefined;

/** The same pairs seen from the other side. */
function reversed(pairs: readonly AlignedPair[]): AlignedPair[] {
  return pairs.map((pair) => ({ ...pair, here: pair.there, there: pair.here }))
    .sort((a, b) => a.here.start.line - b.here.start.line || a.here.start.character - b.here.start.character);
}

async function openSideBySide(currentClient: CurrentClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const answer = await alignmentOf(currentClient, editor.document);
  if (!answer) return;
  sync?.dispose();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(answer.counterpart));
  const other = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  const created = new ScrollSync(editor, other, answer.pairs, reversed(answer.pairs), () => {
    if (sync === created) sync = undefined;
  });
  sync = created;
  const line = matchingLine(answer.pairs, editor.visibleRanges[0]?.start.line ?? 0);
  if (line !== undefined) other.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
}

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string; extension: string }> = [
  { format: 'tmx', label: 'TMX 1.4b', extension: 'tmx' },
  { format: 'tsv', label: 'TSV', extension: 'tsv' },
  { format: 'json', label: 'JSON', extension: 'json' },
];

async function exportAlignment(currentClient: CurrentClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const client = await currentClient();
  if (!editor || !client) return;
  const picked = await vscode.window.showQuickPick(FORMATS.map((entry) => ({ ...entry, description: vscode.l10n.t('for translation tools') })), {
    placeHolder: vscode.l10n.t('Export the aligned clauses and sentences as'),
  });
  if (!picked) return;
  const exported = await client.sendRequest<string | null>(ALIGNMENT_EXPORT_REQUEST, { uri: editor.document.uri.toString(), format: picked.format });
  if (exported === null) {
    void vscode.window.showInformationMessage(vscode.l10n.t('regtext found no counterpart of this file: no file of the same notice in the other language in the workspace.'));
    return;
  }
  const suggested = editor.document.uri.with({ path: editor.document.uri.path.replace(/\.[^./]*$/, '') + `.aligned.${picked.extension}` });
  const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [picked.label]: [picked.extension] } });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exported));
  void vscode.window.showInformationMessage(vscode.l10n.t('Alignment written to {0}.', vscode.workspace.asRelativePath(target)));
}

export function registerCounterpart(currentClient: CurrentClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('regtext.goToCounterpart', () => goToCounterpart(currentClient)),
    vscode.commands.registerCommand('regtext.openSideBySide', () => openSideBySide(currentClient)),
    vscode.commands.registerCommand('regtext.exportAlignment', () => exportAlignment(currentClient)),
    { dispose: () => sync?.dispose() },
  ];
}
