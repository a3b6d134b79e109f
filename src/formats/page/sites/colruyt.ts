// Colruyt (colruyt.be, Collect&Go) product pages: brand in the schema.org Product data and
// in the "Merk" / "Marque" product details, read generically; this adapter only names the
// site and its test URLs.
//
// ## Test URLs
// - https://www.colruyt.be/nl/producten?searchTerm=ahava (open a product page)
// - https://www.colruyt.be/fr/produits?searchTerm=ahava
import type { SiteAdapter } from './types';

export const colruyt: SiteAdapter = {
  id: 'colruyt',
  kind: 'shop',
  domains: ['colruyt.be', 'collectandgo.be'],
  hosts: ['https://www.colruyt.be/*', 'https://www.collectandgo.be/*'],
};
