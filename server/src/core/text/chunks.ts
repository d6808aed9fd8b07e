/**
 * A document cut into chunks at paragraph breaks, the unit of incremental analysis (core/chunkedText.ts): each chunk
 * is folded and scanned on its own and its findings kept while its text is unchanged, so that a keystroke re-scans
 * one chunk, not the document.
 *
 * Where a chunk ends depends on the text near the cut alone (the paragraph before it, and the chunk's length so far),
 * so an edit moves the cuts of its own chunk at most, and those after it only until the next cut both texts agree on:
 * the other chunks keep their text, and their findings.
 */
import { paragraphBreaks, type OriginalRange } from './folded';

export interface ChunkPolicy {
  /** A chunk is cut only after this many code units… */
  minLength: number;
  /** …after a paragraph whose ending hashes to 0 modulo `spread` (about one paragraph in `spread`)… */
  spread: number;
  /** …or when it reaches this many code units (0: never). */
  maxLength: number;
}

/**
 * Measured on the corpus and on a 1 MB document: chunks of a few thousand code units keep a keystroke's re-scan small,
 * and few enough per document that what each scan costs to start is nothing beside the scan.
 */
export const DEFAULT_CHUNKS: ChunkPolicy = { minLength: 2048, spread: 4, maxLength: 32768 };

/** Every paragraph a chunk of its own: what the tests use to check that no recogniser reads across a paragraph break. */
export const CHUNK_PER_PARAGRAPH: ChunkPolicy = { minLength: 0, spread: 1, maxLength: 0 };

export interface Chunks {
  /** The chunks' original ranges, in order; the first starts at 0, the last ends at the text's end. */
  chunks: OriginalRange[];
  /** The paragraph break between each chunk and the next (one fewer than the chunks). */
  breaks: OriginalRange[];
}

export function chunksOf(text: string, policy: ChunkPolicy = DEFAULT_CHUNKS): Chunks {
  return cutFrom(text, 0, policy);
}

/**
 * The chunks of `text` from `start` (0, or the end of a paragraph break where a chunk starts), cut as `chunksOf` cuts
 * them. `stopAt`: asked at each cut made, whether the chunks after it are known already; if it says so, the cutting
 * stops there (the last break returned is that cut) and `stopped` is true.
 */
export function cutFrom(text: string, start: number, policy: ChunkPolicy, stopAt?: (cut: OriginalRange) => boolean): Chunks & { stopped?: true } {
  const chunks: OriginalRange[] = [];
  const breaks: OriginalRange[] = [];
  let chunkStart = start;
  for (const paragraphBreak of paragraphBreaks(text, start)) {
    const length = paragraphBreak.start - chunkStart;
    if (length < policy.minLength) continue;
    if ((policy.maxLength > 0 && length >= policy.maxLength) || endingHash(text, paragraphBreak.start) % policy.spread === 0) {
      chunks.push({ start: chunkStart, end: paragraphBreak.start });
      breaks.push(paragraphBreak);
      chunkStart = paragraphBreak.end;
      if (stopAt?.(paragraphBreak)) return { chunks, breaks, stopped: true };
    }
  }
  chunks.push({ start: chunkStart, end: text.length });
  return { chunks, breaks };
}

/** How many code units before a paragraph's end decide whether a chunk is cut there. */
const ENDING = 16;

/** A hash of the code units that end a paragraph. */
function endingHash(text: string, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = Math.max(0, end - ENDING); i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
