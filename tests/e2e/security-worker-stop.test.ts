// The MV3 background stopping (Chromium): the service worker is stopped through CDP
// (ServiceWorker.stopWorker, what Chrome does to an idle worker after 30 s) after pages
// reported, after the user dismissed a flag and paused a site, and over and over while
// pages report. Per-tab results live in storage.session, settings in storage.local,
// dismissals in IndexedDB: nothing may be lost, and the badge and popup must still be right.
// (Firefox's MV3 background is an event page: it is unloaded when idle in the same way, but
// there is no test hook to force it; the storage it relies on is the same.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Browser from 'webextension-polyfill';
import type { CDPSession } from 'playwright-core';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild } from '../../scripts/lib/harness/build';
import {
  allMatches,
  badgeText,
  clickControl,
  openPopup,
  sessionStore,
  sleep,
  visibleText,
  waitFor,
  waitForTabResults,
} from '../../scripts/lib/harness/extension';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import { launchSecChromium, openExtensionPage, type SecBrowser, type SecTab } from './security-harness';

const flagNames = (r: TabResults) =>
  [
    ...new Set(
      allMatches(r)
        .filter((m) => m.level === 'flag')
        .map((m) => m.entityName),
    ),
  ].sort();

describe('the MV3 service worker stopping (chromium)', () => {
  let b: SecBrowser;
  let srv: StaticServer;
  let control: SecTab;
  let cdp: CDPSession;
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  /** Transitions of the extension's worker to "stopped", as Chrome reports them. */
  let stopsSeen = 0;

  beforeAll(async () => {
    srv = await startServer({ '/pages/': 'tests/e2e/pages' });
    b = await launchSecChromium(ensureLocalBuild('chrome'));
    if (b.raw.kind !== 'chromium') throw new Error('chromium only');
    // An extension page's DevTools session sees the extension's service worker versions.
    control = await openExtensionPage(b, b.manifest.options!);
    const page = b.raw.context.pages().find((p) => p.url().startsWith(b.extensionOrigin));
    if (!page) throw new Error('no extension page');
    cdp = await b.raw.context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) {
        const before = versions.get(v.versionId)?.runningStatus;
        if (v.runningStatus === 'stopped' && before && before !== 'stopped') stopsSeen++;
        versions.set(v.versionId, { scriptURL: v.scriptURL, runningStatus: v.runningStatus });
      }
    });
    await cdp.send('ServiceWorker.enable');
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
  });

  const running = () =>
    [...versions]
      .filter(([, v]) => v.scriptURL.startsWith(b.extensionOrigin) && v.runningStatus === 'running')
      .map(([id]) => id);

  /** Stops the extension's service worker and waits until Chrome says it stopped. */
  async function stopWorker(): Promise<boolean> {
    const ids = running();
    for (const versionId of ids) await cdp.send('ServiceWorker.stopWorker', { versionId }).catch(() => undefined);
    if (ids.length === 0) return false;
    await waitFor(async () => running().length === 0, 'the service worker to stop', 5000);
    return true;
  }

  /** Reads what the extension stores, from an extension page (never waking the worker). */
  function stored(): Promise<{ local: Record<string, unknown>; session: Record<string, unknown> }> {
    return control.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Browser.Browser }).chrome;
      return { local: await api.storage.local.get(null), session: await api.storage.session.get(null) };
    });
  }

  let tender: { page: SecTab; url: string; results: TabResults };

  it('keeps the results, the badge and the popup after the worker stopped', async () => {
    const url = srv.url('/pages/tender-nl.html');
    const page = await b.newPage(url);
    await page.bringToFront();
    const results = await waitForTabResults(b, url);
    tender = { page, url, results };
    expect(flagNames(results)).toEqual(['Heidelberg Materials AG', 'Motorola Solutions, Inc.']);
    expect(await badgeText(b, results.tabId)).toBe('2');

    expect(await stopWorker()).toBe(true);
    // Read without waking the worker: storage.session still holds the tab's results.
    const session = (await stored()).session[`tab:${results.tabId}`] as TabResults;
    expect(flagNames(session)).toEqual(['Heidelberg Materials AG', 'Motorola Solutions, Inc.']);
    // The popup (which wakes the worker) shows them, and the badge is unchanged.
    const popup = await openPopup(b, results.tabId, 'Motorola Solutions, Inc.');
    try {
      const text = await visibleText(popup);
      expect(text).toContain('Heidelberg Materials AG');
      expect(text).toContain('Motorola Solutions, Inc.');
    } finally {
      await popup.close();
    }
    expect(await badgeText(b, results.tabId)).toBe('2');
  });

  it('keeps a dismissal and a paused site after the worker stopped', async () => {
    // "Not this company" in the popup, as a person does it.
    const popup = await openPopup(b, tender.results.tabId, 'Motorola Solutions, Inc.');
    try {
      expect(await clickControl(popup, 'Motorola Solutions, Inc. is not the listed company')).toBe(true);
      await waitFor(() => popup.evaluate(() => document.querySelector('.dismiss-form') !== null), 'the dismiss form');
      await popup.evaluate(() => {
        const reason = document.querySelector('.dismiss-reason') as HTMLInputElement;
        reason.value = 'Our supplier is a different Motorola';
        reason.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await sleep(100); // let the form take the typed reason before submitting
      await popup.click('.dismiss-form button[type="submit"]');
      await waitFor(() => popup.evaluate(() => document.querySelector('.dismissed-note') !== null), 'the dismissal');
    } finally {
      await popup.close();
    }
    await waitFor(
      async () => (await badgeText(b, tender.results.tabId)) === '1',
      'the badge to drop the dismissed company',
    );

    // A paused site, through the options page.
    const options = await openExtensionPage(b, b.manifest.options!);
    await waitFor(
      () => options.evaluate(() => document.querySelector('#paused-site-input') !== null),
      'the options page',
    );
    await options.evaluate(() => {
      const input = document.querySelector('#paused-site-input') as HTMLInputElement;
      input.value = 'paused.example.org';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await sleep(100);
    await options.click('form:has(#paused-site-input) button[type="submit"]');
    await waitFor(
      async () => JSON.stringify((await stored()).local.settings ?? {}).includes('paused.example.org'),
      'the saved setting',
    );

    expect(await stopWorker()).toBe(true);
    const { local } = await stored();
    expect((local.settings as { pausedSites: string[] }).pausedSites).toContain('paused.example.org');
    // The badge still leaves the dismissed company out; the popup still says it was dismissed.
    expect(await badgeText(b, tender.results.tabId)).toBe('1');
    const again = await openPopup(b, tender.results.tabId, 'Motorola Solutions, Inc.');
    try {
      expect(await again.evaluate(() => document.querySelector('.dismissed-note')?.textContent ?? '')).toContain(
        'Our supplier is a different Motorola',
      );
    } finally {
      await again.close();
    }
    // And the options page, opened again, lists both.
    await options.close();
    const reopened = await openExtensionPage(b, b.manifest.options!);
    try {
      await waitFor(
        async () => (await visibleText(reopened)).includes('Our supplier is a different Motorola'),
        'the dismissal in the options page',
      );
      expect(await visibleText(reopened)).toContain('paused.example.org');
    } finally {
      await reopened.close();
    }
  });

  it('a report that arrives while the worker is stopped wakes it and is merged', async () => {
    const url = srv.url('/pages/dynamic.html');
    const page = await b.newPage(url);
    try {
      await page.bringToFront();
      const first = await waitForTabResults(b, url, { stableMs: 0 });
      expect(allMatches(first)).toEqual([]);
      expect(await stopWorker()).toBe(true);
      // dynamic.html adds a listed name after 1.5 s: the content script's report wakes the worker.
      const later = await waitForTabResults(b, url, { until: (r) => allMatches(r).length > 0 });
      expect(flagNames(later)).toEqual(['Heidelberg Materials AG']);
      expect(await badgeText(b, later.tabId)).toBe('1');
    } finally {
      await page.close();
    }
  });

  it('the first page opened after the worker stopped gets every flag: its blocks wake the worker', async () => {
    expect(await stopWorker()).toBe(true);
    const url = srv.url('/pages/webshop-fr.html?after-stop');
    const page = await b.newPage(url);
    try {
      await page.bringToFront();
      const r = await waitForTabResults(b, url, { until: (x) => flagNames(x).length === 2 });
      expect(flagNames(r)).toEqual(['Ahava – Dead Sea Laboratories Ltd.', 'Booking.com B.V.']);
    } finally {
      await page.close();
    }
  });

  const STORM_PAGES: [string, string[]][] = [
    ['webshop-fr.html', ['Ahava – Dead Sea Laboratories Ltd.', 'Booking.com B.V.']],
    ['split-markup.html', ['Heidelberg Materials AG']],
    ['shadow-dom.html', ['Booking.com B.V.']],
    // Motorola, in a frame: dismissed on this site above, so flagged but not on the badge.
    ['iframe.html', ['Motorola Solutions, Inc.']],
    ['delisted.html', ['Booking.com B.V.']],
  ];
  const DISMISSED_HERE = 'Motorola Solutions, Inc.';
  /** How long the storm goes on once every page is open. */
  const STORM_AFTER_PAGES_MS = 5000;

  /** Each tab's stored results and its badge agree with the page. */
  async function expectAllKept(urls: string[], expected: Map<string, string[]>): Promise<void> {
    const session = await sessionStore(b);
    for (const url of urls) {
      const r = Object.values(session).find((v) => (v as TabResults)?.frames?.['0']?.url === url) as
        TabResults | undefined;
      expect(r ? flagNames(r) : 'nothing stored', url).toEqual(expected.get(url));
      const count = expected.get(url)!.filter((n) => n !== DISMISSED_HERE).length;
      expect(await badgeText(b, r!.tabId), url).toBe(count === 0 ? '' : String(count));
    }
  }

  /** expectAllKept as a yes/no, for waiting. */
  async function allKept(urls: string[], expected: Map<string, string[]>): Promise<boolean> {
    try {
      await expectAllKept(urls, expected);
      return true;
    } catch {
      return false;
    }
  }

  it('stopping the worker after every report, page after page, loses nothing', async () => {
    const expected = new Map(STORM_PAGES.map(([p, f]) => [srv.url(`/pages/${p}?between`), f]));
    const urls = [...expected.keys()];
    const pages: SecTab[] = [];
    let stops = 0;
    for (const url of urls) {
      // Each page's first report wakes the stopped worker.
      pages.push(await b.newPage(url));
      await pages[pages.length - 1].bringToFront();
      const r = await waitForTabResults(b, url, { until: (x) => flagNames(x).length === expected.get(url)!.length });
      expect(flagNames(r), url).toEqual(expected.get(url));
      if (await stopWorker()) stops++;
    }
    expect(stops).toBe(urls.length);
    await expectAllKept(urls, expected);
    for (const p of pages) await p.close();
  });

  // Chrome stops an idle worker, not one in the middle of an event, except at its 5-minute
  // event limit, on a crash or an extension update. This run kills it every 100 ms, in the
  // middle of matching the pages' blocks and handling their reports, while the pages open
  // and for a while after. A request the worker died on is not answered, so the content
  // script asks again (a few quick retries, then a new scan after 2, 4, 8, 10 s) and sends
  // its report again the same way (PageScanner#sendReport). So nothing is lost, though the
  // pages may only have their results some seconds after the storm ends: the check waits
  // for that.
  it('stopping the worker every 100 ms, mid-match and mid-report, loses nothing', async () => {
    const expected = new Map(STORM_PAGES.map(([p, f]) => [srv.url(`/pages/${p}?storm`), f]));
    const urls = [...expected.keys()];
    const pages: SecTab[] = [];
    const stopsBefore = stopsSeen;
    let stopping = true;
    const stopper = (async () => {
      while (stopping) {
        for (const [versionId, v] of versions) {
          if (v.scriptURL.startsWith(b.extensionOrigin))
            await cdp.send('ServiceWorker.stopWorker', { versionId }).catch(() => undefined);
        }
        await sleep(100);
      }
    })();
    try {
      for (const url of urls) {
        pages.push(await b.newPage(url));
        await pages[pages.length - 1].bringToFront();
        await sleep(700);
      }
      await sleep(STORM_AFTER_PAGES_MS);
    } finally {
      stopping = false;
      await stopper;
    }
    console.log(
      `[worker-stop] stopped the service worker ${stopsSeen - stopsBefore} times while ${urls.length} pages reported`,
    );
    expect(stopsSeen - stopsBefore).toBeGreaterThan(2);
    // A hidden tab is scanned when it is shown: each page in turn, as a person switching tabs.
    for (const [i, url] of urls.entries()) {
      await pages[i].bringToFront();
      await waitForTabResults(b, url, {
        until: (x) => flagNames(x).length === expected.get(url)!.length,
        timeoutMs: 20_000,
      }).catch(() => null);
    }
    // Every page's results and badge, once the re-sent reports are in (or the wait ends
    // and the check below says what is missing).
    await waitFor(
      async () => (await allKept(urls, expected)) || undefined,
      'every page reporting after the storm',
      30_000,
      500,
    ).catch(() => undefined);
    await expectAllKept(urls, expected);
    for (const p of pages) await p.close();
  }, 180_000);
});
