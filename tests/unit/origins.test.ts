// Origin findings on a tiny fixture list: the spelling rules (src/core/origin-variants.ts),
// the context rule (only origin, producer and address values; a one-word name needs
// corroboration; a name that runs on into a longer proper name is no place) and the
// homonym traps. The list entries are real names from data/lists/settlement-localities-west-bank.json.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { placeKey } from '../../src/core/origin-variants';
import { normalizeName } from '../../src/core/normalize';
import {
  compileOriginIndex,
  OriginMatcher,
  type OriginContextKind,
  type OriginLexiconRecord,
  type SourceLocality,
} from '../../src/core/origins';
import { contextsFromJsonLd, contextsFromLines, scanPageOrigins } from '../../src/formats/page/origin-scan';
import { isPageOrigins } from '../../src/core/origin-report';

const URL = 'https://example.org/list';
const entry = (name: string, aliases: string[], category = 'locality', review = false): SourceLocality => ({
  name,
  aliases,
  categories: [category],
  rationale: 'fixture',
  evidence_url: URL,
  review_required: review,
  review_reasons: review ? ['near the boundary'] : [],
});
const ENTRIES = [
  entry('Ariel', ['אריאל']),
  entry('Ariel Industrial Park', ['אזור תעשייה אריאל'], 'industrial_zone'),
  entry('Eli', ['עלי']),
  entry('Shilo', ['שילה']),
  entry('Karnei Shomron', ['קרני שומרון']),
  entry('Barkan', ['ברקן']),
  entry('Barkan Industrial Park', [], 'industrial_zone'),
  entry('Kiryat Arba', ['קרית ארבע']),
  entry("Ma'aleh Edomim", ['מעלה אדומים']),
  entry('Mishor Edomim Industrial Zone', ['אזור תעשייה מישור אדומים'], 'industrial_zone'),
  entry('Jerusalem - Atarot Industrial Zone', [], 'industrial_zone', true),
  entry('Jerusalem - East', [], 'jerusalem_alert_sector', true),
  entry('Mitzpeh Shalem', ['מצפה שלם'], 'locality', true),
  entry('Havat Ganot', ['חוות גנות'], 'farm_outpost'),
];
const lex = (phrase: string, role: OriginLexiconRecord['role']): OriginLexiconRecord => ({
  phrase,
  role,
  language: 'en',
  source: 's',
});
const LEXICON: OriginLexiconRecord[] = [
  lex('herkomst', 'origin-label'),
  lex('made in', 'origin-label'),
  lex('country of origin', 'origin-label'),
  lex('producent', 'producer-label'),
  lex('manufacturer', 'producer-label'),
  lex('adres', 'address-label'),
  lex('Industrial Zone', 'industrial-zone'),
  lex('Industrial Park', 'industrial-zone'),
  lex('אזור תעשייה', 'industrial-zone'),
  lex('West Bank', 'region'),
  lex('Shomron', 'region'),
  lex('Kibbutz', 'place-word'),
];
const index = compileOriginIndex(
  {
    meta: {
      id: 'fixture',
      title: 'Fixture',
      publisher: 'p',
      url: URL,
      published: null,
      coverageNote: 'derived',
      partial: true,
      entryCount: ENTRIES.length,
      sha256: '',
    },
    entries: ENTRIES,
  },
  LEXICON,
);
const matcher = new OriginMatcher(index);
const find = (kind: OriginContextKind, text: string) =>
  matcher.findOrigins({ kind, label: 'test', text, source: 'test' }).map((f) => f.placeName);

describe('spelling variants by rule', () => {
  const key = (s: string) => normalizeName(s).split(' ').map(placeKey).join(' ');
  it.each([
    ['Mishor Adumim', 'Mishor Edomim'],
    ["Ma'ale Adumim", 'Maale Adummim'],
    ["Ma'aleh Edomim", 'Maale Adumim'],
    ['Kiryat Arba', 'Qiryat Arba'],
    ['Kiryat Arba', 'Kirjat Arba'],
    ['Mitzpeh Shalem', 'Mizpeh Shalem'],
    ['Mitzpe Shalem', 'Mitspe Shalem'],
    ['Kedumim', 'Kdumim'],
    ['Maale Adumim', 'Maalé Adoumim'],
    ['קרית ארבע', 'קריית ארבע'],
    ['شيلو', 'شيلو'],
  ])('"%s" and "%s" have one key', (a, b) => {
    expect(key(a)).toBe(key(b));
  });
  it.each([
    ['Atarot', 'Atteret'],
    ['Shilo', 'Shalom'],
    ['Ariel', 'Arad'],
    ['Ganot', 'Gannot Hadar'],
  ])('"%s" and "%s" stay apart', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });
  it('finds a page spelling the list does not use, and says it is a variant', () => {
    const [f] = matcher.findOrigins({
      kind: 'address',
      label: 'Adres',
      text: 'Mishor Adumim, Maale Adummim',
      source: 't',
    });
    expect(f.placeName).toBe('Mishor Edomim Industrial Zone');
    expect(f.spelling).toBe('variant');
    expect(f.nameKind).toBe('derived');
    expect(find('origin', 'Qiryat Arba')).toEqual(['Kiryat Arba']);
    expect(find('address', 'אזור תעשייה מישור אדומים')).toEqual(['Mishor Edomim Industrial Zone']);
  });
});

