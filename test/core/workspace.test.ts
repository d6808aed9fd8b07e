/**
 * The workspace as one body of text, through the language service over an in-memory folder: which file is which
 * notice, citations by number, title, short name, 号文 and "the same notice", clause references into other files,
 * repeals and their dates, and the cross-file features (definition, references, symbols, code lens, links, inlay
 * hints, call hierarchy, diagnostics, the citation graph), in both languages and both directions between a
 * translation and its original; and the index following changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from './fixture';
import { deleteFile, documentOf, openFolder, place, places, writeFile, type Folder } from './workspaceFixture';

// -----------------------------------------------------------------------------------------------------------------
// The folder: a notice in English and Chinese (a translation pair), the notice it repeals, an older one that one
// repealed in turn (a repeal chain), a memo and a checklist that cite them in every way, and a duplicate claimant.

const NOTICE_EN = lines(
  'Notice of the People\'s Bank of China and the National Financial Regulatory Administration on Regulating Payment Tokens (Yinfa [2027] No. 9)',
  '',
  'To all branches of the People\'s Bank of China:',
  'I. General Provisions',
  '(I) Scope. These rules apply to payment institutions.',
  '(II) Definitions. "Payment token" refers to a stored value record.',
  'II. Prohibitions',
  '(III) No Issuance. Payment institutions shall not issue payment tokens.',
  '(IV) Records. Records shall be kept for five years.',
  '(5) Entry into Force. This Notice shall enter into force on March 1, 2027. The Notice on the Administration of Stored Value Records (Yinfa [2024] No. 31) is hereby repealed.',
  '',
  'People\'s Bank of China',
  'February 10, 2027',
);

const NOTICE_ZH = lines(
  '关于规范支付代币的通知',
  '银发〔2027〕9号',
  '',
  '人民银行各分支机构：',
  '一、总体要求',
  '（一）适用范围。本通知适用于支付机构。',
  '（二）定义。“支付代币”是指储值记录。',
  '二、禁止性规定',
  '（三）不得发行。支付机构不得发行支付代币。',
  '（四）记录保存。记录应当保存五年。',
  '（五）施行日期。本通知自2027年3月1日起施行。《关于储值记录管理的通知》（银发〔2024〕31号）同时废止。',
  '',
  '中国人民银行',
  '2027年2月10日',
);

/** Repealed by Yinfa [2027] No. 9; itself repealed an older one, in 2024. */
const REPEALED_ZH = lines(
  '关于储值记录管理的通知（银发〔2024〕31号）',
  '',
  '一、储值记录应当实名登记。',
  '二、本通知自发布之日起施行。《关于预付卡管理的通知》（银发〔2019〕7号）予以废止。',
  '',
  '2024年5月20日',
);

const OLDEST_ZH = lines(
  '关于预付卡管理的通知',
  '银发〔2019〕7号',
  '',
  '一、预付卡发行机构应当备案。',
  '二、参照银发〔2018〕3号执行。',
);

const MEMO_EN = lines(
  '# Memo: payment tokens',
  '',
  'The PBOC issued Yinfa [2027] No. 9 (hereinafter the "2027 Notice") in February.',
  'Clause (III) of the 2027 Notice bans issuance; Clause (IV) of the same notice keeps records.',
  'See also Clause (5) of Yinfa [2027] No. 9 and Clause (IX) of Yinfa [2027] No. 9.',
  'Our old manual still relies on Yinfa [2024] No. 31.',
  'The "Notice on Regulating Payment Tokens" is the one to follow.',
);

const MEMO_ZH = lines(
  '关于支付代币的内部备忘',
  '',
  '人民银行印发了银发〔2027〕9号（以下简称“9号文”）。9号文第（三）项禁止发行；该通知第（四）项要求保存记录。',
  '《关于规范支付代币的通知》第（五）项规定了施行日期。',
  '旧手册仍依据银发〔2024〕31号。',
);

const DUPLICATE_ZH = lines(
  '关于规范支付代币的通知（征求意见稿）',
  '银发〔2027〕9号',
  '',
  '一、草稿。',
);

const FOLDER = {
  'notice-en.notice': NOTICE_EN,
  'notice-zh.notice': NOTICE_ZH,
  'repealed-zh.notice': REPEALED_ZH,
  'oldest-zh.notice': OLDEST_ZH,
  'memo-en.md': MEMO_EN,
  'memo-zh.txt': MEMO_ZH,
};

