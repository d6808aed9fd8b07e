/**
 * What a translator needs to know, as findings placed in the translation with the original's clause as related
 * information: clauses without a counterpart, numbers that disagree, anchors (notices, agencies, dates, percentages,
 * numbers) that a clause gives differently from its counterpart or lacks, and defined terms rendered two ways.
 */
import type { Range } from '../api';
import type { Severity } from '../knowledge/types';
import type { AnalysedDocument, ProblemCode, Span } from '../model';
import { pluralOf, singularOf } from '../scan/phraseMatcher';
import { isHan, isSpace } from '../text/chars';
import { lastAtOrBefore } from '../text/search';
import { en, type Messages } from '../messages/en';
import { ANCHOR_KINDS, anchorsIn, type Anchor } from './anchors';
import type { AlignmentUnit, ClausePair, RelatedSpan, SentencePair, Side, TermPair, TranslationCheck } from './types';
import { isReportedOnce, shiftsOf, type Shift } from './shifts';
import { anchorKey, closingBlockOf, compareNumbers } from './units';

/** Below this, a pair is too uncertain for its contents to be compared: a finding would more likely be a misalignment. */
const MIN_CONFIDENCE_TO_COMPARE = 0.35;

interface Context {
  original: AnalysedDocument;
  translation: AnalysedDocument;
  pairs: readonly ClausePair[];
  /** The anchors of a unit's span (as anchorsIn reads them). */
  anchorsOf: (unit: AlignmentUnit) => readonly Anchor[];
  messages: TranslationMessages;
  /** The shift each pair is in (shifts.ts), and the shift each cause explains. */
  shifts: Map<number, Shift>;
  causes: Map<number, Shift>;
  /** Each side's clauses without counterpart, those under another one reported with it. */
  unpaired: Record<Side, Unpaired>;
}

export type TranslationMessages = Messages['translation'];

export function translationChecks(
  original: AnalysedDocument, translation: AnalysedDocument, pairs: readonly ClausePair[], terms: readonly TermPair[],
  anchorsOf: Context['anchorsOf'], messages: TranslationMessages = en.translation,
): TranslationCheck[] {
  const shifts = shiftsOf(original, translation, pairs);
  const causes = new Map([...shifts.values()].flatMap((shift) => (shift.cause === undefined ? [] : [[shift.cause, shift] as const])));
  const unpairedClauses = { original: unpairedOf(pairs, original, 'original'), translation: unpairedOf(pairs, translation, 'translation') };
  const context: Context = { original, translation, pairs, anchorsOf, messages, shifts, causes, unpaired: unpairedClauses };
  return [
    ...pairs.flatMap((pair, index) => [...unpaired(context, pair, index), ...numbering(context, pair, index), ...contents(context, pair)]),
    ...movedPairs(pairs).flatMap((pair) => contents(context, pair)),
    ...closingBlocks(context),
    ...termsTranslatedTwice(context, terms),
    ...[...pairs, ...movedPairs(pairs)].flatMap((pair) => termsNotUsed(context, pair, terms)),
  ].sort((a, b) => a.span.start - b.span.start);
}

/** The pairs of the clauses the translation moved, each once (from the pair of its original). */
function movedPairs(pairs: readonly ClausePair[]): ClausePair[] {
  return pairs.flatMap((pair) => (pair.moved && pair.translation.length === 0 ? [pair.moved] : []));
}

function check(context: Context, code: ProblemCode, severity: Severity, message: string, span: Span, related: { span: Span; message: string }[]): TranslationCheck {
  return { code, severity, message, span, range: rangeIn(context.translation, span), related: related.map((item) => relatedIn(context, item)) };
}

function rangeIn(document: AnalysedDocument, where: Span): Range {
  return { start: document.lines.positionAt(where.start), end: document.lines.positionAt(where.end) };
}

/** A place in the original, for a finding's related information. */
function relatedIn(context: Context, item: { span: Span; message: string }): RelatedSpan {
  return { ...item, range: rangeIn(context.original, item.span) };
}

