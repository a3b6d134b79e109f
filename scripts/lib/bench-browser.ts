// The built extension (dist/chrome-local, copied aside so a concurrent rebuild cannot change
// it mid-run) in real headless Chromium through playwright-core, on generated pages
// (scripts/lib/bench-pages.ts) served from 127.0.0.1. For each page a CDP trace with CPU samples
// gives the content script's scripting time and the tasks it ran in (bench-trace.ts); a
// script in the page's main world records long tasks (PerformanceObserver) and when the
// extension's highlights appear (CSS.highlights is one registry per document, shared with
// the content script's isolated world). The extension's time includes compiling and
// evaluating its content script (bench-trace.ts says why samples alone miss it). Memory: the
// page's V8 heap after garbage collection with the content script (127.0.0.1) minus the same
// page and actions without it (127.0.0.2, where the -local build's content script does not
// run). Page loads under the real sites' addresses, with and without the extension, memory
// per tab and the service worker's wake-up are in bench-loads.ts.
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from './harness/browsers';
import { CHROMIUM_FLAGS } from './harness/chromium';
import { ensureLocalBuild } from './harness/build';
import { startServer, type StaticServer } from './harness/server';
import { callExpression } from './harness/types';
import { infiniteScrollPage, noticePage, productGridPage, type GeneratedPage } from './bench-pages';
import { extTimeBetween, extTimeByFunction, summariseTrace, type TraceEvent, type TraceSummary } from './bench-trace';
import { fmt, median, table } from './bench-report';

const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

const FLAG_HIGHLIGHT = 'settlement-screen-flag';

/** Functions of src/core/{normalize,matcher,legal-forms,page}.ts, as an unminified build names them. */
const CORE_FUNCTIONS = new Set([
  'scanTokens',
  'continueToken',
  'classify',
  'classAt',
  'classifyAstral',
  'foldOf',
  'isLetterCode',
  'isSpace',
  'hashNorm',
  'normAt',
  'tokensFrom',
  'mergeSpacedInitials',
  'spacesOnly',
  'normalizeToken',
  'tokenize',
  'scanBlock',
  'reachesEntry',
  'startsEntry',
  '#get',
  '#slot',
  '#firstBit',
  '#buildMatch',
  'raw',
  'credible',
  'isCredibleAffix',
  'isWholeValue',
  'sameCapitals',
  'affixAt',
  'canonicalLegalForm',
  'resolvePage',
  'scanPage',
]);
const ROOT = resolve(import.meta.dirname, '../..');

