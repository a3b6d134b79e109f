// What one page load costs with the extension, against the same load without it: the
// content script's start-up (compile, evaluation, first calls), long tasks, memory per tab,
// the service worker waking, and Firefox's own view of it. Pages are served under the real
// addresses where the content script runs, as tests/e2e/quiet-pages.test.ts does it: one
// local HTTPS server with a throwaway certificate answers for those hosts, reached by
// Chromium through --host-resolver-rules (everything else resolves to nothing) and by Firefox
// through a local CONNECT proxy; the certificate is accepted by --ignore-certificate-errors
// and WebDriver BiDi's acceptInsecureCerts. The pages' own scripts are blocked by their CSP
// (they would call Amazon's servers and keep changing the page), so a load is the same work
// every time and the difference between the two browsers is the extension's.
//
// Nothing here assumes where matching runs: a flag is seen when the page shows it (the flag
// highlight registered in the page's CSS.highlights) or when the background has stored it.
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, FIREFOX_PATH } from './harness/browsers';
import { startHostsServer, startTunnelProxy, type LocalServer } from './harness/real-hosts';
import { CHROMIUM_FLAGS } from './harness/chromium';
import { ensureLocalBuild } from './harness/build';
import { startFirefoxWithExtension } from './harness/firefox';
import { extensionPagePath, readBuiltManifest } from './harness/ext-manifest';
import { listedNamePage, noticePage, trivialPage } from './bench-pages';
import { extTimeBetween, overlap, summariseTrace, type TraceEvent } from './bench-trace';
import { fmt, median, table } from './bench-report';
import { floorVariants, makeFloorBuild } from './bench-floor';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpora');
const FLAG_HIGHLIGHT = 'settlement-screen-flag';
/** The page-side probe watches this long after the load event. */
const SETTLE_MS = 2000;
// v8 holds v8.run and module evaluation; the pages here are small, so the trace stays small.
const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler'];

/** A trivial page on a shop where the content script runs; a short notice on a tender platform (marks on by default). */
const TRIVIAL_URL = 'https://www.amazon.de/settlement-screen-bench/trivial.html';
const LISTED_URL = 'https://ted.europa.eu/settlement-screen-bench/listed-name.html';
const NOTICE_URL = 'https://ted.europa.eu/settlement-screen-bench/notice.html';

/**
 * Runs in the page's main world before anything else. Records long tasks
 * (PerformanceObserver, where the browser has them), the first flag highlight (polled on a
 * timer and on every frame: the registry is one per document, shared with the content
 * script's world), and the longest gap between ticks of a setTimeout(0) chain from the start
 * of the document to SETTLE_MS after the load event: the longest time the page itself could
 * not run, in any browser.
 */
const PROBE = `
(() => {
  const b = window.__ssLoad = { longtasks: [], longtaskSupported: false, firstFlag: null, maxGap: 0, loadAt: null, done: false };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
    b.longtaskSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  } catch {}
  const poll = () => {
    if (b.firstFlag !== null) return;
    const h = window.CSS && CSS.highlights ? CSS.highlights.get(${JSON.stringify(FLAG_HIGHLIGHT)}) : undefined;
    if (h && h.size > 0) b.firstFlag = performance.now();
  };
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (now - last > b.maxGap) b.maxGap = now - last;
    last = now;
    poll();
    if (b.loadAt !== null && now > b.loadAt + ${SETTLE_MS}) { b.done = true; return; }
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const frame = () => { poll(); if (b.firstFlag === null) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  addEventListener('load', () => { b.loadAt = performance.now(); });
})();`;

interface ProbeState {
  longtasks: number[];
  longtaskSupported: boolean;
  firstFlag: number | null;
  maxGap: number;
  loadAt: number | null;
  done: boolean;
}

/** The extension's main-thread time in one load (Chromium trace). */
export interface ExtLoadTime {
  /** Compiling its scripts (v8.compile of its chrome-extension:// URL). */
  compileMs: number;
  /** Running their top level (EvaluateScript minus the compile in it). */
  evaluationMs: number;
  /** Calls into its functions from Blink (listeners, timers, observers, messages). */
  callsMs: number;
  /** All of it: those intervals plus its CPU samples outside them (promise continuations). */
  totalMs: number;
  /** Most extension time in one task, and the longest task with extension time in it. */
  maxInTaskMs: number;
  longestTaskMs: number;
  /** Tasks over 50 ms of which the extension had at least half. */
  over50Caused: number;
}

export interface LoadSample {
  /** The load event, ms from navigation start. */
  loadMs: number | null;
  /** Tasks over 50 ms on the page's main thread since navigation start (trace), ms each. */
  traceLongTasks: number[] | null;
  /** Long tasks the page's PerformanceObserver saw, ms each (null: the browser has none). */
  pageLongTasks: number[] | null;
  /** Longest gap between the page's setTimeout(0) ticks until 2 s after load (ms). */
  maxGapMs: number;
  firstFlagMs: number | null;
  /** When the background had stored a flag for the page (ms from navigation start), if asked. */
  reportedFlagMs?: number | null;
  ext: ExtLoadTime | null;
}

