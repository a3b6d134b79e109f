// Delhaize (delhaize.be) product pages: brand in the schema.org Product data and in the
// "Merk" / "Marque" product details, read generically; this adapter only names the site
// and its test URLs.
//
// ## Test URLs
// - https://www.delhaize.be/nl/search?q=ahava (open a product page)
// - https://www.delhaize.be/fr/search?q=ahava
import type { SiteAdapter } from './types';

export const delhaize: SiteAdapter = {
  id: 'delhaize',
  kind: 'shop',
  domains: ['delhaize.be'],
  hosts: ['https://www.delhaize.be/*'],
};
