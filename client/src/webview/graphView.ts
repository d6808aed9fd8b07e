/// <reference lib="dom" />
// The citation graph's page, in a VS Code webview: draws the graph the extension posts with cytoscape (bundled
// into dist/graphView.js by esbuild, no CDN). Notices are rounded boxes (grey and dashed when repealed), documents
// that only cite are square purple boxes, notices with no file in the workspace are dotted and unfilled; "cites"
// edges are plain arrows, "repeals" edges red and dashed. Clicking a node with files opens its first file.
// Colours come from VS Code's theme variables and follow a change of theme.
import cytoscape from 'cytoscape';
import type { CitationGraph, FromWebview, GraphNode, ToWebview } from '../protocol';
import './graphView.css';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const container = document.getElementById('graph') as HTMLElement;
const summary = document.getElementById('summary') as HTMLElement;

/** Titles are cut to about this many columns (a CJK character counts two). */
const TITLE_COLUMNS = 34;
const PADDING = 8;
const LINE_HEIGHT = 1.3;
const MAX_FIT_ZOOM = 1.5;
/** Room between the nodes of a row, and between rows (where the edges and their labels go). */
const H_GAP = 32;
const V_GAP = 110;

interface Theme {
  foreground: string;
  muted: string;
  disabled: string;
  background: string;
  fill: string;
  notice: string;
  document: string;
  repeals: string;
  focus: string;
  font: string;
  fontSize: number;
}

function theme(): Theme {
  const css = getComputedStyle(document.documentElement);
  const value = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const fontSize = Number.parseFloat(value('--vscode-font-size', '13'));
  return {
    foreground: value('--vscode-editor-foreground', value('--vscode-foreground', '#cccccc')),
    muted: value('--vscode-descriptionForeground', '#9d9d9d'),
    disabled: value('--vscode-disabledForeground', '#8c8c8c'),
    background: value('--vscode-editor-background', '#1e1e1e'),
    fill: value('--vscode-editorWidget-background', value('--vscode-editor-background', '#252526')),
    notice: value('--vscode-charts-blue', '#3794ff'),
    document: value('--vscode-charts-purple', '#b180d7'),
    repeals: value('--vscode-charts-red', '#f14c4c'),
    focus: value('--vscode-focusBorder', '#007fd4'),
    font: value('--vscode-font-family', 'sans-serif'),
    fontSize: Number.isFinite(fontSize) ? fontSize : 13,
  };
}

/** Display width in columns: CJK and full-width characters count two. */
function columns(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function truncate(text: string, max: number): string {
  if (columns(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (columns(out + char) > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

function labelOf(node: GraphNode): string {
  const lines = [node.label];
  if (node.title) lines.push(truncate(node.title, TITLE_COLUMNS));
  if (node.status === 'repealed') lines.push(`repealed${node.repealedOn ? ` ${node.repealedOn}` : ''}${node.repealedBy ? ` by ${node.repealedBy}` : ''}`);
  else if (node.kind === 'external') lines.push('not in the workspace');
  return lines.join('\n');
}

let measure: CanvasRenderingContext2D | null = null;
/** The box a label needs, measured with the font the graph draws it in. */
function boxOf(label: string, look: Theme): { width: number; height: number } {
  measure ??= document.createElement('canvas').getContext('2d');
  const lines = label.split('\n');
  let width = 0;
  if (measure) {
    measure.font = `${look.fontSize}px ${look.font}`;
    for (const line of lines) width = Math.max(width, measure.measureText(line).width);
  } else {
    width = Math.max(...lines.map(columns)) * look.fontSize * 0.6;
  }
  return { width: Math.ceil(width) + 2 * PADDING, height: Math.ceil(lines.length * look.fontSize * LINE_HEIGHT) + 2 * PADDING };
}

function elements(graph: CitationGraph, look: Theme): cytoscape.ElementDefinition[] {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const nodes = graph.nodes.map((node): cytoscape.ElementDefinition => {
    const label = labelOf(node);
    return {
      group: 'nodes',
      data: { id: node.id, label, files: node.files, ...boxOf(label, look) },
      classes: [node.kind, node.status, node.files.length > 0 ? 'openable' : ''].filter(Boolean).join(' '),
    };
  });
  const edges = graph.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to)).map((edge): cytoscape.ElementDefinition => ({
    group: 'edges',
    data: {
      id: `${edge.kind}:${edge.from}→${edge.to}`, source: edge.from, target: edge.to,
      label: edge.kind === 'repeals' ? 'repeals' : edge.count > 1 ? `×${edge.count}` : '',
    },
    classes: edge.kind,
  }));
  return [...nodes, ...edges];
}

function stylesheet(look: Theme): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-valign': 'center',
        'text-halign': 'center',
        'line-height': LINE_HEIGHT,
        'font-family': look.font,
        'font-size': look.fontSize,
        color: look.foreground,
        'background-color': look.fill,
        'border-width': 2,
        'border-color': look.notice,
        'border-style': 'solid',
      },
    },
    { selector: 'node.document', style: { shape: 'rectangle', 'border-color': look.document } },
    { selector: 'node.external', style: { 'background-opacity': 0, 'border-color': look.muted, 'border-style': 'dotted', color: look.muted } },
    { selector: 'node.repealed', style: { 'border-color': look.disabled, 'border-style': 'dashed', color: look.disabled } },
    { selector: 'node:selected', style: { 'border-color': look.focus, 'border-width': 3 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'line-color': look.muted,
        'target-arrow-color': look.muted,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.2,
        label: 'data(label)',
        'font-family': look.font,
        'font-size': Math.max(9, look.fontSize - 2),
        color: look.muted,
        'text-background-color': look.background,
        'text-background-opacity': 1,
        'text-background-padding': '2px',
      },
    },
    {
      selector: 'edge.repeals',
      style: { width: 2, 'line-color': look.repeals, 'target-arrow-color': look.repeals, 'line-style': 'dashed', 'target-arrow-shape': 'triangle-tee', color: look.repeals },
    },
  ];
}