/** The folder with the cursor put into one file, before the `shift`-th character of the first `needle` there. */
function withCursor(path: keyof typeof FOLDER, needle: string, shift = 1, extra: Record<string, string> = {}): Record<string, string> {
  const text = FOLDER[path];
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${path}`);
  return { ...FOLDER, ...extra, [path]: text.slice(0, index + shift) + '$0' + text.slice(index + shift) };
}

async function definitions(folder: Folder): Promise<string[]> {
  return folder.service.definition(folder.document, folder.position).map((link) =>
    place(folder, { uri: link.targetUri, range: link.targetSelectionRange }));
}

// -----------------------------------------------------------------------------------------------------------------
// Notice identity.

test('workspace: a title ending in its number and a number line under a title make a file that notice', async () => {
  const folder = await openFolder(FOLDER);
  const keys = (path: string) => folder.service.analysis(documentOf(folder, path)).identity?.number?.key;
  assert.equal(keys('notice-en.notice'), '银发〔2027〕9号');
  assert.equal(keys('notice-zh.notice'), '银发〔2027〕9号');
  assert.equal(keys('repealed-zh.notice'), '银发〔2024〕31号');
  assert.equal(keys('oldest-zh.notice'), '银发〔2019〕7号');
  assert.equal(keys('memo-en.md'), undefined, 'a memo that cites a number in its body is not that notice');
  assert.equal(keys('memo-zh.txt'), undefined);
});

const notNotices: [string, string][] = [
  ['a title quoted with its number inside a sentence', 'Today the PBOC published the "Notice on Regulating Payment Tokens (Yinfa [2027] No. 9)", the latest rules.'],
  ['a number alone with no title near it', lines('Reference list', '', 'Yinfa [2027] No. 9', 'Yinfa [2024] No. 31')],
  ['a memo heading that names the number', '# Briefing: Yinfa [2027] No. 9 on payment tokens'],
  ['a Chinese sentence that ends in a number', '人民银行近日印发了银发〔2027〕9号。'],
];

for (const [what, text] of notNotices) {
  test(`workspace: not a notice: ${what}`, async () => {
    const folder = await openFolder({ 'file.txt': text });
    assert.equal(folder.service.analysis(folder.document).identity?.number, undefined);
  });
}

test('workspace: an order header, the number before its title', async () => {
  const folder = await openFolder({ 'order.notice': lines('中国人民银行令〔2027〕第2号（支付代币管理办法）', '', '第一条 为规范支付代币，制定本办法。') });
  const identity = folder.service.analysis(folder.document).identity;
  assert.equal(identity?.number?.key, '中国人民银行令〔2027〕2号');
  assert.equal(identity?.title?.text, '支付代币管理办法');
});

// -----------------------------------------------------------------------------------------------------------------
// Go to definition across files.

const definitionCases: [string, Record<string, string>, string[]][] = [
  ['an English number in an English memo → the English file first, the Chinese one too',
    withCursor('memo-en.md', 'Yinfa [2027] No. 9 (', 3), ['notice-en.notice:1 "Yinfa [2027] No. 9"', 'notice-zh.notice:2 "银发〔2027〕9号"']],
  ['a Chinese number in a Chinese memo → the Chinese file first',
    withCursor('memo-zh.txt', '银发〔2027〕9号', 2), ['notice-zh.notice:2 "银发〔2027〕9号"', 'notice-en.notice:1 "Yinfa [2027] No. 9"']],
  ['a short name the memo defines ("the 2027 Notice")',
    withCursor('memo-en.md', '2027 Notice bans', 2), ['notice-en.notice:1 "Yinfa [2027] No. 9"', 'notice-zh.notice:2 "银发〔2027〕9号"']],
  ['a Chinese short name （以下简称“9号文”）',
    withCursor('memo-zh.txt', '9号文第', 1), ['notice-zh.notice:2 "银发〔2027〕9号"', 'notice-en.notice:1 "Yinfa [2027] No. 9"']],
  ['a quoted English title without its number',
    withCursor('memo-en.md', 'Regulating Payment Tokens"', 3), ['notice-en.notice:1 "Yinfa [2027] No. 9"', 'notice-zh.notice:2 "银发〔2027〕9号"']],
  ['a quoted Chinese title without its number',
    withCursor('memo-zh.txt', '规范支付代币的通知》', 2), ['notice-zh.notice:2 "银发〔2027〕9号"', 'notice-en.notice:1 "Yinfa [2027] No. 9"']],
  ['Clause (III) of the 2027 Notice → that clause in the English file, then the Chinese one',
    withCursor('memo-en.md', 'Clause (III)', 9), ['notice-en.notice:8 "(III)"', 'notice-zh.notice:9 "（三）"']],
  ['Clause (IV) of the same notice', withCursor('memo-en.md', 'Clause (IV)', 9), ['notice-en.notice:9 "(IV)"', 'notice-zh.notice:10 "（四）"']],
  ['Clause (5) of Yinfa [2027] No. 9', withCursor('memo-en.md', 'Clause (5)', 8), ['notice-en.notice:10 "(5)"', 'notice-zh.notice:11 "（五）"']],
  ['9号文第（三）项 → the Chinese clause first', withCursor('memo-zh.txt', '第（三）项', 2), ['notice-zh.notice:9 "（三）"', 'notice-en.notice:8 "(III)"']],
  ['该通知第（四）项', withCursor('memo-zh.txt', '第（四）项', 2), ['notice-zh.notice:10 "（四）"', 'notice-en.notice:9 "(IV)"']],
  ['《…通知》第（五）项', withCursor('memo-zh.txt', '第（五）项', 2), ['notice-zh.notice:11 "（五）"', 'notice-en.notice:10 "(5)"']],
  ['a clause the notice lacks goes nowhere', withCursor('memo-en.md', 'Clause (IX)', 9), []],
  ['the English file\'s own number → its Chinese original', withCursor('notice-en.notice', 'Yinfa [2027]', 2), ['notice-zh.notice:2 "银发〔2027〕9号"']],
  ['the Chinese file\'s own number → its English translation', withCursor('notice-zh.notice', '银发〔2027〕9号', 2), ['notice-en.notice:1 "Yinfa [2027] No. 9"']],
  ['a repealed notice cited by number → its file', withCursor('memo-zh.txt', '银发〔2024〕31号', 3), ['repealed-zh.notice:1 "银发〔2024〕31号"']],
  ['a notice with no file in the workspace goes nowhere', withCursor('oldest-zh.notice', '银发〔2018〕3号', 2), []],
];

for (const [what, files, expected] of definitionCases) {
  test(`workspace definition: ${what}`, async () => {
    assert.deepEqual(await definitions(await openFolder(files)), expected);
  });
}

// -----------------------------------------------------------------------------------------------------------------
// Find references across files.

test('workspace references: on a notice\'s own number, every citation of it, both languages, however cited', async () => {
  const folder = await openFolder(withCursor('notice-zh.notice', '银发〔2027〕9号', 2));
  assert.deepEqual(places(folder, folder.service.references(folder.document, folder.position, { includeDeclaration: false })).sort(), [
    'memo-en.md:3 "Yinfa [2027] No. 9"',
    'memo-en.md:4 "2027 Notice"',
    'memo-en.md:4 "the same notice"',
    'memo-en.md:5 "Yinfa [2027] No. 9"',
    'memo-en.md:5 "Yinfa [2027] No. 9"',
    'memo-en.md:7 ""Notice on Regulating Payment Tokens""',
    'memo-zh.txt:3 "9号文"',
    'memo-zh.txt:3 "9号文"',
    'memo-zh.txt:3 "该通知"',
    'memo-zh.txt:3 "银发〔2027〕9号"',
    'memo-zh.txt:4 "《关于规范支付代币的通知》"',
  ]);
});

test('workspace references: with the declaration, the notice\'s own numbers in both files come too', async () => {
  const folder = await openFolder(withCursor('notice-en.notice', 'Yinfa [2027]', 2));
  const found = places(folder, folder.service.references(folder.document, folder.position, { includeDeclaration: true }));
  assert.ok(found.includes('notice-en.notice:1 "Yinfa [2027] No. 9"'), found.join('\n'));
  assert.ok(found.includes('notice-zh.notice:2 "银发〔2027〕9号"'), found.join('\n'));
});

test('workspace references: on a clause label, the references into it from other files', async () => {
  const folder = await openFolder(withCursor('notice-zh.notice', '（三）不得', 1));
  assert.deepEqual(places(folder, folder.service.references(folder.document, folder.position, { includeDeclaration: false })).sort(), [
    'memo-en.md:4 "Clause (III)"',
    'memo-zh.txt:3 "第（三）项"',
  ]);
});

test('workspace references: from a reference into another file, every reference to that clause', async () => {
  const folder = await openFolder(withCursor('memo-zh.txt', '第（三）项', 2));
  assert.deepEqual(places(folder, folder.service.references(folder.document, folder.position, { includeDeclaration: true })).sort(), [
    'memo-en.md:4 "Clause (III)"',
    'memo-zh.txt:3 "第（三）项"',
    'notice-zh.notice:9 "（三）"',
  ]);
});

// -----------------------------------------------------------------------------------------------------------------
// Repeals and diagnostics.

function codes(folder: Folder, path: string, code: string): string[] {
  return (folder.service.fileDiagnostics(`file:///ws/${path}`) ?? []).filter((diagnostic) => diagnostic.code === code)
    .map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
}

test('workspace repeals: a notice repealed in the workspace is repealed by it, from the repealing notice\'s effective date', async () => {
  const folder = await openFolder(FOLDER);
  assert.deepEqual(codes(folder, 'memo-en.md', 'repealed-notice'), ['6: Yinfa [2024] No. 31 was repealed by Yinfa [2027] No. 9 on 2027-03-01.']);
  assert.deepEqual(codes(folder, 'memo-zh.txt', 'repealed-notice'), ['5: 银发〔2024〕31号 was repealed by 银发〔2027〕9号 on 2027-03-01.']);
});

test('workspace repeals: the repeal sentence, the repealing notice and a notice dated before the repeal are not warned', async () => {
  const folder = await openFolder(FOLDER);
  assert.deepEqual(codes(folder, 'notice-en.notice', 'repealed-notice'), []);
  assert.deepEqual(codes(folder, 'notice-zh.notice', 'repealed-notice'), []);
  // 银发〔2024〕31号 repealed 银发〔2019〕7号 "on issue" (2024-05-20); the older notice cited 银发〔2018〕3号, not repealed.
  assert.deepEqual(codes(folder, 'oldest-zh.notice', 'repealed-notice'), []);
});

test('workspace repeals: a chain — a repeal "自发布之日起" dates from the repealing notice\'s own date', async () => {
  const folder = await openFolder({ ...FOLDER, 'check.txt': '核对：银发〔2019〕7号仍在手册中。' });
  assert.deepEqual(codes(folder, 'check.txt', 'repealed-notice'), ['1: 银发〔2019〕7号 was repealed by 银发〔2024〕31号 on 2024-05-20.']);
});

test('workspace repeals: the diagnostic points at the repealing notice\'s files', async () => {
  const folder = await openFolder(FOLDER);
  const diagnostic = folder.service.fileDiagnostics('file:///ws/memo-en.md')!.find((candidate) => candidate.code === 'repealed-notice')!;
  assert.deepEqual(places(folder, diagnostic.related!.map((related) => related.location)).sort(), [
    'notice-en.notice:1 "Yinfa [2027] No. 9"', 'notice-zh.notice:2 "银发〔2027〕9号"',
  ]);
});

