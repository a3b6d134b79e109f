// The heading words data (data/lexicon/field-headings.json): valid against its schema,
// every record read back as written, and what is not a heading, a name label or a class word.
// Pure: no DOM.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../data/schema/field-headings.schema.json';
import compiled from '../../src/generated/compiled-lists.json';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import {
  classWordRole,
  headingPhraseRole,
  isLotReference,
  isNameLabel,
} from '../../src/formats/page/fields/heading-words';
import { HEADING_RECORDS } from '../../src/formats/page/fields/heading-records';
import { compileHeadingTables } from '../../src/formats/page/fields/heading-tables';
import generatedTables from '../../src/generated/heading-tables.json';

const FILE = 'data/lexicon/field-headings.json';

describe('field-headings.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);

  it('is valid against data/schema/field-headings.schema.json', () => {
    const data = JSON.parse(readFileSync(FILE, 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema catches a record without a source, a name label with a role and a class word with a capital', () => {
    const bad = (record: object) => validate({ records: [record] });
    const ok = {
      kind: 'heading',
      text: 'Winner',
      language: 'en',
      role: 'winner',
      source: 'eForms auxiliary_en.xml, key winner',
    };
    expect(bad(ok)).toBe(true);
    expect(bad({ ...ok, source: undefined })).toBe(false);
    expect(bad({ ...ok, role: 'champion' })).toBe(false);
    expect(bad({ ...ok, language: 'xx' })).toBe(false);
    expect(bad({ ...ok, kind: 'name-label', role: 'winner' })).toBe(false);
    expect(bad({ ...ok, kind: 'heading', role: null })).toBe(false);
    expect(bad({ ...ok, kind: 'class', text: 'Winner' })).toBe(false);
  });

  it('is what the content script reads, compiled (src/generated/heading-tables.json is current)', () => {
    const tables = compileHeadingTables(HEADING_RECORDS);
    expect(generatedTables).toEqual(tables);
    // Nothing of the sources goes to pages.
    const json = JSON.stringify(tables);
    for (const r of HEADING_RECORDS) expect(json).not.toContain(r.source);
    expect(tables.heading.length + tables.nameLabel.length + tables.classes.length).toBeGreaterThan(50);
  });

  it('covers nl, fr, de, en, es and two more EU languages', () => {
    const languages = new Set(HEADING_RECORDS.filter((r) => r.kind === 'heading').map((r) => r.language));
    for (const lang of ['nl', 'fr', 'de', 'en', 'es', 'it', 'pl']) expect(languages).toContain(lang);
  });

  it('every heading is read back with its role in its language, and every name label and class word too', () => {
    for (const r of HEADING_RECORDS) {
      if (r.kind === 'heading') expect([r.text, headingPhraseRole(r.text, r.language)]).toEqual([r.text, r.role]);
      else if (r.kind === 'name-label') expect([r.text, isNameLabel(r.text)]).toEqual([r.text, true]);
      else expect([r.text, classWordRole(r.text)]).toEqual([r.text, r.role]);
    }
  });

  it('no heading, name label or class word matches a listed name, even in a role field', () => {
    const matcher = Matcher.fromData(compiled as unknown as CompiledData);
    const hits = HEADING_RECORDS.flatMap((r) =>
      matcher.scanBlock({ text: r.text, field: 'winner' }).matches.map((m) => `${r.text} -> ${m.entityName}`),
    );
    expect(hits).toEqual([]);
  });
});

describe('headingPhraseRole: text that is all heading', () => {
  it.each([
    ['Attributaire(s)', 'fr', 'winner'],
    ['Section V: Award of contract', 'en', 'winner'],
    ['Section V: Award of contract/concession', 'en', 'winner'],
    ['6.1.2 Informatie over winnaars', 'nl', 'winner'],
    ['Afdeling V: Gunning van een opdracht', 'nl', 'winner'],
    ['Gunning perceel 2', 'nl', 'winner'],
    ['Abschnitt V: Auftragsvergabe', 'de', 'winner'],
    ['Sezione V: Aggiudicazione', 'it', 'winner'],
    ['Sekcja V: Udzielenie zamówienia', 'pl', 'winner'],
    ['Contractor(s)', 'en', 'contractor'],
    ['Auftragnehmer', 'de', 'contractor'],
    ['Soumissionnaires non retenus', 'fr', 'tenderer'],
    ['Nicht erfolgreiche Bieter', 'de', 'tenderer'],
    ['Subcontractors of the winner', 'en', 'subcontractor'],
    ['Committente', 'it', 'buyer'],
  ] as const)('%s (%s) -> %s', (text, lang, role) => {
    expect(headingPhraseRole(text, lang)).toBe(role);
    // Without a known language every phrase is read.
    expect(headingPhraseRole(text, null)).toBe(role);
  });

  it.each([
    'Award criteria',
    'Critères d’attribution',
    'Zuschlagskriterien',
    "Avis d'attribution : extension de la ligne 2",
    'Gunningsbeslissing',
    'Winner of the Red Dot award',
    'Attribution des logements sociaux',
  ])('%s -> null', (text) => {
    expect(headingPhraseRole(text, null)).toBeNull();
  });

  it('is not read in another language we have phrases for, and is read in one we have none for', () => {
    expect(headingPhraseRole('Attribution', 'en')).toBeNull();
    expect(headingPhraseRole('Attribution', 'fr')).toBe('winner');
    expect(headingPhraseRole('Attribution', 'sv')).toBe('winner');
  });
});

describe('name labels and lot references', () => {
  it.each(['Official name', 'Officiële benaming:', 'Offizielle Bezeichnung', 'Nom', 'Nazwa', 'Name and address'])(
    '%s is a name label',
    (text) => expect(isNameLabel(text)).toBe(true),
  );
  it.each(['Town', 'Plaats', 'Montant', 'Valore totale', 'Name of the project manager'])('%s is not', (text) =>
    expect(isNameLabel(text)).toBe(false),
  );
  it.each(['Lot 2', 'Lot n° 3', 'Perceel 1', 'Lote 19', 'Los 4'])('%s is a lot reference', (text) =>
    expect(isLotReference(text)).toBe(true),
  );
  it.each(['Lot technique', 'Perceel', 'Objet'])('%s is not', (text) => expect(isLotReference(text)).toBe(false));
});

describe('classWordRole', () => {
  it.each([
    ['attributaire', 'winner'],
    ['col-md-6 winner-name', 'winner'],
    ['awardedSupplier', 'winner'],
    ['lot_adjudicatario', 'winner'],
    ['contractor-info', 'contractor'],
    ['Zuschlag', 'winner'],
  ] as const)('%s -> %s', (attr, role) => expect(classWordRole(attr)).toBe(role));

  it.each(['award-criteria', 'prize-winner', 'award-winning', 'awarded-date', 'winnerCircle', 'gunningsdatum', ''])(
    '%s -> null',
    (attr) => expect(classWordRole(attr)).toBeNull(),
  );
});
