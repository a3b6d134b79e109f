// OCDS JSON -> name blocks with roles, against real OCDS files (tests/fixtures/data-files/SOURCES.md)
// and small documents derived from them for the shapes those files do not cover.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError, ocdsBlocks, type DataFileResult } from '../../src/formats';

const dir = new URL('../fixtures/data-files/', import.meta.url);
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

function byRole(r: DataFileResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const b of r.blocks) (out[b.field ?? 'null'] ??= []).push(b.text);
  return out;
}

describe('ocdsBlocks on real files', () => {
  it('Mexico GACM release (OCDS 1.0, no parties): supplier Luis Esteva Maraboto, buyer GACM', () => {
    const r = ocdsBlocks(load('ocds-mexico-gacm-release-112-esteva.json'));
    expect(r.format).toBe('ocds-release');
    expect(byRole(r)).toEqual({
      buyer: ['Grupo Aeroportuario de la Ciudad de Mexico, S.A. de C.V.'],
      supplier: ['Luis Esteva Maraboto'],
      // OCDS 1.0 transaction provider (an Identifier); the file's own mis-encoded "M?XICO".
      organisation: ['GRUPO AEROPORTUARIO DE LA CIUDAD DE M?XICO S.A DE C.V'],
    });
    const supplier = r.blocks.find((b) => b.field === 'supplier')!;
    expect(supplier.source).toBe('awards[0].suppliers[0].name');
    // The file also names him in capitals as the transaction receiver: one block, not two.
    expect(r.blocks.filter((b) => b.text.toUpperCase() === 'LUIS ESTEVA MARABOTO')).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });

  it('UK Contracts Finder tender: a buyer (Met Office) and no supplier', () => {
    const r = ocdsBlocks(load('ocds-uk-contractsfinder-metoffice-tender-2014.json'));
    expect(r.format).toBe('ocds-release');
    expect(r.blocks).toEqual([
      { text: 'Met Office', field: 'buyer', source: 'parties[0].name', kind: 'party', lang: null },
    ]);
    expect(r.blocks.some((b) => b.field === 'supplier' || b.field === 'tenderer')).toBe(false);
  });

  it('Paraguay record package: COPACO buyer, INFOCENTER supplier from compiledRelease', () => {
    const r = ocdsBlocks(load('ocds-paraguay-record-273637.json'));
    expect(r.format).toBe('ocds-record-package');
    expect(byRole(r)).toEqual({
      buyer: ['Compañía Paraguaya de Comunicaciones (COPACO)'],
      supplier: ['INFOCENTER S.A'],
    });
    expect(r.blocks.map((b) => b.source)).toEqual([
      'records[0].compiledRelease.buyer.name',
      'records[0].compiledRelease.awards[0].suppliers[0].name',
    ]);
    // Its records[0].releases are links only, and contracts[].suppliers is an object: both said.
    expect(r.warnings).toEqual([
      'records[0].compiledRelease.contracts[0].suppliers is an object, not an array (not standard OCDS); read as one supplier',
      'records[0].releases: 4 linked release(s) (url only) not read; names come from compiledRelease',
    ]);
  });
});

