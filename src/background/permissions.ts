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
import { normalizeHostname } from '../shared/settings';
import { contentScriptFiles } from './inject';

/** What "Run automatically on all sites" asks for: exactly the manifest's optional hosts. */
export const ALL_SITES_ORIGINS: readonly string[] = ['https://*/*', 'http://*/*'];
/** The key of the all-sites grant in GrantedSite. */
export const ALL_SITES_KEY = '*';
/** Registration ids: ours all start with this, so other registrations are never touched. */
export const SCRIPT_ID_PREFIX = 'ss-auto:';
export const ALL_SITES_SCRIPT_ID = `${SCRIPT_ID_PREFIX}all-sites`;

const PATTERN_RE = /^(\*|https?):\/\/([^/]+)\/(.*)$/;

/** IP addresses and single-label hosts (localhost) take no "*." subdomain wildcard. */
function isPlainHost(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || !host.includes('.');
}

/**
 * Pure: the match patterns that "Run automatically on this site" requests for what the
 * user typed (a hostname or URL). The site includes its subdomains, as a paused site does
 * ("example.com" covers "www.example.com" and "shop.example.com"); IP addresses and
 * single-label hosts are taken exactly. Null when the input is not a hostname.
 */
export function originPatternsForHost(input: string): string[] | null {
  const host = normalizeHostname(input);
  if (!host) return null;
  const h = isPlainHost(host) ? host : `*.${host}`;
  return [`https://${h}/*`, `http://${h}/*`];
}

/** Pure: the site a pattern grants: "*" for all sites, else the hostname without "*.". */
export function siteKeyOfPattern(pattern: string): string | null {
  if (pattern === '<all_urls>') return ALL_SITES_KEY;
  const m = PATTERN_RE.exec(pattern);
  if (!m) return null;
  const host = m[2];
  if (host === '*') return ALL_SITES_KEY;
  return host.startsWith('*.') ? host.slice(2) : host;
}

export interface GrantedSite {
  /** "*" for all sites, else the hostname (without "*."). */
  key: string;
  /** The granted patterns behind it (both schemes, usually). */
  origins: string[];
}

/**
 * Pure: the user's grants, one per site, from permissions.getAll().origins. Patterns the
 * manifest's content script declares (the supported sites: Chrome and Firefox list them
 * among the granted origins) are built in, not grants. Sorted: all sites first.
 */
export function groupGrantedOrigins(origins: readonly string[], builtIn: readonly string[]): GrantedSite[] {
  const builtInSet = new Set(builtIn);
  const byKey = new Map<string, string[]>();
  for (const o of origins) {
    if (builtInSet.has(o)) continue;
    const key = siteKeyOfPattern(o);
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    if (!list.includes(o)) list.push(o);
    byKey.set(key, list);
  }
  return [...byKey]
    .map(([key, list]) => ({ key, origins: list.sort() }))
    .sort((a, b) => (a.key === ALL_SITES_KEY ? -1 : b.key === ALL_SITES_KEY ? 1 : a.key.localeCompare(b.key)));
}

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

interface ManifestLike {
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
}

/** The supported sites: the match patterns of the manifest's content scripts. */
export function builtInPatterns(manifest: ManifestLike = browser.runtime.getManifest() as ManifestLike): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []))];
}

/**
 * Pure: whether the browser lets the content script run on every supported site. Chromium
 * injects the manifest's content scripts without granting their patterns as host
 * permissions: permissions.contains() answers false for them, while getAll() lists them in
 * `origins` as long as the user has not withheld site access. Firefox treats them as host
 * permissions the user can withdraw, and both calls agree. So either answer is enough.
 */
export function builtInSitesRun(
  builtIn: readonly string[],
  grantedOrigins: readonly string[],
  contains: boolean,
): boolean {
  if (builtIn.length === 0 || contains) return true;
  const listed = new Set(grantedOrigins);
  return builtIn.every((p) => listed.has(p));
}

/** The same, asked of the browser. */
export async function builtInSitesAllowed(): Promise<boolean> {
  const builtIn = builtInPatterns();
  if (builtIn.length === 0) return true;
  const [all, contains] = await Promise.all([
    browser.permissions.getAll(),
    browser.permissions.contains({ origins: builtIn }),
  ]);
  return builtInSitesRun(builtIn, all.origins ?? [], contains);
}

/** The user's grants as the options page lists them. */
export async function grantedSites(): Promise<GrantedSite[]> {
  const all = await browser.permissions.getAll();
  return groupGrantedOrigins(all.origins ?? [], builtInPatterns());
}

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
