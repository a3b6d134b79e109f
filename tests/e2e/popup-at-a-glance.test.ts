// The popup at a glance, and the extension's pages for everyone, in real Chromium and Firefox:
//   - axe-core, injected into the popup, options, screening and report pages, in light and
//     dark colour schemes, finds no violation;
//   - the popup is usable by keyboard alone: Tab reaches every <summary>, Enter and Space
//     open it;
//   - on an award notice with two listed companies, a shop page with one and the demo page,
//     in en, nl, fr and de (the options' language setting), the popup's first view (400 x 600)
//     holds every company's name and its matched page text; screenshots of the first view
//     and of the popup with everything open go to dist/test-output/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Browser from 'webextension-polyfill';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import { allMatches, waitFor, waitForTabResults } from '../../scripts/lib/harness/extension';
import { launchBrowser } from '../../scripts/lib/harness/launch';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName, ExtBrowser, TabPage } from '../../scripts/lib/harness/types';

const AXE_SOURCE = readFileSync(join('node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const SHOTS = join('dist', 'test-output', 'screenshots');
const LANGS = ['en', 'nl', 'fr', 'de'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

/** Each page's expected companies: the flags the extension reports there (checked to be this many). */
const PAGES = [
  { name: 'award', path: '/pages/tender-nl.html', companies: 2 },
  { name: 'shop', path: '/pages/fields-product.html', companies: 1 },
  { name: 'demo', path: '/demo/index.html', companies: null },
] as const;

/** Firefox takes the colour scheme from a preference at launch; Chromium emulates it per page. */
const firefoxPrefs = (scheme: Scheme) => ({
  'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
  'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
});

async function useScheme(page: TabPage, scheme: Scheme): Promise<void> {
  if (page.raw?.kind === 'chromium') await page.raw.page.emulateMedia({ colorScheme: scheme });
}

async function pressKey(page: TabPage, key: 'Tab' | 'Enter' | ' '): Promise<void> {
  const raw = page.raw!;
  // Playwright names the space bar "Space"; Puppeteer over WebDriver BiDi takes the character.
  if (raw.kind === 'chromium') await raw.page.keyboard.press(key === ' ' ? 'Space' : key);
  else await raw.page.keyboard.press(key);
}

/** Runs axe-core in the page; the violations, each with its rule and offending nodes. */
async function axeViolations(page: TabPage): Promise<string[]> {
  const raw = page.raw!;
  // The drivers evaluate outside the page's CSP (script-src 'self'), as devtools would.
  if (raw.kind === 'chromium') await raw.page.evaluate(AXE_SOURCE);
  else await raw.page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe;
    type AxeResults = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe.each(CASES)('popup at a glance in %s', (browserName, target) => {
  let srv: StaticServer;
  let dir: string;

  beforeAll(async () => {
    dir = ensureLocalBuild(target);
    srv = await startServer({ '/pages/': 'tests/e2e/pages', '/demo/': 'demo' });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await srv?.close();
  });

  async function setSettings(b: ExtBrowser, s: Record<string, unknown>): Promise<void> {
    await b.inExtension(async (settings: Record<string, unknown>) => {
      const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
      const api = g.browser ?? g.chrome;
      await api.storage.local.set({ settings: { pageMarksChosen: true, ...settings } });
    }, s);
  }

  async function openTab(b: ExtBrowser, path: string): Promise<{ page: TabPage; results: TabResults }> {
    const url = srv.url(path);
    const page = await b.newPage(url);
    await page.bringToFront();
    const results = await waitForTabResults(b, url, { until: (r) => allMatches(r).some((m) => m.level === 'flag') });
    return { page, results };
  }

  /** The popup for a tab as a 400 x 600 tab, rendered, nothing opened. */
  async function popupFor(b: ExtBrowser, tabId: number, scheme: Scheme = 'light'): Promise<TabPage> {
    const popup = await b.newPage(`${b.extensionOrigin}/${b.manifest.popup!.replace(/^\//, '')}?tab=${tabId}`);
    await popup.setViewport(400, 600);
    await useScheme(popup, scheme);
    await waitFor(
      () => popup.evaluate(() => document.querySelectorAll('#flags article, [id^="flags-"] article').length > 0),
      'the popup to show its flags',
    );
    return popup;
  }

  describe.each(SCHEMES)('axe-core, %s colour scheme', (scheme) => {
    let b: ExtBrowser;
    let tabId: number;
    beforeAll(async () => {
      b = await launchBrowser(browserName, dir, { firefoxPrefs: firefoxPrefs(scheme) });
      await setSettings(b, {});
      ({
        results: { tabId },
      } = await openTab(b, '/pages/tender-nl.html'));
    });
    afterAll(() => b?.close());

    const pages: [string, (b: ExtBrowser, tabId: number) => string][] = [
      ['options', (b) => `${b.extensionOrigin}/${b.manifest.options!.replace(/^\//, '')}`],
      ['screening', (b) => `${b.extensionOrigin}/src/ui/screen/index.html`],
      ['report', (b, id) => `${b.extensionOrigin}/src/ui/record/index.html?tab=${id}`],
    ];

    it('finds no violation in the popup, closed and with every details open', async () => {
      const popup = await popupFor(b, tabId, scheme);
      const scheme_ = await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      expect(scheme_).toBe(scheme === 'dark');
      expect(await axeViolations(popup)).toEqual([]);
      await popup.evaluate(() => {
        for (let i = 0; i < 5; i++) for (const d of document.querySelectorAll('details')) d.open = true;
      });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    });

    it.each(pages)('finds no violation on the %s page', async (_name, urlOf) => {
      const page = await b.newPage(urlOf(b, tabId));
      await useScheme(page, scheme);
      await waitFor(
        () => page.evaluate(() => (document.querySelector('h1, h2')?.textContent ?? '') !== ''),
        'a heading',
      );
      await page.evaluate(() => {
        for (let i = 0; i < 5; i++) for (const d of document.querySelectorAll('details')) d.open = true;
      });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });

  describe('keyboard and first view', () => {
    let b: ExtBrowser;
    beforeAll(async () => {
      b = await launchBrowser(browserName, dir);
    });
    afterAll(() => b?.close());

    it('reaches and opens every details control of the popup by keyboard alone', async () => {
      await setSettings(b, {});
      const { page, results } = await openTab(b, '/pages/tender-nl.html');
      const popup = await popupFor(b, results.tabId);
      await popup.bringToFront();
      const opened: string[] = [];
      let useSpace = false;
      for (let i = 0; i < 300; i++) {
        await pressKey(popup, 'Tab');
        const focus = await popup.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const details = el.tagName === 'SUMMARY' ? (el.parentElement as HTMLDetailsElement) : null;
          return { tag: el.tagName, text: (el.textContent ?? '').trim().slice(0, 60), open: details?.open ?? null };
        });
        if (!focus) continue;
        if (focus.tag === 'SUMMARY' && focus.open === false) {
          // Enter and Space both open a summary, as a native disclosure button.
          await pressKey(popup, useSpace ? ' ' : 'Enter');
          useSpace = !useSpace;
          const nowOpen = await popup.evaluate(
            () => (document.activeElement?.parentElement as HTMLDetailsElement | null)?.open ?? false,
          );
          expect(nowOpen, focus.text).toBe(true);
          opened.push(focus.text);
        }
        const left = await popup.evaluate(() => document.querySelectorAll('details:not([open])').length);
        if (left === 0) break;
      }
      expect(await popup.evaluate(() => document.querySelectorAll('details:not([open])').length)).toBe(0);
      // Both companies' list lines and matched texts, and the "Also seen" sections if any.
      expect(opened.length).toBeGreaterThanOrEqual(4);
      await popup.close();
      await page.close();
    });

    for (const lang of LANGS) {
      it.each(PAGES)(`shows every company and its matched text in the first view: %s, ${lang}`, async (p) => {
        await setSettings(b, { uiLanguage: lang });
        const { page, results } = await openTab(b, p.path);
        const flagged = new Map<string, string[]>();
        for (const m of allMatches(results).filter((x) => x.level === 'flag')) {
          flagged.set(m.entityName, [...(flagged.get(m.entityName) ?? []), m.text]);
        }
        if (p.companies !== null) expect(flagged.size).toBe(p.companies);
        const popup = await popupFor(b, results.tabId);
        expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
        const base = join(SHOTS, `${browserName}-${p.name}-${lang}`);
        await popup.screenshot(`${base}-first.png`);
        const view = await popup.evaluate(() => {
          const cards = Array.from(document.querySelectorAll<HTMLElement>('[id^="flags"] article'));
          const box = (el: Element | null) => (el ? el.getBoundingClientRect() : null);
          return {
            viewport: innerHeight,
            lastCardBottom: Math.max(...cards.map((c) => c.getBoundingClientRect().bottom)),
            cards: cards.map((c) => ({
              name: c.querySelector('h3')?.textContent ?? '',
              nameBottom: box(c.querySelector('h3'))?.bottom ?? Infinity,
              matched: Array.from(c.querySelectorAll('.matched-text')).map((q) => ({
                text: q.textContent ?? '',
                bottom: q.getBoundingClientRect().bottom,
              })),
            })),
          };
        });
        expect(view.viewport).toBe(600);
        expect(view.cards.length).toBe(flagged.size);
        await popup.evaluate(() => {
          for (let i = 0; i < 5; i++) for (const d of document.querySelectorAll('details')) d.open = true;
        });
        await popup.screenshot(`${base}-expanded.png`, { fullPage: true });
        // The demo page names more companies than a first view can hold: pictures only.
        if (p.companies === null) {
          await popup.close();
          await page.close();
          return;
        }
        // Every card ends within the first view, so each name and matched text is in it.
        expect(view.lastCardBottom).toBeLessThanOrEqual(600);
        for (const card of view.cards) {
          expect(card.nameBottom, card.name).toBeLessThanOrEqual(600);
          expect(card.matched.length, card.name).toBeGreaterThan(0);
          for (const m of card.matched) expect(m.bottom, `${card.name}: ${m.text}`).toBeLessThanOrEqual(600);
        }
        const matchedShown = view.cards.flatMap((c) => c.matched.map((m) => m.text));
        for (const texts of flagged.values()) expect(texts.some((t) => matchedShown.includes(t))).toBe(true);
        await popup.close();
        await page.close();
      });
    }
  });
});