test('workspace repeals: a report of a repeal ("was repealed by") repeals nothing', async () => {
  const folder = await openFolder({
    'report.notice': lines('Notice on Something Else (Yinfa [2027] No. 20)', 'I. Yinfa [2024] No. 77 was repealed by Yinfa [2025] No. 1.'),
    'memo.txt': 'We still apply Yinfa [2024] No. 77.',
  });
  assert.deepEqual(codes(folder, 'memo.txt', 'repealed-notice'), []);
});

test('workspace diagnostics: a clause the cited notice lacks, and none for clauses it has', async () => {
  const folder = await openFolder(FOLDER);
  assert.deepEqual(codes(folder, 'memo-en.md', 'missing-clause'), ['5: "Clause (IX)": Yinfa [2027] No. 9 has no such clause.']);
  assert.deepEqual(codes(folder, 'memo-zh.txt', 'missing-clause'), []);
});

test('workspace diagnostics: two files of one language claiming one number are both reported', async () => {
  const folder = await openFolder({ ...FOLDER, 'draft-zh.notice': DUPLICATE_ZH });
  assert.deepEqual(codes(folder, 'draft-zh.notice', 'duplicate-notice'), ['2: notice-zh.notice also claims to be 银发〔2027〕9号.']);
  assert.deepEqual(codes(folder, 'notice-zh.notice', 'duplicate-notice'), ['2: draft-zh.notice also claims to be 银发〔2027〕9号.']);
  assert.deepEqual(codes(folder, 'notice-en.notice', 'duplicate-notice'), [], 'a translation is not a duplicate');
});

// -----------------------------------------------------------------------------------------------------------------
// Symbols, code lens, links, inlay hints, call hierarchy, hover, graph.

const symbolQueries: [string, string[]][] = [
  ['银发[2027]9', ['银发〔2027〕9号 关于规范支付代币的通知', 'Yinfa [2027] No. 9 Notice of the People\'s Bank of China and the National Financial Regulatory Administration on Regulating Payment Tokens']],
  ['yinfa 2027 no 9', ['银发〔2027〕9号 关于规范支付代币的通知', 'Yinfa [2027] No. 9 Notice of the People\'s Bank of China and the National Financial Regulatory Administration on Regulating Payment Tokens']],
  ['储值记录', ['银发〔2024〕31号 关于储值记录管理的通知']],
  ['payment tokens', ['银发〔2027〕9号 关于规范支付代币的通知', 'Yinfa [2027] No. 9 Notice of the People\'s Bank of China and the National Financial Regulatory Administration on Regulating Payment Tokens']],
];

for (const [query, expected] of symbolQueries) {
  test(`workspace symbols: "${query}"`, async () => {
    const folder = await openFolder(FOLDER);
    const notices = folder.service.workspaceSymbols(query).filter((symbol) => symbol.kind === 'notice').map((symbol) => symbol.name);
    assert.deepEqual(notices.sort(), [...expected].sort());
  });
}

test('workspace symbols: top-level clauses of notices, inside their notice', async () => {
  const folder = await openFolder(FOLDER);
  const clauses = folder.service.workspaceSymbols('prohibitions').filter((symbol) => symbol.kind !== 'notice');
  assert.deepEqual(clauses.map((symbol) => `${symbol.name} ⊂ ${symbol.containerName}`), ['II. Prohibitions ⊂ Yinfa [2027] No. 9 Notice of the People\'s Bank of China and the National Financial Regulatory Administration on Regulating Payment Tokens']);
});

test('workspace code lens: cited by N documents, on the notice\'s own number; repealed by whom, when', async () => {
  const folder = await openFolder(FOLDER);
  const [lens] = folder.service.codeLenses(documentOf(folder, 'notice-en.notice'));
  assert.equal(lens?.title, 'cited by 2 documents');
  assert.equal(lens.locations.length, 11);
  const [repealed] = folder.service.codeLenses(documentOf(folder, 'repealed-zh.notice'));
  assert.equal(repealed?.title, 'cited by 4 documents · repealed by 银发〔2027〕9号 on 2027-03-01', 'the memos, and the two files of the repealing notice');
});

test('workspace document links: citations that resolve to a file link to it, at the line', async () => {
  const folder = await openFolder(FOLDER);
  const links = folder.service.documentLinks(documentOf(folder, 'memo-zh.txt')).map((link) => link.target.slice('file:///ws/'.length));
  assert.deepEqual(links, [
    'notice-zh.notice#L2', 'notice-zh.notice#L2', 'notice-zh.notice#L2', 'notice-zh.notice#L9', 'notice-zh.notice#L2', 'notice-zh.notice#L10',
    'notice-zh.notice#L2', 'notice-zh.notice#L11', 'repealed-zh.notice#L1',
  ]);
});

test('workspace inlay hints: after a citation of a repealed notice', async () => {
  const folder = await openFolder(FOLDER);
  const document = documentOf(folder, 'memo-en.md');
  const hints = folder.service.inlayHints(document, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } });
  assert.deepEqual(hints.map((hint) => `${hint.position.line + 1}:${hint.position.character + 1} ${hint.label}`), ['6:51 repealed 2027-03-01']);
});

test('workspace call hierarchy: incoming = who cites, outgoing = what it cites', async () => {
  const folder = await openFolder(withCursor('notice-zh.notice', '银发〔2027〕9号', 2));
  const [item] = folder.service.prepareCallHierarchy(folder.document, folder.position);
  assert.ok(item);
  assert.equal(item.name, '银发〔2027〕9号');
  assert.deepEqual(folder.service.incomingCalls(item).map((call) => `${call.item.name} ×${call.fromRanges.length}`).sort(), ['memo-en.md ×6', 'memo-zh.txt ×5']);
  assert.deepEqual(folder.service.outgoingCalls(item).map((call) => `${call.item.name} ×${call.fromRanges.length}`), ['银发〔2024〕31号 ×1']);
});

test('workspace hover: a citation names the notice\'s files, its repeal and who repealed it', async () => {
  const folder = await openFolder(withCursor('memo-en.md', 'Yinfa [2024]', 2));
  const markdown = folder.service.hover(folder.document, folder.position)?.markdown ?? '';
  for (const part of ['**银发〔2024〕31号** · Yinfa [2024] No. 31', 'Status: **repealed** — repealed by 银发〔2027〕9号 (Yinfa [2027] No. 9) on 2027-03-01', '[repealed-zh.notice](file:///ws/repealed-zh.notice)']) {
    assert.ok(markdown.includes(part), `hover lacks ${part}:\n${markdown}`);
  }
});

test('workspace hover: a clause reference into another file shows that clause', async () => {
  const folder = await openFolder(withCursor('memo-en.md', 'Clause (III)', 9));
  const markdown = folder.service.hover(folder.document, folder.position)?.markdown ?? '';
  assert.ok(markdown.startsWith('**(III)** No Issuance — in Yinfa [2027] No. 9 ([notice-en.notice](file:///ws/notice-en.notice#L8))'), markdown);
});

