// Which tab the popup describes. Normally the active tab of the popup's window.
//
// `?tab=<id>` is ONLY for the browser tests, which open the popup page in a normal tab
// (there is no way to open a real popup for a chosen tab from a test). It exposes
// nothing new: any extension page may already read any tab's results from the
// background, and web pages cannot open or script the popup page (it is not a
// web-accessible resource).
import { browser } from '../../shared/browser';

export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

export async function resolveTabId(search: string): Promise<number | null> {
  const fromQuery = tabIdFromQuery(search);
  if (fromQuery !== null) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : null;
}

/** The tab's URL when the browser tells us (activeTab grants it while the popup is open). */
export async function tabUrl(tabId: number): Promise<string | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url ?? null;
  } catch {
    return null;
  }
}
