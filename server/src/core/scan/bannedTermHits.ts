/**
 * Collects the banned terms the dictionary pass finds, in text order, and decides what each one is: its context in
 * its sentence (termContext.ts; a list of mentions goes on from one hit to the next) and, for a banned acronym, the
 * meaning the document gives it (acronyms.ts). The acronym's meaning holds for the whole document, so it is settled
 * once the last hit is in: each hit takes the meaning spelled out last before it, or else the first one after it.
 */
import type { Knowledge } from '../knowledge/compile';
import type { BannedTermHit } from '../model';
import type { FoldedText } from '../text/folded';
import { expansionAt, governingExpansion, type AcronymExpansion } from './acronyms';
import { bannedTermContext, type PreviousTerm, type TermSurroundings } from './termContext';

/** A hit before its context is decided: what the dictionary says, where it is in the original text. */
export type FoundTerm = Omit<BannedTermHit, 'context' | 'standsFor'>;

export class BannedTermHits {
  private readonly hits: BannedTermHit[] = [];
  /** The folded start of each hit, for comparing with where acronyms are spelled out. */
  private readonly foldedStarts: number[] = [];
  /** Where each banned acronym is spelled out, by term id, in text order. */
  private readonly spelledOut = new Map<string, AcronymExpansion[]>();
  private previous: PreviousTerm | undefined;

  constructor(private readonly folded: FoldedText, private readonly surroundings: TermSurroundings, private readonly knowledge: Knowledge) {}

  /** Adds a hit at folded [start, end). Hits come in text order. */
  add(start: number, end: number, found: FoundTerm): void {
    const context = bannedTermContext(this.surroundings, start, end, this.previous);
    this.previous = { end, context };
    this.hits.push({ kind: 'bannedTerm', start: found.start, end: found.end, text: found.text, listId: found.listId, termId: found.termId, context });
    this.foldedStarts.push(start);
    const expansions = this.knowledge.terms.get(found.termId)?.term.expansions;
    const expansion = expansions && expansionAt(this.folded.text, start, end, expansions);
    if (!expansion) return;
    const spelled = this.spelledOut.get(found.termId);
    if (spelled) spelled.push(expansion);
    else this.spelledOut.set(found.termId, [expansion]);
  }

  /** The hits, each banned acronym used in the text read as the document spells it out. */
  finish(): BannedTermHit[] {
    if (this.spelledOut.size === 0) return this.hits;
    return this.hits.map((hit, index) => {
      const expansion = governingExpansion(this.spelledOut.get(hit.termId), this.foldedStarts[index]!);
      // A citation or a mention ("the term RWA is barred") stays one: it speaks of the banned word itself.
      if (!expansion || expansion.known || hit.context !== 'use') return hit;
      const range = this.folded.originalRange(expansion.start, expansion.end);
      return { ...hit, context: 'redefined', standsFor: { ...range, text: this.folded.source.slice(range.start, range.end) } };
    });
  }
}