test('workspace graph: notices as nodes (one per notice, whatever its languages), cites and repeals edges', async () => {
  const folder = await openFolder(FOLDER);
  const graph = folder.service.citationGraph();
  const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id);
  assert.equal(node('银发〔2027〕9号')?.files.length, 2);
  assert.equal(node('银发〔2024〕31号')?.status, 'repealed');
  assert.equal(node('银发〔2018〕3号')?.kind, 'external');
  assert.equal(node('file:///ws/memo-en.md')?.kind, 'document');
  const edges = graph.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`);
  for (const edge of ['银发〔2027〕9号 repeals 银发〔2024〕31号', '银发〔2024〕31号 repeals 银发〔2019〕7号', 'file:///ws/memo-zh.txt cites 银发〔2027〕9号']) {
    assert.ok(edges.includes(edge), `no edge ${edge} in ${edges.join(', ')}`);
  }
});

// -----------------------------------------------------------------------------------------------------------------
// The index follows changes, one file's work at a time.

test('workspace index: a new notice file is reached at once; deleting it unlinks its citers', async () => {
  const folder = await openFolder(withCursor('oldest-zh.notice', '银发〔2018〕3号', 2));
  assert.deepEqual(await definitions(folder), []);
  await writeFile(folder, 'new-zh.notice', lines('关于预付卡试点的通知', '银发〔2018〕3号', '', '一、试点。'));
  assert.deepEqual(await definitions(folder), ['new-zh.notice:2 "银发〔2018〕3号"']);
  await deleteFile(folder, 'new-zh.notice');
  assert.deepEqual(await definitions(folder), []);
});

test('workspace index: a notice changed on disk changes its citers\' diagnostics', async () => {
  const folder = await openFolder(FOLDER);
  assert.deepEqual(codes(folder, 'memo-en.md', 'repealed-notice').length, 1);
  await writeFile(folder, 'notice-en.notice', NOTICE_EN.replace(' The Notice on the Administration of Stored Value Records (Yinfa [2024] No. 31) is hereby repealed.', ''));
  await writeFile(folder, 'notice-zh.notice', NOTICE_ZH.replace('《关于储值记录管理的通知》（银发〔2024〕31号）同时废止。', ''));
  assert.deepEqual(codes(folder, 'memo-en.md', 'repealed-notice'), []);
});

test('workspace index: deleting a folder removes every file below it', async () => {
  const folder = await openFolder({ 'a/notice.notice': NOTICE_ZH, 'a/b/old.notice': REPEALED_ZH, 'memo.txt': MEMO_ZH });
  assert.equal(folder.service.index.size, 3);
  folder.workspace.delete('file:///ws/a');
  await folder.service.index.settled();
  assert.equal(folder.service.index.size, 1);
  assert.deepEqual(codes(folder, 'memo.txt', 'repealed-notice'), []);
});

test('workspace index: a file\'s summary depends on that file alone', async () => {
  const alone = await openFolder({ 'memo-en.md': MEMO_EN });
  const among = await openFolder(FOLDER);
  const summary = (folder: Folder) => {
    const summary = folder.service.index.summary('file:///ws/memo-en.md')!;
    return JSON.stringify({ ...summary, version: undefined }, (_key, value: unknown) => (value instanceof Uint32Array ? [...value] : value));
  };
  assert.equal(summary(alone), summary(among));
});

test('workspace index: an open document\'s unsaved text is what the workspace sees', async () => {
  const folder = await openFolder(FOLDER);
  const edited = { uri: 'file:///ws/memo-zh.txt', version: 99, getText: () => '旧手册依据银发〔2027〕9号第（九）项。' };
  const diagnostics = folder.service.diagnostics(edited);
  assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.code === 'missing-clause').map((diagnostic) => diagnostic.message),
    ['"第（九）项": 银发〔2027〕9号 has no such clause.']);
  assert.deepEqual(codes(folder, 'memo-zh.txt', 'repealed-notice'), [], 'the index holds the open text now');
});

// -----------------------------------------------------------------------------------------------------------------
// Classes found by adversarial texts: each a fixture, in both languages where the class exists in both.

const ORDER_WITH_PREAMBLE = lines(
  '中国人民银行令〔2027〕第4号',
  '',
  '《金融机构报告管理办法》已经2027年1月10日中国人民银行第1次行务会议审议通过，现予公布，自2027年3月1日起施行。',
  '',
  '行长：某某',
  '2027年1月20日',
  '',
  '金融机构报告管理办法',
  '',
  '第一条 为规范报告行为，制定本办法。',
  '第二条 金融机构应当报告。',
  '第三条 本办法自2027年3月1日起施行。2008年发布的《金融机构报告管理办法》（中国人民银行令〔2008〕第1号）同时废止。',
);

const ORDER_WITH_PREAMBLE_EN = lines(
  'Order of the People\'s Bank of China [2027] No. 4',
  '',
  'The Measures for the Administration of Reports by Financial Institutions (hereinafter referred to as "the Measures") are hereby promulgated.',
  '',
  'Governor: Someone',
  'January 20, 2027',
  '',
  'Measures for the Administration of Reports by Financial Institutions',
  '',
  'Article 1 These Measures regulate reports.',
  'Article 2 Reports are due under paragraph 1 of Article 1 of the Measures.',
);

test('adversarial: an order whose header is followed by its promulgation paragraph and signature, then its title', async () => {
  const folder = await openFolder({ 'order.notice': ORDER_WITH_PREAMBLE, 'order.en.txt': ORDER_WITH_PREAMBLE_EN });
  const zh = folder.service.analysis(documentOf(folder, 'order.notice'));
  assert.equal(zh.identity?.number?.key, '中国人民银行令〔2027〕4号');
  assert.equal(zh.identity?.title?.text, '金融机构报告管理办法');
  assert.deepEqual(zh.repeals.map((repeal) => repeal.target.kind === 'number' && repeal.target.number.key), ['中国人民银行令〔2008〕1号']);
  const en = folder.service.analysis(documentOf(folder, 'order.en.txt'));
  assert.equal(en.identity?.number?.key, '中国人民银行令〔2027〕4号');
  // "the Measures" is defined as the document's own title: its articles are this document's.
  const reference = en.references.find((candidate) => candidate.text.startsWith('paragraph 1'));
  assert.equal(reference?.external, undefined);
  assert.equal(reference?.target !== undefined && en.clauses[reference.target]!.label, 'Article 1');
});

const repealCases: [string, Record<string, string>, string[]][] = [
  ['a Chinese report of a repeal (已被…废止) repeals nothing, neither notice it names',
    { 'n.notice': lines('关于跨境业务的通知', '银发〔2027〕30号', '', '一、《关于甲的通知》（银发〔2024〕15号）已被《关于乙的通知》（银发〔2025〕88号）废止。') }, []],
  ['a clause of a notice that ceases to apply is no repeal of the notice',
    { 'n.notice': lines('关于外汇业务的通知', '汇发〔2027〕5号', '', '一、《关于丙的通知》（汇发〔2025〕9号）第三项不再执行。') }, []],
  ['an English clause that ceases to apply', { 'n.notice': lines('Notice on Foreign Exchange (Huifa [2027] No. 5)', '', 'I. Clause III of Huifa [2025] No. 9 shall cease to be effective.') }, []],
  ['a draft repeals nothing yet', { 'd.txt': lines('国家外汇管理局关于跨境支付的通知（征求意见稿）', '汇发〔2027〕6号', '', '一、《关于丙的通知》（汇发〔2025〕9号）同时废止。') }, []],
  ['a whole notice repealed in the same words is', { 'n.notice': lines('关于外汇业务的通知', '汇发〔2027〕5号', '', '一、《关于丙的通知》（汇发〔2025〕9号）同时废止。') }, ['汇发〔2025〕9号']],
  ...[
    '一、《关于简化流程的通知》（银发〔2020〕7号）中与本通知不一致的内容同时废止。',
    '一、《关于简化流程的通知》（银发〔2020〕7号）中关于逐笔审核发票的规定停止执行。',
    '一、银发〔2020〕7号的有关规定同时废止。',
    '一、银发〔2020〕7号中的相关条款不再执行。',
  ].map((sentence): [string, Record<string, string>, string[]] => [`provisions of a notice, named after it, are no repeal of it: ${sentence}`,
    { 'n.notice': lines('关于调整有关政策的通知', '银发〔2026〕61号', '', sentence) }, []]),
  ...[
    'I. Any provisions of the Notice on Simplifying Procedures (Yinfa [2020] No. 7) that are inconsistent with this Notice shall cease to be effective.',
    'I. The provisions on invoice review in Yinfa [2020] No. 7 shall cease to be effective.',
    'I. Yinfa [2020] No. 7, in so far as it is inconsistent with this Notice, shall cease to be effective.',
  ].map((sentence): [string, Record<string, string>, string[]] => [`English provisions of a notice are no repeal of it: ${sentence}`,
    { 'n.notice': lines('Notice on Adjusting Policies (Yinfa [2026] No. 71)', '', sentence) }, []]),
  ['a whole notice and provisions of another in one sentence: the whole one only',
    { 'n.notice': lines('关于调整有关政策的通知', '银发〔2026〕61号', '', '一、银发〔2019〕15号、银发〔2020〕7号中与本通知不一致的内容同时废止。') }, ['银发〔2019〕15号']],
];

for (const [what, files, expected] of repealCases) {
  test(`adversarial repeals: ${what}`, async () => {
    const folder = await openFolder(files);
    assert.deepEqual(folder.service.analysis(folder.document).repeals.map((repeal) => repeal.target.kind === 'number' ? repeal.target.number.key : '?'), expected);
  });
}

test('adversarial: a numberless draft titled like a notice is no notice', async () => {
  const folder = await openFolder({ 'draft.txt': lines('国家外汇管理局关于跨境支付机构外汇业务管理有关问题的通知（征求意见稿）', '', '一、草稿。') });
  assert.equal(folder.service.analysis(folder.document).identity, undefined);
});

const citingCases: [string, string, string][] = [
  ['a verb of citing before a number is not its issuer (引用)', '核对是否存在引用银发〔2025〕88号文第（十二）项的情形。', '银发〔2025〕88号'],
  ['援引', '部分分行援引银发〔2025〕88号作为依据。', '银发〔2025〕88号'],
];

for (const [what, text, key] of citingCases) {
  test(`adversarial citations: ${what}`, async () => {
    const folder = await openFolder({ 'memo.txt': text });
    assert.deepEqual(folder.service.analysis(folder.document).noticeNumbers.map((number) => number.key), [key]);
  });
}

const NOTICE_88 = lines(
  '关于进一步规范跨境结算业务的通知',
  '银发〔2025〕88号',
  '',
  '一、总体要求',
  '二、业务办理',
  '三、风险管理',
  '（一）甲。',
  '（二）乙。',
  '（三）丙。',
);

const referenceIntoCases: [string, Record<string, string>, string[]][] = [
  ['a short name of any form (新规) before 第（二）项', { 'n.notice': NOTICE_88, 'memo.txt': '银发〔2025〕88号（以下简称“新规”）已印发。新规第（$0二）项规定了乙。' }, ['n.notice:8 "（二）"']],
  ['第三项 without brackets, in a notice with parts 一、二、三、 and no items, is the part 三、',
    { 'n.notice': lines('关于外汇业务的通知', '汇发〔2025〕9号', '', '一、甲。', '二、乙。', '三、丙。'), 'memo.txt': '汇发〔2025〕9号第三$0项不再执行。' }, ['n.notice:6 "三、"']],
  ['Clause (III) of an unquoted title followed by its number',
    { 'n.notice': NOTICE_88, 'memo.md': 'See Clause (I$0II) of the Notice on Further Regulating Cross-border Settlement (Yinfa [2025] No. 88).' }, ['n.notice:9 "（三）"']],
  ['"The said Notice" at the start of a sentence', { 'n.notice': NOTICE_88, 'memo.md': 'We follow Yinfa [2025] No. 88. The said Notice, Clause (II) in particular, applies. Clause (I$0I) of the said Notice too.' }, ['n.notice:8 "（二）"']],
];

for (const [what, files, expected] of referenceIntoCases) {
  test(`adversarial references into a notice: ${what}`, async () => {
    assert.deepEqual(await definitions(await openFolder(files)), expected);
  });
}

test('adversarial: "Clause II of the X Notice refers to Clause (III) of …" is a cross-reference, not a definition', async () => {
  const folder = await openFolder({ 'memo.md': 'Clause II of the Reserve Fund Notice refers to Clause (III) of Yinfa [2024] No. 15.' });
  assert.deepEqual(folder.service.analysis(folder.document).definitions, []);
});

test('adversarial: "the same notice" on a later line than the citation is warned about too', async () => {
  const folder = await openFolder({
    'repealer.notice': lines('关于乙的通知', '银发〔2026〕9号', '', '一、本通知自2026年1月1日起施行，《关于甲的通知》（银发〔2025〕8号）同时废止。'),
    'memo.txt': lines('银发〔2025〕8号已于2026年1月1日废止。', '部分分行制度援引上述通知第十条作为依据。'),
  });
  assert.deepEqual(codes(folder, 'memo.txt', 'repealed-notice'), ['2: 银发〔2025〕8号 was repealed by 银发〔2026〕9号 on 2026-01-01.']);
});

test('adversarial: an unquoted English title cited with its number teaches the workspace the title', async () => {
  const folder = await openFolder({
    'n.notice': NOTICE_88,
    'a.md': 'It was repealed by the Notice on Further Regulating Cross-border Settlement (Yinfa [2025] No. 88).',
    'b.md': 'Our analysis relied on the "Notice on Further Regulating Cross-border Settlement$0".',
  });
  assert.deepEqual(await definitions(folder), ['n.notice:2 "银发〔2025〕88号"']);
});

const customaryCases: [string, string, string][] = [
  ['94号文 names the announcement of 4 September 2017, which has no number', '按照94号$0文的要求，不得开展代币发行融资。', '关于防范代币发行融资风险的公告'],
  ['九四公告', '九四公$0告明确禁止代币发行融资。', '关于防范代币发行融资风险的公告'],
  ['237号文 by its serial', '237号$0文已废止。', '关于进一步防范和处置虚拟货币交易炒作风险的通知'],
];

for (const [what, text, title] of customaryCases) {
  test(`customary short names: ${what}`, async () => {
    const folder = await openFolder({ 'memo.txt': text });
    const markdown = folder.service.hover(folder.document, folder.position)?.markdown ?? '';
    assert.ok(markdown.includes(`《${title}》`), markdown);
  });
}

test('customary short names: a numberless notice in the workspace is the same notice as the built-in one', async () => {
  const folder = await openFolder({
    'announcement.notice': lines('中国人民银行 中央网信办 工业和信息化部 工商总局 银监会 证监会 保监会关于防范代币发行融资风险的公告', '', '一、准确认识代币发行融资活动的本质属性。'),
    'memo.txt': '按照94号$0文执行。',
  });
  assert.deepEqual(await definitions(folder), ['announcement.notice:1 "中国人民银行 中央网信办 工业和信息化部 工商总局 银监会 证监会 保监会关于防范代币发行融资风险的公告"']);
});

// -----------------------------------------------------------------------------------------------------------------
// Classes found by the second set of adversarial texts.

const REPEALER_SAFE = lines('关于测试废止的通知', '汇发〔2025〕1号', '', '一、本通知自2025年1月1日起施行。《旧通知》（汇发〔2020〕3号）同时废止。');

const repealedWarnings: [string, string, string[]][] = [
  ['or-joined numbers: 或者 is no local prefix of 汇发', '二、已按照汇发〔2024〕2号或者汇发〔2020〕3号办理的，无需重新备案。', ['1']],
  ['a tab between a verb and the number', '五、是否停止\t汇发〔2020〕3号相关流程', ['1']],
  ['a log line is a sentence of its own', lines('筛查日志', '[09:30] 命中=汇发〔2020〕3号  状态=待复核', '[09:31] 命中=汇发〔2024〕2号  状态=已废止'), ['2']],
  ['a table row is a sentence of its own', lines('| Number | Status |', '|---|---|', '| Huifa [2020] No. 3 | In force |', '| Huifa [2024] No. 2 | Repealed |'), ['3']],
  ['a number wrapped before its serial stays in its sentence', lines('汇发〔2019〕8号又被汇发〔2020〕', '3号取代。'), []],
  ['a report of replacement (取代) warns no one', '汇发〔2020〕3号已被汇发〔2025〕1号取代。', []],
];

for (const [what, text, expected] of repealedWarnings) {
  test(`adversarial 2: ${what}`, async () => {
    const folder = await openFolder({ 'repealer.notice': REPEALER_SAFE, 'doc.txt': text });
    assert.deepEqual(codes(folder, 'doc.txt', 'repealed-notice').map((line) => line.split(':')[0]), expected);
  });
}

test('adversarial 2: a clause of one notice and a whole other notice ending in one sentence', async () => {
  const folder = await openFolder({ 'n.notice': lines('关于测试二的通知', '银保监发〔2025〕3号', '', '一、《甲意见》（银保监发〔2019〕23号）第三项、《乙通知》（银保监办发〔2021〕88号）不再执行。') });
  assert.deepEqual(folder.service.analysis(folder.document).repeals.map((repeal) => repeal.target.kind === 'number' ? repeal.target.number.key : '?'), ['银保监办发〔2021〕88号']);
});

test('adversarial 2: an English item of a notice cited by title and number ceases to be effective: no repeal', async () => {
  const folder = await openFolder({ 'n.notice': lines('Notice on Testing', 'Zhengjianfa [2025] No. 2', '', 'I. Item 3 of the Notice on Matters Relating to Cross-border Business (Zhengjianfa [2016] No. 8) shall cease to be effective.') });
  assert.deepEqual(folder.service.analysis(folder.document).repeals, []);
});

test('adversarial 2: a short name defined after a number wrapped over two lines', async () => {
  const folder = await openFolder({
    'repealer.notice': lines('关于测试的通知', '汇发〔2025〕1号', '', '一、本通知自2025年1月1日起施行。《旧通知》（汇发〔2022〕11号）同时废止。'),
    'split.txt': lines('Memo', 'filed under Huifa [2022]', 'No. 11 (hereinafter referred to as the "2022 Provisions"). The 2022 Provisions still apply.'),
  });
  assert.deepEqual(codes(folder, 'split.txt', 'repealed-notice').map((line) => line.split(':')[0]), ['2', '3']);
});

test('adversarial 2: an ordinal English date dates the repeal', async () => {
  const folder = await openFolder({
    'repealer.notice': lines('Notice on Cash Pools (Huifa [2022] No. 11)', '', '(1) This Notice shall come into force on June 1st, 2022. Huifa [2019] No. 28 is hereby repealed.'),
    'memo.txt': 'We apply Huifa [2019] No. 28.',
  });
  assert.deepEqual(codes(folder, 'memo.txt', 'repealed-notice'), ['1: Huifa [2019] No. 28 was repealed by Huifa [2022] No. 11 on 2022-06-01.']);
});

// -----------------------------------------------------------------------------------------------------------------
// Third adversarial set: references into an order written the ways translations and memos write them, a notice
// numbered 一、二、三、 referred to in English words, and a memo whose own list items must not catch them.

const ORDER_3_ZH = lines(
  '中国人民银行令〔2026〕第3号',
  '',
  '非银行支付机构客户备付金存管办法',
  '',
  '第一条　为规范客户备付金管理，制定本办法。',
  '第二条　客户备付金的所有权属于客户。',
  '第三条　非银行支付机构应当全额交存客户备付金。',
  '第四条　非银行支付机构应当每日核对客户备付金余额。',
  '发现差错的，应当于当日更正。',
  '第五条　本办法自2026年7月1日起施行。',
);

const SAFE_28_ZH = lines(
  '国家外汇管理局关于进一步便利跨境贸易投资的通知',
  '汇发〔2019〕28号',
  '',
  '一、取消非投资性外商投资企业资本金境内股权投资限制。',
  '二、扩大贸易收支便利化试点范围。',
  '三、放宽资本项目收入使用限制。',
  '四、本通知自发布之日起施行。',
);

/** A memo numbered 1. 2. 3. 4.: its items are no articles of anything. */
const listMemo = (line: string) => lines('Memo', '', '1. First point.', '2. Second point.', '3. Third point.', `4. ${line}`);

const referenceFormCases: [string, Record<string, string>, string[]][] = [
  ['Article 4(2) of an order: the article (and its paragraph), not the memo\'s item 4.',
    { 'order.zh.txt': ORDER_3_ZH, 'memo.txt': listMemo('Article $04(2) of PBOC Order [2026] No. 3 requires same-day correction.') }, ['order.zh.txt:8 "第四条"']],
  ['Article 4, paragraph 2 of an order',
    { 'order.zh.txt': ORDER_3_ZH, 'memo.txt': listMemo('Article 4, paragraph $02 of PBOC Order [2026] No. 3 requires it.') }, ['order.zh.txt:8 "第四条"']],
  ['the order, then ", Article 3,"',
    { 'order.zh.txt': ORDER_3_ZH, 'memo.txt': listMemo('PBOC Order [2026] No. 3, Article $03, requires full deposit.') }, ['order.zh.txt:7 "第三条"']],
  ['《title》（number 发布）第三条: the parenthesis between title and article',
    { 'order.zh.txt': ORDER_3_ZH, 'memo.txt': '1. 甲。\n2. 乙。\n3. 《非银行支付机构客户备付金存管办法》（中国人民银行令〔2026〕第3号发布）第$0三条要求全额交存。' }, ['order.zh.txt:7 "第三条"']],
  ['a parenthesis that defines a short name between title and article',
    { 'order.zh.txt': ORDER_3_ZH, 'memo.txt': '《非银行支付机构客户备付金存管办法》（中国人民银行令〔2026〕第3号发布，以下简称《办法》）第$0四条第二款要求当日更正。' }, ['order.zh.txt:8 "第四条"']],
  ['"Section III" of a notice numbered 一、二、三、',
    { 'n.zh.txt': SAFE_28_ZH, 'memo.txt': 'Section I$0II of Huifa [2019] No. 28 relaxes restrictions.' }, ['n.zh.txt:6 "三、"']],
  ['"Clause (III)" of a notice numbered 一、二、三、 with no （三）',
    { 'n.zh.txt': SAFE_28_ZH, 'memo.txt': 'Clause (I$0II) of Huifa [2019] No. 28 relaxes restrictions.' }, ['n.zh.txt:6 "三、"']],
  ['"Section II of the same notice"',
    { 'n.zh.txt': SAFE_28_ZH, 'memo.txt': 'Huifa [2019] No. 28 applies; see Section I$0I of the same notice.' }, ['n.zh.txt:5 "二、"']],
  ['a bare "Article 4" in a memo is not the memo\'s item 4.', { 'memo.txt': listMemo('Article $04 applies.') }, []],
  ['a citation ending a sentence does not name the next one\'s article',
    { 'order.zh.txt': ORDER_3_ZH, 'memo.txt': listMemo('We follow PBOC Order [2026] No. 3. Article $04 of the Measures applies.') }, []],
];

for (const [what, files, expected] of referenceFormCases) {
  test(`adversarial reference forms: ${what}`, async () => {
    assert.deepEqual(await definitions(await openFolder(files)), expected);
  });
}

test('adversarial reference forms: paragraph 2 of an article the order has is not reported missing', async () => {
  const folder = await openFolder({ 'memo.txt': listMemo('Article 4, paragraph 2 of PBOC Order [2026] No. 3 and Article 4(2) of PBOC Order [2026] No. 3.'), 'order.zh.txt': ORDER_3_ZH });
  assert.deepEqual(folder.service.diagnostics(folder.document).map((diagnostic) => diagnostic.code), []);
});

test('adversarial reference forms: "Section III" of a notice with 一、二、三、 only is not reported missing', async () => {
  const folder = await openFolder({ 'memo.txt': 'See Section III of Huifa [2019] No. 28, Clause (III) of Huifa [2019] No. 28 and Section V of Huifa [2019] No. 28.', 'n.zh.txt': SAFE_28_ZH });
  assert.deepEqual(folder.service.diagnostics(folder.document).map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`),
    ['missing-clause "Section V": Huifa [2019] No. 28 has no such clause.']);
});

