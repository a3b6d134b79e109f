import { beforeAll, describe, expect, test } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { Matcher } from '../../src/core/matcher';
import { scanPage } from '../../src/core/page';
import type { CompiledData, FieldRole, Match } from '../../src/core/types';

let data: CompiledData;
let matcher: Matcher;
beforeAll(() => {
  data = buildCompiledData();
  matcher = Matcher.fromData(data);
});

const scan = (text: string, field: FieldRole | null = null): Match[] => matcher.scanBlock({ text, field }).matches;
const flags = (text: string, field: FieldRole | null = null) => scan(text, field).filter((m) => m.level === 'flag');

describe('strong names flag on their own', () => {
  test.each([
    ['Contract awarded to Heidelberg Materials AG for cement.', 'Heidelberg Materials AG', 'exact'],
    ['Book via Booking.com today', 'Booking.com', 'exact'],
    ['AHAVA – Dead Sea Laboratories Ltd. mineral cream', 'AHAVA – Dead Sea Laboratories Ltd.', 'exact'],
    ['Ahava mineral cream', 'Ahava', 'alias'],
    ['Motorola Solutions, Inc. (radio systems)', 'Motorola Solutions, Inc.', 'exact'],
    ['sanctioned: Daniella Weiss', 'Daniella Weiss', 'exact'],
  ])('%s', (text, matched, type) => {
    const f = flags(text);
    expect(f).toHaveLength(1);
    expect(f[0].text).toBe(matched);
    expect(f[0].matchType).toBe(type);
  });

  test('offsets point at the exact page text', () => {
    const text = 'x Heidelberg  Materials AG y';
    const [m] = flags(text);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.text).toBe('Heidelberg  Materials AG');
  });

  test('every list entry behind the entity is reported, with the entry name as in the list file', () => {
    const [m] = flags('Heidelberg Materials AG');
    const lists = m.lists.map((l) => `${l.list}|${l.entry}`);
    expect(lists).toContain('ohchr-bhr-database-hrc-31-36|Heidelberg Materials AG');
    expect(lists).toContain('dbio-2024|Heidelberg Materials');
    expect(lists).toContain('whoprofits|HeidelbergCement');
  });
});

describe('weak names need corroboration', () => {
  test.each([
    'Partner',
    'Delta',
    'Extra',
    'Dan',
    'Yes',
    'Matrix',
    'Egis',
    'Elco',
    'Electra',
    'Carrefour',
    'Caterpillar',
    'Volvo',
    'Hot',
    'Paz',
  ])('bare "%s" in running text is never a flag', (word) => {
    expect(flags(`We met ${word} yesterday and talked about ${word.toLowerCase()}.`)).toEqual([]);
  });

  test('lower-case ordinary words are not even possible matches', () => {
    expect(scan('booking a table with our partner, an extra delta')).toEqual([]);
  });

  test('a legal form corroborates', () => {
    const [m] = flags('Supplier: Elco Ltd. (Israel)');
    expect(m.text).toBe('Elco Ltd.');
    expect(m.evidence).toContainEqual({ kind: 'legal-form', text: 'Ltd' });
  });

  test('capitals corroborate an acronym that is not a word', () => {
    const [m] = flags('Rolling stock by CAF for the tram');
    expect(m.entityName).toMatch(/Construcciones y Auxiliar de Ferrocarriles/);
    expect(m.evidence).toContainEqual({ kind: 'case', text: 'CAF' });
  });

  test('capitals do not corroborate an acronym that is also a word', () => {
    expect(flags('CAT 6 network cable')).toEqual([]);
  });

  test('a structured field corroborates', () => {
    const [m] = flags('Volvo', 'manufacturer');
    expect(m.evidence).toContainEqual({ kind: 'field', field: 'manufacturer' });
  });

  test('the full name elsewhere on the page corroborates', () => {
    const scans = scanPage(matcher, [
      { text: 'Framework agreement with Volvo Group.', field: null },
      { text: 'Delivery by Volvo within 30 days', field: null },
    ]);
    const second = scans[1].matches[0];
    expect(second.level).toBe('flag');
    expect(second.evidence).toContainEqual({ kind: 'full-name-on-page', text: 'Volvo Group' });
  });

  test('without corroboration a capitalised weak name is only possible, with its reason', () => {
    const [m] = scan('Delivery by Volvo within 30 days');
    expect(m.level).toBe('possible');
    expect(m.evidence).toContainEqual({ kind: 'no-corroboration', reason: 'homonym' });
  });
});