export interface LoadSeries {
  browser: 'chromium' | 'firefox';
  page: string;
  url: string;
  extension: boolean;
  loads: LoadSample[];
}

export interface HeapFigures {
  tabs: number;
  /** Distinct renderer isolates holding those tabs (same-site tabs may share one). */
  isolates: number;
  /** V8 heap used, summed over those isolates, after garbage collection (MiB). */
  jsMiB: number;
  /** Blink's garbage-collected heap (DOM objects and the like), same isolates (MiB). */
  blinkMiB: number;
  /** The extension's service worker: V8 heap used after garbage collection (MiB). */
  workerMiB: number | null;
}

export interface MemoryResult {
  with: [HeapFigures, HeapFigures];
  without: [HeapFigures, HeapFigures];
}

export interface WakeResult {
  stopped: LoadSample[];
  running: LoadSample[];
  /** Loads for which the worker was confirmed stopped before and running after. */
  confirmedWakes: number;
}

export interface FirefoxResults {
  version: string;
  series: LoadSeries[];
  notice: LoadSeries | null;
  notes: string[];
}

/**
 * The trivial page with a stand-in build (bench-floor.ts), and last the real build, loaded in
 * turn in the same rounds.
 */
export interface FloorSeries {
  label: string;
  loads: LoadSample[];
}

