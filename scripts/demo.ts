// The browser part of `npm start` (scripts/start.sh builds first): serves demo/ on
// 127.0.0.1, opens Chromium with dist/chrome-local loaded on the demo page, and prints what
// the extension found. With a display the window stays open until you close it; without
// one (or with --headless) it runs headless, saves screenshots of the page and of the
// popup, prints where, and exits.
//
//   npx tsx scripts/demo.ts [--headless] [--out DIR]
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import compiledJson from '../src/generated/compiled-lists.json';
import type { CompiledData } from '../src/core/types';
import type { ReportedMatch, TabResults } from '../src/shared/messages';
import { launchChromium } from './lib/harness/chromium';
import { allMatches, badgeText, openPopup, waitForTabResults } from './lib/harness/extension';
import { startServer } from './lib/harness/server';

const root = resolve(import.meta.dirname, '..');
const compiled = compiledJson as unknown as CompiledData;
const args = process.argv.slice(2);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.includes('--headless') || !hasDisplay;
const outIndex = args.indexOf('--out');
const outDir = resolve(root, outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : 'dist/demo');
const extDir = join(root, 'dist/chrome-local');

if (!existsSync(join(extDir, 'manifest.json'))) {
  console.error(
    'demo: dist/chrome-local is missing: run `npm start` (or `SS_LOCAL_PAGES=1 npx vite build --mode chrome`)',
  );
  process.exit(1);
}

const listTitle = (id: string) => compiled.lists.find((l) => l.id === id)?.title ?? id;

function describeResults(results: TabResults, badge: string): string {
  const matches = allMatches(results);
  const byEntity = new Map<string, ReportedMatch[]>();
  for (const m of matches) byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), m]);
  const flagged = [...byEntity.values()].filter((ms) => ms.some((m) => m.level === 'flag'));
  const possible = [...byEntity.values()].filter((ms) => ms.every((m) => m.level === 'possible'));
  const guards = Object.values(results.frames).flatMap((f) => f.guards);
  const lines: string[] = [];
  lines.push(
    `Settlement Screen found ${flagged.length} listed compan${flagged.length === 1 ? 'y' : 'ies'} on the demo page (badge: "${badge}").`,
  );
  for (const ms of flagged) {
    const m = ms.find((x) => x.level === 'flag') ?? ms[0];
    const texts = [...new Set(ms.map((x) => `"${x.text}"`))].join(', ');
    lines.push('', `  ${m.entityName}`, `    matched on the page: ${texts} (${m.matchType})`);
    for (const l of m.lists) {
      lines.push(`    - ${listTitle(l.list)}`, `      entry "${l.entry}", ${l.status}`);
    }
  }
  if (possible.length > 0) {
    lines.push('', 'For review only (possible matches, not counted):');
    for (const ms of possible) lines.push(`  "${ms[0].text}" might be ${ms[0].entityName}`);
  }
  if (guards.length > 0) {
    lines.push('', 'Look-alikes left clear:');
    const counts = new Map<string, number>();
    for (const g of guards) counts.set(g.text, (counts.get(g.text) ?? 0) + 1);
    for (const [text, n] of counts) lines.push(`  "${text}"${n > 1 ? ` (${n} times)` : ''}`);
  }
  return lines.join('\n');
}

const t0 = Date.now();
const server = await startServer({ '/demo/': join(root, 'demo') });
const url = server.url('/demo/index.html');
const browser = await launchChromium(extDir, { headless });
let exitCode = 0;
try {
  const page = await browser.newPage(url);
  const results = await waitForTabResults(browser, url, { timeoutMs: 30_000 });
  const badge = await badgeText(browser, results.tabId);
  console.log('\n' + describeResults(results, badge) + '\n');

  mkdirSync(outDir, { recursive: true });
  const pageShot = join(outDir, 'demo-page.png');
  await page.screenshot(pageShot, { fullPage: true });
  console.log(`Screenshot of the page:  ${relative(process.cwd(), pageShot)}`);

  if (headless) {
    // The popup as a tab for the demo page's tab, at a popup's size.
    const popup = await openPopup(browser, results.tabId);
    await popup.setViewport(420, 900);
    const popupShot = join(outDir, 'demo-popup.png');
    await popup.screenshot(popupShot, { fullPage: true });
    console.log(`Screenshot of the popup: ${relative(process.cwd(), popupShot)}`);
    if (allMatches(results).every((m) => m.level !== 'flag')) {
      console.error('demo: the extension flagged nothing on the demo page: something is wrong');
      exitCode = 1;
    }
    console.log(`(headless run, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } else {
    await page.bringToFront();
    // Open the real toolbar popup over the page (chrome.action.openPopup, Chrome 127+ for
    // every extension); if this Chromium refuses, the message below says where it is.
    const opened = await browser
      .inExtension(async () => {
        const g = globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } };
        await g.chrome.action.openPopup();
        return true;
      })
      .catch(() => false);
    if (opened) console.log('\nThe extension popup is open over the page; it closes when you click the page.');
    console.log(
      `\nChromium is open on ${url} with the extension loaded.\n` +
        'Open the popup from the toolbar (puzzle-piece menu -> Settlement Screen; pin it to keep it visible).\n' +
        'Close the browser window or press Ctrl+C to stop.',
    );
    const stop = () => void browser.close();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await browser.closed();
  }
} catch (e) {
  console.error(`demo: ${(e as Error).message}`);
  exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
process.exit(exitCode);
