// Browser-independent ways to observe the extension from a test: what the background
// stored for a tab, the badge, and the popup (opened as a tab for a given tab id).
import type Browser from 'webextension-polyfill';
import type { PageReport, TabResults } from '../../../src/shared/messages';
import type { ExtBrowser, TabPage } from './types';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined/null/false. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string | (() => string),
  timeoutMs = 20_000,
  intervalMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}${last ? `: ${String(last)}` : ''}`,
      );
    }
    await sleep(intervalMs);
  }
}

/** Everything in the extension's storage.session (key `tab:<id>` -> TabResults). */
export function sessionStore(b: ExtBrowser): Promise<Record<string, unknown>> {
  return b.inExtension(async () => {
    const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
    const api = g.browser ?? g.chrome;
    return (await api.storage.session.get(null)) as Record<string, unknown>;
  });
}

function topFrame(r: TabResults): PageReport | undefined {
  return r.frames?.['0'];
}

/**
 * Waits until the background holds results for the tab showing `pageUrl`, and until they
 * stop changing (the content script scans in slices and may report more than once).
 * `until` can demand more, e.g. a match count after the page added content.
 */
export async function waitForTabResults(
  b: ExtBrowser,
  pageUrl: string,
  opts: { until?: (r: TabResults) => boolean; timeoutMs?: number; stableMs?: number } = {},
): Promise<TabResults> {
  // Longer than the content script's report throttle (REPORT_INTERVAL_MS, 500 ms), so a
  // report sent mid-scan is not taken for the final one.
  const stableMs = opts.stableMs ?? 800;
  let last = '';
  let since = 0;
  let seen: TabResults | undefined;
  return waitFor(
    async () => {
      const all = await sessionStore(b);
      const found = Object.entries(all)
        .filter(([k]) => k.startsWith('tab:'))
        .map(([, v]) => v as TabResults)
        .find((r) => topFrame(r)?.url === pageUrl);
      seen = found ?? seen;
      if (!found || (opts.until && !opts.until(found))) return undefined;
      // A frame still in its first scan has sent what it found so far: not the result.
      if (Object.values(found.frames).some((f) => f.scanning)) return undefined;
      const key = JSON.stringify(found, (k, v) => (k === 'scannedAt' ? undefined : v));
      if (key !== last) {
        last = key;
        since = Date.now();
        return undefined;
      }
      return Date.now() - since >= stableMs ? found : undefined;
    },
    () => `the extension's report for ${pageUrl} (last seen: ${describeResults(seen)})`,
    opts.timeoutMs ?? 20_000,
  );
}

/** One line per frame: what a timed-out wait last saw, so a CI failure says why. */
export function describeResults(r: TabResults | undefined): string {
  if (!r) return 'nothing stored for this page';
  return Object.entries(r.frames)
    .map(([id, f]) => {
      const names = [...new Set(f.matches.map((m) => `${m.entityName} (${m.level})`))].join(', ');
      const state = `${f.paused ? ', paused' : ''}${f.scanning ? ', still scanning' : ''}`;
      return `frame ${id} ${f.url.slice(0, 80)}: ${f.blocks} blocks${state}; ${names || 'no matches'}`;
    })
    .join(' | ');
}

/** All matches of all frames of a tab, flattened. */
export function allMatches(r: TabResults): PageReport['matches'] {
  return Object.values(r.frames).flatMap((f) => f.matches);
}

export function badgeText(b: ExtBrowser, tabId: number): Promise<string> {
  return b.inExtension(async (id: number) => {
    const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
    const api = g.browser ?? g.chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}

/**
 * Opens the popup as an ordinary tab for `tabId` (the popup's `?tab=` parameter, used by
 * tests and by nothing else), waits until it rendered, and opens every collapsed section
 * (<details>, by clicking its summary as a person would), so its text can be read.
 */
export async function openPopup(b: ExtBrowser, tabId: number, expectText?: string): Promise<TabPage> {
  const path = b.manifest.popup;
  if (!path) throw new Error('the built manifest has no action.default_popup');
  const popup = await b.newPage(`${b.extensionOrigin}/${path.replace(/^\//, '')}?tab=${tabId}`);
  // Sections may render after the first paint (results arrive asynchronously): wait until
  // the text is there, nothing is left collapsed and two reads in a row agree.
  let previous = '';
  await waitFor(
    async () => {
      const closed = await popup.evaluate(() => {
        const all = Array.from(document.querySelectorAll('details:not([open])'));
        for (const d of all) d.querySelector('summary')?.click();
        return all.length;
      });
      const t = await visibleText(popup);
      const ready = (expectText ? t.includes(expectText) : t.trim().length > 0) && closed === 0 && t === previous;
      previous = t;
      return ready;
    },
    expectText ? `the popup to show "${expectText}"` : 'the popup to render',
  );
  return popup;
}

/** The rendered text of a page (innerText: what a person sees, not hidden nodes). */
export function visibleText(page: TabPage): Promise<string> {
  return page.evaluate(() => document.body?.innerText ?? '');
}

/**
 * Clicks (with a DOM click, which runs the app's handlers) a button or link whose text or
 * accessible label contains `label` (case-insensitive). With `within`, it takes the control
 * nearest to the text `within`: from the element showing that text, up through its
 * ancestors until one holds such a control. Returns false when there is none.
 */
export function clickControl(page: TabPage, label: string, within?: string): Promise<boolean> {
  return page.evaluate(
    ({ label, within }) => {
      const want = label.toLowerCase();
      const matches = (el: Element) =>
        `${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`
          .toLowerCase()
          .includes(want);
      const controlIn = (root: ParentNode) =>
        Array.from(root.querySelectorAll<HTMLElement>('button, a, [role="button"]')).find(matches);
      let hit: HTMLElement | undefined;
      if (!within) {
        hit = controlIn(document);
      } else {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n && !hit; n = walker.nextNode()) {
          if (!(n as Text).data.includes(within)) continue;
          for (let p = n.parentElement; p && !hit; p = p.parentElement) hit = controlIn(p);
        }
      }
      if (!hit) return false;
      hit.click();
      return true;
    },
    { label, within },
  );
}
