// Every adapter's fixture (tests/fixtures/sites/<id>.html, see SOURCES.md there) gives the
// expected role for the expected names, through the same entry points the content script
// and the CLI use: collectBlocks with fieldOfFor(url), and extraBlocksFor(url, doc).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import compiled from '../../src/generated/compiled-lists.json';
import { Matcher } from '../../src/core/matcher';
import { scanPage } from '../../src/core/page';
import type { CompiledData, FieldRole, Match } from '../../src/core/types';
import { collectBlocks } from '../../src/formats/page/collect-blocks';
import { isHiddenStatic } from '../../src/formats/page/visibility';
import { extraBlocksFor, fieldOfFor, withoutVisibleDuplicates, type ExtraBlock } from '../../src/formats/page/fields';

const fixturesDir = fileURLToPath(new URL('../fixtures/sites/', import.meta.url));
const matcher = Matcher.fromData(compiled as unknown as CompiledData);

interface Page {
  visible: { text: string; field: FieldRole | null }[];
  extra: ExtraBlock[];
}

function load(file: string, url: string): Page {
  const { document } = parseHTML(readFileSync(`${fixturesDir}${file}`, 'utf8'));
  const doc = document as unknown as Document;
  const u = new URL(url);
  const visible = collectBlocks(doc, { isHidden: isHiddenStatic, fieldOf: fieldOfFor(u) }).map((b) => ({
    // Amazon's tables put direction marks (U+200E) before values.
    text: b.text
      .replace(/\p{Cf}/gu, '')
      .replace(/\s+/g, ' ')
      .trim(),
    field: b.field,
  }));
  return { visible, extra: withoutVisibleDuplicates(extraBlocksFor(u, doc), visible) };
}

/** Roles of the visible blocks that are `text`, else of those that contain it. */
function rolesOf(page: Page, text: string): (FieldRole | null)[] {
  const exact = page.visible.filter((b) => b.text === text);
  return (exact.length > 0 ? exact : page.visible.filter((b) => b.text.includes(text))).map((b) => b.field);
}

function matches(page: Page): Match[] {
  const blocks = [...page.visible, ...page.extra.map((x) => ({ text: x.text, field: x.field }))];
  return scanPage(matcher, blocks).flatMap((s) => s.matches);
}

const flagged = (page: Page) =>
  matches(page)
    .filter((m) => m.level === 'flag')
    .map((m) => `${m.text} -> ${m.entityName} [${m.field}]`);

type Expect = [text: string, role: FieldRole | null];

