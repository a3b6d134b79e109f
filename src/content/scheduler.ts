// Time slicing: work through items for at most `budgetMs`, then give the page's own tasks
// (input, rendering) a turn, so scanning a long page never causes a visible stutter.
// uBlock's domSurveyor uses 4 ms slices, Dark Reader one frame (16 ms); 8 ms leaves
// headroom in a 60 Hz frame.

export interface SliceOptions {
  budgetMs?: number;
  signal?: AbortSignal;
  /** Called when a slice is spent, before yielding (progress: show what was found so far). */
  beforeYield?: () => void;
  /**
   * Awaited when a slice is spent, after beforeYield: work the slices hand on elsewhere
   * (blocks sent to be matched) holds the walk back while too much of it is outstanding.
   */
  betweenSlices?: () => Promise<void>;
}

interface SchedulerWithYield {
  yield?: () => Promise<void>;
}

const now = (): number => performance.now();

/** At least this often a long scan lets the page's own due tasks run before it goes on. */
const FAIR_YIELD_MS = 50;

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Aborted', 'AbortError');
}

/**
 * Yields to the event loop: scheduler.yield() where present (Chrome 129, Firefox 142:
 * the continuation keeps its priority), else a MessageChannel task, which unlike
 * setTimeout(0) is neither clamped to 4 ms nor throttled to 1 s in background tabs.
 */
export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (sched && typeof sched.yield === 'function') {
    try {
      return sched.yield.call(sched);
    } catch {
      // A page-replaced or broken scheduler: fall through.
    }
  }
  return yieldBehindPageTasks();
}

/**
 * Yields with a new task at the back of the queue: the page's own tasks that are due
 * (timers, network callbacks, its messages) run first.
 */
export function yieldBehindPageTasks(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `work` on each item (arrays, or lazy iterables such as a DOM walk), yielding
 * whenever the budget is spent. Resolves when all items are done; rejects with the
 * signal's reason when aborted (checked before every item).
 */
export async function runSliced<T>(
  items: Iterable<T>,
  work: (item: T, index: number) => void,
  { budgetMs = 8, signal, beforeYield, betweenSlices }: SliceOptions = {},
): Promise<void> {
  if (signal?.aborted) throw abortError(signal);
  let index = 0;
  let deadline = now() + budgetMs;
  let fairAt = now() + FAIR_YIELD_MS;
  for (const item of items) {
    if (signal?.aborted) throw abortError(signal);
    work(item, index++);
    if (now() >= deadline) {
      beforeYield?.();
      if (betweenSlices) {
        await betweenSlices();
        if (signal?.aborted) throw abortError(signal);
      }
      // scheduler.yield() continuations run before the page's timers: a long scan would
      // hold those back until it ends (seconds on a very large page: docs/performance.md).
      // Now and then the scan waits behind them instead.
      if (now() >= fairAt) {
        await yieldBehindPageTasks();
        fairAt = now() + FAIR_YIELD_MS;
      } else {
        await yieldToPage();
      }
      deadline = now() + budgetMs;
    }
  }
  if (signal?.aborted) throw abortError(signal);
}
