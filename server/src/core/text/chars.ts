/** Character classes shared by the recognisers. All take a UTF-16 code unit. */

/** Han ideographs (and CJK compatibility ideographs). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007; // 〇
}

/** Characters of East Asian width: Han, kana, CJK punctuation and full-width forms. Spaces next to them carry no meaning. */
export function isWide(code: number): boolean {
  return isHan(code) || (code >= 0x3001 && code <= 0x30ff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2e80 && code <= 0x2fdf);
}

/** White space of any kind: ASCII, no-break, en/em/thin spaces, ideographic space, line and paragraph separators. */
export function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f ||
    code === 0x3000;
}

/** Characters that are invisible and carry no text: zero-width spaces and joiners, BOM, soft hyphen. */
export function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0xad;
}

export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** Letters, digits and underscore: what an identifier is made of. A term never starts or ends inside one. */
export function isWordChar(code: number): boolean {
  return WORD_CHARS[code] === 1;
}

/** isWordChar as a table, for the loops that ask it of every code unit. */
export const WORD_CHARS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < table.length; code++) {
    table[code] = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ||
      code === 0x5f || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ? 1 : 0;
  }
  return table;
})();

function isAsciiUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/** A line that closes a sentence: it ends in 。 . ； or ; (trailing spaces aside). */
export const CLOSES_SENTENCE = /[。.；;]\s*$/;

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Lower-cases ASCII and Latin-1 letters; everything else is returned unchanged. */
export function lowerCode(code: number): number {
  if (isAsciiUpper(code)) return code + 32;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 32;
  return code;
}
