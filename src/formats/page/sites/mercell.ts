// Mercell (mercell.com), a tender platform used by buyers in Belgium, the Netherlands and the
// Nordics. Tender and award pages are label/value lists ("Buyer", "Supplier", "Awarded to",
// "Aanbestedende dienst", "Leverancier"), read by the generic rules; nothing site-specific
// is known to be needed, so this adapter only names the site and its test URLs.
//
// ## Test URLs
// - https://www.mercell.com/en-gb/tender/ (any award result page)
// - https://app.mercell.com/ (tender detail pages, after sign-in)
import type { SiteAdapter } from './types';

export const mercell: SiteAdapter = {
  id: 'mercell',
  kind: 'procurement',
  domains: ['mercell.com'],
  // Tenders and awards are spread over several subdomains (www.mercell.com, app.mercell.com, ...).
  hosts: ['https://*.mercell.com/*'],
};
