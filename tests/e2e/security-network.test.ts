// Nothing leaves the device, and everything the extension shows is text.
//
// Every request the browser makes goes through a recording proxy (Chromium: --proxy-server
// with loopback included; Firefox: the network.proxy prefs), so requests from any part of the
// extension (content scripts, the background, popup, options, screening and report pages)
// are seen, whichever process they come from. A self-check at the end makes the extension's
// own pages (and, in Chromium, its service worker) fetch a canary URL and requires the
// recorder to catch it: the recorder is not blind. In Chromium, Playwright's request events
// also attribute each request to the page or service worker that made it.
//
// While recording, the extension works: a list is imported through the options page whose
// entry has markup, an image, links and a formula in its data; pages are scanned (one of
// them full of addresses and markup bait); the popup, the report page and the screening page
// show the imported entry. Then:
//   - list data and page text appear literally (angle brackets as text, no element created);
//   - no request went to /canary/ or canary.invalid, none to the test servers beyond the
//     pages' own loads, and the browser's other traffic is only what the same browser does
//     without our extension (its vendor's update and settings services, recorded in a
//     baseline run with a do-nothing extension);
//   - Chromium: no http(s) request came from an extension page or the service worker.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import {
  allMatches,
  openPopup,
  sleep,
  visibleText,
  waitFor,
  waitForTabResults,
} from '../../scripts/lib/harness/extension';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName } from '../../scripts/lib/harness/types';
import {
  chromiumProxyArgs,
  firefoxProxyPrefs,
  launchSec,
  openExtensionPage,
  startRecordingProxy,
  type ProxyRecord,
  type RecordingProxy,
  type SecBrowser,
  type SecTab,
} from './security-harness';

const CANARY_COMPANY = 'Canary Trading Holdings Ltd';
const PAGES = ['tender-nl.html', 'webshop-fr.html', 'iframe.html', 'hostile/exfil.html', 'hostile/markup-names.html'];

function listCsv(origin: string): string {
  const rationale =
    `<b>bold</b><script>alert(1)</script><img src="${origin}/canary/rationale-img.png" onerror="alert(2)">` +
    ` see ${origin}/canary/rationale-link and https://canary.invalid/rationale`;
  return (
    'name,aliases,criterion,rationale,source_url\n' +
    `${CANARY_COMPANY},,=1+1,"${rationale.replace(/"/g, '""')}",https://canary.invalid/source\n`
  );
}
/** Services the browsers themselves call (updates, settings, sign-in), never our code. */
const VENDOR_SERVICES = [/(^|\.)(googleapis|google|gstatic|gvt1)\.com$/, /(^|\.)(mozilla|firefox)\.(com|net|org)$/];
const LIST_TITLE = '<i>Canary list</i>';
const LIST_PUBLISHER = '<script>alert(3)</script>';

const host = (r: ProxyRecord) =>
  r.method === 'CONNECT'
    ? r.url.replace(/^CONNECT /, '').replace(/:\d+$/, '')
    : (() => {
        try {
          return new URL(r.url).hostname;
        } catch {
          return r.url;
        }
      })();

/** A session: a browser whose traffic all goes through a fresh recording proxy. */
async function session(name: BrowserName, dir: string, forward: string[]) {
  const proxy = await startRecordingProxy(forward);
  const b = await launchSec(name, dir, {
    chromiumArgs: chromiumProxyArgs(proxy.port),
    firefoxPrefs: firefoxProxyPrefs(proxy.port),
  });
  return { proxy, b };
}

