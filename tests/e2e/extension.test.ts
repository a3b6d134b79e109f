// The built extension (dist/<target>-local) in real Chromium and Firefox, on local pages
// with listed names, look-alikes and common-word traps. One browser per describe block.
//
// What is observed, and how:
//   - the extension's report: storage.session `tab:<id>` (what the popup and badge are built from)
//   - the badge: action.getBadgeText({tabId}) run in the extension (worker or extension page)
//   - highlights: CSS.highlights read from the page's main world (the registry is per
//     document, shared with the content script's world)
//   - the popup: opened as a tab with ?tab=<id>, read as rendered text
//   - the page is unchanged: a deep DOM snapshot against the same page served from
//     127.0.0.2, where the content script does not run
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import compiledJson from '../../src/generated/compiled-lists.json';
import type { CompiledData } from '../../src/core/types';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import { launchBrowser } from '../../scripts/lib/harness/launch';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
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
import { domSnapshot, dumpHighlights, findTextRect, type HighlightDump } from '../../scripts/lib/harness/page-probes';
import type { BrowserName, ExtBrowser, TabPage } from '../../scripts/lib/harness/types';

const compiled = compiledJson as unknown as CompiledData;
const FLAG = 'settlement-screen-flag';
const OHCHR = 'ohchr-bhr-database-hrc-31-36';
const EN_MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
/** An English UI string as browser.i18n renders it, with its $1.. substitutions. */
function enMessage(key: string, ...subs: string[]): string {
  const m = EN_MESSAGES[key];
  if (!m) throw new Error(`no en message ${key}`);
  return m.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, i: string) => subs[Number(i) - 1] ?? '');
  });
}
const listTitle = (id: string) => compiled.lists.find((l) => l.id === id)?.title ?? `<no list ${id}>`;

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

