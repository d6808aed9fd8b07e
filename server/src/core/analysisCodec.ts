/**
 * An analysis made on another thread, carried back in pieces. A worker analyses a large document and encodes the
 * result as chunks of JSON of a few thousand records each, UTF-8, back to back in one buffer that is moved to the
 * thread that answers requests, not copied: receiving it costs that thread nothing (strings would be copied there in
 * one block that cannot yield: some 120 ms for a 10 MB document). That thread decodes the chunks one slice at a time,
 * yielding in between, so that a request about another document never waits for the whole of a large one. JSON
 * because V8 parses it several times faster than it deserialises a structured clone of the same records.
 *
 * What does not travel: the text (the receiving side has it), the line index (rebuilt from the text) and the merged
 * list of annotations (made from the parts when first asked, as for an analysis made here).
 */
import type { CancellationToken } from './api';
import { withAnnotations, type AnalysisParts } from './document';
import type { AnalysedDocument, DefinitionSite } from './model';
import { LineIndex } from './text/lineIndex';
import type { Scheduler } from './workspace/workspaceIndex';

/** The analysis's lists, each encoded in chunks; definition sites are only in the merged annotations, so they travel apart. */
const LISTS = [
  'clauses', 'rootClauses', 'agencies', 'noticeNumbers', 'citations', 'citationMentions', 'repeals', 'references',
  'definitions', 'termUses', 'bannedTerms', 'problems', 'suppressions', 'definitionSites',
] as const;
type ListName = (typeof LISTS)[number];
type Lists = { [name in ListName]: unknown[] };

/** The rest, small: encoded as one string. */
type Head = Pick<AnalysisParts, 'analysed' | 'identity' | 'dates' | 'language'>;

export interface EncodedAnalysis {
  head: string;
  /** Every chunk of every list, UTF-8 JSON back to back, alone in its buffer (the worker transfers `bytes.buffer`). */
  bytes: Uint8Array;
  /** Each list, and where each of its chunks ends in `bytes`. */
  lists: [ListName, number[]][];
}

/** Characters of JSON per chunk, about: parsed in a millisecond or two. */
const CHUNK_LENGTH = 64 * 1024;
/** Decoding work between two yields, in milliseconds. */
const SLICE_MS = 8;

export function encodeAnalysis(analysis: AnalysedDocument): EncodedAnalysis {
  const lists: Lists = {
    ...analysis,
    clauses: [...analysis.clauses], rootClauses: [...analysis.rootClauses],
    definitionSites: analysis.annotations.filter((annotation) => annotation.kind === 'termDefinition'),
  } as unknown as Lists;
  const head: Head = { analysed: analysis.analysed, identity: analysis.identity, dates: analysis.dates, language: analysis.language };
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let length = 0;
  const ends = LISTS.map((name): [ListName, number[]] => [name, chunksOf(lists[name]).map((chunk) => {
    const piece = encoder.encode(chunk);
    pieces.push(piece);
    return (length += piece.length);
  })]);
  return { head: JSON.stringify(head), bytes: joined(pieces, length), lists: ends };
}

function joined(pieces: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

/** The list in chunks of about CHUNK_LENGTH characters, as many records to a chunk as the first record's size suggests. */
function chunksOf(list: readonly unknown[]): string[] {
  if (list.length === 0) return [];
  const perChunk = Math.max(1, Math.floor(CHUNK_LENGTH / JSON.stringify(list[0]).length));
  const chunks: string[] = [];
  for (let start = 0; start < list.length; start += perChunk) chunks.push(JSON.stringify(list.slice(start, start + perChunk)));
  return chunks;
}

/** The analysis of `text` from its encoding, yielding between slices; undefined once `token` is cancelled. */
export async function decodeAnalysis(
  text: string, encoded: EncodedAnalysis, scheduler: Scheduler, token: CancellationToken,
): Promise<AnalysedDocument | undefined> {
  const lists = {} as Lists;
  const decoder = new TextDecoder();
  let chunkStart = 0;
  let sliceStart = scheduler.now();
  for (const [name, ends] of encoded.lists) {
    const list: unknown[] = (lists[name] = []);
    for (const end of ends) {
      if (scheduler.now() - sliceStart > SLICE_MS) {
        await scheduler.yield();
        if (token.isCancellationRequested) return undefined;
        sliceStart = scheduler.now();
      }
      for (const record of JSON.parse(decoder.decode(encoded.bytes.subarray(chunkStart, end))) as unknown[]) list.push(record);
      chunkStart = end;
    }
  }
  await scheduler.yield();
  if (token.isCancellationRequested) return undefined;
  const { definitionSites, ...parts } = lists;
  return withAnnotations({ ...(JSON.parse(encoded.head) as Head), ...(parts as unknown as Omit<AnalysisParts, keyof Head | 'text' | 'lines'>), text, lines: new LineIndex(text) },
    definitionSites as DefinitionSite[]);
}
