// bol.com product and listing pages. The product page's specifications are dt/dd pairs
// ("Merk", "Fabrikant"), the seller line reads "Verkoop door ..." / "Vendu par ...", and
// tiles come with the brand in the page's data: the generic rules and the JSON-LD reader
// cover these, so this adapter only names the site and its test URLs.
//
// ## Test URLs
// - https://www.bol.com/nl/nl/ (home page: tiles are placeholders filled by scripts; navigation only)
// - https://www.bol.com/nl/nl/s/?searchtext=ahava (search results; open a product page for the "Merk" row)
// - https://www.bol.com/be/fr/s/?searchtext=ahava (Belgian French: "Marque", "Vendu par")
import type { SiteAdapter } from './types';

export const bol: SiteAdapter = {
  id: 'bol',
  kind: 'shop',
  domains: ['bol.com'],
  hosts: ['https://www.bol.com/*'],
};
