/**
 * Large open documents are analysed by a worker thread, never in the thread that answers requests: a request about
 * one document waits for that document's analysis alone, and a keystroke in a 10 MB compilation does not hold up a
 * hover in a memo. The result comes back in pieces, decoded a slice at a time (core/analysisCodec.ts). Small
 * documents are analysed where they are asked about, which is quicker than any hand-over.
 *
 * At most one analysis per document is in a worker at a time; while it runs, newer versions wait, and only the
 * latest of them is sent next. A result for a version that is no longer current is dropped undecoded.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeAnalysis, type CancellationToken, type EncodedAnalysis, type LanguageService, type Scheduler } from './core';

/**
 * Documents at least this long (UTF-16 code units) go to a worker. Handing a document over and back costs some 60% of
 * its analysis on top (JSON out in the worker, decoding here), so a document whose analysis is short is analysed
 * here: measured on a 2-core machine, a 1 MB Chinese document (360,000 code units, ≈ 100 ms of analysis) answered a
 * keystroke in ≈ 180 ms through a worker against ≈ 100 ms here. Above this length (≈ 150 ms of analysis and more)
 * keeping other documents' requests unblocked matters more.
 */
export const OFF_THREAD_LENGTH = 500_000;

type Analyse = (uri: string, text: string, version: number, maxBytes: number) => Promise<EncodedAnalysis | undefined>;

export class BackgroundAnalyses {
  /** uri → the analysis in a worker now (its version), so that no second one is sent meanwhile. */
  private readonly inWorker = new Map<string, { version: number; done: Promise<void> }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    private readonly analyse: Analyse,
    private readonly scheduler: Scheduler,
  ) {}

  /**
   * The open document, once the analysis of its current version is at hand; undefined if it is not open, or the
   * request was cancelled meanwhile.
   */
  async ready(uri: string, token: CancellationToken): Promise<TextDocument | undefined> {
    for (;;) {
      const document = this.documents.get(uri);
      if (!document || token.isCancellationRequested) return undefined;
      if (document.getText().length < OFF_THREAD_LENGTH || this.service.hasAnalysis(document)) return document;
      await this.analysed(document);
    }
  }

  private analysed(document: TextDocument): Promise<void> {
    const running = this.inWorker.get(document.uri);
    if (running?.version === document.version) return running.done;
    const done = (async () => {
      await running?.done;
      if (this.isCurrent(document)) await this.analyseInWorker(document);
    })().finally(() => {
      if (this.inWorker.get(document.uri)?.done === done) this.inWorker.delete(document.uri);
    });
    this.inWorker.set(document.uri, { version: document.version, done });
    return done;
  }

  private async analyseInWorker(document: TextDocument): Promise<void> {
    const text = document.getText();
    const encoded = await this.analyse(document.uri, text, document.version, this.service.maxBytes);
    if (!this.isCurrent(document)) return;
    // No worker could do it: analyse it here after all.
    if (!encoded) return void this.service.analysis(document);
    const current = () => this.isCurrent(document);
    const outdated: CancellationToken = { get isCancellationRequested() { return !current(); } };
    const analysis = await decodeAnalysis(text, encoded, this.scheduler, outdated);
    if (!analysis || !current()) return;
    this.service.adoptAnalysis(document, analysis);
    // Adopting it (its summary, the index) held this thread for a while: requests that came meanwhile are answered
    // before whoever waits for it goes on (a large document's diagnostics take as long again).
    await this.scheduler.yield();
  }

  private isCurrent(document: TextDocument): boolean {
    return this.documents.get(document.uri)?.version === document.version;
  }
}