function labelSpan(document: AnalysedDocument, unit: AlignmentUnit): Span {
  return unit.clause === undefined ? { start: unit.span.start, end: unit.span.start } : document.clauses[unit.clause]!.labelSpan;
}

function unpaired(context: Context, pair: ClausePair, index: number): TranslationCheck[] {
  const { original, translation } = context;
  if (pair.moved) return pair.translation.length === 0 ? [moved(context, pair.moved, index)] : [];
  if (pair.translation.length === 0) {
    return reported(context.unpaired.original, pair.original).map((unit) => withShift(context, index, check(context, 'translation-missing-clause', 'warning',
      context.messages.missingClause(unit.label) + under(context, context.unpaired.original, unit) + orElse(context, pair),
      nearestUnit(context.pairs, index, 'translation', translation, sameStyleInOriginal(context, unit)), [{ span: labelSpan(original, unit), message: context.messages.inOriginal(unit.label) }])));
  }
  if (pair.original.length === 0) {
    const near = nearestUnit(context.pairs, index, 'original', original);
    return reported(context.unpaired.translation, pair.translation).map((unit) => withShift(context, index, check(context, 'translation-extra-clause', 'warning',
      context.messages.extraClause(unit.label) + under(context, context.unpaired.translation, unit) + orElse(context, pair), labelSpan(translation, unit),
      [{ span: near, message: context.messages.nearestInOriginal() }])));
  }
  return [];
}

/**
 * A clause the translation moved, reported once, at its translation, from the pair of its original (`index`): with
 * the shifts that leaving it out and putting it in cause (the pairs between them renumbered).
 */
function moved(context: Context, pair: ClausePair, index: number): TranslationCheck {
  const [a, b] = [pair.original[0]!, pair.translation[0]!];
  const at = context.pairs.findIndex((other, k) => k !== index && other.moved === pair);
  const after = context.pairs.slice(0, at).reverse().find((other) => other.original.length > 0 && other.translation.length > 0)?.original.at(-1)?.label;
  const finding = check(context, 'translation-moved-clause', 'warning', context.messages.moved(a.label, b.label, after), labelSpan(context.translation, b),
    [{ span: labelSpan(context.original, a), message: context.messages.inOriginal(a.label) }]);
  return withShift(context, at, withShift(context, index, finding));
}

/** The clauses of one side without counterpart: those under another such clause, reported with it, and what each has under it. */
interface Unpaired {
  covered: ReadonlySet<number>;
  under: ReadonlyMap<number, AlignmentUnit[]>;
}

/** The clauses of `side` left without counterpart, a clause under one of them (its parent, its parent's parent …) reported with it. */
function unpairedOf(pairs: readonly ClausePair[], document: AnalysedDocument, side: Side): Unpaired {
  const other: Side = side === 'original' ? 'translation' : 'original';
  const units = pairs.filter((pair) => pair[other].length === 0 && !pair.moved).flatMap((pair) => pair[side].filter((unit) => unit.clause !== undefined));
  const ids = new Set(units.map((unit) => unit.clause!));
  const covered = new Set<number>();
  const under = new Map<number, AlignmentUnit[]>();
  for (const unit of units) {
    let top = unit.clause!;
    while (ids.has(document.clauses[top]!.parent ?? -1)) top = document.clauses[top]!.parent!;
    if (top === unit.clause) continue;
    covered.add(unit.clause!);
    if (!under.has(top)) under.set(top, []);
    under.get(top)!.push(unit);
  }
  return { covered, under };
}

/** The clauses of `units` reported on their own: not under another clause without counterpart. */
function reported(unpaired: Unpaired, units: readonly AlignmentUnit[]): AlignmentUnit[] {
  return units.filter((unit) => unit.clause !== undefined && !unpaired.covered.has(unit.clause));
}