/** Runs in the page's main world before its own scripts. */
const INIT_SCRIPT = `
(() => {
  const b = window.__bench = { longtasks: [], firstFlag: null, ranges: 0, lastChange: 0, watch: 0, batchFirst: {}, appendAt: {} };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const poll = () => {
    const h = window.CSS && CSS.highlights ? CSS.highlights.get(${JSON.stringify(FLAG_HIGHLIGHT)}) : undefined;
    const n = h ? h.size : 0;
    const now = performance.now();
    if (n > 0 && b.firstFlag === null) b.firstFlag = now;
    if (n !== b.ranges) { b.ranges = n; b.lastChange = now; }
    if (h && b.watch && !b.batchFirst[b.watch]) {
      for (const r of h) {
        const el = r.startContainer.parentElement;
        const tile = el && el.closest('[data-batch]');
        if (tile && tile.dataset.batch === String(b.watch)) { b.batchFirst[b.watch] = now; break; }
      }
    }
  };
  // Timers alone would see the first flag only when the scan ends: the content script
  // yields with scheduler.yield(), whose continuations run before the page's timers, while
  // rendering (and so requestAnimationFrame, and the user) sees each paint.
  setInterval(poll, 4);
  const frame = () => { poll(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

interface BenchState {
  longtasks: { start: number; duration: number }[];
  firstFlag: number | null;
  ranges: number;
  lastChange: number;
  batchFirst: Record<string, number>;
  appendAt: Record<string, number>;
}

export interface TaskStats {
  /** Sum of the extension's CPU samples (ms). */
  scriptingMs: number;
  /** Tasks in which the extension's code ran. */
  tasks: number;
  /** The longest of those tasks (ms) and the extension's time in it (ms). */
  longestTaskMs: number;
  longestTaskExtMs: number;
  /** Most extension time in any one task (ms). */
  maxExtInTaskMs: number;
  /** Tasks over 50 ms in which the extension's code ran, and those it took most of. */
  over50: number;
  over50Caused: number;
  /** Garbage collection on the main thread during the run (ms; page and extension alike). */
  gcMs: number;
  samplingIntervalUs: number;
}

export interface StaticPageResult {
  label: string;
  htmlBytes: number;
  blocks: number;
  chars: number;
  listedItems: number;
  flags: number;
  domContentLoadedMs: number;
  loadMs: number;
  /** EvaluateScript of the content script (compile included) and the compile alone (ms). */
  contentScriptEvalMs: number;
  contentScriptCompileMs: number;
  firstFlagMs: number | null;
  lastHighlightMs: number;
  stats: TaskStats;
  pageLongTasks: { count: number; maxMs: number };
  heapWithMB: number;
  heapWithoutMB: number;
  /** Content-script time by innermost function (meaningful with --unminified). */
  topFunctions: [string, number][];
  /** Content-script time in the functions of src/core (meaningful with --unminified). */
  coreMs: number;
}

export interface BatchResult {
  batch: number;
  /** Tiles on the page after this batch. */
  tiles: number;
  extMs: number;
  maxExtInTaskMs: number;
  longestExtTaskMs: number;
  /** From the append to the batch's first highlight (includes the observer's quiet period). */
  latencyMs: number | null;
}

export interface ScrollResult {
  mode: 'per-node' | 'fragment';
  batchSize: number;
  initialTiles: number;
  initialScanExtMs: number;
  batches: BatchResult[];
  stats: TaskStats;
  pageLongTasks: { count: number; maxMs: number };
  flags: number;
  heapWithMB: number;
  heapWithoutMB: number;
}

export interface BrowserResults {
  chromium: string;
  pages: StaticPageResult[];
  scrolls: ScrollResult[];
  startup: BrowserStartup;
  unminified: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startTracing(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
}

async function stopTracing(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<{ stream?: string }>((resolve) => {
    const handler = (e: { stream?: string }) => {
      cdp.off('Tracing.tracingComplete', handler);
      resolve(e);
    };
    cdp.on('Tracing.tracingComplete', handler);
  });
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

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

function benchState(page: Page): Promise<BenchState> {
  return page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);
}

/** Waits until the flag highlights stopped changing for `quietMs` (at least one change seen). */
async function waitForHighlights(page: Page, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await page.evaluate(() => {
      const b = (window as unknown as { __bench: BenchState }).__bench;
      return { ranges: b.ranges, since: performance.now() - b.lastChange };
    });
    if (s.ranges > 0 && s.since >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`no stable highlights after ${timeoutMs} ms`);
    await sleep(100);
  }
}

function taskStats(t: TraceSummary, from = -Infinity, to = Infinity): TaskStats {
  const tasks = t.tasks.filter((x) => x.ext > 0 && x.ts >= from && x.ts < to);
  const longest = tasks.reduce((a, b) => (b.dur > a.dur ? b : a), { ts: 0, dur: 0, ext: 0 });
  let gc = 0;
  for (const s of t.samples) if (s.gc && s.ts >= from && s.ts < to) gc += s.weight;
  return {
    scriptingMs: extTimeBetween(t, from, to) / 1000,
    tasks: tasks.length,
    longestTaskMs: longest.dur / 1000,
    longestTaskExtMs: longest.ext / 1000,
    maxExtInTaskMs: Math.max(0, ...tasks.map((x) => x.ext)) / 1000,
    over50: tasks.filter((x) => x.dur > 50_000).length,
    over50Caused: tasks.filter((x) => x.dur > 50_000 && x.ext >= x.dur / 2).length,
    gcMs: gc / 1000,
    samplingIntervalUs: t.interval,
  };
}

/** Flag-level matches the background stored for the tab showing `url`. */
async function reportedFlags(
  context: BrowserContext,
  url: string,
): Promise<{ flags: number; blocks: number; chars: number }> {
  const sw = context.serviceWorkers()[0];
  const all = (await sw.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } })
      .chrome;
    return api.storage.session.get(null);
  })) as Record<
    string,
    { frames?: Record<string, { url: string; blocks: number; chars: number; matches: { level: string }[] }> }
  >;
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith('tab:')) continue;
    const top = v.frames?.['0'];
    if (top?.url === url) {
      return { flags: top.matches.filter((m) => m.level === 'flag').length, blocks: top.blocks, chars: top.chars };
    }
  }
  return { flags: 0, blocks: 0, chars: 0 };
}

async function staticPage(
  context: BrowserContext,
  extOrigin: string,
  servers: { on: StaticServer; off: StaticServer },
  label: string,
  path: string,
  page: GeneratedPage,
  log: (s: string) => void,
): Promise<StaticPageResult> {
  log(`  ${label}: loading with the extension ...`);
  const tab = await context.newPage();
  await tab.addInitScript(INIT_SCRIPT);
  const cdp = await context.newCDPSession(tab);
  await startTracing(cdp);
  const url = servers.on.url(path);
  await tab.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await waitForHighlights(tab, 2500, 180_000);
  const events = await stopTracing(cdp);
  if (process.env.SS_BENCH_TRACE_DIR) {
    writeFileSync(join(process.env.SS_BENCH_TRACE_DIR, `${path.replace(/\W/g, '')}.json`), JSON.stringify(events));
  }
  const state = await benchState(tab);
  const nav = await tab.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
  });
  // Let the report throttle (500 ms) pass before reading what the background stored.
  await sleep(1200);
  const report = await reportedFlags(context, url);
  const heapWith = await heapAfterGc(cdp);
  await tab.close();
  const summary = summariseTrace(events, extOrigin);

  log(`  ${label}: the same page without the extension (memory baseline) ...`);
  const base = await context.newPage();
  const cdpBase = await context.newCDPSession(base);
  await base.goto(servers.off.url(path), { waitUntil: 'load', timeout: 180_000 });
  await sleep(2500);
  const heapWithout = await heapAfterGc(cdpBase);
  await base.close();

  return {
    label,
    htmlBytes: Buffer.byteLength(page.html),
    blocks: report.blocks,
    chars: report.chars,
    listedItems: page.listedItems,
    flags: report.flags,
    domContentLoadedMs: nav.dcl,
    loadMs: nav.load,
    contentScriptEvalMs: summary.evaluations.reduce((n, [, d]) => n + d, 0) / 1000,
    contentScriptCompileMs: summary.compiles.reduce((n, [, d]) => n + d, 0) / 1000,
    firstFlagMs: state.firstFlag,
    lastHighlightMs: state.lastChange,
    stats: taskStats(summary),
    pageLongTasks: { count: state.longtasks.length, maxMs: Math.max(0, ...state.longtasks.map((l) => l.duration)) },
    heapWithMB: heapWith,
    heapWithoutMB: heapWithout,
    topFunctions: extTimeByFunction(summary, 12),
    coreMs: extTimeByFunction(summary, Infinity)
      .filter(([name]) => CORE_FUNCTIONS.has(name))
      .reduce((n, [, ms]) => n + ms, 0),
  };
}

async function scrollPage(
  context: BrowserContext,
  extOrigin: string,
  servers: { on: StaticServer; off: StaticServer },
  path: string,
  opts: { initial: number; batch: number; batches: number; mode: 'per-node' | 'fragment' },
  log: (s: string) => void,
): Promise<ScrollResult> {
  log(`  infinite scroll (${opts.mode}): ${opts.batches} batches of ${opts.batch} tiles ...`);
  const tab = await context.newPage();
  await tab.addInitScript(INIT_SCRIPT);
  const cdp = await context.newCDPSession(tab);
  await startTracing(cdp);
  const url = servers.on.url(path);
  await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await waitForHighlights(tab, 1500, 120_000);
  await tab.evaluate(() => performance.mark('bench-initial-done'));
  for (let k = 1; k <= opts.batches; k++) {
    await tab.evaluate((batch) => {
      const b = (window as unknown as { __bench: BenchState & { watch: number } }).__bench;
      b.watch = batch;
      b.appendAt[batch] = performance.now();
      (window as unknown as { __benchAppend(): number }).__benchAppend();
    }, k);
    // The batch is done when its first highlight is there and highlights are quiet again.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const s = await tab.evaluate((batch) => {
        const b = (window as unknown as { __bench: BenchState }).__bench;
        return { first: b.batchFirst[batch] ?? null, since: performance.now() - b.lastChange };
      }, k);
      if (s.first !== null && s.since >= 700) break;
      if (Date.now() > deadline) {
        log(`  batch ${k}: no highlight within 60 s`);
        break;
      }
      await sleep(50);
    }
  }
  await tab.evaluate(() => performance.mark('bench-end'));
  const events = await stopTracing(cdp);
  if (process.env.SS_BENCH_TRACE_DIR) {
    writeFileSync(join(process.env.SS_BENCH_TRACE_DIR, `${path.replace(/\W/g, '')}.json`), JSON.stringify(events));
  }
  const state = await benchState(tab);
  await sleep(1200);
  const report = await reportedFlags(context, url);
  const heapWith = await heapAfterGc(cdp);
  await tab.close();
  const summary = summariseTrace(events, extOrigin);
  const mark = (name: string): number => summary.marks.get(name) ?? NaN;
  const batches: BatchResult[] = [];
  for (let k = 1; k <= opts.batches; k++) {
    const from = mark(`bench-append-${k}`);
    const to = k < opts.batches ? mark(`bench-append-${k + 1}`) : mark('bench-end');
    const st = taskStats(summary, from, to);
    const first = state.batchFirst[k];
    batches.push({
      batch: k,
      tiles: opts.initial + k * opts.batch,
      extMs: st.scriptingMs,
      maxExtInTaskMs: st.maxExtInTaskMs,
      longestExtTaskMs: st.longestTaskMs,
      latencyMs: first !== undefined ? first - state.appendAt[k] : null,
    });
  }

  log('  infinite scroll without the extension (memory baseline) ...');
  const base = await context.newPage();
  const cdpBase = await context.newCDPSession(base);
  await base.goto(servers.off.url(path), { waitUntil: 'load', timeout: 120_000 });
  for (let k = 1; k <= opts.batches; k++) {
    await base.evaluate(() => (window as unknown as { __benchAppend(): number }).__benchAppend());
  }
  await sleep(1500);
  const heapWithout = await heapAfterGc(cdpBase);
  await base.close();

  return {
    mode: opts.mode,
    batchSize: opts.batch,
    initialTiles: opts.initial,
    initialScanExtMs: extTimeBetween(summary, -Infinity, mark('bench-initial-done')) / 1000,
    batches,
    stats: taskStats(summary),
    pageLongTasks: { count: state.longtasks.length, maxMs: Math.max(0, ...state.longtasks.map((l) => l.duration)) },
    flags: report.flags,
    heapWithMB: heapWith,
    heapWithoutMB: heapWithout,
  };
}

export interface BrowserStartup {
  runs: number;
  /** The match index evaluated as a JavaScript object literal (how the content script bundle carries it). */
  literalMs: number;
  /** The same data as a string given to JSON.parse. */
  jsonParseMs: number;
  /** Loading the matcher core (esbuild bundle) and Matcher.fromData on the parsed data. */
  coreLoadMs: number;
  fromDataMs: number;
}

/**
 * Start-up in the page's main world of a page without the extension (127.0.0.2), each run
 * in a fresh page: the match index as an object literal vs JSON.parse of a string, then
 * the matcher core and Matcher.fromData. Every script gets a unique comment, so no run
 * hits V8's compilation cache.
 */
async function browserStartup(context: BrowserContext, server: StaticServer, runs: number): Promise<BrowserStartup> {
  const json = readFileSync(join(ROOT, 'src/generated/match-index.json'), 'utf8');
  const core = buildSync({
    stdin: { contents: "export { Matcher } from './src/core/matcher';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: '__ssCore',
    platform: 'browser',
    target: 'chrome116',
    minify: true,
    write: false,
    logLevel: 'warning',
  }).outputFiles[0].text;
  const results: { literal: number; parse: number; load: number; fromData: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(server.url('/notice.html'), { waitUntil: 'load' });
    // callExpression: tsx may wrap the inner function in a __name() helper that exists only in Node.
    const r = (await page.evaluate(
      callExpression(
        ({ json, core, i }: { json: string; core: string; i: number }) => {
          const run = (code: string): number => {
            const s = document.createElement('script');
            s.textContent = code;
            const t0 = performance.now();
            document.head.appendChild(s);
            return performance.now() - t0;
          };
          const w = window as unknown as {
            __lit: unknown;
            __parsed: unknown;
            __ssCore: { Matcher: { fromData(d: unknown): unknown } };
          };
          const literal = run(`/* ${i}a */ window.__lit = ${json};`);
          const parse = run(`/* ${i}b */ window.__parsed = JSON.parse(${JSON.stringify(json)});`);
          const load = run(`/* ${i}c */ ${core}`);
          const t0 = performance.now();
          w.__ssCore.Matcher.fromData(w.__parsed);
          return { literal, parse, load, fromData: performance.now() - t0 };
        },
        { json, core, i },
      ),
    )) as { literal: number; parse: number; load: number; fromData: number };
    results.push(r);
    await page.close();
  }
  const med = (k: keyof (typeof results)[number]) => median(results.map((r) => r[k]));
  return {
    runs,
    literalMs: med('literal'),
    jsonParseMs: med('parse'),
    coreLoadMs: med('load'),
    fromDataMs: med('fromData'),
  };
}

export async function runBrowserBench(opts: {
  quick: boolean;
  unminified: boolean;
  log: (s: string) => void;
}): Promise<BrowserResults> {
  const { quick, log } = opts;
  const work = mkdtempSync(join(tmpdir(), 'ss-bench-browser-'));
  // SS_BENCH_EXT_DIR: another build of the extension to measure (a patched copy, say).
  let built = process.env.SS_BENCH_EXT_DIR;
  if (!built && opts.unminified) {
    // Same sources and settings, not minified: the profile then names the functions.
    log('  building an unminified copy of the -local Chrome build ...');
    built = join(work, 'unminified');
    const r = spawnSync(
      'npx',
      ['vite', 'build', '--mode', 'chrome', '--minify', 'false', '--outDir', built, '--logLevel', 'warn'],
      {
        cwd: ROOT,
        env: { ...process.env, SS_LOCAL_PAGES: '1' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (r.status !== 0) throw new Error(`the unminified build failed (exit ${r.status})`);
  }
  if (!built) {
    log('  building dist/chrome-local if it is older than its sources ...');
    built = ensureLocalBuild('chrome', { quiet: true });
  }
  const extDir = join(work, 'extension');
  cpSync(built, extDir, { recursive: true });
  const pagesDir = join(work, 'pages');
  mkdirSync(pagesDir);
  const tiles = quick ? 5000 : 20000;
  const orgs = quick ? 500 : 2000;
  const grid = productGridPage(tiles);
  const notice = noticePage(orgs);
  const scrollPerNode = infiniteScrollPage(1000, 1000, 'per-node');
  const scrollFragment = infiniteScrollPage(1000, 1000, 'fragment');
  const scrollOpts = { initial: 1000, batch: 1000, batches: quick ? 6 : 20 };
  writeFileSync(join(pagesDir, 'grid.html'), grid.html);
  writeFileSync(join(pagesDir, 'notice.html'), notice.html);
  writeFileSync(join(pagesDir, 'scroll.html'), scrollPerNode.html);
  writeFileSync(join(pagesDir, 'scroll-fragment.html'), scrollFragment.html);
  const servers = {
    on: await startServer({ '/': pagesDir }, '127.0.0.1'),
    off: await startServer({ '/': pagesDir }, '127.0.0.2'),
  };
  const profile = join(work, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1200, height: 800 },
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    // chrome-extension: is no special scheme, so URL.origin is "null": build it from the host.
    const extOrigin = `chrome-extension://${new URL(sw.url()).host}`;
    const version = context.browser()?.version() ?? '';
    // The first page of a fresh profile pays for Chromium's own start-up: warm up first.
    const warm = await context.newPage();
    await warm.goto(servers.on.url('/notice.html'), { waitUntil: 'load' });
    await sleep(3000);
    await warm.close();
    const pages = [
      await staticPage(
        context,
        extOrigin,
        servers,
        `${tiles.toLocaleString('en')} product tiles`,
        '/grid.html',
        grid,
        log,
      ),
      await staticPage(
        context,
        extOrigin,
        servers,
        `notice with ${orgs.toLocaleString('en')} tenderers`,
        '/notice.html',
        notice,
        log,
      ),
    ];
    const scrolls = [
      await scrollPage(context, extOrigin, servers, '/scroll.html', { ...scrollOpts, mode: 'per-node' }, log),
      await scrollPage(context, extOrigin, servers, '/scroll-fragment.html', { ...scrollOpts, mode: 'fragment' }, log),
    ];
    log('  start-up in the page (object literal vs JSON.parse, Matcher.fromData) ...');
    const startup = await browserStartup(context, servers.off, quick ? 3 : 7);
    return { chromium: version, pages, scrolls, startup, unminified: Boolean(opts.unminified) };
  } finally {
    await context.close().catch(() => {});
    await servers.on.close();
    await servers.off.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export function printBrowserResults(r: BrowserResults, out: (s?: string) => void): void {
  out('## 3. The extension in Chromium (dist/chrome-local, headless)');
  out();
  const rows: (string | number)[][] = [];
  const add = (label: string, f: (p: StaticPageResult) => string) => rows.push([label, ...r.pages.map(f)]);
  add('HTML size', (p) => fmt.mb(p.htmlBytes));
  add('visible text scanned (blocks / characters)', (p) => `${p.blocks.toLocaleString('en')} / ${fmt.mb(p.chars)}`);
  add('listed names on the page / flags reported', (p) => `${p.listedItems} / ${p.flags}`);
  add('DOMContentLoaded / load (page itself)', (p) => `${fmt.ms(p.domContentLoadedMs)} / ${fmt.ms(p.loadMs)}`);
  add(
    'content script start-up: compile + evaluation (inject)',
    (p) =>
      `${fmt.ms(p.contentScriptCompileMs)} + ${fmt.ms(p.contentScriptEvalMs - p.contentScriptCompileMs)} = ${fmt.ms(p.contentScriptEvalMs)}`,
  );
  add('time to first flag (from navigation start)', (p) => (p.firstFlagMs === null ? 'none' : fmt.ms(p.firstFlagMs)));
  add('last highlight change (scan complete)', (p) => fmt.ms(p.lastHighlightMs));
  add('content script scripting time (CPU samples)', (p) => fmt.ms(p.stats.scriptingMs));
  add('tasks running content-script code', (p) => String(p.stats.tasks));
  add('most content-script time in one task', (p) => fmt.ms(p.stats.maxExtInTaskMs));
  add(
    'longest task running content-script code',
    (p) => `${fmt.ms(p.stats.longestTaskMs)} (${fmt.ms(p.stats.longestTaskExtMs)} of it the extension)`,
  );
  add('tasks > 50 ms with content-script code (mostly it)', (p) => `${p.stats.over50} (${p.stats.over50Caused})`);
  add(
    'long tasks seen by the page (PerformanceObserver)',
    (p) => `${p.pageLongTasks.count}, longest ${fmt.ms(p.pageLongTasks.maxMs)}`,
  );
  add(
    'V8 heap after GC: with / without extension',
    (p) => `${p.heapWithMB.toFixed(1)} / ${p.heapWithoutMB.toFixed(1)} MiB`,
  );
  add('content script memory (difference)', (p) => `${(p.heapWithMB - p.heapWithoutMB).toFixed(1)} MiB`);
  out(table(['', ...r.pages.map((p) => p.label)], rows));
  out();
  out(
    `CPU samples every ~${Math.round(r.pages[0]?.stats.samplingIntervalUs ?? 0)} µs. "Content-script code": samples whose ` +
      "innermost frame with a script URL is the extension's (DOM calls it makes count for it), plus the " +
      "extension's own trace intervals (compile, evaluation and calls of its chrome-extension:// scripts, " +
      'where samples show compiling and GC without a script frame). A task is one ' +
      'top-level RunTask of the renderer main thread with the microtask checkpoint that follows it. ' +
      "The page's own long tasks (HTML parsing, layout) are listed for context.",
  );
  const MODE_LABEL = {
    'per-node': 'one appendChild per tile + counter update',
    fragment: 'one DocumentFragment per batch',
  } as const;
  const first = r.scrolls[0];
  out();
  out(
    `### Infinite scroll: ${first.initialTiles.toLocaleString('en')} tiles, then ${first.batches.length} appends of ` +
      `${first.batchSize.toLocaleString('en')} tiles`,
  );
  out();
  out(
    table(
      [
        'Batch',
        'Tiles after',
        ...r.scrolls.flatMap((x) => [
          `${x.mode}: content-script CPU`,
          `${x.mode}: most in one task`,
          `${x.mode}: append to highlight`,
        ]),
      ],
      first.batches.map((b, i) => [
        b.batch,
        b.tiles.toLocaleString('en'),
        ...r.scrolls.flatMap((x) => {
          const y = x.batches[i];
          return [fmt.ms(y.extMs), fmt.ms(y.maxExtInTaskMs), y.latencyMs === null ? 'none' : fmt.ms(y.latencyMs)];
        }),
      ]),
    ),
  );
  // Least-squares line through batch cost against the tiles already on the page: its slope
  // is what each 1,000 tiles of page add to a batch, and the ratio of the fitted cost at the
  // last batch to the first says whether appends cost in proportion to the page (a ratio of
  // 1 means not at all). Steadier than comparing a few noisy batches.
  const growth = (x: ScrollResult) => {
    const xs = x.batches.map((b) => b.tiles - x.batchSize);
    const ys = x.batches.map((b) => b.extMs);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let num = 0;
    let den = 0;
    xs.forEach((v, i) => {
      num += (v - mx) * (ys[i] - my);
      den += (v - mx) ** 2;
    });
    const slope = den > 0 ? num / den : 0;
    const at = (v: number) => my + slope * (v - mx);
    const n = Math.min(5, ys.length);
    return {
      first: median(ys.slice(0, n)),
      last: median(ys.slice(-n)),
      per1000: slope * 1000,
      ratio: at(xs[xs.length - 1]) / at(xs[0]),
    };
  };
  out();
  out(
    table(
      ['Infinite scroll summary', ...r.scrolls.map((x) => `${x.mode} (${MODE_LABEL[x.mode]})`)],
      [
        ['initial scan, 1,000 tiles (content-script CPU)', ...r.scrolls.map((x) => fmt.ms(x.initialScanExtMs))],
        [
          'per batch: median of the first 5 / last 5 batches',
          ...r.scrolls.map((x) => {
            const g = growth(x);
            return `${fmt.ms(g.first)} / ${fmt.ms(g.last)}`;
          }),
        ],
        [
          'batch cost added per 1,000 tiles already on the page (fit)',
          ...r.scrolls.map((x) => {
            const g = growth(x);
            return `${fmt.ms(g.per1000)}; fitted last / first batch ${fmt.x(g.ratio)}`;
          }),
        ],
        ['longest task with content-script code', ...r.scrolls.map((x) => fmt.ms(x.stats.longestTaskMs))],
        ['most content-script time in one task', ...r.scrolls.map((x) => fmt.ms(x.stats.maxExtInTaskMs))],
        [
          'tasks > 50 ms with content-script code (mostly it)',
          ...r.scrolls.map((x) => `${x.stats.over50} (${x.stats.over50Caused})`),
        ],
        [
          'long tasks seen by the page',
          ...r.scrolls.map((x) => `${x.pageLongTasks.count}, longest ${fmt.ms(x.pageLongTasks.maxMs)}`),
        ],
        ['flags reported at the end', ...r.scrolls.map((x) => String(x.flags))],
        [
          'V8 heap after GC: with / without extension',
          ...r.scrolls.map(
            (x) =>
              `${x.heapWithMB.toFixed(1)} / ${x.heapWithoutMB.toFixed(1)} MiB (+${(x.heapWithMB - x.heapWithoutMB).toFixed(1)})`,
          ),
        ],
      ],
    ),
  );
  const worst = Math.max(
    ...r.pages.map((p) => p.stats.maxExtInTaskMs),
    ...r.scrolls.map((x) => x.stats.maxExtInTaskMs),
  );
  const caused =
    r.pages.reduce((n, p) => n + p.stats.over50Caused, 0) + r.scrolls.reduce((n, x) => n + x.stats.over50Caused, 0);
  out();
  out(
    table(
      ['Target', 'Measured', 'Holds'],
      [
        [
          'no task over 50 ms caused by the extension',
          `${caused} tasks over 50 ms mostly the extension's; most content-script time in one task ${fmt.ms(worst)}`,
          caused === 0 && worst <= 50 ? 'yes' : 'NO',
        ],
        ...r.scrolls.map((x) => {
          const g = growth(x);
          return [
            `appended content costs in proportion to its size, not the page's (${x.mode})`,
            `fitted batch cost at ${x.batches[x.batches.length - 1].tiles.toLocaleString('en')} tiles / at ` +
              `${x.batches[0].tiles.toLocaleString('en')}: ${fmt.x(g.ratio)} (${fmt.ms(g.per1000)} per 1,000 tiles)`,
            g.ratio <= 1.5 ? 'yes' : 'NO',
          ];
        }),
      ],
    ),
  );
  if (r.unminified) {
    out();
    out("### Where the content script's time goes (unminified build, innermost function)");
    out();
    const rowsTop: (string | number)[][] = [];
    const n = Math.max(...r.pages.map((p) => p.topFunctions.length));
    for (let i = 0; i < n; i++) {
      rowsTop.push([
        String(i + 1),
        ...r.pages.flatMap((p) => {
          const f = p.topFunctions[i];
          return f ? [f[0], fmt.ms(f[1])] : ['', ''];
        }),
      ]);
    }
    out(table(['#', ...r.pages.flatMap((p) => [p.label, 'time'])], rowsTop));
    out();
    for (const p of r.pages) {
      const core = p.coreMs;
      out(
        `- ${p.label}: the matching core (src/core: tokenizer, matcher, page resolution) ` +
          `${fmt.ms(core)} of ${fmt.ms(p.stats.scriptingMs)} content-script time ` +
          `(${((100 * core) / p.stats.scriptingMs).toFixed(0)}%).`,
      );
    }
  }
  const st = r.startup;
  out();
  out(`### Start-up in Chromium (page main world, median of ${st.runs} fresh pages)`);
  out();
  out(
    table(
      ['Step', 'Time'],
      [
        ['match index as a JavaScript object literal (how Vite would bundle a JSON import)', fmt.ms(st.literalMs)],
        ['match index as a string given to JSON.parse (as the content script loads it)', fmt.ms(st.jsonParseMs)],
        ['load the matcher core (esbuild bundle, minified)', fmt.ms(st.coreLoadMs)],
        ['Matcher.fromData', fmt.ms(st.fromDataMs)],
      ],
    ),
  );
}