export interface LoadBenchResults {
  chromium: {
    version: string;
    series: LoadSeries[];
    floor: FloorSeries[];
    memory: MemoryResult;
    wake: WakeResult | null;
  };
  firefox: FirefoxResults | { error: string };
  noticeTenderers: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- the sites, locally

interface Site {
  url: string;
  body: () => Buffer | string;
}

/** Product pages from the shared corpus on hosts the extension's manifest covers, spread over the hosts. */
function productPages(manifestMatches: string[], count: number): { file: string; url: string }[] {
  const hostRes = manifestMatches
    .filter((m) => m.startsWith('https://'))
    .map((m) => new URL(m.replace('*.', 'wildcard.')).host)
    .map((h) => new RegExp('^' + h.replace(/\./g, '\\.').replace('wildcard\\.', '(?:[^.]+\\.)+') + '$'));
  const rows = readFileSync(join(CORPUS, 'product-pages-index.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((r) => r.split('\t'))
    .filter((r) => r.length >= 3)
    .map(([file, , url]) => ({ file, url: url.trim() }))
    .filter((r) => hostRes.some((re) => re.test(new URL(r.url).host)))
    .sort((a, b) => a.file.localeCompare(b.file));
  const byHost = new Map<string, { file: string; url: string }[]>();
  for (const r of rows) {
    const h = new URL(r.url).host;
    byHost.set(h, [...(byHost.get(h) ?? []), r]);
  }
  const picked: { file: string; url: string }[] = [];
  for (let i = 0; picked.length < count && i < rows.length; i++) {
    for (const list of byHost.values()) if (list[i] && picked.length < count) picked.push(list[i]);
  }
  return picked;
}

function startSites(sites: Site[]): Promise<LocalServer> {
  const routes = new Map(sites.map((s) => [`${new URL(s.url).host}${new URL(s.url).pathname}`, s.body]));
  return startHostsServer(routes, [...new Set(sites.map((s) => new URL(s.url).host))]);
}

async function startTracing(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
}

async function stopTracing(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<{ stream?: string }>((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  if (!stream) throw new Error('the trace came back without a stream');
  const parts: Buffer[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 4 << 20 });
    parts.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'utf8'));
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const json = JSON.parse(Buffer.concat(parts).toString('utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(json) ? json : json.traceEvents;
}

/** Waits for the probe: SETTLE_MS after load, and (if asked) the first flag. */
async function waitProbe(read: () => Promise<ProbeState>, waitFlag: boolean, timeoutMs: number): Promise<ProbeState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await read();
    if (s.done && (!waitFlag || s.firstFlag !== null)) return s;
    if (Date.now() > deadline) return s;
    await sleep(100);
  }
}

interface ChromiumSide {
  context: BrowserContext;
  extOrigin: string | null;
}

/** One load in a fresh tab, traced. `during`: runs alongside (polling the background, say). */
async function chromiumLoad(
  side: ChromiumSide,
  url: string,
  opts: { waitFlag?: boolean; during?: (page: Page) => Promise<number | null> } = {},
): Promise<LoadSample> {
  const page = await side.context.newPage();
  try {
    await page.addInitScript(PROBE);
    const cdp = await side.context.newCDPSession(page);
    await startTracing(cdp);
    const during = opts.during?.(page);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const state = await waitProbe(
      () => page.evaluate(() => (window as unknown as { __ssLoad: ProbeState }).__ssLoad),
      Boolean(opts.waitFlag),
      60_000,
    );
    const reportedFlagMs = during ? await during : undefined;
    const events = await stopTracing(cdp);
    await cdp.detach().catch(() => {});
    // SS_BENCH_TRACE_DIR: keep each load's trace, to read where the time went (an unminified
    // build through SS_BENCH_EXT_DIR names the functions).
    if (process.env.SS_BENCH_TRACE_DIR && side.extOrigin) {
      const name = `${new URL(url).hostname}${new URL(url).pathname.replace(/\W/g, '_')}-${Date.now()}.json`;
      writeFileSync(join(process.env.SS_BENCH_TRACE_DIR, name), JSON.stringify(events));
    }
    const t = summariseTrace(events, side.extOrigin ?? 'chrome-extension://none', { pageUrl: url });
    const nav = t.navigationStart;
    const traceLongTasks =
      nav === null ? null : t.tasks.filter((x) => x.ts + x.dur > nav && x.dur > 50_000).map((x) => x.dur / 1000);
    let ext: ExtLoadTime | null = null;
    if (side.extOrigin && nav !== null) {
      const sum = (xs: [number, number][]) => xs.reduce((n, [a, d]) => n + overlap([[a, a + d]], nav, Infinity), 0);
      const compile = sum(t.compiles);
      const extTasks = t.tasks.filter((x) => x.ts + x.dur > nav && x.ext > 0);
      ext = {
        compileMs: compile / 1000,
        evaluationMs: (sum(t.evaluations) - compile) / 1000,
        callsMs: sum(t.calls) / 1000,
        totalMs: extTimeBetween(t, nav, Infinity) / 1000,
        maxInTaskMs: Math.max(0, ...extTasks.map((x) => x.ext)) / 1000,
        longestTaskMs: Math.max(0, ...extTasks.map((x) => x.dur)) / 1000,
        over50Caused: extTasks.filter((x) => x.dur > 50_000 && x.ext >= x.dur / 2).length,
      };
    }
    return {
      loadMs: state.loadAt,
      traceLongTasks,
      pageLongTasks: state.longtaskSupported ? state.longtasks : null,
      maxGapMs: state.maxGap,
      firstFlagMs: state.firstFlag,
      reportedFlagMs,
      ext,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

async function launchChromium(profile: string, args: string[], extDir: string | null): Promise<ChromiumSide> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1200, height: 800 },
    args: [
      ...CHROMIUM_FLAGS,
      ...args,
      // A second way in, for targets Playwright gives no CDP session to (the service worker).
      '--remote-debugging-port=0',
      ...(extDir ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
    ],
  });
  if (!extDir) return { context, extOrigin: null };
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, extOrigin: `chrome-extension://${new URL(sw.url()).host}` };
}

/** Sends CDP commands to a target over the browser's DevTools port (one short-lived socket). */
async function rawCdp(wsUrl: string, calls: [string, Record<string, unknown>?][]): Promise<unknown[]> {
  const ws = new WebSocket(wsUrl);
  await new Promise<void>((ok, fail) => {
    ws.onopen = () => ok();
    ws.onerror = () => fail(new Error(`cannot connect to ${wsUrl}`));
  });
  const pending = new Map<number, (v: unknown) => void>();
  ws.onmessage = (m) => {
    const msg = JSON.parse(String(m.data)) as { id?: number; result?: unknown; error?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.error ? null : msg.result);
  };
  const out: unknown[] = [];
  try {
    for (let i = 0; i < calls.length; i++) {
      const [method, params] = calls[i];
      out.push(
        await new Promise((ok) => {
          pending.set(i + 1, ok);
          ws.send(JSON.stringify({ id: i + 1, method, params: params ?? {} }));
        }),
      );
    }
  } finally {
    ws.close();
  }
  return out;
}

async function workerHeapMiB(profile: string, extOrigin: string | null): Promise<number | null> {
  if (!extOrigin) return null;
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0].trim();
  const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    type: string;
    url: string;
    webSocketDebuggerUrl?: string;
  }[];
  const sw = list.find((t) => t.type === 'service_worker' && t.url.startsWith(extOrigin) && t.webSocketDebuggerUrl);
  if (!sw?.webSocketDebuggerUrl) return null;
  const r = await rawCdp(sw.webSocketDebuggerUrl, [
    ['HeapProfiler.collectGarbage'],
    ['HeapProfiler.collectGarbage'],
    ['Runtime.getHeapUsage'],
  ]);
  const usage = r[2] as { usedSize?: number } | null;
  return usage?.usedSize !== undefined ? usage.usedSize / 2 ** 20 : null;
}

