/**
 * The words that name a kind of official document (通知, 办法, Notice, Measures, …). They are grammar of the
 * language of regulation rather than knowledge about particular agencies or notices, so they live here, in one
 * place, for every recogniser that needs them: references ("《证券法》第十条" cites another document), quotes (a
 * quoted title is a citation) and the "this document" phrases (本办法, of this Notice).
 */
const CHINESE_TYPES = [
  '实施细则', '修正案', '通知', '办法', '规定', '公告', '意见', '决定', '条例', '细则', '指引', '指南', '准则', '规则', '批复', '解释',
  '目录', '法',
];
const ENGLISH_TYPES = [
  'Notice', 'Circular', 'Announcement', 'Opinions?', 'Guiding Opinions', 'Guidelines?', 'Guidance', 'Measures',
  'Provisions', 'Regulations?', 'Rules', 'Law', 'Decision', 'Interpretation', 'Catalog(?:ue)?', 'Plan', 'Methods',
  'Procedures',
];

/** A Chinese document type, for use inside a regular expression. */
export const CHINESE_DOCUMENT_TYPE = `(?:${CHINESE_TYPES.join('|')})`;
/** An English document type, for use inside a regular expression. */
export const ENGLISH_DOCUMENT_TYPE = `(?:${ENGLISH_TYPES.join('|')})`;
/** The last character of each Chinese document type: a quick test before a regular expression that ends in one. */
export const CHINESE_DOCUMENT_TYPE_ENDINGS: readonly string[] = CHINESE_TYPES.map((type) => type[type.length - 1]!);
