// User settings, stored in browser.storage.local under one key (`settings`).
// Reading never throws and never writes: a corrupt or foreign value gives defaults for
// the damaged parts only, and the stored value stays as it was until the user changes
// something (then saveSettings writes a clean value).
import { browser } from './browser';
import { siteKind } from './site-kinds';

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
  /**
   * Whether names are marked on pages. Marks are painted with the CSS Custom Highlight API,
   * whose registry is shared with the page: the site's own scripts (and every analytics or
   * ad script on it) can read which names are marked. In private mode nothing is painted
   * and results are shown only in the badge and the popup (docs/privacy.md).
   *   'by-site': private on shops, marks on tender platforms and on other sites;
   *   'mark': marks on every site; 'private': marks on none.
   * Per-site choices (privateSites, markedSites) win over this.
   */
  pageMarks: PageMarks;
  /** The user answered the first-run question (popup, options page); until then it is asked. */
  pageMarksChosen: boolean;
  /** Sites (subdomains included) where results are shown only in the toolbar, whatever pageMarks says. */
  privateSites: string[];
  /** Sites (subdomains included) where names are marked, whatever pageMarks says. */
  markedSites: string[];
  /**
   * Language of the extension's pages: 'auto' follows the browser's language; a locale code
   * overrides it (someone in a Dutch-language browser who reads German at work).
   */
  uiLanguage: UiLanguageChoice;
}

