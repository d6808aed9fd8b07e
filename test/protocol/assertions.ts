/** Assertions shared by the protocol tests. */
import assert from 'node:assert/strict';
import type { Diagnostic, Hover, Range } from 'vscode-languageserver-protocol/node';
import type { HoverCase } from './fixtures/hover';
import { formatRange, formatRanges, hoverHeading, hoverText, messageOf, type Fixture, type LspClient } from './lspClient';

/** Opens the fixture's text, hovers at its cursor and checks the case's expectations. Returns the hover. */
export async function checkHover(client: LspClient, fixture: Fixture, expected: HoverCase): Promise<Hover | null> {
  const { uri } = await client.open(fixture.text);
  const hover = await client.hover(uri, fixture.cursor);
  if (expected.none) {
    assert.equal(hover, null, `expected no hover, got: ${hoverText(hover)}`);
    return hover;
  }
  assert.ok(hover, 'expected a hover, got null');
  const markdown = hoverText(hover);
  const heading = hoverHeading(hover);
  assert.equal(typeof hover.contents === 'object' && 'kind' in hover.contents ? hover.contents.kind : undefined, 'markdown');
  for (const text of expected.heading ?? []) assert.ok(heading.includes(text), `heading should contain ${JSON.stringify(text)}:\n${markdown}`);
  for (const text of expected.headingExcludes ?? []) assert.ok(!heading.includes(text), `heading should not contain ${JSON.stringify(text)}:\n${markdown}`);
  for (const text of expected.contains ?? []) assert.ok(markdown.includes(text), `hover should contain ${JSON.stringify(text)}:\n${markdown}`);
  if (expected.notice) assert.ok(heading.startsWith(`**${expected.notice}**`), `heading should start with **${expected.notice}**:\n${markdown}`);
  if (fixture.ranges[0]) {
    assert.ok(hover.range, 'hover should have a range');
    assert.equal(formatRange(hover.range), formatRange(fixture.ranges[0]), `hover range (text under it: ${JSON.stringify(sliceRange(fixture.text, hover.range))})`);
  }
  return hover;
}

function sliceRange(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  return `${(lines[range.start.line] ?? '').slice(range.start.character)}⏎${(lines[range.end.line] ?? '').slice(0, range.end.character)}`;
}

/** The banned-term diagnostics' ranges equal the fixture's ⟦…⟧ ranges. */
export function checkBannedTerms(diagnostics: Diagnostic[], fixture: Fixture): void {
  const banned = diagnostics.filter((diagnostic) => diagnostic.code === 'banned-term');
  assert.deepEqual(formatRanges(banned.map((diagnostic) => diagnostic.range)), formatRanges(fixture.ranges),
    `banned-term diagnostics: ${JSON.stringify(banned.map(messageOf))}`);
  for (const diagnostic of banned) {
    assert.equal(diagnostic.source, 'regtext');
    assert.match(messageOf(diagnostic), /banned term/i);
  }
}
