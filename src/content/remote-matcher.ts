// The content script's matcher: blocks go to the background in requests within the
// message bounds, and each reply is checked before its scans are used.
import type { BlockScan } from '../core/matcher';
import {
  isMatchBlocksReply,
  toWireBatch,
  isMatchOriginsReply,
  MAX_CONTEXT_CHARS,
  MAX_ORIGIN_CONTEXTS,
  type MatchOriginsReply,
  MAX_BLOCKS_PER_REQUEST,
  MAX_CHARS_PER_REQUEST,
  type ListChoice,
  type MatchBlocksReply,
  type MatchBlocksRequest,
  type WireBlock,
} from '../shared/match-messages';
import type { OriginContextOnPage, PageOrigins } from '../core/origin-report';
import type { BatchScans, BlockMatcher, ScanOptions } from './block-matcher';
import { askBackground } from './ask-background';

/** The key of a choice of lists, as the scanner compares matchers. */
export function listChoiceKey(choice: ListChoice): string {
  return `${choice.revision ?? ''}\u0000${[...choice.disabled].sort().join('\n')}`;
}

export class RemoteMatcher implements BlockMatcher {
  readonly key: string;
  readonly #choice: ListChoice;

  constructor(choice: ListChoice) {
    this.#choice = { disabled: [...choice.disabled].sort(), revision: choice.revision };
    this.key = listChoiceKey(this.#choice);
  }

  async scanBlocks(blocks: readonly WireBlock[], opts: ScanOptions = {}): Promise<BatchScans> {
    const scans: (BlockScan | null)[] = new Array<BlockScan | null>(blocks.length).fill(null);
    let needsReader = false;
    let reported = false;
    const ranges = requestRanges(blocks);
    for (const [from, to] of ranges) {
      const part = blocks.slice(from, to).map(withinBounds);
      const request: MatchBlocksRequest = { type: 'match-blocks', lists: this.#choice, batch: toWireBatch(part) };
      if (opts.readerHints) request.readerHints = true;
      // Only a batch of one request: the background sees what that request finds, not
      // what the batch's other requests do.
      if (opts.reportIfNone && ranges.length === 1) request.reportIfNone = opts.reportIfNone;
      const reply = await askBackground(
        request,
        (r): r is MatchBlocksReply & { ok: true } => isMatchBlocksReply(r, part.length) && r.ok,
      );
      for (const [i, scan] of reply.found) scans[from + i] = scan;
      if (reply.needsReader === true) needsReader = true;
      if (reply.reported === true) reported = true;
    }
    return reported ? { scans, needsReader, reported } : { scans, needsReader };
  }

  async findOrigins(contexts: readonly OriginContextOnPage[]): Promise<PageOrigins> {
    // Longer values are not origin statements but whole descriptions read as one.
    const within = contexts
      .filter(({ c }) => c.text.length <= MAX_CONTEXT_CHARS && c.label.length <= MAX_CONTEXT_CHARS)
      .slice(0, MAX_ORIGIN_CONTEXTS);
    if (within.length === 0) return { findings: [], stated: [] };
    const reply = await askBackground(
      { type: 'match-origins', contexts: within },
      (r): r is MatchOriginsReply & { ok: true } => isMatchOriginsReply(r) && r.ok,
    );
    return reply.origins;
  }
}

/** [from, to) ranges of `blocks`, each within the request bounds and of one language. */
function requestRanges(blocks: readonly WireBlock[]): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  let chars = 0;
  for (let i = 0; i < blocks.length; i++) {
    const n = Math.min(blocks[i].text.length, MAX_CHARS_PER_REQUEST);
    const full = i - from >= MAX_BLOCKS_PER_REQUEST || chars + n > MAX_CHARS_PER_REQUEST;
    if (i > from && (full || blocks[i].lang !== blocks[from].lang)) {
      ranges.push([from, i]);
      from = i;
      chars = 0;
    }
    chars += n;
  }
  if (from < blocks.length) ranges.push([from, blocks.length]);
  return ranges;
}

/**
 * A block longer than a whole request (a page's one huge text node) is matched on its
 * first MAX_CHARS_PER_REQUEST characters: offsets stay those of the block.
 */
function withinBounds(b: WireBlock): WireBlock {
  return b.text.length <= MAX_CHARS_PER_REQUEST ? b : { ...b, text: b.text.slice(0, MAX_CHARS_PER_REQUEST) };
}
