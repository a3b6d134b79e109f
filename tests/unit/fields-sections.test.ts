// Roles stated by a heading or a class rather than a label on the same row (sections.ts):
// the companies listed under "Attributaire(s)", "Gunning", "Informacje o zwycięzcach", ...
// on award pages, in nl, fr, de, en, es, it and pl, and what must not take such a role.
//
// Snippets are real text put in the markup the portals use. Company names, buyers, lot
// titles and prose come from real TED notices in ../shared/corpora/ted-notices/ (the
// notice is named at each snippet; ../shared/corpora/ted-notices-index.tsv gives each
// file's origin). Headings are the portals' and forms' own wording: the eForms notice
// labels (OP-TED/eForms-SDK translations/auxiliary_<lang>.xml), the TED standard forms'
// section labels, and the layouts cited at each snippet. Every heading used is a record of
// data/lexicon/field-headings.json with its source.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import compiled from '../../src/generated/compiled-lists.json';
import { Matcher } from '../../src/core/matcher';
import { scanPage } from '../../src/core/page';
import type { CompiledData, FieldRole } from '../../src/core/types';
import { collectBlocks, iterateBlocks, type PageBlock } from '../../src/formats/page/collect-blocks';
import { isHiddenStatic } from '../../src/formats/page/visibility';
import { fieldOfFor } from '../../src/formats/page/fields';

