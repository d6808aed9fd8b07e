/**
 * Differential fuzzing of incremental sync: a seeded random editing session (typing, backspacing, Enter, pastes,
 * deleted lines, cut and paste, multi-cursor edits, edits at CRLFs) is sent to a real server as
 * textDocument/didChange with ranges; every few edits, what that server says about the edited document is compared
 * with what a second server says about a fresh document opened with the same text: diagnostics, document symbols,
 * semantic tokens, folding ranges, code lenses, document links, inlay hints, and hover, definition and references
 * at a few places. Any difference is a bug in applying edits or in re-using earlier analysis.
 *
 * Two servers, so that the fresh document never sits beside the edited one in the same workspace index (two open
 * documents with one notice number are duplicates of each other, and would change each other's diagnostics).
 *
 * Seeds are fixed (reproducible CI); REGTEXT_FUZZ_SEED=<n>|random and REGTEXT_FUZZ_SCALE=<factor> override them
 * (see ../core/fuzz/random.ts). A failure names its seed and writes the text before the failing batch, the batch's
 * changes and both answers to a JSON file, so it can be replayed and shrunk.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { fuzzCount, fuzzSeeds, mulberry32, replay, type Random } from '../core/fuzz/random';
import { SEED_TEXTS } from '../core/fuzz/seedTexts';
import { applyEdit, lineStarts, nextSteps, positionAt, toChange } from './fuzz/edits';
import { LspClient } from './lspClient';

const THIS_FILE = 'dist/test/protocol/incremental.test.js';
/** One seed per seed text by default: each session starts from a different document. */
const DEFAULT_SEEDS = [1, 2, 3, 4, 5];
/** Edits (changes, not notifications) per session: 5 × 500 = 2,500 edits in all by default. */
const EDITS_PER_SESSION = fuzzCount(500);
/** Compare the views that are requested (symbols, tokens, hover…) after 1 to 2 × this many notifications (mostly)… */
const COMPARE_EVERY = 16;
/** How often a comparison comes after only one to three notifications. */
const SHORT_BATCH_CHANCE = 0.3;
/** …and the published diagnostics (which wait for the server's debounce) every this many comparisons, and at the end. */
const DIAGNOSTICS_EVERY = 4;
/** How often a notification is followed by a request (semantic tokens, folding, symbols, hover…) that is not compared. */
const PROBE_CHANCE = 0.15;
/** The text is kept around this size: long enough for structure, short enough for thousands of edits. */
const MAX_LENGTH = 6000;

/**
 * Sessions run side by side, each on a lane of its own (a pair of servers: one edited, one opened fresh), since most
 * of a session's time is the server's diagnostics debounce, not work.
 */
const LANES = 2;
interface Lane {
  edited: LspClient;
  fresh: LspClient;
}
const lanes: Lane[] = [];
const freeLanes: Lane[] = [];
const waitingForLane: ((lane: Lane) => void)[] = [];

before(async () => {
  lanes.push(...await Promise.all(Array.from({ length: LANES }, async (): Promise<Lane> => {
    const [edited, fresh] = await Promise.all([LspClient.start(), LspClient.start()]);
    return { edited, fresh };
  })));
  freeLanes.push(...lanes);
});
after(async () => { await Promise.all(lanes.flatMap((lane) => [lane.edited.shutdown(), lane.fresh.shutdown()])); });

async function withLane<T>(run: (lane: Lane) => Promise<T>): Promise<T> {
  const lane = freeLanes.pop() ?? await new Promise<Lane>((resolve) => waitingForLane.push(resolve));
  try {
    return await run(lane);
  } finally {
    const next = waitingForLane.shift();
    if (next) next(lane);
    else freeLanes.push(lane);
  }
}

/** Everything the server says about one document, as comparable data. */
interface View {
  diagnostics?: unknown;
  symbols: unknown;
  semanticTokens: unknown;
  foldingRanges: unknown;
  codeLenses: unknown;
  documentLinks: unknown;
  inlayHints: unknown;
  hovers: unknown;
  definitions: unknown;
  references: unknown;
}

const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);

