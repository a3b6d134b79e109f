// A site adapter: what one site's own structure says about the names on it, beyond what
// the generic field detection (src/formats/page/fields/) reads everywhere, and where the
// site is: the manifest's content script hosts and the kinds of site (src/shared/site-kinds.ts)
// come from the adapters. One small file per site, each with a "## Test URLs" header comment
// and a fixture in tests/fixtures/sites/.
import type { FieldRole } from '../../../core/types';
import type { ExtraBlock } from '../fields/types';

/** Tender platforms get marks on the page by default, shops do not (src/shared/settings.ts). */
export type SiteKind = 'procurement' | 'shop';

export interface SiteAdapter {
  /** Stable id, also the fixture's file name (tests/fixtures/sites/<id>.html). */
  id: string;
  kind: SiteKind;
  /**
   * Registrable domains of the site, subdomains included: the pages the adapter reads
   * (adapterFor) and the site's kind, wherever the content script runs.
   */
  domains: readonly string[];
  /**
   * Match patterns the content script runs on automatically (manifest `content_scripts`),
   * each within `domains`: the hosts the site really serves its pages from, `*.` only for a
   * site spread over many subdomains. Pages elsewhere in `domains` are read when the user
   * asks ("Check this page", a site allowed on the options page).
   */
  hosts: readonly string[];
  /**
   * The role a block container has on this site, or null to fall back to the generic
   * rules. Called once per container per scan: attribute reads and bounded text reads only.
   */
  fieldOf?(el: Element): FieldRole | null;
  /** Names in the page's data (inline JSON) that are not visible text. */
  extraBlocks?(doc: Document): ExtraBlock[];
}

/** True when `url`'s host is one of `domains` or a subdomain of one. */
export function hostIn(url: URL, domains: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