/** What a clause without counterpart has under it that has none either, as the rest of its finding's message; '' for nothing. */
function under(context: Context, unpaired: Unpaired, unit: AlignmentUnit): string {
  const units = unpaired.under.get(unit.clause!);
  return units ? context.messages.alsoUnder(units.length, units[0]!.label, units.at(-1)!.label) : '';
}

/** For a clause without counterpart whose neighbour the evidence leaves alone as well, that it is uncertain which, as the rest of its message; '' for none. */
function orElse(context: Context, pair: ClausePair): string {
  return pair.alternative ? context.messages.uncertain(pair.alternative.label) : '';
}

/** The finding of pair `index`, with the shift it causes when it causes one: the pairs renumbered after it, named once. */
function withShift(context: Context, index: number, finding: TranslationCheck): TranslationCheck {
  const shift = context.causes.get(index);
  if (!shift) return finding;
  const { first, last } = shiftEnds(context, shift);
  const shifted = context.messages.shifted(first.translation.label, last.translation.label, first.original.label, last.original.label);
  return {
    ...finding, message: context.messages.withShift(finding.message, shifted),
    related: [...finding.related, relatedIn(context, { span: labelSpan(context.original, first.original), message: context.messages.inOriginal(first.original.label) })],
  };
}

/** The units of the first and last pairs of a shift. */
function shiftEnds(context: Context, shift: Shift): { first: { original: AlignmentUnit; translation: AlignmentUnit }; last: { original: AlignmentUnit; translation: AlignmentUnit } } {
  const unitsOf = (index: number) => ({ original: context.pairs[index]!.original[0]!, translation: context.pairs[index]!.translation[0]! });
  return { first: unitsOf(shift.pairs[0]!), last: unitsOf(shift.pairs.at(-1)!) };
}

/**
 * Where a clause of the other side would be: the label of the next paired unit on `side`; when only the previous pair
 * is of the clause's kind (`sibling`), the last line of the previous one (a last article dropped is placed after the
 * articles, not at the attachment list under the signature).
 */
function nearestUnit(pairs: readonly ClausePair[], index: number, side: 'original' | 'translation', document: AnalysedDocument, sibling?: (pair: ClausePair) => boolean): Span {
  const nextPair = pairs.slice(index + 1).find((pair) => pair[side].length > 0);
  const previousPair = pairs.slice(0, index).reverse().find((pair) => pair[side].length > 0);
  const [next, previous] = [nextPair?.[side][0], previousPair?.[side].at(-1)];
  const previousFitsBetter = sibling !== undefined && previousPair !== undefined && sibling(previousPair) && (nextPair === undefined || !sibling(nextPair));
  if (previousFitsBetter && previous) return lastLineOf(document, previous.span);
  const unit = next?.clause !== undefined ? next : previous ?? next;
  return unit ? labelSpan(document, unit) : { start: 0, end: 0 };
}

/** The text of the last line of `span` that has any, without the spaces around it. */
function lastLineOf(document: AnalysedDocument, span: Span): Span {
  const { text, lines } = document;
  let end = span.end;
  while (end > span.start && isSpace(text.charCodeAt(end - 1))) end--;
  let start = Math.max(span.start, lines.lineStart(lines.lineOf(Math.max(span.start, end - 1))));
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return { start, end };
}

/** Whether a pair's clause of the original is of the style of `unit`'s (a sibling's kind: 第十一条 beside 第十二条). */
function sameStyleInOriginal(context: Context, unit: AlignmentUnit): (pair: ClausePair) => boolean {
  const style = context.original.clauses[unit.clause ?? -1]?.style;
  return (pair) => style !== undefined && context.original.clauses[pair.original[0]?.clause ?? -1]?.style === style;
}