/**
 * Rows from top to bottom: what nobody cites first, and every node one row below the lowest node that cites it
 * (longest path; a cycle is cut where it closes), so that every edge points down. In a row, nodes are ordered by
 * where the nodes citing them stand (the mean of their x), which keeps crossings few. (cytoscape's breadthfirst
 * layout does this with `maximal: true`, but in 3.35 it throws as soon as a node is shifted down.)
 */
function layered(instance: cytoscape.Core): Map<string, cytoscape.Position> {
  const rank = new Map<string, number>();
  const open = new Set<string>();
  const rankOf = (node: cytoscape.NodeSingular): number => {
    const known = rank.get(node.id());
    if (known !== undefined) return known;
    if (open.has(node.id())) return -1;
    open.add(node.id());
    let value = 0;
    node.incomers('node').forEach((parent) => { value = Math.max(value, rankOf(parent) + 1); });
    open.delete(node.id());
    rank.set(node.id(), value);
    return value;
  };
  const rows: cytoscape.NodeSingular[][] = [];
  instance.nodes().forEach((node) => { (rows[rankOf(node)] ??= []).push(node); });
  const positions = new Map<string, cytoscape.Position>();
  const KIND_ORDER = ['document', 'notice', 'external'];
  const kindOf = (node: cytoscape.NodeSingular) => KIND_ORDER.findIndex((kind) => node.hasClass(kind));
  const meanParentX = (node: cytoscape.NodeSingular): number => {
    const xs = node.incomers('node').map((parent) => positions.get(parent.id())?.x).filter((x): x is number => x !== undefined);
    return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
  };
  let y = 0;
  for (const row of rows.filter(Boolean)) {
    const order = new Map(row.map((node) => [node.id(), meanParentX(node)]));
    row.sort((a, b) => order.get(a.id())! - order.get(b.id())! || kindOf(a) - kindOf(b) || a.id().localeCompare(b.id()));
    const widths = row.map((node) => node.data('width') as number);
    const height = Math.max(...row.map((node) => node.data('height') as number));
    let x = -(widths.reduce((a, b) => a + b, 0) + H_GAP * (row.length - 1)) / 2;
    row.forEach((node, i) => {
      positions.set(node.id(), { x: x + widths[i]! / 2, y: y + height / 2 });
      x += widths[i]! + H_GAP;
    });
    y += height + V_GAP;
  }
  return positions;
}

/** The whole graph in view, but a small graph not blown up past a readable size. */
function fit(instance: cytoscape.Core): void {
  instance.fit(undefined, 24);
  if (instance.zoom() > MAX_FIT_ZOOM) {
    instance.zoom(MAX_FIT_ZOOM);
    instance.center();
  }
}

let cy: cytoscape.Core | undefined;
let current: CitationGraph | undefined;

function draw(graph: CitationGraph, description: string): void {
  current = graph;
  const look = theme();
  summary.textContent = description;
  summary.classList.remove('error');
  cy?.destroy();
  const instance = cytoscape({
    container,
    elements: elements(graph, look),
    style: stylesheet(look),
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  cy = instance;
  instance.on('tap', 'node', (event) => {
    const files = event.target.data('files') as string[];
    if (files.length > 0) vscode.postMessage({ type: 'open', uri: files[0]! });
  });
  instance.on('mouseover', 'node.openable', () => { container.style.cursor = 'pointer'; });
  instance.on('mouseout', 'node', () => { container.style.cursor = ''; });
  instance.one('layoutstop', () => {
    fit(instance);
    document.body.dataset.state = 'rendered';
  });
  const positions = layered(instance);
  instance.layout({ name: 'preset', positions: Object.fromEntries(positions), padding: 24 }).run();
}

function showError(message: string): void {
  summary.textContent = message;
  summary.classList.add('error');
  document.body.dataset.state = 'error';
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'graph') draw(message.graph, message.summary);
  else if (message.type === 'error') showError(message.message);
});

// A change of colour theme changes the body's class (vscode-light, vscode-dark, vscode-high-contrast…).
new MutationObserver(() => {
  if (!cy || !current) return;
  const look = theme();
  cy.style(stylesheet(look));
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// The panel resized (a file opened beside it, the window): the whole graph stays in view.
new ResizeObserver(() => {
  if (!cy || document.body.dataset.state !== 'rendered') return;
  cy.resize();
  fit(cy);
}).observe(container);

/**
 * What the graph shows, in page coordinates of the graph's container: for tests and for whoever inspects the
 * page (the canvas has no DOM of its own).
 */
(window as unknown as { regtextGraph: unknown }).regtextGraph = {
  nodes: () => (cy?.nodes() ?? []).map((node) => {
    const box = node.renderedBoundingBox({});
    return { id: node.id(), label: node.data('label') as string, classes: node.classes(), files: node.data('files') as string[], x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  }),
};

vscode.postMessage({ type: 'ready' });
