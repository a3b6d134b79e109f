// TED XML R2.0.9 (TED_EXPORT) -> name blocks with roles, against real published notices parsed
// with linkedom. linkedom has no XML namespaces (localName keeps the prefix, namespaceURI is
// XHTML, getElementsByTagNameNS misses prefixed names); the first tests pin that down, since
// src/formats/xml-dom.ts is written around it.
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { tedXmlBlocks, type DataFileResult } from '../../src/formats';

const dir = new URL('../fixtures/data-files/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
/** The organisation names with their roles (the notice's other texts are tested apart). */
const blocksOf = (xml: string): DataFileResult => {
  const r = tedXmlBlocks(parse(xml));
  return { ...r, blocks: r.blocks.filter((b) => b.kind === 'party') };
};
const shape = ({ text, field, source }: { text: string; field: unknown; source: string }) => ({ text, field, source });

function byRole(r: DataFileResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const b of r.blocks) (out[b.field ?? 'null'] ??= []).push(b.text);
  return out;
}

/** The OFFICIALNAMEs of every ADDRESS_CONTRACTOR, read from the raw text (independent of the parser). */
function rawContractorNames(xml: string): string[] {
  return [...xml.matchAll(/<ADDRESS_CONTRACTOR>\s*<OFFICIALNAME>([\s\S]*?)<\/OFFICIALNAME>/g)].map((m) =>
    m[1].replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim(),
  );
}

describe('linkedom as the Node XML parser (what xml-dom.ts relies on)', () => {
  it('parses namespaced TED files, but without namespace support', () => {
    const doc = parse(read('ted-eforms-can-2024-OJS065-00191534-belgium-fod-bosa-cleaning.xml'));
    const root = doc.documentElement;
    expect(root.localName).toBe('ContractAwardNotice');
    expect(root.getAttribute('xmlns')).toBe('urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2');
    expect(root.firstElementChild!.localName).toBe('ext:UBLExtensions'); // a browser says 'UBLExtensions'
    const efac = 'http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1';
    expect(doc.getElementsByTagNameNS(efac, 'Organization')).toHaveLength(0); // a browser finds 5
    expect(doc.getElementsByTagName('efac:Organization')).toHaveLength(5);
  });

  it('decodes entities and keeps attribute case in R2.0.9 files', () => {
    const doc = parse(read('ted-xml-r209-21-205737.xml'));
    const form = doc.getElementsByTagName('F25_2014')[0];
    expect(form.getAttribute('LG')).toBe('EN');
    expect(form.getAttribute('CATEGORY')).toBe('ORIGINAL');
    expect(parse('<A><B>M&amp;G</B></A>').documentElement.textContent).toBe('M&G');
  });
});