function numbering(context: Context, pair: ClausePair, index: number): TranslationCheck[] {
  if (pair.original.length + pair.translation.length === 3) return [withShift(context, index, mergedOrSplit(context, pair))];
  if (pair.original.length !== 1 || pair.translation.length !== 1) return [];
  const [a, b] = [pair.original[0]!, pair.translation[0]!];
  if (a.clause === undefined || b.clause === undefined) return [];
  if (compareNumbers(context.original.clauses[a.clause], context.translation.clauses[b.clause]) !== 'different') return [];
  const shift = context.shifts.get(index);
  if (shift && isReportedOnce(shift)) return shift.cause === undefined && shift.pairs[0] === index ? [renumbered(context, shift)] : [];
  return [check(context, 'translation-numbering', 'warning', context.messages.numbering(b.label, a.label),
    labelSpan(context.translation, b), [{ span: labelSpan(context.original, a), message: context.messages.inOriginal(a.label) }])];
}

/** A run of clauses renumbered alike with no clause added, dropped, split or merged before it: one finding at its first. */
function renumbered(context: Context, shift: Shift): TranslationCheck {
  const { first, last } = shiftEnds(context, shift);
  return check(context, 'translation-numbering', 'warning', context.messages.renumbered(first.translation.label, last.translation.label, first.original.label, last.original.label),
    labelSpan(context.translation, first.translation), [{ span: labelSpan(context.original, first.original), message: context.messages.inOriginal(first.original.label) }]);
}

/**
 * Two clauses of one side translated as one of the other: a warning when all three are numbered (a number goes
 * missing), information when a heading or the preamble is one of them.
 */
function mergedOrSplit(context: Context, pair: ClausePair): TranslationCheck {
  const numbered = [...pair.original.map((unit) => context.original.clauses[unit.clause ?? -1]), ...pair.translation.map((unit) => context.translation.clauses[unit.clause ?? -1])]
    .every((clause) => clause !== undefined && clause.style !== 'heading');
  const severity = numbered ? 'warning' : 'information';
  const related = pair.original.map((unit) => ({ span: labelSpan(context.original, unit), message: context.messages.inOriginal(unit.label) }));
  const [first, second] = pair.translation.length === 2 ? pair.translation : pair.original;
  if (pair.translation.length === 2) {
    return check(context, 'translation-numbering', severity, context.messages.split(first!.label, second!.label, pair.original[0]!.label), labelSpan(context.translation, second!), related);
  }
  return check(context, 'translation-numbering', severity, context.messages.merged(pair.translation[0]!.label, first!.label, second!.label), labelSpan(context.translation, pair.translation[0]!), related);
}

function contents(context: Context, pair: ClausePair): TranslationCheck[] {
  if (pair.original.length === 0 || pair.translation.length === 0 || pair.confidence < MIN_CONFIDENCE_TO_COMPARE) return [];
  return comparedAnchors(context, {
    mine: pair.translation.flatMap(context.anchorsOf), theirs: pair.original.flatMap(context.anchorsOf),
    name: pair.original.map((unit) => unit.label).join(' '), place: labelSpan(context.translation, pair.translation[0]!),
    originalPlaces: pair.original.map((unit) => ({ span: labelSpan(context.original, unit), message: context.messages.inOriginal(unit.label) })),
    onlyOriginal: context.messages.onlyOriginal, sentences: pair.sentences,
  });
}

/**
 * The closing blocks under both texts (the issuing agencies and the date, which no clause holds): their agencies and
 * dates compared as a clause's anchors are, the translation's first line standing for its block.
 */
function closingBlocks(context: Context): TranslationCheck[] {
  const [theirs, mine] = [closingBlockOf(context.original), closingBlockOf(context.translation)];
  if (!theirs || !mine) return [];
  const signs = (document: AnalysedDocument, block: Span) => anchorsIn(document, block).filter((anchor) => anchor.kind === 'agency' || anchor.kind === 'date');
  const name = context.messages.closingBlock();
  return comparedAnchors(context, {
    mine: signs(context.translation, mine), theirs: signs(context.original, theirs), name, place: firstLineOf(context.translation.text, mine),
    originalPlaces: [{ span: firstLineOf(context.original.text, theirs), message: context.messages.inOriginal(name) }],
    onlyOriginal: context.messages.onlyOriginalClosingBlock,
  });
}

