// A notice's human-readable texts (title, descriptions, addresses) are read besides its
// organisation names, each with the notice's language: a brand in a lot description is
// read like the same text on the notice's web page. Real notices (tests/fixtures/data-files).
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { languageCode } from '../../src/formats/notice-text';
import { tedXmlBlocks } from '../../src/formats/ted-xml';

const read = (f: string) => readFileSync(new URL(`../fixtures/data-files/${f}`, import.meta.url), 'utf8');
const blocksOf = (f: string) =>
  tedXmlBlocks(new DOMParser().parseFromString(read(f), 'text/xml') as unknown as Document).blocks;

describe('notice texts', () => {
  it('TED XML R2.0.9: the title and short descriptions of the original form, in its language', () => {
    const texts = blocksOf('ted-xml-r209-21-205737.xml').filter((b) => b.kind === 'text');
    const title = texts.find((b) => b.source.endsWith('/OBJECT_CONTRACT/TITLE/P'));
    expect(title?.text).toBe('Uninterrupted Brighton Mainline Cellular Internet and Mobile Reception');
    expect(title?.lang).toBe('en');
    expect(texts.some((b) => b.source.includes('/SHORT_DESCR/P'))).toBe(true);
    // Texts are never roles, and codes, phone numbers and e-mail addresses are not texts.
    expect(texts.every((b) => b.field === null)).toBe(true);
    expect(texts.some((b) => /E_MAIL|PHONE|OFFICIALNAME$/.test(b.source))).toBe(false);
    // The translated form is not read twice.
    expect(texts.some((b) => b.source.includes('F25_2014[2]'))).toBe(false);
  });

  it('TED XML R2.0.9: organisation names keep their roles and the notice language', () => {
    const parties = blocksOf('ted-xml-r209-21-205737.xml').filter((b) => b.kind === 'party');
    expect(parties.map((b) => [b.text, b.field, b.lang])).toContainEqual(['Cellnex UK Ltd', 'winner', 'en']);
  });

  it('eForms: address texts and every text in the notice language', () => {
    const blocks = blocksOf('ted-eforms-can-2024-OJS065-00191534-belgium-fod-bosa-cleaning.xml');
    const texts = blocks.filter((b) => b.kind === 'text');
    expect(texts.map((b) => b.text)).toContain('Boulevard Pacheco 44');
    expect(new Set(texts.map((b) => b.lang))).toEqual(new Set(['fr']));
    expect(texts.some((b) => /cbc:(Description|Name)(\[\d+\])?$/.test(b.source))).toBe(true);
    // Organisation names are parties, not texts.
    expect(texts.map((b) => b.text)).not.toContain('Belgo Facility Services');
  });

  it('maps TED and eForms language codes', () => {
    expect(languageCode('FR')).toBe('fr');
    expect(languageCode('POL')).toBe('pl');
    expect(languageCode('NLD')).toBe('nl');
    expect(languageCode('')).toBeNull();
    expect(languageCode('XXX')).toBeNull();
  });
});