describe('ocdsBlocks document shapes', () => {
  const metOffice = load('ocds-uk-contractsfinder-metoffice-tender-2014.json') as Record<string, unknown>;
  const mexico = load('ocds-mexico-gacm-release-112-esteva.json') as Record<string, unknown>;

  it('release package: reads every release, with paths into releases[]', () => {
    const r = ocdsBlocks({ uri: 'x', publishedDate: '2024-01-01', releases: [metOffice, mexico] });
    expect(r.format).toBe('ocds-release-package');
    expect(r.blocks.map((b) => [b.text, b.field, b.source])).toEqual([
      ['Met Office', 'buyer', 'releases[0].parties[0].name'],
      ['Grupo Aeroportuario de la Ciudad de Mexico, S.A. de C.V.', 'buyer', 'releases[1].buyer.name'],
      ['Luis Esteva Maraboto', 'supplier', 'releases[1].awards[0].suppliers[0].name'],
      [
        'GRUPO AEROPORTUARIO DE LA CIUDAD DE M?XICO S.A DE C.V',
        'organisation',
        'releases[1].contracts[0].implementation.transactions[0].providerOrganization.legalName',
      ],
    ]);
  });

  it('record with embedded releases and a compiledRelease', () => {
    const r = ocdsBlocks({ ocid: 'ocds-b5fd17-x', releases: [metOffice], compiledRelease: mexico });
    expect(r.format).toBe('ocds-record');
    expect(r.blocks.map((b) => b.source)).toEqual([
      'releases[0].parties[0].name',
      'compiledRelease.buyer.name',
      'compiledRelease.awards[0].suppliers[0].name',
      'compiledRelease.contracts[0].implementation.transactions[0].providerOrganization.legalName',
    ]);
  });

  it('record with only a versionedRelease: no names, and a warning saying why', () => {
    const r = ocdsBlocks({ ocid: 'ocds-x', releases: [], versionedRelease: {} });
    expect(r.blocks).toEqual([]);
    expect(r.warnings[0]).toContain('versionedRelease is not read');
  });

  it('OCDS 1.1 parties: roles mapped, legal names added, name+role deduplicated', () => {
    const r = ocdsBlocks({
      ocid: 'ocds-x-1',
      parties: [
        { id: 'A', name: 'Acme BV', roles: ['tenderer', 'supplier'], identifier: { legalName: 'Acme Holding B.V.' } },
        { id: 'B', name: 'Beta NV', roles: ['tenderer'], additionalIdentifiers: [{ legalName: 'Beta Groep NV' }] },
        { id: 'C', name: 'City of Gent', roles: ['buyer', 'payer'] },
        { id: 'D', name: 'Agency D', roles: ['procuringEntity'] },
        { id: 'E', name: 'Payee E', roles: ['payee'] },
        { id: 'F', name: 'Review Court', roles: ['reviewBody'] },
        { id: 'G', name: 'No Role Org' },
        { id: 'H', name: '   ', roles: ['supplier'] },
      ],
      buyer: { id: 'C', name: 'City  of Gent' },
      tender: {
        tenderers: [
          { id: 'B', name: 'Beta NV' },
          { id: 'X', name: 'Gamma SA' },
        ],
      },
      awards: [{ suppliers: [{ id: 'A', name: 'ACME BV' }] }],
    });
    expect(byRole(r)).toEqual({
      supplier: ['Acme BV', 'Acme Holding B.V.', 'Payee E'],
      tenderer: ['Beta NV', 'Beta Groep NV', 'Gamma SA'],
      buyer: ['City of Gent', 'Agency D'],
      organisation: ['Review Court', 'No Role Org'],
    });
    expect(r.blocks.find((b) => b.text === 'Beta Groep NV')!.source).toBe(
      'parties[1].additionalIdentifiers[0].legalName',
    );
  });
});

describe('ocdsBlocks rejects what is not OCDS', () => {
  const expectFormatError = (json: unknown, message: string | RegExp): void => {
    expect(() => ocdsBlocks(json)).toThrow(FormatError);
    expect(() => ocdsBlocks(json)).toThrow(message);
  };

  it('real non-OCDS JSON (Target search results, an array)', () => {
    expectFormatError(
      load('target-us-search-records-hp-laptops.json'),
      /not an OCDS release, record or package: missing 'ocid'\/'releases'\/'records' \(the file is a JSON array/,
    );
  });

  it('objects without ocid / releases / records', () => {
    expectFormatError(
      { products: [{ brands: "Lay's" }] },
      "not an OCDS release, record or package: missing 'ocid'/'releases'/'records'",
    );
    expectFormatError(null, /the file is null/);
    expectFormatError('ocid', /the file is a JSON string/);
  });

  it('a package whose entries are not releases or records fails whole, not partly', () => {
    const good = load('ocds-uk-contractsfinder-metoffice-tender-2014.json');
    expectFormatError({ releases: [good, { id: 'no-ocid' }] }, "releases[1] is not an OCDS release: missing 'ocid'");
    expectFormatError({ records: [{ fields: {} }] }, "records[0] is not an OCDS record: missing 'ocid'");
  });
});
