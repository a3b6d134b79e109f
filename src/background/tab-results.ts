// Pure logic for per-tab results: merging one frame's report into what the tab already
// has, and counting what the badge shows. No extension APIs, so it is unit-tested directly.
import type { PageReport, ReportSequence, TabResults } from '../shared/messages';

/**
 * Bounds on what one frame may store. storage.session is small (10 MB in Chrome for the
 * whole extension) and a hostile page can contain a name a million times; the popup
 * cannot show more than this usefully anyway.
 */
export const MAX_MATCHES_PER_FRAME = 2000;
export const MAX_GUARDS_PER_FRAME = 500;

export const tabKey = (tabId: number): string => `tab:${tabId}`;

/** Same document: equal URLs apart from the fragment (an in-page anchor is no navigation). */
export function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/**
 * Merge a frame's report into the tab's results. The background, not the page, says which
 * frame a report came from (sender.frameId), and stamps it into every match so "show on
 * page" reaches the right frame. A new top-frame report for a different document means the
 * tab navigated: reports from the old document's subframes are dropped. A report older
 * than the one kept for its frame, by the frame's own numbering, is ignored.
 */
export function mergeFrameReport(
  prev: TabResults | null,
  tabId: number,
  frameId: number,
  report: PageReport,
): TabResults {
  const held = prev && prev.tabId === tabId ? prev.frames[String(frameId)] : undefined;
  // An older report of the same instance than the one kept: a delivery retried while the
  // worker restarted that got through after a newer one. The newer result stays.
  if (prev && held?.sequence && report.sequence && isOlder(report.sequence, held.sequence)) return prev;
  const stamped: PageReport = {
    ...report,
    matches: report.matches.slice(0, MAX_MATCHES_PER_FRAME).map((m) => ({ ...m, frameId })),
    guards: report.guards.slice(0, MAX_GUARDS_PER_FRAME),
  };
  let frames: Record<string, PageReport> = prev && prev.tabId === tabId ? { ...prev.frames } : {};
  if (frameId === 0) {
    const oldTop = frames['0'];
    if (oldTop && !sameDocument(oldTop.url, report.url)) frames = {};
  }
  frames[String(frameId)] = stamped;
  return { tabId, frames };
}

/** Numbers compare within one instance only (a new document starts its own). */
const isOlder = (a: ReportSequence, b: ReportSequence): boolean => a.instance === b.instance && a.n < b.n;

/** The badge number: distinct entities with at least one `flag`-level match, across frames. */
export function flaggedEntityCount(results: TabResults | null): number {
  if (!results) return 0;
  const entities = new Set<string>();
  for (const frame of Object.values(results.frames)) {
    for (const m of frame.matches) if (m.level === 'flag') entities.add(m.entity);
  }
  return entities.size;
}

/** Badge text: empty when nothing is flagged (no "0" on every page). */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Should a tab update with this URL drop the stored results? */
export function isNavigationAway(prev: TabResults | null, newUrl: string): boolean {
  const top = prev?.frames['0'];
  // Without a top-frame report there is nothing reliable to compare: subframe reports
  // may already belong to the new document, so keep them.
  if (!top) return false;
  return !sameDocument(top.url, newUrl);
}

/** Minimal shape check of what storage.session returns (written only by us, but a
 * version update or a bug must not crash the popup). */
export function asTabResults(value: unknown, tabId: number): TabResults | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<TabResults>;
  if (v.tabId !== tabId || typeof v.frames !== 'object' || v.frames === null) return null;
  for (const frame of Object.values(v.frames)) {
    if (typeof frame !== 'object' || frame === null || !Array.isArray(frame.matches)) return null;
  }
  return v as TabResults;
}