/** Asks one server about `uri`: the order of lists the protocol leaves unordered is normalised. */
async function viewOf(
  client: LspClient, uri: string, text: string, places: Position[], diagnosticsPublished: Promise<PublishDiagnosticsParams | undefined> | undefined,
  edited: boolean,
): Promise<View> {
  const starts = lineStarts(text);
  const whole = { start: { line: 0, character: 0 }, end: positionAt(starts, text.length) };
  const [symbols, semanticTokens, foldingRanges, codeLenses, documentLinks, inlayHints, hovers, definitions, references] = await Promise.all([
    client.documentSymbols(uri),
    // The edited document's as an editor keeps them, by deltas; not the resultId, which differs from answer to answer.
    edited ? client.semanticTokensByDelta(uri) : client.semanticTokens(uri).then((tokens) => tokens?.data),
    client.foldingRanges(uri).then((folds) => folds && [...folds].sort(byJson)),
    client.codeLenses(uri).then((lenses) => lenses && [...lenses].sort(byJson)),
    client.documentLinks(uri).then((links) => links && [...links].sort(byJson)),
    client.inlayHints(uri, whole).then((hints) => hints && [...hints].sort(byJson)),
    Promise.all(places.map((position) => client.hover(uri, position))),
    Promise.all(places.map((position) => client.definition(uri, position))),
    Promise.all(places.map((position) => client.references(uri, position, true).then((locations) => locations && [...locations].sort(byJson)))),
  ]);
  const view: View = { symbols, semanticTokens, foldingRanges, codeLenses, documentLinks, inlayHints, hovers, definitions, references };
  if (diagnosticsPublished) {
    const diagnostics = await diagnosticsPublished;
    assert.ok(diagnostics, `no diagnostics published for ${uri}`);
    assert.equal(diagnostics.uri, uri);
    view.diagnostics = [...diagnostics.diagnostics].sort(byJson);
  }
  // The fresh document has another URI: compare as if it had the edited one's.
  return JSON.parse(JSON.stringify(view).split(JSON.stringify(uri).slice(1, -1)).join('<the document>')) as View;
}

/** A request an editor makes after a change (answers unchecked here, but they must not fail). */
function probe(random: Random, client: LspClient, uri: string, change: TextDocumentContentChangeEvent): Promise<unknown> {
  const at = 'range' in change ? change.range.start : { line: 0, character: 0 };
  return random.weighted<() => Promise<unknown>>([
    [4, () => client.semanticTokensByDelta(uri)],
    [2, () => client.foldingRanges(uri)],
    [2, () => client.documentSymbols(uri)],
    [1, () => client.hover(uri, at)],
    [1, () => client.definition(uri, at)],
  ])();
}

/** Places to ask hover, definition and references at: a few random ones, and the start of a few semantic tokens. */
function placesIn(random: Random, text: string, tokens: unknown): Position[] {
  const starts = lineStarts(text);
  const places: Position[] = [];
  for (let i = 0; i < 3; i++) {
    let offset = random.int(text.length + 1);
    if (text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10) offset--;
    places.push(positionAt(starts, offset));
  }
  const data = (tokens as { data?: number[] } | null)?.data ?? [];
  let line = 0;
  let character = 0;
  const decoded: Position[] = [];
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    decoded.push({ line, character: character + 1 });
  }
  for (let i = 0; i < 3 && decoded.length > 0; i++) places.push(random.pick(decoded));
  return places;
}

/** Writes what a failure needs to be replayed and shrunk; returns the file's path. */
function writeRepro(seed: number, details: Record<string, unknown>): string {
  const path = join(tmpdir(), `regtext-incremental-seed-${seed}.json`);
  writeFileSync(path, JSON.stringify({ seed, ...details }, null, 2));
  return path;
}

interface SessionResult {
  notifications: number;
  comparisons: number;
  diagnosticsComparisons: number;
  /** What the comparisons looked at, so that a run comparing only empty answers shows. */
  seen: string;
}

/**
 * One editing session: `edits` random edits of a seed text, sent as they are made; after a random number of
 * notifications (1 to 2 × COMPARE_EVERY) the edited document is compared with a fresh open of the same text.
 */
