// Which of the supported sites are tender platforms and which are shops: the default for
// marking names on pages differs between the two (settings.ts, marksFor). Each site adapter
// states its kind and domains (src/formats/page/sites/); the build compiles them into
// src/generated/site-domains.json, which is all the content script carries of the sites.
import domains from '../generated/site-domains.json';
import type { SiteDomains, SiteKind } from '../formats/page/sites';

export type { SiteKind } from '../formats/page/sites';

const SITES = domains as SiteDomains;

/** Public tender platforms and notice portals (subdomains included). */
export const PROCUREMENT_DOMAINS: readonly string[] = SITES.procurement;

/** Webshops and supermarkets (subdomains included). */
export const SHOP_DOMAINS: readonly string[] = SITES.shop;

const inDomains = (host: string, domains: readonly string[]): boolean =>
  domains.some((d) => host === d || host.endsWith(`.${d}`));

const hostOf = (hostname: string): string => hostname.trim().toLowerCase().replace(/\.$/, '');

/** The kind of site `hostname` is, or null for any other site. */
export function siteKind(hostname: string): SiteKind | null {
  const host = hostOf(hostname);
  if (!host) return null;
  if (inDomains(host, PROCUREMENT_DOMAINS)) return 'procurement';
  if (inDomains(host, SHOP_DOMAINS)) return 'shop';
  return null;
}

/** True when the site's pages hold names in their inline data (read by its adapter). */
export function siteHasPageData(hostname: string): boolean {
  const host = hostOf(hostname);
  return host !== '' && inDomains(host, SITES.pageData);
}
