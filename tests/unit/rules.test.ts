// Each corroboration rule of src/core/rules.ts on a tiny fixture list, with the real texts
// that show its class (the shared TED notices and shop pages; tests/audit/ names the files).
import { describe, expect, test } from 'vitest';
import { compileLists, type SourceList, type SourceProductLine } from '../../src/core/compile';
import { Matcher } from '../../src/core/matcher';
import { scanPage } from '../../src/core/page';
import type { FieldRole, Match } from '../../src/core/types';

function entry(name: string, country: string, aliases: string[] = []) {
  return { name, aliases, country, categories: [], rationale: 'Fixture entry.', evidence_url: 'https://example.org/e' };
}

const list: SourceList = {
  id: 'fixture',
  title: 'Fixture list',
  publisher: 'Tests',
  url: 'https://example.org/list',
  published: '2026-01-01',
  coverage_note: 'complete',
  entries: [
    entry('Partner Communications Company Ltd.', 'Israel', ['Partner']),
    entry('Carrefour', 'France'),
    entry('Caterpillar', 'United States'),
    entry('Volvo Group', 'Sweden', ['Volvo Trucks']),
    entry('Construcciones y Auxiliar de Ferrocarriles S.A. (CAF)', 'Spain', ['CAF']),
    entry('Siemens', 'Germany'),
    entry('ING Group', 'Netherlands', ['ING']),
  ],
};

// A fixture dictionary: which of these words are ordinary in which language.
const WORDS: Record<string, string[]> = {
  partner: ['en', 'de', 'nl', 'pl'],
  carrefour: ['fr'],
  caterpillar: ['en'],
  siemens: ['de', 'en'],
};

const productLines: SourceProductLine[] = [
  {
    brand: 'Volvo',
    company: { list: 'fixture', entry: 'Volvo Group' },
    otherCompany: null,
    line: 'trucks',
    models: '^(FH|FM)\\d*$',
    words: [],
    sourceUrl: 'https://example.org/trucks',
  },
  {
    brand: 'Volvo',
    company: null,
    otherCompany: 'Volvo Cars',
    line: 'cars',
    models: '^(XC|EX)\\d{2}$',
    words: [],
    sourceUrl: 'https://example.org/cars',
  },
];

const data = compileLists(
  [{ list, sha256: '0'.repeat(64), origin: 'bundled' }],
  [
    {
      name: 'Banque-Carrefour des Entreprises',
      notTheSameAs: 'Carrefour',
      list: 'fixture',
      reason: 'the Belgian company register',
      sourceUrl: 'https://example.org/bce',
    },
  ],
  {
    isCommonWord: (t) => t in WORDS,
    isWidelyCommonWord: (t) => (WORDS[t]?.length ?? 0) >= 2,
    commonIn: (t) => WORDS[t] ?? [],
    weakNames: new Set(['volvo']),
    publicBodyAcronyms: new Map([['CAF', ['fr']]]),
    productLines,
  },
);
const matcher = Matcher.fromData(data);

function scan(text: string, lang: string | null = null, field: FieldRole | null = null): Match[] {
  return scanPage(matcher, [{ text, field, lang }])[0].matches;
}
const flagged = (text: string, lang: string | null = null, field: FieldRole | null = null) =>
  scan(text, lang, field)
    .filter((m) => m.level === 'flag')
    .map((m) => `${m.text}|${m.rule}`);

describe('not a name', () => {
  test('a consortium role in brackets is a role (TED 676677-2021, pl)', () => {
    expect(scan('STEKOP-OCHRONA Sp. z.o.o.  (Partner)', 'pl', 'winner')).toEqual([]);
    expect(scan('Lead Partner must in their home jurisdiction be:', 'en')).toEqual([]);
    // A bracketed name that is no role marker is still read.
    expect(scan('(Carrefour)', 'pl').map((m) => m.text)).toEqual(['Carrefour']);
  });

  test('a title with its dot is a title (TED 398177-2021 sk "Ing. Peter Nemec"; 238352-2018 cs "Ing. arch.")', () => {
    expect(scan('Ing. Peter Nemec', 'sk')).toEqual([]);
    expect(scan('Ing. arch. David Mikulášek', 'cs')).toEqual([]);
    expect(flagged('Bankkosten bij ING.', 'nl')).toEqual(['ING|acronym-case']);
  });

  test('an upper-case token inside a code or a URL is not a name (TED "UT/CAT/WBE", delta-esourcing URL)', () => {
    expect(scan('le centre (UT/CAF/WBE) de la construction', 'fr')).toEqual([]);
    expect(scan('https://www.example.com/ING/viewNotice.html', 'en')).toEqual([]);
    expect(scan('Lot F16-CAF-2', 'en')).toEqual([]);
    // A hyphen to a lower-case inflection keeps the name (Finnish "IBM-ohjelmistojen").
    expect(flagged('CAF-junien huolto', 'fi')).toEqual(['CAF|acronym-case']);
  });

  test('an acronym in brackets after the words it abbreviates names those words', () => {
    expect(scan('Corporación Andina de Fomento (CAF)', 'es')).toEqual([]);
    expect(flagged('trenes de Construcciones y Auxiliar de Ferrocarriles (CAF)', 'es').length).toBeGreaterThan(0);
    expect(flagged('suministro de trenes CAF', 'es')).toEqual(['CAF|acronym-case']);
  });

  test('an acronym that is a public body in the text language is that body ("(CAF)" in French)', () => {
    expect(scan("écoles, collectivités et services de l'état (CAF)", 'fr')).toEqual([]);
    expect(flagged('tramways CAF Urbos', 'es')).toEqual(['CAF|acronym-case']);
  });

  test('another company that shares the brand: its model decides (Volvo Cars XC60 is not the Volvo Group)', () => {
    expect(scan('Volvo XC60 leasing', 'nl')).toEqual([]);
    expect(flagged('Volvo FH16 trekker', 'nl')).toEqual(['Volvo|brand-product']);
  });

  test('a register look-alike stays clear (Banque-Carrefour des Entreprises)', () => {
    const r = scanPage(matcher, [
      { text: 'attestation de la Banque Carrefour des Entreprises', field: null, lang: 'fr' },
    ])[0];
    expect(r.matches).toEqual([]);
    expect(r.guards).toHaveLength(1);
  });
});