describe('group members and look-alikes', () => {
  test.each([
    ['Heidelberg Materials Belgium NV', 'Heidelberg Materials AG'],
    ['MOTOROLA SOLUTIONS ESPAÑA, SA', 'Motorola Solutions, Inc.'],
    ['Volvo Group UK Limited', 'Volvo Group'],
    ['ING Nederland N.V.', 'ING Group'],
  ])('%s is a group member of %s', (text, entity) => {
    const [m] = flags(text);
    expect(m.matchType).toBe('group-member');
    expect(m.text).toBe(text);
    expect(m.entityName).toBe(entity);
  });

  test('a sourced subsidiary link is more specific than the group-member rule', () => {
    const [m] = flags('ING België NV');
    expect(m.matchType).toBe('subsidiary');
    expect(m.entityName).toBe('ING Group');
  });

  test.each(['Delta Seguridad', 'Partner in Bouwstoffen', 'Construcciones y Desmontes'])(
    '%s shares only a first word',
    (text) => {
      expect(flags(text)).toEqual([]);
    },
  );

  test('Volvo Cars is not the Volvo Group', () => {
    const r = matcher.scanBlock({ text: 'Lease of Volvo Cars vehicles', field: null });
    expect(r.matches).toEqual([]);
    expect(r.guards).toHaveLength(1);
    expect(matcher.guard(r.guards[0].guard)?.notEntityName).toBe('Volvo Group');
  });

  test('Hyundai Motor Company is not Hyundai Heavy Industries', () => {
    expect(flags('Hyundai Motor Company cars')).toEqual([]);
  });

  test('Motorola phones are not Motorola Solutions', () => {
    expect(flags('New Motorola phone, by Motorola Mobility LLC')).toEqual([]);
  });
});

describe('variant spellings', () => {
  test.each([
    'J.C. Bamford Excavators Ltd.',
    'JC Bamford Excavators',
    'J. C. Bamford Excavators Limited',
    'Credit Agricole S.A.',
    'Shikun and Binui Ltd',
    'SHIKUN & BINUI LTD',
  ])('%s', (text) => {
    expect(flags(text)).toHaveLength(1);
  });
});

describe('removed entries and list switches', () => {
  test('an entity listed only as removed is never a flag', () => {
    const [m] = scan('Opodo Ltd. flights');
    expect(m.level).toBe('possible');
    expect(m.lists.every((l) => l.status === 'delisted')).toBe(true);
    expect(m.evidence).toContainEqual({ kind: 'delisted-only' });
  });

  test('switching a list off removes its entries and entities', () => {
    const onlyUn = Matcher.fromData(data, { enabledLists: new Set(['ohchr-bhr-database-hrc-31-36']) });
    expect(onlyUn.scanBlock({ text: 'Carlsberg beer', field: null }).matches).toEqual([]);
    const [m] = onlyUn.scanBlock({ text: 'Heidelberg Materials AG', field: null }).matches;
    expect(m.lists.map((l) => l.list)).toEqual(['ohchr-bhr-database-hrc-31-36']);
  });

  test('the settlement-localities list is shipped but does not flag', () => {
    expect(data.lists.map((l) => l.id)).not.toContain('settlement-localities-west-bank-hfc-ocha');
    expect(scan('Ma’ale Adumim Ariel Efrat')).toEqual([]);
  });
});

describe('boundaries', () => {
  test('a name inside a longer word does not match', () => {
    expect(scan('LUIS ESTEVA MARABOTO; Registro; NRTfXJcbKSA')).toEqual([]);
  });
  test('near-miss names do not match', () => {
    expect(scan('Cellnex UK Ltd')).toEqual([]);
  });
});

describe('corroboration details', () => {
  test('capitals confirm an acronym such as ING, but "ing." in Dutch is not the bank', () => {
    expect(flags('werkt bij ING in Brussel')).toHaveLength(1);
    expect(scan('ir. ing. Jansen')).toEqual([]);
  });

  test('a homonym takes a legal form only when it agrees with the listed one', () => {
    expect(flags('Elco Limited, Tel Aviv')).toHaveLength(1);
    expect(flags('ELCO GmbH Heizkessel')).toEqual([]);
  });

  test('business-line words after a group name make a group member', () => {
    const [m] = flags('Siemens Mobility SAS');
    expect(m.matchType).toBe('group-member');
    expect(m.text).toBe('Siemens Mobility SAS');
  });

  test('a field corroborates only when the name is the whole value', () => {
    expect(flags('Partner in Bouwstoffen BV', 'tenderer')).toEqual([]);
    expect(flags('Leverancier: Volvo', 'supplier')).toHaveLength(1);
  });

  test('a weak name running on into a longer name is not promoted by the full name elsewhere', () => {
    const scans = scanPage(matcher, [
      { text: 'Raamovereenkomst met Volvo Group Belgium NV', field: null },
      { text: 'Dienstwagen Volvo Amazon', field: null },
    ]);
    expect(scans[1].matches[0].level).toBe('possible');
    expect(scans[1].matches[0].evidence).toContainEqual({ kind: 'runs-on', text: 'Amazon' });
  });

  test('spaced initials without dots match', () => {
    expect(flags('J C Bamford Excavators Limited')).toHaveLength(1);
  });
});

describe('brands written in lower case', () => {
  test('"innocent" in prose is the word, in a brand field the brand', () => {
    expect(scan('He was found innocent by the court')).toEqual([]);
    const [m] = scan('innocent', 'brand');
    expect(m.entityName).toBe('The Coca-Cola Company');
    expect(m.evidence).toContainEqual({ kind: 'field', field: 'brand' });
  });
});

describe('look-alike notes', () => {
  test('an ordinary word is not a look-alike ("de Delta van Rijn en Maas"), a company name is', () => {
    expect(matcher.scanBlock({ text: 'de Delta van Rijn en Maas', field: null }).guards).toEqual([]);
    const { guards } = matcher.scanBlock({ text: 'HP Inc. printer', field: null });
    expect(guards).toHaveLength(1);
    expect(matcher.guard(guards[0].guard)?.notEntityName).toBe('Hewlett Packard Enterprise (HPE)');
  });
});