const CASES: { file: string; url: string; visible: Expect[]; extra?: Expect[] }[] = [
  {
    file: 'amazon.html',
    url: 'https://www.amazon.com/dp/B0057OC5O8',
    visible: [
      ['Visit the SainSmart Store', 'brand'],
      ['SainSmart Official', 'seller'],
      ['Brand', 'brand'],
      ['SainSmart', 'brand'],
      ['SainStore Inc.', 'manufacturer'],
      ['10 Amps', null],
    ],
  },
  {
    file: 'amazon-es.html',
    url: 'https://www.amazon.es/dp/B01MUGXRT9',
    visible: [
      ['Visita la tienda de Cecotec', 'brand'],
      ['Cecotec', 'brand'],
      ['MAYABLE', 'seller'],
      ['Robot aspirador profesional', null],
    ],
  },
  {
    file: 'amazon-co-uk.html',
    url: 'https://www.amazon.co.uk/dp/1849757097',
    // The byline of a book names its author: no brand.
    visible: [
      ['Mat Follas', null],
      ['Goldstone-Books', 'seller'],
      ['Ryland Peters', null],
    ],
  },
  {
    file: 'leclerc-drive.html',
    url: 'https://fd7-courses.leclercdrive.fr/magasin-079111-Massy-Palaiseau/rayon-284485-Desserts-Sucres-et-Farines.aspx',
    visible: [],
    extra: [
      ['Teva', 'brand'],
      ['Vahiné', 'brand'],
      ['Sucre Blanc Poudre Téva', null],
      ['Levure boulanger Vahiné', null],
    ],
  },
  {
    file: 'leclerc-drive-old-el-paso.html',
    url: 'https://fd7-courses.leclercdrive.fr/magasin-079111-Massy-Palaiseau/rayon-288991-Saveurs-du-monde.aspx',
    visible: [],
    extra: [
      ['Old El Paso', 'brand'],
      ['Kit fajita Old El Paso', null],
      ["Kit Crousti'Fajitas Old El Paso", null],
    ],
  },
  {
    file: 'ted.html',
    url: 'https://ted.europa.eu/en/notice/-/detail/191534-2024',
    visible: [
      ['Official name: Stad Voorbeeldstad', 'buyer'],
      ['Official name: Motorola Solutions Belgium SA', 'winner'],
      ['Official name: Egis', 'tenderer'],
      ['Description: Supply of radio terminals', null],
      ['Town: Paris', null],
    ],
  },
  {
    file: 'ted-standard-form.html',
    url: 'https://ted.europa.eu/en/notice/-/detail/91559-2022',
    visible: [
      ['Official name: Gemeente Voorbeeld', 'buyer'],
      ['Official name: Volvo', 'winner'],
      ['Volvo and other makes', null],
    ],
  },
  {
    file: 'be-eprocurement.html',
    url: 'https://www.publicprocurement.be/publications/x',
    visible: [
      ['Officiële benaming: Gemeente Voorbeeldstad', 'buyer'],
      ['Officiële benaming: Heidelberg Materials Belgium NV', 'winner'],
      ['Nom officiel : Commune de Villexemple', 'buyer'],
      ['Nom officiel : Motorola Solutions Belgium SA', 'winner'],
      ['Officiële naam: Siemens', 'tenderer'],
      ['Officiële naam: Gemeente Voorbeeldstad', 'buyer'],
    ],
  },
  {
    file: 'tenderned.html',
    url: 'https://www.tenderned.nl/aankondigingen/overzicht/1',
    visible: [
      ['Officiële naam: Waterschap Voorbeeld', 'buyer'],
      ['Officiële naam: Volvo', 'winner'],
      ['Egis', 'winner'],
      ['Vrachtwagens 4x2', null],
      ['Toelichting', null],
    ],
  },
  {
    file: 'boamp.html',
    url: 'https://www.boamp.fr/pages/avis/?q=idweb:%2224-1%22',
    visible: [
      ['Pouvoir adjudicateur : Ville de Villexemple', 'buyer'],
      ['Nom du titulaire / organisme : Egis', 'winner'],
      ['Alstom SA', 'winner'],
      ['Montant', null],
      ['Nom officiel: Egis', 'winner'],
      ['Remarque', null],
    ],
  },
  {
    file: 'mercell.html',
    url: 'https://www.mercell.com/en-gb/tender/1/x.aspx',
    visible: [
      ['Province of Example', 'buyer'],
      ['Caterpillar', 'winner'],
      ['JCB', 'supplier'],
      ['Hyundai Heavy Industries', 'supplier'],
      ['Caterpillar Belgium', 'supplier'],
      ['already owns a Caterpillar', null],
    ],
  },
  {
    file: 'find-a-tender.html',
    url: 'https://www.find-tender.service.gov.uk/Notice/000001-2024',
    visible: [
      ['Example Borough Council', 'buyer'],
      ['Volvo Group UK Limited', 'winner'],
      ['JCB', 'supplier'],
      ['Spare parts for Volvo', null],
    ],
  },
  {
    file: 'contracts-finder.html',
    url: 'https://www.contractsfinder.service.gov.uk/Notice/00000000-0000-0000-0000-000000000000',
    visible: [
      ['Motorola Solutions UK Limited', 'winner'],
      ['Siemens', 'supplier'],
      ['Contracting authority: Example Police Authority', 'buyer'],
      ['earlier radios came from Siemens', null],
    ],
  },
  {
    file: 'bol.html',
    url: 'https://www.bol.com/nl/nl/p/ahava-hand-cream/9200000000000000/',
    visible: [
      ['Merk: AHAVA', 'brand'],
      ['Verkoop door bol', 'seller'],
      ['Sprite', 'brand'],
      ['Deadsea Water Mineral Hand Cream', null],
    ],
  },
  {
    file: 'albert-heijn.html',
    url: 'https://www.ah.nl/producten/product/wi000000/sprite-lemon-lime',
    visible: [
      ['Sprite', 'brand'],
      ['Frisdrank met citroen', null],
    ],
    extra: [
      ['Coca-Cola Europacific Partners', 'manufacturer'],
      ['Albert Heijn', 'seller'],
    ],
  },
  {
    file: 'colruyt.html',
    url: 'https://www.colruyt.be/nl/producten/1',
    visible: [
      ['innocent', 'brand'],
      ['Merk innocent', 'brand'],
      ['wij zijn innocent', null],
    ],
    extra: [['Fresh Trading Ltd', 'manufacturer']],
  },
  {
    file: 'delhaize.html',
    url: 'https://www.delhaize.be/nl/zero-sugar/p/1',
    visible: [
      ['Merk: Coca-Cola', 'brand'],
      ['Marque : Coca-Cola', 'brand'],
      ['Fabrikant: Coca-Cola Europacific Partners Belgium', 'manufacturer'],
    ],
    extra: [
      ['Coca-Cola', 'brand'],
      ['Delhaize', 'seller'],
    ],
  },
  {
    file: 'carrefour.html',
    url: 'https://www.carrefour.fr/p/boite-de-rangement-45-l',
    visible: [
      ['Vendu par Carrefour', 'seller'],
      ['Keter', 'brand'],
      ['Keter Plastic', 'manufacturer'],
      ['Gris', null],
      ['nos marques partenaires', null],
    ],
    extra: [['Carrefour', 'seller']],
  },
];

