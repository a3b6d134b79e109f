// Typed messages between the extension's contexts. One union per direction, each
// validated on receipt with a guard: anything that does not validate is dropped.
import type { GuardHit, Match } from '../core/types';
import { isPageOrigins, type PageOrigins } from '../core/origin-report';

/** A match as reported from a page: the core match plus where it is on the page. */
export interface ReportedMatch extends Match {
  /** Stable key within the frame's report, used by "show on page". */
  key: string;
  /** Frame the match is in (0 = top frame). Filled in by the background. */
  frameId: number;
  /** A short excerpt of the block around the match, for context in the popup. */
  context: string;
  /**
   * True when the name is in the page's data (JSON-LD, inline product JSON) and not in its
   * visible text: nothing is highlighted and "show on page" is unavailable.
   */
  fromPageData?: boolean;
}

export interface ReportedGuard extends GuardHit {
  key: string;
}

/** What one frame's content script found. */
export interface PageReport {
  url: string;
  title: string;
  /** ISO date-time of the scan. */
  scannedAt: string;
  matches: ReportedMatch[];
  guards: ReportedGuard[];
  /** Number of text blocks and characters scanned (for the audit record and diagnostics). */
  blocks: number;
  chars: number;
  /** True when the user paused the extension on this site: nothing was scanned. */
  paused: boolean;
  /**
   * True while the first scan of a large page is still under way: the matches are what it
   * found so far (shown early rather than after the whole page). Absent when complete.
   */
  scanning?: boolean;
  /**
   * True when this frame marks possible matches on the page (review mode: the option, or the
   * popup's choice for this tab). The popup shows its per-tab switch from it. Absent on
   * paused reports.
   */
  reviewMode?: boolean;
  /**
   * True when this frame paints its marks on the page; false in private mode, where the
   * page is left exactly as it was and results are shown only in the badge and the popup.
   * The popup shows its "Show on page" button from it. Absent on paused reports.
   */
  marks?: boolean;
  /** Places of the settlement-localities list named as origin, producer or address: never counted as flags. */
  origins?: PageOrigins;
  /** Which of its frame's reports this is: the background keeps the newest (tab-results.ts). */
  sequence?: ReportSequence;
}

/**
 * A report's place among those of one content-script instance (one frame's document). A
 * retried delivery keeps its number, so an older report that gets through late is known.
 */
export interface ReportSequence {
  /** Random per instance: numbers from another document do not compare. */
  instance: string;
  n: number;
}

/** Everything the background keeps for a tab (in storage.session, so it survives restarts). */
export interface TabResults {
  tabId: number;
  frames: Record<string, PageReport>;
}

// ---- user data (content scripts and extension pages) -> background ----
// Reply: UserDataReply (src/shared/user-data/types.ts). Content scripts cannot open the
// extension's IndexedDB, so the background reads it for them.
export type UserDataRequest = { type: 'get-user-data' };

// ---- content script -> background ----
export type ContentToBackground = { type: 'page-report'; report: PageReport } | UserDataRequest;

// ---- extension pages (popup, options) -> background ----
export type PageToBackground =
  { type: 'get-tab-results'; tabId: number } | { type: 'check-page'; tabId: number } | UserDataRequest;

// ---- popup -> content script (tabs.sendMessage) ----
// `set-review-mode`: show or hide the possible matches on this tab's page (every frame),
// overriding the option until the page goes away (src/content/review-mode.ts).
// `set-page-marks`: paint this tab's marks (true: "Show on page" in private mode) or take
// them off (false) until the page goes away; null: follow the settings again
// (src/content/page-marks.ts).
export type PopupToContent =
  | { type: 'reveal-match'; key: string }
  | { type: 'rescan' }
  | { type: 'set-review-mode'; on: boolean }
  | { type: 'set-page-marks'; on: boolean | null };

export type ToBackground = ContentToBackground | PageToBackground;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isPageReport(v: unknown): v is PageReport {
  return (
    isObject(v) &&
    typeof v.url === 'string' &&
    typeof v.title === 'string' &&
    typeof v.scannedAt === 'string' &&
    Array.isArray(v.matches) &&
    v.matches.every(isReportedMatch) &&
    Array.isArray(v.guards) &&
    typeof v.blocks === 'number' &&
    typeof v.chars === 'number' &&
    typeof v.paused === 'boolean' &&
    (v.scanning === undefined || typeof v.scanning === 'boolean') &&
    (v.reviewMode === undefined || typeof v.reviewMode === 'boolean') &&
    (v.marks === undefined || typeof v.marks === 'boolean') &&
    (v.origins === undefined || isPageOrigins(v.origins)) &&
    (v.sequence === undefined || isReportSequence(v.sequence))
  );
}

function isReportSequence(v: unknown): v is ReportSequence {
  return (
    isObject(v) &&
    typeof v.instance === 'string' &&
    v.instance.length <= 64 &&
    typeof v.n === 'number' &&
    Number.isSafeInteger(v.n) &&
    v.n >= 0
  );
}

function isReportedMatch(v: unknown): v is ReportedMatch {
  return (
    isObject(v) &&
    typeof v.key === 'string' &&
    typeof v.text === 'string' &&
    (v.level === 'flag' || v.level === 'possible') &&
    typeof v.matchType === 'string' &&
    typeof v.entity === 'string' &&
    Array.isArray(v.lists) &&
    Array.isArray(v.evidence) &&
    (v.fromPageData === undefined || typeof v.fromPageData === 'boolean')
  );
}

export function isToBackground(v: unknown): v is ToBackground {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'page-report':
      return isPageReport(v.report);
    case 'get-tab-results':
    case 'check-page':
      return typeof v.tabId === 'number' && Number.isInteger(v.tabId) && v.tabId >= 0;
    case 'get-user-data':
      return true;
    default:
      return false;
  }
}

export function isPopupToContent(v: unknown): v is PopupToContent {
  if (!isObject(v)) return false;
  if (v.type === 'reveal-match') return typeof v.key === 'string' && v.key.length < 200;
  if (v.type === 'set-review-mode') return typeof v.on === 'boolean';
  if (v.type === 'set-page-marks') return v.on === null || typeof v.on === 'boolean';
  return v.type === 'rescan';
}
