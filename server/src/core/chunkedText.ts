/**
 * Incremental analysis. The recognisers that read the text itself (folding, quotes, notice numbers, definitions, the
 * dictionary and the defined terms' pass, references) run on each chunk of the document (text/chunks.ts) on its own,
 * and what each finds is kept by the chunk's text in an AnalysisCache: the next analysis of the document re-scans only
 * the chunks whose text changed, shifts what the others found to where they now stand, and runs the steps that join
 * the whole document (the clause tree, citations, resolution, problems) over the joined findings.
 *
 * An analysis with a kept cache (an open document's) scans by chunks; one made once (the index's, the command line's)
 * scans the whole text as one chunk, which gives the same analysis because no recogniser reads across a paragraph
 * break (tested on the corpus, and by differential fuzzing of the two). A scan that asks about the rest of the
 * document (is a clause label here? does a citation end here?) has its questions and answers kept with its findings,
 * and is trusted again only where every answer is still the same.
 */
import { FoldedText } from './text/folded';
import { cutFrom, DEFAULT_CHUNKS, type ChunkPolicy } from './text/chunks';
import type { OriginalRange } from './text/folded';
import { lastAtOrBefore } from './text/search';
import { firstChange } from './text/textChanges';
import type { ClauseTreeCheckpoints } from './scan/clauseTreeCheckpoints';

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
  /** The items as the last analysis shifted them, and where the chunk stood then. */
  moved?: { at: ChunkOffsets; items: readonly unknown[] };
}

/** What one chunk's scans found, in the chunk's own offsets. */
class ChunkMemo {
  readonly folded: FoldedText;
  readonly kept = new Map<string, Kept>();

  /** `key`: the chunk's text, led by FIRST for the document's first chunk ('' in a cache that is not kept). */
  constructor(readonly key: string, text: string, first: boolean) {
    this.folded = FoldedText.fold(text, { afterParagraphBreak: !first });
  }
}

/** A document's chunks: where each stands, the paragraph break after each but the last, what each held. */
interface ChunkPlan {
  ranges: OriginalRange[];
  breaks: OriginalRange[];
  memos: ChunkMemo[];
  /** Whether the findings are kept for the next analysis (and so never handed out themselves). */
  kept?: boolean;
  /** Where an open, which reads the whole text as one chunk, writes down the scans it runs (see AnalysisCache.warmUp). */
  scansRun?: ScanRun[];
}

/** A scan of the chunks: what it is kept under, how it reads a chunk and how its findings move. */
interface ScanRun {
  step: string;
  key: string;
  scan: (folded: FoldedText, asks: readonly Question[]) => readonly unknown[];
  shift: (item: unknown, by: ChunkOffsets) => unknown;
  questions?: readonly Question[];
}

/**
 * The findings of a document's chunks, by the chunks' texts, kept from one analysis of the document to the next. Holds
 * the chunks of the last analysis only: a chunk edited away is dropped at the next.
 */
export class AnalysisCache {
  private memos = new Map<string, ChunkMemo>();
  private next = new Map<string, ChunkMemo>();
  private last: (ChunkPlan & { text: string }) | undefined;
  /** Whether the document has been analysed once: its first analysis (an open) reads the whole text as one chunk. */
  private opened = false;
  /** The open's text and the scans it ran, until its chunks are made (warmUp) or the document is analysed again. */
  private opening: { text: string; scansRun: ScanRun[] } | undefined;
  private made = 0;
  /** How many chunks the last analysis found no memo for, and so folded and scanned (for tests and benchmarks). */
  chunksScanned = 0;
  /** The clause tree's last build, which the next resumes from (scan/clauseTreeCheckpoints.ts): kept caches only. */
  clauseTree: ClauseTreeCheckpoints | undefined;

  /**
   * `kept`: whether the cache outlives the analysis (a document's, in the server). Its chunks' texts are then copies,
   * not slices of the document's text, which would keep every version of the text they were cut from alive. A cache
   * that is not kept (an analysis made once: a file for the index, the command line) has nothing to reuse: the whole
   * text is its one chunk, which gives the same analysis, since no recogniser reads across a paragraph break.
   */
  constructor(readonly policy: ChunkPolicy = DEFAULT_CHUNKS, readonly kept = true) {}

  /**
   * The chunks of `text`, each with its memo. The chunks before the first character changed since the last analysis,
   * and those after the edit once the cuts agree again, are the last analysis's (found without cutting or looking up
   * their text); the others are cut here, and their memos found by their text.
   */
  plan(text: string): ChunkPlan {
    // A document's first analysis (an open) has nothing to reuse, and reading the whole text as one chunk is quicker
    // than by chunks (no finding copied, no chunk folded on its own): the chunks are made after it (warmUp), or by its
    // first edit if that comes first.
    const once = !this.kept || !this.opened;
    this.opening = undefined;
    const plan = once ? this.planned(text, { chunks: [{ start: 0, end: text.length }], breaks: [] }, false)
      : this.last ? this.replanned(this.last, text) : this.planned(text, cutFrom(text, 0, this.policy), true);
    if (this.kept && !this.opened) {
      this.opening = { text, scansRun: [] };
      plan.scansRun = this.opening.scansRun;
    }
    this.opened = true;
    for (const memo of plan.kept ? plan.memos : []) this.next.set(memo.key, memo);
    this.memos = this.next;
    this.next = new Map();
    this.chunksScanned = this.made;
    this.made = 0;
    if (plan.kept) this.last = { ...plan, text };
    return plan;
  }

