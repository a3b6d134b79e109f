// Amazon product pages. The generic rules already read the "Brand" / "Merk" / "Marque" /
// "Marke" / "Marca" rows of the product overview and technical tables, the detail bullets
// ("Manufacturer ‏ : ‎ ...") and the buy box's "Sold by" column. What only Amazon states
// is the byline above the title, "Visit the SainSmart Store" / "Visita la tienda de
// Cecotec" / "Brand: AHAVA", which names the brand without a label the generic rules know;
// on books the same slot names the authors, which are no brand.
//
// ## Test URLs
// - https://www.amazon.com/dp/B0057OC5O8 (SainSmart relay module: byline store link, "Brand" row, sold by "SainSmart Official")
// - https://www.amazon.es/dp/B01MUGXRT9 (Cecotec Windroid: "Visita la tienda de Cecotec", "Marca" rows)
// - https://www.amazon.co.uk/dp/1849757097 (cookbook: byline is the author, not a brand; "Sold by Goldstone-Books")
// - https://www.amazon.nl/s?k=ahava and any product page found from it ("Merk", "Bezoek de AHAVA-winkel")
// - https://www.amazon.fr/s?k=ahava, https://www.amazon.de/s?k=ahava, https://www.amazon.com.be/s?k=ahava
import type { FieldRole } from '../../../core/types';
import type { SiteAdapter } from './types';

const DOMAINS = [
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
];

const BYLINE_IDS = new Set(['bylineInfo_feature_div', 'bylineInfo']);

function fieldOf(el: Element): FieldRole | null {
  const id = el.getAttribute('id');
  if (id && BYLINE_IDS.has(id)) {
    // Books, music, films: "by David Baldacci (Author)".
    return el.querySelector('.author, .contributorNameID') ? null : 'brand';
  }
  return null;
}

export const amazon: SiteAdapter = {
  id: 'amazon',
  kind: 'shop',
  domains: DOMAINS,
  // Not www.amazon.co.uk: the browser tests serve their reference copies of shop pages there,
  // as a real shop host the content script does not run on (tests/e2e/quiet-pages.test.ts).
  // "Check this page" and an allowed site still read it with this adapter.
  hosts: [
    'https://www.amazon.com/*',
    'https://www.amazon.com.be/*',
    'https://www.amazon.nl/*',
    'https://www.amazon.fr/*',
    'https://www.amazon.de/*',
    'https://www.amazon.es/*',
    'https://www.amazon.it/*',
    'https://www.amazon.se/*',
    'https://www.amazon.pl/*',
    'https://www.amazon.ca/*',
    'https://www.amazon.com.tr/*',
  ],
  fieldOf,
};
