// Which of the user's dismissals apply to a finding. The dismissals themselves live in the
// user-data store (src/shared/user-data); the record builders take them as plain input so
// they stay pure and testable.
import { normalizeName } from '../../../core/normalize';
import type { AuditDismissalRef, Dismissal } from './types';

/** Reads the dismissals in force. Injected: the extension passes the user-data store's reader. */
export type DismissalReader = () => Promise<Dismissal[]>;

function hostCovered(site: string, host: string | null): boolean {
  if (host === null) return false;
  const s = site.toLowerCase().replace(/^www\./, '');
  const h = host.toLowerCase().replace(/^www\./, '');
  return h === s || h.endsWith(`.${s}`);
}

/** A dismissal limited to a site applies on that site (and its subdomains) only. */
export function dismissalApplies(d: Dismissal, host: string | null): boolean {
  return d.site === null || d.site === '' || hostCovered(d.site, host);
}

/**
 * The dismissal covering `entityName` here, if any. Names are compared normalised, so
 * "ACME Holdings Ltd" and "Acme Holdings Ltd." are the same dismissal.
 */
export function dismissalFor(
  dismissals: readonly Dismissal[],
  entityName: string,
  host: string | null,
): AuditDismissalRef | null {
  const key = normalizeName(entityName);
  for (const d of dismissals) {
    if (normalizeName(d.entityName) === key && dismissalApplies(d, host)) {
      return { reason: d.reason, createdAt: d.createdAt, scope: d.scope, site: d.site };
    }
  }
  return null;
}
