// Quiet pages, in real Chromium and Firefox, on the build as shipped (dist/<target>), on two
// real shop pages served under their own addresses (../shared/corpora/product-pages):
//   - amazon.com-01efbb7479.html, https://www.amazon.com/dp/B01GOH7PKA: "Yes" in a customer
//     review ("Yes I said drag"), a short name of a listed company;
//   - amazon.de-f09ca5f021.html, https://www.amazon.de/dp/B00SVBPJI8: "Mega" in a customer
//     review ("Mega das Gewürz"), an ordinary word that is also a listed company's name.
// Both are possible matches today, and both are what a shopper would learn to ignore if
// they were marked. (The "Orange" of a colour list on amazon.com-cfd548adcb.html is in a
// part of the page that is not shown, so it is not read at all.)
// Checked: with review mode off (the default) possibles are found and reported but no
// possible highlight is registered; review mode from the options, and from the popup for one
// tab, paints them; the popup's choice stays with the tab (other tabs, a stopped and restarted
// service worker) until the tab navigates; the popup lists them under "Also seen, not
// flagged" with their reasons and does not count them; the page's text is the same as in a
// tab where the extension does not run.
//
// The addresses are real, so the content script runs because the shipped manifest lists
// those sites. They reach a local HTTPS server with a throwaway certificate:
//   - Chromium: --host-resolver-rules maps the two shop hosts (and www.amazon.co.uk, where
//     the extension does not run, for the reference copy) to the server and every other host
//     to "not found"; --ignore-certificate-errors accepts the certificate.
//   - Firefox: the network.proxy prefs send HTTPS through a local proxy that tunnels CONNECT
//     for those three hosts to the server and refuses everything else; WebDriver BiDi's
//     acceptInsecureCerts accepts the certificate.
// The pages are served with a CSP that blocks their own scripts: they would fetch from
// Amazon's servers and update countdowns and carousels, and the text comparison with the
// reference copy needs a page that stays still. Extension content scripts are not page
// scripts and are not blocked by it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Browser from 'webextension-polyfill';
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportedMatch, TabResults } from '../../src/shared/messages';
import { ensureShippedBuild, type Target } from '../../scripts/lib/harness/build';
import {
  allMatches,
  openPopup,
  sessionStore,
  sleep,
  waitFor,
  waitForTabResults,
} from '../../scripts/lib/harness/extension';
import { enMessage } from '../../scripts/lib/harness/messages';
import { startHostsServer, startTunnelProxy, type LocalServer } from '../../scripts/lib/harness/real-hosts';
import { dumpHighlights } from '../../scripts/lib/harness/page-probes';
import type { BrowserName, TabPage } from '../../scripts/lib/harness/types';
import { launchSec, type SecBrowser } from './security-harness';

const ROOT = resolve(import.meta.dirname, '../..');
// CI puts ../shared beside the clone, read-only.
const CORPUS = resolve(ROOT, '../shared/corpora');
const FLAG = 'settlement-screen-flag';
const POSSIBLE = 'settlement-screen-possible';
/** Not in the manifest's content_scripts: the reference copies are served here. */
const REFERENCE_HOST = 'www.amazon.co.uk';

interface ShopPage {
  file: string;
  /** The word the page was chosen for: a possible match there today. */
  word: string;
}

const PAGES: ShopPage[] = [
  { file: 'amazon.com-01efbb7479.html', word: 'Yes' },
  { file: 'amazon.de-f09ca5f021.html', word: 'Mega' },
];

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

/** The address each page was saved from (product-pages-index.tsv: file, origin, url). */
function pageUrl(file: string): string {
  const rows = readFileSync(join(CORPUS, 'product-pages-index.tsv'), 'utf8').split('\n');
  const row = rows.find((r) => r.split('\t')[0] === file);
  if (!row) throw new Error(`${file} is not in product-pages-index.tsv`);
  return row.split('\t')[2].trim();
}

const SITES = PAGES.map((p) => ({ ...p, url: pageUrl(p.file) })).map((p) => ({
  ...p,
  host: new URL(p.url).host,
  reference: `https://${REFERENCE_HOST}/reference/${p.file}`,
}));
const HOSTS = [...new Set([...SITES.map((s) => s.host), REFERENCE_HOST])];

// ---------------------------------------------------------------- the sites, locally

