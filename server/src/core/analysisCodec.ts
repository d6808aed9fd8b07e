/**
 * An analysis made on another thread, carried back in pieces. A worker analyses a large document and encodes the
 * result as JSON strings of a few thousand records each (strings cross threads as a copy of their bytes); the thread
 * that answers requests decodes them one slice at a time, yielding in between, so that a request about another
 * document never waits for the whole of a large one. JSON because V8 parses it several times faster than it
 * deserialises a structured clone of the same records.
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
  lists: [ListName, string[]][];
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
  return { head: JSON.stringify(head), lists: LISTS.map((name) => [name, chunksOf(lists[name])]) };
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
  let sliceStart = scheduler.now();
  for (const [name, chunks] of encoded.lists) {
    const list: unknown[] = (lists[name] = []);
    for (const chunk of chunks) {
      if (scheduler.now() - sliceStart > SLICE_MS) {
        await scheduler.yield();
        if (token.isCancellationRequested) return undefined;
        sliceStart = scheduler.now();
      }
      for (const record of JSON.parse(chunk) as unknown[]) list.push(record);
    }
  }
  await scheduler.yield();
  if (token.isCancellationRequested) return undefined;
  const { definitionSites, ...parts } = lists;
  return withAnnotations({ ...(JSON.parse(encoded.head) as Head), ...(parts as unknown as Omit<AnalysisParts, keyof Head | 'text' | 'lines'>), text, lines: new LineIndex(text) },
    definitionSites as DefinitionSite[]);
}
