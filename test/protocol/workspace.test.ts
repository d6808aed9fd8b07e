/**
 * The workspace over stdio: a real folder on disk (fixtures/workspace.ts), indexed by the server after `initialized`
 * with files the client never opens. Cross-file navigation and views in both languages and both directions between
 * a translation and its original, diagnostics published for closed files, the index following files created,
 * edited, renamed and deleted while the server runs, clients without watched files or progress, and the first
 * scan's progress.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FileChangeType, SymbolKind, type Diagnostic, type Location, type LocationLink, type Position, type PublishDiagnosticsParams, type Range,
} from 'vscode-languageserver-protocol/node';
import { DiskFolder } from './diskFolder';
import {
  branchMemos, CHECKLIST_ZH, closedDiagnosticCases, codeLensCases, CITATIONS_OF_64, definitionCases, documentLinkCases, DRAFT_ZH, DUPLICATES_EN, FOLDER,
  inlayHintCases, NOTICE_70_EN, PLAN_EN, referencesCases, renumbered, SECOND_FOLDER, symbolQueries, withoutClause5, type ExpectedDiagnostic, type Place,
} from './fixtures/workspace';
import { formatRange, hoverText, LspClient, messageOf, parseFixture, textAt, type StartOptions } from './lspClient';

// ---------------------------------------------------------------------------------------------------------------
// Places: a path and a snippet of its text with $0 or ⟦…⟧, against what the server answers.

interface Located {
  cursor: Position | undefined;
  range: Range | undefined;
}

/** Finds a snippet (markers stripped) in a text, once; its $0 and first ⟦…⟧ as positions in the text. */
function locate(text: string, snippet: string): Located {
  const fixture = parseFixture(snippet);
  const at = text.indexOf(fixture.text);
  assert.ok(at >= 0, `snippet ${JSON.stringify(fixture.text)} not found`);
  assert.equal(text.indexOf(fixture.text, at + 1), -1, `snippet ${JSON.stringify(fixture.text)} occurs more than once`);
  const absolute = (position: Position) => positionAt(text, at + offsetIn(fixture.text, position));
  const range = fixture.ranges[0];
  return {
    cursor: fixture.hasCursor ? absolute(fixture.cursor) : undefined,
    range: range ? { start: absolute(range.start), end: absolute(range.end) } : undefined,
  };
}

