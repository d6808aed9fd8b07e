/**
 * In-place suppressions, written as comments in whatever way the file allows (`<!-- … -->` in Markdown, `// …` or
 * the bare words on a line of their own in plain text):
 *
 *   regtext-disable-next-line banned-term      the next line
 *   regtext-disable numbering-gap … regtext-enable numbering-gap      the lines between (to the end without an enable)
 *   regtext-disable-file banned-term           the whole file
 *
 * Rules are named by their codes (`banned-term`, `numbering-gap`, …), several separated by spaces or commas; none
 * names every rule. One indexOf pass over the text for the marker word, and a look at its own line.
 */
import type { ProblemCode, Suppression } from '../model';
import type { LineIndex } from '../text/lineIndex';

const MARKER = 'regtext-';
const DIRECTIVE = /^regtext-(disable-next-line|disable-file|disable|enable)(?![\w-])/;
const RULE = /^[a-z][a-z-]*$/;

export function scanSuppressions(text: string, lines: LineIndex): Suppression[] {
  const found: Suppression[] = [];
  const open = new Map<string, Suppression>();
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length)) {
    const line = lines.lineOf(at);
    const rest = text.slice(at, lines.lineEnd(line));
    const directive = DIRECTIVE.exec(rest);
    if (!directive) continue;
    const rules = rulesIn(rest.slice(directive[0].length));
    const span = { start: at, end: at + directive[0].length };
    switch (directive[1]) {
      case 'disable-next-line': found.push({ ...span, rules, fromLine: line + 1, toLine: line + 1 }); break;
      case 'disable-file': found.push({ ...span, rules, fromLine: 0, toLine: lines.lineCount - 1 }); break;
      case 'disable': {
        const suppression = { ...span, rules, fromLine: line, toLine: lines.lineCount - 1 };
        found.push(suppression);
        for (const rule of rules ?? ['*']) open.set(rule, suppression);
        break;
      }
      case 'enable':
        for (const rule of rules ?? [...open.keys()]) {
          const suppression = open.get(rule) ?? open.get('*');
          if (suppression) suppression.toLine = line;
          open.delete(rule);
        }
        break;
    }
  }
  return found;
}

/**
 * The rules named after a directive, up to the end of the comment; undefined (every rule) when none is named. A name
 * that is no rule stays, so that the comment silences nothing and its hint shows the name.
 */
function rulesIn(words: string): ProblemCode[] | undefined {
  const comment = words.split(/-->|\*\//, 1)[0]!;
  const rules = comment.split(/[\s,]+/).filter((word) => RULE.test(word)) as ProblemCode[];
  return rules.length > 0 ? rules : undefined;
}
