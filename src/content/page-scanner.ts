// One frame's scanner: collects blocks in time slices and has them matched in batches by a
// BlockMatcher (in the extension, the background: the match index never loads into a
// page), keeps each block's scan for incremental updates, resolves the page, paints and reports. Jobs (full scans and
// rescans of changed containers) run one at a time; a full-scan request aborts whatever
// runs and starts over. State is replaced only when a job completes, so an aborted job
// leaves the last good result in place; the exception is a page with no complete result
// yet, whose first scan shows what it has found as it goes (#fullScan), beside what an
// aborted first scan had found further down.
//
// Cost after a job is proportional to what changed, not to the page: on a 60,000-block
// page every per-block loop that touches the DOM would be a long task, so stale blocks
// are found by walking only the changed subtrees (text node -> block index), and page
// resolution, painting and the report only look at blocks that have matches.
import type { BlockScan } from '../core/matcher';
import { resolvePage } from '../core/page';
import type { WireBlock } from '../shared/match-messages';
import { OrphanedError, type BlockMatcher } from './block-matcher';
import { ScanQueue, type ReaderHints, type ReportIfNone } from './scan-queue';
import {
  blockContainerOf,
  pushWalkChildren,
  iterateBlocks,
  nextWalkSibling,
  type CollectOptions,
  type PageBlock,
} from '../formats/page/collect-blocks';
import { hiddenTestFor, isHiddenInBrowser } from '../formats/page/visibility';
import { runSliced, yieldToPage } from './scheduler';
import { watchMutations, outermost, type PageWatcher } from './observer';
import { clear, mapMatchToRanges, paint, revealRange, type RangeSpec } from './highlight';
import { buildReport, parseMatchKey, pausedReport, reportSignature, type ReportMeta } from './frame-report';
import type { PageOrigins } from '../core/origin-report';
import type { PageReport } from '../shared/messages';
import type { ExtraBlock } from '../formats/page/fields/types';
import { pageHasData, type PageReader } from './page-reader-api';
import { pageLanguage } from '../formats/page/page-language';
import { markFor } from './review-mode';

/**
 * One scanned block. Most blocks of a page hold no listed name, and a large page has
 * 100,000 of them: such a block keeps only its text nodes (to notice changes) and its
 * length. The block with its text and segments, and its scan, are kept only when the scan
 * found something (npm run bench, docs/performance.md: the V8 heap the content script
 * keeps on a 20,000-tile page).
 */
interface ScannedBlock {
  /** Stable while the block's first text node and text stay the same (keeps match keys valid). */
  id: number;
  /** The block's text nodes: the node itself when there is one (most blocks). */
  nodes: Text | readonly Text[];
  chars: number;
  /** Matcher generation the scan was made with (a new choice of lists starts a new one). */
  gen: number;
  /** Only when the scan found a match or a guard. */
  found?: Found;
}

interface Found {
  block: PageBlock;
  scan: BlockScan;
  /** A name from the page's data (JSON-LD, inline product JSON): no segments, nothing to paint. */
  fromPageData?: true;
}

/** A block of a walk on its way to the matcher, or an unchanged one that keeps its entry. */
interface Pending {
  block: PageBlock;
  reuse?: ScannedBlock;
}

const NOTHING_FOUND: BlockScan = { matches: [], guards: [] };

/** An entry with findings, as publishing and reporting use it. */
interface FoundBlock extends ScannedBlock {
  found: Found;
}

/**
 * What became of a report: taken by the background, not taken (it kept failing to answer:
 * try again later), or never deliverable (the extension was updated or removed under us).
 */
export type Delivery = 'sent' | 'failed' | 'orphaned';

export interface ScannerHost {
  send(report: PageReport): Promise<Delivery>;
  /** The page reader (page-reader-api.ts), loaded when the page first calls for it. */
  loadReader(): Promise<PageReader>;
  /**
   * Asks for the user's dismissals, once, when the scanner first has something to paint
   * (most pages never do, and the question costs every page's start-up a round trip to the
   * background). Nothing is painted until setHidden() brings them: a dismissed company
   * would otherwise show for a moment. The page is scanned and reported meanwhile. Without
   * it, the scanner paints at once and nothing is dismissed until setHidden().
   */
  wantDismissals?(): void;
}

const REPORT_INTERVAL_MS = 500;
/** Waits before sending again a report the background did not take (doubling up to the last). */
const REDELIVERY_MIN_MS = 2000;
const REDELIVERY_MAX_MS = 10_000;
/** Waits before scanning again after the matcher gave no answer (doubling up to the last). */
const MATCH_RETRY_MIN_MS = 2000;
const MATCH_RETRY_MAX_MS = 10_000;
/** Scans again while the document has no rendering (see hiddenTestFor). */
const RENDER_RETRY_MS = 1000;
const RENDER_RETRIES = 5;
/**
 * Scans in a row whose result waits for the changes made under them to be read: a page
 * that changes under every walk still shows its results.
 */
