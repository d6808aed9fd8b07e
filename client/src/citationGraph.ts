// `regtext.showCitationGraph`: one webview panel that draws the server's citation graph (regtext/citationGraph).
// The page is dist/graphView.js (cytoscape, bundled by esbuild) under a strict Content-Security-Policy; it asks
// for the graph whenever it (re)loads — which a webview does each time it becomes visible again — and asks the
// extension to open a node's first file when the node is clicked. No analysis here: the server computes the graph.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CITATION_GRAPH_REQUEST, type CitationGraph, type FromWebview, type ToWebview } from './protocol';

const VIEW_TYPE = 'regtext.citationGraph';

let panel: vscode.WebviewPanel | undefined;

export function registerCitationGraph(context: vscode.ExtensionContext, currentClient: () => Promise<LanguageClient | undefined>): vscode.Disposable {
  return vscode.commands.registerCommand('regtext.showCitationGraph', () => {
    if (panel) {
      panel.reveal();
      void refresh(panel, currentClient);
      return;
    }
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    const created = vscode.window.createWebviewPanel(VIEW_TYPE, title(), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    panel = created;
    created.webview.html = html(created.webview, dist);
    created.onDidDispose(() => {
      if (panel === created) panel = undefined;
    });
    created.webview.onDidReceiveMessage((message: FromWebview) => {
      if (message.type === 'ready') void refresh(created, currentClient);
      else if (message.type === 'open') void openFile(created, message.uri);
    });
  });
}

async function refresh(target: vscode.WebviewPanel, currentClient: () => Promise<LanguageClient | undefined>): Promise<void> {
  const post = (message: ToWebview) => target.webview.postMessage(message);
  const client = await currentClient();
  if (!client?.isRunning()) {
    await post({ type: 'error', message: vscode.l10n.t('The regtext language server is not running. Open a regtext, text or Markdown file, or run "regtext: Restart Language Server".') });
    return;
  }
  try {
    const graph = await client.sendRequest<CitationGraph>(CITATION_GRAPH_REQUEST);
    await post({ type: 'graph', graph, summary: describe(graph) });
  } catch (error) {
    await post({ type: 'error', message: vscode.l10n.t('Could not get the citation graph: {0}', error instanceof Error ? error.message : String(error)) });
  }
}

function title(): string {
  return vscode.l10n.t('regtext: Citation Graph');
}

/** The line above the graph: what it holds. */
function describe(graph: CitationGraph): string {
  const count = (kind: CitationGraph['nodes'][number]['kind']) => graph.nodes.filter((node) => node.kind === kind).length;
  if (graph.nodes.length === 0) return vscode.l10n.t('No citations found: no notice or document in the workspace cites a notice.');
  return vscode.l10n.t('Notices: {0}, documents: {1}, not in the workspace: {2}; links: {3}. Click a node to open its file.',
    count('notice'), count('document'), count('external'), graph.edges.length);
}

/** Opens a node's file beside the graph: in the first editor group, or the second when the graph is in the first. */
async function openFile(from: vscode.WebviewPanel, uri: string): Promise<void> {
  const viewColumn = from.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  try {
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn, preview: true });
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('regtext: could not open {0}: {1}', uri, error instanceof Error ? error.message : String(error)));
  }
}

function html(webview: vscode.Webview, dist: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graphView.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graphView.css'));
  // Scripts: ours only, by nonce. Styles: our stylesheet only. Cytoscape adds a <style> element unless one with its
  // id exists (it would need 'unsafe-inline'), so our stylesheet carries that id and the rule it would add; its
  // canvases are styled through the CSSOM, which style-src does not govern.
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${webview.cspSource}`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const t = (text: string) => escapeHtml(vscode.l10n.t(text));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link id="__________cytoscape_stylesheet" rel="stylesheet" href="${style.toString()}">
<title>${escapeHtml(title())}</title>
</head>
<body>
<header><span id="summary" role="status">${t('Loading the citation graph…')}</span><span id="legend" aria-hidden="true">
<span class="key notice">${t('notice')}</span><span class="key document">${t('document')}</span><span class="key external">${t('not in the workspace')}</span><span class="key repealed">${t('repealed')}</span><span class="key cites">${t('cites')}</span><span class="key repeals">${t('repeals')}</span>
</span></header>
<div id="graph" role="img" aria-label="${t('Citation graph of the workspace')}"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
