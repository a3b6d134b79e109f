// Blocks on their way to the matcher. A walk of the page pushes its blocks here; at the end
// of each slice they go out as one batch, a bounded number of batches are outstanding at
// once (the walk waits for the oldest beyond that), and the scans come back to `deliver`
// in the order the blocks were pushed, so the page index stays in page order.
import type { BlockScan } from '../core/matcher';
import type { WireBlock } from '../shared/match-messages';
import type { BatchScans, BlockMatcher, ScanOptions } from './block-matcher';
import type { PageReport } from '../shared/messages';

/**
 * Batches outstanding before the walk waits. Enough that the walk rarely waits for the
 * background (waiting stretches a scan over more of the page's own work, and each slice
 * after a wait may pay for layout the page changed meanwhile), few enough to bound what a
 * page whose background is slow to answer holds in memory.
 */
const MAX_IN_FLIGHT = 8;

/** Asking whether the batches call for the page reader (page-reader-api.ts) while it is not loaded. */
export interface ReaderHints {
  /** Whether to ask (the reader is not loaded yet). */
  wanted(): boolean;
  /** A batch called for it: the scanner loads it at once. */
  onNeeded(): void;
}

/**
 * The frame's report for the case that the last batch of a walk finds nothing, sent with
 * that batch (BlockMatcher ScanOptions.reportIfNone).
 */
export interface ReportIfNone<T> {
  /** The report, given the items of the last batch; null when there is none to send. */
  report(items: readonly T[]): PageReport | null;
  /** The matcher kept it: called before the batch is delivered. */
  kept(report: PageReport): void;
}

export class ScanQueue<T> {
  readonly #matcher: BlockMatcher;
  readonly #signal: AbortSignal;
  readonly #deliver: (items: T[], scans: (BlockScan | null)[]) => void;
  readonly #reader: ReaderHints;
  #items: T[] = [];
  #blocks: (WireBlock | null)[] = [];
  #inFlight: Promise<void>[] = [];
  #tail: Promise<void> = Promise.resolve();
  /** Batches sent and not yet delivered. */
  #outstanding = 0;

  constructor(
    matcher: BlockMatcher,
    signal: AbortSignal,
    deliver: (items: T[], scans: (BlockScan | null)[]) => void,
    reader: ReaderHints = { wanted: () => false, onNeeded: () => {} },
  ) {
    this.#matcher = matcher;
    this.#signal = signal;
    this.#deliver = deliver;
    this.#reader = reader;
  }

  /** `block` null: the item needs no scan (an unchanged block keeps its earlier one). */
  push(item: T, block: WireBlock | null): void {
    this.#items.push(item);
    this.#blocks.push(block);
  }

  /** Sends what was pushed; resolves once fewer than MAX_IN_FLIGHT batches are outstanding. */
  async flush(): Promise<void> {
    if (this.#items.length > 0) this.#send();
    while (this.#inFlight.length >= MAX_IN_FLIGHT) await this.#inFlight.shift();
  }

  /**
   * Resolves when every pushed item is delivered; rejects when a batch got no answer or the
   * walk was aborted. `ifNone`: the last batch carries the frame's report when it is the only
   * one outstanding (the matcher sees what it finds, and nothing else is still to come).
   */
  async drain(ifNone?: ReportIfNone<T>): Promise<void> {
    if (this.#items.length > 0) this.#send(this.#outstanding === 0 ? ifNone : undefined);
    this.#inFlight = [];
    await this.#tail;
  }

  #send(ifNone?: ReportIfNone<T>): void {
    const items = this.#items;
    const blocks = this.#blocks;
    this.#items = [];
    this.#blocks = [];
    const toScan = blocks.filter((b): b is WireBlock => b !== null);
    const opts: ScanOptions = {};
    if (this.#reader.wanted()) opts.readerHints = true;
    const report = toScan.length > 0 ? ifNone?.report(items) : null;
    if (report) opts.reportIfNone = report;
    const answer: Promise<BatchScans> =
      toScan.length > 0 ? this.#matcher.scanBlocks(toScan, opts) : Promise.resolve({ scans: [], needsReader: false });
    // Rejections surface through the chain below, in order; never as unhandled.
    answer.catch(() => undefined);
    this.#outstanding++;
    const delivered = this.#tail.then(async () => {
      const { scans, needsReader, reported } = await answer;
      this.#outstanding--;
      if (this.#signal.aborted) throw this.#signal.reason;
      if (report && reported === true) ifNone?.kept(report);
      if (needsReader) this.#reader.onNeeded();
      let k = 0;
      this.#deliver(
        items,
        blocks.map((b) => (b === null ? null : (scans[k++] ?? null))),
      );
    });
    delivered.catch(() => undefined);
    this.#tail = delivered;
    this.#inFlight.push(delivered);
  }
}
