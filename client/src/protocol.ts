// What the extension, the citation graph's webview and the language server say to each other. Types only: the
// graph's shape is the server's (server/src/core/features/citationGraph.ts), so the client never redefines it.
import type { CitationGraph, GraphEdge, GraphNode } from '../../server/src/core';

export type { CitationGraph, GraphEdge, GraphNode };

/** The server's custom request: no parameters, the workspace's citation graph. */
export const CITATION_GRAPH_REQUEST = 'regtext/citationGraph';

/** Extension → webview. */
export type ToWebview =
  /** `summary`: the line above the graph, in the user's language (the webview has no l10n of its own). */
  | { type: 'graph'; graph: CitationGraph; summary: string }
  | { type: 'error'; message: string };

/** Webview → extension. `ready` is sent each time the page (re)loads, and asks for the graph. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; uri: string };
