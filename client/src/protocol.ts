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

export interface JsonPosition { line: number; character: number }
export interface JsonRange { start: JsonPosition; end: JsonPosition }

/** The server's custom request: `{ uri }` → the file's counterpart (the notice in the other language) and the pairs. */
export const ALIGNMENT_REQUEST = 'regtext/alignment';
/** `{ uri, format }` → the aligned pairs of the file and its counterpart as TMX, TSV or JSON text (null: no counterpart). */
export const ALIGNMENT_EXPORT_REQUEST = 'regtext/exportAlignment';

export type ExportFormat = 'tmx' | 'tsv' | 'json';

/** A clause, or a sentence within an aligned clause, of this file and its counterpart in the other file. */
export interface AlignedPair {
  kind: 'clause' | 'sentence';
  here: JsonRange;
  there: JsonRange;
  confidence: number;
}

export interface AlignmentAnswer {
  counterpart: string;
  /** In this file's order. */
  pairs: AlignedPair[];
}