const HELD_PUBLISHES_MAX = 3;
/** Bounds on the walk deciding whether an attribute change changed what is visible. */
const ATTRIBUTE_CHECK_BLOCKS = 300;
const ATTRIBUTE_CHECK_NODES = 5000;

const hasFindings = (e: ScannedBlock): e is FoundBlock => e.found !== undefined;
const scanFound = (scan: BlockScan): boolean => scan.matches.length > 0 || scan.guards.length > 0;

/** The entry for a block just scanned (with `scan`). */
function makeScannedBlock(
  id: number,
  block: PageBlock,
  scan: BlockScan,
  gen: number,
  fromPageData = false,
): ScannedBlock {
  const segs = block.segments;
  const nodes = segs.length === 1 ? segs[0].node : segs.map((x) => x.node);
  const entry: ScannedBlock = { id, nodes, chars: block.text.length, gen };
  if (scanFound(scan)) entry.found = fromPageData ? { block, scan, fromPageData: true } : { block, scan };
  return entry;
}

/** The first text node of an entry (its identity across scans). */
function firstNode(e: ScannedBlock): Text | undefined {
  return Array.isArray(e.nodes) ? (e.nodes as readonly Text[])[0] : (e.nodes as Text);
}

/**
 * Until the first full scan has run this long, nothing is shown but a name to mark (a short
 * page without one is shown once, complete); then what it found so far. The first name to
 * mark is shown as soon as it comes back, whenever that is: the next progress publish may be
 * a second away, and a mark never goes away as more of the page comes in (page resolution
 * only turns possibles into flags).
 */
const FIRST_PUBLISH_MS = 100;
/** Later progress publishes of that first scan, at most this often. */
const PROGRESS_PUBLISH_MS = 1000;

export class PageScanner {
  #host: ScannerHost;
  #matcher: BlockMatcher | null = null;
  #hidden: ReadonlySet<string> = new Set();
  #hiddenKey = '';
  #gen = 0;
  #paused = false;
  #stopped = false;
  /** Possible matches are marked too (review mode); flags always are. */
  #reviewMode = false;
  /**
   * Marks are painted on the page. False is private mode: the page is scanned and reported
   * as usual, and nothing the page can read is touched (src/content/page-marks.ts). True
   * unless told otherwise, so the scanner works on its own; the content script sets it
   * from the settings before the first configure().
   */
  #marks = true;
  /** Something of ours is in the page's highlight registry or its styles (so there is something to clear). */
  #painted = false;

  #index = new PageIndex();
  /** Blocks from the page's data, read on full scans (src/formats/page/fields/). */
  #pageData: ScannedBlock[] = [];
  /** Blocks with matches or guards, and their page-resolved scans (same order). */
  #found: FoundBlock[] = [];
  #resolved: BlockScan[] = [];
  #nextId = 1;

  #watcher: PageWatcher | null = null;
  #fullRequested = false;
  /** Block containers to read again (in the page when the observer reported them). */
  #dirty = new Set<Node>();
  /** Nodes the page removed: the blocks that used their text are dropped. */
  #removed = new Set<Node>();
  /**
   * The walk under way found the page changed under it: a node it was to read had been
   * removed, so what replaced it is not read yet (the observer hands such changes on only
   * after a quiet time). Shown meanwhile, the page's names there would be missing.
   */
  #lostPlace = false;
  /** Scans in a row whose result was not shown because the page changed under them. */
  #heldPublishes = 0;
  #running = false;
  #abort: AbortController | null = null;
  /** A first full scan is under way and what it found so far is shown (the report says so). */
  #scanning = false;
  /** The index holds a completed full scan (kept up to date by rescans since). */
  #complete = false;
  /**
   * While a first scan starts over (the page reader arrived, the page was flooded with
   * changes, a second injection), what the scans before it found and it has not reached
   * yet, by first text node: still shown, so a mark never goes away while the walk makes
   * its way back to it (seconds on a large page).
   */
  #carried: Map<Text, FoundBlock> | null = null;

