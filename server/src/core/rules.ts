/** Every kind of finding regtext reports, with what it means: one registry for SARIF, documentation and the UI. */
import type { ProblemCode } from './model';

export const RULES: Readonly<Record<ProblemCode, string>> = {
  'banned-term': 'A term barred from company names and business scopes.',
  'numbering-gap': 'Clause numbering skips a number.',
  'numbering-duplicate': 'Clause numbering repeats a number.',
  'numbering-order': 'Clause numbering goes backwards.',
  'numbering-style': 'Clause numbering switches style within a sequence.',
  'unresolved-reference': 'A clause reference points to no clause of the document.',
  'not-analysed': 'The file was not analysed (not UTF-8 text, binary or too large).',
  'repealed-notice': 'A citation of a notice that a later notice has repealed.',
  'missing-clause': 'A reference to a clause that the cited notice, in the workspace, does not have.',
  'duplicate-notice': 'Two files of the same language claim to be the same notice.',
  'unused-suppression': 'A regtext-disable comment that silences no problem.',
  'translation-missing-clause': 'A clause of the original has no counterpart in the translation.',
  'translation-extra-clause': 'A clause of the translation has no counterpart in the original.',
  'translation-moved-clause': 'A clause of the original translated out of its order, elsewhere in the translation.',
  'translation-numbering': 'A clause of the translation is numbered differently from its counterpart in the original.',
  'translation-mismatch': 'A notice number, agency, date, percentage or number that a clause and its counterpart give differently, or one of them lacks.',
  'translation-term': 'A defined term of the original rendered in two different ways in the translation.',
};
