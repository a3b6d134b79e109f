// Browser launchers for the security and hostile-page tests (tests/e2e/security-*.test.ts,
// tests/e2e/hostile-*.test.ts). Same recipes as scripts/lib/harness (and the same
// ExtBrowser/TabPage surface, so the harness's probes work on them), plus what these tests
// need and the shared harness does not expose:
//   - the raw Playwright context / Puppeteer browser (network recording, CDP),
//   - extra Chromium flags, a profile kept across launches (browser restart), and extra
//     Firefox prefs (optional-permission prompts off, a proxy),
//   - per tab: the page's uncaught errors and any alert()/confirm() it raised.
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH } from '../../scripts/lib/harness/browsers';
import { CHROMIUM_FLAGS, chromiumTab } from '../../scripts/lib/harness/chromium';
import { firefoxTab, gotoFirefoxUrl, startFirefoxWithExtension } from '../../scripts/lib/harness/firefox';
import { extensionPagePath, readBuiltManifest } from '../../scripts/lib/harness/ext-manifest';
import { callExpression, type BrowserName, type ExtBrowser, type TabPage } from '../../scripts/lib/harness/types';

/** A tab, with what the page let escape: uncaught errors and dialogs (alert, confirm, prompt). */
export interface SecTab extends TabPage {
  readonly errors: string[];
  readonly dialogs: string[];
  /** Elapsed ms of a round trip into the page's main thread (how responsive it is). */
  ping(): Promise<number>;
  /** Types with real key events where the focus and caret are. */
  keyboardType(text: string): Promise<void>;
}

export interface SecBrowser extends ExtBrowser {
  newPage(url: string, opts?: { initScript?: string }): Promise<SecTab>;
  /** Runs `fn` in an extension page (a DOM and the extension APIs), in both browsers. */
  inExtensionPage<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Chromium: runs `fn` in the background service worker (Firefox: its background page is not reachable). */
  inServiceWorker<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  raw: { kind: 'chromium'; context: BrowserContext; profile: string } | { kind: 'firefox'; browser: PpBrowser };
  /** Chromium: close the browser but keep the profile (for a restart). */
  closeKeepingProfile(): Promise<string>;
}

