/**
 * The workspace index: a summary per file (summary.ts), and the joins that answer cross-file questions at query
 * time — which files are notice K, who cites K (by number, title, short name), who repeals K and when.
 *
 * The lookup tables only say which files contribute to a key; what a file contributes is read from its summary when
 * asked. Adding or removing one file touches only that file's entries, so one change costs one file's work. The first
 * scan runs in the background, yielding to the event loop between slices of work; questions asked meanwhile are
 * answered from what is known so far.
 */
import type { CancellationToken, Disposable, Logger } from '../api';
import { numberOfKey, type Knowledge, type NoticeEntry } from '../knowledge/compile';
import type { CitationTarget, NoticeIdentity, NoticeNumber } from '../model';
import { Emitter, type FileStamp, type Workspace } from './workspace';
import type { FileSummary } from './summary';

export interface Scheduler {
  /** Lets other work (requests) run: a macrotask, not a microtask. */
  yield(): Promise<void>;
  now(): number;
}

export const DEFAULT_SCHEDULER: Scheduler = {
  yield: () => new Promise((resolve) => setTimeout(resolve, 0)),
  now: () => performance.now(),
};

export interface IndexProgress {
  done: number;
  total: number;
}

/** What changed: the files whose cross-file findings may differ now. */
export interface IndexChange {
  uris: string[];
}

/** How a repealed notice came to be repealed. */
export interface RepealInfo {
  byKey: string;
  /** The repealing notice's files in the workspace, where the repeal was found there. */
  byFiles: readonly FileSummary[];
  date?: string;
  source: 'workspace' | 'built-in';
}

/** Everything known about one notice: its files, its built-in record, its status. */
export interface NoticeInfo {
  key: string;
  number: NoticeNumber | undefined;
  files: readonly FileSummary[];
  builtin: NoticeEntry | undefined;
  repeal: RepealInfo | undefined;
}

export interface IndexedCitation {
  summary: FileSummary;
  citation: { start: number; end: number; via: string };
}

/** Work done between two yields during the scan, in milliseconds: short enough that a request never waits long. */
const SLICE_MS = 8;
/** Files read and summarised ahead (by a pool of workers, where there is one) while earlier ones are indexed. */
const READ_AHEAD = 16;

/**
 * Makes a file's summary: in this thread, or elsewhere (a worker) and then asynchronously; undefined when the file,
 * not read yet, turns out to be gone.
 */
export type Summarizer = (uri: string, content: Exclude<FileStamp, { kind: 'missing' }>) => FileSummary | undefined | Promise<FileSummary | undefined>;

type Table = Map<string, Set<string>>;

type QueuedChange = 'changed' | 'deleted';