describe('context decides, never a bare word', () => {
  it('a producer address in a settlement industrial zone is a finding', () => {
    expect(find('producer', 'SodaStream Ltd., Mishor Adumim Industrial Zone, Israel')).toEqual([
      'Mishor Edomim Industrial Zone',
    ]);
    expect(find('address', 'Atarot Industrial Zone, Jerusalem')).toEqual(['Jerusalem - Atarot Industrial Zone']);
    expect(find('address', 'Barkan Industrial Zone')).toEqual(['Barkan Industrial Park']);
  });
  it('a country alone is not a finding, nor Jordan, nor a city sector', () => {
    expect(find('origin', 'Israel')).toEqual([]);
    expect(find('origin', 'Israël')).toEqual([]);
    expect(find('origin', 'Jordan Valley')).toEqual([]);
    expect(find('origin', 'Jordanië')).toEqual([]);
    expect(find('address', 'Jerusalem')).toEqual([]);
  });
  it('Ariel the washing powder: a one-word name needs corroboration', () => {
    expect(find('producer', 'Ariel')).toEqual([]);
    expect(find('producer', 'Procter & Gamble, Ariel')).toEqual([]);
    expect(find('producer', 'Ariel Industrial Park, Israel')).toEqual(['Ariel Industrial Park']);
    expect(find('address', '40700 Ariel, Israel')).toEqual(['Ariel']);
    // A postcode does not make an origin value an address.
    expect(find('origin', '40700 Ariel')).toEqual([]);
  });
  it('Eli the first name, Shilo and Karnei Shomron in people’s names', () => {
    expect(find('producer', 'Eli Cohen Ltd')).toEqual([]);
    expect(find('producer', 'Eli')).toEqual([]);
    expect(find('producer', 'David Shilo')).toEqual([]);
    expect(find('producer', 'Yael Karnei Shomron')).toEqual([]);
    expect(find('origin', 'Eli, West Bank')).toEqual(['Eli']);
    expect(find('address', 'Karnei Shomron, Shomron')).toEqual(['Karnei Shomron']);
  });
  it('a place name that starts a company name is not a place: Barkan Wineries', () => {
    expect(find('producer', 'Barkan Wineries, Kibbutz Hulda')).toEqual([]);
  });
  it('Moshav Ganot is not the outpost Havat Ganot', () => {
    expect(find('address', '4 Haeshel Street Moshav Ganot, 50293 Israel')).toEqual([]);
  });
  it('keeps the review flag', () => {
    const [f] = matcher.findOrigins({ kind: 'address', label: 'a', text: 'Mizpeh Shalem, Dead Sea', source: 't' });
    expect(f.reviewRequired).toBe(true);
  });
});

describe('reading a page', () => {
  it('label/value rows: a label with its value on the line, in a cell, or on the next line', () => {
    const ctx = contextsFromLines(
      ['Herkomst: Israël', 'Producent\tSodaStream, Mishor Adumim', 'Adres', 'Barkan Industrial Zone', 'Ariel 3 kg'],
      matcher,
    );
    expect(ctx.map((c) => [c.kind, c.text])).toEqual([
      ['origin', 'Israël'],
      ['producer', 'SodaStream, Mishor Adumim'],
      ['address', 'Barkan Industrial Zone'],
    ]);
  });
  it('JSON-LD countryOfOrigin, manufacturer and its address', () => {
    const ctx = contextsFromJsonLd({
      '@type': 'Product',
      name: 'Ariel Color',
      countryOfOrigin: { '@type': 'Country', name: 'Israel' },
      manufacturer: {
        '@type': 'Organization',
        name: 'Example Ltd',
        address: { '@type': 'PostalAddress', addressLocality: 'Mishor Adumim', addressCountry: 'IL' },
      },
    });
    expect(ctx.map((c) => [c.kind, c.text])).toEqual([
      ['origin', 'Israel'],
      ['producer', 'Example Ltd'],
      ['address', 'Mishor Adumim, IL'],
    ]);
  });
  it('a whole page: the finding with the origin field beside it, and nothing from the description', () => {
    const { document } = parseHTML(`<html><body>
      <h1>Sparkling water maker</h1>
      <p>Our product description mentions Kiryat Arba and Ariel in passing.</p>
      <dl><dt>Herkomst</dt><dd>Israël</dd><dt>Producent</dt><dd>SodaStream Ltd., Mishor Adumim Industrial Zone</dd></dl>
    </body></html>`);
    const origins = scanPageOrigins(document as unknown as Document, matcher);
    expect(isPageOrigins(origins)).toBe(true);
    expect(origins.findings.map((f) => [f.placeName, f.contextKind, f.label])).toEqual([
      ['Mishor Edomim Industrial Zone', 'producer', 'Producent'],
    ]);
    expect(origins.stated.map((s) => s.value)).toEqual(['Israël']);
  });
  it('rejects a damaged report', () => {
    expect(isPageOrigins({ findings: [{ place: -1 }], stated: [] })).toBe(false);
    expect(isPageOrigins({ findings: [], stated: [{ label: 1 }] })).toBe(false);
  });
});