export async function launchSecChromium(
  extDir: string,
  opts: { profile?: string; args?: string[] } = {},
): Promise<SecBrowser> {
  const dir = resolve(extDir);
  const manifest = readBuiltManifest(dir);
  const profile = opts.profile ?? (await mkdtemp(join(tmpdir(), 'ss-sec-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1200, height: 800 },
    args: [...CHROMIUM_FLAGS, ...(opts.args ?? []), `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(sw.url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}`;
  let spare: PwPage | null = context.pages()[0] ?? null;
  let extPage: PwPage | null = null;
  const extensionPage = async (): Promise<PwPage> => {
    if (!extPage || extPage.isClosed()) {
      extPage = await context.newPage();
      await extPage.goto(`${extensionOrigin}/${extensionPagePath(manifest)}`);
    }
    return extPage;
  };
  // Extension APIs are run in an extension page, not in the service worker: these tests stop
  // the worker on purpose, and Playwright's handle on a stopped worker can hang instead of
  // failing. Reading through a page also never wakes the worker as a side effect.
  const inExtension = async (expression: string): Promise<unknown> => (await extensionPage()).evaluate(expression);
  const worker = async (expression: string): Promise<unknown> => {
    const w = context.serviceWorkers().find((x) => x.url().startsWith(extensionOrigin));
    if (!w) throw new Error('the extension service worker is not running');
    return w.evaluate(expression);
  };
  let closed = false;
  return {
    name: 'chromium',
    extensionId,
    extensionOrigin,
    manifest,
    raw: { kind: 'chromium', context, profile },
    async newPage(url, o) {
      const page = spare ?? (await context.newPage());
      spare = null;
      const tab = secTab(chromiumTab(page), page);
      if (o?.initScript) await page.addInitScript(o.initScript);
      await page.goto(url);
      return tab;
    },
    inExtension: (fn, arg) => inExtension(callExpression(fn, arg)) as never,
    inExtensionPage: (fn, arg) => inExtension(callExpression(fn, arg)) as never,
    inServiceWorker: (fn, arg) => worker(callExpression(fn, arg)) as never,
    closed: () => new Promise<void>((ok) => context.once('close', () => ok())),
    async closeKeepingProfile() {
      closed = true;
      await context.close().catch(() => {});
      return profile;
    },
    async close() {
      if (!closed) await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What both drivers' pages offer for the SecTab extras (Playwright and Puppeteer agree here). */
interface EscapeSource {
  // The drivers type their events differently; the handlers below use only what both give.
  on(event: 'pageerror' | 'dialog', fn: (arg: any) => void): unknown;
  evaluate(expression: string): Promise<unknown>;
  keyboard: { type(text: string): Promise<void> };
}

interface DialogLike {
  type(): string;
  message(): string;
  dismiss(): Promise<void>;
}

/** `tab` plus what the page lets escape (errors, dialogs, which are dismissed) and a ping. */
function secTab(tab: TabPage, page: EscapeSource): SecTab {
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e: Error) => errors.push(String(e)));
  page.on('dialog', (d: DialogLike) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  return {
    ...tab,
    errors,
    dialogs,
    ping: () => timedPing((e) => page.evaluate(e)),
    keyboardType: (text) => page.keyboard.type(text),
  };
}

async function timedPing(evaluate: (expr: string) => Promise<unknown>): Promise<number> {
  const t = Date.now();
  await evaluate('1');
  return Date.now() - t;
}

export async function launchSecFirefox(
  extDir: string,
  opts: { prefs?: Record<string, string | number | boolean>; acceptInsecureCerts?: boolean } = {},
): Promise<SecBrowser> {
  const { browser, extensionId, extensionOrigin, manifest, extPage } = await startFirefoxWithExtension(extDir, {
    prefs: opts.prefs,
    acceptInsecureCerts: opts.acceptInsecureCerts,
  });
  const inExt = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
    extPage.evaluate(callExpression(fn as never, arg)) as Promise<R>;
  return {
    name: 'firefox',
    extensionId,
    extensionOrigin,
    manifest,
    raw: { kind: 'firefox', browser },
    async newPage(url, o) {
      const page = await browser.newPage();
      const tab = secTab(firefoxTab(page), page);
      if (o?.initScript) await page.evaluateOnNewDocument(o.initScript);
      await gotoFirefoxUrl(page, url);
      return tab;
    },
    inExtension: inExt,
    inExtensionPage: inExt,
    inServiceWorker: async () => {
      throw new Error('Firefox: the background page is not reachable from the test');
    },
    closed: () => new Promise<void>((ok) => (browser.connected ? browser.once('disconnected', () => ok()) : ok())),
    async closeKeepingProfile() {
      throw new Error('not supported in Firefox');
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

export function launchSec(
  name: BrowserName,
  extDir: string,
  opts: {
    chromiumArgs?: string[];
    firefoxPrefs?: Record<string, string | number | boolean>;
    /** Firefox: accept the test certificate of pages served under a real site's name. */
    firefoxAcceptInsecureCerts?: boolean;
  } = {},
): Promise<SecBrowser> {
  return name === 'chromium'
    ? launchSecChromium(extDir, { args: opts.chromiumArgs })
    : launchSecFirefox(extDir, { prefs: opts.firefoxPrefs, acceptInsecureCerts: opts.firefoxAcceptInsecureCerts });
}

/** Opens an extension page (popup, options, screening, ...) as a tab. */
export function openExtensionPage(b: SecBrowser, path: string): Promise<SecTab> {
  return b.newPage(`${b.extensionOrigin}/${path.replace(/^\//, '')}`);
}

// ---------------------------------------------------------------- recording proxy

export interface ProxyRecord {
  /** Absolute URL (http://host:port/path) or "CONNECT host:port" for HTTPS and WebSocket tunnels. */
  url: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

export interface RecordingProxy {
  port: number;
  records: ProxyRecord[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that records every request the browser sends through it. Requests to
 * `forward` origins (the test servers) are passed on; everything else is refused (403) and
 * tunnels (CONNECT: HTTPS, secure WebSockets) are closed, so nothing leaves the machine.
 * Pointed at by the browser for all traffic, loopback included, it sees every request any
 * part of the browser makes, whichever process or extension context it comes from.
 */
export async function startRecordingProxy(forward: string[]): Promise<RecordingProxy> {
  const { createServer, request: httpRequest } = await import('node:http');
  const allowed = new Set(forward.map((o) => new URL(o).host));
  const records: ProxyRecord[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    records.push({ url, method: req.method ?? '', headers: req.headers, at: Date.now() });
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.protocol !== 'http:' || !allowed.has(target.host)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the test proxy');
      return;
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    records.push({ url: `CONNECT ${req.url}`, method: 'CONNECT', headers: req.headers, at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    records.push({ url: `UPGRADE ${req.url}`, method: 'GET', headers: req.headers, at: Date.now() });
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as import('node:net').AddressInfo).port;
  return {
    port,
    records,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Chromium flags: every request, loopback included, through the proxy. */
export const chromiumProxyArgs = (port: number) => [
  `--proxy-server=http://127.0.0.1:${port}`,
  // Chromium bypasses the proxy for loopback unless told not to.
  '--proxy-bypass-list=<-loopback>',
];

/** Firefox prefs: every request, loopback included, through the proxy. */
export const firefoxProxyPrefs = (port: number): Record<string, string | number | boolean> => ({
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': port,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': port,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
});
