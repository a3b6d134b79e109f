// Albert Heijn (ah.nl, ah.be) product pages: the brand is in the page's schema.org Product
// data and in the "Merk" / "Fabrikant" / "Leverancier" rows of the product information,
// both read generically; this adapter only names the site and its test URLs.
//
// ## Test URLs
// - https://www.ah.nl/zoeken?query=ahava (search; open a product page)
// - https://www.ah.be/zoeken?query=sodastream
import type { SiteAdapter } from './types';

export const albertHeijn: SiteAdapter = {
  id: 'albert-heijn',
  kind: 'shop',
  domains: ['ah.nl', 'ah.be'],
  hosts: ['https://www.ah.nl/*', 'https://www.ah.be/*'],
};
