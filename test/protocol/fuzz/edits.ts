/**
 * Random editing sessions, as an editor sends them over textDocument/didChange with incremental sync: typing one
 * character at a time, backspacing, Enter, pasting labels and whole paragraphs, deleting lines, cutting and pasting
 * elsewhere, multi-cursor edits sent together in one notification, and edits at a CRLF.
 *
 * The text is modelled here as a string; an edit is an offset range and its replacement, turned into an LSP range
 * (UTF-16 line/character) against the text as it is when the edit applies. Edits never split a surrogate pair
 * (positions inside a pair are legal LSP but no client sends them). A position between the \r and the \n of a CRLF
 * cannot be written in LSP (a character past the line's end is clamped to the end), so an edit there is sent as a
 * client does it: the range widened over the \r or the \n, and the replacement extended with it. Such edits still
 * split, join and create CRLFs, which is what the server's line index must follow.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { FRAGMENTS, SEED_TEXTS } from '../../core/fuzz/seedTexts';
import type { Random } from '../../core/fuzz/random';

/** An edit of the modelled text: replace [start, end) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One didChange notification: its edits, applied in order, each to the result of the ones before. */
export interface Step {
  kind: string;
  edits: Edit[];
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** Line starts of a text whose lines end at \r\n, \r or \n (as LSP counts lines). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - starts[low]! };
}

const isCrlfMiddle = (text: string, offset: number) => text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
const isPairMiddle = (text: string, offset: number) =>
  (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(offset) & 0xfc00) === 0xdc00;

/**
 * The LSP change for an edit of `text`: an edit that starts or ends between \r and \n is widened over that \r or
 * \n and its replacement extended with it, so the result is the same text.
 */
export function toChange(text: string, edit: Edit): TextDocumentContentChangeEvent {
  let { start, end, text: replacement } = edit;
  if (isCrlfMiddle(text, start)) {
    start--;
    replacement = `\r${replacement}`;
  }
  if (isCrlfMiddle(text, end)) {
    end++;
    replacement = `${replacement}\n`;
  }
  const starts = lineStarts(text);
  const range: Range = { start: positionAt(starts, start), end: positionAt(starts, end) };
  return { range, text: replacement };
}

/** The code points of a string (a surrogate pair stays whole). */
function codePoints(text: string): string[] {
  return Array.from(text);
}

/** An offset in [0, text.length] that does not split a surrogate pair (it may fall inside a CRLF). */
function offsetIn(random: Random, text: string): number {
  let offset = random.int(text.length + 1);
  if (isPairMiddle(text, offset)) offset--;
  return offset;
}

/** A range [start, end) of about `maximum` code units at most, not splitting surrogate pairs. */
function rangeIn(random: Random, text: string, maximum: number): [number, number] {
  const start = offsetIn(random, text);
  let end = Math.min(text.length, start + random.int(maximum + 1));
  if (isPairMiddle(text, end)) end++;
  return [start, end];
}

/** The [start, end) of a random line, its line break included. */
function lineAround(random: Random, text: string): [number, number] {
  const starts = lineStarts(text);
  const line = random.int(starts.length);
  return [starts[line]!, line + 1 < starts.length ? starts[line + 1]! : text.length];
}

/** Some whole lines of a seed text, with a line break after them. */
function paragraph(random: Random): string {
  const source = random.pick(SEED_TEXTS).text;
  const starts = lineStarts(source);
  const first = random.int(starts.length);
  const last = Math.min(starts.length - 1, first + random.int(4));
  const end = last + 1 < starts.length ? starts[last + 1]! : source.length;
  const block = source.slice(starts[first]!, end);
  return /[\r\n]$/.test(block) ? block : `${block}\n`;
}

/** A character a user might type: mostly from fragments, sometimes any BMP character or an emoji. */
function fragment(random: Random): string {
  return random.weighted<() => string>([
    [8, () => random.pick(FRAGMENTS)],
    [1, () => {
      let code = random.between(0x20, 0xfffd);
      if (code >= 0xd800 && code <= 0xdfff) code -= 0x800; // no lone surrogates: editors do not produce them
      return String.fromCharCode(code);
    }],
    [1, () => String.fromCodePoint(random.between(0x1f300, 0x1f64f))],
  ])();
}

/** Characters that stand for one another in numbers, labels and brackets (all one code unit). */
const OVERTYPE_GROUPS = ['0123456789', '一二三四五六七八九十', 'IVXLivx', '（(〔[【', '）)〕]】', '条款项号章节', '“”"《》'];

/**
 * The next editing step(s) for a text: a list of didChange notifications. Biased towards deletion when the text
 * grows past `maxLength`, towards pasting when it is nearly empty.
 */