/** The hover at the cursor, as one string; fails (rather than passing on an empty string) when there is none. */
async function hoverText(files: Record<string, string>): Promise<string> {
  const folder = await openFolder(files);
  const markdown = folder.service.hover(folder.document, folder.position)?.markdown;
  assert.ok(markdown !== undefined, 'no hover');
  return markdown;
}

const REPEALING_37 = lines(
  '中国人民银行关于印发《征信投诉办理规程》的通知（银发〔2024〕37号）',
  '',
  '各分支机构：',
  '',
  '现将修订后的《征信投诉办理规程》印发给你们，自2024年5月1日起施行。原《征信投诉办理规程》（银办发〔2014〕73号文印发）同时废止。',
);

const hoverCases: [string, Record<string, string>, string[], string[]][] = [
  ['a notice known only because a workspace notice repeals it: its status, its issuer',
    { 'memo.txt': '合规提示\n\n部分分支机构仍援引银办发〔2014〕$073号文处理征信投诉。', 'n.zh.txt': REPEALING_37 },
    ['Status: **repealed** — repealed by 银发〔2024〕37号', 'on 2024-05-01', 'Issued by People\'s Bank of China', '《征信投诉办理规程》'], ['neither in the workspace']],
  ['a notice only in the workspace: its issuer from the issuer code',
    { 'memo.txt': '依据汇发〔2019〕$028号办理。', 'n.zh.txt': SAFE_28_ZH },
    ['《国家外汇管理局关于进一步便利跨境贸易投资的通知》', 'Issued by State Administration of Foreign Exchange'], []],
  ['a workspace file titled otherwise than the built-in record of its number: the file\'s title, and the record named as another text',
    { 'memo.txt': '依据银发〔2026〕$042号办理。', 'n.zh.txt': lines('中国人民银行关于进一步优化跨境人民币结算业务管理的通知', '银发〔2026〕42号', '', '一、总体要求。') },
    ['《中国人民银行关于进一步优化跨境人民币结算业务管理的通知》', 'regtext\'s notice table knows this number as'], ['虚拟货币等相关风险的通知》\n']],
];

