/**
 * The data an analysis produces. Plain, immutable data: offsets are UTF-16 code units into the analysed text.
 */
import type { LineIndex } from './text/lineIndex';
import type { Severity } from './knowledge/types';
import type { ProblemList } from './problemList';
import type { ClauseTable } from './scan/clauseTable';

export interface Span {
  start: number;
  end: number;
}

/**
 * How a clause label is written. Styles of one "shape" (parenthesised, dotted) may stand in for each other in a
 * sequence (the seed's English goes (IV) then (5)); a switch is reported.
 */
export type LabelStyle =
  | 'zh-part' // 第一编
  | 'zh-chapter' // 第一章
  | 'zh-section' // 第一节
  | 'zh-article' // 第一条
  | 'zh-dot' // 一、
  | 'zh-paren' // （一）
  | 'en-part' // Part I / Part 1
  | 'en-chapter' // Chapter 1
  | 'en-section' // Section 1
  | 'en-article' // Article 5
  | 'section-sign' // § 1825.
  | 'roman-dot' // I.
  | 'arabic-dot' // 1.  1．  1、
  | 'paren-roman' // (IX)
  | 'paren-arabic' // (5)  （1）
  | 'paren-lower-alpha' // (a)
  | 'paren-upper-alpha' // (A)
  | 'paren-lower-roman' // (iv)
  | 'decimal' // 2.3  2.3.1 (memos and guidelines; the value is the last number, the label says the rest)
  | 'annex' // 附件1 附件一 附表2 附录 Annex 1 Appendix A Schedule 2: an attachment's heading (value 0 when unnumbered)
  | 'heading'; // ## Recitals: a Markdown heading without a number (the label is its text, the value 0)

export type ClauseKind = 'part' | 'chapter' | 'section' | 'article' | 'clause' | 'item';

export interface Clause {
  /** Index in AnalysedDocument.clauses. */
  id: number;
  /** The label as written, without surrounding spaces: "(IX)", "第十三条", "一、". */
  label: string;
  style: LabelStyle;
  kind: ClauseKind;
  /** Numeric value of the label (IX → 9, 十三 → 13). */
  value: number;
  /** 第十三条之一 → 1: an article inserted after the one with the same value. */
  insertion?: number;
  /** Label range. */
  labelSpan: Span;
  /** The clause's title (a short first sentence), or its opening words; may be empty. */
  title: string;
  /** The clause's first sentence, for hovers. */
  firstSentence: string;
  /** From the start of the label's line to the end of its last line (children included). */
  span: Span;
  parent: number | undefined;
  children: number[];
  depth: number;
}

export interface AgencyMention extends Span {
  kind: 'agency';
  text: string;
  agencyId: string;
}

export type Language = 'zh' | 'en';

/** A document number taken apart: the issuer code (canonical where known), the year if any, the serial. */
export interface NoticeNumber {
  /** One key per notice, shared by its English and Chinese forms: "银发〔2021〕237号". */
  key: string;
  /** The issuer code, canonical where known: "银发". */
  issuer: string;
  year: number | undefined;
  serial: number;
}

export interface NoticeNumberMention extends Span, NoticeNumber {
  kind: 'noticeNumber';
  text: string;
  /** Whether the issuer code is one regtext knows. */
  issuerKnown: boolean;
  language: Language;
  /** The document's own number, in its header: the declaration of the notice, not a citation of it. */
  own?: true;
}

/**
 * What a citation names. A number names its notice outright; a title, or a serial alone ("237号文"), names whichever
 * notice has that title or serial, which only the workspace and the built-in data can tell (at query time).
 */
export type CitationTarget =
  | { kind: 'number'; number: NoticeNumber }
  | { kind: 'title'; /** The normalised title (see scan/titles.ts). */ title: string; /** As written, without its marks. */ text: string }
  /** 237号文 (a notice, not an order), 5号令 and 2026年第8号令 (an order, of that year). */
  | { kind: 'serial'; serial: number; text: string; order?: boolean; year?: number };

/** How a citation names its notice. */
export type CitationVia = 'number' | 'title' | 'shortName' | 'customary' | 'anaphora';

/**
 * A citation of another document other than by its number, which is a NoticeNumberMention: a quoted title, a short
 * name the document defines for a notice, a customary short name (237号文), "the same notice" / 该通知.
 */
export interface CitationMention extends Span {
  kind: 'citation';
  text: string;
  via: Exclude<CitationVia, 'number'>;
  target: CitationTarget;
  /** A title followed by its number (《…》（银发〔2021〕237号）): one citation with the number, not two. */
  withNumber?: true;
}

/** One act of citing, in document order: what the workspace's citation graph is made of. */
export interface Citation extends Span {
  via: CitationVia;
  target: CitationTarget;
  /** It stands in a sentence that repeals it, or that says it has been repealed. */
  inRepealSentence: boolean;
}

