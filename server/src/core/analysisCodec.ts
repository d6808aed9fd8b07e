/**
 * An analysis made on another thread, carried back in columns. A worker analyses a large document and encodes the
 * result: the clause tree as the columns it is held in, every list of records as columns (recordColumns.ts), each in a
 * buffer that is moved to the thread that answers requests, not copied: receiving it costs that thread nothing
 * (strings would be copied there in one block that cannot yield: some 120 ms for a 10 MB document). That thread makes
 * the records a few thousand at a time, yielding in between, so that a request about another document never waits
 * for the whole of a large one. Columns, not JSON of the records (as before): a third of the bytes, mostly numbers,
 * and read several times faster (measured on a 4 MB Chinese document, 45,840 term uses: 15 ms against 50).
 *
 * What does not travel: the text (the receiving side has it), the line index (rebuilt from the text), the text of
 * each mention (read from the text again), the clauses as objects (their columns travel) and the merged list of
 * annotations (made from the parts when first asked, as for an analysis made here).
 */
import type { CancellationToken } from './api';
import { withAnnotations, withClausesAndProblems, type AnalysisParts } from './document';
import type { AnalysedDocument } from './model';
import { ClauseTable, type ClauseColumns } from './scan/clauseTable';
import { LineIndex } from './text/lineIndex';
import { columnBuffers, decodeRecords, encodeRecords, type RecordColumns } from './recordColumns';
import type { Scheduler } from './workspace/workspaceIndex';

/** The analysis's lists of records. */
const LISTS = [
  'agencies', 'noticeNumbers', 'citations', 'citationMentions', 'repeals', 'references', 'definitions', 'termUses',
  'bannedTerms', 'problems', 'suppressions', 'definitionSites',
] as const;
type ListName = (typeof LISTS)[number];
type Lists = { [name in ListName]: unknown[] };

/** The rest, small: encoded as one string. */
type Head = Pick<AnalysisParts, 'analysed' | 'identity' | 'dates' | 'language'>;

export interface EncodedAnalysis {
  head: string;
  /** Each list as columns (recordColumns.ts). */
  lists: [ListName, RecordColumns][];
  /** The clause tree as its columns: clause objects are made where a feature asks, as in an analysis made here. */
  clauses: ClauseColumns;
}

/** Decoding work between two yields, in milliseconds. */
const SLICE_MS = 8;
/** Clause objects made between two looks at the clock (each reads its title from the text): a millisecond or two. */
const CLAUSES_PER_STEP = 1024;

export function encodeAnalysis(analysis: AnalysedDocument): EncodedAnalysis {
  const head: Head = { analysed: analysis.analysed, identity: analysis.identity, dates: analysis.dates, language: analysis.language };
  return {
    head: JSON.stringify(head),
    lists: LISTS.map((name) => [name, encodeRecords(analysis[name], analysis.text)]),
    clauses: analysis.clauseTable.columns(),
  };
}

/** The buffers an encoded analysis holds, to move with it (postMessage's transfer list): no copy crosses threads. */
export function transferredBy(encoded: EncodedAnalysis): ArrayBuffer[] {
  return [...ClauseTable.buffersOf(encoded.clauses), ...encoded.lists.flatMap(([, columns]) => columnBuffers(columns))];
}

/** The analysis of `text` from its encoding, yielding between slices; undefined once `token` is cancelled. */
export async function decodeAnalysis(
  text: string, encoded: EncodedAnalysis, scheduler: Scheduler, token: CancellationToken,
): Promise<AnalysedDocument | undefined> {
  const lists = {} as Lists;
  let sliceStart = scheduler.now();
  /** Runs `steps`, yielding whenever a slice is over; false once the token is cancelled. */
  const inSlices = async (steps: Generator<void>): Promise<boolean> => {
    while (!steps.next().done) {
      if (scheduler.now() - sliceStart <= SLICE_MS) continue;
      await scheduler.yield();
      if (token.isCancellationRequested) return false;
      sliceStart = scheduler.now();
    }
    return true;
  };
  for (const [name, columns] of encoded.lists) {
    if (!(await inSlices(decodeRecords(columns, text, (lists[name] = []))))) return undefined;
  }
  const lines = new LineIndex(text);
  const table = ClauseTable.fromColumns(text, lines, encoded.clauses);
  // Every feature, and the index, reads the clauses as objects: made here in slices, not at once when first read.
  if (!(await inSlices(table.objectsInSteps(CLAUSES_PER_STEP)))) return undefined;
  await scheduler.yield();
  if (token.isCancellationRequested) return undefined;
  const { problems, ...parts } = lists as unknown as Omit<AnalysisParts, keyof Head | 'text' | 'lines' | 'clauses' | 'rootClauses' | 'clauseTable' | 'problemList'>;
  return withAnnotations(withClausesAndProblems({ ...(JSON.parse(encoded.head) as Head), ...parts, text, lines }, table, problems));
}
