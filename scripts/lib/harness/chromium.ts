// Chromium with the unpacked extension, through playwright-core (recipe:
// shared/docs/browser-testing.md). A fresh profile per launch, removed on close.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH } from './browsers';
import { extensionPagePath, readBuiltManifest } from './ext-manifest';
import { callExpression, type ExtBrowser, type TabPage } from './types';

// The background-networking flags matter on this closed network: without them Chromium
// floods it with refused connections (browser-testing.md). Shared with the security
// harness and the benchmark.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(extDir: string, opts: { headless?: boolean } = {}): Promise<ExtBrowser> {
  const dir = resolve(extDir);
  const manifest = readBuiltManifest(dir);
  const profile = await mkdtemp(join(tmpdir(), 'ss-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: opts.headless ?? true,
      viewport: { width: 1200, height: 800 },
      args: [
        ...CHROMIUM_FLAGS,
        // A visible window (the demo) would otherwise carry a "--no-sandbox is unsupported"
        // bar across the page; --no-sandbox itself is needed when running as root.
        ...(opts.headless === false ? ['--test-type'] : []),
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
      ],
    });
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(sw.url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}`;
  // The persistent context opens with one blank tab: the first page opened reuses it, so
  // a visible (demo) window shows just that page.
  let spare: Page | null = context.pages()[0] ?? null;
  // Extension APIs run in the background service worker. Should Chromium have stopped
  // it (MV3 workers idle out), an extension page serves instead.
  let extPage: Page | null = null;
  const inExtension = async (expression: string): Promise<unknown> => {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin));
    if (worker) {
      try {
        return await worker.evaluate(expression);
      } catch (e) {
        if (!/closed|destroyed|detached/i.test(String(e))) throw e;
      }
    }
    if (!extPage || extPage.isClosed()) {
      extPage = await context.newPage();
      await extPage.goto(`${extensionOrigin}/${extensionPagePath(manifest)}`);
    }
    return extPage.evaluate(expression);
  };

  return {
    name: 'chromium',
    extensionId,
    extensionOrigin,
    manifest,
    async newPage(url, o) {
      const page = spare ?? (await context.newPage());
      spare = null;
      if (o?.initScript) await page.addInitScript(o.initScript);
      await page.goto(url);
      return chromiumTab(page);
    },
    inExtension: (fn, arg) => inExtension(callExpression(fn, arg)) as never,
    closed: () => new Promise<void>((ok) => context.once('close', () => ok())),
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The TabPage surface over a Playwright page. */
export function chromiumTab(page: Page): TabPage {
  return {
    url: () => page.url(),
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(callExpression(fn, arg)) as never,
    click: (sel) => page.click(sel),
    screenshot: async (path, o) => void (await page.screenshot({ path, fullPage: o?.fullPage })),
    screenshotElement: (sel) => page.locator(sel).first().screenshot({ animations: 'disabled', caret: 'hide' }),
    bringToFront: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
    raw: { kind: 'chromium', page },
  };
}
