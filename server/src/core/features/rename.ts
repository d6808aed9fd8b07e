/**
 * Rename of a defined term across its document, in every form it is used in: its plural ("Banks" when "Bank" becomes
 * "Lender": "Lenders") and a capital at a sentence start. Only a defined term is the document's own name to change;
 * an agency, a notice number or a clause label names something outside the text, and the prepare step says so.
 */
import type { Range, TextEdit } from '../api';
import type { Annotation } from '../model';
import { pluralOf } from '../scan/phraseMatcher';
import { annotationAt } from './annotationAt';
import { rangeOf, type AnalysedFile, type FeatureContext } from './context';

type TermAnnotation = Extract<Annotation, { kind: 'termUse' | 'termDefinition' }>;

export type PrepareRename = { range: Range; placeholder: string } | { reason: string };

export function prepareRename(context: FeatureContext, file: AnalysedFile, offset: number): PrepareRename {
  const annotation = annotationAt(file.analysis, offset);
  if (annotation?.kind === 'termUse' || annotation?.kind === 'termDefinition') return { range: rangeOf(file, annotation), placeholder: annotation.text };
  const why = context.messages.rename;
  return { reason: (annotation ? why[annotation.kind] : why.other)() };
}

/** The edits that rename the defined term at `offset` everywhere in its document, or none if there is none. */
export function rename(file: AnalysedFile, offset: number, newName: string): TextEdit[] {
  const annotation = annotationAt(file.analysis, offset);
  if (annotation?.kind !== 'termUse' && annotation?.kind !== 'termDefinition') return [];
  const term = file.analysis.definitions.find((definition) => definition.key === annotation.key)?.term ?? annotation.text;
  return file.analysis.annotations
    .filter((candidate): candidate is TermAnnotation => (candidate.kind === 'termUse' || candidate.kind === 'termDefinition') && candidate.key === annotation.key)
    .map((occurrence) => ({ range: rangeOf(file, occurrence), newText: formLike(occurrence.text, term, newName) }));
}

/** The new name in the form the occurrence has the old one: plural, capitalised, in capitals. */
function formLike(occurrence: string, term: string, newName: string): string {
  let form = occurrence.toLowerCase() === term.toLowerCase() ? newName : occurrence.toLowerCase() === pluralOf(term).toLowerCase() ? pluralOf(newName) : newName;
  if (occurrence === occurrence.toUpperCase() && occurrence !== occurrence.toLowerCase() && term !== term.toUpperCase()) form = form.toUpperCase();
  else if (/^[A-Z]/.test(occurrence) && /^[a-z]/.test(term)) form = form[0]!.toUpperCase() + form.slice(1);
  return form;
}
