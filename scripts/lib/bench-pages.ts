// Pages for the browser benchmark (scripts/lib/bench-browser.ts), generated rather than
// stored: several MB of HTML each. Deterministic (seeded), plainly fictional shops and
// notices; a few products and organisations carry names from the bundled lists, so the
// extension has something to flag, and most carry brand and company names that are on no
// list. Served from 127.0.0.1 (the -local build's content script runs there) and, for the
// memory baseline, from 127.0.0.2 (where it does not).

import { rng } from './bench-corpus';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const BRANDS = [
  'Nordic Home',
  'GreenFarm',
  'Maison Lumière',
  'Alpenhof',
  'Bella Cucina',
  'Urban Trail',
  'Zeeland Zuivel',
  'Kasa Verde',
  'Helios',
  'Brightway',
  'Oak & Ivy',
  'Vitalis',
  'Rivergate',
  'Sunnydale',
  'Fjordlys',
  'Montebello',
  'Polar Bay',
  'Castello',
  'Heritage Mills',
  'Blue Lagoon',
];
const PRODUCTS = [
  'organic oat drink',
  'whole wheat pasta',
  'extra virgin olive oil',
  'dark chocolate 70%',
  'sparkling water',
  'cotton T-shirt',
  'running shoes',
  'wireless mouse',
  'LED desk lamp',
  'stainless steel pan',
  'face cream',
  'shampoo for dry hair',
  'green tea',
  'ground coffee',
  'tomato passata',
  'basmati rice',
  'granola with nuts',
  'hand soap',
  'kitchen towels',
  'dishwasher tablets',
];
const SIZES = ['250 g', '500 g', '1 kg', '1 L', '6 x 33 cl', '75 cl', '100 ml', 'size M', 'pack of 4', '2 x 500 g'];
const DESCRIPTIONS = [
  'Carefully selected ingredients, produced in Europe and packed in recyclable packaging.',
  'Ideal for everyday use; store in a cool, dry place and consume before the date on the pack.',
  'Made from responsibly sourced materials. Machine washable at 30 degrees, do not tumble dry.',
  'Compact design with a long battery life, compatible with Windows, macOS and Linux.',
  'Dermatologically tested, suitable for sensitive skin, without parabens or added colour.',
  'Rich in fibre and a source of protein. Contains gluten; may contain traces of nuts.',
  'Produit de qualité, fabriqué en France. Conserver à l’abri de la chaleur et de l’humidité.',
  'Duurzaam geproduceerd en verpakt in gerecycled karton. Bewaren op een droge plaats.',
  'Hergestellt aus nachhaltigen Rohstoffen. Kühl und trocken lagern, vor Licht schützen.',
  'Producto elaborado con ingredientes seleccionados. Consumir preferentemente antes de la fecha indicada.',
];
/** Product names with a brand from the bundled lists (flags). */
const LISTED_PRODUCTS = [
  'Ahava Mineral Hand Cream 100 ml',
  'Carlsberg Pilsner 6 x 33 cl',
  'Delta Galil Cotton Briefs, pack of 3',
  'Ahava Dead Sea Mud Mask 100 ml',
  'Carlsberg Export 4 x 50 cl',
];

/** The HTML of one product tile (an <article> with title, description, price, rating, button). */
function tileHtml(i: number, random: () => number, listed: boolean): string {
  const title = listed
    ? LISTED_PRODUCTS[i % LISTED_PRODUCTS.length]
    : `${BRANDS[Math.floor(random() * BRANDS.length)]} ${PRODUCTS[Math.floor(random() * PRODUCTS.length)]} ${SIZES[Math.floor(random() * SIZES.length)]}`;
  const price = (1 + random() * 60).toFixed(2).replace('.', ',');
  const desc = `${DESCRIPTIONS[Math.floor(random() * DESCRIPTIONS.length)]} ${DESCRIPTIONS[Math.floor(random() * DESCRIPTIONS.length)]}`;
  return (
    `<article class="tile" data-i="${i}"><a href="#p${i}"><img alt="" width="64" height="64"></a>` +
    `<h3><a href="#p${i}">${esc(title)}</a></h3><p class="desc">${esc(desc)}</p>` +
    `<div class="price">€ ${price} <span class="unit">(€ ${(Number(price.replace(',', '.')) * 2).toFixed(2)} / kg)</span></div>` +
    `<div class="rating">${(3 + random() * 2).toFixed(1)} out of 5 stars (${Math.floor(random() * 900)} reviews)</div>` +
    `<button type="button">Add to basket</button></article>`
  );
}

const PAGE_STYLE =
  'body{font:14px sans-serif;margin:0} .grid{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;padding:8px}' +
  ' .tile{border:1px solid #ddd;padding:6px} .tile h3{font-size:14px;margin:4px 0} .desc{color:#555}';

