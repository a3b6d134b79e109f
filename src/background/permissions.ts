// Least privilege: the manifest's content script runs automatically only on the supported
// tender platforms and webshops. Anywhere else the extension runs when the user clicks
// "Check this page" (activeTab), or on sites the user allowed from the options page
// (optional host permissions). For those grants the content script is registered with
// scripting.registerContentScripts, one registration per granted site, and the
// registrations are brought in line with the granted permissions whenever they may
// differ: on install/update, on browser start, and when a permission is added or removed
// (also from the browser's own extension settings, which bypass the options page).
//
// The pure half (patterns from a hostname, grouping granted origins into sites, the plan
// that turns "registered" into "wanted") is unit-tested; the thin API half runs it.
import { browser } from '../shared/browser';
import {
  ALL_SITES_KEY,
  ALL_SITES_SCRIPT_ID,
  SCRIPT_ID_PREFIX,
  builtInPatterns,
  groupGrantedOrigins,
  type GrantedSite,
  type ManifestLike,
} from '../shared/site-permissions';
import { contentScriptFiles } from './inject';

/** The registration fields we set and compare. */
export interface ScriptRegistration {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js: string[];
  css: string[];
  allFrames: boolean;
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** As scripting.getRegisteredContentScripts returns them (fields may be missing). */
export interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  css?: string[];
}

export function siteScriptId(key: string): string {
  return key === ALL_SITES_KEY ? ALL_SITES_SCRIPT_ID : `${SCRIPT_ID_PREFIX}site:${key}`;
}

/**
 * Pure: the registrations the grants call for. With all sites granted, one registration
 * covers every site (per-site ones would only inject a second copy); it excludes the
 * supported sites, where the manifest's own content script already runs.
 */
export function desiredRegistrations(
  sites: readonly GrantedSite[],
  builtIn: readonly string[],
  files: { js: readonly string[]; css: readonly string[] },
): ScriptRegistration[] {
  if (files.js.length === 0) return [];
  const base = {
    js: files.js.map(extensionRelativePath),
    css: files.css.map(extensionRelativePath),
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  const all = sites.find((s) => s.key === ALL_SITES_KEY);
  if (all) {
    return [
      {
        id: ALL_SITES_SCRIPT_ID,
        matches: [...all.origins],
        ...(builtIn.length > 0 ? { excludeMatches: [...builtIn] } : {}),
        ...base,
      },
    ];
  }
  return sites.map((s) => ({ id: siteScriptId(s.key), matches: [...s.origins], ...base }));
}

/**
 * Pure: a file path relative to the extension root. Firefox's runtime.getManifest() gives
 * content-script files as absolute moz-extension:// URLs, which registerContentScripts
 * refuses ("must be a relative URL"); Chrome gives them relative, sometimes with "/".
 */
export function extensionRelativePath(path: string): string {
  return path.replace(/^[a-z-]+-extension:\/\/[^/]+\//i, '').replace(/^\/+/, '');
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  JSON.stringify([...(a ?? [])].map(extensionRelativePath).sort()) ===
  JSON.stringify([...(b ?? [])].map(extensionRelativePath).sort());

/**
 * Pure: what to unregister and register so that the registered scripts are exactly the
 * desired ones. A registration that differs (other patterns, or files renamed by an
 * extension update) is replaced. Registrations without our prefix are left alone.
 */
export function planSync(
  registered: readonly RegisteredScript[],
  desired: readonly ScriptRegistration[],
): { unregister: string[]; register: ScriptRegistration[] } {
  const want = new Map(desired.map((d) => [d.id, d]));
  const have = new Map(registered.filter((r) => r.id.startsWith(SCRIPT_ID_PREFIX)).map((r) => [r.id, r]));
  const unregister: string[] = [];
  const register: ScriptRegistration[] = [];
  for (const [id, r] of have) {
    const d = want.get(id);
    const same =
      d &&
      sameList(r.matches, d.matches) &&
      sameList(r.excludeMatches, d.excludeMatches) &&
      sameList(r.js, d.js) &&
      sameList(r.css, d.css);
    if (!same) unregister.push(id);
  }
  for (const d of desired) {
    if (!have.has(d.id) || unregister.includes(d.id)) register.push(d);
  }
  return { unregister, register };
}

// ---- extension API half ----

let syncing: Promise<void> = Promise.resolve();

/**
 * Brings the registered content scripts in line with the granted permissions. Serialised:
 * install, start-up and permission events can fire together, and two overlapping runs
 * would both try to register the same id.
 */
export function syncRegisteredScripts(): Promise<void> {
  const run = syncing.catch(() => undefined).then(syncOnce);
  syncing = run;
  return run;
}

async function syncOnce(): Promise<void> {
  const manifest = browser.runtime.getManifest() as ManifestLike;
  const builtIn = builtInPatterns(manifest);
  const [perms, registered] = await Promise.all([
    browser.permissions.getAll(),
    browser.scripting.getRegisteredContentScripts(),
  ]);
  const desired = desiredRegistrations(
    groupGrantedOrigins(perms.origins ?? [], builtIn),
    builtIn,
    contentScriptFiles(manifest),
  );
  const plan = planSync(registered as RegisteredScript[], desired);
  if (plan.unregister.length > 0) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length > 0) await browser.scripting.registerContentScripts(plan.register);
}

/** Call once, synchronously, at the top level of the background script. */
export function registerPermissionSync(): void {
  const sync = () => {
    syncRegisteredScripts().catch((err) =>
      console.warn('Settlement Screen: could not update the sites it runs on', err),
    );
  };
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
