// Which block texts read as a company name for the role a heading or class gives (name-like.ts).
// Names are real: TED notices in ../shared/corpora/ted-notices/ (396179-2018, 272931-2021,
// 337795-2017, 001468-2021, 2020-OJS130-320346, 000057-2020), as their contractors' official
// names and towns; descriptions are those notices' lot titles. Pure: no DOM.
import { describe, expect, it } from 'vitest';
import { looksLikeName } from '../../src/formats/page/fields/name-like';

describe('looksLikeName', () => {
  it.each([
    'Colas Nord Est',
    'Ducrocq TP',
    'STAL TP',
    'B Braun Surgical, S.A.',
    'Powszechny Zakład Ubezpieczeń S.A.',
    'Gibsons ND/MAM0013',
    'Zimmerei Kürbs, Apolda',
    // Ordinary words before a legal form: still a company.
    'Équilibre environnement SARL, Roussillon',
    // "<name label>: <name>" and "<lot>: <name>".
    'Official name: Carriage Solutions Ltd',
    'Officiële benaming: Arcadis Nederland B.V.',
    'Lot 2 : Ducrocq TP',
  ])('%s is a name', (text) => expect(looksLikeName(text)).toBe(true));

  it.each([
    // Lot titles (descriptions), amounts, label/value lines and prose.
    'Terrassement — voirie — tranchées',
    'Suturas mecánicas',
    'Fourniture de véhicules Volvo',
    '€ 412.000',
    'Montant : 4 100 000 €',
    'Town: Hucknall',
    'Le marché a été attribué après analyse des offres.',
    'x'.repeat(151),
    // A name in sentence case without a legal form is not told from a description.
    'Équilibre environnement',
  ])('%s is not', (text) => expect(looksLikeName(text)).toBe(false));
});
