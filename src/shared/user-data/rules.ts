// Pure rules for dismissals: which apply where, and what is a valid one. No IndexedDB, so
// the content script, the popup and the background can all import this file cheaply.
//
// A dismissal hides exactly one entity (on one site, or everywhere). Nothing here hides
// anything else: other flags on the same page, the same name of another entity, and
// look-alike notes all stay.
//
// Imports nothing that touches extension APIs, so shared code that also runs in Node
// (audit records, the CLI) can use it.
import type { TabResults } from '../messages';
import { isCompiledData } from './compiled-shape';
import type { Dismissal, DismissalScope, UserDataReply } from './types';

export function dismissalId(entity: string, scope: DismissalScope, site: string | null): string {
  return scope === 'everywhere' ? `everywhere|${entity}` : `site|${site ?? ''}|${entity}`;
}

/**
 * A hostname as the browser reports it (already lower case and punycode), in the form
 * stored sites have (normalizeHostname at write time): no trailing dot, no "www.".
 */
function siteKey(hostname: string): string {
  return hostname
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Shape check for records read back from storage or received in a message. */
export function isDismissal(v: unknown): v is Dismissal {
  if (!isObject(v)) return false;
  if (typeof v.id !== 'string' || typeof v.entity !== 'string' || v.entity === '') return false;
  if (typeof v.entityName !== 'string' || typeof v.reason !== 'string' || typeof v.createdAt !== 'string') return false;
  if (v.scope === 'everywhere') return v.site === null;
  return v.scope === 'site' && typeof v.site === 'string' && v.site !== '';
}

/** Does `d` apply on a page of `hostname`? Site dismissals cover subdomains, like pausing. */
export function dismissalApplies(d: Dismissal, hostname: string | null | undefined): boolean {
  if (d.scope === 'everywhere') return true;
  const host = hostname ? siteKey(hostname) : null;
  if (!host || !d.site) return false;
  return host === d.site || host.endsWith(`.${d.site}`);
}

/** The dismissal hiding `entityId` on `hostname`, if any ("everywhere" first). */
export function dismissalFor(
  dismissals: readonly Dismissal[],
  entityId: string,
  hostname: string | null | undefined,
): Dismissal | undefined {
  let found: Dismissal | undefined;
  for (const d of dismissals) {
    if (d.entity !== entityId || !dismissalApplies(d, hostname)) continue;
    if (d.scope === 'everywhere') return d;
    found ??= d;
  }
  return found;
}

export function isDismissed(
  dismissals: readonly Dismissal[],
  entityId: string,
  hostname: string | null | undefined,
): boolean {
  return dismissalFor(dismissals, entityId, hostname) !== undefined;
}

/** The dismissals that apply on `hostname` (what a content script on that site needs). */
export function dismissalsInForce(dismissals: readonly Dismissal[], hostname: string | null | undefined): Dismissal[] {
  return dismissals.filter((d) => dismissalApplies(d, hostname));
}

/** The entity ids dismissed on `hostname`, for quick checks while painting or counting. */
export function dismissedEntitySet(dismissals: readonly Dismissal[], hostname: string | null | undefined): Set<string> {
  return new Set(dismissalsInForce(dismissals, hostname).map((d) => d.entity));
}

/**
 * The badge number with dismissals applied: distinct entities with a `flag` match that
 * the user has not dismissed on the tab's site (the top frame's hostname).
 */
export function undismissedFlagCount(results: TabResults | null, dismissals: readonly Dismissal[]): number {
  if (!results) return 0;
  const top = results.frames['0'];
  let host: string | null = null;
  try {
    host = top ? new URL(top.url).hostname : null;
  } catch {
    host = null;
  }
  const hidden = dismissedEntitySet(dismissals, host);
  const entities = new Set<string>();
  for (const frame of Object.values(results.frames)) {
    for (const m of frame.matches) if (m.level === 'flag' && !hidden.has(m.entity)) entities.add(m.entity);
  }
  return entities.size;
}

/** Check of a `get-user-data` reply (the content script validates what it receives). */
export function isUserDataReply(v: unknown): v is UserDataReply {
  if (!isObject(v) || !Array.isArray(v.dismissals) || !v.dismissals.every(isDismissal)) return false;
  return v.imported === null || isCompiledData(v.imported);
}