describe('part of a longer name', () => {
  test.each([
    ['Meixner + Partner GmbH, Gögginger Straße 93', 'de'],
    ['BKK ZF & Partner', 'de'],
    ['Sabiedrība ar ierobežotu atbildību “8 Siemens”', 'lv'],
    ['Nokia Siemens Networks Oy', 'fi'],
  ])('%s: what follows describes the other company', (text, lang) => {
    const ms = scan(text, lang, 'organisation');
    expect(ms.filter((m) => m.level === 'flag')).toEqual([]);
    expect(ms.every((m) => m.rule === 'part-of-longer-name')).toBe(true);
  });

  test('a function word or a legal form before the name does not make it longer', () => {
    expect(flagged('Die Siemens AG liefert', 'de')).toEqual(['Siemens AG|legal-form-agrees']);
    expect(flagged('la Siemens AG', 'fr')).toEqual(['Siemens AG|legal-form-agrees']);
  });
});

describe('corroboration', () => {
  test('a legal form counts only where it agrees with the listed company (Partner GmbH is German)', () => {
    expect(flagged('Partner Ltd.', 'en')).toEqual(['Partner Ltd.|legal-form-agrees']);
    expect(flagged('Partner GmbH', 'de')).toEqual([]);
    expect(flagged('Siemens AG', 'de')).toEqual(['Siemens AG|legal-form-agrees']);
    expect(flagged('Siemens SAS', 'de')).toEqual([]);
  });

  test('a country and its legal form make a national subsidiary (IBM Finland Ab, Solaris Slovakia s.r.o.)', () => {
    expect(flagged('Siemens Finland Oy', 'fi')).toEqual(['Siemens Finland Oy|country-subsidiary']);
  });

  test('a business-line word must be the company\'s line ("Partner Communications" yes, "Partner Bank" no)', () => {
    expect(flagged('Partner Communications Ltd', 'en').length).toBe(1);
    expect(flagged('Partner Bank', 'en')).toEqual([]);
  });

  test('a word ordinary only in other languages, capitalised, is a name ("Carrefour" in Polish, not in French)', () => {
    expect(flagged('Hipermarket Carrefour w Krakowie', 'pl')).toEqual(['Carrefour|foreign-word']);
    expect(flagged('maszyny Caterpillar dla budowy', 'pl')).toEqual(['Caterpillar|foreign-word']);
    expect(flagged('Le Carrefour des métiers', 'fr')).toEqual([]);
    expect(flagged('au Carrefour', null)).toEqual([]);
    // Common in the text's own language: "Partner" in Polish.
    expect(flagged('Partner projektu', 'pl')).toEqual([]);
  });

  test('a brand followed by its company\'s model code ("Volvo FH 460")', () => {
    expect(flagged('Volvo FH 460 trekker', 'nl')).toEqual(['Volvo|brand-product']);
    expect(flagged('Volvo Amazon', 'nl')).toEqual([]);
  });

  test('a stated field counts for each member of a consortium ("UTE CAF - Acciona")', () => {
    expect(flagged('UTE Carrefour - Acciona', 'es', 'winner')).toEqual(['Carrefour|stated-field']);
    expect(flagged('Carrefour des Matériaux', 'fr', 'tenderer')).toEqual([]);
  });

  test('every match says which rule decided it', () => {
    for (const m of scan('Partner Communications Company Ltd., Partner GmbH, Volvo FH16', 'en')) {
      expect(m.rule).toMatch(/^[a-z-]+$/);
    }
  });
});
