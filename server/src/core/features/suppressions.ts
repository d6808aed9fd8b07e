/**
 * Which regtext-disable comment silences a diagnostic: per rule (and for comments that name none), the comments
 * sorted by their first line, each with the one reaching furthest so far; a diagnostic's line is looked up by binary
 * search. So a file of many comments and many problems costs a logarithm per problem, never their product.
 */
import type { ProblemCode, Suppression } from '../model';
import { lastAtOrBefore } from '../text/search';

const EVERY_RULE = '*';

interface Reach {
  fromLines: number[];
  /** At i: of the comments 0..i, the one whose last line is furthest. */
  furthest: Suppression[];
}

export class SuppressionIndex {
  private readonly byRule = new Map<string, Reach>();

  constructor(suppressions: readonly Suppression[]) {
    const groups = new Map<string, Suppression[]>();
    for (const suppression of suppressions) {
      for (const rule of suppression.rules ?? [EVERY_RULE]) {
        const group = groups.get(rule);
        if (group) group.push(suppression);
        else groups.set(rule, [suppression]);
      }
    }
    for (const [rule, group] of groups) {
      group.sort((a, b) => a.fromLine - b.fromLine);
      const furthest: Suppression[] = [];
      for (const [index, suppression] of group.entries()) {
        const before = furthest[index - 1];
        furthest.push(before && before.toLine >= suppression.toLine ? before : suppression);
      }
      this.byRule.set(rule, { fromLines: group.map((suppression) => suppression.fromLine), furthest });
    }
  }

  /** The comment that silences a problem of this rule on this line (0-based), if any. */
  silencer(code: ProblemCode, line: number): Suppression | undefined {
    return this.reaching(code, line) ?? this.reaching(EVERY_RULE, line);
  }

  private reaching(rule: string, line: number): Suppression | undefined {
    const reach = this.byRule.get(rule);
    if (!reach) return undefined;
    const index = lastAtOrBefore(reach.fromLines, line, (from) => from);
    const candidate = index >= 0 ? reach.furthest[index] : undefined;
    return candidate && candidate.toLine >= line ? candidate : undefined;
  }
}