export interface GeneratedPage {
  html: string;
  /** Items carrying a listed name (each should give one flag). */
  listedItems: number;
}

/** A shop's "all products" page with `tiles` product tiles, one in `listedEvery` with a listed brand. */
export function productGridPage(tiles: number, listedEvery = 500): GeneratedPage {
  const random = rng(1);
  const parts: string[] = [];
  let listed = 0;
  for (let i = 0; i < tiles; i++) {
    const isListed = i % listedEvery === listedEvery - 1;
    if (isListed) listed++;
    parts.push(tileHtml(i, random, isListed));
  }
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench shop: ${tiles} products</title>` +
    `<style>${PAGE_STYLE}</style></head><body><header><h1>All products</h1>` +
    `<p>Fictional shop for the Settlement Screen benchmark. Showing ${tiles.toLocaleString('en')} products.</p></header>` +
    `<main class="grid">${parts.join('\n')}</main><footer><p>End of the list.</p></footer></body></html>`;
  return { html, listedItems: listed };
}

const STREETS = [
  'Rue de la Loi',
  'Kerkstraat',
  'Hauptstraße',
  'Calle Mayor',
  'High Street',
  'Avenue Louise',
  'Stationsplein',
  'Marktplatz',
];
const TOWNS = ['Brussels', 'Gent', 'Antwerpen', 'Liège', 'Rotterdam', 'Lille', 'Köln', 'Bilbao', 'Leeds', 'Namur'];
const FORMS = ['NV', 'BV', 'SA', 'SRL', 'GmbH', 'S.L.', 'Ltd', 'SAS'];
const STEMS = [
  'Bouw',
  'Infra',
  'Techniek',
  'Construct',
  'Travaux',
  'Services',
  'Logistics',
  'Engineering',
  'Facilities',
  'Energie',
  'Transport',
  'Consult',
];
const FAMILY = [
  'Janssens',
  'Peeters',
  'Maes',
  'Dubois',
  'Lambert',
  'De Smet',
  'Müller',
  'García',
  'Van den Berg',
  'Martin',
  'Smith',
  'Willems',
];
/** Organisations from the bundled lists, as a tender notice would write them (flags). */
const LISTED_ORGS = [
  'Heidelberg Materials Benelux NV',
  'Motorola Solutions Belgium SA',
  'Cisco Systems Belgium BV',
  'Hewlett Packard Enterprise Belgium BV',
  'Construcciones y Auxiliar de Ferrocarriles S.A.',
  'Egis Rail SA',
  'Deutsche Bank AG',
  'Booking.com B.V.',
];
const LOT_TEXT = [
  'The contracting authority awards a framework agreement for the maintenance of public buildings, including electrical installations, heating, ventilation and air conditioning, for a period of four years with an option to extend by one year.',
  'Le pouvoir adjudicateur attribue un marché de travaux pour la rénovation de la voirie et des égouts, y compris la signalisation, les trottoirs et les aménagements cyclables, conformément au cahier des charges.',
  'De aanbestedende dienst gunt een raamovereenkomst voor de levering van betonmortel en granulaten voor wegenwerken, inclusief transport naar de werven en de bijhorende kwaliteitscontroles.',
  'Der öffentliche Auftraggeber vergibt einen Rahmenvertrag über IT-Dienstleistungen, darunter Betrieb, Wartung und Weiterentwicklung der Fachanwendungen sowie Schulungen für die Anwenderinnen und Anwender.',
  'El órgano de contratación adjudica el suministro de material rodante y su mantenimiento, incluida la formación del personal y las piezas de repuesto durante el periodo de garantía.',
];

/** A contract award notice listing `orgs` tenderers with addresses and lot texts; one in `listedEvery` is listed. */
export function noticePage(orgs: number, listedEvery = 50): GeneratedPage {
  const random = rng(2);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const parts: string[] = [];
  let listed = 0;
  for (let i = 0; i < orgs; i++) {
    const isListed = i % listedEvery === listedEvery - 1;
    if (isListed) listed++;
    const name = isListed ? LISTED_ORGS[listed % LISTED_ORGS.length] : `${pick(FAMILY)} ${pick(STEMS)} ${pick(FORMS)}`;
    parts.push(
      `<section class="org"><h3>Tenderer ${i + 1}</h3><dl>` +
        `<dt>Official name</dt><dd>${esc(name)}</dd>` +
        `<dt>Postal address</dt><dd>${esc(pick(STREETS))} ${1 + Math.floor(random() * 200)}, ${1000 + Math.floor(random() * 8999)} ${esc(pick(TOWNS))}</dd>` +
        `<dt>National registration number</dt><dd>BE0${Math.floor(100000000 + random() * 899999999)}</dd>` +
        `<dt>Role</dt><dd>${random() < 0.2 ? 'Winner' : 'Tenderer'}</dd></dl>` +
        `<p>Lot ${1 + (i % 40)}: ${esc(pick(LOT_TEXT))} ${esc(pick(LOT_TEXT))}</p>` +
        `<p>Value of the tender: EUR ${(random() * 5e6).toFixed(2)}; subcontracting: ${random() < 0.5 ? 'yes' : 'no'}.</p></section>`,
    );
  }
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench notice: ${orgs} tenderers</title>` +
    `<style>body{font:14px sans-serif} .org{border-bottom:1px solid #ccc}</style></head><body>` +
    `<h1>Contract award notice (fictional, for the Settlement Screen benchmark)</h1>` +
    `<p>Section V: award of contract. ${orgs.toLocaleString('en')} tenders were received.</p>${parts.join('\n')}</body></html>`;
  return { html, listedItems: listed };
}