function firstLineOf(text: string, span: Span): Span {
  const lineEnd = text.slice(span.start, span.end).search(/\s*[\r\n]/);
  return { start: span.start, end: lineEnd < 0 ? span.end : span.start + lineEnd };
}

/** Two places' anchors, compared: the translation's `mine` at `place` (named `name` in the original), the original's `theirs` at `originalPlaces`. */
interface Comparison {
  mine: readonly Anchor[];
  theirs: readonly Anchor[];
  name: string;
  place: Span;
  originalPlaces: { span: Span; message: string }[];
  onlyOriginal: (says: string) => string;
  /** The pair's sentence pairs, where an agency put for another is looked for (agencySurplus). */
  sentences?: readonly SentencePair[];
}

/**
 * Per kind of anchor: a warning when both places have anchors the other lacks (they disagree), information when
 * only one has (except agencies).
 */
function comparedAnchors(context: Context, { mine, theirs, name, place, originalPlaces, onlyOriginal, sentences = [] }: Comparison): TranslationCheck[] {
  const [myKeys, theirKeys] = [answerKeys(mine), answerKeys(theirs)];
  return ANCHOR_KINDS.flatMap((kind) => {
    const says = context.messages.says[kind];
    const [myAnchors, theirAnchors] = [mine.filter((anchor) => anchor.kind === kind), theirs.filter((anchor) => anchor.kind === kind)];
    let here = unmatched(myAnchors, theirKeys);
    let there = unmatched(theirAnchors, myKeys);
    // One side lacks a value while the other gives one of its values more often: "0.5% | 0.5%" for 万分之五｜千分之五.
    // Of agencies, only a translation that names one the original never does, in a sentence where the original names
    // another once more (agencySurplus).
    if (kind !== 'agency' && here.length === 0 && there.length > 0) here = surplus(myAnchors, theirAnchors);
    else if (there.length === 0 && here.length > 0) there = kind === 'agency' ? agencySurplus(here, myAnchors, theirAnchors, sentences) : surplus(theirAnchors, myAnchors);
    const related = (anchors: Anchor[]) => anchors.map((anchor) => ({ span: { start: anchor.start, end: anchor.end }, message: context.messages.originalClauseHas(name, anchor.text) }));
    if (here.length > 0 && there.length > 0) {
      return [check(context, 'translation-mismatch', 'warning',
        context.messages.mismatch(says(here[0]!.text), says(there[0]!.text)), here[0]!, related(there))];
    }
    // An agency named on one side only is common in a faithful translation ("the central bank" in a quote, an
    // office named by its parent): only two different agencies are reported.
    if (kind === 'agency') return [];
    if (there.length > 0 && !there[0]!.soft) {
      return [check(context, 'translation-mismatch', 'information',
        onlyOriginal(says(there.map((anchor) => anchor.text).join(', '))), place, related(there))];
    }
    if (here.length > 0 && !here[0]!.soft) {
      return [check(context, 'translation-mismatch', 'information',
        context.messages.onlyTranslation(says(here.map((anchor) => anchor.text).join(', ')), name), here[0]!, originalPlaces)];
    }
    return [];
  });
}

/**
 * The original's agencies the translation does not name, or names less often, in the sentence pair of an agency the
 * translation adds (`added`): one was put for the other ("adopted at the meeting of the MIIT" for 国家互联网信息办公室室务会议,
 * in an order the CAC issues). Only within a sentence: elsewhere a translator writes "the central bank" or "it" for
 * a name repeated, and adds "(the NDRC and others)" for 有关部门; and an agency the English coordinates ("the Shanghai,
 * Shenzhen and Beijing Stock Exchanges") is not read.
 */
