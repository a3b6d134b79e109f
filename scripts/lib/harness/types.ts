import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { BuiltManifest } from './ext-manifest';

// One small surface over playwright-core (Chromium) and puppeteer-core (Firefox), so each
// browser test is written once and run in both browsers.

export type BrowserName = 'chromium' | 'firefox';

/** A browser tab: an ordinary web page or an extension page opened as a tab. */
export interface TabPage {
  url(): string;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's main world (for extension pages: with the extension APIs). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Clicks the first element matching `selector` (real input events). */
  click(selector: string): Promise<void>;
  screenshot(path: string, opts?: { fullPage?: boolean }): Promise<void>;
  /** PNG of the first element matching `selector` (scrolled into view first). */
  screenshotElement(selector: string): Promise<Buffer>;
  bringToFront(): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
  /**
   * The driver's own page object, for what this surface does not cover (typing, choosing
   * files, downloads: see page-io.ts). Optional so other TabPage implementations need not
   * provide it.
   */
  raw?: RawPage;
}

/** A tab as the driver sees it: Playwright's Page (Chromium) or Puppeteer's (Firefox). */
export type RawPage = { kind: 'chromium'; page: PwPage } | { kind: 'firefox'; page: PpPage };

export interface ExtBrowser {
  name: BrowserName;
  /** Chrome: the extension id; Firefox: the add-on (gecko) id. */
  extensionId: string;
  /** chrome-extension://<id> or moz-extension://<uuid>, without a trailing slash. */
  extensionOrigin: string;
  /** What the harness read from the built manifest (popup and options paths, gecko id). */
  manifest: BuiltManifest;
  /**
   * Opens `url` in a new tab. `initScript` runs in the main world before any of the
   * page's own scripts (and before the content script, which runs at document_idle).
   */
  newPage(url: string, opts?: { initScript?: string }): Promise<TabPage>;
  /**
   * Runs `fn` with the extension's APIs (`chrome`/`browser`): in the background service
   * worker in Chromium, in an extension page in Firefox. No DOM is promised.
   */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
  /** Resolves when the browser went away (the user closed its window, or close()). */
  closed(): Promise<void>;
}

/**
 * `fn(arg)` as a script expression. Functions are sent to the browser as source text, and
 * esbuild (tsx, vite) may have wrapped inner functions in a `__name(fn, "name")` helper
 * that exists only in Node: the expression defines a harmless stand-in.
 */
export function callExpression(fn: (arg: never) => unknown, arg: unknown): string {
  const a = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${a}); })()`;
}
