// Firefox ESR with the extension as a temporary add-on, through puppeteer-core over
// WebDriver BiDi (recipe: shared/docs/browser-testing.md).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { FIREFOX_PATH } from './browsers';
import { extensionPagePath, readBuiltManifest, type BuiltManifest } from './ext-manifest';
import { callExpression, type ExtBrowser, type TabPage } from './types';

/** A Firefox ESR with the extension installed and one of its pages open. */
export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  extensionOrigin: string;
  manifest: BuiltManifest;
  /** A tab showing the extension's options (or popup) page: extension APIs and a DOM. */
  extPage: Page;
}

/** Launches Firefox and installs the built extension (shared with tests/e2e/security-harness.ts). */
export async function startFirefoxWithExtension(
  extDir: string,
  // acceptInsecureCerts: pages served under a real site's name with a test certificate.
  opts: { headless?: boolean; prefs?: Record<string, unknown>; acceptInsecureCerts?: boolean } = {},
): Promise<FirefoxWithExtension> {
  const dir = resolve(extDir);
  const manifest = readBuiltManifest(dir);
  if (!manifest.geckoId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  // Firefox gives each add-on a random moz-extension:// UUID per profile. Fixing it through
  // this pref lets the harness open the add-on's pages by URL.
  const uuid = randomUUID();
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
    defaultViewport: { width: 1200, height: 800 },
    acceptInsecureCerts: opts.acceptInsecureCerts ?? false,
    // WebDriver BiDi refuses to navigate to moz-extension:// URLs unless system access is
    // allowed (isWebdriverSafeNavigationURL in Firefox's remote agent).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.geckoId]: uuid }),
      // Extra prefs a test needs (e.g. where downloads go: page-io.ts; a proxy).
      ...opts.prefs,
    },
  });
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(dir);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const extensionOrigin = `moz-extension://${uuid}`;
  const extPage = (await browser.pages())[0] ?? (await browser.newPage());
  await gotoFirefoxUrl(extPage, `${extensionOrigin}/${extensionPagePath(manifest)}`);
  return { browser, extensionId, extensionOrigin, manifest, extPage };
}

export async function launchFirefox(
  extDir: string,
  opts: { headless?: boolean; prefs?: Record<string, unknown> } = {},
): Promise<ExtBrowser> {
  const { browser, extensionId, extensionOrigin, manifest, extPage } = await startFirefoxWithExtension(extDir, opts);
  return {
    name: 'firefox',
    extensionId,
    extensionOrigin,
    manifest,
    async newPage(url, o) {
      const page = await browser.newPage();
      if (o?.initScript) await page.evaluateOnNewDocument(o.initScript);
      await gotoFirefoxUrl(page, url);
      return firefoxTab(page);
    },
    inExtension: (fn, arg) => extPage.evaluate(callExpression(fn, arg)) as never,
    closed: () => new Promise<void>((ok) => (browser.connected ? browser.once('disconnected', () => ok()) : ok())),
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

/** The TabPage surface over a Puppeteer page. */
export function firefoxTab(page: Page): TabPage {
  return {
    url: () => page.url(),
    goto: (url) => gotoFirefoxUrl(page, url),
    evaluate: (fn, arg) => page.evaluate(callExpression(fn, arg)) as never,
    click: (sel) => page.click(sel),
    screenshot: async (path, o) =>
      void (await page.screenshot({ path: path as `${string}.png`, fullPage: o?.fullPage })),
    async screenshotElement(sel) {
      const el = await page.$(sel);
      if (!el) throw new Error(`no element matches ${sel}`);
      return Buffer.from(await el.screenshot());
    },
    bringToFront: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewport({ width, height }),
    close: () => page.close(),
    raw: { kind: 'firefox', page },
  };
}

/**
 * Navigates a tab. moz-extension:// pages load in the extension process, and puppeteer's
 * BiDi navigation never sees that load finish (its goto times out although the page is
 * there), so for those we start the navigation and poll the new document instead.
 */
export async function gotoFirefoxUrl(page: Page, url: string): Promise<void> {
  if (!url.startsWith('moz-extension:')) {
    await page.goto(url);
    return;
  }
  void page.goto(url, { timeout: 20_000 }).catch(() => {});
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState] as const).catch(() => null);
    if (state && state[0] === url && state[1] === 'complete') return;
    if (Date.now() > deadline) throw new Error(`Firefox did not load ${url} (at ${state?.[0]})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
