/** Reading a file as regtext text, the same way in the language server and the CLI: UTF-8 only, and a size limit. */

import type { DeclineReason } from './core';

// fatal: GBK or Latin-1 bytes must be declined, not analysed as mojibake. A leading UTF-8 BOM is dropped (ignoreBOM
// is false), so columns on the first line count from the first real character.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export const MB = 1024 * 1024;

export const NOT_UTF8: DeclineReason = { why: 'notUtf8' };

/** The text of UTF-8 bytes, or undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return undefined;
    throw error;
  }
}

/** Why a file of `size` bytes is not read; `setting` names the limit the user can raise. */
export function tooLarge(size: number, maxBytes: number, setting: string): DeclineReason {
  return { why: 'tooLarge', size, limit: maxBytes, setting };
}
