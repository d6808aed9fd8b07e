// `regtext.showReferences`, the command of the server's code lenses ("cited by N documents"). The server sends its
// arguments as JSON — [documentUri: string, position: {line, character}, locations: {uri, range}[]] — and VS Code's
// references peek wants a Uri, a Position and Locations, so this converts them and runs editor.action.showReferences.
import * as vscode from 'vscode';

interface JsonPosition { line: number; character: number }
interface JsonRange { start: JsonPosition; end: JsonPosition }
interface JsonLocation { uri: string; range: JsonRange }

function isPosition(value: unknown): value is JsonPosition {
  const p = value as Partial<JsonPosition> | undefined;
  return typeof p?.line === 'number' && typeof p.character === 'number';
}

function isLocation(value: unknown): value is JsonLocation {
  const l = value as Partial<JsonLocation> | undefined;
  return typeof l?.uri === 'string' && isPosition(l.range?.start) && isPosition(l.range?.end);
}

const toPosition = (p: JsonPosition): vscode.Position => new vscode.Position(p.line, p.character);
const toUri = (uri: string | vscode.Uri): vscode.Uri => (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);

/** The arguments of a code lens in VS Code's types; already converted ones pass through. */
export function referencesArguments(uri: unknown, position: unknown, locations: unknown): [vscode.Uri, vscode.Position, vscode.Location[]] {
  if (typeof uri !== 'string' && !(uri instanceof vscode.Uri)) throw new Error('regtext.showReferences: the first argument must be a document URI');
  if (!(position instanceof vscode.Position) && !isPosition(position)) throw new Error('regtext.showReferences: the second argument must be a position');
  const list = Array.isArray(locations) ? locations : [];
  return [
    toUri(uri),
    position instanceof vscode.Position ? position : toPosition(position),
    list.flatMap((location: unknown) => {
      if (location instanceof vscode.Location) return [location];
      if (!isLocation(location)) return [];
      return [new vscode.Location(toUri(location.uri), new vscode.Range(toPosition(location.range.start), toPosition(location.range.end)))];
    }),
  ];
}

export function registerShowReferences(): vscode.Disposable {
  return vscode.commands.registerCommand('regtext.showReferences', (uri: unknown, position: unknown, locations: unknown) =>
    vscode.commands.executeCommand('editor.action.showReferences', ...referencesArguments(uri, position, locations)));
}
