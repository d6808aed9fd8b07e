/**
 * Titles of documents, normalised so that the ways one title is written compare equal:
 *   《中国人民银行关于进一步防范和处置虚拟货币交易炒作风险的通知》 = 关于进一步防范和处置虚拟货币交易炒作风险的通知
 *   《中华人民共和国证券法》 = 《证券法》
 *   "Notice of the People's Bank of China, … on Further Preventing …" = "Notice on Further Preventing …"
 * Quote marks, spaces, punctuation, full-width forms and capitals do not count; nor do the issuers a title names
 * before 关于 / between "Notice of" and "on", nor the country's name in a law's title.
 */

/** Lead words of an English title that issuers follow: "Notice of the PBOC … on …". */
const ENGLISH_TITLE_HEAD = /^((?:guiding )?(?:notice|circular|announcement|opinions?|measures|decision|provisions|rules|guidelines|interpretation|reply|plan)) of .+? (on|concerning|regarding|about|for) /;
const COUNTRY_EN = /(?:\s+of)?\s+the people's republic of china\b|\bpeople's republic of china\s+/g;
const COUNTRY_ZH = /^中华人民共和国/;
/** What never distinguishes two titles: marks, spaces, punctuation, a leading "the". */
const NOISE = /[\s"“”'‘’《》〈〉<>「」『』【】,，、.。:：;；·•\-—–_()（）[\]［］!！?？]|^the(?=\s)/g;
/**
 * Shorter than this after normalising, a title is too generic to identify a document: 《法》, "Rules". Chinese law
 * titles can be short (《刑法》, 《证券法》), English ones hardly.
 */
const MIN_CHINESE_TITLE = 2;
const MIN_LATIN_TITLE = 8;

export function normalizeTitle(title: string): string | undefined {
  let text = foldWidth(title).toLowerCase().replace(/[’‘]/g, "'").trim();
  text = text.replace(/^["“《〈「]+|["”》〉」]+$/g, '').trim();
  const about = text.indexOf('关于');
  // 中国人民银行 国家发展改革委关于…的通知: the issuers before 关于 are not part of the title as cited.
  if (about > 0 && !text.slice(0, about).includes('《')) text = text.slice(about);
  text = text.replace(COUNTRY_ZH, '');
  text = text.replace(/^the\s+/, '').replace(ENGLISH_TITLE_HEAD, '$1 $2 ').replace(COUNTRY_EN, ' ');
  const normalized = text.replace(NOISE, '');
  const minimum = /[\u4e00-\u9fff]/.test(normalized) ? MIN_CHINESE_TITLE : MIN_LATIN_TITLE;
  return normalized.length >= minimum ? normalized : undefined;
}

/**
 * The titles a document answers to besides its own: a notice that issues measures (关于印发《X》的通知) is cited as
 * 《X》 too, and so is the English "Notice on Issuing the X".
 */
export function issuedTitles(title: string): string[] {
  const found: string[] = [];
  const chinese = /(?:印发|发布|公布|修订)《([^《》]+)》/.exec(title);
  if (chinese) found.push(chinese[1]!);
  const english = /\b(?:Issuing|Promulgating|Publishing|Printing and Distributing)(?: the)? ["“]?(.+?)["”]?$/i.exec(title.trim());
  if (english) found.push(english[1]!);
  return found;
}

function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