export class WorkspaceIndex implements Disposable {
  private readonly files = new Map<string, FileSummary>();
  /** identity key → files that are that notice */
  private readonly claimants: Table = new Map();
  /** normalised title → files whose identity has that title */
  private readonly titled: Table = new Map();
  /** normalised title → files that pair it with a number in a citation */
  private readonly learnedTitles: Table = new Map();
  /** serial → files whose identity has that serial */
  private readonly serials: Table = new Map();
  /** target id → files citing it */
  private readonly citing: Table = new Map();
  /** target id → notice files declaring it repealed */
  private readonly repealing: Table = new Map();
  private readonly changes = new Emitter<IndexChange>();
  private readonly disposables: Disposable[] = [];
  private readonly queue = new Map<string, QueuedChange>();
  private draining: Promise<void> | undefined;
  private disposed = false;
  private scanned = false;
  /** Files a scan changed whose change is not announced yet (the scan was cancelled before its end). */
  private unannounced = new Set<string>();
  /** Files summarised with knowledge that has since changed: replaced by the next summary even of the same version. */
  private outdated = new Set<string>();
  /**
   * Answers of the joins (resolve, filesOf, notice, …) since the index last changed: a run that asks every file's
   * diagnostics asks the same few questions thousands of times. Dropped whenever a summary or the knowledge changes.
   */
  private joins = new Map<string, unknown>();
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly workspace: Workspace,
    private knowledge: Knowledge,
    private readonly summarize: Summarizer,
    private readonly scheduler: Scheduler = DEFAULT_SCHEDULER,
    private readonly logger?: Logger,
  ) {
    this.disposables.push(
      workspace.onDidChangeFile((uri) => this.enqueue(uri)),
      workspace.onDidDeleteFile((uri) => this.delete(uri)),
    );
  }

  get isScanned(): boolean {
    return this.scanned;
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * Lists and indexes every file, in slices; resolves when done (or cancelled). Files already indexed at the version
   * read are not summarised again, and indexed files no longer listed are read again (gone, or kept if open).
   */
  async scan(token: CancellationToken, progress?: (progress: IndexProgress) => void): Promise<void> {
    const listed = await this.workspace.listFiles(token);
    const listedSet = new Set(listed);
    const uris = [...listed, ...[...this.files.keys()].filter((uri) => !listedSet.has(uri))];
    const started = this.scheduler.now();
    // Kept across scans: what a cancelled scan changed is announced by the next one.
    const affected = this.unannounced;
    let sliceStart = this.scheduler.now();
    // The first scan works out whom its new notices affect once, at its end: not after each file, between which the
    // joins are cleared and made again.
    const firstScan = !this.scanned;
    const newNotices: FileSummary[] = [];
    const pending: Promise<{ uri: string; summary: FileSummary | undefined }>[] = [];
    const start = (index: number) => { pending[index] = this.read(uris[index]!); };
    for (let i = 0; i < Math.min(READ_AHEAD, uris.length); i++) start(i);
    for (let i = 0; i < uris.length; i++) {
      if (i + READ_AHEAD < uris.length) start(i + READ_AHEAD);
      const { uri, summary } = await pending[i]!;
      delete pending[i];
      if (token.isCancellationRequested || this.disposed) return;
      for (const changed of this.replace(uri, summary, !firstScan)) affected.add(changed);
      if (firstScan && summary?.identity) newNotices.push(summary);
      if (this.scheduler.now() - sliceStart > SLICE_MS) {
        progress?.({ done: i + 1, total: uris.length });
        await this.scheduler.yield();
        sliceStart = this.scheduler.now();
      }
    }
    this.scanned = true;
    for (const notice of newNotices) for (const other of this.affectedBy(notice)) affected.add(other);
    progress?.({ done: uris.length, total: uris.length });
    this.logger?.log(`Indexed ${uris.length} files in ${Math.round(this.scheduler.now() - started)} ms: ${this.noticeKeys().length} notices.`);
    this.unannounced = new Set();
    this.changes.fire({ uris: [...affected] });
  }

  /** New knowledge (a configuration changed): every summary is out of date until the next scan makes it again. */
  setKnowledge(knowledge: Knowledge): void {
    this.knowledge = knowledge;
    this.outdated = new Set(this.files.keys());
    this.joins.clear();
  }

  /** Re-reads one file (created or changed) soon; changes arriving together are handled together. */
  enqueue(uri: string): void {
    this.schedule(uri, 'changed');
  }

  /** Forgets a file, or every file below a folder, soon; with the changes reported at the same time. */
  delete(uri: string): void {
    this.schedule(uri, 'deleted');
  }

  /** Resolves when every queued change has been applied. */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Indexes a summary made elsewhere (an open document's, from its current analysis). The change is announced to the
   * other files it affects: whoever made the analysis answers for the document itself (its diagnostics come from it).
   */
  put(summary: FileSummary): void {
    const others = this.replace(summary.uri, summary).filter((uri) => uri !== summary.uri);
    if (others.length > 0) this.changes.fire({ uris: others });
  }

  dispose(): void {
    this.disposed = true;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  /**
   * Queues a change. The queue is drained after a yield, so that every change a client reports in one notification
   * (a `git checkout` that renumbers both files of a notice, a rename as delete + create) is applied at once and
   * announced once: no one is told of a state the folder was never in. A later change to the same uri wins.
   */
  private schedule(uri: string, change: QueuedChange): void {
    this.queue.delete(uri);
    this.queue.set(uri, change);
    this.draining ??= this.drain().finally(() => { this.draining = undefined; });
  }

  private async drain(): Promise<void> {
    await this.scheduler.yield();
    while (this.queue.size > 0 && !this.disposed) {
      const batch = [...this.queue];
      this.queue.clear();
      const summaries = await Promise.all(batch.map(([uri, change]) => change === 'changed' ? this.read(uri) : undefined));
      const affected = new Set<string>();
      batch.forEach(([uri, change], i) => {
        const applied = change === 'changed' ? this.replace(uri, summaries[i]!.summary) : this.forget(uri);
        for (const changed of applied) affected.add(changed);
      });
      if (affected.size > 0) this.changes.fire({ uris: [...affected] });
      await this.scheduler.yield();
    }
  }

  /** Removes a file, or every file below a folder; the files whose findings may change. */
  private forget(uri: string): string[] {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    const gone = this.files.has(uri) ? [uri] : [...this.files.keys()].filter((known) => known.startsWith(prefix));
    return gone.flatMap((known) => this.replace(known, undefined));
  }

  /**
   * A file's summary as it is now (undefined when it is gone); the one indexed, when the version is unchanged. A file
   * is located first where the workspace can: an unchanged file is not read again, a changed one is read where it is
   * summarised.
   */
  private async read(uri: string): Promise<{ uri: string; summary: FileSummary | undefined }> {
    const content = await (this.workspace.locateFile?.(uri) ?? this.workspace.readFile(uri));
    if (content.kind === 'missing') return { uri, summary: undefined };
    const known = this.files.get(uri);
    if (known && known.version === content.version && !this.outdated.has(uri)) return { uri, summary: known };
    return { uri, summary: await this.summarize(uri, content) };
  }

  /**
   * Indexes a file's new summary (none: it is gone); the files whose findings may change, itself first. Without
   * `othersOfNew`, those the new summary affects are left to the caller.
   */
  private replace(uri: string, summary: FileSummary | undefined, othersOfNew = true): string[] {
    const previous = this.files.get(uri);
    if (previous && summary && previous.version === summary.version && !this.outdated.has(uri)) return [];
    this.outdated.delete(uri);
    const affected = new Set<string>([uri]);
    if (previous) {
      for (const other of this.affectedBy(previous)) affected.add(other);
      this.contribute(previous, false);
      this.files.delete(uri);
      this.joins.clear();
    }
    if (summary) {
      this.files.set(uri, summary);
      this.contribute(summary, true);
      this.joins.clear();
      if (othersOfNew) for (const other of this.affectedBy(summary)) affected.add(other);
    }
    return [...affected];
  }

  /** The files whose cross-file findings depend on this notice file: its namesakes, and whoever cites what it is or repeals. */
  private affectedBy(summary: FileSummary): Set<string> {
    const affected = new Set<string>();
    if (!summary.identity) return affected;
    const keys = new Set([identityKey(summary.identity)]);
    for (const repeal of summary.repeals) {
      const key = this.resolve(repeal.target);
      if (key) keys.add(key);
    }
    for (const key of keys) {
      for (const uri of this.claimants.get(key) ?? []) affected.add(uri);
      for (const id of this.targetIds(key)) for (const uri of this.citing.get(id) ?? []) affected.add(uri);
    }
    return affected;
  }

  private contribute(summary: FileSummary, add: boolean): void {
    const change = add ? addTo : removeFrom;
    const { uri, identity } = summary;
    if (identity) {
      change(this.claimants, identityKey(identity), uri);
      for (const title of titlesOf(identity)) change(this.titled, title, uri);
      if (identity.number) change(this.serials, String(identity.number.serial), uri);
      for (const repeal of summary.repeals) change(this.repealing, targetId(repeal.target), uri);
    }
    for (const pair of summary.titledNumbers) change(this.learnedTitles, pair.title, uri);
    for (const citation of summary.citations) change(this.citing, targetId(citation.target), uri);
    for (const reference of summary.externalReferences) change(this.citing, targetId(reference.cites), uri);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Joins.

  summary(uri: string): FileSummary | undefined {
    return this.files.get(uri);
  }

  allSummaries(): IterableIterator<FileSummary> {
    return this.files.values();
  }

  /** Every notice some file of the workspace is. */
  noticeKeys(): string[] {
    return [...this.claimants.keys()];
  }

  /** The files that are notice `key`, by uri. */
  filesOf(key: string): readonly FileSummary[] {
    return this.memoised(`f:${key}`, () => [...(this.claimants.get(key) ?? [])].flatMap((uri) => this.files.get(uri) ?? []).sort(byUri));
  }

  /** The notice a citation names, when the workspace or the built-in data can tell. */
  resolve(target: CitationTarget): string | undefined {
    switch (target.kind) {
      case 'number': return target.number.key;
      case 'title': return this.memoised(`r:${targetId(target)}`, () => this.resolveTitle(target.title));
      case 'serial': return this.memoised(`r:${targetId(target)}:${target.order ? 'o' : ''}${target.year ?? ''}`, () => this.resolveSerial(target));
    }
  }

  /** The answer to a join, computed once until the index changes. */
  private memoised<T>(key: string, compute: () => T): T {
    if (this.joins.has(key)) return this.joins.get(key) as T;
    const value = compute();
    this.joins.set(key, value);
    return value;
  }

  /** A title: a file of the workspace that has it first, then the built-in data, then titles cited with a number. */
  private resolveTitle(title: string): string | undefined {
    const fromFiles = newest([...(this.titled.get(title) ?? [])].flatMap((uri) => {
      const identity = this.files.get(uri)?.identity;
      return identity ? [{ key: identityKey(identity), year: identity.number?.year }] : [];
    }));
    if (fromFiles) return fromFiles;
    const builtin = this.knowledge.noticesByTitle.get(title);
    if (builtin) return builtin;
    const learned = [...(this.learnedTitles.get(title) ?? [])].flatMap((uri) =>
      (this.files.get(uri)?.titledNumbers ?? []).filter((pair) => pair.title === title).map((pair) => pair.key));
    return new Set(learned).size === 1 ? learned[0] : undefined;
  }

  /**
   * 237号文: the one notice (not an order) with that serial, among the workspace's and the built-in ones; 5号令 or
   * 2026年第8号令: the one order; none when several fit.
   */
  private resolveSerial(target: { serial: number; order?: boolean; year?: number }): string | undefined {
    const keys = new Set<string>();
    for (const uri of this.serials.get(String(target.serial)) ?? []) {
      const identity = this.files.get(uri)?.identity;
      if (identity) keys.add(identityKey(identity));
    }
    for (const key of this.knowledge.noticesBySerial.get(target.serial) ?? []) keys.add(key);
    const fitting = [...keys].filter((key) => fitsSerial(key, target));
    return fitting.length === 1 ? fitting[0] : undefined;
  }

  /** The ids under which citations of `key` are filed: its number, and its titles and serial where they resolve to it. */
  private targetIds(key: string): readonly string[] {
    return this.memoised(`i:${key}`, () => this.findTargetIds(key));
  }

  private findTargetIds(key: string): string[] {
    const ids = [`n:${key}`];
    for (const title of this.titlesOfKey(key)) if (this.resolveTitle(title) === key) ids.push(`t:${title}`);
    // Citations by serial (号文, 号令) are filed under the serial alone; which of them name `key` is read at query time.
    const serial = this.serialOfKey(key);
    if (serial !== undefined) ids.push(`s:${serial}`);
    return ids;
  }

  private titlesOfKey(key: string): Set<string> {
    const titles = new Set<string>();
    for (const summary of this.filesOf(key)) if (summary.identity) for (const title of titlesOf(summary.identity)) titles.add(title);
    for (const title of this.knowledge.notices.get(key)?.titles ?? []) titles.add(title);
    if (key.startsWith('title:')) titles.add(key.slice('title:'.length));
    return titles;
  }

  private serialOfKey(key: string): number | undefined {
    return this.filesOf(key).find((summary) => summary.identity?.number)?.identity?.number?.serial ??
      this.knowledge.notices.get(key)?.number?.serial;
  }

  /** Every citation of notice `key` in the workspace: by number, title, short name, "the same notice". */
  citationsOf(key: string, token?: CancellationToken): IndexedCitation[] {
    const found: IndexedCitation[] = [];
    const uris = new Set<string>();
    for (const id of this.targetIds(key)) for (const uri of this.citing.get(id) ?? []) uris.add(uri);
    for (const uri of [...uris].sort()) {
      if (token?.isCancellationRequested) break;
      const summary = this.files.get(uri);
      if (!summary) continue;
      for (const citation of summary.citations) {
        if (this.resolve(citation.target) === key) found.push({ summary, citation });
      }
    }
    return found;
  }

  /** The references into notice `key` from other files: "Clause (5) of Yinfa [2026] No. 42". */
  referencesInto(key: string): { summary: FileSummary; reference: FileSummary['externalReferences'][number] }[] {
    const uris = new Set<string>();
    for (const id of this.targetIds(key)) for (const uri of this.citing.get(id) ?? []) uris.add(uri);
    return [...uris].sort().flatMap((uri) => {
      const summary = this.files.get(uri);
      return (summary?.externalReferences ?? []).filter((reference) => this.resolve(reference.cites) === key)
        .map((reference) => ({ summary: summary!, reference }));
    });
  }

  /**
   * A title other files give notice `key` where they cite it with its number (《征信投诉办理规程》（银办发〔2014〕73号）),
   * as written: what a hover can show of a notice that has no file and no built-in record.
   */
  titlesCitedWith(key: string): string[] {
    const titles = new Set<string>();
    for (const uri of [...(this.citing.get(`n:${key}`) ?? [])].sort()) {
      for (const pair of this.files.get(uri)?.titledNumbers ?? []) if (pair.key === key) titles.add(pair.text);
    }
    return [...titles];
  }

  /** Everything known of notice `key`. */
  notice(key: string): NoticeInfo {
    return this.memoised(`n:${key}`, () => this.findNotice(key));
  }

  private findNotice(key: string): NoticeInfo {
    const files = this.filesOf(key);
    const builtin = this.knowledge.notices.get(key);
    const number = files.find((file) => file.identity?.number)?.identity?.number ?? builtin?.number ?? numberOfKey(key);
    return { key, number, files, builtin, repeal: this.repealOf(key, builtin) };
  }

  /** Who repealed `key`, and when: a repeal found in the workspace first, else the built-in record. */
  private repealOf(key: string, builtin: NoticeEntry | undefined): RepealInfo | undefined {
    for (const id of this.targetIds(key)) {
      for (const uri of [...(this.repealing.get(id) ?? [])].sort()) {
        const summary = this.files.get(uri);
        if (!summary?.identity) continue;
        const byKey = identityKey(summary.identity);
        if (byKey === key) continue;
        const repeal = summary.repeals.find((candidate) => this.resolve(candidate.target) === key);
        const date = repeal?.effective ?? summary.dates.effective ?? summary.dates.issued ?? this.knowledge.notices.get(byKey)?.record.date;
        return { byKey, byFiles: this.filesOf(byKey), ...(date ? { date } : {}), source: 'workspace' };
      }
    }
    const repealedBy = builtin?.repealedBy;
    if (!repealedBy) return undefined;
    const date = this.knowledge.notices.get(repealedBy)?.record.date;
    return { byKey: repealedBy, byFiles: this.filesOf(repealedBy), ...(date ? { date } : {}), source: 'built-in' };
  }
}

/** The key a document's identity is indexed under: its number's, or its title's for a law known by title alone. */
export function identityKey(identity: NoticeIdentity): string {
  return identity.number?.key ?? `title:${identity.title?.normalized ?? ''}`;
}

function titlesOf(identity: NoticeIdentity): string[] {
  return [...(identity.title ? [identity.title.normalized] : []), ...identity.alsoTitled];
}

function targetId(target: CitationTarget): string {
  switch (target.kind) {
    case 'number': return `n:${target.number.key}`;
    case 'title': return `t:${target.title}`;
    case 'serial': return `s:${target.serial}`;
  }
}

/** Whether notice `key` is what a serial names: an order for 号令 (of the year given), any other notice for 号文. */
function fitsSerial(key: string, target: { order?: boolean; year?: number }): boolean {
  const number = numberOfKey(key);
  const isOrder = number !== undefined && number.issuer.endsWith('令');
  const isAnnouncement = number !== undefined && number.issuer.endsWith('公告');
  if (target.year !== undefined && number?.year !== target.year) return false;
  return target.order ? isOrder : !isOrder && !isAnnouncement;
}

/** Of several notices with one title (a notice re-issued over the years), the newest. */
function newest(candidates: { key: string; year: number | undefined }[]): string | undefined {
  let best: { key: string; year: number | undefined } | undefined;
  for (const candidate of candidates) if (!best || (candidate.year ?? 0) > (best.year ?? 0)) best = candidate;
  return best?.key;
}

function addTo(table: Table, key: string, uri: string): void {
  const set = table.get(key);
  if (set) set.add(uri);
  else table.set(key, new Set([uri]));
}

function removeFrom(table: Table, key: string, uri: string): void {
  const set = table.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) table.delete(key);
}

function byUri(a: FileSummary, b: FileSummary): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}