async function session({ edited, fresh }: Lane, seed: number, edits: number): Promise<SessionResult> {
  const random = mulberry32(seed);
  const seedText = SEED_TEXTS[seed % SEED_TEXTS.length]!;
  let text = seedText.text;
  // The same file name in both servers (hovers show it), in folders of their own.
  const name = `seed-${seed}.regtext`;
  const opened = await edited.open(text, { uri: `file:///regtext-protocol-test/edited/${name}` });
  let applied = 0;
  let notifications = 0;
  let comparisons = 0;
  let diagnosticsComparisons = 0;
  let batchStart = text;
  let batch: { kind: string; changes: TextDocumentContentChangeEvent[] }[] = [];
  let lastChange: Promise<PublishDiagnosticsParams> | undefined;
  const seen = { shortest: Infinity, longest: 0, diagnostics: 0, tokens: 0, symbols: 0, crlfs: 0 };

  const compare = async (withDiagnostics: boolean) => {
    comparisons++;
    // The edited document's diagnostics wait for the server's debounce: open the fresh copy and ask meanwhile.
    const diagnostics = withDiagnostics ? lastChange ?? Promise.resolve(edited.latestDiagnostics(opened.uri)) : undefined;
    if (withDiagnostics) diagnosticsComparisons++;
    const copy = await fresh.open(text, { uri: `file:///regtext-protocol-test/fresh-${comparisons}/${name}` });
    try {
      const places = placesIn(random, text, await fresh.semanticTokens(copy.uri));
      const [incremental, full] = await Promise.all([
        viewOf(edited, opened.uri, text, places, diagnostics, true),
        viewOf(fresh, copy.uri, text, places, withDiagnostics ? Promise.resolve({ uri: copy.uri, diagnostics: copy.diagnostics }) : undefined, false),
      ]);
      seen.shortest = Math.min(seen.shortest, text.length);
      seen.longest = Math.max(seen.longest, text.length);
      seen.diagnostics += (full.diagnostics as unknown[] | undefined)?.length ?? 0;
      seen.tokens += ((full.semanticTokens as number[] | null)?.length ?? 0) / 5;
      seen.symbols += JSON.stringify(full.symbols).split('"selectionRange"').length - 1;
      seen.crlfs += text.split('\r\n').length - 1;
      for (const key of Object.keys(full) as (keyof View)[]) {
        if (JSON.stringify(incremental[key]) === JSON.stringify(full[key])) continue;
        const path = writeRepro(seed, {
          seedText: seedText.name, editsApplied: applied, differs: key, textBeforeBatch: batchStart, batch, textAfterBatch: text,
          places, incremental: incremental[key], fresh: full[key],
        });
        assert.deepEqual(incremental[key], full[key],
          `${key} of the edited document differ from a fresh open of the same text after ${applied} edits (${seedText.name}); ` +
          `${replay(seed, THIS_FILE)}; the text before the batch, the batch's changes and both answers are in ${path}`);
      }
    } finally {
      await fresh.close(copy.uri);
    }
    batchStart = text;
    batch = [];
  };

  try {
    // Mostly batches of 1 to 2 × COMPARE_EVERY notifications, some of one to three (the smallest steps, where a
    // stale cache or an off-by-one in re-used analysis shows).
    const nextBatchTarget = () => (random.chance(SHORT_BATCH_CHANCE) ? random.between(1, 3) : random.between(1, 2 * COMPARE_EVERY));
    let batchTarget = nextBatchTarget();
    let probes: Promise<unknown>[] = [];
    while (applied < edits) {
      for (const step of nextSteps(random, text, MAX_LENGTH)) {
        if (step.edits.length === 0) continue;
        const changes: TextDocumentContentChangeEvent[] = [];
        for (const edit of step.edits) {
          changes.push(toChange(text, edit));
          text = applyEdit(text, edit);
        }
        batch.push({ kind: step.kind, changes });
        const pending = edited.change(opened.uri, changes);
        pending.catch(() => undefined); // only the last one is awaited; the others resolve with it
        lastChange = pending;
        notifications++;
        applied += step.edits.length;
        // What an editor asks after a keystroke, so the server analyses many intermediate versions (an incremental
        // analysis then moves on in small steps, not one big jump per comparison).
        if (random.chance(PROBE_CHANCE)) probes.push(probe(random, edited, opened.uri, changes.at(-1)!));
        if (batch.length >= batchTarget || applied >= edits) {
          await Promise.all(probes);
          probes = [];
          await compare(applied >= edits || (comparisons + 1) % DIAGNOSTICS_EVERY === 0);
          batchTarget = nextBatchTarget();
          if (applied >= edits) break;
        }
      }
    }
  } finally {
    await edited.close(opened.uri);
  }
  return {
    notifications, comparisons, diagnosticsComparisons,
    seen: `texts of ${seen.shortest}–${seen.longest} code units; compared ${seen.diagnostics} diagnostics, ${seen.tokens} semantic tokens, ${seen.symbols} symbols, ${seen.crlfs} CRLFs in all`,
  };
}

describe('incremental sync: random edits give the same answers as a fresh open of the same text', { concurrency: LANES }, () => {
  for (const seed of fuzzSeeds(DEFAULT_SEEDS)) {
    test(`seed ${seed} (${SEED_TEXTS[seed % SEED_TEXTS.length]!.name}), ${EDITS_PER_SESSION} edits`, async (t) => {
      const started = performance.now();
      const { notifications, comparisons, diagnosticsComparisons, seen, tokenDeltas } = await withLane(async (lane) => {
        const deltasBefore = lane.edited.tokenDeltasApplied;
        return { ...await session(lane, seed, EDITS_PER_SESSION), tokenDeltas: lane.edited.tokenDeltasApplied - deltasBefore };
      });
      // The edited document's semantic tokens are kept by deltas: some must have come as edits for the comparison to test them.
      assert.ok(tokenDeltas > 0, 'no semantic tokens came as edits to the previous answer');
      t.diagnostic(`${EDITS_PER_SESSION} edits in ${notifications} notifications, ${comparisons} comparisons (${diagnosticsComparisons} with diagnostics), ${((performance.now() - started) / 1000).toFixed(1)} s; ${seen}`);
    });
  }

  test('the server announces incremental sync (what this test exercises)', () => {
    const sync = lanes[0]!.edited.initializeResult?.capabilities.textDocumentSync;
    const kind = typeof sync === 'object' ? sync.change : sync;
    assert.equal(kind, 2, `textDocumentSync: ${JSON.stringify(sync)}`);
  });
});
