// Contracts Finder (contractsfinder.service.gov.uk), UK below-threshold notices. Awarded
// notices list "Awarded to" / "Supplier" with the supplier's name and address; the generic
// label rules read them, so this adapter only names the site and its test URLs.
//
// ## Test URLs
// - https://www.contractsfinder.service.gov.uk/Search (filter "Awarded" and open a notice)
import type { SiteAdapter } from './types';

export const contractsFinder: SiteAdapter = {
  id: 'contracts-finder',
  kind: 'procurement',
  domains: ['contractsfinder.service.gov.uk'],
  hosts: ['https://www.contractsfinder.service.gov.uk/*'],
};
