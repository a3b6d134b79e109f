// Per-tab results in browser.storage.session (key `tab:<tabId>`). The worker can be
// stopped at any moment, so nothing is kept in module state except the per-tab write
// queue: two frames reporting at once would otherwise both read the old value and one
// report would be lost. If the worker stops, in-flight handlers stop with it and the
// queue has nothing left to protect.
import { browser } from '../shared/browser';
import type { TabResults } from '../shared/messages';
import { asTabResults, tabKey } from './tab-results';

const queues = new Map<number, Promise<unknown>>();

export async function readTab(tabId: number): Promise<TabResults | null> {
  const key = tabKey(tabId);
  const stored = await browser.storage.session.get(key);
  return asTabResults(stored[key], tabId);
}

/**
 * Read-modify-write of one tab's results, serialised per tab. `update` returns the new
 * value, or null to delete the tab's entry.
 */
export function updateTab(
  tabId: number,
  update: (prev: TabResults | null) => TabResults | null,
): Promise<TabResults | null> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const task = previous
    .catch(() => undefined)
    .then(async () => {
      const next = update(await readTab(tabId));
      if (next) await browser.storage.session.set({ [tabKey(tabId)]: next });
      else await browser.storage.session.remove(tabKey(tabId));
      return next;
    });
  queues.set(tabId, task);
  const cleanup = () => {
    if (queues.get(tabId) === task) queues.delete(tabId);
  };
  task.then(cleanup, cleanup);
  return task;
}

export function clearTab(tabId: number): Promise<TabResults | null> {
  return updateTab(tabId, () => null);
}
