// Generic field detection on linkedom documents: dt/dd, th/td rows and columns, "Label:
// value" blocks in nl/fr/en/de/es, label siblings, microdata, and a weak name corroborated
// by its field end to end (collectBlocks with fieldOf -> scanPage).
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import compiled from '../../src/generated/compiled-lists.json';
import { Matcher } from '../../src/core/matcher';
import { scanPage } from '../../src/core/page';
import type { CompiledData, FieldRole } from '../../src/core/types';
import { collectBlocks, type PageBlock } from '../../src/formats/page/collect-blocks';
import { isHiddenStatic } from '../../src/formats/page/visibility';
import { fieldOfFor } from '../../src/formats/page/fields';
import { createFieldDetector } from '../../src/formats/page/fields/detect';

function docOf(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
}

function blocks(body: string, url: string | null = null): PageBlock[] {
  return collectBlocks(docOf(body), { isHidden: isHiddenStatic, fieldOf: fieldOfFor(url ? new URL(url) : null) });
}

/** text -> field of every block (block text trimmed). */
function fields(body: string, url: string | null = null): Record<string, FieldRole | null> {
  return Object.fromEntries(blocks(body, url).map((b) => [b.text.trim(), b.field]));
}

describe('label/value layouts', () => {
  it('dt/dd pairs, including several dd per dt and wrapped rows', () => {
    const f = fields(
      '<dl><dt>Merk</dt><dd>AHAVA</dd><dt>Inhoud</dt><dd>100 ml</dd></dl>' +
        '<dl><dt>Leveranciers</dt><dd>Acme NV</dd><dd>Beta BV</dd></dl>' +
        '<dl><div><dt>Marque</dt><dd>Keter</dd></div></dl>',
    );
    expect(f['AHAVA']).toBe('brand');
    expect(f['100 ml']).toBeNull();
    expect(f['Acme NV']).toBe('supplier');
    expect(f['Beta BV']).toBe('supplier');
    expect(f['Keter']).toBe('brand');
  });

  it('th/td in the same row, and a row header over several cells', () => {
    const f = fields(
      '<table><tr><th>Fabrikant</th><td>Volvo</td></tr><tr><th>Kleur</th><td>Rood</td></tr>' +
        '<tr><td>Vendido por</td><td>Acme</td><td>Beta</td></tr></table>',
    );
    expect(f['Volvo']).toBe('manufacturer');
    expect(f['Rood']).toBeNull();
    expect(f['Acme']).toBe('seller');
    expect(f['Beta']).toBe('seller');
  });

  it('a column header above the cells, by cell index (colspan counted)', () => {
    const f = fields(
      '<table><thead><tr><th>Perceel</th><th colspan="2">Omschrijving</th><th>Gegunde inschrijver</th><th>Bedrag</th></tr></thead>' +
        '<tbody><tr><td>1</td><td>Beton</td><td>C30/37</td><td>Heidelberg Materials Belgium NV</td><td>€ 412.000</td></tr></tbody></table>' +
        '<table><tr><th>Bieter</th><th>Preis</th></tr><tr><td>Acme GmbH</td><td>100</td></tr></table>',
    );
    expect(f['Heidelberg Materials Belgium NV']).toBe('winner');
    expect(f['Beton']).toBeNull();
    expect(f['€ 412.000']).toBeNull();
    expect(f['Acme GmbH']).toBe('tenderer');
    expect(f['100']).toBeNull();
    // Header cells are labels, not values of their neighbours.
    expect(f['Bedrag']).toBeNull();
  });

  it.each([
    ['<p>Merk: AHAVA</p>', 'brand'],
    ['<p>Leverancier: Acme NV</p>', 'supplier'],
    ['<p>Opdrachtnemer: Acme NV</p>', 'contractor'],
    ['<p>Fabricant : Acme SA</p>', 'manufacturer'],
    ['<p>Adjudicataire : Acme SA</p>', 'winner'],
    ['<p>Sous-traitant : Acme SA</p>', 'subcontractor'],
    ['<p>Bidder: Acme Ltd</p>', 'tenderer'],
    ['<p>Sold by Acme Ltd</p>', 'seller'],
    ['<p>Zuschlagsempfänger: Acme GmbH</p>', 'winner'],
    ['<p>Hersteller: Acme GmbH</p>', 'manufacturer'],
    ['<p>Adjudicatario: Acme SA</p>', 'winner'],
    ['<p>Licitador: Acme SA</p>', 'tenderer'],
    ['<p><b>Merk</b> AHAVA</p>', 'brand'],
    ['<p><span class="label">Brand</span><span>AHAVA</span></p>', 'brand'],
    [
      '<li><span class="a-list-item"><span class="a-text-bold">Manufacturer \u200f : \u200e </span><span>Acme</span></span></li>',
      'manufacturer',
    ],
  ])('%s', (html, role) => {
    const [b] = blocks(html);
    expect(b.field).toBe(role);
  });

  it('a label element or text just before the value', () => {
    const f = fields(
      '<div><span>Supplier:</span></div><div>Acme Ltd</div>' +
        '<div>Fournisseur :<div>Acme SA</div></div>' +
        '<div>Nom du titulaire : Egis</div><div>Montant : 100 euros</div>' +
        '<h3>V.2.3) Name and address of the contractor</h3><p>Acme Ltd, London</p>',
    );
    expect(f['Acme Ltd']).toBe('supplier');
    expect(f['Acme SA']).toBe('supplier');
    expect(f['Acme Ltd, London']).toBe('winner');
    expect(f['Nom du titulaire : Egis']).toBe('winner');
    // A label with its value is not a label for the next element.
    expect(f['Montant : 100 euros']).toBeNull();
  });

  it('a heading labels its section, up to the next heading of the same or a higher level', () => {
    const f = fields(
      '<h2>Section I: Contracting authority</h2><h4>I.1) Name and addresses</h4><p>Example Council</p><p>Town Hall, 1 High Street</p>' +
        '<p>The council buys for its schools.</p>' +
        '<h2>Section II: Object</h2><p>Road works</p>' +
        '<h3>Suppliers</h3><p>Acme Ltd</p><h4>Lot 2</h4><p>Beta Ltd</p><h3>Other information</h3><p>Nothing</p>',
    );
    expect(f['Example Council']).toBe('buyer');
    expect(f['Town Hall, 1 High Street']).toBe('buyer');
    // Items of a section take its role only when they look like names, not prose.
    expect(f['The council buys for its schools.']).toBeNull();
    expect(f['Road works']).toBeNull();
    expect(f['Acme Ltd']).toBe('supplier');
    expect(f['Beta Ltd']).toBe('supplier');
    expect(f['Nothing']).toBeNull();
  });

  it('a label does not cover a large container after it or around it', () => {
    const long = '<p>word </p>'.repeat(400);
    expect(fields(`<h2>Leverancier</h2><div>${long}<p>Acme NV</p></div>`)['Acme NV']).toBeNull();
    expect(fields(`<section>Brands<div>${long}<p>Acme NV</p></div></section>`)['Acme NV']).toBeNull();
    expect(fields(`<section>Brands<div><p>Acme NV</p></div></section>`)['Acme NV']).toBe('brand');
  });

  it('nested blocks inherit the role of their container', () => {
    const f = fields('<div>Leverancier:<ul><li>Acme NV</li><li>Beta BV</li></ul></div>');
    expect(f['Acme NV']).toBe('supplier');
    expect(f['Beta BV']).toBe('supplier');
  });

  it('prose and look-alike headings state no role', () => {
    const f = fields(
      '<h2>Brand new arrivals</h2><ul><li>Volvo XC40</li></ul>' +
        '<p>De leverancier levert Volvo trucks.</p>' +
        '<h2>Supplier of the year award</h2><p>Acme NV</p>' +
        '<p>Note: Volvo sells trucks.</p>',
    );
    expect(Object.values(f).every((r) => r === null)).toBe(true);
  });
});

