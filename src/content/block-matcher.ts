// What the page scanner needs of a matcher: scans for a batch of blocks, later. The
// content script's matcher asks the background (remote-matcher.ts); tests and tools use
// the core matcher in the same context.
import type { BlockScan } from '../core/matcher';
import type { WireBlock } from '../shared/match-messages';
import type { OriginContextOnPage, PageOrigins } from '../core/origin-report';
import type { PageReport } from '../shared/messages';

/** A batch's scans, and whether it calls for the page reader (src/shared/match-messages.ts). */
export interface BatchScans {
  /** Each block's scan in order, or null where it found nothing. */
  scans: (BlockScan | null)[];
  /** Only when asked for (`readerHints`): a block names a listed name or starts with an origin label. */
  needsReader: boolean;
  /** The report given as `reportIfNone` was kept as the frame's report: nothing was found. */
  reported?: boolean;
}

export interface ScanOptions {
  readerHints?: boolean;
  /**
   * The frame's report if these blocks find nothing (src/shared/match-messages.ts). A matcher
   * that cannot keep it, or that finds something, leaves `reported` unset.
   */
  reportIfNone?: PageReport;
}

export interface BlockMatcher {
  /** Same key, same results: the scanner rescans the page when the key changes. */
  readonly key: string;
  /** The blocks' scans. Rejects when no answer can be had. */
  scanBlocks(blocks: readonly WireBlock[], opts?: ScanOptions): Promise<BatchScans>;
  /** The places of the settlement-localities list that the page's origin values name. */
  findOrigins(contexts: readonly OriginContextOnPage[]): Promise<PageOrigins>;
}

/** The extension is gone from under this page: nothing it asks will ever be answered. */
export class OrphanedError extends Error {
  constructor() {
    super('the extension was updated, reloaded or disabled');
  }
}
