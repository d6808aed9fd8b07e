/**
 * An alignment for translators' tools: TMX 1.4b (a translation memory for Trados, memoQ, OmegaT), TSV for
 * spreadsheets, JSON with LSP-style ranges in both files for scripts.
 */
import type { Range } from '../api';
import type { AnalysedDocument, Span } from '../model';
import type { AlignmentUnit, ClausePair, DocumentAlignment, SentencePair, Side } from './types';

export interface ExportOptions {
  /** Also one entry per clause pair, besides one per sentence pair. */
  clauses?: boolean;
  /** The version written into the TMX header. */
  toolVersion?: string;
  /** How the JSON names the two files (paths or URIs). */
  names?: { original: string; translation: string };
}

const LANGUAGE_TAGS: Record<AnalysedDocument['language'], string> = { zh: 'zh-CN', en: 'en' };

/** One exported entry: a sentence pair, or a clause pair's whole text. */
interface Entry {
  level: 'sentence' | 'clause';
  pair: ClausePair;
  original: Span[];
  translation: Span[];
  confidence: number;
  basis: string;
}

/**
 * What the exports give in a pair's place: itself, or for a clause the translation moved, the pair of it and its
 * counterpart where the original has it, and nothing where the translation has it.
 */
function exported(pair: ClausePair): ClausePair | undefined {
  if (!pair.moved) return pair;
  return pair.original.length > 0 ? pair.moved : undefined;
}

/** Entries with text on both sides, in document order (a clause's entry before its sentences'). */
function entries(alignment: DocumentAlignment, options: ExportOptions): Entry[] {
  return alignment.pairs.flatMap((found) => {
    const pair = exported(found);
    if (!pair || pair.original.length === 0 || pair.translation.length === 0) return [];
    const clause: Entry[] = options.clauses ? [{ level: 'clause', pair, ...clauseSpans(pair), confidence: pair.confidence, basis: pair.basis }] : [];
    const sentences = pair.sentences.filter((sentence) => sentence.original.length > 0 && sentence.translation.length > 0)
      .map((sentence: SentencePair): Entry => ({ level: 'sentence', pair, original: sentence.original, translation: sentence.translation, confidence: sentence.confidence, basis: sentence.basis }));
    return [...clause, ...sentences];
  });
}

function clauseSpans(pair: ClausePair): { original: Span[]; translation: Span[] } {
  return { original: pair.original.map((unit) => unit.span), translation: pair.translation.map((unit) => unit.span) };
}

/** Characters XML 1.0 does not allow, anywhere (control characters: no text has them). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A segment's text on one line: white space runs as one space, none between Chinese characters; no control characters. */
function segmentText(document: AnalysedDocument, spans: readonly Span[]): string {
  return spans.map((span) => document.text.slice(span.start, span.end)).join(' ')
    .replace(NOT_XML, '')
    .replace(/\s+/g, ' ')
    .replace(/([\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '$1')
    .trim();
}

function labels(units: readonly AlignmentUnit[]): string {
  return units.map((unit) => unit.label).join(' + ');
}

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function toTmx(alignment: DocumentAlignment, options: ExportOptions = {}): string {
  const source = LANGUAGE_TAGS[alignment.original.language];
  const target = LANGUAGE_TAGS[alignment.translation.language];
  const units = entries(alignment, options).map((entry) => [
    '    <tu>',
    `      <prop type="x-regtext-level">${entry.level}</prop>`,
    `      <prop type="x-regtext-original-clause">${escapeXml(labels(entry.pair.original))}</prop>`,
    `      <prop type="x-regtext-translation-clause">${escapeXml(labels(entry.pair.translation))}</prop>`,
    `      <prop type="x-regtext-confidence">${entry.confidence}</prop>`,
    `      <tuv xml:lang="${source}"><seg>${escapeXml(segmentText(alignment.original, entry.original))}</seg></tuv>`,
    `      <tuv xml:lang="${target}"><seg>${escapeXml(segmentText(alignment.translation, entry.translation))}</seg></tuv>`,
    '    </tu>',
  ].join('\n'));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="regtext" creationtoolversion="${escapeXml(options.toolVersion ?? '0')}" datatype="plaintext" segtype="sentence" adminlang="en" srclang="${source}" o-tmf="regtext"/>`,
    '  <body>',
    ...units,
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
}

/** A TSV field: backslash, tab and line breaks escaped as \\ \t \n \r. */
function tsvField(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function toTsv(alignment: DocumentAlignment, options: ExportOptions = {}): string {
  const header = ['level', 'original_clause', 'translation_clause', 'confidence', 'basis', 'original', 'translation'];
  const rows = entries(alignment, options).map((entry) => [
    entry.level, labels(entry.pair.original), labels(entry.pair.translation), String(entry.confidence), entry.basis,
    segmentText(alignment.original, entry.original), segmentText(alignment.translation, entry.translation),
  ]);
  return [header, ...rows].map((row) => row.map(tsvField).join('\t')).join('\n') + '\n';
}

function rangeOf(document: AnalysedDocument, spans: readonly Span[]): Range | null {
  if (spans.length === 0) return null;
  return { start: document.lines.positionAt(spans[0]!.start), end: document.lines.positionAt(spans[spans.length - 1]!.end) };
}

export function toJson(alignment: DocumentAlignment, options: ExportOptions = {}): string {
  const side = (pairSide: Side, units: readonly AlignmentUnit[]) => ({ clauses: units.map((unit) => unit.label), range: rangeOf(alignment[pairSide], units.map((unit) => unit.span)) });
  const text = (pairSide: Side, spans: readonly Span[]) => ({ range: rangeOf(alignment[pairSide], spans), text: segmentText(alignment[pairSide], spans) });
  const pairJson = (pair: ClausePair) => ({
    original: side('original', pair.original),
    translation: side('translation', pair.translation),
    confidence: pair.confidence,
    basis: pair.basis,
    sentences: pair.sentences.map((sentence) => ({
      original: text('original', sentence.original), translation: text('translation', sentence.translation),
      confidence: sentence.confidence, basis: sentence.basis,
    })),
  });
  return JSON.stringify({
    original: { file: options.names?.original ?? null, language: LANGUAGE_TAGS[alignment.original.language] },
    translation: { file: options.names?.translation ?? null, language: LANGUAGE_TAGS[alignment.translation.language] },
    lengthRatio: Math.round(alignment.lengthRatio * 1000) / 1000,
    // A clause the translation moved is one pair, where the original has it, marked `moved`.
    pairs: alignment.pairs.flatMap((pair) => {
      const own = exported(pair);
      return own ? [{ ...pairJson(own), ...(pair.moved ? { moved: true } : {}) }] : [];
    }),
    terms: alignment.terms.map((term) => ({ original: term.original.term, translation: term.translation.term })),
    checks: alignment.checks.map((found) => ({ code: found.code, severity: found.severity, message: found.message, range: found.range, related: found.related.map((item) => ({ range: item.range, message: item.message })) })),
  }, null, 2) + '\n';
}