/** V8 and Blink heap of the isolates holding `pages`, each isolate counted once, after GC. */
async function tabsHeap(side: ChromiumSide, profile: string, pages: Page[]): Promise<HeapFigures> {
  const seen = new Map<string, { used: number; embedder: number }>();
  for (const p of pages) {
    const cdp = await side.context.newCDPSession(p);
    try {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { id } = (await cdp.send('Runtime.getIsolateId' as never)) as unknown as { id: string };
      const u = await cdp.send('Runtime.getHeapUsage');
      seen.set(id, { used: u.usedSize, embedder: (u as { embedderHeapUsedSize?: number }).embedderHeapUsedSize ?? 0 });
    } finally {
      await cdp.detach().catch(() => {});
    }
  }
  const all = [...seen.values()];
  return {
    tabs: pages.length,
    isolates: seen.size,
    jsMiB: all.reduce((n, x) => n + x.used, 0) / 2 ** 20,
    blinkMiB: all.reduce((n, x) => n + x.embedder, 0) / 2 ** 20,
    workerMiB: await workerHeapMiB(profile, side.extOrigin).catch(() => null),
  };
}

/** 1 tab of the trivial page, then 10: the heap at each step. */
async function memoryPerTab(side: ChromiumSide, profile: string): Promise<[HeapFigures, HeapFigures]> {
  const pages: Page[] = [];
  try {
    const open = async () => {
      const p = await side.context.newPage();
      await p.goto(TRIVIAL_URL, { waitUntil: 'load' });
      pages.push(p);
    };
    await open();
    await sleep(2500);
    const one = await tabsHeap(side, profile, pages);
    for (let i = 1; i < 10; i++) await open();
    await sleep(2500);
    const ten = await tabsHeap(side, profile, pages);
    return [one, ten];
  } finally {
    for (const p of pages) await p.close().catch(() => {});
  }
}

/**
 * Loads the listed-name page right after stopping the extension's service worker
 * (ServiceWorker.stopWorker, what Chrome does to an idle worker; as in
 * tests/e2e/security-worker-stop.test.ts), alternating with loads while it runs.
 */
async function workerWake(side: ChromiumSide, loads: number, log: (s: string) => void): Promise<WakeResult> {
  const extOrigin = side.extOrigin as string;
  const manifest = readBuiltManifest(extDirOf(side));
  const control = await side.context.newPage();
  await control.goto(`${extOrigin}/${extensionPagePath(manifest)}`);
  const cdp = await side.context.newCDPSession(control);
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) versions.set(v.versionId, { scriptURL: v.scriptURL, runningStatus: v.runningStatus });
  });
  await cdp.send('ServiceWorker.enable');
  await sleep(500);
  const running = () =>
    [...versions]
      .filter(([, v]) => v.scriptURL.startsWith(extOrigin) && v.runningStatus === 'running')
      .map(([id]) => id);
  const stop = async (): Promise<boolean> => {
    const ids = running();
    for (const versionId of ids) await cdp.send('ServiceWorker.stopWorker', { versionId }).catch(() => undefined);
    const deadline = Date.now() + 5000;
    while (running().length > 0 && Date.now() < deadline) await sleep(20);
    return ids.length > 0 && running().length === 0;
  };
  // When the background has stored a flag for the page, read from the extension page (which
  // never wakes the worker), against the page's own time origin.
  // Each load has its own address (a query string), so a report the background kept from an
  // earlier load of the same page is never taken for this one's.
  const reported =
    (url: string) =>
    async (page: Page): Promise<number | null> => {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const hit = await control
          .evaluate(async (url) => {
            const api = (
              globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } }
            ).chrome;
            const all = (await api.storage.session.get(null)) as Record<
              string,
              { frames?: Record<string, { url?: string; matches?: { level?: string }[] }> }
            >;
            return Object.values(all).some((v) =>
              Object.values(v?.frames ?? {}).some(
                (f) => f.url === url && (f.matches ?? []).some((m) => m.level === 'flag'),
              ),
            );
          }, url)
          .catch(() => false);
        if (hit) {
          const at = Date.now();
          const origin = await page.evaluate(() => performance.timeOrigin).catch(() => null);
          return origin === null ? null : at - origin;
        }
        await sleep(15);
      }
      return null;
    };
  const result: WakeResult = { stopped: [], running: [], confirmedWakes: 0 };
  try {
    for (let i = 0; i < loads; i++) {
      log(`  service worker: load ${i + 1} of ${loads} after stopping it, and one while it runs ...`);
      const wasStopped = await stop();
      const stoppedUrl = `${LISTED_URL}?load=${i + 1}-stopped`;
      result.stopped.push(await chromiumLoad(side, stoppedUrl, { waitFlag: true, during: reported(stoppedUrl) }));
      if (wasStopped && running().length > 0) result.confirmedWakes++;
      await sleep(500);
      const runningUrl = `${LISTED_URL}?load=${i + 1}-running`;
      result.running.push(await chromiumLoad(side, runningUrl, { waitFlag: true, during: reported(runningUrl) }));
    }
  } finally {
    await cdp.detach().catch(() => {});
    await control.close().catch(() => {});
  }
  return result;
}

const extDirs = new WeakMap<ChromiumSide, string>();
const extDirOf = (side: ChromiumSide): string => extDirs.get(side) as string;

// ---------------------------------------------------------------- Firefox