function offsetIn(text: string, position: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** `path 3:4-3:9 "text"`: how places are compared, so a failure shows what the server pointed at. */
function shown(folder: DiskFolder, location: Location): string {
  const path = relative(folder.path, fileURLToPath(location.uri)).split('\\').join('/');
  let text = '(no such file)';
  try {
    text = JSON.stringify(textAt(folder.text(path), location.range));
  } catch { /* shown as such */ }
  return `${path} ${formatRange(location.range)} ${text}`;
}

function expectedPlace(folder: DiskFolder, [path, snippet]: Place): string {
  const { range } = locate(folder.text(path), snippet);
  assert.ok(range, `no ⟦…⟧ in ${snippet}`);
  return shown(folder, { uri: folder.uri(path), range });
}

function cursorOf(folder: DiskFolder, [path, snippet]: Place): Position {
  const { cursor } = locate(folder.text(path), snippet);
  assert.ok(cursor, `no $0 in ${snippet}`);
  return cursor;
}

/** What a definition answer points at (targetSelectionRange of each link). */
function pathOf(folder: DiskFolder, uri: string): string {
  return relative(folder.path, fileURLToPath(uri)).split('\\').join('/');
}

const ZH_NUMBER_PLACE: Place = ['notices/notice-zh.notice', '⟦银发〔2028〕64号⟧'];
const NOTICE_64_EN = 'Yinfa [2028] No. 64 Notice of the People\'s Bank of China and the National Financial Regulatory Administration on Regulating the Reporting of Cross-border Payment Data';

function definitionTargets(folder: DiskFolder, result: Location | Location[] | LocationLink[] | null): string[] {
  const links = result === null ? [] : Array.isArray(result) ? result : [result];
  return links.map((link) => ('targetUri' in link
    ? shown(folder, { uri: link.targetUri, range: link.targetSelectionRange })
    : shown(folder, link)));
}

/** Starts a server on the folder and waits for its first scan to end (the client shows progress). */
async function startOn(folder: DiskFolder, options: StartOptions = {}): Promise<LspClient> {
  const client = await LspClient.start({ workspaceFolder: folder.path, workDoneProgress: true, watchedFiles: true, configuration: {}, ...options });
  if (client.initializeResult && (options.workDoneProgress ?? true) && !options.declineProgress) await client.waitForProgressEnd();
  return client;
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics, compared as text: code, place, message, related places.

const CROSS_FILE_CODES = new Set(['repealed-notice', 'missing-clause', 'duplicate-notice']);

function shownDiagnostic(folder: DiskFolder, uri: string, diagnostic: Diagnostic): string {
  const related = (diagnostic.relatedInformation ?? []).map((information) => shown(folder, information.location));
  return `${diagnostic.code} ${shown(folder, { uri, range: diagnostic.range })}: ${messageOf(diagnostic)}${related.length > 0 ? ` | related: ${related.join('; ')}` : ''}`;
}

function expectedDiagnostic(folder: DiskFolder, path: string, expected: ExpectedDiagnostic): string {
  const related = (expected.related ?? []).map((place) => expectedPlace(folder, place));
  return `${expected.code} ${expectedPlace(folder, [path, expected.at])}: ${expected.message}${related.length > 0 ? ` | related: ${related.join('; ')}` : ''}`;
}

/** The cross-file diagnostics last published for a file (none published: none). */
function crossFileDiagnostics(client: LspClient, folder: DiskFolder, path: string, published?: PublishDiagnosticsParams): string[] {
  const uri = folder.uri(path);
  const diagnostics = (published ?? client.latestDiagnostics(uri))?.diagnostics ?? [];
  return diagnostics.filter((diagnostic) => CROSS_FILE_CODES.has(String(diagnostic.code))).map((diagnostic) => shownDiagnostic(folder, uri, diagnostic));
}

// ---------------------------------------------------------------------------------------------------------------
// A folder the client opens only the files it asks from: navigation, views, and the diagnostics of the others.

describe('workspace: a folder on disk, navigation and diagnostics across files', { concurrency: true }, () => {
  let folder: DiskFolder;
  let client: LspClient;
  /** What was published for each file after the first scan, before the tests open any. */
  const firstPublished = new Map<string, PublishDiagnosticsParams | undefined>();
  before(async () => {
    folder = await DiskFolder.create({ ...FOLDER, ...DUPLICATES_EN });
    client = await startOn(folder);
    await client.roundTrip();
    for (const path of folder.texts.keys()) firstPublished.set(path, client.latestDiagnostics(folder.uri(path)));
  });
  after(async () => {
    await client.shutdown();
    await folder.dispose();
  });

  for (const expected of definitionCases) {
    test(`definition: ${expected.name}`, async () => {
      const { uri } = await client.openFile(expected.from[0]);
      const result = await client.definition(uri, cursorOf(folder, expected.from));
      assert.deepEqual(definitionTargets(folder, result), expected.expected.map((place) => expectedPlace(folder, place)));
    });
  }

  for (const expected of referencesCases) {
    test(`references: ${expected.name}`, async () => {
      const { uri } = await client.openFile(expected.from[0]);
      const found = await client.references(uri, cursorOf(folder, expected.from), expected.includeDeclaration);
      assert.deepEqual((found ?? []).map((location) => shown(folder, location)).sort(), expected.expected.map((place) => expectedPlace(folder, place)).sort());
    });
  }

  for (const expected of symbolQueries) {
    test(`workspace symbols: ${JSON.stringify(expected.query)}`, async () => {
      const symbols = (await client.workspaceSymbols(expected.query)) ?? [];
      // Notices and parts (I., 一、) are both modules: a notice's name begins with its number.
      const notices = symbols.filter((symbol) => symbol.kind === SymbolKind.Module && /^(?:Yinfa \[|银发〔|PBOC Order|中国人民银行令)/.test(symbol.name));
      assert.deepEqual(notices.map((symbol) => symbol.name).sort(), [...expected.notices].sort());
      for (const symbol of notices) {
        assert.ok('range' in symbol.location, 'a notice symbol has its place');
        assert.match(textAt(folder.text(pathOf(folder, symbol.location.uri)), symbol.location.range), /\d/, 'it is the notice\'s number');
      }
    });
  }

  test('workspace symbols: a notice\'s top-level clauses, named inside their notice, in each file', async () => {
    const symbols = (await client.workspaceSymbols('supplementary provisions')) ?? [];
    assert.deepEqual(symbols.map((symbol) => `${symbol.name} ⊂ ${symbol.containerName} @ ${shown(folder, symbol.location as Location)}`), [
      `III. Supplementary Provisions ⊂ ${NOTICE_64_EN} @ ${expectedPlace(folder, ['notices/notice-en.notice', '⟦III.⟧ Supplementary'])}`,
    ]);
  });

  for (const expected of codeLensCases) {
    test(`code lens: ${expected.name}`, async () => {
      const { uri } = await client.openFile(expected.path);
      const lenses = (await client.codeLenses(uri)) ?? [];
      assert.equal(lenses.length, 1, JSON.stringify(lenses));
      const [lens] = lenses;
      assert.equal(shown(folder, { uri, range: lens!.range }), expectedPlace(folder, [expected.path, expected.at]));
      assert.equal(lens!.command?.title, expected.title);
      assert.equal(lens!.command?.command, 'regtext.showReferences');
      const [argumentUri, position, locations] = lens!.command!.arguments as [string, Position, Location[]];
      assert.equal(argumentUri, uri);
      assert.deepEqual(position, lens!.range.start);
      assert.equal(locations.length, expected.locations, locations.map((location) => shown(folder, location)).join('\n'));
    });
  }

  test('code lens: the locations it shows are the citations find references gives', async () => {
    const { uri } = await client.openFile('notices/notice-en.notice');
    const [lens] = (await client.codeLenses(uri)) ?? [];
    const locations = lens!.command!.arguments![2] as Location[];
    assert.deepEqual(locations.map((location) => shown(folder, location)).sort(), CITATIONS_OF_64.map((place) => expectedPlace(folder, place)).sort());
  });

  test('code lens: a memo, which is no notice, has none', async () => {
    const { uri } = await client.openFile('memos/memo-en.md');
    assert.deepEqual(await client.codeLenses(uri), []);
  });

  for (const expected of documentLinkCases) {
    test(`document links: ${expected.path}`, async () => {
      const { uri } = await client.openFile(expected.path);
      const links = (await client.documentLinks(uri)) ?? [];
      assert.deepEqual(links.map((link) => `${shown(folder, { uri, range: link.range })} → ${link.target ? pathOf(folder, link.target.replace(/#.*$/, '')) + link.target.replace(/^[^#]*/, '') : '(none)'}`),
        expected.links.map(([at, target]) => `${expectedPlace(folder, [expected.path, at])} → ${target}`));
      for (const link of links) assert.ok(link.tooltip?.startsWith('Open '), `a link says what it opens: ${link.tooltip}`);
    });
  }

  for (const expected of inlayHintCases) {
    test(`inlay hints: ${expected.path}`, async () => {
      const { uri } = await client.openFile(expected.path);
      const text = folder.text(expected.path);
      const hints = (await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: positionAt(text, text.length) })) ?? [];
      assert.deepEqual(hints.map((hint) => [hint.position, hint.label, hint.tooltip]),
        expected.hints.map(([at, label, tooltip]) => [locate(text, at).cursor, label, tooltip]));
    });
  }

  test('inlay hints: only those in the range asked for', async () => {
    const { uri } = await client.openFile('memos/memo-en.md');
    assert.deepEqual(await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }), []);
  });

  test('call hierarchy: incoming = the files that cite the notice, outgoing = the notices it cites', async () => {
    const { uri } = await client.openFile('notices/notice-zh.notice');
    const items = (await client.prepareCallHierarchy(uri, cursorOf(folder, ['notices/notice-zh.notice', '银发〔2028〕6$04号\n']))) ?? [];
    assert.equal(items.length, 1);
    const [item] = items;
    assert.equal(item!.name, '银发〔2028〕64号');
    assert.equal(shown(folder, { uri: item!.uri, range: item!.selectionRange }), expectedPlace(folder, ZH_NUMBER_PLACE));
    const incoming = (await client.incomingCalls(item!)) ?? [];
    assert.deepEqual(incoming.map((call) => `${pathOf(folder, call.from.uri)} ×${call.fromRanges.length}`).sort(), ['memos/memo-en.md ×7', 'memos/memo-zh.txt ×8']);
    for (const call of incoming) {
      const path = pathOf(folder, call.from.uri);
      const cited = CITATIONS_OF_64.filter(([file]) => file === path).map((place) => expectedPlace(folder, place));
      assert.deepEqual(call.fromRanges.map((range) => shown(folder, { uri: call.from.uri, range })).sort(), cited.sort(), 'fromRanges are the citations');
    }
    const outgoing = (await client.outgoingCalls(item!)) ?? [];
    assert.deepEqual(outgoing.map((call) => `${call.to.name} in ${pathOf(folder, call.to.uri)} ×${call.fromRanges.length}`), ['银发〔2025〕95号 in archive/old-zh.notice ×1']);
    assert.equal(shown(folder, { uri: item!.uri, range: outgoing[0]!.fromRanges[0]! }), expectedPlace(folder, ['notices/notice-zh.notice', '⟦银发〔2025〕95号⟧']));
  });

  test('call hierarchy: prepared on a memo\'s citation; the repealed notice\'s callers are the memos and both files of its successor', async () => {
    const { uri } = await client.openFile('memos/memo-en.md');
    const [item] = (await client.prepareCallHierarchy(uri, cursorOf(folder, ['memos/memo-en.md', 'Yinfa [2025] N$0o. 95']))) ?? [];
    assert.equal(item?.name, '银发〔2025〕95号');
    assert.equal(pathOf(folder, item.uri), 'archive/old-zh.notice');
    const incoming = (await client.incomingCalls(item)) ?? [];
    assert.deepEqual(incoming.map((call) => `${call.from.name} (${pathOf(folder, call.from.uri)})`).sort(), [
      'Yinfa [2028] No. 64 (notices/notice-en.notice)', 'memo-en.md (memos/memo-en.md)', 'memo-zh.txt (memos/memo-zh.txt)', '银发〔2028〕64号 (notices/notice-zh.notice)',
    ]);
    // A memo as an item: what it cites.
    const memo = incoming.find((call) => call.from.name === 'memo-zh.txt')!.from;
    const outgoing = (await client.outgoingCalls(memo)) ?? [];
    assert.deepEqual(outgoing.map((call) => `${call.to.name} ×${call.fromRanges.length}`).sort(), ['银发〔2025〕95号 ×1', '银发〔2028〕64号 ×8']);
  });

  test('hover: a citation names the notice\'s files in the workspace, in both languages', async () => {
    const { uri } = await client.openFile('memos/memo-zh.txt');
    const hover = await client.hover(uri, cursorOf(folder, ['memos/memo-zh.txt', '印发了银发〔2028〕$064号']));
    const markdown = hoverText(hover);
    assert.ok(markdown.startsWith('**银发〔2028〕64号** · Yinfa [2028] No. 64'), markdown);
    assert.ok(markdown.includes(`In this workspace: [notice-en.notice](${folder.uri('notices/notice-en.notice')}) (English) · [notice-zh.notice](${folder.uri('notices/notice-zh.notice')}) (Chinese)`), markdown);
    assert.equal(shown(folder, { uri, range: hover!.range! }), expectedPlace(folder, ['memos/memo-zh.txt', '印发了⟦银发〔2028〕64号⟧']));
  });

  test('hover: a repealed notice\'s citation says who repealed it, when, and where its file is', async () => {
    const { uri } = await client.openFile('memos/memo-en.md');
    const markdown = hoverText(await client.hover(uri, cursorOf(folder, ['memos/memo-en.md', 'Yinfa [2025] N$0o. 95'])));
    for (const part of [
      '**银发〔2025〕95号** · Yinfa [2025] No. 95', 'Status: **repealed** — repealed by 银发〔2028〕64号 (Yinfa [2028] No. 64) on 2028-07-01',
      `In this workspace: [old-zh.notice](${folder.uri('archive/old-zh.notice')}) (Chinese)`,
    ]) assert.ok(markdown.includes(part), `hover lacks ${part}:\n${markdown}`);
  });

  test('hover: a reference into another file shows that clause', async () => {
    const { uri } = await client.openFile('memos/memo-en.md');
    const markdown = hoverText(await client.hover(uri, cursorOf(folder, ['memos/memo-en.md', 'Clause ($05) of'])));
    assert.ok(markdown.startsWith(`**(5)** Data Retention — in Yinfa [2028] No. 64 ([notice-en.notice](${folder.uri('notices/notice-en.notice')}#L11))`), markdown);
  });

  test('regtext/citationGraph: one node per notice whatever its languages, the memos, cites and repeals edges', async () => {
    const graph = await client.citationGraph<{ nodes: { id: string; kind: string; label: string; otherLabel?: string; status: string; repealedBy?: string; repealedOn?: string; files: string[] }[]; edges: { from: string; to: string; kind: string; count: number }[] }>();
    const name = (id: string) => (id.startsWith('file:') ? pathOf(folder, id) : id);
    assert.deepEqual(graph.nodes.map((node) => `${name(node.id)} ${node.kind} ${node.label}${node.otherLabel ? ` / ${node.otherLabel}` : ''} ${node.status}${node.repealedBy ? ` by ${node.repealedBy} on ${node.repealedOn}` : ''} [${node.files.map(name).join(', ')}]`).sort(), [
      'memos/memo-en.md document memo-en.md unknown [memos/memo-en.md]',
      'memos/memo-zh.txt document memo-zh.txt unknown [memos/memo-zh.txt]',
      'memos/order-note.md document order-note.md unknown [memos/order-note.md]',
      '中国人民银行令〔2028〕3号 notice 中国人民银行令〔2028〕第3号 / PBOC Order [2028] No. 3 unknown [orders/order-en.notice, orders/order-zh.notice]',
      '银发〔2025〕95号 notice 银发〔2025〕95号 / Yinfa [2025] No. 95 repealed by 银发〔2028〕64号 on 2028-07-01 [archive/old-zh.notice]',
      '银发〔2027〕210号 notice Yinfa [2027] No. 210 / 银发〔2027〕210号 unknown [drafts/terminals-en (copy).notice, drafts/terminals-en.notice]',
      '银发〔2028〕64号 notice 银发〔2028〕64号 / Yinfa [2028] No. 64 unknown [notices/notice-en.notice, notices/notice-zh.notice]',
    ]);
    assert.deepEqual(graph.edges.map((edge) => `${name(edge.from)} ${edge.kind} ${name(edge.to)} ×${edge.count}`).sort(), [
      'memos/memo-en.md cites 银发〔2025〕95号 ×1',
      'memos/memo-en.md cites 银发〔2028〕64号 ×7',
      'memos/memo-zh.txt cites 银发〔2025〕95号 ×1',
      'memos/memo-zh.txt cites 银发〔2028〕64号 ×8',
      'memos/order-note.md cites 中国人民银行令〔2028〕3号 ×3',
      '银发〔2028〕64号 cites 银发〔2025〕95号 ×1',
      '银发〔2028〕64号 repeals 银发〔2025〕95号 ×1',
    ]);
  });
  for (const expected of closedDiagnosticCases) {
    test(`diagnostics of a file the client never opened: ${expected.path}`, () => {
      const published = firstPublished.get(expected.path);
      assert.deepEqual(published ? crossFileDiagnostics(client, folder, expected.path, published) : [],
        expected.diagnostics.map((diagnostic) => expectedDiagnostic(folder, expected.path, diagnostic)));
      for (const diagnostic of published?.diagnostics ?? []) assert.equal(diagnostic.source, 'regtext');
    });
  }

  test('diagnostics: a closed file with nothing to say gets no publication at all', () => {
    assert.equal(firstPublished.get('archive/old-zh.notice'), undefined);
    assert.equal(firstPublished.get('notices/notice-zh.notice'), undefined);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// While the server runs: files created, edited, renamed and deleted on disk, reported as an editor reports them.

describe('workspace: the index follows the files on disk', () => {
  let folder: DiskFolder;
  let client: LspClient;
  before(async () => {
    folder = await DiskFolder.create(FOLDER);
    client = await startOn(folder);
    await client.waitForFileWatchers();
  });
  after(async () => {
    await client.shutdown();
    await folder.dispose();
  });

  /** Writes files and reports them created (or changed), in one notification. */
  async function write(files: Record<string, string>, type: FileChangeType = FileChangeType.Created): Promise<void> {
    for (const [path, text] of Object.entries(files)) await folder.write(path, text);
    await client.fileEvents(Object.keys(files).map((path) => ({ uri: folder.uri(path), type })));
  }

  async function remove(path: string): Promise<void> {
    await folder.remove(path);
    await client.fileEvents([{ uri: folder.uri(path), type: FileChangeType.Deleted }]);
  }

  /** The cross-file diagnostics of a closed file, once a publication satisfies `accept`. */
  async function published(path: string, accept: (diagnostics: string[]) => boolean, after: Promise<void>): Promise<string[]> {
    const next = client.nextDiagnostics(folder.uri(path), (params) => accept(crossFileDiagnostics(client, folder, path, params)), `diagnostics of ${path}`);
    await after;
    return crossFileDiagnostics(client, folder, path, await next);
  }

  /** Definitions from an open file, asked again as the server's messages come in, until they are `expected`. */
  async function definitionsBecome(from: Place, expected: Place[]): Promise<void> {
    const { uri } = await client.openFile(from[0]);
    const want = expected.map((place) => expectedPlace(folder, place));
    const found = await client.eventually(`definitions from ${from[1]}`, async () => definitionTargets(folder, await client.definition(uri, cursorOf(folder, from))),
      (targets) => JSON.stringify(targets) === JSON.stringify(want));
    assert.deepEqual(found, want);
  }

  test('a new memo citing a repealed notice: its diagnostics appear; deleted, they are cleared', async () => {
    const appeared = await published('memos/checklist.txt', (diagnostics) => diagnostics.length > 0, write({ 'memos/checklist.txt': CHECKLIST_ZH }));
    assert.deepEqual(appeared, [expectedDiagnostic(folder, 'memos/checklist.txt', {
      code: 'repealed-notice', at: '⟦银发〔2025〕95号⟧', message: '银发〔2025〕95号 was repealed by 银发〔2028〕64号 on 2028-07-01.',
      related: [['notices/notice-en.notice', '(⟦Yinfa [2028] No. 64⟧)'], ['notices/notice-zh.notice', '⟦银发〔2028〕64号⟧']],
    })]);
    const cleared = client.nextDiagnostics(folder.uri('memos/checklist.txt'));
    await remove('memos/checklist.txt');
    assert.deepEqual((await cleared).diagnostics, []);
  });

  test('a new notice: the open plan\'s definitions reach it; renamed (delete + create), they follow it; deleted, they go', async () => {
    await write({ 'memos/plan-en.md': PLAN_EN });
    const number: Place = ['memos/plan-en.md', 'implement Yinfa [2028] N$0o. 70'];
    const clause: Place = ['memos/plan-en.md', 'Clause (I$0I) of'];
    await definitionsBecome(number, []);
    await write({ 'notices/notice-70-en.notice': NOTICE_70_EN });
    await definitionsBecome(number, [['notices/notice-70-en.notice', '(⟦Yinfa [2028] No. 70⟧)']]);
    await definitionsBecome(clause, [['notices/notice-70-en.notice', '⟦(II)⟧ Encryption']]);

    await folder.rename('notices/notice-70-en.notice', 'notices/2028/security-en.notice');
    await client.fileEvents([
      { uri: folder.uri('notices/notice-70-en.notice'), type: FileChangeType.Deleted },
      { uri: folder.uri('notices/2028/security-en.notice'), type: FileChangeType.Created },
    ]);
    await definitionsBecome(number, [['notices/2028/security-en.notice', '(⟦Yinfa [2028] No. 70⟧)']]);
    await definitionsBecome(clause, [['notices/2028/security-en.notice', '⟦(II)⟧ Encryption']]);

    await remove('notices/2028/security-en.notice');
    await definitionsBecome(number, []);
    await client.close(folder.uri('memos/plan-en.md'));
    await remove('memos/plan-en.md');
  });

  test('a second Chinese file claims the number: both are told, the translation is not; deleted, that is cleared', async () => {
    const told = published('notices/notice-zh.notice', (diagnostics) => diagnostics.length > 0, Promise.resolve());
    const draftTold = published('drafts/draft-zh.notice', (diagnostics) => diagnostics.length > 0, write({ 'drafts/draft-zh.notice': DRAFT_ZH }));
    assert.deepEqual(await told, [expectedDiagnostic(folder, 'notices/notice-zh.notice', {
      code: 'duplicate-notice', at: '⟦银发〔2028〕64号⟧', message: 'draft-zh.notice also claims to be 银发〔2028〕64号.', related: [['drafts/draft-zh.notice', '⟦银发〔2028〕64号⟧']],
    })]);
    assert.deepEqual(await draftTold, [expectedDiagnostic(folder, 'drafts/draft-zh.notice', {
      code: 'duplicate-notice', at: '⟦银发〔2028〕64号⟧', message: 'notice-zh.notice also claims to be 银发〔2028〕64号.', related: [['notices/notice-zh.notice', '⟦银发〔2028〕64号⟧']],
    })]);
    assert.deepEqual(crossFileDiagnostics(client, folder, 'notices/notice-en.notice'), []);
    assert.deepEqual(await published('notices/notice-zh.notice', (diagnostics) => diagnostics.length === 0, remove('drafts')), []);
  });

  test('a notice renumbered on disk: the citers\' definitions and diagnostics follow, and follow it back', async () => {
    const from: Place = ['memos/memo-zh.txt', '印发了银发〔$02028〕64号'];
    await definitionsBecome(from, [ZH_NUMBER_PLACE, ['notices/notice-en.notice', '(⟦Yinfa [2028] No. 64⟧)']]);
    const before = closedDiagnosticCases[0]!.diagnostics.map((diagnostic) => expectedDiagnostic(folder, 'memos/memo-en.md', diagnostic));
    const original = { 'notices/notice-en.notice': folder.text('notices/notice-en.notice'), 'notices/notice-zh.notice': folder.text('notices/notice-zh.notice') };
    const renumberedFiles = Object.fromEntries(Object.entries(original).map(([path, text]) => [path, renumbered(text)]));
    const memo = await published('memos/memo-en.md', (diagnostics) => !diagnostics.some((diagnostic) => diagnostic.startsWith('missing-clause')),
      write(renumberedFiles, FileChangeType.Changed));
    assert.deepEqual(memo, [expectedDiagnostic(folder, 'memos/memo-en.md', {
      code: 'repealed-notice', at: '⟦Yinfa [2025] No. 95⟧', message: 'Yinfa [2025] No. 95 was repealed by Yinfa [2028] No. 66 on 2028-07-01.',
      related: [['notices/notice-en.notice', '(⟦Yinfa [2028] No. 66⟧)'], ['notices/notice-zh.notice', '⟦银发〔2028〕66号⟧']],
    })], 'the memo cites No. 64, which has no file now: no clause of it is missing');
    await definitionsBecome(from, []);

    const back = await published('memos/memo-en.md', (diagnostics) => JSON.stringify(diagnostics) === JSON.stringify(before), write(original, FileChangeType.Changed));
    assert.deepEqual(back, before);
    await definitionsBecome(from, [ZH_NUMBER_PLACE, ['notices/notice-en.notice', '(⟦Yinfa [2028] No. 64⟧)']]);
  });

  test('two files changed in one notification: their citers are told once, of both changes together', async () => {
    const uri = folder.uri('memos/memo-en.md');
    const original = { 'notices/notice-en.notice': folder.text('notices/notice-en.notice'), 'notices/notice-zh.notice': folder.text('notices/notice-zh.notice') };
    const before = crossFileDiagnostics(client, folder, 'memos/memo-en.md');
    const from = client.diagnosticsHistory(uri).length;
    const final = await published('memos/memo-en.md', (diagnostics) => diagnostics.length === 1 && diagnostics[0]!.includes('No. 66 on'),
      write(Object.fromEntries(Object.entries(original).map(([path, text]) => [path, renumbered(text)])), FileChangeType.Changed));
    const seen = client.diagnosticsHistory(uri).slice(from).map((params) => crossFileDiagnostics(client, folder, 'memos/memo-en.md', params));
    await published('memos/memo-en.md', (diagnostics) => JSON.stringify(diagnostics) === JSON.stringify(before), write(original, FileChangeType.Changed));
    assert.deepEqual(seen, [final], 'no diagnostics of a state the folder never was in (one file renumbered, the other not)');
  });

  test('a clause taken out of both files on disk: a memo\'s reference to it is now reported', async () => {
    const original = { 'notices/notice-en.notice': folder.text('notices/notice-en.notice'), 'notices/notice-zh.notice': folder.text('notices/notice-zh.notice') };
    const edited = Object.fromEntries(Object.entries(original).map(([path, text]) => [path, withoutClause5(text)]));
    const memo = await published('memos/memo-zh.txt', (diagnostics) => diagnostics.length === 3, write(edited, FileChangeType.Changed));
    assert.ok(memo.includes(expectedDiagnostic(folder, 'memos/memo-zh.txt', {
      code: 'missing-clause', at: '⟦第（五）项⟧', message: '"第（五）项": 银发〔2028〕64号 has no such clause.', related: [['notices/notice-en.notice', '(⟦Yinfa [2028] No. 64⟧)'], ZH_NUMBER_PLACE],
    })), memo.join('\n'));
    await definitionsBecome(['memos/memo-zh.txt', '64号文第（$0五）项；'], []);
    await published('memos/memo-zh.txt', (diagnostics) => diagnostics.length === 2, write(original, FileChangeType.Changed));
    await definitionsBecome(['memos/memo-zh.txt', '64号文第（$0五）项；'], [['notices/notice-zh.notice', '⟦（五）⟧数据保存'], ['notices/notice-en.notice', '⟦(5)⟧ Data Retention']]);
  });

  test('a folder renamed (the folder deleted, the new one created): its files are found at their new place', async () => {
    const from: Place = ['memos/memo-zh.txt', '依据银发〔2025〕$095号'];
    await definitionsBecome(from, [['archive/old-zh.notice', '（⟦银发〔2025〕95号⟧）']]);
    await folder.rename('archive', 'archive-2025');
    await client.fileEvents([
      { uri: folder.uri('archive'), type: FileChangeType.Deleted },
      { uri: folder.uri('archive-2025'), type: FileChangeType.Created },
    ]);
    await definitionsBecome(from, [['archive-2025/old-zh.notice', '（⟦银发〔2025〕95号⟧）']]);
  });

  test('a folder deleted while one of its files is open: the open text still counts, until it is closed', async () => {
    const from: Place = ['memos/memo-zh.txt', '依据银发〔2025〕$095号'];
    const { uri } = await client.openFile('archive-2025/old-zh.notice');
    await remove('archive-2025');
    await client.roundTrip();
    await definitionsBecome(from, [['archive-2025/old-zh.notice', '（⟦银发〔2025〕95号⟧）']]);
    await client.close(uri);
    await definitionsBecome(from, []);
  });

  test('a folder deleted: citations into it no longer resolve, and the diagnostics of its files and of their citers are cleared', async () => {
    const from: Place = ['memos/memo-zh.txt', '印发了银发〔$02028〕64号'];
    await definitionsBecome(from, [ZH_NUMBER_PLACE, ['notices/notice-en.notice', '(⟦Yinfa [2028] No. 64⟧)']]);
    assert.ok((client.latestDiagnostics(folder.uri('notices/notice-en.notice'))?.diagnostics.length ?? 0) > 0, 'the translation has a numbering-style information');
    const ownCleared = client.nextDiagnostics(folder.uri('notices/notice-en.notice'), (params) => params.diagnostics.length === 0);
    const memo = await published('memos/memo-en.md', (diagnostics) => diagnostics.length === 0, remove('notices'));
    assert.deepEqual(memo, []);
    await ownCleared;
    await definitionsBecome(from, []);
  });

  test('a workspace folder added: its files are indexed; removed: they are gone, and their diagnostics cleared', async () => {
    const second = await DiskFolder.create(SECOND_FOLDER);
    try {
      const uri = second.uri('memos/encryption.md');
      const reported = client.nextDiagnostics(uri, (params) => params.diagnostics.length > 0);
      await client.changeWorkspaceFolders({ added: [second.path] });
      assert.deepEqual((await reported).diagnostics.map((diagnostic) => `${diagnostic.code}: ${messageOf(diagnostic)}`),
        ['missing-clause: "Clause (IX)": Yinfa [2028] No. 70 has no such clause.']);
      const cleared = client.nextDiagnostics(uri);
      await client.changeWorkspaceFolders({ removed: [second.path] });
      assert.deepEqual((await cleared).diagnostics, []);
      assert.deepEqual(await client.workspaceSymbols('Yinfa [2028] No. 70'), []);
    } finally {
      await second.dispose();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Clients that support less: no file watchers, no progress, no workspace/configuration; a declined progress token.

describe('workspace: a client without watched files, progress or configuration', () => {
  let folder: DiskFolder;
  let client: LspClient;
  before(async () => {
    folder = await DiskFolder.create(FOLDER);
    client = await LspClient.start({ workspaceFolder: folder.path });
    await client.waitForLog(/^Indexed \d+ files/);
    await client.roundTrip();
  });
  after(async () => {
    await client.shutdown();
    await folder.dispose();
  });

  test('the server registers no file watchers and creates no progress, and indexes all the same', async () => {
    assert.deepEqual(client.fileWatchers(), []);
    assert.deepEqual(client.progressCreated, []);
    assert.deepEqual(client.progress, []);
    assert.deepEqual(crossFileDiagnostics(client, folder, 'memos/memo-en.md'), closedDiagnosticCases[0]!.diagnostics.map((diagnostic) => expectedDiagnostic(folder, 'memos/memo-en.md', diagnostic)));
  });

  test('a notice written after the scan, unknown until opened, then indexed from its open text, and from disk once closed', async () => {
    await folder.write('memos/plan-en.md', PLAN_EN);
    await folder.write('notices/notice-70-en.notice', NOTICE_70_EN);
    const from: Place = ['memos/plan-en.md', 'implement Yinfa [2028] N$0o. 70'];
    const { uri } = await client.openFile(from[0]);
    assert.deepEqual(definitionTargets(folder, await client.definition(uri, cursorOf(folder, from))), [], 'nobody told the server of the new file');

    const notice = await client.openFile('notices/notice-70-en.notice');
    const expected = [expectedPlace(folder, ['notices/notice-70-en.notice', '(⟦Yinfa [2028] No. 70⟧)'])];
    assert.deepEqual(await client.eventually('the plan\'s definition', async () => definitionTargets(folder, await client.definition(uri, cursorOf(folder, from))),
      (targets) => targets.length > 0), expected);
    const symbols = (await client.workspaceSymbols('Yinfa [2028] No. 70')) ?? [];
    assert.ok(symbols.some((symbol) => 'range' in symbol.location && symbol.location.uri === notice.uri), JSON.stringify(symbols));

    const republished = client.nextDiagnostics(uri);
    await client.close(notice.uri);
    await republished;
    assert.deepEqual(definitionTargets(folder, await client.definition(uri, cursorOf(folder, from))), expected, 'closed, the file on disk stands for it');
  });
});

describe('workspace: settings pulled with workspace/configuration, progress declined', () => {
  let folder: DiskFolder;
  let client: LspClient;
  before(async () => {
    folder = await DiskFolder.create({ ...FOLDER, 'rules/security.rules': NOTICE_70_EN });
    client = await LspClient.start({
      workspaceFolder: folder.path, watchedFiles: true, workDoneProgress: true, declineProgress: true, refreshSupport: true,
      configuration: { regtext: { files: { include: ['**/*.notice', '**/*.rules'] }, diagnostics: { scope: 'openFiles' } }, files: { exclude: { '**/archive': true } } },
    });
    await client.waitForLog(/^Indexed \d+ files/);
    await client.roundTrip();
  });
  after(async () => {
    await client.shutdown();
    await folder.dispose();
  });

  test('a declined progress token: the workspace is indexed all the same', async () => {
    assert.equal(client.progressCreated.length, 1);
    assert.deepEqual(client.progress, [], 'no progress on a declined token');
    const symbols = (await client.workspaceSymbols('Yinfa [2028] No. 70')) ?? [];
    assert.deepEqual(symbols.filter((symbol) => symbol.kind === SymbolKind.Module).map((symbol) => pathOf(folder, symbol.location.uri)), ['rules/security.rules']);
  });

  test('the include and exclude globs of the settings: what is indexed, and what is watched', async () => {
    const graph = await client.citationGraph<{ nodes: { id: string; files: string[] }[] }>();
    assert.deepEqual(graph.nodes.flatMap((node) => node.files).map((uri) => pathOf(folder, uri)).sort(),
      ['notices/notice-en.notice', 'notices/notice-zh.notice', 'orders/order-en.notice', 'orders/order-zh.notice', 'rules/security.rules'],
      'no memos (not included), no archive (files.exclude)');
    assert.ok(client.fileWatchers().some((watcher) => watcher.globPattern === '**/*.rules'), JSON.stringify(client.fileWatchers()));
    await folder.write('rules/terminals.rules', DUPLICATES_EN['drafts/terminals-en.notice']!);
    await client.fileEvents([{ uri: folder.uri('rules/terminals.rules'), type: FileChangeType.Created }]);
    // No diagnostics are published for closed files here: the code lens and inlay hint refreshes say the index changed.
    const found = await client.eventually('the new rules file in the symbols', () => client.workspaceSymbols('Yinfa [2027] No. 210'), (symbols) => (symbols ?? []).length > 0);
    assert.equal(pathOf(folder, found![0]!.location.uri), 'rules/terminals.rules');
    // The refreshes are sent a moment after the index changed (REFRESH_DELAY_MS), which may be after the symbols show.
    const refreshed = () => [...new Set(client.refreshes)].sort();
    await client.until('the code lens and inlay hint refreshes', () => (refreshed().length === 2 ? true : undefined));
    assert.deepEqual(refreshed(), ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh']);
  });

  test('settings changed: scope workspace publishes the closed files\' diagnostics, new include globs are indexed and watched', async () => {
    for (const path of folder.texts.keys()) assert.deepEqual(client.diagnosticsHistory(folder.uri(path)), [], `scope openFiles: nothing for ${path}`);
    client.settings = { ...client.settings, regtext: { files: { include: ['**/*.notice', '**/*.rules', '**/*.md'] }, diagnostics: { scope: 'workspace' } } };
    const notice = client.nextDiagnostics(folder.uri('notices/notice-en.notice'));
    const memo = client.nextDiagnostics(folder.uri('memos/memo-en.md'), (params) => params.diagnostics.length > 0);
    await client.changeConfiguration({});
    assert.deepEqual((await notice).diagnostics.map((diagnostic) => diagnostic.code), ['numbering-style']);
    assert.deepEqual(crossFileDiagnostics(client, folder, 'memos/memo-en.md', await memo).map((shown) => shown.split(' ')[0]), ['repealed-notice', 'missing-clause']);
    await client.until('the watchers re-registered', () => (client.fileWatchers().some((watcher) => watcher.globPattern === '**/*.md') ? true : undefined));
    assert.deepEqual(client.fileWatchers().map((watcher) => watcher.globPattern).sort(), ['**/*', '**/*.json', '**/*.md', '**/*.notice', '**/*.rules', '**/.regtext/config.json'], 'the old registration is gone');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The first scan: progress, and requests answered while it runs.

describe('workspace: the first scan', () => {
  test('reports begin, reports and end; a request sent while it runs is answered before it ends', async () => {
    const folder = await DiskFolder.create({ ...FOLDER, ...branchMemos(80) });
    const client = await LspClient.start({ workspaceFolder: folder.path, watchedFiles: true, workDoneProgress: true, configuration: {} });
    try {
      const report = await client.until('a progress report before the end', () => client.progress.find((event) =>
        event.value.kind === 'report' && !/^(\d+)\/\1 files$/.test(event.value.message ?? '')));
      const answer = await client.workspaceSymbols('银发〔2028〕64号');
      const events = client.progressOf(report.token);
      assert.ok(Array.isArray(answer), 'answered');
      assert.ok(!events.some((event) => event.kind === 'end'), 'answered before the scan ended');

      const all = await client.waitForProgressEnd();
      assert.deepEqual(client.progressCreated, [report.token]);
      assert.equal(all[0]!.kind, 'begin');
      assert.equal(all.at(-1)!.kind, 'end');
      const reports = all.filter((event) => event.kind === 'report');
      assert.ok(reports.length >= 2, `reports: ${JSON.stringify(reports)}`);
      const percentages = reports.map((event) => event.percentage ?? 0);
      assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'percentages never go back');
      assert.equal(reports.at(-1)!.message, `${folder.texts.size}/${folder.texts.size} files`);
      assert.ok(all.slice(1, -1).every((event) => event.kind === 'report'));
    } finally {
      await client.shutdown();
      await folder.dispose();
    }
  });
});
