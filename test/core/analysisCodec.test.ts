/**
 * An analysis made by a worker and carried back in pieces (core/analysisCodec.ts) answers every feature exactly as
 * the analysis made in place: same hovers, definitions, references, symbols, tokens, links and diagnostics, at
 * every annotation of the samples and of texts full of cross-references.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createLanguageService, decodeAnalysis, encodeAnalysis, NEVER_CANCELLED, type AnalysedDocument, type LanguageService, type Scheduler, type TextDocument,
} from '../../server/src/core';
import { analyse, knowledge, lines } from './fixture';

const samples = resolve(__dirname, '../../../samples');
const immediate: Scheduler = { yield: () => new Promise((resolveYield) => setImmediate(resolveYield)), now: () => performance.now() };

const texts: [string, string][] = [
  ...readdirSync(samples).filter((name) => /\.(txt|md|notice)$/.test(name)).sort().map((name): [string, string] => [name, readFileSync(join(samples, name), 'utf8')]),
  ['references and defined terms, CRLF', lines(
    '关于规范支付业务的通知', '银发〔2026〕7号', '一、总则', '（一）非银行支付机构（以下简称“支付机构”）应当遵守本通知第二条。',
    '（二）前款所称支付机构，是指依法取得许可的机构。', '二、支付机构不得从事虚拟货币交易，参见《关于防范代币发行融资风险的公告》第（一）项。',
  ).replaceAll('\n', '\r\n')],
  ['an empty text', ''],
  ['a binary text', 'PBOC\u0000stablecoin'],
];

function documentOf(text: string): TextDocument {
  return { uri: 'file:///codec/notice.txt', version: 1, getText: () => text };
}

/** Every answer the service gives for the document: at each annotation's start and end, and for the whole file. */
function answers(service: LanguageService, document: TextDocument, analysis: AnalysedDocument): unknown {
  const offsets = analysis.annotations.flatMap((annotation) => [annotation.start, annotation.end - 1]);
  const whole = { start: { line: 0, character: 0 }, end: analysis.lines.positionAt(analysis.text.length) };
  return {
    at: offsets.map((offset) => {
      const position = analysis.lines.positionAt(offset);
      return [
        service.hover(document, position), service.definition(document, position),
        service.references(document, position, { includeDeclaration: true }), service.prepareCallHierarchy(document, position),
      ];
    }),
    symbols: service.documentSymbols(document), folding: service.foldingRanges(document), tokens: service.semanticTokens(document),
    links: service.documentLinks(document), lenses: service.codeLenses(document), hints: service.inlayHints(document, whole),
    diagnostics: service.diagnostics(document),
  };
}

for (const [what, text] of texts) {
  test(`an analysis carried back from a worker answers as the one made here: ${what}`, async () => {
    const document = documentOf(text);
    const here = createLanguageService({ knowledge });
    const expected = answers(here, document, here.analysis(document));

    const decoded = await decodeAnalysis(text, structuredClone(encodeAnalysis(analyse(text))), immediate, NEVER_CANCELLED);
    assert.ok(decoded);
    const carried = createLanguageService({ knowledge });
    carried.adoptAnalysis(document, decoded);
    assert.ok(carried.hasAnalysis(document));
    assert.deepEqual(answers(carried, document, carried.analysis(document)), expected);
  });
}

test('decoding stops, with nothing, once its token is cancelled (a newer version arrived)', async () => {
  const text = readFileSync(join(samples, 'notice-zh.notice'), 'utf8');
  const encoded = encodeAnalysis(analyse(text));
  assert.equal(await decodeAnalysis(text, encoded, immediate, { isCancellationRequested: true }), undefined);
});