for (const [what, files, present, absent] of hoverCases) {
  test(`adversarial hover: ${what}`, async () => {
    const markdown = await hoverText(files);
    for (const part of present) assert.ok(markdown.includes(part), `hover lacks ${part}:\n${markdown}`);
    for (const part of absent) assert.ok(!markdown.includes(part), `hover has ${part}:\n${markdown}`);
  });
}

test('adversarial: the cursor on the issuer\'s name in an order header names the order, for references and call hierarchy', async () => {
  const folder = await openFolder({ 'order.zh.txt': ORDER_3_ZH.replace('中国人民银行令', '中国人$0民银行令'), 'memo.txt': '依据中国人民银行令〔2026〕第3号第三条办理。' });
  assert.deepEqual(places(folder, folder.service.references(folder.document, folder.position, { includeDeclaration: false })), ['memo.txt:1 "中国人民银行令〔2026〕第3号"']);
  assert.deepEqual(folder.service.prepareCallHierarchy(folder.document, folder.position).map((item) => item.name), ['中国人民银行令〔2026〕第3号']);
});

const NFRA_ORDER_4 = lines('国家金融监督管理总局令', '2026年第4号', '', '《银行业金融机构数据治理办法》已经国家金融监督管理总局2026年第1次局务会议审议通过，现予公布。', '', '第一条 为了规范数据治理，制定本办法。');