/** Picks a file for the options page's import, as a person choosing it would. */
async function chooseImportFile(options: SecTab, fileName: string, text: string): Promise<void> {
  await options.evaluate(
    ({ fileName, text }) => {
      const input = document.querySelector('#import-file') as HTMLInputElement;
      const dt = new DataTransfer();
      dt.items.add(new File([text], fileName, { type: 'text/csv' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { fileName, text },
  );
}

async function typeInto(page: SecTab, selector: string, value: string): Promise<void> {
  await page.evaluate(
    ({ selector, value }) => {
      const el = document.querySelector(selector) as HTMLInputElement;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { selector, value },
  );
}

/** What an extension page must not contain when it shows hostile data: elements made from it. */
function injectedElements(): { b: number; i: number; img: number; inlineScripts: number; onAttrs: number } {
  return {
    b: Array.from(document.querySelectorAll('b')).filter((e) => e.textContent === 'bold').length,
    i: Array.from(document.querySelectorAll('i')).filter((e) => /Canary/.test(e.textContent ?? '')).length,
    img: Array.from(document.querySelectorAll('img')).filter((e) => /canary/.test(e.getAttribute('src') ?? '')).length,
    inlineScripts: Array.from(document.scripts).filter((s) => !s.src).length,
    onAttrs: Array.from(document.querySelectorAll('*')).filter((e) =>
      Array.from(e.attributes).some((a) => a.name.startsWith('on')),
    ).length,
  };
}
const NONE_INJECTED = { b: 0, i: 0, img: 0, inlineScripts: 0, onAttrs: 0 };

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

describe.each(CASES)('nothing leaves the device, everything is text (%s)', (browserName, target) => {
  let srv: StaticServer;
  let other: StaticServer;
  let proxy: RecordingProxy;
  let b: SecBrowser;
  let baselineHosts: Set<string>;
  const loaded: string[] = [];
  const attributed: { url: string; by: string }[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const dir = ensureLocalBuild(target);
    const mounts = { '/pages/': 'tests/e2e/pages' };
    srv = await startServer(mounts);
    other = await startServer(mounts, '127.0.0.2');
    const forward = [srv.origin, other.origin];

    // Baseline: the same browser and flags with a do-nothing extension, on the same pages.
    const base = await session(browserName, 'tests/e2e/probe-ext', forward);
    for (const p of PAGES) await (await base.b.newPage(srv.url(`/pages/${p}`))).close();
    await sleep(3000);
    baselineHosts = new Set(base.proxy.records.map(host));
    await base.b.close();
    await base.proxy.close();

    ({ proxy, b } = await session(browserName, dir, forward));
    if (b.raw.kind === 'chromium') {
      b.raw.context.on('request', (r: Request) => {
        const sw = r.serviceWorker();
        let by = sw ? `sw:${sw.url()}` : '';
        if (!by) {
          try {
            by = r.frame().url();
          } catch {
            by = '?';
          }
        }
        attributed.push({ url: r.url(), by });
      });
    }
  });
  afterAll(async () => {
    await b?.close();
    await proxy?.close();
    await srv?.close();
    await other?.close();
  });

  let exfilTab = -1;
  /** The bait page stays open: the report page reads its tab's results. */
  let exfilPage: SecTab | null = null;

  it('imports a list whose data holds markup, links and a formula; the options page shows it as text', async () => {
    const options = await openExtensionPage(b, b.manifest.options!);
    try {
      await waitFor(() => options.evaluate(() => document.querySelector('#import-file') !== null), 'the import form');
      await chooseImportFile(options, 'canary.csv', listCsv(srv.origin));
      await typeInto(options, '#import-title', LIST_TITLE);
      await typeInto(options, '#import-publisher', LIST_PUBLISHER);
      await waitFor(
        () =>
          options.evaluate(
            () => !(document.querySelector('.import-form button[type="submit"]') as HTMLButtonElement).disabled,
          ),
        'the preview',
      );
      await options.click('.import-form button[type="submit"]');
      await waitFor(
        () => options.evaluate(() => document.querySelector('.imported-list') !== null),
        'the imported list',
      );
      const text = await visibleText(options);
      expect(text).toContain(LIST_TITLE);
      expect(text).toContain(LIST_PUBLISHER);
      expect(await options.evaluate(injectedElements)).toEqual(NONE_INJECTED);
      dialogs.push(...options.dialogs);
    } finally {
      await options.close();
    }
  });

  it('scans pages (one full of bait) and the popup shows list data and page text literally', async () => {
    for (const p of PAGES) {
      const url = srv.url(`/pages/${p}`);
      const page = await b.newPage(url);
      await page.bringToFront();
      const results: TabResults = await waitForTabResults(b, url, {
        until: (r) => (p.includes('exfil') ? allMatches(r).some((m) => m.entityName === CANARY_COMPANY) : true),
      });
      const popup = await openPopup(b, results.tabId);
      if (p.includes('exfil')) {
        exfilTab = results.tabId;
        const text = await visibleText(popup);
        expect(text).toContain(CANARY_COMPANY);
        // The rationale, exactly as the list has it, markup and all.
        expect(text).toContain('<b>bold</b><script>alert(1)</script><img src=');
        expect(text).toContain('https://canary.invalid/rationale');
        // The page text around the match, as the page shows it.
        expect(text).toContain('<i>Canary Trading Holdings Ltd</i>');
        expect(text).toContain(LIST_TITLE);
        expect(await popup.evaluate(injectedElements)).toEqual(NONE_INJECTED);
        // The source is a link to follow, not something loaded.
        const links = await popup.evaluate(() =>
          Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')),
        );
        expect(links).toContain('https://canary.invalid/source');
      }
      dialogs.push(...(popup as SecTab).dialogs, ...page.dialogs);
      await popup.close();
      if (p.includes('exfil')) exfilPage = page;
      else await page.close();
    }
    expect(exfilTab).toBeGreaterThan(0);
  });

  it('the report page and the screening page show the same data as text', async () => {
    const report = await openExtensionPage(b, `src/ui/record/index.html?tab=${exfilTab}`);
    try {
      await waitFor(async () => (await visibleText(report)).includes(CANARY_COMPANY), 'the report');
      await report.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('details:not([open])')))
          d.querySelector('summary')?.click();
      });
      const text = await visibleText(report);
      expect(text).toContain('<b>bold</b><script>alert(1)</script><img src=');
      expect(await report.evaluate(injectedElements)).toEqual(NONE_INJECTED);
      dialogs.push(...report.dialogs);
    } finally {
      await report.close();
    }
    const screen = await openExtensionPage(
      b,
      `src/ui/screen/index.html?q=${encodeURIComponent(`<i>${CANARY_COMPANY}</i>`)}`,
    );
    try {
      await waitFor(
        async () => (await visibleText(screen)).includes('https://canary.invalid/rationale'),
        'the lookup result',
        20_000,
      ).catch(async (e) => {
        console.log('[network] screening page text:', (await visibleText(screen)).slice(0, 2000));
        throw e;
      });
      await screen.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('details:not([open])')))
          d.querySelector('summary')?.click();
      });
      const text = await visibleText(screen);
      expect(text).toContain('<b>bold</b><script>alert(1)</script><img src=');
      expect(await screen.evaluate(injectedElements)).toEqual(NONE_INJECTED);
      dialogs.push(...screen.dialogs);
    } finally {
      await screen.close();
    }
    dialogs.push(...(exfilPage?.dialogs ?? []));
    await exfilPage?.close();
    expect(dialogs).toEqual([]);
  });

  it('made no network request of its own', async () => {
    await sleep(1500); // stragglers
    const during = proxy.records.slice();

    // Self-check: the recorder sees what the extension fetches.
    const selfCheck = srv.url('/canary/self-check-extension-page');
    await b.inExtensionPage(async (u: string) => void (await fetch(u).catch(() => null)), selfCheck);
    let swCheck: string | null = null;
    if (b.name === 'chromium') {
      swCheck = srv.url('/canary/self-check-service-worker');
      await b.inServiceWorker(async (u: string) => void (await fetch(u).catch(() => null)), swCheck);
    }
    await waitFor(
      async () => proxy.records.some((r) => r.url === selfCheck),
      'the proxy to see the extension page fetch',
    );
    if (swCheck) {
      await waitFor(
        async () => proxy.records.some((r) => r.url === swCheck),
        'the proxy to see the service worker fetch',
      );
      expect(attributed.find((a) => a.url === swCheck)?.by).toMatch(/^sw:chrome-extension:\/\//);
    }

    // Nothing went to the bait.
    expect(during.filter((r) => /canary/.test(r.url)).map((r) => r.url)).toEqual([]);
    // To the test servers: only the pages' own documents, frames and the browser's favicon request.
    const testHosts = new Set([new URL(srv.origin).host, new URL(other.origin).host]);
    const local = during.filter((r) => r.method !== 'CONNECT' && testHosts.has(new URL(r.url).host));
    for (const r of local) expect(new URL(r.url).pathname, r.url).toMatch(/^\/pages\/|^\/favicon\.ico$/);
    // Anything else is the browser's own traffic: hosts the same browser contacts without our
    // extension (baseline), or its vendor's services (which it may call at any moment).
    const elsewhere = [...new Set(during.map(host))].filter((h) => !['127.0.0.1', '127.0.0.2'].includes(h));
    const browsersOwn = (h: string) => baselineHosts.has(h) || VENDOR_SERVICES.some((re) => re.test(h));
    expect(elsewhere.filter((h) => !browsersOwn(h))).toEqual([]);
    console.log(
      `[network] ${browserName}: ${during.length} requests recorded; to the test pages ${local.length};` +
        ` browser's own (also without the extension): ${elsewhere.join(', ') || 'none'}`,
    );

    if (b.name === 'chromium') {
      // Attributed: no web request from an extension page or the service worker (self-checks aside).
      const fromExtension = attributed.filter(
        (a) =>
          /^(https?|wss?):/.test(a.url) &&
          (a.by.startsWith('chrome-extension://') || a.by.startsWith('sw:')) &&
          a.url !== swCheck &&
          a.url !== selfCheck,
      );
      expect(fromExtension).toEqual([]);
    }
  });
});