describe.each(CASES)('$file', ({ file, url, visible, extra = [] }) => {
  const page = load(file, url);

  it.each(visible)('visible %s -> %s', (text, role) => {
    const roles = rolesOf(page, text);
    expect(roles.length).toBeGreaterThan(0);
    expect(roles).toContain(role);
    // Every block naming it has that role (a name is not both brand and mentioned).
    expect(new Set(roles)).toEqual(new Set([role]));
  });

  it.each(extra)('page data %s -> %s', (text, role) => {
    expect(page.extra.filter((b) => b.text === text).map((b) => b.field)).toEqual([role]);
  });

  if (extra.length > 0 && visible.length === 0) {
    it('has none of those names in its visible text', () => {
      for (const [text] of extra) expect(page.visible.some((b) => b.text.includes(text))).toBe(false);
    });
  }
});

describe('fields and flags end to end', () => {
  it('Leclerc: "Teva" is a brand field and flags nothing (Teva is on no list; a sugar brand)', () => {
    const page = load('leclerc-drive.html', CASES[3].url);
    expect(page.extra).toContainEqual({ text: 'Teva', field: 'brand', source: 'leclerc brand filter' });
    expect(matcher.scanBlock({ text: 'Teva', field: 'brand' }).matches).toEqual([]);
    expect(matches(page).filter((m) => /teva/i.test(m.text))).toEqual([]);
  });

  it('TED: the winner and the tenderer of the ORG blocks flag with their roles', () => {
    const page = load('ted.html', CASES[5].url);
    expect(flagged(page)).toEqual([
      'Motorola Solutions Belgium SA -> Motorola Solutions, Inc. [winner]',
      'Motorola Solutions Belgium SA -> Motorola Solutions, Inc. [winner]',
      'Egis -> Egis [tenderer]',
    ]);
    // "Volvo trucks" in the description is prose: at most possible.
    expect(
      matches(page)
        .filter((m) => m.text === 'Volvo')
        .map((m) => m.level),
    ).toEqual(['possible']);
  });

  it('TED standard form: "Volvo" under "Name and address of the contractor" is the winner', () => {
    const m = matches(load('ted-standard-form.html', CASES[6].url)).filter((x) => x.entityName === 'Volvo Group');
    expect(m.map((x) => `${x.level} ${x.field}`)).toEqual(['possible null', 'flag winner']);
    expect(m[1].evidence).toContainEqual({ kind: 'field', field: 'winner' });
  });

  it('TenderNed: the "Gegunde inschrijver" column makes weak names winners; the note stays possible', () => {
    const m = matches(load('tenderned.html', CASES[8].url)).filter((x) => x.text === 'Volvo' || x.text === 'Egis');
    expect(m.map((x) => `${x.text} ${x.level} ${x.field}`)).toEqual([
      'Volvo flag winner',
      'Egis flag winner',
      'Volvo possible null',
      'Egis possible null',
      'Volvo flag winner',
    ]);
  });

  it('Albert Heijn: the brand in the page data flags, and is marked as page data by its source', () => {
    const page = load('albert-heijn.html', CASES[14].url);
    expect(page.extra.find((b) => b.text === 'Sprite')).toBeUndefined(); // visible as a brand already
    expect(flagged(page)).toContain('Sprite -> The Coca-Cola Company [brand]');
  });
});