function agencySurplus(added: readonly Anchor[], mine: readonly Anchor[], theirs: readonly Anchor[], sentences: readonly SentencePair[]): Anchor[] {
  const within = (spans: readonly Span[]) => (anchor: Anchor) => spans.some((span) => span.start <= anchor.start && anchor.start < span.end);
  for (const anchor of added) {
    const sentence = sentences.find((pair) => within(pair.translation)(anchor));
    if (!sentence) continue;
    const [original, translation] = [theirs.filter(within(sentence.original)), mine.filter(within(sentence.translation))];
    const found = unmatched(original, answerKeys(translation));
    if (found.length > 0) return found;
    const more = surplus(original, translation);
    if (more.length > 0) return more;
  }
  return [];
}

/**
 * The anchors of `anchors` (never a weak one) beyond as many of their value as `others` has: the second 0.5% where
 * the other side has one 0.5%. Anchors of values `others` lacks are not counted (they are unmatched, not surplus).
 */
function surplus(anchors: readonly Anchor[], others: readonly Anchor[]): Anchor[] {
  const left = new Map<string, number>();
  for (const other of others) left.set(anchorKey(other), (left.get(anchorKey(other)) ?? 0) + 1);
  const found: Anchor[] = [];
  for (const anchor of anchors) {
    const key = anchorKey(anchor);
    const count = left.get(key);
    if (count === undefined || anchor.weak) continue;
    if (count === 0) found.push(anchor);
    else left.set(key, count - 1);
  }
  return found;
}

/**
 * What one side's anchors answer: their keys, and the notice numbers' years and serials (all, and those of unknown
 * issuers), each also as its serial alone (`*` and `/28`: what a number without a year, as an order's often is, answers).
 */
interface AnswerKeys {
  keys: ReadonlySet<string>;
  serials: ReadonlySet<string>;
  serialsOfUnknownIssuers: ReadonlySet<string>;
  /** The agencies' ids. */
  agencies: readonly string[];
}

function answerKeys(anchors: readonly Anchor[]): AnswerKeys {
  const serials = anchors.flatMap((anchor) => (anchor.serial ? [anchor.serial] : []));
  const valuesOf = (some: typeof serials) => new Set(some.flatMap((serial) => [serial.value, `*${serialAlone(serial.value)}`]));
  return {
    keys: new Set(anchors.map(anchorKey)),
    serials: valuesOf(serials),
    serialsOfUnknownIssuers: valuesOf(serials.filter((serial) => !serial.issuerKnown)),
    agencies: anchors.filter((anchor) => anchor.kind === 'agency').map((anchor) => anchor.value),
  };
}

/**
 * Whether one agency is an office of the other: 人民银行上海总部 (`pboc-shanghai-head-office`) or 上海分行 of the PBOC,
 * which a translation may name by its parent ("the Shanghai Head Office and all branches of the PBOC"). An office's
 * id is its parent's, a hyphen, and more (knowledge/localOffices.ts; the data's offices with a parent likewise).
 */
function isOfficeOf(office: string, agency: string): boolean {
  return office.length > agency.length && office.startsWith(agency) && office[agency.length] === '-';
}

/** `/28` of `2025/28`. */
function serialAlone(value: string): string {
  return value.slice(value.indexOf('/'));
}

/**
 * Whether the other side has this anchor: its key, or for a notice number where either issuer is unknown, its year
 * and serial; where either has no year, its serial.
 */
function isAnswered(anchor: Anchor, theirs: AnswerKeys): boolean {
  if (theirs.keys.has(anchorKey(anchor))) return true;
  if (anchor.kind === 'agency') return theirs.agencies.some((agency) => isOfficeOf(anchor.value, agency) || isOfficeOf(agency, anchor.value));
  if (!anchor.serial) return false;
  const { value } = anchor.serial;
  const serials = anchor.serial.issuerKnown ? theirs.serialsOfUnknownIssuers : theirs.serials;
  return serials.has(value) || serials.has(value.startsWith('/') ? `*${value}` : serialAlone(value));
}

/**
 * The anchors of `anchors` the other side does not answer (isAnswered), the first of each value; never a weak one,
 * except soft ones (Anchor.soft) when no other is left: they are reported against the other side's, never alone.
 */
