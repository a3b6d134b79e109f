// OCDS fields of an unexpected JSON type: each is a warning with its JSON path, and the names
// inside are still read, so `scan` and `screen` find every listed name of the release.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { InputError, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { JsonResult } from '../../src/cli/json-output';
import { runScreen, type JsonScreenResult } from '../../src/cli/screen';
import { Matcher } from '../../src/core/matcher';
import { ocdsBlocks } from '../../src/formats';

const RELEASE = {
  ocid: 'ocds-213czf-000-00001',
  parties: [
    { name: ['Elbit Systems Ltd', 42], roles: ['tenderer'] },
    { name: { name: 'Société Générale' }, roles: 'supplier' },
    'Ahava Dead Sea Laboratories Ltd.',
    { name: 'Stad Gent', roles: ['buyer'] },
  ],
  tender: { tenderers: 'Booking.com B.V.' },
  awards: [{ suppliers: [{ name: { en: 'Motorola Solutions, Inc.' } }] }],
  contracts: [{ suppliers: [{ name: 12 }, { name: 'Heidelberg Materials AG' }] }],
};
const LISTED = [
  'Elbit Systems Ltd',
  'Société Générale',
  'Ahava Dead Sea Laboratories Ltd.',
  'Booking.com B.V.',
  'Motorola Solutions, Inc.',
  'Heidelberg Materials AG',
];

let matcher: Matcher;
beforeAll(() => {
  matcher = Matcher.fromData(buildCompiledData());
});

function io(text: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: async (f) => {
      if (f !== 'release.json') throw new InputError(`cannot read ${f}`);
      return new TextEncoder().encode(text);
    },
  };
  return { cli, out, err };
}

describe('mistyped OCDS fields', () => {
  it('reads the names inside and warns with each JSON path', () => {
    const r = ocdsBlocks(RELEASE);
    expect(r.blocks.map((b) => [b.text, b.field, b.source])).toEqual([
      ['Elbit Systems Ltd', 'tenderer', 'parties[0].name[0]'],
      ['Société Générale', 'supplier', 'parties[1].name.name'],
      ['Ahava Dead Sea Laboratories Ltd.', 'organisation', 'parties[2]'],
      ['Stad Gent', 'buyer', 'parties[3].name'],
      ['Booking.com B.V.', 'tenderer', 'tender.tenderers'],
      ['Motorola Solutions, Inc.', 'supplier', 'awards[0].suppliers[0].name.en'],
      ['Heidelberg Materials AG', 'supplier', 'contracts[0].suppliers[1].name'],
    ]);
    expect(r.warnings).toEqual([
      'parties[0].name is an array, not a string: read the 1 name(s) in it',
      'parties[1].roles is a string, not an array: read as one role',
      'parties[1].name is an object, not a string: read its name',
      "parties[2] is a string, not an organization object: read as an organisation's name",
      "tender.tenderers is a string, not an array: read as one tenderer's name",
      'awards[0].suppliers[0].name is an object, not a string: read the 1 text value(s) in it',
      'contracts[0].suppliers[0].name is a number, not a string: not read as a name',
    ]);
  });

  it('organisations given as strings or arrays where an object belongs', () => {
    const r = ocdsBlocks({
      ocid: 'x',
      buyer: 'Stad Genk',
      tender: { procuringEntity: ['Stad Leuven', { name: 'Stad Mechelen' }], tenderers: { name: 'Acme NV' } },
      awards: { suppliers: 'Zeta BV' },
      parties: [{ name: 'Omega SA', roles: 7, identifier: 'BE0123', additionalIdentifiers: { legalName: 'Omega' } }],
    });
    expect(r.blocks.map((b) => `${b.field}:${b.text}@${b.source}`)).toEqual([
      'organisation:Omega SA@parties[0].name',
      'organisation:Omega@parties[0].additionalIdentifiers.legalName',
      'buyer:Stad Genk@buyer',
      'buyer:Stad Leuven@tender.procuringEntity[0]',
      'buyer:Stad Mechelen@tender.procuringEntity[1].name',
      'tenderer:Acme NV@tender.tenderers.name',
      'supplier:Zeta BV@awards.suppliers',
    ]);
    expect(r.warnings).toEqual([
      "parties[0].roles is a number, not an array of roles: the party is read as 'organisation'",
      'parties[0].identifier is a string, not an object: not read',
      'parties[0].additionalIdentifiers is an object, not an array: read as one identifier',
      'buyer is a string, not an organization object: read as its name',
      'tender.procuringEntity is an array, not an organization object: read each item',
      'tender.tenderers is an object, not an array: read as one tenderer',
      'awards is an object, not an array: read as one award',
      "awards.suppliers is a string, not an array: read as one supplier's name",
    ]);
  });

  it('keeps fifty warnings and counts the rest', () => {
    const parties = Array.from({ length: 80 }, (_, i) => `Company ${i}`);
    const r = ocdsBlocks({ ocid: 'x', parties });
    expect(r.blocks).toHaveLength(80);
    expect(r.warnings).toHaveLength(51);
    expect(r.warnings[50]).toBe('30 more field(s) of an unexpected type (read the same way)');
  });

  it('scan and screen find all six listed names and pass the warnings on', async () => {
    const text = JSON.stringify(RELEASE);
    const s = io(text);
    expect(await main(['scan', 'release.json', '--json'], { io: s.cli, matcher: () => matcher })).toBe(0);
    const scanned = JSON.parse(s.out[0]) as JsonResult;
    const flags = scanned.matches.filter((m) => m.level === 'flag');
    expect(new Set(flags.map((m) => m.source))).toEqual(
      new Set([
        'parties[0].name[0]',
        'parties[1].name.name',
        'parties[2]',
        'tender.tenderers',
        'awards[0].suppliers[0].name.en',
        'contracts[0].suppliers[1].name',
      ]),
    );
    expect(scanned.warnings).toContain("tender.tenderers is a string, not an array: read as one tenderer's name");

    const b = io(text);
    expect(await runScreen(['release.json', '--json'], b.cli, { matcher: () => matcher })).toBe(0);
    const screened = JSON.parse(b.out.join('\n')) as JsonScreenResult;
    expect(screened.rows.filter((r) => r.result === 'flag').map((r) => r.input)).toEqual(LISTED);
    expect(screened.warnings).toHaveLength(7);
  });
});