for (const query of ['国家金融监督管理总局令2026年第4号', '国家金融监督管理总局令 2026年第4号', '2026年第4号', '金融监管总局令2026年第4号', 'NFRA Order [2026] No. 4', '国家金融监督管理总局令〔2026〕第4号']) {
  test(`adversarial workspace symbols: an NFRA order found as "${query}"`, async () => {
    const folder = await openFolder({ 'order.zh.txt': NFRA_ORDER_4, 'n.zh.txt': SAFE_28_ZH });
    const notices = folder.service.workspaceSymbols(query).filter((symbol) => symbol.kind === 'notice').map((symbol) => symbol.name);
    assert.deepEqual(notices, ['国家金融监督管理总局令〔2026〕第4号']);
  });
}

test('adversarial: a notice saved from a government site, its number in a metadata line "文号：…", is that notice', async () => {
  const saved = lines(
    '中国人民银行关于做好个人银行账户服务工作的指导意见',
    '',
    '标题：中国人民银行关于做好个人银行账户服务工作的指导意见索引号：HB/2021-4358499文号：银发〔2021〕245号发文机关：中国人民银行发布日期：2021年09月30日',
    '各分行：',
    '一、充分利用存量个人银行账户。',
  );
  const folder = await openFolder({ 'memo.txt': '依据银发〔2021〕$0245号办理。', 'saved.txt': saved });
  assert.deepEqual(await definitions(folder), ['saved.txt:3 "银发〔2021〕245号"']);
});

test('adversarial: "文号" in a memo\'s body is no header field', async () => {
  const folder = await openFolder({ 'memo.txt': lines('关于账户工作的备忘', '', '一、请注意。', '二、相关文件的文号：银发〔2021〕245号。') });
  assert.equal(folder.service.analysis(folder.document).identity, undefined);
});

test('adversarial: inlay hints stand wherever a repealed notice is warned of, "the same notice" on a later line too', async () => {
  const memo = lines('合规提示', '', '一、部分分支机构仍援引银办发〔2014〕73号文处理投诉。', '二、上述通知第（六）项仍被引用。');
  const folder = await openFolder({ 'memo.txt': memo, 'n.zh.txt': REPEALING_37 });
  const hints = folder.service.inlayHints(folder.document, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } });
  const warned = folder.service.diagnostics(folder.document).filter((diagnostic) => diagnostic.code === 'repealed-notice');
  assert.deepEqual(hints.map((hint) => `${hint.position.line + 1}:${hint.position.character + 1} ${hint.label}`), ['3:24 repealed 2024-05-01', '4:7 repealed 2024-05-01']);
  assert.deepEqual(warned.map((diagnostic) => diagnostic.range.end), hints.map((hint) => hint.position));
});

test('adversarial reference forms: "Point (8)" and "the notice, Clause (VIII)," into a notice', async () => {
  const notice = lines('关于规范支付代币的通知', '银发〔2027〕9号', '', '一、总体要求', '（一）甲。', '（二）乙。', '（三）丙。');
  assert.deepEqual(await definitions(await openFolder({ 'memo.md': 'Point (I$0II) of Yinfa [2027] No. 9 applies.', 'n.notice': notice })), ['n.notice:7 "（三）"']);
  assert.deepEqual(await definitions(await openFolder({ 'memo.md': 'Yinfa [2027] No. 9, Clause (I$0I), applies.', 'n.notice': notice })), ['n.notice:6 "（二）"']);
});

test('adversarial reference forms: an item list 第（三）、（五）项 into a notice names each member', async () => {
  const notice = lines('关于规范支付代币的通知', '银发〔2027〕9号', '', '一、总体要求', '（一）甲。', '（二）乙。', '（三）丙。', '（四）丁。', '（五）戊。');
  const memo = (cursorAt: string) => `依据银发〔2027〕9号第（三）、（五）项办理。`.replace(cursorAt, cursorAt.slice(0, 1) + '$0' + cursorAt.slice(1));
  assert.deepEqual(await definitions(await openFolder({ 'memo.txt': memo('（三）'), 'n.notice': notice })), ['n.notice:7 "（三）"']);
  assert.deepEqual(await definitions(await openFolder({ 'memo.txt': memo('（五）'), 'n.notice': notice })), ['n.notice:9 "（五）"']);
});

test('adversarial reference forms: 第五条第（一）、（二）项 inside a law: the items of that article', async () => {
  const law = lines('第四条 甲：', '（一）子；', '（二）丑。', '第五条 乙：', '（一）寅；', '（二）卯。', '第六条 违反第五条第（一）、（二$0）项的，予以处罚。');
  assert.deepEqual(await definitions(await openFolder({ 'law.txt': law })), ['law.txt:6 "（二）"']);
});

test('adversarial reference forms: 第三部分 of a notice numbered 一、二、三、 is its part 三、', async () => {
  assert.deepEqual(await definitions(await openFolder({ 'memo.txt': '依据汇发〔2019〕28号第三$0部分办理。', 'n.zh.txt': SAFE_28_ZH })), ['n.zh.txt:6 "三、"']);
});

