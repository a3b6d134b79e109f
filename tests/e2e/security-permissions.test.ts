// Least privilege, in the real browsers. The -local builds run their content script on
// 127.0.0.1 (standing in for the supported sites); 127.0.0.2 stands in for any other site.
//
//   - Another site is not read, and the extension cannot read it on its own ("Check this
//     page" is refused) until the user acts: a click on the toolbar button (activeTab,
//     Chromium, driven through CDP Extensions.triggerAction) or a grant in the options page.
//   - Firefox: the options page's "Run automatically on this site" / "on all sites" buttons,
//     clicked as a person would (the pref extensions.webextOptionalPermissionPrompts=false
//     answers the browser's prompt with "yes"), register the content script for that site:
//     its pages are then scanned automatically. "Revoke" unregisters it: they are not.
//   - Chromium: headless Chromium shows its permission prompt and nothing can answer it, so
//     the grant is made the way a browser restart sees it: the profile is given the granted
//     site and relaunched; the background's start-up sync registers the content script, the
//     page is scanned automatically, and "Revoke" in the options page stops it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Browser from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild } from '../../scripts/lib/harness/build';
import { allMatches, sessionStore, sleep, waitFor, waitForTabResults } from '../../scripts/lib/harness/extension';
import { dumpHighlights } from '../../scripts/lib/harness/page-probes';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import {
  launchSecChromium,
  launchSecFirefox,
  openExtensionPage,
  type SecBrowser,
  type SecTab,
} from './security-harness';

const OTHER_SITE = '127.0.0.2';
const SITE_SCRIPT = `ss-auto:site:${OTHER_SITE}`;
const ALL_SITES_SCRIPT = 'ss-auto:all-sites';
const EXPECTED_FLAGS = ['Heidelberg Materials AG', 'Motorola Solutions, Inc.'];

let other: StaticServer;
let counter = 0;
/** A fresh URL on the other site each time, so results of an earlier visit never count. */
const otherUrl = () => other.url(`/pages/tender-nl.html?visit=${++counter}`);

beforeAll(async () => {
  other = await startServer({ '/pages/': 'tests/e2e/pages' }, OTHER_SITE);
});
afterAll(async () => {
  await other?.close();
});

const flagNames = (r: TabResults) =>
  [
    ...new Set(
      allMatches(r)
        .filter((m) => m.level === 'flag')
        .map((m) => m.entityName),
    ),
  ].sort();

async function registeredIds(b: SecBrowser): Promise<string[]> {
  return b.inExtension(async () => {
    const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
    const api = g.browser ?? g.chrome;
    return (await api.scripting.getRegisteredContentScripts()).map((s) => s.id).sort();
  });
}

async function registered(b: SecBrowser, id: string) {
  const all = await b.inExtension(async () => {
    const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
    const api = g.browser ?? g.chrome;
    return api.scripting.getRegisteredContentScripts();
  });
  return all.find((s) => s.id === id);
}

/** The page is left alone: after a while there is no report for it and no highlight in it. */
async function expectNotScanned(b: SecBrowser, page: SecTab, url: string): Promise<void> {
  await sleep(2000);
  const reported = Object.values(await sessionStore(b)).some(
    (v) => (v as TabResults | null)?.frames?.['0']?.url === url,
  );
  expect(reported, `a report for ${url}`).toBe(false);
  expect(await page.evaluate(dumpHighlights)).toEqual({});
}

/** The tab id of the tab in front (tabs.query works without any host permission). */
async function frontTabId(b: SecBrowser, page: SecTab): Promise<number> {
  await page.bringToFront();
  return b.inExtension(async () => {
    const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
    const api = g.browser ?? g.chrome;
    const tabs = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs[0]?.id ?? -1;
  });
}

/** The popup's "Check this page", as the popup sends it (an extension page asks the background). */
function checkPage(b: SecBrowser, tabId: number): Promise<unknown> {
  return b.inExtensionPage(async (id: number) => {
    const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
    const api = g.browser ?? g.chrome;
    return api.runtime.sendMessage({ type: 'check-page', tabId: id });
  }, tabId);
}