/** The locales shipped in public/_locales, in the order the options page offers them. */
export const UI_LANGUAGES = ['en', 'nl', 'fr', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type UiLanguageChoice = 'auto' | UiLanguage;

export type PageMarks = 'by-site' | 'mark' | 'private';

export const SETTINGS_KEY = 'settings';

/** Bounds that keep a damaged or hostile stored value from blowing up the UI. */
const MAX_PAUSED_SITES = 1000;
const MAX_MARKS_SITES = 1000;
const MAX_LIST_ID_LENGTH = 200;

export function defaultSettings(): Settings {
  return {
    enabledLists: {},
    pausedSites: [],
    reviewMode: false,
    pageMarks: 'by-site',
    pageMarksChosen: false,
    privateSites: [],
    markedSites: [],
    uiLanguage: 'auto',
  };
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
  settings.pausedSites = parseSites(raw.pausedSites, MAX_PAUSED_SITES);
  // Only a stored `true` turns it on: anything else (missing, damaged) keeps pages quiet.
  if (raw.reviewMode === true) settings.reviewMode = true;
  // Missing (settings from before the choice existed): the default. Present but not one of
  // the three: it may have been a choice for privacy, so nothing is marked rather than guess.
  if (raw.pageMarks !== undefined) {
    settings.pageMarks = raw.pageMarks === 'mark' || raw.pageMarks === 'by-site' ? raw.pageMarks : 'private';
  }
  if (raw.pageMarksChosen === true) settings.pageMarksChosen = true;
  settings.privateSites = parseSites(raw.privateSites, MAX_MARKS_SITES);
  // A site in both lists stays private: a damaged value must not show marks the user refused.
  settings.markedSites = parseSites(raw.markedSites, MAX_MARKS_SITES).filter(
    (site) => !settings.privateSites.includes(site),
  );
  // Anything but a shipped locale (a removed one, a damaged value) follows the browser.
  if (typeof raw.uiLanguage === 'string' && (UI_LANGUAGES as readonly string[]).includes(raw.uiLanguage)) {
    settings.uiLanguage = raw.uiLanguage as UiLanguage;
  }
  return settings;
}

/** Pure: choose the language of the extension's pages ('auto': the browser's). */
export function withUiLanguage(settings: Settings, uiLanguage: UiLanguageChoice): Settings {
  return { ...settings, uiLanguage };
}

/** Normalised, distinct hostnames from a stored list; anything else is dropped. */
function parseSites(raw: unknown, max: number): string[] {
  const out: string[] = [];
  if (!Array.isArray(raw)) return out;
  const seen = new Set<string>();
  for (const site of raw) {
    const host = typeof site === 'string' ? normalizeHostname(site) : null;
    if (host && !seen.has(host) && seen.size < max) {
      seen.add(host);
      out.push(host);
    }
  }
  return out;
}

/** Missing = enabled: lists added by a later version are on until the user turns them off. */
export function isListEnabled(settings: Settings, listId: string): boolean {
  return settings.enabledLists[listId] !== false;
}

/** The lists the user switched off, bundled or imported, as the background is asked to match without them. */
export function disabledListIds(settings: Settings): string[] {
  return Object.keys(settings.enabledLists).filter((id) => settings.enabledLists[id] === false);
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
  return entriesCovering(settings.pausedSites, hostname);
}

/** The entries of `sites` that are `hostname` or a parent domain of it. */
function entriesCovering(sites: readonly string[], hostname: string): string[] {
  // Most users have no such entries: the hostname is then not parsed (a URL parse is not
  // free in a fresh content-script world, and every covered page's start-up asks).
  if (sites.length === 0) return [];
  const host = normalizeHostname(hostname);
  if (!host) return [];
  return sites.filter((p) => covers(p, host));
}

/** `entry` is the normalised `host` or a parent domain of it. */
const covers = (entry: string, host: string): boolean => host === entry || host.endsWith(`.${entry}`);

/** Why a page is marked or not (the popup and the options page say it in words). */
export type MarksReason =
  'site-private' | 'site-marked' | 'all-private' | 'all-marked' | 'shop' | 'procurement' | 'other';

export interface MarksDecision {
  /** True: names are painted on the page. False: private, the badge and the popup only. */
  mark: boolean;
  reason: MarksReason;
}

/**
 * Pure: whether names are marked on pages of `hostname` (the site the user sees: the top
 * page's host). A per-site choice wins over the choice for all sites; a site in both
 * per-site lists is private. By site kind, the default:
 *   - shops: private. The visitor is a private person, a boycott is a political opinion,
 *     and shop pages carry many third-party analytics and ad scripts that would read the
 *     marks; the badge still counts the flags and the popup names them.
 *   - tender platforms: marked. The visitor reads long notices at work, applying a
 *     published purchasing policy, on public bodies' portals, and the marks find the name.
 *   - other sites: marked. The extension runs there only where the user asked for it (a
 *     click on "Check this page", or a site they allowed), mostly tender pages the
 *     built-in list lacks; the first-run question lets anyone make every site private.
 */
export function marksFor(settings: Settings, hostname: string): MarksDecision {
  if (entriesCovering(settings.privateSites, hostname).length > 0) return { mark: false, reason: 'site-private' };
  if (entriesCovering(settings.markedSites, hostname).length > 0) return { mark: true, reason: 'site-marked' };
  if (settings.pageMarks === 'private') return { mark: false, reason: 'all-private' };
  if (settings.pageMarks === 'mark') return { mark: true, reason: 'all-marked' };
  const kind = siteKind(hostname);
  if (kind === 'shop') return { mark: false, reason: 'shop' };
  return { mark: true, reason: kind === 'procurement' ? 'procurement' : 'other' };
}

/** Pure: the answer to "how should results be shown" for all sites (per-site choices stay). */
export function withPageMarks(settings: Settings, pageMarks: PageMarks): Settings {
  return { ...settings, pageMarks, pageMarksChosen: true };
}

/**
 * Pure: private (`mark` false) or marked on one site. Entries covering the site in the
 * other list are removed, and an entry is added only where the choice for all sites would
 * decide otherwise, so the lists hold only real exceptions.
 */
export function withSiteMarks(settings: Settings, site: string, mark: boolean): Settings {
  const host = normalizeHostname(site);
  if (!host) return settings;
  const without = {
    ...settings,
    privateSites: settings.privateSites.filter((p) => !covers(p, host)),
    markedSites: settings.markedSites.filter((p) => !covers(p, host)),
  };
  if (marksFor(without, host).mark === mark) return without;
  return mark
    ? { ...without, markedSites: [...without.markedSites, host] }
    : { ...without, privateSites: [...without.privateSites, host] };
}

/** Pure: forget the per-site choice for exactly these entries. */
export function withoutSiteMarks(settings: Settings, sites: readonly string[]): Settings {
  return {
    ...settings,
    privateSites: settings.privateSites.filter((p) => !sites.includes(p)),
    markedSites: settings.markedSites.filter((p) => !sites.includes(p)),
  };
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
