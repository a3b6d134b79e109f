// A site adapter: what one site's own structure says about the names on it, beyond what
// the generic field detection (src/formats/page/fields/) reads everywhere. One small file per
// site, each with a "## Test URLs" header comment and a fixture in tests/fixtures/sites/.
import type { FieldRole } from '../../../core/types';
import type { ExtraBlock } from '../fields/types';

export interface SiteAdapter {
  /** Stable id, also the fixture's file name (tests/fixtures/sites/<id>.html). */
  id: string;
  matches(url: URL): boolean;
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