  #reportTimer: ReturnType<typeof setTimeout> | null = null;
  #lastSentAt = -Infinity;
  #lastSignature = '';
  #hasReport = false;
  /** Send the next report even if it equals the last one. */
  #forceReport = false;
  /** Current wait before sending again a report the background did not take (0: none failed). */
  #redeliveryMs = 0;
  /**
   * A report is on its way (its delivery retries for seconds while the background restarts).
   * The next one waits for it: sent beside it, the newer report could be stored first and the
   * older one, retried, stored over it, and the page would keep the older result for good.
   */
  #sending = false;
  /** A report was due while another was on its way: the state then current goes after it. */
  #sendAfter = false;
  /** This instance's reports, numbered (messages.ts, ReportSequence). */
  readonly #instance = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  #reportNumber = 0;
  /** Origin findings of the last full scan (src/formats/page/origin-scan.ts). */
  #origins: PageOrigins | null = null;
  /** Full scans started (the first is not put in a task of its own: #fullScan). */
  #fullScans = 0;
  #renderRetries = 0;
  #renderTimer: ReturnType<typeof setTimeout> | null = null;
  #matchRetryMs = 0;
  #matchRetryTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * The page reader: fields, the page's data and origin rows. Until a page calls for it
   * (a listed name's words, an origin label, data in the page), scans go without it, and
   * most pages never load it. Once loaded it stays, and the page is scanned again with it.
   */
  #reader: PageReader | null = null;
  /** Loading the reader, or the scan with it still to complete: the report says scanning. */
  #readerPending = false;
  #readerFailed = false;

  /** False until the first setHidden() when the host is asked for the dismissals. */
  #hiddenKnown: boolean;
  #dismissalsAsked = false;

  constructor(host: ScannerHost) {
    this.#host = host;
    this.#hiddenKnown = host.wantDismissals === undefined;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /**
   * Companies the user dismissed on this site: their highlights are not painted, but they
   * stay in the report so the popup can list them under "Dismissed by you" with Undo.
   */
  setHidden(entities: ReadonlySet<string>): void {
    const key = [...entities].sort().join('\n');
    if (key === this.#hiddenKey && this.#hiddenKnown) return;
    this.#hiddenKnown = true;
    this.#hiddenKey = key;
    this.#hidden = entities;
    if (this.#hasReport && !this.#paused && !this.#stopped) this.#publish();
  }

  /**
   * Review mode on or off: repaints and reports again without scanning, since the matches
   * are the same and only which of them are marked changes.
   */
  setReviewMode(on: boolean): void {
    if (on === this.#reviewMode) return;
    this.#reviewMode = on;
    if (this.#hasReport && !this.#paused && !this.#stopped) this.#publish();
  }

  /**
   * Marks on the page on or off (private mode): paints or clears and reports again without
   * scanning, as only where the results are shown changes.
   */
  setMarks(on: boolean): void {
    if (on === this.#marks) return;
    this.#marks = on;
    if (!on) this.#clearMarks();
    if (this.#hasReport && !this.#paused && !this.#stopped) this.#publish();
  }

  /** Switches the matcher (a choice of lists) or pause state; rescans when something changed. */
  configure(opts: { paused: boolean; matcher: BlockMatcher }): void {
    if (this.#stopped) return;
    if (opts.paused) {
      this.#paused = true;
      this.#halt();
      this.#scheduleReport(true);
      return;
    }
    const wasPaused = this.#paused;
    this.#paused = false;
    if (!this.#matcher || wasPaused || opts.matcher.key !== this.#matcher.key) {
      this.#matcher = opts.matcher;
      this.#gen++;
      this.#startWatching();
      this.requestFull();
    }
  }

  /**
   * Full rescan. `explicit` (popup's "rescan", a second injection): the report is sent
   * even when nothing changed, as the background may have dropped the tab's results.
   * Not explicit: DOM floods.
   */
  requestFull(explicit = false): void {
    if (this.#stopped) return;
    if (explicit) this.#forceReport = true;
    if (this.#paused) {
      this.#scheduleReport(true);
      return;
    }
    if (!this.#matcher) return; // not configured yet: configure() scans
    this.#fullRequested = true;
    this.#abort?.abort();
    void this.#pump();
  }

  /** "Show on page" for a reported key; false when this frame has no such match now. */
  reveal(key: string): boolean {
    const parsed = parseMatchKey(key);
    if (!parsed) return false;
    const found = this.#foundById(parsed.blockId);
    const m = found?.scan.matches.find((x) => x.start === parsed.start);
    // Matches from the page's data (no entry in the index) have nothing on the page to show.
    if (!found || !m) return false;
    // The user asked to see this name on the page: in private mode too, the emphasis is
    // painted (for two seconds) and the page scrolls there.
    this.#painted = true;
    return revealRange(mapMatchToRanges(found.block, m.start, m.end));
  }

  #foundById(id: number): Found | undefined {
    const found = this.#index.byId.get(id)?.found;
    if (found || !this.#carried) return found;
    for (const e of this.#carried.values()) if (e.id === id) return e.found;
    return undefined;
  }

  /** Re-sends the current report (after bfcache restore the background may have forgotten it). */
  resend(): void {
    if (this.#hasReport || this.#paused) this.#scheduleReport(true);
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#halt();
  }

  /**
   * The document had no rendering when a walk started, so hidden text may have been read:
   * scan again a little later (a few times at most; later changes arrive as mutations).
   */
  #scanAgainWhenRendered(): void {
    if (this.#renderRetries >= RENDER_RETRIES || this.#renderTimer !== null) return;
    this.#renderRetries++;
    this.#renderTimer = setTimeout(() => {
      this.#renderTimer = null;
      this.requestFull();
    }, RENDER_RETRY_MS);
  }

  /** Stops watching and scanning and removes the highlights. */
  #halt(): void {
    this.#watcher?.disconnect();
    this.#watcher = null;
    this.#abort?.abort();
    this.#fullRequested = false;
    this.#scanning = false;
    this.#complete = false;
    this.#dirty.clear();
    this.#removed.clear();
    if (this.#renderTimer !== null) clearTimeout(this.#renderTimer);
    this.#renderTimer = null;
    if (this.#matchRetryTimer !== null) clearTimeout(this.#matchRetryTimer);
    this.#matchRetryTimer = null;
    if (this.#stopped && this.#reportTimer !== null) {
      clearTimeout(this.#reportTimer);
      this.#reportTimer = null;
    }
    this.#index = new PageIndex();
    this.#carried = null;
    this.#pageData = [];
    this.#found = [];
    this.#resolved = [];
    this.#clearMarks();
  }

  /** Removes our highlights; in private mode, where there are none, the registry is not touched. */
  #clearMarks(): void {
    if (!this.#painted) return;
    this.#painted = false;
    clear();
  }

  /** One per scan job: the field detector caches per element (src/formats/page/fields/). */
  #collectOptions(): CollectOptions {
    // The page's language can change between scans (a site switching languages in place).
    this.#lang = pageLanguage(document);
    const hidden = hiddenTestFor(document);
    if (!hidden.rendered) this.#scanAgainWhenRendered();
    return {
      isHidden: hidden.isHidden,
      ownHost: null,
      fieldOf: this.#reader?.fieldOf(pageUrl()),
      onShadowRoot: (root) => this.#watcher?.observe(root),
      onLostPlace: (parent) => {
        this.#lostPlace = true;
        // The rest of the parent's children, changed or not, are read again.
        if (parent.isConnected) this.#dirty.add(blockContainerOf(parent, null) ?? parent);
      },
    };
  }

  #startWatching(): void {
    if (this.#watcher) return;
    this.#watcher = watchMutations({
      onDirty: (nodes) => {
        for (const n of nodes) (n.isConnected ? this.#dirty : this.#removed).add(n);
        void this.#pump();
      },
      onFlood: () => this.requestFull(),
      attributeChangeMatters: (el) => this.#visibilityChanged(el),
    });
    this.#watcher.observe(document);
  }

  /**
   * An attribute change matters when it showed text we have not collected (accordion
   * opened, tab switched) or hid text we had collected. Large subtrees (class toggles on
   * <body> on every scroll) are not checked: that would be a full walk each time, and
   * content shown that way usually arrives with child-list changes too.
   */
  #visibilityChanged(el: Element): boolean {
    const visibleNow = new Set<Text>();
    let blocks = 0;
    for (const b of iterateBlocks(el, { isHidden: isHiddenInBrowser })) {
      if (++blocks > ATTRIBUTE_CHECK_BLOCKS) return false;
      for (const seg of b.segments) {
        if (!this.#index.byNode.has(seg.node)) return true;
        visibleNow.add(seg.node);
      }
    }
    let checked = 0;
    for (const t of textNodesIn(el)) {
      if (++checked > ATTRIBUTE_CHECK_NODES) break;
      if (this.#index.byNode.has(t) && !visibleNow.has(t)) return true;
    }
    return false;
  }

  async #pump(): Promise<void> {
    if (this.#running || this.#stopped) return;
    this.#running = true;
    try {
      while (!this.#stopped && !this.#paused && (this.#fullRequested || this.#hasChanges())) {
        const ac = new AbortController();
        this.#abort = ac;
        this.#lostPlace = false;
        try {
          if (this.#fullRequested) {
            this.#fullRequested = false;
            this.#dirty.clear();
            this.#removed.clear();
            await this.#fullScan(ac.signal);
          } else {
            const containers = outermost(this.#dirty);
            const removed = this.#removed;
            this.#dirty = new Set();
            this.#removed = new Set();
            await this.#rescan(containers, removed, ac.signal);
          }
          this.#matchRetryMs = 0;
          if (this.#lostPlace && this.#heldPublishes < HELD_PUBLISHES_MAX) {
            this.#watcher?.flush();
            if (this.#hasChanges()) {
              this.#heldPublishes++;
              continue;
            }
          }
          this.#heldPublishes = 0;
          this.#publish();
        } catch (err) {
          if (ac.signal.aborted) continue;
          if (err instanceof OrphanedError) {
            this.stop();
            return;
          }
          console.debug('Settlement Screen: scan failed', err);
          // Show what there is rather than "still reading" for ever, and try again later:
          // the background may have been restarting for longer than the retries waited.
          this.#scanning = false;
          this.#publish();
          this.#scanAgainAfterFailure();
        }
      }
    } finally {
      this.#running = false;
      this.#abort = null;
    }
  }

  #hasChanges(): boolean {
    return this.#dirty.size > 0 || this.#removed.size > 0;
  }

  /**
   * Until the reader is loaded, batches ask whether they call for it; the first that does
   * starts loading it, and the scan under way gives way to a full scan with it.
   */
  readonly #readerHints: ReaderHints = {
    wanted: () => this.#reader === null,
    onNeeded: () => this.#loadReader(),
  };

  /** Loads the page reader, then scans the page again with it (the marks found so far stay meanwhile). */
  #loadReader(): void {
    if (this.#reader || this.#readerPending || this.#readerFailed || this.#stopped) return;
    this.#readerPending = true;
    this.#host.loadReader().then(
      (reader) => {
        if (this.#stopped) return;
        this.#reader = reader;
        this.requestFull();
      },
      (err: unknown) => {
        // The visible text stays matched; only what the reader adds is missing.
        console.debug('Settlement Screen: could not load the page reader', err);
        this.#readerFailed = true;
        this.#readerPending = false;
        if (this.#hasReport && !this.#paused && !this.#stopped) this.#publish();
      },
    );
  }

  /** A full scan again after a failed one, waiting longer each time. */
  #scanAgainAfterFailure(): void {
    if (this.#matchRetryTimer !== null || this.#stopped) return;
    this.#matchRetryMs = Math.min(MATCH_RETRY_MAX_MS, Math.max(MATCH_RETRY_MIN_MS, this.#matchRetryMs * 2));
    this.#matchRetryTimer = setTimeout(() => {
      this.#matchRetryTimer = null;
      this.requestFull();
    }, this.#matchRetryMs);
  }

  /** The block as the matcher reads it: with the page's language. */
  #wire(block: PageBlock): WireBlock {
    if (this.#lang === undefined) this.#lang = pageLanguage(document);
    return { text: block.text, field: block.field, lang: this.#lang };
  }

  /** The page's language, read once per scan job (undefined: not read yet). */
  #lang: string | null | undefined = undefined;

  /**
   * Queues `block` for its entry, keeping the id and scan of the same unchanged block with
   * findings (`previous`: such blocks by first text node), so match keys stay valid.
   * Blocks without findings are scanned again: that costs less than keeping their text.
   */
  #enqueue(queue: ScanQueue<Pending>, block: PageBlock, previous: Map<Text, FoundBlock>): void {
    const first = block.segments[0].node;
    const old = previous.get(first);
    if (old && old.gen === this.#gen && old.found.block.text === block.text && old.found.block.field === block.field) {
      previous.delete(first);
      queue.push({ block, reuse: { ...old, found: { block, scan: old.found.scan } } }, null);
      return;
    }
    queue.push({ block }, this.#wire(block));
  }

  /** The blocks of a delivered batch, in order. */
  #scannedOf(items: readonly Pending[], scans: readonly (BlockScan | null)[]): ScannedBlock[] {
    return items.map(
      (p, i) => p.reuse ?? makeScannedBlock(this.#nextId++, p.block, scans[i] ?? NOTHING_FOUND, this.#gen),
    );
  }

  async #fullScan(signal: AbortSignal): Promise<void> {
    // Later scans start in a task of their own: what asked for them (the page reader's
    // module evaluation, a flood of changes) already used some of the task they run in. The
    // frame's first scan follows the settings' arrival, which costs next to nothing, and
    // every page starts one: a task of its own would cost each page an entry into the
    // isolated world for nothing.
    if (this.#fullScans++ > 0) await yieldToPage();
    if (signal.aborted) throw signal.reason;
    const matcher = this.#matcher as BlockMatcher;
    const previous = foundByFirstNode(this.#index.blocks);
    if (this.#carried) for (const [node, e] of this.#carried) if (!previous.has(node)) previous.set(node, e);
    // The new index is built inside the slices too: on a large page, building it in one
    // go at the end is itself a long task.
    const next = new PageIndex();
    // The first scan of a page shows what it has found after its first slices, and then
    // now and then, instead of after the whole page (several seconds on a 20,000-tile
    // shop: npm run bench, "time to first flag"). So does a scan that replaces one that
    // never completed (a second injection or a flood aborted it). A later full scan
    // replaces a complete result, which stays in place until the new one is complete.
    const progressive = !this.#complete;
    let publishAt = performance.now() + FIRST_PUBLISH_MS;
    let carried: Map<Text, FoundBlock> | null = null;
    if (progressive) {
      // Only what the current choice of lists found: a new choice shows nothing of the old.
      carried = new Map([...previous].filter(([, e]) => e.gen === this.#gen));
      this.#carried = carried;
      this.#index = next;
      this.#scanning = true;
    }
    // Whether the scan has found something to mark, and whether a publish has shown it.
    let markable = false;
    let shown = false;
    let foundAny = false;
    const queue = new ScanQueue<Pending>(
      matcher,
      signal,
      (items, scans) => {
        for (const e of this.#scannedOf(items, scans)) {
          const first = firstNode(e);
          if (carried && first) carried.delete(first);
          next.add(e);
          if (e.found) foundAny = true;
          if (!markable && e.found && this.#hasMarks(e.found.scan)) markable = true;
        }
        if (!progressive) return;
        const now = performance.now();
        if (now < publishAt && !(markable && !shown)) return;
        this.#publish();
        shown = markable;
        publishAt = performance.now() + PROGRESS_PUBLISH_MS;
      },
      this.#readerHints,
    );
    let loadsReader = false;
    try {
      await runSliced(
        iterateBlocks(document, this.#collectOptions()),
        (block) => this.#enqueue(queue, block, previous),
        {
          signal,
          betweenSlices: () => queue.flush(),
        },
      );
      // Read before the last batch goes: a page that calls for the reader is scanned again
      // with it, so its report is not the one that batch could carry.
      loadsReader = !this.#reader && pageHasData(document, location.hostname);
      const final = progressive && !this.#reader && !loadsReader;
      await queue.drain(final ? this.#reportIfNone(next, () => foundAny) : undefined);
    } finally {
      if (progressive) this.#scanning = false;
    }
    // Nodes removed while the walk was paused are reported by the observer and dropped
    // by the rescan that follows.
    this.#index = next;
    this.#complete = true;
    this.#carried = null;
    const reader = this.#reader;
    if (!reader) {
      if (loadsReader) this.#loadReader();
      this.#pageData = [];
      this.#origins = { findings: [], stated: [] };
      return;
    }
    // Reading the page's data queries the whole document, and publishing follows: each
    // in a task of its own, not at the end of the walk's last slice.
    await yieldToPage();
    this.#pageData = await this.#pageDataEntries(reader, next, matcher);
    await yieldToPage();
    // Origins are read on full scans, like the page data (labels rarely change after load),
    // in a task of their own: they read the page's rows again.
    const contexts = reader.originContexts(document);
    this.#origins = contexts.length === 0 ? { findings: [], stated: [] } : await matcher.findOrigins(contexts);
    if (signal.aborted) throw signal.reason;
    this.#readerPending = false;
  }

  /**
   * The first report of a page whose first scan has found nothing, sent with the scan's last
   * batch: when that batch finds nothing either, the background keeps it and the frame sends
   * no report of its own (one message less for the many pages with nothing to flag). Only
   * the report #sendReport would send next, so it is built the same way.
   */
  #reportIfNone(next: PageIndex, foundAny: () => boolean): ReportIfNone<Pending> {
    return {
      report: (items) => {
        const quiet = this.#reportNumber === 0 && !this.#sending && this.#reportTimer === null;
        // An earlier batch called for the reader, still loading: the page is scanned again.
        if (!quiet || this.#paused || this.#lostPlace || this.#readerPending) return null;
        if (foundAny() || items.some((p) => p.reuse?.found)) return null;
        let chars = next.chars;
        for (const p of items) chars += p.block.text.length;
        const report = this.#reportOf([], [], { blocks: next.blocks.length + items.length, chars }, false, {
          findings: [],
          stated: [],
        });
        report.sequence = { instance: this.#instance, n: ++this.#reportNumber };
        return report;
      },
      kept: (report) => {
        this.#lastSignature = reportSignature(report);
        this.#lastSentAt = performance.now();
        this.#redeliveryMs = 0;
      },
    };
  }

  /**
   * Names in the page's data but not in its visible text, scanned as blocks without
   * segments. Read on full scans only (scripts rarely change after load). Unchanged
   * blocks keep their id, so their match keys stay stable across scans.
   */
  async #pageDataEntries(reader: PageReader, index: PageIndex, matcher: BlockMatcher): Promise<ScannedBlock[]> {
    let extra: ExtraBlock[];
    try {
      // Only visible blocks with findings need comparing: a page-data name equal to a
      // visible block without findings would find nothing either (a field only adds
      // corroboration), so it is reported by neither.
      const visibleFound: PageBlock[] = [];
      for (const e of index.blocks) if (hasFindings(e)) visibleFound.push(e.found.block);
      extra = reader.withoutVisibleDuplicates(reader.extraBlocks(pageUrl(), document), visibleFound);
    } catch (err) {
      console.debug('Settlement Screen: could not read the page data', err);
      return [];
    }
    const previous = new Map<string, FoundBlock>();
    for (const e of this.#pageData) if (hasFindings(e)) previous.set(`${e.found.block.field}|${e.found.block.text}`, e);
    const items = extra.map((x) => {
      const block: PageBlock = { text: x.text, field: x.field, segments: [] };
      const old = previous.get(`${x.field}|${x.text}`);
      return { block, old: old && old.gen === this.#gen ? old : undefined };
    });
    const toScan = items.filter((x) => !x.old);
    const scans = toScan.length > 0 ? (await matcher.scanBlocks(toScan.map((x) => this.#wire(x.block)))).scans : [];
    let k = 0;
    return items.map(({ block, old }) => {
      if (old) return { ...old, found: { ...old.found, block } };
      return makeScannedBlock(this.#nextId++, block, scans[k++] ?? NOTHING_FOUND, this.#gen, true);
    });
  }

  /**
   * Blocks using any text node inside `containers` (block containers the page changed) or
   * `removed` (nodes it removed) are dropped; the containers are collected again.
   */
  async #rescan(containers: Set<Node>, removed: Set<Node>, signal: AbortSignal): Promise<void> {
    // One sliced run over all changed containers, not one per container: a batch of 1,000
    // appended tiles is 1,000 containers, each too small to use up a slice on its own, and
    // separate runs would do them all in one long task (measured: npm run bench).
    const stale = new Set<ScannedBlock>();
    await runSliced(
      textNodesOfAll([...containers, ...removed]),
      (t) => {
        const e = this.#index.byNode.get(t);
        if (e) stale.add(e);
      },
      { signal },
    );
    const previous = foundByFirstNode(stale);
    const fresh: ScannedBlock[] = [];
    const queue = new ScanQueue<Pending>(
      this.#matcher as BlockMatcher,
      signal,
      (items, scans) => {
        for (const e of this.#scannedOf(items, scans)) fresh.push(e);
      },
      this.#readerHints,
    );
    const blocks = blocksOfAll(containers, this.#collectOptions(), () => (this.#lostPlace = true));
    await runSliced(blocks, (block) => this.#enqueue(queue, block, previous), {
      signal,
      betweenSlices: () => queue.flush(),
    });
    await queue.drain();
    this.#index.replace(stale, fresh);
  }

  #publish(): void {
    this.#found = this.#index.blocks.filter(hasFindings);
    // Not yet reached again by a first scan that started over (a removed one is not shown).
    if (this.#carried) for (const e of this.#carried.values()) if (firstNode(e)?.isConnected) this.#found.push(e);
    for (const e of this.#pageData) if (hasFindings(e)) this.#found.push(e);
    this.#resolved = resolvePage(this.#found.map((e) => e.found.scan));
    if (!this.#marks) this.#clearMarks();
    else if (this.#hiddenKnown) this.#paintMarks();
    else if (!this.#dismissalsAsked && this.#resolved.some((scan) => this.#hasMarks(scan))) {
      this.#dismissalsAsked = true;
      this.#host.wantDismissals?.();
    }
    this.#hasReport = true;
    this.#scheduleReport(this.#forceReport);
    this.#forceReport = false;
  }

  #hasMarks(scan: BlockScan): boolean {
    return scan.matches.some((m) => markFor(m.level, this.#reviewMode) !== null);
  }

  #paintMarks(): void {
    const flags: RangeSpec[] = [];
    const possibles: RangeSpec[] = [];
    this.#found.forEach((e, i) => {
      for (const m of this.#resolved[i].matches) {
        if (this.#hidden.has(m.entity)) continue;
        const mark = markFor(m.level, this.#reviewMode);
        if (!mark) continue;
        const target = mark === 'flag' ? flags : possibles;
        for (const r of mapMatchToRanges(e.found.block, m.start, m.end)) target.push(r);
      }
    });
    if (flags.length === 0 && possibles.length === 0) {
      // Nothing to mark (any more): what was painted goes, and a page never painted is left
      // alone. The styles stay until the marks are turned off (highlight.ts).
      if (this.#painted) paint([], []);
      return;
    }
    paint(flags, possibles);
    this.#painted = true;
  }

  #scheduleReport(force: boolean): void {
    if (this.#stopped) return;
    if (force) this.#lastSignature = '';
    if (this.#reportTimer !== null) return;
    // Nothing found, and the report already sent or kept says so: no timer's task to find
    // that out later (most pages, with nothing to flag, end here). With findings the report
    // is built in the timer's task, once for all the publishes before it.
    if (!this.#sending && this.#lastSignature !== '' && this.#found.length === 0 && this.#pageData.length === 0) {
      if (reportSignature(this.#currentReport()) === this.#lastSignature) return;
    }
    const wait = Math.max(0, this.#lastSentAt + REPORT_INTERVAL_MS - performance.now());
    this.#reportTimer = setTimeout(() => {
      this.#reportTimer = null;
      void this.#sendReport();
    }, wait);
  }

  #reportOf(
    found: readonly FoundBlock[],
    resolved: readonly BlockScan[],
    counts: { blocks: number; chars: number },
    scanning: boolean,
    origins: PageOrigins | null,
  ): PageReport {
    const meta: ReportMeta = { url: location.href, title: document.title, scannedAt: new Date().toISOString() };
    if (this.#paused) return pausedReport(meta);
    const report = withMarks(
      buildReport(
        found.map((e) => ({ id: e.id, block: e.found.block, fromPageData: e.found.fromPageData })),
        resolved,
        counts,
        meta,
        scanning,
        this.#reviewMode,
      ),
      this.#marks,
    );
    if (origins) report.origins = origins;
    return report;
  }

  /** The frame's report as it stands. */
  #currentReport(): PageReport {
    return this.#reportOf(
      this.#found,
      this.#resolved,
      {
        blocks: this.#index.blocks.length + this.#pageData.length,
        chars: this.#index.chars + this.#pageData.reduce((n, e) => n + e.chars, 0),
      },
      this.#scanning || this.#readerPending,
      this.#origins,
    );
  }

  async #sendReport(): Promise<void> {
    if (this.#stopped) return;
    if (this.#sending) {
      this.#sendAfter = true;
      return;
    }
    const report = this.#currentReport();
    const signature = reportSignature(report);
    if (signature === this.#lastSignature) return;
    report.sequence = { instance: this.#instance, n: ++this.#reportNumber };
    this.#lastSignature = signature;
    this.#lastSentAt = performance.now();
    this.#sending = true;
    let delivery: Delivery;
    try {
      delivery = await this.#host.send(report);
    } finally {
      this.#sending = false;
    }
    const changedMeanwhile = this.#sendAfter;
    this.#sendAfter = false;
    if (delivery === 'orphaned') {
      this.stop();
      return;
    }
    if (delivery === 'sent') {
      this.#redeliveryMs = 0;
      if (changedMeanwhile) this.#scheduleReport(false);
      return;
    }
    // A static page reports once: a report lost here would leave the tab without results
    // for good. Send the current state again later (a newer report supersedes it).
    this.#redeliveryMs = Math.min(REDELIVERY_MAX_MS, Math.max(REDELIVERY_MIN_MS, this.#redeliveryMs * 2));
    this.#lastSignature = '';
    if (this.#stopped || this.#reportTimer !== null) return;
    this.#reportTimer = setTimeout(() => {
      this.#reportTimer = null;
      void this.#sendReport();
    }, this.#redeliveryMs);
  }
}

/** `report` saying whether the frame paints its marks (the popup's "Show on page"). */
function withMarks(report: PageReport, marks: boolean): PageReport {
  report.marks = marks;
  return report;
}

/** The scanned blocks of the page, with the lookups incremental rescans need. */
class PageIndex {
  /** Every scanned block, roughly in page order. */
  blocks: ScannedBlock[] = [];
  byId = new Map<number, ScannedBlock>();
  /** Every collected text node -> the block using it. */
  byNode = new Map<Text, ScannedBlock>();
  chars = 0;

  add(e: ScannedBlock): void {
    this.blocks.push(e);
    this.#link(e);
  }

  /** Drops `stale`, adds `fresh` where the first stale block was (keeps page order roughly). */
  replace(stale: Set<ScannedBlock>, fresh: readonly ScannedBlock[]): void {
    if (stale.size === 0 && fresh.length === 0) return;
    for (const e of stale) this.#unlink(e);
    for (const e of fresh) this.#link(e);
    if (stale.size === 0) {
      for (const e of fresh) this.blocks.push(e);
      return;
    }
    const next: ScannedBlock[] = [];
    let inserted = false;
    for (const e of this.blocks) {
      if (!stale.has(e)) next.push(e);
      else if (!inserted) {
        for (const f of fresh) next.push(f);
        inserted = true;
      }
    }
    this.blocks = next;
  }

  #link(e: ScannedBlock): void {
    // Only blocks with findings are looked up by id ("show on page").
    if (e.found) this.byId.set(e.id, e);
    if (Array.isArray(e.nodes)) for (const n of e.nodes as readonly Text[]) this.byNode.set(n, e);
    else this.byNode.set(e.nodes as Text, e);
    this.chars += e.chars;
  }

  #unlink(e: ScannedBlock): void {
    if (this.byId.get(e.id) === e) this.byId.delete(e.id);
    if (Array.isArray(e.nodes)) {
      for (const n of e.nodes as readonly Text[]) if (this.byNode.get(n) === e) this.byNode.delete(n);
    } else if (this.byNode.get(e.nodes as Text) === e) this.byNode.delete(e.nodes as Text);
    this.chars -= e.chars;
  }
}

/** Entries with findings by first text node: what a new scan may keep (see #enqueue). */
function foundByFirstNode(blocks: Iterable<ScannedBlock>): Map<Text, FoundBlock> {
  const map = new Map<Text, FoundBlock>();
  for (const e of blocks) {
    const first = firstNode(e);
    if (hasFindings(e) && first) map.set(first, e);
  }
  return map;
}

/** The frame's URL for the site adapters, or null where it does not parse (about:srcdoc). */
function pageUrl(): URL | null {
  try {
    return new URL(location.href);
  } catch {
    return null;
  }
}

/** The text nodes in `root`'s subtree (itself included), open shadow trees included. */
function* textNodesIn(root: Node): Generator<Text, void, undefined> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    // One pending sibling per level, as in iterateBlocks (wide containers).
    const next = nextWalkSibling(n, root);
    if (next) stack.push(next);
    if (n.nodeType === 3) {
      yield n as Text;
      continue;
    }
    pushWalkChildren(n, stack);
    const shadow = n.nodeType === 1 ? (n as Element).shadowRoot : null;
    if (shadow) stack.push(shadow);
  }
}

function* textNodesOfAll(nodes: Iterable<Node>): Generator<Text> {
  for (const n of nodes) yield* textNodesIn(n);
}

/** `onGone`: a container was removed from the page before the walk got to it. */
function* blocksOfAll(containers: Iterable<Node>, options: CollectOptions, onGone: () => void): Generator<PageBlock> {
  for (const n of containers) {
    if (n.isConnected) yield* iterateBlocks(n, options);
    else onGone();
  }
}