/** The sites the options page lists as granted (data-site of each row). */
function grantedRows(options: SecTab): Promise<string[]> {
  return options.evaluate(() =>
    Array.from(document.querySelectorAll('.granted-sites li')).map((li) => li.getAttribute('data-site') ?? ''),
  );
}

async function openOptions(b: SecBrowser): Promise<SecTab> {
  const options = await openExtensionPage(b, b.manifest.options!);
  await waitFor(
    () => options.evaluate(() => document.querySelector('#permission-site-input') !== null),
    'the options page',
  );
  await waitFor(
    () => options.evaluate(() => document.querySelector('.granted-sites, .granted-none') !== null),
    'the grants',
  );
  return options;
}

async function revokeInOptions(options: SecTab, site: string): Promise<void> {
  await options.click(`.granted-sites li[data-site="${site}"] button`);
  await waitFor(async () => !(await grantedRows(options)).includes(site), `${site} to leave the granted list`);
}

describe('permissions in chromium', () => {
  let b: SecBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = ensureLocalBuild('chrome');
    // CDP Extensions.triggerAction (a click on the toolbar button) needs this flag.
    b = await launchSecChromium(dir, { args: ['--enable-unsafe-extension-debugging'] });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('does not read another site, and cannot: "Check this page" is refused without the user\'s click', async () => {
    expect(await registeredIds(b)).toEqual([]);
    const url = otherUrl();
    const page = await b.newPage(url);
    try {
      await expectNotScanned(b, page, url);
      const tabId = await frontTabId(b, page);
      expect(tabId).toBeGreaterThan(0);
      expect(await checkPage(b, tabId)).toEqual({ ok: false, reason: 'not-allowed' });
      await expectNotScanned(b, page, url);
    } finally {
      await page.close();
    }
  });

  it('after a click on the toolbar button (activeTab), "Check this page" reads that page', async () => {
    if (b.raw.kind !== 'chromium') throw new Error('chromium only');
    const url = otherUrl();
    const page = await b.newPage(url);
    try {
      const tabId = await frontTabId(b, page);
      const browser = b.raw.context.browser();
      if (!browser) throw new Error('no browser-level CDP');
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
        targetInfos: { targetId: string; url: string }[];
      };
      const target = targetInfos.find((t) => t.url === url);
      expect(target, 'the tab target').toBeTruthy();
      await cdp.send('Extensions.triggerAction' as never, { id: b.extensionId, targetId: target!.targetId } as never);
      await cdp.detach();
      expect(await checkPage(b, tabId)).toEqual({ ok: true });
      const results = await waitForTabResults(b, url);
      expect(flagNames(results)).toEqual(EXPECTED_FLAGS);
      // activeTab is for that page only: nothing was registered for the site.
      expect(await registeredIds(b)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a site granted earlier is scanned automatically after a browser restart; "Revoke" stops it', async () => {
    if (b.raw.kind !== 'chromium') throw new Error('chromium only');
    const extensionId = b.extensionId;
    const profile = await b.closeKeepingProfile();
    // What the browser keeps for a granted optional host permission (active and granted).
    const prefsFile = join(profile, 'Default', 'Preferences');
    const prefs = JSON.parse(await readFile(prefsFile, 'utf8'));
    const settings = prefs.extensions.settings[extensionId];
    for (const set of [settings.active_permissions, settings.granted_permissions]) {
      set.explicit_host = [...(set.explicit_host ?? []), `http://${OTHER_SITE}/*`, `https://${OTHER_SITE}/*`];
    }
    await writeFile(prefsFile, JSON.stringify(prefs));
    b = await launchSecChromium(dir, { profile, args: ['--enable-unsafe-extension-debugging'] });
    expect(b.extensionId).toBe(extensionId);

    // The start-up sync registered the content script for the granted site.
    await waitFor(async () => (await registeredIds(b)).includes(SITE_SCRIPT), 'the registration for the granted site');
    const reg = await registered(b, SITE_SCRIPT);
    expect([...(reg?.matches ?? [])].sort()).toEqual([`http://${OTHER_SITE}/*`, `https://${OTHER_SITE}/*`]);
    expect(reg?.allFrames).toBe(true);

    const url = otherUrl();
    const page = await b.newPage(url);
    const results = await waitForTabResults(b, url);
    expect(flagNames(results)).toEqual(EXPECTED_FLAGS);
    await page.close();

    const options = await openOptions(b);
    try {
      expect(await grantedRows(options)).toEqual([OTHER_SITE]);
      await revokeInOptions(options, OTHER_SITE);
      await waitFor(async () => !(await registeredIds(b)).includes(SITE_SCRIPT), 'the registration to go');
      expect(await options.evaluate(() => document.querySelector('.granted-sites'))).toBeNull();
    } finally {
      await options.close();
    }
    const after = otherUrl();
    const again = await b.newPage(after);
    try {
      await expectNotScanned(b, again, after);
    } finally {
      await again.close();
    }
  });
});

describe('permissions in firefox', () => {
  let b: SecBrowser;

  beforeAll(async () => {
    const dir = ensureLocalBuild('firefox');
    // Answers the optional-permission prompt with "yes", as the user would.
    b = await launchSecFirefox(dir, { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('does not read another site, and cannot: "Check this page" is refused without the user\'s click', async () => {
    expect(await registeredIds(b)).toEqual([]);
    const url = otherUrl();
    const page = await b.newPage(url);
    try {
      await expectNotScanned(b, page, url);
      const tabId = await frontTabId(b, page);
      expect(await checkPage(b, tabId)).toEqual({ ok: false, reason: 'not-allowed' });
    } finally {
      await page.close();
    }
  });

  it('"Run automatically on this site" from the options page: scanned automatically; "Revoke": not', async () => {
    const options = await openOptions(b);
    try {
      expect(await grantedRows(options)).toEqual([]);
      await options.evaluate((site: string) => {
        const input = document.querySelector('#permission-site-input') as HTMLInputElement;
        input.value = site;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, `http://${OTHER_SITE}:8080/some/page`);
      await options.click('#permission-allow-site');
      await waitFor(
        async () => (await grantedRows(options)).includes(OTHER_SITE),
        'the granted site in the options page',
      );
      await waitFor(
        async () => (await registeredIds(b)).includes(SITE_SCRIPT),
        'the registration for the granted site',
      );

      const url = otherUrl();
      const page = await b.newPage(url);
      const results = await waitForTabResults(b, url);
      expect(flagNames(results)).toEqual(EXPECTED_FLAGS);
      await page.close();

      await options.bringToFront();
      await revokeInOptions(options, OTHER_SITE);
      await waitFor(async () => !(await registeredIds(b)).includes(SITE_SCRIPT), 'the registration to go');
    } finally {
      await options.close();
    }
    const after = otherUrl();
    const again = await b.newPage(after);
    try {
      await expectNotScanned(b, again, after);
    } finally {
      await again.close();
    }
  });

  it('"Run automatically on all sites": one registration that leaves the supported sites to the manifest; revocable', async () => {
    const options = await openOptions(b);
    try {
      await options.click('#permission-allow-all');
      await waitFor(async () => (await grantedRows(options)).includes('*'), 'all sites in the options page');
      await waitFor(async () => (await registeredIds(b)).includes(ALL_SITES_SCRIPT), 'the all-sites registration');
      expect(await registeredIds(b)).toEqual([ALL_SITES_SCRIPT]);
      const reg = await registered(b, ALL_SITES_SCRIPT);
      expect(reg?.excludeMatches).toContain('http://127.0.0.1/*');

      const url = otherUrl();
      const page = await b.newPage(url);
      const results = await waitForTabResults(b, url);
      expect(flagNames(results)).toEqual(EXPECTED_FLAGS);
      await page.close();

      await options.bringToFront();
      await revokeInOptions(options, '*');
      await waitFor(async () => (await registeredIds(b)).length === 0, 'the registration to go');
    } finally {
      await options.close();
    }
    const after = otherUrl();
    const again = await b.newPage(after);
    try {
      await expectNotScanned(b, again, after);
    } finally {
      await again.close();
    }
  });
});