function docOf(body: string, lang: string | null): Document {
  const attr = lang ? ` lang="${lang}"` : '';
  return parseHTML(`<!doctype html><html${attr}><head><title>t</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
}

function blocks(body: string, lang: string | null = null): PageBlock[] {
  return collectBlocks(docOf(body, lang), { isHidden: isHiddenStatic, fieldOf: fieldOfFor(null) });
}

/** Block text (whitespace collapsed) -> field. */
function fields(body: string, lang: string | null = null): Record<string, FieldRole | null> {
  return Object.fromEntries(blocks(body, lang).map((b) => [b.text.replace(/\s+/g, ' ').trim(), b.field]));
}

describe('award pages: the companies under a heading take its role', () => {
  it('nl: TenderNed standard-form rendering, "Afdeling V: Gunning van een opdracht" > "V.2.3) Naam en adres van de contractant"', () => {
    // Markup: TenderNed's rendering of standard-form award notices (h3.section-header-1,
    // h5.subsection, dl with "Officiële benaming:"). Names: TED 396198-2018
    // (6330c51a48a4b32c74b104586af440e2c9aadd51.xml), Gemeente Meierijstad, Arcadis.
    const f = fields(
      '<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>' +
        '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Gemeente Meierijstad</dd></dl>' +
        '<h3 class="section-header-1">Afdeling V: <span>Gunning van een opdracht</span></h3>' +
        '<p class="subsection-content"><span class="section-header-3">Benaming: </span>Opstellen van NRD en MER verbindingsweg N279</p>' +
        '<h5 class="subsection"><span class="subsection-number">V.2.3)</span> <span class="section-header-3">Naam en adres van de contractant</span></h5>' +
        '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Arcadis Nederland B.V.</dd><dt>Plaats:</dt><dd>Arnhem</dd></dl>' +
        '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3>' +
        '<dl class="subsection"><dt>Officiële benaming:</dt><dd>Rechtbank Oost-Brabant</dd></dl></div>',
      'nl',
    );
    expect(f['Gemeente Meierijstad']).toBe('buyer');
    expect(f['Arcadis Nederland B.V.']).toBe('winner');
    // The term "Plaats" labels its value: the town is not the winner's name.
    expect(f['Arnhem']).toBeNull();
    expect(f['Benaming: Opstellen van NRD en MER verbindingsweg N279']).toBeNull();
    // Section VI started: the review body is not the winner.
    expect(f['Rechtbank Oost-Brabant']).toBeNull();
  });

  it('fr: "Attribution" with a lot sub-heading, and a bold "Attributaire(s) :" line over a list', () => {
    // Names and lot titles: TED 396179-2018 (10e36a32854d37d4747d6685cbce14c1a22805c6.xml,
    // Ville d'Arques, lots 1 and 2) and TED 272931-2021 (162eb6ed8518678ead81295a0c19c3ca268a6502.xml).
    // "Attribution": the French standard form's "Section V: Attribution du marché".
    const f = fields(
      '<h2>Attribution</h2><h3>Lot 1 : Terrassement — voirie — tranchées</h3><ul><li>Colas Nord Est</li></ul>' +
        '<h3>Lot 2 : Réseaux secs — éclairage public</h3><ul><li>Ducrocq TP</li></ul>' +
        '<p><strong>Attributaire(s) :</strong></p><ul><li>STAL TP</li></ul>' +
        '<h2>Procédures de recours</h2><p>Tribunal administratif de Lille</p>',
      'fr',
    );
    expect(f['Colas Nord Est']).toBe('winner');
    expect(f['Ducrocq TP']).toBe('winner');
    expect(f['STAL TP']).toBe('winner');
    expect(f['Tribunal administratif de Lille']).toBeNull();
  });

  it('fr: a bold line that is not a heading ("Lot 2", a company over its town) is an item of the section', () => {
    // TED 396179-2018: lot 1 to Colas Nord Est (Saint-Omer), lot 2 to Ducrocq TP.
    const f = fields(
      '<h2>Attributaires</h2><p><strong>Colas Nord Est</strong></p><ul><li>Saint-Omer</li></ul>' +
        '<p><b>Lot 2</b></p><ul><li>Ducrocq TP</li></ul>',
      'fr',
    );
    expect(f['Colas Nord Est']).toBe('winner');
    expect(f['Ducrocq TP']).toBe('winner');
  });

  it('de: "Abschnitt V: Auftragsvergabe" and the standard form\'s V.2.3 wording, "Offizielle Bezeichnung:" lines', () => {
    // Headings as on vergabe24.de standard-form notices. Names: TED 429533-2016
    // (0248edc8c92faa773057c5144689da25975b5c93.xml, Mönch Naturstein GmbH, Heidenau).
    const f = fields(
      '<h2>Abschnitt V: Auftragsvergabe</h2>' +
        '<h4>V.2.3) Name und Anschrift des Wirtschaftsteilnehmers, zu dessen Gunsten der Zuschlag erteilt wurde</h4>' +
        '<p>Offizielle Bezeichnung: Mönch Naturstein GmbH</p><p>Ort: Heidenau</p>',
      'de',
    );
    expect(f['Offizielle Bezeichnung: Mönch Naturstein GmbH']).toBe('winner');
    expect(f['Ort: Heidenau']).toBeNull();
  });

  it('en: the eForms results table, "6.1.2 Information about winners" up to "6.1.4 Statistical information"', () => {
    // Markup: TenderNed's eForms rendering (one table, th header rows, span.label /
    // span.value rows), as reproduced in public parser tests of that page. Names: TED
    // 007563-2018 (007b612848c991173ef0281a71bbf0aa75e1038c.xml, Jisc, BMJ).
    const f = fields(
      '<table><tbody>' +
        '<tr class="header1"><th colspan="2">6. Results</th></tr>' +
        '<tr class="header3"><th colspan="2">6.1.2 Information about winners</th></tr>' +
        '<tr><td colspan="2"><span class="label">Winner</span><span class="text">:</span></td></tr>' +
        '<tr><td><span class="label">Official name</span><span class="text">: </span></td><td><span class="value">BMJ Publishing Group Limited</span></td></tr>' +
        '<tr class="header3"><th colspan="2">6.1.4 Statistical information</th></tr>' +
        '<tr><td><span class="label">Official name</span><span class="text">: </span></td><td><span class="value">Jisc Collections</span></td></tr>' +
        '</tbody></table>',
      'en',
    );
    expect(f['BMJ Publishing Group Limited']).toBe('winner');
    expect(f['Jisc Collections']).toBeNull();
  });

  it('es: "Adjudicatario" over a table of lots, "Licitadores no seleccionados" over the others', () => {
    // Names: TED 337795-2017 (124e36f3362cf1f43692211615896df02f0cde47.xml, "Suturas
    // mecánicas", lots 19 and 1,2 awarded; Medtronic won lot 3 there, listed here as a
    // non-selected tenderer to test the second heading). "Licitadores no seleccionados":
    // eForms auxiliary_es.xml non-winning-tender.
    const f = fields(
      '<h3>Adjudicatario</h3><table><tr><td>Lote 19</td><td>Prohosa</td></tr><tr><td>Lotes 1,2</td><td>B Braun Surgical, S.A.</td></tr></table>' +
        '<h3>Licitadores no seleccionados</h3><ul><li>Medtronic Iberica, S.A.</li></ul>',
      'es',
    );
    expect(f['Prohosa']).toBe('winner');
    expect(f['B Braun Surgical, S.A.']).toBe('winner');
    expect(f['Medtronic Iberica, S.A.']).toBe('tenderer');
  });

  it('it: headings wrapped in panel headers ("Aggiudicatario", "Committente")', () => {
    // Names: TED 415672-2020 (4040d60c81fc0b68315acc376d4ef4f405200d80.xml). "Committente":
    // eForms auxiliary_it.xml buyer.
    const f = fields(
      '<div class="panel"><div class="panel-heading"><h4>Aggiudicatario</h4></div>' +
        '<div class="panel-body"><ul><li>Atos Italia SpA</li></ul></div></div>' +
        '<div class="panel"><div class="panel-heading"><h4>Committente</h4></div>' +
        '<div class="panel-body"><p>RAI Radiotelevisione Italiana</p></div></div>',
      'it',
    );
    expect(f['Atos Italia SpA']).toBe('winner');
    expect(f['RAI Radiotelevisione Italiana']).toBe('buyer');
  });

  it('pl: "Informacje o zwycięzcach" (eForms) and BZP\'s bold "NAZWA I ADRES WYKONAWCY" over a list', () => {
    // Names: TED 001468-2021 (04729f2b76dca94f98e152571f3951ea231c6122.xml) and TED
    // 000087-2019 (1840eecbdf41671973f6b276686e2bef9bd3b573.xml, the winner and its town).
    // BZP award notices put the winner in a list after <b>NAZWA I ADRES WYKONAWCY</b>.
    const f = fields(
      '<h3>Informacje o zwycięzcach</h3><p>Powszechny Zakład Ubezpieczeń S.A.</p>' +
        '<h3>Nabywca</h3><p>Wojewódzka Stacja Pogotowia Ratunkowego w Poznaniu SP ZOZ</p>' +
        '<div><b>NAZWA I ADRES WYKONAWCY</b></div><ul><li>Usługi Ogólnobudowlane Eugeniusz Chrostowski</li><li>Grajewo</li></ul>',
      'pl',
    );
    expect(f['Powszechny Zakład Ubezpieczeń S.A.']).toBe('winner');
    expect(f['Wojewódzka Stacja Pogotowia Ratunkowego w Poznaniu SP ZOZ']).toBe('buyer');
    expect(f['Usługi Ogólnobudowlane Eugeniusz Chrostowski']).toBe('winner');
  });

  it('a class or id says so: "attributaire", "winner-name", "zuschlag"', () => {
    // Names: TED 000057-2020 (0130b301362d352fd95e20748cfb873557e1c016.xml), 396179-2018
    // and 095033-2019 (00fe4b27005f3179b4a0ce4b7f8f59754788cd47.xml, Cardiff Council).
    const f = fields(
      '<div class="zuschlag"><span>Zimmerei Kürbs</span></div>' +
        '<ul id="attributaires"><li>Sade CGTH</li><li>ID Verde</li></ul>' +
        '<table><tr><td>Cardiff Council</td><td class="winner-name">Gullivers Truck Hire</td></tr></table>',
    );
    expect(f['Zimmerei Kürbs']).toBe('winner');
    expect(f['Sade CGTH']).toBe('winner');
    expect(f['ID Verde']).toBe('winner');
    expect(f['Gullivers Truck Hire']).toBe('winner');
    expect(f['Cardiff Council']).toBeNull();
  });

  it('non-winners and subcontractors keep their own role', () => {
    // eForms auxiliary_en.xml non-winning-tender and winner-subcontractor.
    const f = fields(
      '<h3>Non-winning tenderers</h3><p>Ideal Cars</p><h3>Subcontractors of the winner</h3><p>Carriage Solutions Ltd</p>',
      'en',
    );
    expect(f['Ideal Cars']).toBe('tenderer');
    expect(f['Carriage Solutions Ltd']).toBe('subcontractor');
  });
});

describe('what does not take a heading role', () => {
  it('a heading word in prose is not a heading', () => {
    // Prose: TED 114104-2021 (79952cffeb55eeca69d863335e925a55d2e9d18f.xml), 062812-2021
    // (2686c3c8fb39fbb9f7bbd7b42e26afcd1956ff3f.xml) and 036258-2018
    // (7806a0629b0e08e3989d97675b35cc71e0568b2d.xml), each followed by a name.
    const f = fields(
      '<p>Der wirtschaftlichste Bieter erhält den Zuschlag und wird beauftragt.</p><p>Mönch Naturstein GmbH</p>' +
        '<p>Pour l’attribution du marché, le CEA impose que le groupement momentané soit un groupement solidaire.</p><p>Colas Nord Est</p>' +
        '<p>Contractors should note that admission onto the DPS is not a guarantee of any award of contracts.</p><p>Gullivers Truck Hire</p>' +
        '<p>Attribution</p><p>Ducrocq TP</p>',
    );
    expect(Object.values(f).every((r) => r === null)).toBe(true);
  });

  it('a heading that only contains a heading word is not one ("Award criteria", "Avis d\'attribution : ...")', () => {
    const f = fields(
      '<h2>Award criteria</h2><ul><li>Quality Plan</li></ul>' +
        "<h1>Avis d'attribution : Aménagement du Centre-Ville — phase 1A</h1><p>Ville d'Arques</p>" +
        '<h2>Zuschlagskriterien</h2><p>Preis</p>',
    );
    expect(Object.values(f).every((r) => r === null)).toBe(true);
  });

  it('the section ends at the next heading of the same or a higher level, and with its container', () => {
    const f = fields(
      '<section><h2>Gunning</h2><ul><li>Arcadis Nederland B.V.</li></ul>' +
        '<h3>Perceel 1</h3><p>Vattenfall Nederland BV</p>' +
        '<h2>Beroep</h2><p>Rechtbank Oost-Brabant</p></section>' +
        '<section><h2>Gunning</h2><p>Arcadis Nederland B.V., Arnhem</p></section><footer><p>Gemeente Meierijstad</p></footer>',
      'nl',
    );
    expect(f['Arcadis Nederland B.V.']).toBe('winner');
    // A lower sub-heading stays in the section.
    expect(f['Vattenfall Nederland BV']).toBe('winner');
    expect(f['Rechtbank Oost-Brabant']).toBeNull();
    expect(f['Arcadis Nederland B.V., Arnhem']).toBe('winner');
    // Outside the section's container.
    expect(f['Gemeente Meierijstad']).toBeNull();
  });

  it('long paragraphs, descriptions and label/value lines under a heading are not names', () => {
    // Lot title: TED 396179-2018 (lot 4); prose: TED 204371-2017
    // (1e3bb1178dd2fb84af67e7b5dc0d9e9a991657d9.xml).
    const prose =
      "L'appalto si configura quale proroga tecnica per garantire la prosecuzione dei servizi di Contact Center senza soluzione di continuità nelle more della presa in carico del servizio da parte dell'aggiudicatario della gara indetta con bando GUUE n. 2014/S 198-350786 del 15.10.2014.";
    const f = fields(
      `<h2>Aggiudicatario</h2><p>${prose}</p><p>Espaces verts — plantations — mobiliers urbains</p><p>Valore totale: 1 200 000 EUR</p>`,
      'it',
    );
    expect(f[prose]).toBeNull();
    expect(f['Espaces verts — plantations — mobiliers urbains']).toBeNull();
    expect(f['Valore totale: 1 200 000 EUR']).toBeNull();
  });

  it('a large container after a heading passes nothing on', () => {
    const long = '<p>Procédure adaptée, critères pondérés.</p>'.repeat(80);
    expect(fields(`<h2>Attributaires</h2><div>${long}<p>Colas Nord Est</p></div>`, 'fr')['Colas Nord Est']).toBeNull();
  });

  it('a heading word of another language than the page\'s is not read ("Attribution" is a credit on an English page)', () => {
    const f = fields('<h2>Attribution</h2><ul><li>Getty Images</li></ul>', 'en');
    expect(f['Getty Images']).toBeNull();
    // The same page in French, or with no language, reads it.
    expect(fields('<h2>Attribution</h2><ul><li>Getty Images</li></ul>', 'fr')['Getty Images']).toBe('winner');
  });

  it('class names that merely contain a class word state nothing', () => {
    const f = fields(
      '<div class="award-winning">Partner</div><div class="prize-winner">Volvo</div><div class="awarded-date">12/05/2022</div>',
    );
    expect(Object.values(f).every((r) => r === null)).toBe(true);
  });

  it('a table whose column headers state roles is left to them', () => {
    // Lot 4 of TED 396179-2018: ID Verde, Marquise.
    const f = fields(
      '<h2>Attribution</h2><table><thead><tr><th>Lot</th><th>Attributaire</th><th>Ville</th></tr></thead>' +
        '<tbody><tr><td>4</td><td>ID Verde</td><td>Marquise</td></tr></tbody></table>',
      'fr',
    );
    expect(f['ID Verde']).toBe('winner');
    // Name-like, but in a column whose header states no role.
    expect(f['Marquise']).toBeNull();
  });
});

describe('a part of the page walked again (a rescan after a change)', () => {
  it('the root of the walk finds its heading by looking back', () => {
    const doc = docOf('<h2>Attributaires</h2><ul id="list"><li>Colas Nord Est</li></ul>', 'fr');
    const list = doc.getElementById('list')!;
    const li = list.firstElementChild!;
    for (const root of [list, li]) {
      const [b] = Array.from(iterateBlocks(root, { isHidden: isHiddenStatic, fieldOf: fieldOfFor(null) }));
      expect(b.field).toBe('winner');
    }
  });
});

describe('the role corroborates a weak name, end to end', () => {
  const matcher = Matcher.fromData(compiled as unknown as CompiledData);
  const scan = (body: string, lang: string) =>
    scanPage(
      matcher,
      blocks(body, lang).map((b) => ({ text: b.text, field: b.field })),
    ).flatMap((s) => s.matches);

  it('"Volvo" listed under "Zuschlagsempfänger" flags as the winner; the same word in prose does not', () => {
    // A built line: the listed name as the value, as the site fixtures use it.
    const [m] = scan('<h3>Zuschlagsempfänger</h3><ul><li>Volvo</li></ul>', 'de');
    expect(m.level).toBe('flag');
    expect(m.field).toBe('winner');
    expect(m.evidence).toContainEqual({ kind: 'field', field: 'winner' });
    const prose = scan('<h3>Zuschlagskriterien</h3><p>Volvo</p>', 'de');
    expect(prose.every((x) => x.level !== 'flag')).toBe(true);
  });
});
