// What a site can learn about its visitor, in real Chromium and Firefox: a page whose own
// script (tests/e2e/pages/hostile/snoop.js) watches and reads every channel that the threat
// model in docs/privacy.md names, on a page with listed names in its text, in an open
// shadow root and in a same-origin frame:
//   - the highlight registry (CSS.highlights) and the styles that apply to the extension's
//     highlight names (getComputedStyle(el, '::highlight(...)'));
//   - every DOM mutation, attributes of <html> and <body> included, in the document, the
//     shadow roots and the frame; every element's box and computed style, before the
//     content script ran and after;
//   - every event type the platform names (and a few an extension might invent), window
//     messages, style sheets (the document's and each shadow root's adopted ones), the
//     window's and document's own properties, storage, cookies, loaded resources, focus,
//     selection and scroll;
//   - the extension's files, loaded every way a page can (fetch, img, stylesheet, script),
//     compared with an extension id that does not exist;
//   - asking the extension (window messages, custom events, chrome.runtime) to show or
//     give what it found.
// Each channel is compared with the same page served from 127.0.0.2, where the extension
// does not run, after the same steps. In private mode no channel differs, while the badge
// and the popup have the results. In marking mode exactly these differ, as the threat model
// says: the registry holds the flagged names (and nothing else: no possible match, no name
// from another tab), the highlight styles apply, and the document and the shadow root
// holding a marked name each have one more adopted style sheet (the marks' rules).
// "Show marks on this page" in the popup marks a private page; "Take the marks off this
// page" takes the marks and their styles off again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Browser from 'webextension-polyfill';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import {
  allMatches,
  badgeText,
  clickControl,
  openPopup,
  sleep,
  visibleText,
  waitFor,
  waitForTabResults,
} from '../../scripts/lib/harness/extension';
import { enMessage } from '../../scripts/lib/harness/messages';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName, TabPage } from '../../scripts/lib/harness/types';
import { launchSec, type SecBrowser } from './security-harness';

const FLAG = 'settlement-screen-flag';
/** The marks' tint (src/content/highlight.css): what a page reads once the styles are in. */
const FLAG_BACKGROUND = 'background-color:rgba(255, 170, 0, 0.28)';
/** Names the page shows, by where (the report's page text). */
const FLAGGED = ['Booking.com B.V.', 'Heidelberg Materials AG', 'Motorola Solutions, Inc.'];
/** After the report settled: long enough for a content script to paint, style and report. */
const SETTLE_MS = 1500;

/** What snoop.js reads, per channel, in the top document and in the frame. */
interface Reading {
  highlights: Record<string, string[]>;
  highlightStyles: Record<string, string>;
  mutations: string[];
  events: string[];
  messages: { origin: string; data: string }[];
  layout: string[];
  layoutChanged: boolean;
  rootAttributes: { html: string[]; body: string[] };
  documentSheets: number[];
  shadowSheets: string[];
  windowProperties: string[];
  windowSymbols: string[];
  documentProperties: string[];
  storage: { local: string[]; session: string[]; cookie: string };
  resources: string[];
  focus: unknown[];
  runtime: string[];
}

interface PageReading {
  top: Reading;
  frame: Reading;
}

type Snoop = { read(): Reading; probe(origin: string): Promise<string[]>; ask(id: string): Promise<unknown[]> };
type SnoopWindow = Window & { __snoop: Snoop };

function readPage(): PageReading {
  const top = (window as unknown as SnoopWindow).__snoop;
  const frame = (document.getElementById('frame') as HTMLIFrameElement).contentWindow as unknown as SnoopWindow;
  return { top: top.read(), frame: frame.__snoop.read() };
}

/** The channels (top or frame) whose reading differs between two pages. */
function differingChannels(a: PageReading, b: PageReading): string[] {
  const out: string[] = [];
  for (const where of ['top', 'frame'] as const) {
    for (const key of Object.keys(a[where]) as (keyof Reading)[]) {
      if (JSON.stringify(a[where][key]) !== JSON.stringify(b[where][key])) out.push(`${where}.${key}`);
    }
  }
  return out.sort();
}