export function nextSteps(random: Random, text: string, maxLength: number): Step[] {
  const tooLong = text.length > maxLength;
  const tooShort = text.length < 200;
  const kind = random.weighted<string>([
    [tooLong ? 1 : 6, 'insert'],
    [3, 'type'],
    [tooShort ? 1 : tooLong ? 12 : 3, 'delete'],
    [2, 'backspace'],
    [3, 'replace'],
    [tooShort ? 0 : 2, 'deleteLine'],
    [3, 'enter'],
    [2, 'crlf'],
    [tooLong ? 0 : tooShort ? 8 : 2, 'paste'],
    [2, 'move'],
    [2, 'multiCursor'],
    [1, 'duplicateLine'],
    [3, 'overtype'],
    [0.05, 'replaceAll'],
  ]);
  const one = (edits: Edit[]): Step[] => [{ kind, edits }];
  switch (kind) {
    case 'insert': {
      const at = offsetIn(random, text);
      return one([{ start: at, end: at, text: fragment(random) }]);
    }
    case 'type': {
      // One notification per character, as a user types, at the cursor that moves on.
      let at = offsetIn(random, text);
      const steps: Step[] = [];
      for (const char of codePoints(random.chance(0.5) ? random.pick(FRAGMENTS) : paragraph(random).slice(0, 40))) {
        steps.push({ kind, edits: [{ start: at, end: at, text: char }] });
        at += char.length;
      }
      return steps;
    }
    case 'delete': {
      const [start, end] = rangeIn(random, text, tooLong ? 2000 : random.chance(0.8) ? 8 : 300);
      return one([{ start, end, text: '' }]);
    }
    case 'backspace': {
      // One notification per deleted character, a CRLF deleted as one (as editors do), back from the cursor.
      let at = offsetIn(random, text);
      let current = text;
      const steps: Step[] = [];
      for (let count = random.between(1, 12); count > 0 && at > 0; count--) {
        const width = current.startsWith('\r\n', at - 2) || isPairMiddle(current, at - 1) ? 2 : 1;
        const edit = { start: at - width, end: at, text: '' };
        steps.push({ kind, edits: [edit] });
        current = applyEdit(current, edit);
        at -= width;
      }
      return steps;
    }
    case 'replace': {
      const [start, end] = rangeIn(random, text, 30);
      return one([{ start, end, text: random.chance(0.2) ? paragraph(random) : fragment(random) }]);
    }
    case 'deleteLine': {
      const [start, end] = lineAround(random, text);
      return one([{ start, end, text: '' }]);
    }
    case 'enter': {
      const at = offsetIn(random, text);
      return one([{ start: at, end: at, text: random.pick(['\n', '\n', '\r\n', '\r', '\n\u3000\u3000', '\n\n']) }]);
    }
    case 'crlf': {
      // At a CRLF: type between its \r and \n, delete only its \r or only its \n, or make one from a lone \r or \n.
      const crlfs: number[] = [];
      for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) crlfs.push(i);
      if (crlfs.length === 0 || random.chance(0.25)) {
        const at = offsetIn(random, text);
        return one([{ start: at, end: at, text: random.pick(['\r', '\n', '\r\n']) }]);
      }
      const i = random.pick(crlfs);
      return one([random.weighted<Edit>([
        [3, { start: i + 1, end: i + 1, text: fragment(random) }],
        [2, { start: i, end: i + 1, text: '' }],
        [2, { start: i + 1, end: i + 2, text: '' }],
        [1, { start: i + 1, end: i + 1, text: '\r\n' }],
        [1, { start: i + 1, end: i + 2, text: 'x\n' }],
      ])]);
    }
    case 'paste': {
      const at = random.chance(0.7) ? random.pick(lineStarts(text)) : offsetIn(random, text);
      return one([{ start: at, end: at, text: paragraph(random) }]);
    }
    case 'move': {
      // Cut a range and paste it elsewhere: two notifications.
      const [start, end] = rangeIn(random, text, 200);
      const cut = text.slice(start, end);
      const after = applyEdit(text, { start, end, text: '' });
      const at = offsetIn(random, after);
      return [{ kind, edits: [{ start, end, text: '' }] }, { kind, edits: [{ start: at, end: at, text: cut }] }];
    }
    case 'multiCursor': {
      // Several cursors typing or deleting at once, sent in one notification from the last place to the first
      // (as VS Code does), so each edit's offsets hold in the text the ones before it left.
      const places = [...new Set(Array.from({ length: random.between(2, 4) }, () => offsetIn(random, text)))].sort((a, b) => b - a);
      const typed = fragment(random);
      const deleting = random.chance(0.3);
      const edits = places.map((at): Edit => {
        if (!deleting) return { start: at, end: at, text: typed };
        let start = Math.max(0, at - 1);
        if (isPairMiddle(text, start)) start--;
        return { start, end: at, text: '' };
      }).filter((edit, i, all) => i === 0 || edit.end <= all[i - 1]!.start);
      return one(edits);
    }
    case 'duplicateLine': {
      const [start, end] = lineAround(random, text);
      const line = text.slice(start, end);
      return one([{ start: end, end, text: /[\r\n]$/.test(line) ? line : `\n${line}` }]);
    }
    case 'overtype': {
      // One character replaced by another of its kind, the length unchanged: 237 → 238, （二） → （三）, (IX) → (XI),
      // 〔 → [. What a length-keyed cache or a shift-only update would miss.
      const at = offsetIn(random, text);
      for (let i = 0; i < text.length; i++) {
        const offset = (at + i) % text.length;
        const group = OVERTYPE_GROUPS.find((chars) => chars.includes(text[offset]!));
        if (group) return one([{ start: offset, end: offset + 1, text: random.pick([...group]) }]);
      }
      return one([]);
    }
    case 'replaceAll':
      return one([{ start: 0, end: text.length, text: random.pick(SEED_TEXTS).text }]);
    default:
      throw new Error(`unknown step ${kind}`);
  }
}
