// Carrefour (carrefour.fr, carrefour.be, carrefour.es) product pages: brand in the
// schema.org Product data and in the "Marque" / "Merk" / "Marca" characteristics, read
// generically; this adapter only names the site and its test URLs. (Carrefour is itself a
// listed name: on its own pages it is the seller, stated by the page's data when at all.)
//
// ## Test URLs
// - https://www.carrefour.fr/s?q=ahava (open a product page)
// - https://www.carrefour.be/nl/search?q=ahava
// - https://www.carrefour.es/?q=ahava
import type { SiteAdapter } from './types';

export const carrefour: SiteAdapter = {
  id: 'carrefour',
  kind: 'shop',
  domains: ['carrefour.fr', 'carrefour.be', 'carrefour.es'],
  hosts: ['https://www.carrefour.fr/*', 'https://www.carrefour.be/*', 'https://www.carrefour.es/*'],
};
