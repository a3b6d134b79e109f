// The user's data damaged in the browser's own store, in real Chromium and Firefox on the
// built extension (dist/<target>-local). One browser per describe block; the steps run in
// order: a list is imported through the options page -> its compiled cache in IndexedDB is
// damaged behind the extension's back (every name loses its tokens, as a crashed or foreign
// write can leave it) -> a page naming a bundled and an imported company is still scanned,
// both are flagged, and the cache is rebuilt -> the store is then made unreadable (a newer
// schema version) -> the page is still scanned with the bundled lists.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import { allMatches, clickControl, waitFor, waitForTabResults } from '../../scripts/lib/harness/extension';
import { launchBrowser } from '../../scripts/lib/harness/launch';
import { enMessage } from '../../scripts/lib/harness/messages';
import { chooseFiles, typeInto } from '../../scripts/lib/harness/page-io';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName, ExtBrowser, TabPage } from '../../scripts/lib/harness/types';

const IMPORTED = 'Kastanjehof Bouwgroep NV';
const BUNDLED = 'Ahava Dead Sea Laboratories Ltd.';
const LIST_CSV = ['name,country', `${IMPORTED},Belgium`, 'Zeta Logistiek BV,Netherlands', ''].join('\n');

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

/** Runs in the options page: damages the compiled cache and says how many names it touched. */
async function dropTokens(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('settlement-screen');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction('meta', 'readwrite');
  const store = tx.objectStore('meta');
  const entry = await new Promise<{ key: string; value: { data: { names: Record<string, unknown>[] } } }>(
    (resolve, reject) => {
      const r = store.get('importedCompiled');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    },
  );
  for (const n of entry.value.data.names) delete n.tokens;
  store.put(entry);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return entry.value.data.names.length;
}

/** Runs in the options page: whether every cached name has its tokens again. */
async function cacheHasTokens(): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('settlement-screen');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const entry = await new Promise<{ value: { data: { names: { tokens?: unknown }[] } } }>((resolve, reject) => {
    const r = db.transaction('meta').objectStore('meta').get('importedCompiled');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  db.close();
  return entry.value.data.names.length > 0 && entry.value.data.names.every((n) => Array.isArray(n.tokens));
}

/** Runs in the options page: upgrades the store past the extension's schema, so it cannot open it. */
async function makeUnreadable(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('settlement-screen', 50);
    r.onupgradeneeded = () => r.result.deleteObjectStore('importedLists');
    r.onsuccess = () => resolve(r.result);
    // The extension's own connections close when asked (versionchange), then the upgrade runs.
    r.onerror = () => reject(r.error);
  });
  const version = db.version;
  db.close();
  return version;
}

/**
 * Runs in the options page: announces a change of user data, as every writer does. The
 * background keeps the lists it read until the user data changes or it restarts, so a
 * store damaged under it is read again (and found damaged) only then.
 */
async function announceChange(): Promise<void> {
  const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
  await api.storage.local.set({ userDataRevision: `damaged-${Date.now()}` });
}

describe.each(CASES)('a damaged user-data store in %s', (browserName, target) => {
  let b: ExtBrowser;
  let srv: StaticServer;
  let work: string;
  let options: TabPage;
  let url: string;

  beforeAll(async () => {
    const dir = ensureLocalBuild(target);
    work = mkdtempSync(join(tmpdir(), 'ss-damaged-'));
    srv = await startServer({ '/pages/': 'tests/e2e/pages' });
    b = await launchBrowser(browserName, dir);
    url = srv.url('/pages/damaged-cache.html');
    options = await b.newPage(`${b.extensionOrigin}/${b.manifest.options!.replace(/^\//, '')}`);
    await waitFor(() => options.evaluate(() => document.getElementById('import-file') !== null), 'the import form');
    const file = join(work, 'lijst.csv');
    writeFileSync(file, LIST_CSV);
    await chooseFiles(options, '#import-file', [file]);
    await waitFor(
      () => options.evaluate(() => document.querySelector('.import-preview .import-count') !== null),
      'the import preview',
    );
    await typeInto(options, '#import-title', 'Uitsluitingslijst Voorbeeldstad');
    await typeInto(options, '#import-publisher', 'Gemeente Voorbeeldstad');
    expect(await clickControl(options, enMessage('importButton'))).toBe(true);
    await waitFor(
      () => options.evaluate(() => document.querySelector('.imported-lists .imported-list') !== null),
      'the imported list',
    );
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const flagged = (r: TabResults) =>
    [
      ...new Set(
        allMatches(r)
          .filter((m) => m.level === 'flag')
          .map((m) => m.text),
      ),
    ].sort();

  it('names without tokens in the cache: the page is scanned, both companies flagged, the cache rebuilt', async () => {
    expect(await options.evaluate(dropTokens)).toBeGreaterThan(0);
    expect(await options.evaluate(cacheHasTokens)).toBe(false);
    await options.evaluate(announceChange);
    const page = await b.newPage(url);
    try {
      const r = await waitForTabResults(b, url, { until: (x) => flagged(x).length === 2 });
      expect(flagged(r)).toEqual([BUNDLED, IMPORTED].sort());
      expect(await options.evaluate(cacheHasTokens)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('a store the extension cannot open: the bundled lists still run', async () => {
    expect(await options.evaluate(makeUnreadable)).toBe(50);
    await options.evaluate(announceChange);
    const page = await b.newPage(url);
    try {
      const r = await waitForTabResults(b, url, { until: (x) => flagged(x).length > 0 });
      expect(flagged(r)).toEqual([BUNDLED]);
    } finally {
      await page.close();
    }
  });
});