test('"the same notice" after "is" or "was" is a statement, not a citation; elsewhere it cites the notice last cited', async () => {
  const folder = await openFolder({ 'memo.md': 'Yinfa [2027] No. 9 applies. That notice is the same notice as before. Clause (II) of the same notice applies.' });
  const analysis = folder.service.analysis(folder.document);
  const anaphora = analysis.citations.filter((citation) => citation.via === 'anaphora');
  assert.deepEqual(anaphora.map((citation) => analysis.text.slice(citation.start, citation.end)), ['the same notice']);
  assert.ok(anaphora[0]!.start > 'Yinfa [2027] No. 9 applies. That notice is the same notice as before.'.length);
});

const NOTICE_18_ZH = lines('关于规范展业的通知', '银发〔2026〕18号', '', '一、总体要求', '（一）甲。', '（二）乙。', '（三）丙。', '（四）丁。', '（五）戊。', '（六）己。', '（七）庚。', '（八）辛。');

test('adversarial short names: defined in a sentence that begins 本办法 / "These Measures", they name the notice cited before the parenthesis', async () => {
  const zh = lines('制度', '', '第一条　本办法依据银发〔2026〕18号（以下简称《展业通知》）制定。', '', '第二条　《展业通知》第（八$0）项适用。');
  assert.deepEqual(await definitions(await openFolder({ 'policy.txt': zh, 'n.zh.txt': NOTICE_18_ZH })), ['n.zh.txt:12 "（八）"']);
  const en = lines('Policy', '', 'Article 1 These Measures implement Yinfa [2026] No. 18 (hereinafter the "Conduct Notice") today.', '', 'Article 2 Item (8$0) of the Conduct Notice applies.');
  assert.deepEqual(await definitions(await openFolder({ 'policy.md': en, 'n.zh.txt': NOTICE_18_ZH })), ['n.zh.txt:12 "（八）"']);
});

const ORDER_5_ZH = lines('中国人民银行令〔2026〕第5号', '', '金融机构客户尽职调查管理办法', '', '第一条　为规范客户尽职调查，制定本办法。', '第二条　本办法适用于金融机构。', '第三条　金融机构应当识别客户。', '第四条　金融机构应当持续识别客户。', '发现异常的，应当重新识别客户。');
const NFRA_ORDER_8 = lines('国家金融监督管理总局令', '2026年第8号', '', '第一条　为了规范数据治理，制定本办法。', '第二条　银行应当建立数据治理体系。');

const orderShorthandCases: [string, Record<string, string>, string[]][] = [
  ['人民银行5号令第四条第二款 is article 4 of the PBOC order 5',
    { 'memo.txt': '备忘\n\n一、分行应当按照人民银行5号令第四$0条第二款重新识别客户。', 'order.txt': ORDER_5_ZH }, ['order.txt:8 "第四条"']],
  ['总局2026年第8号令第一条: the order of that year, never the memo\'s own 一、',
    { 'memo.txt': '备忘\n\n一、甲。\n二、乙。\n四、总局2026年第8号令第一$0条。', 'order.txt': NFRA_ORDER_8 }, ['order.txt:4 "第一条"']],
  ['5号令 itself goes to the order', { 'memo.txt': '依照5号$0令办理。', 'order.txt': ORDER_5_ZH }, ['order.txt:1 "中国人民银行令〔2026〕第5号"']],
  ['5号文 is no order: with only an order numbered 5 in the workspace, it goes nowhere',
    { 'memo.txt': '依照5号$0文办理。', 'order.txt': ORDER_5_ZH }, []],
];

for (const [what, files, expected] of orderShorthandCases) {
  test(`adversarial orders by shorthand: ${what}`, async () => {
    assert.deepEqual(await definitions(await openFolder(files)), expected);
  });
}

const shortNameFormCases: [string, string][] = [
  ['a quoted name after the number in one parenthesis', 'The PBOC issued a notice (Yinfa [2026] No. 18, "Circular 18") last year. Item (VII$0I) of Circular 18 applies.'],
  ['"the Circular" after the number in one parenthesis', 'The PBOC issued a notice (Yinfa [2026] No. 18, the "Circular") last year. Item (VII$0I) of the Circular applies.'],
  ['简称 without 以下', '人民银行印发了通知（银发〔2026〕18号，简称《展业通知》）。《展业通知》第（八$0）项适用。'],
];

for (const [what, memo] of shortNameFormCases) {
  test(`adversarial short names: ${what}`, async () => {
    assert.deepEqual(await definitions(await openFolder({ 'memo.md': memo, 'n.zh.txt': NOTICE_18_ZH })), ['n.zh.txt:12 "（八）"']);
  });
}

test('adversarial reference forms: "Paragraph III" of a notice numbered 一、二、三、 is its part 三、', async () => {
  assert.deepEqual(await definitions(await openFolder({ 'memo.md': 'Paragraph I$0II of Huifa [2019] No. 28 applies.', 'n.zh.txt': SAFE_28_ZH })), ['n.zh.txt:6 "三、"']);
});

test('adversarial repeals: a sentence that says a repealed notice no longer applies, in either language, is told already', async () => {
  const order = lines('国家金融监督管理总局令', '2027年第3号', '', '第一条　为了规范数据，制定本办法。', '第二条　国家金融监督管理总局令2024年第3号同时废止。');
  for (const memo of ['国家金融监督管理总局令2024年第3号已不再适用。', 'NFRA Order No. 3 of 2024 no longer applies.', 'NFRA Order No. 3 of 2024 is no longer in force.']) {
    const folder = await openFolder({ 'memo.md': memo, 'order.txt': order });
    assert.deepEqual(folder.service.diagnostics(folder.document).map((diagnostic) => diagnostic.code), [], memo);
  }
});

test('adversarial short names: an unquoted English title before "(hereinafter … "CDD Measures")" names the order of that title', async () => {
  const orderEn = lines('PBOC Order [2026] No. 5', '', 'Measures for the Administration of Client Due Diligence by Financial Institutions', '',
    'Article 1 These Measures are formulated to regulate client due diligence.', 'Article 2 These Measures apply to financial institutions.', 'Article 3 Financial institutions shall identify their clients.');
  const memo = 'Under the Measures for the Administration of Client Due Diligence by Financial Institutions (hereinafter referred to as the "CDD Measures"), banks identify clients. Article $03 of the CDD Measures applies.';
  assert.deepEqual(await definitions(await openFolder({ 'memo.md': memo, 'order.en.txt': orderEn, 'order.zh.txt': ORDER_5_ZH })), ['order.en.txt:7 "Article 3"', 'order.zh.txt:7 "第三条"']);
});

test('adversarial ranges: find references on a clause finds the ranges that name it, in both languages', async () => {
  const folder = await openFolder({
    'n.zh.txt': NOTICE_18_ZH.replace('（八）辛', '（$0八）辛'),
    'memo.zh.txt': '依据银发〔2026〕18号第（七）至（九）项办理。',
    'memo.en.md': 'Clauses (VI) to (IX) of Yinfa [2026] No. 18 apply; Clauses (II) and (III) of Yinfa [2026] No. 18 do not.',
  });
  assert.deepEqual(places(folder, folder.service.references(folder.document, folder.position, { includeDeclaration: false })).sort(),
    ['memo.en.md:1 "Clauses (VI) to (IX)"', 'memo.zh.txt:1 "第（七）至（九）项"'].sort());
});

test('adversarial ranges: 第五条至第八条 inside a law names 第六条 and 第七条', async () => {
  const law = lines('第五条 甲。', '第六条 乙。', '第七条 丙。', '第八条 丁。', '第九条 违反第五条至第八条规定的，予以处罚。');
  const folder = await openFolder({ 'law.txt': law.replace('第六条 乙', '第$0六条 乙') });
  assert.deepEqual(places(folder, folder.service.references(folder.document, folder.position, { includeDeclaration: false })), ['law.txt:5 "第五条至第八条"']);
});
