// runSliced: all items done in order, yields when a slice is spent, lets the page's own
// timers run during a long scan even where scheduler.yield() would always go first, and
// stops on abort.
import { afterEach, expect, it, vi } from 'vitest';
import { runSliced } from '../../src/content/scheduler';

/** Busy work for about `ms` milliseconds. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

it('does every item in order and calls beforeYield once per spent slice', async () => {
  // A clock that only the work moves (1 ms per item), so a busy machine cannot change the count.
  let clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const seen: number[] = [];
  let yields = 0;
  try {
    await runSliced(
      Array.from({ length: 40 }, (_, i) => i),
      (item, index) => {
        expect(index).toBe(item);
        seen.push(item);
        clock += 1;
      },
      { budgetMs: 8, beforeYield: () => yields++ },
    );
  } finally {
    vi.restoreAllMocks();
  }
  expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i));
  // 40 ms of work in 8 ms slices: a yield after each spent slice but the last.
  expect(yields).toBeGreaterThanOrEqual(4);
  expect(yields).toBeLessThanOrEqual(5);
});

it("lets the page's timers run during a long scan even when scheduler.yield() always goes first", async () => {
  // A scheduler.yield() whose continuation runs before any task (a microtask): the worst
  // case of "continuations before the page's tasks".
  vi.stubGlobal('scheduler', { yield: () => Promise.resolve() });
  const ticks: number[] = [];
  const started = performance.now();
  const timer = setInterval(() => ticks.push(performance.now() - started), 10);
  try {
    await runSliced(
      Array.from({ length: 400 }, (_, i) => i),
      () => spin(1),
      { budgetMs: 8 },
    );
  } finally {
    clearInterval(timer);
  }
  const took = performance.now() - started;
  // 400 ms of scanning: the page's 10 ms timer ran during it, not only after it.
  expect(took).toBeGreaterThan(350);
  expect(ticks.length).toBeGreaterThanOrEqual(4);
  expect(ticks[0]).toBeLessThan(took / 2);
});

it('rejects with the abort reason and stops working', async () => {
  const ac = new AbortController();
  let done = 0;
  const run = runSliced(
    Array.from({ length: 1000 }, (_, i) => i),
    () => {
      done++;
      spin(1);
    },
    { budgetMs: 4, signal: ac.signal },
  );
  setTimeout(() => ac.abort(new Error('stop')), 30);
  await expect(run).rejects.toThrow('stop');
  expect(done).toBeLessThan(1000);
});