describe('microdata', () => {
  it('brand, manufacturer and seller properties, and names inside Brand/Organization items', () => {
    const f = fields(
      '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Hand cream</h1>' +
        '<div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">AHAVA</span></div>' +
        '<div itemprop="manufacturer">Dead Sea Laboratories</div>' +
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><div itemprop="seller" itemscope itemtype="https://schema.org/Organization"><div itemprop="name">Shop NV</div></div></div></div>' +
        '<div itemscope itemtype="https://schema.org/Organization"><div itemprop="name">Acme NV</div></div>',
    );
    expect(f['Hand cream']).toBeNull();
    expect(f['AHAVA']).toBe('brand');
    expect(f['Dead Sea Laboratories']).toBe('manufacturer');
    expect(f['Shop NV']).toBe('seller');
    expect(f['Acme NV']).toBe('organisation');
  });
});

describe('detector', () => {
  it('asks the adapter first, falls back to the generic rules, and caches per element', () => {
    const doc = docOf('<p id="a">Merk: AHAVA</p><p id="b">Merk: Keter</p>');
    let calls = 0;
    const detect = createFieldDetector((el) => {
      calls++;
      return el.id === 'a' ? 'seller' : null;
    });
    const a = doc.getElementById('a')!;
    const b = doc.getElementById('b')!;
    expect(detect(a)).toBe('seller');
    expect(detect(b)).toBe('brand');
    expect(detect(a)).toBe('seller');
    expect(calls).toBe(2);
  });

  it('an adapter that throws leaves the block without a field instead of stopping the scan', () => {
    const doc = docOf('<p id="a">Merk: AHAVA</p>');
    const detect = createFieldDetector(() => {
      throw new Error('boom');
    });
    expect(detect(doc.getElementById('a')!)).toBeNull();
  });
});

describe('a structured field corroborates a weak name, end to end', () => {
  const matcher = Matcher.fromData(compiled as unknown as CompiledData);
  const scan = (body: string) =>
    scanPage(
      matcher,
      blocks(body).map((b) => ({ text: b.text, field: b.field })),
    ).flatMap((s) => s.matches);

  it('"Merk: Volvo" in a brand field flags the Volvo Group with the field as evidence', () => {
    const [m] = scan('<ul class="specs"><li>Merk: Volvo</li></ul>');
    expect(m.entityName).toBe('Volvo Group');
    expect(m.level).toBe('flag');
    expect(m.field).toBe('brand');
    expect(m.evidence).toContainEqual({ kind: 'field', field: 'brand' });
  });

  it('a dd under "Leverancier" flags; "Volvo" in prose is at most possible', () => {
    const [inField] = scan('<dl><dt>Leverancier</dt><dd>Volvo</dd></dl>');
    expect(inField.level).toBe('flag');
    expect(inField.evidence).toContainEqual({ kind: 'field', field: 'supplier' });
    const prose = scan('<p>We drove a Volvo to the meeting about the tender.</p>');
    expect(prose.every((m) => m.level === 'possible')).toBe(true);
    expect(prose.map((m) => m.field)).toEqual([null]);
  });

  it('a field does not make another company of the same first word a flag', () => {
    const m = scan('<h2>Overige inschrijvers</h2><ul><li>Partner in Bouwstoffen BV</li></ul>');
    expect(m.filter((x) => x.level === 'flag')).toEqual([]);
  });
});
