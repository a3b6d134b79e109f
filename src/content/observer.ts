// Watches the page for changes and reports which block containers need a rescan.
// The MutationObserver callback only stores records (uBlock: "Do not handle added node
// directly from within mutation observer"); the work happens after ~250 ms without new
// mutations, in an idle callback. Observers do not cross shadow boundaries, so each open
// shadow root is observed as its own root.
import { blockContainerOf, composedParent, isBlockElement } from '../formats/page/collect-blocks';

export interface WatchOptions {
  /** Our own UI host, if any: mutations inside it are ignored. */
  ownHost?: () => Element | null;
  /**
   * The block containers (see blockContainerOf) whose blocks must be rescanned, and the
   * removed nodes (disconnected): blocks using text inside them must be dropped.
   */
  onDirty(containers: Set<Node>): void;
  /** Too many changes at once (Dark Reader's HUGE_MUTATIONS_COUNT): rescan everything. */
  onFlood(): void;
  /**
   * Attribute changes (hidden, style, class, open, aria-hidden) are reported only when
   * this returns true for the element: the caller decides whether what is visible changed
   * (accordions, tabs, "show more"). Absent = attributes are not observed.
   */
  attributeChangeMatters?(el: Element): boolean;
  /** Quiet time before a batch is processed. */
  idleMs?: number;
  /** Longest a busy page (tickers, animations) can postpone a batch. */
  maxWaitMs?: number;
  /** Text/child records per batch above which onFlood is called instead. */
  floodThreshold?: number;
}

export interface PageWatcher {
  /** Starts watching a document or shadow root (again is harmless). */
  observe(root: Document | ShadowRoot): void;
  /**
   * Hands on the changes made so far at once, without waiting for quiet: a walk found the
   * page changed under it, and what replaced the nodes it missed is among them.
   */
  flush(): void;
  disconnect(): void;
}

const WATCHED_ATTRIBUTES = ['hidden', 'style', 'class', 'open', 'aria-hidden'];

interface IdleGlobals {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
}

export function watchMutations(opts: WatchOptions): PageWatcher {
  const idleMs = opts.idleMs ?? 250;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  // Above this many text/child records in one batch a full rescan is cheaper than sorting
  // out the dirty containers. Infinite scroll appends 1,000 items one by one (1,001 records
  // with a counter update), which must stay incremental: cost per batch, not per page.
  const floodThreshold = opts.floodThreshold ?? 10_000;
  const observed = new WeakSet<Node>();
  let pending: MutationRecord[] = [];
  /** Text and child-list records in `pending` (attribute records do not count to floods). */
  let contentRecords = 0;
  let flooded = false;
  let firstPendingAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idleId: number | null = null;
  let stopped = false;
  const idle = globalThis as unknown as IdleGlobals;

  const observer = new MutationObserver((records) => {
    if (stopped) return;
    keep(records);
    schedule();
  });

  function keep(records: readonly MutationRecord[]): void {
    if (flooded) {
      // A full rescan is coming anyway: drop the records, keep waiting for quiet.
    } else {
      for (const r of records) if (r.type !== 'attributes') contentRecords++;
      if (contentRecords > floodThreshold) {
        flooded = true;
        pending = [];
      } else {
        pending.push(...records);
      }
    }
  }

  function schedule(): void {
    const t = performance.now();
    if (timer === null && idleId === null) firstPendingAt = t;
    if (idleId !== null) return; // already waiting for idle time: that batch takes these too
    if (timer !== null) clearTimeout(timer);
    const wait = Math.max(0, Math.min(idleMs, firstPendingAt + maxWaitMs - t));
    timer = setTimeout(() => {
      timer = null;
      if (typeof idle.requestIdleCallback === 'function') {
        idleId = idle.requestIdleCallback(run, { timeout: 1000 });
      } else {
        run();
      }
    }, wait);
  }

  function run(): void {
    idleId = null;
    if (stopped) return;
    const records = pending;
    const wasFlooded = flooded;
    pending = [];
    contentRecords = 0;
    flooded = false;
    try {
      if (wasFlooded) {
        opts.onFlood();
        return;
      }
      const dirty = dirtyContainers(records);
      if (dirty.size > 0) opts.onDirty(dirty);
    } catch (err) {
      console.debug('Settlement Screen: could not process page changes', err);
    }
  }

  function dirtyContainers(records: readonly MutationRecord[]): Set<Node> {
    const host = opts.ownHost?.() ?? null;
    const found = new Set<Node>();
    const seenTargets = new Set<Node>();
    const seenAttrTargets = new Set<Node>();
    const add = (node: Node | null): void => {
      if (!node || !node.isConnected) return;
      const c = blockContainerOf(node, host);
      if (c) found.add(c);
    };
    for (const r of records) {
      if (r.type === 'attributes') {
        const el = r.target as Element;
        if (seenAttrTargets.has(el)) continue;
        seenAttrTargets.add(el);
        if (el.isConnected && opts.attributeChangeMatters?.(el)) add(el);
        continue;
      }
      if (r.type === 'characterData') {
        if (!seenTargets.has(r.target)) {
          seenTargets.add(r.target);
          add(r.target);
        }
        continue;
      }
      // childList. An added or removed block element only changes its own blocks unless
      // text or inline content sits next to it (then the runs beside it were split or
      // joined), so the parent's container is rescanned only in that case. Removed nodes
      // are reported themselves, disconnected: the caller drops the blocks that used
      // their text and has nothing to collect there.
      let parentDirty = false;
      r.addedNodes.forEach((n) => {
        if (n.nodeType === 1 && isBlockElement(n as Element)) add(n);
        else parentDirty = true;
      });
      r.removedNodes.forEach((n) => {
        if (!n.isConnected) found.add(n);
        if (!(n.nodeType === 1 && isBlockElement(n as Element))) parentDirty = true;
      });
      if (!parentDirty && (isInlineOrText(r.previousSibling) || isInlineOrText(r.nextSibling))) {
        parentDirty = true;
      }
      if (parentDirty && !seenTargets.has(r.target)) {
        seenTargets.add(r.target);
        add(r.target);
      }
    }
    return outermost(found);
  }

  return {
    observe(root) {
      if (stopped || observed.has(root)) return;
      observed.add(root);
      try {
        observer.observe(root, {
          childList: true,
          subtree: true,
          characterData: true,
          ...(opts.attributeChangeMatters ? { attributes: true, attributeFilter: WATCHED_ATTRIBUTES } : {}),
        });
      } catch (err) {
        console.debug('Settlement Screen: could not observe', err);
      }
    },
    flush() {
      if (stopped) return;
      keep(observer.takeRecords());
      if (timer !== null) clearTimeout(timer);
      if (idleId !== null) idle.cancelIdleCallback?.(idleId);
      timer = null;
      run();
    },
    disconnect() {
      stopped = true;
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      if (idleId !== null) idle.cancelIdleCallback?.(idleId);
      timer = null;
      idleId = null;
      pending = [];
    },
  };
}

function isInlineOrText(n: Node | null): boolean {
  if (!n) return false;
  if (n.nodeType === 3) return /\S/.test((n as Text).data);
  return n.nodeType === 1 && !isBlockElement(n as Element);
}

/** Drops containers inside another dirty container: rescanning the outer one covers them. */
export function outermost(containers: Set<Node>): Set<Node> {
  if (containers.size < 2) return containers;
  const out = new Set<Node>();
  for (const c of containers) {
    let covered = false;
    for (let p = composedParent(c); p; p = composedParent(p)) {
      if (containers.has(p)) {
        covered = true;
        break;
      }
    }
    if (!covered) out.add(c);
  }
  return out;
}
