// Blocks on their way to the matcher. A walk of the page pushes its blocks here; at the end
// of each slice they go out as one batch, a bounded number of batches are outstanding at
// once (the walk waits for the oldest beyond that), and the scans come back to `deliver`
// in the order the blocks were pushed, so the page index stays in page order.
import type { BlockScan } from '../core/matcher';
import type { WireBlock } from '../shared/match-messages';
import type { BlockMatcher } from './block-matcher';

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

export class ScanQueue<T> {
  readonly #matcher: BlockMatcher;
  readonly #signal: AbortSignal;
  readonly #deliver: (items: T[], scans: (BlockScan | null)[]) => void;
  readonly #reader: ReaderHints;
  #items: T[] = [];
  #blocks: (WireBlock | null)[] = [];
  #inFlight: Promise<void>[] = [];
  #tail: Promise<void> = Promise.resolve();

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

  /** Resolves when every pushed item is delivered; rejects when a batch got no answer or the walk was aborted. */
  async drain(): Promise<void> {
    if (this.#items.length > 0) this.#send();
    this.#inFlight = [];
    await this.#tail;
  }

  #send(): void {
    const items = this.#items;
    const blocks = this.#blocks;
    this.#items = [];
    this.#blocks = [];
    const toScan = blocks.filter((b): b is WireBlock => b !== null);
    const hints = this.#reader.wanted();
    const answer =
      toScan.length > 0
        ? this.#matcher.scanBlocks(toScan, hints ? { readerHints: true } : {})
        : Promise.resolve({ scans: [], needsReader: false });
    // Rejections surface through the chain below, in order; never as unhandled.
    answer.catch(() => undefined);
    const delivered = this.#tail.then(async () => {
      const { scans, needsReader } = await answer;
      if (this.#signal.aborted) throw this.#signal.reason;
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