async function firefoxLoad(browser: PpBrowser, url: string, waitFlag: boolean): Promise<LoadSample> {
  const page: PpPage = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(PROBE);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const state = await waitProbe(
      () => page.evaluate(() => (window as unknown as { __ssLoad: ProbeState }).__ssLoad),
      waitFlag,
      60_000,
    );
    return {
      loadMs: state.loadAt,
      traceLongTasks: null,
      pageLongTasks: state.longtaskSupported ? state.longtasks : null,
      maxGapMs: state.maxGap,
      firstFlagMs: state.firstFlag,
      ext: null,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

async function firefoxBench(
  port: number,
  hosts: string[],
  loads: number,
  noticeLoads: number,
  log: (s: string) => void,
): Promise<FirefoxResults> {
  const extDir = process.env.SS_BENCH_FIREFOX_EXT_DIR ?? ensureLocalBuild('firefox', { quiet: true });
  const proxy = await startTunnelProxy(hosts, port);
  const prefs = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxy.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxy.port,
  };
  let withExt: PpBrowser | null = null;
  let without: PpBrowser | null = null;
  const notes: string[] = [];
  try {
    withExt = (await startFirefoxWithExtension(extDir, { prefs, acceptInsecureCerts: true })).browser;
    without = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      defaultViewport: { width: 1200, height: 800 },
      acceptInsecureCerts: true,
      extraPrefsFirefox: prefs,
    });
    const version = await withExt.version();
    // Warm-up: the first load of a fresh profile pays for the browser's own start-up.
    await firefoxLoad(withExt, TRIVIAL_URL, false);
    await firefoxLoad(without, TRIVIAL_URL, false);
    const on: LoadSeries = { browser: 'firefox', page: 'trivial page', url: TRIVIAL_URL, extension: true, loads: [] };
    const off: LoadSeries = { ...on, extension: false, loads: [] };
    for (let i = 0; i < loads; i++) {
      log(`  Firefox, trivial page: load ${i + 1} of ${loads} with and without the extension ...`);
      on.loads.push(await firefoxLoad(withExt, TRIVIAL_URL, false));
      off.loads.push(await firefoxLoad(without, TRIVIAL_URL, false));
    }
    if (on.loads.every((l) => l.pageLongTasks === null)) {
      notes.push(
        'Firefox has no long-task entries (PerformanceObserver "longtask"): the timer gap stands in for them.',
      );
    }
    notes.push(
      "Firefox: the content script's compile and evaluation time is not measured (no trace through WebDriver BiDi).",
    );
    let notice: LoadSeries | null = null;
    if (noticeLoads > 0) {
      notice = { browser: 'firefox', page: 'notice', url: NOTICE_URL, extension: true, loads: [] };
      for (let i = 0; i < noticeLoads; i++) {
        log(`  Firefox, notice page: load ${i + 1} of ${noticeLoads} ...`);
        notice.loads.push(await firefoxLoad(withExt, NOTICE_URL, true));
      }
      if (notice.loads.every((l) => l.firstFlagMs === null)) {
        notes.push('Firefox: no flag highlight seen from the page, so no time to first flag.');
      }
    }
    return { version, series: [on, off], notice, notes };
  } finally {
    await withExt?.close().catch(() => {});
    await without?.close().catch(() => {});
    await proxy.close();
  }
}

// ---------------------------------------------------------------- the run

/**
 * The stand-ins and the real build (`on`) on the trivial page, in turn; the real build last.
 * Each stand-in's browser goes into `sides` as soon as it is up, so that the caller closes it
 * should a load fail midway.
 */
async function trivialPageFloor(
  on: ChromiumSide,
  extDir: string,
  work: string,
  args: string[],
  loads: number,
  sides: { label: string; side: ChromiumSide }[],
  log: (s: string) => void,
): Promise<FloorSeries[]> {
  for (const [i, variant] of floorVariants(extDir).entries()) {
    const dir = makeFloorBuild(extDir, join(work, `floor-${i}`), variant);
    const side = await launchChromium(join(work, `profile-floor-${i}`), args, dir);
    sides.push({ label: variant.label, side });
    await chromiumLoad(side, TRIVIAL_URL);
  }
  const all = [...sides, { label: 'this build', side: on }];
  const floor: FloorSeries[] = all.map((f) => ({ label: f.label, loads: [] }));
  for (let i = 0; i < loads; i++) {
    log(`  trivial page with stand-ins for the content script: round ${i + 1} of ${loads} ...`);
    for (const [k, f] of all.entries()) floor[k].loads.push(await chromiumLoad(f.side, TRIVIAL_URL));
  }
  for (const f of sides.splice(0)) await f.side.context.close().catch(() => {});
  return floor;
}