/** The notice a document is: the number its header carries, its title, its dates. */
export interface NoticeIdentity {
  /** The document's own number, when it has one; a law may be known by its title alone. */
  number?: NoticeNumber;
  /** Where the header prints the number. */
  numberSpan?: Span;
  /** The title as printed, and its normalised form. */
  title?: { text: string; normalized: string; span: Span };
  /** Other titles it answers to (the measures a notice issues: 关于印发《X》的通知 is also 《X》). */
  alsoTitled: string[];
  language: Language;
  /** A draft (征求意见稿, 草案, exposure draft): it is the notice it will be, but repeals nothing yet. */
  draft?: true;
}

/** A repeal the document declares: "… (Yinfa [2021] No. 237) is hereby repealed", 《…》同时废止. */
export interface Repeal {
  target: CitationTarget;
  /** The citation of the repealed notice. */
  span: Span;
  /** ISO date the repeal takes effect, where the text says. */
  effective?: string;
}

/** Dates a document states about itself: the date it bears, and when it takes effect. */
export interface DocumentDates {
  issued?: string;
  effective?: string;
}

/** One step of a reference chain: "Article 5", "paragraph 2", "第（二）项". */
export interface ReferenceStep {
  kind: ClauseKind | 'paragraph';
  /** Style family the label would be written in, where the reference says ("Clause (IX)" → paren-roman). */
  styles: LabelStyle[];
  value: number;
  /** 第十三条之一 → 1. */
  insertion?: number;
  /** A decimal number's numbers, outermost first: "2.3.1" → [2, 3, 1] (`value` is the last). */
  path?: number[];
  /**
   * Relative to where the reference stands: 'previous' for 前款 / 前条 / 前两项 / "the preceding paragraph", 'next'
   * for 下一条 / "the next Article" (`value` says how many: 前两款 → 2, the two before), 'self' for 本条 / "this
   * Article", 'following' for 下列 (the items that follow it in its clause).
   */
  relative?: 'previous' | 'next' | 'self' | 'following';
  /**
   * The part of this document whose numbering the step is in, by the word that names it: 判决 (本判决第二项: the items
   * after 判决如下：), recital ("Recital (C)": the items under a heading "Recitals"). Where no part is so named, the
   * whole document.
   */
  scope?: string;
  /** A range of decimal numbers across their parents ("steps 1.1 to 2.2"): the clauses numbered between `path` and this. */
  through?: number[];
}

export interface ClauseReference extends Span {
  kind: 'clauseRef';
  text: string;
  /** Outermost first: "paragraph 2 of Article 5" → [Article 5, paragraph 2]. */
  steps: ReferenceStep[];
  /** Says explicitly that it points into this document ("of this Notice", "本办法"). */
  explicitlyInternal: boolean;
  /** The clause it resolves to, if any. */
  target: number | undefined;
  /** The paragraph (款) of the target it names, if it does and it exists. */
  targetSpan: Span | undefined;
  /**
   * A reference into another document ("Clause (5) of Yinfa [2026] No. 42", 《证券法》第十条): `target` is then
   * undefined, and `cites` is what names that document, when regtext can tell (the Securities Law unquoted: not).
   */
  external?: { cites: CitationTarget | undefined };
}

export interface DefinedTerm {
  /** The term as defined. */
  term: string;
  /** Lower-cased key the uses are grouped by. */
  key: string;
  /** Where the term stands in its definition. */
  span: Span;
  /** The defining words: the phrase it abbreviates or the text after "refers to" / 是指. */
  definition: string;
  /** A short name for a notice (（以下简称“42号文”）): what the abbreviated phrase cites. */
  cites?: CitationTarget;
  /** A short name for this very document ("these Measures (the "Measures")", its own title): "Article 5 of the Measures" is internal. */
  namesThisDocument?: true;
}

export interface TermUse extends Span {
  kind: 'termUse';
  text: string;
  key: string;
}

/** 'redefined': a banned acronym the document spells out as something else (Regional Water Authority (RWA)). */
export type BannedTermContext = 'use' | 'citation' | 'mention' | 'redefined';

/** Where a banned term stands (see scan/termPlacement.ts): each list sets how loudly it is reported there. */
export type TermPlacement = 'entityName' | 'businessScope' | 'regulatoryText' | 'drafting';

export interface BannedTermHit extends Span {
  kind: 'bannedTerm';
  text: string;
  listId: string;
  termId: string;
  /**
   * A citation stands inside an official title; a mention speaks of the term as a word; a redefined acronym stands
   * for something else in this document. Only a use is reported.
   */
  context: BannedTermContext;
  /** For a redefined acronym: the words the document spells it out as, and where. */
  standsFor?: Span & { text: string };
  /** For a use: where it stands. */
  placement?: TermPlacement;
}

