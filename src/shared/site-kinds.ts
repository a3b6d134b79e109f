// Which of the supported sites are tender platforms and which are shops: the default for
// marking names on pages differs between the two (settings.ts, marksFor). The domains are
// those of the manifest's content scripts and of the site adapters (src/formats/page/sites/);
// tests/unit/private-mode.test.ts checks that every one of them has a kind here.

export type SiteKind = 'procurement' | 'shop';

/** Public tender platforms and notice portals (subdomains included). */
export const PROCUREMENT_DOMAINS: readonly string[] = [
  'ted.europa.eu',
  'publicprocurement.be',
  'tenderned.nl',
  'mercell.com',
  'boamp.fr',
  'find-tender.service.gov.uk',
  'contractsfinder.service.gov.uk',
];

/** Webshops and supermarkets (subdomains included). */
export const SHOP_DOMAINS: readonly string[] = [
  'bol.com',
  'amazon.com',
  'amazon.com.be',
  'amazon.nl',
  'amazon.fr',
  'amazon.de',
  'amazon.es',
  'amazon.it',
  'amazon.co.uk',
  'amazon.se',
  'amazon.pl',
  'amazon.ca',
  'amazon.com.tr',
  'colruyt.be',
  'collectandgo.be',
  'delhaize.be',
  'ah.nl',
  'ah.be',
  'carrefour.be',
  'carrefour.fr',
  'carrefour.es',
  'leclercdrive.fr',
];

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
