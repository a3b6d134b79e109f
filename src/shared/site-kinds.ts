// Which of the supported sites are tender platforms and which are shops: the default for
// marking names on pages differs between the two (settings.ts, marksFor). Each site adapter
// states its kind and domains (src/formats/page/sites/), so a new site has a kind as soon as
// it is supported, and the same domains the content script reads.
import { ADAPTERS, type SiteKind } from '../formats/page/sites';

export type { SiteKind } from '../formats/page/sites';

const domainsOf = (kind: SiteKind): readonly string[] =>
  ADAPTERS.filter((a) => a.kind === kind).flatMap((a) => a.domains);

/** Public tender platforms and notice portals (subdomains included). */
export const PROCUREMENT_DOMAINS: readonly string[] = domainsOf('procurement');

/** Webshops and supermarkets (subdomains included). */
export const SHOP_DOMAINS: readonly string[] = domainsOf('shop');

const inDomains = (host: string, domains: readonly string[]): boolean =>
  domains.some((d) => host === d || host.endsWith(`.${d}`));

/** The kind of site `hostname` is, or null for any other site. */
export function siteKind(hostname: string): SiteKind | null {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  if (inDomains(host, PROCUREMENT_DOMAINS)) return 'procurement';
  if (inDomains(host, SHOP_DOMAINS)) return 'shop';
  return null;
}
