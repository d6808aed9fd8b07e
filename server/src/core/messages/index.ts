/**
 * The message catalogue: one object of sentences per locale, chosen by the locale a client or the environment names.
 * Simplified Chinese for any Chinese tag (traditional-script tags too: regtext has no Traditional Chinese catalogue,
 * and its readers read the Simplified one more easily than the English one); English for anything else.
 */
import { en, type Messages } from './en';
import { zhCn } from './zh-cn';

export type Locale = 'en' | 'zh-cn';

export type { BannedTermSource, Messages } from './en';

/** `zh`, `zh-CN`, `zh-Hans-CN`, `zh_CN.UTF-8`, `zh-TW` … → 'zh-cn'; anything else (or nothing) → 'en'. */
export function matchLocale(tag: string | undefined): Locale {
  return tag !== undefined && /^zh(?:$|[-_.@])/i.test(tag.trim()) ? 'zh-cn' : 'en';
}

const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, 'zh-cn': zhCn };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}