describe.each(CASES)('extension in %s', (browserName, target) => {
  let b: ExtBrowser;
  let srv: StaticServer;
  let ref: StaticServer;

  beforeAll(async () => {
    const dir = ensureLocalBuild(target);
    const mounts = { '/pages/': 'tests/e2e/pages' };
    srv = await startServer(mounts);
    ref = await startServer(mounts, '127.0.0.2');
    b = await launchBrowser(browserName, dir);
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
    await ref?.close();
  });

  /** Opens a test page and waits for the extension's settled report on it. */
  async function open(
    name: string,
    until?: (r: TabResults) => boolean,
  ): Promise<{ page: TabPage; url: string; results: TabResults }> {
    const url = srv.url(`/pages/${name}`);
    const page = await b.newPage(url);
    await page.bringToFront();
    const results = await waitForTabResults(b, url, { until });
    return { page, url, results };
  }

  /** The same page without the extension, for the DOM comparison. */
  async function referenceSnapshot(name: string, settleMs = 0): Promise<string[]> {
    const page = await b.newPage(ref.url(`/pages/${name}`));
    if (settleMs) await sleep(settleMs);
    const snap = await page.evaluate(domSnapshot);
    await page.close();
    return snap;
  }

  const flags = (r: TabResults) => allMatches(r).filter((m) => m.level === 'flag');
  const flagTexts = (hl: HighlightDump) => [...(hl[FLAG] ?? [])].sort();

  describe('Dutch tender award notice', () => {
    let page: TabPage;
    let results: TabResults;
    beforeAll(async () => {
      ({ page, results } = await open('tender-nl.html'));
    });
    afterAll(() => page?.close());

    it('flags the contractor and the table supplier, and nothing else', () => {
      const f = flags(results);
      expect(new Set(f.map((m) => m.entityName))).toEqual(
        new Set(['Heidelberg Materials AG', 'Motorola Solutions, Inc.']),
      );
      expect(f.find((m) => m.entityName === 'Heidelberg Materials AG')?.text).toBe('Heidelberg Materials AG');
      expect(f.find((m) => m.entityName === 'Motorola Solutions, Inc.')?.text).toBe('Motorola Solutions, Inc.');
      const ohchr = f.find((m) => m.entityName === 'Heidelberg Materials AG')?.lists.find((l) => l.list === OHCHR);
      expect(ohchr).toEqual({ list: OHCHR, entry: 'Heidelberg Materials AG', status: 'listed' });
    });

    it('leaves the traps and hidden text clear, and reports the look-alike', () => {
      const texts = allMatches(results).map((m) => m.text.toLowerCase());
      for (const trap of ['delta', 'partnership', 'volvo', 'volvo cars']) expect(texts).not.toContain(trap);
      // `hidden` text is not scanned.
      expect(allMatches(results).some((m) => m.entityName.startsWith('Booking'))).toBe(false);
      const guards = Object.values(results.frames).flatMap((fr) => fr.guards);
      expect(guards.map((g) => g.text)).toContain('Volvo Cars');
    });

    it('highlights exactly the flagged names', async () => {
      const hl = await page.evaluate(dumpHighlights);
      expect(flagTexts(hl)).toEqual(['Heidelberg Materials AG', 'Motorola Solutions, Inc.']);
      const all = Object.values(hl)
        .flat()
        .map((t) => t.toLowerCase());
      for (const trap of ['delta', 'partnership', 'volvo cars']) expect(all).not.toContain(trap);
    });

    it('paints the highlights: the marked names look different, the traps do not', async () => {
      // Pixels, not just the registry: a ::highlight() rule that never reached the page
      // leaves ranges registered but nothing visible.
      const refPage = await b.newPage(ref.url('/pages/tender-nl.html'));
      try {
        const shot = async (p: TabPage, sel: string) => {
          await p.bringToFront();
          return p.screenshotElement(sel);
        };
        for (const sel of ['#contractor', '#lot-supplier']) {
          expect((await shot(page, sel)).equals(await shot(refPage, sel)), `${sel} is painted`).toBe(false);
        }
        expect((await shot(page, '#trap-volvo')).equals(await shot(refPage, '#trap-volvo')), 'trap unpainted').toBe(
          true,
        );
      } finally {
        await refPage.close();
        await page.bringToFront();
      }
    });

    it('shows the number of listed companies on the badge', async () => {
      expect(await badgeText(b, results.tabId)).toBe('2');
    });

    it('does not change the page DOM', async () => {
      expect(await page.evaluate(domSnapshot)).toEqual(await referenceSnapshot('tender-nl.html'));
    });

    it('popup: entries as the lists give them, list titles, status, criteria, sources', async () => {
      const popup = await openPopup(b, results.tabId, 'Heidelberg Materials AG');
      try {
        const text = await visibleText(popup);
        // Entry names exactly as in the list files (OHCHR, DBIO, Who Profits).
        for (const entry of [
          'Heidelberg Materials AG',
          'Heidelberg Materials',
          'HeidelbergCement',
          'Motorola Solutions, Inc.',
        ]) {
          expect(text).toContain(entry);
        }
        expect(text).toContain(listTitle(OHCHR));
        expect(text).toContain(listTitle('dbio-2024'));
        expect(text).toContain(listTitle('whoprofits'));
        expect(text.toLowerCase()).toContain('listed');
        // OHCHR activity (g), in full.
        expect(text).toContain('The use of natural resources, in particular water and land, for business purposes');
        // Who Profits is a partial copy: the popup must say so.
        expect(text.toLowerCase()).toContain('partial');
        // The exact page text that matched.
        expect(text).toContain('Motorola Solutions, Inc.');
        const links = await popup.evaluate(() =>
          Array.from(document.querySelectorAll('a[href]')).map((a) => (a as HTMLAnchorElement).href),
        );
        expect(links).toContain('https://www.ohchr.org/en/business/bhr-database');
        expect(links).toContain('https://www.whoprofits.org/companies/company/3840?heidelbergcement');
        // Two companies counted, and the look-alike explained as not the listed group.
        expect(text).toContain(enMessage('summaryFlags', '2'));
        expect(text).toContain(`Volvo Cars ${enMessage('lookalikeNotEntity', 'Volvo Group')}`);
      } finally {
        await popup.close();
      }
    });

    it('popup: keeps its width when its window starts small', async () => {
      // Browsers size a toolbar popup from its content, laid out first in a tiny window:
      // a width that follows the viewport (100vw, %) collapses the real popup to a sliver.
      const popup = await openPopup(b, results.tabId, 'Heidelberg Materials AG');
      try {
        await popup.setViewport(120, 600);
        const width = await popup.evaluate(() => document.body.getBoundingClientRect().width);
        expect(width).toBeGreaterThanOrEqual(320);
      } finally {
        await popup.close();
      }
    });

    it('popup: "show on page" scrolls to the match', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const before = await page.evaluate(findTextRect, 'Motorola Solutions, Inc.');
      expect(before?.top).toBeGreaterThan(before?.viewport ?? Infinity); // below the fold to start with
      const popup = await openPopup(b, results.tabId, 'Motorola Solutions, Inc.');
      try {
        // A real popup floats over the visible page. Here the popup is a tab: bring the page
        // back to the front first (Firefox does not run a smooth scroll in a hidden tab),
        // then click in the popup, which a DOM click can do from the background.
        await page.bringToFront();
        expect(await clickControl(popup, enMessage('showOnPage'), 'Motorola Solutions, Inc.')).toBe(true);
        const rect = await waitFor(
          async () => {
            const r = await page.evaluate(findTextRect, 'Motorola Solutions, Inc.');
            return r && r.top >= 0 && r.bottom <= r.viewport ? r : null;
          },
          'the page to scroll to Motorola Solutions, Inc.',
          5000,
        );
        expect(rect.top).toBeGreaterThanOrEqual(0);
      } finally {
        await popup.close().catch(() => {});
      }
    });
  });

  it('French webshop: flags the manufacturer and the booking site, not form fields or common words', async () => {
    const { page, results } = await open('webshop-fr.html');
    try {
      const f = flags(results);
      expect(new Set(f.map((m) => m.entityName))).toEqual(
        new Set(['Ahava – Dead Sea Laboratories Ltd.', 'Booking.com B.V.']),
      );
      expect(f.map((m) => m.text)).toContain('AHAVA – Dead Sea Laboratories Ltd.');
      // The textarea's "Booking.com B.V." is a form field: not scanned.
      expect(allMatches(results).map((m) => m.text)).not.toContain('Booking.com B.V.');
      const texts = allMatches(results).map((m) => m.text.toLowerCase());
      for (const trap of ['extra', 'hot', 'carrefour', 'delta']) expect(texts).not.toContain(trap);
      expect(await badgeText(b, results.tabId)).toBe('2');
      const hl = await page.evaluate(dumpHighlights);
      expect(flagTexts(hl)).toContain('AHAVA – Dead Sea Laboratories Ltd.');
      expect(flagTexts(hl)).toContain('Booking.com');
      expect(await page.evaluate(domSnapshot)).toEqual(await referenceSnapshot('webshop-fr.html'));
    } finally {
      await page.close();
    }
  });

  it('a name split by inline markup is one match and one highlight', async () => {
    const { page, results } = await open('split-markup.html');
    try {
      expect(flags(results).map((m) => m.text)).toEqual(['Heidelberg Materials AG']);
      expect(flagTexts(await page.evaluate(dumpHighlights))).toEqual(['Heidelberg Materials AG']);
      expect(await badgeText(b, results.tabId)).toBe('1');
      expect(await page.evaluate(domSnapshot)).toEqual(await referenceSnapshot('split-markup.html'));
    } finally {
      await page.close();
    }
  });

  it('finds names in open shadow roots', async () => {
    const { page, results } = await open('shadow-dom.html', (r) => allMatches(r).length > 0);
    try {
      expect(flags(results).map((m) => m.entityName)).toEqual(['Booking.com B.V.']);
      expect(flagTexts(await page.evaluate(dumpHighlights))).toEqual(['Booking.com B.V.']);
      expect(await badgeText(b, results.tabId)).toBe('1');
      expect(await page.evaluate(domSnapshot)).toEqual(await referenceSnapshot('shadow-dom.html'));
    } finally {
      await page.close();
    }
  });

  it('finds names in same-origin frames', async () => {
    const { page, results } = await open('iframe.html', (r) => allMatches(r).length > 0);
    try {
      const framed = Object.entries(results.frames).filter(([id]) => id !== '0');
      expect(framed.flatMap(([, fr]) => fr.matches.map((m) => m.entityName))).toEqual(['Motorola Solutions, Inc.']);
      expect(flagTexts(await page.evaluate(dumpHighlights))).toEqual(['Motorola Solutions, Inc.']);
      expect(await badgeText(b, results.tabId)).toBe('1');
      expect(await page.evaluate(domSnapshot)).toEqual(await referenceSnapshot('iframe.html', 300));
    } finally {
      await page.close();
    }
  });

  it('picks up names the page adds later', async () => {
    const url = srv.url('/pages/dynamic.html');
    const page = await b.newPage(url);
    try {
      await page.bringToFront();
      const first = await waitForTabResults(b, url, { stableMs: 0 });
      expect(allMatches(first)).toEqual([]); // the name is not there yet
      const later = await waitForTabResults(b, url, { until: (r) => allMatches(r).length > 0 });
      expect(flags(later).map((m) => m.text)).toEqual(['Heidelberg Materials AG']);
      expect(await badgeText(b, later.tabId)).toBe('1');
      expect(flagTexts(await page.evaluate(dumpHighlights))).toEqual(['Heidelberg Materials AG']);
      expect(await page.evaluate(domSnapshot)).toEqual(await referenceSnapshot('dynamic.html', 2500));
    } finally {
      await page.close();
    }
  });

  it('a removed entry is shown as removed, never as a flag', async () => {
    const { page, results } = await open('delisted.html');
    try {
      const edreams = allMatches(results).filter((m) => m.entityName === 'eDreams ODIGEO S.A.');
      expect(edreams.length).toBeGreaterThan(0);
      for (const m of edreams) {
        expect(m.level).toBe('possible');
        expect(m.lists).toEqual([{ list: OHCHR, entry: 'eDreams ODIGEO S.A.', status: 'delisted' }]);
      }
      expect(flags(results).map((m) => m.entityName)).toEqual(['Booking.com B.V.']);
      expect(await badgeText(b, results.tabId)).toBe('1');
      expect(flagTexts(await page.evaluate(dumpHighlights))).toEqual(['Booking.com B.V.']);
      const popup = await openPopup(b, results.tabId, 'eDreams ODIGEO S.A.');
      try {
        const text = await visibleText(popup);
        const at = text.indexOf('eDreams ODIGEO S.A.');
        // Its own section says it was removed, and when (however the locale writes the date).
        expect(text.slice(at, at + 800)).toMatch(/removed[^\n]*2025/i);
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });

  it('a page without listed names: no flags, empty badge, no highlights, DOM unchanged', async () => {
    const { page, results } = await open('clean.html');
    try {
      expect(allMatches(results)).toEqual([]);
      expect(await badgeText(b, results.tabId)).toBe('');
      expect(Object.values(await page.evaluate(dumpHighlights)).flat()).toEqual([]);
      expect(await page.evaluate(domSnapshot)).toEqual(await referenceSnapshot('clean.html'));
    } finally {
      await page.close();
    }
  });
});
