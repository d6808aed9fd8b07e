/**
 * Original ↔ translation: clause and sentence alignment, translation checks, defined-term pairs, exports. Pure
 * functions over two analysed documents; the caller finds the counterpart (translationPair says whether two are one).
 */
export { alignDocuments } from './align';
export { counterpartAt, translationPair, type Counterpart } from './counterparts';
export { termPairAt } from './terms';
export { toJson, toTmx, toTsv, type ExportOptions } from './export';
export type * from './types';