/** HTTPS for the shop pages at their own addresses and the reference copies; 404 otherwise. */
function startLocalServer(): Promise<LocalServer> {
  const routes = new Map<string, () => Buffer>();
  for (const s of SITES) {
    const page = () => readFileSync(join(CORPUS, 'product-pages', s.file));
    for (const address of [s.url, s.reference]) {
      const u = new URL(address);
      routes.set(`${u.host}${u.pathname}`, page);
    }
  }
  return startHostsServer(routes, HOSTS);
}

const visiblePossibles = (r: TabResults): ReportedMatch[] =>
  allMatches(r).filter((m) => m.level === 'possible' && m.fromPageData !== true);
const visibleFlags = (r: TabResults): ReportedMatch[] =>
  allMatches(r).filter((m) => m.level === 'flag' && m.fromPageData !== true);
const sortedTexts = (ms: ReportedMatch[]) => ms.map((m) => m.text).sort();

async function highlights(page: TabPage): Promise<{ flags: string[]; possibles: string[] | null }> {
  const hl = await page.evaluate(dumpHighlights);
  return { flags: [...(hl[FLAG] ?? [])].sort(), possibles: hl[POSSIBLE] ? [...hl[POSSIBLE]].sort() : null };
}

/** Waits until the page's possible highlight shows exactly `want` (null: none registered). */
async function possiblesAre(page: TabPage, want: string[] | null, what: string): Promise<void> {
  let last: string[] | null = null;
  await waitFor(
    async () => {
      last = (await highlights(page)).possibles;
      return JSON.stringify(last) === JSON.stringify(want);
    },
    () => `${what}: possible highlight ${JSON.stringify(want)} (last seen ${JSON.stringify(last)})`,
  );
}

const pageText = (page: TabPage) => page.evaluate(() => document.body.innerText);

