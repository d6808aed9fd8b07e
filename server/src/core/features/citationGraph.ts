/**
 * The citation graph of the workspace: its notices (one node per notice, whatever its languages), the documents that
 * are no notice but cite (memos, checklists), and the notices they cite that have no file here; "cites" and
 * "repeals" edges between them. What the graph view and `regtext graph` draw.
 */
import type { CancellationToken } from '../api';
import { numberIn, noticeName } from '../workspace/crossFile';
import { identityKey } from '../workspace/workspaceIndex';
import type { FeatureContext } from './context';
import { fileName } from './hover';

export interface GraphNode {
  /** A notice's key; a document's URI. */
  id: string;
  kind: 'notice' | 'document' | 'external';
  /** The number (in the language of most of its files), or the file name of a document. */
  label: string;
  /** The number in the other language, where it differs. */
  otherLabel?: string;
  title?: string;
  status: 'repealed' | 'in-force' | 'unknown';
  repealedBy?: string;
  repealedOn?: string;
  /** The node's files; clicking a node opens the first. */
  files: string[];
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'cites' | 'repeals';
  /** Citations along the edge, in the notice's file that has most. */
  count: number;
}

export interface CitationGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function citationGraph(context: FeatureContext, token: CancellationToken): CitationGraph {
  const { index } = context;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addEdge = (from: string, to: string, kind: GraphEdge['kind'], count: number) => {
    const id = `${kind}:${from}→${to}`;
    const edge = edges.get(id);
    if (edge) edge.count = Math.max(edge.count, count);
    else edges.set(id, { from, to, kind, count });
  };
  for (const summary of index.allSummaries()) {
    if (token.isCancellationRequested) break;
    const from = summary.identity ? identityKey(summary.identity) : summary.uri;
    const counts = new Map<string, number>();
    for (const citation of summary.citations) {
      const key = index.resolve(citation.target);
      if (key && key !== from) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size === 0 && !summary.identity) continue;
    ensureNode(context, nodes, from, summary.uri);
    for (const [key, count] of counts) {
      ensureNode(context, nodes, key, undefined);
      addEdge(from, key, 'cites', count);
    }
    if (!summary.identity) continue;
    for (const repeal of summary.repeals) {
      const key = index.resolve(repeal.target);
      if (!key || key === from) continue;
      ensureNode(context, nodes, key, undefined);
      addEdge(from, key, 'repeals', 1);
    }
  }
  return { nodes: [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id)), edges: [...edges.values()] };
}

function ensureNode(context: FeatureContext, nodes: Map<string, GraphNode>, id: string, documentUri: string | undefined): void {
  if (nodes.has(id)) return;
  if (documentUri === id) {
    nodes.set(id, { id, kind: 'document', label: fileName(id), status: 'unknown', files: [id] });
    return;
  }
  const info = context.index.notice(id);
  const languages = info.files.map((file) => file.language);
  const language = languages.filter((language) => language === 'zh').length * 2 >= languages.length && languages.length > 0 ? 'zh' : 'en';
  const label = noticeName(info, language, context.knowledge);
  const otherLabel = info.number ? numberIn(info.number, language === 'zh' ? 'en' : 'zh', context.knowledge) : undefined;
  const title = info.number ? info.files.find((file) => file.language === language)?.identity?.title?.text ?? info.builtin?.record.title[language] : undefined;
  const status = info.repeal ? 'repealed' : info.builtin?.record.status === 'in-force' ? 'in-force' : 'unknown';
  nodes.set(id, {
    id, kind: info.files.length > 0 ? 'notice' : 'external', label, ...(otherLabel && otherLabel !== label ? { otherLabel } : {}),
    ...(title ? { title } : {}), status,
    ...(info.repeal ? { repealedBy: noticeName(context.index.notice(info.repeal.byKey), language, context.knowledge) } : {}),
    ...(info.repeal?.date ? { repealedOn: info.repeal.date } : {}),
    files: info.files.map((file) => file.uri),
  });
}