  /**
   * Makes the chunks an open did not (it read the whole text as one chunk): cuts the open's text and runs each scan
   * the open ran on each chunk, as an analysis by chunks of that text would have, a chunk at each step, so that the
   * caller can run it in slices off the request path. The first edit then scans only the chunks it changed. Stops
   * when the document is analysed again meanwhile; the chunks made so far are still found by their text.
   */
  *warmUp(): Generator<void> {
    const opening = this.opening;
    if (!opening) return;
    const { text, scansRun } = opening;
    const cut = cutFrom(text, 0, this.policy);
    const memos: ChunkMemo[] = [];
    let foldedStart = 0;
    for (const range of cut.chunks) {
      yield;
      if (this.opening !== opening) return;
      const memo = this.warmMemo(text, range);
      const offsets = { original: range.start, folded: foldedStart };
      for (const run of scansRun) {
        if (memo.kept.get(run.step)?.key !== run.key || run.questions) memo.kept.set(run.step, keptBy(run, memo.folded, offsets));
      }
      memos.push(memo);
      foldedStart += memo.folded.text.length + 1;
    }
    this.opening = undefined;
    this.last = { ranges: cut.chunks, breaks: cut.breaks, memos, kept: true, text };
  }

  /** Whether an open's chunks are still to be made (warmUp). */
  get warming(): boolean {
    return this.opening !== undefined;
  }

  /** The chunks kept by the last analysis (for tests). */
  get chunkRanges(): readonly OriginalRange[] {
    return this.last?.ranges ?? [];
  }

  /** How many chunks are kept (for tests and benchmarks). */
  get size(): number {
    return this.memos.size;
  }

  private replanned(last: ChunkPlan & { text: string }, text: string): ChunkPlan {
    const keptBefore = unchangedLeadingChunks(last, text);
    const start = keptBefore === 0 ? 0 : last.breaks[keptBefore - 1]!.end;
    const shift = text.length - last.text.length;
    let resumedAt = -1;
    // A cut the last analysis made too, with all the text from just before it to the end unchanged: the chunks after
    // it are the last analysis's.
    const cutBefore = (cut: OriginalRange) => {
      resumedAt = lastAtOrBefore(last.breaks, cut.start - shift, (old) => old.start);
      const old = last.breaks[resumedAt];
      return old !== undefined && old.start === cut.start - shift && old.end === cut.end - shift && old.start > 0 &&
        text.endsWith(last.text.slice(old.start - 1));
    };
    const middle = cutFrom(text, start, this.policy, cutBefore);
    const ranges = [...last.ranges.slice(0, keptBefore), ...middle.chunks];
    const breaks = [...last.breaks.slice(0, keptBefore), ...middle.breaks];
    const memos = [...last.memos.slice(0, keptBefore), ...middle.chunks.map((range) => this.memoOf(text, range, range.start === 0, true))];
    if (middle.stopped) {
      const moved = (range: OriginalRange) => ({ start: range.start + shift, end: range.end + shift });
      ranges.push(...last.ranges.slice(resumedAt + 1).map(moved));
      breaks.push(...last.breaks.slice(resumedAt + 1).map(moved));
      memos.push(...last.memos.slice(resumedAt + 1));
    }
    return { ranges, breaks, memos, kept: true };
  }

  private planned(text: string, cut: { chunks: OriginalRange[]; breaks: OriginalRange[] }, kept: boolean): ChunkPlan {
    return { ranges: cut.chunks, breaks: cut.breaks, memos: cut.chunks.map((range) => this.memoOf(text, range, range.start === 0, kept)), kept };
  }

  /**
   * The memo of a chunk's text (a new one if no chunk had that text last time). The first chunk is kept apart: no line
   * break stands before it, as one does before every other.
   */
  private memoOf(text: string, range: OriginalRange, first: boolean, kept: boolean): ChunkMemo {
    const chunk = text.slice(range.start, range.end);
    // A chunk not kept has nothing to find, and is kept by nothing.
    if (!kept) {
      this.made++;
      return new ChunkMemo('', chunk, first);
    }
    const key = first ? FIRST + chunk : chunk;
    const found = this.next.get(key) ?? this.memos.get(key);
    if (found) return found;
    this.made++;
    const memo = newMemo(key, first);
    this.next.set(memo.key, memo);
    return memo;
  }

  /** `memoOf` for warmUp: kept with the last analysis's memos, for the next analysis to find; not counted as scanned. */
  private warmMemo(text: string, range: OriginalRange): ChunkMemo {
    const first = range.start === 0;
    const chunk = text.slice(range.start, range.end);
    const key = first ? FIRST + chunk : chunk;
    let memo = this.memos.get(key);
    if (!memo) this.memos.set(key, (memo = newMemo(key, first)));
    return memo;
  }
}