/**
 * An infinite-scroll shop: `initial` tiles in the HTML; window.__benchAppend() adds `batch`
 * more, each batch with `listedPerBatch` listed products. `mode` 'per-node': the way list
 * frameworks commit (one appendChild per tile, then the "showing N" counter is updated:
 * batch + 1 mutation records); 'fragment': all tiles in one DocumentFragment (one record).
 * The page's script marks every append with performance.mark('bench-append-<n>').
 */
export function infiniteScrollPage(
  initial: number,
  batch: number,
  mode: 'per-node' | 'fragment',
  listedPerBatch = 2,
): GeneratedPage {
  const first = productGridPage(initial, Math.floor(initial / listedPerBatch));
  const script = `
(() => {
  const BRANDS = ${JSON.stringify(BRANDS)}, PRODUCTS = ${JSON.stringify(PRODUCTS)}, SIZES = ${JSON.stringify(SIZES)};
  const DESCRIPTIONS = ${JSON.stringify(DESCRIPTIONS)}, LISTED = ${JSON.stringify(LISTED_PRODUCTS)};
  let seed = 12345;
  const random = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 4294967296; };
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; };
  let count = ${initial};
  let batches = 0;
  window.__benchAppend = () => {
    batches++;
    performance.mark('bench-append-' + batches);
    const grid = document.querySelector('main.grid');
    const target = ${JSON.stringify(mode)} === 'fragment' ? document.createDocumentFragment() : grid;
    const every = Math.floor(${batch} / ${listedPerBatch});
    for (let k = 0; k < ${batch}; k++) {
      const i = count++;
      const tile = el('article', 'tile');
      tile.dataset.batch = String(batches);
      const title = k % every === every - 1 ? LISTED[i % LISTED.length] : pick(BRANDS) + ' ' + pick(PRODUCTS) + ' ' + pick(SIZES);
      const h = el('h3'); h.appendChild(el('a', '', title)); tile.appendChild(h);
      tile.appendChild(el('p', 'desc', pick(DESCRIPTIONS) + ' ' + pick(DESCRIPTIONS)));
      tile.appendChild(el('div', 'price', '€ ' + (1 + random() * 60).toFixed(2).replace('.', ',')));
      tile.appendChild(el('div', 'rating', (3 + random() * 2).toFixed(1) + ' out of 5 stars'));
      tile.appendChild(el('button', '', 'Add to basket'));
      target.appendChild(tile);
    }
    if (target !== grid) grid.appendChild(target);
    document.querySelector('#shown').textContent = 'Showing ' + count.toLocaleString('en') + ' products';
    return batches;
  };
})();`;
  const html = first.html
    .replace(
      /<p>Fictional shop[^<]*<\/p>/,
      `<p>Fictional shop for the Settlement Screen benchmark. <span id="shown">Showing ${initial} products</span></p>`,
    )
    .replace('</body>', `<script>${script}</script></body>`);
  return { html, listedItems: first.listedItems };
}

/** One heading, one sentence: what a page costs when the extension has nothing to read. */
export function trivialPage(): GeneratedPage {
  return {
    html:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench: trivial page</title></head>' +
      '<body><h1>A trivial page</h1><p>One sentence and nothing else, for the Settlement Screen benchmark.</p></body></html>',
    listedItems: 0,
  };
}

/** A short award notice naming one listed company: the smallest page with a flag. */
export function listedNamePage(): GeneratedPage {
  return {
    html:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench: one listed name</title></head>' +
      '<body><h1>Contract award notice (fictional, for the Settlement Screen benchmark)</h1>' +
      `<p>Official name of the winner: ${esc(LISTED_ORGS[0])}, ${esc(STREETS[0])} 12, 1000 Brussels.</p></body></html>`,
    listedItems: 1,
  };
}
