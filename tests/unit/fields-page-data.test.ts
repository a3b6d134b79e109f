// Names in the page's data rather than its visible text: schema.org JSON-LD (Product.brand,
// Product.manufacturer, Offer.seller; @graph, arrays, nested offers) and microdata
// attributes, read as extra blocks; the ranking the popup uses.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extraBlocksFor, fieldGroup, fieldRank, withoutVisibleDuplicates } from '../../src/formats/page/fields';
import { jsonLdNames, parseJsonLoose } from '../../src/formats/page/fields/json-ld';
import type { FieldRole } from '../../src/core/types';

function docOf(head: string, body = ''): Document {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as Document;
}

const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
const pairs = (doc: Document, url: string | null = null) =>
  extraBlocksFor(url ? new URL(url) : null, doc).map((b) => [b.text, b.field]);

describe('JSON-LD', () => {
  it('Product.brand as a string or a Brand, manufacturer, and Offer.seller', () => {
    const doc = docOf(
      ld({
        '@context': 'https://schema.org',
        '@type': 'Product',
        name: 'Mineral hand cream',
        brand: { '@type': 'Brand', name: 'AHAVA' },
        manufacturer: { '@type': 'Organization', name: 'Dead Sea Laboratories Ltd.' },
        offers: { '@type': 'Offer', seller: { '@type': 'Organization', name: 'Shop NV' } },
      }) + ld({ '@type': 'Product', brand: 'Keter' }),
    );
    expect(pairs(doc)).toEqual([
      ['AHAVA', 'brand'],
      ['Dead Sea Laboratories Ltd.', 'manufacturer'],
      ['Shop NV', 'seller'],
      ['Keter', 'brand'],
    ]);
    const [first] = extraBlocksFor(null, doc);
    expect(first.source).toBe('json-ld Product.brand');
  });

  it('@graph, top-level arrays, item lists and AggregateOffer offers', () => {
    const doc = docOf(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Carrefour' },
          { '@type': 'Organization', name: 'Carrefour' },
          {
            '@type': 'ItemList',
            itemListElement: [
              { '@type': 'ListItem', item: { '@type': 'Product', brand: ['Sprite', { name: 'Fanta' }] } },
            ],
          },
        ],
      }) +
        ld([
          { '@type': 'BreadcrumbList', itemListElement: [] },
          {
            '@type': 'Product',
            offers: { '@type': 'AggregateOffer', offers: [{ '@type': 'Offer', seller: { name: 'Bol' } }] },
          },
        ]),
    );
    // The site's own WebSite/Organization description is not a name of the page's content.
    expect(pairs(doc)).toEqual([
      ['Sprite', 'brand'],
      ['Fanta', 'brand'],
      ['Bol', 'seller'],
    ]);
  });

  it('invalid or non-schema JSON, URLs and empty names are ignored; comment wrappers are tolerated', () => {
    const doc = docOf(
      '<script type="application/ld+json">{ not json</script>' +
        '<script type="application/ld+json">{"PERCENTAGE_ITEM_IN_VIEW": 50}</script>' +
        '<script type="application/ld+json"><!-- {"@type":"Product","brand":"AHAVA"} --></script>' +
        ld({ '@type': 'Product', brand: 'https://example.com/brand/1', manufacturer: '  ' }) +
        '<script>var x = {"@type":"Product","brand":"NotJsonLd"};</script>',
    );
    expect(pairs(doc)).toEqual([['AHAVA', 'brand']]);
  });

  it('parseJsonLoose and jsonLdNames are pure', () => {
    expect(parseJsonLoose('//<![CDATA[\n{"a":1}\n//]]>')).toEqual({ a: 1 });
    expect(jsonLdNames({ '@type': 'Offer', offeredBy: { name: 'Acme' } }).map((b) => b.field)).toEqual(['seller']);
  });
});

describe('microdata in attributes', () => {
  it('meta itemprop content values become extra blocks', () => {
    const doc = docOf(
      '',
      '<div itemscope itemtype="https://schema.org/Product"><meta itemprop="brand" content="AHAVA">' +
        '<meta itemprop="sku" content="123"><div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><meta itemprop="name" content="Keter"></div></div>',
    );
    expect(pairs(doc)).toEqual([
      ['AHAVA', 'brand'],
      ['Keter', 'brand'],
    ]);
  });
});

describe('extra blocks', () => {
  it('each text and role once across sources', () => {
    const doc = docOf(
      ld({ '@type': 'Product', brand: 'AHAVA' }) + ld({ '@type': 'Product', brand: 'AHAVA' }),
      '<meta itemprop="brand" content="AHAVA">',
    );
    expect(pairs(doc)).toEqual([['AHAVA', 'brand']]);
  });

  it('withoutVisibleDuplicates drops what the visible text already says with that role', () => {
    const extra = [
      { text: 'Kit fajita Old El Paso', field: null, source: 's' },
      { text: 'AHAVA', field: 'brand' as FieldRole, source: 's' },
      { text: 'Keter', field: 'brand' as FieldRole, source: 's' },
    ];
    const visible = [
      { text: ' Kit fajita  Old El Paso ', field: null },
      { text: 'AHAVA', field: 'brand' as FieldRole },
      { text: 'Keter', field: null },
    ];
    // "Keter" is visible, but not as a brand: the page data adds the role.
    expect(withoutVisibleDuplicates(extra, visible).map((b) => b.text)).toEqual(['Keter']);
  });
});

describe('ranking and groups for the popup', () => {
  it('winner and brand fields come first, a plain mention last', () => {
    const order = (['buyer', null, 'tenderer', 'brand', 'seller', 'winner', 'supplier'] as (FieldRole | null)[]).sort(
      (a, b) => fieldRank(a) - fieldRank(b),
    );
    expect(order).toEqual(['winner', 'supplier', 'brand', 'seller', 'tenderer', 'buyer', null]);
  });

  it.each([
    ['winner', 'awarded'],
    ['contractor', 'awarded'],
    ['supplier', 'awarded'],
    ['tenderer', 'bidders'],
    ['subcontractor', 'bidders'],
    ['brand', 'brand'],
    ['manufacturer', 'brand'],
    ['seller', 'mentioned'],
    ['buyer', 'mentioned'],
    ['organisation', 'mentioned'],
    [null, 'mentioned'],
  ] as const)('%s -> %s', (field, group) => {
    expect(fieldGroup(field)).toBe(group);
  });
});