function newMemo(key: string, first: boolean): ChunkMemo {
  const own = copyOf(key);
  return new ChunkMemo(own, first ? own.slice(FIRST.length) : own, first);
}

/** What `run` finds in a chunk standing at `offsets`, with the answers it was given, and shifted to stand there. */
function keptBy(run: ScanRun, folded: FoldedText, offsets: ChunkOffsets): Kept {
  const answers: number[] | undefined = run.questions ? [] : undefined;
  const asks = run.questions?.map((question, index) => recording(question, index, offsets.folded, answers!)) ?? [];
  const items = run.scan(folded, asks);
  return { key: run.key, items, answers, moved: { at: offsets, items: items.map((item) => run.shift(item, offsets)) } };
}

/**
 * How many of the last analysis's first chunks stand unchanged in `text`: the chunk, the paragraph break after it and
 * the character after that (which ends the break) all come before the first changed offset.
 */
function unchangedLeadingChunks(last: ChunkPlan & { text: string }, text: string): number {
  const unchanged = firstChange(last.text, text);
  let kept = 0;
  while (kept < last.breaks.length && Math.min(last.breaks[kept]!.end + 1, last.text.length) <= unchanged) kept++;
  return kept;
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
  /** `reused`: whether the findings outlive this analysis (they are kept for the next), and so are never handed out. */
  private constructor(
    readonly folded: FoldedText, private readonly chunks: readonly Chunk[], private readonly reused: boolean,
    private readonly scansRun: ScanRun[] | undefined,
  ) {}

  /** `cache`: the document's chunks as the last analysis left them; without one, every chunk is scanned. */
  static of(text: string, cache = new AnalysisCache(DEFAULT_CHUNKS, false)): ChunkedText {
    const { ranges, breaks, memos, kept, scansRun } = cache.plan(text);
    const folded = FoldedText.concat(text, memos.map((memo) => memo.folded), breaks);
    let foldedStart = 0;
    const chunks = memos.map((memo, i): Chunk => {
      const offsets = { original: ranges[i]!.start, folded: foldedStart };
      foldedStart += memo.folded.text.length + 1;
      return { memo, offsets };
    });
    return new ChunkedText(folded, chunks, kept === true, scansRun);
  }

  /**
   * What `scan` finds in each chunk (given the chunk's own folded text), kept under `step` while the chunk's text and
   * `key` are unchanged, shifted into the document's offsets by `shift` and joined in order.
   */
  collect<T>(step: string, key: string, scan: (folded: FoldedText) => T[], shift: (item: T, by: ChunkOffsets) => T): T[] {
    const once = this.scannedOnce();
    if (once) {
      this.scansRun?.push({ step, key, scan, shift: shift as ScanRun['shift'] });
      return scan(once);
    }
    const parts: (readonly T[])[] = [];
    for (const { memo, offsets } of this.chunks) {
      let kept = memo.kept.get(step);
      if (kept?.key !== key) memo.kept.set(step, (kept = keptBy({ step, key, scan, shift: shift as ScanRun['shift'] }, memo.folded, offsets)));
      parts.push(shifted(kept, offsets, shift));
    }
    return joined(parts);
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
    const once = this.scannedOnce();
    if (once) {
      this.scansRun?.push({ step, key: '', scan, shift: shift as ScanRun['shift'], questions });
      return scan(once, questions);
    }
    const parts: (readonly T[])[] = [];
    for (const { memo, offsets } of this.chunks) {
      let kept = memo.kept.get(step);
      if (!kept?.answers || !stillAnswered(kept.answers, questions, offsets.folded)) {
        memo.kept.set(step, (kept = keptBy({ step, key: '', scan, shift: shift as ScanRun['shift'], questions }, memo.folded, offsets)));
      }
      parts.push(shifted(kept, offsets, shift));
    }
    return joined(parts);
  }

  /** Whether the whole text is one chunk: what a scan reads in it is all there is. */
  get isOneChunk(): boolean {
    return this.chunks.length === 1;
  }

  /** The whole text, where it is the one chunk of an analysis whose findings are not kept: scanned as it is. */
  private scannedOnce(): FoldedText | undefined {
    return !this.reused && this.chunks.length === 1 ? this.chunks[0]!.memo.folded : undefined;
  }
}

/**
 * A chunk's findings in the document's offsets: those the last analysis shifted, if the chunk stood there then (an
 * analysis never changes its findings, so they may be shared), else shifted now. Kept findings in the chunk's own
 * offsets are never handed out themselves.
 */
function shifted<T>(kept: Kept, at: ChunkOffsets, shift: (item: T, by: ChunkOffsets) => T): readonly T[] {
  if (kept.moved && kept.moved.at.original === at.original && kept.moved.at.folded === at.folded) return kept.moved.items as readonly T[];
  const items = (kept.items as readonly T[]).map((item) => shift(item, at));
  kept.moved = { at, items };
  return items;
}

function joined<T>(parts: (readonly T[])[]): T[] {
  return parts.length === 1 ? [...parts[0]!] : ([] as T[]).concat(...parts);
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
