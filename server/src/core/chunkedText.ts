/**
 * Incremental analysis. The recognisers that read the text itself (folding, quotes, notice numbers, definitions, the
 * dictionary and the defined terms' pass, references) run on each chunk of the document (text/chunks.ts) on its own,
 * and what each finds is kept by the chunk's text in an AnalysisCache: the next analysis of the document re-scans only
 * the chunks whose text changed, shifts what the others found to where they now stand, and runs the steps that join
 * the whole document (the clause tree, citations, resolution, problems) over the joined findings.
 *
 * Every analysis scans by chunks, with a cache or without one, so a cached analysis is the fresh one by construction.
 * A scan that asks about the rest of the document (is a clause label here? does a citation end here?) has its
 * questions and answers kept with its findings, and is trusted again only where every answer is still the same.
 */
import { FoldedText } from './text/folded';
import { chunksOf, DEFAULT_CHUNKS, type ChunkPolicy } from './text/chunks';

/** Where a chunk stands in the document: what its findings' offsets are shifted by. */
export interface ChunkOffsets {
  original: number;
  folded: number;
}

/** A question a scan asks about the document at a folded offset. */
export type Question = (foldedOffset: number) => boolean;

interface Kept {
  key: string;
  items: readonly unknown[];
  /** For a scan that asks questions: (question, offset in the chunk, answer 0 or 1), flat. */
  answers?: number[];
}

/** What one chunk's scans found, in the chunk's own offsets. */
class ChunkMemo {
  readonly folded: FoldedText;
  readonly kept = new Map<string, Kept>();

  constructor(text: string, afterParagraphBreak: boolean) {
    this.folded = FoldedText.fold(text, { afterParagraphBreak });
  }
}

/**
 * The findings of a document's chunks, by the chunks' texts, kept from one analysis of the document to the next. Holds
 * the chunks of the last analysis only: a chunk edited away is dropped at the next.
 */
export class AnalysisCache {
  private memos = new Map<string, ChunkMemo>();
  private next = new Map<string, ChunkMemo>();
  private made = 0;
  /** How many chunks the last analysis found no memo for, and so folded and scanned (for tests and benchmarks). */
  chunksScanned = 0;

  /**
   * `kept`: whether the cache outlives the analysis (a document's, in the server). Its chunks' texts are then copies,
   * not slices of the document's text, which would keep every version of the text they were cut from alive.
   */
  constructor(readonly policy: ChunkPolicy = DEFAULT_CHUNKS, private readonly kept = true) {}

  /**
   * The memo of a chunk's text (a new one if no chunk had that text last time). The first chunk is kept apart: no line
   * break stands before it, as one does before every other.
   */
  memoOf(text: string, first: boolean): ChunkMemo {
    let key = first ? FIRST + text : text;
    let memo = this.next.get(key) ?? this.memos.get(key);
    if (!memo) {
      this.made++;
      const own = this.kept ? copyOf(key) : key;
      memo = new ChunkMemo(first ? own.slice(FIRST.length) : own, !first);
      key = own;
    }
    this.next.set(key, memo);
    return memo;
  }

  /** Called when an analysis has taken the memos it needs: the others go. */
  settle(): void {
    this.memos = this.next;
    this.next = new Map();
    this.chunksScanned = this.made;
    this.made = 0;
  }

  /** How many chunks are kept (for tests and benchmarks). */
  get size(): number {
    return this.memos.size;
  }
}

/** A string of its own, with the same code units (a slice of a longer string holds all of it). */
function copyOf(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** What the first chunk's key starts with (no text does: a text with NUL is declined before analysis). */
const FIRST = '\u0000';

interface Chunk {
  memo: ChunkMemo;
  offsets: ChunkOffsets;
}

/** A document as chunks, and its folded text joined from theirs. */
export class ChunkedText {
  private constructor(readonly folded: FoldedText, private readonly chunks: readonly Chunk[]) {}

  /** `cache`: the document's chunks as the last analysis left them; without one, every chunk is scanned. */
  static of(text: string, cache = new AnalysisCache(DEFAULT_CHUNKS, false)): ChunkedText {
    const { chunks: ranges, breaks } = chunksOf(text, cache.policy);
    const memos = ranges.map((range, i) => cache.memoOf(text.slice(range.start, range.end), i === 0));
    cache.settle();
    const folded = FoldedText.concat(text, memos.map((memo) => memo.folded), breaks);
    let foldedStart = 0;
    const chunks = memos.map((memo, i): Chunk => {
      const offsets = { original: ranges[i]!.start, folded: foldedStart };
      foldedStart += memo.folded.text.length + 1;
      return { memo, offsets };
    });
    return new ChunkedText(folded, chunks);
  }

  /**
   * What `scan` finds in each chunk (given the chunk's own folded text), kept under `step` while the chunk's text and
   * `key` are unchanged, shifted into the document's offsets by `shift` and joined in order.
   */
  collect<T>(step: string, key: string, scan: (folded: FoldedText) => T[], shift: (item: T, by: ChunkOffsets) => T): T[] {
    const joined: T[] = [];
    for (const { memo, offsets } of this.chunks) {
      let kept = memo.kept.get(step);
      if (kept?.key !== key) {
        kept = { key, items: scan(memo.folded) };
        memo.kept.set(step, kept);
      }
      appendShifted(joined, kept.items as readonly T[], offsets, shift);
    }
    return joined;
  }

  /**
   * `collect` for a scan that asks `questions` about the document (at folded offsets of the document): the scan gets
   * them in the chunk's offsets, and its findings are kept with the answers it was given, trusted again only where
   * every one of them is still the same.
   */
  collectAsking<T>(
    step: string, questions: readonly Question[], scan: (folded: FoldedText, asks: readonly Question[]) => T[],
    shift: (item: T, by: ChunkOffsets) => T,
  ): T[] {
    const joined: T[] = [];
    for (const { memo, offsets } of this.chunks) {
      let kept = memo.kept.get(step);
      if (!kept?.answers || !stillAnswered(kept.answers, questions, offsets.folded)) {
        const answers: number[] = [];
        const asks = questions.map((question, index) => recording(question, index, offsets.folded, answers));
        kept = { key: '', items: scan(memo.folded, asks), answers };
        memo.kept.set(step, kept);
      }
      appendShifted(joined, kept.items as readonly T[], offsets, shift);
    }
    return joined;
  }
}

function appendShifted<T>(joined: T[], items: readonly T[], offsets: ChunkOffsets, shift: (item: T, by: ChunkOffsets) => T): void {
  // Kept findings are never handed out themselves: whoever gets them may change them.
  for (const item of items) joined.push(shift(item, offsets));
}

/** A question asked in a chunk's offsets, answered in the document's, with each answer written down. */
function recording(question: Question, index: number, chunkStart: number, answers: number[]): Question {
  return (offset) => {
    const answer = question(chunkStart + offset);
    answers.push(index, offset, answer ? 1 : 0);
    return answer;
  };
}

function stillAnswered(answers: readonly number[], questions: readonly Question[], chunkStart: number): boolean {
  for (let i = 0; i < answers.length; i += 3) {
    if (questions[answers[i]!]!(chunkStart + answers[i + 1]!) !== (answers[i + 2] === 1)) return false;
  }
  return true;
}