describe('TED XML R2.0.9 notices', () => {
  it('21-205737 (F25 concession award): Cellnex UK Ltd won, Network Rail bought', () => {
    const r = blocksOf(read('ted-xml-r209-21-205737.xml'));
    expect(r.format).toBe('ted-xml-r209');
    expect(r.blocks.map(shape)).toEqual([
      {
        text: 'Network Rail Infrastructure Ltd',
        field: 'buyer',
        source: '/TED_EXPORT/FORM_SECTION/F25_2014/CONTRACTING_BODY/ADDRESS_CONTRACTING_BODY/OFFICIALNAME',
      },
      {
        text: 'Cellnex UK Ltd',
        field: 'winner',
        source:
          '/TED_EXPORT/FORM_SECTION/F25_2014/AWARD_CONTRACT/AWARDED_CONTRACT/CONTRACTORS/CONTRACTOR/ADDRESS_CONTRACTOR/OFFICIALNAME',
      },
      {
        text: 'High Court',
        field: 'organisation',
        source: '/TED_EXPORT/FORM_SECTION/F25_2014/COMPLEMENTARY_INFO/ADDRESS_REVIEW_BODY/OFFICIALNAME',
      },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('20-537923 (UK construction framework): 184 contractor entries, 41 distinct winners', () => {
    const xml = read('ted-xml-r209-20-537923.xml');
    const raw = rawContractorNames(xml);
    expect(raw).toHaveLength(184);
    const r = blocksOf(xml);
    const winners = byRole(r).winner;
    expect(winners).toHaveLength(41);
    expect(new Set(winners.map((w) => w.toLowerCase()))).toEqual(new Set(raw.map((w) => w.toLowerCase())));
    expect(winners).toEqual(expect.arrayContaining(['Ark Build plc', 'Axis Europe PLC', 'Breyer Group Plc']));
    // London Borough of Haringey is the buyer and also named as mediation body: buyer only.
    expect(byRole(r).buyer).toEqual(['London Borough of Haringey']);
    expect(byRole(r).organisation).toEqual(['Law Society of England', 'High Court of England']);
  });

  it('19-271873 (North Macedonia F03): five winners', () => {
    expect(byRole(blocksOf(read('ted-xml-r209-19-271873.xml')))).toEqual({
      buyer: ['PHI Clinical Hospital Shtip'],
      winner: ['Vesta Drogerija', 'Farmahem Dooel', 'Biotek Doo', 'BI-EL Inzinering', 'Ahema Doo'],
      // The review body's name is cut short in the notice itself.
      organisation: ['State Commission for Appeals of the', 'Bureau of Public Procurement'],
    });
  });

  it('20-157543 (Spain F03): each consortium is one OFFICIALNAME listing its members', () => {
    const winners = byRole(blocksOf(read('ted-xml-r209-20-157543.xml'))).winner;
    expect(winners).toHaveLength(2);
    expect(winners[1]).toBe(
      'Ernst & Young, S. L., Faura-Casas Auditors Consultors, S. L., Auren Auditores SP, S. L. P., KPMG Auditores, S. L.',
    );
  });

  it('21-000061 (Highways England F03): 15 contractor entries, 12 winners incl. Ove Arup and Partners Ltd', () => {
    const xml = read('ted-xml-r209-21-000061.xml');
    expect(rawContractorNames(xml)).toHaveLength(15);
    const roles = byRole(blocksOf(xml));
    expect(roles.buyer).toEqual(['Highways England']);
    expect(roles.winner).toEqual([
      'Amey OW Ltd',
      'ATKINS Ltd',
      'Jacobs UK Ltd',
      'Costain Ltd',
      'Arcadis Consulting (UK) Ltd',
      'Pell Frischmann Consulting Engineers Ltd',
      'TRL Ltd',
      'Ove Arup and Partners Ltd',
      'WSP UK Ltd',
      'Pricewaterhousecoopers LLP',
      'Rowsell Wright Ltd',
      'Turner and Townsend Contract Services Ltd',
    ]);
  });

  it('21-139343 (F15 ex-ante transparency): 29 contractor entries, 19 distinct winners', () => {
    const xml = read('ted-xml-r209-21-139343.xml');
    expect(rawContractorNames(xml)).toHaveLength(29);
    const roles = byRole(blocksOf(xml));
    expect(roles.buyer).toEqual(['Foreign Commonwealth and Development Office']);
    expect(roles.winner).toHaveLength(19);
    expect(roles.winner).toEqual(
      expect.arrayContaining([
        'ATOS IT Services UK Ltd',
        'DAI Global UK',
        'Ecorys UK Ltd',
        'ICF Consulting Services Ltd',
        'IMC Worldwide Ltd',
      ]),
    );
  });

  it('22-091559 (AOK, Germany): 11 joint buyers (ADDRESS_CONTRACTING_BODY_ADDITIONAL), 6 winners, no Teva', () => {
    const r = blocksOf(read('ted-xml-r209-22-091559.xml'));
    const roles = byRole(r);
    expect(roles.buyer).toHaveLength(11);
    expect(roles.buyer[1]).toBe('AOK Bayern - Die Gesundheitskasse');
    expect(roles.winner).toHaveLength(6);
    expect(r.blocks.some((b) => /teva|ratiopharm/i.test(b.text))).toBe(false);
  });
});

describe('TED XML R2.0.9 structure variants (derived from 21-205737)', () => {
  const original = read('ted-xml-r209-21-205737.xml');
  const form = /<F25_2014[\s\S]*<\/F25_2014>/.exec(original)![0];
  const translated = form
    .replace('CATEGORY="ORIGINAL"', 'CATEGORY="TRANSLATION"')
    .replace('LG="EN"', 'LG="FR"')
    .replace('Cellnex UK Ltd', 'Cellnex Royaume-Uni SARL');

  it('reads only the original-language form when translations are present (translation first)', () => {
    const xml = original.replace(form, translated + form);
    const r = blocksOf(xml);
    expect(r.blocks.map((b) => b.text)).toContain('Cellnex UK Ltd');
    expect(r.blocks.map((b) => b.text)).not.toContain('Cellnex Royaume-Uni SARL');
    expect(r.blocks.find((b) => b.text === 'Cellnex UK Ltd')!.source).toContain('/F25_2014[2]/');
  });

  it('without CATEGORY attributes, picks the form whose LG is LG_ORIG', () => {
    const noCategory = (s: string): string => s.replace(/ CATEGORY="[A-Z]+"/, '');
    const r = blocksOf(original.replace(form, noCategory(translated) + noCategory(form)));
    expect(byRole(r).winner).toEqual(['Cellnex UK Ltd']);
  });

  it('older R2.0.9 structure without the CONTRACTORS wrapper: still the winner', () => {
    const xml = original.replace(/<\/?CONTRACTORS>/g, '');
    const r = blocksOf(xml);
    expect(shape(r.blocks.find((b) => b.text === 'Cellnex UK Ltd')!)).toEqual({
      text: 'Cellnex UK Ltd',
      field: 'winner',
      source:
        '/TED_EXPORT/FORM_SECTION/F25_2014/AWARD_CONTRACT/AWARDED_CONTRACT/CONTRACTOR/ADDRESS_CONTRACTOR/OFFICIALNAME',
    });
  });

  it('a contractor outside AWARD_CONTRACT (as in F20 modification notices) is a contractor', () => {
    const xml = original.replace(/(<\/?)AWARD_CONTRACT\b/g, '$1MODIFICATIONS_CONTRACT');
    expect(byRole(blocksOf(xml)).contractor).toEqual(['Cellnex UK Ltd']);
  });
});