export interface DefinitionSite extends Span {
  kind: 'termDefinition';
  text: string;
  key: string;
}

export interface ClauseLabelSite extends Span {
  kind: 'clauseLabel';
  text: string;
  clause: number;
}

/** Anything at a position a feature may be asked about. */
export type Annotation =
  | AgencyMention
  | NoticeNumberMention
  | ClauseReference
  | TermUse
  | DefinitionSite
  | BannedTermHit
  | ClauseLabelSite
  | CitationMention;

export type ProblemCode =
  | 'banned-term'
  | 'numbering-gap'
  | 'numbering-duplicate'
  | 'numbering-order'
  | 'numbering-style'
  | 'unresolved-reference'
  | 'not-analysed'
  | 'repealed-notice'
  | 'missing-clause'
  | 'duplicate-notice'
  | 'unused-suppression'
  | 'translation-missing-clause'
  | 'translation-extra-clause'
  | 'translation-moved-clause'
  | 'translation-numbering'
  | 'translation-mismatch'
  | 'translation-term';

/**
 * A finding as the analysis keeps it: its code and what its message needs, never the message itself. Messages are
 * written at query time, in the user's language (`messages/`), so a text with a million findings costs no strings
 * until someone asks for them.
 */
export interface Problem extends Span {
  code: ProblemCode;
  severity: Severity;
  /** What the message says; problems of one kind in a run (a million duplicate labels) may share one. */
  detail: ProblemDetail;
  /** For a numbering problem whose message names the label before (a `sequence` detail): that label's line, 1-based. */
  previousLine?: number;
}

/** Why a file was not read as text: the workspace says, the message is written in the user's language. */
export type DeclineReason =
  | { why: 'notUtf8' }
  | { why: 'tooLarge'; size: number; limit: number; setting: string }
  | { why: 'gone' };

/** What a problem's message says, by kind; labels to expect are kept as style, prefix and value, written on demand. */
export type ProblemDetail =
  | { kind: 'binary' }
  | { kind: 'internalError'; error: string }
  | { kind: 'outlineOnly'; maxBytes: number }
  | { kind: 'declined'; reason: DeclineReason }
  | { kind: 'bannedTerm'; term: string; termId: string }
  | { kind: 'unresolvedReference'; text: string }
  /**
   * numbering-style, -duplicate, -gap, -order after the label `previous` (on the problem's `previousLine`): `found`
   * (value `value`) where `expected` was due.
   */
  | { kind: 'sequence'; found: string; value: number; style: LabelStyle; previous: string; previousStyle: LabelStyle; expected: number; prefix: string }
  /** A first child under `parent` that does not start at 1 (nor at `alternative`, the next of its style). */
  | { kind: 'firstChild'; found: string; parent: string; style: LabelStyle; prefix: string; alternative?: number };

/** A `regtext-disable…` comment: the rules it silences (undefined: all) on lines fromLine…toLine (0-based). */
export interface Suppression extends Span {
  rules: ProblemCode[] | undefined;
  fromLine: number;
  toLine: number;
}

export interface AnalysedDocument {
  readonly text: string;
  readonly lines: LineIndex;
  /** Whether the text was analysed at all (a binary or oversized text is declined with a problem). */
  readonly analysed: boolean;
  readonly clauses: readonly Clause[];
  readonly rootClauses: readonly number[];
  /** The clauses in columns, whose objects `clauses` are (made when first read). */
  readonly clauseTable: ClauseTable;
  readonly agencies: readonly AgencyMention[];
  readonly noticeNumbers: readonly NoticeNumberMention[];
  /** Every act of citing another document, in document order (the document's own number is not one). */
  readonly citations: readonly Citation[];
  /** The citations made otherwise than by number (titles, short names, 号文, "the same notice"), as annotations. */
  readonly citationMentions: readonly CitationMention[];
  /** The notice this document is, when its header says so. */
  readonly identity: NoticeIdentity | undefined;
  readonly repeals: readonly Repeal[];
  readonly dates: DocumentDates;
  /** The language most of the text is written in. */
  readonly language: Language;
  readonly references: readonly ClauseReference[];
  readonly definitions: readonly DefinedTerm[];
  readonly termUses: readonly TermUse[];
  /** Where the defined terms are defined (their definitions are `definitions`). */
  readonly definitionSites: readonly DefinitionSite[];
  readonly bannedTerms: readonly BannedTermHit[];
  readonly problems: readonly Problem[];
  /** The same problems held compactly, where this thread analysed the text: read them from here to make no array. */
  readonly problemList?: ProblemList;
  /** The regtext-disable comments of the document. */
  readonly suppressions: readonly Suppression[];
  /** All annotations, sorted by start offset. */
  readonly annotations: readonly Annotation[];
}