function unmatched(anchors: readonly Anchor[], theirs: AnswerKeys): Anchor[] {
  const found: Anchor[] = [];
  const soft: Anchor[] = [];
  const seen = new Set<string>();
  for (const anchor of anchors) {
    const key = anchorKey(anchor);
    if ((anchor.weak && !anchor.soft) || isAnswered(anchor, theirs) || seen.has(key)) continue;
    seen.add(key);
    (anchor.soft ? soft : found).push(anchor);
  }
  return found.length > 0 ? found : soft;
}

/** An original term whose definition pairs with two different terms of the translation. */
function termsTranslatedTwice(context: Context, terms: readonly TermPair[]): TranslationCheck[] {
  const first = new Map<string, TermPair>();
  return terms.flatMap((pair) => {
    const earlier = first.get(pair.original.key);
    if (!earlier) {
      first.set(pair.original.key, pair);
      return [];
    }
    if (earlier.translation.key === pair.translation.key) return [];
    const line = context.translation.lines.positionAt(earlier.translation.span.start).line + 1;
    return [check(context, 'translation-term', 'warning',
      context.messages.translatedTwice(pair.translation.term, pair.original.term, line, earlier.translation.term),
      pair.translation.span, [{ span: pair.original.span, message: context.messages.inOriginal(pair.original.term) }])];
  });
}

/** A clause whose original uses a defined term while the translation never uses that term's translation. */
function termsNotUsed(context: Context, pair: ClausePair, terms: readonly TermPair[]): TranslationCheck[] {
  if (pair.original.length === 0 || pair.translation.length === 0 || pair.confidence < MIN_CONFIDENCE_TO_COMPARE) return [];
  const rendered = new Map<string, TermPair>();
  for (const term of terms) if (!rendered.has(term.original.key)) rendered.set(term.original.key, term);
  return [...rendered.values()].flatMap((term) => {
    const used = pair.original.flatMap((unit) => usesIn(context.original, unit.span, term.original.key));
    const { text } = context.translation;
    // A use that qualifies a noun renders the term where the original's use qualifies one too (App开发运营者, App developers).
    const qualifies = used.some((use) => qualifiesInChinese(context.original.text, use));
    const usesTerm = (use: Span) => qualifies || !isModifier(text, use, term.translation.key);
    if (used.length === 0 || pair.translation.some((unit) => usesIn(context.translation, unit.span, term.translation.key).some(usesTerm))) return [];
    if (pair.translation.some((unit) => writesAnyOf(text, unit.span, formsOf(term.translation.key), usesTerm))) return [];
    return [check(context, 'translation-term', 'information',
      context.messages.termNotUsed(term.original.term, term.translation.term),
      labelSpan(context.translation, pair.translation[0]!), [{ span: used[0]!, message: context.messages.inOriginal(term.original.term) }])];
  });
}

/**
 * The forms a translator may write a term of several words in, besides its uses: "X and Y" as "X or Y" and back, each
 * in the singular and the plural ("a banking or insurance institution" for "banking and insurance institutions").
 */
function formsOf(key: string): string[] {
  if (!key.includes(' ')) return [];
  const joined = [key, key.replace(/ and /g, ' or '), key.replace(/ or /g, ' and ')];
  return [...new Set(joined.flatMap((form) => [form, singularOf(form) ?? pluralOf(form)]))];
}

/**
 * Whether a span of text has one of `forms` (lower case, words apart by single spaces) as whole words, at a place
 * `counts` accepts (its span in the text when white space is single spaces, as folded; else near it).
 */
function writesAnyOf(text: string, span: Span, forms: readonly string[], counts: (use: Span) => boolean): boolean {
  if (forms.length === 0) return false;
  const original = text.slice(span.start, span.end);
  const folded = original.toLowerCase().replace(/[\s-]+/g, ' ');
  const exact = folded.length === original.length;
  return forms.some((form) => {
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
      if (/[a-z0-9]/.test(folded[at - 1] ?? '') || /[a-z0-9]/.test(folded[at + form.length] ?? '')) continue;
      if (!exact || counts({ start: span.start + at, end: span.start + at + form.length })) return true;
    }
    return false;
  });
}