export async function runLoadBench(opts: {
  quick: boolean;
  log: (s: string) => void;
  /** The Chrome build to measure (a copy is made); default dist/chrome-local. */
  extDir?: string;
  /** Loads per page and condition; default 4 (--quick) or 10. */
  loads?: number;
  firefox?: boolean;
  /** Only the trivial page and memory per tab (a quick look at start-up while working on it). */
  startupOnly?: boolean;
}): Promise<LoadBenchResults> {
  const { quick, log } = opts;
  const loads = opts.loads ?? (quick ? 4 : 10);
  const work = mkdtempSync(join(tmpdir(), 'ss-bench-loads-'));
  const built = opts.extDir ?? process.env.SS_BENCH_EXT_DIR ?? ensureLocalBuild('chrome', { quiet: true });
  const extDir = join(work, 'extension');
  cpSync(built, extDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[] }[];
  };
  const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
  const products = opts.startupOnly ? [] : productPages(matches, 5);
  const tenderers = quick ? 500 : 2000;
  const trivial = trivialPage().html;
  const listed = listedNamePage().html;
  const notice = noticePage(tenderers).html;
  const sites: Site[] = [
    { url: TRIVIAL_URL, body: () => trivial },
    { url: LISTED_URL, body: () => listed },
    { url: NOTICE_URL, body: () => notice },
    ...products.map((p) => ({ url: p.url, body: () => readFileSync(join(CORPUS, 'product-pages', p.file)) })),
  ];
  const hosts = [...new Set(sites.map((s) => new URL(s.url).host))];
  const server = await startSites(sites);
  const rules = `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(',')},MAP * ~NOTFOUND`;
  const args = [rules, '--ignore-certificate-errors'];
  const profOn = join(work, 'profile-on');
  const profOff = join(work, 'profile-off');
  let on: ChromiumSide | null = null;
  let off: ChromiumSide | null = null;
  const floorSides: { label: string; side: ChromiumSide }[] = [];
  try {
    on = await launchChromium(profOn, args, extDir);
    extDirs.set(on, extDir);
    off = await launchChromium(profOff, args, null);
    const version = on.context.browser()?.version() ?? '';
    for (const side of [on, off]) await chromiumLoad(side, TRIVIAL_URL);
    const series: LoadSeries[] = [];
    const pages = [
      { page: 'trivial page (www.amazon.de)', url: TRIVIAL_URL },
      ...products.map((p) => ({ page: p.file.replace(/\.html$/, ''), url: p.url })),
    ];
    for (const p of pages) {
      const a: LoadSeries = { browser: 'chromium', ...p, extension: true, loads: [] };
      const b: LoadSeries = { browser: 'chromium', ...p, extension: false, loads: [] };
      for (let i = 0; i < loads; i++) {
        log(`  ${p.page}: load ${i + 1} of ${loads}, with and without the extension ...`);
        // Alternated, so a change in the machine's load falls on both alike.
        a.loads.push(await chromiumLoad(on, p.url));
        b.loads.push(await chromiumLoad(off, p.url));
      }
      series.push(a, b);
    }
    // Apart from the loads above, so that the other browsers do not weigh on them.
    const floor = await trivialPageFloor(on, extDir, work, args, loads, floorSides, log);
    log('  memory: 1 then 10 tabs of the trivial page, with and without the extension ...');
    const memory: MemoryResult = {
      with: await memoryPerTab(on, profOn),
      without: await memoryPerTab(off, profOff),
    };
    const wake = opts.startupOnly ? null : await workerWake(on, quick ? 3 : 5, log);
    await on.context.close().catch(() => {});
    await off.context.close().catch(() => {});
    on = off = null;
    let firefox: LoadBenchResults['firefox'];
    if (opts.firefox === false || opts.startupOnly) firefox = { error: 'not run' };
    else {
      try {
        firefox = await firefoxBench(server.port, hosts, loads, quick ? 3 : 5, log);
      } catch (e) {
        firefox = { error: String(e instanceof Error ? e.message : e).split('\n')[0] };
      }
    }
    return { chromium: { version, series, floor, memory, wake }, firefox, noticeTenderers: tenderers };
  } finally {
    for (const f of floorSides) await f.side.context.close().catch(() => {});
    await on?.context.close().catch(() => {});
    await off?.context.close().catch(() => {});
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the tables

const med = (xs: number[]): number => (xs.length ? median(xs) : NaN);
const msOr = (x: number | null | undefined, none = 'none'): string =>
  x === null || x === undefined || Number.isNaN(x) ? none : fmt.ms(x);

/** "1.5 (max 140 ms)": long tasks per load, and the longest of all loads. */
function longTasks(loads: LoadSample[], pick: (l: LoadSample) => number[] | null): string {
  const per = loads.map(pick);
  if (per.some((x) => x === null)) return 'n/a';
  const all = per as number[][];
  const count = all.reduce((n, x) => n + x.length, 0) / Math.max(1, all.length);
  const max = Math.max(0, ...all.flat());
  const withAny = all.filter((x) => x.length > 0).length;
  return `${count.toFixed(1)} (${withAny}/${all.length} loads; longest ${max > 0 ? fmt.ms(max) : '-'})`;
}

/** The trivial page with the stand-ins beside the real build, loaded in the same rounds. */
function printFloor(floor: FloorSeries[], out: (s?: string) => void): void {
  const real = floor[floor.length - 1];
  const stand = floor.slice(0, -1);
  if (!stand.length) return;
  const totals = (loads: LoadSample[]) => loads.map((l) => l.ext?.totalMs ?? NaN).filter((x) => !Number.isNaN(x));
  const row = (label: string, loads: LoadSample[]) => [
    label,
    msOr(med(totals(loads)), 'n/a'),
    msOr(med(loads.map((l) => l.ext?.maxInTaskMs ?? NaN).filter((x) => !Number.isNaN(x))), 'n/a'),
  ];
  out();
  out(
    "### What any content script pays: the trivial page with stand-ins for the extension's script " +
      `(${real.loads.length} rounds, apart from the loads above)`,
  );
  out();
  out(
    table(
      ['Content script', 'Ext. main-thread total (median)', 'Most ext. in one task (median)'],
      floor.map((f) => row(f.label, f.loads)),
    ),
  );
  const last = stand[stand.length - 1];
  out();
  out(
    `This build beyond the last stand-in ("${last.label}"): ` +
      `${msOr(med(totals(real.loads)) - med(totals(last.loads)), 'n/a')} per load (difference of the medians). ` +
      'The stand-ins are copies of this build with the script the manifest names, or the module it imports, replaced; ' +
      'each runs in a profile of its own, loaded in turn with the real build.',
  );
}

export function printLoadResults(r: LoadBenchResults, out: (s?: string) => void): void {
  const c = r.chromium;
  const n = c.series[0]?.loads.length ?? 0;
  out();
  out(`## 4. Page loads with and without the extension (Chromium, ${n} loads each, a fresh tab per load)`);
  out();
  const rows: (string | number)[][] = [];
  for (const s of c.series) {
    const ext = s.loads.map((l) => l.ext).filter((x): x is ExtLoadTime => x !== null);
    const e = (f: (x: ExtLoadTime) => number) => (s.extension && ext.length ? fmt.ms(med(ext.map(f))) : '');
    rows.push([
      s.page,
      s.extension ? 'with' : 'without',
      longTasks(s.loads, (l) => l.traceLongTasks),
      longTasks(s.loads, (l) => l.pageLongTasks),
      fmt.ms(med(s.loads.map((l) => l.maxGapMs))),
      e((x) => x.compileMs),
      e((x) => x.evaluationMs),
      e((x) => x.callsMs),
      e((x) => x.totalMs),
      e((x) => x.maxInTaskMs),
      e((x) => x.longestTaskMs),
    ]);
  }
  out(
    table(
      [
        'Page',
        'Extension',
        'Long tasks per load, trace (loads with one; longest)',
        'Long tasks per load, PerformanceObserver',
        'Longest timer gap (median)',
        'Ext. compile',
        'Ext. evaluation',
        'Ext. calls',
        'Ext. main-thread total',
        'Most ext. in one task',
        'Longest task with ext.',
      ],
      rows,
    ),
  );
  out();
  out(
    table(
      ['Target', 'Measured', 'Holds'],
      c.series
        .filter((s) => s.extension)
        .map((s) => {
          const caused = s.loads.filter((l) => (l.ext?.over50Caused ?? 0) > 0).length;
          return [
            `no task over 50 ms caused by the extension: ${s.page}`,
            `${caused} of ${s.loads.length} loads had one (most extension time in one task: max ` +
              `${fmt.ms(Math.max(0, ...s.loads.map((l) => l.ext?.maxInTaskMs ?? 0)))})`,
            caused === 0 ? 'yes' : 'NO',
          ];
        }),
    ),
  );
  out();
  out(
    "Long tasks: over 50 ms on the page's renderer main thread from its navigation start to 2 s after load, from the " +
      "trace and from the page's own PerformanceObserver('longtask') (both with tracing on). Timer gap: the longest pause " +
      'between ticks of a setTimeout(0) chain the page runs from its start to 2 s after load. Extension figures are ' +
      'medians per load: compile and evaluation of its scripts, calls into it (listeners, timers, observers, ' +
      'messages), and the total with its promise continuations (CPU samples); its time includes garbage collection ' +
      "and DOM calls during its own code. The product pages' own scripts are blocked (CSP), as in the quiet-pages test.",
  );

  printFloor(c.floor, out);

  const m = c.memory;
  const perTab = (x: [HeapFigures, HeapFigures], k: 'jsMiB' | 'blinkMiB') => (x[1][k] - x[0][k]) / 9;
  const worker = (x: [HeapFigures, HeapFigures]) =>
    x[0].workerMiB === null || x[1].workerMiB === null
      ? 'n/a'
      : `${x[0].workerMiB.toFixed(2)} / ${x[1].workerMiB.toFixed(2)} MiB`;
  const mib = (x: number) => `${x.toFixed(2)} MiB`;
  out();
  out('### Memory per tab (trivial page on www.amazon.de; heaps after garbage collection)');
  out();
  out(
    table(
      ['', 'with the extension', 'without', 'added by the extension'],
      [
        [
          "V8 heap of the tabs' renderers: 1 tab / 10 tabs",
          `${mib(m.with[0].jsMiB)} / ${mib(m.with[1].jsMiB)}`,
          `${mib(m.without[0].jsMiB)} / ${mib(m.without[1].jsMiB)}`,
          `${mib(m.with[0].jsMiB - m.without[0].jsMiB)} / ${mib(m.with[1].jsMiB - m.without[1].jsMiB)}`,
        ],
        [
          'V8 heap per extra tab ((10 tabs - 1 tab) / 9)',
          mib(perTab(m.with, 'jsMiB')),
          mib(perTab(m.without, 'jsMiB')),
          mib(perTab(m.with, 'jsMiB') - perTab(m.without, 'jsMiB')),
        ],
        [
          'Blink heap per extra tab',
          mib(perTab(m.with, 'blinkMiB')),
          mib(perTab(m.without, 'blinkMiB')),
          mib(perTab(m.with, 'blinkMiB') - perTab(m.without, 'blinkMiB')),
        ],
        [
          'renderer isolates holding the tabs: 1 tab / 10 tabs',
          `${m.with[0].isolates} / ${m.with[1].isolates}`,
          `${m.without[0].isolates} / ${m.without[1].isolates}`,
          '',
        ],
        ["extension's service worker V8 heap: 1 tab / 10 tabs", worker(m.with), '', ''],
      ],
    ),
  );
  out();
  out(
    "Runtime.getHeapUsage of each tab's isolate (the whole renderer isolate: the page's world and the content " +
      "script's isolated world alike), each distinct isolate (Runtime.getIsolateId) counted once, after three forced " +
      "collections; the service worker's own isolate is read through its DevTools target.",
  );

  const w = c.wake;
  if (!w) return;
  out();
  out(`### Service worker wake-up (Chromium; a short notice with one listed name on ted.europa.eu)`);
  out();
  const wrow = (label: string, ls: LoadSample[]) => [
    label,
    String(ls.length),
    msOr(med(ls.map((l) => l.firstFlagMs).filter((x): x is number => x !== null))),
    msOr(med(ls.map((l) => l.reportedFlagMs).filter((x): x is number => x !== null && x !== undefined)), 'n/a'),
    longTasks(ls, (l) => l.traceLongTasks),
    longTasks(ls, (l) => l.pageLongTasks),
    msOr(med(ls.map((l) => l.ext?.totalMs ?? NaN).filter((x) => !Number.isNaN(x)))),
  ];
  out(
    table(
      [
        'Service worker at navigation',
        'Loads',
        'First flag painted (median, from navigation start)',
        'Flag stored by the background (median)',
        'Long tasks per load, trace',
        'Long tasks per load, PerformanceObserver',
        'Ext. main-thread total (median)',
      ],
      [
        wrow(
          `stopped (ServiceWorker.stopWorker; woken by the page: ${w.confirmedWakes} of ${w.stopped.length} confirmed)`,
          w.stopped,
        ),
        wrow('running', w.running),
      ],
    ),
  );

  out();
  if ('error' in r.firefox) {
    out(`### Firefox: not measured (${r.firefox.error})`);
    return;
  }
  const f = r.firefox;
  out(
    `### Firefox ${f.version} (dist/firefox-local as a temporary add-on, ${f.series[0]?.loads.length ?? 0} loads each)`,
  );
  out();
  const frows: (string | number)[][] = f.series.map((s) => [
    s.page,
    s.extension ? 'with' : 'without',
    fmt.ms(med(s.loads.map((l) => l.maxGapMs))),
    fmt.ms(Math.max(...s.loads.map((l) => l.maxGapMs))),
    s.loads.filter((l) => l.maxGapMs > 50).length + ` of ${s.loads.length}`,
    longTasks(s.loads, (l) => l.pageLongTasks),
  ]);
  out(
    table(
      [
        'Page',
        'Extension',
        'Longest timer gap (median)',
        'Longest timer gap (max)',
        'Loads with a gap > 50 ms',
        'Long tasks (PerformanceObserver)',
      ],
      frows,
    ),
  );
  if (f.notice) {
    const flags = f.notice.loads.map((l) => l.firstFlagMs).filter((x): x is number => x !== null);
    out();
    out(
      `Firefox, time to first flag on the notice with ${r.noticeTenderers.toLocaleString('en')} tenderers ` +
        `(from navigation start, ${f.notice.loads.length} loads): ` +
        (flags.length ? `median ${fmt.ms(med(flags))}, ${flags.map((x) => fmt.ms(x)).join(', ')}` : 'not seen') +
        `; longest timer gap median ${fmt.ms(med(f.notice.loads.map((l) => l.maxGapMs)))}.`,
    );
  }
  for (const note of f.notes) out(`- ${note}`);
}
