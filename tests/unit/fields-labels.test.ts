// The label table: every language we read, prefix matching with numbering and filler
// words, and what is not a label. Pure: no DOM.
import { describe, expect, it } from 'vitest';
import compiled from '../../src/generated/compiled-lists.json';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import { allLabels, labelPrefixRole, labelRole, leadingRole, mightBeLabel } from '../../src/formats/page/fields/labels';

describe('labelRole: text that is all label', () => {
  it.each([
    // nl
    ['Naam en adres van de contractant:', 'winner'],
    ['V.2.3) Naam en adres van de contractant', 'winner'],
    ['Gegunde inschrijver', 'winner'],
    ['Opdrachtnemer', 'contractor'],
    ['Leverancier', 'supplier'],
    ['Overige inschrijvers', 'tenderer'],
    ['Onderaannemer', 'subcontractor'],
    ['Aanbestedende dienst', 'buyer'],
    ['Afdeling I: Aanbestedende dienst', 'buyer'],
    ['Merk', 'brand'],
    ['Fabrikant', 'manufacturer'],
    ['Verkocht door', 'seller'],
    // fr
    ['Nom et adresse du titulaire', 'winner'],
    ['Adjudicataire', 'winner'],
    ['Attributaire', 'winner'],
    ['Fournisseur', 'supplier'],
    ['Soumissionnaires', 'tenderer'],
    ['Sous-traitant', 'subcontractor'],
    ['Pouvoir adjudicateur', 'buyer'],
    ['Marque', 'brand'],
    ['Fabricant', 'manufacturer'],
    ['Vendu par', 'seller'],
    // en
    ['Name and address of the contractor/concessionaire', 'winner'],
    ['Awarded to', 'winner'],
    ['Winner', 'winner'],
    ['Contractor', 'contractor'],
    ['Supplier name', 'supplier'],
    ['Tenderer(s)', 'tenderer'],
    ['Bidders', 'tenderer'],
    ['Subcontractor', 'subcontractor'],
    ['Contracting authority', 'buyer'],
    ['Section I: Contracting authority', 'buyer'],
    ['Brand', 'brand'],
    ['Manufacturer', 'manufacturer'],
    ['Sold by', 'seller'],
    // de
    ['Auftragnehmer', 'contractor'],
    ['Zuschlagsempfänger', 'winner'],
    ['Lieferant', 'supplier'],
    ['Bieter', 'tenderer'],
    ['Unterauftragnehmer', 'subcontractor'],
    ['Öffentlicher Auftraggeber', 'buyer'],
    ['Marke', 'brand'],
    ['Hersteller', 'manufacturer'],
    ['Verkauf durch', 'seller'],
    // es
    ['Adjudicatario', 'winner'],
    ['Contratista', 'contractor'],
    ['Proveedor', 'supplier'],
    ['Licitador', 'tenderer'],
    ['Subcontratista', 'subcontractor'],
    ['Poder adjudicador', 'buyer'],
    ['Órgano de contratación', 'buyer'],
    ['Marca', 'brand'],
    ['Fabricante', 'manufacturer'],
    ['Vendido por', 'seller'],
  ])('%s -> %s', (text, role) => {
    expect(labelRole(text)).toBe(role);
  });

  it.each([
    'Brand new arrivals',
    'Supplier of the year award',
    'Merkwaardig',
    'Volvo',
    'Section V: Award of contract',
    'Official name',
    'Buyer profile',
    'Winner selection status',
    'De leverancier levert binnen drie dagen aan alle klanten in het hele land',
    'x'.repeat(130),
  ])('%s is not a label', (text) => {
    expect(labelRole(text)).toBeNull();
  });

  it('a contracting-authority label in a heading is not the contractor', () => {
    expect(labelRole('Opdrachtgever')).toBe('buyer');
    expect(labelRole('Auftraggeber')).toBe('buyer');
  });
});

describe('leadingRole: a block that starts with its label', () => {
  it.each([
    ['Merk: AHAVA', 'brand'],
    ['Marque : AHAVA', 'brand'],
    ['Brand: AHAVA', 'brand'],
    ['Marke: AHAVA', 'brand'],
    ['Marca: AHAVA', 'brand'],
    ['Leverancier: Acme NV', 'supplier'],
    ['Fournisseur : Acme SA', 'supplier'],
    ['Supplier: Acme Ltd', 'supplier'],
    ['Lieferant: Acme GmbH', 'supplier'],
    ['Proveedor: Acme SL', 'supplier'],
    ['Manufacturer \u200f : \u200e SainStore Inc.', 'manufacturer'],
    ['Sold by Amazon', 'seller'],
    ['Ships from and sold by Amazon.com.', 'seller'],
    ['Vendu par Carrefour', 'seller'],
    ['Verkoop door bol', 'seller'],
    ['Awarded to Acme Ltd', 'winner'],
    ['Gegund aan Acme NV', 'winner'],
    ['Adjudicado a Acme SA', 'winner'],
    ['Nom du titulaire / organisme : Egis', 'winner'],
    ['Leverancier', 'supplier'],
  ])('%s -> %s', (text, role) => {
    expect(leadingRole(text)).toBe(role);
  });

  it.each([
    'Note: the brand was sold in 2020',
    'Brand new: the spring collection',
    'Merken die we verkopen zijn onder andere AHAVA en Volvo',
    'Deze leverancier is gevestigd in Brussel: Acme NV',
    'We are proud to work with Volvo on this project: see more',
  ])('%s does not start with a label', (text) => {
    expect(leadingRole(text)).toBeNull();
  });

  it('labelPrefixRole reads a role followed by its details', () => {
    expect(labelPrefixRole('Winner of these lots: LOT-0001')).toBe('winner');
    expect(labelPrefixRole('Winnaar van deze percelen')).toBe('winner');
    expect(labelPrefixRole('Lauréat de ces lots')).toBe('winner');
    expect(labelPrefixRole('Inschrijver')).toBe('tenderer');
    expect(labelPrefixRole('Koper')).toBe('buyer');
    expect(labelPrefixRole('Town')).toBeNull();
  });
});

describe('the cheap pre-test', () => {
  it('lets every label of the table through, with accents and capitals as pages write them', () => {
    for (const { label } of allLabels()) expect(mightBeLabel(label), label).toBe(true);
    for (const t of [
      'Zuschlagsempfänger',
      'Órgano de contratación',
      'Öffentlicher Auftraggeber',
      'Sous-Traitant',
      'MERK',
    ]) {
      expect(mightBeLabel(t), t).toBe(true);
    }
  });

  it('stops ordinary text', () => {
    expect(mightBeLabel('€ 412.000')).toBe(false);
    expect(mightBeLabel('Add to basket')).toBe(false);
    expect(mightBeLabel('Levering in heel België')).toBe(false);
  });
});

describe('labels are never names', () => {
  // "Merk: AHAVA": the label part must not be what is matched.
  it('no label of the table matches a listed name', () => {
    const matcher = Matcher.fromData(compiled as unknown as CompiledData);
    const hits = allLabels().flatMap(({ label }) => {
      const capitalised = label.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
      return [label, capitalised].flatMap((text) =>
        matcher.scanBlock({ text, field: 'brand' }).matches.map((m) => `${text} -> ${m.entityName}`),
      );
    });
    expect(hits).toEqual([]);
  });
});
