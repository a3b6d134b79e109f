// User settings, stored in browser.storage.local under one key (`settings`).
// Reading never throws and never writes: a corrupt or foreign value gives defaults for
// the damaged parts only, and the stored value stays as it was until the user changes
// something (then saveSettings writes a clean value).
import { browser } from './browser';

export interface Settings {
  /** List id -> on/off. A list missing here is on. */
  enabledLists: Record<string, boolean>;
  /** Hostnames where the extension does not scan (subdomains included). */
  pausedSites: string[];
  /**
   * Review mode: possible matches are marked on pages too (dotted). Off by default, because
   * marks on ordinary words ("Yes", "Orange") teach people to ignore the flags. The popup
   * can turn it on or off for one tab (src/content/review-mode.ts).
   */
  reviewMode: boolean;
}

export const SETTINGS_KEY = 'settings';

/** Bounds that keep a damaged or hostile stored value from blowing up the UI. */
const MAX_PAUSED_SITES = 1000;
const MAX_LIST_ID_LENGTH = 200;

export function defaultSettings(): Settings {
  return { enabledLists: {}, pausedSites: [], reviewMode: false };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Pure: turn whatever is stored into valid Settings, keeping every valid part. */
export function parseSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  if (!isObject(raw)) return settings;
  if (isObject(raw.enabledLists)) {
    for (const [id, on] of Object.entries(raw.enabledLists)) {
      if (typeof on === 'boolean' && id.length > 0 && id.length <= MAX_LIST_ID_LENGTH) {
        settings.enabledLists[id] = on;
      }
    }
  }
  if (Array.isArray(raw.pausedSites)) {
    const seen = new Set<string>();
    for (const site of raw.pausedSites) {
      const host = typeof site === 'string' ? normalizeHostname(site) : null;
      if (host && !seen.has(host) && seen.size < MAX_PAUSED_SITES) {
        seen.add(host);
        settings.pausedSites.push(host);
      }
    }
  }
  // Only a stored `true` turns it on: anything else (missing, damaged) keeps pages quiet.
  if (raw.reviewMode === true) settings.reviewMode = true;
  return settings;
}

/** Missing = enabled: lists added by a later version are on until the user turns them off. */
export function isListEnabled(settings: Settings, listId: string): boolean {
  return settings.enabledLists[listId] !== false;
}

/** The enabled subset of `listIds`, in the form Matcher.fromData takes. */
export function enabledListSet(settings: Settings, listIds: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const id of listIds) if (isListEnabled(settings, id)) set.add(id);
  return set;
}

/**
 * A hostname is paused when it is a paused host or a subdomain of one: pausing
 * `example.com` also pauses `shop.example.com`, never `notexample.com`.
 */
export function isSitePaused(settings: Settings, hostname: string): boolean {
  return pausedEntriesFor(settings, hostname).length > 0;
}

/** The paused entries that cover `hostname` (what "Resume on this site" removes). */
export function pausedEntriesFor(settings: Settings, hostname: string): string[] {
  const host = normalizeHostname(hostname);
  if (!host) return [];
  return settings.pausedSites.filter((p) => host === p || host.endsWith(`.${p}`));
}

/**
 * Canonical form of what a user typed or a URL: lower case, punycode, no port, path,
 * trailing dot, leading "*." or "www.". Returns null when it is not a hostname.
 * "www." is dropped because users mean the site, and the subdomain rule then covers it.
 */
export function normalizeHostname(input: string): string | null {
  let s = input.trim();
  if (s.length === 0 || s.length > 300) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `http://${s.replace(/^\*\./, '')}`;
  let host: string;
  try {
    const url = new URL(s);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    host = url.hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  // IPv6 literals come back bracketed; anything else must be dot-separated labels.
  if (host.startsWith('[')) return host;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host)) return null;
  return host;
}

/** Pure: add a site (normalised); unchanged when invalid or already covered exactly. */
export function withPausedSite(settings: Settings, site: string): Settings {
  const host = normalizeHostname(site);
  if (!host || settings.pausedSites.includes(host)) return settings;
  return { ...settings, pausedSites: [...settings.pausedSites, host] };
}

/** Pure: remove the given entries. */
export function withoutPausedSites(settings: Settings, sites: readonly string[]): Settings {
  return { ...settings, pausedSites: settings.pausedSites.filter((p) => !sites.includes(p)) };
}

/** Pure: turn review mode on or off. */
export function withReviewMode(settings: Settings, on: boolean): Settings {
  return { ...settings, reviewMode: on };
}

/** Pure: switch one list on or off. */
export function withListEnabled(settings: Settings, listId: string, on: boolean): Settings {
  return { ...settings, enabledLists: { ...settings.enabledLists, [listId]: on } };
}

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  } catch (err) {
    // Storage can fail (profile trouble, extension context gone): scanning with the
    // defaults is better than not working at all, and nothing is overwritten.
    console.warn('Settlement Screen: could not read settings', err);
    return defaultSettings();
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  // Store a parsed copy so only valid data is ever written.
  await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(settings) });
}

/** Calls `listener` with the new settings whenever they change; returns an unsubscribe. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      listener(parseSettings(changes[SETTINGS_KEY].newValue));
    }
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