/**
 * What follows a Chinese term that is a clause's subject or object, not a qualifier of the noun after it: function
 * words, modals, and the verbs regulations give their subjects (代理机构不得, 公司委托, 银行开展).
 */
const AFTER_CHINESE_TERM = new RegExp('^(?:[应可须的和与及或是在对向将等为由按依所从中之以未均已也都还并但则要经被于]|不得|必须|' +
  '委托|开展|建立|发现|收集|提供|使用|违反|获得|取得|通过|采用|采取|办理|报送|报告|披露|制定|执行|承担|负责|进行|设立|申请|持有|发放|参与|完成|接受|遵守|落实|加强|根据|聘请|招聘|保存|公示|配备|指定|核实|审核|开立|收取|留存)');

/** Whether a use of a Chinese term qualifies the noun after it (互联网贷款业务, App开发运营者): a Han character follows, no function word. */
function qualifiesInChinese(text: string, use: Span): boolean {
  return isHan(text.charCodeAt(use.end)) && !AFTER_CHINESE_TERM.test(text.slice(use.end, use.end + 2));
}

/** Words that open a noun phrase: a singular noun after one (within a few words) is the term itself. */
const DETERMINERS = new Set(['a', 'an', 'the', 'each', 'every', 'any', 'such', 'no', 'this', 'that', 'its', 'their', 'another', 'one', 'same', 'which', 'whose', 'his', 'her', 'our', 'either', 'neither']);
/** Words after a noun phrase that end it: what follows the term itself, not a noun the term qualifies. */
const AFTER_NOUN_PHRASE = new Set(['shall', 'may', 'must', 'should', 'will', 'can', 'cannot', 'is', 'are', 'was', 'has', 'have', 'does', 'that', 'which', 'who', 'whose',
  'of', 'in', 'to', 'for', 'with', 'by', 'and', 'or', 'nor', 'as', 'at', 'on', 'from', 'under', 'within', 'where', 'if', 'when', 'than', 'concerned', 'itself']);
/** How many words before a use are searched for a determiner (a qualified procurement agency). */
const WORDS_BEFORE = 3;

/**
 * Whether a use of a plural term in the singular qualifies a noun after it ("government procurement agency business"
 * for the defined "procurement agencies"): no determiner opens it, and a noun, not a verb or a preposition, follows.
 * Such a use names something else, so it does not show that the clause renders the term.
 */
function isModifier(text: string, use: Span, key: string): boolean {
  const written = text.slice(use.start, use.end).toLowerCase().replace(/\s+/g, ' ');
  if (written === key || singularOf(key) !== written) return false;
  const next = /^ ([a-z]+)/.exec(text.slice(use.end, use.end + 20))?.[1];
  if (next === undefined || AFTER_NOUN_PHRASE.has(next)) return false;
  return !opensWithDeterminer(text.slice(Math.max(0, use.start - 60), use.start).toLowerCase().split(/[^a-z']+/).filter(Boolean).slice(-WORDS_BEFORE));
}

/** Whether the words before a noun, nearest last, have a determiner of its phrase (a preposition or a verb ends the phrase). */
function opensWithDeterminer(before: readonly string[]): boolean {
  for (let k = before.length - 1; k >= 0; k--) {
    if (DETERMINERS.has(before[k]!)) return true;
    if (AFTER_NOUN_PHRASE.has(before[k]!)) return false;
  }
  return false;
}

function usesIn(document: AnalysedDocument, span: Span, key: string): Span[] {
  const { termUses } = document;
  const found: Span[] = [];
  for (let i = lastAtOrBefore(termUses, span.start - 1, (use) => use.start) + 1; i < termUses.length && termUses[i]!.start < span.end; i++) {
    if (termUses[i]!.key === key) found.push(termUses[i]!);
  }
  return found;
}