async function setReviewModeOption(b: SecBrowser, on: boolean): Promise<void> {
  await b.inExtension(async (on: boolean) => {
    const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
    const api = g.browser ?? g.chrome;
    const stored = (await api.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
    await api.storage.local.set({ settings: { enabledLists: {}, pausedSites: [], ...stored, reviewMode: on } });
  }, on);
}

async function storedReviewMode(b: SecBrowser): Promise<unknown> {
  return b.inExtension(async () => {
    const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
    const api = g.browser ?? g.chrome;
    const stored = (await api.storage.local.get('settings')).settings as { reviewMode?: unknown } | undefined;
    return stored?.reviewMode ?? null;
  });
}

/** The sentence the popup gives for a possible match, from the evidence the report carries. */
function expectedReason(m: ReportedMatch): string {
  const link = m.evidence.find((e) => e.kind === 'link-not-current');
  if (link && link.kind === 'link-not-current') {
    const key = {
      historical: 'notFlaggedLinkHistorical',
      'weak-source': 'notFlaggedLinkWeakSource',
      contested: 'notFlaggedLinkContested',
    }[link.status as string];
    return enMessage(key ?? 'notFlaggedLinkNotCurrent', m.text);
  }
  const weak = m.evidence.find((e) => e.kind === 'no-corroboration');
  if (weak && weak.kind === 'no-corroboration') {
    const key = {
      short: 'notFlaggedShort',
      acronym: 'notFlaggedAcronym',
      'common-word': 'notFlaggedCommonWord',
      homonym: 'notFlaggedHomonym',
      'generic-words': 'notFlaggedGenericWords',
    }[weak.reason as string];
    return enMessage(key ?? 'notFlaggedUnconfirmed', m.text);
  }
  return enMessage('notFlaggedUnconfirmed', m.text);
}

// ---------------------------------------------------------------- the tests

describe.each(CASES)('quiet pages in %s', (browserName, target) => {
  let b: SecBrowser;
  let shop: LocalServer;
  let proxy: LocalServer | null = null;
  /** Each page's text as it reads in a tab where the extension does not run. */
  const referenceText = new Map<string, string>();

  beforeAll(async () => {
    const dir = ensureShippedBuild(target);
    shop = await startLocalServer();
    if (browserName === 'firefox') proxy = await startTunnelProxy(HOSTS, shop.port);
    const map = HOSTS.map((h) => `MAP ${h} 127.0.0.1:${shop.port}`).join(',');
    b = await launchSec(browserName, dir, {
      chromiumArgs: [`--host-resolver-rules=${map},MAP * ~NOTFOUND`, '--ignore-certificate-errors'],
      firefoxPrefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy?.port ?? 0,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy?.port ?? 0,
      },
      firefoxAcceptInsecureCerts: true,
    });
    // Shops are private by default (nothing painted: src/shared/settings.ts, marksFor); this
    // test is about which marks are painted when names are marked, so it chooses marks.
    await b.inExtension(async () => {
      const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
      const api = g.browser ?? g.chrome;
      const stored = (await api.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
      await api.storage.local.set({ settings: { ...stored, pageMarks: 'mark', pageMarksChosen: true } });
    });
    for (const s of SITES) {
      const ref = await b.newPage(s.reference);
      try {
        // Long enough for a content script to have run and painted, had it been there.
        await sleep(1500);
        const hl = await ref.evaluate(dumpHighlights);
        expect(Object.keys(hl), `the extension does not run on ${REFERENCE_HOST}`).toEqual([]);
        const text = await pageText(ref);
        expect(text, `${s.reference} was served`).toContain(s.word);
        referenceText.set(s.file, text);
      } finally {
        await ref.close();
      }
    }
  });
  afterAll(async () => {
    await b?.close();
    await proxy?.close();
    await shop?.close();
  });

  it('serves the real pages under their own addresses, and the shipped manifest covers them', () => {
    const manifest = JSON.parse(readFileSync(join(ensureShippedBuild(target), 'manifest.json'), 'utf8')) as {
      content_scripts: { matches: string[] }[];
    };
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    for (const s of SITES) expect(matches).toContain(`https://${s.host}/*`);
    expect(matches.some((m) => m.includes('127.0.0.1') || m.includes(REFERENCE_HOST))).toBe(false);
    expect(existsSync(join(CORPUS, 'product-pages', SITES[0].file))).toBe(true);
  });

  describe.each(SITES)('$file', (site) => {
    let page: TabPage;
    let results: TabResults;

    beforeAll(async () => {
      page = await b.newPage(site.url);
      await page.bringToFront();
      results = await waitForTabResults(b, site.url, { timeoutMs: 60_000 });
    });
    afterAll(async () => {
      await page?.close();
      await setReviewModeOption(b, false);
    });

    it('review mode off (the default): possibles are reported, none is marked, the text is unchanged', async () => {
      expect(await storedReviewMode(b)).not.toBe(true); // the default, or switched off again
      const possibles = visiblePossibles(results);
      expect(possibles.map((m) => m.text)).toContain(site.word);
      for (const f of Object.values(results.frames)) expect(f.reviewMode).toBe(false);
      const hl = await highlights(page);
      expect(hl.possibles).toBeNull();
      expect(hl.flags).toEqual(sortedTexts(visibleFlags(results)));
      expect(await pageText(page)).toBe(referenceText.get(site.file));
    });

    it('review mode on in the options: the possibles are marked, the text is unchanged', async () => {
      const want = sortedTexts(visiblePossibles(results));
      await setReviewModeOption(b, true);
      await possiblesAre(page, want, 'review mode on from the options');
      const on = await waitForTabResults(b, site.url, { until: (r) => r.frames['0']?.reviewMode === true });
      // The same matches as before: only which of them are marked changed.
      expect(allMatches(on).map((m) => m.key)).toEqual(allMatches(results).map((m) => m.key));
      expect((await highlights(page)).flags).toEqual(sortedTexts(visibleFlags(results)));
      expect(await pageText(page)).toBe(referenceText.get(site.file));

      await setReviewModeOption(b, false);
      await possiblesAre(page, null, 'review mode off again');
      expect(await pageText(page)).toBe(referenceText.get(site.file));
    });

    it('popup: names not flagged are listed with their reasons and not counted', async () => {
      const possibles = visiblePossibles(results);
      const entities = new Set(
        allMatches(results)
          .filter((m) => !allMatches(results).some((f) => f.entity === m.entity && f.level === 'flag'))
          .map((m) => m.entity),
      );
      const heading = enMessage('notFlaggedHeading', String(entities.size));
      const popup = await openPopup(b, results.tabId, heading);
      try {
        const text = await popup.evaluate(() => document.body.innerText);
        const summary = await popup.evaluate(() => (document.querySelector('.summary') as HTMLElement).innerText);
        const flagged = new Set(visibleFlags(results).map((m) => m.entity)).size;
        expect(summary).toContain(
          flagged === 0 ? enMessage('summaryNothingFound') : enMessage('summaryFlags', String(flagged)),
        );
        expect(summary).not.toMatch(/possible|review/i);
        const section = await popup.evaluate(
          () => (document.getElementById('not-flagged') as HTMLElement | null)?.innerText ?? '',
        );
        for (const m of possibles) expect(section).toContain(expectedReason(m));
        for (const m of possibles) expect(section).toContain(m.entityName);
        expect(text).toContain(enMessage('reviewToggleLabel'));
      } finally {
        await popup.close();
      }
    });

    it('popup switch: marks this tab only, survives a worker restart, ends when the tab navigates', async () => {
      const want = sortedTexts(visiblePossibles(results));
      const toggle = '.review-toggle input';
      const option = await storedReviewMode(b);
      const popup = await openPopup(b, results.tabId, enMessage('reviewToggleLabel'));
      try {
        expect(
          await popup.evaluate(() => (document.querySelector('.review-toggle input') as HTMLInputElement).checked),
        ).toBe(false);
        await popup.click(toggle);
        await possiblesAre(page, want, 'review mode on from the popup');
        expect(await pageText(page)).toBe(referenceText.get(site.file));
      } finally {
        await popup.close();
      }
      // Not a setting: nothing stored, and another tab with the same page stays quiet.
      expect(await storedReviewMode(b)).toBe(option);
      const other = await b.newPage(site.url);
      try {
        await waitFor(
          async () =>
            Object.values(await sessionStore(b)).filter(
              (r) => (r as TabResults).frames?.['0']?.url === site.url && (r as TabResults).tabId !== results.tabId,
            ).length > 0 || null,
          'the second tab to report',
          60_000,
        );
        await sleep(500);
        expect((await highlights(other)).possibles).toBeNull();
      } finally {
        await other.close();
      }
      await page.bringToFront();
      expect((await highlights(page)).possibles).toEqual(want);

      if (b.name === 'chromium') {
        // The background stops (as Chrome stops an idle worker): the choice is the page's, and
        // the popup reads it back from the report kept in storage.session.
        await stopServiceWorker(b);
        expect((await highlights(page)).possibles).toEqual(want);
      }
      const again = await openPopup(b, results.tabId, enMessage('reviewToggleLabel'));
      try {
        await waitFor(
          () => again.evaluate(() => (document.querySelector('.review-toggle input') as HTMLInputElement).checked),
          'the popup to show review mode on for this tab',
        );
        await again.click(toggle);
        await possiblesAre(page, null, 'review mode off from the popup');
        await again.click(toggle);
        await possiblesAre(page, want, 'review mode on from the popup, again');
      } finally {
        await again.close();
      }

      // A navigation loads a new document: the option (off) applies again.
      await page.goto(`${site.url}?visit=2`);
      await waitForTabResults(b, `${site.url}?visit=2`, { timeoutMs: 60_000 });
      expect((await highlights(page)).possibles).toBeNull();
      expect((await highlights(page)).flags).toEqual(sortedTexts(visibleFlags(results)));
    });
  });
});

/** Chromium: stops the extension's service worker through CDP and waits until it has stopped. */
async function stopServiceWorker(b: SecBrowser): Promise<void> {
  if (b.raw.kind !== 'chromium') throw new Error('chromium only');
  const context = b.raw.context;
  const extPage = await context.newPage();
  try {
    await extPage.goto(`${b.extensionOrigin}/${b.manifest.options!.replace(/^\//, '')}`);
    const cdp: CDPSession = await context.newCDPSession(extPage);
    const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) versions.set(v.versionId, { scriptURL: v.scriptURL, runningStatus: v.runningStatus });
    });
    await cdp.send('ServiceWorker.enable');
    const running = () =>
      [...versions]
        .filter(([, v]) => v.scriptURL.startsWith(b.extensionOrigin) && v.runningStatus === 'running')
        .map(([id]) => id);
    await waitFor(async () => running().length > 0, 'the service worker to be seen running', 5000);
    for (const versionId of running()) await cdp.send('ServiceWorker.stopWorker', { versionId });
    await waitFor(async () => running().length === 0, 'the service worker to stop', 5000);
    await cdp.detach();
  } finally {
    await extPage.close();
  }
}