/** Texts of the flags in the page's visible text, sorted (what marking mode paints). */
const visibleFlagTexts = (r: TabResults) =>
  allMatches(r)
    .filter((m) => m.level === 'flag' && m.fromPageData !== true)
    .map((m) => m.text)
    .sort();

/**
 * A probe's outcomes as a page on the web could get them. The page reader (and in Chrome the
 * content script proper) is web-accessible, for the content script's imports: Chrome serves
 * them only under a URL made for the session, so the extension's fixed address finds
 * nothing, as for any other file; Firefox's address carries a random id per profile, which
 * a page cannot know (the test knows it, and with it the reader's file loads), so in
 * Firefox the reader's outcomes are left out.
 */
function knownToPages(browserName: BrowserName, probe: string[]): string[] {
  return browserName === 'firefox' ? probe.filter((x) => !x.startsWith('src/content/page-reader.js ')) : probe;
}

const BROWSERS: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

describe.each(BROWSERS)('what a site can learn, in %s', (browserName, target) => {
  let b: SecBrowser;
  let srv: StaticServer;
  let ref: StaticServer;
  /** The page without the extension, read after the same steps (one per browser run). */
  let reference: PageReading;
  let referenceProbe: string[];

  async function setSettings(settings: Record<string, unknown>): Promise<void> {
    await b.inExtension(async (s: Record<string, unknown>) => {
      const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
      const api = g.browser ?? g.chrome;
      await api.storage.local.set({
        settings: { enabledLists: {}, pausedSites: [], reviewMode: false, pageMarksChosen: true, ...s },
      });
    }, settings);
  }

  /** Opens the snooping page, waits for the settled report, lets the page settle, reads it. */
  async function openSnoop(
    server: StaticServer,
  ): Promise<{ page: TabPage; url: string; results: TabResults | null; reading: PageReading }> {
    const url = server.url('/pages/hostile/snoop.html');
    const page = await b.newPage(url);
    await page.bringToFront();
    const results =
      server === srv
        ? await waitForTabResults(b, url, {
            until: (r) => FLAGGED.every((n) => allMatches(r).some((m) => m.entityName === n && m.level === 'flag')),
          })
        : null;
    await sleep(SETTLE_MS);
    return { page, url, results, reading: await page.evaluate(readPage) };
  }

  /** A fake extension origin of the same shape: where nothing is installed. */
  const fakeOrigin = () =>
    browserName === 'chromium'
      ? `chrome-extension://${'a'.repeat(32)}`
      : 'moz-extension://00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    const dir = ensureLocalBuild(target);
    const mounts = { '/pages/': 'tests/e2e/pages' };
    srv = await startServer(mounts);
    ref = await startServer(mounts, '127.0.0.2');
    b = await launchSec(browserName, dir);
    // The extension page that reads storage is opened before any snooping page, so no tab
    // opens in front of one later.
    await setSettings({ pageMarks: 'private' });
    const r = await openSnoop(ref);
    reference = r.reading;
    referenceProbe = await r.page.evaluate(
      (o: string) => (window as unknown as SnoopWindow).__snoop.probe(o),
      fakeOrigin(),
    );
    await r.page.close();
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
    await ref?.close();
  });

  it('the page reads the same channels with and without the extension', () => {
    // Sanity of the reference itself: the snooping script saw the page load, and nothing
    // painted or changed it.
    expect(reference.top.events).toContain('DOMContentLoaded');
    expect(reference.top.highlights).toEqual({});
    expect(reference.top.mutations).toEqual([]);
    expect(reference.top.layoutChanged).toBe(false);
    expect(reference.top.shadowSheets).toEqual(['#shadow-root(div#host): 0', '#shadow-root(div#quiet-host): 0']);
  });

  it('private mode: the page learns nothing; the badge and the popup have the results', async () => {
    await setSettings({ pageMarks: 'private' });
    const { page, results, reading } = await openSnoop(srv);
    try {
      expect(results).not.toBeNull();
      const tabId = results!.tabId;
      expect(Object.values(results!.frames).every((f) => f.marks === false)).toBe(true);
      expect(differingChannels(reading, reference)).toEqual([]);
      // Spelled out, for the failure message and the threat model's claims:
      expect(reading.top.highlights).toEqual({});
      expect(reading.frame.highlights).toEqual({});
      expect(reading.top.highlightStyles).toEqual(reference.top.highlightStyles);
      expect(reading.top.highlightStyles[FLAG]).not.toContain(FLAG_BACKGROUND);
      expect(reading.top.mutations).toEqual([]);
      expect(reading.frame.mutations).toEqual([]);
      expect(reading.top.layoutChanged).toBe(false);
      expect(reading.frame.layoutChanged).toBe(false);
      expect(reading.top.messages).toEqual([]);
      expect(reading.top.shadowSheets).toEqual(['#shadow-root(div#host): 0', '#shadow-root(div#quiet-host): 0']);

      // Probing for the extension's files: the same as for an extension that is not there.
      const probe = (origin: string) =>
        page.evaluate((o: string) => (window as unknown as SnoopWindow).__snoop.probe(o), origin);
      const real = knownToPages(browserName, await probe(b.extensionOrigin));
      expect(real).toEqual(knownToPages(browserName, await probe(fakeOrigin())));
      expect(real).toEqual(knownToPages(browserName, referenceProbe));
      expect(real.filter((o) => /fetch ok|img load|link load|script load/.test(o))).toEqual([]);

      // Asking the extension, every way a page can: no answer, nothing painted or changed.
      const mutationsBefore = (await page.evaluate(readPage)).top.mutations.length;
      const answers = await page.evaluate(
        (id: string) => (window as unknown as SnoopWindow).__snoop.ask(id),
        b.extensionId,
      );
      await sleep(SETTLE_MS);
      expect(answers.filter((a) => a !== undefined && !/^error /.test(String(a)))).toEqual([]);
      const after = await page.evaluate(readPage);
      expect(after.top.highlights).toEqual({});
      expect(after.frame.highlights).toEqual({});
      expect(after.top.mutations.length).toBe(mutationsBefore);
      expect(after.top.layoutChanged).toBe(false);

      // The results are where the page cannot see them.
      expect(await badgeText(b, tabId)).toBe(String(FLAGGED.length));
      const popup = await openPopup(b, tabId, 'Heidelberg Materials AG');
      try {
        const text = await visibleText(popup);
        for (const name of FLAGGED) expect(text).toContain(name);
        expect(text).toContain(enMessage('marksNowPrivate'));
        expect(text).toContain(enMessage('marksShowOnPage'));
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });

  it('private on one site: that site learns nothing; a site marked on its own is marked', async () => {
    await setSettings({ pageMarks: 'mark', privateSites: ['127.0.0.1'] });
    let opened = await openSnoop(srv);
    try {
      expect(differingChannels(opened.reading, reference)).toEqual([]);
    } finally {
      await opened.page.close();
    }
    await setSettings({ pageMarks: 'private', markedSites: ['127.0.0.1'] });
    opened = await openSnoop(srv);
    try {
      const top = { ...opened.results!, frames: { '0': opened.results!.frames['0'] } };
      expect(opened.reading.top.highlights[FLAG]).toEqual(visibleFlagTexts(top));
      expect(opened.reading.top.highlights[FLAG]).toContain('Heidelberg Materials AG');
    } finally {
      await opened.page.close();
    }
  });

  it('"Show marks on this page" marks a private page, and the marks come off again', async () => {
    await setSettings({ pageMarks: 'private' });
    const { page, results } = await openSnoop(srv);
    const popup = await openPopup(b, results!.tabId, enMessage('marksShowOnPage'));
    try {
      // A real popup floats over the page; here it is a tab: the page goes back in front.
      await page.bringToFront();
      expect(await clickControl(popup, enMessage('marksShowOnPage'))).toBe(true);
      const shown = await waitFor(async () => {
        const r = await page.evaluate(readPage);
        return r.top.highlights[FLAG] && r.frame.highlights[FLAG] ? r : null;
      }, 'the marks on the page');
      // Now the page can read them, as the threat model says, and nothing else changed.
      expect([...shown.top.highlights[FLAG], ...shown.frame.highlights[FLAG]].sort()).toEqual(
        visibleFlagTexts(results!),
      );
      await waitFor(
        async () => (await page.evaluate(readPage)).top.highlightStyles[FLAG].includes(FLAG_BACKGROUND),
        'the marks styled',
      );
      expect(shown.top.mutations).toEqual([]);
      expect(shown.top.layoutChanged).toBe(false);
      expect(await visibleText(popup)).toContain(enMessage('marksNowShown'));

      expect(await clickControl(popup, enMessage('marksHide'))).toBe(true);
      const off = await waitFor(async () => {
        const r = await page.evaluate(readPage);
        return Object.keys(r.top.highlights).length === 0 && Object.keys(r.frame.highlights).length === 0 ? r : null;
      }, 'the marks taken off');
      expect(off.top.highlightStyles).toEqual(reference.top.highlightStyles);
      expect(off.top.documentSheets).toEqual(reference.top.documentSheets);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('marking mode: the page learns which names are marked and that the extension is there, nothing more', async () => {
    await setSettings({ pageMarks: 'mark' });
    // Another tab with another listed name: the snooping page must not see it.
    const other = await b.newPage(srv.url('/pages/webshop-fr.html'));
    await waitForTabResults(b, srv.url('/pages/webshop-fr.html'));
    const { page, results, reading } = await openSnoop(srv);
    try {
      expect(Object.values(results!.frames).every((f) => f.marks === true)).toBe(true);
      expect(differingChannels(reading, reference)).toEqual([
        'frame.documentSheets',
        'frame.highlightStyles',
        'frame.highlights',
        'top.documentSheets',
        'top.highlightStyles',
        'top.highlights',
        'top.shadowSheets',
      ]);
      // The registry: exactly the flagged names in the page's own text, one name (the flag
      // highlight), no possible match ("Orange"), nothing from the other tab.
      expect(Object.keys(reading.top.highlights)).toEqual([FLAG]);
      expect([...reading.top.highlights[FLAG], ...reading.frame.highlights[FLAG]].sort()).toEqual(
        visibleFlagTexts(results!),
      );
      // The styles of the marks, readable through getComputedStyle.
      expect(reading.top.highlightStyles[FLAG]).toContain(FLAG_BACKGROUND);
      // One adopted style sheet (the marks' rules) in each document and in the shadow root
      // holding a marked name, none elsewhere; the page's own <style> sheets as they were.
      expect(reading.top.documentSheets).toEqual([reference.top.documentSheets[0], 1]);
      expect(reading.frame.documentSheets).toEqual([reference.frame.documentSheets[0], 1]);
      expect(reading.top.shadowSheets).toEqual(['#shadow-root(div#host): 1', '#shadow-root(div#quiet-host): 0']);
      // And no more: the DOM, layout, events, messages and properties are the reference's.
      expect(reading.top.mutations).toEqual([]);
      expect(reading.frame.mutations).toEqual([]);
      expect(reading.top.layoutChanged).toBe(false);
      const real = await page.evaluate(
        (o: string) => (window as unknown as SnoopWindow).__snoop.probe(o),
        b.extensionOrigin,
      );
      expect(knownToPages(browserName, real)).toEqual(knownToPages(browserName, referenceProbe));
    } finally {
      await page.close();
      await other.close();
    }
  });
});
