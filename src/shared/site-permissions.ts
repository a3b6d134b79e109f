// The sites the extension runs on, as the user and the browser see them: the match patterns
// "Run automatically on this site" asks for, the user's grants grouped into sites, and
// whether the browser lets the content script run on the supported sites. Shared by the
// options page (which asks and shows) and the background (which registers the content
// script on granted sites, src/background/permissions.ts).
import { browser } from './browser';
import { normalizeHostname } from './settings';

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

// ---- extension API half ----

export interface ManifestLike {
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
